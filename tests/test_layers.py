"""The pure layer never imports Qt: it must run, be tested and benchmarked without a display."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_core_modules_import_no_qt():
    modules = sorted(p.relative_to(ROOT).with_suffix("").as_posix().replace("/", ".")
                     for p in (ROOT / "reader" / "core").rglob("*.py"))
    code = ("import sys\n"
            f"for name in {modules!r}:\n"
            "    __import__(name)\n"
            "bad = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
            "print(','.join(bad))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"reader.core pulled in Qt: {result.stdout}"


def test_core_sources_do_not_mention_qtwidgets():
    offenders = [p.name for p in (ROOT / "reader" / "core").rglob("*.py") if "QtWidgets" in p.read_text("utf-8")]
    assert offenders == []
