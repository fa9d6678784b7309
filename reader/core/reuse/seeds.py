"""k-gram hashing, winnowed fingerprints and seed pairs, all vectorised with numpy.

Hashes are 64-bit polynomial hashes of k consecutive keys (wrapping uint64 arithmetic). The
corpus index keeps only winnowed fingerprints (the minimum hash of every window of w grams), which
guarantees a shared fingerprint for every shared run of at least w + k - 1 keys while storing
about 2/(w+1) of the grams; two documents compared directly use every gram.
"""

from __future__ import annotations

import numpy as np

_BASE = np.uint64(0x100000001B3)          # FNV prime: odd, so the map keys -> hash mixes well
_MIX = np.uint64(0x9E3779B97F4A7C15)


def gram_hashes(keys: np.ndarray, k: int) -> np.ndarray:
    """uint64 hash of each k-gram: element i hashes keys[i:i+k]; empty when len(keys) < k."""
    n = keys.shape[0] - k + 1
    if n <= 0:
        return np.zeros(0, dtype=np.uint64)
    wide = keys.astype(np.uint64) * _MIX + np.uint64(1)   # spread small code points over 64 bits
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            h *= _BASE
            h += wide[j:j + n]
        # a final avalanche so the low and high bits are both usable (fingerprints keep the high 32)
        h ^= h >> np.uint64(31)
        h *= _MIX
        h ^= h >> np.uint64(29)
    return h


def winnow(hashes: np.ndarray, w: int) -> np.ndarray:
    """Positions (sorted, unique) of the minimum hash in every window of w consecutive grams."""
    m = hashes.shape[0]
    if m == 0:
        return np.zeros(0, dtype=np.int64)
    if m <= w:
        return np.array([int(np.argmin(hashes))], dtype=np.int64)
    windows = np.lib.stride_tricks.sliding_window_view(hashes, w)
    # argmin takes the leftmost minimum: the choice depends on the window's content only, which
    # is what makes a shared window pick the same gram in every document
    picks = windows.argmin(axis=1) + np.arange(m - w + 1)
    # a window's pick never lies left of the previous window's, so picks are already sorted:
    # dropping repeats is enough (np.unique would sort them again)
    return dedupe_sorted(picks)


def dedupe_sorted(values: np.ndarray) -> np.ndarray:
    """A sorted 1-d array without its repeated values."""
    if values.size < 2:
        return values
    keep = np.empty(values.size, dtype=bool)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def fingerprint_values(hashes: np.ndarray) -> np.ndarray:
    """The stored 32-bit form of gram hashes (their high half)."""
    return (hashes >> np.uint64(32)).astype(np.uint32)


def doc_fingerprints(hashes: np.ndarray, w: int) -> np.ndarray:
    """A document's sorted unique 32-bit fingerprints, as stored in the corpus index."""
    return dedupe_sorted(np.sort(fingerprint_values(hashes[winnow(hashes, w)])))


class GramTable:
    """Every k-gram of one text, sorted once so that pairing it with many others is cheap."""

    def __init__(self, keys: np.ndarray, k: int):
        self.k = k
        self.hashes = gram_hashes(keys, k)
        self.order = np.argsort(self.hashes, kind="stable")
        ordered = self.hashes[self.order]
        first = np.ones(ordered.size, dtype=bool)
        first[1:] = ordered[1:] != ordered[:-1]
        self.starts = np.flatnonzero(first)
        self.values = ordered[self.starts]
        self.counts = np.diff(np.concatenate((self.starts, [ordered.size])))


def seed_pairs(a: GramTable, b: GramTable, max_pairs_per_gram: int = 64) -> tuple[np.ndarray, np.ndarray]:
    """(i, j) with equal grams at a[i] and b[j]; a gram repeated so often that it would give more
    than max_pairs_per_gram pairs is left out (its text is found by extending its neighbours)."""
    empty = np.zeros(0, dtype=np.int64)
    if a.values.size == 0 or b.values.size == 0:
        return empty, empty
    at = np.minimum(np.searchsorted(a.values, b.values), a.values.size - 1)
    hit = a.values[at] == b.values
    ai, bi = at[hit], np.flatnonzero(hit)
    a_n, b_n = a.counts[ai], b.counts[bi]
    ok = a_n * b_n <= max_pairs_per_gram
    a_lo, a_n, b_lo, b_n = a.starts[ai[ok]], a_n[ok], b.starts[bi[ok]], b_n[ok]
    if a_lo.size == 0:
        return empty, empty
    # the cross product of each gram's occurrences, without a Python loop over grams
    per = a_n * b_n
    group = np.repeat(np.arange(per.size), per)
    rank = np.arange(group.size) - np.repeat(np.cumsum(per) - per, per)
    ia = a.order[a_lo[group] + rank // b_n[group]]
    ib = b.order[b_lo[group] + rank % b_n[group]]
    return ia.astype(np.int64), ib.astype(np.int64)


def diagonal_runs(ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
    """Merge seed pairs on one diagonal at consecutive positions into runs: rows (a0, a1, b0) of
    gram positions, a1 inclusive."""
    if ia.size == 0:
        return np.zeros((0, 3), dtype=np.int64)
    diag = ia - ib
    order = np.lexsort((ia, diag))
    ia, diag = ia[order], diag[order]
    new = np.ones(ia.size, dtype=bool)
    new[1:] = (diag[1:] != diag[:-1]) | (ia[1:] != ia[:-1] + 1)
    first = np.flatnonzero(new)
    last = np.concatenate((first[1:] - 1, [ia.size - 1]))
    return np.stack((ia[first], ia[last], ia[first] - diag[first]), axis=1)
