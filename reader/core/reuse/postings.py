"""The in-memory inverted index: for every fingerprint, the documents holding it.

Built from the per-document BLOBs on first need (half a second for 1,000 speeches) and kept up
to date by add and remove, so the database holds no row per fingerprint: 8 bytes per
(fingerprint, document), nothing per Python object.
"""

from __future__ import annotations

from typing import Iterable

import numpy as np

_MIX = np.uint64(0x9E3779B97F4A7C15)


def _doc_mix(docs: np.ndarray) -> np.ndarray:
    """A 64-bit scramble of document ids, summed to sign a set of documents."""
    x = docs.astype(np.uint64) + np.uint64(1)
    with np.errstate(over="ignore"):
        x *= _MIX
        x ^= x >> np.uint64(32)
        x *= _MIX
    return x


class Postings:
    """Fingerprint -> documents, as one sorted uint64 array of (fingerprint << 32 | doc_id).

    One array instead of two halves the copies when building and updating: at 10,000 speeches
    it holds about 90 million entries (720 MB), and nothing else of that size is kept.
    """

    def __init__(self, entries: np.ndarray):
        self.entries = entries

    @classmethod
    def build(cls, blobs: Iterable[tuple[int, np.ndarray]], total: int | None = None) -> "Postings":
        """From (doc_id, sorted unique fingerprints) of every document; total (the sum of their
        sizes) lets the array be allocated once instead of concatenated."""
        if total is None:
            blobs = list(blobs)
            total = sum(int(fps.size) for _, fps in blobs)
        entries = np.empty(total, dtype=np.uint64)
        at = 0
        for doc_id, fps in blobs:
            part = entries[at:at + fps.size]
            part[:] = fps
            part <<= np.uint64(32)
            part |= np.uint64(doc_id)
            at += fps.size
        entries = entries[:at]
        entries.sort()                     # in place: no argsort index of 8 bytes per entry
        return cls(entries)

    def __len__(self) -> int:
        return int(self.entries.shape[0])

    def add(self, doc_id: int, fps: np.ndarray) -> None:
        """Insert one document's fingerprints (O(total) copy: milliseconds at 10 million entries)."""
        new = (fps.astype(np.uint64) << np.uint64(32)) | np.uint64(doc_id)
        self.entries = np.insert(self.entries, np.searchsorted(self.entries, new), new)

    def remove(self, doc_id: int) -> None:
        """Drop one document's fingerprints."""
        self.entries = self.entries[(self.entries & np.uint64(0xFFFFFFFF)) != np.uint64(doc_id)]

    def _slices(self, fps: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        key = fps.astype(np.uint64) << np.uint64(32)
        lo = np.searchsorted(self.entries, key, side="left")
        hi = np.searchsorted(self.entries, key | np.uint64(0xFFFFFFFF), side="right")
        return lo, hi

    def _docs(self, lo: np.ndarray, n: np.ndarray) -> np.ndarray:
        """Documents of every posting in the slices [lo, lo + n), gathered without a Python loop."""
        total = int(n.sum())
        idx = np.repeat(lo - np.cumsum(n) + n, n) + np.arange(total)
        return (self.entries[idx] & np.uint64(0xFFFFFFFF)).astype(np.uint32)

    def df(self, fps: np.ndarray) -> np.ndarray:
        """How many documents hold each fingerprint."""
        lo, hi = self._slices(fps)
        return hi - lo

    def containing(self, fps: np.ndarray, share: float) -> np.ndarray:
        """Documents holding at least `share` of the given (unique) fingerprints."""
        if fps.size == 0:
            return np.zeros(0, dtype=np.uint32)
        lo, hi = self._slices(fps)
        docs, counts = np.unique(self._docs(lo, hi - lo), return_counts=True)
        need = max(1, int(np.ceil(share * fps.size - 1e-9)))
        return docs[counts >= need]

    def groups(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(unique fingerprints, df of each, signature of each one's document set)."""
        if self.entries.size == 0:
            z = np.zeros(0, dtype=np.uint64)
            return z.astype(np.uint32), z.astype(np.int64), z
        hashes = (self.entries >> np.uint64(32)).astype(np.uint32)
        starts = np.flatnonzero(np.concatenate(([True], hashes[1:] != hashes[:-1])))
        uniq = hashes[starts]
        del hashes
        df = np.diff(np.concatenate((starts, [self.entries.size])))
        sig = np.add.reduceat(_doc_mix(self.entries & np.uint64(0xFFFFFFFF)), starts)
        return uniq, df, sig

    def co_occurring(self, fps: np.ndarray, cap: int) -> tuple[np.ndarray, np.ndarray]:
        """Other documents sharing these fingerprints and how many each shares, ignoring any
        fingerprint held by more than `cap` documents: a stock phrase would pair everything."""
        lo, hi = self._slices(fps)
        n = hi - lo
        keep = (n > 0) & (n <= cap)
        if not keep.any():
            return np.zeros(0, np.uint32), np.zeros(0, np.int64)
        return np.unique(self._docs(lo[keep], n[keep]), return_counts=True)
