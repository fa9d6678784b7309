"""Export: .docx (golden file, Chinese fonts, GB/T 9704 page), .txt, .csv, the clipboard pair, atomic writes."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from reader.core.codebook import Codebook
from reader.core.export import ExportError, atomic_write, group_excerpts
from reader.core.export.citation import citation_text
from reader.core.export.clipboard import clipboard_payload
from reader.core.export.docx_export import ExportFonts, build_docx, chinese_number, export_docx
from reader.core.export.text_export import export_csv, export_txt

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "excerpts_official.json"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
QUOTE_1 = "城镇化是现代化的必由之路，既是经济发展的结果，又是经济发展的动力"
QUOTE_3 = "从3个省级试点县先行先试，其他县区主动跟进"
QUOTE_5 = "一是城市建设更有内涵。\n以创建国家城乡融合发展试验区为引领"


def w(name: str) -> str:
    return f"{{{W}}}{name}"


@pytest.fixture
def excerpt_set(sample_library):
    """The fixed excerpts of the golden file: two tags (one a subtag), three speeches, a markup-like note."""
    book = Codebook(sample_library)
    top = book.create_tag("城镇化")
    meaning = book.create_tag("意义", parent_id=top.id)
    renewal = book.create_tag("城市更新")
    for doc_id, quote, tag, note in ((1, QUOTE_1, meaning, "开头可用 <w:b/> & “引号”"), (3, QUOTE_3, meaning, ""),
                                     (5, QUOTE_5, renewal, "")):
        start, end = book.find_quote(doc_id, quote)
        book.add_excerpt(doc_id, start, end, [tag.id], note=note)
    return book


def groups_of(book, by="tag", lang="zh"):
    return group_excerpts(book.list_excerpts(), by, book.list_tags(), lang=lang)


def read_part(path: Path, part: str):
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(part))


def style_facts(styles, style_id: str) -> dict:
    """A style's fonts, size, alignment, indent and line spacing, read from styles.xml."""
    style = styles.find(f"w:style[@w:styleId='{style_id}']", NS)
    fonts = style.find("w:rPr/w:rFonts", NS)
    spacing = style.find("w:pPr/w:spacing", NS)
    indent = style.find("w:pPr/w:ind", NS)
    assert not any(k.endswith("Theme") or k.endswith("theme") for k in fonts.attrib), style_id
    return {"east_asia": fonts.get(w("eastAsia")), "ascii": fonts.get(w("ascii")),
            "half_points": int(style.find("w:rPr/w:sz", NS).get(w("val"))),
            "jc": style.find("w:pPr/w:jc", NS).get(w("val")),
            "first_line_twips": int(indent.get(w("firstLine"))), "line": spacing.get(w("line")),
            "line_rule": spacing.get(w("lineRule"))}


def test_docx_matches_the_hand_written_golden_file(excerpt_set, tmp_path):
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    target = export_docx(groups_of(excerpt_set), tmp_path / "摘录.docx", preset="official", title="城镇化摘录", lang="zh")

    body = read_part(target, "word/document.xml").find("w:body", NS)
    paragraphs = []
    for p in body.findall("w:p", NS):
        style = p.find("w:pPr/w:pStyle", NS)
        runs = p.findall("w:r", NS)
        assert len(runs) == 1
        fonts = runs[0].find("w:rPr/w:rFonts", NS)
        assert fonts.get(w("ascii")) == fonts.get(w("hAnsi")) == "Times New Roman"
        assert not any("Theme" in k or "theme" in k for k in fonts.attrib)
        assert runs[0].find("w:br", NS) is None
        paragraphs.append([style.get(w("val")) if style is not None else "Normal",
                           "".join(t.text for t in runs[0].findall("w:t", NS)),
                           fonts.get(w("eastAsia")), int(runs[0].find("w:rPr/w:sz", NS).get(w("val")))])
    assert paragraphs == golden["paragraphs"]

    page = body.find("w:sectPr", NS)
    size, margins = page.find("w:pgSz", NS), page.find("w:pgMar", NS)
    assert (int(size.get(w("w"))), int(size.get(w("h")))) == (golden["page"]["width_twips"], golden["page"]["height_twips"])
    assert {k: int(margins.get(w(k))) for k in golden["page"]["margins_twips"]} == golden["page"]["margins_twips"]

    styles = read_part(target, "word/styles.xml")
    for style_id, facts in golden["styles"].items():
        assert style_facts(styles, style_id) == facts, style_id
    defaults = styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    assert defaults.find("w:lang", NS).get(w("eastAsia")) == golden["defaults"]["lang_east_asia"]
    assert defaults.find("w:rFonts", NS).get(w("eastAsia")) == golden["defaults"]["east_asia"]
    theme_lang = read_part(target, "word/settings.xml").find("w:themeFontLang", NS)
    assert theme_lang.get(w("eastAsia")) == golden["settings_theme_font_lang_east_asia"]
    assert b"ja-JP" not in zipfile.ZipFile(target).read("word/settings.xml")


def test_plain_preset_fonts_sizes_and_configured_names(excerpt_set):
    fonts = ExportFonts(songti="Source Han Serif SC", heiti="思源黑体")
    document = build_docx(groups_of(excerpt_set, by="speech"), preset="plain", fonts=fonts, lang="zh")
    found = [(p.style.name, p.runs[0].font.size.pt,
              p.runs[0]._r.rPr.rFonts.get(w("eastAsia"))) for p in document.paragraphs]
    assert found[0] == ("Title", 18, "思源黑体")
    assert found[1] == ("Heading 1", 14, "思源黑体")      # by speech: the speech is the heading
    assert found[2] == ("Normal", 12, "Source Han Serif SC")
    assert document.paragraphs[1].text == "在市委新型城镇化工作推进会上的讲话"     # no 一、 numbering in plain
    assert document.styles["Normal"].paragraph_format.first_line_indent.pt == 24
    assert document.sections[0].page_width.mm == pytest.approx(210, abs=0.1)


def test_control_characters_do_not_break_the_document(excerpt_set):
    x = excerpt_set.list_excerpts()[0]
    x.quote, x.note = "带\x0b控制\x00字符", "\x1f"
    document = build_docx(group_excerpts([x], "speech"), lang="en")
    assert [p.text for p in document.paragraphs][2] == "带控制字符"


def test_citation_leaves_out_unknown_fields_in_both_languages(excerpt_set):
    x5 = excerpt_set.list_excerpts(doc_id=5)[0]
    assert citation_text(x5, "zh") == "——《在2024年全市高品质城市建设工作推进会议上的讲话》；时间：2024年；部分：一、一是"
    assert citation_text(x5, "en") == "— “在2024年全市高品质城市建设工作推进会议上的讲话”; date: 2024; section: 一、一是"
    x5.doc_title, x5.doc_date, x5.section = None, None, ""
    assert citation_text(x5, "en") == ""


def test_grouping_by_tag_puts_multi_tagged_excerpts_under_each_and_keeps_document_order(excerpt_set):
    book = excerpt_set
    x3 = book.list_excerpts(doc_id=3)[0]
    renewal = [t for t in book.list_tags() if t.name == "城市更新"][0]
    book.set_excerpt_tags(x3.id, [t.id for t in book.list_tags() if t.name in ("意义", "城市更新")])
    groups = groups_of(book)
    assert [g.heading for g in groups] == ["城镇化 / 意义", "城市更新"]
    assert [x.doc_id for x in groups[1].all_excerpts()] == [3, 5]
    only = group_excerpts(book.list_excerpts(tag_id=renewal.id), "tag", book.list_tags(), only_tag_ids=[renewal.id])
    assert [g.heading for g in only] == ["城市更新"]
    by_speech = groups_of(book, by="speech")
    assert [g.excerpts[0].doc_id for g in by_speech] == [1, 3, 5]


def test_txt_is_utf8_with_bom_and_crlf(excerpt_set, tmp_path):
    target = export_txt(groups_of(excerpt_set), tmp_path / "out.txt", title="摘录", lang="zh")
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\n" not in data.replace(b"\r\n", b"")
    text = data.decode("utf-8-sig")
    assert text.startswith("摘录\r\n\r\n【城镇化 / 意义】\r\n")
    assert "一是城市建设更有内涵。\r\n以创建国家城乡融合发展试验区为引领\r\n——《在2024年" in text
    assert "备注：开头可用 <w:b/> & “引号”" in text


def test_csv_for_excel(excerpt_set, tmp_path):
    excerpts = excerpt_set.list_excerpts()
    excerpts[1].note = "=HYPERLINK(\"http://x\")"
    target = export_csv(excerpts, tmp_path / "out.csv", lang="en")
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["tag", "speech", "date", "place", "speaker", "section", "quote", "note", "start", "end", "status"]
    assert rows[1][:8] == ["意义", "在市委新型城镇化工作推进会上的讲话", "2022", "河南", "", "一、", QUOTE_1,
                           "开头可用 <w:b/> & “引号”"]
    assert rows[2][7].startswith("'=")          # never a formula in Excel
    assert rows[3][6] == QUOTE_5                 # the line break survives inside the quoted cell
    assert int(rows[1][9]) - int(rows[1][8]) == len(QUOTE_1)


def test_clipboard_pair_escapes_everything(excerpt_set):
    x1 = excerpt_set.list_excerpts(doc_id=1)[0]
    x1.quote = "<script>alert(1)</script> & 城镇化"
    html_text, plain = clipboard_payload([x1], lang="zh")
    assert "<script>" not in html_text and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; 城镇化" in html_text
    assert "&lt;w:b/&gt; &amp; “引号”" in html_text
    assert "mso-fareast-font-family:'宋体'" in html_text
    assert plain == ("<script>alert(1)</script> & 城镇化\n"
                     "——《在市委新型城镇化工作推进会上的讲话》；地点：河南；时间：2022年；部分：一、\n"
                     "备注：开头可用 <w:b/> & “引号”\n")
    assert clipboard_payload([x1], with_citation=False, lang="zh")[1] == "<script>alert(1)</script> & 城镇化\n"


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_file_open_in_word_raises_a_clear_error_and_keeps_the_old_file(excerpt_set, tmp_path, monkeypatch):
    target = tmp_path / "摘录.docx"
    target.write_bytes(b"old")
    before = [r for r in excerpt_set.conn.execute("SELECT * FROM excerpts")]

    def locked(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(ExportError) as err:
        export_docx(groups_of(excerpt_set), target)
    assert err.value.reason == "in_use"
    assert str(target) in err.value.message("en") and "Word" in err.value.message("en")
    assert str(target) in err.value.message("zh") and "关闭" in err.value.message("zh")
    assert target.read_bytes() == b"old" and leftovers(tmp_path) == []
    assert [r for r in excerpt_set.conn.execute("SELECT * FROM excerpts")] == before


def test_read_only_folder_and_full_disk(tmp_path, monkeypatch):
    def fail_with(code):
        def write(tmp):
            raise OSError(code, os.strerror(code))
        return write

    with pytest.raises(ExportError) as err:
        atomic_write(tmp_path / "a.txt", fail_with(errno.ENOSPC))
    assert err.value.reason == "full" and "a.txt" in str(err.value)
    assert leftovers(tmp_path) == []

    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", denied)   # what a read-only folder does (root ignores chmod)
    with pytest.raises(ExportError) as err:
        atomic_write(tmp_path / "b.txt", lambda tmp: tmp.write_text("x"))
    assert err.value.reason == "denied" and "read-only" in err.value.message("en")


def test_missing_folder_and_folder_target(tmp_path):
    with pytest.raises(ExportError) as err:
        atomic_write(tmp_path / "nope" / "a.txt", lambda tmp: None)
    assert err.value.reason == "no_folder"
    with pytest.raises(ExportError) as err:
        atomic_write(tmp_path, lambda tmp: None)
    assert err.value.reason == "is_dir"


def test_a_failing_writer_leaves_no_temp_file(tmp_path):
    with pytest.raises(ValueError):
        atomic_write(tmp_path / "a.docx", lambda tmp: (_ for _ in ()).throw(ValueError("bad xml")))
    assert list(tmp_path.iterdir()) == []


def test_chinese_numbers():
    assert [chinese_number(n) for n in (1, 9, 10, 11, 20, 25, 99)] == ["一", "九", "十", "十一", "二十", "二十五", "九十九"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_renders_the_official_docx(excerpt_set, tmp_path):
    target = export_docx(groups_of(excerpt_set), tmp_path / "official.docx", preset="official", lang="zh")
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(target)], check=True, capture_output=True, timeout=180)
    assert (tmp_path / "official.pdf").stat().st_size > 1000
