"""A speech's earlier texts: look at any of them, and go back to one (the current text is kept too)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QListWidget, QListWidgetItem, QPlainTextEdit, QSplitter,
                               QVBoxLayout)

from reader.core.versions import Version, version_text
from reader.gui import plain


class VersionsDialog(QDialog):
    """Versions on the left, the chosen one's text on the right; `chosen` is the version to go back to."""

    def __init__(self, library, title: str, versions: list[Version], read_only: bool = False, parent=None):
        super().__init__(parent)
        self.setObjectName("versionsDialog")
        self.setWindowTitle(self.tr("Versions of “%1”").replace("%1", title))
        self.library = library
        self.chosen: int | None = None
        reasons = {"reimport": self.tr("replaced by a new version"), "encoding": self.tr("decoded again"),
                   "cleaning": self.tr("cleaned again"), "revert": self.tr("replaced by an earlier version")}
        self.list = QListWidget()
        self.list.setObjectName("versionList")
        for version in versions:
            label = f"{version.replaced_at[:16].replace('T', ' ')}\n{reasons.get(version.reason, version.reason)}" \
                    + self.tr(" · %1 characters").replace("%1", f"{version.char_count:,}")
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, version.id)
            item.setToolTip(plain.tooltip(version.source_path or ""))
            self.list.addItem(item)
        self.text = QPlainTextEdit()
        self.text.setObjectName("versionText")
        self.text.setReadOnly(True)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(self.text)
        splitter.setSizes([300, 520])
        intro = plain.label(self.tr("Each time a speech's text was replaced, the text before was kept here.")
                            if versions else self.tr("This speech has no earlier versions."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.back = buttons.addButton(self.tr("Go Back to This Version"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.back.setObjectName("revertButton")
        self.back.setEnabled(bool(versions) and not read_only)
        self.back.setVisible(bool(versions))
        splitter.setVisible(bool(versions))    # no versions: a short note, not two empty panes
        self.back.clicked.connect(self._go_back)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.list.currentItemChanged.connect(self._show)
        self.list.setCurrentRow(0)
        self.resize(820, 520) if versions else self.resize(self.sizeHint())

    def _show(self, item) -> None:
        self.text.setPlainText(version_text(self.library, item.data(Qt.ItemDataRole.UserRole)) if item else "")

    def _go_back(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen = item.data(Qt.ItemDataRole.UserRole)
            self.accept()
