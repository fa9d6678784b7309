"""What each cell of a synoptic (对照) table shows: its text cut into kept, deleted and inserted pieces.

The view, the Word table and the clipboard HTML all draw from here, so they mark the same
characters. A changed pair is diffed with diff-match-patch on the two sentences only (short
texts: fast and exact with no timeout). Its semantic clean-up can swallow a long shared run
between larger edits (PITFALLS), so the clean-up here is our own: a short equal run (under
LONG_EQUAL characters) is folded into the edits around it when they are longer; a longer one is
never touched. The table's lines are grouped under a section row wherever the aligned top-level
sections (reader.core.align) advance. The HTML of the table is reader.core.synoptic_html.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from reader.core.outline import Section
from reader.core.reuse.normalize import PLACEHOLDER, normalize
from reader.core.sentence_align import Row, SentenceAlignment

DELETE, EQUAL, INSERT = -1, 0, 1
LONG_EQUAL = 4          # an equal run this long always shows as kept
MAX_PAIR_CHARS = 4_000  # a longer pair is shown as replaced: with no timeout its diff could take seconds

# piece marks: "" kept, "del" deleted from A, "ins" inserted in B, "quiet" a punctuation or
# placeholder difference shown plain, "a_only"/"b_only"/"moved" a whole unmatched sentence
Piece = tuple[str, str]


@lru_cache(maxsize=8192)
def _cached_diff(a: str, b: str) -> tuple[tuple[int, str], ...]:
    return tuple(_pair_diff(a, b))


def pair_diff(a: str, b: str) -> list[tuple[int, str]]:
    """(op, text) turning a into b (cached: the view redraws the same pairs when an option changes)."""
    return list(_cached_diff(a, b))


def _pair_diff(a: str, b: str) -> list[tuple[int, str]]:
    """(op, text) turning a into b, with short equal runs folded into longer edits around them."""
    if a == b:
        return [(EQUAL, a)] if a else []
    if len(a) + len(b) > MAX_PAIR_CHARS:
        return [(op, t) for op, t in ((DELETE, a), (INSERT, b)) if t]
    from diff_match_patch import diff_match_patch

    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    return fold_short_equalities(dmp.diff_main(a, b, False))


def fold_short_equalities(diffs: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Fold each equal run shorter than LONG_EQUAL into its neighbouring edits when both are longer."""
    blocks: list[list] = []          # ["=", text] or ["~", deleted, inserted]
    for op, text in diffs:
        if not text:
            continue
        if op == EQUAL:
            if blocks and blocks[-1][0] == "=":
                blocks[-1][1] += text
            else:
                blocks.append(["=", text])
        else:
            if not blocks or blocks[-1][0] != "~":
                blocks.append(["~", "", ""])
            blocks[-1][1 if op == DELETE else 2] += text
    changed = True
    while changed:
        changed = False
        for k in range(1, len(blocks) - 1):
            before, equal, after = blocks[k - 1], blocks[k], blocks[k + 1]
            if equal[0] != "=" or len(equal[1]) >= LONG_EQUAL:
                continue
            if len(equal[1]) < max(len(before[1]), len(before[2])) and len(equal[1]) < max(len(after[1]), len(after[2])):
                blocks[k - 1:k + 2] = [["~", before[1] + equal[1] + after[1], before[2] + equal[1] + after[2]]]
                changed = True
                break
    out = []
    for block in blocks:
        if block[0] == "=":
            out.append((EQUAL, block[1]))
        else:
            out += [(op, t) for op, t in ((DELETE, block[1]), (INSERT, block[2])) if t]
    return out


def prepare_cells(alignment: SentenceAlignment) -> None:
    """Diff every changed pair now (the view calls this on its worker thread): drawing then only looks them up."""
    for row in alignment.rows:
        if row.kind == "changed":
            pair_diff(alignment.text_a[row.a[0]:row.a[1]], alignment.text_b[row.b[0]:row.b[1]])


def is_mark_only(text: str) -> bool:
    """True when a piece holds no wording: only punctuation, spaces or anonymising placeholders."""
    return all(int(k) == PLACEHOLDER for k in normalize(text).keys)


def row_pieces(alignment: SentenceAlignment, row: Row, quiet: bool = False) -> tuple[list[Piece], list[Piece]]:
    """The left and right cells of a row as (text, mark) pieces; quiet shows punctuation-only edits plain."""
    left_text = alignment.text_a[row.a[0]:row.a[1]] if row.a else ""
    right_text = alignment.text_b[row.b[0]:row.b[1]] if row.b else ""
    if row.kind == "same":
        return [(left_text, "")], [(right_text, "")]
    if row.kind != "changed":
        mark = "moved" if row.kind == "moved" else "a_only" if row.a else "b_only"
        return ([(left_text, mark)] if row.a else []), ([(right_text, mark)] if row.b else [])
    left: list[Piece] = []
    right: list[Piece] = []
    for op, text in pair_diff(left_text, right_text):
        if op == EQUAL:
            left.append((text, ""))
            right.append((text, ""))
        else:
            mark = "quiet" if quiet and is_mark_only(text) else ("del" if op == DELETE else "ins")
            (left if op == DELETE else right).append((text, mark))
    return left, right


Line = tuple[int | None, int | None]   # the rows shown on the left and on the right of a table line


@dataclass
class Group:
    """Table lines under one section row: the captions of the two aligned sections.

    heading is set when the first line is the two sections' own heading lines: that line is then
    shown as the section row, rather than the same words twice.
    """

    caption_a: str
    caption_b: str
    lines: list[Line] = field(default_factory=list)
    heading: bool = False

    @property
    def rows(self) -> list[int]:
        """The alignment rows drawn in this group, in table order."""
        return [k for line in self.lines for k in dict.fromkeys(line) if k is not None]

    def caption(self) -> str:
        """The section row's text: one caption, or the two joined by ↔ (a dash for a side with none)."""
        if self.caption_b == self.caption_a:
            return self.caption_a
        return f"{self.caption_a or '—'} ↔ {self.caption_b or '—'}"


def _heads_both(alignment: SentenceAlignment, line: Line, section_a: Section | None,
                section_b: Section | None) -> bool:
    """Whether a line pairs the heading lines of two numbered sections."""
    row = alignment.rows[line[0]] if line[0] is not None and line[0] == line[1] else None
    return (row is not None and section_a is not None and section_b is not None
            and section_a.kind == section_b.kind == "heading"
            and row.a[0] == section_a.start and row.b[0] == section_b.start)


def section_caption(section: Section | None, lang: str | None = None) -> str:
    """A section's marker and title, or the name of the opening or closing part."""
    from reader.core.locale import pick

    if section is None:
        return ""
    if section.kind == "opening":
        return pick("Opening", "开头", lang)
    if section.kind == "closing":
        return pick("Closing", "结尾", lang)
    return f"{section.label}{section.title}"


def group_rows(alignment: SentenceAlignment, sections_a: list[Section], sections_b: list[Section],
               lang: str | None = None, pairs: list[tuple[Section, Section]] | None = None) -> list[Group]:
    """The table's lines grouped by top-level section, a new section row only where the sections advance.

    pairs are the outline alignment's pairs (reader.core.align): a paired section's row names both
    headings; a line whose sentences lag behind on one side (B still in 一、 while A is in 二、)
    stays in the group it is in, so two outlines that differ do not make a section row every line.
    """
    def find(sections, offset):
        return next((s for s in sections if s.start <= offset < s.end), None)

    top_a, top_b = {id(s) for s in sections_a}, {id(s) for s in sections_b}
    partner_a = {id(x): y for x, y in pairs or [] if id(x) in top_a and id(y) in top_b}
    partner_b = {id(y): x for x, y in pairs or [] if id(x) in partner_a}
    groups: list[Group] = []
    cur_a = cur_b = -1
    for line in alignment.lines():
        left = alignment.rows[line[0]] if line[0] is not None else None
        right = alignment.rows[line[1]] if line[1] is not None else None
        sec_a = find(sections_a, left.a[0]) if left else None
        sec_b = find(sections_b, right.b[0]) if right else None
        new_a, new_b = None, None
        if sec_a is not None and sec_a.start > cur_a:
            new_a, new_b = sec_a, partner_a.get(id(sec_a))
            if new_b is not None and new_b.start <= cur_b:   # B lags or goes on in the same section
                new_b = None
        elif sec_b is not None and sec_b.start > cur_b:
            new_a, new_b = partner_b.get(id(sec_b)), sec_b
            if new_a is not None and new_a.start <= cur_a:
                new_a = None
        if new_a is not None or new_b is not None or not groups:
            cur_a = new_a.start if new_a is not None else cur_a
            cur_b = new_b.start if new_b is not None else cur_b
            groups.append(Group(section_caption(new_a, lang), section_caption(new_b, lang),
                                heading=_heads_both(alignment, line, new_a, new_b)))
        groups[-1].lines.append(line)
    return groups


def section_path(sections: list[Section], section: Section, lang: str | None = None) -> str:
    """The headings from the top of the outline down to a section, joined by ›."""
    path: list[Section] = []

    def walk(nodes, trail):
        for node in nodes:
            if node is section or (node.start == section.start and node.level == section.level):
                path.extend(trail + [node])
                return True
            if walk(node.children, trail + [node]):
                return True
        return False

    walk(sections, [])
    return " › ".join(section_caption(s, lang) for s in (path or [section]))


def line_pieces(alignment: SentenceAlignment, line: Line, quiet: bool = False) -> tuple[list[Piece], list[Piece]]:
    """The left and right cells of a table line (one aligned row, or an A and a B sentence facing)."""
    left_row, right_row = line
    left = row_pieces(alignment, alignment.rows[left_row], quiet)[0] if left_row is not None else []
    right = row_pieces(alignment, alignment.rows[right_row], quiet)[1] if right_row is not None else []
    return left, right


def build_synoptic(text_a: str, sections_a: list[Section], text_b: str, sections_b: list[Section],
                   section_a: Section | None = None, section_b: Section | None = None, loose: bool = False,
                   lang: str | None = None, links: list[tuple[int, int]] | None = None,
                   ) -> tuple[SentenceAlignment, list[Group]]:
    """Align two aligned sections (under one heading row) or two whole speeches (a heading row per section).

    The headings of the two sections, or of the top-level sections the outline alignment pairs
    (reader.core.align, with the reader's corrections in links), are pinned together, so a reworded
    heading faces its counterpart. Subsection pairs are left to the sentences: the outline pairs
    them on weaker evidence, and a wrong pin would push real matches aside.
    """
    from reader.core.align import SectionAlignment

    if section_a is not None and section_b is not None:
        pinned = [(section_a.start, section_b.start)] if section_a.kind == section_b.kind == "heading" else []
        alignment = SentenceAlignment(text_a, text_b, (section_a.start, section_a.end),
                                      (section_b.start, section_b.end), loose, pinned)
        caption_a, caption_b = section_path(sections_a, section_a, lang), section_path(sections_b, section_b, lang)
        lines = alignment.lines()
        top_level = "›" not in caption_a + caption_b
        group = Group(caption_a, caption_b, lines,
                      heading=bool(lines) and top_level and _heads_both(alignment, lines[0], section_a, section_b))
        return alignment, [group]
    outline = SectionAlignment(text_a, sections_a, text_b, sections_b, links) if sections_a and sections_b else None
    top_a = {id(s) for s in sections_a}
    pinned = [(x.start, y.start) for x, y in (outline.pairs if outline else [])
              if id(x) in top_a and x.kind == y.kind == "heading"]
    alignment = SentenceAlignment(text_a, text_b, loose=loose, pinned=pinned)
    return alignment, group_rows(alignment, sections_a, sections_b, lang, outline.pairs if outline else None)
