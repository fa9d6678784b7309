"""Read the text of a .docx as Word shows it: tracked insertions kept, deletions dropped, list numbers restored,
text boxes read once, footnotes and endnotes kept after the body, symbol-font characters mapped.

python-docx's `paragraph.text` silently drops runs inside `w:ins` and the automatic numbering
(一、 and （一） held in `w:numPr`), python-docx #1123 and #92, so we walk the XML ourselves. A text
box sits in mc:AlternateContent twice (DrawingML in mc:Choice, VML in mc:Fallback): exactly one
branch is read, or its text is lost or doubled.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from os import PathLike

from lxml import etree

from reader.core.docx_numbering import ListCounter, NumberingDefinitions, chinese_count, format_number
from reader.core.docx_package import MC, DocxError, DocxTooLarge, Parts, w
from reader.core.docx_symbols import map_run_text, sym_char, symbol_font

__all__ = ["DocxError", "DocxTooLarge", "read_docx", "chinese_count", "format_number"]

_SYMEX = "{http://schemas.microsoft.com/office/word/2015/wordml/symex}"
# subtrees whose text Word does not show inline: deletions, moved-away text, embedded objects,
# field instructions, properties, a note's own number mark
_SKIP = {
    w("del"), w("moveFrom"), w("object"), w("instrText"), w("delText"), w("rPr"), w("pPr"),
    w("footnoteRef"), w("endnoteRef"), w("separator"), w("continuationSeparator"),
}
_NOTE_REFS = {w("footnoteReference"): "footnote", w("endnoteReference"): "endnote"}
# the heading of the notes kept after the body, per kind (a part of its own in the outline)
NOTE_HEADINGS = {"footnote": "脚注", "endnote": "尾注"}


def read_docx(path: str | PathLike) -> str:
    """The document's text, paragraphs as lines, table rows as tab-separated lines, text boxes after
    their anchor paragraph, footnotes and endnotes as numbered notes after the body."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = Parts(archive)
            body = parts.body()
            numbering = NumberingDefinitions.from_xml(parts.optional("numbering"), parts.optional("styles"))
            notes = {kind: parts.optional(f"{kind}s") for kind in NOTE_HEADINGS}
    except zipfile.BadZipFile as exc:
        raise DocxError(f"not a zip archive: {exc}") from exc
    except (OSError, KeyError, RuntimeError, NotImplementedError, EOFError) as exc:
        raise DocxError(f"cannot read the archive: {exc}") from exc
    walker = _BodyWalker(ListCounter(numbering))
    walker.blocks(body)
    return "\n".join(walker.lines + _note_lines(notes, walker))


def _note_lines(notes: dict[str, etree._Element | None], walker: _BodyWalker) -> list[str]:
    """Each kind of note under its heading, "[1] text", in the order the body refers to them."""
    lines: list[str] = []
    for kind, root in notes.items():
        if root is None:
            continue
        texts = {}
        for note in root.findall(w(kind)):
            if note.get(w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            inner = _BodyWalker(walker.counter)
            inner.blocks(note)
            text = " ".join(line.strip() for line in inner.lines if line.strip())
            if text:
                texts[note.get(w("id"), "")] = text
        order = [ref for k, ref in walker.refs if k == kind and ref in texts]
        order = list(dict.fromkeys(order)) + [ref for ref in texts if ref not in order]
        if order:
            lines.append(NOTE_HEADINGS[kind])
            lines.extend(f"[{n}] {texts[ref]}" for n, ref in enumerate(order, start=1))
    return lines


@dataclass
class _BodyWalker:
    """Turn block-level content into lines, numbering list paragraphs on the way."""

    counter: ListCounter
    lines: list[str] = field(default_factory=list)
    refs: list[tuple[str, str]] = field(default_factory=list)   # (kind, id) of note references, in order

    def blocks(self, parent: etree._Element) -> None:
        """Paragraphs and tables in document order, through content controls and custom XML."""
        for child in parent:
            if child.tag == w("p"):
                self.paragraph(child)
            elif child.tag == w("tbl"):
                self.table(child)
            elif child.tag in (w("sdt"), w("customXml"), w("sdtContent"), w("ins"), w("moveTo")):
                self.blocks(child)
            elif child.tag == f"{{{MC}}}AlternateContent":
                # paragraphs wrapped whole: one branch, the first that holds any
                for branch in sorted(child, key=lambda b: b.tag != f"{{{MC}}}Choice"):
                    if branch.find(w("p")) is not None or branch.find(w("tbl")) is not None:
                        self.blocks(branch)
                        break

    def _inner(self) -> _BodyWalker:
        """A walker for a cell or a text box, sharing the numbering and the note references."""
        return _BodyWalker(self.counter, refs=self.refs)

    def table(self, tbl: etree._Element) -> None:
        """One line per row, cells separated by tabs; nested tables follow their row."""
        for row in tbl.iter(w("tr")):
            if _ancestor_table(row) is not tbl:
                continue
            cells = []
            for cell in row.findall(w("tc")):
                inner = self._inner()
                inner.blocks(cell)
                cells.append(" ".join(line for line in inner.lines if line.strip()))
            self.lines.append("\t".join(cells))

    def paragraph(self, p: etree._Element) -> None:
        """The paragraph's visible text, prefixed with its list number; then its text boxes' lines."""
        parts: list[str] = []
        boxes: list[str] = []
        self._collect(p, parts, boxes, None)
        text = "".join(parts)
        label = self.counter.label(p)
        if text.strip() or label or not boxes:
            self.lines.append(label + text if label else text)
        self.lines.extend(boxes)

    def _collect(self, element: etree._Element, out: list[str], boxes: list[str], font: dict | None) -> None:
        """Append the visible text below `element` to out (text boxes' lines to boxes), skipping hidden subtrees."""
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == w("t"):
                out.append(map_run_text(font, child.text or "") if font else child.text or "")
            elif tag == w("tab") and element.tag == w("r"):
                out.append("\t")
            elif tag in (w("br"), w("cr")):
                out.append("\n")
            elif tag == w("noBreakHyphen"):
                out.append("-")
            elif tag == w("sym"):
                out.append(sym_char(child.get(w("font")), child.get(w("char"))))
            elif tag == f"{_SYMEX}symEx":
                out.append(sym_char(None, child.get(f"{_SYMEX}char")))
            elif tag in _NOTE_REFS:
                self.refs.append((_NOTE_REFS[tag], child.get(w("id"), "")))
            elif tag == w("r"):
                if not _hidden(child):
                    self._collect(child, out, boxes, _run_font(child) or font)
            elif tag == f"{{{MC}}}AlternateContent":
                self._alternate(child, out, boxes, font)
            elif tag in (w("drawing"), w("pict")):
                for box in _text_boxes(child):
                    inner = self._inner()
                    inner.blocks(box)
                    boxes.extend(line for line in inner.lines if line.strip())
            elif tag == w("p"):
                continue  # a stray paragraph inside a run: text boxes are read through their drawing
            else:
                self._collect(child, out, boxes, font)

    def _alternate(self, element: etree._Element, out: list[str], boxes: list[str], font: dict | None) -> None:
        """Read exactly one branch of mc:AlternateContent: the first mc:Choice, or mc:Fallback if it shows nothing."""
        branches = [b for b in element if b.tag in (f"{{{MC}}}Choice", f"{{{MC}}}Fallback")]
        branches.sort(key=lambda b: b.tag != f"{{{MC}}}Choice")
        for branch in branches:
            refs = len(self.refs)
            text: list[str] = []
            found: list[str] = []
            self._collect(branch, text, found, font)
            if "".join(text).strip() or found:
                out.extend(text)
                boxes.extend(found)
                return
            del self.refs[refs:]   # a branch not taken must not count its note references


def _text_boxes(drawing: etree._Element) -> list[etree._Element]:
    """The outermost w:txbxContent elements of a drawing or VML picture (wps:txbx or v:textbox)."""
    found = []
    stack = list(drawing)
    while stack:
        node = stack.pop(0)
        if node.tag == w("txbxContent"):
            found.append(node)
        elif isinstance(node.tag, str):
            stack[:0] = list(node)
    return found


def _run_font(run: etree._Element) -> dict | None:
    """The symbol table of a run set in Symbol or Wingdings, else None."""
    fonts = run.find(f"{w('rPr')}/{w('rFonts')}")
    if fonts is None:
        return None
    return symbol_font(fonts.get(w("ascii")) or fonts.get(w("hAnsi")) or fonts.get(w("cs")))


def _hidden(run: etree._Element) -> bool:
    """A run formatted as hidden text (w:vanish), which Word does not display."""
    props = run.find(w("rPr"))
    if props is None:
        return False
    vanish = props.find(w("vanish"))
    return vanish is not None and vanish.get(w("val"), "true") not in ("0", "false", "off")


def _ancestor_table(element: etree._Element) -> etree._Element | None:
    """The nearest enclosing w:tbl."""
    parent = element.getparent()
    while parent is not None and parent.tag != w("tbl"):
        parent = parent.getparent()
    return parent
