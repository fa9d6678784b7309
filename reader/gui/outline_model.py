"""An item model of a speech's outline, with the Section behind each row under a named role."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from reader.core.outline import Section
from reader.gui import plain

SECTION_ROLE = Qt.ItemDataRole.UserRole + 1


def section_caption(section: Section) -> str:
    """What the outline shows for a section: its marker and title, or the name of the opening/closing."""
    if section.kind == "opening":
        return QCoreApplication.translate("OutlineModel", "Opening")
    if section.kind == "closing":
        return QCoreApplication.translate("OutlineModel", "Closing")
    return f"{section.label}{section.title}"


class OutlineModel(QStandardItemModel):
    """The outline tree; find the row of a section or of a text offset."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.sections: list[Section] = []
        self._index_of: dict[tuple[int, int, int], QModelIndex] = {}

    def set_sections(self, sections: list[Section]) -> None:
        """Show a new outline."""
        self.clear()
        self.sections = sections
        self._index_of = {}
        self._add(self.invisibleRootItem(), sections)

    def _add(self, parent: QStandardItem, sections: list[Section]) -> None:
        for section in sections:
            item = QStandardItem(section_caption(section))
            item.setEditable(False)
            item.setData(section, SECTION_ROLE)
            item.setToolTip(plain.tooltip(section_caption(section)))
            parent.appendRow(item)
            self._index_of[(section.start, section.end, section.level)] = item.index()
            self._add(item, section.children)

    def index_of(self, section: Section) -> QModelIndex:
        """The model index of a section (invalid if it is not in this outline)."""
        return self._index_of.get((section.start, section.end, section.level), QModelIndex())

    def section_at(self, index: QModelIndex) -> Section | None:
        """The section behind a row."""
        return index.data(SECTION_ROLE) if index.isValid() else None

    def deepest_at(self, offset: int) -> Section | None:
        """The innermost section containing a text offset."""
        found, level = None, self.sections
        while level:
            hit = next((s for s in level if s.start <= offset < s.end), None)
            if hit is None:
                break
            found, level = hit, hit.children
        return found
