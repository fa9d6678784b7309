"""The library database: identity by content, transactions, migrations, refusal of foreign or newer files."""

import sqlite3
from types import SimpleNamespace

import pytest

from reader.core import schema
from reader.core.store import Library, LibraryError


def imported(text, **meta):
    return SimpleNamespace(text=text, raw_text=text, encoding="utf-8", fmt="txt", removed=[],
                           source_path="/tmp/x.txt", metadata=meta)


def test_add_and_get_roundtrip(library):
    doc_id, created = library.add_document(imported("同志们：\n一、总体要求\n正文。", title="讲话", date="2022"))
    assert created
    doc = library.get_document(doc_id)
    assert doc.text == "同志们：\n一、总体要求\n正文。"
    assert (doc.title, doc.date, doc.char_count) == ("讲话", "2022", len(doc.text))


def test_same_text_is_not_duplicated(library):
    first = library.add_document(imported("同样的讲话。"))
    second = library.add_document(imported("同样的讲话。\n"))
    assert first[0] == second[0] and second[1] is False
    assert len(library.list_documents()) == 1


def test_metadata_override_and_update(library):
    doc_id, _ = library.add_document(imported("文本。", title="猜的标题"), {"title": "真标题", "place": None})
    assert library.get_document(doc_id).title == "真标题"
    library.update_metadata(doc_id, place="河南", speaker="**")
    doc = library.get_document(doc_id)
    assert (doc.place, doc.speaker) == ("河南", "**")


def test_missing_document_message(library):
    with pytest.raises(LibraryError) as info:
        library.get_document(99)
    assert "99" in info.value.message("en")
    assert "99" in info.value.message("zh")


def test_failed_transaction_leaves_nothing(library):
    with pytest.raises(RuntimeError):
        with library.transaction() as conn:
            conn.execute("INSERT INTO state (key, value) VALUES ('a', 'b')")
            raise RuntimeError("boom")
    assert library.get_state("a") is None


def test_schema_version_and_wal(library):
    assert library.conn.execute("PRAGMA user_version").fetchone()[0] == schema.VERSION
    assert library.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reopen_keeps_documents(isolated_home):
    lib = Library(isolated_home)
    doc_id, _ = lib.add_document(imported("留下来的讲话。"))
    lib.close()
    again = Library(isolated_home)
    assert again.get_document(doc_id).text == "留下来的讲话。"
    again.close()


def test_damaged_file_is_refused_and_untouched(tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    db = folder / "library.sqlite3"
    garbage = b"this is not a database" * 100
    db.write_bytes(garbage)
    with pytest.raises(LibraryError) as info:
        Library(folder)
    assert info.value.reason == "damaged"
    assert db.read_bytes() == garbage


def test_foreign_database_is_refused(tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    conn = sqlite3.connect(folder / "library.sqlite3")
    conn.execute("CREATE TABLE other (x)")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with pytest.raises(LibraryError) as info:
        Library(folder)
    assert info.value.reason == "damaged"


def test_newer_library_is_refused(tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    conn = sqlite3.connect(folder / "library.sqlite3")
    conn.execute(f"PRAGMA user_version = {schema.VERSION + 5}")
    conn.commit()
    conn.close()
    with pytest.raises(LibraryError) as info:
        Library(folder)
    assert info.value.reason == "newer"
    assert sqlite3.connect(folder / "library.sqlite3").execute("PRAGMA user_version").fetchone()[0] == schema.VERSION + 5


def test_the_brief_list_is_the_list_without_what_the_window_does_not_show(library):
    for i, (title, date) in enumerate([("甲", "2020"), (None, None), ("乙", "2019-01-02")]):
        library.add_document(imported(f"讲话{i}\n一、总体要求\n正文{i}。", title=title, date=date))
    full, brief = library.list_documents(), library.list_documents(brief=True)
    assert [(d.id, d.title, d.date, d.place, d.speaker, d.char_count, d.source_path, d.display_title()) for d in full] \
        == [(d.id, d.title, d.date, d.place, d.speaker, d.char_count, d.source_path, d.display_title()) for d in brief]
    assert all(d.content_hash for d in full) and not any(d.content_hash for d in brief)
