"""Atomic writes: a temp file beside the target, then os.replace; a clear error when that fails."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path
from typing import Callable

from reader.core.errors import UserError


class ExportError(UserError):
    """An export that could not be written; `message()` names the file in the user's language."""

    TEXTS = {
        "in_use": ("Cannot replace “{p}”: it is open in another program (Word?). Close it and export again.",
                   "无法覆盖“{p}”：该文件正被其他程序（Word？）打开。请关闭后重新导出。"),
        "denied": ("Cannot write “{p}”: the folder or file is read-only or not yours.",
                   "无法写入“{p}”：文件夹或文件为只读，或没有写入权限。"),
        "full": ("Cannot write “{p}”: the disk is full.", "无法写入“{p}”：磁盘已满。"),
        "no_folder": ("Cannot write “{p}”: its folder does not exist.", "无法写入“{p}”：所在文件夹不存在。"),
        "is_dir": ("Cannot write “{p}”: it is a folder.", "无法写入“{p}”：这是一个文件夹。"),
        "format": ("Cannot export “{p}”: unknown format {d}.", "无法导出“{p}”：未知格式 {d}。"),
        "other": ("Cannot write “{p}”: {d}", "无法写入“{p}”：{d}"),
    }


def _reason(exc: OSError, replacing: bool) -> str:
    """Which user-facing reason an OS error stands for."""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return "full"
    if isinstance(exc, IsADirectoryError):
        return "is_dir"
    if isinstance(exc, FileNotFoundError):
        return "no_folder"
    if isinstance(exc, PermissionError):
        # on Windows a file open in Word refuses the replace, not the temp file next to it
        return "in_use" if replacing else "denied"
    return "other"


def atomic_write(target: Path | str, write: Callable[[Path], None]) -> Path:
    """Call write(temp_path) for a temp file in the target's folder, then move it over the target.

    Either the target is replaced whole or it is left as it was; the temp file never stays behind.
    """
    target = Path(target)
    if target.is_dir():
        raise ExportError("is_dir", target)
    replacing = False
    tmp: Path | None = None
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.stem[:40]}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
        tmp = Path(name)
        write(tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        # mkstemp makes the file private (0600); give the export the mode a plain save would have
        os.chmod(tmp, (target.stat().st_mode if target.exists() else 0o644) & 0o777)
        replacing = True
        os.replace(tmp, target)
        tmp = None
    except OSError as exc:
        read_only = replacing and target.exists() and not os.access(target, os.W_OK)
        raise ExportError("denied" if read_only else _reason(exc, replacing), target,
                          exc.strerror or str(exc)) from exc
    finally:
        if tmp is not None:
            try:
                tmp.unlink()
            except OSError:
                pass
    return target
