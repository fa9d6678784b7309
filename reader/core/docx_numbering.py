"""Word's automatic list numbering: numbering.xml levels, counted the way Word counts them (一、 （一） 1.).

python-docx leaves the numbers out of `paragraph.text` (python-docx #92); the reader puts them back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from reader.core.docx_package import w

_CN_DIGITS = "〇一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"


@dataclass
class Level:
    """One level of a list: number format, label template ('%1、'), start value, restart rule."""

    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level; 0 = never
    legal: bool = False  # w:isLgl: show every level's number in decimal
    suffix: str = "tab"


@dataclass
class NumberingDefinitions:
    """numbering.xml and the list settings of paragraph styles."""

    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    nums: dict[str, str] = field(default_factory=dict)  # numId -> abstractNumId
    overrides: dict[str, dict[int, Level]] = field(default_factory=dict)
    start_overrides: dict[str, dict[int, int]] = field(default_factory=dict)
    style_numpr: dict[str, tuple[str | None, int | None]] = field(default_factory=dict)

    @classmethod
    def from_xml(cls, numbering: etree._Element | None, styles: etree._Element | None) -> NumberingDefinitions:
        """Parse the numbering and styles parts (either may be missing)."""
        defs = cls()
        if styles is not None:
            defs._read_styles(styles)
        if numbering is None:
            return defs
        links: dict[str, str] = {}
        for abstract in numbering.findall(w("abstractNum")):
            aid = abstract.get(w("abstractNumId"), "")
            defs.abstract[aid] = {_int(lvl.get(w("ilvl")), 0): _level(lvl) for lvl in abstract.findall(w("lvl"))}
            link = _val(abstract, "numStyleLink")
            if link and not defs.abstract[aid]:
                links[aid] = link
        for num in numbering.findall(w("num")):
            nid = num.get(w("numId"), "")
            defs.nums[nid] = _val(num, "abstractNumId") or ""
            for override in num.findall(w("lvlOverride")):
                ilvl = _int(override.get(w("ilvl")), 0)
                start = _int(_val(override, "startOverride"), None)
                if start is not None:
                    defs.start_overrides.setdefault(nid, {})[ilvl] = start
                lvl = override.find(w("lvl"))
                if lvl is not None:
                    defs.overrides.setdefault(nid, {})[ilvl] = _level(lvl)
        # a list style: the abstract definition only points at a style whose numId holds the levels
        for aid, link in links.items():
            nid = defs.style_numpr.get(link, (None, None))[0]
            if nid and defs.nums.get(nid) in defs.abstract:
                defs.abstract[aid] = defs.abstract[defs.nums[nid]]
        return defs

    def _read_styles(self, styles: etree._Element) -> None:
        """Each paragraph style's numId and ilvl, inherited through w:basedOn."""
        own: dict[str, tuple[str | None, int | None]] = {}
        based: dict[str, str] = {}
        for style in styles.findall(w("style")):
            sid = style.get(w("styleId"), "")
            parent = _val(style, "basedOn")
            if parent:
                based[sid] = parent
            numpr = style.find(f"{w('pPr')}/{w('numPr')}")
            if numpr is not None:
                own[sid] = (_val(numpr, "numId"), _int(_val(numpr, "ilvl"), None))
        for sid in set(own) | set(based):
            current, seen = sid, set()
            num_id, ilvl = None, None
            while current and current not in seen:
                seen.add(current)
                cid, clvl = own.get(current, (None, None))
                num_id = num_id if num_id is not None else cid
                ilvl = ilvl if ilvl is not None else clvl
                current = based.get(current)
            self.style_numpr[sid] = (num_id, ilvl)

    def level(self, num_id: str, ilvl: int) -> Level | None:
        """The level definition used by list `num_id` at depth `ilvl`."""
        if ilvl in self.overrides.get(num_id, {}):
            return self.overrides[num_id][ilvl]
        levels = self.abstract.get(self.nums.get(num_id, ""))
        return levels.get(ilvl) if levels else None


class ListCounter:
    """Count list paragraphs per numId and level, and render their labels."""

    def __init__(self, defs: NumberingDefinitions):
        self.defs = defs
        self.counts: dict[str, dict[int, int]] = {}

    def label(self, p: etree._Element) -> str:
        """The label Word shows before paragraph `p` ("一、", "（一）", "1."), or ""."""
        num_id, ilvl = self._numpr(p)
        if not num_id or num_id == "0":
            return ""
        level = self.defs.level(num_id, ilvl)
        if level is None:
            return ""
        counts = self.counts.get(num_id)
        if counts is None:
            counts = self.counts[num_id] = {}
        if ilvl in counts:
            counts[ilvl] += 1
        else:
            counts[ilvl] = self.defs.start_overrides.get(num_id, {}).get(ilvl, level.start)
        for deeper in [d for d in counts if d > ilvl]:
            rule = (self.defs.level(num_id, deeper) or Level()).restart
            if rule is None or (rule != 0 and ilvl < rule):
                del counts[deeper]
        return self._render(num_id, ilvl, level, counts)

    def _numpr(self, p: etree._Element) -> tuple[str | None, int]:
        """numId and ilvl from the paragraph, falling back to its style."""
        ppr = p.find(w("pPr"))
        num_id = ilvl = None
        if ppr is not None:
            numpr = ppr.find(w("numPr"))
            if numpr is not None:
                num_id = _val(numpr, "numId")
                ilvl = _int(_val(numpr, "ilvl"), None)
            style = _val(ppr, "pStyle")
            if style and (num_id is None or ilvl is None):
                s_num, s_lvl = self.defs.style_numpr.get(style, (None, None))
                num_id = num_id if num_id is not None else s_num
                ilvl = ilvl if ilvl is not None else s_lvl
        return num_id, min(max(ilvl or 0, 0), 8)

    def _render(self, num_id: str, ilvl: int, level: Level, counts: dict[int, int]) -> str:
        """Fill %1..%9 of the template with the current counts."""
        if level.fmt == "none":
            return ""
        if level.fmt == "bullet":
            label = "".join("•" if 0xE000 <= ord(ch) <= 0xF8FF else ch for ch in level.text)
        else:
            def fill(match: re.Match) -> str:
                """One %n placeholder, in its own level's number format."""
                depth = int(match.group(1)) - 1
                lvl = self.defs.level(num_id, depth) or Level()
                value = counts.get(depth, lvl.start)
                fmt = "decimal" if level.legal and depth < ilvl else lvl.fmt
                return format_number(value, fmt)

            label = re.sub(r"%([1-9])", fill, level.text)
        if not label:
            return ""
        if level.suffix == "space" or (level.suffix == "tab" and label[-1].isalnum()):
            label += " "  # Word puts a tab here; in plain text a space reads better
        return label


def _val(element: etree._Element, child: str, default: str | None = None) -> str | None:
    """The w:val attribute of a child element."""
    node = element.find(w(child))
    return default if node is None else node.get(w("val"), default)


def _int(raw: str | None, default: int | None) -> int | None:
    """An integer attribute, or `default` when missing or malformed."""
    try:
        return int(raw) if raw is not None else default
    except ValueError:
        return default


def _level(lvl: etree._Element) -> Level:
    """Parse one w:lvl."""
    legal = lvl.find(w("isLgl"))
    return Level(
        fmt=_val(lvl, "numFmt", "decimal") or "decimal",
        text=_val(lvl, "lvlText", "") or "",
        start=_int(_val(lvl, "start"), 1),
        restart=_int(_val(lvl, "lvlRestart"), None),
        legal=legal is not None and legal.get(w("val"), "true") not in ("0", "false", "off"),
        suffix=_val(lvl, "suff", "tab") or "tab",
    )


def format_number(value: int, fmt: str) -> str:
    """Render a list counter in a Word number format (chineseCounting 11 -> 十一)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting",
               "taiwaneseCounting", "koreanCounting", "ideographLegalTraditional"):
        return chinese_count(value)
    if fmt == "chineseLegalSimplified":
        return chinese_count(value, _CN_LEGAL, "拾佰仟")
    if fmt in ("ideographTraditional",):
        return _TIANGAN[(value - 1) % 10]
    if fmt == "ideographZodiac":
        return _DIZHI[(value - 1) % 12]
    if fmt in ("ideographDigital", "japaneseDigitalTenThousand", "taiwaneseDigital"):
        return "".join(_CN_DIGITS[int(d)] for d in str(value))
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(0xFF10 + int(d)) for d in str(value))
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= value <= 20:
        return chr(0x2460 + value - 1)
    if fmt == "decimalEnclosedParen" and 1 <= value <= 20:
        return chr(0x2474 + value - 1)
    if fmt == "decimalEnclosedFullstop" and 1 <= value <= 20:
        return chr(0x2488 + value - 1)
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(value)


def chinese_count(value: int, digits: str = _CN_DIGITS, units: str = "十百千") -> str:
    """Chinese counting numerals: 1 -> 一, 10 -> 十, 21 -> 二十一, 105 -> 一百零五."""
    if value <= 0 or value >= 10000:
        return str(value)
    zero = "零" if digits is _CN_DIGITS else digits[0]
    out = ""
    parts = [(value // 1000, units[2]), (value // 100 % 10, units[1]), (value // 10 % 10, units[0]), (value % 10, "")]
    pending_zero = False
    for digit, unit in parts:
        if digit == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out += zero
            pending_zero = False
        out += digits[digit] + unit
    if 10 <= value < 20 and digits is _CN_DIGITS:
        out = out[1:]  # 十一, not 一十一
    return out


def _roman(value: int) -> str:
    """Roman numerals for 1..3999."""
    if not 0 < value < 4000:
        return str(value)
    out = ""
    for amount, symbol in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while value >= amount:
            out += symbol
            value -= amount
    return out
