"""What a first user of the merged app met: undated speeches shown as "?", a search whose titles squeeze the
context, a library left narrow after a four-pane comparison."""

from PySide6.QtCore import QPoint

from reader.gui.heatmap import LABEL_WIDTH, TOP, shown_label
from reader.gui.main_window import LIBRARY_MIN_WIDTH


def test_undated_speeches_show_no_question_mark(main_window, qtbot):
    undated = next(d for d in main_window.library.list_documents() if not d.date)
    main_window.show_search()
    view = main_window.overview
    view.search_box.setText("城镇化")
    view.run_search()
    qtbot.waitUntil(lambda: view.search_hits.topLevelItemCount() >= 4, timeout=30000)
    tops = [view.search_hits.topLevelItem(i).text(0) for i in range(view.search_hits.topLevelItemCount())]
    assert any(undated.display_title() in t for t in tops)
    assert not any("?" in t for t in tops)
    assert shown_label(f"{undated.id} ? {undated.display_title()}") == f"{undated.id} — {undated.display_title()}"
    assert shown_label("3 2022 标题 有 ? 号") == "3 2022 标题 有 ? 号"     # only the date field is replaced


def test_map_row_tooltip_names_an_undated_speech_without_question_mark(main_window, qtbot):
    main_window.show_overview()
    heatmap = main_window.overview.heatmap
    qtbot.waitUntil(lambda: heatmap.matrix is not None, timeout=60000)
    undated = next(d for d in main_window.library.list_documents() if not d.date)
    row = heatmap.matrix.doc_ids.index(undated.id)
    label = heatmap.label_at(QPoint(LABEL_WIDTH // 2, TOP + row * heatmap.cell + heatmap.cell // 2))
    assert label is not None and undated.display_title() in label and " ? " not in label


def test_search_context_gets_the_room_not_the_titles(main_window, qtbot):
    main_window.resize(1280, 800)
    main_window.show_search()
    view = main_window.overview
    view.search_box.setText("城镇化")
    view.run_search()
    qtbot.waitUntil(lambda: view.search_hits.topLevelItemCount() >= 4, timeout=30000)
    tree = view.search_hits
    assert tree.columnWidth(0) <= tree.viewport().width() // 3
    assert tree.columnWidth(1) >= tree.columnWidth(0)
    top = tree.topLevelItem(0)
    assert top.isFirstColumnSpanned() and top.toolTip(0)        # the speech's whole title across the row
    widest = max(tree.fontMetrics().horizontalAdvance(top.child(j).text(0)) for j in range(top.childCount()))
    assert tree.columnWidth(0) >= min(widest, tree.viewport().width() // 3)


def test_library_gets_its_width_back_after_four_panes(main_window, qtbot):
    main_window.resize(1280, 800)
    qtbot.wait(20)
    main_window.splitter.setSizes([320, 700])
    before = main_window.splitter.sizes()[0]
    assert before > LIBRARY_MIN_WIDTH
    with qtbot.waitSignal(main_window.compare_view.comparison_ready, timeout=30000):
        main_window.open_documents([2, 3, 4, 5])
    assert main_window.splitter.sizes()[0] == LIBRARY_MIN_WIDTH     # four panes take the room
    main_window.open_documents([1])
    assert main_window.splitter.sizes()[0] == before
    main_window.show_overview()
    assert main_window.splitter.sizes()[0] == before


def test_a_speech_without_versions_shows_a_note_not_two_empty_panes(main_window, qtbot):
    from PySide6.QtWidgets import QSplitter

    from reader.gui.versions_dialog import VersionsDialog

    dialog = VersionsDialog(main_window.library, "讲话", [], parent=main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.findChild(QSplitter).isVisible()
    assert not dialog.back.isVisible()
    assert dialog.height() < 300


def test_a_narrow_excerpts_dock_gives_the_text_the_room_and_names_the_speech_in_its_tooltip(main_window, qtbot):
    from PySide6.QtCore import Qt

    main_window.resize(1280, 800)
    main_window.resizeDocks([main_window.excerpts_dock], [240], Qt.Orientation.Horizontal)
    tag = main_window.editor.create_tag("城市规划")
    text = main_window.library.get_document(1).text
    start = text.index("规划科学是最大的效益")
    main_window.editor.add_excerpts([(1, start, start + 80)], [tag.id], "")
    panel = main_window.excerpts_panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    table, header = panel.table, panel.table.horizontalHeader()
    qtbot.waitUntil(lambda: header.sectionSize(3) > 0)
    assert table.viewport().width() < 420
    assert header.isSectionHidden(1) and not header.isSectionHidden(0)
    assert header.sectionSize(3) >= 0.6 * table.viewport().width()
    from PySide6.QtWidgets import QStyleOptionViewItem

    option = QStyleOptionViewItem()
    option.rect = table.visualRect(panel.model.index(0, 0))
    table.itemDelegateForColumn(0).initStyleOption(option, panel.model.index(0, 0))
    assert option.text == ""            # the chip alone, not "■ …"
    tip = panel.model.data(panel.model.index(0, 3), Qt.ItemDataRole.ToolTipRole)
    assert "规划科学是最大的效益" in tip and main_window.library.get_document(1).display_title() in tip
    main_window.resizeDocks([main_window.excerpts_dock], [600], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: not header.isSectionHidden(1), timeout=3000)
    assert header.sectionSize(3) >= 0.35 * table.viewport().width()


def test_dialogs_hold_their_text_without_empty_bands(main_window, qtbot):
    from reader.gui.settings_dialog import SettingsDialog
    from reader.gui.tag_dialog import TagDialog

    tag_dialog = TagDialog("同志们", [], 0, (), main_window)
    qtbot.addWidget(tag_dialog)
    tag_dialog.show()
    assert tag_dialog.height() <= tag_dialog.sizeHint().height() + 4
    settings_dialog = SettingsDialog(main_window.settings, main_window)
    qtbot.addWidget(settings_dialog)
    settings_dialog.show()
    edit = settings_dialog.library_folder
    assert edit.width() >= edit.fontMetrics().horizontalAdvance(edit.placeholderText())


def test_the_comparison_toolbar_never_hides_an_action_at_1280(main_window, compare, qtbot):
    from PySide6.QtCore import Qt

    bar = compare.toolbar
    for width in (1280, 1920, 1280):
        main_window.resize(width, 800)
        qtbot.wait(30)
        assert bar.sizeHint().width() <= compare.width(), width
        button = bar.widgetForAction(compare.diff_action)
        assert button.isVisibleTo(bar) and button.geometry().right() <= bar.width(), width
        assert button.toolTip()
    main_window.resize(1920, 800)
    qtbot.waitUntil(lambda: bar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon, timeout=2000)
    assert bar.widgetForAction(compare.prev_action).toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
    text = compare.summary.text()
    assert "1 stock passages" not in text and "passages shared with the others" in text


def test_blank_lines_between_paragraphs_take_no_room(qtbot):
    from reader.gui.speech_view import SpeechTextView

    def gap(text):
        view = SpeechTextView()
        qtbot.addWidget(view)
        view.resize(600, 400)
        view.show()
        qtbot.waitExposed(view)
        view.set_speech_text(text)
        return view.y_of(text.index("乙")) - view.y_of(text.index("甲"))

    single, blank = gap("甲甲甲。\n乙乙乙。"), gap("甲甲甲。\n\n乙乙乙。")
    assert single > 0 and blank <= single + 4


def test_search_status_counts_in_proper_english_and_chinese(main_window, qtbot):
    from PySide6.QtWidgets import QApplication

    from reader.gui import translations

    view = main_window.overview
    for lang, expected in (("en", "“四张牌”: {hits} hits in 2 speeches"), ("zh", "“四张牌”：在 2 篇讲话中找到 {hits} 处")):
        installed = translations.install_translators(QApplication.instance(), lang)
        try:
            view.search_box.setText("四张牌")
            view.run_search()
            total = sum(main_window.library.get_document(i).text.count("四张牌") for i in range(1, 6))
            qtbot.waitUntil(lambda: view.search_status.text() == expected.format(hits=total), timeout=30000)
            if lang == "en":
                assert view.search.tr("“%1”: %n hit(s) in %2", "", 1) == "“%1”: 1 hit in %2"
                assert view.search.tr("%n speech(es)", "", 1) == "1 speech"
        finally:
            for translator in installed:
                QApplication.instance().removeTranslator(translator)
