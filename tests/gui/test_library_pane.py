"""The library list as a model that sorts and filters itself, sized without walking every row."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView

from reader.core.store import DocumentInfo
from reader.gui.library_pane import LibraryModel, LibraryPane


def infos(n: int) -> list[DocumentInfo]:
    places = ("河南", "内蒙古自治区", None)
    return [DocumentInfo(i, f"讲话 {i:05d}" if i % 7 else None, None if i % 5 == 0 else f"{2000 + i % 20}-01-01",
                         places[i % 3], None, 1000 + i, source_path=f"/tmp/文件{i}.txt") for i in range(1, n + 1)]


class CountingModel(LibraryModel):
    """Records the rows Qt asks about."""

    calls: list[int] = []

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        self.calls.append(index.row())
        return super().data(index, role)


def test_a_large_library_is_shown_without_asking_every_row(qtbot):
    pane = LibraryPane()
    qtbot.addWidget(pane)
    pane.model = CountingModel(pane)
    pane.table.setModel(pane.model)
    pane.resize(700, 400)
    pane.show()
    calls = CountingModel.calls
    pane.set_documents(infos(5000))
    pane.grab()                                     # paints the table once
    assert pane.model.rowCount() == 5000
    assert calls and len(set(calls)) < 200           # only the rows on screen were asked for
    header = pane.table.horizontalHeader()
    assert all(header.sectionResizeMode(c) != QHeaderView.ResizeMode.ResizeToContents for c in range(4))
    place_width = pane.table.fontMetrics().horizontalAdvance("内蒙古自治区")
    assert header.sectionSize(2) >= place_width       # the widest place fits


def test_sorting_and_filtering_happen_in_the_model(qtbot):
    pane = LibraryPane()
    qtbot.addWidget(pane)
    pane.set_documents(infos(30))
    model = pane.model
    dates = [d.date for d in model.rows]
    assert dates == sorted(d for d in dates if d) + [None] * dates.count(None)    # by date, undated last
    pane.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    assert [d.char_count for d in model.rows] == sorted((d.char_count for d in infos(30)), reverse=True)
    pane.filter_box.setText("内蒙古")
    assert model.rowCount() == 10 and all(d.place == "内蒙古自治区" for d in model.rows)
    pane.filter_box.setText("文件14")                    # a speech without a title is found by its file name
    assert [d.id for d in model.rows] == [14]
    pane.select_id(14)
    assert pane.selected_ids() == [14]
    pane.filter_box.setText("")
    assert model.rowCount() == 30 and [d.char_count for d in model.rows][0] == 1030


def test_the_librarys_own_order_is_the_date_sort(qtbot, library):
    """The list takes Library.list_documents's order for the date column unsorted: it must be the very order
    the model's own sort gives, ties, undated, empty and non-ASCII dates included, both ways."""
    from tests.core.test_store import imported

    dates = ["2019-03-01", None, "", "2019年3月", "二〇一九年", "2019-03-01", "1998", None, "2019-03-01 ", "Ⅱ"]
    for i, date in enumerate(dates):
        library.add_document(imported(f"讲话{i}\n一、总体要求\n正文{i}。", title=f"讲话{i}", date=date))
    trusted, sorted_here = LibraryModel(), LibraryModel()
    trusted.set_documents(library.list_documents(), by_date=True)
    sorted_here.set_documents(list(reversed(library.list_documents())))
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        trusted.sort(1, order)
        sorted_here.sort(1, order)
        assert [d.id for d in trusted.rows] == [d.id for d in sorted_here.rows]
    trusted.sort(0, Qt.SortOrder.AscendingOrder)       # another column is sorted for real
    assert [d.title for d in trusted.rows] == sorted(d.title for d in trusted.rows)
