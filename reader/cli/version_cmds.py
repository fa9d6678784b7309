"""Subcommands that keep excerpts and the library safe: reimport, versions, revert, restore."""

from __future__ import annotations

import sys

from reader.cli.common import CliError, emit_json, open_library, write_rows, write_text
from reader.core import backup, backup_background
from reader.core.anchor import ReanchorReport
from reader.core.importer import ImportRefused
from reader.core.library_ops import reimport_document, sync_index
from reader.core.locale import pick
from reader.core.paths import library_dir
from reader.core.store import LibraryError
from reader.core.versions import list_versions, revert_to_version


def register(subparsers) -> None:
    """Add reimport, versions, revert and restore."""
    p = subparsers.add_parser("reimport", help=pick("replace a speech's text by a new version of its file",
                                                    "用文件的新版本替换讲话文本"))
    p.add_argument("document", metavar="ID", type=int, help=pick("the speech's library id", "讲话的文库编号"))
    p.add_argument("file", metavar="FILE", help=pick("the new version (.txt, .docx or .html)", "新版本文件（.txt、.docx 或 .html）"))
    p.add_argument("--encoding", help=pick("decode a .txt file with this encoding", "按此编码读取 .txt 文件"))
    p.add_argument("--json", action="store_true", help=pick("print JSON", "输出 JSON"))
    p.set_defaults(func=cmd_reimport)

    p = subparsers.add_parser("versions", help=pick("list a speech's earlier texts", "列出讲话的历史版本"))
    p.add_argument("document", metavar="ID", type=int, help=pick("the speech's library id", "讲话的文库编号"))
    p.add_argument("--json", action="store_true", help=pick("print JSON", "输出 JSON"))
    p.set_defaults(func=cmd_versions)

    p = subparsers.add_parser("revert", help=pick("go back to an earlier text of a speech", "恢复讲话的某个历史版本"))
    p.add_argument("document", metavar="ID", type=int, help=pick("the speech's library id", "讲话的文库编号"))
    p.add_argument("version", metavar="VERSION", type=int,
                   help=pick("the version number, as `duidu versions ID` lists it", "版本号，见 duidu versions ID 的列表"))
    p.add_argument("--json", action="store_true", help=pick("print JSON", "输出 JSON"))
    p.set_defaults(func=cmd_revert)

    p = subparsers.add_parser("restore", help=pick("restore the library from a backup (the newest good one by default)",
                                                   "从备份恢复文库（默认用最新的完好备份）"))
    p.add_argument("backup", metavar="BACKUP", nargs="?",
                   help=pick("the backup to restore (default: the newest good one)", "要恢复的备份（默认：最新的完好备份）"))
    p.add_argument("--list", action="store_true", help=pick("list the backups", "列出备份"))
    p.set_defaults(func=cmd_restore)


def report_lines(report: ReanchorReport) -> str:
    """The excerpts' fate after a text change, one line, then the ids that need the reader."""
    counts = report.summary()
    text = pick(f"excerpts: {counts['stayed']} stayed, {counts['moved']} moved, {counts['review']} need review\n",
                f"摘录：{counts['stayed']} 条原位保留，{counts['moved']} 条已移位，{counts['review']} 条待核对\n")
    if report.moved:
        text += pick("moved: ", "已移位：") + ", ".join(map(str, report.moved)) + "\n"
    if report.review:
        text += pick("need review (duidu excerpt list --review): ", "待核对（duidu excerpt list --review）：") \
            + ", ".join(map(str, report.review)) + "\n"
    return text


def _show(report: ReanchorReport, as_json: bool) -> int:
    """Print a re-anchoring report; exit 0 (review is not a failure: the reader decides)."""
    if as_json:
        emit_json({**report.summary(), "moved_ids": report.moved, "review_ids": report.review})
    else:
        write_text(report_lines(report))
    return 0


def _change_text(args, change) -> int:
    """Run a text change (reimport, revert) on the library, re-index, and print what became of the excerpts."""
    library = open_library(args)
    try:
        report = change(library)
        sync_index(library)
    except (ImportRefused, LibraryError) as exc:
        raise CliError(exc.message()) from exc
    return _show(report, args.json)


def cmd_reimport(args) -> int:
    """A new version of a speech's file: the old text kept, every excerpt re-anchored and reported."""
    return _change_text(args, lambda library: reimport_document(library, args.document, args.file,
                                                                 encoding=args.encoding))


def cmd_versions(args) -> int:
    """The earlier texts of a speech, newest first."""
    library = open_library(args, read_only_ok=True)
    try:
        versions = list_versions(library, args.document)
    except LibraryError as exc:
        raise CliError(exc.message()) from exc
    return write_rows(args, versions,
                      lambda v: f"{v.id:>4}  {v.replaced_at}  {v.reason:<9}  {v.char_count:>7}  {v.source_path or ''}",
                      pick("No earlier versions.\n", "没有历史版本。\n"))


def cmd_revert(args) -> int:
    """Go back to an earlier text (the current one is kept as a version too)."""
    return _change_text(args, lambda library: revert_to_version(library, args.document, args.version))


def cmd_restore(args) -> int:
    """List the backups, or restore one (the newest that passes a full check), keeping the current file aside."""
    folder = library_dir(getattr(args, "library", None))
    if args.list:
        return write_rows(args, backup.list_backups(folder),
                          lambda b: f"{b.created:%Y-%m-%d %H:%M:%S}  {b.reason or '-':<12}  {b.size:>10}  {b.path.name}",
                          pick("No backups.\n", "没有备份。\n"))
    said = []

    def waiting() -> None:      # a background backup is still reading the library: the restore waits for it
        if not said:
            print(pick("Waiting for the background backup of the library to finish…", "正在等待文库的后台备份完成……"),
                  file=sys.stderr, flush=True)
            said.append(True)

    try:
        if args.backup:
            used = backup.find_backup(folder, args.backup)
            aside = backup.restore_backup(folder, used, waiting)
        else:
            backup_background.settle(folder, waiting)      # the newest backup then holds the latest change
            used, aside = backup.restore_newest(folder, waiting)
    except LibraryError as exc:
        raise CliError(exc.message(), 3 if exc.reason == "in_use" else 1) from exc
    except OSError as exc:       # the backups folder cannot be written (its lock, the owed backup's state)
        raise CliError(exc.strerror or str(exc)) from exc
    write_text(pick(f"Restored from {used.name}.", f"已从 {used.name} 恢复。")
               + (pick(f" The previous file was kept as {aside}.", f"原文件保留为 {aside}。") if aside else "") + "\n")
    return 0
