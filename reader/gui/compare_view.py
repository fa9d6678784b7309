"""Two to four speeches side by side: sections in step, shared phrasing in colour, diffs of aligned sections."""

from __future__ import annotations

import html
import logging
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QSpinBox, QSplitter, QToolBar, QToolTip, QVBoxLayout, QWidget

from reader.core.comparison import MAX_PANES, Comparison, SharedSpan, compute_comparison
from reader.core.reuse import DEFAULT_MIN_CHARS
from reader.core.store import Document, Library
from reader.gui import plain
from reader.gui.compare_pane import ComparePane
from reader.gui.icons import themed_icon
from reader.gui.passage_style import (DISTINCTIVE, DISTINCTIVE_NEAR, STOCK, flash_format, mark_colour,
                                     span_format)
from reader.gui.speech_view import Highlight
from reader.gui.workers import Job, JobRunner

log = logging.getLogger(__name__)
SHARED_LAYER = "shared"
FLASH_LAYER = "flash"


class CompareView(QWidget):
    """The comparison: a toolbar, and a pane per speech; panes never reach into each other, this view does."""

    comparison_ready = Signal(object)
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
        for action in (self.prev_action, self.next_action):
            bar.addAction(action)
            bar.widgetForAction(action).setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        bar.addAction(self.diff_action)
        self.whole_action.setIcon(themed_icon("compare", self.palette()))
        bar.addAction(self.whole_action)
        bar.widgetForAction(self.whole_action).setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
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
        while len(self.panes) < len(self.documents):
            self._make_pane()
        while len(self.panes) > max(len(self.documents), 1):
            self._drop_pane(self.panes[-1])
        self._apply_fonts()
        infos, rows = self._choices()
        outlines = self.library.outlines([d.id for d in self.documents if d.id is not None])   # stored at import
        self._to_place = []
        for j, (pane, doc) in enumerate(zip(self.panes, self.documents)):
            pane.set_choices(infos, doc.id, doc.display_title(), rows)
            shown = pane.speech.document
            if shown is None or shown.id != doc.id or shown.id is None or shown.text != doc.text:
                # a pane keeping its speech keeps its place too
                pane.speech.set_document(doc, outlines.get(doc.id) if doc.id is not None else None)
                self._to_place.append(j)
        self.spans = [[] for _ in self.documents]
        self.summary.setText(self.tr("Finding shared passages…"))
        self.add_pane_action.setEnabled(len(self.documents) < MAX_PANES)
        self.pane_count_changed.emit(len(self.panes))
        self.documents_changed.emit()
        self.recompute()

    def document_ids(self) -> list[int | None]:
        """The ids of the speeches on screen (None for a file outside the library)."""
        return [d.id for d in self.documents]

    def _make_pane(self) -> ComparePane:
        pane = ComparePane()
        pane.setObjectName(f"comparePane{len(self.panes)}")
        self.panes.append(pane)
        self.splitter.addWidget(pane)
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
        if not self.documents:
            return                          # nothing shown yet (a setting changed before any comparison)
        documents, min_chars, folder = list(self.documents), self.min_chars.value(), self.library.folder
        share, read_only = self.settings.get("shared/stock_threshold"), self.library.read_only
        score = self.settings.get("shared/stock_score")
        job = Job("compare", lambda progress, cancelled: compute_comparison(folder, documents, min_chars, share,
                                                                            read_only, score))
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
        counts = (self.tr("Left speech: %1 distinctive, %2 stock passages shared with the others (%3 near-verbatim), "
                          "%4% of its text")
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

    def _apply_fonts(self) -> None:
        size = self.pane_font_size()
        for pane in self.panes:
            pane.speech.text_view.set_reading_font(self.settings.get("reading/font_family"), size,
                                                   self.settings.get("reading/line_spacing"))

    # --- synchronised navigation -----------------------------------------------------------

    @contextmanager
    def _syncing(self):
        """While panes are moved on the reader's behalf, their own scroll signals are not echoed."""
        self._sync_depth += 1
        try:
            yield
        finally:
            self._sync_depth -= 1

    def _on_section_chosen(self, pane: ComparePane, section) -> None:
        """Bring the aligned section of every other pane into view, and mark them all."""
        self.active_pane = self.panes.index(pane)
        if self.comparison is None:
            return
        with self._syncing():
            for j, other in enumerate(self.panes):
                if other is pane:
                    continue
                partner = self.comparison.counterpart(self.active_pane, section, j)
                if partner is not None:
                    other.speech.show_section(partner)

    def _on_scrolled(self, pane: ComparePane) -> None:
        if (self._sync_depth or not self.lock_action.isChecked() or self.comparison is None
                or self.comparison.size != len(self.panes)):
            return
        i = self.panes.index(pane)
        top = pane.speech.text_view.top_offset()
        with self._syncing():
            for j, other in enumerate(self.panes):
                if j != i:
                    other.speech.text_view.scroll_to_offset(self.comparison.map_offset(i, top, j), margin=4)

    def _outline_menu(self, pane: ComparePane, pos) -> None:
        """Context menu of an outline: align this section with the sections selected in the other panes."""
        section = pane.speech.outline_model.section_at(pane.speech.outline.indexAt(pos))
        if section is None or self.comparison is None:
            return
        menu = QMenu(self)
        action = menu.addAction(self.tr("Align with the Sections Selected in the Other Panes"))
        action.triggered.connect(lambda: self.link_selected(pane, section))
        remove = menu.addAction(self.tr("Remove My Alignment of This Section"))
        remove.triggered.connect(lambda: self.unlink_section(pane, section))
        remove.setEnabled(bool(self.corrected_partners(pane, section)))
        for item in (action, remove):
            item.setEnabled(item.isEnabled() and not self.library.read_only)
        menu.popup(pane.speech.outline.viewport().mapToGlobal(pos))

    def corrected_partners(self, pane: ComparePane, section) -> list[int]:
        """The other panes' speeches with which the reader aligned this section by hand."""
        doc = self.documents[self.panes.index(pane)]
        if doc.id is None:
            return []
        return [d.id for d in self.documents if d.id is not None and d.id != doc.id
                and any(a == section.start for a, _b in self.library.section_links(doc.id, d.id))]

    def unlink_section(self, pane: ComparePane, section) -> None:
        """Drop the reader's corrections for this section: the automatic alignment takes over again."""
        doc = self.documents[self.panes.index(pane)]
        for other in self.corrected_partners(pane, section):
            self.library.unlink_sections(doc.id, section.start, other)
        self.recompute()

    def link_selected(self, pane: ComparePane, section) -> None:
        """Keep the reader's correction: this section goes with the one selected in each other pane."""
        i = self.panes.index(pane)
        doc = self.documents[i]
        for j, other in enumerate(self.panes):
            chosen = other.speech.outline_model.section_at(other.speech.outline.currentIndex())
            if j == i or chosen is None or doc.id is None or self.documents[j].id is None:
                continue
            self.library.link_sections(doc.id, section.start, self.documents[j].id, chosen.start)
        self.recompute()

    # --- shared passages: hover, click, next/previous --------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Tooltips on shared passages; a click on one brings its counterparts into view."""
        if event.type() not in (QEvent.Type.ToolTip, QEvent.Type.MouseButtonRelease):
            return False
        pane = next((p for p in self.panes if p.speech.text_view.viewport() is watched), None)
        if pane is None or self.comparison is None:
            return False
        i = self.panes.index(pane)
        view = pane.speech.text_view
        offset = view.offset_at(event.position().toPoint() if hasattr(event, "position") else event.pos())
        span = self.span_at(i, offset)
        if event.type() == QEvent.Type.ToolTip:
            if span is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), plain.tooltip(self.describe_span(span, i)), view)
            return True
        self.active_pane = i
        if span is not None and not view.textCursor().hasSelection() and event.button() == Qt.MouseButton.LeftButton:
            self.reveal_counterparts(i, span)
        return False

    def span_at(self, pane: int, offset: int) -> SharedSpan | None:
        """The shared span under an offset of a pane, as painted."""
        hits = [s for s in self.spans[pane] if s.start <= offset < s.end] if pane < len(self.spans) else []
        return min(hits, key=lambda s: s.end - s.start) if hits else None

    def describe_span(self, span: SharedSpan, pane: int = 0) -> str:
        """What a tooltip says of a shared span: its class, where else it is, how common in the corpus."""
        kind = self.tr("Distinctive reuse") if span.cls == "distinctive" else self.tr("Stock formula")
        kind += self.tr(" (stock score %1)").replace("%1", f"{span.stock_score:.2f}")
        if span.kind == "near":
            kind += self.tr(" (near-verbatim, %1% alike)").replace("%1", str(round(span.similarity * 100)))
        lines = [kind]
        for cp in span.counterparts:
            lines.append(self.tr("Also in: %1").replace("%1", self.documents[cp.pane].display_title()))
        if span.df is not None:
            documents = {d.id: d for d in self.library.list_documents()}
            lines.append(self.tr("Occurs in %1 of %2 speeches of the library").replace("%1", str(span.df))
                         .replace("%2", str(len(documents))))
            on_screen = set(self.document_ids())
            others = [documents[i] for i in self.comparison.holders_of(pane, span)
                      if i in documents and i not in on_screen]
            for doc in others[:8]:
                lines.append("  · " + doc.display_title() + (f"（{doc.date}）" if doc.date else ""))
            if len(others) > 8:
                lines.append(self.tr("  … and %n more", "", len(others) - 8))
        return "\n".join(lines)

    def reveal_counterparts(self, pane: int, span: SharedSpan) -> None:
        """Scroll every counterpart of a span into view and flash it there."""
        with self._syncing():
            for cp in span.counterparts:
                target = self.panes[cp.pane].speech
                target.reveal_offset(cp.start)
                target.text_view.set_layer(FLASH_LAYER, 30, [Highlight(cp.start, cp.end, flash_format())])
        self._flash_timer.start()

    def _clear_flash(self) -> None:
        for pane in self.panes:
            pane.speech.text_view.clear_layer(FLASH_LAYER)

    def step_passage(self, direction: int) -> SharedSpan | None:
        """Go to the next (1) or previous (-1) shared passage of the active pane, and to its counterparts."""
        if not self.spans or self.active_pane >= len(self.spans) or not self.spans[self.active_pane]:
            return None
        i = self.active_pane
        view = self.panes[i].speech.text_view
        cursor_offset = view.display.from_qt(view.textCursor().position())
        spans = self.spans[i]
        if direction > 0:
            target = next((s for s in spans if s.start > cursor_offset), spans[0])
        else:
            target = next((s for s in reversed(spans) if s.start < cursor_offset), spans[-1])
        view.setTextCursor(view.cursor_for(target.start))
        with self._syncing():
            self.panes[i].speech.reveal_offset(target.start)
            view.set_layer(FLASH_LAYER, 30, [Highlight(target.start, target.end, flash_format())])
        self.reveal_counterparts(i, target)
        return target

    def counterparts_of(self, pane: int, start: int, end: int) -> list[tuple[int | None, int, int]]:
        """Where a selection's shared text stands in each other pane: (doc id, start, end) per pane."""
        found: dict[int, tuple[int, int]] = {}
        for span in self.spans[pane] if pane < len(self.spans) else []:
            if span.end <= start or span.start >= end:
                continue
            for cp in span.counterparts:
                # a selection inside one passage maps by the same distances from its edges
                lo = cp.start + max(0, start - span.start) if span.kind == "exact" else cp.start
                hi = cp.end - max(0, span.end - end) if span.kind == "exact" else cp.end
                lo, hi = min(lo, hi), max(lo, hi)
                old = found.get(cp.pane)
                found[cp.pane] = (min(old[0], lo), max(old[1], hi)) if old else (lo, hi)
        return [(self.documents[j].id, lo, hi) for j, (lo, hi) in sorted(found.items()) if hi > lo]

    def focused_pane(self) -> int | None:
        """The pane whose text has the keyboard focus."""
        return next((i for i, p in enumerate(self.panes) if p.speech.text_view.hasFocus()), None)

    # --- section diff and synoptic view ------------------------------------------------------

    def _current_pair(self):
        """(pane, other pane, section, its counterpart) for the active pane's current section, or None."""
        if self.comparison is None or len(self.panes) < 2:
            return None
        i = self.active_pane if self.active_pane < len(self.panes) else 0
        j = (i + 1) % len(self.panes)
        speech = self.panes[i].speech
        section = speech.outline_model.section_at(speech.outline.currentIndex()) or speech.current_section()
        if section is None:
            return None
        partner = self.comparison.counterpart(i, section, j)
        return None if partner is None else (i, j, section, partner)

    @Slot()
    def show_section_diff(self):
        """Diff the active pane's current section against its counterpart in the next pane."""
        pair = self._current_pair()
        if pair is None:
            return None
        from reader.gui.diff_dialog import DiffDialog

        i, j, section, partner = pair
        dialog = DiffDialog(self.documents[i], section, self.documents[j], partner, self.jobs, self)
        dialog.show()
        return dialog

    def show_synoptic(self, whole: bool = False):
        """The synoptic view of the current section and its counterpart (or of the two whole speeches)."""
        if len(self.panes) < 2:
            return None
        from reader.gui.synoptic_dialog import SynopticDialog

        if whole:
            i = self.active_pane if self.active_pane < len(self.panes) else 0
            j, section, partner = (i + 1) % len(self.panes), None, None
        else:
            pair = self._current_pair()
            if pair is None:
                return None
            i, j, section, partner = pair
        doc_a, doc_b = self.documents[i], self.documents[j]
        links = self.library.section_links(doc_a.id, doc_b.id) if doc_a.id and doc_b.id else []
        dialog = SynopticDialog(doc_a, self.panes[i].speech.sections, doc_b, self.panes[j].speech.sections,
                                self.jobs, self.settings, section, partner, self, links)
        dialog.char_diff_requested.connect(self.show_section_diff)
        dialog.show()
        return dialog
