"""How shared passages look: distinctive reuse stands out, stock formulae stay quiet, near-verbatim is dashed.

Colours are translucent so that they read on light and dark backgrounds alike.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat

from reader.core.comparison import SharedSpan

DISTINCTIVE = QColor(255, 170, 0, 115)
DISTINCTIVE_NEAR = QColor(255, 170, 0, 70)
STOCK = QColor(110, 140, 190, 55)
FLASH = QColor(255, 90, 0, 190)
NEAR_UNDERLINE = QColor(220, 110, 0)
STOCK_MARK = QColor(110, 140, 190, 150)
DISTINCTIVE_MARK = QColor(230, 140, 0, 230)


def span_format(span: SharedSpan) -> QTextCharFormat:
    """The character format of a shared span, by class and kind."""
    fmt = QTextCharFormat()
    if span.cls == "stock":
        fmt.setBackground(STOCK)
    else:
        fmt.setBackground(DISTINCTIVE if span.kind == "exact" else DISTINCTIVE_NEAR)
    if span.kind == "near":
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        fmt.setUnderlineColor(NEAR_UNDERLINE)
    return fmt


def flash_format() -> QTextCharFormat:
    """A brief strong mark on the counterpart the reader asked for."""
    fmt = QTextCharFormat()
    fmt.setBackground(FLASH)
    return fmt


def mark_colour(span: SharedSpan) -> QColor:
    """The tick colour in the marker strip."""
    return STOCK_MARK if span.cls == "stock" else DISTINCTIVE_MARK
