"""The window's close leaves the session's backup to a process of its own; a restore from the window waits for it,
saying so and still painting."""

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog

from reader.core import backup, backup_background
from reader.core.backup_background import close_in_background
from reader.core.importer import load_text
from reader.core.store import DB_NAME, Library, LibraryError
from reader.gui.recovery_dialog import RESTORE, RecoveryDialog


def titles(path) -> set[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {row[0] for row in conn.execute("SELECT title FROM documents")}
    finally:
        conn.close()


def test_the_window_s_close_returns_before_its_backup(isolated_home, monkeypatch, qapp):
    monkeypatch.setenv(backup_background.SLOW_ENV, "0.05")
    library = Library(isolated_home)
    library.add_document(load_text("关于城市更新的讲话\n城市更新要稳步推进。\n" * 3), {"title": "城市更新"})
    close_in_background(library)
    assert backup_background.pending(isolated_home)
    assert not [b for b in backup.list_backups(isolated_home) if b.reason == backup.SESSION]
    assert backup_background.wait(isolated_home) is True
    newest = backup.list_backups(isolated_home)[0]
    assert newest.reason == backup.SESSION and titles(newest.path) == {"城市更新"}


def test_a_restore_from_the_window_waits_for_the_background_backup(isolated_home, monkeypatch, qtbot):
    library = Library(isolated_home)
    library.add_document(load_text("第一篇讲话。" * 20), {"title": "第一篇"})
    first = library.backup("manual")
    library.add_document(load_text("第二篇讲话。" * 20), {"title": "第二篇"})
    monkeypatch.setenv(backup_background.SLOW_ENV, "0.05")
    close_in_background(library)
    qtbot.waitUntil(lambda: backup_background.running(isolated_home), timeout=30000)
    dialog = RecoveryDialog(LibraryError("restore_offer", isolated_home / DB_NAME), isolated_home, "en")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: None not in dialog.checks(), timeout=30000)
    rows = {dialog.backups.item(r).data(Qt.ItemDataRole.UserRole): r for r in range(dialog.backups.count())}
    dialog.backups.setCurrentRow(rows[str(first)])
    dialog.choice = RESTORE
    assert dialog.apply()
    shown = dialog.waiting
    assert isinstance(shown, QProgressDialog) and "background backup" in shown.labelText()
    assert not shown.isVisible()                                     # gone once the restore is done
    assert not backup_background.running(isolated_home) and not backup_background.pending(isolated_home)
    newest = next(b for b in backup.list_backups(isolated_home) if b.reason == backup.SESSION)
    assert titles(newest.path) == {"第一篇", "第二篇"}                # the backup it waited for is whole
    assert titles(isolated_home / DB_NAME) == {"第一篇"}
