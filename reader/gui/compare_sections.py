"""The comparison's sections: panes kept in step, the reader's alignment corrections, and the diff or synoptic view
of two aligned sections."""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QMenu

from reader.gui.compare_pane import ComparePane


class SectionsMixin:
    """For CompareView: needs self.panes, self.documents, self.comparison, self.active_pane, self.library,
    self.jobs, self.settings, self.lock_action, self._sync_depth and self.recompute()."""

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
