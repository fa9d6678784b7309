"""Load the interface translation: a built .qm if present, else compile the .ts source into the cache once."""

from __future__ import annotations

import hashlib
import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from reader.core.paths import asset_dir, cache_dir

log = logging.getLogger(__name__)
TS_NAME = "duidu_zh_CN"
EN_TS_NAME = "duidu_en"   # English needs only its plural forms ("1 speech", "5 speeches")


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


def qm_file(build_dir: Path | None = None, name: str = TS_NAME) -> Path | None:
    """A compiled translation: shipped beside the .ts (frozen builds) or compiled into the cache."""
    i18n = asset_dir("resources") / "i18n"
    shipped = i18n / f"{name}.qm"
    source = i18n / f"{name}.ts"
    if shipped.is_file() and (not source.is_file() or shipped.stat().st_mtime >= source.stat().st_mtime):
        return shipped
    if not source.is_file():
        return None
    if build_dir is not None:
        target = build_dir / f"{name}.qm"
        if target.is_file() and target.stat().st_mtime >= source.stat().st_mtime:
            return target
    else:
        # keyed by the source's content, not its date: an upgrade may install a .ts older than the cached .qm
        digest = hashlib.sha1(source.read_bytes()).hexdigest()[:12]
        target = cache_dir() / f"{name}-{digest}.qm"
        if target.is_file():
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


def qt_translations_dir() -> Path | None:
    """Where Qt's own translations are: Qt's configured path, else the PySide6 package (wheels, frozen builds)."""
    configured = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if (configured / "qtbase_zh_CN.qm").is_file():
        return configured
    import PySide6

    for candidate in (Path(PySide6.__file__).parent / "Qt" / "translations",
                      Path(PySide6.__file__).parent / "translations"):
        if (candidate / "qtbase_zh_CN.qm").is_file():
            return candidate
    return None


def _install(app: QCoreApplication, path: Path | None, installed: list[QTranslator]) -> None:
    translator = QTranslator(app)
    if path is not None and translator.load(str(path)):
        app.installTranslator(translator)
        installed.append(translator)


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Chinese: our translation and Qt's own (file dialogs, message-box buttons); English: its plural forms."""
    installed: list[QTranslator] = []
    if language != "zh":
        _install(app, qm_file(name=EN_TS_NAME), installed)
        return installed
    _install(app, qm_file(), installed)
    folder = qt_translations_dir()
    _install(app, folder / "qtbase_zh_CN.qm" if folder else None, installed)
    if folder is None:
        log.warning("Qt's own Chinese translation (qtbase_zh_CN.qm) is missing: its dialogs stay in English")
    return installed
