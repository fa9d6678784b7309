"""Every window-level action in one place: text, shortcut (platform conventions first), icon, tip."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from reader.gui.icons import themed_icon

StandardKey = QKeySequence.StandardKey


class WindowActions(QObject):
    """The main window's actions; menus and toolbars are built from them, slots are wired by the window."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.icons: dict[QAction, str] = {}
        make = self._make
        self.import_files = make(self.tr("&Import Files…"), [StandardKey.Open], "import",
                                 self.tr("Import speeches (.txt, .docx, .html); you can also drop files on the window"))
        self.import_folder = make(self.tr("Import &Folder…"), [QKeySequence("Ctrl+Shift+O")])
        self.export = make(self.tr("&Export Excerpts…"), [QKeySequence("Ctrl+E")], "export",
                           self.tr("Export the excerpts shown in the excerpts panel to Word, text or CSV"))
        self.settings = make(self.tr("&Settings…"), [StandardKey.Preferences, QKeySequence("Ctrl+,")], "settings")
        self.settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.quit = make(self.tr("&Quit"), [StandardKey.Quit, QKeySequence("Ctrl+Q")])
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.undo = make(self.tr("&Undo"), [StandardKey.Undo], "undo")
        self.redo = make(self.tr("&Redo"), [StandardKey.Redo, QKeySequence("Ctrl+Shift+Z")], "redo")
        self.tag_selection = make(self.tr("&Tag Selection…"), [QKeySequence("Ctrl+T")], "tag",
                                  self.tr("Tag the selected text as an excerpt"))
        self.read = make(self.tr("&Read Selected Speech"), [QKeySequence("Ctrl+Return")], "read",
                         self.tr("Read the speech selected in the library"))
        self.compare = make(self.tr("&Compare Selected Speeches"), [QKeySequence("Ctrl+Shift+C")], "compare",
                            self.tr("Show the speeches selected in the library side by side"))
        self.overview = make(self.tr("Corpus &Overview"), [QKeySequence("Ctrl+Shift+M")], "overview",
                             self.tr("Similarity map, shared phrases, formulae and search over the whole library"))
        self.find = make(self.tr("&Search the Library…"), [QKeySequence("Ctrl+Shift+F")], "search")
        self.find_in_speech = make(self.tr("&Find in Speech…"), [StandardKey.Find, QKeySequence("Ctrl+F")])
        self.toggle_library = make(self.tr("Show &Library"), [QKeySequence("Ctrl+L")], checkable=True)
        self.zoom_in = make(self.tr("&Larger Text"), [StandardKey.ZoomIn, QKeySequence("Ctrl+=")])
        self.zoom_out = make(self.tr("&Smaller Text"), [StandardKey.ZoomOut])
        self.guide = make(self.tr("Duidu &Guide"), [StandardKey.HelpContents, QKeySequence("F1")])
        self.about = make(self.tr("&About Duidu"), [])
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.recent_menu = QMenu(self.tr("Open &Recent"), window)

    def _make(self, text: str, keys: list, icon: str = "", tip: str = "", checkable: bool = False) -> QAction:
        action = QAction(text, self.window)
        shortcuts = []
        for key in keys:
            sequence = QKeySequence(key)
            if not sequence.isEmpty() and sequence not in shortcuts:
                shortcuts.append(sequence)
        action.setShortcuts(shortcuts)
        action.setCheckable(checkable)
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        if icon:
            self.icons[action] = icon
        return action

    def refresh_icons(self) -> None:
        """Redraw icons in the current palette (after a switch between light and dark)."""
        for action, name in self.icons.items():
            action.setIcon(themed_icon(name, self.window.palette()))

    def build_menus(self) -> None:
        """The menu bar, in the usual order."""
        bar = self.window.menuBar()
        file_menu = self.file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.import_files, self.import_folder])
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.export)
        file_menu.addSeparator()
        file_menu.addAction(self.settings)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.edit_menu.addActions([self.undo, self.redo])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.tag_selection)
        self.edit_menu.addAction(self.find_in_speech)
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions([self.read, self.compare, self.overview, self.find])
        view_menu.addSeparator()
        view_menu.addActions([self.toggle_library, self.zoom_in, self.zoom_out])
        self.view_menu = view_menu
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.guide, self.about])
        # shortcuts work even when the menu bar is hidden (e.g. zoom inside a pane)
        self.window.addActions([self.zoom_in, self.zoom_out, self.undo, self.redo, self.tag_selection])
