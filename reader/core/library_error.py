"""The library's error (its messages in the user's language) and its file name, shared by the store and backups."""

from __future__ import annotations

from reader.core.errors import UserError
from reader.core.locale import pick

DB_NAME = "library.sqlite3"


class LibraryError(UserError):
    """The library cannot be opened or changed; the message is for the user."""

    TEXTS = {
        "damaged": ("The library “{p}” is damaged or is not a Duidu library ({d}). It was left untouched.",
                    "文库“{p}”已损坏或不是对读文库（{d}），文件未作任何改动。"),
        "newer": ("The library “{p}” was written by a newer version of Duidu (schema {d}); it was left untouched.",
                  "文库“{p}”由更新版本的对读写入（结构版本 {d}），为免损坏未作改动。"),
        "unwritable": ("The library “{p}” cannot be written: {d}", "无法写入文库“{p}”：{d}"),
        "missing": ("No speech with id {d} in the library.", "文库中没有编号为 {d} 的讲话。"),
        "in_use": ("The library “{p}” is in use by another copy of Duidu{who}; close it and try again.",
                   "文库“{p}”正被另一个对读程序使用{who}，请关闭后重试。"),
        "read_only": ("The library “{p}” is open read-only because another copy of Duidu is using it; "
                      "close the other copy to make changes.",
                      "文库“{p}”正被另一个对读程序使用，现以只读方式打开；如需修改，请先关闭另一个程序。"),
        "not_ready": ("The library “{p}” cannot be opened read-only while another copy of Duidu creates "
                      "or upgrades it ({d}); try again in a moment.",
                      "另一个对读程序正在创建或升级文库“{p}”（{d}），暂时无法以只读方式打开，请稍后再试。"),
        "same_text": ("The new text is the same as speech {d}'s; nothing was changed.",
                      "新文本与编号为 {d} 的讲话相同，未作改动。"),
        "garbled": ("Decoded as {d}, the speech turns into unusual characters (the wrong encoding?); nothing was "
                    "changed.",
                    "按 {d} 解码后讲话变成了罕见字符（编码可能不对），未作任何改动。"),
        "no_version": ("No earlier version with id {d}.", "没有编号为 {d} 的旧版本。"),
        "no_bytes": ("The original bytes of speech {d} were not kept (it was imported by an older Duidu or "
                     "pasted), so it cannot be decoded again; import the file again with “reimport”.",
                     "编号为 {d} 的讲话未保存原始字节（由旧版对读导入或为粘贴文本），无法重新解码；"
                     "请用“reimport”重新导入该文件。"),
        "locked": ("The library “{p}” is locked by another program ({d}); close it and try again.",
                   "文库“{p}”被另一个程序锁定（{d}），请关闭该程序后重试。"),
        "disk_full": ("The disk holding “{p}” is full; free some space and try again. Nothing was lost.",
                      "“{p}”所在的磁盘已满，请腾出空间后重试，数据未丢失。"),
        "restore_offer": ("Choose a backup to put in place of the library “{p}”. The current file is kept "
                          "beside it, and Duidu closes afterwards.",
                          "请选择一个备份来替换文库“{p}”。当前文件会保留在旁边，恢复后对读将关闭。"),
        "no_backup": ("The library “{p}” has no usable backup.", "文库“{p}”没有可用的备份。"),
        "backup_damaged": ("The backup “{p}” cannot be used ({d}); choose another one.",
                           "备份“{p}”无法使用（{d}），请选择其他备份。"),
    }

    def fields(self, lang: str | None) -> dict:
        """The path and detail, and for "in use" the process that holds the library."""
        who = pick(f" (process {self.detail})", f"（进程 {self.detail}）", lang) if self.detail else ""
        return {**super().fields(lang), "who": who}


def explain(path, exc: BaseException) -> LibraryError:
    """An SQLite error met while working, as the user's problem: locked, disk full, or damage (checked in full).

    quick_check passes many damaged files whose reads then fail ("Could not decode to UTF-8"), so
    any other error runs integrity_check on the file before it is called damage or not.
    """
    from reader.core import integrity

    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return LibraryError("locked", path, str(exc))
    if "full" in text or integrity.disk_full(path):
        return LibraryError("disk_full", path, str(exc))
    verdict = integrity.full_check(path)
    return LibraryError("damaged", path, verdict if verdict != "ok" else str(exc))
