"""One pane of the comparison: a speech chooser, the speech with its outline, and drops from the library."""

from __future__ import annotations

import json

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QStyle, QStyleOptionComboBox, QStylePainter, QToolButton,
                               QVBoxLayout, QWidget)

from reader.core.store import DocumentInfo
from reader.gui import plain
from reader.gui.library_pane import DOC_IDS_MIME
from reader.gui.speech_pane import SpeechPane


class ElidingComboBox(QComboBox):
    """A chooser that cuts a long title in the middle (its date stays visible) and shows it whole as a tooltip."""

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        option.currentText = self.fontMetrics().elidedText(option.currentText, Qt.TextElideMode.ElideMiddle,
                                                           field.width() - 4)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def text_shown(self) -> str:
        """The current title as painted (tests read it)."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        return self.fontMetrics().elidedText(self.currentText(), Qt.TextElideMode.ElideMiddle, field.width() - 4)


class ChoiceModel(QAbstractListModel):
    """The speeches a pane can switch to, read from a Python list on demand (10,000 rows cost nothing
    until the list is opened), plus a loose file's title when the pane shows one."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.documents: list[DocumentInfo] = []
        self.loose_title = ""

    def reset(self, documents: list[DocumentInfo], loose_title: str = "") -> None:
        """Show these speeches (and a loose file's title last, when given)."""
        self.beginResetModel()
        self.documents, self.loose_title = documents, loose_title
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.documents) + bool(self.loose_title)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.row() >= len(self.documents):
            label = self.loose_title
        else:
            doc = self.documents[index.row()]
            label = doc.display_title() + (f"（{doc.date}）" if doc.date else "")
        if role == Qt.ItemDataRole.DisplayRole:
            return label
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain.tooltip(label)
        if index.row() >= len(self.documents):
            return None
        if role == Qt.ItemDataRole.UserRole:
            return doc.id
        return None


class ComparePane(QWidget):
    """A SpeechPane with its outline above the text, a chooser of speeches and a close button."""

    document_requested = Signal(object, int)   # (pane, doc id): the reader chose or dropped a speech
    close_requested = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.chooser = ElidingComboBox()
        self.chooser.setObjectName("speechChooser")
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setMinimumContentsLength(8)
        self.chooser.view().setMinimumWidth(460)   # the list shows whole titles however narrow the pane
        self.chooser.view().setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.choices = ChoiceModel(self)
        self.chooser.setModel(self.choices)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setToolTip(self.tr("Remove this pane"))
        self.close_button.setAutoRaise(True)
        self.speech = SpeechPane(Qt.Orientation.Vertical)
        self.speech.header.hide()
        self.speech.splitter.setSizes([230, 520])   # the outline shows a dozen rows
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.chooser, 1)
        top.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.speech, 1)
        self.chooser.activated.connect(self._on_chosen)
        self.close_button.clicked.connect(lambda: self.close_requested.emit(self))

    def set_choices(self, documents: list[DocumentInfo], current_id: int | None, loose_title: str = "",
                    rows: dict[int, int] | None = None) -> None:
        """Offer the library in the chooser (and a loose file's title when the speech is not in it);
        rows ({id: row}, shared by the panes) finds the current speech without asking Qt row by row."""
        if rows is None:
            rows = {doc.id: row for row, doc in enumerate(documents)}
        index = rows.get(current_id, -1) if current_id is not None else -1
        self.chooser.blockSignals(True)
        self.choices.reset(documents, loose_title if index < 0 and loose_title else "")
        self.chooser.setCurrentIndex(len(documents) if index < 0 and loose_title else index)
        self.chooser.setToolTip(plain.tooltip(self.chooser.currentText()))
        self.chooser.blockSignals(False)

    @Slot(int)
    def _on_chosen(self, index: int) -> None:
        doc_id = self.chooser.itemData(index, Qt.ItemDataRole.UserRole)
        if doc_id is not None:
            self.document_requested.emit(self, int(doc_id))

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasFormat(DOC_IDS_MIME):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        """A speech dragged from the library replaces this pane's speech."""
        ids = json.loads(bytes(event.mimeData().data(DOC_IDS_MIME)).decode() or "[]")
        if ids:
            self.document_requested.emit(self, int(ids[0]))
            event.acceptProposedAction()
