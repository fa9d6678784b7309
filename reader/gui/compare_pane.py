"""One pane of the comparison: a speech chooser, the speech with its outline, and drops from the library."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt, Signal, Slot
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

    def set_choices(self, documents: list[DocumentInfo], current_id: int | None, loose_title: str = "") -> None:
        """Fill the chooser with the library (and a loose file's title when the speech is not in it)."""
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for doc in documents:
            label = doc.display_title() + (f"（{doc.date}）" if doc.date else "")
            self.chooser.addItem(label, doc.id)
            self.chooser.setItemData(self.chooser.count() - 1, plain.tooltip(label), Qt.ItemDataRole.ToolTipRole)
        index = self.chooser.findData(current_id) if current_id is not None else -1
        if index < 0 and loose_title:
            self.chooser.addItem(loose_title, None)
            index = self.chooser.count() - 1
        self.chooser.setCurrentIndex(index)
        self.chooser.setToolTip(self.chooser.currentText())
        self.chooser.blockSignals(False)

    @Slot(int)
    def _on_chosen(self, index: int) -> None:
        doc_id = self.chooser.itemData(index)
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
