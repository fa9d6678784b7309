"""When the library cannot be opened: say why, and offer the latest backup or a new library (the file is kept)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

from reader.core.backup import list_backups, restore_backup, start_new_library
from reader.core.store import LibraryError

RESTORE, NEW, QUIT = "restore", "new", "quit"


class RecoveryDialog(QDialog):
    """Explains a damaged (or newer) library and lets the reader choose a backup, a new library, or quit."""

    def __init__(self, error: LibraryError, folder, language: str, parent=None):
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setWindowTitle(self.tr("The Library Cannot Be Opened"))
        self.error, self.folder, self.choice = error, folder, QUIT
        message = QLabel(error.message(language))
        message.setWordWrap(True)
        message.setTextFormat(Qt.TextFormat.PlainText)
        self.backups = QListWidget()
        self.backups.setObjectName("backupList")
        for backup in list_backups(folder):
            label = f"{backup.created:%Y-%m-%d %H:%M}  {backup.reason}  ({backup.size // 1024} KB)"
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            self.backups.addItem(item)
        self.backups.setCurrentRow(0)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(self.tr("Restore the Selected Backup"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.new_button = buttons.addButton(self.tr("Start a New Library"), QDialogButtonBox.ButtonRole.ActionRole)
        quit_button = buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        newer = error.reason == "newer"
        # a library from a newer Duidu is fine: it must not be replaced, only opened by that version
        self.restore_button.setEnabled(self.backups.count() > 0 and not newer)
        self.new_button.setEnabled(not newer)
        self.restore_button.clicked.connect(lambda: self._choose(RESTORE))
        self.new_button.clicked.connect(lambda: self._choose(NEW))
        quit_button.clicked.connect(self.reject)
        kept = QLabel(self.tr("Whatever you choose, the current file is kept beside the library "
                              "(renamed library-damaged-…), never overwritten."))
        kept.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        if self.backups.count() and not newer:
            layout.addWidget(QLabel(self.tr("Automatic backups:")))
            layout.addWidget(self.backups)
        layout.addWidget(kept)
        layout.addWidget(buttons)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def apply(self) -> bool:
        """Carry out the choice; True when the library should be opened again."""
        if self.choice == RESTORE and self.backups.currentItem() is not None:
            restore_backup(self.folder, self.backups.currentItem().data(Qt.ItemDataRole.UserRole))
            return True
        if self.choice == NEW:
            start_new_library(self.folder)
            return True
        return False
