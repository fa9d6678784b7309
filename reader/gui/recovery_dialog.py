"""When the library cannot be opened: say why, and offer the latest backup or a new library (the file is kept).

Each backup is checked in full (integrity_check, and the speeches and excerpts it holds) on a
thread of its own, newest first, before it can be chosen: a damaged one is marked and cannot be
restored, and the first good one is selected.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem,
                               QProgressDialog, QVBoxLayout)

from reader.core.backup import BackupCheck, list_backups, restore_backup, start_new_library, verify_backup
from reader.core.store import LibraryError
from reader.gui import plain

CHECK = Qt.ItemDataRole.UserRole + 1     # an item's BackupCheck, once known

RESTORE, NEW, QUIT = "restore", "new", "quit"


class RecoveryDialog(QDialog):
    """Explains a damaged (or newer) library and lets the reader choose a backup, a new library, or quit."""

    def __init__(self, error: LibraryError, folder, language: str, parent=None):
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.waiting: QProgressDialog | None = None     # shown while a restore waits for a background backup
        self.setWindowTitle(self.tr("The Library Cannot Be Opened"))
        self.error, self.folder, self.choice = error, folder, QUIT
        self.setMinimumWidth(560)
        message = QLabel(error.message(language))
        message.setWordWrap(True)
        message.setTextFormat(Qt.TextFormat.PlainText)
        self.backups = QListWidget()
        self.backups.setObjectName("backupList")
        found = list_backups(folder)
        for backup in found:
            item = QListWidgetItem(self.tr("checking…") + "  " + self._label(backup))
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
        self.newer = newer
        self.restore_button.setEnabled(False)      # until the selected backup passed its check
        self.backups.currentRowChanged.connect(lambda _row: self._enable_restore())
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
        self.checker = BackupChecker([b.path for b in found]) if found and not newer else None
        if self.checker is not None:
            self.checker.checked.connect(self._checked)
            self.finished.connect(lambda _code: self.checker.cancel())
            self.checker.start()

    @staticmethod
    def _label(backup) -> str:
        return f"{backup.created:%Y-%m-%d %H:%M}  {backup.reason}  ({backup.size // 1024} KB)"

    def _checked(self, row: int, result: BackupCheck) -> None:
        """Mark a backup good (with what it holds) or damaged; select the newest good one."""
        item = self.backups.item(row)
        if item is None:
            return
        base = item.text().split("  ", 1)[1]
        if result.ok:
            item.setText(self.tr("✓ %1 speeches, %2 excerpts").replace("%1", str(result.speeches))
                         .replace("%2", str(result.excerpts)) + "  " + base)
        else:
            item.setText(self.tr("✗ damaged, cannot be restored") + "  " + base)
            item.setToolTip(plain.tooltip(result.problem))
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable & ~Qt.ItemFlag.ItemIsEnabled)
        item.setData(CHECK, result)
        current = self.backups.currentItem()
        held = current.data(CHECK) if current is not None else None
        if result.ok and (held is None or not held.ok) and not self._good_before(row):
            self.backups.setCurrentRow(row)
        self._enable_restore()

    def _good_before(self, row: int) -> bool:
        """Whether a newer backup than this row already passed."""
        return any((check := self.backups.item(r).data(CHECK)) is not None and check.ok for r in range(row))

    def _enable_restore(self) -> None:
        current = self.backups.currentItem()
        check = current.data(CHECK) if current is not None else None
        self.restore_button.setEnabled(not self.newer and check is not None and check.ok)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def _waiting(self) -> None:
        """While a background backup still reads the library, the restore waits: say so, and keep painting."""
        if self.waiting is None:
            self.waiting = QProgressDialog(self.tr("Waiting for the background backup of the library to finish…"),
                                           "", 0, 0, self.parentWidget())
            self.waiting.setObjectName("backupWait")
            self.waiting.setCancelButton(None)
            self.waiting.setWindowModality(Qt.WindowModality.ApplicationModal)   # events are for painting only
            self.waiting.setWindowTitle(self.tr("Restore from Backup"))
            self.waiting.setMinimumDuration(0)
            self.waiting.setMinimumWidth(380)
            self.waiting.show()
        QApplication.processEvents()

    def checks(self) -> list[BackupCheck | None]:
        """Each listed backup's check (None while not yet known)."""
        return [self.backups.item(r).data(CHECK) for r in range(self.backups.count())]

    def apply(self) -> bool:
        """Carry out the choice; True when the library should be opened again."""
        try:
            if self.choice == RESTORE and self.backups.currentItem() is not None:
                restore_backup(self.folder, self.backups.currentItem().data(Qt.ItemDataRole.UserRole), self._waiting)
                return True
            if self.choice == NEW:
                start_new_library(self.folder, self._waiting)
                return True
            return False
        finally:
            if self.waiting is not None:
                self.waiting.close()


class BackupChecker(QObject):
    """Checks backups one after the other on a thread (a large one takes a while), newest first."""

    checked = Signal(int, object)     # row, BackupCheck

    def __init__(self, paths: list):
        super().__init__()
        self.paths = list(paths)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="duidu-backup-check", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        """Check no further backup (the one being read finishes on its own; it only reads)."""
        self._stop.set()

    def wait(self, seconds: float | None = None) -> None:
        self._thread.join(seconds)

    def _run(self) -> None:
        for row, path in enumerate(self.paths):
            if self._stop.is_set():
                return
            self.checked.emit(row, verify_backup(path))
