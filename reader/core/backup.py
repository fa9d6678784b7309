"""Backups of the library database, and the two ways out of a damaged one: restore a backup or start anew.

Backups go to `<library>/backups/library-YYYYMMDD-HHMMSS[-reason].sqlite3`, made with SQLite's
online backup API (`Connection.backup`), which copies a consistent snapshot even while the
database is in WAL mode with readers and writers; copying the file would miss what is still in
the -wal. Each backup is switched to a rollback journal, so it is one self-contained file.
Made automatically when a library that was changed is closed ("session"), before every schema
migration ("pre-vN"), re-import, re-decoding, restore or bulk delete ("pre-…"), and at the first
open of a day ("daily"), so a restore loses at most what the last session had not yet closed.
A command's or the window's session backup is made by a detached process of ours so they return at once
(reader.core.backup_background); a backup is written under a `.part` name taken exclusively and renamed
only once verified (a killed one never counts); replacing the library file waits for that process.
Each is verified (integrity_check and the row counts of the speeches and excerpts) before it
counts. The rolling set keeps the newest KEEP_RECENT, the newest of each of the last KEEP_DAYS
days, and migration backups for KEEP_MIGRATION_DAYS. A failed backup never stops the library
from opening or closing: it is logged and noted beside the library (reader.core.backup_notes), so
the window or the command can tell the reader. The daily backup copies the whole file, so it runs
paced on a thread of its own (reader.core.backup_daily).

A damaged file is never overwritten or deleted: restoring or starting anew first renames it,
with its -wal and -shm, to `library-damaged-<stamp>.sqlite3`, so it can still be sent to someone
who can rescue it. The -wal must move with it: left behind, it would be replayed into the new file.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Iterator

from reader.core import backup_notes, lock, schema
from reader.core.library_error import DB_NAME, LibraryError

log = logging.getLogger(__name__)

BACKUP_DIR = "backups"
DAILY = "daily"
SESSION = "session"
BACKGROUND_LOCK = "session.lock"   # held by the background session backup (reader.core.backup_background)
KEEP_RECENT = 10
KEEP_DAYS = 7
KEEP_MIGRATION_DAYS = 90
_COUNTED = ("documents", "excerpts")
SIDE_FILES = ("-wal", "-shm", "-journal")
_STAMP = "%Y%m%d-%H%M%S"
PACE_PAGES = 2048          # pages copied per step of a paced (background) backup
PACE_SLEEP = 0.002         # seconds between steps: the reader's own reads and writes come first
_naming = threading.Lock()
_writing: set[Path] = set()   # backups being written by this process (their names are taken)
_NAME = re.compile(r"^library-(\d{8}-\d{6})(?:-([a-z0-9-]+?))?(?:-(\d+))?\.sqlite3$")


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: where it is, when it was made and why ('daily', 'pre-v4', …)."""

    path: Path
    created: datetime
    reason: str
    size: int
    sequence: int = 1    # the n-th backup made within the same second


def backup_dir(folder: Path | str) -> Path:
    """The folder holding a library's backups."""
    return Path(folder) / BACKUP_DIR


def list_backups(folder: Path | str) -> list[BackupInfo]:
    """The library's backups, newest first (files not named by us are ignored, never touched)."""
    found = []
    directory = backup_dir(folder)
    if not directory.is_dir():
        return []
    for path in directory.iterdir():
        match = _NAME.match(path.name)
        if not match or not path.is_file():
            continue
        try:
            created = datetime.strptime(match.group(1), _STAMP)
            size = path.stat().st_size
        except (ValueError, OSError):
            continue
        found.append(BackupInfo(path, created, match.group(2) or "", size, int(match.group(3) or 1)))
    return sorted(found, key=lambda b: (b.created, b.sequence, b.path.name), reverse=True)


def make_backup(conn: sqlite3.Connection, folder: Path | str, reason: str = "", paced: bool = False) -> Path:
    """Copy the open database into a new backup file (written under a temporary name, then renamed)."""
    directory = backup_dir(folder)
    directory.mkdir(parents=True, exist_ok=True)
    stamp = f"library-{datetime.now().strftime(_STAMP)}"
    stem = stamp + (f"-{reason}" if reason else "")
    with _naming:     # the day's backup may be running on its thread: each backup gets a name of its own
        # numbered across reasons, so the newest of one second is known whatever its reason
        number = len(list(directory.glob(f"{stamp}*.sqlite3"))) + 1
        target = directory / (f"{stem}.sqlite3" if number == 1 else f"{stem}-{number}.sqlite3")
        # the background backup process names its own: a name is taken by its .part, created exclusively
        while target.exists() or target in _writing or not _claim(target.with_name(target.name + ".part")):
            number += 1
            target = directory / f"{stem}-{number}.sqlite3"
        _writing.add(target)
    partial = target.with_name(target.name + ".part")
    try:
        dst = sqlite3.connect(partial)
        try:
            if paced:
                conn.backup(dst, pages=PACE_PAGES, progress=lambda *_: time.sleep(PACE_SLEEP))
            else:
                conn.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
            _verify(dst, _counts(conn))
        finally:
            dst.close()
        _fsync(partial)
        os.replace(partial, target)
    except BaseException:
        for leftover in [partial, *(Path(f"{partial}{s}") for s in SIDE_FILES)]:
            leftover.unlink(missing_ok=True)
        raise
    finally:
        with _naming:
            _writing.discard(target)
    return target


def _claim(partial: Path) -> bool:
    """Create a backup's temporary file, unless another backup (of any process) already has that name."""
    try:
        os.close(os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
    except FileExistsError:
        return False
    return True


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows of the tables a backup must not lose (those that exist)."""
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in _COUNTED if t in names}


def _verify(copy: sqlite3.Connection, expected: dict[str, int]) -> None:
    """A backup counts only if SQLite finds it whole and it holds every speech and excerpt."""
    verdict = copy.execute("PRAGMA integrity_check").fetchone()[0]
    if verdict != "ok" or _counts(copy) != expected:
        raise sqlite3.DatabaseError(f"backup verification failed: {verdict}, {_counts(copy)} != {expected}")


def daily_backup_due(folder: Path | str, today: datetime | None = None) -> bool:
    """Whether no daily backup was made today."""
    day = (today or datetime.now()).date()
    return not any(b.reason == DAILY and b.created.date() == day for b in list_backups(folder))


def safe_backup(conn: sqlite3.Connection, folder: Path | str, reason: str, paced: bool = False,
                since: str | None = None) -> Path | None:
    """make_backup, then prune; a failure is logged, noted for the reader and returns None (it must never stop
    an open or a close). `since`: when the connection's snapshot was taken, if before this call."""
    snapshot = datetime.now().isoformat(timespec="microseconds")
    try:
        path = make_backup(conn, folder, reason, paced)
    except (OSError, sqlite3.Error) as exc:
        log.warning("backup (%s) of %s failed: %s", reason, folder, exc)
        backup_notes.note_failure(folder, reason, exc)
        return None
    backup_notes.clear_failure(folder, since or snapshot)
    try:
        prune_backups(folder)
    except OSError as exc:
        log.warning("pruning the backups of %s failed: %s", folder, exc)
    log.info("backup written: %s", path)
    return path


def prune_backups(folder: Path | str, keep_recent: int = KEEP_RECENT, keep_days: int = KEEP_DAYS,
                  now: datetime | None = None) -> list[Path]:
    """Delete old backups but the newest `keep_recent`, one a day for `keep_days` days and recent migration ones."""
    now = now or datetime.now()
    backups = list_backups(folder)
    keep = {b.path for b in backups[:keep_recent]}
    days: set = set()
    for b in backups:
        age = now - b.created
        if (now.date() - b.created.date()).days <= keep_days and b.created.date() not in days:
            days.add(b.created.date())
            keep.add(b.path)
        if b.reason.startswith("pre-v") and age <= timedelta(days=KEEP_MIGRATION_DAYS):
            keep.add(b.path)
    doomed = [b for b in backups if b.path not in keep]
    for backup in doomed:
        backup.path.unlink(missing_ok=True)
    for partial in backup_dir(folder).glob("*.part"):
        # what a killed backup left behind (the main file is only renamed into place when complete)
        if now.timestamp() - partial.stat().st_mtime > 3600:
            partial.unlink(missing_ok=True)
    return [b.path for b in doomed]


def check_backup(path: Path | str) -> int:
    """The schema version of a readable Duidu backup; LibraryError('backup_damaged'/'newer') otherwise."""
    path = Path(path)
    if not path.is_file() or path.stat().st_size == 0:
        raise LibraryError("backup_damaged", path, "no such file" if not path.is_file() else "empty file")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
            ours = schema.looks_like_ours(conn)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise LibraryError("backup_damaged", path, str(exc)) from exc
    if verdict != "ok" or not ours or version < 1:
        raise LibraryError("backup_damaged", path, verdict if verdict != "ok" else "not a Duidu library")
    if version > schema.VERSION:
        raise LibraryError("newer", path, str(version))
    return version


@dataclass(frozen=True)
class BackupCheck:
    """What a full check of one backup found: usable or not, and what it holds (or what is wrong)."""

    ok: bool
    speeches: int = 0
    excerpts: int = 0
    problem: str = ""


def verify_backup(path: Path | str) -> BackupCheck:
    """check_backup (integrity_check, ours, not newer) and the speeches and excerpts the backup holds."""
    try:
        check_backup(path)
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            counts = _counts(conn)
        finally:
            conn.close()
    except LibraryError as exc:
        return BackupCheck(False, problem=exc.detail or exc.reason)
    except sqlite3.Error as exc:
        return BackupCheck(False, problem=str(exc))
    return BackupCheck(True, counts.get("documents", 0), counts.get("excerpts", 0))


def restore_backup(folder: Path | str, backup_path: Path | str, on_wait=None) -> Path | None:
    """Put a backup in place of the library; the current file is moved aside (returned), never deleted.
    Waits for a background backup still reading the library (on_wait() is called meanwhile, see _exclusive)."""
    folder = Path(folder)
    check_backup(backup_path)
    with _exclusive(folder, on_wait):
        _backup_current(folder)
        partial = folder / f"{DB_NAME}.restoring"
        try:
            shutil.copyfile(backup_path, partial)
            _fsync(partial)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise LibraryError("unwritable", folder, exc.strerror or str(exc)) from exc
        aside = move_aside(folder)
        os.replace(partial, folder / DB_NAME)
    log.warning("library %s restored from %s; the old file is %s", folder, backup_path, aside)
    return aside


def restore_newest(folder: Path | str, on_wait=None) -> tuple[Path, Path | None]:
    """Restore the newest backup that passes the full check; returns (backup used, damaged file set aside)."""
    for info in list_backups(folder):
        try:
            check_backup(info.path)
        except LibraryError as exc:
            log.warning("backup %s skipped: %s", info.path, exc.detail)
            continue
        return info.path, restore_backup(folder, info.path, on_wait)
    raise LibraryError("no_backup", Path(folder) / DB_NAME)


def find_backup(folder: Path | str, name: str) -> Path:
    """A backup named by path or by its file name in the library's backups folder."""
    path = Path(name)
    if not path.is_file() and (backup_dir(folder) / path.name).is_file():
        path = backup_dir(folder) / path.name
    return path


def start_new_library(folder: Path | str, on_wait=None) -> Path | None:
    """Move the (damaged) library aside so the next open creates an empty one; returns where it went."""
    with _exclusive(Path(folder), on_wait):
        aside = move_aside(Path(folder))
    log.warning("library %s set aside as %s; a new one will be created", folder, aside)
    return aside


def _backup_current(folder: Path) -> None:
    """Before a restore, the current library joins the backups too, if it can still be read."""
    main = folder / DB_NAME
    if not main.is_file() or main.stat().st_size == 0:
        return
    try:
        conn = sqlite3.connect(f"{main.resolve().as_uri()}?mode=ro", uri=True)
        try:
            if conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok":
                safe_backup(conn, folder, "pre-restore")
        finally:
            conn.close()
    except sqlite3.Error as exc:
        log.info("the library being replaced could not be backed up: %s", exc)


def move_aside(folder: Path) -> Path | None:
    """Rename library.sqlite3 and its -wal/-shm/-journal to library-damaged-<stamp>.sqlite3…; None if absent."""
    main = folder / DB_NAME
    if not main.exists():
        return None
    stem, number = f"library-damaged-{datetime.now().strftime(_STAMP)}", 1
    target = folder / f"{stem}.sqlite3"
    while any(Path(f"{target}{s}").exists() for s in ("", *SIDE_FILES)):
        number += 1
        target = folder / f"{stem}-{number}.sqlite3"
    try:
        # side files first: a -wal left beside a new main file would be replayed into it
        for suffix in SIDE_FILES:
            side = Path(f"{main}{suffix}")
            if side.exists():
                os.replace(side, Path(f"{target}{suffix}"))
        os.replace(main, target)
    except OSError as exc:
        raise LibraryError("unwritable", folder, exc.strerror or str(exc)) from exc
    return target


@contextmanager
def _exclusive(folder: Path, on_wait=None) -> Iterator[None]:
    """Hold the library's lock with nobody else using it, in this process or another, and the background
    backup's: a backup still reading the file is waited for (on_wait() is called now and then meanwhile),
    and none starts until the file is replaced (Windows cannot rename a file that is open)."""
    try:
        lock.acquire(folder)
    except lock.LockBusy as exc:
        raise LibraryError("in_use", folder, exc.holder) from exc
    try:
        if lock.holders(folder) > 1:
            raise LibraryError("in_use", folder, str(os.getpid()))
        directory = backup_dir(folder)
        directory.mkdir(parents=True, exist_ok=True)
        with lock.holding(directory / BACKGROUND_LOCK, on_wait):
            yield
    except OSError as exc:
        raise LibraryError("unwritable", folder, exc.strerror or str(exc)) from exc
    finally:
        lock.release(folder)


def _fsync(path: Path) -> None:
    """Make a written file durable before it is renamed into place."""
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())
