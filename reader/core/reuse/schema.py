"""The engine's tables in the library database (all prefixed reuse_)."""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from typing import Iterator

# Per document: its text (zlib, so the index can answer without the library's tables) and its
# winnowed fingerprints as a BLOB of sorted unique uint32 (little-endian). A row per fingerprint
# was tried in thought and dropped: 10,000 speeches would make about 80 million rows.
_TABLES = """
CREATE TABLE IF NOT EXISTS reuse_doc (
    doc_id    INTEGER PRIMARY KEY,
    text_hash TEXT NOT NULL,
    version   TEXT NOT NULL,
    n_chars   INTEGER NOT NULL,
    n_fps     INTEGER NOT NULL,
    text      BLOB NOT NULL,
    fps       BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS reuse_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""
_STAMPS = "CREATE INDEX IF NOT EXISTS reuse_doc_stamps ON reuse_doc (doc_id, text_hash, version, n_chars)"
# (the index: a row of reuse_doc spans pages of text and fingerprints, so listing which documents are
# indexed, and with which text, read 40 MB at 10,000 speeches; the index holds just that, in 1 MB)


def ensure_schema(conn: sqlite3.Connection) -> None:
    """Create the reuse_ tables if they are missing (safe to call on every start).

    A library opened read-only that was never indexed gets empty TEMP tables instead, so the
    engine answers (from nothing: comparisons then match the two texts directly) without writing.
    """
    present = {r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE name IN ('reuse_doc', 'reuse_meta', 'reuse_doc_stamps')")}
    if {"reuse_doc", "reuse_meta"} <= present:
        if "reuse_doc_stamps" not in present:          # an index from before the stamps index
            try:
                _create(conn, _STAMPS)
            except sqlite3.OperationalError:
                pass                                     # read-only: it works without, only slower
        return
    try:
        _create(conn, _TABLES + ";" + _STAMPS)
    except sqlite3.OperationalError as exc:
        if "readonly" not in str(exc).replace("-", "").replace(" ", ""):
            raise
        _create(conn, _TABLES.replace("CREATE TABLE", "CREATE TEMP TABLE") + ";" + _STAMPS)


def _create(conn: sqlite3.Connection, script: str) -> None:
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)
    if conn.in_transaction and conn.isolation_level is not None:
        conn.commit()


@contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One transaction for a batch of writes; joins the caller's if one is already open.

    The library's connection runs in autocommit mode (isolation_level None) and a plain
    sqlite3.connect() opens transactions implicitly: both are handled.
    """
    if conn.in_transaction:
        yield conn
        return
    if conn.isolation_level is None:
        conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.rollback()
        raise
    else:
        conn.commit()
