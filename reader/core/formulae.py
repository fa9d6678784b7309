"""Numbered formulae (提法) such as “四张牌”, “9+2”, “一中心六组团”, “三项工程、一项管理”, and where they are spelled out.

A formula is found two ways:
1. quoted: “…” (or 「…」) whose content is a number-led phrase, number+number (9+2, 1+N) or a
   chain of number-led units (一中心六组团); of a quote such as “两圈四区、网络发展” only the
   number-led head is kept;
2. unquoted, only when a definition follows it (做好三个处理：一要…二要…; 四个方面：一是…).
Plain quantities are refused: time and money units (三个月, 三年行动, 十亿), pure numbers (“十四五”,
“2024”), Arabic counts without quotes (3家单位, 11个部门), and a short list of idioms (一盘棋).

A formula that was quoted somewhere is then counted wherever its text stands, quoted or not,
except inside another formula's quotes. A formula of two characters (五治, 三生) is counted only
where quoted: unquoted, such strings are mostly parts of ordinary words.

Dropped approach: counting every "number + measure word + noun" as a formula drowned the real
ones in 三个方面 and 两个轮子; quoting (or defining) is how speeches mark a coined formula.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, NamedTuple

__all__ = ["Definition", "Formula", "find_formulae", "chinese_number"]

_CN = "一二三四五六七八九十两"
_LEAD = _CN + "双千百万"   # numerals that lead named formulae without being counts: 双碳, 千万工程, 万企兴万村
_NUM = rf"(?:[{_LEAD}]{{1,3}}|\d{{1,2}})"
_CJK = "\u4e00-\u9fff"
_QUOTE_RE = re.compile(r"“([^“”\n]{1,24})”|「([^「」\n]{1,24})」")
_PLUS_RE = re.compile(r"\d{1,2}(?:\s*[+＋]\s*(?:\d{1,2}|[NnXx]))+")
_UNIT_RE = re.compile(rf"({_NUM})((?:(?![{_LEAD}])[{_CJK}])+?)(?=[{_LEAD}]|\d|$)")
# A number right after these is part of a bigger number, an ordinal or a date: 十四张, 第一, 2019+2.
_NOT_BEFORE = _CN + "百千万第0123456789.+＋"
# Units that make a number a quantity, a time or money, not a formula.
_QUANTITY_RE = re.compile(r"^(?:年|月|日|天|周|季|时|小时|分|秒|岁|次|届|期|元|角|万|亿|千|百|%|％|公里|米|亩|吨|倍|成|家|人|户|位)")
_IDIOMS = frozenset({"一盘棋", "两会", "四两拨千斤", "一把手", "一体化", "一站式", "一条龙", "一刀切",
                     "三心二意", "五湖四海", "四面八方", "七上八下", "一心一意", "十全十美", "一举两得",
                     "三番五次", "千方百计", "一阵风", "最后一公里", "一方水土养一方人", "一方水土难养一方人",
                     "十个指头弹钢琴", "一分部署九分落实", "千家万户", "千军万马", "百花齐放", "百家争鸣",
                     "双管齐下", "一张蓝图绘到底", "一张蓝图干到底", "两张皮", "多张皮"})
# Places whose names begin with a numeral (四川, 三亚 …): a quote starting with one is not a formula.
_PLACES = ("四川", "三亚", "十堰", "六盘水", "七台河", "九江", "五指山", "三明", "三门峡", "八一", "万州", "千岛湖",
           "六安", "九龙", "三沙", "四平", "百色", "万宁", "双鸭山", "双流", "九寨沟", "三河", "二连浩特", "五家渠",
           "四会", "五常", "三峡", "两江", "九华山", "五台山", "千山", "十三陵")
# Quoted bare numbers that are formulae (“132”, “1310”, “12221”), but never a year or a hotline.
_BARE_RE = re.compile(r"\d{3,5}")
_NOT_BARE = frozenset({"110", "119", "120", "122", "12345", "12315", "12306", "12369", "12388", "96110"})
# "讲三点意见：一、…" announces the speech's own parts, not a formula.
_STRUCTURE = frozenset({"意见", "体会", "看法", "建议", "想法", "要求", "问题", "方面", "部分", "层面", "阶段"})
_MEASURES_FOR_ONE = "个张项条套本批"   # 一张网, 一个目标: a lone 一 needs a measure word
_UNQUOTED_RE = re.compile(
    rf"(?<![{re.escape(_NOT_BEFORE)}])([{_CN}]{{1,2}})([个大项条张种类点件句])([{_CJK}]{{1,4}}?)"
    r"(?=[”]?(?:[：:]|，?(?:即|就是|也就是|包括)))")
# “三级”为市、县、乡三级: 为 right after the quote spells it out too (the items must then add up)
_SEP_RE = re.compile(r"(?:”为|”?[ \t\u3000]*(?:[：:]|，?(?:即|就是|也就是|包括)))[ \t\u3000]*")
_SENTENCE_END = "。！？!?\n"
_CLAUSE_END = "，。；：！？,;:!?\n（("
_MAX_SPAN = 600       # longer spelled-out definitions are shown by their lead sentence and items
_ITEM_GAP = 1500      # furthest an enumeration item (二是…) may follow the previous one
_HEADING_GAP = 8000   # … or a heading (二、, （二）), whose sections are long


class Definition(NamedTuple):
    """Where a speech spells a formula out: doc, span, and the sentence itself."""

    doc_id: int
    start: int
    end: int
    sentence: str


@dataclass
class Formula:
    """A numbered formula with every occurrence and, when a speech spells it out, its definition."""

    text: str
    count: int = 0
    doc_ids: tuple[int, ...] = ()
    occurrences: list[tuple[int, int, int]] = field(default_factory=list)
    definition: Definition | None = None
    items: tuple[str, ...] = ()      # the items the definition lists (高位推进, …)
    quoted: bool = False             # quoted at least once (an unquoted one is known only by its definition)
    reference: str = ""              # the definition the reference model's list of national formulae gives

    def to_dict(self) -> dict:
        """A JSON-ready dict (`duidu formulae --json`)."""
        d = self.definition
        return {"text": self.text, "count": self.count, "doc_ids": list(self.doc_ids),
                "occurrences": [list(o) for o in self.occurrences], "quoted": self.quoted,
                "definition": None if d is None else d._asdict(), "items": list(self.items),
                "reference_definition": self.reference or None}


def chinese_number(numeral: str) -> int | None:
    """The value of 一…九十九 (两 = 2) or of Arabic digits; None when it is not a number."""
    if numeral.isdigit():
        return int(numeral)
    digits = {c: i for i, c in enumerate("一二三四五六七八九", 1)} | {"两": 2}
    if all(c in digits for c in numeral):
        return digits[numeral] if len(numeral) == 1 else None
    tens, _, units = numeral.partition("十")
    if len(numeral) > 3 or "十" in units or (tens and tens not in digits) or (units and units not in digits):
        return None
    return (digits[tens] if tens else 1) * 10 + (digits[units] if units else 0)


def _units(segment: str) -> list[tuple[int, str]] | None:
    """A number-led segment as (number, noun) units (一中心六组团 → [(1, 中心), (6, 组团)]), else None."""
    pos, units = 0, []
    while pos < len(segment):
        m = _UNIT_RE.match(segment, pos)
        if m is None:
            return None
        value = chinese_number(m.group(1))
        if value is None and all(c in _LEAD for c in m.group(1)):
            value = 0                      # a name, not a count: 双碳, 千万工程, 八八战略, 九二共识
        if value is None or _QUANTITY_RE.match(m.group(2)):
            return None
        units.append((value, m.group(2)))
        pos = m.end()
    return units or None


def _formula_head(content: str) -> str | None:
    """The formula a quote holds: its whole content, its number-led head, or None."""
    content = content.strip()
    if content in _IDIOMS or content.startswith(_PLACES):
        return None
    if _BARE_RE.fullmatch(content):
        year = len(content) == 4 and content[:2] in ("19", "20")
        return None if year or content in _NOT_BARE else content
    if _PLUS_RE.fullmatch(content):
        return content
    parts = re.split("([、，,])", content)
    kept = ""
    for i in range(0, len(parts), 2):
        units = _units(parts[i])
        if not units or not _plausible(units):
            break
        kept += (parts[i - 1] if i else "") + parts[i]
    return kept or None


def _plausible(units: list[tuple[int, str]]) -> bool:
    """Refuse a lone 一 without a measure word (一发动全身) and over-long nouns."""
    if len(units) == 1:
        value, noun = units[0]
        if len(noun) > 6 or (value == 1 and noun[0] not in _MEASURES_FOR_ONE):
            return False
    return all(len(noun) <= 6 for _, noun in units)


def _total(text: str) -> int:
    """How many items a formula announces: 五个推进 → 5, 三项工程、一项管理 → 4, 9+2 → 11."""
    if _PLUS_RE.fullmatch(text):
        return sum(int(n) for n in re.findall(r"\d+", text))
    return sum(v for part in re.split("[、，,]", text) for v, _ in (_units(part) or []))


def _sentence_start(text: str, pos: int) -> int:
    return max(text.rfind(c, 0, pos) for c in _SENTENCE_END) + 1


def _sentence_end(text: str, pos: int) -> int:
    ends = [i for i in (text.find(c, pos) for c in _SENTENCE_END) if i >= 0]
    return min(ends) + 1 if ends else len(text)


def _enumeration(text: str, pos: int, n: int) -> tuple[int, list[str]] | None:
    """Items 一是/一要/第一/（一）/一、 … counted up to n from pos; (end, item titles) when all n are there."""
    head = text[pos:pos + 12].lstrip()
    at = pos + len(text[pos:pos + 12]) - len(head)
    for style, gap in ((r"{}是", _ITEM_GAP), (r"{}要", _ITEM_GAP), (r"第{}[，、]", _ITEM_GAP),
                       (r"[（(]{}[）)]", _HEADING_GAP), (r"{}、", _HEADING_GAP)):
        if not re.match(style.format("一"), head):
            continue
        items, cursor = [], at
        for k in range(1, n + 1):
            m = re.compile(style.format(_numeral(k))).search(text, cursor, cursor + gap + 1)
            if m is None:
                return None
            stop = re.search(r"[，。；：！？\n]", text[m.end():m.end() + 40])
            items.append(text[m.end():m.end() + (stop.start() if stop else 40)])
            cursor = m.end()
        return _sentence_end(text, cursor), items
    return None


def _numeral(k: int) -> str:
    names = "一二三四五六七八九十"
    return names[k - 1] if k <= 10 else "十" + names[k - 11]


def _listed_after(text: str, pos: int, n: int, loose: bool) -> tuple[int, list[str]] | None:
    """A 、-list from pos to the clause's end with n items (or 2+ after 即 when loose)."""
    stop = min([i for i in (text.find(c, pos) for c in "，。；）)\n") if i >= 0] or [len(text)])
    items = [p for p in re.split("、|和|及", text[pos:stop]) if p.strip()]
    if re.match(rf"[{_CN}][、是要]", text[pos:pos + 2]) or any(len(i) > 20 for i in items):
        return None   # an enumeration that did not add up, or prose: not a list
    if len(items) == n or (loose and len(items) >= 2):
        return stop, items
    return None


def _listed_before(text: str, pos: int, formula: str) -> tuple[int, list[str]] | None:
    """The items of a 、-list standing right before pos (功能品质、环境品质…“四个品质”): (clause start, items).

    Only for one number and one noun, and only when the items echo the noun (水资源…“四水同治”) or
    a measure word says the noun counts things (“四条路径”): otherwise any list just before a quote
    would do (多中心、组团式、集约化“三生”).
    """
    units = _units(formula)
    if not units or len(units) != 1 or units[0][0] < 2:
        return None
    lo = max(text.rfind(c, 0, pos) for c in _CLAUSE_END) + 1
    items = text[lo:pos].split("、")
    if len(items) != units[0][0] or not all(items) or any(len(i) > 20 for i in items):
        return None
    noun = units[0][1]
    echoed = all(set(i) & set(noun) for i in items)
    if echoed or noun[0] in _MEASURES_FOR_ONE + "大级篇种类":
        return lo, [_without_lead(items[0], items[1:])] + items[1:]
    return None


# Verbs that open the clause a list stands in (坚持城市功能品质、环境品质…): not part of the first item.
_LEADS = ("提出要构建", "统筹做好", "持续开展", "二是加大", "一是加大", "坚持", "按照", "实行", "开展", "加大",
          "推进", "构建", "做好", "实施", "打造", "推动", "加快", "强化", "围绕", "突出", "统筹", "提出", "实现")


def _without_lead(first: str, others: list[str]) -> str:
    """The first item of a list without the verb its clause opens with (统筹做好规划 → 规划)."""
    longest = max((len(o) for o in others), default=len(first))
    if len(first) <= longest + 1:
        return first
    cut = max((first.rfind(lead) + len(lead) for lead in _LEADS if lead in first), default=0)
    trimmed = first[cut:] if cut < len(first) else first
    return trimmed if len(trimmed) <= longest + 2 else trimmed[-longest:]


def _definition_at(doc_id: int, text: str, start: int, end: int, formula: str
                   ) -> tuple[int, Definition, tuple[str, ...]] | None:
    """A definition around one occurrence (start:end is the formula, quotes excluded), ranked."""
    n = _total(formula)
    sep = _SEP_RE.match(text, end)
    if sep and n >= 2:
        found = _enumeration(text, sep.end(), n)
        rank = 0
        if found is None:
            found = _listed_after(text, sep.end(), n, loose="即" in sep.group())
            rank = 1
        if found is not None:
            lo, (hi, items) = _sentence_start(text, start), found
            if hi - lo > _MAX_SPAN:
                hi = _sentence_end(text, sep.end())
            items = [i.strip() for i in items]
            if len(items[-1]) > len(formula) and items[-1].endswith(formula):
                items[-1] = items[-1][:-len(formula)]      # 市、县、乡三级 → 乡
            return rank, Definition(doc_id, lo, hi, text[lo:hi]), tuple(items)
    quote = start - 1 if start and text[start - 1] in "“「" else start
    before = _listed_before(text, quote, formula)
    if before is not None:
        lo, hi = before[0], _sentence_end(text, end)
        hi = hi if hi - lo <= _MAX_SPAN else end + 1
        return 2, Definition(doc_id, lo, hi, text[lo:hi]), tuple(before[1])
    return None


def find_formulae(documents: Iterable[tuple[int, str]]) -> list[Formula]:
    """Every numbered formula of the documents, most widespread first; pass them in date order
    so that the definition chosen among equals is the earliest."""
    docs = list(documents)
    found: dict[str, Formula] = {}
    quoted_spans: dict[int, list[tuple[int, int, str]]] = {}
    for doc_id, text in docs:
        spans = quoted_spans.setdefault(doc_id, [])
        for m in _QUOTE_RE.finditer(text):
            group = 1 if m.group(1) is not None else 2
            head = _formula_head(m.group(group))
            if head is None:
                continue
            start = m.start(group) + (len(m.group(group)) - len(m.group(group).lstrip()))
            spans.append((start, start + len(head), head))
            found.setdefault(head, Formula(head, quoted=True))
        for m in _UNQUOTED_RE.finditer(text):
            phrase = m.group(0)
            if _formula_head(phrase) != phrase or phrase in found or m.group(3) in _STRUCTURE:
                continue
            if _definition_at(doc_id, text, m.start(), m.end(), phrase):
                found[phrase] = Formula(phrase)
    known = _known()
    if known:
        # national formulae need no quotes or definition to be recognised (五位一体, 三大攻坚战);
        # one pass per text, through a lookahead so that overlapping names are all seen
        pattern = re.compile("(?=(" + "|".join(map(re.escape, sorted(known, key=len, reverse=True))) + "))")
        for _doc_id, text in docs:
            for m in pattern.finditer(text):
                if m.group(1) not in found and (not m.start() or text[m.start() - 1] not in _NOT_BEFORE):
                    found[m.group(1)] = Formula(m.group(1), quoted=True)
    _collect(found, docs, quoted_spans)
    for formula in found.values():
        entry = known.get(formula.text)
        if entry is None:
            continue
        formula.reference = entry.definition
        # items read from the text that name none of the known ones were parsed wrong (东 / 中 / 西)
        if entry.items and not any(k in item or (len(item) >= 2 and item in k)
                                   for k in entry.items for item in formula.items):
            formula.items = entry.items
    out = [f for f in found.values() if f.occurrences]
    out.sort(key=lambda f: (-len(f.doc_ids), -f.count, f.text))
    return out


_SUBJECT_RE = re.compile(r"([\u4e00-\u9fff]{2,8}?)(?:要|是|作为|以)")


def _explained_at(doc_id: int, text: str, start: int, end: int, formula: str
                  ) -> tuple[int, Definition, tuple[str, ...]] | None:
    """A looser definition, ranked last: the sentence after the formula names its parts one by one
    (“三大板块”…。其中，洛北城区要…；洛南城区要…), or the sentence's subject is one of its units
    (中心城区是实施“一中心六组团”城市发展战略的龙头)."""
    lo, hi = _sentence_start(text, start), _sentence_end(text, end)
    follow = text[hi:_sentence_end(text, hi)] if hi < len(text) else ""
    if follow.lstrip().startswith("其中"):
        subjects = []
        for clause in follow.lstrip()[2:].lstrip("，,").split("；"):
            m = _SUBJECT_RE.match(clause)
            if m:
                subjects.append(m.group(1))
        if len(subjects) >= 2:
            stop = hi + len(follow)
            stop = stop if stop - lo <= _MAX_SPAN else hi
            return 3, Definition(doc_id, lo, stop, text[lo:stop]), tuple(subjects)
    nouns = [noun for _, noun in (_units(formula) or []) if len(noun) >= 2]
    subject = _SUBJECT_RE.match(text, lo)
    if nouns and subject and subject.end() <= start and any(n in subject.group(1) for n in nouns) \
            and formula not in subject.group(1) and hi - lo <= _MAX_SPAN:
        return 4, Definition(doc_id, lo, hi, text[lo:hi]), ()
    return None


def _known() -> dict:
    """The reference model's national formulae by term (empty without a model)."""
    from reader.core.reuse.reference import reference_model

    model = reference_model()
    return {} if model is None else {f.term: f for f in model.formulae}


def _collect(found: dict[str, Formula], docs: list[tuple[int, str]],
             quoted_spans: dict[int, list[tuple[int, int, str]]]) -> None:
    """Fill in every formula's occurrences and choose its best definition."""
    best: dict[str, tuple] = {}
    for order, (doc_id, text) in enumerate(docs):
        spans = quoted_spans[doc_id]
        for formula in found.values():
            hits = _occurrences(text, formula, spans)
            for start, end in hits:
                formula.occurrences.append((doc_id, start, end))
                defined = _definition_at(doc_id, text, start, end, formula.text)
                if defined is None and best.get(formula.text, ((9,),))[0][0] > 3:
                    # the looser readings only while nothing better (or earlier) was found
                    defined = _explained_at(doc_id, text, start, end, formula.text)
                if defined is not None:
                    key = (defined[0], order, start)
                    if formula.text not in best or key < best[formula.text][0]:
                        best[formula.text] = (key, defined[1], defined[2])
    for formula in found.values():
        formula.count = len(formula.occurrences)
        formula.doc_ids = tuple(sorted({d for d, _, _ in formula.occurrences}))
        if formula.text in best:
            formula.definition, formula.items = best[formula.text][1], best[formula.text][2]


def _occurrences(text: str, formula: Formula, spans: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Spans of a formula in one text: quoted ones, plus literal ones for quoted formulae of 3+ characters."""
    own = [(s, e) for s, e, t in spans if t == formula.text]
    if formula.quoted and len(formula.text) < 3:
        return own
    others = [(s, e) for s, e, t in spans if t != formula.text]
    hits, at = set(own), text.find(formula.text)
    while at >= 0:
        end = at + len(formula.text)
        before = text[at - 1] if at else ""
        after = text[end] if end < len(text) else ""
        clean = (before not in _NOT_BEFORE or not before) and not (after.isdigit() or after in "+＋")
        inside = any(s <= at and end <= e for s, e in others)
        if clean and not inside and (formula.quoted or _definition_at(0, text, at, end, formula.text)):
            hits.add((at, end))
        at = text.find(formula.text, end)
    return sorted(hits)
