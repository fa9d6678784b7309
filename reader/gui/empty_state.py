"""What the reading area shows when nothing is open: how to start, with the buttons that do it."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


def plain_label(text: str) -> str:
    """An action's text as a button label: no mnemonic ("&Import", "导入文件(&I)") and no trailing "…"."""
    return re.sub(r"\(&\w\)", "", text).replace("&", "").removesuffix("…")


class EmptyState(QWidget):
    """A short guide to the first steps instead of a blank reading area."""

    def __init__(self, actions: list[QAction], parent=None):
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.steps = QLabel()
        self.steps.setWordWrap(True)
        self.steps.setTextFormat(Qt.TextFormat.PlainText)
        self.steps.setMinimumWidth(300)
        self.steps.setMaximumWidth(560)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.buttons = []
        for action in actions:
            button = QPushButton(action.icon(), plain_label(action.text()))
            button.clicked.connect(action.trigger)
            buttons.addWidget(button)
            self.buttons.append(button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addStretch(2)
        column.addWidget(self.title, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addSpacing(12)
        row = QHBoxLayout()   # no alignment flag: a word-wrapped label then gets the height its lines need
        row.addStretch(1)
        row.addWidget(self.steps, 3)
        row.addStretch(1)
        column.addLayout(row)
        column.addSpacing(16)
        column.addLayout(buttons)
        column.addStretch(3)
        self.set_library_size(0)

    def set_library_size(self, count: int) -> None:
        """Say how to begin: import first when the library is empty, else open or compare."""
        if count == 0:
            self.title.setText(self.tr("The library is empty"))
            self.steps.setText(self.tr("Import speeches (.txt in any Chinese encoding, .docx, saved web pages) "
                                       "with Import Files, or drop files and folders on this window."))
            return
        self.title.setText(self.tr("Nothing open yet"))
        self.steps.setText("\n\n".join((
            self.tr("• Double-click a speech in the library on the left to read it."),
            self.tr("• Select two to four speeches (Ctrl+click) and choose Compare Selected Speeches to read them "
                    "side by side, their sections in step and their shared phrasing highlighted."),
            self.tr("• Corpus Overview shows which speeches are alike, the phrases they share, and a search of "
                    "the whole library."),
            self.tr("• Select text and press Ctrl+T to tag it as an excerpt; export excerpts to Word with their "
                    "citations."))))
