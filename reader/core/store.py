"""The library: one SQLite database of speeches (and later tags and excerpts), the only place SQL lives."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import weakref
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from reader.core import (backup, backup_background, backup_daily, backup_notes, clean_close, derived, fts, integrity,
                         lock, schema)
from reader.core.library_error import DB_NAME, LibraryError, explain
from reader.core.outline import Section

__all__ = ["DB_NAME", "Document", "DocumentInfo", "Library", "LibraryError", "content_hash", "open_library"]
log = logging.getLogger(__name__)
# how long to wait for another program's write lock on the file before saying so (was 10 s of silence)
BUSY_SECONDS = 2
OWN_THREAD_SECONDS = 15


@dataclass
class DocumentInfo:
    """What the library list shows of a speech, without its text."""

    id: int
    title: str | None
    date: str | None
    place: str | None
    speaker: str | None
    char_count: int
    source_path: str | None = None
    fmt: str | None = None
    encoding: str | None = None
    content_hash: str = ""
    imported_at: str = ""
    origin: str | None = None   # where a web page says the speech comes from (来源)

    def display_title(self) -> str:
        """The title, or a stand-in naming the source file when the speech has none."""
        if self.title:
            return self.title
        if self.source_path:
            return Path(self.source_path).stem
        return f"#{self.id}"

    def to_dict(self) -> dict:
        """A JSON-ready record, as `duidu list --json` prints it."""
        return {"id": self.id, "title": self.title, "date": self.date, "place": self.place,
                "speaker": self.speaker, "chars": self.char_count, "source": self.source_path,
                "format": self.fmt, "encoding": self.encoding, "origin": self.origin}


@dataclass
class Document(DocumentInfo):
    """A speech with its cleaned text (the string every offset indexes) and its raw text."""

    text: str = ""
    raw_text: str = ""
    removed: list[str] = field(default_factory=list)


def content_hash(text: str) -> str:
    """A speech is identified by its cleaned text, so one file imported twice stays one speech."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()


BRIEF_COLUMNS = "id, title, date, place, speaker, char_count, source_path"
INFO_COLUMNS = f"{BRIEF_COLUMNS}, fmt, encoding, content_hash, imported_at, origin"


class Library:
    """A folder holding the library database; every write runs in one transaction.

    A writer holds the folder's lock (reader.core.lock): a second process gets LibraryError
    ("in_use") and may open the library with read_only=True instead, where every write raises
    LibraryError("read_only"). An existing file is checked through a read-only connection before
    anything may write to it, so a damaged, foreign or newer file is refused byte-for-byte intact.
    """

    def __init__(self, folder: Path | str, read_only: bool = False, backup_on_close: bool = True,
                 background_backup: bool = False):
        self.folder = Path(folder)
        self.path = self.folder / DB_NAME
        self.read_only = read_only
        self._unlock = None
        self._changes_at_open = (0, 0)
        self._pending: list = []          # the day's backup, still running on its thread
        self.backup_failed: str | None = None   # the error of a backup this session could not make
        self.backup_on_close = backup_on_close   # worker connections leave it to the session's own
        # the session's backup in a process of its own (reader.core.backup_background): commands and the window
        self.background_backup = background_backup
        if read_only:
            self.conn = self._connect_read_only()
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            locked = os.path.realpath(self.folder)   # fixed now: a later chdir must not change the key
            lock.acquire(locked)
        except lock.LockBusy as exc:
            raise LibraryError("in_use", self.path, exc.holder) from exc
        except OSError as exc:
            raise LibraryError("unwritable", self.folder, exc.strerror or str(exc)) from exc
        # a Library dropped without close() (a command ending, say) must not keep this process's share of
        # the lock, and its connection closes cleanly: close() and exit run the same _release, once
        opened: list[sqlite3.Connection] = []
        self._unlock = weakref.finalize(self, _release, opened, self.path, locked, self._pending)
        try:
            self.conn = self._connect(locked)
        except BaseException:
            self._unlock()
            raise
        opened.append(self.conn)
        if background_backup and lock.holders(locked) == 1:
            backup_background.resume(self.folder)     # a backup that failed or was killed: made again now

    def _connect(self, locked: str) -> sqlite3.Connection:
        """Open for writing: inspect an existing file first (in full at the day's first open; not at all when
        this process already holds it or a clean close vouches for it), back it up, migrate it."""
        daily = backup.daily_backup_due(self.folder)
        if not self._has_content():
            version = 0
        elif lock.holders(locked) > 1:
            # another Library of this process inspected and migrated the file, and has held the lock since
            # (and made or started the day's backup)
            version, daily = schema.VERSION, False
        else:
            trusted = None if daily else clean_close.trusted_version(self.path)
            version = trusted if trusted is not None and trusted <= schema.VERSION else self._inspect(full=daily)
        clean_close.forget(self.path)
        conn = None
        migrating = 0 < version < schema.VERSION
        try:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=BUSY_SECONDS)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_SECONDS * 1000}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA foreign_keys = ON")
            if migrating:
                backup.safe_backup(conn, self.folder, f"pre-v{schema.VERSION}")
            schema.migrate(conn)
        except sqlite3.DatabaseError as exc:
            if conn is not None:
                conn.close()
            raise explain(self.path, exc) from exc
        backup_notes.reserve(self.folder)
        if version and not migrating and daily:
            self._start_daily()
        self._changes_at_open = self._change_mark(conn)
        return conn

    def _start_daily(self) -> None:
        """The day's backup, on its own thread so that a large library opens at once (close waits for it)."""
        try:
            self._pending.append(backup_daily.start_daily(self.path, self.folder))
        except (OSError, sqlite3.Error) as exc:
            log.warning("daily backup of %s could not start: %s", self.folder, exc)
            backup_notes.note_failure(self.folder, backup.DAILY, exc)

    @staticmethod
    def _change_mark(conn: sqlite3.Connection) -> tuple[int, int]:
        """What moves when anyone commits: this connection's changes and the file's data version (others')."""
        return conn.total_changes, conn.execute("PRAGMA data_version").fetchone()[0]

    def _connect_read_only(self) -> sqlite3.Connection:
        """Open through a `mode=ro` URI: reading works beside another copy's writes, writing cannot."""
        if not self._has_content():
            raise LibraryError("not_ready", self.path, "no database yet")
        version = self._inspect()
        if version != schema.VERSION:
            raise LibraryError("not_ready", self.path, f"schema {version}")
        try:
            conn = sqlite3.connect(integrity.ro_uri(self.path), uri=True, isolation_level=None, check_same_thread=False,
                                   timeout=BUSY_SECONDS)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_SECONDS * 1000}")
        except sqlite3.DatabaseError as exc:
            raise LibraryError("damaged", self.path, str(exc)) from exc
        return conn

    def _has_content(self) -> bool:
        """Whether the file exists with bytes in it; empty is new, unless backups say it once held a library."""
        try:
            size = self.path.stat().st_size
        except FileNotFoundError:
            return False
        except OSError as exc:
            raise LibraryError("unwritable", self.path, exc.strerror or str(exc)) from exc
        if size == 0 and (self.folder / "backups").is_dir() and any((self.folder / "backups").glob("library-*")):
            # SQLite creates empty files, but an emptied library with backups is a loss to restore
            raise LibraryError("damaged", self.path, "empty file; backups are available")
        return size > 0

    def _inspect(self, full: bool = False) -> int:
        """The schema version of the existing file, checked read-only; LibraryError('damaged'/'newer') if unfit."""
        try:
            return integrity.inspect(self.path, full)
        except integrity.Unfit as exc:
            raise LibraryError(exc.reason, self.path, exc.detail) from exc

    def close(self) -> None:
        """Back up what this session changed (with background_backup: noted now, made by a process of its own once
        this one has let go), close the database (checkpointing the WAL), give back the lock."""
        try:
            changed = self.backup_on_close and not self.read_only and self._change_mark(self.conn) != self._changes_at_open
        except sqlite3.ProgrammingError:   # closed already
            changed = False
        self.wait_for_backups()
        background = changed and self.background_backup and self._request_backup()
        if changed and not background:
            self.backup(backup.SESSION)
        self.conn.close()
        if self._unlock is not None:
            self._unlock()
        if background:
            backup_background.start(self.folder)

    def _request_backup(self) -> bool:
        """Note that the session's backup is owed (a kill from here on leaves it noted); False if even that failed."""
        try:
            backup_background.request(self.folder)
        except OSError as exc:
            log.warning("the backup of %s could not be requested (%s): backing up now", self.folder, exc)
            return False
        return True

    def wait_for_backups(self) -> None:
        """Until the day's backup, if one is running on its thread, is written (close waits for it too)."""
        finish(self._pending)

    def backup(self, reason: str) -> Path | None:
        """A verified backup now (before a risky change, or at close); None, logged, if it failed."""
        if self.read_only or self.conn.in_transaction:   # a backup is of committed work only
            return None
        mark = self._change_mark(self.conn)
        made = backup.safe_backup(self.conn, self.folder, reason)
        if made is None:   # what changed is still in no backup: the close must try again
            self.backup_failed = backup_notes.last_error.get(os.path.realpath(self.folder), reason)
        else:
            self._changes_at_open = mark
        return made

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One IMMEDIATE transaction: all of it lands, or none of it; LibraryError('read_only') when read-only."""
        if self.read_only:
            raise LibraryError("read_only", self.path)
        # another program holding the file is said after BUSY_SECONDS; a thread of ours is waited for longer
        patience = BUSY_SECONDS if lock.holders(os.path.realpath(self.folder)) <= 1 else OWN_THREAD_SECONDS
        try:
            self.conn.execute(f"PRAGMA busy_timeout = {patience * 1000}")
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise explain(self.path, exc) from exc
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException:
            # SQLite rolls back by itself on a full disk or an I/O error, even at COMMIT; what it left open goes
            if self.conn.in_transaction:
                try:
                    self.conn.execute("ROLLBACK")
                except sqlite3.Error as failed:
                    log.warning("rollback of %s failed: %s", self.path, failed)
            raise

    # --- documents -------------------------------------------------------------------------

    def add_document(self, imported, metadata: dict | None = None, *, bundled: bool = False) -> tuple[int, bool]:
        """Store an imported speech; returns (id, created). The same text imported again is not duplicated."""
        digest = content_hash(imported.text)
        existing = self.find_by_hash(digest)
        if existing is not None:
            return existing, False
        meta = dict(imported.metadata or {})
        meta.update({k: v for k, v in (metadata or {}).items() if v is not None})
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self.transaction() as conn:
            fts.ensure_search_index(conn)   # built with the import, then kept in step by its triggers
            cur = conn.execute(
                "INSERT INTO documents (content_hash, title, date, place, speaker, source_path, fmt,"
                " encoding, raw_text, text, removed, char_count, imported_at, bundled, origin, raw_bytes)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (digest, meta.get("title"), meta.get("date"), meta.get("place"), meta.get("speaker"),
                 imported.source_path, imported.fmt, imported.encoding, imported.raw_text, imported.text,
                 json.dumps(imported.removed, ensure_ascii=False), len(imported.text), now, int(bundled),
                 meta.get("origin"), getattr(imported, "raw_bytes", None)))
            derived.store_outline(conn, cur.lastrowid, imported.text)
            return cur.lastrowid, True

    def find_by_hash(self, digest: str) -> int | None:
        """The id of the speech with this content hash, if the library has it."""
        row = self.conn.execute("SELECT id FROM documents WHERE content_hash = ?", (digest,)).fetchone()
        return row[0] if row else None

    def list_documents(self, brief: bool = False) -> list[DocumentInfo]:
        """Every speech, without texts, by date then id (undated last). brief: only what the window's lists show
        (title, date, place, speaker, length, file), not the format, encoding, hash, import time or source:
        half the reading at 10,000 speeches, at every start."""
        rows = self.conn.execute(f"SELECT {BRIEF_COLUMNS if brief else INFO_COLUMNS} FROM documents"
                                 " ORDER BY date IS NULL, date, id").fetchall()
        return [DocumentInfo(*row) for row in rows]

    def get_document(self, doc_id: int) -> Document:
        """A speech with its texts; LibraryError('missing') when there is none."""
        row = self.conn.execute(
            f"SELECT {INFO_COLUMNS}, text, raw_text, removed FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise LibraryError("missing", self.path, str(doc_id))
        *info, text, raw_text, removed = row
        return Document(*info, text=text, raw_text=raw_text, removed=json.loads(removed or "[]"))

    def infos(self, doc_ids: list[int]) -> dict[int, DocumentInfo]:
        """What the list shows of these speeches only (a page of search results, not the library)."""
        found: dict[int, DocumentInfo] = {}
        ids = list(dict.fromkeys(doc_ids))
        for at in range(0, len(ids), 500):
            chunk = ids[at:at + 500]
            for row in self.conn.execute(f"SELECT {INFO_COLUMNS} FROM documents WHERE id IN"
                                         f" ({','.join('?' * len(chunk))})", chunk):
                found[row[0]] = DocumentInfo(*row)
        return found

    def texts(self, doc_ids: list[int]) -> dict[int, str]:
        """The cleaned texts of these speeches only (search reads its page, not the library)."""
        found: dict[int, str] = {}
        ids = list(dict.fromkeys(doc_ids))
        for at in range(0, len(ids), 500):
            chunk = ids[at:at + 500]
            found.update(self.conn.execute(
                f"SELECT id, text FROM documents WHERE id IN ({','.join('?' * len(chunk))})", chunk).fetchall())
        return found

    def has_document(self, doc_id: int) -> bool:
        """Whether a speech with this id exists."""
        return self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def update_metadata(self, doc_id: int, **fields) -> None:
        """Edit title, date, place, speaker or origin (the guesses are only a start)."""
        allowed = {k: v for k, v in fields.items() if k in ("title", "date", "place", "speaker", "origin")}
        if not allowed:
            return
        if not self.has_document(doc_id):
            raise LibraryError("missing", self.path, str(doc_id))
        assignments = ", ".join(f"{k} = ?" for k in allowed)
        with self.transaction() as conn:
            conn.execute(f"UPDATE documents SET {assignments} WHERE id = ?", (*allowed.values(), doc_id))

    def replace_text(self, doc_id: int, imported) -> None:
        """Put a corrected text in place of a speech's text (callers with excerpts re-anchor: see anchor.py)."""
        with self.transaction() as conn:
            self.write_text(conn, doc_id, imported)

    @staticmethod
    def write_text(conn: sqlite3.Connection, doc_id: int, imported) -> None:
        """The UPDATE behind replace_text, for callers already inside a transaction."""
        conn.execute(
            "UPDATE documents SET raw_text = ?, text = ?, removed = ?, encoding = ?, fmt = ?,"
            " content_hash = ?, char_count = ?, raw_bytes = ?, source_path = ? WHERE id = ?",
            (imported.raw_text, imported.text, json.dumps(list(imported.removed or []), ensure_ascii=False),
             imported.encoding, imported.fmt, content_hash(imported.text), len(imported.text),
             getattr(imported, "raw_bytes", None), getattr(imported, "source_path", "") or None, doc_id))
        derived.store_outline(conn, doc_id, imported.text)

    # --- derived data: computed once from the text, stored beside it (reader.core.derived) --------

    def outlines(self, doc_ids: list[int]) -> dict[int, list[Section]]:
        """The stored outlines of these speeches; missing or stale ones are parsed (and kept, if writable)."""
        return derived.outlines(self, doc_ids)

    def outline(self, doc_id: int) -> list[Section]:
        """A speech's outline as stored at import (parsed again only when the parser changed)."""
        if not self.has_document(doc_id):
            raise LibraryError("missing", self.path, str(doc_id))
        return derived.outlines(self, [doc_id])[doc_id]

    def refresh_derived(self, cancelled=None) -> int:
        """Build what a library from before derived data lacks (a background step); how many outlines were parsed."""
        return 0 if self.read_only else derived.refresh(self, cancelled)

    def remove_document(self, doc_id: int) -> None:
        """Delete a speech (and, through foreign keys, what hangs on it: a backup first when that is excerpts)."""
        if self.conn.execute("SELECT 1 FROM excerpts WHERE doc_id = ? LIMIT 1", (doc_id,)).fetchone():
            self.backup("pre-delete")
        with self.transaction() as conn:
            conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))

    def iter_texts(self, doc_ids: list[int] | None = None) -> Iterator[tuple[int, str]]:
        """(id, cleaned text) for every speech (or just these), by id, one at a time, for indexing."""
        if doc_ids is None:
            doc_ids = [r[0] for r in self.conn.execute("SELECT id FROM documents ORDER BY id")]
        for doc_id in doc_ids:
            row = self.conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
            if row is not None:
                yield doc_id, row[0]

    def text_stamps(self) -> dict[int, tuple[str, int]]:
        """Every speech's (content hash, length): enough to tell what changed, without reading texts."""
        return {d: (h, n) for d, h, n in self.conn.execute("SELECT id, content_hash, char_count FROM documents")}

    def document_dates(self) -> dict[int, str | None]:
        """Every speech's date, for 'earliest use' questions."""
        return dict(self.conn.execute("SELECT id, date FROM documents").fetchall())

    # --- the reader's corrections of section alignment -------------------------------------

    def section_links(self, doc_a: int, doc_b: int) -> list[tuple[int, int]]:
        """Sections the reader aligned by hand, as (start in A, start in B)."""
        if doc_a <= doc_b:
            rows = self.conn.execute("SELECT start_a, start_b FROM section_links WHERE doc_a = ? AND doc_b = ?",
                                     (doc_a, doc_b)).fetchall()
            return [tuple(r) for r in rows]
        return [(b, a) for a, b in self.section_links(doc_b, doc_a)]

    def link_sections(self, doc_a: int, start_a: int, doc_b: int, start_b: int) -> None:
        """Keep the reader's correction: this section of A goes with that section of B."""
        if doc_a > doc_b:
            doc_a, start_a, doc_b, start_b = doc_b, start_b, doc_a, start_a
        with self.transaction() as conn:
            conn.execute("DELETE FROM section_links WHERE doc_a = ? AND doc_b = ? AND (start_a = ? OR start_b = ?)",
                         (doc_a, doc_b, start_a, start_b))
            conn.execute("INSERT INTO section_links (doc_a, start_a, doc_b, start_b) VALUES (?,?,?,?)",
                         (doc_a, start_a, doc_b, start_b))

    def unlink_sections(self, doc_a: int, start_a: int, doc_b: int) -> int:
        """Forget the reader's corrections that align this section of A with speech B; how many went."""
        if doc_a <= doc_b:
            where, params = "doc_a = ? AND start_a = ? AND doc_b = ?", (doc_a, start_a, doc_b)
        else:
            where, params = "doc_a = ? AND doc_b = ? AND start_b = ?", (doc_b, doc_a, start_a)
        with self.transaction() as conn:
            return conn.execute(f"DELETE FROM section_links WHERE {where}", params).rowcount

    # --- small key/value state --------------------------------------------------------------

    def get_state(self, key: str, default: str | None = None) -> str | None:
        """A value of the library's own state (e.g. whether the bundled corpus was imported)."""
        row = self.conn.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_state(self, key: str, value: str) -> None:
        """Remember a value of the library's own state."""
        with self.transaction() as conn:
            conn.execute("INSERT INTO state (key, value) VALUES (?, ?)"
                         " ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))


def finish(pending: list) -> None:
    """Wait for the backups still running on their threads (every committed change must reach a backup)."""
    while pending:
        pending.pop().join()


def _release(opened: list[sqlite3.Connection], path: Path, locked: str, pending: list) -> None:
    """A writer's end: let its daily backup finish, close its connection, note the clean close
    (reader.core.clean_close), give back the lock."""
    finish(pending)
    for conn in opened:
        try:
            conn.close()
        except sqlite3.Error:
            continue
        # a no-op while another connection of ours still holds the log
        clean_close.write(path, schema.VERSION, sole=lock.holders(locked) <= 1)
    lock.release(locked)


def open_library(folder: Path | str, *, read_only_if_in_use: bool = False, background_backup: bool = False) -> Library:
    """Open for writing; when another process holds the library and the caller allows it, read-only instead."""
    try:
        return Library(folder, background_backup=background_backup)
    except LibraryError as exc:
        if exc.reason != "in_use" or not read_only_if_in_use:
            raise
        log.info("library %s in use by process %s; opening read-only", folder, exc.detail or "?")
        return Library(folder, read_only=True)
