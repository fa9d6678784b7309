"""Speech text, titles and file names shown as the characters they are, never as markup.

QLabel, QMessageBox and tooltips guess rich text (Qt.AutoText): a file name such as
`<a href=…>` became a clickable link and `<img src=…>` an image request. Message boxes here set
Qt.PlainText; the static message boxes and tooltips, which cannot be told a format, get the text
escaped inside a paragraph (`literal`), so Qt shows exactly the characters.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

Button = QMessageBox.StandardButton


def tooltip(text: str | None) -> str:
    """A tooltip showing `text` literally (line breaks kept)."""
    return literal(text or "")


def label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A QLabel that never interprets its text."""
    widget = QLabel(text, parent)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    return widget


def message_box(parent, icon, title: str, text: str, buttons=Button.Ok, default=Button.NoButton) -> QMessageBox:
    """A QMessageBox whose text is plain, ready to exec() or adjust."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if default != Button.NoButton:
        box.setDefaultButton(default)
    return box


def _show(kind: str, default_buttons):
    def show(parent, title: str, text: str, buttons=default_buttons, defaultButton=Button.NoButton):  # noqa: N803
        # the static function (so tests that replace it still see every box), with the text made literal
        return getattr(QMessageBox, kind)(parent, title, literal(text), buttons, defaultButton)
    show.__doc__ = f"QMessageBox.{kind} showing its text as the characters they are."
    return show


def literal(text: str) -> str:
    """Text for a widget that guesses its format: escaped markup inside a paragraph, so it shows literally."""
    if not text:
        return ""
    return '<p style="white-space:pre-wrap">' + html.escape(text, quote=False).replace("\n", "<br>") + "</p>"


warning = _show("warning", Button.Ok)
information = _show("information", Button.Ok)
critical = _show("critical", Button.Ok)
question = _show("question", Button.Yes | Button.No)
