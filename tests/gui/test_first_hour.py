"""What a new user tripped on (issue 16): the closing section, Add Pane after scrolling, the tag dialog,
screenshots of unfinished views, the start after a crash."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reader.gui.tag_dialog import TagDialog


def click_section(qtbot, pane, section):
    index = pane.speech.outline_model.index_of(section)
    pane.speech.outline.scrollTo(index)
    rect = pane.speech.outline.visualRect(index)
    qtbot.mouseClick(pane.speech.outline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.wait(250)   # the outline follows the scroll after a pause


def current(pane):
    return pane.speech.outline_model.section_at(pane.speech.outline.currentIndex())


def test_choosing_the_closing_keeps_it_chosen_in_both_panes_and_diffs_it(compare, qtbot):
    left, right = compare.panes
    closing = next(s for s in left.speech.sections if s.kind == "closing")
    click_section(qtbot, left, closing)
    assert current(left) == closing
    right_closing = next(s for s in right.speech.sections if s.kind == "closing")
    assert current(right) == right_closing
    assert right.speech.text_view.layer("section")[0].start == right_closing.start
    dialog = compare.show_section_diff()
    assert dialog is not None
    assert dialog.text_a == left.speech.document.text[closing.start:closing.end]
    assert dialog.text_b == right.speech.document.text[right_closing.start:right_closing.end]
    dialog.close()


def test_scrolling_on_after_choosing_a_section_follows_again(compare, qtbot):
    left, _right = compare.panes
    second = next(s for s in left.speech.sections if s.label == "二、")
    click_section(qtbot, left, second)
    assert current(left) == second
    third = next(s for s in left.speech.sections if s.label == "三、")
    left.speech.text_view.scroll_to_offset(third.start + 200)
    qtbot.wait(250)
    assert current(left).start >= third.start


def test_add_pane_after_scrolling_keeps_every_pane_in_place(compare, qtbot):
    left, right = compare.panes
    bar = left.speech.text_view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    before = left.speech.text_view.top_offset()
    assert before > 1000
    with qtbot.waitSignal(compare.comparison_ready, timeout=30000):
        compare.add_pane()   # pytest-qt fails the test on any exception raised in a slot (the KeyError)
    qtbot.wait(100)
    assert len(compare.panes) == 3
    assert abs(left.speech.text_view.top_offset() - before) < 400
    assert right.speech.text_view.top_offset() > 1000
    assert compare.panes[2].speech.text_view.verticalScrollBar().value() > 0


def test_the_tag_dialog_ticks_nothing_in_advance(main_window, qtbot, monkeypatch):
    editor = main_window.editor
    first = editor.create_tag("城市规划")
    editor.create_tag("民生")
    seen = []

    def answer(dialog):
        seen.append(dialog.chosen_tag_ids())
        dialog.tag_list.item(0).setCheckState(Qt.CheckState.Checked)
        return TagDialog.DialogCode.Accepted

    monkeypatch.setattr(TagDialog, "exec", answer)
    main_window.open_documents([1])
    text = main_window.reading_pane.document.text
    controller = main_window.tagging
    controller.tag(1, text, 100, 120)
    controller.tag(1, text, 300, 320)
    assert seen == [[], []]
    second = max(editor.codebook.list_excerpts(), key=lambda e: e.start)
    assert [t.id for t in second.tags] == [first.id]


def test_the_tag_dialog_with_an_empty_codebook_asks_for_a_name(qtbot):
    dialog = TagDialog("规划科学是最大的效益", [])
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.tag_list.isVisible()
    assert dialog.empty_label.isVisible() and dialog.empty_label.text()
    assert dialog.new_tag.hasFocus() or dialog.focusWidget() is dialog.new_tag


def test_screenshot_waits_until_the_comparison_is_complete(sample_library, settings, monkeypatch, tmp_path):
    from reader.gui import app as app_module
    from reader.gui.main_window import MainWindow

    settings.qsettings.setValue("session/open_documents", "1,3")
    settings.sync()
    captured = []
    real_grab = MainWindow.grab

    def grab(window, *args):
        captured.append((window.compare_view.comparison is not None, window.compare_view.summary.text()))
        return real_grab(window, *args)

    monkeypatch.setattr(MainWindow, "grab", grab)
    code = app_module.run_app(argv=["--no-bundled", "--screenshot", str(tmp_path / "shot.png")])
    assert code == 0 and (tmp_path / "shot.png").is_file()
    ready, summary = captured[0]
    assert ready and "Finding" not in summary
    QApplication.processEvents()
