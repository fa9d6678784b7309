"""A thin strip beside a text's scroll bar showing where its shared passages lie; click to jump there."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget


class MarkerStrip(QWidget):
    """Ticks at the relative height of each marked span; emits the span start that was clicked."""

    jump_requested = Signal(int)

    def __init__(self, text_view, parent=None):
        super().__init__(parent)
        self.text_view = text_view
        self.setObjectName("markerStrip")
        self.setFixedWidth(10)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._marks: list[tuple[int, int, QColor]] = []   # (start, end, colour)
        self._ticks: list[tuple[float, float, QColor, int]] = []  # (y0, y1 as fractions, colour, start)
        self._held = False     # new marks are coming: the old ones are not placed again meanwhile
        # Qt lays a long text out in steps, signalling a new size at each; placing the ticks forces the
        # whole layout, so it waits until the steps have settled (and the window has painted)
        self._relayout_timer = QTimer(self, singleShot=True, interval=80)
        self._relayout_timer.timeout.connect(self.relayout)
        text_view.document().documentLayout().documentSizeChanged.connect(lambda _size: self._relayout_timer.start())
        text_view.verticalScrollBar().valueChanged.connect(lambda _value: self.update())

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(10, 100)

    def set_marks(self, marks: list[tuple[int, int, QColor]]) -> None:
        """Show these spans (text offsets) with these colours (placed once the text's layout has settled)."""
        self._marks = list(marks)
        self._held = False
        self._relayout_timer.start()

    def hold(self) -> None:
        """New marks are coming (a comparison is being computed): the old ones are not placed again meanwhile,
        which would lay the whole text out on the GUI thread while the worker needs it."""
        self._held = True
        self._relayout_timer.stop()

    def relayout(self) -> None:
        """Recompute tick positions from the current text layout."""
        self._relayout_timer.stop()
        if self._held:
            return
        if not self._marks:          # nothing to place: do not force the whole text's layout for it
            self._ticks = []
            self.update()
            return
        height = max(self.text_view.document().size().height(), 1.0)
        y_of = self.text_view.y_of
        self._ticks = [(y_of(start) / height, y_of(end) / height, colour, start) for start, end, colour in self._marks]
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window().color().darker(104))
        usable = self.height() - 2
        for y0, y1, colour, _start in self._ticks:
            top = 1 + y0 * usable
            painter.fillRect(QRectF(1, top, self.width() - 2, max(2.0, (y1 - y0) * usable)), colour)
        # the visible part of the text, as a frame
        bar = self.text_view.verticalScrollBar()
        total = bar.maximum() + bar.pageStep()
        if total > 0:
            top = usable * bar.value() / total
            painter.setPen(self.palette().text().color())
            painter.drawRect(QRectF(0.5, top, self.width() - 1, usable * bar.pageStep() / total))
        painter.end()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        """Jump to the tick nearest the click."""
        if not self._ticks:
            return
        fraction = event.position().y() / max(self.height(), 1)
        nearest = min(self._ticks, key=lambda t: abs(t[0] - fraction))
        self.jump_requested.emit(nearest[3])
