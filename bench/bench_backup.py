"""The day's first open of a large library: how long the open takes, how long its backup runs beside it, and
how much the backup's thread holds up the opener's own thread (the GUI thread in the window).

    nice python -m bench.bench_backup /tmp/a-copy-of-a-large-library     # the folder's backups/ is emptied

Prints, for the open as it is now (the day's backup on its own thread, paced) and for the backup made on
the opening thread as before: wall and CPU seconds of Library(...), seconds until the backup is written,
and the longest gap a 10 ms ticker on the opening thread saw while the backup ran.
"""

from __future__ import annotations

import shutil
import sys
import threading
import time
from pathlib import Path

from reader.core import backup
from reader.core.store import DB_NAME, Library


def ticker_gaps(stop: threading.Event) -> float:
    """Tick every 10 ms on this thread until stop; the longest gap between ticks (what a GUI thread would feel)."""
    longest, last = 0.0, time.perf_counter()
    while not stop.is_set():
        time.sleep(0.01)
        now = time.perf_counter()
        longest, last = max(longest, now - last - 0.01), now
    return longest


def first_open(folder: Path) -> dict:
    """One day's-first open now: the open itself, then the backup beside a ticker on this thread."""
    shutil.rmtree(folder / backup.BACKUP_DIR, ignore_errors=True)
    wall, cpu = time.perf_counter(), time.process_time()
    library = Library(folder)
    opened = {"open_wall": time.perf_counter() - wall, "open_cpu": time.process_time() - cpu}
    stop = threading.Event()
    waiter = threading.Thread(target=lambda: (library.wait_for_backups(), stop.set()))
    waiter.start()
    opened["longest_gap"] = ticker_gaps(stop)
    waiter.join()
    opened["backup_done"] = time.perf_counter() - wall
    library.close()
    return opened


def backup_on_this_thread(folder: Path) -> dict:
    """The backup as the opening thread made it before (unpaced, blocking)."""
    library = Library(folder)
    library.wait_for_backups()
    wall, cpu = time.perf_counter(), time.process_time()
    backup.make_backup(library.conn, folder, "bench")
    result = {"backup_wall": time.perf_counter() - wall, "backup_cpu": time.process_time() - cpu}
    library.close()
    return result


def main(argv: list[str]) -> int:
    folder = Path(argv[0] if argv else "/tmp/r2s-big")
    size = (folder / DB_NAME).stat().st_size
    print(f"library: {folder} ({size / 2**20:.0f} MiB)")
    now = first_open(folder)
    print(f"day's first open: Library() {now['open_wall']:.2f} s wall, {now['open_cpu']:.2f} s CPU"
          f" (the full integrity_check); the daily backup written {now['backup_done']:.2f} s after the open"
          f" began, on its own thread; longest stall of a 10 ms ticker on the opening thread meanwhile:"
          f" {now['longest_gap'] * 1000:.0f} ms")
    before = backup_on_this_thread(folder)
    print(f"the same backup on the opening thread (as before): {before['backup_wall']:.2f} s wall,"
          f" {before['backup_cpu']:.2f} s CPU, all of it blocking the open")
    shutil.rmtree(folder / backup.BACKUP_DIR, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
