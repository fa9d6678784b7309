"""Look at a library file without changing it: its schema version, SQLite's checks, whose tables it holds.

Everything here reads through a `mode=ro` connection, which can neither write the main file nor
checkpoint a WAL into it, so a file that is refused stays byte-for-byte as it was. Only the empty
-wal/-shm that SQLite creates beside a WAL-mode file when it is read are removed again.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from reader.core import schema

BUSY_SECONDS = 2   # how long to wait for another program's lock before saying so
FULL_BYTES = 1 << 20   # less room than this on the library's disk: an I/O error is the full disk


class Unfit(Exception):
    """The file is not a library we may open: reason 'damaged' or 'newer', detail for the message."""

    def __init__(self, reason: str, detail: str):
        super().__init__(reason, detail)
        self.reason = reason
        self.detail = detail


def ro_uri(path: Path | str) -> str:
    """A database file as a read-only SQLite URI (percent-encoded, so '?' and '#' in names are safe)."""
    return f"{Path(path).resolve().as_uri()}?mode=ro"


def inspect(path: Path | str, full: bool = False) -> int:
    """The schema version of an existing database file, or Unfit when it is damaged, foreign or newer.

    `full` runs integrity_check, which reads every page and index (quick_check passed 6 of 8 random
    byte flips that later broke commands); callers ask for it where it is affordable.
    """
    path = Path(path)
    fresh = [side for side in (Path(f"{path}-wal"), Path(f"{path}-shm")) if not side.exists()]
    try:
        conn = sqlite3.connect(ro_uri(path), uri=True, timeout=BUSY_SECONDS)
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_SECONDS * 1000}")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            verdict = conn.execute(f"PRAGMA {'integrity_check' if full else 'quick_check'}").fetchone()[0]
            if verdict != "ok":
                raise sqlite3.DatabaseError(f"integrity check failed: {verdict}")
            tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
            ours = schema.looks_like_ours(conn)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        _tidy(fresh)
        # another program holding the file, or a full disk (SQLite cannot even make its -shm), is not damage:
        # say so instead of offering a restore
        busy = "locked" in str(exc).lower() or "busy" in str(exc).lower()
        raise Unfit("locked" if busy else "disk_full" if disk_full(path) else "damaged", str(exc)) from exc
    if version > schema.VERSION:
        _tidy(fresh)
        raise Unfit("newer", str(version))
    # version 0 with tables is some other program's database: migrating would write into it
    if (version and not ours) or (not version and tables):
        _tidy(fresh)
        raise Unfit("damaged", "foreign tables")
    return version


def disk_full(path: Path | str) -> bool:
    """Whether the disk holding the file has (almost) no room left: an I/O error there is not damage."""
    try:
        return shutil.disk_usage(Path(path).parent).free < FULL_BYTES
    except OSError:
        return False


def full_check(path: Path | str) -> str:
    """SQLite's integrity_check of a file, read-only: 'ok', or the first problem it names."""
    path = Path(path)
    fresh = [side for side in (Path(f"{path}-wal"), Path(f"{path}-shm")) if not side.exists()]
    try:
        conn = sqlite3.connect(ro_uri(path), uri=True, timeout=2)
        try:
            return conn.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return str(exc)
    finally:
        _tidy(fresh)


def _tidy(created: list[Path]) -> None:
    """Remove the -shm and empty -wal that reading a refused WAL-mode file created."""
    for side in created:
        try:
            if side.exists() and (side.name.endswith("-shm") or side.stat().st_size == 0):
                side.unlink()
        except OSError:
            pass
