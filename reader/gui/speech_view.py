"""The text of one speech, read-only, with highlights as layers of extra selections (never document edits)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import QTextEdit

from reader.core.display import DisplayMap
from reader.gui.fonts import reading_font


@dataclass
class Highlight:
    """A range of the speech's text (Python offsets) and how to paint it."""

    start: int
    end: int
    fmt: QTextCharFormat


class SpeechTextView(QTextEdit):
    """Shows a speech; converts between text offsets and Qt positions; paints layered highlights."""

    zoom_requested = Signal(int)
    tag_requested = Signal(int, int)   # the reader asked to tag text[start:end]

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setUndoRedoEnabled(False)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.display = DisplayMap("")
        self._layers: dict[str, tuple[int, list[Highlight]]] = {}
        self.headings: list[tuple[int, int, int]] = []   # (start, end, level) of each heading's words
        self.line_spacing = 160
        self._painted: tuple[int, int] | None = None   # the text offsets the selections cover
        self.verticalScrollBar().valueChanged.connect(lambda _value: self._cover_view())

    # --- text ------------------------------------------------------------------------------

    def set_speech_text(self, text: str, headings: list[tuple[int, int, int]] = ()) -> None:
        """Show a text, its outline's headings as headings ((start, end, level) of each one's marker and title);
        paragraphs get spacing and line height in the same edit block as the text (one layout)."""
        self.display = DisplayMap(text)
        self.headings = [h for h in headings if h[1] > h[0]]
        self._layers.clear()
        self.setExtraSelections([])
        edit = QTextCursor(self.document())
        edit.beginEditBlock()       # the text and its formats laid out once, not twice (a third less per speech)
        # setPlainText never interprets markup: a speech that contains <b> shows "<b>"
        self.setPlainText(self.display.display_text)
        self._format_blocks()
        edit.endEditBlock()

    def _format_blocks(self) -> None:
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        block = QTextBlockFormat()
        block.setLineHeight(float(self.line_spacing), QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        block.setBottomMargin(self.fontMetrics().height() * 0.5)
        cursor.mergeBlockFormat(block)
        self._fold_empty_lines()
        self._format_headings()
        cursor.endEditBlock()

    def _fold_empty_lines(self) -> None:
        """A blank line between paragraphs (many .txt files) takes no room: the paragraph spacing is the gap."""
        empty = QTextBlockFormat()
        empty.setLineHeight(1.0, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        empty.setBottomMargin(0)
        block = self.document().begin()
        while block.isValid():
            if block.length() == 1:      # only the paragraph separator
                QTextCursor(block).mergeBlockFormat(empty)
            block = block.next()

    def _format_headings(self) -> None:
        """Level 1 larger and bold, level 2 bold, deeper levels their marker (一是, 第一，) bold.

        This is the document's own lasting formatting, like a paragraph's spacing: highlights stay
        in the extra-selection layers.
        """
        if not self.headings:
            return
        size = self.font().pointSizeF()
        for start, end, level in self.headings:
            fmt = QTextCharFormat()
            fmt.setFontWeight(QFont.Weight.Bold)
            if level == 1:
                fmt.setFontPointSize(size * 1.12)
            self.cursor_for(start, end).mergeCharFormat(fmt)

    def set_reading_font(self, family: str, size: int, line_spacing: int = 160, keep_text: bool = True) -> None:
        """Apply the reading font and line spacing; the same character stays at the top. keep_text=False: another
        text is about to be set, so the old one is dropped rather than laid out again in the new font."""
        font = reading_font(family, size)
        if font == self.font() and line_spacing == self.line_spacing and font == self.document().defaultFont():
            return      # as it is: formatting every paragraph again would cost each comparison a layout
        if not keep_text:
            self.set_speech_text("")
        top = self.top_offset() if self.display.text and self.verticalScrollBar().value() > 0 else None
        self.line_spacing = line_spacing
        self.setFont(font)
        self.document().setDefaultFont(font)
        self._format_blocks()
        if top is not None:
            self.scroll_to_offset(top, margin=4)

    @property
    def text(self) -> str:
        """The speech's cleaned text (what offsets index)."""
        return self.display.text

    # --- offsets ---------------------------------------------------------------------------

    def cursor_for(self, start: int, end: int | None = None) -> QTextCursor:
        """A cursor selecting text[start:end] (or placed at start)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.display.to_qt(start))
        if end is not None:
            cursor.setPosition(self.display.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def offset_at(self, point: QPoint) -> int:
        """The text offset under a viewport point."""
        return self.display.from_qt(self.cursorForPosition(point).position())

    def top_offset(self) -> int:
        """The text offset at the top-left of the visible area."""
        return self.offset_at(QPoint(4, 4))

    def selected_range(self) -> tuple[int, int] | None:
        """The selection as text offsets, if any."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self.display.from_qt(cursor.selectionStart()), self.display.from_qt(cursor.selectionEnd())

    def y_of(self, offset: int) -> int:
        """Document y (pixels) of the line holding a text offset (found without a cursor: placing one shapes its
        line again, which made the marker strip of a long speech cost tens of milliseconds)."""
        position = self.display.to_qt(offset)
        block = self.document().findBlock(position)
        y = self.document().documentLayout().blockBoundingRect(block).top()
        layout = block.layout()
        if layout is not None and layout.lineCount():
            line = layout.lineForTextPosition(position - block.position())
            if line.isValid():
                y += line.y()
        return int(y)

    def scroll_to_offset(self, offset: int, margin: int = 8) -> None:
        """Bring a text offset to the top of the view."""
        self.document().size()    # Qt lays long texts out in steps: finish, so the bar's range is known
        bar = self.verticalScrollBar()
        bar.setValue(max(0, self.y_of(offset) - margin))

    # --- highlight layers ------------------------------------------------------------------

    def set_layer(self, name: str, priority: int, highlights: list[Highlight]) -> None:
        """Replace one layer; higher priority paints on top."""
        self._layers[name] = (priority, highlights)
        self._apply_layers()

    def clear_layer(self, name: str) -> None:
        """Remove one layer."""
        if self._layers.pop(name, None) is not None:
            self._apply_layers()

    def layer(self, name: str) -> list[Highlight]:
        """The highlights of one layer."""
        return self._layers.get(name, (0, []))[1]

    def _apply_layers(self) -> None:
        """Paint the highlights near the view: a screen above it to a screen below (more follow the scrolling).

        Every highlight Qt is given costs it the shaping of its lines, visible or not: a speech's hundred
        shared passages took 15–30 ms a pane when a comparison opened, all on the GUI thread.
        """
        top, bottom = self._visible_offsets()
        span = max(bottom - top, 200)
        first, last = self._painted = (top - span, bottom + span) if bottom >= top else (0, len(self.text))
        selections = []
        for _priority, highlights in sorted(self._layers.values(), key=lambda item: item[0]):
            for hl in highlights:
                if hl.end < first or hl.start > last:
                    continue
                selection = QTextEdit.ExtraSelection()
                selection.cursor = self.cursor_for(hl.start, hl.end)
                selection.format = hl.fmt
                selections.append(selection)
        self.setExtraSelections(selections)

    def _visible_offsets(self) -> tuple[int, int]:
        """The text offsets at the view's top-left and bottom-right corners (at (0, 0), in the document's
        margin, Qt answers somewhere else while a long text is still being laid out)."""
        return self.top_offset(), self.offset_at(self.viewport().rect().bottomRight())

    def _cover_view(self) -> None:
        """Give Qt the highlights again when the view shows text outside what they were given for."""
        if self._layers:
            top, bottom = self._visible_offsets()
            if self._painted is None or top < self._painted[0] or bottom > self._painted[1]:
                self._apply_layers()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Rewrapping the text keeps the reader's place: the same character stays at the top."""
        if not self.display.text or event.oldSize().width() == event.size().width():
            super().resizeEvent(event)
        else:
            top = self.top_offset() if self.verticalScrollBar().value() > 0 else None
            super().resizeEvent(event)
            if top is not None:
                self.scroll_to_offset(top, margin=4)
        self._cover_view()      # a taller or wider view may show text the highlights were not given for

    def contextMenuEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """The standard menu (copy, select all) with "Tag Selection…" on top when text is selected."""
        menu = self.createStandardContextMenu(event.pos())
        selected = self.selected_range()
        if selected is not None and selected[1] > selected[0]:
            first = menu.actions()[0] if menu.actions() else None
            action = menu.addAction(self.tr("Tag Selection…"))
            action.setShortcut("Ctrl+T")
            action.triggered.connect(lambda: self.tag_requested.emit(*selected))
            if first is not None:
                menu.removeAction(action)
                menu.insertAction(first, action)
                menu.insertSeparator(first)
        menu.exec(event.globalPos())
        menu.deleteLater()

    # --- zoom --------------------------------------------------------------------------------

    def wheelEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Ctrl+wheel asks for a larger or smaller reading font."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_requested.emit(1 if event.angleDelta().y() > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)


def tint(color: str, alpha: int = 255) -> QColor:
    """A colour with an alpha, for backgrounds that keep text readable."""
    qcolor = QColor(color)
    qcolor.setAlpha(alpha)
    return qcolor
