"""A comparison of two to four speeches: outlines, section alignment and shared passages for every pair.

The view asks this object everything (which section goes with which, where an offset falls in the
other speech, which spans of a speech are shared and with whom), so the logic is tested without Qt.
"""

from __future__ import annotations

import math
import os
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import combinations
from typing import TYPE_CHECKING, Callable, Iterator

from reader.core.outline import Section, parse_outline
from reader.core.reuse import DEFAULT_MIN_CHARS, DEFAULT_STOCK_SCORE, Passage
from reader.core.store import Document, Library

if TYPE_CHECKING:   # numpy-backed: loaded by the first comparison (or the warm-up), not by the window's start
    import numpy as np

    from reader.core.align import SectionAlignment
    from reader.core.reuse import ReuseIndex

MAX_PANES = 4


@dataclass(frozen=True)
class Counterpart:
    """Where a shared span occurs in another pane."""

    pane: int
    start: int
    end: int


@dataclass
class SharedSpan:
    """A span of one pane's speech shared with one or more other panes."""

    start: int
    end: int
    cls: str                 # "stock" | "distinctive"
    kind: str                # "exact" | "near"
    similarity: float
    df: int | None
    counterparts: list[Counterpart] = field(default_factory=list)
    stock_score: float = 0.0   # 0 = distinctive reuse .. 1 = formula (graded colour)


PassageSource = Callable[[Document, Document, int], list[Passage]]


def loose_passages(a: Document, b: Document, min_chars: int) -> list[Passage]:
    """Passages of two speeches found directly (when they are not both in the corpus index)."""
    from reader.core.reuse import find_shared
    return find_shared(a.text, b.text, min_chars)


def indexed_passages(index: ReuseIndex) -> PassageSource:
    """Passages from the corpus index (with document frequencies) for speeches of the library."""
    known = set(index.document_ids())

    def passages_of(a: Document, b: Document, min_chars: int) -> list[Passage]:
        if a.id in known and b.id in known:
            return index.passages_between(a.id, b.id, min_chars)
        return loose_passages(a, b, min_chars)

    return passages_of


class Comparison:
    """Everything the side-by-side view needs about 2–4 speeches."""

    def __init__(self, documents: list[Document], passages_of: PassageSource = loose_passages,
                 min_chars: int = DEFAULT_MIN_CHARS, links_of: Callable[[int, int], list] | None = None,
                 outlines: list[list[Section]] | None = None):
        if not 1 <= len(documents) <= MAX_PANES:
            raise ValueError(f"a comparison holds 1 to {MAX_PANES} speeches")
        from reader.core.align import SectionAlignment
        self.documents = list(documents)
        self.min_chars = min_chars
        # the outlines stored at import when the caller has them; parsed here otherwise
        self.sections: list[list[Section]] = outlines if outlines is not None else \
            [parse_outline(d.text) for d in documents]
        self.alignments: dict[tuple[int, int], SectionAlignment] = {}
        self.passages: dict[tuple[int, int], list[Passage]] = {}
        self.holders: dict[tuple[int, int, int], np.ndarray] = {}   # (pane, start, end) -> sorted doc ids
        for i, j in combinations(range(len(documents)), 2):
            a, b = documents[i], documents[j]
            links = links_of(a.id, b.id) if links_of and a.id and b.id else []
            self.alignments[(i, j)] = SectionAlignment(a.text, self.sections[i], b.text, self.sections[j], links)
            self.passages[(i, j)] = passages_of(a, b, min_chars)

    @property
    def size(self) -> int:
        """How many speeches are compared."""
        return len(self.documents)

    def counterpart(self, pane: int, section: Section, other: int) -> Section | None:
        """The section of pane `other` aligned with `section` of pane `pane`."""
        if pane == other:
            return section
        if pane < other:
            return self.alignments[(pane, other)].counterpart(section, from_a=True)
        return self.alignments[(other, pane)].counterpart(section, from_a=False)

    def map_offset(self, pane: int, offset: int, other: int) -> int:
        """Where an offset of one pane falls in another, section by section, proportionally inside."""
        if pane == other:
            return offset
        if pane < other:
            return self.alignments[(pane, other)].map_offset(offset, from_a=True)
        return self.alignments[(other, pane)].map_offset(offset, from_a=False)

    def shared_spans(self, pane: int, show_stock: bool = True) -> list[SharedSpan]:
        """The spans of one pane's speech shared with the others, in text order."""
        spans: list[SharedSpan] = []
        for other in range(self.size):
            if other == pane:
                continue
            first = pane < other
            for p in self.passages[(min(pane, other), max(pane, other))]:
                if p.cls == "stock" and not show_stock:
                    continue
                start, end = (p.a_start, p.a_end) if first else (p.b_start, p.b_end)
                partner = Counterpart(other, *((p.b_start, p.b_end) if first else (p.a_start, p.a_end)))
                spans.append(SharedSpan(start, end, p.cls, p.kind, p.similarity, p.df, [partner], p.stock_score))
        spans.sort(key=lambda s: (s.start, -s.end))
        return _merge_same_spans(spans)

    def attach_holders(self, index: ReuseIndex) -> None:
        """Find, for every shared span, which speeches of the corpus contain it (for "also in" lists)."""
        self.holders = self.find_holders(index)

    def find_holders(self, index: ReuseIndex) -> dict[tuple[int, int, int], np.ndarray]:
        """(pane, start, end) -> the library's speeches holding that shared span (sorted ids)."""
        known = set(index.document_ids())
        found = {}
        for pane, doc in enumerate(self.documents):
            if doc.id not in known:
                continue
            for span in self.shared_spans(pane):
                found[(pane, span.start, span.end)] = index.holder_array(doc.id, span.start, span.end)
        return found

    def holders_of(self, pane: int, span: SharedSpan) -> list[int]:
        """The library's speeches that contain a span (empty when not known)."""
        found = self.holders.get((pane, span.start, span.end))
        return [] if found is None else found.tolist()

    def shared_chars(self, pane: int, show_stock: bool = True) -> int:
        """How many characters of a pane's speech are shared with the others."""
        covered, last_end = 0, 0
        for span in self.shared_spans(pane, show_stock):
            start = max(span.start, last_end)
            if span.end > start:
                covered += span.end - start
                last_end = span.end
        return covered


def _merge_same_spans(spans: list[SharedSpan]) -> list[SharedSpan]:
    """One span shared with several panes is listed once, with all its counterparts."""
    merged: list[SharedSpan] = []
    for span in spans:
        if merged and (merged[-1].start, merged[-1].end) == (span.start, span.end):
            merged[-1].counterparts.extend(span.counterparts)
            continue
        merged.append(span)
    return merged


class SharedIndex:
    """One long-lived library connection and reuse index per process, reused by every comparison.

    Opening a Library inspects the file, and a new ReuseIndex reloads its postings: both happen once
    here, not per comparison. The index notices other connections' writes by itself (data_version).
    Comparisons run one at a time on it (a lock), since the connection is shared by worker threads.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._key: tuple[str, bool] | None = None
        self._library: Library | None = None
        self._index: ReuseIndex | None = None

    @contextmanager
    def use(self, folder, read_only: bool = False) -> Iterator[tuple[Library, ReuseIndex]]:
        """The library at folder and its index, opened on first use (another folder closes the old one)."""
        key = (os.path.realpath(folder), read_only)
        with self._lock:
            if self._key != key:
                self._close()
                from reader.core.reuse import ReuseIndex
                self._library = Library(folder, read_only=read_only)
                self._index = ReuseIndex(self._library.conn)
                self._key = key
            yield self._library, self._index

    def warm(self, folder, read_only: bool = False) -> None:
        """Open the library and load the index's postings now, their pages mapped (a background job at
        start), so the first comparison or search does not wait for them."""
        with self.use(folder, read_only) as (_library, index):
            index.postings().prefault()

    def close(self) -> None:
        """Close the connection (before the library file is replaced, and at exit)."""
        with self._lock:
            self._close()

    def _close(self) -> None:
        if self._library is not None:
            self._library.close()
        self._key = self._library = self._index = None


shared_index = SharedIndex()


def warm_up() -> None:
    """Align and match a short sample once (a background job at start), so the first comparison finds the
    reference model, word list, tables and numpy's lazily loaded parts ready."""
    from reader.core.align import SectionAlignment
    from reader.core.reuse.pairwise import _WARM_UP_TEXT, warm_up as warm_matcher

    warm_matcher()
    a, b = "一、总体要求\n" + _WARM_UP_TEXT, "一、总体要求\n" + _WARM_UP_TEXT[::-1]
    SectionAlignment(a, parse_outline(a), b, parse_outline(b), [])


def compute_comparison(folder, documents: list[Document], min_chars: int, stock_share: float = 0.0,
                       read_only: bool = False, stock_score: float = DEFAULT_STOCK_SCORE,
                       session: SharedIndex | None = None, holders: bool = True) -> Comparison:
    """Worker side: make sure the speeches are indexed, then build the comparison with the process's index.

    holders=False leaves out which library speeches hold each span ("also in" lists, a tenth of the work
    at four panes): the window paints first and asks compute_holders after.

    stock_share > 0 fixes the stock-formula threshold at that share of the library (the setting);
    0 keeps the engine's threshold, which adapts to the library's size. stock_score is the score
    from which a passage is stock (the reference model is loaded here, off the GUI thread).
    """
    with (session or shared_index).use(folder, read_only) as (library, index):
        stock_df = None
        if stock_share > 0:
            stock_df = max(2, math.ceil(stock_share * max(index.n_documents(), 1)))
        index.settings = replace(index.settings, stock_df=stock_df, stock_score=stock_score)
        if not read_only:
            for doc in documents:
                if doc.id is not None:
                    index.add_document(doc.id, doc.text)    # a no-op for a speech indexed as it is
        ids = [d.id for d in documents]
        stored = library.outlines([i for i in ids if i is not None])
        outlines = [stored.get(d.id) if d.id is not None and stored.get(d.id) is not None else parse_outline(d.text)
                    for d in documents]
        with index.steady():
            comparison = Comparison(documents, indexed_passages(index), min_chars, library.section_links, outlines)
            if holders:
                comparison.attach_holders(index)
        return comparison


def compute_holders(folder, comparison: Comparison, read_only: bool = False,
                    session: SharedIndex | None = None) -> dict[tuple[int, int, int], np.ndarray]:
    """Worker side: the "also in" lists of a comparison made without them (see Comparison.find_holders)."""
    with (session or shared_index).use(folder, read_only) as (_library, index), index.steady():
        return comparison.find_holders(index)
