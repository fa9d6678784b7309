"""Scan a speech for its structure cues: heading markers (一、 （一） 第一， 一是 1.), where the body ends
(the closing paragraph 同志们，…) and the appendices after it. outline.py builds the tree from them.

Appendices, attachments, glossaries and notes (附件1 十件民生实事, 名词解释, Word's 脚注) are parts
of their own after the body: their lists restart at 一、 or 1., and nested under the last heading
or taken for more top-level headings they would break the speech's outline.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

SPACE = "[ \t\u3000\xa0\ufeff]*"
_SPACE = SPACE
_NUMERAL = "[一二三四五六七八九十]{1,3}"
_SENTENCE_END = "。！？；：!?;:"


def _marker_pattern(boundary: str, anywhere: str = "") -> re.Pattern:
    """The marker regex: a marker after a line start, after one of `boundary`, or matching `anywhere`."""
    return re.compile(
        rf"(?:(?P<line>^)|(?<=[{boundary}]){anywhere}){_SPACE}(?P<marker>"
        rf"(?P<dun>(?P<dun_n>{_NUMERAL})、)"
        rf"|(?P<paren>[（(](?P<paren_n>{_NUMERAL})[）)])"
        rf"|(?P<part>第(?P<part_n>{_NUMERAL})个?(?P<noun>问题|方面|部分))(?P<part_sep>[：:，,、]?)"
        rf"|(?P<di>第(?P<di_n>{_NUMERAL})[，,、])"
        rf"|(?P<verb>(?P<verb_n>{_NUMERAL})(?P<verb_w>[是要]))(?![一二三四五六七八九十、，,。；;：:])"
        r"|(?P<pdigit>[（(](?P<pdigit_n>\d{1,2})[）)])"
        r"|(?P<digit>(?P<digit_n>\d{1,2})(?P<digit_sep>[.．、]))(?![\d.．])"
        r")",
        re.MULTILINE,
    )


@cache
def _marker_re(run_on: bool = False) -> re.Pattern:
    """The heading-marker regex (compiled on first use: the app starts without parsing any outline).
    run_on: the text is joined into one line, so a heading runs straight into its body ("…的领导（一）健全…",
    "…“护航员”一要…"): there a closing quote or bracket also ends a heading, and （一） counts wherever it stands."""
    if run_on:
        return _marker_pattern(_SENTENCE_END + "”’」』）)》", rf"|(?=[（(]{_NUMERAL}[）)])")
    return _marker_pattern(_SENTENCE_END)


_MARKER_KINDS = ("dun", "paren", "part", "di", "verb", "pdigit", "digit")   # the regex's alternatives
_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九", start=1)}
_CLOSING = (rf"(?:(?P<line>^)|(?<=[。！？!?])){SPACE}(?P<salute>同志们[，,！!])", re.MULTILINE)
# an appendix, attachment, glossary or notes heading on a line of its own: 附件1 十件民生实事, 名词解释
_APPENDIX = (rf"^{SPACE}(?P<label>(?:附件|附录|附表)\s*[0-9０-９一二三四五六七八九十]{{0,3}}|名词解释|名词注释|注释|脚注|尾注)"
             r"(?P<title>[ \t\u3000:：]*[^\n。！？；]{0,40})$", re.MULTILINE)
# appendices are looked for only after this share of the text (a notice lists its attachments at the top)
APPENDIX_MIN_SHARE = 0.25
# a list item at a line start: the line after "附件1" that starts one is not the appendix's name
_LIST_MARKER = (r"[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、]", 0)


@cache
def _compiled(pattern: tuple[str, int]) -> re.Pattern:
    return re.compile(*pattern)


def appendix_starts(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end of its heading, label, title) of each appendix, glossary or notes part after the body.

    Only short heading lines in the last three quarters of the text count: a speech that mentions
    an attachment in a sentence (请见附件) or a notice that lists them at its top keeps its outline.
    """
    found = []
    for match in _compiled(_APPENDIX).finditer(text):
        # the notes a Word document's import puts after the body ("脚注" then "[1] …") may outweigh it
        notes = match.group("label") in ("脚注", "尾注") and text.startswith("\n[1] ", match.end())
        if match.start() < APPENDIX_MIN_SHARE * len(text) and not (notes and match.start() > 0):
            continue
        label, title = match.group("label").strip(), match.group("title").strip(" \t\u3000:：")
        title_end = match.end()
        if not title:   # "附件1" alone on its line: the next line names it
            following = re.match(r"\n[ \t\u3000]*([^\n。！？]{1,40})(?=\n|$)", text[title_end:])
            if following and not _compiled(_LIST_MARKER).match(following.group(1)):
                title = following.group(1).strip()
                title_end += following.end()
        found.append((match.start("label"), title_end, label, title))
    return found


def closing_start(text: str, one_line: bool, hi: int) -> int | None:
    """Where the closing paragraph (the last one before `hi` opening with 同志们，) starts, if there is one."""
    found = None
    for match in _compiled(_CLOSING).finditer(text, 0, hi):
        if one_line or match.group("line") is not None:
            found = match.start("salute")
    return found


@dataclass(frozen=True)
class Marker:
    """A possible heading marker found in the text."""

    start: int
    end: int          # after the marker and any separator, where the title begins
    label: str
    style: str
    number: int
    at_line_start: bool
    line: int         # index of the line the marker is on
    line_end: int     # offset of the end of that line


def find_markers(text: str, one_line: bool) -> list[Marker]:
    """Every marker that stands at a line start or after a sentence boundary, in text order."""
    newlines = [m.start() for m in re.finditer("\n", text)]
    markers = []
    for match in _marker_re(one_line).finditer(text):
        found = _read_marker(match)
        if found is None:
            continue
        label, style, number, end = found
        start = match.start("marker")
        line = bisect.bisect_left(newlines, start)
        line_end = newlines[line] if line < len(newlines) else len(text)
        markers.append(Marker(start, end, label, style, number,
                               match.group("line") is not None, line, line_end))
    return markers


def _read_marker(match: re.Match) -> tuple[str, str, int, int] | None:
    """Label, style, number and end of a marker match, or None if its number is not a number."""
    kind = next(name for name in _MARKER_KINDS if match.group(name) is not None)
    label = match.group(kind)
    end = match.end(kind)
    raw = match.group(f"{kind}_n")
    number = int(raw) if kind in ("pdigit", "digit") else _chinese_number(raw)
    if not number:
        return None
    if kind == "part":
        style = "第个" + match.group("noun")
        end = match.end("part_sep")
    elif kind == "di":
        style = "第，"
    elif kind == "verb":
        style = match.group("verb_w")
    elif kind == "digit":
        style = "1、" if match.group("digit_sep") == "、" else "1."
    else:
        style = kind
    return label, style, number, end


def _chinese_number(numeral: str) -> int | None:
    """The value of a Chinese numeral from 一 to 九十九, or None for malformed ones (一一, 十十)."""
    if "十" not in numeral:
        return _DIGITS.get(numeral)
    tens, _, units = numeral.partition("十")
    if (tens and tens not in _DIGITS) or (units and units not in _DIGITS):
        return None
    return _DIGITS.get(tens, 1) * 10 + _DIGITS.get(units, 0)
