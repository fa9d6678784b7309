"""Where a phrase was used, as marks on a time axis: one mark per speech, at its date, its height the uses.

Bars per year were tried first and became one solid block when every use fell in the same year;
marks at each speech's own date keep them apart. Without dates the axis is the library's order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from reader.gui import plain


MARGIN = 14


def date_value(date: str | None) -> float | None:
    """A date as a fractional year: "2022-03-15" -> 2022.2, "2022" -> 2022.0; None if it has no year."""
    match = re.match(r"(\d{4})(?:\D(\d{1,2}))?(?:\D(\d{1,2}))?", date or "")
    if match is None:
        return None
    year, month, day = int(match.group(1)), int(match.group(2) or 1), int(match.group(3) or 1)
    return year + (min(max(month, 1), 12) - 1) / 12 + (min(max(day, 1), 31) - 1) / 372


@dataclass
class Mark:
    """One speech's uses: where on the axis (0–1), how many, and which speech."""

    x: float
    count: int
    doc_id: int
    date: str | None


def date_range(values: list[float]) -> tuple[float, float]:
    """The axis for these dates: half a year (or a twentieth of the span) beyond the first and the last."""
    low, high = min(values), max(values)
    pad = max(0.5, 0.05 * (high - low))
    return low - pad, high + pad


def place_marks(uses: list[tuple[str | None, int, int]], order: list[int] | None = None
                ) -> tuple[list[Mark], str, tuple[float, float]]:
    """Marks for (date, doc id, count) uses, the axis kind ("date", or "order" when no use is dated) and its range.

    Undated uses among dated ones are left out of the axis (the caller says how many).
    """
    dated = [(date_value(date), date, doc, n) for date, doc, n in uses if date_value(date) is not None]
    if dated:
        low, high = date_range([v for v, *_ in dated])
        return [Mark((v - low) / (high - low), n, doc, date) for v, date, doc, n in dated], "date", (low, high)
    position = {doc: i for i, doc in enumerate(order or sorted(doc for _, doc, _ in uses))}
    last = max(len(position) - 1, 1)
    return [Mark(position.get(doc, 0) / last, n, doc, date) for date, doc, n in uses], "order", (0.0, 1.0)


def year_ticks(low: float, high: float, room: int) -> list[int]:
    """Years to label on an axis from low to high, at most about room of them."""
    first, last = int(low), int(high)
    step = 1
    while (last - first) // step + 1 > max(room, 2):
        step = {1: 2, 2: 5, 5: 10}.get(step, step * 2)
    return [y for y in range(first, last + 1) if y % step == 0 and low <= y <= high] or [first]


class TimelineWidget(QWidget):
    """The uses of a phrase on a labelled axis; hover names the speech, its date and its uses."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("timeline")
        self.setMouseTracking(True)
        self.setMinimumHeight(90)
        self.marks: list[Mark] = []
        self.axis = "date"
        self.undated = 0
        self.titles: dict[int, str] = {}
        self._range = (0.0, 1.0)

    def set_uses(self, uses: list[tuple[str | None, int, int]], titles: dict[int, str] | None = None,
                 order: list[int] | None = None) -> None:
        """(date, doc id, count) of each speech using the phrase; titles name them in the tooltip."""
        self.titles = titles or {}
        self.marks, self.axis, self._range = place_marks(uses, order)
        self.undated = sum(1 for date, *_ in uses if date_value(date) is None) if self.axis == "date" else 0
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(400, 110)

    def _plot(self) -> QRectF:
        return QRectF(MARGIN, 20, max(self.width() - 2 * MARGIN, 10), max(self.height() - 44, 10))

    def mark_x(self, mark: Mark) -> float:
        """The x of a mark in the widget (tests hover there); speeches of the same date stand side by side."""
        plot = self._plot()
        same = [m for m in self.marks if abs(m.x - mark.x) * plot.width() < 1]
        return plot.left() + mark.x * plot.width() + 5 * (same.index(mark) - (len(same) - 1) / 2)

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        text_pen = QPen(self.palette().text().color())
        painter.setPen(text_pen)
        if not self.marks:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Choose a phrase to see where it was used"))
            painter.end()
            return
        plot = self._plot()
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        top = max(m.count for m in self.marks)
        colour = self.palette().highlight().color()
        for mark in sorted(self.marks, key=lambda m: m.count):
            x = self.mark_x(mark)
            height = 6 + (plot.height() - 6) * mark.count / top
            painter.fillRect(QRectF(x - 1.5, plot.bottom() - height, 3, height), colour)
        painter.setPen(text_pen)
        metrics = painter.fontMetrics()
        if self.axis == "date":
            low, high = self._range
            for year in year_ticks(low, high, int(plot.width() // (metrics.horizontalAdvance("0000") * 2))):
                x = plot.left() + (year - low) / (high - low) * plot.width()
                painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4))
                painter.drawText(QRectF(x - 30, plot.bottom() + 4, 60, 16), Qt.AlignmentFlag.AlignHCenter, str(year))
            caption = self.tr("Speech date · one mark per speech, its height the number of uses")
            if self.undated:
                caption += self.tr(" · %n undated speech(es) not shown", "", self.undated)
        else:
            caption = self.tr("Order in the library (the speeches have no dates) · height: number of uses")
        painter.drawText(QRectF(MARGIN, 2, self.width() - 2 * MARGIN, 16), Qt.AlignmentFlag.AlignLeft,
                         metrics.elidedText(caption, Qt.TextElideMode.ElideRight, self.width() - 2 * MARGIN))
        painter.end()

    def mark_near(self, x: float) -> Mark | None:
        """The mark closest to an x within a few pixels."""
        near = [(abs(self.mark_x(m) - x), -m.count, i) for i, m in enumerate(self.marks)]
        if not near:
            return None
        distance, _count, i = min(near)
        return self.marks[i] if distance <= 4 else None

    def describe(self, mark: Mark) -> str:
        """A mark's tooltip: the speech, its date, its uses."""
        title = self.titles.get(mark.doc_id, str(mark.doc_id))
        return "\n".join((title, mark.date or self.tr("no date"), self.tr("%n use(s)", "", mark.count)))

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        mark = self.mark_near(event.position().x())
        if mark is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.globalPosition().toPoint(), plain.tooltip(self.describe(mark)), self)
