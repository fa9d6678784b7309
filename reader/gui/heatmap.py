"""The similarity map: every speech against every other, a cell's colour the share of distinctive reuse."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter
from PySide6.QtWidgets import QScrollArea, QToolTip, QWidget

from reader.gui import plain

if TYPE_CHECKING:   # numpy loads with the first map, not with the window
    import numpy as np

    from reader.core.similarity import SimilarityMatrix

LABEL_WIDTH = 220          # row labels, left of the cells
COLUMN_LABEL = 130         # length of a rotated column label
ANGLE = 60                 # column labels rise at this angle
TOP = int(COLUMN_LABEL * math.sin(math.radians(ANGLE))) + 12
RIGHT = int(COLUMN_LABEL * math.cos(math.radians(ANGLE))) + 8


def cell_colour(score: float, top: float) -> QColor:
    """White (nothing shared) to deep red (the most similar pair of this library)."""
    t = 0.0 if top <= 0 else min(1.0, (score / top) ** 0.5)
    return QColor(int(255 - 75 * t), int(255 - 215 * t), int(255 - 205 * t))


def matrix_image(scores: np.ndarray, top: float, diagonal: QColor) -> QImage:
    """One pixel per cell, coloured as cell_colour does: painting scales this image, not n² rectangles.

    Painting a rectangle per cell was tried first and took 0.6 s a frame for 1,000 speeches.
    """
    import numpy as np
    n = scores.shape[0]
    t = np.zeros_like(scores) if top <= 0 else np.clip(scores / top, 0.0, 1.0) ** 0.5
    rgba = np.empty((n, n, 4), dtype=np.uint8)
    rgba[..., 0] = (255 - 205 * t).astype(np.uint8)   # blue  (memory order B, G, R, A)
    rgba[..., 1] = (255 - 215 * t).astype(np.uint8)   # green
    rgba[..., 2] = (255 - 75 * t).astype(np.uint8)    # red
    rgba[..., 3] = 255
    index = np.arange(n)
    rgba[index, index] = (diagonal.blue(), diagonal.green(), diagonal.red(), 255)
    image = QImage(rgba.data, n, n, 4 * n, QImage.Format.Format_ARGB32)
    return image.copy()  # own the pixels: the numpy buffer goes away


def shown_label(label: str) -> str:
    """A row label as shown: "id date title", an unknown date as "—" (as in the library list), not "?"."""
    parts = label.split(" ", 2)
    if len(parts) == 3 and parts[1] == "?":
        parts[1] = "—"
    return " ".join(parts)


class HeatMap(QWidget):
    """A painted matrix with speech labels; hover tells, click opens the pair, Ctrl+wheel zooms."""

    pair_clicked = Signal(int, int)
    zoom_changed = Signal(int)
    hovered = Signal(int, int)   # the pair under the mouse (a == b on the diagonal)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("heatMap")
        self.setMouseTracking(True)
        self.matrix: SimilarityMatrix | None = None
        self.cell = 22
        self.describe = lambda a, b: ""   # the overview supplies the tooltip text
        self._top = 0.0
        self._image: QImage | None = None
        self.zoomed = False   # once the reader zooms, the map no longer fits itself to the window

    @property
    def top(self) -> float:
        """The highest score off the diagonal: the deepest colour."""
        return self._top

    def set_matrix(self, matrix: SimilarityMatrix) -> None:
        """Show a matrix."""
        import numpy as np
        self.matrix = matrix
        n = len(matrix.doc_ids)
        off_diagonal = matrix.scores[~np.eye(n, dtype=bool)]
        self._top = float(off_diagonal.max()) if off_diagonal.size else 0.0
        self._image = matrix_image(matrix.scores, self._top, self.palette().mid().color())
        self.cell = max(3, min(28, 700 // max(n, 1)))
        if self.parentWidget() is not None and not self.zoomed:
            self.fit_to(self.parentWidget().size())
        self.updateGeometry()
        self.resize(self.sizeHint())
        self.update()

    def fit_to(self, room: QSize) -> None:
        """Cells as large as the room allows (labels included), between 2 and 96 pixels."""
        n = len(self.matrix.doc_ids) if self.matrix else 0
        if n == 0:
            return
        width = room.width() - LABEL_WIDTH - RIGHT - 4
        height = room.height() - TOP - 4
        cell = max(2, min(96, min(width, height) // n))
        if cell < 10:   # no labels at this size: the cells get their room too
            cell = max(2, min(96, min(room.width() - 4, room.height() - 4) // n))
        self.cell = cell
        self.resize(self.sizeHint())
        self.update()

    def set_cell_size(self, size: int) -> None:
        """Zoom: pixels per cell."""
        self.cell = max(2, min(60, size))
        self.zoomed = True
        self.resize(self.sizeHint())
        self.update()
        self.zoom_changed.emit(self.cell)

    def sizeHint(self) -> QSize:  # noqa: N802
        n = len(self.matrix.doc_ids) if self.matrix else 0
        if self.cell < 10:
            return QSize(n * self.cell + 2, n * self.cell + 2)
        return QSize(LABEL_WIDTH + n * self.cell + RIGHT, TOP + n * self.cell + 2)

    def _origin(self) -> QPoint:
        return QPoint(LABEL_WIDTH, TOP) if self.cell >= 10 else QPoint(0, 0)

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
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.drawImage(QRect(origin.x(), origin.y(), n * cell, n * cell), self._image)
        if cell > 6:  # grid lines between cells, so neighbours stay apart
            painter.setPen(self.palette().base().color())
            for k in range(1, n):
                painter.drawLine(origin.x() + k * cell, origin.y(), origin.x() + k * cell, origin.y() + n * cell)
                painter.drawLine(origin.x(), origin.y() + k * cell, origin.x() + n * cell, origin.y() + k * cell)
        if cell >= 10:
            painter.setPen(self.palette().text().color())
            metrics = painter.fontMetrics()
            first_row = 0 if clip is None else max(0, (clip.top() - origin.y()) // cell)
            last_row = n if clip is None else min(n, (clip.bottom() - origin.y()) // cell + 1)
            for i in range(first_row, last_row):
                label = shown_label(self.matrix.labels[i])
                text = metrics.elidedText(label, Qt.TextElideMode.ElideMiddle, LABEL_WIDTH - 8)
                painter.drawText(QRect(2, origin.y() + i * cell, LABEL_WIDTH - 6, cell),
                                 Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, text)
            painter.save()
            first_col = 0 if clip is None else max(0, (clip.left() - origin.x()) // cell - 8)
            last_col = n if clip is None else min(n, (clip.right() - origin.x()) // cell + 1)
            for j in range(first_col, last_col):
                label = self.matrix.labels[j]
                painter.save()
                painter.translate(origin.x() + j * cell + cell // 2 + metrics.ascent() // 3, origin.y() - 4)
                painter.rotate(-ANGLE)
                painter.drawText(0, 0, metrics.elidedText(label.split(" ", 2)[-1], Qt.TextElideMode.ElideMiddle,
                                                          COLUMN_LABEL))
                painter.restore()
            painter.restore()

    def to_image(self) -> QImage:
        """The whole map as an image (Save as PNG)."""
        image = QImage(self.sizeHint(), QImage.Format.Format_ARGB32)
        painter = QPainter(image)
        self.render_into(painter)
        painter.end()
        return image

    def label_at(self, pos: QPoint) -> str | None:
        """The whole label of the row whose (elided) label is under a point."""
        if self.matrix is None or self.cell < 10 or pos.x() >= LABEL_WIDTH or pos.y() < TOP:
            return None
        row = (pos.y() - TOP) // self.cell
        return shown_label(self.matrix.labels[row]) if 0 <= row < len(self.matrix.labels) else None

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        pos = event.position().toPoint()
        hit = self.cell_at(pos)
        if hit is None or self.matrix is None:
            label = self.label_at(pos)
            if label is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPosition().toPoint(), plain.tooltip(label), self)
            return
        a, b = self.matrix.doc_ids[hit[0]], self.matrix.doc_ids[hit[1]]
        self.hovered.emit(a, b)
        QToolTip.showText(event.globalPosition().toPoint(), plain.tooltip(self.describe(a, b)), self)

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


class ColourScale(QWidget):
    """The key to the map's colours: white (nothing distinctive shared) to red (the library's most alike pair)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("colourScale")
        self.top = 0.0
        self.setMinimumHeight(36)

    def set_top(self, top: float) -> None:
        """The score of the deepest colour."""
        self.top = top
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(520, 36)

    def caption(self) -> str:
        """What the colours mean, with the figure at the red end."""
        return self.tr("Colour: distinctive reuse, ‰ of the shorter speech found in the other (grey: the speech "
                       "itself)")

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        bar = QRectF(4, 2, min(220, self.width() * 0.35), 14)
        gradient = QLinearGradient(bar.topLeft(), bar.topRight())
        for stop in (0.0, 0.25, 0.5, 0.75, 1.0):
            gradient.setColorAt(stop, cell_colour(stop ** 2, 1.0))   # cell_colour takes the square root
        painter.fillRect(bar, gradient)
        painter.setPen(self.palette().mid().color())
        painter.drawRect(bar)
        painter.setPen(self.palette().text().color())
        painter.drawText(QRectF(bar.left(), bar.bottom() + 1, 40, 16), Qt.AlignmentFlag.AlignLeft, "0")
        painter.drawText(QRectF(bar.right() - 80, bar.bottom() + 1, 80, 16), Qt.AlignmentFlag.AlignRight,
                         f"{self.top * 1000:.0f}‰")
        left = bar.right() + 10
        painter.drawText(QRectF(left, 0, self.width() - left, self.height()),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
                         self.caption())
        painter.end()


class MapArea(QScrollArea):
    """The scroll area around the map: the map fits itself to it until the reader zooms."""

    def __init__(self, heatmap: HeatMap, parent=None):
        super().__init__(parent)
        self.heatmap = heatmap
        self.setWidget(heatmap)
        self.setWidgetResizable(False)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if not self.heatmap.zoomed and self.heatmap.matrix is not None:
            self.heatmap.fit_to(self.viewport().size())
