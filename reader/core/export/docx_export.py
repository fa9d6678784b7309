"""Excerpts to Word (.docx) with Chinese fonts that Word honours, in a plain or an official (GB/T 9704) layout.

python-docx sets only the Latin font, and its template names theme fonts and a Japanese East Asian
language (python-docx #1601), so Word would show Chinese in a Japanese font. Every run and style
here names its East Asian font in `w:eastAsia` with the theme attributes removed, the defaults
carry `w:lang w:eastAsia="zh-CN"`, and settings.xml's themeFontLang is set to zh-CN.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from reader.core.export.atomic import atomic_write
from reader.core.export.citation import ExportGroup, citation_lines, note_text, tags_text
from reader.core.locale import pick

_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
# characters XML 1.0 cannot hold: python-docx would refuse the whole document
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_NUMERALS = "一二三四五六七八九"


@dataclass(frozen=True)
class ExportFonts:
    """Font names the settings supply; the defaults are the Chinese fonts Windows ships.

    仿宋_GB2312 and 楷体_GB2312 are not on current Windows, hence 仿宋 and 楷体. The official title
    font is whatever is configured (方正小标宋简体 where it is installed); Word substitutes a
    missing font by itself.
    """

    fangsong: str = "仿宋"
    kaiti: str = "楷体"
    heiti: str = "黑体"
    songti: str = "宋体"
    title: str = "方正小标宋简体"
    latin: str = "Times New Roman"


@dataclass(frozen=True)
class TextStyle:
    """One paragraph role: font slot, size in points, alignment, first-line indent in characters."""

    font: str
    size: float
    align: str = "justify"
    indent_chars: int = 0
    space_before: float = 0
    space_after: float = 0


@dataclass(frozen=True)
class Preset:
    """A page layout and the styles of title, headings, quotes, citations and notes."""

    name: str
    margins_mm: tuple[float, float, float, float]     # top, bottom, left, right
    title: TextStyle
    heading1: TextStyle
    heading2: TextStyle
    body: TextStyle
    citation: TextStyle
    note: TextStyle
    line_exact_pt: float | None = None
    numbered: bool = False
    page_numbers: bool = False

    def text_width_pt(self) -> float:
        """The width of the type area (A4 less the side margins), in points."""
        return (210 - self.margins_mm[2] - self.margins_mm[3]) / 25.4 * 72


PRESETS = {
    "plain": Preset("plain", (25.4, 25.4, 31.8, 31.8),
                    title=TextStyle("heiti", 18, "center", space_after=12),
                    heading1=TextStyle("heiti", 14, "left", space_before=12, space_after=6),
                    heading2=TextStyle("heiti", 12, "left", space_before=6, space_after=6),
                    body=TextStyle("songti", 12, "justify", 2),
                    citation=TextStyle("songti", 10.5, "right", space_after=6),
                    note=TextStyle("songti", 10.5, "justify", 2, space_after=6)),
    # GB/T 9704: A4, margins 37/35/28/26 mm, title 22 pt 小标宋, body 16 pt 仿宋 indented two characters,
    # 一、 in 黑体 and （一） in 楷体 (also indented), 22 lines a page (28.95 pt exactly)
    "official": Preset("official", (37, 35, 28, 26),
                       title=TextStyle("title", 22, "center", space_after=29),
                       heading1=TextStyle("heiti", 16, "justify", 2),
                       heading2=TextStyle("kaiti", 16, "justify", 2),
                       body=TextStyle("fangsong", 16, "justify", 2),
                       citation=TextStyle("kaiti", 16, "right"),
                       note=TextStyle("fangsong", 16, "justify", 2),
                       line_exact_pt=28.95, numbered=True, page_numbers=True),
}
# GB/T 9704 §7.5: page numbers in 4号 (14 pt) half-width 宋体 between two 一字线 (— 1 —), the dashes 7 mm
# below the type area; odd pages at the right, even pages at the left, each one character in from the edge
PAGE_NUMBER_PT = 14
PAGE_NUMBER_GAP_MM = 7

STYLE_NAMES = {"title": "Title", "heading1": "Heading 1", "heading2": "Heading 2", "body": "Normal",
               "citation": "Duidu Citation", "note": "Duidu Note"}


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 25 → 二十五 (headings never run past 99)."""
    tens, units = divmod(n, 10)
    head = "" if tens == 0 else "十" if tens == 1 else _NUMERALS[tens - 1] + "十"
    return head + (_NUMERALS[units - 1] if units else "")


def clean_text(text: str) -> str:
    """Text as Word can hold it: no control characters, no stray carriage returns."""
    return _XML_ILLEGAL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def set_fonts(r_pr, east_asian: str, latin: str) -> None:
    """Name the East Asian and Latin fonts on an rPr, dropping theme fonts that would override them."""
    fonts = r_pr.get_or_add_rFonts()
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asian)
    # quotation marks and ellipses are shared code points: render them with the Chinese font
    fonts.set(qn("w:hint"), "eastAsia")


def build_docx(groups: list[ExportGroup], preset: str = "plain", fonts: ExportFonts | None = None,
               title: str | None = None, lang: str | None = None, headings: bool = False) -> docx.document.Document:
    """The Word document for grouped excerpts (see `export_docx`); `headings` cites sections with their headings."""
    spec = PRESETS[preset]
    fonts = fonts or ExportFonts()
    document = docx.Document()
    _set_language(document, fonts.songti if preset == "plain" else fonts.fangsong, fonts.latin)
    _set_page(document, spec)
    for role in STYLE_NAMES:
        _define_style(document, role, getattr(spec, role), spec, fonts)
    if spec.page_numbers:
        _add_page_numbers(document, spec, fonts)
    writer = _Writer(document, spec, fonts, lang, headings)
    writer.paragraph("title", title or pick("Excerpts", "摘录汇编", lang))
    for number, group in enumerate(groups, 1):
        writer.paragraph("heading1", (f"{chinese_number(number)}、" if spec.numbered else "") + group.heading)
        writer.excerpts(group.excerpts, group.show_tags)
        for sub_number, sub in enumerate(group.subgroups, 1):
            writer.paragraph("heading2", (f"（{chinese_number(sub_number)}）" if spec.numbered else "") + sub.heading)
            writer.excerpts(sub.excerpts, sub.show_tags)
    props = document.core_properties
    props.title, props.author, props.comments = title or pick("Excerpts", "摘录汇编", lang), "Duidu", ""
    props.created = props.modified = datetime.now(timezone.utc).replace(tzinfo=None)
    return document


def export_docx(groups: list[ExportGroup], path: Path | str, preset: str = "plain",
                fonts: ExportFonts | None = None, title: str | None = None, lang: str | None = None,
                headings: bool = False) -> Path:
    """Write grouped excerpts (quote, citation, note) to a .docx atomically; ExportError names the file."""
    document = build_docx(groups, preset, fonts, title, lang, headings)
    return atomic_write(path, lambda tmp: document.save(str(tmp)))


class _Writer:
    """Adds paragraphs of one role each, every run with its fonts and size set."""

    def __init__(self, document, spec: Preset, fonts: ExportFonts, lang: str | None, headings: bool):
        self.document, self.spec, self.fonts, self.lang, self.headings = document, spec, fonts, lang, headings

    def paragraph(self, role: str, text: str) -> None:
        """One paragraph per line of `text`, as a plain run (never read as markup)."""
        for line in clean_text(text).split("\n"):
            if line.strip() or role != "body":
                self.lines(role, [line])

    def lines(self, role: str, lines: list[str]) -> None:
        """One paragraph of one run holding `lines` with line breaks between them."""
        style: TextStyle = getattr(self.spec, role)
        run = self.document.add_paragraph(style=STYLE_NAMES[role]).add_run()
        for n, line in enumerate(lines):
            if n:
                run.add_break()
            run.add_text(clean_text(line))
        set_fonts(run._r.get_or_add_rPr(), getattr(self.fonts, style.font), self.fonts.latin)
        run.font.size = Pt(style.size)

    def excerpts(self, excerpts, show_tags: bool = False) -> None:
        """Each excerpt's quote, then its citation (broken only between its parts), its tags when asked, its note."""
        width = self.spec.text_width_pt() / self.spec.citation.size
        for excerpt in excerpts:
            self.paragraph("body", excerpt.quote)
            cited = citation_lines(excerpt, self.lang, width, headings=self.headings)
            if cited:
                self.lines("citation", cited)
            for text in (tags_text(excerpt, self.lang) if show_tags else "", note_text(excerpt, self.lang)):
                if text:
                    self.paragraph("note", text)


def _define_style(document, role: str, style: TextStyle, spec: Preset, fonts: ExportFonts) -> None:
    """Set (or create) the paragraph style of a role: fonts, size, black, alignment, indent, spacing."""
    name = STYLE_NAMES[role]
    styles = document.styles
    target = styles[name] if name in [s.name for s in styles] else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if target.base_style is None and name != "Normal":
        target.base_style = styles["Normal"]
    set_fonts(target.element.get_or_add_rPr(), getattr(fonts, style.font), fonts.latin)
    target.font.size = Pt(style.size)
    target.font.bold = False
    target.font.color.rgb = RGBColor(0, 0, 0)
    p_pr = target.element.get_or_add_pPr()
    for border in p_pr.findall(qn("w:pBdr")):   # the template's Title has a blue rule under it
        p_pr.remove(border)
    fmt = target.paragraph_format
    fmt.alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
                     "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}[style.align]
    # explicit zero: a style based on Normal would otherwise inherit the body's indent
    fmt.first_line_indent = Pt(style.indent_chars * style.size)
    fmt.space_before, fmt.space_after = Pt(style.space_before), Pt(style.space_after)
    fmt.keep_with_next = role in ("title", "heading1", "heading2")
    fmt.keep_together = role == "citation"     # a citation is never split across two pages
    if spec.line_exact_pt and role != "title":
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(spec.line_exact_pt)
    else:
        fmt.line_spacing = 1.15 if role == "body" else 1.0


def _set_language(document, east_asian: str, latin: str) -> None:
    """Default fonts and zh-CN as the East Asian language, in styles.xml and in settings.xml."""
    styles = document.styles.element
    r_pr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(r_pr, east_asian, latin)
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    settings = document.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is None:
        theme_lang = OxmlElement("w:themeFontLang")
        settings.append(theme_lang)
    theme_lang.set(qn("w:eastAsia"), "zh-CN")


def _set_page(document, spec: Preset) -> None:
    """A4 with the preset's margins."""
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        top, bottom, left, right = spec.margins_mm
        section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
        section.left_margin, section.right_margin = Mm(left), Mm(right)


def _add_page_numbers(document, spec: Preset, fonts: ExportFonts) -> None:
    """GB/T 9704 page numbers: — PAGE — in 14 pt 宋体, odd pages right and even pages left, one character in."""
    document.settings.odd_and_even_pages_header_footer = True
    bottom = spec.margins_mm[1]
    for section in document.sections:
        # Word measures the footer from the page's bottom edge to the bottom of its line; the line is exactly
        # one character high and a 一字线 sits at its middle, so the dashes come 7 mm below the type area
        section.footer_distance = Mm(bottom - PAGE_NUMBER_GAP_MM) - Pt(PAGE_NUMBER_PT / 2)
        for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT), (section.even_page_footer,
                                                                           WD_ALIGN_PARAGRAPH.LEFT)):
            footer.is_linked_to_previous = False
            paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
            fmt = paragraph.paragraph_format
            fmt.alignment = align
            fmt.first_line_indent = Pt(0)
            fmt.space_before = fmt.space_after = Pt(0)
            fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            fmt.line_spacing = Pt(PAGE_NUMBER_PT)
            if align == WD_ALIGN_PARAGRAPH.RIGHT:
                fmt.right_indent, fmt.left_indent = Pt(PAGE_NUMBER_PT), Pt(0)
            else:
                fmt.left_indent, fmt.right_indent = Pt(PAGE_NUMBER_PT), Pt(0)
            _page_field(paragraph, fonts)


def _page_field(paragraph, fonts: ExportFonts) -> None:
    """Runs "— ", a PAGE field, " —", all in 宋体 (Latin digits too: 半角宋体) at the page-number size."""
    def run(text: str = "", field_char: str | None = None, instruction: str | None = None):
        r = paragraph.add_run(text)
        r_pr = r._r.get_or_add_rPr()
        set_fonts(r_pr, fonts.songti, fonts.songti)
        r.font.size = Pt(PAGE_NUMBER_PT)
        if field_char:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), field_char)
            r._r.append(element)
        if instruction:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = instruction
            r._r.append(element)
        return r

    run("— ")
    run(field_char="begin")
    run(instruction=" PAGE ")
    run(field_char="separate")
    run("1")
    run(field_char="end")
    run(" —")
