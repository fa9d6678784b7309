"""A window with the synoptic view of two sections or two speeches, its copy and its Word export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QCheckBox, QDialog, QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton,
                               QVBoxLayout)

from reader.core.export.atomic import ExportError
from reader.core.export.clipboard import _font_css
from reader.core.export.synoptic_docx import export_synoptic_docx
from reader.core.outline import Section
from reader.core.store import Document
from reader.core.synoptic import build_synoptic, prepare_cells
from reader.core.synoptic_html import clipboard_payload
from reader.gui.settings import DEFAULTS
from reader.gui.synoptic_view import SynopticView
from reader.gui.workers import Job, JobRunner


class SynopticDialog(QDialog):
    """Aligns off the GUI thread, then shows the table; copy, export to Word, or fall back to the character diff."""

    char_diff_requested = Signal()
    ready = Signal()

    def __init__(self, doc_a: Document, sections_a: list[Section], doc_b: Document, sections_b: list[Section],
                 jobs: JobRunner, settings=None, section_a: Section | None = None, section_b: Section | None = None,
                 parent=None, links: list[tuple[int, int]] | None = None):
        super().__init__(parent)
        self.setObjectName("synopticDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Synoptic View"))
        self.settings = settings
        self.titles = (doc_a.display_title(), doc_b.display_title())
        self.written: Path | None = None
        family = settings.get("reading/font_family") if settings else ""
        self.view = SynopticView(self, family or "", 12)
        heading = QLabel(self.tr("Sentence by sentence: %1 ↔ %2").replace("%1", self.titles[0])
                         .replace("%2", self.titles[1]))
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        self.status = QLabel(self.tr("Aligning sentences…"))
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.char_diff_button = QPushButton(self.tr("Character Diff"))
        self.char_diff_button.setToolTip(self.tr("The section's changes as one column of character edits"))
        self.char_diff_button.setVisible(section_a is not None)
        self.char_diff_button.clicked.connect(self.char_diff_requested)
        self.copy_button = QPushButton(self.tr("Copy Table"))
        self.copy_button.clicked.connect(self.copy_table)
        self.landscape = QCheckBox(self.tr("A4 landscape"))
        self._restore_options()
        self.export_button = QPushButton(self.tr("Export to Word…"))
        self.export_button.clicked.connect(self.export_word)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        for button in (self.copy_button, self.export_button):
            button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.char_diff_button)
        row.addStretch(1)
        row.addWidget(self.copy_button)
        row.addWidget(self.landscape)
        row.addWidget(self.export_button)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        size = parent.window().size() if parent is not None else None
        self.resize(min(1180, size.width() - 40) if size else 1180, min(780, size.height() - 20) if size else 780)
        texts = (doc_a.text, sections_a, doc_b.text, sections_b, section_a, section_b)
        self.lang = lang = settings.interface_language() if settings else None

        def align(progress, cancelled):
            result = build_synoptic(*texts, lang=lang, links=links)
            prepare_cells(result[0])      # the character diffs here, off the GUI thread
            return result
        self.job = Job("synoptic", align)
        self.job.succeeded.connect(self._show)
        self.job.failed.connect(self.status.setText)
        jobs.run(self.job)

    def _restore_options(self) -> None:
        """The view options as last left (settings), then remembered whenever one changes."""
        options = ((self.view.quiet_action, "synoptic/quiet"), (self.view.hide_same_action, "synoptic/hide_same"),
                   (self.landscape, "synoptic/landscape"))
        for control, key in options:
            control.setChecked(self.settings.get(key) if self.settings else DEFAULTS[key])
            if self.settings:
                control.toggled.connect(lambda on, key=key: self.settings.set(key, on))

    def _show(self, result) -> None:
        alignment, groups = result
        self.view.set_alignment(alignment, self.titles, groups, self.lang)
        self.status.hide()
        for button in (self.copy_button, self.export_button):
            button.setEnabled(True)
        self.view.browser.setFocus()
        self.ready.emit()

    def _fonts(self):
        return self.settings.export_fonts() if self.settings else None

    def copy_table(self) -> QMimeData | None:
        """Put the table on the clipboard as HTML (Word pastes a table) and as tab-separated text."""
        if self.view.alignment is None:
            return None
        fonts = self._fonts()
        css = _font_css(fonts.songti, fonts.latin, 10.5) if fonts else ""
        markup, plain = clipboard_payload(self.view.alignment, self.titles, self.view.groups, self.view.quiet(), css)
        mime = QMimeData()
        mime.setHtml(markup)
        mime.setText(plain)
        QGuiApplication.clipboard().setMimeData(mime)
        return mime

    def choose_path(self, start: str) -> str:
        """Ask where to save (tests replace this)."""
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to Word"), start, "*.docx")
        return path

    def export_word(self) -> Path | None:
        """Ask for a file and write the Word table; a failure explains itself and asks again."""
        if self.view.alignment is None:
            return None
        start = str(Path.home() / "synoptic.docx")
        while True:
            path = self.choose_path(start)
            if not path:
                return None
            target = Path(path) if Path(path).suffix else Path(path).with_suffix(".docx")
            try:
                self.written = export_synoptic_docx(
                    self.view.alignment, self.titles, self.view.groups, target, landscape=self.landscape.isChecked(),
                    quiet=self.view.quiet(), fonts=self._fonts(),
                    lang=self.lang)
            except ExportError as exc:
                QMessageBox.warning(self, self.tr("Export to Word"), exc.message())
                start = str(target)
                continue
            return self.written
