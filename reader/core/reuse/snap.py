"""Snap passage edges to word boundaries so a highlight never cuts a word in half.

jieba runs only on a short window around each edge (PITFALLS: it manages about 200k characters a
second, far too slow for a corpus, and its dictionary takes a second to load), and is imported on
first use. An edge moves inward, never outward: characters outside a match are not shared.
"""

from __future__ import annotations

import threading
import unicodedata
from functools import lru_cache

from reader.core.reuse.extend import Match
from reader.core.reuse.normalize import Keyed

WINDOW = 12          # characters of context on each side of an edge given to jieba
MAX_SHIFT = 6        # how far (in keys) an edge may move inward to find a common boundary

_lock = threading.Lock()
_tokenizer = None
_cache_dir: str | None = None


def set_cache_dir(path: str | None) -> None:
    """Where jieba keeps its dictionary cache (the app's cache folder); call before first use."""
    global _cache_dir
    _cache_dir = path
    if _tokenizer is not None and path:
        _tokenizer.tmp_dir = path


def _jieba():
    """jieba's default tokenizer, imported and configured on first use (never enable_paddle)."""
    global _tokenizer
    with _lock:
        if _tokenizer is None:
            import logging

            import jieba

            jieba.setLogLevel(logging.WARNING)
            if _cache_dir:
                jieba.dt.tmp_dir = _cache_dir
            jieba.dt.initialize()
            _tokenizer = jieba.dt
    return _tokenizer


def warm_up() -> None:
    """Load jieba's dictionary now (the app does this in the background after its window shows)."""
    _jieba()


@lru_cache(maxsize=4096)
def _window_cuts(window: str) -> frozenset[int]:
    """Token boundaries inside a short window of text."""
    cuts, pos = set(), 0
    for token in _jieba().cut(window, HMM=False):
        pos += len(token)
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
