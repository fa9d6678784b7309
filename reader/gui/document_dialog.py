"""Edit a speech's details, its encoding, and whether web-page junk is removed (the raw text is kept)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QFormLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QVBoxLayout)

from reader.core.store import Document
from reader.gui.forms import dialog_buttons

ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "big5", "utf-16", "utf-16-le", "utf-16-be"]


class DocumentDialog(QDialog):
    """A form over one speech; `changes()` says what the reader changed."""

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.setObjectName("documentDialog")
        self.setWindowTitle(self.tr("Speech Details"))
        self.document = document
        self.title = QLineEdit(document.title or "")
        self.date = QLineEdit(document.date or "")
        self.date.setPlaceholderText(self.tr("e.g. 2022, 2022-08 or 2022-08-04"))
        self.place = QLineEdit(document.place or "")
        self.speaker = QLineEdit(document.speaker or "")
        self.origin = QLineEdit(document.origin or "")   # a web page's 来源
        self.encoding = QComboBox()
        self.encoding.setEditable(True)
        self.encoding.addItems(ENCODINGS)
        self.encoding.setCurrentText(document.encoding or "")
        self.encoding.setEnabled(document.encoding is not None)
        self.cleaned = QCheckBox(self.tr("Remove web-page junk (site names, source lines, repeated titles)"))
        self.cleaned.setChecked(bool(document.removed))
        removed = QPlainTextEdit("\n".join(document.removed))
        removed.setReadOnly(True)
        removed.setMaximumHeight(90)
        removed.setPlaceholderText(self.tr("Nothing was removed."))
        source = QLabel(document.source_path or "—")
        source.setTextFormat(Qt.TextFormat.PlainText)
        source.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Speaker"), self.speaker)
        form.addRow(self.tr("Published by"), self.origin)
        form.addRow(self.tr("Source"), source)
        form.addRow(self.tr("Encoding"), self.encoding)
        form.addRow("", self.cleaned)
        form.addRow(self.tr("Removed"), removed)
        buttons = dialog_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def changes(self) -> dict:
        """The fields the reader changed: metadata, 'encoding' and 'cleaned'."""
        changed = {}
        for name in ("title", "date", "place", "speaker", "origin"):
            value = getattr(self, name).text().strip() or None
            if value != getattr(self.document, name):
                changed[name] = value
        encoding = self.encoding.currentText().strip()
        if self.document.encoding is not None and encoding and encoding != self.document.encoding:
            changed["encoding"] = encoding
        if self.cleaned.isChecked() != bool(self.document.removed):
            changed["cleaned"] = self.cleaned.isChecked()
        return changed
