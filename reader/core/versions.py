"""New versions of a speech: the text replaced, the old one kept in its history, every excerpt re-anchored.

One transaction does all three, so a failure leaves the speech and its excerpts as they were.
Going back to an older version is the same step in the other direction (the current text is kept
too), so the history only ever grows until the speech is removed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from reader.core.anchor import ReanchorReport, reanchor_document
from reader.core.codebook import Codebook
from reader.core.importer import ImportedText
from reader.core.store import Library, LibraryError, content_hash

_KEPT = "text, raw_text, raw_bytes, removed, encoding, fmt, source_path"


@dataclass(frozen=True)
class Version:
    """An earlier text of a speech, and why it was replaced ('reimport', 'encoding', 'cleaning', 'revert')."""

    id: int
    doc_id: int
    reason: str
    replaced_at: str
    char_count: int
    source_path: str | None
    encoding: str | None

    def to_dict(self) -> dict:
        """JSON-ready (`duidu versions ID --json`)."""
        return {"id": self.id, "doc_id": self.doc_id, "reason": self.reason, "replaced_at": self.replaced_at,
                "chars": self.char_count, "source": self.source_path, "encoding": self.encoding}


def replace_text_and_reanchor(library: Library, doc_id: int, imported: ImportedText,
                              reason: str = "reimport") -> ReanchorReport:
    """Put a new text in place (keeping the old one as a version) and re-anchor the excerpts, in ONE transaction."""
    digest = content_hash(imported.text)
    library.backup(f"pre-{reason}")
    with library.transaction() as conn:
        row = conn.execute(f"SELECT {_KEPT}, content_hash FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise LibraryError("missing", library.path, str(doc_id))
        if row[-1] == digest and row[0] == imported.text:
            return reanchor_document(Codebook(library), doc_id, row[0], imported.text)
        other = library.find_by_hash(digest)
        if other is not None and other != doc_id:
            raise LibraryError("same_text", library.path, str(other))
        conn.execute(f"INSERT INTO document_versions (doc_id, {_KEPT}, reason, replaced_at)"
                     " VALUES (?,?,?,?,?,?,?,?,?,?)", (doc_id, *row[:-1], reason, _now()))
        library.write_text(conn, doc_id, imported)
        return reanchor_document(Codebook(library), doc_id, row[0], imported.text)


def raw_bytes(library: Library, doc_id: int) -> bytes | None:
    """A speech's file bytes as imported (None for speeches imported before they were kept, or pasted)."""
    row = library.conn.execute("SELECT raw_bytes FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        raise LibraryError("missing", library.path, str(doc_id))
    return row[0]


def earlier_version_of(library: Library, doc_id: int) -> int | None:
    """Another speech this one looks like a new version of: the same title and the same file name."""
    doc = library.get_document(doc_id)
    name = Path(doc.source_path).name if doc.source_path else ""
    if not doc.title or not name:
        return None
    same_title = library.conn.execute("SELECT id, source_path FROM documents WHERE title = ?", (doc.title,))
    return next((other for other, source in same_title if other != doc_id and source and Path(source).name == name),
                None)


def list_versions(library: Library, doc_id: int) -> list[Version]:
    """A speech's earlier texts, newest first."""
    if not library.has_document(doc_id):
        raise LibraryError("missing", library.path, str(doc_id))
    rows = library.conn.execute(
        "SELECT id, doc_id, reason, replaced_at, length(text), source_path, encoding FROM document_versions"
        " WHERE doc_id = ? ORDER BY id DESC", (doc_id,)).fetchall()
    return [Version(*row) for row in rows]


def version_text(library: Library, version_id: int) -> str:
    """The text of one earlier version (to look at, or compare with the current one)."""
    row = library.conn.execute("SELECT text FROM document_versions WHERE id = ?", (version_id,)).fetchone()
    if row is None:
        raise LibraryError("no_version", library.path, str(version_id))
    return row[0]


def revert_to_version(library: Library, doc_id: int, version_id: int) -> ReanchorReport:
    """Go back to an earlier text (the current one is kept as a version too) and re-anchor the excerpts."""
    row = library.conn.execute(f"SELECT {_KEPT} FROM document_versions WHERE id = ? AND doc_id = ?",
                               (version_id, doc_id)).fetchone()
    if row is None:
        raise LibraryError("no_version", library.path, str(version_id))
    text, raw_text, raw_bytes, removed, encoding, fmt, source = row
    imported = ImportedText(raw_text, text, encoding, fmt or "txt", {}, json.loads(removed or "[]"), source or "",
                            raw_bytes)
    return replace_text_and_reanchor(library, doc_id, imported, "revert")


def _now() -> str:
    """The time a version was replaced, in UTC."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
