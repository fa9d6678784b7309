"""Rows of the phrases table: each widespread phrase with its class, first and last dated use, and speeches.

Built from ReuseIndex.phrases() and the library's dates; filtering and sorting are plain Python
over the rows, so a view can re-filter on every keystroke without touching the index again.
Dates are the library's strings ("2022", "2022-05-01"): ISO order is string order, and a year
alone sorts before every date in that year, which is the reading an analyst expects.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Mapping

from reader.core.reuse import Phrase, ReuseIndex
from reader.core.search import DEFAULT_CONTEXT, SearchHit
from reader.core.outline import parse_outline, path_label, section_path

__all__ = ["PhraseRow", "SORT_KEYS", "build_rows", "filter_rows", "sort_rows", "phrase_contexts",
           "phrase_timeline"]

SORT_KEYS = ("df", "text", "length", "first", "last", "count")


@dataclass(frozen=True)
class PhraseRow:
    """One row: the phrase, its df and class, its first and last dated use, and its uses per speech."""

    phrase: Phrase
    first_date: str | None
    last_date: str | None
    uses: tuple[tuple[int, str | None, int], ...]   # (doc_id, date, occurrences), by date

    @property
    def text(self) -> str:
        """The phrase's wording."""
        return self.phrase.text

    @property
    def df(self) -> int:
        """How many speeches use it."""
        return self.phrase.df

    @property
    def cls(self) -> str:
        """stock or distinctive."""
        return self.phrase.cls

    @property
    def stock_score(self) -> float:
        """How stock, 0..1 (library spread and the reference model)."""
        return self.phrase.stock_score

    @property
    def doc_ids(self) -> tuple[int, ...]:
        """The speeches using it, by date."""
        return tuple(d for d, _, _ in self.uses)

    @property
    def count(self) -> int:
        """Occurrences in the whole library."""
        return len(self.phrase.positions)

    def to_dict(self) -> dict:
        """A JSON-ready dict."""
        return {"text": self.text, "df": self.df, "class": self.cls, "stock_score": self.stock_score,
                "first": self.first_date,
                "last": self.last_date, "count": self.count, "doc_ids": list(self.doc_ids)}


def _date_key(date: str | None) -> tuple[bool, str]:
    return (date is None, date or "")


def phrase_timeline(phrase: Phrase | PhraseRow, dates: Mapping[int, str | None] | None = None
                    ) -> list[tuple[str | None, int, int]]:
    """(date, doc_id, occurrences) of every speech using the phrase, by date (undated last).

    A PhraseRow knows its dates; a bare Phrase needs the library's (Library.document_dates()).
    """
    if isinstance(phrase, PhraseRow):
        return [(date, doc_id, n) for doc_id, date, n in phrase.uses]
    dates = dates or {}
    counts = Counter(d for d, _, _ in phrase.positions)
    rows = [(dates.get(doc_id), doc_id, n) for doc_id, n in counts.items()]
    return sorted(rows, key=lambda r: (_date_key(r[0]), r[1]))


def build_rows(phrases: Iterable[Phrase], dates: Mapping[int, str | None]) -> list[PhraseRow]:
    """A row per phrase; dates is Library.document_dates()."""
    rows = []
    for phrase in phrases:
        uses = tuple((doc_id, date, n) for date, doc_id, n in phrase_timeline(phrase, dates))
        dated = [date for _, date, _ in uses if date]
        rows.append(PhraseRow(phrase, min(dated) if dated else None, max(dated) if dated else None, uses))
    return rows


def filter_rows(rows: Iterable[PhraseRow], words: str = "", cls: str | None = None,
                min_df: int = 0) -> list[PhraseRow]:
    """Rows whose text holds every space-separated word, of the class asked for, used by min_df+ speeches."""
    needles = words.split()
    return [r for r in rows
            if r.df >= min_df and (cls is None or r.cls == cls) and all(w in r.text for w in needles)]


def sort_rows(rows: Iterable[PhraseRow], key: str = "df", descending: bool = True) -> list[PhraseRow]:
    """Rows sorted by df, text, length, first or last use, or count; undated rows go last either way."""
    if key not in SORT_KEYS:
        raise ValueError(f"sort key must be one of {SORT_KEYS}")
    rows = list(rows)
    if key in ("first", "last"):
        attr = "first_date" if key == "first" else "last_date"
        dated = sorted((r for r in rows if getattr(r, attr)), key=lambda r: getattr(r, attr), reverse=descending)
        return dated + [r for r in rows if not getattr(r, attr)]
    value = {"df": lambda r: (r.df, len(r.text)), "text": lambda r: r.text,
             "length": lambda r: len(r.text), "count": lambda r: r.count}[key]
    return sorted(rows, key=value, reverse=descending)


def phrase_contexts(index: ReuseIndex, phrase: Phrase | PhraseRow, context: int = DEFAULT_CONTEXT,
                    dates: Mapping[int, str | None] | None = None) -> list[SearchHit]:
    """Every occurrence of a phrase in context, with its section, by date then offset."""
    if isinstance(phrase, PhraseRow):
        order = {doc_id: i for i, doc_id in enumerate(phrase.doc_ids)}
        phrase = phrase.phrase
    else:
        order = {doc_id: i for i, (_, doc_id, _) in enumerate(phrase_timeline(phrase, dates))}
    out = []
    by_doc: dict[int, list[tuple[int, int]]] = {}
    for doc_id, start, end in phrase.positions:
        by_doc.setdefault(doc_id, []).append((start, end))
    for doc_id in sorted(by_doc, key=lambda d: order.get(d, len(order))):
        text = index.text(doc_id)
        outline = parse_outline(text)
        for start, end in sorted(by_doc[doc_id]):
            label = path_label(section_path(outline, start)) if outline else ""
            out.append(SearchHit(doc_id, start, end, text[max(0, start - context):start], text[start:end],
                                 text[end:end + context], label))
    return out
