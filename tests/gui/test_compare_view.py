"""The comparison view: sections in step, the scroll lock, shared passages, stock toggle, section diff."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from reader.gui.compare_passages import FLASH_LAYER
from reader.gui.compare_view import SHARED_LAYER
from tests.core.test_store import imported


@pytest.fixture
def compare(main_window, qtbot):
    view = main_window.compare_view
    with qtbot.waitSignal(view.comparison_ready, timeout=30000):
        main_window.open_documents([1, 3])
    assert main_window.center.currentWidget() is view
    return view


def visible_range(text_view):
    top = text_view.top_offset()
    bottom = text_view.offset_at(QPoint(4, text_view.viewport().height() - 4))
    return top, bottom


def test_two_panes_with_their_speeches_and_outlines(compare):
    assert [p.speech.document.id for p in compare.panes] == [1, 3]
    for pane in compare.panes:
        assert pane.speech.outline_model.rowCount() >= 4
    assert compare.spans[0] and compare.spans[1]


def test_choosing_a_section_brings_the_aligned_section_into_view(compare, qtbot):
    left, right = compare.panes
    model = left.speech.outline_model
    row = next(r for r in range(model.rowCount()) if model.section_at(model.index(r, 0)).label == "三、")
    index = model.index(row, 0)
    left.speech.outline.scrollTo(index)
    rect = left.speech.outline.visualRect(index)
    qtbot.mouseClick(left.speech.outline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    right_section = next(s for s in right.speech.sections if s.label == "三、")
    top = right.speech.text_view.top_offset()
    assert abs(top - right_section.start) < 60
    # both sections are marked and selected in their outlines
    assert right.speech.text_view.layer("section")[0].start == right_section.start
    current = right.speech.outline_model.section_at(right.speech.outline.currentIndex())
    assert current.start == right_section.start


def test_scroll_lock_moves_the_other_pane_and_can_be_turned_off(compare, qtbot):
    left, right = compare.panes
    second = next(s for s in left.speech.sections if s.label == "二、")
    left.speech.text_view.scroll_to_offset(second.start)
    right_second = next(s for s in right.speech.sections if s.label == "二、")
    assert abs(right.speech.text_view.top_offset() - right_second.start) < 80
    before = right.speech.text_view.verticalScrollBar().value()
    compare.lock_action.setChecked(False)
    left.speech.text_view.verticalScrollBar().setValue(left.speech.text_view.verticalScrollBar().value() + 300)
    assert right.speech.text_view.verticalScrollBar().value() == before


def test_no_ping_pong_when_panes_follow_each_other(compare):
    left, right = compare.panes
    moves = []
    right.speech.text_view.verticalScrollBar().valueChanged.connect(moves.append)
    bar = left.speech.text_view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    left_value = bar.value()
    assert len(moves) <= 1
    assert bar.value() == left_value


def test_clicking_a_shared_passage_reveals_and_flashes_its_counterpart(compare, qtbot):
    left, right = compare.panes
    span = next(s for s in compare.spans[0] if s.cls == "distinctive")
    right.speech.text_view.verticalScrollBar().setValue(0)
    compare.lock_action.setChecked(False)
    left.speech.reveal_offset(span.start)
    view = left.speech.text_view
    rect = view.cursorRect(view.cursor_for(span.start + 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    counterpart = span.counterparts[0]
    top, bottom = visible_range(right.speech.text_view)
    assert top <= counterpart.start <= bottom
    flashed = right.speech.text_view.layer(FLASH_LAYER)
    assert flashed and flashed[0].start == counterpart.start


def test_tooltip_describes_the_passage(compare):
    span = compare.spans[0][0]
    text = compare.describe_span(span)
    assert "Also in: 在全市百城建设提质工程暨文明城市创建工作推进会上的讲话" in text
    assert ("Distinctive" in text) or ("Stock" in text)


def test_stock_formulae_toggle(compare):
    """In the five-speech sample the Henan formula 以人为核心推进新型城镇化 is stock: the toggle hides it."""
    shown_all = compare.panes[0].speech.text_view.layer(SHARED_LAYER)
    text = compare.panes[0].speech.document.text
    stock = [s for s in compare.spans[0] if s.cls == "stock"]
    assert [text[s.start:s.end] for s in stock] == ["以人为核心推进新型城镇化"]
    compare.stock_action.setChecked(False)
    assert all(s.cls == "distinctive" for s in compare.spans[0])
    hidden = compare.panes[0].speech.text_view.layer(SHARED_LAYER)
    assert len(hidden) == len(shown_all) - 1
    compare.stock_action.setChecked(True)
    assert len(compare.panes[0].speech.text_view.layer(SHARED_LAYER)) == len(shown_all)


def test_next_and_previous_passage(compare):
    first = compare.step_passage(1)
    second = compare.step_passage(1)
    assert first is not None and second is not None and second.start > first.start
    back = compare.step_passage(-1)
    assert back.start == first.start


def test_section_diff(compare, qtbot):
    left = compare.panes[0]
    opening = left.speech.sections[0]
    left.speech.show_section(opening)
    compare.active_pane = 0
    dialog = compare.show_section_diff()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.diffs is not None, timeout=60000)
    ops = {op for op, _ in dialog.diffs}
    assert 0 in ops and (1 in ops or -1 in ops)
    # the diff joins back to each section's text
    assert "".join(t for op, t in dialog.diffs if op != 1) == dialog.text_a
    assert "".join(t for op, t in dialog.diffs if op != -1) == dialog.text_b
    dialog.close()


def test_add_and_remove_panes(compare, qtbot):
    with qtbot.waitSignal(compare.comparison_ready, timeout=30000):
        compare.add_pane()
    assert len(compare.panes) == 3
    with qtbot.waitSignal(compare.comparison_ready, timeout=30000):
        compare.remove_pane(compare.panes[1])
    assert [p.speech.document.id for p in compare.panes] == [1, compare.documents[1].id]
    assert len(compare.panes) == 2


def test_tooltip_names_the_other_speeches_of_the_corpus(main_window, qtbot):
    view = main_window.compare_view
    with qtbot.waitSignal(view.comparison_ready, timeout=30000):
        main_window.open_documents([1, 3])
    distinctive = next(s for s in view.spans[0] if s.cls == "distinctive" and s.end - s.start >= 20)
    passage = view.documents[0].text[distinctive.start:distinctive.end]
    # a third speech repeats that passage: off screen, it is named in the passage's "also in" list
    third, _ = main_window.library.add_document(imported(f"第三篇讲话\n一、总体要求\n我们强调，{passage}这是关键。",
                                                         title="第三篇讲话"))
    main_window.refresh_library()
    with qtbot.waitSignal(view.comparison_ready, timeout=30000):
        main_window.open_documents([1, third])      # indexes it
    with qtbot.waitSignals([view.comparison_ready, view.holders_ready], timeout=30000):
        main_window.open_documents([1, 3])
    span = next(s for s in view.spans[0] if s.start <= distinctive.start < s.end)
    assert third in view.comparison.holders_of(0, span)    # the lists come after the highlights
    assert "第三篇讲话" in view.describe_span(span, 0)
    text = main_window.library.get_document(1).text
    start = text.index("享有更多城市发展")
    view.comparison.holders[(0, start, start + 30)] = np.array([1, 2])
    from reader.core.comparison import SharedSpan

    fake = SharedSpan(start, start + 30, "distinctive", "exact", 1.0, 2, [])
    assert "在全市新型城镇化综合试点工作推进会上的讲话" in view.describe_span(fake, 0)


def test_stock_threshold_setting_changes_the_classes(main_window, qtbot):
    """With the threshold at 40% of five speeches (2), text shared by two speeches becomes stock."""
    view = main_window.compare_view
    main_window.settings.set("shared/stock_threshold", 0.4)
    with qtbot.waitSignal(view.comparison_ready, timeout=30000):
        main_window.open_documents([1, 3])
    assert view.spans[0] and all(s.cls == "stock" for s in view.spans[0])
    main_window.settings.set("shared/stock_threshold", 0.0)
    with qtbot.waitSignal(view.comparison_ready, timeout=30000):
        view.recompute()
    assert any(s.cls == "distinctive" for s in view.spans[0])


def test_stock_score_setting_moves_passages_between_classes(main_window, qtbot):
    """At a score threshold of 0.2 the partly official passages (习近平总书记在调研指导河南工作时) turn stock."""
    view = main_window.compare_view
    with qtbot.waitSignal(view.comparison_ready, timeout=30000):
        main_window.open_documents([1, 3])
    before = sum(s.cls == "stock" for s in view.spans[0])
    main_window.settings.set("shared/stock_score", 0.2)
    with qtbot.waitSignal(view.comparison_ready, timeout=30000):
        view.recompute()
    after = [s for s in view.spans[0] if s.cls == "stock"]
    assert len(after) > before and all(s.stock_score >= 0.2 for s in after)
    main_window.settings.set("shared/stock_score", 0.5)


def test_highlights_are_graded_by_stock_score(compare):
    from reader.gui.passage_style import DISTINCTIVE, STOCK, span_format

    spans = compare.spans[0]
    stock = next(s for s in spans if s.cls == "stock")
    plain = next(s for s in spans if s.cls == "distinctive" and s.stock_score == 0)
    partly = next(s for s in spans if s.cls == "distinctive" and 0 < s.stock_score < 0.5)
    colours = [span_format(s).background().color() for s in (plain, partly, stock)]
    assert colours[0] == DISTINCTIVE and colours[2] == STOCK
    assert colours[0].alpha() > colours[1].alpha() > colours[2].alpha()     # stock recedes step by step
    assert "stock score" in compare.describe_span(stock)


def test_reference_model_is_loaded_off_the_gui_thread(qtbot, sample_library, settings, monkeypatch):
    """Start-up never reads the model; the first comparison reads it in its worker thread."""
    import threading

    from reader.core.reuse import reference
    from reader.gui.main_window import MainWindow

    threads = []
    original = reference.ReferenceModel.load.__func__

    def recording_load(cls, path):
        threads.append(threading.current_thread() is threading.main_thread())
        return original(cls, path)

    monkeypatch.setattr(reference, "_loaded", False)
    monkeypatch.setattr(reference, "_model", None)
    monkeypatch.setattr(reference.ReferenceModel, "load", classmethod(recording_load))
    window = MainWindow(sample_library, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert threads == []
    with qtbot.waitSignal(window.compare_view.comparison_ready, timeout=30000):
        window.open_documents([1, 3])
    assert threads == [False]


def test_the_choosers_take_the_list_the_library_pane_read(main_window, qtbot, monkeypatch):
    # the library list was read once at start: opening a comparison does not read all speeches again
    library = main_window.library
    monkeypatch.setattr(library, "list_documents", lambda: pytest.fail("the library list was read again"))
    view = main_window.compare_view
    with qtbot.waitSignal(view.comparison_ready, timeout=30000):
        main_window.open_documents([1, 3])
    titles = [view.panes[0].chooser.itemText(i) for i in range(view.panes[0].chooser.count())]
    assert len(titles) == len(main_window.library_pane.model.all_rows) >= 3
    monkeypatch.undo()
    library.add_document(imported("新增讲话\n一、总体要求\n全面推进。"))
    main_window.refresh_library()                   # a change: the choosers get the new list
    view.set_documents([library.get_document(1), library.get_document(2)])
    assert view.panes[0].chooser.count() == len(titles) + 1
