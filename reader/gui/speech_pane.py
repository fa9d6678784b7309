"""One speech with its outline: click a section to go there; the outline follows the scroll."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSignalBlocker, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QTextCharFormat, QTextFormat
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QTreeView, QVBoxLayout, QWidget

from reader.core.outline import Section, parse_outline
from reader.core.store import Document
from reader.gui.find_bar import FindBar
from reader.gui.marker_strip import MarkerStrip
from reader.gui.outline_model import OutlineModel
from reader.gui.speech_view import Highlight, SpeechTextView, tint

SECTION_LAYER = "section"
SEARCH_LAYER = "search"
SEARCH_COLOUR = "#3cb371"


def heading_spans(sections: list[Section], text: str) -> list[tuple[int, int, int]]:
    """(start, end, level) of the words of every numbered heading: the whole heading at levels 1–2, the marker below."""
    spans = []
    for section in sections:
        if section.kind == "heading":
            length = len(section.label) + (len(section.title) if section.level <= 2 else 0)
            line_end = text.find("\n", section.start)
            end = min(section.start + length, section.end, line_end if line_end >= 0 else len(text))
            spans.append((section.start, end, section.level))
        spans.extend(heading_spans(section.children, text))
    return spans


class SpeechPane(QWidget):
    """A header, the outline tree and the text of one speech."""

    section_chosen = Signal(object)           # Section the reader picked in the outline
    visible_section_changed = Signal(object)  # Section now at the top of the text
    tag_requested = Signal(int, int)           # the reader asked to tag text[start:end]

    def __init__(self, orientation=Qt.Orientation.Horizontal, parent=None):
        super().__init__(parent)
        self.document: Document | None = None
        self.sections: list[Section] = []
        self.header = QLabel()
        self.header.setObjectName("speechHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        font = self.header.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.header.setFont(font)
        self.outline_model = OutlineModel(self)
        self.outline = QTreeView()
        self.outline.setObjectName("outlineTree")
        self.outline.setModel(self.outline_model)
        self.outline.setHeaderHidden(True)
        self.outline.setUniformRowHeights(True)
        self.outline.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.text_view = SpeechTextView()
        self.marker_strip = MarkerStrip(self.text_view)
        text_area = QWidget()
        row = QHBoxLayout(text_area)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.text_view, 1)
        row.addWidget(self.marker_strip)
        self.splitter = QSplitter(orientation)
        self.splitter.setObjectName("speechSplitter")
        self.splitter.addWidget(self.outline)
        self.splitter.addWidget(text_area)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.find_bar = FindBar()
        layout.addWidget(self.header)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.splitter, 1)
        self.find_bar.hits_changed.connect(self.show_hits)
        self.find_bar.current_changed.connect(self.select_range)
        # following the scroll is debounced: one outline update per pause, not per pixel
        self._follow_timer = QTimer(self, singleShot=True, interval=60)
        self._follow_timer.timeout.connect(self._follow_scroll)
        self.outline.clicked.connect(self._on_outline_clicked)
        self.outline.activated.connect(self._on_outline_clicked)
        self.text_view.verticalScrollBar().valueChanged.connect(lambda _v: self._follow_timer.start())
        self.marker_strip.jump_requested.connect(self.reveal_offset)
        self.text_view.tag_requested.connect(self.tag_requested)
        self._current: Section | None = None
        self._chosen: Section | None = None   # picked by the reader (or a partner pane): kept while in view

    def set_document(self, document: Document | None, sections: list[Section] | None = None) -> None:
        """Show a speech (or nothing) with its outline."""
        self.document = document
        self._current = self._chosen = None
        self.marker_strip.set_marks([])  # old marks must not be laid out against the new text
        if document is None:
            self.header.setText("")
            self.sections = []
            self.outline_model.set_sections([])
            self.text_view.set_speech_text("")
            return
        self.sections = sections if sections is not None else parse_outline(document.text)
        details = " · ".join(x for x in (document.date, document.place, document.speaker) if x)
        self.header.setText(document.display_title() + (f"\n{details}" if details else ""))
        self.outline_model.set_sections(self.sections)
        self.outline.expandToDepth(0)
        self.text_view.set_speech_text(document.text, heading_spans(self.sections, document.text))
        self.find_bar.set_text(document.text)

    def show_section(self, section: Section, mark: bool = True) -> None:
        """Scroll to a section and select it in the outline (without echoing signals)."""
        self.text_view.scroll_to_offset(section.start)
        self._select_in_outline(section)
        if mark:
            self.mark_section(section)
        self._current = self._chosen = section

    def reveal_offset(self, offset: int) -> None:
        """Scroll so that an offset stands a third of the way down the view (with context above it)."""
        self.text_view.scroll_to_offset(offset, margin=self.text_view.viewport().height() // 3)

    def show_hits(self, spans: list[tuple[int, int]]) -> None:
        """Mark search hits (or uses of a phrase) in the text and in the marker strip."""
        fmt = QTextCharFormat()
        fmt.setBackground(tint(SEARCH_COLOUR, 110))
        self.text_view.set_layer(SEARCH_LAYER, 20, [Highlight(start, end, fmt) for start, end in spans])
        self.marker_strip.set_marks([(start, end, tint(SEARCH_COLOUR, 220)) for start, end in spans])

    def select_range(self, start: int, end: int) -> None:
        """Bring text[start:end] into view and select it (an excerpt opened in context)."""
        self.reveal_offset(start)
        self.text_view.setTextCursor(self.text_view.cursor_for(start, end))
        if not self.find_bar.box.hasFocus():
            self.text_view.setFocus()

    def mark_section(self, section: Section | None) -> None:
        """Mark the heading line of the chosen (or aligned) section with a full-width bar.

        Tinting the whole section was tried and dropped: it hid the pale colour of stock formulae.
        """
        if section is None:
            self.text_view.clear_layer(SECTION_LAYER)
            return
        fmt = QTextCharFormat()
        fmt.setBackground(tint(self.palette().highlight().color().name(), 70))
        fmt.setProperty(QTextFormat.Property.FullWidthSelection, True)
        heading_end = section.start + max(1, len(section.label) + len(section.title))
        self.text_view.set_layer(SECTION_LAYER, 0, [Highlight(section.start, min(heading_end, section.end), fmt)])

    def current_section(self) -> Section | None:
        """The innermost section at the top of the view."""
        return self.outline_model.deepest_at(self.text_view.top_offset())

    def _select_in_outline(self, section: Section) -> None:
        index = self.outline_model.index_of(section)
        if not index.isValid():
            return
        blocker = QSignalBlocker(self.outline.selectionModel())
        self.outline.setCurrentIndex(index)
        self.outline.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.outline.scrollTo(index)
        del blocker

    @Slot(QModelIndex)
    def _on_outline_clicked(self, index: QModelIndex) -> None:
        section = self.outline_model.section_at(index)
        if section is None:
            return
        self.show_section(section)
        self.section_chosen.emit(section)

    def _in_view(self, offset: int) -> bool:
        """Whether the line of an offset is inside the visible part of the text."""
        top = self.text_view.verticalScrollBar().value()
        return top <= self.text_view.y_of(offset) < top + self.text_view.viewport().height()

    @Slot()
    def _follow_scroll(self) -> None:
        # a section chosen near the end (结束语) cannot reach the top of the view: while its heading
        # is on screen it stays the current one, instead of whatever section the top line belongs to
        if self._chosen is not None and self._in_view(self._chosen.start):
            return
        self._chosen = None
        section = self.current_section()
        if section is None or section is self._current:
            return
        self._current = section
        self._select_in_outline(section)
        self.visible_section_changed.emit(section)
