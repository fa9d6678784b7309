"""How shared passages look: distinctive reuse stands out, stock formulae recede, near-verbatim is dashed.

The colour is graded by the passage's stock score (0 = distinctive reuse .. 1 = formula): from a
strong amber to a faint grey-blue, so that a half-stock passage reads as in between. Colours are
translucent so that they read on light and dark backgrounds alike.
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


def blend(low: QColor, high: QColor, t: float) -> QColor:
    """The colour t of the way from low to high (t clipped to 0..1), alpha included."""
    t = min(max(t, 0.0), 1.0)
    return QColor(*(round(a + (b - a) * t) for a, b in zip(low.getRgb(), high.getRgb())))


def graded_background(score: float, near: bool = False) -> QColor:
    """The highlight of a passage with this stock score."""
    return blend(DISTINCTIVE_NEAR if near else DISTINCTIVE, STOCK, score)


def span_format(span: SharedSpan) -> QTextCharFormat:
    """The character format of a shared span, graded by its stock score, dashed when near-verbatim."""
    fmt = QTextCharFormat()
    score = 1.0 if span.cls == "stock" and span.stock_score <= 0 else span.stock_score
    fmt.setBackground(graded_background(score, span.kind == "near"))
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
    """The tick colour in the marker strip, graded like the highlight."""
    score = 1.0 if span.cls == "stock" and span.stock_score <= 0 else span.stock_score
    return blend(DISTINCTIVE_MARK, STOCK_MARK, score)
