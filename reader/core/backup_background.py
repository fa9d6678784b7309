"""The session backup in a detached process of our own, so a command or the window's close returns at once.

A verified copy of a library of 10,000 speeches (2.6 GB) takes about ten seconds, which a one-speech
import must not wait for (issue 14). The closing writer notes a request (a fresh token in
backups/session-request, before its connection closes, so a kill leaves it noted) and starts
`duidu _backup --library DIR`. That process takes backups/session.lock, an OS lock (it dies with the
process), and while the request differs from the last one it served (backups/session-done) it takes a
read-only snapshot of the library (writers go on beside it: WAL), copies, verifies and prunes it
(reader.core.backup.safe_backup, which writes a `.part` and renames it only when verified) and notes the
token it covered. A request made while one runs only changes the token, so the running process copies
once more: a script of 50 quick imports costs a copy per copy's time it runs, plus one (not 50), and the
last holds all 50. A failure is noted for the reader (reader.core.backup_notes); a killed process leaves
the request unmet, and the next open of the library starts the backup again. Whatever replaces the
library file holds the same lock (reader.core.backup.restore_backup). When no process can be started,
the backup is made in this one.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import subprocess
import sys
import time
import uuid
from datetime import datetime
from pathlib import Path

from reader.core import backup, backup_notes, integrity, lock
from reader.core.library_error import DB_NAME

log = logging.getLogger(__name__)

COMMAND = "_backup"          # the hidden subcommand (reader.cli.run routes it here, also in the built app)
REQUEST = "session-request"
DONE = "session-done"
SLOW_ENV = "DUIDU_BACKUP_TEST_SLOW"   # tests only: seconds to wait after each page copied, to watch it work
_children: list[subprocess.Popen] = []


def request(folder: Path | str) -> None:
    """Note that what was just committed still needs a session backup (a new token, written whole)."""
    _write(folder, REQUEST, uuid.uuid4().hex)


def pending(folder: Path | str) -> bool:
    """Whether a requested session backup was not (or not successfully) made yet."""
    wanted = _read(folder, REQUEST)
    done = _done(folder)
    return wanted is not None and (done.get("token") != wanted or not done.get("ok"))


def close_in_background(library) -> None:
    """Close a Library (the window's) at once, leaving its session backup to the backup process, and start
    one still owed from before (failed, or its process killed)."""
    library.background_backup = True
    library.close()
    if not library.read_only:
        resume(library.folder)


def resume(folder: Path | str) -> None:
    """At an open (and the window's close): a backup still owed (it failed, or its process was killed) is started
    again; one running, or about to (its request not yet tried), is left alone: asking anew would copy twice."""
    wanted, done = _read(folder, REQUEST), _done(folder)
    if wanted is None or (done.get("token") == wanted and done.get("ok")) or running(folder):
        return
    if done.get("token") == wanted:
        try:        # it failed: a new request, not yet tried, for the process (and wait()) to see
            request(folder)
        except OSError as exc:
            log.warning("the owed backup of %s could not be requested again: %s", folder, exc)
            return
    start(folder)


def running(folder: Path | str) -> bool:
    """Whether a background backup (or a restore) holds the library's backup lock right now."""
    try:
        handle = lock.try_hold(_lock_path(folder))
    except OSError:
        return False
    if handle is None:
        return True
    lock.let_go(handle)
    return False


def start(folder: Path | str) -> None:
    """Start the detached backup process unless one runs (it serves the newest request before it ends);
    when none can be started, make the backup here and now, so that no change is left without one."""
    global _children
    folder = Path(os.path.realpath(folder))
    _children = [child for child in _children if child.poll() is None]
    if running(folder):
        return
    try:
        _children.append(spawn(folder))
    except (OSError, ValueError, subprocess.SubprocessError) as exc:
        log.warning("the background backup of %s could not start (%s): backing up now", folder, exc)
        serve(folder)


def spawn(folder: Path) -> subprocess.Popen:
    """The backup process itself: detached, with no console and none of our files or streams."""
    return subprocess.Popen(command(folder), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, close_fds=True, env=_child_env(), cwd=folder, **_detached())


def command(folder: Path | str) -> list[str]:
    """How to run this program's hidden backup command: the built app is its own executable."""
    if not sys.executable:
        raise OSError("no executable to start")
    program = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "reader"]
    return [*program, "--library", str(folder), COMMAND]


def _detached() -> dict:
    """Popen's options for a process that outlives its parent and has no console or terminal."""
    if sys.platform == "win32":
        flags = (subprocess.DETACHED_PROCESS | subprocess.CREATE_NEW_PROCESS_GROUP | subprocess.CREATE_NO_WINDOW
                 | subprocess.BELOW_NORMAL_PRIORITY_CLASS)      # as os.nice below: the reader's work comes first
        return {"creationflags": flags}
    return {"start_new_session": True}


def _child_env() -> dict:
    """The parent's environment; from a source checkout, its own code first on the path (not an installed copy).
    A built app's child starts as a program of its own (PyInstaller >= 6.9: it must not lean on the parent's
    unpacked files, which may be gone when the parent exits first)."""
    env = dict(os.environ)
    if getattr(sys, "frozen", False):
        env["PYINSTALLER_RESET_ENVIRONMENT"] = "1"
    else:
        root = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [root, env.get("PYTHONPATH")]))
    return env


def main(folder: str | None) -> int:
    """The hidden command's body: serve the library's pending request, at a lower priority than the reader's."""
    if not folder:
        return 2
    if hasattr(os, "nice"):
        try:
            os.nice(5)
        except OSError:
            pass
    slow = os.environ.get(SLOW_ENV)
    if slow:
        backup.PACE_PAGES, backup.PACE_SLEEP = 1, float(slow)
    serve(Path(folder))
    return 0


def serve(folder: Path) -> bool:
    """Back up until the newest request is met, holding the backup lock; False when a backup failed.
    Looks once more after letting go: a request that came as it let go finds no one else to serve it."""
    while True:
        try:
            handle = _take_lock(folder)
        except OSError as exc:
            backup_notes.note_failure(folder, backup.SESSION, exc)
            return False
        if handle is None:
            return True          # another serves it (and looks again before it lets go)
        try:
            ok = _serve_held(folder)
        finally:
            lock.let_go(handle)
        if not ok or not _unserved(folder):
            return ok


def _take_lock(folder: Path, tries: int = 5):
    """The backup lock, or None when another process keeps it (a probe of running() holds it only briefly)."""
    for attempt in range(tries):
        handle = lock.try_hold(_lock_path(folder))
        if handle is not None or attempt == tries - 1:
            return handle
        time.sleep(0.1)
    return None


def _serve_held(folder: Path) -> bool:
    """With the lock held: a backup for each request still unserved (one, or two when one came meanwhile)."""
    while (token := _unserved(folder)) is not None:
        made = _backup_snapshot(folder)
        _write(folder, DONE, json.dumps({"token": token, "ok": made}))
        if not made:
            return False
    return True


def _unserved(folder: Path) -> str | None:
    """The newest request's token if no backup was attempted for it yet."""
    wanted = _read(folder, REQUEST)
    return wanted if wanted is not None and _done(folder).get("token") != wanted else None


def _backup_snapshot(folder: Path) -> bool:
    """One verified backup of the library as it is now (a read-only snapshot; writers go on beside it)."""
    path = folder / DB_NAME
    if not path.is_file():
        return True                # set aside (a new library is started): nothing of it to keep
    since = datetime.now().isoformat(timespec="microseconds")   # no later than the snapshot
    try:
        conn = sqlite3.connect(integrity.ro_uri(path), uri=True, isolation_level=None, timeout=30)
    except sqlite3.Error as exc:
        backup_notes.note_failure(folder, backup.SESSION, exc)
        return False
    try:
        conn.execute("BEGIN")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()    # the snapshot is taken here
        return backup.safe_backup(conn, folder, backup.SESSION, paced=True, since=since) is not None
    except sqlite3.Error as exc:
        backup_notes.note_failure(folder, backup.SESSION, exc)
        return False
    finally:
        conn.close()


def settle(folder: Path | str, on_wait=None) -> None:
    """Before the library file is replaced or a backup chosen to replace it: the session backup still owed is
    made first, by the process making it (waited for; on_wait() is called meanwhile) or here and now."""
    folder = Path(folder)
    with lock.holding(_lock_path(folder), on_wait):
        if _unserved(folder) is not None:
            if on_wait is not None:
                on_wait()
            _serve_held(folder)


def wait(folder: Path | str, timeout: float = 60.0) -> bool | None:
    """Until the newest request was served: True if its backup was made, False if it failed, None on timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not running(folder) and _unserved(Path(folder)) is None:
            wanted = _read(folder, REQUEST)
            return wanted is None or bool(_done(folder).get("ok"))
        time.sleep(0.05)
    return None


def _lock_path(folder: Path | str) -> Path:
    """The lock held while a background backup runs (or the library file is replaced)."""
    directory = backup.backup_dir(folder)
    directory.mkdir(exist_ok=True)      # never the library folder itself: one deleted meanwhile stays deleted
    return directory / backup.BACKGROUND_LOCK


def _done(folder: Path | str) -> dict:
    """The last request served: {'token', 'ok'} ({} if none or unreadable)."""
    try:
        done = json.loads(_read(folder, DONE) or "{}")
    except ValueError:
        return {}
    return done if isinstance(done, dict) else {}


def _read(folder: Path | str, name: str) -> str | None:
    try:
        return (backup.backup_dir(folder) / name).read_text(encoding="utf-8").strip() or None
    except (OSError, UnicodeDecodeError):
        return None


def _write(folder: Path | str, name: str, value: str) -> None:
    """Write a small state file whole: a new file (never through a link planted in its place) renamed over the
    old one, retried a moment on Windows while another process reads it."""
    directory = backup.backup_dir(folder)
    directory.mkdir(exist_ok=True)      # never the library folder itself: one deleted meanwhile stays deleted
    partial = directory / f"{name}.{os.getpid()}.tmp"
    partial.unlink(missing_ok=True)
    handle = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(value)
    for attempt in range(5):
        try:
            os.replace(partial, directory / name)
            return
        except PermissionError:
            if attempt == 4:
                partial.unlink(missing_ok=True)
                raise
            time.sleep(0.05)
