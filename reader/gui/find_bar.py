"""Ctrl+F inside a speech: type, every hit is marked, Enter / Shift+Enter go to the next / previous one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QToolButton, QWidget

from reader.core.search import search_in_text
from reader.gui import plain


class FindBar(QWidget):
    """A search box over one text; emits the hits and the one to show."""

    hits_changed = Signal(list)          # [(start, end)]
    current_changed = Signal(int, int)   # the hit to bring into view
    closed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("findBar")
        self.text = ""
        self.hits: list[tuple[int, int]] = []
        self.current = -1
        self.box = QLineEdit(placeholderText=self.tr("Find in this speech"))
        self.box.setClearButtonEnabled(True)
        self.count = plain.label()
        previous, following, close = QToolButton(text="↑"), QToolButton(text="↓"), QToolButton(text="✕")
        previous.setToolTip(self.tr("Previous (Shift+Enter)"))
        following.setToolTip(self.tr("Next (Enter)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        for widget in (self.box, self.count, previous, following, close):
            layout.addWidget(widget)
        self.box.textChanged.connect(self._search)
        self.box.returnPressed.connect(lambda: self.step(1))
        previous.clicked.connect(lambda: self.step(-1))
        following.clicked.connect(lambda: self.step(1))
        close.clicked.connect(self.close_bar)
        QShortcut(QKeySequence("Shift+Return"), self.box, lambda: self.step(-1))
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar)
        self.hide()

    def set_text(self, text: str) -> None:
        """The speech to search (a new speech searches again)."""
        self.text = text
        if self.isVisible():
            self._search(self.box.text())

    def open_bar(self) -> None:
        """Show the bar with the box focused."""
        self.show()
        self.box.setFocus()
        self.box.selectAll()

    def close_bar(self) -> None:
        """Hide the bar and clear the marks."""
        self.hide()
        self.hits = []
        self.hits_changed.emit([])
        self.closed.emit()

    def _search(self, query: str) -> None:
        query = query.strip()
        self.hits = [(h.start, h.end) for h in search_in_text(self.text, query)] if query else []
        self.current = -1
        self.count.setText(self.tr("%n hit(s)", "", len(self.hits)) if query else "")
        self.hits_changed.emit(self.hits)
        if self.hits:
            self.step(1)

    def step(self, direction: int) -> None:
        """Go to the next (1) or previous (-1) hit, wrapping around."""
        if not self.hits:
            return
        self.current = (self.current + direction) % len(self.hits)
        self.count.setText(f"{self.current + 1}/{len(self.hits)}")
        self.current_changed.emit(*self.hits[self.current])
