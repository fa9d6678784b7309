"""Choose a reading font the system has: a CJK serif or sans face, never a font the user lacks."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

# Song/Ming faces read best for long Chinese text; sans faces next; the first one installed wins.
READING_FAMILIES = [
    "Source Han Serif SC", "Noto Serif CJK SC", "Songti SC", "STSong", "SimSun", "NSimSun",
    "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Hiragino Sans GB",
    "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Droid Sans Fallback",
]


def reading_font(family: str = "", size: int = 14) -> QFont:
    """The configured family if present, else the best installed CJK face, at `size` points."""
    available = set(QFontDatabase.families())
    chosen = family if family and family in available else next(
        (name for name in READING_FAMILIES if name in available), "")
    font = QFont(chosen) if chosen else QFont()
    font.setPointSize(max(6, min(size, 48)))
    font.setStyleHint(QFont.StyleHint.Serif, QFont.StyleStrategy.PreferAntialias)
    return font
