"""Hits in context, grouped by speech (search results, uses of a phrase or a formula)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from reader.core.search import SearchHit
from reader.gui import plain

HIT_ROLE = Qt.ItemDataRole.UserRole + 1


class HitTree(QTreeWidget):
    """Speeches as top rows (title, date, count), hits in context beneath; activating a hit opens it."""

    hit_activated = Signal(object)   # SearchHit

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("hitTree")
        self.setColumnCount(2)
        self.setHeaderLabels([self.tr("Where"), self.tr("In context")])
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.itemActivated.connect(self._activated)
        self.itemDoubleClicked.connect(self._activated)

    def set_hits(self, groups: list[tuple[str, list[SearchHit], int]]) -> None:
        """Show groups of (speech label, hits, total count)."""
        self.clear()
        self.add_hits(groups)

    def add_hits(self, groups: list[tuple[str, list[SearchHit], int]]) -> None:
        """Add groups of (speech label, hits, total count) below those shown (the next page)."""
        for label, hits, total in groups:
            # the speech's row spans both columns: a long title never widens the "Where" column
            count = self.tr("%n hit(s)", "", total)
            top = QTreeWidgetItem([f"{label} · {count}"])
            top.setToolTip(0, plain.tooltip(label))
            for hit in hits:
                context = f"{hit.context_before}【{hit.match}】{hit.context_after}".replace("\n", " ")
                child = QTreeWidgetItem([hit.section_label or "—", context])
                child.setData(0, HIT_ROLE, hit)
                child.setToolTip(1, plain.tooltip(context))
                top.addChild(child)
            if hits:
                top.setData(0, HIT_ROLE, hits[0])
            self.addTopLevelItem(top)
            top.setFirstColumnSpanned(True)
        self.expandAll()
        self._fit_where_column()

    def _fit_where_column(self) -> None:
        """The section labels' column as wide as its longest label, at most a third of the view: the context gets the rest."""
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(self.topLevelItem(i).child(j).text(0))
                      for i in range(self.topLevelItemCount()) for j in range(self.topLevelItem(i).childCount())),
                     default=0)
        room = max(self.viewport().width(), 300) // 3
        self.setColumnWidth(0, max(80, min(room, widest + 2 * self.indentation() + 12)))

    def hits(self) -> list[SearchHit]:
        """Every hit shown, in order."""
        found = []
        for i in range(self.topLevelItemCount()):
            top = self.topLevelItem(i)
            found += [top.child(j).data(0, HIT_ROLE) for j in range(top.childCount())]
        return found

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        hit = item.data(0, HIT_ROLE)
        if hit is not None:
            self.hit_activated.emit(hit)
