"""The main window only assembles: library on the left, the reading area in the middle, menus and status."""

from __future__ import annotations

import logging
from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QFileDialog, QLabel, QMainWindow, QMessageBox, QProgressBar, QPushButton,
                               QSplitter, QStackedWidget)

from reader import __version__
from reader.core.library_ops import (import_bundled_corpus, import_paths, reencode_document, set_cleaning,
                                     sync_index)
from reader.core.store import Library, LibraryError
from reader.gui.compare_view import CompareView
from reader.gui.library_pane import LibraryPane
from reader.gui.settings import Settings
from reader.gui.speech_pane import SpeechPane
from reader.gui.workers import Job, JobRunner

log = logging.getLogger(__name__)
IMPORT_FILTER = "*.txt *.text *.md *.docx *.html *.htm"


class MainWindow(QMainWindow):
    """Library, reading pane, menus, status bar with progress; restores its layout on start."""

    def __init__(self, library: Library, settings: Settings, parent=None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.library = library
        self.settings = settings
        self.jobs = JobRunner(self)
        self.setWindowTitle(self.tr("Duidu — speeches side by side"))

        self.library_pane = LibraryPane()
        self.library_pane.setObjectName("libraryPane")
        self.reading_pane = SpeechPane(Qt.Orientation.Horizontal)
        self.reading_pane.setObjectName("readingPane")
        self.compare_view = CompareView(library, settings, self.jobs)
        self.center = QStackedWidget()
        self.center.addWidget(self.reading_pane)
        self.center.addWidget(self.compare_view)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.library_pane)
        self.splitter.addWidget(self.center)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.setCentralWidget(self.splitter)

        self._build_status_bar()
        self._build_actions()
        self._apply_reading_font()
        self._wire()
        self.refresh_library()
        self._restore_layout()

    # --- assembly --------------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        self.status_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.hide()
        bar = self.statusBar()
        bar.addWidget(self.status_label, 1)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)

    def _build_actions(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_files_action = QAction(self.tr("&Import Files…"), self)
        self.import_files_action.setShortcut(QKeySequence.StandardKey.Open)
        self.import_folder_action = QAction(self.tr("Import &Folder…"), self)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        file_menu.addActions([self.import_files_action, self.import_folder_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.compare_action = QAction(self.tr("&Compare Selected Speeches"), self)
        self.compare_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.compare_action.setToolTip(self.tr("Show the speeches selected in the library side by side"))
        self.read_action = QAction(self.tr("&Read Selected Speech"), self)
        self.read_action.setShortcut(QKeySequence("Ctrl+Return"))
        view_menu.addActions([self.read_action, self.compare_action])
        view_menu.addSeparator()
        self.zoom_in_action = QAction(self.tr("&Larger Text"), self)
        self.zoom_in_action.setShortcuts([QKeySequence.StandardKey.ZoomIn, QKeySequence("Ctrl+=")])
        self.zoom_out_action = QAction(self.tr("&Smaller Text"), self)
        self.zoom_out_action.setShortcut(QKeySequence.StandardKey.ZoomOut)
        view_menu.addActions([self.zoom_in_action, self.zoom_out_action])

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = QAction(self.tr("&About Duidu"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(self.about_action)
        for action in (self.zoom_in_action, self.zoom_out_action):
            self.addAction(action)

        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addActions([self.import_files_action, self.read_action, self.compare_action])

    def _wire(self) -> None:
        self.import_files_action.triggered.connect(self.choose_files_to_import)
        self.import_folder_action.triggered.connect(self.choose_folder_to_import)
        self.quit_action.triggered.connect(self.close)
        self.zoom_in_action.triggered.connect(lambda: self.change_font_size(1))
        self.zoom_out_action.triggered.connect(lambda: self.change_font_size(-1))
        self.about_action.triggered.connect(self.show_about)
        self.library_pane.open_requested.connect(self.open_documents)
        self.library_pane.edit_requested.connect(self.edit_document)
        self.library_pane.remove_requested.connect(self.remove_documents)
        self.compare_action.triggered.connect(self.compare_selected)
        self.read_action.triggered.connect(lambda: self.open_documents(self.library_pane.selected_ids()[:1]))
        self.reading_pane.text_view.zoom_requested.connect(self.change_font_size)
        self.jobs.busy_changed.connect(self._on_busy_changed)
        self.cancel_button.clicked.connect(self.jobs.cancel_all)

    # --- library ---------------------------------------------------------------------------

    def refresh_library(self) -> None:
        """Reload the library list from the database."""
        self.library_pane.set_documents(self.library.list_documents())
        count = self.library_pane.model.rowCount()
        self.status_label.setText(self.tr("%n speech(es) in the library", "", count))

    @Slot(list)
    def open_documents(self, ids: list) -> None:
        """Read one speech; several go side by side in the comparison view."""
        if not ids:
            return
        try:
            documents = [self.library.get_document(doc_id) for doc_id in ids[:4]]
        except LibraryError as exc:
            QMessageBox.warning(self, self.windowTitle(), exc.message())
            return
        if len(documents) == 1:
            self.reading_pane.set_document(documents[0])
            self.center.setCurrentWidget(self.reading_pane)
            self.library_pane.select_id(documents[0].id)
        else:
            self.show_comparison(documents)

    def show_comparison(self, documents) -> None:
        """Put 2–4 speeches (library documents or loose files) side by side."""
        self.compare_view.set_documents(documents)
        self.center.setCurrentWidget(self.compare_view)

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

    @Slot(int)
    def edit_document(self, doc_id: int) -> None:
        """Edit a speech's details, encoding and cleaning; the text changes are re-indexed in the background."""
        from reader.gui.document_dialog import DocumentDialog

        dialog = DocumentDialog(self.library.get_document(doc_id), self)
        if dialog.exec() != DocumentDialog.DialogCode.Accepted:
            return
        changes = dialog.changes()
        try:
            fields = {k: v for k, v in changes.items() if k in ("title", "date", "place", "speaker")}
            self.library.update_metadata(doc_id, **fields)
            if "encoding" in changes:
                reencode_document(self.library, doc_id, changes["encoding"])
            if "cleaned" in changes:
                set_cleaning(self.library, doc_id, changes["cleaned"])
        except (LibraryError, LookupError, ValueError) as exc:
            message = exc.message() if hasattr(exc, "message") else str(exc)
            QMessageBox.warning(self, self.tr("Speech Details"), message)
        self.refresh_library()
        if "encoding" in changes or "cleaned" in changes:
            self.reindex_in_background()
        if self.reading_pane.document is not None and self.reading_pane.document.id == doc_id:
            self.open_documents([doc_id])

    @Slot(list)
    def remove_documents(self, ids: list) -> None:
        """Remove speeches from the library after a confirmation that says what goes with them."""
        titles = "\n".join(self.library.get_document(i).display_title() for i in ids[:10])
        answer = QMessageBox.question(
            self, self.tr("Remove from Library"),
            self.tr("Remove %n speech(es) from the library, with their tagged excerpts?", "", len(ids)) + "\n\n" + titles)
        if answer != QMessageBox.StandardButton.Yes:
            return
        for doc_id in ids:
            self.library.remove_document(doc_id)
        if self.reading_pane.document is not None and self.reading_pane.document.id in ids:
            self.reading_pane.set_document(None)
        if any(i in ids for i in self.compare_view.document_ids()):
            remaining = [d for d in self.compare_view.documents if d.id not in ids]
            if len(remaining) >= 2:
                self.compare_view.set_documents(remaining)
            else:
                self.center.setCurrentWidget(self.reading_pane)
        self.refresh_library()
        self.reindex_in_background()

    def reindex_in_background(self) -> Job:
        """Bring the shared-phrasing index up to date after the library changed."""
        folder = self.library.folder

        def work(progress, cancelled):
            library = Library(folder)
            try:
                return sync_index(library, progress, cancelled)
            finally:
                library.close()

        return self._start_job(Job("index", work), self.tr("Updating the shared-phrasing index…"),
                               lambda _report: self.status_label.setText(self.tr("Index up to date")))

    # --- import ----------------------------------------------------------------------------

    @Slot()
    def choose_files_to_import(self) -> None:
        """Ask for files and import them in the background."""
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import Speeches"), "", self.tr("Speeches (%1);;All files (*)").replace("%1", IMPORT_FILTER))
        if files:
            self.import_in_background(files)

    @Slot()
    def choose_folder_to_import(self) -> None:
        """Ask for a folder and import every speech in it in the background."""
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a Folder of Speeches"))
        if folder:
            self.import_in_background([folder])

    def import_in_background(self, paths: list[str]) -> Job:
        """Import off the GUI thread with progress and cancel; report refusals file by file."""
        folder = self.library.folder

        def work(progress, cancelled):
            library = Library(folder)  # a connection of the worker's own
            try:
                report = import_paths(library, paths, progress=progress, cancelled=cancelled)
                sync_index(library, progress, cancelled)
                return report
            finally:
                library.close()

        return self._start_job(Job("import", work), self.tr("Importing…"), self._on_import_done)

    def import_bundled_in_background(self) -> Job | None:
        """On a library's first start, import the sample speeches so a newcomer sees them at once."""
        if self.library.get_state("bundled_corpus_imported"):
            return None
        folder = self.library.folder

        def work(progress, cancelled):
            library = Library(folder)
            try:
                report = import_bundled_corpus(library, progress=progress, cancelled=cancelled)
                sync_index(library, progress, cancelled)
                return report
            finally:
                library.close()

        return self._start_job(Job("bundled", work), self.tr("Adding the sample speeches…"), self._on_import_done)

    def _start_job(self, job: Job, label: str, on_success) -> Job:
        self.status_label.setText(label)
        self.progress.setRange(0, 0)
        job.progressed.connect(self._on_progress)
        job.succeeded.connect(on_success)
        job.failed.connect(self._on_job_failed)
        return self.jobs.run(job)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    @Slot(object)
    def _on_import_done(self, report) -> None:
        self.refresh_library()
        message = self.tr("Imported %1, already in the library %2, failed %3").replace(
            "%1", str(len(report.added))).replace("%2", str(len(report.existing))).replace("%3", str(len(report.failed)))
        self.status_label.setText(message)
        if report.failed:
            details = "\n".join(f.message() for f in report.failed)
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Some files were not imported"), message, parent=self)
            box.setDetailedText(details)
            box.setInformativeText(details if len(report.failed) <= 5 else "")
            box.open()
        if report.added and self.reading_pane.document is None:
            self.open_documents([report.added[0]])

    @Slot(str)
    def _on_job_failed(self, message: str) -> None:
        self.status_label.setText(message)
        QMessageBox.warning(self, self.windowTitle(), message)

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
        self.compare_view.set_font_size(size)

    # --- about, layout -----------------------------------------------------------------------

    @Slot()
    def show_about(self) -> None:
        """The About box with the version."""
        QMessageBox.about(self, self.tr("About Duidu"), self.tr(
            "Duidu (对读) %1\nRead Chinese official speeches side by side: outlines, shared phrasing, "
            "tagged excerpts.").replace("%1", __version__))

    def _restore_layout(self) -> None:
        geometry = self.settings.state("window_geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 820)
        for widget in (self, self.splitter, self.reading_pane.splitter):
            state = self.settings.state(widget.objectName() + "_state")
            if state is not None:
                widget.restoreState(state)
        if self.settings.state("mainSplitter_state") is None:
            self.splitter.setSizes([340, 940])
            self.reading_pane.splitter.setSizes([260, 680])

    def save_layout(self) -> None:
        """Remember geometry and splitters for the next start."""
        self.settings.save_state("window_geometry", self.saveGeometry())
        for widget in (self, self.splitter, self.reading_pane.splitter):
            self.settings.save_state(widget.objectName() + "_state", widget.saveState())
        self.settings.sync()

    def closeEvent(self, event) -> None:  # noqa: N802
        """Save the layout, stop background work, then close."""
        self.save_layout()
        self.remember_open()
        self.jobs.shutdown()
        super().closeEvent(event)

    def last_opened(self) -> list[int]:
        """The speeches open at the last close (one read, or several compared), if remembered."""
        value = self.settings.qsettings.value("session/open_documents")
        if value in (None, ""):
            return []
        return [int(x) for x in str(value).split(",") if x.isdigit()]

    def remember_open(self) -> None:
        """Note what is open for the next start."""
        if self.center.currentWidget() is self.compare_view:
            ids = [i for i in self.compare_view.document_ids() if i is not None]
        else:
            ids = [self.reading_pane.document.id] if self.reading_pane.document else []
        self.settings.qsettings.setValue("session/open_documents", ",".join(map(str, ids)))
