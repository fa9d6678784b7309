"""The persistent corpus index: fingerprints per document in SQLite, postings memory-mapped from a saved file.

Adding a speech fingerprints that speech alone (milliseconds) and puts it in the postings' small
delta; removing one deletes its row and marks it dead: nothing is ever rebuilt or copied whole.
The postings are saved beside the library (reuse.saved) and merged again (compact) only when the
delta has grown, from the background index job. Shared passages between two documents are aligned
on demand from their texts; the corpus-wide questions (how many documents contain this, which
phrases are widespread) go through the postings, which never pair documents, so frequent formulae
cost df, not df². One ReuseIndex is meant to live as long as its connection: it notices other
connections' writes (PRAGMA data_version) and brings its postings up to date incrementally.
"""

from __future__ import annotations

import hashlib
import sqlite3
import zlib
from contextlib import contextmanager
from collections import OrderedDict
from typing import Callable, Iterable, Iterator

import numpy as np

from reader.core.reuse import saved
from reader.core.reuse.normalize import NORMALIZE_VERSION, Keyed, normalize
from reader.core.reuse.pairwise import scorer_for, shared_matches, to_passages
from reader.core.reuse.passage import Cancelled, Passage, Phrase, Progress, ReuseSettings, SyncReport
from reader.core.reuse.phrases import find_phrases
from reader.core.reuse.postings import Postings
from reader.core.reuse.schema import ensure_schema, write_transaction
from reader.core.reuse.seeds import dedupe_sorted, doc_fingerprints, fingerprint_values, gram_hashes

_BATCH = 64           # documents written per transaction during a sync
_KEYED_CACHE = 64     # normalised documents kept for repeated comparisons
_HOLDER_CACHE = 4096  # spans whose holders are remembered (while the postings stay as they are)
_PAIR_CACHE = 32      # pairs whose passages are remembered (likewise)
_COMPACT_SHARE = 0.05  # merge the postings again once the delta holds this share of the main array
_COMPACT_MIN = 200_000


def text_hash(text: str) -> str:
    """The content hash that tells whether a document's text changed since it was indexed.

    The same digest as the library's content hash (store.content_hash), so the library can tell
    which speeches need indexing from its own column, without reading a single text.
    """
    return hashlib.sha256(text.strip().encode("utf-8", "surrogatepass")).hexdigest()


def _pack_text(text: str) -> bytes:
    # level 1: a third of level 6's CPU (1.0 against 3.2 ms a speech, over half of indexing one) for 12% more bytes
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 1)


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
        self._indexed: dict[int, str] = {}       # what the postings hold: doc_id -> text hash
        self._data_version: int | None = None
        self._keyed: OrderedDict[int, Keyed] = OrderedDict()
        self._answers_of: tuple[Postings | None, int] = (None, 0)   # the postings the caches below answer for
        self._holder_cache: dict[tuple[bytes, float], np.ndarray] = {}
        self._pair_cache: OrderedDict[tuple, list[Passage]] = OrderedDict()
        self._steady = False          # inside steady(): postings are not checked for other writers

    # --- indexing ------------------------------------------------------------------------

    def _fingerprints(self, keyed: Keyed) -> np.ndarray:
        return doc_fingerprints(gram_hashes(keyed.keys, self.settings.k), self.settings.w)

    def _row(self, doc_id: int, text: str, digest: str) -> tuple:
        fps = self._fingerprints(normalize(text))
        return (doc_id, digest, self.version, len(text), int(fps.size), _pack_text(text),
                fps.astype("<u4").tobytes())

    def _write(self, rows: list[tuple], new: bool = False) -> None:
        """Store rows and put them in loaded postings; new=True when none of the ids was indexed before."""
        with write_transaction(self.conn) as conn:
            conn.executemany("INSERT OR REPLACE INTO reuse_doc (doc_id, text_hash, version, n_chars, n_fps,"
                             " text, fps) VALUES (?,?,?,?,?,?,?)", rows)
        for row in rows:
            self._keyed.pop(row[0], None)
        if self._postings is not None:
            for row in rows:
                if not new or row[0] in self._indexed:
                    self._postings.remove(row[0])
            self._postings.add_many([(row[0], np.frombuffer(row[6], dtype="<u4")) for row in rows])
            self._indexed.update((row[0], row[1]) for row in rows)
            self._data_version = self._current_data_version()

    def _forget(self, doc_id: int) -> None:
        self._keyed.pop(doc_id, None)
        if self._postings is not None:
            self._postings.remove(doc_id)
            self._indexed.pop(doc_id, None)
            self._data_version = self._current_data_version()

    def add_document(self, doc_id: int, text: str) -> None:
        """Index (or re-index) one document; one already indexed with this very text is left alone."""
        digest = text_hash(text)
        known = self.conn.execute("SELECT text_hash, version, n_chars FROM reuse_doc WHERE doc_id = ?",
                                  (doc_id,)).fetchone()
        if known == (digest, self.version, len(text)):
            return
        self._write([self._row(doc_id, text, digest)], new=known is None)

    def outdated(self, stamps: dict[int, tuple[str, int]]) -> list[int]:
        """Which of these documents ({id: (text hash, length)}) are not indexed as they are now."""
        rows = self.conn.execute("SELECT doc_id, text_hash, n_chars FROM reuse_doc WHERE version = ?",
                                 (self.version,))
        indexed = {doc_id: (digest, n) for doc_id, digest, n in rows}
        return sorted(d for d, stamp in stamps.items() if indexed.get(d) != tuple(stamp))

    def remove_document(self, doc_id: int) -> None:
        """Drop one document from the index."""
        with write_transaction(self.conn) as conn:
            conn.execute("DELETE FROM reuse_doc WHERE doc_id = ?", (doc_id,))
        self._forget(doc_id)

    def sync(self, documents: Callable[[], Iterable[tuple[int, str]]] | Iterable[tuple[int, str]],
             progress: Progress = None, cancelled: Cancelled = None,
             present: Iterable[int] | None = None) -> SyncReport:
        """Index the documents not yet indexed (by id and text hash) and drop ids no longer present.

        present names every document of the library when `documents` holds only the changed ones
        (see outdated()); by default the documents given are the whole library.
        """
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
            alive = seen if present is None else set(present)
            if present is not None:
                report.unchanged += len(alive - seen)
            for doc_id in sorted(set(known) - alive):
                self.remove_document(doc_id)
                report.removed.append(doc_id)
        return report

    # --- reading -------------------------------------------------------------------------

    def _known(self) -> dict[int, str] | None:
        """The documents the loaded postings hold, when nothing has written since (else None): each
        reuse_doc row spans pages of text and fingerprints, so listing 10,000 ids reads 40 MB."""
        if self._postings is not None and self._current_data_version() == self._data_version:
            return self._indexed
        return None

    def document_ids(self) -> list[int]:
        """Ids of every indexed document."""
        known = self._known()
        if known is not None:
            return sorted(known)
        return [r[0] for r in self.conn.execute("SELECT doc_id FROM reuse_doc ORDER BY doc_id")]

    def n_documents(self) -> int:
        """How many documents are indexed."""
        known = self._known()
        if known is not None:
            return len(known)
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
        """The fingerprint -> documents index: the saved copy (or a fresh build) brought up to date."""
        if self._postings is None:
            found = saved.load(saved.folder_of(self.conn), self.version)
            if found is None:
                self._build_postings()
            else:
                self._postings, self._indexed = Postings(found[0]), found[1]
                self._catch_up()
        elif not self._steady and self._current_data_version() != self._data_version:
            self._catch_up()               # another connection wrote: take in just its changes
        return self._postings

    @contextmanager
    def steady(self) -> Iterator[None]:
        """Answer a batch of questions (one comparison's hundreds of lookups) from the postings as they are
        at its start: other connections' writes are looked for once, not once per lookup (a query each)."""
        outer = self._steady
        self.postings()
        self._steady = True
        try:
            yield
        finally:
            self._steady = outer

    def _current_data_version(self) -> int:
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def _build_postings(self) -> None:
        """Every document's fingerprints from the database, then saved for the next process."""
        self._data_version = self._current_data_version()
        total = self.conn.execute("SELECT COALESCE(SUM(n_fps), 0) FROM reuse_doc").fetchone()[0]
        self._indexed = {}

        def blobs():
            for doc_id, digest, blob in self.conn.execute("SELECT doc_id, text_hash, fps FROM reuse_doc"):
                self._indexed[doc_id] = digest
                yield doc_id, np.frombuffer(blob, dtype="<u4")

        self._postings = Postings.build(blobs(), total)
        self._save()

    def _catch_up(self) -> None:
        """Bring loaded postings in step with the database: add new or changed documents, drop gone ones."""
        self._data_version = self._current_data_version()
        now = dict(self.conn.execute("SELECT doc_id, text_hash FROM reuse_doc"))
        gone = [d for d, digest in self._indexed.items() if now.get(d) != digest]
        for doc_id in gone:
            self._postings.remove(doc_id)
            del self._indexed[doc_id]
            self._keyed.pop(doc_id, None)
        new = [d for d in now if d not in self._indexed]
        for at in range(0, len(new), 500):
            chunk = new[at:at + 500]
            rows = self.conn.execute(f"SELECT doc_id, text_hash, fps FROM reuse_doc WHERE doc_id IN"
                                     f" ({','.join('?' * len(chunk))})", chunk).fetchall()
            self._postings.add_many([(d, np.frombuffer(blob, dtype="<u4")) for d, _h, blob in rows])
            self._indexed.update((d, h) for d, h, _b in rows)

    def _save(self) -> None:
        if not self._read_only():
            saved.save(saved.folder_of(self.conn), self.version, self._postings.entries, self._indexed)

    def _read_only(self) -> bool:
        try:
            return bool(self.conn.execute("PRAGMA query_only").fetchone()[0])
        except sqlite3.Error:
            return True

    def compact(self, force: bool = False) -> bool:
        """Merge the postings' delta and dead documents into a new saved copy, when it has grown enough
        (or force); True if it merged. Slow at 10,000 speeches (seconds): call it off the GUI thread."""
        postings = self.postings()
        if not postings.pending or (not force and postings.pending < max(
                _COMPACT_MIN, _COMPACT_SHARE * postings.entries.shape[0])):
            return False
        self._postings = postings.merged()
        self._save()
        return True

    def _span_fingerprints(self, keyed: Keyed, first: int, stop: int) -> np.ndarray:
        """Fingerprints every document containing keys[first:stop] is sure to hold."""
        hashes = gram_hashes(keyed.keys[first:stop], self.settings.k)
        if hashes.size == 0:
            return np.zeros(0, dtype=np.uint32)
        if hashes.size < self.settings.w:
            # too short for a full winnowing window: any of its grams may have been picked
            return dedupe_sorted(np.sort(fingerprint_values(hashes)))
        return doc_fingerprints(hashes, self.settings.w)

    def _holders(self, keyed: Keyed, first: int, stop: int) -> np.ndarray:
        """The documents (sorted ids) holding keys[first:stop]; kept as an array, since a formula's list
        runs to thousands of speeches and a set or list of them per passage cost more than finding them."""
        postings = self._current_answers()
        # a comparison asks about the same passage for its df and again for its "also in" list
        span = (keyed.keys[first:stop].tobytes(), self.settings.df_overlap)
        found = self._holder_cache.get(span)
        if found is None:
            fps = self._span_fingerprints(keyed, first, stop)
            share = self.settings.df_overlap
            if 0 < fps.size < 3 and stop - first < self.settings.k + self.settings.w - 1:
                share = 1.0 / fps.size         # short spans: holding any of their grams is the best test
            found = postings.containing(fps, share)
            found.flags.writeable = False
            if len(self._holder_cache) >= _HOLDER_CACHE:
                self._holder_cache.clear()
            self._holder_cache[span] = found
        return found

    def _current_answers(self) -> Postings:
        """The postings, with the remembered answers (holders, pairs' passages) dropped if they changed."""
        postings = self.postings()
        if self._answers_of != (postings, postings.changes):
            self._answers_of, self._holder_cache, self._pair_cache = (postings, postings.changes), {}, OrderedDict()
        return postings

    def _df(self, keyed: Keyed, first: int, stop: int, known: Iterable[int]) -> int:
        found = self._holders(keyed, first, stop)
        missing = {k for k in known if not _holds(found, k)}
        return int(found.size) + len(missing)

    def holder_array(self, doc_id: int, start: int, end: int) -> np.ndarray:
        """documents_containing as a sorted array (what a comparison keeps for every passage)."""
        keyed = self.keyed(doc_id)
        first = int(np.searchsorted(keyed.starts, start, side="left"))
        stop = int(np.searchsorted(keyed.ends, end, side="right"))
        found = self._holders(keyed, first, stop) if stop > first else np.zeros(0, np.uint32)
        if _holds(found, doc_id):
            return found
        return np.insert(found, int(np.searchsorted(found, doc_id)), np.uint32(doc_id))

    def documents_containing(self, doc_id: int, start: int, end: int) -> list[int]:
        """The indexed documents in which doc[start:end] occurs (near-verbatim counts), doc_id included."""
        return self.holder_array(doc_id, start, end).tolist()

    def document_frequency(self, doc_id: int, start: int, end: int) -> int:
        """In how many indexed documents the text doc[start:end] occurs (near-verbatim counts)."""
        return len(self.documents_containing(doc_id, start, end))

    def passages_between(self, a_id: int, b_id: int, min_chars: int | None = None) -> list[Passage]:
        """Passages documents a and b share, each with its df and class in this library (remembered while
        the library's index stays as it is: adding a pane does not find the shown pairs' passages again)."""
        min_chars = self.settings.min_chars if min_chars is None else min_chars
        with self.steady():
            self._current_answers()
            key = (a_id, b_id, min_chars, self.settings)
            found = self._pair_cache.get(key)
            if found is None:
                a, b = self.keyed(a_id), self.keyed(b_id)
                matches = shared_matches(a, b, self.settings, min_chars)
                scorer = scorer_for(self.settings, self._gram_df, self.settings.stock_threshold(self.n_documents()))
                found = to_passages(a, b, matches, scorer, lambda m: self._df(a, m.a0, m.a1, (a_id, b_id)))
                self._pair_cache[key] = found
                if len(self._pair_cache) > _PAIR_CACHE:
                    self._pair_cache.popitem(last=False)
            else:
                self._pair_cache.move_to_end(key)
            return list(found)

    def _gram_df(self, keys: np.ndarray, keyed: Keyed | None = None, first: int = 0) -> tuple[np.ndarray, int]:
        """Library document frequency of every k-gram of keys (0 for grams no winnowing kept). With keys a
        slice of keyed from first, the answers are kept with the text: three or four panes grade the same
        stretch of a speech once per pair, and it is looked up once."""
        k = self.settings.k
        if keyed is None:
            return self.postings().df(fingerprint_values(gram_hashes(keys, k))), k
        postings = self._current_answers()
        known = keyed.cache.get("library_df")
        if known is None or known[0] != self._answers_of or known[1] != k:
            values = fingerprint_values(gram_hashes(keyed.keys, k))
            known = keyed.cache["library_df"] = (self._answers_of, k, values, np.full(values.size, -1, np.int64))
        values, df = known[2], known[3]
        stop = first + max(0, keys.shape[0] - k + 1)
        part = df[first:stop]
        missing = np.flatnonzero(part < 0)
        if missing.size:
            part[missing] = postings.df(values[first:stop][missing])
        return part.copy(), k

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
        return find_phrases(self, min_df, top, progress, cancelled)


def _holds(ids: np.ndarray, doc_id: int) -> bool:
    """Whether a sorted id array holds doc_id."""
    at = int(np.searchsorted(ids, doc_id))
    return at < ids.size and int(ids[at]) == doc_id
