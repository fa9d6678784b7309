"""GUI fixtures: a main window over a library of the five sample speeches; modal dialogs never block."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch):
    """Record message boxes instead of blocking on them."""
    shown = []

    def fake(kind):
        def show(parent, title, text, *args, **kwargs):
            shown.append((kind, title, text))
            return QMessageBox.StandardButton.Ok
        return staticmethod(show)

    for kind in ("information", "warning", "critical", "question", "about"):
        monkeypatch.setattr(QMessageBox, kind, fake(kind))
    monkeypatch.setattr(QDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    return shown


@pytest.fixture(autouse=True)
def release_clipboard_after_test(qapp):
    """Offscreen Qt crashes at exit if the clipboard still holds our QMimeData (see app.release_clipboard)."""
    yield
    from reader.gui.app import release_clipboard

    release_clipboard()


@pytest.fixture
def scanned_ts(tmp_path):
    """A function that runs pyside6-lupdate over reader/gui into a fresh .ts (extra flags passed on); skips without it."""
    import shutil
    import subprocess
    from pathlib import Path

    lupdate = shutil.which("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    gui = Path(__file__).resolve().parents[2] / "reader" / "gui"

    def scan(*flags: str) -> Path:
        fresh = tmp_path / "fresh.ts"
        sources = sorted(str(p) for p in gui.rglob("*.py"))
        subprocess.run([lupdate, *flags, *sources, "-ts", str(fresh)], check=True, capture_output=True)
        return fresh
    return scan


@pytest.fixture
def settings(isolated_home):
    from reader.gui.settings import Settings

    return Settings()


@pytest.fixture
def open_window(qtbot, sample_library, settings):
    """A function that shows a main window over the samples at a size (after any translator the test installed)."""
    from reader.gui.main_window import MainWindow

    def show(width: int = 1200, height: int = 800):
        window = MainWindow(sample_library, settings)
        qtbot.addWidget(window)
        window.resize(width, height)
        window.show()
        qtbot.waitExposed(window)
        return window
    return show


@pytest.fixture
def main_window(open_window):
    return open_window()


@pytest.fixture
def compare(main_window, qtbot):
    """The first and third samples side by side, highlights ready."""
    view = main_window.compare_view
    with qtbot.waitSignal(view.comparison_ready, timeout=30000):
        main_window.open_documents([1, 3])
    return view
