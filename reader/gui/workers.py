"""Long work (import, indexing) on a worker thread, reporting progress and result through signals."""

from __future__ import annotations

import logging
import threading
import traceback
from typing import Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)


class Job(QObject):
    """One piece of slow work: fn(progress, cancelled) runs off the GUI thread; signals come back on it."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    finished = Signal()

    def __init__(self, name: str, fn: Callable[[Callable[[int, int], None], Callable[[], bool]], object]):
        super().__init__()
        self.name = name
        self.fn = fn
        self._cancel = threading.Event()
        self._thread: QThread | None = None

    def start(self) -> None:
        """Run on a fresh thread; the caller keeps a reference until `finished`."""
        thread = QThread()
        thread.setObjectName(f"job-{self.name}")
        self.moveToThread(thread)
        thread.started.connect(self._run)
        self.finished.connect(thread.quit)
        self._thread = thread
        thread.start()

    def cancel(self) -> None:
        """Ask the work to stop at its next check."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        """Whether cancel() was called."""
        return self._cancel.is_set()

    def wait(self, ms: int = 30000) -> bool:
        """Block until the thread ends (tests and shutdown)."""
        return self._thread.wait(ms) if self._thread else True

    @Slot()
    def _run(self) -> None:
        try:
            result = self.fn(self.progressed.emit, self._cancel.is_set)
        except Exception as exc:  # the message goes to the user; the trace to the log
            log.error("job %s failed:\n%s", self.name, traceback.format_exc())
            self.failed.emit(str(exc))
        else:
            self.succeeded.emit(result)
        self.finished.emit()


class JobRunner(QObject):
    """Keeps running jobs alive and tells the window when any is busy."""

    busy_changed = Signal(bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.jobs: list[Job] = []

    def run(self, job: Job) -> Job:
        """Start a job and hold it until it finishes."""
        self.jobs.append(job)
        job.finished.connect(self._done)  # a bound slot runs on this (GUI) thread, a lambda would not
        job.start()
        if len(self.jobs) == 1:
            self.busy_changed.emit(True)
        return job

    @Slot()
    def _done(self) -> None:
        job = self.sender()
        if job in self.jobs:
            job.wait(5000)
            self.jobs.remove(job)
        if not self.jobs:
            self.busy_changed.emit(False)

    def shutdown(self) -> None:
        """Cancel and wait for every job (on quit)."""
        for job in list(self.jobs):
            job.cancel()
        for job in list(self.jobs):
            job.wait(10000)
