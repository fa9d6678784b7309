"""Full-text search of the library in Chinese, answered from the FTS5 trigram index (reader.core.fts).

The FTS5 table is built with the import and kept in step by triggers; an SQLite without it (or a
query it cannot answer) makes search fall back to a scan. The index names the speeches and counts
the matches; only the speeches of the page asked for are read, and their hits take their section
from the outline stored at import (reader.core.derived).

Offsets always come from str.find on the cleaned text, so hits
index the same string as every other offset in the program. The trigram tokenizer is made
case-sensitive so that FTS and str.find agree on Latin letters (a literal search).
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, field

from reader.core import fts
from reader.core.fts import ensure_search_index, fts_query
from reader.core.outline import parse_outline, path_label, section_path

__all__ = ["SearchHit", "SearchGroup", "SearchResult", "search", "search_in_text", "count_matches",
           "ensure_search_index", "fts_query"]

DEFAULT_CONTEXT = 20
DEFAULT_MAX_HITS = 2000  # "的" occurs a million times in 1,000 speeches: count them all, list a few


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
    """One page of the speeches holding the query (by date), with counts over the whole library."""

    query: str
    groups: list[SearchGroup]
    method: str              # "fts" | "scan"
    total: int | None = 0    # matches in the whole library (all counted, even those not listed); None: not yet
    speeches: int = 0        # speeches holding the query in the whole library
    offset: int = 0          # how many speeches come before this page

    @property
    def truncated(self) -> bool:
        """Whether some matches were counted but not listed (later pages, or hits beyond the cap)."""
        return self.offset + len(self.groups) < self.speeches or any(len(g.hits) < g.total for g in self.groups)

    @property
    def next_offset(self) -> int | None:
        """Where the next page starts, or None when this is the last."""
        after = self.offset + len(self.groups)
        return after if after < self.speeches else None

    def to_dict(self) -> dict:
        """A JSON-ready dict (`duidu search --json`)."""
        return {"query": self.query, "method": self.method, "total": self.total, "speeches_total": self.speeches,
                "offset": self.offset, "truncated": self.truncated,
                "speeches": [g.to_dict() for g in self.groups]}


# non-overlapping matches counted inside SQLite, as str.find counts them
_COUNT = "(length(text) - length(replace(text, :q, ''))) / length(:q)"
_ORDER = "ORDER BY date IS NULL, date, id"


def _holders(conn: sqlite3.Connection, query: str, use_fts: bool) -> tuple[list[int], str]:
    """Ids of every speech holding query, by date (undated last), and the method that found them."""
    expression = fts.match(conn, query) if use_fts else None
    if expression == fts.EVERY_SPEECH:
        return [r[0] for r in conn.execute(f"SELECT id FROM documents {_ORDER}")], "fts"
    if expression is not None:
        # "+id": walk the covering date index (no row holding a text is read), not a lookup per id
        try:
            return [r[0] for r in conn.execute(
                f"SELECT id FROM documents WHERE +id IN (SELECT rowid FROM {fts.FTS_TABLE} WHERE {fts.FTS_TABLE}"
                f" MATCH ?) {_ORDER}", (expression,))], "fts"
        except sqlite3.OperationalError:
            pass   # a query FTS5 still refuses: the scan answers it
    # instr() runs in SQLite's C code: only the speeches that hold the query reach Python
    return [r[0] for r in conn.execute(f"SELECT id FROM documents WHERE instr(text, ?) > 0 {_ORDER}",
                                       (query,))], "scan"


def count_matches(library, query: str, doc_ids: list[int] | None = None) -> int:
    """How many times query occurs in these speeches (all when None): from the index when it can tell,
    else counted inside SQLite over the texts."""
    if not query:
        return 0
    if doc_ids is None:
        counted = fts.count(library.conn, query)
        if counted is not None:
            return counted
        return library.conn.execute(f"SELECT COALESCE(SUM({_COUNT}), 0) FROM documents", {"q": query}).fetchone()[0]
    total = 0
    for at in range(0, len(doc_ids), 500):
        chunk = doc_ids[at:at + 500]
        total += library.conn.execute(f"SELECT COALESCE(SUM({_COUNT}), 0) FROM documents WHERE id IN"
                                      f" ({','.join(str(int(d)) for d in chunk)})", {"q": query}).fetchone()[0]
    return total


def _find_all(text: str, query: str) -> list[int]:
    """Start of every non-overlapping occurrence."""
    found, at = [], text.find(query)
    while at >= 0:
        found.append(at)
        at = text.find(query, at + len(query))
    return found


def _hits(text: str, query: str, starts: list[int], context: int, doc_id: int | None,
          outline: list | None = None) -> list[SearchHit]:
    """Hits with their context and section label (from the stored outline when given; parsed otherwise)."""
    if not starts:
        return []
    if outline is None:
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
           use_fts: bool = True, limit: int | None = None, offset: int = 0, count: bool = True) -> SearchResult:
    """Search every speech for query, literally; groups ordered by date (undated last), hits by offset.

    The speeches holding it come from the full-text index (a scan where it cannot answer); only the
    page of `limit` speeches from `offset` (all when None) is read, with at most max_hits hits listed
    (None lists all), each labelled with its section from the outline stored at import. Every match
    of the library is counted when count is True (inside SQLite); with count=False, total is None and
    count_matches() gives it later, so a first page comes at once.
    """
    if not query:
        return SearchResult(query, [], "scan")
    rows, method = _holders(library.conn, query, use_fts)
    ids = rows[offset:] if limit is None else rows[offset:offset + max(limit, 0)]
    texts = library.texts(ids) if ids else {}
    starts = {doc_id: _find_all(text, query) for doc_id, text in texts.items()}
    budget, listed = max_hits, {}
    for doc_id in ids:
        n = len(starts[doc_id]) if budget is None else min(len(starts[doc_id]), max(budget, 0))
        listed[doc_id] = n
        if budget is not None:
            budget -= n
    read = [d for d in ids if listed[d]]
    outlines = library.outlines(read) if read else {}
    infos = library.infos(ids) if ids else {}
    groups = []
    for doc_id in ids:
        hits = _hits(texts[doc_id], query, starts[doc_id][:listed[doc_id]], context, doc_id,
                     outlines.get(doc_id)) if listed[doc_id] else []
        info = infos[doc_id]
        groups.append(SearchGroup(doc_id, info.display_title(), info.date, len(starts[doc_id]), hits))
    total = None
    if count:
        total = sum(g.total for g in groups) if len(ids) == len(rows) else count_matches(library, query)
    return SearchResult(query, groups, method, total, len(rows), offset)
