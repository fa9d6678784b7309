"""Operations that combine the import path and the store: importing many files, the bundled corpus, re-decoding."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from reader.core.anchor import ReanchorReport
from reader.core.importer import ImportedText, ImportRefused, iter_import_paths, load_bytes, load_file, load_text
from reader.core.paths import asset_dir
from reader.core.reuse import ReuseIndex, SyncReport
from reader.core.store import Library, LibraryError
from reader.core.versions import earlier_version_of, raw_bytes, replace_text_and_reanchor

BUNDLED_STATE_KEY = "bundled_corpus_imported"
GARBLED_DROP = 0.2   # how much less everyday Chinese a new decoding may have before it is called garbled

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass
class ImportReport:
    """What an import of many files did: new ids, files already there, and refusals with reasons."""

    added: list[int] = field(default_factory=list)
    existing: list[int] = field(default_factory=list)
    failed: list[ImportRefused] = field(default_factory=list)
    cancelled: bool = False
    versions: list[tuple[int, int]] = field(default_factory=list)   # (new id, the earlier speech it may replace)

    @property
    def touched(self) -> list[int]:
        """Ids of every speech the import named, new or already there."""
        return self.added + self.existing


def import_paths(library: Library, paths: Iterable[Path | str], *, encoding: str | None = None,
                 progress: Progress | None = None, cancelled: Cancelled | None = None,
                 metadata_for: Callable[[Path], dict] | None = None, bundled: bool = False) -> ImportReport:
    """Import files and folders one by one; a bad file is reported and skipped, never half-stored."""
    report = ImportReport()
    files = iter_import_paths([Path(p) for p in paths])
    for number, path in enumerate(files):
        if cancelled and cancelled():
            report.cancelled = True
            break
        try:
            imported = load_file(path, encoding=encoding)
            imported.source_path = storable_path(imported.source_path)
            doc_id, created = library.add_document(
                imported, metadata_for(path) if metadata_for else None, bundled=bundled)
        except ImportRefused as exc:
            report.failed.append(exc)
        else:
            (report.added if created else report.existing).append(doc_id)
            earlier = earlier_version_of(library, doc_id) if created else None
            if earlier is not None:
                report.versions.append((doc_id, earlier))
        if progress:
            progress(number + 1, len(files))
    return report


def storable_path(path: str) -> str:
    """A file name as the library can store it: bytes that are not UTF-8 (kept by Python as surrogates) become �."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def sync_index(library: Library, progress: Progress | None = None,
               cancelled: Cancelled | None = None, index: ReuseIndex | None = None) -> SyncReport:
    """Bring the shared-phrasing index up to date with the library (only new or changed speeches are read),
    and the derived data stored with the speeches (full-text index, outlines) for libraries from before them.

    Which speeches changed is told by their content hashes, without reading the texts; the postings
    are merged again when enough has been added. A library opened read-only (another copy of Duidu
    holds it) keeps the index as that copy left it.
    """
    if library.read_only:
        return SyncReport()
    library.refresh_derived(cancelled)
    index = index or ReuseIndex(library.conn)
    stamps = library.text_stamps()
    todo = index.outdated(stamps)
    report = index.sync(_Texts(library, todo), progress=progress, cancelled=cancelled, present=stamps)
    if not report.cancelled:
        index.compact()
    return report


class _Texts:
    """These speeches' texts, read one at a time as the index asks for them (sized, for progress)."""

    def __init__(self, library: Library, doc_ids: list[int]):
        self.library, self.doc_ids = library, doc_ids

    def __len__(self) -> int:
        return len(self.doc_ids)

    def __iter__(self):
        return self.library.iter_texts(self.doc_ids)


def import_pasted(library: Library, text: str, source: str = "") -> tuple[int, bool]:
    """Import text pasted from a web page (site junk is cleaned away, the raw text kept)."""
    return library.add_document(load_text(text, source=source, fmt="paste"))


def bundled_metadata() -> dict[str, dict]:
    """The bundled corpus's metadata file, by file name."""
    meta_path = asset_dir("corpus") / "metadata.json"
    speeches = json.loads(meta_path.read_text(encoding="utf-8"))["speeches"]
    return {entry["file"]: entry for entry in speeches}


def import_bundled_corpus(library: Library, *, force: bool = False, progress: Progress | None = None,
                          cancelled: Cancelled | None = None) -> ImportReport:
    """Import the five sample speeches once per library, so a newcomer sees them at first start."""
    if library.get_state(BUNDLED_STATE_KEY) and not force:
        return ImportReport()
    corpus = asset_dir("corpus")
    meta = bundled_metadata()
    files = [corpus / name for name in meta]

    def metadata_for(path: Path) -> dict:
        entry = meta.get(path.name, {})
        return {key: entry.get(key) for key in ("title", "date", "place", "speaker")}

    report = import_paths(library, files, progress=progress, cancelled=cancelled,
                          metadata_for=metadata_for, bundled=True)
    if not report.cancelled:
        library.set_state(BUNDLED_STATE_KEY, "1")
    return report


def set_cleaning(library: Library, doc_id: int, cleaned: bool) -> ReanchorReport:
    """Undo the removal of web-page junk (the raw text comes back), or clean again."""
    from reader.core.webclean import CleanResult, clean_web_text, html_to_text
    from reader.core.webpage import extract_page

    doc = library.get_document(doc_id)
    body = doc.raw_text
    if doc.fmt == "html":   # cleaned: the page's main block; uncleaned: everything the page shows
        body = extract_page(body).text if cleaned else html_to_text(body)
    body = "\n".join(line.rstrip() for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n")).strip("\n")
    result = clean_web_text(body, repeated_title=doc.fmt != "docx") if cleaned else CleanResult(body, [])
    return replace_text_and_reanchor(library, doc_id, ImportedText(
        doc.raw_text, result.text, doc.encoding, doc.fmt or "txt", {}, result.removed, doc.source_path or "",
        raw_bytes(library, doc_id)), "cleaning")


def reencode_document(library: Library, doc_id: int, encoding: str, *, force: bool = False) -> ReanchorReport:
    """Decode a speech again with another encoding, from the bytes kept at import (never the file on disk now).

    A file at the old path may since have been replaced by another speech. Speeches imported before
    bytes were kept cannot be decoded again: LibraryError('no_bytes') says so and points to reimport.
    A decoding that turns everyday Chinese into rare characters (UTF-8 read as GBK) is refused
    unless forced: LibraryError('garbled').
    """
    doc = library.get_document(doc_id)
    data = raw_bytes(library, doc_id)
    if data is None or doc.fmt == "docx":
        raise LibraryError("no_bytes", library.path, str(doc_id))
    imported = load_bytes(data, doc.source_path or f"#{doc_id}", doc.fmt or "txt", encoding)
    if not force and common_share(imported.text) < common_share(doc.text) - GARBLED_DROP:
        raise LibraryError("garbled", library.path, imported.encoding)
    return replace_text_and_reanchor(library, doc_id, imported, "encoding")


def common_share(text: str) -> float:
    """Share of the non-ASCII characters that are everyday Chinese (in GB2312): low for a wrong decoding."""
    wide = [ch for ch in text[:20000] if ord(ch) >= 0x80]
    if not wide:
        return 1.0
    common = 0
    for ch in wide:
        try:
            common += len(ch.encode("gb2312")) == 2
        except UnicodeEncodeError:
            pass
    return common / len(wide)


def reimport_document(library: Library, doc_id: int, path: Path | str, *,
                      encoding: str | None = None) -> ReanchorReport:
    """Replace a speech's text by a new version of its file; the old text is kept, every excerpt re-anchored."""
    if not library.has_document(doc_id):
        raise LibraryError("missing", library.path, str(doc_id))
    return replace_text_and_reanchor(library, doc_id, load_file(path, encoding=encoding), "reimport")


def make_new_version(library: Library, new_id: int, old_id: int) -> ReanchorReport:
    """A speech imported separately becomes the new version of an earlier one (whose excerpts re-anchor)."""
    new = library.get_document(new_id)
    imported = ImportedText(new.raw_text, new.text, new.encoding, new.fmt or "txt", {}, new.removed,
                            new.source_path or "", raw_bytes(library, new_id))
    library.remove_document(new_id)
    try:
        return replace_text_and_reanchor(library, old_id, imported, "reimport")
    except BaseException:
        library.add_document(imported, {k: getattr(new, k) for k in ("title", "date", "place", "speaker")})
        raise
