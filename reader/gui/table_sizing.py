"""Column and row sizing of tables: one column takes the room, the others fit their contents once.

QHeaderView.ResizeToContents was dropped: it measures every row again on every change (a library
of thousands of speeches, a table refilled at each filter keystroke), and it let one long cell
(a date range, a speech title) take the width the main text needed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QStyledItemDelegate, QStyleOptionViewItem,
                               QTableView)


def stretch_column(table: QTableView, column: int, cap: float = 0.3) -> None:
    """`column` takes the free width; the others fit their contents the first time rows arrive (at most cap of the view)."""
    header = named_header(table)
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(36)
    state = {"fitted": False}

    def fit_once() -> None:
        model = table.model()
        if state["fitted"] or model is None or model.rowCount() == 0 or header.property("restored"):
            return
        state["fitted"] = True
        limit = max(60, int(table.viewport().width() * cap))
        for other in range(model.columnCount()):
            if other != column and not header.isSectionHidden(other):
                table.resizeColumnToContents(other)
                header.resizeSection(other, min(header.sectionSize(other) + 8, limit))

    timer = QTimer(table, singleShot=True, interval=0)
    timer.timeout.connect(fit_once)
    _on_rows(table, timer.start)


def wrap_rows(table: QTableView, text_column: int, shares: dict[int, float], narrow_hidden: tuple[int, ...] = (),
              narrow_below: int = 420) -> None:
    """Rows grow to show the text column's whole text, word-wrapped; no horizontal scrolling.

    The other columns keep their share of the width (a narrow dock still leaves the text half of it),
    and below narrow_below pixels the narrow_hidden columns step aside for the text; rows are
    measured again only after the rows or the width change (debounced).
    """
    table.setWordWrap(True)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    header = named_header(table)
    header.setStretchLastSection(False)
    header.setMinimumSectionSize(24)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(text_column, QHeaderView.ResizeMode.Stretch)
    timer = QTimer(table, singleShot=True, interval=40)
    timer.timeout.connect(table.resizeRowsToContents)
    _on_rows(table, timer.start)
    header.sectionResized.connect(lambda index, _old, _new: timer.start() if index == text_column else None)
    table.viewport().installEventFilter(_ShareKeeper(table, shares, narrow_hidden, narrow_below))
    one_line = OneLineDelegate(table)
    for column in shares:
        table.setItemDelegateForColumn(column, one_line)   # tags, speech, section: one line, cut with "…"


class OneLineDelegate(QStyledItemDelegate):
    """A cell on one line, elided, in a table that otherwise wraps: only the main text makes a row taller."""

    def initStyleOption(self, option, index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText
        option.textElideMode = Qt.TextElideMode.ElideMiddle
        room = option.rect.width() - 12
        if option.features & QStyleOptionViewItem.ViewItemFeature.HasDecoration:
            room -= option.decorationSize.width()
        if option.text and room < option.fontMetrics.horizontalAdvance("城城…"):
            option.text = ""      # too narrow for a word: the chips alone (the tooltip names them), not a lone "…"

    def sizeHint(self, option, index) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        return QSize(size.width(), option.fontMetrics.height() + 6)


class _ShareKeeper(QObject):
    """Gives the table's secondary columns their share of a new width."""

    def __init__(self, table: QTableView, shares: dict[int, float], narrow_hidden: tuple[int, ...], narrow_below: int):
        super().__init__(table)
        self.table, self.shares = table, shares
        self.narrow_hidden, self.narrow_below = narrow_hidden, narrow_below

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            width = event.size().width()
            header = self.table.horizontalHeader()
            narrow = width < self.narrow_below
            shown = {c: s for c, s in self.shares.items() if not (narrow and c in self.narrow_hidden)}
            for column in self.shares:
                header.setSectionHidden(column, column not in shown)
            for column, share in shown.items():   # what hidden columns leave goes to the text, not to them
                header.resizeSection(column, max(header.minimumSectionSize(), int(width * share)))
        return False


def _on_rows(table: QTableView, callback) -> None:
    """Call back whenever the table's model is reset or gets rows (a proxy's source included)."""
    model = table.model()
    model.modelReset.connect(callback)
    model.rowsInserted.connect(lambda *_: callback())
    model.layoutChanged.connect(lambda *_: callback())


def named_header(table: QTableView) -> QHeaderView:
    """The table's header, named after it so the window can save and restore its column widths."""
    header = table.horizontalHeader()
    if not header.objectName():
        header.setObjectName(table.objectName() + "Header")
    return header
