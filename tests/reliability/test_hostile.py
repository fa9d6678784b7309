"""Hostile files and other programs: symlinked locks, huge texts, a database held or damaged behind our back."""

from __future__ import annotations

import os
import sqlite3
import sys

import pytest

from reader.cli import run
from reader.core import backup, importer
from reader.core.codebook import Codebook
from reader.core.importer import ImportRefused, load_file, load_text
from reader.core.store import DB_NAME, Library, LibraryError

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX links and flock")


def cli(capsys, *argv):
    status = run(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@posix_only
@pytest.mark.parametrize("link", ["symlink", "hardlink"])
def test_a_linked_lock_file_never_touches_its_target(isolated_home, tmp_path, capsys, link):
    library = Library(isolated_home)
    library.add_document(load_text("一篇讲话。" * 10))
    library.close()
    target = tmp_path / "precious.txt"
    target.write_text("别人的重要文件，不能被截断。", encoding="utf-8")
    lock_file = isolated_home / "library.lock"
    lock_file.unlink()
    (os.symlink if link == "symlink" else os.link)(target, lock_file)
    with pytest.raises(LibraryError) as info:
        Library(isolated_home)
    assert info.value.reason == "unwritable" and "library.lock" in info.value.message("en")
    for command in (("list",), ("text", "1"), ("import", str(target))):    # read-only commands too
        status, _, err = cli(capsys, *command)
        assert status != 0 and "library.lock" in err and "Traceback" not in err
    assert target.read_text(encoding="utf-8") == "别人的重要文件，不能被截断。"


def test_a_text_beyond_the_limit_is_refused_with_a_message(tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "MAX_TEXT_CHARS", 1000)
    path = tmp_path / "huge.txt"
    path.write_text("很长的讲话。" * 400, encoding="utf-8")
    with pytest.raises(ImportRefused) as info:
        load_file(path)
    assert info.value.reason == "text_too_large"
    assert "longer than 1,000 characters" in info.value.message("en") and "1,000 个字符" in info.value.message("zh")
    with pytest.raises(ImportRefused):
        load_text("粘贴的长文。" * 400)


def test_the_real_limit_refuses_a_text_of_millions_of_characters(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(("一" * 1000 + "\n").encode("utf-8") * (importer.MAX_TEXT_CHARS // 1000 + 5))
    assert path.stat().st_size < importer.MAX_BYTES      # small enough to read, too long to keep
    with pytest.raises(ImportRefused) as info:
        load_file(path)
    assert info.value.reason == "text_too_large"


def test_another_program_holding_the_database_gives_a_clear_message(isolated_home, capsys):
    library = Library(isolated_home)
    library.add_document(load_text("第一篇讲话的正文。" * 5 + "只此一句。"))
    library.close()
    other = sqlite3.connect(isolated_home / DB_NAME, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")                  # e.g. a database browser with an open write
    try:
        status, _, err = cli(capsys, "excerpt", "add", "1", "--quote", "只此一句", "--tag", "x")
        assert status == 1 and "locked by another program" in err and "Traceback" not in err
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert cli(capsys, "excerpt", "add", "1", "--quote", "只此一句", "--tag", "x")[0] == 0


def test_undecodable_text_in_the_file_is_damage_with_a_way_out(isolated_home, capsys):
    """Damage quick_check does not see: reads fail with 'Could not decode to UTF-8'."""
    library = Library(isolated_home)
    library.add_document(load_text("第一篇讲话的正文。" * 5))
    library.close()
    conn = sqlite3.connect(isolated_home / DB_NAME)
    conn.execute("UPDATE documents SET text = CAST(x'e4b8ff80' AS TEXT)")
    conn.commit()
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    conn.close()
    status, _, err = cli(capsys, "text", "1")
    assert status == 1 and "Traceback" not in err
    assert "damaged" in err and "duidu restore" in err


def test_a_missing_index_row_is_found_at_the_day_s_first_open(isolated_home):
    library = Library(isolated_home)
    doc_id, _ = library.add_document(load_text("一、总体要求\n推进新型城镇化建设。" * 20))
    Codebook(library).add_excerpt(doc_id, 0, 6)
    library.close()
    conn = sqlite3.connect(isolated_home / DB_NAME, isolation_level=None)
    version = conn.execute("PRAGMA schema_version").fetchone()[0]
    conn.execute("PRAGMA writable_schema = ON")       # the index now claims another column than it holds
    conn.execute("""UPDATE sqlite_master SET sql = replace(sql, '(doc_id, "start")', '(doc_id, "end")')"""
                 " WHERE name = 'excerpts_doc'")
    conn.execute(f"PRAGMA schema_version = {version + 1}")
    conn.close()
    conn = sqlite3.connect(isolated_home / DB_NAME)
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok"
    conn.close()
    assert not [b for b in backup.list_backups(isolated_home) if b.reason == backup.DAILY]
    with pytest.raises(LibraryError) as info:         # the day's first open checks in full
        Library(isolated_home)
    assert info.value.reason == "damaged" and "missing from index" in info.value.detail


def test_a_full_disk_is_a_message(isolated_home, capsys, monkeypatch):
    library = Library(isolated_home)
    library.add_document(load_text("第一篇讲话的正文。" * 5 + "只此一句。"))
    library.close()

    def full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(Codebook, "add_excerpt", full)
    status, _, err = cli(capsys, "excerpt", "add", "1", "--quote", "只此一句", "--tag", "x")
    assert status == 1 and "disk holding" in err and "Nothing was lost" in err and "Traceback" not in err


def test_a_file_another_program_holds_exclusively_is_locked_not_damaged(isolated_home):
    library = Library(isolated_home)
    library.add_document(load_text("第一篇讲话的正文。" * 5))
    library.close()
    other = sqlite3.connect(isolated_home / DB_NAME, isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("UPDATE state SET value = value")
    try:
        with pytest.raises(LibraryError) as info:
            Library(isolated_home)
        assert info.value.reason == "locked"
    finally:
        other.execute("ROLLBACK")
        other.close()
    Library(isolated_home).close()
