"""The window's excerpt work: tag selections, paint excerpts, open one in context, export, copy, undo."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDockWidget

from reader.gui.codebook_editor import CodebookEditor
from reader.gui.excerpts_panel import ExcerptsPanel
from reader.gui.export_dialog import ExportDialog, clipboard_mime
from reader.gui.tagging import TaggingController


class ExcerptActionsMixin:
    """Mixed into the main window: builds the excerpts dock and wires tagging, undo and export."""

    def _build_excerpts(self) -> None:
        self.editor = CodebookEditor(self.library, self)
        self.tagging = TaggingController(self.editor, self)
        self.excerpts_panel = ExcerptsPanel(self.editor, self.library)
        self.excerpts_dock = QDockWidget(self.tr("Excerpts"), self)
        self.excerpts_dock.setObjectName("excerptsDock")
        self.excerpts_dock.setWidget(self.excerpts_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.excerpts_dock)
        toggle = self.excerpts_dock.toggleViewAction()
        toggle.setText(self.tr("Show &Excerpts"))
        toggle.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.actions.view_menu.addAction(toggle)
        self.tag_action = self.actions.tag_selection
        stack = self.editor.stack
        self.actions.undo.setEnabled(False)
        self.actions.redo.setEnabled(False)
        stack.canUndoChanged.connect(self.actions.undo.setEnabled)
        stack.canRedoChanged.connect(self.actions.redo.setEnabled)
        self.actions.undo.triggered.connect(stack.undo)
        self.actions.redo.triggered.connect(stack.redo)
        self.actions.tag_selection.triggered.connect(self.tag_focused_selection)
        self.actions.export.triggered.connect(lambda: self.export_excerpts(self.excerpts_panel.chosen_excerpts()))
        self.editor.changed.connect(self.paint_excerpts)
        self.reading_pane.tag_requested.connect(self._tag_in_reading_pane)
        self.excerpts_panel.open_requested.connect(self.show_excerpt)
        self.excerpts_panel.export_requested.connect(self.export_excerpts)
        self.excerpts_panel.copy_requested.connect(self.copy_excerpts)
        self.excerpts_panel.place_requested.connect(self.place_excerpt)

    def _wire_compare(self, view) -> None:
        """Connect the comparison view (built after the start) to tagging."""
        view.tag_requested.connect(self._tag_in_compare_pane)
        view.documents_changed.connect(self.paint_excerpts)

    @Slot()
    def paint_excerpts(self) -> None:
        """Show tagged excerpts in every pane on screen."""
        doc = self.reading_pane.document
        self.tagging.paint(self.reading_pane.text_view, doc.id if doc else None)
        for pane in self._compare_view.panes if self._compare_view is not None else ():
            doc = pane.speech.document
            self.tagging.paint(pane.speech.text_view, doc.id if doc else None)

    def _tag_in_reading_pane(self, start: int, end: int) -> None:
        doc = self.reading_pane.document
        if doc is not None:
            self.tagging.tag(doc.id, doc.text, start, end)

    def _tag_in_compare_pane(self, pane: int, start: int, end: int) -> None:
        doc = self.compare_view.documents[pane]
        self.tagging.tag(doc.id, doc.text, start, end, self.compare_view.counterparts_of(pane, start, end))

    @Slot()
    def tag_focused_selection(self) -> None:
        """Ctrl+T: tag the selection of the text that has the focus."""
        pane = self.compare_view.focused_pane() if self.comparing() else None
        if pane is not None:
            selected = self.compare_view.panes[pane].speech.text_view.selected_range()
            if selected:
                self._tag_in_compare_pane(pane, *selected)
            return
        selected = self.reading_pane.text_view.selected_range()
        if selected:
            self._tag_in_reading_pane(*selected)

    @Slot(object)
    def show_excerpt(self, excerpt) -> None:
        """Open an excerpt's speech and select the excerpt in context (under review: its candidate, if any)."""
        self.open_documents([excerpt.doc_id])
        if excerpt.status == "review":
            from reader.core.anchor import candidate

            found = candidate(self.editor.codebook, excerpt.id)
            if found is not None:
                self.reading_pane.select_range(found[0], found[1])
            return       # its own offsets point into an older text
        self.reading_pane.select_range(excerpt.start, excerpt.end)

    @Slot(object)
    def place_excerpt(self, excerpt) -> None:
        """Put an excerpt that needs review on the text the reader selected in its speech."""
        doc = self.reading_pane.document
        selected = self.reading_pane.text_view.selected_range()
        if doc is None or doc.id != excerpt.doc_id or not selected or selected[1] <= selected[0]:
            self.open_documents([excerpt.doc_id])
            self.status_label.setText(self.tr("Select where the excerpt now stands, then choose “Place” again."))
            return
        self.editor.place_by_hand(excerpt.id, *selected)
        self.status_label.setText(self.tr("The excerpt was placed."))

    @Slot(list)
    def export_excerpts(self, excerpts: list) -> ExportDialog | None:
        """Export excerpts (those the panel shows, or the selected ones)."""
        if not excerpts:
            self.status_label.setText(self.tr("No excerpts to export: tag a passage first."))
            return None
        dialog = ExportDialog(excerpts, self.editor.codebook.list_tags(), self.settings, self)
        dialog.exec()
        if dialog.written is not None:
            self.status_label.setText(self.tr("Exported to %1").replace("%1", str(dialog.written)))
        return dialog

    @Slot(list)
    def copy_excerpts(self, excerpts: list) -> None:
        """Put excerpts with their citations on the clipboard, as HTML and plain text."""
        if excerpts:
            QGuiApplication.clipboard().setMimeData(clipboard_mime(excerpts, self.settings))
            self.status_label.setText(self.tr("Copied %n excerpt(s) with citations", "", len(excerpts)))
