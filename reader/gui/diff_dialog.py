"""The exact changes between two aligned sections: kept text plain, deletions struck, insertions underlined."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout

from reader.core.outline import Section
from reader.core.reuse import diff_passage
from reader.core.store import Document
from reader.gui import plain
from reader.gui.outline_model import section_caption
from reader.gui.workers import Job, JobRunner

DELETE, EQUAL, INSERT = -1, 0, 1


def diff_html(diffs: list[tuple[int, str]]) -> str:
    """The diff as HTML; every piece of speech text is escaped, never interpreted."""
    parts = []
    for op, text in diffs:
        body = html.escape(text).replace("\n", "<br>")
        if op == EQUAL:
            parts.append(f"<span>{body}</span>")
        elif op == DELETE:
            parts.append(f'<span style="background:rgba(220,60,60,0.25);text-decoration:line-through">{body}</span>')
        else:
            parts.append(f'<span style="background:rgba(40,170,80,0.28);text-decoration:underline">{body}</span>')
    return "".join(parts)


def diff_stats(diffs: list[tuple[int, str]]) -> tuple[int, int, int]:
    """Characters kept, deleted and inserted."""
    kept = sum(len(t) for op, t in diffs if op == EQUAL)
    deleted = sum(len(t) for op, t in diffs if op == DELETE)
    inserted = sum(len(t) for op, t in diffs if op == INSERT)
    return kept, deleted, inserted


class DiffDialog(QDialog):
    """A window with the character-level diff of two sections, computed off the GUI thread."""

    def __init__(self, doc_a: Document, section_a: Section, doc_b: Document, section_b: Section,
                 jobs: JobRunner, parent=None):
        super().__init__(parent)
        self.setObjectName("diffDialog")
        self.setWindowTitle(self.tr("Section Diff"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(760, 560)
        self.text_a = doc_a.text[section_a.start:section_a.end]
        self.text_b = doc_b.text[section_b.start:section_b.end]
        self.diffs: list[tuple[int, str]] | None = None
        heading = QLabel(self.tr("%1 — %2\n→ %3 — %4")
                         .replace("%1", doc_a.display_title()).replace("%2", section_caption(section_a))
                         .replace("%3", doc_b.display_title()).replace("%4", section_caption(section_b)))
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        self.stats = plain.label(self.tr("Comparing…"))
        self.browser = QTextBrowser()
        self.browser.setObjectName("diffBrowser")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.stats)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.job = Job("diff", lambda progress, cancelled: diff_passage(self.text_a, self.text_b))
        self.job.succeeded.connect(self._show)
        jobs.run(self.job)

    def _show(self, diffs) -> None:
        self.diffs = diffs
        kept, deleted, inserted = diff_stats(diffs)
        self.stats.setText(self.tr("Kept %1 characters, deleted %2, inserted %3")
                           .replace("%1", str(kept)).replace("%2", str(deleted)).replace("%3", str(inserted)))
        self.browser.setHtml(diff_html(diffs))
