"""The shared-phrasing engine: what speeches share, word for word or nearly, and how widespread it is.

Pure logic (numpy, a shipped reference model, diff-match-patch); never imports Qt or jieba.
"""

from reader.core.reuse.diff import diff_passage
from reader.core.reuse.index import ReuseIndex
from reader.core.reuse.pairwise import find_shared
from reader.core.reuse.passage import (DEFAULT_MIN_CHARS, DEFAULT_STOCK_SCORE, Passage, Phrase, ReuseSettings,
                                       SyncReport, default_stock_df)
from reader.core.reuse.schema import ensure_schema

__all__ = ["DEFAULT_MIN_CHARS", "DEFAULT_STOCK_SCORE", "Passage", "Phrase", "ReuseIndex", "ReuseSettings", "SyncReport",
           "default_stock_df", "diff_passage", "ensure_schema", "find_shared"]
