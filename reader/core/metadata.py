"""Guess a speech's title, date, place and speaker from its opening lines.

Conservative: only the heading, a byline ("——张三同志在……") and a date line under the title
are read, never the body, and anything doubtful or written as a placeholder (X, XX, **, ××)
stays None.
"""

from __future__ import annotations

import re

# how many non-empty lines at the top may hold the title, byline and date line
HEAD_LINES = 5

# simplified and traditional forms (a Big5 file says 講話, 報告)
_TITLE_END = r"(?:[讲講][话話](?:稿|提[纲綱])?|[发發]言稿?|致[辞辭]|[贺賀][词詞]|主持[词詞]|[报報]告)"
_TITLE = re.compile(rf"^(?P<title>[^。！？!?：:]{{2,80}}?{_TITLE_END})(?:\s*[（(][^（()）]{{1,24}}[)）])?$")
_PLACEHOLDER = re.compile(r"[XＸxｘ×＊*□○△某]|[Xx]{2}")
_CN_NUM = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "Ｏ": 0, "O": 0}
_YEAR = r"(?P<y>(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})"
_FULL_DATE = re.compile(_YEAR + r"\s*年\s*(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:\s*(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日)?")
_YEAR_ONLY = re.compile(_YEAR + r"\s*年")
_ISO_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-./](\d{1,2})[-./](\d{1,2})(?!\d)")
_DATE_LINE = re.compile(r"^[（(]?\s*[^\s，。]{0,12}?\s*(?:(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*[年\-./][^。！？]{0,20}[)）]?$")
_PLACE_SUFFIX = "省市县区州盟旗縣區"
# a place never starts with 在 ("在全县" is "at the whole county"): the lookahead stops the regex backtracking into it
_PLACE = re.compile(rf"(?:^在?|(?<=[在于到—、，（(]))(?!在)(?P<place>[\u4e00-\u9fff]{{2,5}}?[{_PLACE_SUFFIX}])")
_NOT_PLACES = {"城市", "都市", "超市", "门市", "集市", "股市", "楼市", "上市", "夜市", "城区", "社区", "园区",
               "片区", "景区", "地区", "辖区", "市区", "郊区", "山区", "街区", "矿区", "库区", "湾区", "新区"}
_NOT_PLACE_START = set("全我本各该此其两三四五六七八九十多省市县区某新")
# the salutation that opens the body: nothing below it is read
_SALUTATION = ("同志们", "各位", "女士们", "尊敬的")
# a title is at least this long ("告" alone is the end of a title wrapped onto two lines)
MIN_TITLE = 4
_BYLINE = re.compile(r"^[（(]?\s*[—─-]{1,2}\s*(?P<who>[^，。、\s]{2,24}?)\s*同志\s*在")
_ROLE_END = re.compile(r"^.*(?:书记|省长|市长|县长|区长|州长|主任|部长|局长|厅长|主席|秘书长|委员|常委|总理|会长|院长|校长|镇长|乡长|理事长|董事长|总经理)")


def guess_metadata(text: str) -> dict:
    """{'title', 'date', 'place', 'speaker'} read from the top of the speech; unknown values are None."""
    head = []
    for line in (line.strip() for line in text.split("\n")):
        if line.startswith(_SALUTATION) or len(head) == HEAD_LINES:
            break
        if line:
            head.append(line)
    bylines = [line for line in head if _BYLINE.match(line) or _is_dash_byline(line)]
    title = _title(head, bylines)
    return {
        "title": title,
        "date": _date(head, title, bylines),
        "place": _place(([title] if title else []) + bylines),
        "speaker": _speaker(head, title),
    }


def _is_dash_byline(line: str) -> bool:
    """A "——2021年3月5日在……会议上" line: short, no full stop (a dashed list item in the body has one)."""
    return line.startswith(("——", "—")) and len(line) <= 60 and not re.search("[。！？]", line)


def _title(head: list[str], bylines: list[str]) -> str | None:
    """The first heading-like line that names a speech ("在……会议上的讲话"), or the line above a byline.

    A title wrapped onto two lines ("政府工作报" / "告") is joined when the join names a speech.
    """
    for index, line in enumerate(head):
        if line in bylines:
            continue
        below = head[index + 1] if index + 1 < len(head) else ""
        if below and below not in bylines and len(below) < MIN_TITLE and _TITLE.match(line + below):
            return line + below
        if len(line) < MIN_TITLE:
            continue
        if below in bylines and len(line) <= 40 and not re.search(r"[。！？：:]", line):
            return line
        if _TITLE.match(line):
            return line
    return None


def _date(head: list[str], title: str | None, bylines: list[str]) -> str | None:
    """The speech's date from the title, a byline or a date line under it, as ISO text."""
    candidates = [line for line in (title, *bylines) if line]
    for line in head:
        if _DATE_LINE.match(line) and line not in candidates:
            candidates.append(line)
    for line in candidates:
        found = _date_in(line)
        if found:
            return found
    return None


def _date_in(line: str) -> str | None:
    """ISO date from one line, or None when it holds none or several different years."""
    years = {_to_int(m.group("y")) for m in _YEAR_ONLY.finditer(line)}
    years |= {int(m) for m in re.findall(r"(?<!\d)(?:19|20)\d{2}(?!\d)", line)}
    if len(years) != 1:
        return None  # "2024—2026年" is a plan's span, not the day of the speech
    year = years.pop()
    if not 1949 <= year <= 2100:
        return None
    full = _FULL_DATE.search(line)
    if full:
        month, day = _to_int(full.group("m")), _to_int(full.group("d")) if full.group("d") else None
        if 1 <= month <= 12:
            if day and 1 <= day <= 31:
                return f"{year:04d}-{month:02d}-{day:02d}"
            return f"{year:04d}-{month:02d}"
    iso = _ISO_DATE.search(line)
    if iso and 1 <= int(iso.group(2)) <= 12 and 1 <= int(iso.group(3)) <= 31:
        return f"{year:04d}-{int(iso.group(2)):02d}-{int(iso.group(3)):02d}"
    return f"{year:04d}"


def _to_int(raw: str) -> int:
    """Arabic digits, digit-by-digit hanzi (二〇二四) or counting hanzi (十二, 二十五)."""
    if raw.isdigit() and raw.isascii():
        return int(raw)
    if "十" in raw:
        tens, _, ones = raw.partition("十")
        return (_CN_NUM.get(tens, 1) if tens else 1) * 10 + (_CN_NUM.get(ones, 0) if ones else 0)
    return int("".join(str(_CN_NUM.get(ch, 0)) for ch in raw))


def _place(lines: list[str]) -> str | None:
    """A real place name ("郑州市") named in the title or byline; placeholders give None."""
    for line in lines:
        for match in _PLACE.finditer(line):
            place = match.group("place")
            if _PLACEHOLDER.search(place) or place[0] in _NOT_PLACE_START:
                continue
            if any(place.endswith(word) for word in _NOT_PLACES):
                continue
            return place
    return None


def _speaker(head: list[str], title: str | None) -> str | None:
    """The name in a "——张三同志在……" byline (or in the title itself), without the office."""
    for line in head:
        match = _BYLINE.match(line)
        if match is None and line == title and "——" in line:
            match = _BYLINE.match(line[line.index("——"):])
        if match is None:
            continue
        who = _ROLE_END.sub("", match.group("who")).strip()
        if 2 <= len(who) <= 4 and not _PLACEHOLDER.search(who) and re.fullmatch(r"[\u4e00-\u9fff·]+", who):
            return who
    return None
