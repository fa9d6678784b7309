"""Operations that combine the import path and the store: importing many files, the bundled corpus, re-decoding."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from reader.core.anchor import replace_text_and_reanchor
from reader.core.importer import ImportRefused, iter_import_paths, load_file, load_text
from reader.core.paths import asset_dir
from reader.core.reuse import ReuseIndex, SyncReport
from reader.core.store import Library

BUNDLED_STATE_KEY = "bundled_corpus_imported"

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass
class ImportReport:
    """What an import of many files did: new ids, files already there, and refusals with reasons."""

    added: list[int] = field(default_factory=list)
    existing: list[int] = field(default_factory=list)
    failed: list[ImportRefused] = field(default_factory=list)
    cancelled: bool = False

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
            doc_id, created = library.add_document(
                imported, metadata_for(path) if metadata_for else None, bundled=bundled)
        except ImportRefused as exc:
            report.failed.append(exc)
        else:
            (report.added if created else report.existing).append(doc_id)
        if progress:
            progress(number + 1, len(files))
    return report


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


def set_cleaning(library: Library, doc_id: int, cleaned: bool) -> None:
    """Undo the removal of web-page junk (the raw text comes back), or clean again."""
    from reader.core.importer import ImportedText
    from reader.core.webclean import CleanResult, clean_web_text, html_to_text

    doc = library.get_document(doc_id)
    body = html_to_text(doc.raw_text) if doc.fmt == "html" else doc.raw_text
    body = "\n".join(line.rstrip() for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n")).strip("\n")
    result = clean_web_text(body) if cleaned else CleanResult(body, [])
    replace_text_and_reanchor(library, doc_id, ImportedText(doc.raw_text, result.text, doc.encoding,
                                                            doc.fmt or "txt", {}, result.removed, doc.source_path or ""))


def reencode_document(library: Library, doc_id: int, encoding: str) -> None:
    """Decode a speech again with another encoding: from its file when it is still there, else from its bytes."""
    doc = library.get_document(doc_id)
    source = Path(doc.source_path) if doc.source_path else None
    if source is not None and source.is_file():
        imported = load_file(source, encoding=encoding)
    else:
        # a strict decode round-trips, so the old encoding gives the original bytes back
        from reader.core.encoding import decode_bytes

        data = doc.raw_text.encode(doc.encoding or "utf-8")
        text, used = decode_bytes(data, override=encoding)
        imported = load_text(text, source=doc.source_path or "", fmt=doc.fmt or "txt")
        imported.encoding = used
    replace_text_and_reanchor(library, doc_id, imported)
