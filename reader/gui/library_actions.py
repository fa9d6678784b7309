"""The window's library work: import (menu, drop, first start), edit, remove, re-index, in the background."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reader.core.library_error import explain
from reader.core.store import Library, LibraryError
from reader.gui import plain
from reader.gui.workers import Job

IMPORT_FILTER = "*.txt *.text *.md *.docx *.html *.htm"


def in_own_library(folder, fn, read_only: bool = False):
    """Wrap fn(library, progress, cancelled) to run on a worker thread with a connection of its own."""

    def work(progress, cancelled):
        library = Library(folder, read_only=read_only, backup_on_close=False)   # the window's close backs up
        try:
            return fn(library, progress, cancelled)
        except sqlite3.Error as exc:   # locked, disk full or damage: said so, never a raw SQLite message
            raise explain(library.path, exc) from exc
        finally:
            library.close()

    return work


class LibraryActionsMixin:
    """Mixed into the main window: what the File menu, the library pane and drops ask of the library."""

    @Slot(int)
    def edit_document(self, doc_id: int) -> None:
        """Edit a speech's details, encoding and cleaning; the text changes are re-indexed in the background."""
        from reader.gui.document_dialog import DocumentDialog

        dialog = DocumentDialog(self.library.get_document(doc_id), self)
        if dialog.exec() != DocumentDialog.DialogCode.Accepted:
            return
        changes = dialog.changes()
        from reader.core.importer import ImportRefused    # the importers (lxml, docx) load when first needed
        from reader.core.library_ops import set_cleaning
        try:
            fields = {k: v for k, v in changes.items() if k in ("title", "date", "place", "speaker", "origin")}
            self.library.update_metadata(doc_id, **fields)
            reports = []
            if "encoding" in changes:
                reports.append(self._reencode(doc_id, changes["encoding"]))
            if "cleaned" in changes:
                reports.append(set_cleaning(self.library, doc_id, changes["cleaned"]))
            for report in filter(None, reports):
                self.after_text_change(doc_id, report)
        except (LibraryError, ImportRefused, LookupError, ValueError) as exc:
            message = exc.message() if hasattr(exc, "message") else str(exc)
            plain.warning(self, self.tr("Speech Details"), message)
        self.refresh_library()
        if "encoding" in changes or "cleaned" in changes:
            self.reindex_in_background()
        if self.reading_pane.document is not None and self.reading_pane.document.id == doc_id:
            self.open_documents([doc_id])

    def _reencode(self, doc_id: int, encoding: str):
        """Decode the stored bytes again; a garbled result is applied only if the reader insists."""
        from reader.core.library_ops import reencode_document
        try:
            return reencode_document(self.library, doc_id, encoding)
        except LibraryError as exc:
            if exc.reason != "garbled":
                raise
            question = exc.message() + "\n\n" + self.tr("Use this encoding anyway? The current text is kept "
                                                         "among the speech's versions.")
            if plain.question(self, self.tr("Speech Details"), question) != QMessageBox.StandardButton.Yes:
                return None
            return reencode_document(self.library, doc_id, encoding, force=True)

    @Slot(list)
    def remove_documents(self, ids: list) -> None:
        """Remove speeches from the library after a confirmation that says what goes with them."""
        titles = "\n".join(self.library.get_document(i).display_title() for i in ids[:10])
        answer = plain.question(
            self, self.tr("Remove from Library"),
            self.tr("Remove %n speech(es) from the library, with their tagged excerpts?", "", len(ids)) + "\n\n" + titles)
        if answer != QMessageBox.StandardButton.Yes:
            return
        for doc_id in ids:
            self.library.remove_document(doc_id)
        if self.reading_pane.document is not None and self.reading_pane.document.id in ids:
            self.reading_pane.set_document(None)
        if self._compare_view is not None and any(i in ids for i in self._compare_view.document_ids()):
            remaining = [d for d in self.compare_view.documents if d.id not in ids]
            if len(remaining) >= 2:
                self.compare_view.set_documents(remaining)
            else:
                self.center.setCurrentWidget(self.reading_pane)
        self.refresh_library()
        self.reindex_in_background()

    def reindex_in_background(self) -> Job:
        """Bring the shared-phrasing index up to date after the library changed."""
        def work(library, progress, cancelled):
            from reader.core.library_ops import sync_index
            return sync_index(library, progress, cancelled)

        work = in_own_library(self.library.folder, work, read_only=self.library.read_only)
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
        def work(library, progress, cancelled):
            from reader.core.library_ops import import_paths, sync_index
            report = import_paths(library, paths, progress=progress, cancelled=cancelled)
            sync_index(library, progress, cancelled)
            return report

        work = in_own_library(self.library.folder, work)
        return self._start_job(Job("import", work), self.tr("Importing…"), self._on_import_done)

    def import_bundled_in_background(self) -> Job | None:
        """On a library's first start, import the sample speeches so a newcomer sees them at once."""
        if self.library.get_state("bundled_corpus_imported"):
            return None
        def work(library, progress, cancelled):
            from reader.core.library_ops import import_bundled_corpus, sync_index
            report = import_bundled_corpus(library, progress=progress, cancelled=cancelled)
            sync_index(library, progress, cancelled)
            return report

        work = in_own_library(self.library.folder, work)
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
            box = plain.message_box(self, QMessageBox.Icon.Warning, self.tr("Some files were not imported"), message)
            box.setDetailedText(details)
            box.setInformativeText(details if len(report.failed) <= 5 else "")
            box.open()
        if report.added and self.reading_pane.document is None:
            self.open_documents([report.added[0]])
        if getattr(report, "versions", None):
            self.offer_new_versions(report.versions)

    @Slot(str)
    def _on_job_failed(self, message: str) -> None:
        self.status_label.setText(message)
        plain.warning(self, self.windowTitle(), message)
