"""A really full disk (a small tmpfs, mounted when the tests run as root): import, excerpt add, export and backup
each end in a clear message, and nothing committed is lost."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from reader.cli import run
from reader.core import backup, backup_background, backup_notes
from reader.core.store import DB_NAME, Library

DISK_KB = 16384


@pytest.fixture
def small_disk(tmp_path):
    """A 16 MB tmpfs; skipped where it cannot be mounted (not root, no tmpfs, a container without the right)."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root on Linux")
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={DISK_KB}k", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs: {done.stderr.strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk, leave: int = 0) -> None:
    """Fill the disk to the last block, then give back `leave` bytes."""
    filler = disk / f"filler-{len(list(disk.glob('filler-*')))}"
    with open(filler, "wb", buffering=0) as out:
        for block in (65536, 512):
            try:
                while out.write(b"\0" * block):
                    pass
            except OSError:
                pass
    if leave:
        os.truncate(filler, max(0, filler.stat().st_size - leave))


def free(disk) -> None:
    for filler in disk.glob("filler-*"):
        filler.unlink()


def cli(capsys, library, *argv):
    status = run(["--library", str(library), *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return status, out, err


def excerpts(folder) -> list[tuple]:
    conn = sqlite3.connect(folder / DB_NAME)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return conn.execute('SELECT e.id, e.doc_id, e."start", e."end", e.quote, d.text FROM excerpts e'
                            " JOIN documents d ON d.id = e.doc_id ORDER BY e.id").fetchall()
    finally:
        conn.close()


def test_a_full_disk_loses_nothing_and_says_so(small_disk, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("DUIDU_LANG", "en")
    folder = small_disk / "lib"
    assert cli(capsys, folder, "import", "--bundled")[0] == 0
    text = Library(folder, read_only=True).get_document(1).text
    for start in (100, 300):
        assert cli(capsys, folder, "excerpt", "add", "1", "--quote", text[start:start + 12], "--tag", "城镇化")[0] == 0
    before = excerpts(folder)
    assert len(before) == 2

    # a big new speech on a disk with no room for it
    big = tmp_path / "big.txt"
    big.write_text("关于推进新型城镇化建设的讲话\n" + "".join(f"第{i}段，推进城乡融合发展的各项举措落到实处。\n"
                                                  for i in range(40000)), encoding="utf-8")
    fill(small_disk, leave=64 * 1024)
    status, out, err = cli(capsys, folder, "import", str(big))
    assert status != 0 and "is full; free some space" in err
    assert excerpts(folder) == before

    # an excerpt fits in the log, its backup at close does not: the reader is told
    status, out, err = cli(capsys, folder, "excerpt", "add", "1", "--quote", text[500:512], "--tag", "民生")
    if status == 0:
        assert "warning: the library's backup of" in err and "failed (database or disk is full)" in err
        before = excerpts(folder)
        assert len(before) == 3 and before[-1][4] == text[500:512]
    else:
        assert "full" in err.lower() and excerpts(folder) == before

    # an export to the full disk: a message, and no half-written file
    fill(small_disk)
    target = small_disk / "excerpts.docx"
    status, out, err = cli(capsys, folder, "export", "--output", str(target))
    assert status != 0 and "is full" in err and not target.exists()
    assert not [p for p in small_disk.iterdir() if p.name.startswith("excerpts")]

    # room again: every excerpt is there at its offsets, and the next change is backed up
    free(small_disk)
    after = excerpts(folder)
    assert after == before
    assert all(doc_text[start:end] == quote for _, _, start, end, quote, doc_text in after)
    status, _, err = cli(capsys, folder, "excerpt", "add", "1", "--quote", text[700:712], "--tag", "民生")
    assert status == 0
    assert backup_background.wait(folder) is True          # made by a process of its own once the command ended
    assert backup_notes.last_failure(folder) is None
    status, _, err = cli(capsys, folder, "list")           # and no longer said
    assert status == 0 and "backup" not in err
    newest = backup.list_backups(folder)[0]
    conn = sqlite3.connect(newest.path)
    assert conn.execute("SELECT count(*) FROM excerpts").fetchone()[0] == len(before) + 1
    conn.close()


def test_a_background_backup_that_does_not_fit_is_said_by_the_next_command(small_disk, tmp_path, capsys,
                                                                          monkeypatch):
    """The command ends before its backup; the backup process finds no room: noted, said by the next command,
    and made once there is room again."""
    monkeypatch.setenv("DUIDU_LANG", "en")
    folder = small_disk / "lib"
    assert cli(capsys, folder, "import", "--bundled")[0] == 0
    assert backup_background.wait(folder) is True
    Library(folder).close()                                  # the day's backup, made now while there is room
    text = Library(folder, read_only=True).get_document(1).text
    fill(small_disk, leave=256 * 1024)                       # room for an excerpt, not for a copy of the library
    status, _, err = cli(capsys, folder, "excerpt", "add", "1", "--quote", text[100:112], "--tag", "城镇化")
    assert status == 0 and "backup" not in err               # it did not wait for the backup
    assert backup_background.wait(folder) is False
    assert backup_notes.last_failure(folder)["reason"] == backup.SESSION
    assert not list((folder / "backups").glob("*.part"))
    status, _, err = cli(capsys, folder, "tag", "list")
    assert status == 0 and "warning: the library's backup of" in err and "full" in err
    free(small_disk)
    assert cli(capsys, folder, "list")[0] == 0               # its open makes the owed backup
    assert backup_background.wait(folder) is True and backup_notes.last_failure(folder) is None
    conn = sqlite3.connect(backup.list_backups(folder)[0].path)
    assert conn.execute("SELECT quote FROM excerpts").fetchall() == [(text[100:112],)]
    conn.close()


def test_a_commit_that_fails_leaves_no_transaction_open(tmp_path):
    """A COMMIT can fail (a full disk, a deferred constraint): nothing of it lands and the next write works."""
    from reader.core.importer import load_text

    library = Library(tmp_path / "lib")
    library.add_document(load_text("第一篇讲话。" * 10))
    with pytest.raises(sqlite3.IntegrityError):
        with library.transaction() as conn:
            conn.execute("PRAGMA defer_foreign_keys = ON")
            conn.execute('INSERT INTO excerpts (doc_id, "start", "end", quote, created_at, updated_at)'
                         " VALUES (99, 0, 2, '第一', 't', 't')")     # no speech 99: refused only at COMMIT
    assert not library.conn.in_transaction
    assert library.conn.execute("SELECT count(*) FROM excerpts").fetchone()[0] == 0
    library.add_document(load_text("第二篇讲话。" * 10))
    assert len(library.list_documents()) == 2
    library.close()


def test_the_window_on_a_full_disk(small_disk, tmp_path, qtbot, monkeypatch):
    """In the window: an import that does not fit is a message, the close's backup that does not fit is said at
    the next start, and every excerpt is still there."""
    from PySide6.QtWidgets import QMessageBox

    from reader.core.library_ops import import_bundled_corpus
    from reader.gui.main_window import MainWindow
    from reader.gui.settings import Settings

    folder = small_disk / "lib"
    monkeypatch.setenv("DUIDU_HOME", str(folder))
    monkeypatch.setenv("DUIDU_LANG", "en")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a, **k: shown.append(text)))
    library = Library(folder)
    import_bundled_corpus(library)
    window = MainWindow(library, Settings())
    qtbot.addWidget(window)
    text = library.get_document(1).text
    window.editor.add_excerpts([(1, 100, 112)], [])
    big = tmp_path / "big.txt"
    big.write_text("关于推进新型城镇化建设的讲话\n" + "推进城乡融合发展的各项举措落到实处。\n" * 40000, encoding="utf-8")
    fill(small_disk, leave=64 * 1024)
    window.import_in_background([str(big)])
    qtbot.waitUntil(lambda: not window.jobs.jobs, timeout=60000)
    assert any("is full" in message for message in shown), shown
    window.editor.add_excerpts([(1, 300, 312)], [])      # fits in the log
    window.close()
    library.close()                                        # its backup does not fit
    assert backup_notes.last_failure(folder)["reason"] == backup.SESSION
    free(small_disk)
    kept = excerpts(folder)
    assert [(start, end, quote) for _, _, start, end, quote, _ in kept] == [(100, 112, text[100:112]),
                                                                           (300, 312, text[300:312])]
    fill(small_disk, leave=256 * 1024)                    # room to open and work, not for a backup
    library = Library(folder)
    window = MainWindow(library, Settings())
    qtbot.addWidget(window)
    window.show()
    assert window.backup_notice.isVisible() and "no backup" in window.backup_notice.text()
    library.wait_for_backups()                              # the day's backup: it does not fit either
    window.backup_notice.refresh()
    assert window.backup_notice.isVisible()
    free(small_disk)
    assert library.backup("manual") is not None             # room again: a backup, and the warning goes
    window.backup_notice.refresh()
    assert not window.backup_notice.isVisible()
    window.close()
    library.close()
