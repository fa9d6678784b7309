"""Open the parts of a .docx safely: bounded unzipping (zip bombs), no entities, Strict namespaces mapped.

A 194 KB document can unpack to 190 MB: sizes are checked in the zip directory AND while
reading (the directory can lie), per part and for the whole document. ISO/IEC 29500 Strict
documents name the same elements under purl.oclc.org namespaces; we map them to the
transitional ones before parsing so one walker reads both.
"""

from __future__ import annotations

import posixpath
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOC = R + "/officeDocument"

# one part larger than this once unzipped is a zip bomb, not a speech (a 300-page report is ~10 MB)
MAX_PART_BYTES = 64 * 1024 * 1024
# all parts read for one document together
MAX_TOTAL_BYTES = 128 * 1024 * 1024
# a part this large that shrank more than MAX_RATIO times in the zip is a bomb
RATIO_FLOOR_BYTES = 8 * 1024 * 1024
MAX_RATIO = 200
_CHUNK = 1024 * 1024

# Strict (purl.oclc.org) namespace -> transitional namespace; longer prefixes first
_STRICT = (
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main", W.encode()),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships", R.encode()),
    (b"http://purl.oclc.org/ooxml/officeDocument/math",
     b"http://schemas.openxmlformats.org/officeDocument/2006/math"),
    (b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
     b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
    (b"http://purl.oclc.org/ooxml/drawingml/main", b"http://schemas.openxmlformats.org/drawingml/2006/main"),
)


class DocxError(ValueError):
    """The file is not a readable .docx (not a zip, no main document, broken XML)."""


class DocxTooLarge(DocxError):
    """The document unpacks to more than the limits allow (a zip bomb)."""


def w(tag: str) -> str:
    """The Clark name of a WordprocessingML tag."""
    return f"{{{W}}}{tag}"


class Parts:
    """Find and parse the parts of a package through its relationships, within the size limits."""

    def __init__(self, archive: zipfile.ZipFile):
        self.archive = archive
        self.names = set(archive.namelist())
        self.total = 0
        self.main = self._main_document()

    def _main_document(self) -> str:
        """The main document part: from _rels/.rels, else the usual word/document.xml."""
        if "_rels/.rels" in self.names:
            rels = self.parse("_rels/.rels")
            for rel in rels.iter(f"{{{_REL}}}Relationship"):
                if rel.get("Type") == _OFFICE_DOC:
                    target = rel.get("Target", "").lstrip("/")
                    if target in self.names:
                        return target
        if "word/document.xml" in self.names:
            return "word/document.xml"
        raise DocxError("no word/document.xml in the archive")

    def body(self) -> etree._Element:
        """The w:body element of the main document."""
        root = self.parse(self.main)
        body = root.find(w("body"))
        if body is None:
            raise DocxError("the main document has no w:body")
        return body

    def optional(self, kind: str) -> etree._Element | None:
        """A related part of the main document (numbering, styles, footnotes, endnotes), if present."""
        folder = posixpath.dirname(self.main)
        rels_name = posixpath.join(folder, "_rels", posixpath.basename(self.main) + ".rels")
        name = posixpath.join(folder, f"{kind}.xml")
        if rels_name in self.names:
            for rel in self.parse(rels_name).iter(f"{{{_REL}}}Relationship"):
                if rel.get("Type") == f"{R}/{kind}" and rel.get("TargetMode") != "External":
                    target = rel.get("Target", "")
                    name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                        posixpath.join(folder, target))
                    break
        return self.parse(name) if name in self.names else None

    def parse(self, name: str) -> etree._Element:
        """Parse one part safely (no entities, no network), Strict namespaces mapped."""
        data = self.read(name)
        if b"purl.oclc.org/ooxml/" in data:
            for strict, transitional in _STRICT:
                data = data.replace(strict, transitional)
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
        try:
            return etree.fromstring(data, parser)
        except (etree.XMLSyntaxError, ValueError) as exc:
            raise DocxError(f"{name} is not well-formed XML: {exc}") from exc

    def read(self, name: str) -> bytes:
        """A part's bytes, read in bounded chunks: the zip directory's sizes are checked, then the real ones."""
        info = self.archive.getinfo(name)
        if info.file_size > MAX_PART_BYTES or self.total + info.file_size > MAX_TOTAL_BYTES:
            raise DocxTooLarge(f"{name} unpacks to {info.file_size} bytes")
        if info.file_size > RATIO_FLOOR_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise DocxTooLarge(f"{name} unpacks {info.file_size // max(info.compress_size, 1)} times larger")
        limit = min(MAX_PART_BYTES, MAX_TOTAL_BYTES - self.total)
        chunks, size = [], 0
        with self.archive.open(info) as stream:
            while True:
                chunk = stream.read(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > limit:
                    raise DocxTooLarge(f"{name} unpacks to more than {limit} bytes")
                chunks.append(chunk)
        self.total += size
        return b"".join(chunks)
