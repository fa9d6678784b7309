"""The main window only assembles: library on the left, the reading area in the middle, menus and status."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (QLabel, QMainWindow, QMessageBox, QProgressBar, QPushButton,
                               QSplitter, QStackedWidget, QVBoxLayout, QWidget)

from reader import __version__
from reader.core.store import Library, LibraryError
from reader.gui import plain
from reader.gui.actions import WindowActions
from reader.gui.backup_notice import BackupNotice
from reader.gui.empty_state import EmptyState
from reader.gui.excerpt_actions import ExcerptActionsMixin
from reader.gui.library_actions import LibraryActionsMixin
from reader.gui.library_pane import LibraryPane
from reader.gui.review_actions import ReviewActionsMixin
from reader.gui.settings import Settings
from reader.gui.speech_pane import SpeechPane
from reader.gui.theme import apply_color_scheme
from reader.gui.window_memory import WindowMemoryMixin
from reader.gui.workers import JobRunner

log = logging.getLogger(__name__)
LIBRARY_MIN_WIDTH = 220   # enough for a title's head and tail around "…" and its date


class MainWindow(LibraryActionsMixin, ExcerptActionsMixin, ReviewActionsMixin, WindowMemoryMixin, QMainWindow):
    """Library, reading pane, menus, status bar with progress; restores its layout on start."""

    def __init__(self, library: Library, settings: Settings, parent=None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.library = library
        self.settings = settings
        self.jobs = JobRunner(self)
        self.setWindowTitle(self.tr("Duidu — speeches side by side"))
        self.setAcceptDrops(True)

        self.library_pane = LibraryPane()
        self.library_pane.setObjectName("libraryPane")
        self.reading_pane = SpeechPane(Qt.Orientation.Horizontal)
        self.reading_pane.setObjectName("readingPane")
        self._compare_view = None   # built by the warm-up after the first paint, or when first asked for
        self.center = QStackedWidget()
        self.center.addWidget(self.reading_pane)   # the empty state goes in front once the actions exist
        self._overview = None       # built when first shown (see overview)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.library_pane)
        self.splitter.addWidget(self.center)
        # the library keeps its width when the window changes; the reading area takes the rest
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(0, False)
        self.splitter.setCollapsible(1, False)
        self.library_pane.setMinimumWidth(LIBRARY_MIN_WIDTH)
        self.banner = QLabel(self.tr("Read-only: another copy of Duidu is using this library. You can read, "
                                     "compare and export; to import or tag, close the other copy and restart."))
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("QLabel#readOnlyBanner { background: #fff3bf; color: #5c4400; padding: 6px; }")
        self.banner.setVisible(library.read_only)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self._build_status_bar()
        self._build_actions()
        self.empty_state = EmptyState([self.actions.import_files, self.actions.overview, self.actions.guide])
        self.center.addWidget(self.empty_state)
        self.center.setCurrentWidget(self.empty_state)
        self._build_excerpts()
        self.excerpts_dock.setMinimumWidth(220)
        self._build_review()
        if library.read_only:
            self._disable_writing()
        self._apply_reading_font()
        self._library_width: int | None = None   # the library's width before a narrow comparison took it
        self._wire()
        self.refresh_library()
        self._restore_layout()

    @property
    def compare_view(self):
        """The side-by-side comparison, built when first asked for (the warm-up after the first paint asks):
        its modules and widgets were a fifth of the window's start."""
        if self._compare_view is None:
            from reader.gui.compare_view import CompareView

            self._compare_view = CompareView(self.library, self.settings, self.jobs)
            self._compare_view.library_changed(self.library_pane.model.all_rows)   # as read for the list
            self.center.addWidget(self._compare_view)
            self._wire_compare(self._compare_view)
            self._restore_states([self._compare_view.splitter])
        return self._compare_view

    def comparing(self) -> bool:
        """Whether the comparison is on screen."""
        return self._compare_view is not None and self.center.currentWidget() is self._compare_view

    @property
    def overview(self):
        """The corpus overview (map, formulae, phrases, search), built when first asked for: its modules and
        widgets were a tenth of the window's start."""
        if self._overview is None:
            from reader.gui.overview_view import OverviewView

            self._overview = OverviewView(self.library, self.settings, self.jobs)
            self.center.addWidget(self._overview)
            self._overview.open_requested.connect(self.open_at)
            self._overview.compare_requested.connect(self.open_documents)
            self._restore_states(self._overview_states())
        return self._overview

    # --- assembly --------------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        self.status_label = plain.label()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.hide()
        bar = self.statusBar()
        bar.addWidget(self.status_label, 1)
        self.backup_notice = BackupNotice(self.library)
        bar.addPermanentWidget(self.backup_notice)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)

    def _build_actions(self) -> None:
        self.actions = WindowActions(self)
        self.actions.build_menus()
        self.actions.refresh_icons()
        self.actions.toggle_library.setChecked(True)
        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.actions.import_files, self.actions.read, self.actions.compare,
                            self.actions.overview, self.actions.tag_selection, self.actions.export])
        self.toolbar = toolbar

    def _wire(self) -> None:
        actions = self.actions
        actions.import_files.triggered.connect(self.choose_files_to_import)
        actions.import_folder.triggered.connect(self.choose_folder_to_import)
        actions.quit.triggered.connect(self.close)
        actions.zoom_in.triggered.connect(lambda: self.change_font_size(1))
        actions.zoom_out.triggered.connect(lambda: self.change_font_size(-1))
        actions.about.triggered.connect(self.show_about)
        actions.toggle_library.toggled.connect(self.library_pane.setVisible)
        actions.settings.triggered.connect(self.show_settings)
        actions.overview.triggered.connect(self.show_overview)
        actions.find.triggered.connect(self.show_search)
        actions.find_in_speech.triggered.connect(self.find_in_speech)
        actions.guide.triggered.connect(self.show_guide)
        actions.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.library_pane.open_requested.connect(self.open_documents)
        self.library_pane.edit_requested.connect(self.edit_document)
        self.library_pane.remove_requested.connect(self.remove_documents)
        actions.compare.triggered.connect(self.compare_selected)
        actions.read.triggered.connect(lambda: self.open_documents(self.library_pane.selected_ids()[:1]))
        self.reading_pane.text_view.zoom_requested.connect(self.change_font_size)
        self.jobs.busy_changed.connect(self._on_busy_changed)
        self.cancel_button.clicked.connect(self.jobs.cancel_all)
        self.center.currentChanged.connect(self.give_back_library_width)

    # --- library ---------------------------------------------------------------------------

    def refresh_library(self) -> None:
        """Reload the library list from the database."""
        infos = self.library.list_documents(brief=True)
        self.library_pane.set_documents(infos, by_date=True)
        if self._overview is not None:
            self._overview.library_changed()
        if self._compare_view is not None:
            self._compare_view.library_changed(infos)
        count = self.library_pane.model.rowCount()
        self.empty_state.set_library_size(count)
        if self.center.currentWidget() is self.reading_pane and self.reading_pane.document is None:
            self.center.setCurrentWidget(self.empty_state)   # the speech being read was removed
        self.status_label.setText(self.tr("%n speech(es) in the library", "", count))

    @Slot(list)
    def open_documents(self, ids: list) -> None:
        """Read one speech; several go side by side in the comparison view."""
        if not ids:
            return
        try:
            documents = [self.library.get_document(doc_id) for doc_id in ids[:4]]
        except LibraryError as exc:
            plain.warning(self, self.windowTitle(), exc.message())
            return
        if len(documents) == 1:
            self.reading_pane.set_document(documents[0], self.library.outline(documents[0].id))
            self.paint_excerpts()
            self.center.setCurrentWidget(self.reading_pane)
            self.library_pane.select_id(documents[0].id)
            self._remember_recent([documents[0].id])
        else:
            self.show_comparison(documents)

    @Slot()
    def show_overview(self) -> None:
        """The corpus at a glance."""
        self.center.setCurrentWidget(self.overview)

    @Slot()
    def show_search(self) -> None:
        """The overview's search tab, ready for typing."""
        self.overview.setCurrentWidget(self.overview.search_box.parentWidget())
        self.show_overview()
        self.overview.search_box.setFocus()
        self.overview.search_box.selectAll()

    @Slot()
    def find_in_speech(self) -> None:
        """Ctrl+F: the find bar of the speech being read, or of the focused pane of a comparison."""
        if self.comparing() and self.compare_view.panes:
            pane = self.compare_view.focused_pane()
            self.compare_view.panes[pane or 0].speech.find_bar.open_bar()
        elif self.reading_pane.document is not None:
            self.center.setCurrentWidget(self.reading_pane)
            self.reading_pane.find_bar.open_bar()

    @Slot(int, int, int, list)
    def open_at(self, doc_id: int, start: int, end: int, marks: list) -> None:
        """Read a speech at a hit, with every hit of the same search marked."""
        self.open_documents([doc_id])
        self.reading_pane.show_hits([tuple(m) for m in marks] or [(start, end)])
        self.reading_pane.select_range(start, end)

    def show_comparison(self, documents) -> None:
        """Put 2–4 speeches (library documents or loose files) side by side."""
        self.compare_view.set_documents(documents)
        self.center.setCurrentWidget(self.compare_view)
        if (len(documents) > 2 and self.library_pane.width() > LIBRARY_MIN_WIDTH
                and self.center.width() / len(documents) < 360):
            # three or four narrow panes need the width more than the library's titles do
            sizes = self.splitter.sizes()
            self._library_width = sizes[0]      # given back when the comparison is left
            self.splitter.setSizes([LIBRARY_MIN_WIDTH, sum(sizes) - LIBRARY_MIN_WIDTH])
        self._remember_recent([d.id for d in documents if d.id is not None])

    def _disable_writing(self) -> None:
        """A read-only library: everything that would write is switched off (reading and export stay)."""
        for action in (self.actions.import_files, self.actions.import_folder, self.actions.tag_selection,
                       self.actions.undo, self.actions.redo):
            action.setEnabled(False)
        self.editor.stack.canUndoChanged.disconnect(self.actions.undo.setEnabled)
        self.editor.stack.canRedoChanged.disconnect(self.actions.redo.setEnabled)
        self.setAcceptDrops(False)
        self.library_pane.read_only = True
        self.excerpts_panel.set_read_only(True)

    # --- settings, help --------------------------------------------------------------------

    @Slot()
    def show_settings(self) -> None:
        """The settings dialog; what can change at once does, the rest on the next start."""
        from reader.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        changed = dialog.apply()
        if changed & {"reading/font_family", "reading/font_size", "reading/line_spacing"}:
            self._apply_reading_font()
            if self._compare_view is not None:
                self._compare_view.set_font_size(self.settings.get("reading/font_size"))
        if "ui/color_scheme" in changed:
            apply_color_scheme(self.settings.get("ui/color_scheme"))
        if changed & {"shared/min_chars", "shared/stock_threshold", "shared/stock_score"} \
                and self._compare_view is not None:
            self._compare_view.min_chars.setValue(self.settings.get("shared/min_chars"))
            if self._compare_view.documents:
                self._compare_view.recompute()
        if changed & {"ui/language", "library/folder"}:
            plain.information(self, self.tr("Settings"),
                                    self.tr("The new language or library folder takes effect when Duidu starts again."))

    @Slot()
    def show_guide(self) -> None:
        """The user guide, in the interface's language."""
        from reader.gui.guide_dialog import GuideDialog

        GuideDialog(self).show()

    # --- drops -------------------------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        """Files and folders dragged from the desktop can be dropped anywhere on the window."""
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        """Import what was dropped, in the background."""
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.import_in_background(paths)
            event.acceptProposedAction()

    def changeEvent(self, event) -> None:  # noqa: N802
        """Redraw icons when the palette changes (light/dark switch)."""
        if event.type() == event.Type.PaletteChange:
            self.actions.refresh_icons()
        super().changeEvent(event)

    @Slot()
    def compare_selected(self) -> None:
        """Compare the speeches selected in the library (one selected: with the speech being read)."""
        ids = self.library_pane.selected_ids()
        current = self.reading_pane.document
        if len(ids) == 1 and current is not None and current.id not in ids:
            ids = [current.id] + ids
        if len(ids) == 1:
            others = [d.id for d in self.library.list_documents() if d.id != ids[0]]
            ids += others[:1]
        self.open_documents(ids)

    @Slot(bool)
    def _on_busy_changed(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)

    # --- reading font ------------------------------------------------------------------------

    def _apply_reading_font(self) -> None:
        self.reading_pane.text_view.set_reading_font(self.settings.get("reading/font_family"),
                                                    self.settings.get("reading/font_size"),
                                                    self.settings.get("reading/line_spacing"))

    @Slot(int)
    def change_font_size(self, step: int) -> None:
        """Make the reading text larger or smaller (Ctrl+plus/minus, Ctrl+wheel)."""
        size = max(8, min(40, self.settings.get("reading/font_size") + step))
        self.settings.set("reading/font_size", size)
        self._apply_reading_font()
        if self._compare_view is not None:
            self._compare_view.set_font_size(size)

    # --- about, closing -----------------------------------------------------------------------

    @Slot()
    def show_about(self) -> None:
        """The About box with the version."""
        QMessageBox.about(self, self.tr("About Duidu"), self.tr(
            "Duidu (对读) %1\nRead Chinese official speeches side by side: outlines, shared phrasing, "
            "tagged excerpts.").replace("%1", __version__))

    def closeEvent(self, event) -> None:  # noqa: N802
        """Save the layout, stop background work, then close."""
        self.save_layout()
        self.remember_open()
        self.jobs.shutdown()
        from reader.core.comparison import shared_index   # loaded at start by the warm-up, not before the window
        shared_index.close()      # the workers' long-lived connection goes with the window
        super().closeEvent(event)
