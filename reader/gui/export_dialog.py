"""Export excerpts to .docx, .txt or .csv; a target that cannot be written lets the reader choose another."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QCheckBox, QDialog, QFileDialog, QFormLayout, QLabel, QVBoxLayout

from reader.core.codebook_types import Excerpt, Tag
from reader.core.export import ExportError, group_excerpts
from reader.core.export.review import for_export
from reader.core.export.text_export import export_csv, export_txt
from reader.gui import plain
from reader.gui.forms import Buttons, choice_combo, dialog_buttons

FORMATS = ("docx", "txt", "csv")


def write_export(excerpts: list[Excerpt], path: Path, fmt: str, by: str, preset: str, settings,
                 tags: list[Tag], headings: bool = False, review: str = "mark") -> Path:
    """Write the excerpts in one format (atomically); ExportError says why a target failed.

    Excerpts under review are marked in their citation ('mark') or left out ('omit').
    """
    lang = settings.interface_language()
    excerpts = for_export(excerpts, review)
    if fmt == "csv":
        return export_csv(excerpts, path, lang=lang, headings=headings)
    groups = group_excerpts(excerpts, by=by, tags=tags, lang=lang)
    if fmt == "txt":
        return export_txt(groups, path, lang=lang, headings=headings)
    from reader.core.export.docx_export import export_docx   # python-docx loads on the first export, not at start

    return export_docx(groups, path, preset=preset, fonts=settings.export_fonts(), lang=lang, headings=headings)


def clipboard_mime(excerpts: list[Excerpt], settings) -> QMimeData:
    """HTML (Word keeps the formatting) and plain text of excerpts with their citations."""
    from reader.core.export.clipboard import clipboard_payload   # imports python-docx: not at start

    html_text, plain_text = clipboard_payload(excerpts, fonts=settings.export_fonts(),
                                              lang=settings.interface_language(),
                                              headings=settings.get("export/headings"))
    mime = QMimeData()
    mime.setHtml(html_text)
    mime.setText(plain_text)
    return mime


class ExportDialog(QDialog):
    """Choose format, grouping and preset; then a file; then write, asking again if the file is locked."""

    def __init__(self, excerpts: list[Excerpt], tags: list[Tag], settings, parent=None):
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export Excerpts"))
        self.excerpts, self.tags, self.settings = excerpts, tags, settings
        self.written: Path | None = None
        self.format = choice_combo([("docx", self.tr("Word document (.docx)")),
                                    ("txt", self.tr("Text for Word (.txt)")), ("csv", self.tr("Spreadsheet (.csv)"))])
        self.group_by = choice_combo([("tag", self.tr("By tag")), ("speech", self.tr("By speech"))])
        self.preset = choice_combo([("plain", self.tr("Plain")), ("official", self.tr("Official document (GB/T 9704)"))],
                                   settings.get("export/preset"))
        self.headings = QCheckBox(self.tr("Cite sections with their headings"))
        self.headings.setObjectName("exportHeadings")
        self.headings.setToolTip(self.tr("Citations name each section by its headings, not only by its numbers"))
        self.headings.setChecked(settings.get("export/headings"))
        self.review = choice_combo([("mark", self.tr("Export them marked “needs review”")),
                                    ("omit", self.tr("Leave them out"))])
        self.review.setObjectName("reviewChoice")
        under_review = sum(1 for x in excerpts if x.status == "review")
        self.format.currentIndexChanged.connect(self._update_enabled)
        form = QFormLayout()
        form.addRow(QLabel(self.tr("%n excerpt(s)", "", len(excerpts))))
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Group"), self.group_by)
        form.addRow(self.tr("Layout"), self.preset)
        form.addRow(self.headings)
        if under_review:
            form.addRow(self.tr("%n under review", "", under_review), self.review)
        buttons = dialog_buttons(self, self.save, Buttons.Save | Buttons.Cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _update_enabled(self) -> None:
        fmt = self.format.currentData()
        self.group_by.setEnabled(fmt != "csv")
        self.preset.setEnabled(fmt == "docx")

    def choose_path(self, fmt: str, start: str) -> str:
        """Ask where to save (tests replace this)."""
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export Excerpts"), start, f"*.{fmt}")
        return path

    def save(self) -> None:
        """Ask for a file and write it; a failure explains itself and asks for another file."""
        fmt = self.format.currentData()
        start = str(Path.home() / f"excerpts.{fmt}")
        while True:
            path = self.choose_path(fmt, start)
            if not path:
                return
            target = Path(path) if Path(path).suffix else Path(path).with_suffix(f".{fmt}")
            try:
                self.written = write_export(self.excerpts, target, fmt, self.group_by.currentData(),
                                            self.preset.currentData(), self.settings, self.tags,
                                            self.headings.isChecked(), self.review.currentData())
            except ExportError as exc:
                plain.warning(self, self.tr("Export Excerpts"),
                                    exc.message(self.settings.interface_language()) + "\n\n"
                                    + self.tr("Choose another file or close the document that holds it."))
                start = str(target)
                continue
            self.settings.set("export/preset", self.preset.currentData())
            self.settings.set("export/headings", self.headings.isChecked())
            self.accept()
            return
