"""Start the window: application, language, settings, the library (with a clear message if it cannot open)."""

from __future__ import annotations

import argparse
import logging
import sys
from logging.handlers import RotatingFileHandler

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox

from reader import APP_NAME, __version__
from reader.core.paths import cache_dir, library_dir
from reader.core.store import Library, LibraryError, open_library
from reader.gui.icons import app_icon
from reader.gui.settings import Settings
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


def dark_palette() -> QPalette:
    """A dark palette for the Fusion style (where the platform offers none of its own)."""
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2b", QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1f1f1f", QPalette.ColorRole.AlternateBase: "#2a2a2a",
        QPalette.ColorRole.Text: "#e6e6e6", QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.ToolTipBase: "#3a3a3a",
        QPalette.ColorRole.ToolTipText: "#f0f0f0", QPalette.ColorRole.Highlight: "#3d7bd9",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.Link: "#7fb2ff",
        QPalette.ColorRole.PlaceholderText: "#9a9a9a", QPalette.ColorRole.Mid: "#444444",
        QPalette.ColorRole.Dark: "#1a1a1a", QPalette.ColorRole.Light: "#505050",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return palette


def apply_color_scheme(choice: str) -> None:
    """Light, dark, or follow the system: Qt 6.8+ asks the platform; where it cannot, Fusion's palette does."""
    app = QApplication.instance()
    hints = QGuiApplication.styleHints()
    scheme = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(choice, Qt.ColorScheme.Unknown)
    if hasattr(hints, "setColorScheme"):
        hints.setColorScheme(scheme)
    if app is None or choice not in ("light", "dark"):
        return
    is_dark = app.palette().color(QPalette.ColorRole.Window).lightness() < 128
    if (choice == "dark") != is_dark:
        app.setStyle("Fusion")
        app.setPalette(dark_palette() if choice == "dark" else app.style().standardPalette())


def configure_jieba(cache: str) -> None:
    """jieba's dictionary cache goes to our cache folder (its default is the system temp folder)."""
    from reader.core.reuse import snap

    snap.set_cache_dir(cache)


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
    app = QApplication.instance() or QApplication([sys.argv[0]])
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    settings = Settings()
    folder = library_dir(library_override or settings.get("library/folder") or None)
    setup_logging(folder)
    install_translators(app, settings.interface_language())
    apply_color_scheme(settings.get("ui/color_scheme"))
    configure_jieba(str(cache_dir(folder)))
    library = open_or_recover(folder, settings.interface_language())
    if library is None:
        return None

    from reader.gui.main_window import MainWindow

    window = MainWindow(library, settings)
    window.setWindowIcon(app_icon())
    app.setWindowIcon(app_icon())
    app.aboutToQuit.connect(release_clipboard)
    window.show()
    window.bundled_job = window.import_bundled_in_background() if bundled else None
    warm_up_in_background(window)
    return app, window


def open_or_recover(folder, language: str) -> Library | None:
    """Open the library (read-only if another copy holds it); if it is damaged, offer a backup or a new one."""
    from reader.gui.recovery_dialog import RecoveryDialog

    for _attempt in range(3):
        try:
            return open_library(folder, read_only_if_in_use=True)
        except LibraryError as exc:
            if exc.reason not in ("damaged", "newer"):
                QMessageBox.critical(None, APP_NAME, exc.message(language))
                return None
            dialog = RecoveryDialog(exc, folder, language)
            if dialog.exec() != RecoveryDialog.DialogCode.Accepted:
                return None
            try:
                if not dialog.apply():
                    return None
            except LibraryError as failed:
                QMessageBox.critical(None, APP_NAME, failed.message(language))
                return None
    return None


def release_clipboard() -> None:
    """On the offscreen and minimal platforms, drop our clipboard data before Qt tears down.

    Qt 6.11's offscreen clipboard crashes at exit when it still holds a QMimeData set from Python
    (seen in CI). Real platforms keep the data for pasting after Duidu closes, so they are left alone.
    """
    if QGuiApplication.platformName() in ("offscreen", "minimal"):
        QGuiApplication.clipboard().clear()


def warm_up_in_background(window) -> None:
    """Load jieba's dictionary (about a second) and the library's index off the GUI thread, so the first
    comparison opens at once."""
    from reader.core.comparison import shared_index
    from reader.core.reuse import snap
    from reader.gui.workers import Job

    window.jobs.run(Job("warm-up", lambda progress, cancelled: snap.warm_up()), quiet=True)
    folder, read_only = window.library.folder, window.library.read_only
    window.jobs.run(Job("warm-index", lambda progress, cancelled: shared_index.warm(folder, read_only)), quiet=True)


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
    window.library.close()
    return code


def grab_and_quit(app: QApplication, window, path: str) -> int:
    """Render the window once everything queued has run, write it as PNG, exit."""
    for _ in range(5):
        app.processEvents()
    ok = window.grab().save(path)
    window.close()
    QTimer.singleShot(0, app.quit)
    app.processEvents()
    return 0 if ok else 1
