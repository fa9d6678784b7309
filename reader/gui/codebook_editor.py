"""Every change to tags and excerpts as an undoable command; views listen to `changed` and redraw.

A change is applied once before its command is pushed, so a refusal (a duplicate tag name, a
cycle) reaches the caller as a CodebookError and never leaves a broken command on the stack.
"""

from __future__ import annotations

from typing import Callable, Iterable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from reader.core.codebook import Codebook
from reader.core.codebook_types import Excerpt, Tag
from reader.core.store import Library


class CodebookCommand(QUndoCommand):
    """apply(state) does the change and returns what revert(state) needs; the first apply already ran."""

    def __init__(self, text: str, apply: Callable, revert: Callable, state, notify: Callable[[], None]):
        super().__init__(text)
        self._apply, self._revert, self._notify = apply, revert, notify
        self.state = state
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
        else:
            self.state = self._apply(self.state)
        self._notify()

    def undo(self) -> None:
        self._revert(self.state)
        self._notify()


class CodebookEditor(QObject):
    """The codebook behind an undo stack (Ctrl+Z / Ctrl+Shift+Z)."""

    changed = Signal()

    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.codebook = Codebook(library)
        self.stack = QUndoStack(self)

    def _run(self, text: str, apply: Callable, revert: Callable):
        state = apply(None)
        self.stack.push(CodebookCommand(text, apply, revert, state, self.changed.emit))
        return state

    # --- tags --------------------------------------------------------------------------------

    def create_tag(self, name: str, color: str | None = None, parent_id: int | None = None) -> Tag:
        """A new tag (undo deletes it, redo brings the same tag back)."""
        book = self.codebook

        def apply(snapshot):
            if snapshot is None:
                return book.tag_snapshot(book.create_tag(name, color, parent_id).id)
            book.restore_tag(snapshot)
            return snapshot

        snapshot = self._run(self.tr("New Tag"), apply, lambda snap: book.delete_tag(snap.id))
        return next(t for t in book.list_tags() if t.id == snapshot.id)

    def _tag_change(self, text: str, change: Callable[[], object]) -> None:
        self._run(text, lambda _state: change(), self.codebook.restore_tag)

    def rename_tag(self, tag_id: int, name: str) -> None:
        """Rename a tag."""
        self._tag_change(self.tr("Rename Tag"), lambda: self.codebook.rename_tag(tag_id, name))

    def recolor_tag(self, tag_id: int, color: str) -> None:
        """Give a tag another colour."""
        self._tag_change(self.tr("Change Tag Colour"), lambda: self.codebook.recolor_tag(tag_id, color))

    def move_tag(self, tag_id: int, parent_id: int | None) -> None:
        """Nest a tag under another (or at the top)."""
        self._tag_change(self.tr("Move Tag"), lambda: self.codebook.move_tag(tag_id, parent_id))

    def delete_tag(self, tag_id: int) -> None:
        """Delete a tag (its excerpts stay, without it)."""
        self._tag_change(self.tr("Delete Tag"), lambda: self.codebook.delete_tag(tag_id))

    def merge_tags(self, source_id: int, target_id: int) -> None:
        """Merge one tag into another."""
        self._run(self.tr("Merge Tags"), lambda _s: self.codebook.merge_tags(source_id, target_id),
                  self.codebook.unmerge_tags)

    # --- excerpts ----------------------------------------------------------------------------

    def add_excerpts(self, passages: list[tuple[int, int, int]], tag_ids: Iterable[int], note: str = "") -> list[Excerpt]:
        """Tag passages (doc_id, start, end); several become one group ("the same passage in A, B, C")."""
        book, tag_ids = self.codebook, list(tag_ids)

        def apply(snapshots):
            if snapshots is None:
                if len(passages) == 1:
                    created = [book.add_excerpt(*passages[0], tag_ids, note)]
                else:
                    created = book.add_group(passages, tag_ids, note)
                return [book.excerpt_snapshot(e.id) for e in created]
            book.restore_excerpts(snapshots)
            return snapshots

        snapshots = self._run(self.tr("Tag Excerpt"), apply, lambda snaps: book.delete_excerpts(s.id for s in snaps))
        return [book.get_excerpt(s.id) for s in snapshots]

    def delete_excerpts(self, excerpt_ids: list[int]) -> None:
        """Delete excerpts."""
        self._run(self.tr("Delete Excerpts"), lambda _s: self.codebook.delete_excerpts(excerpt_ids),
                  self.codebook.restore_excerpts)

    def set_note(self, excerpt_id: int, note: str) -> None:
        """Change an excerpt's note."""
        self._run(self.tr("Edit Note"), lambda _s: self.codebook.update_note(excerpt_id, note),
                  self.codebook.restore_excerpt)

    def set_tags(self, excerpt_id: int, tag_ids: Iterable[int]) -> None:
        """Give an excerpt exactly these tags."""
        tag_ids = list(tag_ids)
        self._run(self.tr("Change Tags"), lambda _s: self.codebook.set_excerpt_tags(excerpt_id, tag_ids),
                  self.codebook.restore_excerpt)

    def place_by_hand(self, excerpt_id: int, start: int, end: int) -> None:
        """Put an excerpt that needs review on the passage the reader chose."""
        from reader.core.anchor import place_by_hand

        self._run(self.tr("Place Excerpt"), lambda _s: place_by_hand(self.codebook, excerpt_id, start, end),
                  self.codebook.restore_excerpt)

    def accept_candidate(self, excerpt_id: int) -> None:
        """The reader accepts the candidate offered for an excerpt under review (its words become the quote)."""
        from reader.core.anchor import accept_candidate

        self._run(self.tr("Accept Candidate"), lambda _s: accept_candidate(self.codebook, excerpt_id),
                  self.codebook.restore_excerpt)

    def confirm_moved(self, excerpt_id: int) -> None:
        """The reader has checked where a moved excerpt went."""
        from reader.core.anchor import confirm_moved

        self._run(self.tr("Confirm New Place"), lambda _s: confirm_moved(self.codebook, excerpt_id),
                  self.codebook.restore_excerpt)
