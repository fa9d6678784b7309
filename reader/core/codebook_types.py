"""The codebook's records: tags, excerpts, the snapshots that undo restores, and its error."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from reader.core.errors import UserError

CONTEXT_CHARS = 40
HEADING_CHARS = 16       # a heading in a citation or the excerpts list: its first clause, cut near here
COLOR_RE = re.compile(r"^#[0-9a-f]{6}$")
# distinct on white and in print; a new tag takes the next one
PALETTE = ("#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4",
           "#f032e6", "#9a6324", "#469990", "#808000", "#000075", "#a9a9a9")

EXCERPT_COLUMNS = ('id', 'doc_id', '"start"', '"end"', 'quote', 'context_before', 'context_after',
                   'note', 'group_id', 'status', 'created_at', 'updated_at')
TAG_COLUMNS = ("id", "name", "color", "parent_id", "sort_order")


class CodebookError(UserError):
    """A codebook change that cannot be made; `message()` is for the user."""

    TEXTS = {
        "missing_doc": ("No speech with id {d} in the library.", "文库中没有编号为 {d} 的讲话。"),
        "missing_tag": ("No tag with id {d}.", "没有编号为 {d} 的标签。"),
        "missing_excerpt": ("No excerpt with id {d}.", "没有编号为 {d} 的摘录。"),
        "missing_group": ("No excerpt group with id {d}.", "没有编号为 {d} 的摘录组。"),
        "range": ("The passage {d} is empty or outside the speech.", "所选段落 {d} 为空或超出讲话范围。"),
        "blank": ("The passage {d} holds only spaces.", "所选段落 {d} 只有空白。"),
        "tag_name": ("A tag needs a name.", "标签需要名称。"),
        "name_taken": ("There is already a tag “{d}” at that place.", "同一层级下已有标签“{d}”。"),
        "color": ("“{d}” is not a colour of the form #rrggbb.", "“{d}”不是 #rrggbb 形式的颜色。"),
        "cycle": ("A tag cannot be placed under itself or its own subtags ({d}).",
                  "标签不能移到自身或其子标签之下（{d}）。"),
        "merge_self": ("A tag cannot be merged into itself or its own subtags ({d}).",
                       "标签不能合并到自身或其子标签（{d}）。"),
        "quote_absent": ("The quotation “{d}” is not in the speech.", "讲话中找不到引文“{d}”。"),
        "quote_ambiguous": ("The quotation “{d}” occurs more than once in the speech; quote more of it.",
                            "引文“{d}”在讲话中出现不止一次，请多引几个字以便确定位置。"),
    }

    def __init__(self, reason: str, detail: object = ""):
        super().__init__(reason, "", detail)


@dataclass
class Tag:
    """A code of the codebook, with how many excerpts carry it.

    `count` counts excerpts tagged with this tag itself; `total` counts distinct excerpts tagged
    with it or any of its subtags (what the tree shows for a collapsed branch).
    """

    id: int
    name: str
    color: str
    parent_id: int | None
    sort_order: int
    count: int = 0
    total: int = 0
    depth: int = 0
    path: str = ""

    def to_dict(self) -> dict:
        """JSON-ready fields."""
        return {"id": self.id, "name": self.name, "color": self.color, "parent_id": self.parent_id,
                "path": self.path, "count": self.count, "total": self.total}


@dataclass(frozen=True)
class TagRef:
    """A tag as an excerpt shows it; `path` names its parents too ("城镇化 / 意义")."""

    id: int
    name: str
    color: str
    path: str = ""

    @property
    def full_name(self) -> str:
        """The path when known, else the name: a child tag never loses its parent's name."""
        return self.path or self.name


@dataclass
class Excerpt:
    """A tagged passage: its offsets in the speech's text, the quote, contexts and where it stands."""

    id: int
    doc_id: int
    start: int
    end: int
    quote: str
    context_before: str
    context_after: str
    note: str
    group_id: int | None
    status: str
    created_at: str
    updated_at: str
    doc_title: str | None = None
    doc_date: str | None = None
    doc_place: str | None = None
    doc_speaker: str | None = None
    section: str = ""
    tags: list[TagRef] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)   # each heading of the section path, marker and text

    @property
    def tag_names(self) -> list[str]:
        """The names of its tags, in tag order."""
        return [t.name for t in self.tags]

    @property
    def tag_paths(self) -> list[str]:
        """Its tags as "parent / child", in tag order."""
        return [t.full_name for t in self.tags]

    @property
    def section_headings(self) -> str:
        """The section path with its headings, each cut short (二、着力统筹推进、重点突破… / （三）…), or the bare labels."""
        return " / ".join(short_heading(h) for h in self.headings) or self.section

    @property
    def tag_colors(self) -> list[str]:
        """The colours of its tags, in tag order."""
        return [t.color for t in self.tags]

    def to_dict(self) -> dict:
        """JSON-ready fields (`duidu excerpt list --json`)."""
        return {"id": self.id, "doc_id": self.doc_id, "start": self.start, "end": self.end,
                "quote": self.quote, "note": self.note, "status": self.status, "group_id": self.group_id,
                "title": self.doc_title, "date": self.doc_date, "place": self.doc_place,
                "speaker": self.doc_speaker, "section": self.section, "headings": self.headings,
                "tags": self.tag_names, "tag_paths": self.tag_paths}


@dataclass(frozen=True)
class ExcerptSnapshot:
    """Everything stored about one excerpt, so undo puts it back with the same id, tags and group."""

    row: tuple
    tag_ids: tuple[int, ...]
    group: tuple | None = None   # (id, created_at) of its group, re-created if it went away

    @property
    def id(self) -> int:
        """The excerpt's id."""
        return self.row[0]


@dataclass(frozen=True)
class TagSnapshot:
    """A tag's row, the excerpts it was on and its subtags, so undo puts all of it back."""

    row: tuple
    excerpt_ids: tuple[int, ...]
    child_ids: tuple[int, ...]

    @property
    def id(self) -> int:
        """The tag's id."""
        return self.row[0]


@dataclass(frozen=True)
class MergeSnapshot:
    """What a merge did: the source tag as it was and the excerpts that gained the target tag."""

    source: TagSnapshot
    target_id: int
    added_to_target: tuple[int, ...]


def short_heading(heading: str, limit: int = HEADING_CHARS) -> str:
    """A heading cut to about `limit` characters, at its first clause when that ends in time: 二、着力统筹推进、重点突破…"""
    if len(heading) <= limit + 1:
        return heading
    head = heading[:limit]
    comma = max(head.rfind("，"), head.rfind(","))
    if comma >= limit // 2:
        head = head[:comma]
    return head.rstrip("，,、；;：: ") + "…"


def make_contexts(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> tuple[str, str]:
    """The characters just before and just after a passage, kept to find it again after edits."""
    return text[max(0, start - width):start], text[end:end + width]


def normalise_color(color: str | None, index: int) -> str:
    """A colour as #rrggbb in lower case; the palette's next colour when none is given."""
    if color is None:
        return PALETTE[index % len(PALETTE)]
    value = color.strip().lower()
    if len(value) == 4 and value.startswith("#"):
        value = "#" + "".join(c * 2 for c in value[1:])
    if not COLOR_RE.match(value):
        raise CodebookError("color", color)
    return value


def clean_tag_name(name: str) -> str:
    """A tag name with its spaces collapsed; an empty one is refused."""
    cleaned = " ".join((name or "").split())
    if not cleaned:
        raise CodebookError("tag_name")
    return cleaned


def find_unique(text: str, quote: str) -> tuple[int, int]:
    """Where a quotation stands in a text; CodebookError when it is absent or occurs more than once."""
    shown = quote if len(quote) <= 30 else quote[:28] + "…"
    if not quote.strip():
        raise CodebookError("quote_absent", shown)
    first = text.find(quote)
    if first < 0:
        raise CodebookError("quote_absent", shown)
    if text.find(quote, first + 1) >= 0:   # overlapping occurrences count too
        raise CodebookError("quote_ambiguous", shown)
    return first, first + len(quote)


def tag_paths(rows: Iterable[tuple[int, str, int | None]]) -> dict[int, str]:
    """Each tag's path ("Parent / Child") from (id, name, parent_id) rows."""
    rows = list(rows)
    names = {tag_id: name for tag_id, name, _parent in rows}
    parents = {tag_id: parent for tag_id, _name, parent in rows}
    paths: dict[int, str] = {}
    for tag_id in names:
        chain, seen, node = [], set(), tag_id
        while node is not None and node in names and node not in seen:   # a damaged cycle stops here
            seen.add(node)
            chain.append(names[node])
            node = parents[node]
        paths[tag_id] = " / ".join(reversed(chain))
    return paths


def arrange_tags(rows: Iterable[tuple], links: Iterable[tuple[int, int]]) -> list[Tag]:
    """Tags from their rows in tree order, with depth, path and counts from (excerpt_id, tag_id) links."""
    tags = {row[0]: Tag(*row) for row in rows}
    direct: dict[int, set[int]] = {t: set() for t in tags}
    for excerpt_id, tag_id in links:
        direct[tag_id].add(excerpt_id)
    children: dict[int | None, list[Tag]] = {}
    for tag in tags.values():
        children.setdefault(tag.parent_id, []).append(tag)
    ordered: list[Tag] = []

    def walk(parent: int | None, depth: int, prefix: str) -> set[int]:
        below: set[int] = set()
        for tag in sorted(children.get(parent, []), key=lambda t: (t.sort_order, t.name, t.id)):
            tag.depth, tag.path, tag.count = depth, prefix + tag.name, len(direct[tag.id])
            ordered.append(tag)
            subtree = direct[tag.id] | walk(tag.id, depth + 1, tag.path + " / ")
            tag.total = len(subtree)
            below |= subtree
        return below

    walk(None, 0, "")
    return ordered
