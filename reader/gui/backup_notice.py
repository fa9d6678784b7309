"""A warning in the status bar while the library's last backup failed: recent work is then in no copy.

Backups are made at close, before risky changes and once a day on a thread of their own
(reader.core.backup), so a failure can come at any moment and from any thread; the note it leaves
beside the library (reader.core.backup_notes) is read at start and every few seconds, and the warning
goes away by itself once a backup succeeds again.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QLabel, QMessageBox

from reader.core import backup_notes
from reader.gui import plain

CHECK_MS = 5000


class BackupNotice(QLabel):
    """Shown only while the library's newest backup attempt failed; says what failed and what to do."""

    def __init__(self, library, parent=None):
        super().__init__(parent)
        self.setObjectName("backupNotice")
        self.setStyleSheet("QLabel { color: #b3261e; font-weight: bold; }")
        self.library = library
        self.failure: dict | None = None
        self.hide()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.refresh)
        if not library.read_only:      # only a writer makes backups
            self._timer.start()
            self.refresh()

    def refresh(self) -> None:
        """Read the note again: show the warning while a failure stands, hide it once a backup succeeded."""
        self.failure = backup_notes.last_failure(self.library.folder)
        if self.failure is None:
            self.hide()
            return
        self.setText(self.tr("⚠ The last backup failed: recent changes are in no backup"))
        self.setToolTip(plain.tooltip(self.details()))
        self.show()

    def details(self) -> str:
        """What failed, when, and what to do (the tooltip, and the message at start)."""
        failure = self.failure or {}
        when = (failure.get("when") or "")[:19].replace("T", " ")
        return (self.tr("The library's backup of %1 failed (%2), so your recent changes are in no backup yet. "
                        "Free some disk space; Duidu backs up again when you close it or make a large change.")
                .replace("%1", when or "?").replace("%2", failure.get("error") or "?"))

    def announce(self, parent) -> QMessageBox | None:
        """At start, say a standing failure once in a (non-blocking) message; the status bar keeps saying it."""
        if self.failure is None:
            return None
        box = plain.message_box(parent, QMessageBox.Icon.Warning, QCoreApplication.applicationName(), self.details())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()
        return box
