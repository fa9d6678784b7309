"""Align two texts sentence by sentence, as a synoptic (对照) table: same, changed, only in one, moved.

The pairs come from a sparse similarity: every bigram of keys shared by a sentence of A and one
of B is counted at once with numpy (a join on bigram ids), so only pairs that share wording are
ever scored; a full sentence-by-sentence matrix of Python comparisons is the naive baseline in
bench/bench_align.py. The monotone alignment is the heaviest chain of increasing pairs (a
weighted longest increasing subsequence with a Fenwick tree), so its cost follows the candidate
pairs, not the product of the lengths. Good pairs the chain had to leave out, because they run
against the order, are sentences that moved. Next to each aligned pair, an unmatched neighbour
that makes the pair more alike when joined is taken in: a merge (2:1) or a split (1:2).
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

import numpy as np

from reader.core.sentences import SentenceText

CANDIDATE = 0.34   # Dice of bigram sets from which two sentences may be aligned in order
MOVED = 0.5        # … and from which a pair out of order counts as a moved sentence
MOVED_MIN_KEYS = 6  # a short sentence (同志们：) is too common to be said to have moved
JOIN_GAIN = 0.08   # joining a neighbour must raise the pair's similarity by this much
MAX_PARTS = 3      # sentences one side may join into a row
DENSE_LIMIT = 4_000_000   # sentence pairs counted densely in one block
BLOCK_PAIRS = 4_000_000   # bigram co-occurrences joined in one block
PIN_WEIGHT = 0.6   # a pinned pair (headings of aligned sections) counts as a fair match: never two real ones


@dataclass(frozen=True)
class Row:
    """One row of a sentence alignment; a and b are [start, end) in each text, None for an empty side."""

    kind: str                         # same | changed | moved | a_only | b_only
    a: tuple[int, int] | None
    b: tuple[int, int] | None
    similarity: float
    counterpart: int | None = None    # for a moved sentence: the row of its other half
    a_parts: int = 0                  # sentences on each side (2 for a merge or a split)
    b_parts: int = 0
    line: int = 0                     # the table line it is drawn on: unmatched A and B sentences share lines

    def to_json(self) -> dict:
        """The row as `duidu align --json` prints it."""
        data = {"a": list(self.a) if self.a else None, "b": list(self.b) if self.b else None,
                "kind": self.kind, "similarity": round(self.similarity, 3), "line": self.line}
        if self.counterpart is not None:
            data["counterpart"] = self.counterpart
        if max(self.a_parts, self.b_parts) > 1:
            data["sentences"] = [self.a_parts, self.b_parts]
        return data


@dataclass(frozen=True)
class Summary:
    """How many sentences of each kind (a moved sentence counts once)."""

    same: int
    changed: int
    added: int
    removed: int
    moved: int
    joined: int    # rows that merge or split sentences


class SentenceAlignment:
    """The rows aligning text_a[span_a] with text_b[span_b], in reading order of both."""

    def __init__(self, text_a: str, text_b: str, span_a: tuple[int, int] | None = None,
                 span_b: tuple[int, int] | None = None, loose: bool = False,
                 pinned: list[tuple[int, int]] | None = None):
        self.text_a, self.text_b, self.loose = text_a, text_b, loose
        self.a = SentenceText(text_a, *(span_a or (0, len(text_a))))
        self.b = SentenceText(text_b, *(span_b or (0, len(text_b))))
        self.rows: list[Row] = _build_rows(self.a, self.b, loose, self._pinned(pinned or []))

    def _pinned(self, offsets: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Sentence index pairs for (A offset, B offset) pairs that both start a sentence, kept in order."""
        first_a = {s.start: k for k, s in enumerate(self.a.sentences)}
        first_b = {s.start: k for k, s in enumerate(self.b.sentences)}
        pairs = sorted((first_a[x], first_b[y]) for x, y in offsets if x in first_a and y in first_b)
        kept: list[tuple[int, int]] = []
        for x, y in pairs:
            if not kept or (x > kept[-1][0] and y > kept[-1][1]):
                kept.append((x, y))
        return kept

    def summary(self) -> Summary:
        """Counts of the rows by kind."""
        count = {kind: sum(1 for r in self.rows if r.kind == kind) for kind in ("same", "changed", "moved",
                                                                                 "a_only", "b_only")}
        joined = sum(1 for r in self.rows if max(r.a_parts, r.b_parts) > 1)
        return Summary(count["same"], count["changed"], count["b_only"], count["a_only"], count["moved"] // 2, joined)

    def changes(self) -> list[int]:
        """Indices of the rows that are not the same."""
        return [i for i, r in enumerate(self.rows) if r.kind != "same"]

    def lines(self) -> list[tuple[int | None, int | None]]:
        """The table's lines as (row shown on the left, row shown on the right), None for an empty side."""
        out: list[list[int | None]] = []
        for k, row in enumerate(self.rows):
            if row.line == len(out):
                out.append([None, None])
            if row.a:
                out[row.line][0] = k
            if row.b:
                out[row.line][1] = k
        return [(left, right) for left, right in out]


def align_sentences(text_a: str, text_b: str, span_a=None, span_b=None, loose: bool = False,
                    pinned: list[tuple[int, int]] | None = None) -> SentenceAlignment:
    """Align two texts (or a section of each) sentence by sentence; pinned (A, B) sentence starts always pair."""
    return SentenceAlignment(text_a, text_b, span_a, span_b, loose, pinned)


def dice_matrix(a: SentenceText, b: SentenceText, min_dice: float = 0.0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(i, j, dice) for every pair of sentences sharing a bigram of keys, with dice >= min_dice.

    The pairs are counted a block of A's sentences at a time, so memory stays bounded however
    common the shared bigrams (的发, 发展 …) are.
    """
    sid_a, gram_a = a.bigram_pairs()
    sid_b, gram_b = b.bigram_pairs()
    na, nb = len(a), len(b)
    size_a = np.bincount(sid_a, minlength=na)
    size_b = np.bincount(sid_b, minlength=nb)
    lo = np.searchsorted(gram_b, gram_a, side="left")
    counts = np.searchsorted(gram_b, gram_a, side="right") - lo
    per_sentence = np.cumsum(np.bincount(sid_a, weights=counts, minlength=na))
    found = ([], [], [])
    first = 0
    while first < na:
        # the largest block of sentences whose pairs fit in one pass (at least one sentence)
        base = per_sentence[first - 1] if first else 0.0
        stop = max(first + 1, int(np.searchsorted(per_sentence, base + BLOCK_PAIRS, side="right")))
        stop = min(stop, first + max(1, DENSE_LIMIT // max(nb, 1)), na)
        inside = (sid_a >= first) & (sid_a < stop)
        i, j, shared = _shared_bigrams(sid_a[inside] - first, lo[inside], counts[inside], sid_b, (stop - first) * nb, nb)
        i += first
        dice = 2.0 * shared / (size_a[i] + size_b[j])
        keep = dice >= min_dice
        for bucket, values in zip(found, (i[keep], j[keep], dice[keep])):
            bucket.append(values)
        first = stop
    if not found[0]:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0)
    return tuple(np.concatenate(bucket) for bucket in found)


def _shared_bigrams(sid, lo, counts, sid_b, cells: int, nb: int):
    """(i, j, shared bigrams) for one block: the cross product of each bigram's A and B occurrences."""
    total = int(counts.sum())
    if total == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    offsets = np.repeat(lo - (np.cumsum(counts) - counts), counts)
    pair = np.repeat(sid, counts) * nb + sid_b[np.arange(total) + offsets]
    shared = np.bincount(pair, minlength=cells)
    pair = np.flatnonzero(shared)
    return pair // nb, pair % nb, shared[pair]


def heaviest_chain(i: np.ndarray, j: np.ndarray, weight: np.ndarray, nb: int) -> list[tuple[int, int]]:
    """The pairs, increasing in both i and j, of the largest total weight (weighted LIS, Fenwick tree)."""
    order = np.lexsort((-j, i))          # by i, and by j descending inside an i: no two of one i chain
    tree_best = [0.0] * (nb + 1)
    tree_at = [-1] * (nb + 1)
    back = [-1] * len(order)
    best_score, best_end = 0.0, -1
    ii, jj, ww = i[order].tolist(), j[order].tolist(), weight[order].tolist()
    for k in range(len(ii)):
        pos, score, prev = jj[k], 0.0, -1
        while pos > 0:                    # best chain ending at a j' < j
            if tree_best[pos] > score:
                score, prev = tree_best[pos], tree_at[pos]
            pos -= pos & -pos
        score += ww[k]
        back[k] = prev
        if score > best_score:
            best_score, best_end = score, k
        pos = jj[k] + 1
        while pos <= nb:
            if score > tree_best[pos]:
                tree_best[pos], tree_at[pos] = score, k
            pos += pos & -pos
    chain = []
    k = best_end
    while k >= 0:
        chain.append((ii[k], jj[k]))
        k = back[k]
    chain.reverse()
    return chain


def _dice(x: frozenset, y: frozenset) -> float:
    return 2.0 * len(x & y) / (len(x) + len(y)) if x or y else 1.0


class _Joiner:
    """Grows aligned pairs by unmatched neighbours when the joined sentences are more alike (merge, split)."""

    def __init__(self, a: SentenceText, b: SentenceText):
        self.sets_a, self.sets_b = a.bigram_sets(), b.bigram_sets()

    def similarity(self, a_range: tuple[int, int], b_range: tuple[int, int]) -> float:
        """Dice of the bigrams of A sentences [a0, a1) against B sentences [b0, b1)."""
        x = frozenset().union(*self.sets_a[a_range[0]:a_range[1]])
        y = frozenset().union(*self.sets_b[b_range[0]:b_range[1]])
        return _dice(x, y)

    def grow(self, groups: list[list[int]], free_a: set[int], free_b: set[int]) -> None:
        """Each group is [a0, a1, b0, b1]; take in free neighbours that raise its similarity."""
        for group in groups:
            grown = True
            while grown:
                grown = False
                current = self.similarity((group[0], group[1]), (group[2], group[3]))
                options = []            # (which end of the group moves, by how much)
                if group[1] - group[0] < MAX_PARTS:
                    if group[0] - 1 in free_a:
                        options.append((0, -1))
                    if group[1] in free_a:
                        options.append((1, 1))
                if group[3] - group[2] < MAX_PARTS:
                    if group[2] - 1 in free_b:
                        options.append((2, -1))
                    if group[3] in free_b:
                        options.append((3, 1))
                best = None
                for slot, step in options:
                    trial = list(group)
                    trial[slot] += step
                    score = self.similarity((trial[0], trial[1]), (trial[2], trial[3]))
                    if score >= current + JOIN_GAIN and (best is None or score > best[0]):
                        best = (score, slot, step)
                if best is not None:
                    _score, slot, step = best
                    taken = group[slot] - 1 if step < 0 else group[slot]
                    (free_a if slot < 2 else free_b).discard(taken)
                    group[slot] += step
                    grown = True


def _build_rows(a: SentenceText, b: SentenceText, loose: bool, pinned: list[tuple[int, int]]) -> list[Row]:
    """Pairs in order, moved pairs, merges and splits, then the rows in the reading order of both texts."""
    i, j, dice = dice_matrix(a, b, min(CANDIDATE, MOVED))
    keep = dice >= CANDIDATE
    pin_i = np.array([x for x, _ in pinned], dtype=np.int64)
    pin_j = np.array([y for _, y in pinned], dtype=np.int64)
    chain = heaviest_chain(np.concatenate([i[keep], pin_i]), np.concatenate([j[keep], pin_j]),
                           np.concatenate([dice[keep], np.full(len(pinned), PIN_WEIGHT)]), len(b))
    free_a = set(range(len(a))) - {x for x, _ in chain}
    free_b = set(range(len(b))) - {y for _, y in chain}
    fixed = set(pinned)
    groups = [[x, x + 1, y, y + 1] for x, y in chain]
    # a pinned pair stays one line to one line: headings are never merged with the text under them
    _Joiner(a, b).grow([g for g in groups if (g[0], g[2]) not in fixed], free_a, free_b)
    moved = _moved_pairs(a, i, j, dice, free_a, free_b)
    return _assemble(a, b, groups, moved, loose)


def _moved_pairs(a: SentenceText, i, j, dice, free_a: set[int], free_b: set[int]) -> dict[int, int]:
    """Unaligned sentences of A whose best unaligned partner in B is alike enough: A index → B index."""
    strong = np.flatnonzero(dice >= MOVED)
    strong = strong[np.argsort(-dice[strong], kind="stable")]
    moved: dict[int, int] = {}
    taken_b: set[int] = set()
    for k in strong.tolist():
        x, y = int(i[k]), int(j[k])
        if x in free_a and y in free_b and x not in moved and y not in taken_b \
                and a.sentences[x].n_keys >= MOVED_MIN_KEYS:
            moved[x] = y
            taken_b.add(y)
    for x, y in moved.items():
        free_a.discard(x)
        free_b.discard(y)
    return moved


def _similarity(a: SentenceText, b: SentenceText, ra: tuple[int, int], rb: tuple[int, int]) -> float:
    """Share of keys the two sides have in common, in order (difflib's ratio over key strings)."""
    x, y = a.key_string(*ra), b.key_string(*rb)
    if x == y:
        return 1.0
    return SequenceMatcher(None, x, y, autojunk=False).ratio()


def _span(text: SentenceText, first: int, stop: int) -> tuple[int, int]:
    return text.sentences[first].start, text.sentences[stop - 1].end


def _assemble(a: SentenceText, b: SentenceText, groups, moved: dict[int, int], loose: bool) -> list[Row]:
    """Walk both texts in order: before each aligned group, the sentences left over on each side.

    As collation tools do, the k-th leftover of A and the k-th of B in one gap share a table line
    (rows A, B, A, B …), so two passages that share little still read side by side.
    """
    rows: list[dict] = []
    moved_back = {y: x for x, y in moved.items()}
    row_of_a: dict[int, int] = {}
    row_of_b: dict[int, int] = {}
    ca = cb = line = 0
    for group in groups + [[len(a), len(a), len(b), len(b)]]:
        a0, a1, b0, b1 = group
        for step in range(max(a0 - ca, b0 - cb)):
            x, y = ca + step, cb + step
            if x < a0:
                row_of_a[x] = len(rows)
                rows.append({"kind": "moved" if x in moved else "a_only", "a": _span(a, x, x + 1), "b": None,
                             "similarity": 0.0, "a_parts": 1, "b_parts": 0, "line": line})
            if y < b0:
                row_of_b[y] = len(rows)
                rows.append({"kind": "moved" if y in moved_back else "b_only", "a": None, "b": _span(b, y, y + 1),
                             "similarity": 0.0, "a_parts": 0, "b_parts": 1, "line": line})
            line += 1
        if a1 > a0:
            similarity = _similarity(a, b, (a0, a1), (b0, b1))
            same_text = a.text[slice(*_span(a, a0, a1))] == b.text[slice(*_span(b, b0, b1))]
            same = same_text or (loose and similarity == 1.0)
            rows.append({"kind": "same" if same else "changed", "a": _span(a, a0, a1), "b": _span(b, b0, b1),
                         "similarity": 1.0 if same_text else similarity, "a_parts": a1 - a0, "b_parts": b1 - b0,
                         "line": line})
            line += 1
        ca, cb = a1, b1
    for x, y in moved.items():
        ra, rb = row_of_a[x], row_of_b[y]
        similarity = _similarity(a, b, (x, x + 1), (y, y + 1))
        rows[ra].update(counterpart=rb, similarity=similarity)
        rows[rb].update(counterpart=ra, similarity=similarity)
    return [Row(**row) for row in rows]
