"""The shared-phrasing engine: what speeches share, word for word or nearly, and how widespread it is.

Pure logic (numpy, a shipped reference model, diff-match-patch); never imports Qt or jieba. The names
below load from their modules on first use, so the settings' constants come without numpy.
"""

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:   # spelled out for type checkers and the frozen build's import scan; loaded by __getattr__
    from reader.core.reuse.diff import diff_passage
    from reader.core.reuse.index import ReuseIndex
    from reader.core.reuse.pairwise import find_shared
    from reader.core.reuse.passage import (DEFAULT_MIN_CHARS, DEFAULT_STOCK_SCORE, Passage, Phrase, ReuseSettings,
                                           SyncReport, default_stock_df)
    from reader.core.reuse.schema import ensure_schema

_HOMES = {"diff_passage": "diff", "ReuseIndex": "index", "find_shared": "pairwise", "ensure_schema": "schema",
          **dict.fromkeys(["DEFAULT_MIN_CHARS", "DEFAULT_STOCK_SCORE", "Passage", "Phrase", "ReuseSettings",
                           "SyncReport", "default_stock_df"], "passage")}

__all__ = ["DEFAULT_MIN_CHARS", "DEFAULT_STOCK_SCORE", "Passage", "Phrase", "ReuseIndex", "ReuseSettings", "SyncReport",
           "default_stock_df", "diff_passage", "ensure_schema", "find_shared"]


def __getattr__(name: str):
    """Import the module holding name the first time someone asks for it (PEP 562)."""
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
    globals()[name] = value
    return value
