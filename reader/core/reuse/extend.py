"""From seed runs to passages: verify and extend exact matches, bridge small edits, drop echoes.

Works in key coordinates (see normalize.py). A segment is an exact match (a0, a1, b0, b1) with
exclusive ends; a chain is a run of segments joined across small edits, which becomes a "near"
passage when it holds more than one segment.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

import numpy as np


@dataclass(frozen=True)
class Match:
    """A shared stretch in key coordinates, before mapping to the original text."""

    a0: int
    a1: int
    b0: int
    b1: int
    kind: str
    similarity: float


def exact_segments(ka: np.ndarray, kb: np.ndarray, runs: np.ndarray, k: int) -> np.ndarray:
    """Turn diagonal gram runs into verified, maximal exact segments: rows (a0, a1, b0, b1), unique."""
    if runs.shape[0] == 0:
        return np.zeros((0, 4), dtype=np.int64)
    a0, b0 = runs[:, 0].copy(), runs[:, 2].copy()
    a1 = runs[:, 1] + k
    b1 = b0 + (a1 - a0)
    # verify every run at once (a 64-bit hash collision is vanishingly rare, but never report one)
    lengths = a1 - a0
    offsets = np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    equal = ka[np.repeat(a0, lengths) + offsets] == kb[np.repeat(b0, lengths) + offsets]
    ok = np.logical_and.reduceat(equal, np.cumsum(lengths) - lengths)
    a0, a1, b0, b1 = a0[ok], a1[ok], b0[ok], b1[ok]
    # grams left out as too frequent can cut a run short; extending by keys makes it maximal
    na, nb = ka.shape[0], kb.shape[0]
    left = (a0 > 0) & (b0 > 0)
    left[left] = ka[a0[left] - 1] == kb[b0[left] - 1]
    right = (a1 < na) & (b1 < nb)
    right[right] = ka[np.minimum(a1[right], na - 1)] == kb[np.minimum(b1[right], nb - 1)]
    for i in np.flatnonzero(left | right).tolist():
        x0, x1, y0, y1 = int(a0[i]), int(a1[i]), int(b0[i]), int(b1[i])
        while x0 > 0 and y0 > 0 and ka[x0 - 1] == kb[y0 - 1]:
            x0, y0 = x0 - 1, y0 - 1
        while x1 < na and y1 < nb and ka[x1] == kb[y1]:
            x1, y1 = x1 + 1, y1 + 1
        a0[i], a1[i], b0[i], b1[i] = x0, x1, y0, y1
    return unique_rows(np.stack((a0, a1, b0, b1), axis=1))


def unique_rows(rows: np.ndarray) -> np.ndarray:
    """The distinct rows of an integer matrix, sorted (np.unique(rows, axis=0) without its lazy
    import of numpy.ma and its structured-view detour, which cost a first comparison 20-80 ms)."""
    if rows.shape[0] < 2:
        return rows
    rows = rows[np.lexsort(rows.T[::-1])]
    keep = np.empty(rows.shape[0], dtype=bool)
    keep[0] = True
    np.any(rows[1:] != rows[:-1], axis=1, out=keep[1:])
    return rows[keep]


def isolated(segs: np.ndarray, max_gap: int, reach: int = 16) -> np.ndarray:
    """Which segments (sorted by a0) have no other segment close enough to be bridged to.

    Looks at the `reach` nearest segments in A order on each side, vectorised: hundreds of lone
    coincidental seeds per pair of speeches then skip the chaining loop.
    """
    n = segs.shape[0]
    linked = np.zeros(n, dtype=bool)
    a0, a1, b0, b1 = segs.T
    for s in range(1, min(reach, n - 1) + 1):
        ga = a0[s:] - a1[:-s]
        gb = b0[s:] - b1[:-s]
        near = (np.maximum(ga, gb) <= max_gap) & (np.minimum(ga, gb) > -max_gap)
        linked[:-s] |= near
        linked[s:] |= near
    return ~linked


def _gap_matches(ka: np.ndarray, kb: np.ndarray, a0: int, a1: int, b0: int, b1: int) -> int:
    """Characters the two sides of a small gap still share (difflib on a few dozen keys is cheap)."""
    if a1 <= a0 or b1 <= b0:
        return 0
    sm = SequenceMatcher(None, ka[a0:a1].tolist(), kb[b0:b1].tolist(), autojunk=False)
    return sum(block.size for block in sm.get_matching_blocks())


class _Chain:
    __slots__ = ("segs", "a1", "b1", "matched")

    def __init__(self, seg):
        self.segs = [seg]
        self.a1, self.b1 = seg[1], seg[3]
        self.matched = seg[1] - seg[0]


def chain_segments(ka: np.ndarray, kb: np.ndarray, segs: list[tuple[int, int, int, int]],
                   max_gap: int, min_similarity: float) -> list[Match]:
    """Join segments (sorted by a0, b0) that follow each other in both texts across small edits."""
    chains: list[_Chain] = []
    open_chains: list[_Chain] = []
    for seg in segs:
        a0, a1, b0, b1 = seg
        open_chains = [c for c in open_chains if c.a1 >= a0 - max_gap]
        best, best_cost = None, None
        for c in open_chains:
            ga, gb = a0 - c.a1, b0 - c.b1
            if min(ga, gb) < -(a1 - a0) // 2 or max(ga, gb) > max_gap:
                continue
            cost = max(ga, gb, 0) + abs(ga - gb)
            if best_cost is None or cost < best_cost:
                best, best_cost = c, cost
        if best is not None:
            # overlap (a repeated character on both sides of an edit): trim the new segment
            shift = max(best.a1 - a0, best.b1 - b0, 0)
            ta0, tb0 = a0 + shift, b0 + shift
            if ta0 >= a1:
                continue                  # wholly inside the chain already
            ga, gb = ta0 - best.a1, tb0 - best.b1
            gm = _gap_matches(ka, kb, best.a1, ta0, best.b1, tb0)
            widest = max(ga, gb)
            # a bridge must look like an edit, not like unrelated text between two coincidences:
            # a small gap, one mostly shared, or words inserted on one side only (the narrower side
            # of the gap is mostly found in the wider one: 小型水库和病险水闸除险加固 / 小型水库除险加固);
            # the chain's similarity is checked as a whole below
            narrow = max(min(ga, gb), 0)
            if widest <= 3 or gm >= 0.4 * widest or (widest <= 12 and gm >= 0.75 * narrow):
                best.segs.append((ta0, a1, tb0, b1))
                best.matched += gm + (a1 - ta0)
                best.a1, best.b1 = a1, b1
                continue
        chain = _Chain(seg)
        chains.append(chain)
        open_chains.append(chain)
    out: list[Match] = []
    for c in chains:
        first, last = c.segs[0], c.segs[-1]
        a0, b0, a1, b1 = first[0], first[2], last[1], last[3]
        if len(c.segs) == 1:
            out.append(Match(a0, a1, b0, b1, "exact", 1.0))
            continue
        sim = 2.0 * c.matched / ((a1 - a0) + (b1 - b0))
        if sim >= min_similarity:
            out.append(Match(a0, a1, b0, b1, "near", round(min(sim, 1.0), 3)))
        else:
            # the bridges did not hold up as a whole: keep the exact pieces on their own
            out.extend(Match(s[0], s[1], s[2], s[3], "exact", 1.0) for s in c.segs)
    return out


EDGE_WINDOW = 16      # keys looked at beyond a passage's edge
EDGE_MIN_RUN = 3      # a run of matching keys shorter than this past an edit is coincidence


# smallest edits first; up to three keys, a word inserted or dropped (调控的, 出发点)
_SKIPS = ((1, 1), (1, 0), (0, 1), (2, 2), (2, 1), (1, 2), (2, 0), (0, 2), (3, 3), (3, 2), (2, 3), (3, 0), (0, 3))
_REACH = 1 + max(max(skip) for skip in _SKIPS)   # keys a first run can start within


def _edge_gain(xa: list[int], xb: list[int]) -> tuple[int, int, int]:
    """How far a passage extends into xa/xb (keys beyond its edge, nearest first) across small
    edits: (keys taken in A, in B, keys matched); (0, 0, 0) when the edge stays.

    A greedy walk, not difflib: it runs on every candidate match, hundreds per pair of speeches.
    A run shorter than EDGE_MIN_RUN between two edits (发展的长期 / 发乙的长甲) is taken only when
    another small edit after it leads to a full run.
    """
    if set(xa[:_REACH]).isdisjoint(xb[:_REACH]):
        return 0, 0, 0      # no key within the largest skip is equal on both sides: no run can start
    return _walk_edge(xa, xb)


def _walk_edge(xa: list[int], xb: list[int]) -> tuple[int, int, int]:
    """_edge_gain's walk, run when a run might start near the edge."""
    ca = cb = matched = 0
    while True:
        step = _next_run(xa, xb, ca, cb, EDGE_MIN_RUN)
        if step is None:
            short = _next_run(xa, xb, ca, cb, 1)
            after = _next_run(xa, xb, short[0] + short[2], short[1] + short[2], EDGE_MIN_RUN) if short else None
            if after is None:
                return ca, cb, matched
            matched += short[2]
            step = after
        a, b, run = step
        ca, cb, matched = a + run, b + run, matched + run


def _next_run(xa: list[int], xb: list[int], ca: int, cb: int, min_run: int) -> tuple[int, int, int] | None:
    """After the smallest edit from (ca, cb) that is followed by min_run equal keys: (a, b, run length)."""
    na, nb = len(xa), len(xb)
    for da, db in _SKIPS:
        a, b = ca + da, cb + db
        if a + min_run <= na and b + min_run <= nb and xa[a] == xb[b] and xa[a:a + min_run] == xb[b:b + min_run]:
            run = min_run
            while a + run < na and b + run < nb and xa[a + run] == xb[b + run]:
                run += 1
            return a, b, run
    return None


def extend_edges(ka: np.ndarray, kb: np.ndarray, m: Match) -> Match:
    """Carry a passage across an edit next to either edge when the text resumes after it: seeds
    need pair_k equal keys, so a word changed five characters from the end would cut the end off."""
    la, lb = m.a1 - m.a0, m.b1 - m.b0
    matched = m.similarity * (la + lb) / 2.0
    ra, rb, rm = _edge_gain(ka[m.a1:m.a1 + EDGE_WINDOW].tolist(), kb[m.b1:m.b1 + EDGE_WINDOW].tolist())
    left_a = ka[max(0, m.a0 - EDGE_WINDOW):m.a0][::-1].tolist()
    left_b = kb[max(0, m.b0 - EDGE_WINDOW):m.b0][::-1].tolist()
    fa, fb, fm = _edge_gain(left_a, left_b)
    if not (ra or rb or fa or fb):
        return m
    a0, a1, b0, b1 = m.a0 - fa, m.a1 + ra, m.b0 - fb, m.b1 + rb
    sim = 2.0 * (matched + rm + fm) / ((a1 - a0) + (b1 - b0))
    if (a1 - a0) == (b1 - b0) and np.array_equal(ka[a0:a1], kb[b0:b1]):
        return Match(a0, a1, b0, b1, "exact", 1.0)
    return Match(a0, a1, b0, b1, "near", round(min(sim, 1.0), 3))


def drop_echoes(matches: list[Match], na: int, nb: int, covered: float = 0.9) -> list[Match]:
    """Drop a match whose both sides already lie inside longer matches: a stock phrase inside a long
    shared paragraph of A also occurring elsewhere in B would otherwise be listed again."""
    cov_a = np.zeros(na, dtype=bool)
    cov_b = np.zeros(nb, dtype=bool)
    kept = []
    for m in sorted(matches, key=lambda m: -(m.a1 - m.a0)):
        la, lb = m.a1 - m.a0, m.b1 - m.b0
        if la and lb and cov_a[m.a0:m.a1].sum() >= covered * la and cov_b[m.b0:m.b1].sum() >= covered * lb:
            continue
        cov_a[m.a0:m.a1] = True
        cov_b[m.b0:m.b1] = True
        kept.append(m)
    return sorted(kept, key=lambda m: (m.a0, m.b0))
