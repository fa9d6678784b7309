"""What is derived from a speech's text once, at import, and stored beside it, so no interaction parses it again.

Today that is the outline (reader.core.outline), kept as JSON with the parser's version: an outline
stored by another version of the parser, or missing because the speech came before this table, is
parsed again when first asked for (and by the background sync for the whole library). The store
calls store_outline inside the transaction that writes a text; everything else goes through
Library.outlines / Library.outline.
"""

from __future__ import annotations

import sqlite3

from reader.core import fts
from reader.core.outline import PARSER_VERSION, Section, outline_from_json, outline_to_json, parse_outline


def store_outline(conn: sqlite3.Connection, doc_id: int, text: str) -> list[Section]:
    """Parse a speech's outline and keep it (inside the caller's transaction)."""
    sections = parse_outline(text)
    conn.execute("INSERT OR REPLACE INTO doc_outline (doc_id, parser_version, outline) VALUES (?,?,?)",
                 (doc_id, PARSER_VERSION, outline_to_json(sections)))
    return sections


def outlines(library, doc_ids: list[int]) -> dict[int, list[Section]]:
    """The stored outlines of these speeches (those that exist); missing or stale ones are parsed and kept."""
    found: dict[int, list[Section]] = {}
    ids = list(dict.fromkeys(doc_ids))
    for at in range(0, len(ids), 500):
        chunk = ids[at:at + 500]
        for doc_id, version, data in library.conn.execute(
                "SELECT doc_id, parser_version, outline FROM doc_outline WHERE doc_id IN"
                f" ({','.join('?' * len(chunk))})", chunk):
            if version == PARSER_VERSION:
                found[doc_id] = outline_from_json(data)
    for doc_id, text in library.iter_texts([d for d in ids if d not in found]):
        if library.read_only:
            found[doc_id] = parse_outline(text)
        else:
            with library.transaction() as conn:
                found[doc_id] = store_outline(conn, doc_id, text)
    return found


def refresh(library, cancelled=None) -> int:
    """Build the full-text index and every missing or stale outline of a writable library; how many outlines."""
    fts.ensure_search_index(library.conn)
    rows = library.conn.execute("SELECT d.id FROM documents d LEFT JOIN doc_outline o ON o.doc_id = d.id"
                                " WHERE o.parser_version IS NOT ? ORDER BY d.id", (PARSER_VERSION,)).fetchall()
    for (doc_id,) in rows:
        if cancelled is not None and cancelled():
            break
        outlines(library, [doc_id])
    return len(rows)
