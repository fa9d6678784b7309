"""The inverted index: for every fingerprint, the documents holding it.

Built from the per-document BLOBs when no saved copy is current, kept up to date by add and remove,
so the database holds no row per fingerprint: 8 bytes per (fingerprint, document), nothing per
Python object.
"""

from __future__ import annotations

from typing import Iterable

import numpy as np

_MIX = np.uint64(0x9E3779B97F4A7C15)
_LOW = np.uint64(0xFFFFFFFF)
_PAGE_ENTRIES = 512            # entries in 4 KiB


def _doc_mix(docs: np.ndarray) -> np.ndarray:
    """A 64-bit scramble of document ids, summed to sign a set of documents."""
    x = docs.astype(np.uint64) + np.uint64(1)
    with np.errstate(over="ignore"):
        x *= _MIX
        x ^= x >> np.uint64(32)
        x *= _MIX
    return x


class Postings:
    """Fingerprint -> documents: a sorted main array of (fingerprint << 32 | doc_id), plus a small delta.

    One array instead of two halves the copies when building: at 10,000 speeches the main array holds
    about 90 million entries (720 MB), and it may be a read-only memory map of a file on disk (see
    reuse.store), opened in milliseconds. Adding a document inserts into the small sorted delta only
    (cost independent of the library's size); removing one from the main array only records it as
    dead. merged() folds both into one array again (done in the background, or on demand).
    """

    def __init__(self, entries: np.ndarray, delta: np.ndarray | None = None, dead: Iterable[int] = ()):
        self.entries = entries
        self.delta = np.zeros(0, dtype=np.uint64) if delta is None else delta
        self.dead: set[int] = set(dead)
        self.changes = 0          # counts adds and removals, so answers kept elsewhere know they are stale

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

    def prefault(self) -> None:
        """Map every page of the main array into this process now (the app's background warm-up). A lookup
        binary-searches 90 million entries at 10,000 speeches: each page it lands on for the first time is a
        page fault, which made the first four-pane comparison of a process 370 ms of CPU instead of 210."""
        entries = np.asarray(self.entries)
        if entries.size:
            int(entries[::_PAGE_ENTRIES].sum())

    def __len__(self) -> int:
        """Live entries (dead ones in the main array are not counted)."""
        dead = int(np.isin(self.entries & _LOW, self._dead_array()).sum()) if self.dead else 0
        return int(self.entries.shape[0]) - dead + int(self.delta.shape[0])

    @property
    def pending(self) -> int:
        """How much is waiting to be merged: delta entries plus dead documents."""
        return int(self.delta.shape[0]) + len(self.dead)

    def add(self, doc_id: int, fps: np.ndarray) -> None:
        """Insert one document's fingerprints into the delta (a copy of the delta only)."""
        new = np.sort((fps.astype(np.uint64) << np.uint64(32)) | np.uint64(doc_id))
        self.delta = np.insert(self.delta, np.searchsorted(self.delta, new), new)
        self.changes += 1

    def add_many(self, items: list[tuple[int, np.ndarray]]) -> None:
        """Insert several documents' fingerprints into the delta with one sort."""
        if not items:
            return
        if len(items) == 1:
            self.add(*items[0])
            return
        parts = [self.delta] + [(fps.astype(np.uint64) << np.uint64(32)) | np.uint64(d) for d, fps in items]
        delta = np.concatenate(parts)
        delta.sort()
        self.delta = delta
        self.changes += 1

    def remove(self, doc_id: int) -> None:
        """Drop one document's fingerprints: from the delta at once, from the main array at the next merge."""
        self.dead.add(int(doc_id))
        self.delta = self.delta[(self.delta & _LOW) != np.uint64(doc_id)]
        self.changes += 1

    def merged(self) -> "Postings":
        """One sorted array holding exactly the live entries (the main array is left as it was)."""
        if not self.pending:
            return Postings(np.asarray(self.entries))
        main = np.asarray(self.entries)
        if self.dead:
            main = main[~np.isin(main & _LOW, self._dead_array())]
        out = np.concatenate((main, self.delta))
        out.sort()
        return Postings(out)

    def _dead_array(self) -> np.ndarray:
        return np.fromiter(sorted(self.dead), dtype=np.uint64, count=len(self.dead))

    def _lookup(self, fps: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(document, index into fps) of every live posting of these fingerprints."""
        docs, which = [], []
        # keys searched in ascending order: numpy's binary search starts each one where the previous
        # ended, so the pages of a memory-mapped main array are walked once instead of at random
        order = np.argsort(fps, kind="stable")
        key = fps[order].astype(np.uint64) << np.uint64(32)
        for part, check_dead in ((self.entries, bool(self.dead)), (self.delta, False)):
            if part.shape[0] == 0:
                continue
            lo, hi = np.empty(fps.size, dtype=np.int64), np.empty(fps.size, dtype=np.int64)
            lo[order], hi[order] = _runs(part, key)
            n = hi - lo
            total = int(n.sum())
            idx = np.repeat(lo - np.cumsum(n) + n, n) + np.arange(total)
            found = (np.asarray(part[idx]) & _LOW).astype(np.uint32)
            owner = np.repeat(np.arange(fps.size), n)
            if check_dead:
                alive = ~np.isin(found, self._dead_array().astype(np.uint32))
                found, owner = found[alive], owner[alive]
            docs.append(found)
            which.append(owner)
        if not docs:
            return np.zeros(0, np.uint32), np.zeros(0, np.int64)
        return np.concatenate(docs), np.concatenate(which)

    def df(self, fps: np.ndarray) -> np.ndarray:
        """How many documents hold each fingerprint: counted from where each one's run of postings begins
        and ends, without reading the postings (a formula in 9,000 speeches would read 9,000 entries)."""
        if self.dead:
            _docs, which = self._lookup(fps)
            return np.bincount(which, minlength=fps.size)
        order = np.argsort(fps, kind="stable")
        key = fps[order].astype(np.uint64) << np.uint64(32)
        counts = np.zeros(fps.size, dtype=np.int64)
        for part in (self.entries, self.delta):
            if part.shape[0]:
                lo, hi = _runs(part, key)
                counts[order] += hi - lo
        return counts

    def containing(self, fps: np.ndarray, share: float) -> np.ndarray:
        """Documents (sorted ids) holding at least `share` of the given (unique) fingerprints.

        A formula's fingerprints are held by thousands of speeches each: their postings are copied as the
        contiguous runs they are and counted per document by bincount, not gathered entry by entry and sorted
        (a third of a four-pane comparison's CPU at 10,000 speeches went into that)."""
        if fps.size == 0:
            return np.zeros(0, dtype=np.uint32)
        docs = self._holding(fps)
        if docs.size == 0:
            return docs
        need = max(1, int(np.ceil(share * fps.size - 1e-9)))
        return np.flatnonzero(np.bincount(docs) >= need).astype(np.uint32)

    def _holding(self, fps: np.ndarray) -> np.ndarray:
        """The live documents of every posting of these fingerprints (a document once per fingerprint)."""
        key = np.sort(fps.astype(np.uint64)) << np.uint64(32)
        found = []
        for part, check_dead in ((np.asarray(self.entries), bool(self.dead)), (self.delta, False)):
            if part.shape[0] == 0:
                continue
            lo, hi = _runs(part, key)
            runs = [part[a:b] for a, b in zip(lo.tolist(), hi.tolist()) if b > a]
            if not runs:
                continue
            docs = (np.concatenate(runs) & _LOW).astype(np.uint32)
            if check_dead:      # removed from the main array; a new text of the same id is in the delta
                docs = docs[~np.isin(docs, self._dead_array().astype(np.uint32))]
            found.append(docs)
        return np.concatenate(found) if found else np.zeros(0, dtype=np.uint32)

    def groups(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(unique fingerprints, df of each, signature of each one's document set)."""
        entries = self.merged().entries
        if entries.size == 0:
            z = np.zeros(0, dtype=np.uint64)
            return z.astype(np.uint32), z.astype(np.int64), z
        hashes = (entries >> np.uint64(32)).astype(np.uint32)
        starts = np.flatnonzero(np.concatenate(([True], hashes[1:] != hashes[:-1])))
        uniq = hashes[starts]
        del hashes
        df = np.diff(np.concatenate((starts, [entries.size])))
        sig = np.add.reduceat(_doc_mix(entries & _LOW), starts)
        return uniq, df, sig

    def co_occurring(self, fps: np.ndarray, cap: int) -> tuple[np.ndarray, np.ndarray]:
        """Other documents sharing these fingerprints and how many each shares, ignoring any
        fingerprint held by more than `cap` documents: a stock phrase would pair everything."""
        docs, which = self._lookup(fps)
        n = np.bincount(which, minlength=fps.size)
        keep = (n > 0) & (n <= cap)
        if not keep.any():
            return np.zeros(0, np.uint32), np.zeros(0, np.int64)
        return counted(docs[keep[which]])


def _runs(part: np.ndarray, key: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each fingerprint's postings begin and end in a sorted part (key: the fingerprints, ascending,
    shifted into the high half, as the entries hold them)."""
    return np.searchsorted(part, key, side="left"), np.searchsorted(part, key | _LOW, side="right")


def counted(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """np.unique(values, return_counts=True), without numpy.ma's lazy import on a first call."""
    if values.size == 0:
        return values, np.zeros(0, dtype=np.int64)
    ordered = np.sort(values)
    starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
    return ordered[starts], np.diff(np.append(starts, ordered.size))
