"""A note left by the last writer to close the library cleanly, so the next open can skip the file check.

Checking a library file (SQLite's quick_check, reader.core.integrity) reads every page: seconds for
a library of 10,000 speeches, on every start and every command. After a clean close the file is
exactly as that writer left it: the note records its size and modification time, and an open that
finds the same file, with no write-ahead log pending, trusts it. Anything else (a crash, a copy, a
restore, an edit by another program) changes the size or the time, or leaves a log, so the whole
check runs as before.
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


def write(path: Path, version: int) -> None:
    """After a writer's connection closed: note the file as it is now (quietly skipped if impossible)."""
    stamp = _stamp(path)
    if stamp is None or _log_pending(path):
        return                      # another connection still holds the log: its close will note the file
    note = Path(path).parent / NOTE
    try:
        tmp = note.with_name(f"{NOTE}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({**stamp, "version": version}), encoding="utf-8")
        os.replace(tmp, note)
    except OSError:
        pass


def trusted_version(path: Path) -> int | None:
    """The schema version noted at the last clean close, if the file is still exactly as noted; else None."""
    try:
        note = json.loads((Path(path).parent / NOTE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    stamp = _stamp(path)
    if stamp is None or _log_pending(path) or not isinstance(note, dict):
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
