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

WINDOW = 8           # characters of context on each side of an edge given to the segmenter
MAX_SHIFT = 6        # how far (in keys) an edge may move inward to find a common boundary
MAX_WORD = 6         # longest word looked up


def warm_up() -> None:
    """Load the word list now (the app does this in the background after its window shows)."""
    model = reference_model()
    if model is not None:
        model.word_logp()


@lru_cache(maxsize=1)
def _words() -> tuple[dict[str, float], frozenset[str], float]:
    """Word log-probabilities, the first two characters of every word of three or more, and the
    log-probability given to a lone character."""
    model = reference_model()
    logp = model.word_logp() if model is not None else {}
    floor = min(logp.values()) if logp else 0.0
    return logp, frozenset(w[:2] for w in logp if len(w) > 2), floor - math.log(4)


@lru_cache(maxsize=8192)
def _window_cuts(window: str) -> frozenset[int]:
    """Word boundaries inside a short window of text (the most probable segmentation)."""
    logp, long_heads, single = _words()
    get = logp.get
    n = len(window)
    best = [0.0] * (n + 1)
    step = [1] * (n + 1)
    for i in range(n - 1, -1, -1):
        score, size = single + best[i + 1], 1
        pair = window[i:i + 2]
        lp = get(pair) if n - i >= 2 else None
        if lp is not None and lp + best[i + 2] > score:
            score, size = lp + best[i + 2], 2
        if pair in long_heads:           # only then can a longer word start here
            for length in range(3, min(MAX_WORD, n - i) + 1):
                lp = get(window[i:i + length])
                if lp is not None and lp + best[i + length] > score:
                    score, size = lp + best[i + length], length
        best[i], step[i] = score, size
    cuts, pos = set(), 0
    while pos < n:
        pos += step[pos]
        cuts.add(pos)
    return frozenset(cuts)


def _is_word_char(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LNS" or ord(ch) > 0xFFFF


def boundaries(text: str, positions) -> frozenset[int]:
    """Which of the given positions are word boundaries: one segmentation of the stretch they span
    (with WINDOW characters of context), not one per position, so snapping an edge costs one pass."""
    wanted = [p for p in positions if 0 < p < len(text)]
    out = {p for p in positions if p <= 0 or p >= len(text)}
    if not wanted:
        return frozenset(out)
    inside = [p for p in wanted if _is_word_char(text[p - 1]) and _is_word_char(text[p])]
    out.update(p for p in wanted if p not in inside)     # next to punctuation: no words to ask about
    if inside:
        lo, hi = max(0, min(inside) - WINDOW), min(len(text), max(inside) + WINDOW)
        cuts = _window_cuts(text[lo:hi])
        out.update(p for p in inside if (p - lo) in cuts)
    return frozenset(out)


def is_boundary(text: str, pos: int) -> bool:
    """Whether a highlight may start or end at pos without splitting a word."""
    return pos in boundaries(text, [pos])


def snap_match(a: Keyed, b: Keyed, m: Match) -> Match | None:
    """The match with both edges moved inward to word boundaries in both texts (None if nothing is left)."""
    limit = min(MAX_SHIFT, (m.a1 - m.a0) // 2)
    shifts = range(limit + 1)
    a_starts = [int(a.starts[m.a0 + d]) for d in shifts]
    b_starts = [int(b.starts[min(m.b0 + d, m.b1 - 1)]) for d in shifts]
    a_ends = [int(a.ends[m.a1 - 1 - d]) for d in shifts]
    b_ends = [int(b.ends[max(m.b1 - 1 - d, m.b0)]) for d in shifts]
    d0 = _first_shift(a.text, b.text, a_starts, b_starts)
    d1 = _first_shift(a.text, b.text, a_ends, b_ends)
    if m.a0 + d0 >= m.a1 - d1 or m.b0 + d0 >= m.b1 - d1:
        return None
    return Match(m.a0 + d0, m.a1 - d1, m.b0 + d0, m.b1 - d1, m.kind, m.similarity)


def _first_shift(a_text: str, b_text: str, a_pos: list[int], b_pos: list[int]) -> int:
    """The smallest inward shift that is a boundary in both texts, else in A, else none; words are
    looked up only when the edge does not already sit next to punctuation on both sides."""
    if _between_words(a_text, a_pos[0]) is False and _between_words(b_text, b_pos[0]) is False:
        return 0
    a_ok, b_ok = boundaries(a_text, a_pos), boundaries(b_text, b_pos)
    for d, (pa, pb) in enumerate(zip(a_pos, b_pos)):
        if pa in a_ok and pb in b_ok:
            return d
    return next((d for d, pa in enumerate(a_pos) if pa in a_ok), 0)


def _between_words(text: str, pos: int) -> bool:
    """Whether pos falls between two word characters (only then can it split a word)."""
    return 0 < pos < len(text) and _is_word_char(text[pos - 1]) and _is_word_char(text[pos])
