"""The bad files of the reliability suite, as bytes: used by tests/reliability/test_bad_files.py and bench/reliability.py.

No pytest here, so the bench can load it by path.
"""

from __future__ import annotations

import io
import zipfile

SPEECH = "同志们：\n一、推进新型城镇化建设\n今天我们召开全市工作会议，研究部署下一阶段的重点任务。\n" * 3
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def zipped(**parts: str) -> bytes:
    """A zip archive holding the given parts."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name.replace("__", "/"), text)
    return buffer.getvalue()


def deep_docx() -> bytes:
    """A .docx whose paragraph nests 5,000 hyperlinks deep (lxml's depth limit, not a recursion crash)."""
    body = "<w:p>" + "<w:hyperlink>" * 5000 + "<w:r><w:t>深</w:t></w:r>" + "</w:hyperlink>" * 5000 + "</w:p>"
    return zipped(word__document_xml=f"<w:document {W}><w:body>{body}</w:body></w:document>").replace(
        b"word/document_xml", b"word/document.xml")


LONG = "推进新型城镇化建设，" * 100_000 + "\n"            # one 1 MB line
FEW_CONTROLS = SPEECH * 20 + "\x07\x1b" + SPEECH * 20      # under 1% control characters



def speech(label: str) -> str:
    """A short speech of its own (equal texts would be one speech in the library)."""
    return SPEECH.replace("全市", label)


MIXED_ENDS = "同志们：\r\n一、混合换行\r二、第二部分\n正文。\r\n"
# name -> (bytes, the text the library must hold) for files that import
IMPORTS = {
    "truncated-utf8.txt": (speech("甲").encode()[:-2], speech("甲")[:-2] + "\ufffd"),
    "truncated-gbk.txt": (speech("乙").encode("gb18030")[:-2], speech("乙")[:-2] + "\ufffd"),
    "truncated-utf16.txt": (b"\xff\xfe" + speech("丙").encode("utf-16-le")[:-3], speech("丙")[:-2] + "\ufffd"),
    "long-line.txt": (LONG.encode(), LONG),
    "no-line-breaks.txt": (SPEECH.replace("\n", "").encode(), SPEECH.replace("\n", "")),
    "mixed-line-ends.txt": (MIXED_ENDS.encode(), "同志们：\n一、混合换行\n二、第二部分\n正文。"),
    "right-to-left.txt": (("同志们：\u200f\u202eمرحبا\u202c\u200e\n" + SPEECH).encode(),
                          "同志们：\u200f\u202eمرحبا\u202c\u200e\n" + SPEECH),
    "outside-bmp.txt": (("𠀀𠀁𪚥同志们：𠮷\n" + SPEECH).encode(), "𠀀𠀁𪚥同志们：𠮷\n" + SPEECH),
    "tags-in-text.txt": (("<p>同志们：</p><script>alert('x')</script>\n" + SPEECH).encode(),
                         "<p>同志们：</p><script>alert('x')</script>\n" + SPEECH),
    "few-controls.txt": (FEW_CONTROLS.encode(), FEW_CONTROLS),
}

# name -> (bytes, reason) for files that are refused
REFUSALS = {
    "empty.txt": (b"", "empty"),
    "whitespace.txt": (" \n\t\r\n\u3000 \n".encode(), "empty"),
    "bom-only.txt": (b"\xef\xbb\xbf", "empty"),
    "zero-width-only.txt": ("\u200b\u200f\ufeff\u200b".encode(), "empty"),
    "image.txt": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "binary"),
    "archive.txt": (zipped(a__txt="hi"), "binary"),
    "pdf.txt": (b"%PDF-1.7\n" + bytes(range(256)), "binary"),
    "mixed-encodings.txt": (SPEECH.encode() + SPEECH.encode("gb18030"), "encoding"),
    "not-a-zip.docx": (b"this is not a zip" * 10, "damaged_docx"),
    "no-document.docx": (zipped(word__styles_xml="<x/>"), "damaged_docx"),
    "too-deep.docx": (deep_docx(), "damaged_docx"),
    "nul-bytes.txt": ((SPEECH.encode() + b"\x00") * 3, "binary"),
    "control-characters.txt": ((SPEECH + "\x01\x02\x1b[0m" * 10).encode(), "binary"),
    "slides.pdf": (b"%PDF-1.4", "unsupported"),
}
