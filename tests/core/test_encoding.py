"""decode_bytes: the BOM / UTF-8 / gb18030 / Big5 / detector cascade and overrides."""

import codecs

import pytest

from reader.core.encoding import EncodingError, decode_bytes, normalize_name, sniff_utf16

SPEECH = "在2024年全市城市建设工作会议上的讲话\n同志们：\n今天会议的主要任务是，深入贯彻落实会议精神，推动高质量发展。\n"


@pytest.mark.parametrize(
    ("encoded", "expected"),
    [
        (SPEECH.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SPEECH.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + SPEECH.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + SPEECH.encode("utf-16-be"), "utf-16"),
        (codecs.BOM_UTF32_LE + SPEECH.encode("utf-32-le"), "utf-32"),
        (SPEECH.encode("utf-16-le"), "utf-16-le"),
        (SPEECH.encode("utf-16-be"), "utf-16-be"),
        (SPEECH.encode("gb18030"), "gb18030"),
    ],
)
def test_cascade_recognises_each_encoding(encoded, expected):
    text, name = decode_bytes(encoded)
    assert text == SPEECH
    assert name == expected
    assert encoded.decode(name) == SPEECH  # the reported name decodes the bytes again


def test_gbk_with_rong_and_traditional_decodes_as_gb18030():
    text = "朱镕基同志强调，要把經濟工作抓紧抓实。"
    assert decode_bytes(text.encode("gbk")) == (text, "gb18030")


def test_short_gbk_text_is_not_mistaken():
    text = "各位同志，今天召开全市经济工作会议。"  # about 20 characters: detectors get these wrong
    assert len(text) <= 20
    assert decode_bytes(text.encode("gbk")) == (text, "gb18030")


def test_big5_is_recognised_when_gb18030_is_implausible():
    text = "各位同志，今天我們召開全市經濟工作會議，主要任務是總結過去一年的工作，部署今年的任務。"
    assert decode_bytes(text.encode("big5")) == (text, "big5")


def test_ascii_is_utf8():
    assert decode_bytes(b"hello") == ("hello", "utf-8")


def test_override_decodes_strictly():
    text = "讲话稿"
    assert decode_bytes(text.encode("gbk"), override="GBK") == (text, "gb18030")
    assert decode_bytes("講話稿".encode("big5"), override="big5") == ("講話稿", "big5")


def test_wrong_override_raises_clear_error():
    with pytest.raises(EncodingError) as info:
        decode_bytes("讲话稿".encode("gbk"), override="utf-8")
    assert "utf-8" in str(info.value)
    assert info.value.encoding == "utf-8"


def test_unknown_override_name():
    with pytest.raises(EncodingError):
        decode_bytes(b"abc", override="no-such-codec")


@pytest.mark.parametrize(
    ("name", "normal"),
    [("GBK", "gb18030"), ("gb2312", "gb18030"), ("cp936", "gb18030"), ("UTF8", "utf-8"),
     ("utf_8_sig", "utf-8-sig"), ("utf_16_le", "utf-16-le"), ("BIG5", "big5")],
)
def test_normalize_name(name, normal):
    assert normalize_name(name) == normal


def test_sniff_utf16_needs_evidence():
    assert sniff_utf16("讲话".encode("gb18030")) is None
    assert sniff_utf16("abc\n".encode("utf-16-le")) == "utf-16-le"


REPORT_HEAD = ("政府工作报告\n——2021年3月5日在第十三届全国人民代表大会第四次会议上\n国务院总理　李克强\n各位代表：\n"
               "现在，我代表国务院，向大会报告政府工作，请予审议。一、2020年工作回顾。过去一年是极不平凡的一年。")


@pytest.mark.parametrize("name", ["utf-16-le", "utf-16-be"])
def test_chinese_utf16_without_bom_is_detected(name):
    assert decode_bytes(REPORT_HEAD.encode(name)) == (REPORT_HEAD, name)
    one_line = "这是没有换行也没有数字的一段连续中文句子内容"   # hardly a NUL byte in it
    assert decode_bytes(one_line.encode(name)) == (one_line, name)


def test_utf16_without_bom_imports_with_and_without_override(tmp_path):
    from reader.core.importer import load_file

    path = tmp_path / "report.txt"
    path.write_bytes(REPORT_HEAD.encode("utf-16-le"))
    assert load_file(path).text == REPORT_HEAD
    assert load_file(path, encoding="utf-16-le").encoding == "utf-16-le"
    assert load_file(path, encoding="UTF-16LE").text == REPORT_HEAD


def test_latin1_english_is_not_read_as_baltic():
    english = "The café served crème brûlée; the naïve façade of the résumé.\nSeñor Müller bought Äpfel."
    text, name = decode_bytes(english.encode("latin-1"))
    assert text == english and name in ("cp1252", "latin-1")
    quoted = "“Smart quotes” – and a dash… in Windows English, with café.".encode("cp1252")
    assert decode_bytes(quoted) == (quoted.decode("cp1252"), "cp1252")


@pytest.mark.parametrize("text", ["会议", "我们今天开会。", "Meeting in 北京 today", "国务院总理李克强在会上讲话。"])
def test_short_gbk_is_still_gbk_not_latin_or_utf16(text):
    assert decode_bytes(text.encode("gbk")) == (text, "gb18030")
