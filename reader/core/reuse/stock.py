"""How stock a shared passage is (0 = distinctive reuse, 1 = formula everyone repeats), and splitting
a passage so that a formula inside it recedes while the rest stands out.

Two sources grade every key of a passage: the reference model (how widespread its n-grams are in
official writing) and the user's library (how many speeches hold its fingerprints: a city's pet
phrase in all its speeches is stock for that library). A passage's score is the mean grade of its
keys, raised to the library grade of the passage as a whole. Tried and dropped: the library's df
alone (the old rule) flips a passage's class as the library grows and never calls anything stock
in a library of two speeches.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Callable

import numpy as np

from reader.core.reuse.extend import Match
from reader.core.reuse.normalize import Keyed
from reader.core.reuse.passage import DEFAULT_STOCK_SCORE
from reader.core.reuse.reference import ReferenceModel, gram_grades, spread

MIN_FORMULA_KEYS = 8         # a stock stretch shorter than this is not split off a passage
MIN_PIECE_SIMILARITY = 0.8   # a near passage is kept whole when a piece would fall below this
MIN_PIECE_KEYS = 6           # a leftover shorter than this joins the stock stretch next to it

# (keys, the Keyed they are a slice of or None, where the slice begins) -> (df per gram, gram size)
LibraryGramDf = Callable[[np.ndarray, "Keyed | None", int], tuple[np.ndarray, int]]


@dataclass(frozen=True)
class Piece:
    """Part of a match (key coordinates) with its stock grade."""

    match: Match
    score: float


class StockScorer:
    """Grades keys and passages from the reference model and, when known, the library."""

    def __init__(self, model: ReferenceModel | None, threshold: float = DEFAULT_STOCK_SCORE,
                 library_df: LibraryGramDf | None = None, stock_df: int | None = None):
        self.model = model
        self.threshold = threshold
        self.library_df = library_df
        self.stock_df = stock_df

    def library_grade(self, df: int | None) -> float:
        """A passage's grade from the number of library speeches holding it: 0 at 2, 1 at the stock df."""
        if df is None or self.stock_df is None:
            return 0.0
        return float(self._library_grades(np.array([df]))[0])

    def _library_grades(self, df: np.ndarray) -> np.ndarray:
        """1 from the library's stock df on, linear from 0 at two speeches below it."""
        graded = gram_grades(df, 2, max(self.stock_df, 3))
        return np.where(df >= self.stock_df, np.float32(1.0), graded).astype(np.float32)

    def grades(self, keys: np.ndarray, keyed: Keyed | None = None, first: int = 0) -> np.ndarray:
        """Per key, how stock it is in official writing or in the library (the higher of the two);
        keys = keyed.keys[first:…] when keyed is given (its reference grades are then made once)."""
        if self.model is None:
            out = np.zeros(keys.shape[0], np.float32)
        elif keyed is not None:
            out = self.model.span_grades(keyed, first, first + keys.shape[0])
        else:
            out = self.model.key_grades(keys)
        if self.library_df is not None and self.stock_df is not None and keys.shape[0]:
            df, k = self.library_df(keys, keyed, first)
            np.maximum(out, spread(self._library_grades(df), k, keys.shape[0]), out=out)
        return out

    def classify(self, score: float) -> str:
        """The class of a score under the threshold setting."""
        return "stock" if score >= self.threshold else "distinctive"

    def pieces(self, a: Keyed, b: Keyed, m: Match) -> list[Piece]:
        """The match split where a formula inside it begins and ends, each piece with its score."""
        grades = self.grades(a.keys[m.a0:m.a1], a, m.a0)
        cuts = split_points(grades, self.threshold)
        if len(cuts) == 2:
            return [Piece(m, float(grades.mean()) if grades.size else 0.0)]
        to_b = _key_map(a.keys[m.a0:m.a1], b.keys[m.b0:m.b1])
        out = []
        for lo, hi in zip(cuts[:-1], cuts[1:]):
            b_lo, b_hi = to_b[lo], to_b[hi]
            part_a, part_b = a.keys[m.a0 + lo:m.a0 + hi], b.keys[m.b0 + b_lo:m.b0 + b_hi]
            exact = part_a.shape == part_b.shape and bool(np.array_equal(part_a, part_b))
            sim = 1.0 if exact else _similarity(part_a, part_b)
            if b_hi <= b_lo or sim < MIN_PIECE_SIMILARITY:
                # a cut through an edit leaves a piece that is not reuse on its own: keep the whole
                return [Piece(m, float(grades.mean()))]
            piece = Match(m.a0 + lo, m.a0 + hi, m.b0 + b_lo, m.b0 + b_hi, "exact" if exact else "near", sim)
            out.append(Piece(piece, float(grades[lo:hi].mean())))
        return out


def split_points(grades: np.ndarray, threshold: float) -> list[int]:
    """Offsets [0, …, n] cutting a passage into stock stretches (MIN_FORMULA_KEYS+ keys graded at or
    above the threshold) and the rest; a leftover under MIN_PIECE_KEYS joins its stock neighbour."""
    n = grades.shape[0]
    high = grades >= threshold
    edges = np.flatnonzero(np.diff(np.concatenate(([0], high.view(np.int8), [0]))))
    runs = [(int(s), int(e)) for s, e in zip(edges[::2], edges[1::2]) if e - s >= MIN_FORMULA_KEYS]
    if not runs or (len(runs) == 1 and runs[0] == (0, n)):
        return [0, n]
    merged: list[list[int]] = []
    for s, e in runs:
        if merged and s - merged[-1][1] < MIN_PIECE_KEYS:
            merged[-1][1] = e
        else:
            merged.append([s, e])
    if merged[0][0] < MIN_PIECE_KEYS:
        merged[0][0] = 0
    if n - merged[-1][1] < MIN_PIECE_KEYS:
        merged[-1][1] = n
    cuts = sorted({0, n, *(x for run in merged for x in run)})
    return cuts


def _key_map(ka: np.ndarray, kb: np.ndarray) -> list[int]:
    """For each offset 0..len(ka) in A, the matching offset in B (identity for exact passages)."""
    if ka.shape == kb.shape and np.array_equal(ka, kb):
        return list(range(ka.shape[0] + 1))
    out = [0] * (ka.shape[0] + 1)
    sm = SequenceMatcher(None, ka.tolist(), kb.tolist(), autojunk=False)
    prev_a = prev_b = 0
    for block in sm.get_matching_blocks():
        for i in range(prev_a, block.a):
            out[i] = block.b if i > prev_a else prev_b      # inside an edit: snap to its edges
        for i in range(block.size):
            out[block.a + i] = block.b + i
        prev_a, prev_b = block.a + block.size, block.b + block.size
    out[ka.shape[0]] = kb.shape[0]
    return out


def _similarity(ka: np.ndarray, kb: np.ndarray) -> float:
    """Share of keys the two sides have in common (as difflib's ratio)."""
    if not ka.size and not kb.size:
        return 1.0
    return round(SequenceMatcher(None, ka.tolist(), kb.tolist(), autojunk=False).ratio(), 3)
