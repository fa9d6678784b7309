"""Small builders the dialogs share: a combo box of (value, label) choices, and the OK/Cancel row."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox

Buttons = QDialogButtonBox.StandardButton


def choice_combo(items: list[tuple[object, str]], current=None) -> QComboBox:
    """A combo box whose entries carry values; `current` is selected (else the first)."""
    combo = QComboBox()
    for value, label in items:
        combo.addItem(label, value)
    combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else 0)
    return combo


def dialog_buttons(dialog: QDialog, accept=None, buttons=Buttons.Ok | Buttons.Cancel) -> QDialogButtonBox:
    """The dialog's button row: accept (or the given slot) and reject."""
    box = QDialogButtonBox(buttons)
    box.accepted.connect(accept or dialog.accept)
    box.rejected.connect(dialog.reject)
    return box
