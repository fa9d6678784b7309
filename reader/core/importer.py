"""Bring a file or pasted text into the library: check it, decode it, clean it, guess its metadata.

Every refusal is an `ImportRefused` whose message names the file and the reason in the
user's language, so the GUI can show it as is.
"""

from __future__ import annotations

import logging
import os
import re
import unicodedata
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.docx_reader import DocxError, DocxTooLarge, read_docx
from reader.core.encoding import EncodingError, decode_bytes, normalize_name, plausible_utf16
from reader.core.locale import pick
from reader.core.metadata import guess_metadata
from reader.core.webclean import clean_web_text, html_to_text
from reader.core.webpage import WebPage, extract_page

log = logging.getLogger(__name__)

MAX_BYTES = 50 * 1024 * 1024
# decoded characters: the longest speech in the corpora has ~60,000; a text this long is an accident
# (or an archive that unpacked to it) and would be re-indexed at every later import
MAX_TEXT_CHARS = 5_000_000
SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "txt", ".docx": "docx", ".html": "html", ".htm": "html"}
# share of control characters above which decoded "text" is really binary
MAX_CONTROL_SHARE = 0.01

_CJK_CHECKED = ("gb18030", "big5")   # readings the cascade accepts only when their hanzi are plausible
_META_CHARSET = re.compile(r"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"%PDF-", "pdf"),
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "doc"),
    (b"Rar!\x1a\x07", "archive"),
    (b"7z\xbc\xaf\x27\x1c", "archive"),
    (b"\x1f\x8b", "archive"),
    (b"\x7fELF", "program"),
    (b"SQLite format 3\x00", "database"),
)
_KIND_NAMES = {
    "png": ("a PNG image", "PNG 图片"),
    "jpeg": ("a JPEG image", "JPEG 图片"),
    "webp": ("a WebP image", "WebP 图片"),
    "gif": ("a GIF image", "GIF 图片"),
    "pdf": ("a PDF document", "PDF 文档"),
    "zip": ("a zip archive", "压缩包"),
    "doc": ("an old Word (.doc) file; save it as .docx", "旧版 Word（.doc）文件，请另存为 .docx"),
    "archive": ("a compressed archive", "压缩文件"),
    "program": ("a program", "程序文件"),
    "database": ("a database", "数据库文件"),
}


class ImportRefused(Exception):
    """A file or text that cannot be imported: `reason` is a short code, `detail` says more."""

    def __init__(self, path: str | os.PathLike, reason: str, detail: str = "", kind: str = ""):
        super().__init__(str(path), reason, detail)
        self.path = str(path)
        self.reason = reason
        self.detail = detail
        self.kind = kind

    def message(self, lang: str | None = None) -> str:
        """A sentence for the user naming the file and the reason, in their language."""
        name = Path(self.path).name if self.path else pick("pasted text", "粘贴的文本", lang)
        return pick(f"Cannot import “{name}”: {self._why('en')}", f"无法导入“{name}”：{self._why('zh')}", lang)

    def _why(self, lang: str) -> str:
        """The reason in one language."""
        en, zh = _KIND_NAMES.get(self.kind, ("", ""))
        mb = MAX_BYTES // (1024 * 1024)
        suffix = Path(self.path).suffix or pick("(none)", "（无）", lang)
        texts = {
            "missing": ("the file does not exist", "文件不存在"),
            "not_file": ("it is a folder or a device, not a file", "这不是普通文件（是文件夹或设备）"),
            "unreadable": (f"the file cannot be read ({self.detail})", f"无法读取文件（{self.detail}）"),
            "empty": ("the file is empty", "文件是空的"),
            "binary": (f"the file is not text, it looks like {en}" if en else "the file is not text",
                       f"文件不是文本，看起来是{zh}" if zh else "文件不是文本"),
            "too_large": (f"the file is larger than {mb} MB", f"文件超过 {mb} MB"),
            "text_too_large": (f"its text is longer than {MAX_TEXT_CHARS:,} characters",
                               f"文本超过 {MAX_TEXT_CHARS:,} 个字符"),
            "encoding": ("its text encoding could not be recognised; choose the encoding by hand",
                         "无法识别文字编码，请手动选择编码"),
            "damaged_docx": ("the Word document is damaged", "Word 文档已损坏"),
            "docx_too_large": ("the Word document unpacks to far more data than a document holds "
                               "(a “zip bomb”), so it was not opened",
                               "Word 文档解压后的数据量远超正常文档（疑似“压缩炸弹”），已拒绝打开"),
            "unsupported": (f"this file type is not supported ({suffix})", f"不支持此文件类型（{suffix}）"),
        }
        if self.reason == "encoding" and self.kind:
            texts["encoding"] = (f"it is not valid {self.kind} text", f"文件不是有效的 {self.kind} 文本")
        if self.reason == "unsupported" and self.kind:
            texts["unsupported"] = (en, zh)
        pair = texts.get(self.reason, (self.detail or self.reason, self.detail or self.reason))
        return pair[0] if lang == "en" else pair[1]

    def __str__(self) -> str:
        return self.message()


@dataclass
class ImportedText:
    """A decoded and cleaned text, ready for the library."""

    raw_text: str
    text: str
    encoding: str | None
    fmt: str
    metadata: dict = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)
    source_path: str = ""
    raw_bytes: bytes | None = None   # the file as read, so it can be decoded again without the file


def load_file(path: str | os.PathLike, encoding: str | None = None) -> ImportedText:
    """Import a .txt/.md/.docx/.html file; `encoding` overrides detection for text files.

    Whatever goes wrong is an ImportRefused naming the file: an unexpected error in decoding or
    cleaning one file must not stop an import of many (it is logged with its traceback).
    """
    try:
        return _load_file(Path(path), encoding)
    except ImportRefused:
        raise
    except Exception as exc:  # noqa: BLE001 (any bug here must cost one file, not the batch)
        log.exception("importing %s failed", path)
        raise ImportRefused(path, "unreadable", f"{type(exc).__name__}: {exc}"[:200]) from exc


def _load_file(path: Path, encoding: str | None) -> ImportedText:
    """load_file without the safety net."""
    fmt = SUFFIXES.get(path.suffix.lower())
    if not path.exists():
        raise ImportRefused(path, "missing")
    if fmt is None:
        raise ImportRefused(path, "unsupported", f"suffix {path.suffix!r}")
    if not path.is_file():
        # a folder, a named pipe (reading it would wait forever) or a device
        raise ImportRefused(path, "not_file")
    data = _read_limited(path)
    if not data:
        raise ImportRefused(path, "empty")
    kind = _magic(data)
    if fmt == "docx" or kind == "zip" and _is_docx(path):
        imported = _load_docx(path, kind)
        imported.raw_bytes = data
        return imported
    return load_bytes(data, path, fmt, encoding, kind)


def load_bytes(data: bytes, path: str | os.PathLike, fmt: str, encoding: str | None = None,
               kind: str | None = None) -> ImportedText:
    """Decode and clean a text file's bytes (read now, or kept in the library); `path` names it in messages."""
    if kind:
        raise ImportRefused(path, "binary", f"magic number of {kind}", kind)
    if b"\x00" in data and not _utf16_or_32(data, encoding):
        raise ImportRefused(path, "binary", "NUL bytes")
    try:
        raw, used = _decode(data, encoding, fmt)
    except EncodingError as exc:
        raise ImportRefused(path, "encoding", str(exc), kind=exc.encoding if encoding else "") from exc
    if _control_share(raw) > MAX_CONTROL_SHARE:
        raise ImportRefused(path, "binary", "control characters")
    page = extract_page(raw) if fmt == "html" else None
    imported = _finish(raw, page.text if page else raw, used, fmt, str(path), page)
    imported.raw_bytes = data
    return imported


def load_text(text: str, source: str = "", fmt: str = "paste") -> ImportedText:
    """Import pasted text (web pages copied from a browser); fmt="html" converts HTML first."""
    page = extract_page(text) if fmt == "html" else None
    return _finish(text, page.text if page else text, None, fmt, source, page)


def iter_import_paths(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Files to import: given files as they are, folders searched recursively for supported files."""
    found: set[Path] = set()
    for item in paths:
        item = Path(item)
        if item.is_dir():
            for root, dirs, files in os.walk(item):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in files:
                    # skip hidden files and Word's "~$name.docx" lock files
                    if Path(name).suffix.lower() in SUFFIXES and not name.startswith((".", "~$")):
                        found.add(Path(root) / name)
        else:
            found.add(item)
    return sorted(found)


def _decode(data: bytes, encoding: str | None, fmt: str) -> tuple[str, str]:
    """Decode with the override; for HTML prefer the declared charset unless the bytes are clearly Unicode."""
    declared = _META_CHARSET.search(data[:4096].decode("latin-1")) if fmt == "html" and not encoding else None
    if declared is None:
        return decode_bytes(data, encoding)
    try:
        text, name = decode_bytes(data)
    except EncodingError:
        text, name = "", ""
    # UTF-8 Chinese often also decodes as gb18030, so a BOM or valid UTF-8 beats the page's claim; and
    # GBK and Big5 bytes decode as each other, so the plausibility-checked reading beats a claim of the other
    if name.startswith("utf") or name in _CJK_CHECKED and _declared_name(declared.group(1)) in _CJK_CHECKED:
        return text, name
    try:
        return decode_bytes(data, declared.group(1))
    except EncodingError:
        if name:
            return text, name
        raise


def _declared_name(name: str) -> str:
    """A page's declared charset as a codec name, or "" when Python does not know it."""
    try:
        return normalize_name(name)
    except EncodingError:
        return ""


def _finish(raw: str, body: str, encoding: str | None, fmt: str, source: str,
            page: WebPage | None = None) -> ImportedText:
    """Clean the text, refuse it if nothing is left (or far too much), and guess its metadata (a web page's own details first)."""
    if len(body) > MAX_TEXT_CHARS:
        raise ImportRefused(source, "text_too_large", f"{len(body):,} characters")
    if not _visible(body):
        raise ImportRefused(source, "empty")
    cleaned = clean_web_text(body, repeated_title=fmt != "docx")
    if not _visible(cleaned.text):
        raise ImportRefused(source, "empty", "nothing left after removing web-page junk")
    metadata = guess_metadata(cleaned.text)
    removed = cleaned.removed
    if page is not None:
        metadata.update(title=page.title or metadata["title"], date=metadata["date"] or page.date,
                        origin=page.source)
        # what the page showed around the speech, so the reader sees it and can have it back
        kept = {line.strip() for line in cleaned.text.split("\n")} | {line.strip() for line in removed}
        removed = [line.strip() for line in html_to_text(raw).split("\n") if line.strip() and line.strip() not in kept]
        removed += cleaned.removed
    return ImportedText(raw, cleaned.text, encoding, fmt, metadata, removed, source)


def _read_limited(path: Path) -> bytes:
    """The file's bytes, refusing files over MAX_BYTES without reading them whole."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ImportRefused(path, "too_large", f"{path.stat().st_size} bytes")
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ImportRefused(path, "unreadable", exc.strerror or type(exc).__name__) from exc
    if len(data) > MAX_BYTES:  # it grew after stat()
        raise ImportRefused(path, "too_large", f"more than {MAX_BYTES} bytes")
    return data


def _load_docx(path: Path, kind: str | None) -> ImportedText:
    """Read a Word document, mapping its failures to refusals."""
    if kind == "doc":
        raise ImportRefused(path, "unsupported", "Word 97-2003 .doc", "doc")
    try:
        raw = read_docx(path)
    except DocxTooLarge as exc:
        raise ImportRefused(path, "docx_too_large", str(exc)) from exc
    except DocxError as exc:
        raise ImportRefused(path, "damaged_docx", str(exc)) from exc
    return _finish(raw, raw, None, "docx", str(path))


def _magic(data: bytes) -> str | None:
    """The kind of binary file announced by the first bytes, if any."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return None


def _is_docx(path: Path) -> bool:
    """A zip that holds a Word document (a .docx saved under another name)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def _utf16_or_32(data: bytes, encoding: str | None = None) -> bool:
    """UTF-16/32 text (BOM, the NUL pattern, Chinese read as UTF-16, or the user says so), where NUL bytes are normal."""
    if encoding:
        try:
            if normalize_name(encoding).startswith(("utf-16", "utf-32")):
                return True
        except EncodingError:
            pass
    return data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")) or plausible_utf16(data) is not None


def _visible(text: str) -> bool:
    """Whether anything shows: not only whitespace, BOMs and zero-width or direction marks (category Cf)."""
    return any(not ch.isspace() and unicodedata.category(ch) != "Cf" for ch in text)


def _control_share(text: str) -> float:
    """Share of C0 control characters (other than tab, newlines, form feed) in a sample."""
    sample = text[:100000]
    if not sample:
        return 0.0
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f" or ch == "\x7f")
    return controls / len(sample)
