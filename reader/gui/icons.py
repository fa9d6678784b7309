"""Toolbar icons drawn from monochrome SVGs in the palette's text colour, so they read in light and dark mode."""

from __future__ import annotations

import math
from functools import lru_cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from reader.core.paths import asset_dir

SIZES = (16, 24, 32, 48)
TOOL_SIZES = (16, 24)     # menus and toolbars; times the screen's pixel ratio (half the drawing at start)


@lru_cache(maxsize=None)
def _svg_source(name: str) -> str:
    path = asset_dir("resources") / "icons" / f"{name}.svg"
    return path.read_text(encoding="utf-8") if path.is_file() else ""


@lru_cache(maxsize=256)
def _icon(name: str, colour: str, sizes: tuple[int, ...] = SIZES) -> QIcon:
    source = _svg_source(name)
    if not source:
        return QIcon()
    renderer = QSvgRenderer(QByteArray(source.replace("currentColor", colour).encode("utf-8")))
    icon = QIcon()
    for size in sizes:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def themed_icon(name: str, palette: QPalette | None = None) -> QIcon:
    """An icon from resources/icons/NAME.svg, stroked in the palette's button-text colour."""
    palette = palette or QGuiApplication.palette()
    app = QGuiApplication.instance()
    ratio = max(1, math.ceil(app.devicePixelRatio())) if app is not None else 1
    return _icon(name, palette.color(QPalette.ColorRole.ButtonText).name(), tuple(s * ratio for s in TOOL_SIZES))


def app_icon() -> QIcon:
    """The application's own (coloured) icon."""
    return _icon("app", "#000000")
