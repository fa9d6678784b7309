"""What the window remembers: its layout between starts (splitters, columns, the library's own width after a
narrow comparison), the recent speeches and comparisons, and what was open at the last close."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QHeaderView


class WindowMemoryMixin:
    """For MainWindow: needs self.settings, self.library, self.actions, the panes and views, self._library_width."""

    def _restore_layout(self) -> None:
        geometry = self.settings.state("window_geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 820)
        self._restore_states(self._stateful_widgets())
        if self.settings.state("mainSplitter_state") is None:
            # first start: a library wide enough for its titles, the reading area, a narrow excerpts dock
            dock, library = max(280, self.width() // 5), max(320, self.width() // 5)
            self.resizeDocks([self.excerpts_dock], [dock], Qt.Orientation.Horizontal)
            self.splitter.setSizes([library, max(400, self.width() - library - dock)])
            self.reading_pane.splitter.setSizes([240, 560])

    def _restore_states(self, widgets) -> None:
        for widget in widgets:
            state = self.settings.state(widget.objectName() + "_state")
            if state is not None and widget.restoreState(state) and isinstance(widget, QHeaderView):
                widget.setProperty("restored", True)   # the reader's column widths: not fitted again

    def _stateful_widgets(self):
        """What keeps its layout between starts (the overview's tables once it was built: else what was
        saved stays as it was)."""
        return (self, self.splitter, self.reading_pane.splitter, self.library_pane.table.horizontalHeader(),
                self.excerpts_panel.splitter,
                *((self._compare_view.splitter,) if self._compare_view is not None else ()),
                *(self._overview_states() if self._overview is not None else ()))

    def _overview_states(self):
        return self._overview.phrase_table.horizontalHeader(), self._overview.formula_table.horizontalHeader()

    def save_layout(self) -> None:
        """Remember geometry and splitters for the next start."""
        self.settings.save_state("window_geometry", self.saveGeometry())
        if self._library_width:     # the next start shows the library at its own width, not squeezed
            self.center.setCurrentWidget(self.reading_pane if self.reading_pane.document else self.empty_state)
        for widget in self._stateful_widgets():
            self.settings.save_state(widget.objectName() + "_state", widget.saveState())
        self.settings.sync()

    @Slot()
    def give_back_library_width(self) -> None:
        """Leaving a three- or four-pane comparison gives the library the width it had before."""
        width = self._library_width
        if width and not self.comparing():
            self._library_width = None
            sizes = self.splitter.sizes()
            self.splitter.setSizes([width, sum(sizes) - width])

    def _remember_recent(self, ids: list[int]) -> None:
        if not ids:
            return
        key = ",".join(map(str, ids))
        items = [key] + [item for item in self.settings.get("recent/items") if item != key]
        self.settings.set("recent/items", items[:10])

    def recent_items(self) -> list[list[int]]:
        """Recently opened speeches and comparisons that are still in the library, newest first."""
        found = []
        for item in self.settings.get("recent/items"):
            ids = [int(x) for x in str(item).split(",") if x.isdigit()]
            if ids and all(self.library.has_document(i) for i in ids):
                found.append(ids)
        return found

    def _fill_recent_menu(self) -> None:
        menu = self.actions.recent_menu
        menu.clear()
        for ids in self.recent_items():
            titles = " ↔ ".join(self.library.get_document(i).display_title()[:24] for i in ids)
            menu.addAction(titles, lambda ids=ids: self.open_documents(ids))
        if menu.isEmpty():
            menu.addAction(self.tr("No recent speeches")).setEnabled(False)

    def last_opened(self) -> list[int]:
        """The speeches open at the last close (one read, or several compared), if remembered."""
        value = self.settings.qsettings.value("session/open_documents")
        if value in (None, ""):
            return []
        return [int(x) for x in str(value).split(",") if x.isdigit()]

    def remember_open(self) -> None:
        """Note what is open for the next start."""
        if self.comparing():
            ids = [i for i in self.compare_view.document_ids() if i is not None]
        else:
            ids = [self.reading_pane.document.id] if self.reading_pane.document else []
        self.settings.qsettings.setValue("session/open_documents", ",".join(map(str, ids)))
