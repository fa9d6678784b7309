"""Before Qt starts on Linux: find the system libraries its xcb platform plugin lacks, and say how to install them.

Qt itself aborts (exit 134) with a message that names libxcb-cursor0 even when that one is installed
and the missing ones are others (libxcb-icccm4, libxcb-keysyms1 on a fresh Ubuntu). The dynamic
loader knows exactly what is missing, so we ask it (ldd on the plugin) before creating the
application; where ldd is absent, each library the plugin needs is opened with ctypes instead.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

# what PySide6 6.8–6.11's libqxcb.so and libQt6XcbQpa.so need outside the wheel (readelf -d, NEEDED)
XCB_LIBRARIES = (
    "libxcb.so.1", "libX11.so.6", "libX11-xcb.so.1", "libxcb-cursor.so.0", "libxcb-icccm.so.4",
    "libxcb-image.so.0", "libxcb-keysyms.so.1", "libxcb-randr.so.0", "libxcb-render.so.0",
    "libxcb-render-util.so.0", "libxcb-shape.so.0", "libxcb-shm.so.0", "libxcb-sync.so.1",
    "libxcb-util.so.1", "libxcb-xfixes.so.0", "libxcb-xkb.so.1", "libxkbcommon.so.0",
    "libxkbcommon-x11.so.0", "libEGL.so.1", "libGL.so.1", "libglib-2.0.so.0", "libgthread-2.0.so.0",
    "libfontconfig.so.1",
    "libfreetype.so.6", "libdbus-1.so.3",
)
# Debian/Ubuntu package of each library whose name does not follow the usual soname rule
PACKAGES = {
    "libX11.so.6": "libx11-6", "libX11-xcb.so.1": "libx11-xcb1", "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1",
    "libglib-2.0.so.0": "libglib2.0-0", "libgthread-2.0.so.0": "libglib2.0-0", "libdbus-1.so.3": "libdbus-1-3",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


def package_of(soname: str) -> str:
    """The Debian/Ubuntu package holding a library: libxcb-icccm.so.4 -> libxcb-icccm4."""
    if soname in PACKAGES:
        return PACKAGES[soname]
    match = re.fullmatch(r"(lib[\w.+-]+?)\.so\.(\d+)", soname)
    if match is None:
        return soname
    name, major = match.groups()
    name = name.lower()
    return f"{name}-{major}" if name[-1].isdigit() else f"{name}{major}"


def xcb_plugin() -> Path | None:
    """PySide6's xcb platform plugin (found without importing Qt), or None outside a PySide6 wheel."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    for base in spec.submodule_search_locations:
        for candidate in (Path(base) / "Qt" / "plugins" / "platforms" / "libqxcb.so",
                          Path(base) / "plugins" / "platforms" / "libqxcb.so"):
            if candidate.is_file():
                return candidate
    return None


def missing_by_ldd(plugin: Path) -> list[str] | None:
    """The libraries the loader cannot find for the plugin (ldd's "not found"), or None if ldd cannot run."""
    try:
        result = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0 and "not found" not in result.stdout:
        return None
    found = re.findall(r"^\s*(\S+)\s+=>\s+not found", result.stdout, flags=re.MULTILINE)
    return list(dict.fromkeys(found))


def missing_by_loading(names=XCB_LIBRARIES) -> list[str]:
    """The libraries that the dynamic loader cannot open by name."""
    missing = []
    for name in names:
        try:
            ctypes.CDLL(name)
        except OSError:
            missing.append(name)
    return missing


def missing_xcb_libraries(plugin: Path | None = None) -> list[str]:
    """What the xcb plugin lacks on this system (empty when it can load, or when there is no plugin to check)."""
    plugin = plugin or xcb_plugin()
    if plugin is None:
        return []
    found = missing_by_ldd(plugin)
    return missing_by_loading() if found is None else found


def install_command(missing: list[str]) -> str:
    """The apt-get command that installs the missing libraries."""
    return "sudo apt-get install " + " ".join(dict.fromkeys(package_of(name) for name in missing))


def uses_xcb(environ=os.environ, platform: str = sys.platform) -> bool:
    """Whether Qt will start on the xcb plugin: on Linux, unless another platform is asked for or Wayland is in use."""
    if not platform.startswith("linux"):
        return False
    asked = environ.get("QT_QPA_PLATFORM", "")
    if asked:
        return asked.split(";")[0].split(":")[0] == "xcb"
    return not (environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland")


def explain_missing(missing: list[str], language: str) -> str:
    """The message printed instead of Qt's abort: which libraries are missing and how to install them."""
    names = ", ".join(missing)
    command = install_command(missing)
    if language == "zh":
        return (f"对读无法启动：Qt 的 xcb 显示插件缺少以下系统库：{names}\n"
                f"请先安装（Debian/Ubuntu）：\n    {command}\n然后重新启动对读。")
    return (f"Duidu cannot start: Qt's xcb display plugin needs system libraries that are missing: {names}\n"
            f"Install them (Debian/Ubuntu) with:\n    {command}\nthen start Duidu again.")


def check_platform(language: str, stream=None) -> bool:
    """True when Qt can start; otherwise print what is missing (and the command) and return False."""
    if not uses_xcb():
        return True
    missing = missing_xcb_libraries()
    if not missing:
        return True
    print(explain_missing(missing, language), file=stream or sys.stderr)
    return False
