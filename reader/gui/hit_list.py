"""Hits in context, grouped by speech (search results, uses of a phrase or a formula), and a timeline."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from reader.core.search import SearchHit

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
            top = QTreeWidgetItem([label, self.tr("%n hit(s)", "", total)])
            top.setFirstColumnSpanned(False)
            for hit in hits:
                context = f"{hit.context_before}【{hit.match}】{hit.context_after}".replace("\n", " ")
                child = QTreeWidgetItem([hit.section_label or "—", context])
                child.setData(0, HIT_ROLE, hit)
                child.setToolTip(1, context)
                top.addChild(child)
            if hits:
                top.setData(0, HIT_ROLE, hits[0])
            self.addTopLevelItem(top)
        self.expandAll()
        self.resizeColumnToContents(0)

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


class TimelineWidget(QWidget):
    """Uses by year as bars: where a phrase appeared first and how it spread."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("timeline")
        self.counts: Counter = Counter()
        self.setMinimumHeight(70)

    def set_uses(self, uses: list[tuple[str | None, int, int]]) -> None:
        """(date, doc id, count) of each speech using the phrase; undated uses are left out."""
        self.counts = Counter()
        for date, _doc, count in uses:
            if date:
                self.counts[date[:4]] += count
        self.setToolTip("\n".join(f"{year}: {n}" for year, n in sorted(self.counts.items())))
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(300, 80)

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        if not self.counts:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No dated uses"))
            return
        years = sorted(int(y) for y in self.counts)
        first, last = years[0], years[-1]
        span = max(last - first + 1, 1)
        top = max(self.counts.values())
        width = (self.width() - 20) / span
        base = self.height() - 18
        painter.setPen(self.palette().text().color())
        for year, count in self.counts.items():
            x = 10 + (int(year) - first) * width
            height = (base - 6) * count / top
            painter.fillRect(QRectF(x + 1, base - height, max(width - 2, 2), height), self.palette().highlight())
        painter.drawText(QRectF(4, base + 2, 80, 16), Qt.AlignmentFlag.AlignLeft, str(first))
        painter.drawText(QRectF(self.width() - 84, base + 2, 80, 16), Qt.AlignmentFlag.AlignRight, str(last))
        painter.end()
