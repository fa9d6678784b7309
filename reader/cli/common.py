"""What every subcommand shares: the library, finding a speech by file or id, JSON output, errors."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from reader.core import backup_notes
from reader.core.importer import ImportRefused, load_file
from reader.core.locale import pick
from reader.core.paths import library_dir
from reader.core.store import Document, Library, LibraryError, content_hash
from reader.core.store import open_library as open_library_folder


_opened: list[Library] = []


class CliError(Exception):
    """A failure to report on stderr with a non-zero exit status."""

    def __init__(self, message: str, status: int = 1):
        super().__init__(message)
        self.status = status


def open_library(args, read_only_ok: bool = False) -> Library:
    """The library named by --library, $DUIDU_HOME or the default location.

    Commands that only read pass read_only_ok: while another copy of Duidu holds the library they
    open it read-only; commands that write fail with "in use" (exit status 3).
    """
    try:
        library = open_library_folder(library_dir(getattr(args, "library", None)), read_only_if_in_use=read_only_ok,
                                      background_backup=True)
    except LibraryError as exc:
        hint = pick(" To bring back the last good backup: duidu restore (duidu restore --list shows them).",
                    "如需恢复最近的完好备份：duidu restore（duidu restore --list 列出备份）。") \
            if exc.reason == "damaged" else ""
        raise CliError(exc.message() + hint, 3 if exc.reason == "in_use" else 1) from exc
    _opened.append(library)
    return library


def close_libraries() -> None:
    """Close what the command opened: a library it changed is backed up by a process of its own, which this one
    does not wait for (reader.core.backup_background); a backup that failed, this time or before, is said on
    stderr: the reader's work since the last good backup is in no copy."""
    while _opened:
        library = _opened.pop()
        library.close()
        failed = None if library.read_only else backup_notes.last_failure(library.folder)
        if failed is None and library.backup_failed:      # a full disk refused the note as well
            failed = {"when": "", "error": library.backup_failed}
        if failed is not None:
            print("duidu: " + backup_failure_message(failed), file=sys.stderr)


def backup_failure_message(failed: dict) -> str:
    """What the reader is told about a backup that could not be made."""
    when = (failed.get("when") or "")[:19].replace("T", " ")
    return pick(f"warning: the library's backup{' of ' + when if when else ''} failed ({failed.get('error')}); "
                "recent changes are in no backup yet. Free some disk space: the next command that changes the "
                "library tries again.",
                f"警告：文库{' ' + when + ' ' if when else ''}的备份失败（{failed.get('error')}），最近的改动尚无备份。"
                "请腾出磁盘空间：下一次修改文库的命令会再次备份。")


def resolve_document(library: Library, arg: str) -> Document:
    """A library id, or a file: the library's copy when the file's text is already there, else a loose one."""
    path = Path(arg)
    if arg.isdigit() and not path.exists():
        try:
            return library.get_document(int(arg))
        except LibraryError as exc:
            raise CliError(exc.message()) from exc
    if not path.exists():
        raise CliError(pick(f"“{arg}” is neither a file nor a speech id in the library.",
                            f"“{arg}”既不是文件，也不是文库中的讲话编号。"))
    try:
        imported = load_file(path)
    except ImportRefused as exc:
        raise CliError(exc.message()) from exc
    doc_id = library.find_by_hash(content_hash(imported.text))
    if doc_id is not None:
        return library.get_document(doc_id)
    meta = imported.metadata or {}
    return Document(id=None, title=meta.get("title"), date=meta.get("date"), place=meta.get("place"),
                    speaker=meta.get("speaker"), char_count=len(imported.text), source_path=str(path),
                    fmt=imported.fmt, encoding=imported.encoding, text=imported.text,
                    raw_text=imported.raw_text, removed=list(imported.removed))


def counted(n: int, word: str, words: str | None = None) -> str:
    """An English count with the right form: 1 excerpt, 2 excerpts."""
    return f"{n} {word if n == 1 else words or word + 's'}"


def emit_json(obj) -> None:
    """Print JSON with Chinese kept readable (UTF-8 on stdout whatever the console's code page)."""
    data = json.dumps(obj, ensure_ascii=False, indent=2)
    write_text(data + "\n")


def write_rows(args, items: list, line, empty: str) -> int:
    """A listing command's output: the items as JSON (--json), one line each, or `empty` when there are none."""
    if getattr(args, "json", False):
        emit_json([item.to_dict() for item in items])
        return 0
    lines = [line(item) for item in items]
    write_text("\n".join(lines) + "\n" if lines else empty)
    return 0


def write_text(text: str) -> None:
    """Write to stdout as UTF-8, so offsets and characters survive a Windows console or a pipe."""
    if sys.stdout is None:      # a windowed (frozen) build has no console: nothing to write to
        return
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    stream.write(text.encode("utf-8"))
    stream.flush()
