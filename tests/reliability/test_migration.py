"""A library made by the first released app (schema 4, commit 99918f4) opens in today's code with every
speech, tag, excerpt, offset, note and group intact, and with the derived tables (outline, search) in step."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from reliability_helpers import USER_TABLES, dump

from reader.core import schema
from reader.core.store import DB_NAME, Library, content_hash

RELEASED = 4      # the schema of the first release (99918f4)
# sha256 of the released migrations' text: they are never edited, only appended to
RELEASED_SHA = "6d491dd4d49b0cb126645dc2ad38ce477ed59ec705c2f83ddfb66f556c2c03d1"
# the first release's search index: built lazily by reader.core.search, texts without trailing line ends
OLD_FTS = [
    "CREATE VIRTUAL TABLE search_fts USING fts5(text, content='documents', content_rowid='id',"
    " tokenize='trigram case_sensitive 1')",
    "CREATE TRIGGER search_fts_ai AFTER INSERT ON documents BEGIN"
    " INSERT INTO search_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER search_fts_ad AFTER DELETE ON documents BEGIN"
    " INSERT INTO search_fts(search_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER search_fts_au AFTER UPDATE OF text ON documents BEGIN"
    " INSERT INTO search_fts(search_fts, rowid, text) VALUES ('delete', old.id, old.text);"
    " INSERT INTO search_fts(rowid, text) VALUES (new.id, new.text); END",
]
TEXTS = [
    "关于城镇化工作的讲话\n同志们：\n一、总体要求\n（一）各级党委政府要把城镇化工作摆上重要议事日程。城镇化率达到54.35%。\n"
    "（二）推进农业转移人口市民化。\n二、重点任务\n（一）各级党委政府要把城市管理工作摆上重要议事日程。\n（二）这是一项长期任务。\n",
    "政府工作报告\n一、过去一年的工作\n经济运行总体平稳。就业形势基本稳定。\n二、今年的主要任务\n深化改革开放，稳定和扩大就业。\n",
]
# (speech, quote, group, note) of the old excerpts 1-4
QUOTES = [(1, "各级党委政府要把城镇化工作摆上重要议事日程", 1, "关于其一"), (1, "54.35%", None, ""),
          (1, "各级党委政府要把城市管理工作摆上重要议事日程", None, "对照"), (2, "稳定和扩大就业", 1, "")]


def released_migrations_digest() -> str:
    """What the released migrations say, hashed."""
    return hashlib.sha256("\x00".join(schema.MIGRATIONS[:RELEASED]).encode("utf-8")).hexdigest()


def schema4_library(folder: Path) -> None:
    """A library as the first release left it: its schema, its search index, two speeches, a tag tree,
    excerpts with contexts, notes, a group and a review status, a section link and some state."""
    folder.mkdir(parents=True)
    conn = sqlite3.connect(folder / DB_NAME, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA foreign_keys = ON")
    for step in schema.MIGRATIONS[:RELEASED]:
        for statement in schema._statements(step):
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {RELEASED}")
    for statement in OLD_FTS:
        conn.execute(statement)
    for i, text in enumerate(TEXTS, 1):
        conn.execute("INSERT INTO documents (content_hash, title, date, source_path, fmt, encoding, raw_text, text,"
                     " char_count, imported_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                     (content_hash(text), text.split("\n")[0], f"201{i}-03-05", f"/old/{i}.txt", "txt", "utf-8",
                      text, text, len(text), "2026-11-20T10:00:00+00:00"))
    conn.execute("INSERT INTO tags (id, name, color) VALUES (1, '城镇化', '#ff0000')")
    conn.execute("INSERT INTO tags (id, name, parent_id, sort_order) VALUES (2, '城市管理', 1, 1)")
    conn.execute("INSERT INTO tags (id, name) VALUES (3, '就业')")
    conn.execute("INSERT INTO excerpt_groups (id, created_at) VALUES (1, 't0')")
    for n, (doc, quote, group, note) in enumerate(QUOTES, 1):
        text = TEXTS[doc - 1]
        start = text.index(quote)
        conn.execute('INSERT INTO excerpts (id, doc_id, "start", "end", quote, context_before, context_after, note,'
                     " group_id, status, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                     (n, doc, start, start + len(quote), quote, text[max(0, start - 20):start],
                      text[start + len(quote):start + len(quote) + 20], note, group,
                      "review" if n == 3 else "ok", f"t{n}", f"u{n}"))
    for excerpt, tag in [(1, 1), (1, 2), (2, 1), (3, 2), (4, 3)]:
        conn.execute("INSERT INTO excerpt_tags VALUES (?, ?)", (excerpt, tag))
    conn.execute("INSERT INTO section_links VALUES (1, 30, 2, 20)")
    conn.execute("INSERT INTO state VALUES ('bundled_imported', '1')")
    conn.close()


def test_the_released_migrations_are_never_edited():
    assert len(schema.MIGRATIONS) >= RELEASED
    assert released_migrations_digest() == RELEASED_SHA


def test_a_first_release_library_keeps_everything(tmp_path):
    from reader.core.codebook import Codebook
    from reader.core.search import search

    folder = tmp_path / "lib"
    schema4_library(folder)
    old = sqlite3.connect(folder / DB_NAME)
    before = dump(old)
    old.close()
    lib = Library(folder)
    assert lib.conn.execute("PRAGMA user_version").fetchone()[0] == schema.VERSION
    after = dump(lib.conn)
    assert after["tags"] == before["tags"] and after["excerpt_tags"] == before["excerpt_tags"]
    assert after["excerpt_groups"] == before["excerpt_groups"] and after["section_links"] == before["section_links"]
    assert after["state"] == before["state"]
    # new columns are added at the end of a row: the released ones keep their values
    assert [row[:len(before["documents"][0])] for row in after["documents"]] == before["documents"]
    assert after["excerpts"] == before["excerpts"]
    assert lib.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert lib.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    book = Codebook(lib)
    for excerpt in book.list_excerpts():
        assert book.document_text(excerpt.doc_id)[excerpt.start:excerpt.end] == excerpt.quote
    assert {x.id: x.tag_names for x in book.list_excerpts()}[1] == ["城镇化", "城市管理"]
    # the derived tables come in step: outlines for every speech, the new search index for every text
    assert lib.refresh_derived() == len(TEXTS)
    assert [len(lib.outline(d)) > 0 for d in (1, 2)] == [True, True]
    assert [(g.doc_id, g.total) for g in search(lib, "议事日程").groups] == [(1, 2)]
    assert [g.doc_id for g in search(lib, "扩大就业").groups] == [2]
    lib.close()
    backups = sorted(p.name for p in (folder / "backups").glob("*.sqlite3"))
    assert any(f"pre-v{schema.VERSION}" in name for name in backups)    # the old file kept before migrating


def test_a_first_release_library_takes_a_new_version_and_a_restore(tmp_path):
    """After the migration the new paths work on old rows: re-import re-anchors, a backup restores all of it."""
    from reader.core import backup
    from reader.core.codebook import Codebook
    from reader.core.importer import load_text
    from reader.core.search import search
    from reader.core.versions import replace_text_and_reanchor

    folder = tmp_path / "lib"
    schema4_library(folder)
    lib = Library(folder)
    new = TEXTS[0].replace("城镇化率达到54.35%", "城镇化率达到45.53%").replace("（二）推进", "（二）加快推进")
    report = replace_text_and_reanchor(lib, 1, load_text(new))
    book = Codebook(lib)
    status = {x.id: x.status for x in book.list_excerpts()}
    assert status[1] == "ok" and status[2] == "review"      # the changed figure is never silently accepted
    assert report.summary()["review"] >= 1
    assert sorted((x.id, x.quote) for x in book.list_excerpts()) == [(n, q[1]) for n, q in enumerate(QUOTES, 1)]
    assert [g.doc_id for g in search(lib, "45.53%").groups] == [1] and not search(lib, "54.35%").groups
    expected = dump(lib.conn)
    outline = lib.outline(1)
    lib.close()
    newest = backup.list_backups(folder)[0]
    assert newest.reason == "session"
    (folder / DB_NAME).write_bytes(b"\0" * 4096)
    backup.restore_backup(folder, newest.path)
    lib = Library(folder)
    assert dump(lib.conn) == expected
    assert lib.outline(1) == outline
    assert [g.doc_id for g in search(lib, "45.53%").groups] == [1] and not search(lib, "54.35%").groups
    lib.close()


@pytest.mark.parametrize("reason", ["pre-reimport", "session"])
def test_backups_carry_the_derived_tables(tmp_path, reason):
    """A backup holds the outline and the search index as they were (a restored library needs no rebuild)."""
    from reader.core.importer import load_text

    folder = tmp_path / "lib"
    lib = Library(folder)
    for text in TEXTS:
        lib.add_document(load_text(text))
    path = lib.backup(reason)
    lib.close()
    conn = sqlite3.connect(path)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert {"doc_outline", "search_text", "search_terms", "search_text_au"} <= names
    assert conn.execute("SELECT count(*) FROM doc_outline").fetchone()[0] == len(TEXTS)
    assert conn.execute("SELECT rowid FROM search_text WHERE search_text MATCH '\"扩大就业\"'").fetchall() == [(2,)]
    assert conn.execute("INSERT INTO search_text(search_text) VALUES ('integrity-check')") is not None
    conn.close()
    assert set(USER_TABLES) <= names


def test_a_library_made_by_the_first_release_itself(tmp_path):
    """The first release's own code (checked out of git) imports the sample speeches and tags three excerpts;
    today's code opens that library with every excerpt where it was, and its search and outlines in step."""
    import json
    import os
    import shutil
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    if shutil.which("git") is None or subprocess.run(["git", "-C", str(root), "cat-file", "-e", "99918f4^{commit}"],
                                                     capture_output=True).returncode != 0:
        pytest.skip("the first release's commit is not in this checkout")
    old = tmp_path / "release"
    old.mkdir()
    archive = subprocess.run(["git", "-C", str(root), "archive", "99918f4", "reader", "corpus"],
                             capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
    folder = tmp_path / "lib"

    def run(code: Path, *argv: str) -> str:
        env = {**os.environ, "PYTHONPATH": str(code), "DUIDU_LANG": "en", "QT_QPA_PLATFORM": "offscreen"}
        done = subprocess.run([sys.executable, "-m", "reader", "--library", str(folder), *argv], env=env,
                              capture_output=True, text=True, cwd=tmp_path, timeout=300)
        assert done.returncode == 0, done.stderr
        return done.stdout

    run(old, "import", "--bundled")
    for doc in (1, 2, 3):
        text = run(old, "text", str(doc))
        quote = text[len(text) // 3:len(text) // 3 + 15].replace("\n", "")
        run(old, "excerpt", "add", str(doc), "--quote", quote, "--tag", "城镇化/规划", "--tag", "民生", "--note", f"第{doc}条")
    assert run(old, "search", "城镇化")
    conn = sqlite3.connect(folder / DB_NAME)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == RELEASED
    conn.close()
    keys = ("id", "doc_id", "start", "end", "quote", "note", "status", "section", "tags", "title")
    before = [{k: x[k] for k in keys} for x in json.loads(run(old, "excerpt", "list", "--json"))]
    after = [{k: x[k] for k in keys} for x in json.loads(run(root, "excerpt", "list", "--json"))]
    assert len(before) == 3 and after == before
    lib = Library(folder)
    assert lib.conn.execute("PRAGMA user_version").fetchone()[0] == schema.VERSION
    assert lib.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    lib.refresh_derived()
    names = {r[0] for r in lib.conn.execute("SELECT name FROM sqlite_master")}
    assert "search_fts" not in names and "search_text" in names       # the first index replaced by today's
    assert lib.conn.execute("SELECT count(*) FROM doc_outline").fetchone()[0] == 5
    texts = {d.id: lib.get_document(d.id).text for d in lib.list_documents()}
    for x in after:
        assert texts[x["doc_id"]][x["start"]:x["end"]] == x["quote"]
    lib.close()
