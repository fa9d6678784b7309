"""read_docx: tracked changes, Chinese auto-numbering, tables, damaged files."""

import zipfile

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from reader.core.docx_reader import DocxError, chinese_count, format_number, read_docx

NUMBERING = f"""
<w:abstractNum {nsdecls('w')} w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>"""
NUM = f'<w:num {nsdecls("w")} w:numId="77"><w:abstractNumId w:val="90"/></w:num>'


def _numbered(doc, text, ilvl, num_id="77"):
    """A paragraph in list `num_id` at level `ilvl`."""
    paragraph = doc.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return paragraph


def _add_numbering(doc):
    """Put our abstractNum (before existing nums, as the schema wants) and num into numbering.xml."""
    numbering = doc.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    abstract = parse_xml(NUMBERING)
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(NUM))


@pytest.fixture
def speech_docx(tmp_path):
    """A speech with tracked changes, a numbered outline, a tab, a line break and a table."""
    doc = docx.Document()
    _add_numbering(doc)
    doc.add_paragraph("在全市工作会议上的讲话")
    p = doc.add_paragraph("今天")
    p._p.append(parse_xml(
        f'<w:ins {nsdecls("w")} w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z">'
        f'<w:r><w:t>我们</w:t></w:r></w:ins>'))
    p._p.append(parse_xml(
        f'<w:del {nsdecls("w")} w:id="2" w:author="a" w:date="2024-01-01T00:00:00Z">'
        f'<w:r><w:delText>删掉的</w:delText></w:r></w:del>'))
    p.add_run("召开会议。")
    run = p.add_run("甲")
    run._r.append(parse_xml(f'<w:tab {nsdecls("w")}/>'))
    run._r.append(parse_xml(f'<w:t {nsdecls("w")}>乙</w:t>'))
    run._r.append(parse_xml(f'<w:br {nsdecls("w")}/>'))
    run._r.append(parse_xml(f'<w:t {nsdecls("w")}>丙</w:t>'))
    _numbered(doc, "提高认识", 0)
    _numbered(doc, "统一思想", 1)
    _numbered(doc, "加强学习", 1)
    _numbered(doc, "第一点", 2)
    _numbered(doc, "突出重点", 0)
    _numbered(doc, "抓好落实", 1)
    table = doc.add_table(rows=2, cols=2)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"格{r}{c}"
    doc.add_paragraph("同志们，谢谢大家！")
    path = tmp_path / "speech.docx"
    doc.save(path)
    return path


def test_tracked_changes_numbering_and_table(speech_docx):
    lines = read_docx(speech_docx).split("\n")
    assert lines == [
        "在全市工作会议上的讲话",
        "今天我们召开会议。甲\t乙",
        "丙",
        "一、提高认识",
        "（一）统一思想",
        "（二）加强学习",
        "1.第一点",
        "二、突出重点",
        "（一）抓好落实",
        "格00\t格01",
        "格10\t格11",
        "同志们，谢谢大家！",
    ]


def test_numbering_through_paragraph_style(tmp_path):
    doc = docx.Document()
    _add_numbering(doc)
    style = doc.styles.add_style("ChineseHeading", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    style.element.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="77"/></w:numPr>'))
    doc.add_paragraph("甲", style="ChineseHeading")
    doc.add_paragraph("正文")
    doc.add_paragraph("乙", style="ChineseHeading")
    path = tmp_path / "styled.docx"
    doc.save(path)
    assert read_docx(path) == "一、甲\n正文\n二、乙"


def test_hyperlink_runs_are_kept(tmp_path):
    doc = docx.Document()
    p = doc.add_paragraph("见")
    p._p.append(parse_xml(
        f'<w:hyperlink {nsdecls("w", "r")} r:id="rId99"><w:r><w:t>新华网</w:t></w:r></w:hyperlink>'))
    p.add_run("报道")
    path = tmp_path / "link.docx"
    doc.save(path)
    assert read_docx(path) == "见新华网报道"


@pytest.mark.parametrize(
    ("value", "fmt", "label"),
    [(1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (12, "chineseCountingThousand", "十二"),
     (21, "chineseCounting", "二十一"), (3, "ideographTraditional", "丙"), (4, "decimal", "4"),
     (2, "decimalEnclosedCircle", "②"), (3, "upperRoman", "III"), (2, "lowerLetter", "b")],
)
def test_number_formats(value, fmt, label):
    assert format_number(value, fmt) == label


def test_chinese_count_hundreds():
    assert chinese_count(105) == "一百零五"
    assert chinese_count(110) == "一百一十"


def test_not_a_zip_is_refused(tmp_path):
    path = tmp_path / "fake.docx"
    path.write_text("我不是 Word 文档", encoding="utf-8")
    with pytest.raises(DocxError, match="zip"):
        read_docx(path)


def test_zip_without_document_is_refused(tmp_path):
    path = tmp_path / "empty.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(DocxError, match="document.xml"):
        read_docx(path)


def test_broken_xml_is_refused(tmp_path):
    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document")
    with pytest.raises(DocxError, match="XML"):
        read_docx(path)
