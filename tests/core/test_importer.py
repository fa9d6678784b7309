"""load_file / load_text / iter_import_paths: the whole import path and its refusals."""

import zipfile

import docx
import pytest

from reader.core import importer
from reader.core.importer import ImportRefused, iter_import_paths, load_file, load_text

SPEECH = "在全市城市建设工作会议上的讲话\n同志们：\n今天会议的主要任务是部署工作。\n"


def _refusal(path, **kwargs) -> ImportRefused:
    """The ImportRefused raised by load_file."""
    with pytest.raises(ImportRefused) as info:
        load_file(path, **kwargs)
    return info.value


def test_gbk_txt_is_decoded_cleaned_and_described(tmp_path):
    path = tmp_path / "讲话.txt"
    path.write_bytes(("中词库 / www.zciku.com\r\n" + SPEECH.replace("\n", "\r\n")).encode("gbk"))
    result = load_file(path)
    assert result.encoding == "gb18030"
    assert result.fmt == "txt"
    assert result.raw_text.startswith("中词库")
    assert result.text == SPEECH.strip()
    assert result.removed == ["中词库 / www.zciku.com"]
    assert result.metadata["title"] == "在全市城市建设工作会议上的讲话"
    assert result.source_path == str(path)


def test_fifth_speech_from_the_corpus(tmp_path, seed_texts):
    path = tmp_path / "web.txt"
    path.write_text(seed_texts[4], encoding="utf-8")
    result = load_file(path)
    assert result.text.startswith("在2024年全市高品质城市建设工作推进会议上的讲话\n同志们：\n")
    assert result.metadata["date"] == "2024"


def test_utf16_and_override(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes(SPEECH.encode("utf-16"))
    assert load_file(path).encoding == "utf-16"
    big5 = tmp_path / "b.txt"
    big5.write_bytes("講話稿".encode("big5"))
    assert load_file(big5, encoding="big5").text == "講話稿"


def test_wrong_override_is_refused_as_encoding(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(SPEECH.encode("gbk"))
    error = _refusal(path, encoding="utf-8")
    assert error.reason == "encoding"
    assert "utf-8" in str(error)


def test_docx_import(tmp_path):
    doc = docx.Document()
    for line in SPEECH.strip().split("\n"):
        doc.add_paragraph(line)
    path = tmp_path / "a.docx"
    doc.save(path)
    result = load_file(path)
    assert (result.fmt, result.encoding, result.text) == ("docx", None, SPEECH.strip())


def test_docx_saved_as_txt_is_read_as_docx(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("同志们：")
    path = tmp_path / "a.txt"
    doc.save(path)
    assert load_file(path).fmt == "docx"


def test_html_import_uses_declared_charset(tmp_path):
    html = '<html><head><meta charset="gbk"><title>t</title></head><body><p>同志们：</p><p>谢谢！</p></body></html>'
    path = tmp_path / "a.htm"
    path.write_bytes(html.encode("gbk"))
    result = load_file(path)
    assert (result.fmt, result.encoding, result.text) == ("html", "gb18030", "同志们：\n谢谢！")


def test_load_text_paste():
    result = load_text("来源：网络  作者：某人\n" + SPEECH, source="clipboard")
    assert (result.fmt, result.encoding, result.text) == ("paste", None, SPEECH.strip())
    assert result.removed == ["来源：网络  作者：某人"]


def test_load_text_empty_is_refused():
    with pytest.raises(ImportRefused) as info:
        load_text(" \n\u3000\n")
    assert info.value.reason == "empty"
    assert "pasted text" in str(info.value)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", " \r\n\t\n".encode() + "\u3000".encode("utf-8"), "empty"),
        ("bom-only.txt", b"\xef\xbb\xbf", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary"),
        ("photo.txt", b"\xff\xd8\xff\xe0" + bytes(100), "binary"),
        ("doc.pdf.txt", b"%PDF-1.7\n...", "binary"),
        ("nul.txt", "同志们".encode("utf-8") + b"\x00\x01\x02" + "讲话".encode("utf-8"), "binary"),
        ("controls.txt", bytes(range(1, 32)) * 10, "binary"),
        ("fake.docx", "不是 Word".encode("utf-8"), "damaged_docx"),
        ("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "unsupported"),
        ("slides.pptx", b"PK\x03\x04", "unsupported"),
    ],
)
def test_bad_files_are_refused(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    error = _refusal(path)
    assert error.reason == reason
    assert error.path == str(path)
    assert name in str(error)


def test_zip_renamed_txt_is_binary(tmp_path):
    path = tmp_path / "archive.txt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.txt", "hello")
    error = _refusal(path)
    assert (error.reason, error.kind) == ("binary", "zip")


def test_missing_file(tmp_path):
    assert _refusal(tmp_path / "nope.txt").reason == "missing"


def test_too_large_without_reading(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_bytes(SPEECH.encode("utf-8"))
    monkeypatch.setattr(importer, "MAX_BYTES", 10)
    monkeypatch.setattr(type(path), "open", lambda *a, **k: pytest.fail("the file was read"))
    error = _refusal(path)
    assert error.reason == "too_large"


def test_messages_in_both_languages(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_bytes(b"")
    error = _refusal(path)
    monkeypatch.setenv("DUIDU_LANG", "zh")
    assert str(error) == "无法导入“a.txt”：文件是空的"
    monkeypatch.setenv("DUIDU_LANG", "en")
    assert str(error) == "Cannot import “a.txt”: the file is empty"
    assert error.message("zh") == "无法导入“a.txt”：文件是空的"


@pytest.mark.parametrize("reason", ["missing", "unreadable", "empty", "binary", "too_large", "encoding",
                                    "damaged_docx", "unsupported"])
def test_every_reason_has_both_messages(reason):
    error = ImportRefused("/x/讲话.txt", reason, "detail")
    english, chinese = error.message("en"), error.message("zh")
    assert english.startswith("Cannot import “讲话.txt”: ") and len(english) > 30
    assert chinese.startswith("无法导入“讲话.txt”：") and len(chinese) > 12
    assert english != chinese


def test_binary_message_names_the_kind(tmp_path):
    path = tmp_path / "pic.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(20))
    error = _refusal(path)
    assert "PNG" in error.message("en") and "PNG 图片" in error.message("zh")


def test_iter_import_paths(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("a.txt", "b/c.DOCX", "b/deep/d.htm", "b/e.pdf", "b/~$lock.docx", ".hidden/f.txt", "g.md"):
        (tmp_path / name).write_bytes(b"x")
    single = tmp_path / "b" / "e.pdf"
    found = iter_import_paths([tmp_path, single, tmp_path / "a.txt"])
    assert found == sorted([tmp_path / "a.txt", tmp_path / "b/c.DOCX", tmp_path / "b/deep/d.htm", single,
                            tmp_path / "g.md"])


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_bytes(SPEECH.encode("utf-8"))

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(type(path), "open", refuse)
    error = _refusal(path)
    assert error.reason == "unreadable"
    assert "Permission denied" in error.message("en")
