"""Exporting excerpts: Word (.docx), Word-friendly text (.txt), Excel-ready .csv and the clipboard pair.

Every file is written atomically (`atomic.atomic_write`); a failure raises `ExportError` naming
the file in the user's language, and the library is only ever read.
"""

from reader.core.export.atomic import ExportError, atomic_write
from reader.core.export.citation import ExportGroup, citation_text, group_excerpts

__all__ = ["ExportError", "ExportGroup", "atomic_write", "citation_text", "group_excerpts"]
