"""The outline of a speech: its numbered sections (一、 （一） 第一， 一是 一要 1. （1）) as a tree of offsets.

How levels are found, as in a document outline rather than by a fixed ranking of marker styles:
within a section, the first marker style that forms a proper sequence (一 then 二 …) becomes the
child level, and every style already used by an ancestor is left out below it. Markers count only
at a line start or after a sentence boundary (。！？；：), so 全国第一， 2024年1、2月 and 1.5亿 are
ignored, and a style counts only as a run 1, 2, 3 … (a lone marker only at a line start, with a
short title). A run written inside a paragraph (…：一是…；二是…) stays inside that paragraph: its
items may hold children only there, and a later paragraph's run becomes their sibling; such items
are marked `inline`, and each run of a level is numbered (`run`) so two lists restarting at 一是
under one heading stay two groups. Appendices, attachments, glossaries and notes (附件1, 附录,
名词解释, 脚注) after the body are parts of their own (`part="appendix"`), whose lists restart.

Dropped approach: a global rank (一、 > （一） > 第一， > 一是 > 一要) mis-nests speeches such as
002 (一、 > 一要 > 一是) and 000 (一、 > 第一， beside 二、 > （一） > 一要).
"""

from __future__ import annotations

import bisect
import dataclasses
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from reader.core.outline_scan import Marker as _Marker, appendix_starts, closing_start, find_markers

__all__ = ["Section", "parse_outline", "iter_sections", "section_path", "path_label", "PARSER_VERSION",
           "outline_to_json", "outline_from_json"]

# Bumped whenever parse_outline's answers change: outlines stored with another version are parsed again.
# 2: appendices as parts of their own, inline enumerations marked, restarting runs grouped (issue 15).
PARSER_VERSION = 2

_TITLE_STOP_RE = re.compile(r"[。：:！？!?；;\r\n]")
_COMMA_RE = re.compile("[，,]")
_ENUM_STYLES = frozenset({"第，", "是", "要"})   # enumerations, not headings: shorter titles
_MAX_TITLE = 60
_LOOKBACK = 32   # how many open runs a line-start marker looks through (bounds pathological input)


@dataclass
class Section:
    """One part of a speech: the opening, a numbered heading with its subsections, or the closing."""

    level: int
    label: str
    title: str
    start: int
    end: int
    kind: str
    children: list["Section"] = field(default_factory=list)
    inline: bool = False    # an item of a list written inside a paragraph (…。一是…；二是…)
    part: str = "body"      # "body", or "appendix" for attachments, glossaries and notes after it
    run: int = 0            # which run of numbering among its siblings (two lists restarting at 一是)

    def to_dict(self) -> dict:
        """The section and its subsections as plain data (`duidu outline --json`)."""
        return {
            "level": self.level,
            "label": self.label,
            "title": self.title,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "inline": self.inline,
            "part": self.part,
            "run": self.run,
            "children": [child.to_dict() for child in self.children],
        }


def outline_to_json(sections: list[Section]) -> str:
    """Stored form of an outline, written generically from the dataclass fields (new fields survive)."""
    return json.dumps([dataclasses.asdict(s) for s in sections], ensure_ascii=False, separators=(",", ":"))


def outline_from_json(data: str) -> list[Section]:
    """An outline back from its stored form; fields unknown to this version are ignored."""
    names = {f.name for f in dataclasses.fields(Section)}

    def build(item: dict) -> Section:
        fields = {k: v for k, v in item.items() if k in names and k != "children"}
        return Section(**fields, children=[build(c) for c in item.get("children", ())])

    return [build(item) for item in json.loads(data)]


def parse_outline(text: str) -> list[Section]:
    """The top-level sections of a speech: the opening, the headings (with children), the closing, the appendices."""
    if not text:
        return []
    one_line = "\n" not in text.strip()
    markers = find_markers(text, one_line)
    starts = [m.start for m in markers]
    builder = _LevelBuilder(text, markers, starts, one_line)
    parts = [] if one_line else appendix_starts(text)
    body_end = parts[0][0] if parts else len(text)
    sections = _body(text, builder, body_end, one_line)
    for i, (start, title_end, label, title) in enumerate(parts):
        end = parts[i + 1][0] if i + 1 < len(parts) else len(text)
        part = Section(1, label, title, start, end, "appendix", part="appendix")
        part.children = builder.build(title_end, end, 2, frozenset())
        for section in iter_sections(part.children):
            section.part = "appendix"
        sections.append(part)
    return sections


def _body(text: str, builder: "_LevelBuilder", hi: int, one_line: bool) -> list[Section]:
    """The opening, headings and closing of the text before `hi`."""
    closing = closing_start(text, one_line, hi)
    end = closing if closing is not None else hi
    headings = builder.build(0, end, 1, frozenset())
    if closing is not None and (not headings or builder.continues_after(headings, closing, hi)):
        closing = None
        headings = builder.build(0, hi, 1, frozenset())
    if not headings:
        return [Section(1, "", "", 0, hi, "opening")]
    sections = []
    if headings[0].start > 0:
        sections.append(Section(1, "", "", 0, headings[0].start, "opening"))
    sections.extend(headings)
    if closing is not None:
        sections.append(Section(1, "", "", closing, hi, "closing"))
    return sections


def iter_sections(sections: Iterable[Section]) -> Iterator[Section]:
    """Every section, depth-first, each before its children."""
    for section in sections:
        yield section
        yield from iter_sections(section.children)


def section_path(sections: list[Section], offset: int) -> list[Section]:
    """The chain of sections from the top level down to the innermost one containing `offset`."""
    if sections and offset == sections[-1].end and offset > sections[0].start:
        offset -= 1   # the very end of the text belongs to the last section
    path: list[Section] = []
    level = sections
    while level:
        hit = next((s for s in level if s.start <= offset < s.end), None)
        if hit is None:
            break
        path.append(hit)
        level = hit.children
    return path


def path_label(path: list[Section]) -> str:
    """The markers along a path, such as "二、（三）" or "一、第四"; empty for the opening and the closing.

    A marker's trailing comma or colon (第四， 第一个问题：) is left out: in a citation it reads as
    part of the sentence; 一、 keeps its 、 because that is how the number is written. An appendix
    part names itself first: "附件1 三、".
    """
    return "".join(s.label + " " if s.kind == "appendix" else s.label.rstrip("，,：:")
                   for s in path if s.kind in ("heading", "appendix")).rstrip()


def _run_to_extend(runs: list[list[_Marker]], marker: _Marker) -> int | None:
    """Index of the waiting run this marker continues; a line-start marker prefers runs begun at a line start."""
    if not marker.at_line_start:
        return len(runs) - 1 if runs[-1][-1].line == marker.line else None
    for back in range(1, min(len(runs), _LOOKBACK) + 1):
        if runs[-back][0].at_line_start:
            return len(runs) - back
    return len(runs) - 1


def _title(text: str, marker: _Marker, limit: int) -> str:
    """The heading text after a marker, up to the first stop (。：；！？) or the end of the line."""
    limit = min(limit, marker.line_end)
    stop = _TITLE_STOP_RE.search(text, marker.end, limit)
    title = text[marker.end:stop.start() if stop else limit]
    if marker.style in _ENUM_STYLES and not marker.at_line_start:
        # an item inside a paragraph is named by its first clause: 一是交通优先，…
        comma = _COMMA_RE.search(title, 1)
        if comma:
            title = title[:comma.start()]
    return title.strip(" \t\u3000\xa0\r")[:_MAX_TITLE]


class _LevelBuilder:
    """Builds the sections of one level within a span, then recurses into each of them."""

    def __init__(self, text: str, markers: list[_Marker], starts: list[int], one_line: bool):
        self.text = text
        self.markers = markers
        self.starts = starts
        self.one_line = one_line

    def build(self, lo: int, hi: int, level: int, ancestors: frozenset[str]) -> list[Section]:
        """The sections at `level` between offsets lo and hi, leaving out the ancestors' marker styles."""
        first, last = bisect.bisect_left(self.starts, lo), bisect.bisect_left(self.starts, hi)
        if first == last:
            return []
        pool = [m for m in self.markers[first:last] if m.style not in ancestors and m.end <= hi]
        runs = self._runs(pool)
        if not runs:
            return []
        items, run_of = self._choose_items(runs)
        sections = []
        for i, marker in enumerate(items):
            end = items[i + 1].start if i + 1 < len(items) else hi
            inner_end = end if self._holds_lines(marker) else min(end, marker.line_end)
            section = Section(level, marker.label, self._title(marker, end), marker.start, end, "heading",
                              inline=not self._holds_lines(marker), run=run_of[marker.start])
            section.children = self.build(marker.end, inner_end, level + 1, ancestors | {marker.style})
            sections.append(section)
        return sections

    def continues_after(self, headings: list[Section], offset: int, hi: int) -> bool:
        """Whether the top-level sequence goes on between `offset` and `hi` (so that was no closing paragraph)."""
        last = self.markers[bisect.bisect_left(self.starts, headings[-1].start)]
        after = self.markers[bisect.bisect_left(self.starts, offset):bisect.bisect_left(self.starts, hi)]
        return any(m.style == last.style and m.number == last.number + 1 for m in after)

    def _title(self, marker: _Marker, end: int) -> str:
        """The marker's title, which stops before the next marker (a run-on heading's first child)."""
        following = bisect.bisect_left(self.starts, marker.end)
        if following < len(self.starts):
            end = min(end, self.starts[following])
        return _title(self.text, marker, end)

    def _holds_lines(self, marker: _Marker) -> bool:
        """Whether a section may reach past its own line: headings at a line start do, inline items don't."""
        return marker.at_line_start or self.one_line

    def _runs(self, pool: list[_Marker]) -> list[list[_Marker]]:
        """Sequences 1, 2, 3 … of one style each; inline items continue a run only on the same line."""
        waiting: dict[tuple[str, int], list[list[_Marker]]] = {}   # open runs by (style, next number)
        started = []
        for marker in pool:
            runs = waiting.get((marker.style, marker.number))
            index = _run_to_extend(runs, marker) if runs else None
            if index is not None:
                run = runs.pop(index)
                run.append(marker)
            elif marker.number == 1:
                run = [marker]
                started.append(run)
            else:
                continue
            waiting.setdefault((marker.style, marker.number + 1), []).append(run)
        return [run for run in started if self._is_proper(run)]

    def _is_proper(self, run: list[_Marker]) -> bool:
        """A run of two or more, or a single marker at a line start with a short title."""
        if len(run) > 1:
            return True
        marker = run[0]
        if not marker.at_line_start:
            return False
        reach = min(marker.line_end, marker.end + _MAX_TITLE + 1)
        stop = _TITLE_STOP_RE.search(self.text, marker.end, reach)
        title_end = stop.start() if stop else reach
        return bool(self.text[marker.end:title_end].strip()) and (stop is not None or reach == marker.line_end)

    def _choose_items(self, runs: list[list[_Marker]]) -> tuple[list[_Marker], dict[int, int]]:
        """The markers of this level (the leading style's runs, plus other runs in the gaps they leave),
        and for each marker's start the index of its run in text order."""

        def priority(run: list[_Marker]) -> tuple:
            inline = not run[0].at_line_start
            return (inline, len(run) == 1, inline and run[0].style in _ENUM_STYLES, run[0].start)

        leader = min(runs, key=priority)
        leader_starts = [m.start for m in leader]
        accepted: list[list[_Marker]] = []
        for run in runs:   # in text order, so each accepted run lies after the ones before it
            lo = run[0].start
            if run is leader or lo <= leader_starts[0]:
                continue   # the parent's introduction is the parent's own text
            if lo < leader_starts[-1] or (accepted and lo < accepted[-1][-1].start):
                continue   # it starts inside a run already taken
            if run[0].style != leader[0].style and not all(
                    self._in_gap(m, _nearest_before(m.start, leader, leader_starts, accepted)) for m in run):
                continue   # it lies inside an item, so it belongs to that item's children
            accepted.append(run)
        chosen = sorted([leader, *accepted], key=lambda run: run[0].start)
        run_of = {m.start: index for index, run in enumerate(chosen) for m in run}
        items = sorted((m for run in chosen for m in run), key=lambda m: m.start)
        return items, run_of

    def _in_gap(self, marker: _Marker, nearest: _Marker | None) -> bool:
        """Whether a marker lies beyond the reach of the item before it (an inline item ends with its line)."""
        return nearest is not None and not self._holds_lines(nearest) and nearest.line != marker.line


def _nearest_before(offset: int, leader: list[_Marker], leader_starts: list[int],
                    accepted: list[list[_Marker]]) -> _Marker | None:
    """The item chosen so far that comes closest before `offset`."""
    i = bisect.bisect_left(leader_starts, offset)
    nearest = leader[i - 1] if i else None
    if accepted and accepted[-1][-1].start < offset and (nearest is None or accepted[-1][-1].start > nearest.start):
        nearest = accepted[-1][-1]
    return nearest
