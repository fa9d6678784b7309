"""Tagging from the text: the tag dialog for a selection (and its counterparts), and excerpts painted in views."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QTextCharFormat

from reader.core.codebook_types import CodebookError
from reader.core.store import LibraryError
from reader.gui import plain
from reader.gui.codebook_editor import CodebookEditor
from reader.gui.speech_view import Highlight, SpeechTextView
from reader.gui.tag_dialog import TagDialog

EXCERPT_LAYER = "excerpts"
EXCERPT_PRIORITY = 5  # beneath the shared-phrasing layer (10), above the section tint (0)


def excerpt_format(color: str) -> QTextCharFormat:
    """A tagged excerpt: a thick underline in its tag's colour and a faint tint (shared passages paint over)."""
    fmt = QTextCharFormat()
    tint = QColor(color)
    tint.setAlpha(45)
    fmt.setBackground(tint)
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(QColor(color))
    return fmt


class TaggingController(QObject):
    """Turns "tag this selection" into an undoable codebook change and keeps excerpt layers current."""

    tagged = Signal(list)   # the new excerpts

    def __init__(self, editor: CodebookEditor, parent_widget):
        super().__init__(parent_widget)
        self.editor = editor
        self.parent_widget = parent_widget
        self.last_tag_ids: list[int] = []

    def tag(self, doc_id: int | None, text: str, start: int, end: int,
            counterparts: list[tuple[int, int, int]] | None = None) -> list:
        """Ask for tags and a note for text[start:end] (and its counterparts), then add the excerpt(s)."""
        if doc_id is None:
            plain.information(self.parent_widget, self.tr("Tag Excerpt"),
                                    self.tr("Import this speech into the library to tag it."))
            return []
        counterparts = [c for c in (counterparts or []) if c[0] is not None and c[2] > c[1]]
        dialog = TagDialog(text[start:end], self.editor.codebook.list_tags(), len(counterparts),
                           self.last_tag_ids, self.parent_widget)
        if dialog.exec() != TagDialog.DialogCode.Accepted:
            return []
        try:
            tag_ids = dialog.chosen_tag_ids()
            new_name = dialog.new_tag.text().strip()
            if new_name:
                tag_ids.append(self.editor.create_tag(new_name).id)
            passages = [(doc_id, start, end)]
            if dialog.counterparts.isChecked():
                passages += counterparts
            created = self.editor.add_excerpts(passages, tag_ids, dialog.note.toPlainText().strip())
        except (CodebookError, LibraryError) as exc:   # LibraryError: read-only, another copy holds it
            plain.warning(self.parent_widget, self.tr("Tag Excerpt"), str(exc))
            return []
        self.last_tag_ids = tag_ids
        self.tagged.emit(created)
        return created

    def paint(self, view: SpeechTextView, doc_id: int | None) -> None:
        """Show a speech's excerpts (those placed with confidence) in their tags' colours."""
        if doc_id is None:
            view.clear_layer(EXCERPT_LAYER)
            return
        highlights = []
        for excerpt in self.editor.codebook.excerpts_in_document(doc_id):
            if excerpt.status == "review" or excerpt.end > len(view.text):
                continue  # one under review may point past a changed text: never paint it
            color = excerpt.tags[0].color if excerpt.tags else "#9e9e9e"
            highlights.append(Highlight(excerpt.start, excerpt.end, excerpt_format(color)))
        view.set_layer(EXCERPT_LAYER, EXCERPT_PRIORITY, highlights)
