"""Start-up with a damaged library (restore a backup or start anew) and with a library in use (read-only)."""

import subprocess
import sys
import time

import pytest
from PySide6.QtCore import Qt

from reader.core.backup import list_backups, make_backup
from reader.core.library_ops import import_bundled_corpus
from reader.core.store import DB_NAME, Library
from reader.gui import app as app_module
from reader.gui.recovery_dialog import NEW, RESTORE, RecoveryDialog


@pytest.fixture
def damaged_library_with_backup(isolated_home):
    library = Library(isolated_home)
    import_bundled_corpus(library)
    make_backup(library.conn, isolated_home, "daily")
    library.close()
    db = isolated_home / DB_NAME
    db.write_bytes(b"\x00garbage" * 4096)
    return isolated_home


def choose(monkeypatch, choice):
    def exec_(dialog):
        dialog.choice = choice
        return RecoveryDialog.DialogCode.Accepted
    monkeypatch.setattr(RecoveryDialog, "exec", exec_)


def test_a_damaged_library_is_restored_from_its_backup(damaged_library_with_backup, monkeypatch, qapp):
    choose(monkeypatch, RESTORE)
    library = app_module.open_or_recover(damaged_library_with_backup, "en")
    assert library is not None and len(library.list_documents()) == 5
    kept = list(damaged_library_with_backup.glob("library-damaged-*.sqlite3"))
    assert kept and kept[0].read_bytes().startswith(b"\x00garbage")
    library.close()


def test_or_a_new_library_is_started_and_the_damaged_file_kept(damaged_library_with_backup, monkeypatch, qapp):
    choose(monkeypatch, NEW)
    library = app_module.open_or_recover(damaged_library_with_backup, "zh")
    assert library is not None and library.list_documents() == []
    assert list(damaged_library_with_backup.glob("library-damaged-*.sqlite3"))
    assert list_backups(damaged_library_with_backup)
    library.close()


def test_quitting_changes_nothing(damaged_library_with_backup, monkeypatch, qapp):
    monkeypatch.setattr(RecoveryDialog, "exec", lambda dialog: RecoveryDialog.DialogCode.Rejected)
    before = (damaged_library_with_backup / DB_NAME).read_bytes()
    assert app_module.open_or_recover(damaged_library_with_backup, "en") is None
    assert (damaged_library_with_backup / DB_NAME).read_bytes() == before


def test_a_library_in_use_opens_read_only_with_a_banner(isolated_home, qtbot, settings):
    library = Library(isolated_home)
    import_bundled_corpus(library)
    library.close()
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from reader.core.store import Library; "
        f"lib = Library({str(isolated_home)!r}); print('held', flush=True); time.sleep(60)")],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        shared = app_module.open_or_recover(isolated_home, "en")
        assert shared.read_only
        from reader.gui.main_window import MainWindow

        window = MainWindow(shared, settings)
        qtbot.addWidget(window)
        window.show()
        assert window.banner.isVisible()
        assert not window.actions.import_files.isEnabled() and not window.actions.tag_selection.isEnabled()
        with qtbot.waitSignal(window.compare_view.comparison_ready, timeout=30000):
            window.open_documents([1, 3])
        assert window.compare_view.spans[0]
        window.close()
        shared.close()
    finally:
        holder.kill()
        holder.wait()
    time.sleep(0.05)
    assert not Library(isolated_home).read_only


def test_the_dialog_checks_every_backup_and_offers_only_good_ones(damaged_library_with_backup, qtbot):
    """A damaged newer backup is marked and cannot be chosen; the good one is selected, with what it holds."""
    from reader.core.store import LibraryError

    good = list_backups(damaged_library_with_backup)[0].path
    bad = good.with_name("library-29990101-000000-session.sqlite3")
    data = bytearray(good.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for start in range(page, len(data), page):      # every b-tree page header after the first: noise
        data[start:start + 32] = bytes(range(200, 232))
    bad.write_bytes(bytes(data))
    dialog = RecoveryDialog(LibraryError("damaged", damaged_library_with_backup / DB_NAME, "x"),
                            damaged_library_with_backup, "en")
    qtbot.addWidget(dialog)
    assert not dialog.restore_button.isEnabled()            # nothing is offered before its check
    qtbot.waitUntil(lambda: None not in dialog.checks(), timeout=30000)
    bad_check, good_check, *older = dialog.checks()
    assert older and all(check.ok for check in older)
    assert not bad_check.ok and "damaged" in dialog.backups.item(0).text()
    assert good_check.ok and (good_check.speeches, good_check.excerpts) == (5, 0)
    assert "5 speeches" in dialog.backups.item(1).text()
    assert dialog.backups.currentRow() == 1 and dialog.restore_button.isEnabled()
    dialog.backups.setCurrentRow(0)
    assert not dialog.restore_button.isEnabled()


def test_a_failed_backup_shows_in_the_status_bar_until_one_succeeds(isolated_home, qtbot, settings, monkeypatch):
    from reader.core import backup
    from reader.gui.main_window import MainWindow

    library = Library(isolated_home)
    import_bundled_corpus(library)

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup, "make_backup", full)
    assert library.backup("pre-reimport") is None
    monkeypatch.undo()
    window = MainWindow(library, settings)
    qtbot.addWidget(window)
    window.show()
    notice = window.backup_notice
    assert notice.isVisible() and "backup failed" in notice.text()
    assert "No space left on device" in notice.toolTip() and "pre-reimport" not in notice.text()
    box = notice.announce(window)                   # what the next start says, without blocking it
    assert box.isVisible() and "No space left on device" in box.text() and "no backup yet" in box.text()
    assert box.textFormat() == Qt.TextFormat.PlainText
    box.close()
    assert library.backup("manual") is not None
    notice.refresh()
    assert not notice.isVisible() and notice.announce(window) is None
    window.close()
    library.close()
