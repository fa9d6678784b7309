"""The corpus overview: the similarity map, phrases, formulae and search, each followed to the reading view."""

import pytest
from PySide6.QtCore import Qt

from reader.gui.speech_pane import SEARCH_LAYER


@pytest.fixture
def overview(main_window, qtbot):
    main_window.show_overview()
    view = main_window.overview
    qtbot.waitUntil(lambda: view.heatmap.matrix is not None, timeout=60000)
    return view


def tab_named(view, name):
    return next(view.widget(i) for i in range(view.count()) if view.widget(i).objectName() == name)


def test_map_shows_the_first_and_third_speeches_as_the_closest_pair(overview, main_window, qtbot):
    matrix = overview.heatmap.matrix
    best = matrix.closest(1)[0]
    assert {best.doc_a, best.doc_b} == {1, 3}
    assert "在全市百城建设提质工程暨文明城市创建工作推进会上的讲话" in overview.map_status.text()
    row, col = matrix.doc_ids.index(1), matrix.doc_ids.index(3)
    assert "passages" in overview.describe_pair(1, 3)
    with qtbot.waitSignal(main_window.compare_view.comparison_ready, timeout=30000):
        qtbot.mouseClick(overview.heatmap, Qt.MouseButton.LeftButton, pos=overview.heatmap.cell_center(row, col))
    assert main_window.center.currentWidget() is main_window.compare_view
    assert sorted(main_window.compare_view.document_ids()) == [1, 3]
    assert not overview.heatmap.to_image().isNull()


def test_formulae_found_with_their_speeches(overview, qtbot):
    overview.setCurrentWidget(tab_named(overview, "formulaeTab"))
    qtbot.waitUntil(lambda: overview.formula_model.rowCount() > 0, timeout=60000)
    found = {overview.formula_model.item(r, 0).text(): overview.formula_model.item(r, 0).data(Qt.ItemDataRole.UserRole + 1)
             for r in range(overview.formula_model.rowCount())}
    for text in ("四张牌", "9+2", "一中心六组团", "三个处理"):
        assert text in found, text
    assert set(found["四张牌"].doc_ids) == {1, 3}
    assert found["三个处理"].definition is not None


def test_phrase_table_and_a_use_opens_in_the_reading_view(overview, main_window, qtbot):
    overview.setCurrentWidget(tab_named(overview, "phrasesTab"))
    qtbot.waitUntil(lambda: overview.phrase_model.rowCount() > 0, timeout=60000)
    overview.phrase_table.selectRow(0)
    overview.phrase_table.setCurrentIndex(overview.phrase_proxy.index(0, 0))
    hits = overview.phrase_hits.hits()
    assert len({h.doc_id for h in hits}) >= 2
    hit = hits[0]
    overview.phrase_hits._activated(overview.phrase_hits.topLevelItem(0).child(0))
    assert main_window.reading_pane.document.id == hit.doc_id
    assert main_window.reading_pane.text_view.selected_range() == (hit.start, hit.end)
    assert main_window.reading_pane.text_view.layer(SEARCH_LAYER)


def test_search_finds_new_type_urbanization_in_context(main_window, qtbot):
    main_window.show_search()
    view = main_window.overview
    view.search_box.setText("新型城镇化")
    view.run_search()
    qtbot.waitUntil(lambda: view.search_hits.topLevelItemCount() > 0, timeout=30000)
    hits = view.search_hits.hits()
    assert all(h.match == "新型城镇化" for h in hits)
    assert len({h.doc_id for h in hits}) >= 4
    view.search_hits._activated(view.search_hits.topLevelItem(0).child(0))
    doc = main_window.reading_pane.document
    marked = main_window.reading_pane.text_view.layer(SEARCH_LAYER)
    assert marked and all(doc.text[h.start:h.end] == "新型城镇化" for h in marked)


def test_search_lists_a_first_page_then_more(main_window, qtbot, monkeypatch):
    from reader.gui import overview_search

    monkeypatch.setattr(overview_search, "SEARCH_PAGE", 2)
    main_window.show_search()
    view = main_window.overview
    view.search_box.setText("城")
    view.run_search()
    qtbot.waitUntil(lambda: view.search_hits.topLevelItemCount() == 2, timeout=30000)
    assert view.search_more.isVisibleTo(view) and "5" in view.search_status.text()   # all five named at once
    total = sum(main_window.library.get_document(i).text.count("城") for i in range(1, 6))
    qtbot.waitUntil(lambda: str(total) in view.search_status.text(), timeout=30000)    # then every match counted
    view.search_more.click()
    qtbot.waitUntil(lambda: view.search_hits.topLevelItemCount() == 4, timeout=30000)
    view.more_results()
    qtbot.waitUntil(lambda: view.search_hits.topLevelItemCount() == 5, timeout=30000)
    assert not view.search_more.isVisibleTo(view)
    assert len({h.doc_id for h in view.search_hits.hits()}) == 5
