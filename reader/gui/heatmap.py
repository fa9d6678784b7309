"""The similarity map: every speech against every other, a cell's colour the share of distinctive reuse."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QToolTip, QWidget

from reader.core.similarity import SimilarityMatrix

LABEL_WIDTH = 220


def cell_colour(score: float, top: float) -> QColor:
    """White (nothing shared) to deep red (the most similar pair of this library)."""
    t = 0.0 if top <= 0 else min(1.0, (score / top) ** 0.5)
    return QColor(int(255 - 75 * t), int(255 - 215 * t), int(255 - 205 * t))


class HeatMap(QWidget):
    """A painted matrix with speech labels; hover tells, click opens the pair, Ctrl+wheel zooms."""

    pair_clicked = Signal(int, int)
    zoom_changed = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("heatMap")
        self.setMouseTracking(True)
        self.matrix: SimilarityMatrix | None = None
        self.cell = 22
        self.describe = lambda a, b: ""   # the overview supplies the tooltip text
        self._top = 0.0

    def set_matrix(self, matrix: SimilarityMatrix) -> None:
        """Show a matrix."""
        self.matrix = matrix
        n = len(matrix.doc_ids)
        off_diagonal = [matrix.scores[i, j] for i in range(n) for j in range(n) if i != j]
        self._top = max(off_diagonal, default=0.0)
        self.cell = max(3, min(28, 700 // max(n, 1)))
        self.updateGeometry()
        self.resize(self.sizeHint())
        self.update()

    def set_cell_size(self, size: int) -> None:
        """Zoom: pixels per cell."""
        self.cell = max(2, min(60, size))
        self.resize(self.sizeHint())
        self.update()
        self.zoom_changed.emit(self.cell)

    def sizeHint(self) -> QSize:  # noqa: N802
        n = len(self.matrix.doc_ids) if self.matrix else 0
        label = LABEL_WIDTH if self.cell >= 10 else 0
        return QSize(label + n * self.cell + 2, label // 2 + n * self.cell + 2)

    def _origin(self) -> QPoint:
        label = LABEL_WIDTH if self.cell >= 10 else 0
        return QPoint(label, label // 2)

    def cell_at(self, pos: QPoint) -> tuple[int, int] | None:
        """(row, column) under a point."""
        if self.matrix is None:
            return None
        origin = self._origin()
        col, row = (pos.x() - origin.x()) // self.cell, (pos.y() - origin.y()) // self.cell
        n = len(self.matrix.doc_ids)
        return (row, col) if 0 <= row < n and 0 <= col < n and pos.x() >= origin.x() and pos.y() >= origin.y() else None

    def cell_center(self, row: int, col: int) -> QPoint:
        """The centre of a cell (tests click there)."""
        origin = self._origin()
        return QPoint(origin.x() + col * self.cell + self.cell // 2, origin.y() + row * self.cell + self.cell // 2)

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        self.render_into(painter, event.rect())
        painter.end()

    def render_into(self, painter: QPainter, clip: QRect | None = None) -> None:
        """Paint labels and cells (also used to save the map as PNG)."""
        painter.fillRect(clip or self.rect(), self.palette().base())
        if self.matrix is None:
            return
        origin, cell, n = self._origin(), self.cell, len(self.matrix.doc_ids)
        first_row = 0 if clip is None else max(0, (clip.top() - origin.y()) // cell)
        last_row = n if clip is None else min(n, (clip.bottom() - origin.y()) // cell + 1)
        for i in range(first_row, last_row):
            for j in range(n):
                colour = self.palette().mid().color() if i == j else cell_colour(self.matrix.scores[i, j], self._top)
                painter.fillRect(origin.x() + j * cell, origin.y() + i * cell, cell - (cell > 4), cell - (cell > 4),
                                 colour)
        if cell >= 10:
            painter.setPen(self.palette().text().color())
            metrics = painter.fontMetrics()
            for i, label in enumerate(self.matrix.labels):
                text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, LABEL_WIDTH - 8)
                painter.drawText(QRect(2, origin.y() + i * cell, LABEL_WIDTH - 6, cell),
                                 Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, text)
            painter.save()
            for j, label in enumerate(self.matrix.labels):
                painter.save()
                painter.translate(origin.x() + j * cell + cell // 2 + 4, origin.y() - 4)
                painter.rotate(-60)
                painter.drawText(0, 0, metrics.elidedText(label.split(" ", 2)[-1], Qt.TextElideMode.ElideRight,
                                                          int(LABEL_WIDTH * 0.55)))
                painter.restore()
            painter.restore()

    def to_image(self) -> QImage:
        """The whole map as an image (Save as PNG)."""
        image = QImage(self.sizeHint(), QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        self.render_into(painter)
        painter.end()
        return image

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        hit = self.cell_at(event.position().toPoint())
        if hit is None or self.matrix is None:
            QToolTip.hideText()
            return
        a, b = self.matrix.doc_ids[hit[0]], self.matrix.doc_ids[hit[1]]
        QToolTip.showText(event.globalPosition().toPoint(), self.describe(a, b), self)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        hit = self.cell_at(event.position().toPoint())
        if hit is not None and hit[0] != hit[1] and self.matrix is not None:
            self.pair_clicked.emit(self.matrix.doc_ids[hit[0]], self.matrix.doc_ids[hit[1]])

    def wheelEvent(self, event) -> None:  # noqa: N802
        """Ctrl+wheel zooms; plain wheel scrolls the surrounding area."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.set_cell_size(self.cell + (2 if event.angleDelta().y() > 0 else -2))
            event.accept()
        else:
            event.ignore()
