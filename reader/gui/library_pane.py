"""The library list: title, date, place and length of every speech; filter, sort, open, drag."""

from __future__ import annotations

import json

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QMenu, QTableView, QVBoxLayout, QWidget

from reader.core.store import DocumentInfo
from reader.gui import plain
from reader.gui.table_sizing import named_header

DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
DOC_IDS_MIME = "application/x-duidu-document-ids"
_RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)   # enum arithmetic costs µs a cell


class LibraryModel(QAbstractTableModel):
    """A table of DocumentInfo rows that filters and sorts itself in Python.

    With 10,000 speeches a QSortFilterProxyModel and ResizeToContents columns call data() hundreds
    of thousands of times from C++; here sorting is one list.sort on precomputed keys, filtering
    one pass over precomputed lowercase strings, and data() is asked only for the visible cells.
    """

    COLUMNS = ("title", "date", "place", "chars")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.all_rows: list[DocumentInfo] = []
        self.rows: list[DocumentInfo] = []          # the rows shown: filtered, then sorted
        self._titles: dict[int, str] = {}
        self._haystacks: dict[int, str] | None = None     # made by the first filter, not at start
        self._needle = ""
        self._sort: tuple[int, Qt.SortOrder] = (1, Qt.SortOrder.AscendingOrder)
        self._arranged: tuple | None = None    # what self.rows were arranged for (a repeated sort is free)
        self._by_date = False

    def set_documents(self, documents: list[DocumentInfo], by_date: bool = False) -> None:
        """Replace the rows (kept filtered and sorted as before); by_date: they come in the library's own
        order (date, then id, undated last), so that order needs no sorting (20 ms at 10,000 speeches)."""
        self.beginResetModel()
        self.all_rows = list(documents)
        self._by_date = by_date
        self._titles = {d.id: d.display_title() for d in self.all_rows}
        self._haystacks = None
        self._arranged = None
        self._arrange()
        self.endResetModel()

    def _haystack(self, doc: DocumentInfo) -> str:
        if self._haystacks is None:
            self._haystacks = {d.id: "\t".join((self._titles[d.id], d.date or "", d.place or "",
                                                f"{d.char_count:,}")).casefold() for d in self.all_rows}
        return self._haystacks[doc.id]

    def set_filter(self, text: str) -> None:
        """Show only the speeches whose title, date, place or length contains text (any case)."""
        self.beginResetModel()
        self._needle = text.casefold()
        self._arrange()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the shown rows by a column (undated, unplaced speeches last when ascending)."""
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._arrange()
        self.layoutChanged.emit()

    def _arrange(self) -> None:
        if self._arranged == (self._needle, self._sort):
            return      # the header's restore and the view's sorting switch ask again at start: 7 ms each
        self._arranged = (self._needle, self._sort)
        rows = self.all_rows
        if self._needle:
            rows = [d for d in rows if self._needle in self._haystack(d)]
        column, order = self._sort
        name = self.COLUMNS[column] if 0 <= column < len(self.COLUMNS) else "date"
        if name == "date" and self._by_date:
            self.rows = list(rows) if order == Qt.SortOrder.AscendingOrder else rows[::-1]
            return
        if name == "chars":
            key = lambda d: (d.char_count, d.id)                                   # noqa: E731
        elif name == "title":
            key = lambda d: (self._titles[d.id], d.id)                             # noqa: E731
        else:
            key = lambda d: (getattr(d, name) is None, getattr(d, name) or "", d.id)   # noqa: E731
        self.rows = sorted(rows, key=key, reverse=order == Qt.SortOrder.DescendingOrder)

    def widest(self, column: str) -> str:
        """The longest text of a column (by characters, not by pixels), for a fixed column width."""
        if column in ("place", "date"):
            return max((getattr(d, column) or "—" for d in self.all_rows), key=len, default="—")
        return f"{max((d.char_count for d in self.all_rows), default=0):,}"

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (self.tr("Title"), self.tr("Date"), self.tr("Place"), self.tr("Length"))
        return names[section]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        doc = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == DOC_ID_ROLE:
            return doc.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "title":
                return self._titles[doc.id]
            if column == "chars":
                return f"{doc.char_count:,}"
            return getattr(doc, column) or "—"
        if role == Qt.ItemDataRole.ToolTipRole and column == "title":
            return plain.tooltip("\n".join(x for x in (self._titles[doc.id], doc.date, doc.place,
                                                        f"{doc.char_count:,}", doc.source_path) if x))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "chars":
            return _RIGHT_ALIGNED
        return None

    def flags(self, index):
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self):  # noqa: N802
        return [DOC_IDS_MIME]

    def mimeData(self, indexes):  # noqa: N802
        """Dragged rows carry their speech ids, so a comparison pane can take them."""
        ids = sorted({self.rows[i.row()].id for i in indexes if i.isValid()})
        mime = QMimeData()
        mime.setData(DOC_IDS_MIME, json.dumps(ids).encode())
        return mime

    def row_of(self, doc_id: int) -> int:
        """The shown row of a speech id, or -1."""
        return next((i for i, d in enumerate(self.rows) if d.id == doc_id), -1)


class LibraryPane(QWidget):
    """The library table with a filter box; emits the speeches the reader opens."""

    open_requested = Signal(list)  # ids: one to read, several to compare
    edit_requested = Signal(int)
    remove_requested = Signal(list)
    new_version_requested = Signal(int)   # a speech id: replace its text by a new file
    versions_requested = Signal(int)      # a speech id: its earlier texts

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = LibraryModel(self)
        self.filter_box = QLineEdit()
        self.filter_box.setObjectName("libraryFilter")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setPlaceholderText(self.tr("Filter by title, date, place…"))
        self.filter_box.textChanged.connect(self.model.set_filter)
        self.table = QTableView()
        self.table.setObjectName("libraryTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        # titles share their openings (在全市…工作会议上的讲话): keep the head and the tail
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = named_header(self.table)   # named: the window saves and restores its column widths
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)   # widths set from the data
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionHidden(3, True)   # the length is in the tooltip; a right-click on the header shows it
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._remove_selected)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.table)

    def set_documents(self, documents: list[DocumentInfo], by_date: bool = False) -> None:
        """Show the library's speeches, with column widths measured on the widest text, not on every row
        (by_date: they come in Library.list_documents's order)."""
        self.model.set_documents(documents, by_date)
        metrics, header = self.table.fontMetrics(), self.table.horizontalHeader()
        if header.property("restored"):
            return   # the reader's own column widths
        for column, name in ((1, "date"), (2, "place"), (3, "chars")):
            label = self.model.headerData(column, Qt.Orientation.Horizontal)
            width = max(metrics.horizontalAdvance(self.model.widest(name)), metrics.horizontalAdvance(label) + 16)
            header.resizeSection(column, width + 18)

    def selected_ids(self) -> list[int]:
        """The ids of the selected rows, top to bottom."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.rows[r].id for r in rows]

    def select_id(self, doc_id: int) -> None:
        """Select the row of a speech."""
        row = self.model.row_of(doc_id)
        if row >= 0:
            self.table.selectRow(row)

    @Slot(QModelIndex)
    def _on_double_clicked(self, index: QModelIndex) -> None:
        self.open_requested.emit([index.data(DOC_ID_ROLE)])

    read_only = False   # set for a library another copy of Duidu holds

    def _context_menu(self, pos) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        menu = QMenu(self)
        if len(ids) == 1:
            menu.addAction(self.tr("Read"), lambda: self.open_requested.emit(ids))
            menu.addAction(self.tr("Details…"), lambda: self.edit_requested.emit(ids[0])).setEnabled(not self.read_only)
            menu.addAction(self.tr("Import New Version…"),
                           lambda: self.new_version_requested.emit(ids[0])).setEnabled(not self.read_only)
            menu.addAction(self.tr("Versions…"), lambda: self.versions_requested.emit(ids[0]))
        else:
            menu.addAction(self.tr("Compare Side by Side"), lambda: self.open_requested.emit(ids[:4]))
        menu.addSeparator()
        menu.addAction(self.tr("Remove from Library…"),
                       lambda: self.remove_requested.emit(ids)).setEnabled(not self.read_only)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _header_menu(self, pos) -> None:
        """Show or hide the date, place and length columns (the title always stays)."""
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for column in range(1, self.model.columnCount()):
            action = menu.addAction(self.model.headerData(column, Qt.Orientation.Horizontal))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda on, c=column: header.setSectionHidden(c, not on))
        menu.popup(header.mapToGlobal(pos))

    def _remove_selected(self) -> None:
        ids = self.selected_ids()
        if ids and not self.read_only:
            self.remove_requested.emit(ids)
