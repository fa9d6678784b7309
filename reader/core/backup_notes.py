"""A note beside the library saying its newest backup failed, so the window and the commands can tell the reader.

Backups fail quietly by design (a full disk must not stop an open or a close: reader.core.backup),
but then the reader's recent work is in no copy, which they must know. The note is written whole
or not at all, never through a link planted in its place; it stays until a backup whose snapshot
is newer than the failure succeeds. A blank note of fixed size is reserved when a library opens,
so that on a disk too full for a new file the note is still written, over the reserved bytes.
In-process, last_error also keeps the error when even that fails.
"""

from __future__ import annotations

import json
import logging
import os
from datetime import datetime
from pathlib import Path

log = logging.getLogger(__name__)

FAILED_NOTE = "backup-failed.json"
NOTE_BYTES = 1024                # the note's fixed size, reserved at open
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
last_error: dict[str, str] = {}    # the latest failed backup's error by library folder (also when unnoted)


def reserve(folder: Path | str) -> None:
    """Make the (blank) note now, while there is room: on a full disk it can then still be written over in place."""
    target = Path(folder, FAILED_NOTE)
    if not target.exists() and not target.is_symlink():
        try:
            _write_whole(target, {})
        except OSError as failed:
            log.info("could not reserve the backup note of %s: %s", folder, failed)


def note_failure(folder: Path | str, reason: str, exc: BaseException) -> None:
    """Leave a note beside the library that its last backup failed (a full disk may refuse even that)."""
    note = {"reason": reason, "when": datetime.now().isoformat(timespec="microseconds"), "error": _error_text(exc)}
    last_error[os.path.realpath(folder)] = note["error"]
    target = Path(folder, FAILED_NOTE)
    try:
        _write_whole(target, note)
    except OSError:
        try:    # no room for a new file: the reserved one is written over in place
            _write_in_place(target, note)
        except OSError as failed:
            log.warning("could not note the failed backup of %s: %s", folder, failed)


def _encode(note: dict) -> bytes:
    """A note as exactly NOTE_BYTES of JSON (padded; a long error is cut), so it fits the reserved file."""
    data = json.dumps(note, ensure_ascii=False).encode("utf-8")
    if len(data) > NOTE_BYTES:
        note = {**note, "error": note.get("error", "")[:100]}
        data = json.dumps(note, ensure_ascii=False).encode("utf-8")
    return data.ljust(NOTE_BYTES)


def _write_whole(target: Path, note: dict) -> None:
    """Write a new note beside, then rename it over the old: whole or not at all, never through a planted link."""
    partial = target.with_name(FAILED_NOTE + ".part")
    try:
        partial.unlink(missing_ok=True)
        handle = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o644)
        with os.fdopen(handle, "wb") as out:
            out.write(_encode(note))
        os.replace(partial, target)
    except OSError:
        partial.unlink(missing_ok=True)
        raise


def _write_in_place(target: Path, note: dict) -> None:
    """Write over the reserved note's own bytes (which need no new room on the disk)."""
    handle = os.open(target, os.O_WRONLY | _NOFOLLOW)
    with os.fdopen(handle, "wb") as out:
        out.write(_encode(note))


def _error_text(exc: BaseException) -> str:
    """An error as the reader is shown it ('No space left on device', 'database or disk is full')."""
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)


def clear_failure(folder: Path | str, snapshot: str) -> None:
    """A good backup clears the note of a failed one, unless that failure came after the snapshot it copied
    (the day's backup copies the file as it was at open: a later failure's changes are not in it)."""
    note = last_failure(folder)
    if note is not None and (note.get("when") or "") <= snapshot:
        target = Path(folder, FAILED_NOTE)
        try:
            _write_whole(target, {})      # blank, and still reserved for the next failure
        except OSError:
            target.unlink(missing_ok=True)


def last_failure(folder: Path | str) -> dict | None:
    """The last backup that failed and has not been followed by a good one: {'reason', 'when', 'error'}."""
    try:
        note = json.loads(Path(folder, FAILED_NOTE).read_text(encoding="utf-8") or "{}")
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {"reason": "", "when": "", "error": "?"}
    if not isinstance(note, dict):
        return {"reason": "", "when": "", "error": "?"}
    return note or None
