"""Two to four speeches side by side: sections in step, shared phrasing in colour, diffs of aligned sections."""

from __future__ import annotations

import html
import logging

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import QLabel, QSpinBox, QSplitter, QToolBar, QVBoxLayout, QWidget

from reader.core.comparison import MAX_PANES, Comparison, SharedSpan, compute_comparison, compute_holders
from reader.core.reuse import DEFAULT_MIN_CHARS
from reader.core.store import Document, Library
from reader.gui.compare_pane import ComparePane
from reader.gui.compare_passages import PassagesMixin
from reader.gui.compare_sections import SectionsMixin
from reader.gui.icons import themed_icon
from reader.gui.passage_style import (DISTINCTIVE, DISTINCTIVE_NEAR, STOCK, mark_colour,
                                     span_format)
from reader.gui.speech_view import Highlight
from reader.gui.workers import Job, JobRunner

log = logging.getLogger(__name__)
SHARED_LAYER = "shared"
_FONT_SAMPLE = ("一、总体要求\n同志们：今天召开全市新型城镇化工作推进会，深入贯彻落实党的二十大精神，推进以人为核心的"
                "新型城镇化，建设宜居、韧性、智慧城市。2024年GDP增长5.2%。\n") * 4


class CompareView(PassagesMixin, SectionsMixin, QWidget):
    """The comparison: a toolbar, and a pane per speech; panes never reach into each other, this view does."""

    comparison_ready = Signal(object)
    holders_ready = Signal(object)      # the comparison's "also in" lists came (after its highlights)
    pane_count_changed = Signal(int)
    documents_changed = Signal()
    tag_requested = Signal(int, int, int)   # pane, start, end

    def __init__(self, library: Library, settings, jobs: JobRunner, parent=None):
        super().__init__(parent)
        self.setObjectName("compareView")
        self.library = library
        self.settings = settings
        self.jobs = jobs
        self.documents: list[Document] = []
        self.panes: list[ComparePane] = []
        self._spare: list[ComparePane] = []    # made ahead (prepare_panes), hidden, after the shown panes
        self.comparison: Comparison | None = None
        self.spans: list[list[SharedSpan]] = []
        self.active_pane = 0
        self._to_place: list[int] = []   # panes whose speech changed: placed when the comparison is ready
        self._infos: tuple[list, dict[int, int]] | None = None
        self._sync_depth = 0
        self._generation = 0
        self._flash_timer = QTimer(self, singleShot=True, interval=1400)
        self._flash_timer.timeout.connect(self._clear_flash)
        self._recompute_timer = QTimer(self, singleShot=True, interval=350)
        self._recompute_timer.timeout.connect(self.recompute)
        self._holders_timer = QTimer(self, singleShot=True, interval=300)
        self._holders_timer.timeout.connect(self._find_holders)
        self._build_toolbar()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("compareSplitter")
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.summary)

    # --- toolbar ---------------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        bar = self.toolbar = QToolBar()
        bar.setObjectName("compareToolbar")
        self.add_pane_action = QAction(self.tr("Add Pane"), self)
        self.add_pane_action.setToolTip(self.tr("Add a pane (up to four speeches side by side)"))
        self.lock_action = QAction(self.tr("Scroll in Step"), self, checkable=True)
        self.lock_action.setChecked(self.settings.get("compare/sync_scroll"))
        self.lock_action.setToolTip(self.tr("Scrolling one speech moves the others section by section"))
        self.stock_action = QAction(self.tr("Show Stock Formulae"), self, checkable=True)
        self.stock_action.setChecked(self.settings.get("shared/show_stock"))
        self.stock_action.setToolTip(self.tr("Also highlight stock formulae: wording national official texts or most speeches of the library repeat"))
        self.prev_action = QAction(self.tr("Previous Shared Passage"), self)
        self.prev_action.setShortcuts([QKeySequence("Alt+Up"), QKeySequence("Shift+F8")])
        self.next_action = QAction(self.tr("Next Shared Passage"), self)
        self.next_action.setShortcuts([QKeySequence("Alt+Down"), QKeySequence("F8")])
        self.diff_action = QAction(self.tr("Sentence by Sentence"), self)
        self.diff_action.setShortcut(QKeySequence("Ctrl+D"))
        self.diff_action.setToolTip(self.tr("The current section and its counterpart side by side, sentence by sentence, "
                                            "changes marked (Ctrl+D)"))
        self.whole_action = QAction(self.tr("Whole Speeches Sentence by Sentence"), self)
        self.whole_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.whole_action.setToolTip(self.tr("The two speeches side by side, sentence by sentence (Ctrl+Shift+D)"))
        self.min_chars = QSpinBox()
        self.min_chars.setObjectName("minChars")
        self.min_chars.setRange(6, 80)
        self.min_chars.setValue(self.settings.get("shared/min_chars") or DEFAULT_MIN_CHARS)
        self.min_chars.setSuffix(self.tr(" chars"))
        self.min_chars.setToolTip(self.tr("Shortest shared passage to highlight"))
        self.summary = QLabel()
        self.summary.setObjectName("compareSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)   # a long summary wraps; it must never set the window's minimum width
        for action, icon in ((self.add_pane_action, "add-pane"), (self.lock_action, "lock"),
                             (self.stock_action, "stock"), (self.prev_action, "prev"), (self.next_action, "next"),
                             (self.diff_action, "diff")):
            action.setIcon(themed_icon(icon, self.palette()))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addAction(self.add_pane_action)
        bar.addSeparator()
        bar.addAction(self.lock_action)
        bar.addAction(self.stock_action)
        bar.addWidget(QLabel(self.tr(" Min. length ")))
        bar.addWidget(self.min_chars)
        bar.addSeparator()
        bar.addActions([self.prev_action, self.next_action, self.diff_action])
        self.whole_action.setIcon(themed_icon("compare", self.palette()))
        bar.addAction(self.whole_action)
        self._icons_only(self.prev_action, self.next_action, self.whole_action)
        for action in (self.prev_action, self.next_action, self.diff_action, self.whole_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.add_pane_action.triggered.connect(self.add_pane)
        self.lock_action.toggled.connect(lambda on: self.settings.set("compare/sync_scroll", on))
        self.stock_action.toggled.connect(self._on_stock_toggled)
        self.min_chars.valueChanged.connect(self._on_min_chars_changed)
        self.prev_action.triggered.connect(lambda: self.step_passage(-1))
        self.next_action.triggered.connect(lambda: self.step_passage(1))
        self.diff_action.triggered.connect(lambda: self.show_synoptic())
        self.whole_action.triggered.connect(lambda: self.show_synoptic(whole=True))

    def _icons_only(self, *actions) -> None:
        for action in actions:
            self.toolbar.widgetForAction(action).setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)

    def resizeEvent(self, event) -> None:  # noqa: N802
        """Where the labels do not fit (English at 1,280 px), the toolbar shows icons only: nothing hides in "»"."""
        super().resizeEvent(event)
        width = event.size().width()
        text, icons = Qt.ToolButtonStyle.ToolButtonTextBesideIcon, Qt.ToolButtonStyle.ToolButtonIconOnly
        if self.toolbar.toolButtonStyle() == text:
            self._toolbar_text_width = self.toolbar.sizeHint().width()   # measured as it is shown
        if width >= (self._toolbar_text_width or 0):
            self._set_toolbar_style(text)
            self._toolbar_text_width = self.toolbar.sizeHint().width()
        if width < (self._toolbar_text_width or 0):
            self._set_toolbar_style(icons)

    def _set_toolbar_style(self, style) -> None:
        if self.toolbar.toolButtonStyle() != style:
            self.toolbar.setToolButtonStyle(style)
            self._icons_only(self.prev_action, self.next_action, self.whole_action)

    _toolbar_text_width: int | None = None

    # --- documents and panes ---------------------------------------------------------------

    def library_changed(self, infos: list | None = None) -> None:
        """Speeches were added, removed or renamed: the choosers take infos, the list just read for the
        library list (50 ms at 10,000 speeches not spent again), or read it again when next needed."""
        self._infos = None if infos is None else (infos, None)

    def _choices(self) -> tuple[list, dict[int, int]]:
        """The library's speeches for the choosers, and the row of each id (read once per library change)."""
        if self._infos is None or self._infos[1] is None:
            infos = self.library.list_documents() if self._infos is None else self._infos[0]
            self._infos = (infos, {doc.id: row for row, doc in enumerate(infos)})
        return self._infos

    def set_documents(self, documents: list[Document]) -> None:
        """Show these speeches side by side (2–4), then compute their comparison in the background."""
        # the old comparison's alignments do not cover new panes: drop it before any pane scrolls or resizes
        self.comparison = None
        self.documents = list(documents[:MAX_PANES])
        self.recompute()     # first: the worker finds the shared passages while this thread lays out the texts
        while len(self.panes) < len(self.documents):
            self._make_pane()
        while len(self.panes) > max(len(self.documents), 1):
            self._drop_pane(self.panes[-1])
        self._to_place = [j for j, (pane, doc) in enumerate(zip(self.panes, self.documents))
                          if pane.speech.document is None or pane.speech.document.id != doc.id
                          or doc.id is None or pane.speech.document.text != doc.text]
        self._apply_fonts(new_text=self._to_place)
        infos, rows = self._choices()
        outlines = self.library.outlines([d.id for d in self.documents if d.id is not None])   # stored at import
        for j, (pane, doc) in enumerate(zip(self.panes, self.documents)):
            pane.set_choices(infos, doc.id, doc.display_title(), rows)
            if j in self._to_place:      # a pane keeping its speech keeps its place too
                pane.speech.set_document(doc, outlines.get(doc.id) if doc.id is not None else None)
        self.spans = [[] for _ in self.documents]
        self.summary.setText(self.tr("Finding shared passages…"))
        self.add_pane_action.setEnabled(len(self.documents) < MAX_PANES)
        self.pane_count_changed.emit(len(self.panes))
        self.documents_changed.emit()

    def document_ids(self) -> list[int | None]:
        """The ids of the speeches on screen (None for a file outside the library)."""
        return [d.id for d in self.documents]

    def prepare_panes(self) -> None:
        """Build every pane a comparison can use now, hidden (idle time after the start), and lay them out once:
        a first comparison then finds its panes made, polished and their font ready."""
        while len(self.panes) + len(self._spare) < MAX_PANES:
            pane = self._new_pane()
            pane.hide()
            pane.ensurePolished()
            self._spare.append(pane)
        if self._spare:     # a sample laid out in the panes' reading font: its glyphs are ready for the first speech
            view = self._spare[0].speech.text_view
            view.set_reading_font(self.settings.get("reading/font_family"), self.pane_font_size(),
                                  self.settings.get("reading/line_spacing"))
            view.set_speech_text(_FONT_SAMPLE)
            view.document().size()
            view.set_speech_text("")
        if self.isVisible():
            return          # a comparison is open already (reopened at start): its panes are laid out
        # two panes laid out and painted once, off screen (this view is not shown yet): the first comparison's
        # panes then show in a third less time
        first_two = self._spare[:2]
        for pane in first_two:
            pane.show()
        if self.parentWidget() is not None:
            self.resize(self.parentWidget().size())
        self.grab()
        for pane in first_two:
            pane.hide()

    def _make_pane(self) -> ComparePane:
        pane = self._spare.pop(0) if self._spare else self._new_pane()
        self.panes.append(pane)
        pane.show()
        return pane

    def _new_pane(self) -> ComparePane:
        pane = ComparePane()
        pane.setObjectName(f"comparePane{len(self.panes) + len(self._spare)}")
        self.splitter.addWidget(pane)     # spare panes stay after the shown ones
        pane.document_requested.connect(self._on_document_requested)
        pane.close_requested.connect(self.remove_pane)
        pane.speech.section_chosen.connect(lambda section, p=pane: self._on_section_chosen(p, section))
        pane.speech.text_view.verticalScrollBar().valueChanged.connect(lambda _v, p=pane: self._on_scrolled(p))
        pane.speech.text_view.zoom_requested.connect(self._zoom_requested)
        pane.speech.tag_requested.connect(lambda start, end, p=pane: self.tag_requested.emit(
            self.panes.index(p), start, end))
        pane.speech.text_view.viewport().installEventFilter(self)
        pane.speech.outline.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        pane.speech.outline.customContextMenuRequested.connect(lambda pos, p=pane: self._outline_menu(p, pos))
        return pane

    def _drop_pane(self, pane: ComparePane) -> None:
        self.panes.remove(pane)
        pane.setParent(None)
        pane.deleteLater()

    @Slot()
    def add_pane(self) -> None:
        """Add a pane showing a speech not yet on screen."""
        if len(self.documents) >= MAX_PANES:
            return
        shown = set(self.document_ids())
        candidate = next((d for d in self.library.list_documents() if d.id not in shown), None)
        if candidate is not None:
            self.set_documents(self.documents + [self.library.get_document(candidate.id)])

    @Slot(object)
    def remove_pane(self, pane: ComparePane) -> None:
        """Remove a pane (at least one stays)."""
        if len(self.panes) <= 1 or pane not in self.panes:
            return
        index = self.panes.index(pane)
        documents = self.documents[:index] + self.documents[index + 1:]
        self._drop_pane(pane)
        self.set_documents(documents)

    @Slot(object, int)
    def _on_document_requested(self, pane: ComparePane, doc_id: int) -> None:
        index = self.panes.index(pane)
        documents = list(self.documents)
        documents[index] = self.library.get_document(doc_id)
        self.set_documents(documents)

    # --- computing and painting ------------------------------------------------------------

    @Slot()
    def recompute(self) -> None:
        """Build the comparison off the GUI thread; a newer request makes an older result stale."""
        self._generation += 1
        generation = self._generation
        self._holders_timer.stop()
        for pane in self.panes:
            pane.speech.marker_strip.hold()
        if not self.documents:
            return                          # nothing shown yet (a setting changed before any comparison)
        documents, min_chars, folder = list(self.documents), self.min_chars.value(), self.library.folder
        share, read_only = self.settings.get("shared/stock_threshold"), self.library.read_only
        score = self.settings.get("shared/stock_score")
        job = Job("compare", lambda progress, cancelled: compute_comparison(folder, documents, min_chars, share,
                                                                            read_only, score, holders=False))
        job.succeeded.connect(lambda result: self._apply_comparison(result, generation))
        job.failed.connect(lambda message: self.summary.setText(message))
        self.jobs.run(job)

    def _apply_comparison(self, comparison: Comparison, generation: int) -> None:
        if generation != self._generation:
            return
        self.comparison = comparison
        self.paint_shared()
        self._place_new_panes()
        self.comparison_ready.emit(comparison)
        self._holders_timer.start()

    @Slot()
    def _find_holders(self) -> None:
        """The "also in" lists of the comparison on screen, once it is painted and the reader is reading (a job
        started with the painting would take the GIL from it)."""
        comparison = self.comparison
        if comparison is None or comparison.holders:
            return
        folder, read_only = self.library.folder, self.library.read_only
        job = Job("holders", lambda progress, cancelled: compute_holders(folder, comparison, read_only))
        job.comparison = comparison
        job.succeeded.connect(self._apply_holders)    # a method of this view: not called once it is gone
        self.jobs.run(job, quiet=True)

    @Slot(object)
    def _apply_holders(self, found: dict) -> None:
        comparison = self.sender().comparison
        comparison.holders = found
        if comparison is self.comparison:
            self.holders_ready.emit(comparison)

    def _place_new_panes(self) -> None:
        """A pane that got a new speech opens where a kept pane is reading (when panes scroll in step)."""
        placed, self._to_place = self._to_place, []
        kept = next((i for i in range(len(self.panes)) if i not in placed), None)
        if kept is None or not self.lock_action.isChecked() or self.panes[kept].speech.text_view.verticalScrollBar().value() == 0:
            return
        top = self.panes[kept].speech.text_view.top_offset()
        with self._syncing():
            for j in placed:
                self.panes[j].speech.text_view.scroll_to_offset(self.comparison.map_offset(kept, top, j), margin=4)

    def paint_shared(self) -> None:
        """Highlight every shared span in every pane, and put its marks in the marker strips."""
        if self.comparison is None:
            return
        show_stock = self.stock_action.isChecked()
        self.spans = [self.comparison.shared_spans(i, show_stock) for i in range(self.comparison.size)]
        for pane, spans in zip(self.panes, self.spans):
            view = pane.speech.text_view
            view.set_layer(SHARED_LAYER, 10, [Highlight(s.start, s.end, span_format(s)) for s in spans])
            pane.speech.marker_strip.set_marks([(s.start, s.end, mark_colour(s)) for s in spans])
        self._update_summary()

    def _update_summary(self) -> None:
        if self.comparison is None or len(self.spans) < 2:
            self.summary.setText("")
            return
        distinctive = sum(1 for s in self.spans[0] if s.cls == "distinctive")
        stock = sum(1 for s in self.spans[0] if s.cls == "stock")
        near = sum(1 for s in self.spans[0] if s.kind == "near")
        share = 100 * self.comparison.shared_chars(0, self.stock_action.isChecked()) / max(1, len(self.documents[0].text))
        counts = (self.tr("Left speech, passages shared with the others: %1 distinctive, %2 stock "
                          "(%3 near-verbatim); %4% of its text")
                  .replace("%1", str(distinctive)).replace("%2", str(stock)).replace("%3", str(near))
                  .replace("%4", f"{share:.1f}"))
        # the legend is our own markup; no speech text ever goes into this label
        legend = " ".join(f'<span style="background:{c.name(QColor.NameFormat.HexArgb)};">&nbsp;&nbsp;&nbsp;</span> {label}'
                          for c, label in ((DISTINCTIVE, self.tr("distinctive reuse")),
                                           (DISTINCTIVE_NEAR, self.tr("near-verbatim (dashed)")),
                                           (STOCK, self.tr("stock formula"))))
        self.summary.setText(f"&nbsp;{legend} &nbsp;&nbsp; {html.escape(counts)}")

    @Slot(bool)
    def _on_stock_toggled(self, on: bool) -> None:
        self.settings.set("shared/show_stock", on)
        self.paint_shared()

    @Slot(int)
    def _on_min_chars_changed(self, value: int) -> None:
        self.settings.set("shared/min_chars", value)
        self._recompute_timer.start()

    @Slot(int)
    def _zoom_requested(self, step: int) -> None:
        self.set_font_size(self.settings.get("reading/font_size") + step)

    def set_font_size(self, size: int) -> None:
        """Apply a reading font size to every pane."""
        size = max(8, min(40, size))
        self.settings.set("reading/font_size", size)
        self._apply_fonts()

    def pane_font_size(self) -> int:
        """The reading size in each pane: a point smaller per pane beyond two, so four panes still hold a line."""
        size = self.settings.get("reading/font_size")
        return max(min(size, 10), size - max(0, len(self.panes) - 2))

    def _apply_fonts(self, new_text: list[int] = ()) -> None:
        """The reading font in every pane; panes about to show another speech are formatted with it then."""
        size = self.pane_font_size()
        for j, pane in enumerate(self.panes):
            pane.speech.text_view.set_reading_font(self.settings.get("reading/font_family"), size,
                                                   self.settings.get("reading/line_spacing"),
                                                   keep_text=j not in new_text)
