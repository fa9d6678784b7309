"""The comparison panes' speech choosers: a list model read on demand, shared rows, loose files."""

from PySide6.QtCore import Qt

from reader.core.store import Document


def test_the_chooser_shows_the_speech_and_switches_to_another(main_window, qtbot):
    view = main_window.compare_view
    with qtbot.waitSignal(view.comparison_ready, timeout=30000):
        main_window.open_documents([1, 3])
    left = view.panes[0]
    infos = main_window.library.list_documents()
    assert left.chooser.count() == len(infos) == 5
    assert left.chooser.currentData(Qt.ItemDataRole.UserRole) == 1
    assert left.chooser.currentText().startswith(main_window.library.get_document(1).display_title())
    row = next(r for r, d in enumerate(infos) if d.id == 2)
    with qtbot.waitSignal(view.comparison_ready, timeout=30000):
        left.chooser.activated.emit(row)
    assert [p.speech.document.id for p in view.panes] == [2, 3]


def test_a_loose_file_is_offered_by_its_title(main_window, qtbot):
    view = main_window.compare_view
    loose = Document(None, "外来讲话", None, None, None, 12, text="一、总体要求\n推进新型城镇化建设。")
    with qtbot.waitSignal(view.comparison_ready, timeout=30000):
        main_window.show_comparison([main_window.library.get_document(1), loose])
    right = view.panes[1]
    assert right.chooser.count() == 6 and right.chooser.currentText() == "外来讲话"
    assert right.chooser.currentData(Qt.ItemDataRole.UserRole) is None
    assert [s.label for s in right.speech.sections] == ["一、"]


def test_renaming_a_speech_reaches_the_choosers(main_window, qtbot):
    view = main_window.compare_view
    with qtbot.waitSignal(view.comparison_ready, timeout=30000):
        main_window.open_documents([1, 3])
    main_window.library.update_metadata(3, title="改过的题目")
    main_window.refresh_library()
    with qtbot.waitSignal(view.comparison_ready, timeout=30000):
        main_window.open_documents([1, 3])
    assert view.panes[1].chooser.currentText().startswith("改过的题目")
