"""The command line: `duidu SUBCOMMAND …` for scripts and tests; no subcommand opens the window."""

from __future__ import annotations

import argparse
import importlib
import sqlite3
import sys

from reader import __version__
from reader.core.locale import pick, system_language

# Each module adds its subcommands with register(subparsers) and sets func=handler(args) -> int.
COMMAND_MODULES = [
    "reader.cli.library_cmds",
    "reader.cli.shared_cmds",
    "reader.cli.excerpt_cmds",
    "reader.cli.tag_cmds",
    "reader.cli.compare_cmds",
    "reader.cli.align_cmds",
    "reader.cli.overview_cmds",
    "reader.cli.selfcheck_cmds",
    "reader.cli.version_cmds",
]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every registered subcommand, argparse's own words in the reader's language."""
    from reader.cli.argparse_zh import use_language

    use_language(system_language())
    parser = argparse.ArgumentParser(
        prog="duidu",
        description=pick("Duidu: read Chinese speeches side by side. Without a command, opens the window.",
                         "对读：并排对照阅读讲话稿。不带子命令时打开窗口。"))
    parser.add_argument("--version", action="version", version=f"duidu {__version__}")
    parser.add_argument("--library", metavar="DIR",
                        help=pick("library folder (default: $DUIDU_HOME or the local data folder)",
                                  "文库文件夹（默认：$DUIDU_HOME 或本机数据文件夹）"))
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        module.register(subparsers)
    return parser


def wants_window(rest: list[str]) -> bool:
    """No subcommand (nothing, or only options that are not the parser's own): the window is wanted."""
    return not rest or rest[0].startswith("-") and rest[0] not in ("-h", "--help", "--version")


def run(argv: list[str]) -> int:
    """Run a subcommand, or the GUI when none is given; errors go to stderr with a non-zero status."""
    leading = argparse.ArgumentParser(add_help=False)
    leading.add_argument("--library")
    first, rest = leading.parse_known_args(argv)
    if rest == ["_backup"]:
        # the session backup's own process (reader.core.backup_background), hidden from the command list
        from reader.core.backup_background import main

        return main(first.library)
    if wants_window(rest):
        # no subcommand: the window, with its own options (--open, --screenshot) and Qt's; the parser
        # (which imports every command module) is not built, so the window starts sooner
        from reader.gui.app import run_app

        return run_app(first.library, rest)
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # noqa: SLF001 (argparse keeps them there)
    if not rest[0].startswith("-") and rest[0] not in commands:
        parser.error(pick(f"unknown command “{rest[0]}” (choose from {', '.join(commands)})",
                          f"未知命令“{rest[0]}”（可用：{'、'.join(commands)}）"))
    args = parser.parse_args(argv)
    from reader.cli.common import CliError
    from reader.core.library_error import DB_NAME, explain
    from reader.core.paths import library_dir
    from reader.core.store import LibraryError

    try:
        return _run_command(args)
    except CliError as exc:
        print(f"duidu: {exc}", file=sys.stderr)
        return exc.status
    except LibraryError as exc:   # e.g. a write reaching a library opened read-only
        print(f"duidu: {exc.message()}", file=sys.stderr)
        return 3 if exc.reason in ("in_use", "read_only") else 1
    except sqlite3.Error as exc:  # met while working: locked, full, or damage (checked in full, then explained)
        error = explain(library_dir(args.library) / DB_NAME, exc)
        hint = pick(" To bring back the last backup: duidu restore", " 如需恢复最近的备份：duidu restore")
        print(f"duidu: {error.message()}" + (hint if error.reason == "damaged" else ""), file=sys.stderr)
        return 1
    except OSError as exc:        # e.g. the disk filled up while writing a file
        print(f"duidu: {exc.strerror or exc}" + (f" ({exc.filename})" if exc.filename else ""), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _run_command(args) -> int:
    """The subcommand, then its libraries closed (and, if changed, backed up), whatever happened."""
    from reader.cli.common import close_libraries

    try:
        return args.func(args) or 0
    finally:
        close_libraries()
