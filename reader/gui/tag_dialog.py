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

    def __init__(self, quote: str, tags: list[Tag], counterparts: int = 0, recent_tag_ids=(), parent=None):
        super().__init__(parent)
        self.setObjectName("tagDialog")
        self.setWindowTitle(self.tr("Tag Excerpt"))
        shown = quote if len(quote) <= 160 else quote[:150] + "…"
        excerpt = QLabel(shown)
        excerpt.setTextFormat(Qt.TextFormat.PlainText)  # a speech's text is never markup
        excerpt.setWordWrap(True)
        excerpt.setStyleSheet("QLabel { padding: 4px; border-left: 3px solid palette(highlight); }")
        self.list_label = QLabel(self.tr("Tags (tick one or more; tags used last time are in bold):")
                                 if recent_tag_ids else self.tr("Tags (tick one or more):"))
        self.empty_label = QLabel(self.tr("No tags yet: name the first one below (e.g. 城市规划)."))
        self.empty_label.setObjectName("noTagsYet")
        self.empty_label.setWordWrap(True)
        self.tag_list = QListWidget()
        self.tag_list.setObjectName("tagChoices")
        for tag in tags:
            item = QListWidgetItem(swatch(tag.color), "    " * tag.depth + tag.name)
            item.setData(Qt.ItemDataRole.UserRole, tag.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            # never ticked in advance: a second excerpt would silently get the first one's tags
            item.setCheckState(Qt.CheckState.Unchecked)
            if tag.id in recent_tag_ids:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.tag_list.addItem(item)
        has_tags = bool(tags)
        self.list_label.setVisible(has_tags)
        self.tag_list.setVisible(has_tags)
        self.empty_label.setVisible(not has_tags)
        self.new_tag = QLineEdit()
        self.new_tag.setPlaceholderText(self.tr("New tag (optional)") if has_tags else self.tr("New tag"))
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("Note (optional)"))
        self.note.setMaximumHeight(80)
        self.counterparts = QCheckBox(self.tr("Also tag the same passage in the other %n speech(es)", "", counterparts))
        self.counterparts.setVisible(counterparts > 0)
        self.counterparts.setChecked(counterparts > 0)
        buttons = dialog_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(excerpt)
        layout.addWidget(self.list_label)
        layout.addWidget(self.tag_list, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.new_tag)
        layout.addWidget(self.note)
        layout.addWidget(self.counterparts)
        layout.addWidget(buttons)
        if has_tags:
            self.resize(440, 480)
        else:
            self.resize(440, self.sizeHint().height())   # no empty band below the buttons
            self.new_tag.setFocus()

    def chosen_tag_ids(self) -> list[int]:
        """The ids of the checked tags."""
        return [self.tag_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.tag_list.count())
                if self.tag_list.item(i).checkState() == Qt.CheckState.Checked]
