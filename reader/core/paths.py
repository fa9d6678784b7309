"""Where things live: the library, the cache, the bundled assets, in a checkout, a wheel or a frozen build."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_DIR_NAME = "Duidu"
HOME_ENV = "DUIDU_HOME"


def library_dir(override: str | os.PathLike | None = None) -> Path:
    """The library folder: an explicit path, else $DUIDU_HOME, else the local (not roaming) data dir."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(HOME_ENV)
    if env:
        return Path(env).expanduser()
    # local, not roaming: SQLite's WAL does not work on network shares
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False, roaming=False))


def cache_dir(library: Path | None = None) -> Path:
    """A cache folder (jieba's dictionary cache, compiled translations); beside the library when it is redirected."""
    if library is not None and os.environ.get(HOME_ENV):
        path = Path(library) / "cache"
    else:
        path = Path(platformdirs.user_cache_dir(APP_DIR_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def asset_dir(name: str) -> Path:
    """Find a bundled folder (`resources`, `corpus`) in a PyInstaller build, a checkout or an installed wheel."""
    candidates = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / name)
    candidates.append(Path(__file__).resolve().parents[2] / name)
    candidates.append(Path(sys.prefix) / "share" / "duidu" / name)
    for path in candidates:
        if path.is_dir():
            return path
    return candidates[0]
