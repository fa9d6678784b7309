"""Tag a selection: pick tags (or name a new one), add a note, and optionally tag the counterparts too."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (QCheckBox, QDialog, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QPlainTextEdit, QVBoxLayout)

from reader.core.codebook_types import Tag
from reader.gui.forms import dialog_buttons


def swatch(color: str, size: int = 12) -> QIcon:
    """A small square of a tag's colour."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class TagDialog(QDialog):
    """Choose the tags and note of a new excerpt."""

    def __init__(self, quote: str, tags: list[Tag], counterparts: int = 0, last_tag_ids=(), parent=None):
        super().__init__(parent)
        self.setObjectName("tagDialog")
        self.setWindowTitle(self.tr("Tag Excerpt"))
        shown = quote if len(quote) <= 160 else quote[:150] + "…"
        excerpt = QLabel(shown)
        excerpt.setTextFormat(Qt.TextFormat.PlainText)  # a speech's text is never markup
        excerpt.setWordWrap(True)
        self.tag_list = QListWidget()
        self.tag_list.setObjectName("tagChoices")
        for tag in tags:
            item = QListWidgetItem(swatch(tag.color), "    " * tag.depth + tag.name)
            item.setData(Qt.ItemDataRole.UserRole, tag.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if tag.id in last_tag_ids else Qt.CheckState.Unchecked)
            self.tag_list.addItem(item)
        self.new_tag = QLineEdit()
        self.new_tag.setPlaceholderText(self.tr("New tag (optional)"))
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("Note (optional)"))
        self.note.setMaximumHeight(80)
        self.counterparts = QCheckBox(self.tr("Also tag the same passage in the other %n speech(es)", "", counterparts))
        self.counterparts.setVisible(counterparts > 0)
        self.counterparts.setChecked(counterparts > 0)
        buttons = dialog_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(excerpt)
        layout.addWidget(self.tag_list, 1)
        layout.addWidget(self.new_tag)
        layout.addWidget(self.note)
        layout.addWidget(self.counterparts)
        layout.addWidget(buttons)
        self.resize(420, 460)

    def chosen_tag_ids(self) -> list[int]:
        """The ids of the checked tags."""
        return [self.tag_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.tag_list.count())
                if self.tag_list.item(i).checkState() == Qt.CheckState.Checked]
