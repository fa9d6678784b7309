"""The Linux start: the xcb plugin's missing libraries are named, with the command that installs them."""

import ctypes
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.gui import platform_check
from reader.gui.platform_check import (XCB_LIBRARIES, explain_missing, install_command, missing_by_ldd, package_of,
                                       uses_xcb, xcb_plugin)

ROOT = Path(__file__).resolve().parents[2]
SYSTEM_BASICS = {"libc.so.6", "libm.so.6", "libstdc++.so.6", "libgcc_s.so.1"}


def test_package_names_follow_debian():
    assert package_of("libxcb-icccm.so.4") == "libxcb-icccm4"
    assert package_of("libxcb-keysyms.so.1") == "libxcb-keysyms1"
    assert package_of("libxcb-render-util.so.0") == "libxcb-render-util0"
    assert package_of("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert package_of("libEGL.so.1") == "libegl1"
    assert install_command(["libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-icccm.so.4"]) == \
        "sudo apt-get install libxcb-icccm4 libxcb-keysyms1"


def test_message_names_the_libraries_and_the_command_in_both_languages():
    for language, marker in (("en", "cannot start"), ("zh", "无法启动")):
        text = explain_missing(["libxcb-icccm.so.4", "libxcb-keysyms.so.1"], language)
        assert marker in text and "libxcb-icccm.so.4" in text
        assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in text


def test_only_xcb_starts_are_checked():
    assert uses_xcb({}, "linux")
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not uses_xcb({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not uses_xcb({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}, "linux")
    assert not uses_xcb({}, "win32")


def _needed(path: Path) -> set[str]:
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True).stdout
    return {line.split("[")[1].rstrip("]") for line in out.splitlines() if "(NEEDED)" in line}


def test_readme_names_every_library_the_plugin_needs():
    plugin = xcb_plugin()
    if plugin is None or shutil.which("readelf") is None:
        pytest.skip("no xcb plugin or no readelf here")
    qpa = plugin.parents[2] / "lib" / "libQt6XcbQpa.so.6"
    needed = _needed(plugin) | (_needed(qpa) if qpa.is_file() else set())
    outside_wheel = {name for name in needed if not name.startswith("libQt6")} - SYSTEM_BASICS
    assert outside_wheel - set(XCB_LIBRARIES) == set(), "add them to XCB_LIBRARIES"
    readme = " ".join((ROOT / "README.md").read_text("utf-8").split())
    assert install_command(list(XCB_LIBRARIES)) in readme


def test_the_loader_and_ldd_agree_on_what_is_missing():
    plugin = xcb_plugin()
    if plugin is None or shutil.which("ldd") is None:
        pytest.skip("no xcb plugin or no ldd here")
    missing = missing_by_ldd(plugin)
    assert missing is not None
    for name in missing:
        with pytest.raises(OSError):
            ctypes.CDLL(name)
    assert set(platform_check.missing_by_loading()) <= set(missing)


def test_start_without_the_libraries_prints_the_command_instead_of_aborting(tmp_path):
    missing = platform_check.missing_xcb_libraries()
    if not missing:
        pytest.skip("every library of the xcb plugin is installed here")
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", DUIDU_LANG="en", PYTHONPATH=str(ROOT),
               DUIDU_HOME=str(tmp_path))
    result = subprocess.run([sys.executable, "-m", "reader"], capture_output=True, text=True, env=env,
                            cwd=ROOT, timeout=60)
    assert result.returncode == 2
    assert install_command(missing) in result.stderr
