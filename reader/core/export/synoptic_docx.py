"""A synoptic table (对照表) as Word: two columns under the speeches' titles, changes marked for print.

Deletions are red and struck through, insertions blue and underlined, so they stay apart in a
greyscale print where both colours turn grey; a sentence only on one side keeps black text on a
light shade (whole columns of coloured text are hard to read).
Fonts and the zh-CN language are set with the excerpt export's helpers, so Word shows Chinese in
the Chinese font and not a Japanese fallback (python-docx #1601).
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_UNDERLINE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from reader.core.export.atomic import atomic_write
from reader.core.export.docx_export import ExportFonts, _set_language, clean_text, set_fonts
from reader.core.locale import pick
from reader.core.sentence_align import SentenceAlignment
from reader.core.synoptic import Group, Piece, line_pieces

RED = RGBColor(0xB0, 0x00, 0x00)
BLUE = RGBColor(0x00, 0x40, 0xA0)
VIOLET = RGBColor(0x4A, 0x2A, 0x70)
SHADES = {"a_only": "FBEAEA", "b_only": "E8EFFA", "moved": "EEE6F7", "head": "D9D9D9", "group": "EEEEEE"}
BODY_PT = 10.5     # 五号
HEAD_PT = 12       # 小四


def build_synoptic_docx(alignment: SentenceAlignment, titles: tuple[str, str], groups: list[Group], *,
                        landscape: bool = False, quiet: bool = False, fonts: ExportFonts | None = None,
                        heading: str | None = None, lang: str | None = None) -> docx.document.Document:
    """The Word document of a synoptic table (see `export_synoptic_docx`)."""
    fonts = fonts or ExportFonts()
    document = docx.Document()
    _set_language(document, fonts.songti, fonts.latin)
    _page(document, landscape)
    writer = _TableWriter(document, fonts)
    title = heading or pick("Synoptic table", "对照表", lang)
    writer.paragraph(title, fonts.heiti, 16, bold=False, center=True)
    writer.legend(lang)
    table = document.add_table(rows=0, cols=2)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    width = (Mm(297 - 40) if landscape else Mm(210 - 40)) // 2
    table.autofit = False
    for column in table.columns:
        column.width = width
    head = writer.row(table, width, header=True)
    for cell, text in zip(head, titles):
        writer.cell_text(cell, [(text, "")], fonts.heiti, HEAD_PT, shade=SHADES["head"])
    for group in groups:
        if (group.caption_a or group.caption_b) and not group.heading:
            cells = writer.row(table, width)
            merged = cells[0].merge(cells[1])
            writer.cell_text(merged, [(group.caption(), "")], fonts.heiti, BODY_PT, shade=SHADES["group"])
        for n, line in enumerate(group.lines):
            pieces_ab = line_pieces(alignment, line, quiet)
            cells = writer.row(table, width)
            for cell, pieces, k in zip(cells, pieces_ab, line):
                row = alignment.rows[k] if k is not None else None
                if row is not None and row.kind == "moved":
                    pieces = pieces + [(_moved_note(row, k, lang), "note")]
                shade = SHADES.get(row.kind) if row is not None and row.kind in SHADES else None
                if group.heading and n == 0:   # the sections' own headings stand as the section row
                    writer.cell_text(cell, pieces, fonts.heiti, BODY_PT, shade=SHADES["group"])
                else:
                    writer.cell_text(cell, pieces, fonts.songti, BODY_PT, shade=shade)
    props = document.core_properties
    props.title, props.author, props.comments = title, "Duidu", ""
    props.created = props.modified = datetime.now(timezone.utc).replace(tzinfo=None)
    return document


def export_synoptic_docx(alignment: SentenceAlignment, titles: tuple[str, str], groups: list[Group],
                         path: Path | str, **options) -> Path:
    """Write the synoptic table to a .docx atomically; ExportError names the file when that fails."""
    document = build_synoptic_docx(alignment, titles, groups, **options)
    return atomic_write(path, lambda tmp: document.save(str(tmp)))


def _moved_note(row, k: int, lang: str | None) -> str:
    """Where a moved sentence went (on A's side) or came from (on B's): the table has no row numbers."""
    later = row.counterpart is not None and row.counterpart > k
    if row.a:
        return pick(" (moved further down)", "（已移至后文）", lang) if later else pick(" (moved up)", "（已移至前文）", lang)
    return pick(" (moved here from below)", "（由后文移来）", lang) if later else \
        pick(" (moved here from above)", "（由前文移来）", lang)


class _TableWriter:
    """Adds paragraphs, table rows and marked runs, every run with its fonts set."""

    def __init__(self, document, fonts: ExportFonts):
        self.document, self.fonts = document, fonts

    def paragraph(self, text: str, font: str, size: float, bold: bool = False, center: bool = False) -> None:
        """A plain paragraph (the title)."""
        paragraph = self.document.add_paragraph()
        if center:
            paragraph.alignment = 1
        self._run(paragraph, text, "", font, size).bold = bold

    def legend(self, lang: str | None) -> None:
        """One line saying what the marks mean, each shown in its own style."""
        paragraph = self.document.add_paragraph()
        for text, mark in ((pick("Deleted: ", "删除：", lang), ""), (pick("struck in red", "红色删除线", lang), "del"),
                           (pick("    Inserted: ", "    新增：", lang), ""),
                           (pick("underlined in blue", "蓝色下划线", lang), "ins"),
                           (pick("    Only on one side: shaded", "    仅一方有：底纹", lang), "")):
            self._run(paragraph, text, mark, self.fonts.songti, BODY_PT)

    def row(self, table, width, header: bool = False):
        """A new table row of two cells of equal width; a header row repeats on every page."""
        row = table.add_row()
        if header:
            tr_pr = row._tr.get_or_add_trPr()
            flag = OxmlElement("w:tblHeader")
            flag.set(qn("w:val"), "true")
            tr_pr.append(flag)
        for cell in row.cells:
            cell.width = width
        return row.cells

    def cell_text(self, cell, pieces: list[Piece], font: str, size: float, shade: str | None = None) -> None:
        """Fill a cell with marked pieces, one paragraph per line of text."""
        paragraph = cell.paragraphs[0]
        for text, mark in pieces:
            lines = clean_text(text).split("\n")
            for n, line in enumerate(lines):
                if n:
                    paragraph = cell.add_paragraph()
                if line:
                    self._run(paragraph, line, mark, font, size)
        if shade:
            tc_pr = cell._tc.get_or_add_tcPr()
            shd = OxmlElement("w:shd")
            shd.set(qn("w:val"), "clear")
            shd.set(qn("w:color"), "auto")
            shd.set(qn("w:fill"), shade)
            tc_pr.append(shd)

    def _run(self, paragraph, text: str, mark: str, font: str, size: float):
        run = paragraph.add_run(text)
        set_fonts(run._r.get_or_add_rPr(), font, self.fonts.latin)
        run.font.size = Pt(size)
        if mark == "del":
            run.font.color.rgb, run.font.strike = RED, True
        elif mark == "ins":
            run.font.color.rgb, run.font.underline = BLUE, WD_UNDERLINE.SINGLE
        elif mark in ("moved", "note"):
            run.font.color.rgb = VIOLET
            run.font.italic = mark == "note"
        return run


def _page(document, landscape: bool) -> None:
    """A4, upright or turned, with 20 mm margins so the two columns get the width."""
    for section in document.sections:
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Mm(297), Mm(210)
        else:
            section.page_width, section.page_height = Mm(210), Mm(297)
        for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
            setattr(section, side, Mm(20))
