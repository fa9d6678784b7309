"""Snap passage edges to word boundaries so a highlight never cuts a word in half.

Words come from the reference model's word list (what jieba cut official texts into, plus its
common dictionary words), segmented by the same rule as jieba (the most probable path through the
word graph) on a short window around each edge. jieba itself is never imported: it took 0.2 s to
import and about a second to build its dictionary, which commands that only compare texts should
not pay (PITFALLS), and the window segmenter gives the same cuts on officialese. An edge moves
inward, never outward: characters outside a match are not shared. When moving inward would take
a match below the minimum length, the caller keeps the match unsnapped (a real match is never lost).
"""

from __future__ import annotations

import math
import unicodedata
from functools import lru_cache

from reader.core.reuse.extend import Match
from reader.core.reuse.normalize import Keyed
from reader.core.reuse.reference import reference_model

WINDOW = 12          # characters of context on each side of an edge given to the segmenter
MAX_SHIFT = 6        # how far (in keys) an edge may move inward to find a common boundary
MAX_WORD = 6         # longest word looked up


def set_cache_dir(path: str | None) -> None:
    """Kept for callers of the jieba era: the segmenter needs no cache folder."""


def warm_up() -> None:
    """Load the word list now (the app does this in the background after its window shows)."""
    model = reference_model()
    if model is not None:
        model.word_logp()


@lru_cache(maxsize=1)
def _words() -> tuple[dict[str, float], float]:
    """Word log-probabilities and the log-probability given to a lone character."""
    model = reference_model()
    logp = model.word_logp() if model is not None else {}
    floor = min(logp.values()) if logp else 0.0
    return logp, floor - math.log(4)


@lru_cache(maxsize=8192)
def _window_cuts(window: str) -> frozenset[int]:
    """Word boundaries inside a short window of text (the most probable segmentation)."""
    logp, single = _words()
    n = len(window)
    best = [0.0] * (n + 1)
    step = [1] * (n + 1)
    for i in range(n - 1, -1, -1):
        best[i], step[i] = single + best[i + 1], 1
        for size in range(2, min(MAX_WORD, n - i) + 1):
            lp = logp.get(window[i:i + size])
            if lp is not None and lp + best[i + size] > best[i]:
                best[i], step[i] = lp + best[i + size], size
    cuts, pos = set(), 0
    while pos < n:
        pos += step[pos]
        cuts.add(pos)
    return frozenset(cuts)


def _is_word_char(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LNS" or ord(ch) > 0xFFFF


def is_boundary(text: str, pos: int) -> bool:
    """Whether a highlight may start or end at pos without splitting a word."""
    if pos <= 0 or pos >= len(text):
        return True
    if not (_is_word_char(text[pos - 1]) and _is_word_char(text[pos])):
        return True
    lo = max(0, pos - WINDOW)
    return (pos - lo) in _window_cuts(text[lo:pos + WINDOW])


def snap_match(a: Keyed, b: Keyed, m: Match) -> Match | None:
    """The match with both edges moved inward to word boundaries in both texts (None if nothing is left)."""
    limit = min(MAX_SHIFT, (m.a1 - m.a0) // 2)
    d0 = _first_shift(limit, lambda d: is_boundary(a.text, int(a.starts[m.a0 + d]))
                      and is_boundary(b.text, int(b.starts[m.b0 + d])),
                      lambda d: is_boundary(a.text, int(a.starts[m.a0 + d])))
    d1 = _first_shift(limit, lambda d: is_boundary(a.text, int(a.ends[m.a1 - 1 - d]))
                      and is_boundary(b.text, int(b.ends[m.b1 - 1 - d])),
                      lambda d: is_boundary(a.text, int(a.ends[m.a1 - 1 - d])))
    if m.a0 + d0 >= m.a1 - d1 or m.b0 + d0 >= m.b1 - d1:
        return None
    return Match(m.a0 + d0, m.a1 - d1, m.b0 + d0, m.b1 - d1, m.kind, m.similarity)


def _first_shift(limit: int, both, a_only) -> int:
    """The smallest inward shift that is a boundary in both texts, else in A, else none."""
    for d in range(limit + 1):
        if both(d):
            return d
    for d in range(limit + 1):
        if a_only(d):
            return d
    return 0
