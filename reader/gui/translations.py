"""Load the interface translation: a built .qm if present, else compile the .ts source into the cache once."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from reader.core.paths import asset_dir, cache_dir

log = logging.getLogger(__name__)
TS_NAME = "duidu_zh_CN"


def lrelease_command() -> list[str] | None:
    """PySide6's lrelease, from the wheel or the PATH."""
    import PySide6

    base = Path(PySide6.__file__).parent
    for candidate in (base / "lrelease", base / "lrelease.exe", base / "Qt" / "libexec" / "lrelease",
                      base / "Qt" / "bin" / "lrelease"):
        if candidate.is_file():
            return [str(candidate)]
    found = shutil.which("pyside6-lrelease")
    return [found] if found else None


def qm_file(build_dir: Path | None = None) -> Path | None:
    """The compiled Chinese translation: shipped beside the .ts (frozen builds) or compiled into the cache."""
    i18n = asset_dir("resources") / "i18n"
    shipped = i18n / f"{TS_NAME}.qm"
    source = i18n / f"{TS_NAME}.ts"
    if shipped.is_file() and (not source.is_file() or shipped.stat().st_mtime >= source.stat().st_mtime):
        return shipped
    if not source.is_file():
        return None
    target = (build_dir or cache_dir()) / f"{TS_NAME}.qm"
    if target.is_file() and target.stat().st_mtime >= source.stat().st_mtime:
        return target
    command = lrelease_command()
    if command is None:
        log.warning("no lrelease found: the interface stays in English")
        return None
    flags = {"creationflags": 0x08000000} if sys.platform == "win32" else {}  # no console window
    result = subprocess.run([*command, "-silent", str(source), "-qm", str(target)],
                            capture_output=True, text=True, **flags)
    if result.returncode != 0 or not target.is_file():
        log.warning("lrelease failed: %s", result.stderr.strip())
        return None
    return target


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install our translation and Qt's own (standard dialogs) for Chinese; nothing for English."""
    if language != "zh":
        return []
    installed = []
    ours = QTranslator(app)
    path = qm_file()
    if path is not None and ours.load(str(path)):
        app.installTranslator(ours)
        installed.append(ours)
    qt_own = QTranslator(app)
    if qt_own.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    return installed
