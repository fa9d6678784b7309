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
    facts = {"east_asia": fonts.get(w("eastAsia")), "ascii": fonts.get(w("ascii")),
             "half_points": int(style.find("w:rPr/w:sz", NS).get(w("val"))),
             "jc": style.find("w:pPr/w:jc", NS).get(w("val")),
             "first_line_twips": int(indent.get(w("firstLine"))), "line": spacing.get(w("line")),
             "line_rule": spacing.get(w("lineRule"))}
    keep = style.find("w:pPr/w:keepLines", NS)
    if keep is not None and keep.get(w("val"), "1") not in ("0", "false"):
        facts["keep_lines"] = True
    return facts


def run_text(run) -> str:
    """A run's text with its line breaks as newlines."""
    return "".join("\n" if child.tag == w("br") else child.text or "" for child in run
                   if child.tag in (w("t"), w("br")))


def footer_facts(target: Path, part: str) -> dict:
    """Alignment, indents, fonts and the field of a footer's page number."""
    paragraph = read_part(target, part).find("w:p", NS)
    ind = paragraph.find("w:pPr/w:ind", NS)
    runs = []
    fonts = set()
    for r in paragraph.findall("w:r", NS):
        f = r.find("w:rPr/w:rFonts", NS)
        fonts.add((f.get(w("eastAsia")), f.get(w("ascii")), r.find("w:rPr/w:sz", NS).get(w("val"))))
        char, instr = r.find("w:fldChar", NS), r.find("w:instrText", NS)
        runs.append(char.get(w("fldCharType")) if char is not None else instr.text if instr is not None
                    else run_text(r))
    return {"jc": paragraph.find("w:pPr/w:jc", NS).get(w("val")),
            "ind": {k: ind.get(w(k)) for k in ("left", "right")}, "runs": runs, "fonts": fonts}


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
        paragraphs.append([style.get(w("val")) if style is not None else "Normal", run_text(runs[0]),
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
    settings = read_part(target, "word/settings.xml")
    theme_lang = settings.find("w:themeFontLang", NS)
    assert theme_lang.get(w("eastAsia")) == golden["settings_theme_font_lang_east_asia"]
    assert b"ja-JP" not in zipfile.ZipFile(target).read("word/settings.xml")
    assert (settings.find("w:evenAndOddHeaders", NS) is not None) == golden["settings_even_and_odd_footers"]

    numbers = golden["page_numbers"]
    assert int(page.find("w:pgMar", NS).get(w("footer"))) == numbers["footer_twips"]
    rels = {r.get("Id"): r.get("Target") for r in read_part(target, "word/_rels/document.xml.rels")}
    refs = {ref.get(w("type")): rels[ref.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")]
            for ref in page.findall("w:footerReference", NS)}
    assert set(refs) == {"default", "even"}      # default = odd pages once even ones have their own
    for kind, part in (("odd", refs["default"]), ("even", refs["even"])):
        facts = footer_facts(target, "word/" + part)
        assert {"jc": facts["jc"], "ind": facts["ind"]} == numbers[kind], kind
        assert facts["runs"] == numbers["runs"], kind
        assert facts["fonts"] == {(numbers["east_asia"], numbers["ascii"], str(numbers["half_points"]))}


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
    assert rows[1][:8] == ["城镇化 / 意义", "在市委新型城镇化工作推进会上的讲话", "2022", "河南", "", "一、", QUOTE_1,
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
    # each part of the right-aligned citation is kept on one line
    assert '<span style="white-space:nowrap">地点：河南；</span><span style="white-space:nowrap">时间：2022年；</span>' in html_text
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


def test_citations_break_only_between_parts_and_keep_names_whole(excerpt_set):
    from reader.core.export.citation import citation_lines, text_width

    x1 = excerpt_set.list_excerpts(doc_id=1)[0]
    x1.doc_speaker = "Li Qiang Wang"            # a Latin name: its spaces must not break either
    for lang in ("zh", "en"):
        whole = citation_text(x1, lang)
        for width in (8, 12, 20, 27.6, 40):
            lines = citation_lines(x1, lang, width)
            assert "".join(lines).replace("\u00a0", " ").replace(" ", "") == whole.replace(" ", "")
            for line in lines:
                assert " " not in line.strip() or lang == "en"
                # every line starts with a whole part: the title, or a label (地点：, place:)
                assert line.startswith(("——《", "—\u00a0“", "讲话人：", "地点：", "时间：", "部分：",
                                        "speaker:", "place:", "date:", "section:")), line
            # lines are only as long as the width allows, unless one part alone is longer
            assert all(text_width(line) <= width or not any(sep in line.rstrip("；;") for sep in ("；", ";"))
                       for line in lines)
        assert "Li\u00a0Qiang\u00a0Wang" in "".join(citation_lines(x1, "en", 10))
    assert citation_lines(x1, "zh") == [citation_text(x1, "zh")]        # no width: one line, plain spaces


def test_heading_paths_when_asked(excerpt_set):
    book = excerpt_set
    text = book.document_text(1)
    start = text.index("（三）") + 10
    x = book.add_excerpt(1, start, start + 12)
    assert x.section == "二、（三）"
    assert x.headings == ["二、着力统筹推进、重点突破，建设宜居宜业现代化城市", "（三）要在城市组团发展上重点突破"]
    assert citation_text(x, "zh").endswith("部分：二、（三）")
    assert citation_text(x, "zh", headings=True).endswith("部分：二、着力统筹推进、重点突破… / （三）要在城市组团发展上重点突破")
    lines = build_docx(group_excerpts([x], "speech"), preset="official", lang="zh", headings=True).paragraphs[3]
    # the path breaks between its headings, never inside one
    assert lines.text.split("\n")[-2:] == ["部分：二、着力统筹推进、重点突破… /", "（三）要在城市组团发展上重点突破"]
    csv_text = "\n".join(",".join(map(str, r)) for r in __import__("reader.core.export.text_export",
                                                                    fromlist=["csv_rows"]).csv_rows([x], "zh", True))
    assert "二、着力统筹推进、重点突破… / （三）要在城市组团发展上重点突破" in csv_text
    from reader.core.export.text_export import groups_to_text

    text = groups_to_text(group_excerpts([x], "speech"), lang="zh", headings=True)
    assert "部分：二、着力统筹推进、重点突破… / （三）要在城市组团发展上重点突破\n" in text
    assert "部分：二、（三）\n" in groups_to_text(group_excerpts([x], "speech"), lang="zh")
    opening = book.add_excerpt(1, 0, 5)
    assert opening.headings == [] and citation_text(opening, "zh", headings=True) == citation_text(opening, "zh")


def test_by_speech_exports_carry_the_tags_with_their_parents(excerpt_set, tmp_path):
    book = excerpt_set
    x3 = book.list_excerpts(doc_id=3)[0]
    book.set_excerpt_tags(x3.id, [t.id for t in book.list_tags() if t.name in ("意义", "城市更新")])
    document = build_docx(groups_of(book, by="speech"), preset="official", lang="zh")
    texts = [p.text for p in document.paragraphs]
    assert "标签：城镇化 / 意义；城市更新" in texts and "标签：城镇化 / 意义" in texts and "标签：城市更新" in texts
    by_tag = [p.text for p in build_docx(groups_of(book), preset="official", lang="zh").paragraphs]
    assert not any(t.startswith("标签：") for t in by_tag)     # grouped by tag, the headings say it
    text = export_txt(groups_of(book, by="speech", lang="en"), tmp_path / "s.txt", lang="en").read_bytes().decode("utf-8-sig")
    assert "Tags: 城镇化 / 意义; 城市更新\r\n" in text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_csv_dates_are_iso_in_both_languages(excerpt_set, tmp_path, lang):
    from reader.core.export.citation import iso_date

    excerpt_set.library.update_metadata(1, date="2022-3-5")
    excerpt_set.library.update_metadata(3, date="2022-03-15")
    rows = list(csv.reader(io.StringIO(export_csv(excerpt_set.list_excerpts(), tmp_path / "d.csv", lang=lang)
                                       .read_bytes().decode("utf-8-sig"), newline="")))
    assert {r[1][:6]: r[2] for r in rows[1:]} == {"在市委新型城": "2022-03-05", "在全市百城建": "2022-03-15",
                                                 "在2024年": "2024"}
    assert "年" not in "".join(r[2] for r in rows)
    assert [iso_date(d) for d in ("2022-5", "2022", "约2022年", None)] == ["2022-05", "2022", "约2022年", ""]


def test_official_layout_has_page_numbers_and_plain_has_none(excerpt_set):
    official = build_docx(groups_of(excerpt_set), preset="official", lang="zh")
    assert official.settings.odd_and_even_pages_header_footer
    section = official.sections[0]
    assert section.footer.paragraphs[0].alignment == 2 and section.even_page_footer.paragraphs[0].alignment == 0
    assert section.footer.paragraphs[0].text == "— 1 —"
    assert "PAGE" in section.footer.paragraphs[0]._p.xml
    plain = build_docx(groups_of(excerpt_set), preset="plain", lang="zh")
    assert not plain.settings.odd_and_even_pages_header_footer
    assert "footerReference" not in plain.sections[0]._sectPr.xml
