"""Word documents as analysts get them: text boxes, notes, Strict, symbol fonts, zip bombs."""

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from reader.core import docx_package
from reader.core.docx_reader import DocxError, DocxTooLarge, read_docx
from reader.core.importer import ImportRefused, load_file

FIXTURES = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "docx"
MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
WPS = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
V = 'xmlns:v="urn:schemas-microsoft-com:vml"'
W16SE = 'xmlns:w16se="http://schemas.microsoft.com/office/word/2015/wordml/symex"'


def _box_paragraphs(text):
    return "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in text.split("\n"))


def _text_box_run(choice_text, fallback_text):
    """A run holding a text box as Word 2010+ saves it: DrawingML in mc:Choice, VML in mc:Fallback."""
    choice = (f'<mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>'
              f'{_box_paragraphs(choice_text)}</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>'
              if choice_text is not None else "")
    fallback = (f'<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{_box_paragraphs(fallback_text)}'
                f'</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>' if fallback_text is not None else "")
    return parse_xml(f'<w:r {nsdecls("w")} {MC} {WPS} {V}><mc:AlternateContent>{choice}{fallback}'
                     f'</mc:AlternateContent></w:r>')


def _save(doc, tmp_path, name="doc.docx"):
    path = tmp_path / name
    doc.save(path)
    return path


def test_text_box_read_once_from_choice(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("正文第一段。")
    p = doc.add_paragraph("锚定段落。")
    p._p.append(_text_box_run("框内标题\n框内正文。", "框内标题\n框内正文。"))
    doc.add_paragraph("正文第二段。")
    text = read_docx(_save(doc, tmp_path))
    assert text.split("\n") == ["正文第一段。", "锚定段落。", "框内标题", "框内正文。", "正文第二段。"]
    assert text.count("框内正文") == 1


def test_text_box_prefers_choice_and_falls_back_to_vml(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("甲")._p.append(_text_box_run("选择分支", "备用分支"))
    doc.add_paragraph("乙")._p.append(_text_box_run(None, "只有备用"))
    doc.add_paragraph("丙")._p.append(_text_box_run("", "空选择时用备用"))
    text = read_docx(_save(doc, tmp_path))
    assert "选择分支" in text and "备用分支" not in text
    assert "只有备用" in text and "空选择时用备用" in text


def test_emoji_in_alternate_content_is_kept(tmp_path):
    doc = docx.Document()
    p = doc.add_paragraph("点赞")
    p._p.append(parse_xml(
        f'<w:r {nsdecls("w")} {MC} {W16SE}><mc:AlternateContent><mc:Choice Requires="w16se">'
        f'<w16se:symEx w16se:font="Segoe UI Emoji" w16se:char="1F44D"/></mc:Choice>'
        f'<mc:Fallback><w:t>👍</w:t></mc:Fallback></mc:AlternateContent></w:r>'))
    p.add_run("。")
    assert read_docx(_save(doc, tmp_path)) == "点赞👍。"


def test_document_with_only_a_text_box_imports(tmp_path):
    doc = docx.Document()
    doc.add_paragraph()._p.append(_text_box_run("在全市工作会议上的讲话\n同志们：今天开会。", "x"))
    imported = load_file(_save(doc, tmp_path))
    assert imported.text == "在全市工作会议上的讲话\n同志们：今天开会。"


def test_mammoth_text_box_fixture():
    path = FIXTURES / "python-mammoth__text-box.docx"
    if not path.exists():
        pytest.skip("shared fixtures absent")
    assert read_docx(path).count("Datum plane") == 1


def _with_notes(tmp_path, kind):
    """A document whose body refers to notes 2 then 1 (Word numbers them in reference order)."""
    doc = docx.Document()
    p = doc.add_paragraph("引用讲话原文")
    p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:{kind}Reference w:id="2"/></w:r>'))
    p.add_run("，再引一句")
    p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:{kind}Reference w:id="1"/></w:r>'))
    p.add_run("。")
    doc.add_paragraph("第二段。")
    path = _save(doc, tmp_path, "notes.docx")
    notes = (f'<w:{kind}s {nsdecls("w")}><w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
             f'</w:{kind}><w:{kind} w:id="1"><w:p><w:r><w:{kind}Ref/></w:r><w:r><w:t xml:space="preserve"> 见《文选》第二卷。</w:t></w:r></w:p></w:{kind}>'
             f'<w:{kind} w:id="2"><w:p><w:r><w:{kind}Ref/></w:r><w:r><w:t>出自2020年讲话。</w:t></w:r></w:p></w:{kind}></w:{kind}s>')
    rel = (f'<Relationship Id="rIdN" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}s" '
           f'Target="{kind}s.xml"/>')
    out = tmp_path / f"{kind}s.docx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            dst.writestr(item, data)
        dst.writestr(f"word/{kind}s.xml", notes)
    return out


@pytest.mark.parametrize("kind, heading", [("footnote", "脚注"), ("endnote", "尾注")])
def test_notes_follow_the_body_in_reference_order(tmp_path, kind, heading):
    lines = read_docx(_with_notes(tmp_path, kind)).split("\n")
    assert lines == ["引用讲话原文，再引一句。", "第二段。", heading, "[1] 出自2020年讲话。", "[2] 见《文选》第二卷。"]


@pytest.mark.parametrize("name", ["footnotes", "endnotes"])
def test_mammoth_note_fixtures(name):
    path = FIXTURES / f"python-mammoth__{name}.docx"
    if not path.exists():
        pytest.skip("shared fixtures absent")
    text = read_docx(path)
    body, _, notes = text.partition("\n")
    assert body == "Ouch." and "A tachyon walks into a bar." in notes and "Fin." in notes


def _strict(tmp_path):
    """A python-docx document rewritten with the Strict (purl.oclc.org) namespaces."""
    doc = docx.Document()
    doc.add_paragraph("严格格式的讲话")
    doc.add_paragraph("第二段。")
    path = _save(doc, tmp_path, "transitional.docx")
    out = tmp_path / "strict.docx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            for old, new in ((b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                              b"http://purl.oclc.org/ooxml/wordprocessingml/main"),
                             (b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                              b"http://purl.oclc.org/ooxml/officeDocument/relationships")):
                data = data.replace(old, new)
            dst.writestr(item, data)
    return out


def test_strict_document_is_read(tmp_path):
    assert read_docx(_strict(tmp_path)) == "严格格式的讲话\n第二段。"
    fixture = FIXTURES / "python-mammoth__strict-format.docx"
    if fixture.exists():
        assert read_docx(fixture) == "Test"


def test_symbol_fonts_are_mapped_or_marked(tmp_path):
    doc = docx.Document()
    p = doc.add_paragraph("完成")
    p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>'))
    p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:sym w:font="Wingdings" w:char="F0FB"/></w:r>'))
    p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:sym w:font="Wingdings" w:char="F001"/></w:r>'))
    q = doc.add_paragraph("面积")
    q._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr>'
                          f'<w:t>pr</w:t></w:r>'))
    q._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr>'
                          f'<w:t>l\uf06e</w:t></w:r>'))
    q.add_run("pr")   # the same letters in an ordinary font stay letters
    assert read_docx(_save(doc, tmp_path)).split("\n") == ["完成✓✗\ufffd", "面积πρ●■pr"]


def test_repeated_first_line_kept_in_word_documents(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("工作要点")
    doc.add_paragraph("工作要点")
    table = doc.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "工作要点"
    doc.add_paragraph("一、抓好落实。")
    imported = load_file(_save(doc, tmp_path))
    assert imported.text.split("\n") == ["工作要点", "工作要点", "工作要点", "一、抓好落实。"]


def _bomb(path, size, declared=None):
    """A .docx whose document.xml unpacks to `size` bytes of spaces inside a valid paragraph."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        head = f'<w:document {nsdecls("w")}><w:body><w:p><w:r><w:t>'.encode()
        tail = b"</w:t></w:r></w:p></w:body></w:document>"
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(head)
            block = b" " * (1024 * 1024)
            for _ in range(size // len(block)):
                part.write(block)
            part.write(tail)
    data = buf.getvalue()
    if declared is not None:   # make the central directory lie about the unpacked size
        central = data.rfind(b"PK\x01\x02")
        data = data[:central + 24] + declared.to_bytes(4, "little") + data[central + 28:]
    path.write_bytes(data)
    return path


def test_zip_bomb_is_refused_with_a_clear_message(tmp_path):
    path = _bomb(tmp_path / "bomb.docx", 190 * 1024 * 1024)
    assert path.stat().st_size < 400 * 1024
    with pytest.raises(DocxTooLarge):
        read_docx(path)
    with pytest.raises(ImportRefused) as info:
        load_file(path)
    assert info.value.reason == "docx_too_large"
    assert "zip bomb" in info.value.message("en") and "压缩炸弹" in info.value.message("zh")


def test_zip_bomb_with_a_lying_directory_is_refused(tmp_path):
    path = _bomb(tmp_path / "liar.docx", 80 * 1024 * 1024, declared=1000)
    with pytest.raises(DocxError):
        read_docx(path)


def test_total_of_parts_is_limited(tmp_path, monkeypatch):
    monkeypatch.setattr(docx_package, "MAX_TOTAL_BYTES", 4 * 1024 * 1024)
    path = _bomb(tmp_path / "big.docx", 5 * 1024 * 1024)
    with pytest.raises(DocxTooLarge):
        read_docx(path)


def test_paragraphs_wrapped_in_alternate_content_are_read_once(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("前文。")
    doc.element.body.insert(1, parse_xml(
        f'<mc:AlternateContent {nsdecls("w")} {MC}><mc:Choice Requires="w14"><w:p><w:r><w:t>新式段落。</w:t></w:r></w:p>'
        f'</mc:Choice><mc:Fallback><w:p><w:r><w:t>新式段落。</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent>'))
    assert read_docx(_save(doc, tmp_path)) == "前文。\n新式段落。"
