"""An item model of a speech's outline, with the Section behind each row under a named role."""

from __future__ import annotations

from itertools import groupby

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QFont, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication

from reader.core.outline import Section
from reader.gui import plain

SECTION_ROLE = Qt.ItemDataRole.UserRole + 1


def section_caption(section: Section) -> str:
    """What the outline shows for a section: its marker and title, or the name of the opening/closing."""
    if section.kind == "opening":
        return QCoreApplication.translate("OutlineModel", "Opening")
    if section.kind == "closing":
        return QCoreApplication.translate("OutlineModel", "Closing")
    if section.kind == "appendix":
        return f"{section.label} {section.title}".strip()
    return f"{section.label}{section.title}"


def run_caption(run: list[Section]) -> str:
    """A group row for one run of an inline list: "一是 … 四是"."""
    return f"{run[0].label} … {run[-1].label}" if len(run) > 1 else run[0].label


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
        """Rows for sections; under a heading, lists that restart (一是… then 一是… again) get one group row per run."""
        runs = [list(run) for _, run in groupby(sections, key=lambda s: s.run)]
        restarts = len({run[0].label for run in runs}) < len(runs)
        if restarts and parent is not self.invisibleRootItem():
            for run in runs:
                group = self._item(run_caption(run), run[0], lighter=True)
                parent.appendRow(group)
                self._add_rows(group, run)
            return
        self._add_rows(parent, sections)

    def _add_rows(self, parent: QStandardItem, sections: list[Section]) -> None:
        for section in sections:
            item = self._item(section_caption(section), section, lighter=section.inline)
            parent.appendRow(item)
            self._index_of[(section.start, section.end, section.level)] = item.index()
            self._add(item, section.children)

    @staticmethod
    def _item(caption: str, section: Section, lighter: bool) -> QStandardItem:
        """One row (a group row carries its run's first section, so clicking it goes there).

        Items of a list inside a paragraph are shown lighter, so that the headings' structure stays clear.
        """
        item = QStandardItem(caption)
        item.setEditable(False)
        item.setData(section, SECTION_ROLE)
        item.setToolTip(plain.tooltip(caption))
        if lighter:
            palette = QApplication.palette()
            item.setForeground(QBrush(palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)))
        if section.kind == "appendix":
            font = QFont()
            font.setItalic(True)
            item.setFont(font)
        return item

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
