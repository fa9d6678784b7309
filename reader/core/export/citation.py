"""Citations for excerpts (speech, speaker, place, date, section, then the note) and export grouping."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable

from reader.core.codebook_types import Excerpt, Tag
from reader.core.export.review import review_mark
from reader.core.locale import pick

_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


@dataclass
class ExportGroup:
    """A heading with its excerpts (in document order) and, when grouped by tag, one subgroup per speech."""

    heading: str
    excerpts: list[Excerpt] = field(default_factory=list)
    subgroups: list["ExportGroup"] = field(default_factory=list)
    show_tags: bool = False     # grouped by speech, the tags are not in the headings: list them per excerpt

    def all_excerpts(self) -> list[Excerpt]:
        """The group's excerpts, its subgroups' included, in order."""
        return self.excerpts + [e for g in self.subgroups for e in g.all_excerpts()]


def format_date(date: str | None, lang: str | None = None) -> str:
    """A stored date (2022, 2022-05, 2022-05-01) as the reader writes it: 2022年5月1日 in Chinese."""
    if not date:
        return ""
    match = _ISO_DATE.match(date.strip())
    if not match or pick("en", "zh", lang) == "en":
        return date.strip()
    year, month, day = match.groups()
    return f"{year}年" + (f"{int(month)}月" if month else "") + (f"{int(day)}日" if day else "")


def iso_date(date: str | None) -> str:
    """A stored date as ISO 8601 whatever the interface language (2022-03-15, 2022-03, 2022); odd text as is."""
    if not date:
        return ""
    match = _ISO_DATE.match(date.strip())
    if not match:
        return date.strip()
    year, month, day = match.groups()
    return year + (f"-{int(month):02d}" if month else "") + (f"-{int(day):02d}" if day else "")


def speech_title(excerpt: Excerpt, lang: str | None = None) -> str:
    """The speech's title, or a stand-in with its id when it has none."""
    return excerpt.doc_title or pick(f"Speech #{excerpt.doc_id}", f"讲话 #{excerpt.doc_id}", lang)


def citation_parts(excerpt: Excerpt, lang: str | None = None, *, with_title: bool = True,
                   headings: bool = False) -> list[str]:
    """The labelled parts of a citation; unknown fields are left out.

    With `headings` the section is its path with the heading texts (二、着力统筹推进… / （三）…),
    else its markers alone (二、（三））.
    """
    parts = []
    if with_title and excerpt.doc_title:
        parts.append(pick(f"“{excerpt.doc_title}”", f"《{excerpt.doc_title}》", lang))
    section = excerpt.section_headings if headings else excerpt.section
    for value, en, zh in ((excerpt.doc_speaker, "speaker", "讲话人"), (excerpt.doc_place, "place", "地点"),
                          (format_date(excerpt.doc_date, lang), "date", "时间"), (section, "section", "部分")):
        if value:
            parts.append(pick(f"{en}: {value}", f"{zh}：{value}", lang))
    return parts + [mark] if (mark := review_mark(excerpt, lang)) else parts


def citation_text(excerpt: Excerpt, lang: str | None = None, *, with_title: bool = True,
                  headings: bool = False) -> str:
    """One line naming where an excerpt comes from, e.g. ——《…的讲话》；地点：河南；时间：2022年；部分：二、（三）."""
    return "".join(citation_lines(excerpt, lang, with_title=with_title, headings=headings))


def citation_lines(excerpt: Excerpt, lang: str | None = None, width: float | None = None, *,
                   with_title: bool = True, headings: bool = False) -> list[str]:
    """The citation broken into lines of at most `width` ems, only between its parts.

    A right-aligned citation that the word processor wraps by itself breaks anywhere in Chinese,
    in the middle of a name or a section path; breaking it here, between the labelled parts (and
    between the headings of a long path), keeps every name whole. Spaces inside a part become
    no-break spaces for the same reason. A part longer than a line is still wrapped by Word.
    Without a width the citation is one line with ordinary spaces.
    """
    parts = citation_parts(excerpt, lang, with_title=with_title, headings=headings)
    if not parts:
        return []
    space = " " if width is None else "\u00a0"
    pieces = []     # unbreakable pieces, each carrying the separator that follows it
    for n, part in enumerate(parts):
        tail = pick(";", "；", lang) if n < len(parts) - 1 else ""
        chunks = part.split(" / ")
        pieces += [c.replace(" ", space) + (" /" if i < len(chunks) - 1 else tail) for i, c in enumerate(chunks)]
    pieces[0] = pick("—" + space, "——", lang) + pieces[0]
    lines = [pieces[0]]
    for piece in pieces[1:]:
        glue = " " if lines[-1].endswith(" /") or pick("en", "zh", lang) == "en" else ""
        if width is not None and text_width(lines[-1] + glue + piece) > width:
            lines.append(piece)
        else:
            lines[-1] += glue + piece
    return lines


def text_width(text: str) -> float:
    """The width of a line in ems: Chinese characters and full-width punctuation 1, Latin letters and digits about 0.55."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WFA" else 0.55 for c in text)


def tags_text(excerpt: Excerpt, lang: str | None = None) -> str:
    """The excerpt's tags, child tags with their parents (城镇化 / 意义), or an empty string."""
    if not excerpt.tags:
        return ""
    return pick("Tags: ", "标签：", lang) + pick("; ", "；", lang).join(excerpt.tag_paths)


def note_text(excerpt: Excerpt, lang: str | None = None) -> str:
    """The reader's note with its label, or an empty string."""
    note = excerpt.note.strip()
    return pick(f"Note: {note}", f"备注：{note}", lang) if note else ""


def document_order(excerpt: Excerpt) -> tuple:
    """Sort key: speech date (undated last), speech, then offset."""
    return (excerpt.doc_date is None, excerpt.doc_date or "", excerpt.doc_id, excerpt.start, excerpt.id)


def group_excerpts(excerpts: Iterable[Excerpt], by: str = "tag", tags: list[Tag] | None = None,
                   only_tag_ids: Iterable[int] | None = None, lang: str | None = None) -> list[ExportGroup]:
    """Excerpts grouped by speech, or by tag (tree order, each with one subgroup per speech).

    An excerpt with several tags appears under each; with `only_tag_ids` (an exported tag and its
    subtags) only those tags make groups. Untagged excerpts come last under their own heading.
    """
    ordered = sorted(excerpts, key=document_order)
    if by == "speech":
        return _by_speech(ordered, lang, show_tags=True)
    if by != "tag":
        raise ValueError(f"group by 'tag' or 'speech', not {by!r}")
    only = set(only_tag_ids) if only_tag_ids is not None else None
    paths = {t.id: t.path or t.name for t in tags or []}
    order = {t.id: i for i, t in enumerate(tags or [])}
    members: dict[int, list[Excerpt]] = {}
    untagged = []
    for excerpt in ordered:
        wanted = [t for t in excerpt.tags if only is None or t.id in only]
        for ref in wanted:
            members.setdefault(ref.id, []).append(excerpt)
            paths.setdefault(ref.id, ref.name)
        if not excerpt.tags and only is None:
            untagged.append(excerpt)
    groups = [ExportGroup(paths[tag_id], subgroups=_by_speech(members[tag_id], lang))
              for tag_id in sorted(members, key=lambda t: (order.get(t, len(order)), paths[t]))]
    if untagged:
        groups.append(ExportGroup(pick("Untagged", "未加标签", lang), subgroups=_by_speech(untagged, lang)))
    return groups


def _by_speech(ordered: list[Excerpt], lang: str | None, show_tags: bool = False) -> list[ExportGroup]:
    """One group per speech, in the order the (already sorted) excerpts bring them."""
    groups: dict[int, ExportGroup] = {}
    for excerpt in ordered:
        group = groups.get(excerpt.doc_id)
        if group is None:
            group = groups[excerpt.doc_id] = ExportGroup(speech_title(excerpt, lang), show_tags=show_tags)
        group.excerpts.append(excerpt)
    return list(groups.values())
