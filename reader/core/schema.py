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
    # The codebook: tags, excerpts (quote + offsets + contexts for re-anchoring) and groups of
    # counterpart passages. A parent tag cannot be deleted under its children (RESTRICT): the
    # codebook lifts them one level first, so undo can put them back; SET NULL would lift them
    # to the top silently and CASCADE would delete a whole subtree. UNIQUE(parent_id, name)
    # alone lets top-level names repeat (NULLs are distinct), hence the index on ifnull().
    """
    CREATE TABLE tags (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        color TEXT NOT NULL DEFAULT '#9e9e9e'
            CHECK (color GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
        parent_id INTEGER REFERENCES tags(id) ON DELETE RESTRICT,
        sort_order INTEGER NOT NULL DEFAULT 0,
        UNIQUE (parent_id, name)
    );
    CREATE UNIQUE INDEX tags_unique_name ON tags (ifnull(parent_id, 0), name);
    CREATE TABLE excerpt_groups (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL
    );
    CREATE TABLE excerpts (
        id INTEGER PRIMARY KEY,
        doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        "start" INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        quote TEXT NOT NULL,
        context_before TEXT NOT NULL DEFAULT '',
        context_after TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        group_id INTEGER REFERENCES excerpt_groups(id) ON DELETE SET NULL,
        status TEXT NOT NULL DEFAULT 'ok' CHECK (status IN ('ok', 'review')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (0 <= "start" AND "start" < "end")
    );
    CREATE INDEX excerpts_doc ON excerpts (doc_id, "start");
    CREATE INDEX excerpts_group ON excerpts (group_id);
    CREATE TABLE excerpt_tags (
        excerpt_id INTEGER NOT NULL REFERENCES excerpts(id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        PRIMARY KEY (excerpt_id, tag_id)
    ) WITHOUT ROWID;
    CREATE INDEX excerpt_tags_tag ON excerpt_tags (tag_id);
    """,
    # The similarity overview's cache (reader.core.similarity): per pair of indexed speeches the
    # distinctive fingerprints they share, and, once aligned, their passages and characters. Rows
    # are valid for the text hashes in similarity_doc; a speech re-texted or removed loses its rows.
    # No foreign keys: the cache follows the reuse index (reuse_doc), which has none either. The
    # full-text index is not created here but by reader.core.search on first use, because an
    # SQLite without FTS5 or its trigram tokenizer (before 3.34) would fail this migration and
    # leave the whole library unopenable; search falls back to a scan there.
    """
    CREATE TABLE similarity_doc (
        doc_id INTEGER PRIMARY KEY,
        text_hash TEXT NOT NULL
    );
    CREATE TABLE similarity_pair (
        doc_a INTEGER NOT NULL,
        doc_b INTEGER NOT NULL,
        shared INTEGER NOT NULL,
        passages INTEGER,
        chars INTEGER,
        PRIMARY KEY (doc_a, doc_b),
        CHECK (doc_a < doc_b)
    ) WITHOUT ROWID;
    CREATE INDEX similarity_pair_b ON similarity_pair (doc_b);
    CREATE TABLE similarity_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    # issue 15: where a web page says the speech comes from (来源：…), one of the speech's details
    """
    ALTER TABLE documents ADD COLUMN origin TEXT;
    """,
    # Excerpt safety (issue 11). Status 'moved' (the exact quote, anchored elsewhere: the reader
    # should look) needs a new CHECK, so the excerpts table is rebuilt with the same ids; its tags
    # are kept aside first because dropping the old table cascades to excerpt_tags. A review
    # excerpt's best candidate is kept beside it (never in its quote). Every replaced text of a
    # speech is kept in document_versions, and the original bytes of a file in raw_bytes, so a
    # re-decoding never has to read whatever file now stands at the old path.
    """
    CREATE TABLE excerpts_v2 (
        id INTEGER PRIMARY KEY,
        doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        "start" INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        quote TEXT NOT NULL,
        context_before TEXT NOT NULL DEFAULT '',
        context_after TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        group_id INTEGER REFERENCES excerpt_groups(id) ON DELETE SET NULL,
        status TEXT NOT NULL DEFAULT 'ok' CHECK (status IN ('ok', 'moved', 'review')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (0 <= "start" AND "start" < "end")
    );
    INSERT INTO excerpts_v2 SELECT id, doc_id, "start", "end", quote, context_before, context_after, note,
        group_id, status, created_at, updated_at FROM excerpts;
    CREATE TABLE excerpt_tags_kept AS SELECT excerpt_id, tag_id FROM excerpt_tags;
    DROP TABLE excerpts;
    ALTER TABLE excerpts_v2 RENAME TO excerpts;
    DELETE FROM excerpt_tags;
    INSERT INTO excerpt_tags (excerpt_id, tag_id) SELECT excerpt_id, tag_id FROM excerpt_tags_kept;
    DROP TABLE excerpt_tags_kept;
    CREATE INDEX excerpts_doc ON excerpts (doc_id, "start");
    CREATE INDEX excerpts_group ON excerpts (group_id);
    CREATE TABLE excerpt_candidates (
        excerpt_id INTEGER PRIMARY KEY REFERENCES excerpts(id) ON DELETE CASCADE,
        "start" INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        similarity REAL NOT NULL,
        CHECK (0 <= "start" AND "start" < "end")
    );
    ALTER TABLE documents ADD COLUMN raw_bytes BLOB;
    CREATE TABLE document_versions (
        id INTEGER PRIMARY KEY,
        doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        raw_text TEXT NOT NULL,
        raw_bytes BLOB,
        removed TEXT NOT NULL DEFAULT '[]',
        encoding TEXT, fmt TEXT, source_path TEXT,
        reason TEXT NOT NULL,
        replaced_at TEXT NOT NULL
    );
    CREATE INDEX document_versions_doc ON document_versions (doc_id, id);
    """,
    # What is derived from a speech's text once, at import, so no interaction parses it again:
    # its outline as JSON (reader.core.outline.outline_to_json), tagged with the parser's version;
    # a row of another version (or none, for speeches imported before) is parsed again on read.
    # Two covering indexes let the library list and search read speeches by date, and the index sync
    # tell which texts changed, without reading the rows that hold the texts: char_count and
    # imported_at come after the texts in a row, so reading them walked every text's overflow pages.
    """
    CREATE TABLE doc_outline (
        doc_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        parser_version INTEGER NOT NULL,
        outline TEXT NOT NULL
    );
    CREATE INDEX documents_by_date ON documents (date IS NULL, date, id, title, place, speaker, char_count,
                                                 source_path, fmt, encoding, content_hash, imported_at, origin);
    CREATE INDEX documents_stamps ON documents (id, content_hash, char_count);
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
