"""`duidu selfcheck [--out FILE]`: check that this copy of Duidu carries everything it needs, and exit 0 or 1.

Meant for built folders (build.spec): a frozen build collects only what PyInstaller saw, so a missing
data file (jieba's dictionary, python-docx's template, the compiled translation, the corpus) shows up
only when a reader first needs it. Each check runs the real code path on a little data in a temporary
folder. A windowed build has no stdout, so `--out` writes the JSON report to a file.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
import traceback
from io import BytesIO
from pathlib import Path

from reader import __version__
from reader.cli.common import emit_json
from reader.core.locale import pick
from reader.core.paths import asset_dir, cache_dir

SAMPLE = "推进以人为核心的新型城镇化，提高城市规划建设治理水平。"


def register(subparsers) -> None:
    """Add the selfcheck subcommand."""
    p = subparsers.add_parser("selfcheck", help=pick("check that this build carries everything it needs",
                                                      "检查本程序所需文件是否齐全"))
    p.add_argument("--out", metavar="FILE.json",
                   help=pick("write the report here (a windowed build has no console)",
                             "将报告写入此文件（窗口版程序没有控制台）"))
    p.add_argument("--no-qt", action="store_true", help=pick("skip the Qt checks", "跳过 Qt 检查"))
    p.set_defaults(func=cmd_selfcheck)


def check_assets(_tmp: Path) -> str:
    """The bundled folders: icons, help, the corpus its metadata lists."""
    resources, corpus = asset_dir("resources"), asset_dir("corpus")
    wanted = [resources / "icons" / "app.svg", resources / "help" / "guide_en.md",
              resources / "help" / "guide_zh.md", corpus / "metadata.json"]
    if (corpus / "metadata.json").is_file():
        listed = json.loads((corpus / "metadata.json").read_text(encoding="utf-8"))["speeches"]
        wanted += [corpus / entry["file"] for entry in listed]
    missing = [str(p) for p in wanted if not p.is_file()]
    if missing:
        raise AssertionError(f"missing: {', '.join(missing)}")
    return f"{len(wanted)} files under {resources.parent}"


def check_translation(tmp: Path) -> str:
    """The compiled interface translation: shipped in a frozen build, compiled by lrelease from a checkout."""
    from reader.gui.translations import TS_NAME, qm_file

    shipped = asset_dir("resources") / "i18n" / f"{TS_NAME}.qm"
    if getattr(sys, "frozen", False) and not shipped.is_file():
        raise AssertionError(f"{shipped} is not in the build")
    path = qm_file(build_dir=tmp)
    if path is None or path.stat().st_size == 0:
        raise AssertionError("no compiled translation (lrelease missing or failed)")
    return f"{path.name}, {path.stat().st_size} bytes ({'shipped' if path == shipped else 'compiled now'})"


def check_jieba(tmp: Path) -> str:
    """jieba imports, finds its dictionary and cuts words (without the dictionary every token is one character)."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(tmp)  # never the system temp folder (PITFALLS)
    with tokenizer.get_dict_file() as handle:
        dictionary = Path(handle.name)
    words = tokenizer.lcut(SAMPLE, HMM=False)
    if max(len(w) for w in words) < 2:
        raise AssertionError(f"no multi-character words: {words}")
    return f"{dictionary.name} ({dictionary.stat().st_size} bytes): {' / '.join(words[:6])}"


def check_corpus_outline(_tmp: Path) -> str:
    """Import a bundled speech (encoding detection, cleaning) and parse its outline."""
    from reader.core.importer import load_file
    from reader.core.outline import iter_sections, parse_outline

    first = sorted(asset_dir("corpus").glob("*.txt"))[0]
    imported = load_file(first)
    sections = list(iter_sections(parse_outline(imported.text)))
    if not sections:
        raise AssertionError(f"no outline in {first.name}")
    return f"{first.name}: {len(imported.text)} characters ({imported.encoding}), {len(sections)} sections"


def check_web_page(_tmp: Path) -> str:
    """A saved government page (lxml.html in the build): the speech, its title and its date come out."""
    from reader.core.importer import load_text

    page = ("<html><head><title>领导讲话_某市人民政府</title></head><body><form><div class='nav'><a>首页</a></div>"
            "<h1>在全市工作会议上的讲话</h1><div>发布时间：2024-03-05 来源：市政府办公室</div>"
            "<div id='zoom'><p>同志们：</p><p>今天召开会议，安排部署今年工作。</p></div></form></body></html>")
    imported = load_text(page, fmt="html")
    if "今天召开会议" not in imported.text or imported.metadata.get("date") != "2024-03-05":
        raise AssertionError(f"web page extraction failed: {imported.text!r} {imported.metadata}")
    return f"{imported.metadata['title']} ({imported.metadata['date']}, {imported.metadata['origin']})"


def check_library(tmp: Path) -> str:
    """SQLite with the store's schema (FTS5 included) in a fresh library folder."""
    from reader.core.importer import load_text
    from reader.core.store import Library

    library = Library(tmp / "library")
    try:
        doc_id, _new = library.add_document(load_text(SAMPLE, source="selfcheck"))
        text = library.get_document(doc_id).text
    finally:
        library.close()
    if text != SAMPLE:
        raise AssertionError("the stored text came back changed")
    import sqlite3

    return f"SQLite {sqlite3.sqlite_version}"


def check_background_backup(tmp: Path) -> str:
    """The session backup's own process: this program started again with the hidden command (a built app is its
    own executable) makes a verified backup of a library."""
    from reader.core import backup, backup_background
    from reader.core.store import Library

    library = Library(tmp / "library")
    library.set_state("selfcheck", "1")
    library.close()                                      # in this process: one session backup
    backup_background.request(library.folder)
    child = backup_background.spawn(library.folder)
    if child.wait(120) != 0 or backup_background.wait(library.folder, 10) is not True:
        raise AssertionError(f"`{' '.join(backup_background.command(library.folder))}` ended {child.returncode}"
                             " without a backup")
    made = [b for b in backup.list_backups(library.folder) if b.reason == backup.SESSION]
    if len(made) != 2 or not backup.verify_backup(made[0].path).ok:
        raise AssertionError(f"{len(made)} session backups")
    return f"{made[0].path.name} by process {child.pid}"


def check_reuse(_tmp: Path) -> str:
    """The shared-phrasing engine (numpy n-grams, edge snapping, the reference model) on two bundled speeches."""
    from reader.core.importer import load_file
    from reader.core.reuse import find_shared
    from reader.core.reuse.reference import model_path, reference_model

    model = reference_model()
    if model is None:
        raise AssertionError(f"the reference model {model_path()} is missing or unreadable")
    first, second = sorted(asset_dir("corpus").glob("*.txt"))[:2]
    passages = find_shared(load_file(first).text, load_file(second).text)
    import numpy

    return (f"numpy {numpy.__version__}: {len(passages)} shared passages between {first.name[:2]} and "
            f"{second.name[:2]}; reference model of {model.n_docs} texts, {model.hashes.size} n-grams")


def check_diff(_tmp: Path) -> str:
    """diff-match-patch, used to show edits within aligned sections."""
    from diff_match_patch import diff_match_patch

    diffs = diff_match_patch().diff_main("推进新型城镇化建设", "推进以人为核心的新型城镇化")
    if len(diffs) < 2:
        raise AssertionError(f"unexpected diff: {diffs}")
    return f"{len(diffs)} diff operations"


def check_docx(_tmp: Path) -> str:
    """A Word export built in memory and read back (python-docx needs its templates folder)."""
    import docx

    from reader.core.codebook_types import Excerpt
    from reader.core.export.citation import ExportGroup
    from reader.core.export.docx_export import build_docx

    excerpt = Excerpt(id=1, doc_id=1, start=0, end=len(SAMPLE), quote=SAMPLE, context_before="", context_after="",
                      note="", group_id=None, status="", created_at="", updated_at="", doc_title="自检")
    buffer = BytesIO()
    build_docx([ExportGroup("自检", [excerpt])], preset="official").save(buffer)
    text = "\n".join(p.text for p in docx.Document(BytesIO(buffer.getvalue())).paragraphs)
    if SAMPLE not in text:
        raise AssertionError("the excerpt is not in the document")
    return f"{buffer.tell()} bytes"


def check_qt(tmp: Path) -> str:
    """Qt: a GUI application starts, the SVG icon renders, both translations load."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    from reader.gui.translations import qm_file

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(asset_dir("resources") / "icons" / "app.svg"))
    if not renderer.isValid():
        raise AssertionError("app.svg does not render")
    image = QImage(32, 32, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    ours, qt_own = QTranslator(), QTranslator()
    qm = qm_file(build_dir=tmp)
    if qm is None or not ours.load(str(qm)):
        raise AssertionError("the interface translation does not load")
    if not qt_own.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_",
                       QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        raise AssertionError("Qt's own Chinese translation (qtbase_zh_CN) is missing")
    return f"Qt {QLibraryInfo.version().toString()} on {app.platformName()}"


CHECKS = [check_assets, check_translation, check_jieba, check_corpus_outline, check_web_page, check_library,
          check_background_backup, check_reuse, check_diff, check_docx, check_qt]


def run_checks(with_qt: bool = True) -> dict:
    """Run every check in a temporary folder; a failure is recorded with its traceback, the rest still run."""
    results = []
    with tempfile.TemporaryDirectory(prefix="duidu-selfcheck-") as folder:
        for check in CHECKS:
            if check is check_qt and not with_qt:
                continue
            name = check.__name__.removeprefix("check_")
            (Path(folder) / name).mkdir()
            started = time.perf_counter()
            try:
                entry = {"name": name, "ok": True, "detail": check(Path(folder) / name)}
            except Exception as exc:  # noqa: BLE001 (a report of every failure is the point)
                entry = {"name": name, "ok": False, "error": f"{type(exc).__name__}: {exc}",
                         "traceback": traceback.format_exc(limit=4)}
            entry["seconds"] = round(time.perf_counter() - started, 3)
            results.append(entry)
    return {"ok": all(r["ok"] for r in results), "version": __version__, "frozen": bool(getattr(sys, "frozen", False)),
            "python": sys.version.split()[0], "executable": sys.executable, "checks": results}


def cmd_selfcheck(args) -> int:
    """Write the report to --out (or stdout; or the cache folder when a windowed build has no stdout)."""
    report = run_checks(with_qt=not args.no_qt)
    out = args.out
    if out is None and sys.stdout is None:
        out = cache_dir() / "selfcheck.json"
    if out is None:
        emit_json(report)
    else:
        Path(out).write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0 if report["ok"] else 1
