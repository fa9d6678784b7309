"""The first window: the library list, reading a speech, the outline driving the text and following it."""

import pytest
from PySide6.QtCore import Qt

from reader.gui.outline_model import OutlineModel
from reader.core.outline import parse_outline


def test_library_lists_the_sample_speeches(main_window):
    model = main_window.library_pane.model
    assert model.rowCount() == 5
    titles = {model.index(r, 0).data() for r in range(5)}
    assert "在市委新型城镇化工作推进会上的讲话" in titles
    assert "5" in main_window.status_label.text()


def test_open_speech_and_click_outline_node(main_window, qtbot):
    main_window.open_documents([1])
    pane = main_window.reading_pane
    assert pane.document.id == 1
    assert pane.text_view.toPlainText().startswith("同志们：")
    model = pane.outline_model
    top = [model.section_at(model.index(r, 0)) for r in range(model.rowCount())]
    assert [s.label for s in top if s.kind == "heading"] == ["一、", "二、", "三、"]
    third = model.index(3, 0)
    assert model.section_at(third).label == "三、"
    with qtbot.waitSignal(pane.section_chosen, timeout=1000) as blocker:
        rect = pane.outline.visualRect(third)
        qtbot.mouseClick(pane.outline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    section = blocker.args[0]
    assert section.label == "三、"
    # the heading is now at the top of the text view
    top_offset = pane.text_view.top_offset()
    assert abs(top_offset - section.start) < 80
    assert pane.document.text[section.start:section.start + 2] == "三、"


def test_outline_follows_the_scroll(main_window, qtbot):
    main_window.open_documents([1])
    pane = main_window.reading_pane
    second = next(s for s in pane.sections if s.label == "二、")
    target = second.children[2]
    pane.text_view.scroll_to_offset(target.start)
    qtbot.waitUntil(lambda: pane.outline.currentIndex().isValid()
                    and pane.outline_model.section_at(pane.outline.currentIndex()).start == target.start, timeout=2000)


def test_outline_model_without_a_view(qtbot):
    text = "同志们：\n一、甲\n（一）乙。内容。\n二、丙\n同志们，加油！"
    model = OutlineModel()
    model.set_sections(parse_outline(text))
    assert model.rowCount() >= 3
    deepest = model.deepest_at(text.index("内容"))
    assert deepest.label == "（一）"


def test_zoom_changes_the_reading_font(main_window):
    main_window.open_documents([1])
    before = main_window.reading_pane.text_view.font().pointSize()
    main_window.actions.zoom_in.trigger()
    assert main_window.reading_pane.text_view.font().pointSize() == before + 1
    main_window.actions.zoom_out.trigger()
    main_window.actions.zoom_out.trigger()
    assert main_window.reading_pane.text_view.font().pointSize() == before - 1


def test_markup_in_a_speech_is_shown_as_text(main_window, sample_library):
    from types import SimpleNamespace

    text = "同志们：<b>不是粗体</b><script>alert(1)</script>"
    doc_id, _ = sample_library.add_document(SimpleNamespace(
        text=text, raw_text=text, encoding="utf-8", fmt="txt", removed=[], source_path="x.txt", metadata={}))
    main_window.open_documents([doc_id])
    assert main_window.reading_pane.text_view.toPlainText() == text


def test_window_layout_is_restored(qtbot, sample_library, settings):
    from reader.gui.main_window import MainWindow

    first = MainWindow(sample_library, settings)
    qtbot.addWidget(first)
    first.show()
    first.splitter.setSizes([260, 1000])
    first.open_documents([3])
    sizes = first.splitter.sizes()
    first.close()
    second = MainWindow(sample_library, settings)
    qtbot.addWidget(second)
    second.resize(first.size())   # the offscreen screen is smaller than the window restored on it
    second.show()
    restored = second.splitter.sizes()
    # the offscreen screen may give the window another width: the library keeps its own width
    assert abs(restored[0] - sizes[0]) <= 2 and sizes[0] >= 250
    assert second.last_opened() == [3]


@pytest.fixture
def new_window(qtbot, sample_library, settings):
    """Makes shown main windows on the same library and settings (one session after another)."""
    from reader.gui.main_window import MainWindow

    def make():
        made = MainWindow(sample_library, settings)
        qtbot.addWidget(made)
        made.show()
        return made

    return make


def test_the_overview_is_built_when_first_shown_and_keeps_its_columns(new_window, settings):
    """The start builds no overview; its tables' saved column state is still restored when it is built, and a
    session that never opened it leaves that state as it was saved."""
    window = new_window

    first = window()
    assert first._overview is None
    first.actions.overview.trigger()
    assert first.center.currentWidget() is first.overview
    first.close()
    saved = bytes(settings.state("phrasesTableHeader_state"))
    assert saved
    second = window()                    # never opens the overview
    assert second._overview is None
    second.close()
    assert bytes(settings.state("phrasesTableHeader_state")) == saved
    third = window()
    assert third.overview.phrase_table.horizontalHeader().property("restored")
    third.close()


def test_the_comparison_is_built_after_the_first_paint_and_keeps_its_layout(new_window, qtbot, settings):
    """The window's start builds no comparison view; the warm-up after its first paint does (panes ready), its
    splitter state comes back, and a session that never built it leaves that state as saved."""
    from reader.gui.app import warm_up_in_background

    window = new_window

    first = window()
    assert first._compare_view is None and not first.comparing()
    warm_up_in_background(first)
    assert first._compare_view is not None and len(first.compare_view._spare) == 4
    with qtbot.waitSignal(first.compare_view.comparison_ready, timeout=30000):
        first.open_documents([1, 3])
    assert first.comparing() and [p.speech.document.id for p in first.compare_view.panes] == [1, 3]
    first.compare_view.splitter.setSizes([300, 700])
    first.close()
    saved = bytes(settings.state("compareSplitter_state"))
    second = window()                    # closed before any comparison view was built
    second.close()
    assert second._compare_view is None and bytes(settings.state("compareSplitter_state")) == saved


def test_bundled_corpus_is_imported_on_first_start(qtbot, library, settings):
    from reader.gui.main_window import MainWindow

    window = MainWindow(library, settings)
    qtbot.addWidget(window)
    job = window.import_bundled_in_background()
    assert job is not None
    qtbot.waitUntil(lambda: window.library_pane.model.rowCount() == 5, timeout=20000)
    assert window.import_bundled_in_background() is None


def test_find_in_speech_marks_and_steps_through_hits(main_window, qtbot):
    main_window.open_documents([1])
    main_window.actions.find_in_speech.trigger()
    bar = main_window.reading_pane.find_bar
    assert bar.isVisible()
    bar.box.setText("新型城镇化")
    text = main_window.reading_pane.document.text
    expected = text.count("新型城镇化")
    view = main_window.reading_pane.text_view
    assert len(view.layer("search")) == expected > 3
    first = view.selected_range()
    assert text[first[0]:first[1]] == "新型城镇化"
    bar.step(1)
    assert view.selected_range()[0] > first[0]
    bar.close_bar()
    assert view.layer("search") == []
