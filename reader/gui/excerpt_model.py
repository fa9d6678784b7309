"""The excerpts as a table model: tags (every colour as a chip), speech, section with its headings, text, note."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap

from reader.core.codebook_types import Excerpt
from reader.gui import plain

EXCERPT_ROLE = Qt.ItemDataRole.UserRole + 1


def tag_chips(colors: list[str], size: int = 10, gap: int = 3) -> QPixmap:
    """One small square per tag colour, side by side (a QPixmap keeps its width in a view; an icon would shrink)."""
    pixmap = QPixmap(len(colors) * (size + gap) - gap, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    for n, color in enumerate(colors):
        square = QRect(n * (size + gap), 0, size - 1, size - 1)
        painter.fillRect(square, QColor(color))
        painter.setPen(QColor(color).darker(140))       # a pale colour still shows its edge
        painter.drawRect(square)
    painter.end()
    return pixmap


class ExcerptModel(QAbstractTableModel):
    """Excerpts as rows: tags, speech, section, text, note."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[Excerpt] = []

    def set_excerpts(self, excerpts: list[Excerpt]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self.rows = list(excerpts)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 5

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Tags"), self.tr("Speech"), self.tr("Section"), self.tr("Text"), self.tr("Note"))[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        excerpt = self.rows[index.row()]
        if role == EXCERPT_ROLE:
            return excerpt
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            review = {"review": self.tr("[needs review] "), "moved": self.tr("[moved] ")}.get(excerpt.status, "") \
                if column == 3 else ""
            values = ("、".join(excerpt.tag_names) if hasattr(excerpt, "tag_names") else
                      "、".join(t.name for t in excerpt.tags),
                      excerpt.doc_title or "", excerpt.section_headings, review + excerpt.quote.replace("\n", " "),
                      excerpt.note.replace("\n", " "))
            return values[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            # plain text: the speech's own words (a heading, a quote) are never read as markup
            # the text's tooltip names where it is from: a narrow dock shows the text and the tags only
            source = "\n".join(x for x in [excerpt.doc_title or "", *excerpt.headings] if x)
            tips = ("\n".join(excerpt.tag_paths), excerpt.doc_title or "", "\n".join(excerpt.headings),
                    excerpt.quote + (f"\n\n{source}" if source else ""), excerpt.note)
            return plain.tooltip(tips[column]) if tips[column] else None
        if role == Qt.ItemDataRole.ForegroundRole and excerpt.status != "ok":
            return QColor("#b3261e" if excerpt.status == "review" else "#8a5a00")
        if role == Qt.ItemDataRole.DecorationRole and column == 0 and excerpt.tags:
            return tag_chips(excerpt.tag_colors)
        return None
