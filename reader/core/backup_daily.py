"""The day's backup of a library, on a thread of its own so that opening a large library is not held up.

A whole-file copy of 2.5 GB took a minute on the opening (GUI) thread. Here a read-only connection
takes its snapshot at open, before the opener writes anything, and reader.core.backup copies it
paced (a few pages, then a pause), verifies it and prunes, while the reader works. Library.close
waits for the thread, so the copy always completes: together with the session backup at close,
every committed change reaches a backup. One such thread per library at a time.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from datetime import datetime
from pathlib import Path

from reader.core import backup, backup_notes

log = logging.getLogger(__name__)

_daily_jobs: dict[str, threading.Thread] = {}
_daily_lock = threading.Lock()


def start_daily(db_path: Path, folder: Path | str) -> threading.Thread:
    """The day's backup on its own thread (one per library at a time): a read-only snapshot of the file as
    it is now, copied paced and verified; join the thread before the library is closed."""
    key = os.path.realpath(folder)
    with _daily_lock:
        running = _daily_jobs.get(key)
        if running is not None and running.is_alive():
            return running
        since = datetime.now().isoformat(timespec="microseconds")   # no later than the snapshot
        conn = sqlite3.connect(f"{Path(db_path).resolve().as_uri()}?mode=ro", uri=True, isolation_level=None,
                               check_same_thread=False, timeout=5)
        try:
            conn.execute("BEGIN")      # the snapshot is taken now, before the opener writes anything
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error:
            conn.close()
            raise
        thread = threading.Thread(target=_daily, args=(conn, Path(folder), since), name="duidu-daily-backup")
        _daily_jobs[key] = thread
        thread.start()
        return thread


def _daily(conn: sqlite3.Connection, folder: Path, since: str) -> None:
    """The body of start_daily's thread."""
    try:
        backup.safe_backup(conn, folder, backup.DAILY, paced=True, since=since)
    except BaseException as exc:   # a thread's failure would otherwise only reach stderr
        log.exception("daily backup of %s failed", folder)
        backup_notes.note_failure(folder, backup.DAILY, exc)
    finally:
        conn.close()
        with _daily_lock:
            if _daily_jobs.get(os.path.realpath(folder)) is threading.current_thread():
                del _daily_jobs[os.path.realpath(folder)]
