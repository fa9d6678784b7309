"""Full-text search of the library in Chinese: FTS5 trigram for 3+ characters, a scan for 1–2.

The FTS5 table is external-content over documents.text (no second copy of the texts) and kept in
step by triggers on documents. It is created here on first use, not by a schema migration: an
SQLite without FTS5 or without the trigram tokenizer (before 3.34) would fail the migration and
leave the library unopenable, whereas here search just falls back to the scan.

FTS only chooses the speeches; offsets always come from str.find on the cleaned text, so hits
index the same string as every other offset in the program. The trigram tokenizer is made
case-sensitive so that FTS and str.find agree on Latin letters (a literal search).
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, field

from reader.core.outline import parse_outline, path_label, section_path

__all__ = ["SearchHit", "SearchGroup", "SearchResult", "search", "search_in_text",
           "ensure_search_index", "fts_query"]

FTS_TABLE = "search_fts"
MIN_FTS_CHARS = 3        # trigram FTS cannot answer shorter queries
DEFAULT_CONTEXT = 20
DEFAULT_MAX_HITS = 2000  # "的" occurs a million times in 1,000 speeches: count them all, list a few

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


@dataclass(frozen=True)
class SearchHit:
    """One match: offsets into the speech's cleaned text, the match in context, and its section."""

    doc_id: int | None
    start: int
    end: int
    context_before: str
    match: str
    context_after: str
    section_label: str = ""

    def to_dict(self) -> dict:
        """A JSON-ready dict."""
        return asdict(self)


@dataclass
class SearchGroup:
    """The hits in one speech (hits may be fewer than total when the search was cut short)."""

    doc_id: int
    title: str
    date: str | None
    total: int
    hits: list[SearchHit] = field(default_factory=list)

    def to_dict(self) -> dict:
        """A JSON-ready dict."""
        return {"doc_id": self.doc_id, "title": self.title, "date": self.date, "total": self.total,
                "hits": [h.to_dict() for h in self.hits]}


@dataclass
class SearchResult:
    """Every speech holding the query, ordered by date, and how the search was run."""

    query: str
    groups: list[SearchGroup]
    method: str              # "fts" | "scan"

    @property
    def total(self) -> int:
        """Matches in the whole library (all counted, even those not listed)."""
        return sum(g.total for g in self.groups)

    @property
    def truncated(self) -> bool:
        """Whether some matches were counted but not listed."""
        return any(len(g.hits) < g.total for g in self.groups)

    def to_dict(self) -> dict:
        """A JSON-ready dict (`duidu search --json`)."""
        return {"query": self.query, "method": self.method, "total": self.total,
                "truncated": self.truncated, "speeches": [g.to_dict() for g in self.groups]}


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


def _candidates(conn: sqlite3.Connection, query: str) -> tuple[set[int], str]:
    """Ids of the speeches that may hold the query, and the method that found them."""
    if len(query) >= MIN_FTS_CHARS and ensure_search_index(conn):
        try:
            rows = conn.execute(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?",
                                (fts_query(query),)).fetchall()
            return {r[0] for r in rows}, "fts"
        except sqlite3.OperationalError:
            pass   # a query FTS5 still refuses: the scan answers it
    # instr() runs in SQLite's C code: only the speeches that hold the query reach Python
    rows = conn.execute("SELECT id FROM documents WHERE instr(text, ?) > 0", (query,)).fetchall()
    return {r[0] for r in rows}, "scan"


def _find_all(text: str, query: str) -> list[int]:
    """Start of every non-overlapping occurrence."""
    found, at = [], text.find(query)
    while at >= 0:
        found.append(at)
        at = text.find(query, at + len(query))
    return found


def _hits(text: str, query: str, starts: list[int], context: int, doc_id: int | None) -> list[SearchHit]:
    """Hits with their context and section label (the outline is parsed only when there are hits)."""
    if not starts:
        return []
    outline = parse_outline(text)
    out = []
    for start in starts:
        end = start + len(query)
        label = path_label(section_path(outline, start)) if outline else ""
        out.append(SearchHit(doc_id, start, end, text[max(0, start - context):start], text[start:end],
                             text[end:end + context], label))
    return out


def search_in_text(text: str, query: str, context: int = DEFAULT_CONTEXT,
                   doc_id: int | None = None) -> list[SearchHit]:
    """Every match of query in one text (Ctrl+F within a speech), literal and case-sensitive."""
    if not query:
        return []
    return _hits(text, query, _find_all(text, query), context, doc_id)


def search(library, query: str, context: int = DEFAULT_CONTEXT, max_hits: int | None = DEFAULT_MAX_HITS,
           use_fts: bool = True) -> SearchResult:
    """Search every speech for query, literally; groups ordered by date (undated last), hits by offset.

    All matches are counted; at most max_hits are listed with context (None lists all).
    """
    if not query:
        return SearchResult(query, [], "scan")
    conn = library.conn
    if use_fts:
        ids, method = _candidates(conn, query)
    else:
        rows = conn.execute("SELECT id FROM documents WHERE instr(text, ?) > 0", (query,)).fetchall()
        ids, method = {r[0] for r in rows}, "scan"
    groups, budget = [], max_hits
    for info in library.list_documents():
        if info.id not in ids:
            continue
        text = library.get_document(info.id).text
        starts = _find_all(text, query)
        if not starts:
            continue   # FTS matched case- or form-insensitively where str.find does not
        listed = starts if budget is None else starts[:max(budget, 0)]
        if budget is not None:
            budget -= len(listed)
        groups.append(SearchGroup(info.id, info.display_title(), info.date, len(starts),
                                  _hits(text, query, listed, context, info.id)))
    return SearchResult(query, groups, method)
