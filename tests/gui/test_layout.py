"""At 1,280×800, in English and Chinese, the library's titles, the excerpt's text and the choosers' dates show."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reader.gui import plain, translations

ROOT = Path(__file__).resolve().parents[2]
LONG_QUOTE_START = "规划科学是最大的效益"


@pytest.fixture(params=["en", "zh"])
def window(request, open_window):
    installed = translations.install_translators(QApplication.instance(), request.param)
    yield open_window(1280, 800)
    for translator in installed:
        QApplication.instance().removeTranslator(translator)


def test_library_titles_have_room(window, qtbot):
    pane = window.library_pane
    assert pane.width() >= 220
    header = pane.table.horizontalHeader()
    qtbot.waitUntil(lambda: header.sectionSize(0) >= 0.5 * pane.table.viewport().width())
    assert pane.table.textElideMode() == Qt.TextElideMode.ElideMiddle
    index = pane.model.index(0, 0)
    assert index.data(Qt.ItemDataRole.DisplayRole) in index.data(Qt.ItemDataRole.ToolTipRole)


def test_nothing_open_shows_how_to_begin(window):
    assert window.center.currentWidget() is window.empty_state
    assert window.empty_state.title.text() and window.empty_state.steps.text()
    window.open_documents([1])
    assert window.center.currentWidget() is window.reading_pane


def test_excerpt_text_wraps_without_sideways_scrolling(window, qtbot):
    window.open_documents([1])
    text = window.reading_pane.document.text
    start = text.index(LONG_QUOTE_START)
    tag = window.editor.create_tag("城市规划")
    window.editor.add_excerpts([(1, start, start + 80)], [tag.id], "")
    table = window.excerpts_panel.table
    qtbot.waitUntil(lambda: window.excerpts_panel.model.rowCount() == 1)
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: table.rowHeight(0) > 2 * table.fontMetrics().height(), timeout=3000)
    assert header.sectionSize(3) >= 0.35 * table.viewport().width()
    assert table.horizontalScrollBar().maximum() == 0 or not table.horizontalScrollBar().isVisible()


def test_choosers_keep_the_date_and_four_panes_hold_a_line(window, qtbot):
    view = window.compare_view
    with qtbot.waitSignal(view.comparison_ready, timeout=30000):
        window.open_documents([2, 3, 4, 5])
    qtbot.wait(50)
    for pane, doc in zip(view.panes, view.documents):
        shown = pane.chooser.text_shown()
        if doc.date:
            assert shown.endswith(f"{doc.date}）")   # cut in the middle: the date stays
        assert pane.chooser.toolTip() == plain.tooltip(pane.chooser.currentText())
    text_view = view.panes[0].speech.text_view
    line = text_view.fontMetrics().horizontalAdvance("城")
    assert text_view.viewport().width() / line >= 8
    outline = view.panes[0].speech.outline
    assert outline.height() >= 10 * outline.sizeHintForRow(0)


def test_headings_are_bold_in_the_text(window):
    window.open_documents([2])
    view = window.reading_pane.text_view
    first = next(s for s in window.reading_pane.sections if s.kind == "heading" and s.level == 1)
    cursor = view.cursor_for(first.start + 1)
    cursor.movePosition(cursor.MoveOperation.NextCharacter)
    assert cursor.charFormat().fontWeight() >= 700
    body = view.cursor_for(first.children[0].start - 2 if first.children else first.end - 2)
    assert body.charFormat().fontWeight() < 700


def test_after_a_kill_the_next_start_shows_the_library(isolated_home, sample_library, settings, monkeypatch, tmp_path):
    if sys.platform == "win32":
        pytest.skip("POSIX signals")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), DUIDU_HOME=str(isolated_home))
    child = subprocess.Popen([sys.executable, "-m", "reader", "--no-bundled"], env=env, cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(6)   # the window is up and holds the library
    child.send_signal(signal.SIGKILL)
    child.wait(10)

    from reader.gui import app as app_module
    from reader.gui.main_window import MainWindow

    seen = []
    real_grab = MainWindow.grab

    def grab(window, *args):
        seen.append((window.center.currentWidget(), window.empty_state, window.reading_pane,
                     window.library_pane.isVisible(), window.library_pane.width(), window.library.read_only))
        return real_grab(window, *args)

    monkeypatch.setattr(MainWindow, "grab", grab)
    assert app_module.run_app(argv=["--no-bundled", "--screenshot", str(tmp_path / "after.png")]) == 0
    current, empty, reading, library_visible, library_width, read_only = seen[0]
    assert current is empty or (current is reading and reading.document is not None)
    assert library_visible and library_width >= 220 and not read_only


def test_column_widths_are_restored(qtbot, sample_library, settings):
    from reader.gui.main_window import MainWindow

    first = MainWindow(sample_library, settings)
    qtbot.addWidget(first)
    first.resize(1280, 800)
    first.show()
    header = first.library_pane.table.horizontalHeader()
    qtbot.waitUntil(lambda: header.sectionSize(1) > 0)
    header.resizeSection(1, 131)
    first.close()
    second = MainWindow(sample_library, settings)
    qtbot.addWidget(second)
    second.resize(1280, 800)
    second.show()
    qtbot.wait(50)   # rows arrive: the restored widths are not fitted to the contents again
    assert second.library_pane.table.horizontalHeader().sectionSize(1) == 131
