"""One writer per library: an OS lock on `<library>/library.lock`, shared by every connection of a process.

A second copy of Duidu (or a CLI run while the window is open) must not write the same database:
SQLite would keep the file consistent, but two writers would overwrite each other's view of the
codebook and the reuse index. The lock is an OS lock (fcntl.flock on POSIX, msvcrt.locking on
Windows), so it dies with its process: a killed copy never leaves a stale lock behind, and the
lock file itself is never deleted (deleting it would let two processes lock two different files).

Within one process the lock is reentrant: the GUI's worker threads open their own `Library` on
the same folder, so a module-level registry counts holders per folder and only the first takes
the OS lock and the last releases it. A per-connection lock was dropped for that reason: flock
locks of two open() calls conflict even inside one process.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

LOCK_NAME = "library.lock"


class LockBusy(Exception):
    """Another process holds the library's lock; `holder` is its process id when known."""

    def __init__(self, path: Path, holder: str = ""):
        super().__init__(str(path), holder)
        self.path = path
        self.holder = holder


@dataclass
class _Held:
    """An OS lock this process holds, and how many `Library` objects use it."""

    handle: object
    count: int


_registry: dict[str, _Held] = {}
_guard = threading.Lock()


def lock_path(folder: Path | str) -> Path:
    """Where a library's lock file lives."""
    return Path(folder) / LOCK_NAME


def _key(folder: Path | str) -> str:
    """One key per folder however it was spelled (relative, symlinked, different case on Windows)."""
    return os.path.normcase(os.path.realpath(folder))


def acquire(folder: Path | str) -> None:
    """Take (or share, within this process) the library's lock; LockBusy if another process has it."""
    key = _key(folder)
    with _guard:
        held = _registry.get(key)
        if held is not None:
            held.count += 1
            return
        _registry[key] = _Held(_os_lock(lock_path(folder)), 1)


def release(folder: Path | str) -> None:
    """Give back one use of the lock; the OS lock goes when the last user of this process lets go."""
    key = _key(folder)
    with _guard:
        held = _registry.get(key)
        if held is None:
            return
        held.count -= 1
        if held.count <= 0:
            del _registry[key]
            _os_unlock(held.handle)


def holders(folder: Path | str) -> int:
    """How many users in this process share the lock (0 when this process does not hold it)."""
    with _guard:
        held = _registry.get(_key(folder))
        return held.count if held else 0


def is_locked_elsewhere(folder: Path | str) -> bool:
    """Whether another process holds the lock right now (a probe that takes and drops it)."""
    if holders(folder):
        return False
    try:
        acquire(folder)
    except LockBusy:
        return True
    except OSError:
        return False
    release(folder)
    return False


def try_hold(path: Path | str):
    """The OS lock on a file of our own without waiting (a handle for let_go), or None while another holds it.

    Not reentrant and not shared: a second try_hold of the same file fails even within one process."""
    try:
        return _os_lock(Path(path))
    except LockBusy:
        return None


def let_go(handle) -> None:
    """Give back a lock taken with try_hold."""
    _os_unlock(handle)


@contextmanager
def holding(path: Path | str, on_wait=None, patience: float = 0.5, poll: float = 0.1):
    """Hold the OS lock on `path`, waiting while another process has it; on_wait() is called every `poll`
    seconds once the wait has lasted `patience` seconds (to say so, or to keep a window painted)."""
    started = time.monotonic()
    while (handle := try_hold(path)) is None:
        if on_wait is not None and time.monotonic() - started >= patience:
            on_wait()
        time.sleep(poll)
    try:
        yield
    finally:
        let_go(handle)


def _read_holder(handle) -> str:
    """The process id the holder wrote into the lock file, if readable."""
    try:
        handle.seek(0)
        return handle.read(32).strip()
    except (OSError, ValueError):
        return ""


if sys.platform == "win32":
    import msvcrt

    def _os_lock(path: Path):
        """Lock the first byte of the lock file (a byte range lock, released when the process dies)."""
        handle = open(path, "a+")  # noqa: SIM115 (kept open while locked)
        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            handle.close()
            raise LockBusy(path) from exc
        return handle

    def _os_unlock(handle) -> None:
        """Unlock and close."""
        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
        handle.close()

else:
    import errno
    import fcntl
    import stat

    def _open_own_file(path: Path):
        """Open the lock file without following a symlink, refusing anything but our own plain file.

        A symlinked (or hard-linked) library.lock would otherwise have its target truncated by the
        process id written below, even on a read-only command; a FIFO would block the open.
        """
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0) | os.O_NONBLOCK
        try:
            fd = os.open(path, flags, 0o644)
        except OSError as exc:
            if path.is_symlink():
                raise OSError(exc.errno, f"{path.name} is a symbolic link; remove it", str(path)) from exc
            raise
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_nlink > 1:
            os.close(fd)
            raise OSError(errno.EPERM, f"{path.name} is not a plain file of its own; remove it", str(path))
        os.set_blocking(fd, True)
        return os.fdopen(fd, "r+")

    def _os_lock(path: Path):
        """flock the lock file without waiting and write our process id into it for diagnostics."""
        handle = _open_own_file(path)
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            holder = _read_holder(handle)
            handle.close()
            raise LockBusy(path, holder) from exc
        except OSError:
            handle.close()
            raise
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(f"{os.getpid()}\n")
            handle.flush()
        except OSError:
            pass   # the lock holds without the note
        return handle

    def _os_unlock(handle) -> None:
        """Unlock and close (closing alone would also release it)."""
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        except OSError:
            pass
        handle.close()
