"""An excerpt under review: its stored quote, the candidate the new text offers, and what changed, character by character.

The reader decides: accept the candidate (its words become the quote), place the excerpt by
hand on a selection, drop it, or leave it under review. Nothing changes until they choose.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from reader.core.anchor import quote_diff
from reader.core.codebook_types import Excerpt
from reader.gui import plain

ACCEPT, PLACE, DROP = "accept", "place", "drop"
REMOVED_STYLE = "background:#ffc0bb;color:#8c1d18;text-decoration:line-through"
ADDED_STYLE = "background:#9be9a8;color:#0b4f1c;text-decoration:underline"


def diff_html(old: str, new: str) -> str:
    """The character diff as HTML (every character escaped: a quote is never markup)."""
    parts = []
    for op, text in quote_diff(old, new):
        body = html.escape(text).replace("\n", "<br>")
        if op < 0:
            parts.append(f'<span style="{REMOVED_STYLE}">{body}</span>')
        elif op > 0:
            parts.append(f'<span style="{ADDED_STYLE}">{body}</span>')
        else:
            parts.append(body)
    return "".join(parts)


class ReviewDialog(QDialog):
    """Stored quote, candidate and their diff; `choice` is what the reader chose (None: leave it)."""

    def __init__(self, excerpt: Excerpt, candidate: tuple[int, int, str, float] | None, parent=None):
        super().__init__(parent)
        self.setObjectName("reviewDialog")
        self.setWindowTitle(self.tr("Excerpt Needs Review"))
        self.choice: str | None = None
        intro = plain.label(self.tr("The speech's text changed and this excerpt's words were not found unchanged. "
                                    "Its quote stays as you tagged it until you decide."))
        intro.setWordWrap(True)
        stored = plain.label(excerpt.quote)
        stored.setWordWrap(True)
        stored.setObjectName("storedQuote")
        stored.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.diff = QTextBrowser()
        self.diff.setObjectName("candidateDiff")
        self.diff.setOpenLinks(False)
        self.diff.setMaximumHeight(96)
        font = self.diff.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.diff.setFont(font)
        stored.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(plain.label(self.tr("Tagged quote:")))
        layout.addWidget(stored)
        buttons = QDialogButtonBox()
        if candidate is not None:
            _start, _end, words, score = candidate
            caption = self.tr("Candidate in the new text (%1% alike): struck out in red what it lacks, "
                              "underlined in green what it adds:")
            layout.addWidget(plain.label(caption.replace("%1", str(round(score * 100)))))
            self.diff.setHtml(diff_html(excerpt.quote, words))
            layout.addWidget(self.diff)
            self._add(buttons, self.tr("Accept the Candidate"), ACCEPT, QDialogButtonBox.ButtonRole.AcceptRole)
        else:
            layout.addWidget(plain.label(self.tr("Nothing like it was found in the new text.")))
            self.diff.hide()
        self._add(buttons, self.tr("Place by Hand…"), PLACE, QDialogButtonBox.ButtonRole.ActionRole)
        self._add(buttons, self.tr("Drop the Excerpt"), DROP, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.tr("Decide Later"), QDialogButtonBox.ButtonRole.RejectRole).clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 320)

    def _add(self, buttons: QDialogButtonBox, text: str, choice: str, role) -> None:
        button = buttons.addButton(text, role)
        button.setObjectName(f"{choice}Button")
        button.clicked.connect(lambda: self._choose(choice))

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()
