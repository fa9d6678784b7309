"""Strip what web pages wrap around a speech: site names, source lines, bookmarks, teasers, repeated titles.

Conservative by design: a speech line removed by mistake is worse than a junk line kept, so
each rule needs strong evidence, only looks at short lines, and the words of the speech
(placeholders such as X, XX, **, ×× included) are never rewritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# lines this far from the top are where pages put their furniture
HEAD_LINES = 12
# a junk line is short; anything longer is taken for speech
MAX_JUNK_LEN = 80

# URLs are ASCII: \S+ would run on into the Chinese sentence around them
_URL_CHARS = r"[A-Za-z0-9._~:/?#@!$&'*+,;=%-]"
_URL = re.compile(
    rf"(?:https?://|www\.){_URL_CHARS}+|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|cn|net|org|gov|edu|info|cc|top|vip)\b(?:/{_URL_CHARS}*)?",
    re.IGNORECASE | re.ASCII,
)
_BOOKMARK = re.compile(r"\[bookmark:[^\]\n]{0,80}\]", re.IGNORECASE)
_SOURCE_LABELS = r"来源|出处|作者|编辑|责任编辑|更新时间|发布时间|发布日期|发表时间|时间|日期|浏览次数|阅读次数|点击数|字体"
_SOURCE_LABEL = re.compile(rf"(?:^|\s)(?:{_SOURCE_LABELS})\s*[:：]")
_SOURCE_START = re.compile(r"^\s*(?:来源|出处|更新时间|发布时间|发布日期|责任编辑)\s*[:：]")
# short lines that are a page's furniture: breadcrumb, share bar, print/close buttons, footer
_FURNITURE = re.compile(
    r"^\s*(?:当前位置|您的位置|你的位置|您现在的位置|所在位置)\s*[:：]"
    r"|^\s*【?\s*(?:分享到|分享至|打印本页|打印|关闭窗口|关闭|返回顶部|收藏本页|收藏|纠错)\s*(?:[:：】【]|\s|$)"
    r"|ICP\s*备|网站标识码|公网安备|版权所有\s*(?:[:：©(（]|$)|Copyright\s*(?:©|\(c\)|\d)|©"
    r"|(?:主办单位|承办单位|技术支持)\s*[:：]"
    r"|^\s*[【\[]?\s*字[体号]\s*[:：]\s*[大中小]"
    r"|^\s*扫一扫|^\s*(?:上一篇|下一篇)\s*[:：]"
    r"|^\s*(?:相关链接|相关新闻|相关文章|相关阅读|相关信息|相关稿件)\s*[:：]?\s*$")
_ELLIPSIS = ("...", "…", "。。。")
_SENTENCE_END = "。！？!?；;：:，,"
_SPACE = re.compile(r"\s+")


@dataclass
class CleanResult:
    """The cleaned text and what was taken out, in the order it appeared."""

    text: str
    removed: list[str] = field(default_factory=list)


def clean_web_text(text: str, repeated_title: bool = True) -> CleanResult:
    """Normalise line ends and trailing spaces, then remove web-page junk around the speech.

    `repeated_title=False` for Word documents: a line or table row equal to the first line is
    the document's own text there, not a page header shown twice.
    """
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")]
    removed: list[str] = []
    kept: list[str] = []
    for line in lines:
        line, marks = _strip_bookmarks(line)
        removed.extend(marks)
        if marks and not line.strip():
            continue
        if _is_site_line(line) or _is_source_line(line) or _is_furniture_line(line):
            removed.append(line)
            continue
        kept.append(line)
    kept = _drop_teasers(kept, removed)
    if repeated_title:
        kept = _drop_repeated_title(kept, removed)
    while kept and not kept[0].strip():
        kept.pop(0)
    while kept and not kept[-1].strip():
        kept.pop()
    return CleanResult("\n".join(kept), removed)


def _strip_bookmarks(line: str) -> tuple[str, list[str]]:
    """Remove "[bookmark: _Toc1]" markers left by Word-to-web converters."""
    marks = _BOOKMARK.findall(line)
    return (_BOOKMARK.sub("", line), marks) if marks else (line, [])


def _is_site_line(line: str) -> bool:
    """A short line that is a URL or a site name with its address ("中词库 / www.zciku.com")."""
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_JUNK_LEN or not _URL.search(stripped):
        return False
    rest = _URL.sub("", stripped)
    rest = re.sub(r"[\s/|｜\-—_·•:：()（）\[\]【】<>《》]+", "", rest)
    return len(rest) <= 12 and not any(mark in rest for mark in "。！？，")


def _is_source_line(line: str) -> bool:
    """A "来源：… 作者：… 更新时间：…" line: two labels, or one at the start of a short line."""
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_JUNK_LEN or "。" in stripped:
        return False
    labels = len(_SOURCE_LABEL.findall(stripped))
    return labels >= 2 or (labels == 1 and bool(_SOURCE_START.match(stripped)) and len(stripped) <= 40)


def _is_furniture_line(line: str) -> bool:
    """A short line of page furniture (当前位置：, 分享到：, ICP备, 网站标识码, 【打印本页】)."""
    stripped = line.strip()
    return bool(stripped) and len(stripped) <= MAX_JUNK_LEN and "。" not in stripped and bool(
        _FURNITURE.search(stripped))


def _squeeze(text: str) -> str:
    """Text without any whitespace, for comparing passages across line breaks."""
    return _SPACE.sub("", text)


def _drop_teasers(lines: list[str], removed: list[str]) -> list[str]:
    """Remove a top paragraph ending in "…" whose words are the beginning of the text after it."""
    for index in range(min(len(lines), HEAD_LINES)):
        line = lines[index].strip()
        ending = next((e for e in _ELLIPSIS if line.endswith(e)), None)
        if ending is None:
            continue
        core = _squeeze(line[: -len(ending)])
        if len(core) < 15:
            continue
        after = _squeeze("".join(lines[index + 1 : index + 1 + HEAD_LINES * 4]))
        if after.startswith(core):
            removed.append(lines[index])
            return lines[:index] + lines[index + 1 :]
    return lines


def _looks_like_title(line: str) -> bool:
    """A short heading line: no sentence punctuation at its end."""
    stripped = line.strip()
    return 4 <= len(stripped) <= MAX_JUNK_LEN and stripped[-1] not in _SENTENCE_END + "…."


def _drop_repeated_title(lines: list[str], removed: list[str]) -> list[str]:
    """Keep the first line once when the same heading is repeated near the top."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or not _looks_like_title(lines[first]):
        return lines
    title = lines[first].strip()
    out = lines[: first + 1]
    for index in range(first + 1, len(lines)):
        if index < first + HEAD_LINES and lines[index].strip() == title:
            removed.append(lines[index])
            continue
        out.append(lines[index])
    return out


# ---- HTML to text ----

# not <form>: ASP.NET sites wrap the whole page, speech included, in one
_DROP_TAGS = {"script", "style", "nav", "header", "footer", "head", "noscript", "template", "svg", "iframe", "aside",
              "select", "button", "textarea"}
_BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
    "tr", "table", "section", "article", "main", "blockquote", "pre", "hr", "figure", "figcaption",
    "center", "address", "body", "html", "caption", "tbody", "thead", "tfoot",
}
_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_HTML_WRAP = re.compile(rf"(?<=[{_CJK}])[ \t\r\f]*\n[ \t\r\n\f]*(?=[{_CJK}])")
# HTML collapses only ASCII whitespace: full-width spaces (　　 indents) are text
_HTML_SPACE = re.compile(r"[ \t\r\n\f]+")
_VOID_TAGS = {"br", "hr", "img", "meta", "link", "input", "wbr", "col", "source", "area", "base"}


class _TextParser(HTMLParser):
    """Collect visible text; block elements become line breaks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.drop: list[str] = []
        self.pre = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        """Enter an element."""
        if self.drop:
            if tag == self.drop[-1] and tag not in _VOID_TAGS:
                self.drop.append(tag)
            return
        if tag in _DROP_TAGS:
            self.drop.append(tag)
        elif tag in ("td", "th"):
            self.parts.append("\t")
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
            self.pre += tag == "pre"

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        """A self-closing element: only <br/> and <hr/> matter."""
        if not self.drop and tag in ("br", "hr"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        """Leave an element."""
        if self.drop:
            if tag == self.drop[-1]:
                self.drop.pop()
            return
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")
            if tag == "pre" and self.pre:
                self.pre -= 1

    def handle_data(self, data: str) -> None:
        """Text: whitespace collapses as a browser would, except inside <pre>."""
        if self.drop:
            return
        if not self.pre:
            # a line break in the source between two hanzi is wrapping, not a space
            data = _HTML_WRAP.sub("", data)
            data = _HTML_SPACE.sub(" ", data)
        self.parts.append(data)


def html_to_text(html: str) -> str:
    """Visible text of an HTML page: scripts, styles, navigation, headers and footers dropped."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    lines = []
    for line in "".join(parser.parts).split("\n"):
        cells = [cell.strip(" ") for cell in line.split("\t")]
        lines.append("\t".join(cell for cell in cells if cell) if len(cells) > 1 else cells[0])
    text = "\n".join(line.rstrip() for line in lines)
    # one paragraph per line, as in the .txt speeches: <p>s and <div>s leave no blank lines
    return re.sub(r"\n{2,}", "\n", text).strip("\n")

