"""The library's full-text index: FTS5 with the trigram tokenizer over documents.text, kept in step by triggers.

External-content (no second copy of the texts). It is created by the import (Library.add_document)
and by the background index sync, not by a schema migration: an SQLite without FTS5 or without the
trigram tokenizer (before 3.34) would fail the migration and leave the library unopenable, whereas
without the table search just falls back to a scan. The tokenizer is case-sensitive so that FTS
and str.find agree on Latin letters (a literal search).
"""

from __future__ import annotations

import sqlite3

FTS_TABLE = "search_fts"

_CREATE = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "text, content='documents', content_rowid='id', tokenize='trigram case_sensitive 1')",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_ai AFTER INSERT ON documents BEGIN"
    f" INSERT INTO {FTS_TABLE}(rowid, text) VALUES (new.id, new.text); END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_ad AFTER DELETE ON documents BEGIN"
    f" INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text) VALUES ('delete', old.id, old.text); END",
    # only a new text re-indexes: editing a title or date leaves the index alone
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_au AFTER UPDATE OF text ON documents BEGIN"
    f" INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text) VALUES ('delete', old.id, old.text);"
    f" INSERT INTO {FTS_TABLE}(rowid, text) VALUES (new.id, new.text); END",
]


def ensure_search_index(conn: sqlite3.Connection) -> bool:
    """Create the FTS5 table and its triggers if missing (filled from the texts); False when FTS5
    or its trigram tokenizer is not available in this SQLite."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (FTS_TABLE,)).fetchone():
        return True
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in _CREATE:
            conn.execute(statement)
        conn.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
    except sqlite3.OperationalError:
        if own:
            conn.execute("ROLLBACK")
        return False
    if own:
        conn.execute("COMMIT")
    return True


def fts_query(query: str) -> str:
    """The query as one FTS5 string literal, so quotes, AND/OR/NOT, * and ^ are searched as text."""
    return '"' + query.replace('"', '""') + '"'
