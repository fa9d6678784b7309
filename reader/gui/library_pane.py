"""The library list: title, date, place and length of every speech; filter, sort, open, drag."""

from __future__ import annotations

import json

from PySide6.QtCore import (QAbstractTableModel, QMimeData, QModelIndex, QSortFilterProxyModel, Qt, Signal,
                            Slot)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QMenu, QTableView, QVBoxLayout, QWidget

from reader.core.store import DocumentInfo
from reader.gui import plain
from reader.gui.table_sizing import stretch_column

DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
DOC_IDS_MIME = "application/x-duidu-document-ids"


class LibraryModel(QAbstractTableModel):
    """A table of DocumentInfo rows."""

    COLUMNS = ("title", "date", "place", "chars")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[DocumentInfo] = []

    def set_documents(self, documents: list[DocumentInfo]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self.rows = list(documents)
        self.endResetModel()

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
                return doc.display_title()
            if column == "chars":
                return f"{doc.char_count:,}"
            return getattr(doc, column) or "—"
        if role == SORT_ROLE:
            if column == "chars":
                return doc.char_count
            if column == "title":
                return doc.display_title()
            return getattr(doc, column) or ""
        if role == Qt.ItemDataRole.ToolTipRole and column == "title":
            return plain.tooltip("\n".join(x for x in (doc.display_title(), doc.date, doc.place,
                                                        f"{doc.char_count:,}", doc.source_path) if x))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "chars":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
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
        """The row of a speech id, or -1."""
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
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.filter_box = QLineEdit()
        self.filter_box.setObjectName("libraryFilter")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.setPlaceholderText(self.tr("Filter by title, date, place…"))
        self.filter_box.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setObjectName("libraryTable")
        self.table.setModel(self.proxy)
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
        stretch_column(self.table, 0, cap=0.3)
        header = self.table.horizontalHeader()
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

    def set_documents(self, documents: list[DocumentInfo]) -> None:
        """Show the library's speeches."""
        self.model.set_documents(documents)

    def selected_ids(self) -> list[int]:
        """The ids of the selected rows, top to bottom."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.proxy.index(r, 0).data(DOC_ID_ROLE) for r in rows]

    def select_id(self, doc_id: int) -> None:
        """Select the row of a speech."""
        row = self.model.row_of(doc_id)
        if row >= 0:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())

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
