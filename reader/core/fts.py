"""The library's full-text index: FTS5 with the trigram tokenizer over documents.text, kept in step by triggers.

External-content (no second copy of the texts). It is created by the import (Library.add_document)
and by the background index sync, not by a schema migration: an SQLite without FTS5 or without the
trigram tokenizer (before 3.34) would fail the migration and leave the library unopenable, whereas
without the table search just falls back to a scan. The tokenizer is case-sensitive so that FTS
and str.find agree on Latin letters (a literal search).

Each text is indexed with two line ends after it, so every occurrence of a one- or two-character
query starts a trigram: such a query is answered from the index too, as the trigrams that begin
with it (read from the fts5vocab table) OR-ed together. A query of 3+ characters is one phrase.
Matches are counted from the index as well: for a short query, the instances of the trigrams it
begins; for a longer one, the offsets where trigrams covering the whole query follow each other.
"""

from __future__ import annotations

import sqlite3

FTS_TABLE = "search_text"
VOCAB_TABLE = "search_terms"
INSTANCES_TABLE = "search_instances"   # every trigram's (speech, offset), a TEMP view over the index
_OLD_TABLES = ("search_fts",)     # the first, lazily built index (texts without the two line ends)
_END = "char(10, 10)"
MAX_TERMS = 1500                  # a character that starts more trigrams is searched by a scan
EVERY_SPEECH = "*"                # match()'s answer when every speech of the library holds the query

_CREATE = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "text, content='documents', content_rowid='id', tokenize='trigram case_sensitive 1')",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {VOCAB_TABLE} USING fts5vocab({FTS_TABLE}, 'row')",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_ai AFTER INSERT ON documents BEGIN"
    f" INSERT INTO {FTS_TABLE}(rowid, text) VALUES (new.id, new.text || {_END}); END",
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_ad AFTER DELETE ON documents BEGIN"
    f" INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text) VALUES ('delete', old.id, old.text || {_END}); END",
    # only a new text re-indexes: editing a title or date leaves the index alone
    f"CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_au AFTER UPDATE OF text ON documents BEGIN"
    f" INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, text) VALUES ('delete', old.id, old.text || {_END});"
    f" INSERT INTO {FTS_TABLE}(rowid, text) VALUES (new.id, new.text || {_END}); END",
]


def ensure_search_index(conn: sqlite3.Connection) -> bool:
    """Create the FTS5 table and its triggers if missing (filled from the texts); False when FTS5
    or its trigram tokenizer is not available in this SQLite (or the library is read-only without it)."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (VOCAB_TABLE,)).fetchone():
        return True
    own = not conn.in_transaction
    try:
        if own:
            conn.execute("BEGIN IMMEDIATE")
        for old in _OLD_TABLES:
            for suffix in ("ai", "ad", "au"):
                conn.execute(f"DROP TRIGGER IF EXISTS {old}_{suffix}")
            conn.execute(f"DROP TABLE IF EXISTS {old}")
        for statement in _CREATE:
            conn.execute(statement)
        conn.execute(f"INSERT INTO {FTS_TABLE}(rowid, text) SELECT id, text || {_END} FROM documents")
    except sqlite3.OperationalError:
        if own and conn.in_transaction:
            conn.execute("ROLLBACK")
        return False
    if own:
        conn.execute("COMMIT")
    return True


def fts_query(query: str) -> str:
    """The query as one FTS5 string literal, so quotes, AND/OR/NOT, * and ^ are searched as text."""
    return '"' + query.replace('"', '""') + '"'


def match(conn: sqlite3.Connection, query: str) -> str | None:
    """The FTS5 MATCH expression that finds exactly the speeches whose text contains query; EVERY_SPEECH when
    all of them do; None when the index cannot answer (no FTS5, a line end in the query, or a character too
    common) and a scan must."""
    if not query or "\n" in query or not ensure_search_index(conn):
        return None
    if len(query) >= 3:
        return fts_query(query)
    try:
        rows = conn.execute(f"SELECT term, doc FROM {VOCAB_TABLE} WHERE term >= ? AND term < ? LIMIT ?",
                            (query, query + "\U0010ffff", MAX_TERMS + 1)).fetchall()
        if len(rows) > MAX_TERMS:
            return None
        # one trigram in every speech: all of them hold the query, and OR-ing 200 trigrams would cost 50 ms
        if rows and max(doc for _term, doc in rows) >= conn.execute("SELECT count(*) FROM documents").fetchone()[0]:
            return EVERY_SPEECH
    except sqlite3.OperationalError:
        return None
    terms = [term for term, _doc in rows]
    # no trigram begins with it: a phrase that matches nothing (the literal query itself, under 3 characters)
    return " OR ".join(fts_query(t) for t in terms) if terms else fts_query(query)


def count(conn: sqlite3.Connection, query: str) -> int | None:
    """Non-overlapping matches of query in the whole library, from the index (None when it cannot answer)."""
    if not query or "\n" in query or not ensure_search_index(conn):
        return None
    try:
        if len(query) < 3:
            if len(query) == 2 and query[0] == query[1]:
                return None                      # "哈哈" may overlap itself: only a scan counts it right
            rows = conn.execute(f"SELECT count(*), COALESCE(SUM(cnt), 0) FROM {VOCAB_TABLE} WHERE term >= ? AND term < ?",
                                (query, query + "\U0010ffff")).fetchone()
            return None if rows[0] > MAX_TERMS else rows[1]
        conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{INSTANCES_TABLE}"
                     f" USING fts5vocab(main, {FTS_TABLE}, 'instance')")
        cover = sorted({*range(0, len(query) - 2, 3), len(query) - 3})   # trigrams spanning every character
        # the starts every trigram agrees on, intersected inside SQLite: one int per (speech, start), as
        # tuples built in Python cost a common query 0.2 s at 10,000 speeches
        starts = " INTERSECT ".join(f"SELECT doc * {_DOC_SHIFT} + offset - {shift} FROM {INSTANCES_TABLE} WHERE term = ?"
                                    for shift in cover)
        terms = [query[shift:shift + 3] for shift in cover]
        if not _overlaps_itself(query):
            return conn.execute(f"SELECT count(*) FROM ({starts})", terms).fetchone()[0]   # each one counts
        keys = [key for key, in conn.execute(f"SELECT * FROM ({starts}) ORDER BY 1", terms)]
        return _non_overlapping([divmod(key, _DOC_SHIFT) for key in keys], len(query))
    except sqlite3.OperationalError:
        return None


_DOC_SHIFT = 1 << 32     # (speech, start) as one int: speech * _DOC_SHIFT + start


def _overlaps_itself(query: str) -> bool:
    """Whether two occurrences of query can overlap (some proper prefix is also a suffix: 哈哈哈, 一二一)."""
    return any(query[:n] == query[-n:] for n in range(1, len(query)))


def _non_overlapping(starts: list[tuple[int, int]], length: int) -> int:
    """How many of these (speech, offset) matches str.find takes, left to right, without overlaps."""
    total, last_doc, free_from = 0, None, 0
    for doc, offset in starts:
        if doc != last_doc:
            last_doc, free_from = doc, 0
        if offset >= free_from:
            total += 1
            free_from = offset + length
    return total
