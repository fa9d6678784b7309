"""The library's schema and its migrations, numbered by PRAGMA user_version."""

from __future__ import annotations

import sqlite3

# Each entry moves the schema from version i to i+1; never edit a released one, append.
MIGRATIONS: list[str] = [
    """
    CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        title TEXT, date TEXT, place TEXT, speaker TEXT,
        source_path TEXT, fmt TEXT, encoding TEXT,
        raw_text TEXT NOT NULL,
        text TEXT NOT NULL,
        removed TEXT NOT NULL DEFAULT '[]',
        char_count INTEGER NOT NULL,
        imported_at TEXT NOT NULL,
        bundled INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT);
    """,
    """
    CREATE TABLE section_links (
        doc_a INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start_a INTEGER NOT NULL,
        doc_b INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start_b INTEGER NOT NULL,
        PRIMARY KEY (doc_a, start_a, doc_b)
    );
    """,
]
VERSION = len(MIGRATIONS)
OUR_TABLES = {"documents", "state"}


def looks_like_ours(conn: sqlite3.Connection) -> bool:
    """A database with a version but without our tables is someone else's file: refuse it."""
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return OUR_TABLES <= names


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the schema up to VERSION, each step in its own transaction; returns the old version."""
    old = conn.execute("PRAGMA user_version").fetchone()[0]
    for version in range(old, VERSION):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(MIGRATIONS[version]):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version + 1}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return old


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (executescript would commit on its own)."""
    parts, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            parts.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        parts.append(buffer.strip())
    return parts
