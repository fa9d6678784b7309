"""Matching keys: the text with punctuation and spaces dropped, widths folded and placeholders collapsed.

Every key remembers the span of the original text it stands for, so whatever is found on keys is
reported in Python string indices of the original (characters outside the BMP are one index).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

# One symbol for every anonymising placeholder (X, XX, **, ××, ○○ …): outside Unicode, so it can
# never equal a real character, and equal to itself, so X市 matches **市.
PLACEHOLDER = 0x110000
# Bumped whenever the keys change, so stored fingerprints are rebuilt rather than trusted.
NORMALIZE_VERSION = 1

_LETTER_MARKS = "XxＸｘ×✕"     # stand for a name even when alone: X市, x县, ×局
_SYMBOL_MARKS = "*＊○□◯〇●■△"  # only a run of two or more (**, ○○): one alone is a bullet or a footnote
_DROP, _KEEP_SELF = 0, 1


@dataclass(frozen=True)
class Keyed:
    """A text's matching keys (uint32) with the original span [starts[i], ends[i]) of each key."""

    text: str
    keys: np.ndarray
    starts: np.ndarray
    ends: np.ndarray
    cache: dict = field(default_factory=dict, compare=False, repr=False)   # derived tables (gram index)

    def __len__(self) -> int:
        return int(self.keys.shape[0])

    def span(self, first: int, stop: int) -> tuple[int, int]:
        """Original [start, end) covered by keys[first:stop] (stop > first)."""
        return int(self.starts[first]), int(self.ends[stop - 1])


_UNKNOWN = np.uint32(0xFFFFFFFF)      # a BMP code point not folded yet
_fold = np.full(0x10000, _UNKNOWN, dtype=np.uint32)


def _fold_one(cp: int) -> int:
    """The key of one BMP code point (0 = dropped)."""
    cat = unicodedata.category(chr(cp))
    # punctuation, separators, controls and unassigned/surrogates never carry wording
    if cat[0] in "PZC":
        return 0
    if 0xFF01 <= cp <= 0xFF5E:       # full-width ASCII: Ａ→A, ０→0
        cp = cp - 0xFEE0
    elif 0x2F00 <= cp <= 0x2FDF or 0x2E80 <= cp <= 0x2EFF:
        # Kangxi radicals from PDF fonts stand for ordinary hanzi (PITFALLS: only these ranges)
        cp = ord(unicodedata.normalize("NFKC", chr(cp))[0])
    if 0x41 <= cp <= 0x5A:           # case does not make a different wording
        cp += 0x20
    return cp


def _folded(bmp_cps: np.ndarray) -> np.ndarray:
    """Keys of BMP code points; each code point is folded the first time any text holds it (folding
    all 65,536 up front cost every process 30-50 ms; a speech holds a few thousand distinct ones)."""
    keys = _fold[bmp_cps]
    missing = keys == _UNKNOWN
    if missing.any():
        for cp in set(bmp_cps[missing].tolist()):
            _fold[cp] = _fold_one(cp)   # idempotent: threads racing here write the same value
        keys = _fold[bmp_cps]
    return keys


def fold_common() -> None:
    """Fold the common code points now (ASCII, CJK punctuation and the unified ideographs, 16 ms): the app's
    background warm-up does it, so that the first speeches compared do not fold character by character."""
    _folded(np.arange(0x20, 0x7F, dtype=np.uint32))
    _folded(np.arange(0x3000, 0x3040, dtype=np.uint32))
    _folded(np.arange(0x4E00, 0xA000, dtype=np.uint32))
    _folded(np.arange(0xFF00, 0xFF70, dtype=np.uint32))


@lru_cache(maxsize=1)
def _marks() -> np.ndarray:
    """The placeholder class of each BMP code point."""
    marks = np.zeros(0x10000, dtype=np.uint8)
    for ch in _LETTER_MARKS:
        marks[ord(ch)] = 1
    for ch in _SYMBOL_MARKS:
        marks[ord(ch)] = 2
    # 〇 is the hanzi zero (二〇一五) when alone; only runs of it are treated as a placeholder
    return marks


def code_points(text: str) -> np.ndarray:
    """The text as a uint32 array of code points, one per Python index (lone surrogates kept)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _placeholder_runs(cps: np.ndarray, marks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """[start, end) of each run of placeholder marks that stands for a name."""
    cls = np.zeros(cps.shape[0], dtype=np.uint8)
    bmp = cps < 0x10000
    cls[bmp] = marks[cps[bmp]]
    is_mark = cls > 0
    if not is_mark.any():
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    edges = np.diff(np.concatenate(([0], is_mark.view(np.int8), [0])))
    starts = np.flatnonzero(edges == 1)
    ends = np.flatnonzero(edges == -1)
    n = cps.shape[0]
    length = ends - starts
    has_letter = np.maximum.reduceat((cls == 1).view(np.uint8), starts) if starts.size else starts
    ok = (length >= 2) | (has_letter > 0)
    # X inside a Latin word (APEX, XML) or × between digits (3×5) is not a placeholder
    alnum = ((cps >= 0x30) & (cps <= 0x39)) | (((cps | 0x20) >= 0x61) & ((cps | 0x20) <= 0x7A))
    before = np.where(starts > 0, alnum[np.maximum(starts - 1, 0)], False)
    after = np.where(ends < n, alnum[np.minimum(ends, n - 1)], False)
    ok &= ~(before | after) | (has_letter == 0)
    return starts[ok], ends[ok]


def normalize(text: str) -> Keyed:
    """The matching keys of a text, each with the original [start, end) it covers."""
    marks = _marks()
    cps = code_points(text)
    n = cps.shape[0]
    keys = np.empty(n, dtype=np.uint32)
    bmp = cps < 0x10000
    keys[bmp] = _folded(cps[bmp])
    keys[~bmp] = cps[~bmp]                # CJK Extension B and beyond are words, keep them
    keep = keys != 0
    ends = np.arange(1, n + 1, dtype=np.uint32)
    run_starts, run_ends = _placeholder_runs(cps, marks)
    if run_starts.size:
        # the whole run becomes one key at its first position, covering the run
        inside = np.zeros(n + 1, dtype=np.int32)
        np.add.at(inside, run_starts, 1)
        np.add.at(inside, run_ends, -1)
        in_run = np.cumsum(inside[:n]) > 0
        keep &= ~in_run
        keep[run_starts] = True
        keys[run_starts] = PLACEHOLDER
        ends[run_starts] = run_ends
    idx = np.flatnonzero(keep).astype(np.uint32)
    return Keyed(text, keys[idx], idx, ends[idx])


def key_string(keyed: Keyed, first: int = 0, stop: int | None = None) -> str:
    """Keys as a string (placeholder shown as ＊), for similarity figures and debugging."""
    part = keyed.keys[first:stop]
    return "".join("＊" if k == PLACEHOLDER else chr(k) for k in part.tolist())
