"""The codebook and the excerpts: tags with counts above, the filtered excerpts below, export at hand."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QColorDialog, QComboBox, QHBoxLayout, QHeaderView,
                               QInputDialog, QLineEdit, QMenu, QMessageBox, QSplitter, QTableView, QToolButton,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from reader.core.codebook_types import CodebookError, Excerpt, Tag
from reader.gui import plain
from reader.gui.codebook_editor import CodebookEditor
from reader.gui.table_sizing import wrap_rows
from reader.gui.excerpt_model import ExcerptModel
from reader.gui.tag_dialog import swatch

TAG_ID_ROLE = Qt.ItemDataRole.UserRole + 2


class ExcerptsPanel(QWidget):
    """Tags (create, rename, recolour, nest, merge, delete) and the excerpts they hold."""

    open_requested = Signal(object)      # Excerpt to show in context
    export_requested = Signal(list)      # Excerpts to export
    copy_requested = Signal(list)        # Excerpts to put on the clipboard
    place_requested = Signal(object)     # an excerpt under review, to put on the reader's selection
    review_requested = Signal(object)    # an excerpt under review: show its candidate and let the reader decide

    def __init__(self, editor: CodebookEditor, library, parent=None):
        super().__init__(parent)
        self.setObjectName("excerptsPanel")
        self.editor = editor
        self.library = library
        self.tag_tree = QTreeWidget()
        self.tag_tree.setObjectName("tagTree")
        self.tag_tree.setHeaderHidden(True)
        self.tag_tree.setColumnCount(2)
        self.tag_tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tag_tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tag_tree.header().setStretchLastSection(False)
        self.tag_tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tag_buttons = QHBoxLayout()
        self.new_tag_button = self._button(self.tr("New"), self.tr("New tag (under the selected one)"), self.new_tag)
        self.rename_button = self._button(self.tr("Rename"), "", self.rename_tag)
        self.color_button = self._button(self.tr("Colour"), "", self.recolor_tag)
        self.delete_tag_button = self._button(self.tr("Delete"), "", self.delete_tag)
        for button in (self.new_tag_button, self.rename_button, self.color_button, self.delete_tag_button):
            tag_buttons.addWidget(button)
        tag_buttons.addStretch(1)
        self.speech_filter = QComboBox()
        self.speech_filter.setObjectName("speechFilter")
        self.speech_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.speech_filter.setMinimumContentsLength(6)
        self.words_filter = QLineEdit()
        self.words_filter.setObjectName("wordsFilter")
        self.words_filter.setClearButtonEnabled(True)
        self.words_filter.setPlaceholderText(self.tr("Words…"))
        self.review_filter = QCheckBox(self.tr("Needs review"))
        filters = QHBoxLayout()
        filters.addWidget(self.speech_filter, 1)
        filters.addWidget(self.words_filter, 1)
        review_row = QHBoxLayout()
        review_row.addWidget(self.review_filter)
        review_row.addStretch(1)
        self.model = ExcerptModel(self)
        self.table = QTableView()
        self.table.setObjectName("excerptTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        wrap_rows(self.table, 3, {0: 0.2, 1: 0.17, 2: 0.12, 4: 0.11}, narrow_hidden=(1, 2, 4))   # the excerpt's text wraps; nothing scrolls sideways
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        excerpt_buttons = QHBoxLayout()
        self.copy_button = self._button(self.tr("Copy"), self.tr("Copy the excerpts with their citations"),
                                        lambda: self.copy_requested.emit(self.chosen_excerpts()))
        self.export_button = self._button(self.tr("Export…"), self.tr("Export the excerpts listed here"),
                                          lambda: self.export_requested.emit(self.chosen_excerpts()))
        self.delete_button = self._button(self.tr("Delete"), "", self.delete_selected)
        for button in (self.copy_button, self.export_button, self.delete_button):
            excerpt_buttons.addWidget(button)
        excerpt_buttons.addStretch(1)

        top, bottom = QWidget(), QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.tag_tree)
        top_layout.addLayout(tag_buttons)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addLayout(filters)
        bottom_layout.addLayout(review_row)
        bottom_layout.addWidget(self.table)
        bottom_layout.addLayout(excerpt_buttons)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("excerptsSplitter")
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setSizes([180, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        editor.changed.connect(self.refresh)
        self.tag_tree.currentItemChanged.connect(lambda *_: self.refresh_excerpts())
        self.tag_tree.customContextMenuRequested.connect(self._tag_menu)
        self.speech_filter.currentIndexChanged.connect(lambda _i: self.refresh_excerpts())
        self.words_filter.textChanged.connect(lambda _t: self.refresh_excerpts())
        self.review_filter.toggled.connect(lambda _on: self.refresh_excerpts())
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.table.customContextMenuRequested.connect(self._excerpt_menu)
        self.refresh()

    def set_read_only(self, read_only: bool) -> None:
        """Switch off every change to tags and excerpts (copy and export stay)."""
        for button in (self.new_tag_button, self.rename_button, self.color_button, self.delete_tag_button,
                       self.delete_button):
            button.setEnabled(not read_only)
        self.tag_tree.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu if read_only
                                           else Qt.ContextMenuPolicy.CustomContextMenu)
        self.read_only = read_only

    read_only = False

    def _button(self, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip or text)
        button.clicked.connect(slot)
        return button

    # --- refreshing ------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Redraw tags (keeping the selection) and speeches, then the excerpts."""
        current = self.current_tag_id()
        self.tag_tree.blockSignals(True)
        self.tag_tree.clear()
        all_item = QTreeWidgetItem([self.tr("All excerpts"), ""])
        all_item.setData(0, TAG_ID_ROLE, None)
        self.tag_tree.addTopLevelItem(all_item)
        items: dict[int, QTreeWidgetItem] = {}
        for tag in self.editor.codebook.list_tags():
            item = QTreeWidgetItem([tag.name, str(tag.total)])
            item.setIcon(0, swatch(tag.color))
            item.setData(0, TAG_ID_ROLE, tag.id)
            item.setToolTip(0, plain.tooltip(tag.path))
            parent = items.get(tag.parent_id)
            (parent.addChild(item) if parent else self.tag_tree.addTopLevelItem(item))
            items[tag.id] = item
        self.tag_tree.expandAll()
        self.tag_tree.setCurrentItem(items.get(current, all_item))
        self.tag_tree.blockSignals(False)
        self._refresh_speeches()
        self.refresh_excerpts()

    def _refresh_speeches(self) -> None:
        chosen = self.speech_filter.currentData()
        self.speech_filter.blockSignals(True)
        self.speech_filter.clear()
        self.speech_filter.addItem(self.tr("All speeches"), None)
        # only the speeches holding excerpts: listing the whole library cost every refresh 0.1 s at 10,000
        held = self.library.infos(self.editor.codebook.excerpt_doc_ids()).values()
        for doc in sorted(held, key=lambda d: (d.date is None, d.date or "", d.id)):
            self.speech_filter.addItem(doc.display_title(), doc.id)
        index = self.speech_filter.findData(chosen)
        self.speech_filter.setCurrentIndex(max(index, 0))
        self.speech_filter.blockSignals(False)

    def refresh_excerpts(self) -> None:
        """List the excerpts that match the tag, speech, words and review filters."""
        excerpts = self.editor.codebook.list_excerpts(
            tag_id=self.current_tag_id(), doc_id=self.speech_filter.currentData(),
            words=self.words_filter.text().strip() or None,
            status="review" if self.review_filter.isChecked() else None)
        self.model.set_excerpts(excerpts)

    def current_tag_id(self) -> int | None:
        """The selected tag's id (None: all excerpts)."""
        item = self.tag_tree.currentItem()
        return item.data(0, TAG_ID_ROLE) if item else None

    def select_tag(self, tag_id: int | None) -> None:
        """Select a tag in the tree (None: all excerpts)."""
        for item in self._tag_items():
            if item.data(0, TAG_ID_ROLE) == tag_id:
                self.tag_tree.setCurrentItem(item)
                return

    def _tag_items(self):
        stack = [self.tag_tree.topLevelItem(i) for i in range(self.tag_tree.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            yield item
            stack.extend(item.child(i) for i in range(item.childCount()))

    def chosen_excerpts(self) -> list[Excerpt]:
        """The selected rows, or every listed excerpt when none is selected."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.rows[r] for r in rows] if rows else list(self.model.rows)

    # --- tag editing -----------------------------------------------------------------------

    def _ask(self, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(self, title, label, text=text)
        return value.strip() if ok and value.strip() else None

    def _guarded(self, change) -> bool:
        try:
            change()
        except CodebookError as exc:
            plain.warning(self, self.tr("Tags"), str(exc))
            return False
        return True

    def _tag(self, tag_id: int | None) -> Tag | None:
        return next((t for t in self.editor.codebook.list_tags() if t.id == tag_id), None)

    @Slot()
    def new_tag(self) -> None:
        """Create a tag under the selected one (or at the top)."""
        name = self._ask(self.tr("New Tag"), self.tr("Name:"))
        if name:
            self._guarded(lambda: self.editor.create_tag(name, parent_id=self.current_tag_id()))

    @Slot()
    def rename_tag(self) -> None:
        """Rename the selected tag."""
        tag = self._tag(self.current_tag_id())
        name = tag and self._ask(self.tr("Rename Tag"), self.tr("Name:"), tag.name)
        if name:
            self._guarded(lambda: self.editor.rename_tag(tag.id, name))

    @Slot()
    def recolor_tag(self) -> None:
        """Choose another colour for the selected tag."""

        tag = self._tag(self.current_tag_id())
        if tag is None:
            return
        color = QColorDialog.getColor(QColor(tag.color), self, self.tr("Tag Colour"))
        if color.isValid():
            self._guarded(lambda: self.editor.recolor_tag(tag.id, color.name()))

    @Slot()
    def delete_tag(self) -> None:
        """Delete the selected tag after saying how many excerpts lose it."""
        tag = self._tag(self.current_tag_id())
        if tag is None:
            return
        usage = self.editor.codebook.tag_usage(tag.id)
        question = self.tr("Delete the tag “%1”? %n excerpt(s) will lose it (the excerpts stay).", "", usage)
        if plain.question(self, self.tr("Delete Tag"), question.replace("%1", tag.name)) \
                == QMessageBox.StandardButton.Yes:
            self._guarded(lambda: self.editor.delete_tag(tag.id))

    def merge_into(self, source_id: int, target_id: int) -> None:
        """Merge a tag into another after a confirmation with the count."""
        source, target = self._tag(source_id), self._tag(target_id)
        usage = self.editor.codebook.tag_usage(source_id)
        question = self.tr("Merge “%1” into “%2”? %n excerpt(s) move.", "", usage)
        if plain.question(self, self.tr("Merge Tags"), question.replace("%1", source.name)
                                .replace("%2", target.name)) == QMessageBox.StandardButton.Yes:
            self._guarded(lambda: self.editor.merge_tags(source_id, target_id))

    def _tag_menu(self, pos) -> None:
        tag = self._tag(self.current_tag_id())
        if tag is None:
            return
        menu = QMenu(self)
        move = menu.addMenu(self.tr("Move Under"))
        move.addAction(self.tr("(Top level)"), lambda: self._guarded(lambda: self.editor.move_tag(tag.id, None)))
        merge = menu.addMenu(self.tr("Merge Into"))
        for other in self.editor.codebook.list_tags():
            if other.id != tag.id:
                move.addAction(other.path, lambda o=other: self._guarded(lambda: self.editor.move_tag(tag.id, o.id)))
                merge.addAction(other.path, lambda o=other: self.merge_into(tag.id, o.id))
        menu.addAction(self.tr("Rename…"), self.rename_tag)
        menu.addAction(self.tr("Colour…"), self.recolor_tag)
        menu.addAction(self.tr("Delete…"), self.delete_tag)
        menu.popup(self.tag_tree.viewport().mapToGlobal(pos))

    # --- excerpt editing ---------------------------------------------------------------------

    @Slot()
    def delete_selected(self) -> None:
        """Delete the selected excerpts (undo brings them back)."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if rows:
            self.editor.delete_excerpts([self.model.rows[r].id for r in rows])

    def edit_note(self, excerpt: Excerpt) -> None:
        """Change an excerpt's note."""
        note, ok = QInputDialog.getMultiLineText(self, self.tr("Note"), self.tr("Note:"), excerpt.note)
        if ok:
            self.editor.set_note(excerpt.id, note)

    def _excerpt_menu(self, pos) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        excerpt = self.model.rows[index.row()]
        menu = QMenu(self)
        menu.addAction(self.tr("Show in Context"), lambda: self.open_requested.emit(excerpt))
        if excerpt.status == "review" and not self.read_only:
            menu.addAction(self.tr("Review…"), lambda: self.review_requested.emit(excerpt))
            menu.addAction(self.tr("Place on the Selected Text"), lambda: self.place_requested.emit(excerpt))
            menu.addAction(self.tr("Drop This Excerpt"), lambda: self.editor.delete_excerpts([excerpt.id]))
        if excerpt.status == "moved" and not self.read_only:
            menu.addAction(self.tr("Confirm New Place"), lambda: self.editor.confirm_moved(excerpt.id))
        menu.addAction(self.tr("Edit Note…"), lambda: self.edit_note(excerpt)).setEnabled(not self.read_only)
        menu.addAction(self.tr("Copy"), lambda: self.copy_requested.emit(self.chosen_excerpts()))
        menu.addAction(self.tr("Delete"), self.delete_selected).setEnabled(not self.read_only)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    @Slot(QModelIndex)
    def _on_double_clicked(self, index: QModelIndex) -> None:
        self.open_requested.emit(self.model.rows[index.row()])
