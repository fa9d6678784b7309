"""The Word 对照表: two columns under the titles, section rows, marked changes, Chinese fonts; a golden file."""

import os
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from reader.core.export.atomic import ExportError
from reader.core.export.synoptic_docx import export_synoptic_docx
from reader.core.outline import parse_outline
from reader.core.synoptic import build_synoptic

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "synoptic_table.xml"
A = "一、总体要求\n坚持稳中求进工作总基调。XX市要加快推进城市更新行动，改善人居环境。\n二、重点任务\n推进新型城镇化建设。这一句将被删除。"
B = "一、总体要求\n坚持稳中求进工作总基调。**市要加快推进城市更新行动、全面改善人居环境。\n二、重点任务\n推进新型城镇化建设。这是新加入的<b>一句</b>。"


def build(tmp_path, **options):
    alignment, groups = build_synoptic(A, parse_outline(A), B, parse_outline(B), lang="zh")
    return export_synoptic_docx(alignment, ("旧稿", "新稿"), groups, tmp_path / "t.docx", lang="zh", **options)


def document_xml(path) -> str:
    """document.xml, one element a line (a readable diff when it changes)."""
    from lxml import etree

    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    return etree.tostring(root, pretty_print=True, encoding="unicode")


def test_matches_the_golden_file(tmp_path):
    xml = document_xml(build(tmp_path))
    if os.environ.get("DUIDU_UPDATE_GOLDEN"):
        GOLDEN.write_text(xml, encoding="utf-8")
    assert xml == GOLDEN.read_text(encoding="utf-8")


def test_two_columns_titles_sections_and_marks(tmp_path):
    document = docx.Document(str(build(tmp_path)))
    table = document.tables[0]
    assert len(table.columns) == 2
    assert [c.text for c in table.rows[0].cells] == ["旧稿", "新稿"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None   # repeats on every page
    texts = [[c.text for c in row.cells] for row in table.rows]
    assert ["一、总体要求", "一、总体要求"] in texts              # a section row spans both columns
    runs = [r for row in table.rows for cell in row.cells for p in cell.paragraphs for r in p.runs]
    struck = [r.text for r in runs if r.font.strike]
    underlined = [r.text for r in runs if r.font.underline]
    assert "XX" in struck and "**" in "".join(underlined) and "全面" in "".join(underlined)
    assert all(str(r.font.color.rgb) == "B00000" for r in runs if r.font.strike)
    assert all(str(r.font.color.rgb) == "0040A0" for r in runs if r.font.underline)
    assert "这是新加入的<b>一句</b>。" in [c.text for row in table.rows for c in row.cells]
    for run in runs:
        fonts = run._r.rPr.rFonts
        assert fonts.get(qn("w:eastAsia")) in ("宋体", "黑体") and fonts.get(qn("w:asciiTheme")) is None
    settings_xml = document.settings.element.find(qn("w:themeFontLang"))
    assert settings_xml.get(qn("w:eastAsia")) == "zh-CN"
    assert document.sections[0].page_width < document.sections[0].page_height


def test_quiet_and_landscape(tmp_path):
    document = docx.Document(str(build(tmp_path, quiet=True, landscape=True)))
    section = document.sections[0]
    assert section.page_width > section.page_height
    runs = [r for row in document.tables[0].rows for cell in row.cells for p in cell.paragraphs for r in p.runs]
    struck = [r.text for r in runs if r.font.strike]
    assert "XX" not in struck and "，" not in struck


def test_unwritable_target_is_a_clear_error(tmp_path):
    alignment, groups = build_synoptic(A, [], B, [])
    with pytest.raises(ExportError) as caught:
        export_synoptic_docx(alignment, ("a", "b"), groups, tmp_path / "missing" / "t.docx")
    assert "missing" in caught.value.message("en")


def test_moved_sentences_say_where_they_went(tmp_path):
    a = "第一句讲城市更新行动要全面推进。第二句讲基础设施建设要补齐短板。第三句讲生态环境保护要久久为功。"
    b = "第三句讲生态环境保护要久久为功。第一句讲城市更新行动要全面推进。第二句讲基础设施建设要补齐短板。"
    alignment, groups = build_synoptic(a, [], b, [])
    path = export_synoptic_docx(alignment, ("甲", "乙"), groups, tmp_path / "m.docx", lang="zh")
    cells = [c.text for row in docx.Document(str(path)).tables[0].rows for c in row.cells]
    assert "第三句讲生态环境保护要久久为功。（由后文移来）" in cells
    assert "第三句讲生态环境保护要久久为功。（已移至前文）" in cells
