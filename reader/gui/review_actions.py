"""The window's excerpt-safety work: new versions of a speech, its history, excerpts under review, backups.

After any change of a speech's text the window says how many excerpts stayed, moved or need review,
and opens the list of those that need the reader; a button in the status bar keeps the count.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QToolButton

from reader.gui import plain
from reader.gui.library_actions import IMPORT_FILTER, in_own_library
from reader.gui.workers import Job

if TYPE_CHECKING:   # the matching and versions code (diff-match-patch, the importers) loads on first use
    from reader.core.anchor import ReanchorReport


class ReviewActionsMixin:
    """Mixed into the main window after the excerpts dock is built."""

    def _build_review(self) -> None:
        self.review_button = QToolButton()
        self.review_button.setObjectName("reviewButton")
        self.review_button.setStyleSheet("QToolButton#reviewButton { color: #b3261e; font-weight: bold; }")
        self.review_button.clicked.connect(self.show_review_list)
        self.statusBar().addPermanentWidget(self.review_button)
        self.new_version_action = QAction(self.tr("Import &New Version of Speech…"), self)
        self.versions_action = QAction(self.tr("Speech &Versions…"), self)
        self.restore_action = QAction(self.tr("&Restore from Backup…"), self)
        menu = self.actions.file_menu
        before = menu.actions()[3] if len(menu.actions()) > 3 else None
        menu.insertActions(before, [self.new_version_action, self.versions_action])
        menu.insertAction(self.actions.settings, self.restore_action)
        self.new_version_action.triggered.connect(lambda: self.import_new_version())
        self.versions_action.triggered.connect(lambda: self.show_versions())
        self.restore_action.triggered.connect(self.restore_from_backup)
        self.library_pane.new_version_requested.connect(self.import_new_version)
        self.library_pane.versions_requested.connect(self.show_versions)
        self.excerpts_panel.review_requested.connect(self.review_excerpt)
        self.editor.changed.connect(self.update_review_count)
        if self.library.read_only:
            self.new_version_action.setEnabled(False)
            self.restore_action.setEnabled(False)
        self.update_review_count()

    def _chosen_speech(self, doc_id: int | None) -> int | None:
        """The speech named, else the one selected in the library, else the one being read."""
        if doc_id is not None:
            return doc_id
        ids = self.library_pane.selected_ids()
        if ids:
            return ids[0]
        return self.reading_pane.document.id if self.reading_pane.document is not None else None

    @Slot()
    def update_review_count(self) -> int:
        """Show in the status bar how many excerpts need review (hidden when none)."""
        count = len(self.editor.codebook.list_excerpts(status="review"))
        # translated by its own context: PySide6's tr() on a mixin finds no plural forms (they stayed English)
        self.review_button.setText(QCoreApplication.translate("ReviewActionsMixin", "%n excerpt(s) need review", "",
                                                              count))
        self.review_button.setVisible(count > 0)
        return count

    @Slot()
    def show_review_list(self) -> None:
        """The excerpts panel, listing only the excerpts that need review."""
        self.excerpts_dock.show()
        self.excerpts_dock.raise_()
        self.excerpts_panel.select_tag(None)
        self.excerpts_panel.speech_filter.setCurrentIndex(0)
        self.excerpts_panel.review_filter.setChecked(True)
        model = self.excerpts_panel.model
        if model.rowCount():      # the quote column, where [needs review] shows, rather than tags
            self.excerpts_panel.table.scrollTo(model.index(0, 3))

    def import_new_version(self, doc_id: int | None = None, path: str | None = None) -> Job | None:
        """Replace a speech's text by a new version of its file (the old text kept), then report the excerpts."""
        doc_id = self._chosen_speech(doc_id)
        if doc_id is None:
            self.status_label.setText(self.tr("Select a speech in the library first."))
            return None
        if path is None:
            title = self.tr("New Version of “%1”").replace("%1", self.library.get_document(doc_id).display_title())
            path, _ = QFileDialog.getOpenFileName(self, title, "", self.tr("Speeches (%1);;All files (*)")
                                                  .replace("%1", IMPORT_FILTER))
            if not path:
                return None

        def work(library, progress, cancelled):
            from reader.core.library_ops import reimport_document, sync_index
            report = reimport_document(library, doc_id, path)
            sync_index(library, progress, cancelled)
            return report

        return self._start_job(Job("reimport", in_own_library(self.library.folder, work)),
                               self.tr("Importing the new version…"), lambda r: self.after_text_change(doc_id, r))

    def offer_new_versions(self, pairs: list[tuple[int, int]]) -> None:
        """Imported files with the title and file name of a speech already there: make them its new version?"""
        from PySide6.QtWidgets import QMessageBox

        from reader.core.library_ops import make_new_version, sync_index

        for new_id, old_id in pairs:
            title = self.library.get_document(old_id).display_title()
            question = self.tr("The imported “%1” has the same title and file name as a speech already in the "
                               "library. Make it the new version of that speech? Its excerpts are re-anchored and "
                               "its old text is kept in its versions.").replace("%1", title)
            yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
            # No by default: two different speeches may share a title and a file name
            if plain.question(self, self.tr("New Version?"), question, yes | no, no) != yes:
                continue

            def work(library, progress, cancelled, new_id=new_id, old_id=old_id):
                report = make_new_version(library, new_id, old_id)
                sync_index(library, progress, cancelled)
                return report

            self._start_job(Job("new-version", in_own_library(self.library.folder, work)),
                            self.tr("Importing the new version…"), lambda r, d=old_id: self.after_text_change(d, r))

    def show_versions(self, doc_id: int | None = None) -> None:
        """A speech's earlier texts; going back to one re-anchors its excerpts like a new version."""
        from reader.core.versions import list_versions
        from reader.gui.versions_dialog import VersionsDialog

        doc_id = self._chosen_speech(doc_id)
        if doc_id is None:
            self.status_label.setText(self.tr("Select a speech in the library first."))
            return
        dialog = VersionsDialog(self.library, self.library.get_document(doc_id).display_title(),
                                list_versions(self.library, doc_id), self.library.read_only, self)
        if dialog.exec() == VersionsDialog.DialogCode.Accepted and dialog.chosen is not None:
            self.revert_speech(doc_id, dialog.chosen)

    def revert_speech(self, doc_id: int, version_id: int) -> Job:
        """Go back to an earlier text in the background."""
        def work(library, progress, cancelled):
            from reader.core.library_ops import sync_index
            from reader.core.versions import revert_to_version
            report = revert_to_version(library, doc_id, version_id)
            sync_index(library, progress, cancelled)
            return report

        return self._start_job(Job("revert", in_own_library(self.library.folder, work)),
                               self.tr("Going back to the earlier version…"),
                               lambda r: self.after_text_change(doc_id, r))

    def after_text_change(self, doc_id: int, report: ReanchorReport) -> None:
        """Say what happened to the excerpts; open the list when any needs the reader."""
        self.refresh_library()
        self.editor.changed.emit()
        if self.reading_pane.document is not None and self.reading_pane.document.id == doc_id:
            self.open_documents([doc_id])
        counts = report.summary()
        message = self.tr("Excerpts: %1 stayed, %2 moved, %3 need review").replace(
            "%1", str(counts["stayed"])).replace("%2", str(counts["moved"])).replace("%3", str(counts["review"]))
        self.status_label.setText(message)
        if report.review or report.moved:
            self.show_review_list() if report.review else None
            plain.information(self, self.tr("Excerpts After the New Text"), message + "\n\n" + self.tr(
                "Excerpts that need review keep their quote until you decide: right-click one and choose "
                "“Review…”. Moved excerpts are marked [moved] until you confirm their new place."))

    @Slot(object)
    def review_excerpt(self, excerpt) -> None:
        """Show an excerpt's candidate with its character diff; carry out the reader's choice."""
        from reader.core.anchor import candidate
        from reader.gui.review_dialog import ACCEPT, DROP, PLACE, ReviewDialog

        dialog = ReviewDialog(excerpt, candidate(self.editor.codebook, excerpt.id), self)
        dialog.exec()
        if dialog.choice == ACCEPT:
            self.editor.accept_candidate(excerpt.id)
        elif dialog.choice == DROP:
            self.editor.delete_excerpts([excerpt.id])
        elif dialog.choice == PLACE:
            self.place_excerpt(excerpt)

    @Slot()
    def restore_from_backup(self) -> None:
        """Choose a backup; the library is closed, restored (the current file kept aside) and Duidu quits to reopen."""
        from reader.core.store import LibraryError
        from reader.gui.recovery_dialog import RESTORE, RecoveryDialog

        offer = LibraryError("restore_offer", self.library.path)
        dialog = RecoveryDialog(offer, self.library.folder, self.settings.interface_language(), self)
        dialog.new_button.hide()
        if dialog.exec() != RecoveryDialog.DialogCode.Accepted or dialog.choice != RESTORE:
            return
        self.jobs.shutdown()
        folder = self.library.folder
        self.editor.stack.clear()
        from reader.core.backup_background import close_in_background

        close_in_background(self.library)      # the session's backup in its own process, which the restore waits for
        try:
            dialog.apply()
            text = self.tr("The backup was restored (the previous file is kept beside the library). "
                           "Duidu closes now; start it again to use the restored library.")
        except LibraryError as exc:
            text = exc.message(self.settings.interface_language())
        plain.information(self, self.tr("Restore from Backup"), text)
        self.library_restored = folder
        QApplication.instance().quit()
