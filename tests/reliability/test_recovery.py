"""Damaged, foreign, newer and emptied libraries are refused untouched; backups are made, pruned and restored."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from reliability_helpers import checksum, corrupt_pages, dump

from reader.core import backup, backup_notes, schema
from reader.core.backup import (check_backup, daily_backup_due, list_backups, make_backup, prune_backups,
                                restore_backup, start_new_library)
from reader.core.store import DB_NAME, Library, LibraryError


def saved_library(folder: Path) -> Path:
    """A closed library (WAL checkpointed into the file) holding one speech; returns its file."""
    lib = Library(folder)
    from reader.core.importer import load_text

    lib.add_document(load_text("同志们：\n一、总体要求\n" + "推进新型城镇化建设。" * 300))
    lib.close()
    return folder / DB_NAME


def refused_untouched(folder: Path, reason: str) -> LibraryError:
    """Opening fails with `reason`; the main file keeps its bytes and no -wal/-shm is left behind."""
    db = folder / DB_NAME
    before = checksum(db)
    sides = {s: Path(f"{db}{s}").exists() for s in ("-wal", "-shm")}
    with pytest.raises(LibraryError) as info:
        Library(folder)
    assert info.value.reason == reason
    assert checksum(db) == before
    assert {s: Path(f"{db}{s}").exists() for s in ("-wal", "-shm")} == sides
    return info.value


def test_random_bytes_are_refused(tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / DB_NAME).write_bytes(os.urandom(50_000))
    refused_untouched(folder, "damaged")


def test_truncated_library_is_refused(tmp_path):
    db = saved_library(tmp_path / "lib")
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2 + 1000])
    refused_untouched(tmp_path / "lib", "damaged")


def test_valid_header_with_corrupted_pages_is_refused(tmp_path):
    db = saved_library(tmp_path / "lib")
    corrupt_pages(db)
    assert db.read_bytes().startswith(b"SQLite format 3\x00")
    refused_untouched(tmp_path / "lib", "damaged")


def test_newer_wal_library_is_refused_and_leaves_no_side_files(tmp_path):
    folder = tmp_path / "lib"
    db = saved_library(folder)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(f"PRAGMA user_version = {schema.VERSION + 1}")
    conn.commit()
    conn.close()
    error = refused_untouched(folder, "newer")
    assert str(schema.VERSION + 1) in error.message("en") and str(schema.VERSION + 1) in error.message("zh")


def test_version_zero_database_with_tables_is_foreign(tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    conn = sqlite3.connect(folder / DB_NAME)
    conn.execute("CREATE TABLE notes (x)")
    conn.execute("INSERT INTO notes VALUES ('someone else''s data')")
    conn.commit()
    conn.close()
    refused_untouched(folder, "damaged")


def test_zero_length_file_is_a_new_library(tmp_path):
    """SQLite itself creates empty files: with no backups around, an empty file is a new library."""
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / DB_NAME).write_bytes(b"")
    lib = Library(folder)
    assert lib.list_documents() == []
    lib.close()


def test_zero_length_file_with_backups_is_refused(tmp_path):
    """An emptied library whose backups exist is a loss to restore, not a new start."""
    folder = tmp_path / "lib"
    saved_library(folder)
    lib = Library(folder)
    make_backup(lib.conn, folder, "daily")
    lib.close()
    for side in ("", "-wal", "-shm"):
        Path(f"{folder / DB_NAME}{side}").unlink(missing_ok=True)
    (folder / DB_NAME).write_bytes(b"")
    refused_untouched(folder, "damaged")


def test_leftover_wal_of_a_killed_writer_is_kept(tmp_path):
    import subprocess
    import sys

    folder = tmp_path / "lib"
    code = ("import os, sys; from reader.core.store import Library; from reader.core.importer import load_text;"
            f"lib = Library({str(folder)!r}); lib.add_document(load_text('只在日志里的讲话。')); os._exit(0)")
    subprocess.run([sys.executable, "-c", code], check=True)
    assert Path(f"{folder / DB_NAME}-wal").stat().st_size > 0
    lib = Library(folder)
    assert [d.char_count for d in lib.list_documents()] == [len("只在日志里的讲话。")]
    lib.close()


def old_library(folder: Path, version: int) -> None:
    """A library at an older schema version, with one speech."""
    folder.mkdir(parents=True)
    conn = sqlite3.connect(folder / DB_NAME, isolation_level=None)
    for step in schema.MIGRATIONS[:version]:
        for statement in schema._statements(step):
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.execute("INSERT INTO documents (content_hash, raw_text, text, char_count, imported_at)"
                 " VALUES ('h', '旧的讲话', '旧的讲话', 4, '2020')")
    conn.close()


def test_migration_is_preceded_by_a_backup(tmp_path):
    folder = tmp_path / "lib"
    old_library(folder, 2)
    lib = Library(folder)
    lib.close()
    made = list_backups(folder)
    assert [b.reason for b in made] == [f"pre-v{schema.VERSION}"]
    assert check_backup(made[0].path) == 2
    conn = sqlite3.connect(made[0].path)
    assert conn.execute("SELECT text FROM documents").fetchall() == [("旧的讲话",)]
    conn.close()
    assert not Path(f"{made[0].path}-wal").exists()     # a backup is one self-contained file


def test_a_failed_backup_never_stops_the_open(tmp_path, monkeypatch, caplog):
    folder = tmp_path / "lib"
    old_library(folder, 1)

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup, "make_backup", broken)
    lib = Library(folder)
    assert lib.conn.execute("PRAGMA user_version").fetchone()[0] == schema.VERSION
    lib.close()
    assert "No space left" in caplog.text


def test_daily_backup_at_most_once_a_day(tmp_path):
    folder = tmp_path / "lib"
    saved_library(folder)
    for _ in range(3):
        Library(folder).close()      # opened and closed without changes: no session backup
    assert sorted(b.reason for b in list_backups(folder)) == ["daily", "session"]
    assert not daily_backup_due(folder)
    assert daily_backup_due(folder, datetime.now() + timedelta(days=1))


def test_pruning_keeps_the_last_ten_one_a_day_for_a_week_and_recent_migration_backups(tmp_path):
    folder = tmp_path / "lib"
    directory = folder / "backups"
    directory.mkdir(parents=True)
    now = datetime(2025, 6, 30, 12, 0, 0)

    def name(moment: datetime, reason: str) -> str:
        return f"library-{moment.strftime('%Y%m%d-%H%M%S')}-{reason}.sqlite3"

    today = [name(now - timedelta(minutes=m), "session") for m in range(20)]          # 20 sessions today
    week = [name(now - timedelta(days=d, hours=h), "session") for d in range(1, 12) for h in (1, 2)]
    migration = [name(now - timedelta(days=d), f"pre-v{d}") for d in (5, 100)]
    for n in today + week + migration + ["my-own-copy.sqlite3"]:
        (directory / n).write_bytes(b"x")
    prune_backups(folder, now=now)
    left = {b.path.name for b in list_backups(folder)}
    assert set(today[:10]) <= left and not set(today[10:]) & left            # the last ten
    days = {(now - timedelta(days=d)).strftime("%Y%m%d") for d in range(1, 8)}
    assert {n[8:16] for n in left} >= days                                    # one a day for the week
    assert not {n for n in left if n[8:16] not in days | {now.strftime("%Y%m%d")} and "pre-v" not in n}
    assert week[1] not in left                                                # only one a day
    assert migration[0] in left and migration[1] not in left
    assert (directory / "my-own-copy.sqlite3").exists()


def test_restore_moves_the_damaged_file_aside_and_brings_the_backup_back(tmp_path):
    folder = tmp_path / "lib"
    saved_library(folder)
    lib = Library(folder)
    from reader.core.codebook import Codebook

    Codebook(lib).create_tag("保留的标签")
    kept = dump(lib.conn)
    made = make_backup(lib.conn, folder, "manual")
    lib.close()
    db = folder / DB_NAME
    corrupt_pages(db)
    damaged = checksum(db)
    with pytest.raises(LibraryError):
        Library(folder)
    aside = restore_backup(folder, made)
    assert aside is not None and aside.name.startswith("library-damaged-") and checksum(aside) == damaged
    assert made.exists()
    lib = Library(folder)
    assert dump(lib.conn) == kept
    lib.close()


def test_restore_refuses_while_the_library_is_open_and_a_bad_backup(tmp_path):
    folder = tmp_path / "lib"
    saved_library(folder)
    lib = Library(folder)
    made = make_backup(lib.conn, folder)
    with pytest.raises(LibraryError) as info:
        restore_backup(folder, made)
    assert info.value.reason == "in_use"
    lib.close()
    bad = folder / "backups" / "library-20200101-000000-bad.sqlite3"
    bad.write_bytes(b"garbage" * 1000)
    before = checksum(folder / DB_NAME)
    with pytest.raises(LibraryError) as info:
        restore_backup(folder, bad)
    assert info.value.reason == "backup_damaged"
    assert "garbage" not in info.value.message("zh") and bad.name in info.value.message("zh")
    assert checksum(folder / DB_NAME) == before


def test_start_new_library_keeps_the_old_file(tmp_path):
    folder = tmp_path / "lib"
    db = saved_library(folder)
    db.write_bytes(b"broken" * 100)
    aside = start_new_library(folder)
    assert aside.read_bytes() == b"broken" * 100
    lib = Library(folder)
    assert lib.list_documents() == []
    lib.close()
    assert start_new_library(folder) != aside     # a second one never overwrites the first


@pytest.mark.parametrize("reason", ["read_only", "in_use", "not_ready", "backup_damaged", "same_text", "no_version",
                                    "no_bytes", "locked", "disk_full", "no_backup"])
def test_new_reasons_have_messages_in_both_languages(reason):
    error = LibraryError(reason, "/tmp/lib/library.sqlite3", "1234")
    en, zh = error.message("en"), error.message("zh")
    if reason not in ("same_text", "no_version", "no_bytes"):      # these name a speech or version, not the file
        assert "/tmp/lib/library.sqlite3" in en and "/tmp/lib/library.sqlite3" in zh
    assert "1234" in en + zh or reason in ("read_only", "disk_full", "no_backup")
    assert en != zh and len(en) > 25 and any("\u4e00" <= ch <= "\u9fff" for ch in zh)


def test_closing_a_changed_library_makes_a_verified_session_backup(tmp_path):
    folder = tmp_path / "lib"
    saved_library(folder)
    assert [b.reason for b in list_backups(folder)] == ["session"]
    Library(folder).close()                                   # the day's first open: a daily one
    before = {b.path for b in list_backups(folder)}
    Library(folder).close()                                   # nothing changed: nothing new
    assert {b.path for b in list_backups(folder)} == before
    conn = sqlite3.connect(list_backups(folder)[-1].path)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    conn.close()


def test_a_backup_that_fails_verification_is_not_kept(tmp_path, monkeypatch):
    folder = tmp_path / "lib"
    saved_library(folder)
    lib = Library(folder)
    lib.wait_for_backups()                        # the day's backup, made on its own thread
    monkeypatch.setattr(backup, "_counts", lambda conn: {"documents": id(conn)})   # never agree
    assert lib.backup("manual") is None
    assert not [b for b in list_backups(folder) if b.reason == "manual"]
    assert not list((folder / "backups").glob("*.part"))
    assert "verification failed" in lib.backup_failed and backup_notes.last_failure(folder)["reason"] == "manual"
    monkeypatch.undo()
    assert lib.backup("manual") is not None and backup_notes.last_failure(folder) is None   # a good one clears it
    lib.close()


def test_restore_keeps_excerpts_added_since_the_last_open(tmp_path):
    """The issue's case: a daily backup only would lose the day's excerpts; the session backup keeps them."""
    from reader.core.codebook import Codebook

    folder = tmp_path / "lib"
    saved_library(folder)
    Library(folder).close()                                 # the day's daily backup: no excerpts yet
    lib = Library(folder)
    book = Codebook(lib)
    text = book.document_text(1)
    added = [book.add_excerpt(1, i * 10, i * 10 + 8).id for i in range(3)]
    expected = [(x.id, x.start, x.end, x.quote) for x in book.list_excerpts()]
    lib.close()
    corrupt_pages(folder / DB_NAME)
    with pytest.raises(LibraryError):
        Library(folder)
    used, aside = backup.restore_newest(folder)
    assert used.name.startswith("library-") and "-session" in used.name and aside.exists()
    lib = Library(folder)
    book = Codebook(lib)
    assert [(x.id, x.start, x.end, x.quote) for x in book.list_excerpts()] == expected
    assert [x.id for x in book.list_excerpts()] == added and book.document_text(1) == text
    lib.close()


def test_restore_newest_skips_a_damaged_backup(tmp_path):
    folder = tmp_path / "lib"
    saved_library(folder)
    good = list_backups(folder)[0].path
    bad = folder / "backups" / "library-29990101-000000-session.sqlite3"
    bad.write_bytes(good.read_bytes())
    corrupt_pages(bad)
    used, _ = backup.restore_newest(folder)
    assert used == good
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(LibraryError) as info:
        backup.restore_newest(empty)
    assert info.value.reason == "no_backup"


def test_the_session_backs_up_what_its_worker_connections_committed(tmp_path):
    from reader.core import backup_background

    folder = tmp_path / "lib"
    saved_library(folder)
    session = Library(folder)
    assert backup_background.wait(folder) is not None    # a backup still owed from before is made first
    before = len(list_backups(folder))
    worker = Library(folder, backup_on_close=False)     # a background job's own connection
    from reader.core.importer import load_text

    worker.add_document(load_text("后台导入的讲话。" * 20))
    worker.close()
    assert len(list_backups(folder)) == before           # the worker leaves it to the session
    session.close()
    newest = list_backups(folder)[0]
    assert newest.reason == "session"
    conn = sqlite3.connect(newest.path)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
    conn.close()


def test_migrating_keeps_excerpts_and_their_tags_and_allows_moved(tmp_path):
    folder = tmp_path / "lib"
    version = schema.VERSION - 1          # the schema before the excerpt-safety migration
    old_library(folder, version)
    conn = sqlite3.connect(folder / DB_NAME, isolation_level=None)
    conn.execute("INSERT INTO tags (name) VALUES ('旧标签')")
    conn.execute("INSERT INTO excerpts (doc_id, \"start\", \"end\", quote, status, created_at, updated_at)"
                 " VALUES (1, 0, 2, '旧的', 'review', 't', 't')")
    conn.execute("INSERT INTO excerpt_tags VALUES (1, 1)")
    conn.close()
    lib = Library(folder)
    from reader.core.codebook import Codebook
    from reader.core.versions import raw_bytes

    [excerpt] = Codebook(lib).list_excerpts()
    assert (excerpt.quote, excerpt.status, excerpt.tag_names) == ("旧的", "review", ["旧标签"])
    with lib.transaction() as conn:
        conn.execute("UPDATE excerpts SET status = 'moved'")
    assert raw_bytes(lib, 1) is None                 # speeches imported before keep no bytes
    assert lib.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    lib.close()


def test_the_day_s_backup_runs_beside_the_session_and_close_waits_for_it(tmp_path, monkeypatch):
    """A large library's daily copy (a minute for 2.5 GB) must not hold up the open: it runs on its own thread
    from the snapshot taken at open; what the session writes meanwhile goes into the session backup."""
    import threading

    from reader.core.importer import load_text

    folder = tmp_path / "lib"
    saved_library(folder)
    go, started = threading.Event(), threading.Event()
    original = backup.make_backup

    def held(conn, where, reason="", paced=False):
        started.set()
        assert go.wait(30)
        return original(conn, where, reason, paced)

    monkeypatch.setattr(backup, "make_backup", held)
    lib = Library(folder)                           # returns with the day's backup still waiting
    assert started.wait(30)
    lib.add_document(load_text("打开之后导入的讲话。" * 30))
    assert not [b for b in list_backups(folder) if b.reason == backup.DAILY]
    go.set()
    lib.close()
    made = {b.reason: b.path for b in reversed(list_backups(folder))}     # the newest of each reason
    counts = {}
    for reason in (backup.DAILY, backup.SESSION):
        conn = sqlite3.connect(made[reason])
        counts[reason] = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        conn.close()
    assert counts == {backup.DAILY: 1, backup.SESSION: 2}
    assert not list((folder / "backups").glob("*.part"))
    lib = Library(folder)                           # one daily backup a day, and the clean close was noted
    lib.close()
    assert [b.reason for b in list_backups(folder)].count(backup.DAILY) == 1


def test_a_failed_backup_at_close_is_noted_for_the_next_start(tmp_path, monkeypatch):
    from reader.core.importer import load_text

    folder = tmp_path / "lib"
    saved_library(folder)
    lib = Library(folder)
    lib.wait_for_backups()
    lib.add_document(load_text("关闭时备份失败的一篇讲话。" * 20))

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup, "make_backup", full)
    lib.close()
    note = backup_notes.last_failure(folder)
    assert note["reason"] == backup.SESSION and note["error"] == "No space left on device"
    monkeypatch.undo()
    lib = Library(folder)
    assert backup_notes.last_failure(folder) is not None       # still unbacked: the note stays until a backup is made
    lib.backup("manual")
    assert backup_notes.last_failure(folder) is None
    lib.close()


def test_a_planted_link_never_receives_the_failure_note(tmp_path, monkeypatch):
    folder = tmp_path / "lib"
    saved_library(folder)
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me", encoding="utf-8")
    for name in (backup_notes.FAILED_NOTE, backup_notes.FAILED_NOTE + ".part"):
        (folder / name).unlink(missing_ok=True)       # the blank note reserved at open
        (folder / name).symlink_to(precious)
    lib = Library(folder)
    lib.wait_for_backups()
    monkeypatch.setattr(backup, "make_backup", lambda *a, **k: (_ for _ in ()).throw(OSError(28, "No space")))
    lib.backup("manual")
    monkeypatch.undo()
    assert precious.read_text(encoding="utf-8") == "keep me"
    assert not (folder / backup_notes.FAILED_NOTE).is_symlink() and backup_notes.last_failure(folder)["error"] == "No space"
    lib.close()


def test_the_day_s_backup_does_not_clear_a_failure_that_came_after_its_snapshot(tmp_path, monkeypatch):
    """The daily copy holds the file as it was at open: a backup that failed later still needs saying."""
    import threading

    folder = tmp_path / "lib"
    saved_library(folder)
    go = threading.Event()
    original = backup.make_backup

    def held(conn, where, reason="", paced=False):
        if reason == backup.DAILY:
            assert go.wait(30)
            return original(conn, where, reason, paced)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup, "make_backup", held)
    lib = Library(folder)
    from reader.core.importer import load_text

    lib.add_document(load_text("打开之后导入、备份失败的讲话。" * 20))
    assert lib.backup("pre-delete") is None
    go.set()
    lib.wait_for_backups()
    assert [b.reason for b in list_backups(folder)].count(backup.DAILY) == 1
    assert backup_notes.last_failure(folder)["reason"] == "pre-delete"       # the daily copy lacks that speech
    monkeypatch.undo()
    lib.close()                                                          # the session backup has it
    assert backup_notes.last_failure(folder) is None
