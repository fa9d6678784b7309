"""Start the window: application, language, settings, the library (with a clear message if it cannot open)."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from logging.handlers import RotatingFileHandler

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from reader import APP_NAME, __version__
from reader.core.locale import system_language
from reader.core.paths import library_dir
from reader.core.store import Library, LibraryError, open_library
from reader.gui import plain
from reader.gui.icons import app_icon
from reader.gui.platform_check import check_platform
from reader.gui.settings import Settings
from reader.gui.theme import apply_color_scheme
from reader.gui.translations import install_translators


def setup_logging(folder) -> None:
    """Log to a file in the data folder: a windowed build has no console."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(folder / "duidu.log", maxBytes=1_000_000, backupCount=2, encoding="utf-8")
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def parse_gui_args(argv: list[str]) -> argparse.Namespace:
    """Options of the window itself (Qt's own options pass through)."""
    parser = argparse.ArgumentParser(prog="duidu", add_help=False)
    parser.add_argument("--open", type=int, dest="open_id")
    parser.add_argument("--screenshot")
    parser.add_argument("--no-bundled", action="store_true")
    args, _qt_args = parser.parse_known_args(argv)
    return args


def start_window(library_override: str | None = None, bundled: bool = True):
    """Create the application and the main window on the library; returns (app, window), or None after a message."""
    if QApplication.instance() is None and not check_platform(system_language()):
        return None   # Qt would abort on a missing system library: we said which, and how to install it
    app = QApplication.instance() or QApplication([sys.argv[0]])
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    settings = Settings()
    folder = library_dir(library_override or settings.get("library/folder") or None)
    setup_logging(folder)
    install_translators(app, settings.interface_language())
    apply_color_scheme(settings.get("ui/color_scheme"))
    library = open_or_recover(folder, settings.interface_language())
    if library is None:
        return None

    from reader.gui.main_window import MainWindow

    window = MainWindow(library, settings)
    install_database_error_hook(window)
    window.setWindowIcon(app_icon())
    app.setWindowIcon(app_icon())
    app.aboutToQuit.connect(release_clipboard)
    window.show()
    window.backup_notice.announce(window)
    window.bundled_job = window.import_bundled_in_background() if bundled else None
    after_first_paint(window, lambda: warm_up_in_background(window))
    return app, window


WARM_UP_DELAY_MS = 300   # after the window's first paint: nobody opens a comparison sooner


class _FirstPaint(QObject):
    """Runs a callback once, WARM_UP_DELAY_MS after the watched window first painted (or 2 s after the
    start if it never does, e.g. minimised): background warm-ups then never compete with the first paint."""

    def __init__(self, window, callback):
        super().__init__(window)
        self.window, self.callback, self.fired = window, callback, False
        window.installEventFilter(self)
        QTimer.singleShot(2000, self.fire)

    def eventFilter(self, watched, event) -> bool:
        if not self.fired and event.type() in (QEvent.Type.Paint, QEvent.Type.UpdateRequest):
            self.window.removeEventFilter(self)
            QTimer.singleShot(WARM_UP_DELAY_MS, self.fire)
        return False

    def fire(self) -> None:
        if not self.fired:
            self.fired = True
            self.window.removeEventFilter(self)
            if self.window.isVisible():     # a window closed meanwhile stopped its jobs: start none
                self.callback()


def after_first_paint(window, callback) -> QObject:
    """Call callback shortly after window's first paint (the start-up's warm-ups)."""
    window.warm_up_timer = _FirstPaint(window, callback)
    return window.warm_up_timer


def open_or_recover(folder, language: str) -> Library | None:
    """Open the library (read-only if another copy holds it); if it is damaged, offer a backup or a new one."""
    from reader.gui.recovery_dialog import RecoveryDialog

    for _attempt in range(3):
        try:
            return open_library(folder, read_only_if_in_use=True)
        except LibraryError as exc:
            if exc.reason not in ("damaged", "newer"):
                plain.critical(None, APP_NAME, exc.message(language))
                return None
            dialog = RecoveryDialog(exc, folder, language)
            if dialog.exec() != RecoveryDialog.DialogCode.Accepted:
                return None
            try:
                if not dialog.apply():
                    return None
            except LibraryError as failed:
                plain.critical(None, APP_NAME, failed.message(language))
                return None
    return None


def install_database_error_hook(window) -> None:
    """An SQLite or library error escaping a slot becomes a message (damage checked in full), never a traceback."""
    import sqlite3

    previous = sys.excepthook

    def hook(kind, error, trace):
        if not isinstance(error, (sqlite3.Error, LibraryError)):
            previous(kind, error, trace)
            return
        from reader.core.library_error import explain

        logging.getLogger(__name__).error("database error", exc_info=(kind, error, trace))
        problem = error if isinstance(error, LibraryError) else explain(window.library.path, error)
        text = problem.message(window.settings.interface_language())
        if problem.reason == "damaged":
            text += "\n\n" + QCoreApplication.translate(
                "MainWindow", "Choose File ▸ Restore from Backup… to bring back the last good backup.")
        plain.critical(window, APP_NAME, text)

    sys.excepthook = hook


def release_clipboard() -> None:
    """On the offscreen and minimal platforms, drop our clipboard data before Qt tears down.

    Qt 6.11's offscreen clipboard crashes at exit when it still holds a QMimeData set from Python
    (seen in CI). Real platforms keep the data for pasting after Duidu closes, so they are left alone.
    """
    if QGuiApplication.platformName() in ("offscreen", "minimal"):
        QGuiApplication.clipboard().clear()


def warm_up_in_background(window) -> None:
    """Run the matcher once on a sample (reference model, word list, tables) and load the library's index off
    the GUI thread, and make the comparison's panes, so the first comparison opens at once."""
    from reader.core import comparison
    from reader.core.comparison import shared_index
    from reader.gui.workers import Job

    window.jobs.run(Job("warm-up", lambda progress, cancelled: comparison.warm_up()), quiet=True)
    folder, read_only = window.library.folder, window.library.read_only
    window.jobs.run(Job("warm-index", lambda progress, cancelled: shared_index.warm(folder, read_only)), quiet=True)
    window.compare_view.prepare_panes()      # on this thread, while those run


def run_app(library_override: str | None = None, argv: list[str] | None = None) -> int:
    """Open the main window on the library and run the event loop."""
    options = parse_gui_args(list(argv or []))
    started = start_window(library_override, bundled=not options.no_bundled)
    if started is None:
        return 2
    app, window = started
    if options.screenshot and window.bundled_job is not None:
        window.bundled_job.wait(60000)
        app.processEvents()
    reopen = [options.open_id] if options.open_id else window.last_opened()
    reopen = [doc_id for doc_id in reopen if window.library.has_document(doc_id)]
    if reopen:
        window.open_documents(reopen)
    return run_or_grab(app, window, options.screenshot)


def run_or_grab(app: QApplication, window, screenshot: str | None) -> int:
    """Write the window to a PNG and exit (--screenshot), or run the event loop until the window closes."""
    if screenshot:
        return grab_and_quit(app, window, screenshot)
    code = app.exec()
    from reader.core.backup_background import close_in_background

    close_in_background(window.library)      # a large library's backup would keep the closing window waiting
    return code


def view_complete(window) -> bool:
    """Nothing visible is still being worked out: no job with progress runs and a comparison on screen is ready."""
    if any(not getattr(job, "quiet", False) for job in window.jobs.jobs):
        return False
    return not window.comparing() or window.compare_view.comparison is not None


def settle(app: QApplication, window, timeout: float = 120.0) -> bool:
    """Run events until the view is complete (a screenshot must not show "Finding shared passages…")."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents()
        if view_complete(window):
            for _ in range(5):   # the results' signals, then the layout and paint they cause
                app.processEvents()
            return True
        time.sleep(0.01)
    return False


def grab_and_quit(app: QApplication, window, path: str) -> int:
    """Render the window once the view is complete, write it as PNG, exit."""
    settle(app, window)
    ok = window.grab().save(path)
    window.close()
    QTimer.singleShot(0, app.quit)
    app.processEvents()
    return 0 if ok else 1
