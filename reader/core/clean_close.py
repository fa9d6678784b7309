"""A note left by the last writer to close the library cleanly, so the next open can skip the file check.

Checking a library file (SQLite's quick_check, reader.core.integrity) reads every page: seconds for
a library of 10,000 speeches, on every start and every command. After a clean close the file is
exactly as that writer left it: the note records its size and modification time (and the write-ahead
log's, when a reader kept it from being folded in), and an open that finds the same file trusts it.
Anything else (a crash, a copy, a restore, an edit by another program) changes the size or the time, or
leaves a log of its own, so the whole check runs as before.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

NOTE = "library.clean"


def _stamp(path: Path) -> dict | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def _log_pending(path: Path) -> bool:
    try:
        return Path(f"{path}-wal").stat().st_size > 0
    except FileNotFoundError:
        return False
    except OSError:
        return True


def _wal_stamp(path: Path) -> dict | str | None:
    """The write-ahead log's stamp when it holds anything (None when it is absent or empty, "?" if unreadable)."""
    return (_stamp(Path(f"{path}-wal")) or "?") if _log_pending(path) else None


def write(path: Path, version: int, sole: bool = False) -> None:
    """After a writer's connection closed: note the file as it is now (quietly skipped if impossible).

    `sole`: no other connection of this process can still write. A log left behind then (a reader, such as
    the background backup, kept SQLite from folding it in) is noted with the file: nobody can change it
    until the next writer opens, and that one first forgets the note."""
    stamp, wal = _stamp(path), _wal_stamp(path)
    if stamp is None or wal == "?" or (wal is not None and not sole):
        return                      # another connection still holds the log: its close will note the file
    note = Path(path).parent / NOTE
    try:
        tmp = note.with_name(f"{NOTE}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({**stamp, "version": version, "wal": wal}), encoding="utf-8")
        os.replace(tmp, note)
    except OSError:
        pass


def trusted_version(path: Path) -> int | None:
    """The schema version noted at the last clean close, if the file is still exactly as noted; else None."""
    try:
        note = json.loads((Path(path).parent / NOTE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    stamp, wal = _stamp(path), _wal_stamp(path)
    if stamp is None or wal == "?" or not isinstance(note, dict) or note.get("wal") != wal:
        return None
    if note.get("size") != stamp["size"] or note.get("mtime_ns") != stamp["mtime_ns"]:
        return None
    version = note.get("version")
    return version if isinstance(version, int) else None


def forget(path: Path) -> None:
    """Drop the note (a writer is about to change the file)."""
    try:
        (Path(path).parent / NOTE).unlink()
    except OSError:
        pass
