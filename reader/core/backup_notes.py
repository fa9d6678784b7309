"""A note beside the library saying its newest backup failed, so the window and the commands can tell the reader.

Backups fail quietly by design (a full disk must not stop an open or a close: reader.core.backup),
but then the reader's recent work is in no copy, which they must know. The note is written whole
or not at all, never through a link planted in its place; it stays until a backup whose snapshot
is newer than the failure succeeds. In-process, last_error also keeps the error when even the note
could not be written.
"""

from __future__ import annotations

import json
import logging
import os
from datetime import datetime
from pathlib import Path

log = logging.getLogger(__name__)

FAILED_NOTE = "backup-failed.json"
last_error: dict[str, str] = {}    # the latest failed backup's error by library folder (also when unnoted)


def note_failure(folder: Path | str, reason: str, exc: BaseException) -> None:
    """Leave a note beside the library that its last backup failed (a full disk may refuse even that)."""
    note = {"reason": reason, "when": datetime.now().isoformat(timespec="microseconds"), "error": _error_text(exc)}
    target = Path(folder, FAILED_NOTE)
    partial = target.with_name(FAILED_NOTE + ".part")
    try:     # whole or not at all (a full disk may refuse half of it), and never through a planted link
        partial.unlink(missing_ok=True)
        handle = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(json.dumps(note, ensure_ascii=False))
        os.replace(partial, target)
    except OSError as failed:
        partial.unlink(missing_ok=True)
        log.warning("could not note the failed backup of %s: %s", folder, failed)
    last_error[os.path.realpath(folder)] = note["error"]


def _error_text(exc: BaseException) -> str:
    """An error as the reader is shown it ('No space left on device', 'database or disk is full')."""
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)


def clear_failure(folder: Path | str, snapshot: str) -> None:
    """A good backup clears the note of a failed one, unless that failure came after the snapshot it copied
    (the day's backup copies the file as it was at open: a later failure's changes are not in it)."""
    note = last_failure(folder)
    if note is not None and (note.get("when") or "") <= snapshot:
        Path(folder, FAILED_NOTE).unlink(missing_ok=True)


def last_failure(folder: Path | str) -> dict | None:
    """The last backup that failed and has not been followed by a good one: {'reason', 'when', 'error'}."""
    try:
        note = json.loads(Path(folder, FAILED_NOTE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {"reason": "", "when": "", "error": "?"}
    return note if isinstance(note, dict) else {"reason": "", "when": "", "error": "?"}
