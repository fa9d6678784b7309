"""The synoptic table as HTML: the clipboard copy (Word pastes it as a table) and, numbered and linked, the view.

Speech text and titles are always escaped; the marks' colours are the Word table's.
"""

from __future__ import annotations

import html
from collections.abc import Iterator

from reader.core.sentence_align import SentenceAlignment
from reader.core.synoptic import Group, Piece, line_pieces

STYLES = {
    "": "",
    "quiet": "",
    "del": "color:#b00000;text-decoration:line-through;background-color:#fbe3e3",
    "ins": "color:#0040a0;text-decoration:underline;background-color:#e2ecfa",
    "a_only": "background-color:#fbeaea",
    "b_only": "background-color:#e8effa",
    "moved": "color:#4a2a70;background-color:#eee6f7",
}


def cell_html(pieces: list[Piece]) -> str:
    """A cell's pieces as escaped HTML spans."""
    parts = []
    for text, mark in pieces:
        body = html.escape(text).replace("\n", "<br>")
        style = STYLES[mark]
        parts.append(f'<span style="{style}">{body}</span>' if style else body)
    return "".join(parts)


def table_open(font_css: str = "") -> str:
    """The opening tag of the table (or of one chunk of it, as the view adds them)."""
    return (f'<table width="100%" border="1" cellspacing="0" cellpadding="5" '
            f'style="border-collapse:collapse;border-color:#b8b8b8;{font_css}">')


def header_row(titles: tuple[str, str], numbered: bool = False) -> str:
    """The titles over the two columns (and an empty corner over the numbers)."""
    cells = ('<th width="4%"></th>' if numbered else "") + "".join(
        f'<th width="{48 if numbered else 50}%" style="text-align:left">{html.escape(t)}</th>' for t in titles)
    return f"<tr>{cells}</tr>"


def body_rows(alignment: SentenceAlignment, groups: list[Group], **options) -> list[str]:
    """The table's <tr> elements (see iter_body_rows)."""
    return list(iter_body_rows(alignment, groups, **options))


def iter_body_rows(alignment: SentenceAlignment, groups: list[Group], *, quiet: bool = False,
                   hide: set[int] | frozenset = frozenset(), notes: dict[int, tuple[str, str]] | None = None,
                   numbered: bool = False, lang: str | None = None) -> Iterator[str]:
    """The table's <tr> elements one by one (the view draws them a chunk at a time): section rows, lines.

    numbered adds a narrow first column with each line's number and an anchor (row-N) per row on
    it, for the view; notes holds extra text per row (a moved sentence's link), already HTML; a line
    whose rows are all in hide (identical ones) is left out, each run of them replaced by a line
    saying how many.
    """
    notes = notes or {}
    span = 3 if numbered else 2
    for group in groups:
        if (group.caption_a or group.caption_b) and not group.heading:
            yield (f'<tr><td colspan="{span}" style="background-color:#eeeeee;font-weight:bold">'
                   f'{html.escape(group.caption())}</td></tr>')
        hidden = 0
        for n, line in enumerate(group.lines):
            rows = [k for k in dict.fromkeys(line) if k is not None]
            if all(k in hide for k in rows):
                hidden += 1
                continue
            if hidden:
                yield _hidden_row(hidden, span, lang)
                hidden = 0
            left, right = line_pieces(alignment, line, quiet)
            note_a = notes.get(line[0], ("", ""))[0] if line[0] is not None else ""
            note_b = notes.get(line[1], ("", ""))[1] if line[1] is not None else ""
            number = ""
            if numbered:
                row = alignment.rows[rows[0]]
                joined = f"<br>{row.a_parts}:{row.b_parts}" if max(row.a_parts, row.b_parts) > 1 else ""
                anchors = "".join(f'<a name="row-{k}"></a>' for k in rows)
                number = f'<td width="4%" style="color:#777777">{anchors}{row.line + 1}{joined}</td>'
            cell = '<td valign="top">' if not (group.heading and n == 0) else \
                '<td valign="top" style="background-color:#eeeeee;font-weight:bold">'
            yield f'<tr>{number}{cell}{cell_html(left)}{note_a}</td>{cell}{cell_html(right)}{note_b}</td></tr>'
        if hidden:
            yield _hidden_row(hidden, span, lang)


def table_html(alignment: SentenceAlignment, titles: tuple[str, str], groups: list[Group], *,
               quiet: bool = False, font_css: str = "", lang: str | None = None) -> str:
    """The whole synoptic table as HTML: titles as headers, a row per section, a row per table line."""
    body = body_rows(alignment, groups, quiet=quiet, lang=lang)
    return "\n".join([table_open(font_css), header_row(titles)] + body + ["</table>"])


def _hidden_row(count: int, span: int, lang: str | None) -> str:
    from reader.core.locale import pick

    text = pick(f"… {count} identical sentence(s) hidden …", f"……省略相同语句 {count} 句……", lang)
    return f'<tr><td colspan="{span}" style="color:#777777;text-align:center">{html.escape(text)}</td></tr>'


def clipboard_payload(alignment: SentenceAlignment, titles: tuple[str, str], groups: list[Group],
                      quiet: bool = False, font_css: str = "") -> tuple[str, str]:
    """(html, plain) for copying the table: HTML that Word pastes as a table, and tab-separated text."""
    markup = ('<html><head><meta charset="utf-8"></head><body>\n<!--StartFragment-->\n'
              + table_html(alignment, titles, groups, quiet=quiet, font_css=font_css)
              + "\n<!--EndFragment-->\n</body></html>")
    lines = ["\t".join(titles)]
    for group in groups:
        if group.caption_a or group.caption_b:
            lines.append(f"{group.caption_a}\t{group.caption_b}")
        for left, right in group.lines:
            a = alignment.rows[left].a if left is not None else None
            b = alignment.rows[right].b if right is not None else None
            lines.append(f"{alignment.text_a[a[0]:a[1]] if a else ''}\t{alignment.text_b[b[0]:b[1]] if b else ''}"
                         .replace("\n", " "))
    return markup, "\n".join(lines) + "\n"
