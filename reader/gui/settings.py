"""Settings declared once with their defaults, stored in an INI file that tests redirect with $DUIDU_HOME."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
from PySide6.QtCore import QByteArray, QSettings

from reader.core.locale import system_language
from reader.core.paths import APP_DIR_NAME, HOME_ENV

DEFAULTS: dict[str, object] = {
    "library/folder": "",            # empty: $DUIDU_HOME or the local data folder
    "ui/language": "system",         # "system" | "zh" | "en"
    "ui/color_scheme": "system",     # "system" | "light" | "dark"
    "reading/font_family": "",       # empty: the best CJK font the system has
    "reading/font_size": 14,
    "reading/line_spacing": 160,     # percent of the font's line height
    "shared/min_chars": 0,           # 0: the engine's default
    "shared/show_stock": True,
    "shared/stock_threshold": 0.0,   # share of the library; 0: adaptive to its size
    "shared/stock_score": 0.5,       # a passage whose stock score (0..1) reaches this is a stock formula
    "compare/sync_scroll": True,
    "export/preset": "plain",
    "export/headings": False,        # cite sections with their headings, not the numbers alone
    "export/body_font": "仿宋",
    "export/heading1_font": "黑体",
    "export/heading2_font": "楷体",
    "export/title_font": "方正小标宋简体",
    "synoptic/quiet": False,         # ignore punctuation and placeholder differences
    "synoptic/hide_same": False,     # hide identical sentences
    "synoptic/landscape": True,      # Word 对照表 on A4 landscape pages
    "recent/items": [],              # "1,3" (ids opened together), newest first
}


def settings_path() -> Path:
    """The INI file: beside the library when $DUIDU_HOME redirects it, else the user's config folder."""
    home = os.environ.get(HOME_ENV)
    base = Path(home) if home else Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False))
    return base / "settings.ini"


class Settings:
    """Typed access to the declared settings, with their defaults."""

    def __init__(self, path: Path | None = None):
        self.path = path or settings_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def get(self, key: str):
        """A setting's value, converted to the type of its default."""
        default = DEFAULTS[key]
        value = self.qsettings.value(key, default)
        if isinstance(default, bool):
            return value if isinstance(value, bool) else str(value).lower() in ("true", "1", "yes")
        if isinstance(default, int):
            try:
                return int(value)
            except (TypeError, ValueError):
                return default
        if isinstance(default, float):
            try:
                return float(value)
            except (TypeError, ValueError):
                return default
        if isinstance(default, list):
            if value in (None, ""):
                return []
            return list(value) if isinstance(value, (list, tuple)) else [value]
        return "" if value is None else str(value)

    def set(self, key: str, value) -> None:
        """Store a declared setting."""
        if key not in DEFAULTS:
            raise KeyError(key)
        self.qsettings.setValue(key, value)

    def save_state(self, name: str, state: QByteArray) -> None:
        """Remember a widget's geometry or state (window, splitters, headers), keyed by its objectName."""
        self.qsettings.setValue(f"state/{name}", state)

    def state(self, name: str) -> QByteArray | None:
        """A remembered geometry or state, if any."""
        value = self.qsettings.value(f"state/{name}")
        return value if isinstance(value, QByteArray) else None

    def interface_language(self) -> str:
        """'zh' or 'en': the chosen language, else the system locale's."""
        chosen = self.get("ui/language")
        return chosen if chosen in ("zh", "en") else system_language()

    def export_fonts(self):
        """The fonts of Word exports, from the settings."""
        from reader.core.export.docx_export import ExportFonts

        return ExportFonts(fangsong=self.get("export/body_font"), heiti=self.get("export/heading1_font"),
                           kaiti=self.get("export/heading2_font"), title=self.get("export/title_font"))

    def sync(self) -> None:
        """Write to disk now."""
        self.qsettings.sync()
