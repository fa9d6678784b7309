"""The persistent corpus index: fingerprints per document in SQLite, postings in memory.

Adding a speech fingerprints that speech alone (milliseconds) and removing one deletes its row:
nothing is ever rebuilt. Shared passages between two documents are aligned on demand from their
texts; the corpus-wide questions (how many documents contain this, which phrases are widespread)
go through the postings, which never pair documents, so frequent formulae cost df, not df².
"""

from __future__ import annotations

import hashlib
import sqlite3
import zlib
from collections import OrderedDict
from typing import Callable, Iterable

import numpy as np

from reader.core.reuse.normalize import NORMALIZE_VERSION, Keyed, normalize
from reader.core.reuse.pairwise import scorer_for, shared_matches, to_passages
from reader.core.reuse.passage import Passage, Phrase, ReuseSettings, SyncReport
from reader.core.reuse.postings import Postings
from reader.core.reuse.schema import ensure_schema, write_transaction
from reader.core.reuse.seeds import doc_fingerprints, fingerprint_values, gram_hashes, winnow

Progress = Callable[[int, int], None] | None
Cancelled = Callable[[], bool] | None
_BATCH = 64           # documents written per transaction during a sync
_KEYED_CACHE = 64     # normalised documents kept for repeated comparisons


def text_hash(text: str) -> str:
    """The content hash that tells whether a document's text changed since it was indexed."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def _pack_text(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 6)


def _unpack_text(blob: bytes) -> str:
    return zlib.decompress(blob).decode("utf-8", "surrogatepass")


class ReuseIndex:
    """Shared phrasing across a library, stored in its SQLite database."""

    def __init__(self, conn: sqlite3.Connection, settings: ReuseSettings | None = None):
        self.conn = conn
        self.settings = settings or ReuseSettings()
        ensure_schema(conn)
        s = self.settings
        self.version = f"n{NORMALIZE_VERSION}:k{s.k}:w{s.w}"
        self._postings: Postings | None = None
        self._keyed: OrderedDict[int, Keyed] = OrderedDict()

    # --- indexing ------------------------------------------------------------------------

    def _fingerprints(self, keyed: Keyed) -> np.ndarray:
        return doc_fingerprints(gram_hashes(keyed.keys, self.settings.k), self.settings.w)

    def _row(self, doc_id: int, text: str, digest: str) -> tuple:
        fps = self._fingerprints(normalize(text))
        return (doc_id, digest, self.version, len(text), int(fps.size), _pack_text(text),
                fps.astype("<u4").tobytes())

    def _write(self, rows: list[tuple], new: bool = False) -> None:
        """Store rows; new=True when none of the ids was indexed before (no postings to drop)."""
        with write_transaction(self.conn) as conn:
            conn.executemany("INSERT OR REPLACE INTO reuse_doc (doc_id, text_hash, version, n_chars, n_fps,"
                             " text, fps) VALUES (?,?,?,?,?,?,?)", rows)
        if self._postings is not None and len(rows) > 8:
            self._postings = None          # many changes: a lazy rebuild beats many O(total) inserts
        for row in rows:
            self._keyed.pop(row[0], None)
            if self._postings is not None and not new:
                self._postings.remove(row[0])
            if self._postings is not None:
                self._postings.add(row[0], np.frombuffer(row[6], dtype="<u4").astype(np.uint32))

    def _forget(self, doc_id: int) -> None:
        self._keyed.pop(doc_id, None)
        if self._postings is not None:
            self._postings.remove(doc_id)

    def add_document(self, doc_id: int, text: str) -> None:
        """Index (or re-index) one document."""
        known = self.conn.execute("SELECT 1 FROM reuse_doc WHERE doc_id = ?", (doc_id,)).fetchone()
        self._write([self._row(doc_id, text, text_hash(text))], new=known is None)

    def remove_document(self, doc_id: int) -> None:
        """Drop one document from the index."""
        with write_transaction(self.conn) as conn:
            conn.execute("DELETE FROM reuse_doc WHERE doc_id = ?", (doc_id,))
        self._forget(doc_id)

    def sync(self, documents: Callable[[], Iterable[tuple[int, str]]] | Iterable[tuple[int, str]],
             progress: Progress = None, cancelled: Cancelled = None) -> SyncReport:
        """Index the documents not yet indexed (by id and text hash) and drop ids no longer present."""
        items = documents() if callable(documents) else documents
        if not hasattr(items, "__len__"):
            items = list(items)
        total = len(items)
        known = dict(((d, (h, v)) for d, h, v in
                      self.conn.execute("SELECT doc_id, text_hash, version FROM reuse_doc")))
        report, seen, batch = SyncReport(), set(), []
        for done, (doc_id, text) in enumerate(items, 1):
            if cancelled is not None and cancelled():
                report.cancelled = True
                break
            seen.add(doc_id)
            digest = text_hash(text)
            if known.get(doc_id) == (digest, self.version):
                report.unchanged += 1
            else:
                batch.append(self._row(doc_id, text, digest))
                report.added.append(doc_id)
                if len(batch) >= _BATCH:
                    self._write(batch)
                    batch = []
            if progress is not None:
                progress(done, total)
        if batch:
            self._write(batch)
        if not report.cancelled:
            # only a complete pass knows which documents are gone
            for doc_id in sorted(set(known) - seen):
                self.remove_document(doc_id)
                report.removed.append(doc_id)
        return report

    # --- reading -------------------------------------------------------------------------

    def document_ids(self) -> list[int]:
        """Ids of every indexed document."""
        return [r[0] for r in self.conn.execute("SELECT doc_id FROM reuse_doc ORDER BY doc_id")]

    def n_documents(self) -> int:
        """How many documents are indexed."""
        return self.conn.execute("SELECT COUNT(*) FROM reuse_doc").fetchone()[0]

    def text(self, doc_id: int) -> str:
        """An indexed document's text; KeyError if it is not indexed."""
        row = self.conn.execute("SELECT text FROM reuse_doc WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is None:
            raise KeyError(doc_id)
        return _unpack_text(row[0])

    def iter_texts(self) -> Iterable[tuple[int, str]]:
        """(doc_id, text) of every indexed document, one at a time, by id."""
        ids = self.document_ids()
        for doc_id in ids:
            yield doc_id, self.text(doc_id)

    def keyed(self, doc_id: int) -> Keyed:
        """A document's matching keys (cached for the few documents being compared)."""
        keyed = self._keyed.get(doc_id)
        if keyed is None:
            keyed = normalize(self.text(doc_id))
            self._keyed[doc_id] = keyed
            while len(self._keyed) > _KEYED_CACHE:
                self._keyed.popitem(last=False)
        else:
            self._keyed.move_to_end(doc_id)
        return keyed

    def postings(self) -> Postings:
        """The fingerprint -> documents index, loaded from the database on first use."""
        if self._postings is None:
            total = self.conn.execute("SELECT COALESCE(SUM(n_fps), 0) FROM reuse_doc").fetchone()[0]
            cur = self.conn.execute("SELECT doc_id, fps FROM reuse_doc")
            self._postings = Postings.build(
                ((doc_id, np.frombuffer(blob, dtype="<u4")) for doc_id, blob in cur), total)
        return self._postings

    def _span_fingerprints(self, keyed: Keyed, first: int, stop: int) -> np.ndarray:
        """Fingerprints every document containing keys[first:stop] is sure to hold."""
        hashes = gram_hashes(keyed.keys[first:stop], self.settings.k)
        if hashes.size == 0:
            return np.zeros(0, dtype=np.uint32)
        if hashes.size < self.settings.w:
            # too short for a full winnowing window: any of its grams may have been picked
            return np.unique(fingerprint_values(hashes))
        return np.unique(fingerprint_values(hashes[winnow(hashes, self.settings.w)]))

    def _holders(self, keyed: Keyed, first: int, stop: int, known: Iterable[int]) -> set[int]:
        fps = self._span_fingerprints(keyed, first, stop)
        share = self.settings.df_overlap
        if 0 < fps.size < 3 and stop - first < self.settings.k + self.settings.w - 1:
            share = 1.0 / fps.size         # short spans: holding any of their grams is the best test
        return set(self.postings().containing(fps, share).tolist()) | set(known)

    def _df(self, keyed: Keyed, first: int, stop: int, known: Iterable[int]) -> int:
        return len(self._holders(keyed, first, stop, known))

    def documents_containing(self, doc_id: int, start: int, end: int) -> list[int]:
        """The indexed documents in which doc[start:end] occurs (near-verbatim counts), doc_id included."""
        keyed = self.keyed(doc_id)
        first = int(np.searchsorted(keyed.starts, start, side="left"))
        stop = int(np.searchsorted(keyed.ends, end, side="right"))
        return sorted(self._holders(keyed, first, stop, [doc_id]) if stop > first else {doc_id})

    def document_frequency(self, doc_id: int, start: int, end: int) -> int:
        """In how many indexed documents the text doc[start:end] occurs (near-verbatim counts)."""
        return len(self.documents_containing(doc_id, start, end))

    def passages_between(self, a_id: int, b_id: int, min_chars: int | None = None) -> list[Passage]:
        """Passages documents a and b share, each with its df and class in this library."""
        a, b = self.keyed(a_id), self.keyed(b_id)
        min_chars = self.settings.min_chars if min_chars is None else min_chars
        matches = shared_matches(a, b, self.settings, min_chars)
        scorer = scorer_for(self.settings, self._gram_df, self.settings.stock_threshold(self.n_documents()))
        return to_passages(a, b, matches, scorer, lambda m: self._df(a, m.a0, m.a1, (a_id, b_id)))

    def _gram_df(self, keys: np.ndarray) -> tuple[np.ndarray, int]:
        """Library document frequency of every k-gram of keys (0 for grams no winnowing kept)."""
        values = fingerprint_values(gram_hashes(keys, self.settings.k))
        return self.postings().df(values), self.settings.k

    def related_documents(self, doc_id: int, min_shared: int = 1) -> list[tuple[int, int]]:
        """Documents sharing at least min_shared distinctive fingerprints with doc_id, most first.

        Fingerprints in more documents than the cap (settings.df_cap, and never more than the
        stock threshold) pair nothing: a formula in every speech would otherwise relate all pairs.
        """
        row = self.conn.execute("SELECT fps FROM reuse_doc WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is None:
            raise KeyError(doc_id)
        fps = np.frombuffer(row[0], dtype="<u4").astype(np.uint32)
        cap = min(self.settings.df_cap, self.settings.stock_threshold(self.n_documents()) - 1)
        docs, counts = self.postings().co_occurring(fps, max(cap, 2))
        pairs = [(int(d), int(c)) for d, c in zip(docs, counts) if d != doc_id and c >= min_shared]
        return sorted(pairs, key=lambda p: (-p[1], p[0]))

    def phrases(self, min_df: int = 2, top: int | None = None,
                progress: Progress = None, cancelled: Cancelled = None) -> list[Phrase]:
        """Wording shared by at least min_df documents, most widespread first."""
        from reader.core.reuse.phrases import find_phrases

        return find_phrases(self, min_df, top, progress, cancelled)
