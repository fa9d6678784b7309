"""The synoptic (对照) view: two speeches or two aligned sections sentence by sentence, in two columns.

The table is rich text in a QTextBrowser (built by reader.core.synoptic, the same markup the
clipboard copy uses), so it wraps, selects and copies like text; a moved sentence carries a link
to its counterpart's row, and the current change is marked with an extra selection, never by
rewriting the document. Qt lays a rich-text table out as one piece, which takes about a second
for a whole speech: so the first screenful is drawn at once and the rest is added as further
tables of CHUNK_LINES lines each from a zero-delay timer, a few tens of milliseconds at a time,
and the window keeps answering meanwhile (bench/bench_align.py measures both ways).
"""

from __future__ import annotations

import html
from itertools import islice

from PySide6.QtCore import Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QAction, QColor, QKeySequence, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QLabel, QTextBrowser, QTextEdit, QToolBar, QVBoxLayout, QWidget

from reader.core.sentence_align import SentenceAlignment
from reader.core.synoptic import Group
from reader.core.synoptic_html import header_row, iter_body_rows, table_open
from reader.gui.fonts import reading_font
from reader.gui.icons import themed_icon

CURRENT = QColor(255, 214, 92, 150)
FIRST_LINES = 40     # table lines drawn at once: more than a screenful
CHUNK_LINES = 30     # table lines added per timer tick afterwards (about 30 ms of CPU)


class SynopticView(QWidget):
    """A toolbar (options, previous/next change), the two-column table and a summary line."""

    options_changed = Signal()
    rendered = Signal()     # the whole table is drawn

    def __init__(self, parent=None, font_family: str = "", font_size: int = 12):
        super().__init__(parent)
        self.setObjectName("synopticView")
        self.alignment: SentenceAlignment | None = None
        self.titles: tuple[str, str] = ("", "")
        self.groups: list[Group] = []
        self.current: int | None = None
        self.lang: str | None = None
        self._row_cells: dict[int, int] = {}    # row → position of its line's number cell, once drawn
        self._shown: list[int] = []             # rows present in the table (drawn or still to come)
        self._source = iter(())                 # the table lines not made yet
        self._pending: list[str] = []           # the next chunk of table lines, made, still to add
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._add_chunk)
        self._build_toolbar()
        self.browser = QTextBrowser()
        self.browser.setObjectName("synopticBrowser")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self.follow_link)
        self.browser.setFont(reading_font(font_family, font_size))
        self.summary = QLabel()
        self.summary.setObjectName("synopticSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.summary)

    def _build_toolbar(self) -> None:
        bar = self.toolbar = QToolBar()
        bar.setObjectName("synopticToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.quiet_action = QAction(self.tr("Ignore Punctuation and Placeholders"), self, checkable=True)
        self.quiet_action.setToolTip(self.tr("Treat differences of punctuation and of placeholders (XX, **) as no change"))
        self.hide_same_action = QAction(self.tr("Hide Identical Sentences"), self, checkable=True)
        self.prev_action = QAction(themed_icon("prev", self.palette()), self.tr("Previous Change"), self)
        self.prev_action.setShortcuts([QKeySequence("Alt+Up"), QKeySequence("Shift+F8"), QKeySequence("K")])
        self.next_action = QAction(themed_icon("next", self.palette()), self.tr("Next Change"), self)
        self.next_action.setShortcuts([QKeySequence("Alt+Down"), QKeySequence("F8"), QKeySequence("J")])
        for action in (self.prev_action, self.next_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(f"{action.text()} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
            self.addAction(action)
        bar.addAction(self.quiet_action)
        bar.addAction(self.hide_same_action)
        bar.addSeparator()
        bar.addAction(self.prev_action)
        bar.addAction(self.next_action)
        self.quiet_action.toggled.connect(self._on_options)
        self.hide_same_action.toggled.connect(self._on_options)
        self.prev_action.triggered.connect(lambda: self.step_change(-1))
        self.next_action.triggered.connect(lambda: self.step_change(1))

    # --- content ----------------------------------------------------------------------------------

    def set_alignment(self, alignment: SentenceAlignment, titles: tuple[str, str], groups: list[Group],
                      lang: str | None = None) -> None:
        """Show an alignment (rows grouped under section captions) under the two titles."""
        self.alignment, self.titles, self.groups, self.lang = alignment, titles, groups, lang
        self.current = None
        self.render()

    def quiet(self) -> bool:
        """Whether punctuation and placeholder differences are shown as no change."""
        return self.quiet_action.isChecked()

    def shown_kind(self, row: int) -> str:
        """A row's kind as shown: with the option on, a pair differing only in marks counts as the same."""
        r = self.alignment.rows[row]
        if self.quiet() and r.kind == "changed" and r.similarity == 1.0:
            return "same"
        return r.kind

    def changes(self) -> list[int]:
        """Rows that are shown as a change, in table order."""
        if self.alignment is None:
            return []
        return [k for k in range(len(self.alignment.rows)) if self.shown_kind(k) != "same"]

    def render(self) -> None:
        """Rebuild the table for the current options: the first screenful now, the rest chunk by chunk."""
        self._timer.stop()
        self._pending = []
        self._row_cells = {}
        if self.alignment is None:
            self._shown = []
            self.browser.clear()
            self.summary.setText("")
            return
        hide = set()
        if self.hide_same_action.isChecked():
            hide = {k for k in range(len(self.alignment.rows)) if self.shown_kind(k) == "same"}
        self._shown = [k for k in range(len(self.alignment.rows)) if k not in hide]   # a same row is alone on its line
        self._source = iter_body_rows(self.alignment, self.groups, quiet=self.quiet(), hide=hide, numbered=True,
                                      notes=self._notes(), lang=self.lang)
        self.browser.setHtml("\n".join([table_open(), header_row(self.titles, True)]
                                       + list(islice(self._source, FIRST_LINES)) + ["</table>"]))
        self._pending = list(islice(self._source, CHUNK_LINES))
        self._index_rows(0)
        self._mark_current()
        self._update_summary()
        if self._pending:
            self._timer.start()
        else:
            self.rendered.emit()

    @Slot()
    def _add_chunk(self) -> None:
        """Append the next chunk of lines as a further table with the same columns."""
        if not self._pending:
            self._timer.stop()
            return
        chunk, self._pending = self._pending, []
        cursor = QTextCursor(self.browser.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        start = cursor.position()
        cursor.insertHtml("\n".join([table_open()] + chunk + ["</table>"]))
        self._index_rows(start)
        self._pending = list(islice(self._source, CHUNK_LINES))
        if not self._pending:
            self._timer.stop()
            self.rendered.emit()

    def is_complete(self) -> bool:
        """Whether every line of the table has been drawn."""
        return not self._pending

    def finish(self) -> None:
        """Draw what is still pending at once (a jump to a row further down needs it)."""
        while self._pending:
            self._add_chunk()

    def _notes(self) -> dict[int, tuple[str, str]]:
        """For each moved sentence, a link to the row of its counterpart (our markup, numbers only)."""
        notes = {}
        for k, row in enumerate(self.alignment.rows):
            if row.counterpart is None:
                continue
            text = (self.tr("moved: see row %1") if row.a else self.tr("moved here from row %1")) \
                .replace("%1", str(self.alignment.rows[row.counterpart].line + 1))
            link = f' <a href="#row-{row.counterpart}" style="color:#4a2a70">↪ {html.escape(text)}</a>'
            notes[k] = (link, "") if row.a else ("", link)
        return notes

    def _index_rows(self, start: int) -> None:
        """Where each drawn row's number cell is (its anchor row-N), from a document position on."""
        block = self.browser.document().findBlock(start)
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                for name in fragment.charFormat().anchorNames():
                    if name.startswith("row-"):
                        self._row_cells[int(name[4:])] = fragment.position()
                it += 1
            block = block.next()

    def shown_rows(self) -> list[int]:
        """The rows present in the table (identical ones may be hidden), drawn or still to come."""
        return list(self._shown)

    # --- navigation -------------------------------------------------------------------------------

    def step_change(self, direction: int) -> int | None:
        """Make the next (1) or previous (-1) changed line current, wrapping around; its (first) row index."""
        shown = set(self._shown)
        rows = self.alignment.rows if self.alignment else []
        changes = list({rows[k].line: k for k in reversed(self.changes()) if k in shown}.values())[::-1]
        if not changes:
            return None
        if self.current is None:
            target = changes[0] if direction > 0 else changes[-1]
        elif direction > 0:
            line = rows[self.current].line
            target = next((k for k in changes if rows[k].line > line), changes[0])
        else:
            line = rows[self.current].line
            target = next((k for k in reversed(changes) if rows[k].line < line), changes[-1])
        self.go_to_row(target)
        return target

    def go_to_row(self, row: int) -> bool:
        """Scroll a row into view and mark it current; False when it is not shown."""
        while row not in self._row_cells and self._pending:
            self._add_chunk()
        if row not in self._row_cells:
            return False
        self.current = row
        self.browser.scrollToAnchor(f"row-{row}")
        self._mark_current()
        return True

    @Slot(QUrl)
    def follow_link(self, url: QUrl) -> None:
        """A moved sentence's link: go to its counterpart's row."""
        fragment = url.fragment() or url.toString().lstrip("#")
        if fragment.startswith("row-") and fragment[4:].isdigit():
            self.go_to_row(int(fragment[4:]))

    def _mark_current(self) -> None:
        """Tint the current row's cells (an extra selection: the document itself is not changed)."""
        if self.current is None or self.current not in self._row_cells:
            self.browser.setExtraSelections([])
            return
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(self._row_cells[self.current])
        table = cursor.currentTable()
        selections = []
        if table is not None:
            table_row = table.cellAt(cursor).row()
            for column in range(table.columns()):
                cell = table.cellAt(table_row, column)
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cell.firstCursorPosition()
                selection.cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
                fmt = QTextCharFormat()
                fmt.setBackground(CURRENT)
                fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
                selection.format = fmt
                selections.append(selection)
        self.browser.setExtraSelections(selections)

    # --- options and summary ----------------------------------------------------------------------

    @Slot()
    def _on_options(self) -> None:
        self.render()
        if self.current is not None:
            self.go_to_row(self.current)
        self.options_changed.emit()

    def _update_summary(self) -> None:
        kinds = [self.shown_kind(k) for k in range(len(self.alignment.rows))]
        moved = kinds.count("moved") // 2
        joined = self.alignment.summary().joined
        text = (self.tr("Sentences: %1 the same, %2 changed, %3 added, %4 removed, %5 moved")
                .replace("%1", str(kinds.count("same"))).replace("%2", str(kinds.count("changed")))
                .replace("%3", str(kinds.count("b_only"))).replace("%4", str(kinds.count("a_only")))
                .replace("%5", str(moved)))
        if joined:
            text += self.tr("; %1 merged or split").replace("%1", str(joined))
        self.summary.setText(text)
