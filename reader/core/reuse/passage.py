"""What the engine reports: shared passages between two texts, corpus-wide phrases, settings."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable

Progress = Callable[[int, int], None] | None   # (done, total) of a long pass
Cancelled = Callable[[], bool] | None          # asked between steps: stop when it says so

# 12 characters, read on the ten pairs of the five samples: at 8, 110 passages, mostly the genre's
# noun phrases (基础设施和公共服务 six times, 农业转移人口市民化 eight); at 10, 40, with policy
# vocabulary (推进农业转移人口市民化, 适用、经济、绿色、美观); at 12, 16, each one a clause or a
# distinctive formula (规划、建设、管理三篇文章, 交通秩序治堵、市容卫生治脏); 15 loses those two.
DEFAULT_MIN_CHARS = 12

STOCK = "stock"
DISTINCTIVE = "distinctive"
# A passage whose stock score (0 = distinctive reuse .. 1 = formula) reaches this is stock. A key's
# grade is 0 in two reference texts, 1 in six (linear between), 1 in a known formula or in the
# library's stock df; at 0.5, all of a passage in four national texts, or half of it in six, is stock.
DEFAULT_STOCK_SCORE = 0.5


@dataclass(frozen=True)
class Passage:
    """Text shared by A and B: spans in each (Python str indices of the original texts)."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    text: str            # as in A: a_text[a_start:a_end]
    kind: str            # "exact" | "near"
    similarity: float    # 1.0 for exact
    df: int | None       # documents of the library containing it (None when not known)
    cls: str             # "stock" | "distinctive" (stock_score against the threshold setting)
    stock_score: float = 0.0   # 0 = distinctive reuse .. 1 = formula repeated everywhere

    def to_dict(self) -> dict:
        """A JSON-ready dict (the class is under the key "class")."""
        return {"a_start": self.a_start, "a_end": self.a_end, "b_start": self.b_start, "b_end": self.b_end,
                "text": self.text, "kind": self.kind, "similarity": self.similarity, "df": self.df,
                "class": self.cls, "stock_score": self.stock_score}


@dataclass(frozen=True)
class Phrase:
    """A stretch of wording found in several documents of the library."""

    text: str
    df: int
    doc_ids: tuple[int, ...]
    positions: tuple[tuple[int, int, int], ...]   # (doc_id, start, end) of every occurrence
    cls: str
    stock_score: float = 0.0   # as for passages: library spread and the reference model, 0..1

    def to_dict(self) -> dict:
        """A JSON-ready dict."""
        return {"text": self.text, "df": self.df, "doc_ids": list(self.doc_ids),
                "positions": [list(p) for p in self.positions], "class": self.cls, "stock_score": self.stock_score}


@dataclass
class SyncReport:
    """What a sync did."""

    added: list[int] = field(default_factory=list)      # newly indexed or re-indexed (text changed)
    removed: list[int] = field(default_factory=list)
    unchanged: int = 0
    cancelled: bool = False


def default_stock_df(n_docs: int) -> int:
    """Documents a phrase must appear in to count as stock: max(3, ceil(sqrt(n))).

    A fixed share (30% of the library) is right for a handful of speeches but far too strict for
    thousands spanning decades, where a slogan of one period is in 2% of them; sqrt gives 3 of 5,
    7 of 46, 32 of 1,000 and 100 of 10,000 (passim's frequency cap), and never calls text shared
    by only two documents stock.
    """
    return max(3, math.ceil(math.sqrt(max(n_docs, 0))))


@dataclass(frozen=True)
class ReuseSettings:
    """Tuning of the engine; the defaults are the ones the benchmarks and tests were run with."""

    min_chars: int = DEFAULT_MIN_CHARS   # shortest passage reported, in characters of the original
    k: int = 8                           # gram size of the corpus fingerprints
    w: int = 3                           # winnowing window: any shared run of w+k-1 keys has a fingerprint
    pair_k: int = 6                      # gram size when two documents are compared directly
    max_gap: int = 24                    # widest edit (in keys) bridged inside a near passage
    min_similarity: float = 0.8          # a near passage below this is split back into exact pieces
    near_k: int = 3                      # short seeds for reworded clauses (0: off)
    near_gap: int = 4                    # widest edit (in keys) bridged between short seeds
    near_pairs: int = 4                  # a short seed repeated more (pairs within the two texts) is not used
    max_pairs_per_gram: int = 64         # a gram repeated more within the two texts is not paired
    df_cap: int = 100                    # a fingerprint in more documents pairs no documents (a phrase)
    df_overlap: float = 0.8              # share of a passage's fingerprints a document must hold to contain it
    stock_df: int | None = None          # fixed stock threshold; None = default_stock_df(library size)
    stock_score: float = DEFAULT_STOCK_SCORE   # a passage scoring this or more is stock
    reference: bool = True               # grade passages against the shipped reference model too
    snap: bool = True                    # move edges to word boundaries

    def stock_threshold(self, n_docs: int) -> int:
        """The df from which a passage is stock, for a library of n_docs documents."""
        return self.stock_df if self.stock_df is not None else default_stock_df(n_docs)
