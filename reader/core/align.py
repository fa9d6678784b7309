"""Align the sections of two speeches, so choosing one brings its counterpart into view.

Top-level sections are aligned by a monotone global alignment (as in sequence alignment) whose
score mixes the outline position (speeches that share a structure line up by number) with the
similarity of the sections' content; aligned headings then align their children the same way.
Content is compared as TF-IDF vectors of character bigrams: for telling "the planning section"
from "the safeguards section" they measure what jieba words would, without jieba's one-second
dictionary load on the way to opening a comparison. Bigrams are integers counted by numpy, one
pass per speech: Counters of string slices for every section at every level took most of the time
of opening a comparison.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from reader.core.outline import Section, iter_sections

_NOT_TEXT = re.compile(r"[\s\W_]+", re.UNICODE)
GAP = -0.15            # cost of leaving a section without a partner
POSITION_WEIGHT = 0.6  # how much a same-place-in-the-outline counts against content
CONTENT_WEIGHT = 1.0
MIN_SCORE = 0.05       # a pair scoring below this is not worth aligning


@dataclass(frozen=True)
class SectionKey:
    """A section named by where it starts and its level: stable while the text does not change."""

    start: int
    level: int

    @staticmethod
    def of(section: Section) -> "SectionKey":
        """The key of a section."""
        return SectionKey(section.start, section.level)


@lru_cache(maxsize=8)
def _bigram_codes(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Every bigram of the text's letters and digits (spaces and punctuation dropped) as one integer, and,
    for each offset of the text, how many of those letters come before it (so a section is a slice).
    Kept for the few speeches of the comparisons being opened (a speech is in up to three pairs)."""
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    distinct, where = np.unique(points, return_inverse=True)
    letter = np.fromiter((_NOT_TEXT.match(chr(c)) is None for c in distinct.tolist()), dtype=bool,
                         count=distinct.size)
    keep = letter[where]
    points = points[keep].astype(np.int64)
    before = np.zeros(len(text) + 1, dtype=np.int64)
    np.cumsum(keep, out=before[1:])
    return (points[:-1] << 21) | points[1:], before


@lru_cache(maxsize=8)
def _section_grams(text: str, spans: tuple[tuple[int, int], ...]) -> list[tuple[np.ndarray, np.ndarray]]:
    """The bigrams of each section (start, end) of a text with their counts: a speech in three pairs (four
    panes) is counted once."""
    codes, before = _bigram_codes(text)
    out = []
    for start, end in spans:
        lo = int(before[min(max(start, 0), len(text))])
        hi = int(before[min(max(end, 0), len(text))])
        out.append(np.unique(codes[lo:max(hi - 1, lo)], return_counts=True))
    return out


class _Vectors:
    """TF-IDF vectors of the sections of two speeches, over the bigrams of both (numpy: one pass per speech)."""

    def __init__(self, text_a: str, sections_a: list[Section], text_b: str, sections_b: list[Section]):
        grams: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        for text, sections in ((text_a, sections_a), (text_b, sections_b)):
            counted = _section_grams(text, tuple((s.start, s.end) for s in sections))
            grams.update((id(section), found) for section, found in zip(sections, counted))
        n = max(len(grams), 1)
        found = [g for g, _ in grams.values()]
        vocab, df = np.unique(np.concatenate(found), return_counts=True) if found else (np.zeros(0), np.zeros(0))
        idf = np.log((1 + n) / (1 + df)) + 1
        self.weights: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self.norm: dict[int, float] = {}
        for key, (codes, tf) in grams.items():
            weights = tf * idf[np.searchsorted(vocab, codes)]
            self.weights[key] = (codes, weights)
            self.norm[key] = math.sqrt(float(np.dot(weights, weights))) or 1.0

    def cosine(self, a: Section, b: Section) -> float:
        """Cosine similarity of two sections' TF-IDF vectors."""
        (ga, wa), (gb, wb) = self.weights[id(a)], self.weights[id(b)]
        _common, ia, ib = np.intersect1d(ga, gb, assume_unique=True, return_indices=True)
        return float(np.dot(wa[ia], wb[ib])) / (self.norm[id(a)] * self.norm[id(b)])


class SectionAlignment:
    """Which section of B goes with each section of A, and a map of A's offsets to B's for scrolling."""

    def __init__(self, text_a: str, sections_a: list[Section], text_b: str, sections_b: list[Section],
                 links: list[tuple[int, int]] | None = None):
        all_a = list(iter_sections(sections_a))
        all_b = list(iter_sections(sections_b))
        vectors = _Vectors(text_a, all_a, text_b, all_b)
        self.pairs: list[tuple[Section, Section]] = []
        self._align_level(sections_a, sections_b, vectors)
        self._apply_links(all_a, all_b, links or [])
        self.a_to_b = {SectionKey.of(a): b for a, b in self.pairs}
        self.b_to_a = {SectionKey.of(b): a for a, b in self.pairs}
        self._parents_a = _parents(sections_a)
        self._parents_b = _parents(sections_b)
        self._anchors = _monotone_anchors(self.pairs, len(text_a), len(text_b))

    def _align_level(self, level_a: list[Section], level_b: list[Section], vectors: _Vectors) -> None:
        for a, b in _global_alignment(level_a, level_b, vectors):
            self.pairs.append((a, b))
            if a.children and b.children:
                self._align_level(a.children, b.children, vectors)

    def _apply_links(self, all_a, all_b, links) -> None:
        """The reader's corrections (A start, B start) replace what was computed for those sections."""
        by_start_a = {s.start: s for s in all_a}
        by_start_b = {s.start: s for s in all_b}
        for start_a, start_b in links:
            a, b = by_start_a.get(start_a), by_start_b.get(start_b)
            if a is None or b is None:
                continue
            self.pairs = [(x, y) for x, y in self.pairs if x is not a and y is not b]
            self.pairs.append((a, b))
        self.pairs.sort(key=lambda pair: (pair[0].start, pair[0].level))

    def counterpart(self, section: Section, from_a: bool = True) -> Section | None:
        """The aligned section on the other side; an unaligned one borrows its parent's partner."""
        table = self.a_to_b if from_a else self.b_to_a
        parents = self._parents_a if from_a else self._parents_b
        current: Section | None = section
        while current is not None:
            found = table.get(SectionKey.of(current))
            if found is not None:
                return found
            current = parents.get(SectionKey.of(current))
        return None

    def map_offset(self, offset: int, from_a: bool = True) -> int:
        """Where an offset of one speech falls in the other: section by section, proportionally inside."""
        anchors = self._anchors if from_a else [(b, a) for a, b in self._anchors]
        xs = [x for x, _ in anchors]
        i = max(0, min(bisect_right(xs, offset) - 1, len(anchors) - 2))
        (x0, y0), (x1, y1) = anchors[i], anchors[i + 1]
        if x1 == x0:
            return y0
        return int(round(y0 + (offset - x0) * (y1 - y0) / (x1 - x0)))


def _pair_score(a: Section, b: Section, i: int, j: int, n: int, m: int, vectors: _Vectors) -> float:
    if a.kind != b.kind:
        return -1.0  # the opening never lines up with a heading, nor a heading with the closing
    if a.kind in ("opening", "closing"):
        return 2.0
    place = 1.0 - abs((i + 0.5) / n - (j + 0.5) / m)
    same_count = 0.3 if n == m else 0.0
    return CONTENT_WEIGHT * vectors.cosine(a, b) + POSITION_WEIGHT * place * place + same_count - 0.5


def _global_alignment(level_a: list[Section], level_b: list[Section], vectors: _Vectors):
    """Needleman–Wunsch over two lists of sibling sections; yields the aligned pairs in order."""
    n, m = len(level_a), len(level_b)
    if not n or not m:
        return []
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[0] * (m + 1) for _ in range(n + 1)]  # 0 diagonal, 1 skip a, 2 skip b
    for i in range(1, n + 1):
        score[i][0], move[i][0] = i * GAP, 1
    for j in range(1, m + 1):
        score[0][j], move[0][j] = j * GAP, 2
    pair = [[_pair_score(a, b, i, j, n, m, vectors) for j, b in enumerate(level_b)] for i, a in enumerate(level_a)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            options = (score[i - 1][j - 1] + pair[i - 1][j - 1], score[i - 1][j] + GAP, score[i][j - 1] + GAP)
            best = max(range(3), key=options.__getitem__)
            score[i][j], move[i][j] = options[best], best
    aligned = []
    i, j = n, m
    while i > 0 and j > 0:
        if move[i][j] == 0:
            if pair[i - 1][j - 1] >= MIN_SCORE - 0.5:
                aligned.append((level_a[i - 1], level_b[j - 1]))
            i, j = i - 1, j - 1
        elif move[i][j] == 1:
            i -= 1
        else:
            j -= 1
    aligned.reverse()
    return aligned


def _parents(sections: list[Section]) -> dict[SectionKey, Section]:
    parents: dict[SectionKey, Section] = {}
    stack = [(s, None) for s in sections]
    while stack:
        section, parent = stack.pop()
        if parent is not None:
            parents[SectionKey.of(section)] = parent
        stack.extend((child, section) for child in section.children)
    return parents


def _monotone_anchors(pairs, len_a: int, len_b: int) -> list[tuple[int, int]]:
    """(offset in A, offset in B) at each aligned section start, kept increasing on both sides."""
    anchors = [(0, 0)]
    for a, b in sorted(pairs, key=lambda p: (p[0].start, p[1].start)):
        last_a, last_b = anchors[-1]
        if a.start > last_a and b.start > last_b:
            anchors.append((a.start, b.start))
    anchors.append((max(len_a, anchors[-1][0] + 1), max(len_b, anchors[-1][1])))
    return anchors
