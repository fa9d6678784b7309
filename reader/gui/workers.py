"""Long work (import, indexing, diffs) on a worker thread, reporting progress and result on the GUI thread."""

from __future__ import annotations

import logging
import threading
import time
import traceback
from typing import Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], object]


class _Worker(QObject):
    """Lives on the worker thread and runs the function there."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    done = Signal()

    def __init__(self, fn: Work, cancel: threading.Event):
        super().__init__()
        self.fn = fn
        self.cancel = cancel
        self.returned = threading.Event()

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn(self.progressed.emit, self.cancel.is_set)
        except Exception as exc:  # the message goes to the user; the trace to the log
            log.error("background work failed:\n%s", traceback.format_exc())
            self.failed.emit(str(exc))
        else:
            self.succeeded.emit(result)
        finally:
            self.returned.set()
            QThread.currentThread().quit()  # the thread ends by itself, even if the GUI thread is waiting
        self.done.emit()


class Job(QObject):
    """One piece of slow work: fn(progress, cancelled) runs off the GUI thread.

    The Job itself stays on the GUI thread and re-emits what the worker reports, so anything
    connected to its signals (lambdas included) runs on the GUI thread.
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    finished = Signal()

    def __init__(self, name: str, fn: Work):
        super().__init__()
        self.name = name
        self._cancel = threading.Event()
        self._worker = _Worker(fn, self._cancel)
        self._thread: QThread | None = None
        self.done = False

    def start(self) -> None:
        """Run on a fresh thread; the caller keeps a reference until `finished`."""
        thread = QThread()
        thread.setObjectName(f"job-{self.name}")
        self._worker.moveToThread(thread)
        thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._on_progress)
        self._worker.succeeded.connect(self._on_success)
        self._worker.failed.connect(self._on_failure)
        self._worker.done.connect(self._on_done)
        self._thread = thread
        thread.start()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)

    @Slot(object)
    def _on_success(self, result) -> None:
        self.succeeded.emit(result)

    @Slot(str)
    def _on_failure(self, message: str) -> None:
        self.failed.emit(message)

    @Slot()
    def _on_done(self) -> None:
        self.wait()
        self.done = True
        self.finished.emit()

    def cancel(self) -> None:
        """Ask the work to stop at its next check."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        """Whether cancel() was called."""
        return self._cancel.is_set()

    def wait(self, ms: int = 30000) -> bool:
        """Block until the work has ended (tests, screenshots and shutdown); results are delivered after.

        QThread.wait() would hold the GIL and starve the worker until the timeout: wait in Python.
        """
        if self._thread is None:
            return True
        deadline = time.monotonic() + ms / 1000
        if not self._worker.returned.wait(max(0.0, deadline - time.monotonic())):
            return False
        while not self._thread.isFinished():
            if time.monotonic() > deadline:
                return False
            time.sleep(0.002)
        return True


class JobRunner(QObject):
    """Keeps running jobs alive and tells the window when any is busy."""

    busy_changed = Signal(bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.jobs: list[Job] = []

    def run(self, job: Job, quiet: bool = False) -> Job:
        """Start a job and hold it until it finishes; a quiet one (a warm-up) shows no progress."""
        self.jobs.append(job)
        job.quiet = quiet
        job.finished.connect(lambda: self._done(job))
        job.start()
        if not quiet and self._visible_count() == 1:
            self.busy_changed.emit(True)
        return job

    def _visible_count(self) -> int:
        return sum(1 for job in self.jobs if not getattr(job, "quiet", False))

    def _done(self, job: Job) -> None:
        if job in self.jobs:
            self.jobs.remove(job)
        if not getattr(job, "quiet", False) and self._visible_count() == 0:
            self.busy_changed.emit(False)

    @Slot()
    def cancel_all(self) -> None:
        """Ask every running job to stop."""
        for job in list(self.jobs):
            job.cancel()

    def shutdown(self) -> None:
        """Cancel and wait for every job (on quit)."""
        self.cancel_all()
        for job in list(self.jobs):
            job.wait(10000)
