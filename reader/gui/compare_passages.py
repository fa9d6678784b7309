"""The comparison's shared passages under the reader's hand: tooltips, a click, next/previous, a selection's counterparts."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QToolTip

from reader.core.comparison import SharedSpan
from reader.gui import plain
from reader.gui.passage_style import flash_format
from reader.gui.speech_view import Highlight

FLASH_LAYER = "flash"


class PassagesMixin:
    """For CompareView: needs self.panes, self.spans, self.documents, self.comparison, self.active_pane,
    self.library, self._syncing() and self._flash_timer."""

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
            documents = {d.id: d for d in self._choices()[0]}   # read once per library change, not per tooltip
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
