"""Excerpts as Word-friendly text (.txt: UTF-8 with BOM, CRLF) and as .csv for Excel (UTF-8 with BOM)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Iterable

from reader.core.codebook_types import Excerpt
from reader.core.export.atomic import atomic_write
from reader.core.export.citation import ExportGroup, citation_text, iso_date, note_text, tags_text
from reader.core.locale import pick

CSV_COLUMNS = (("tag", "标签"), ("speech", "讲话"), ("date", "日期"), ("place", "地点"), ("speaker", "讲话人"),
               ("section", "部分"), ("quote", "引文"), ("note", "备注"), ("start", "起点"), ("end", "终点"),
               ("status", "状态"))
# Excel runs a cell that starts with one of these as a formula (CSV injection): prefix an apostrophe
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def crlf(text: str) -> str:
    """Every line break as CRLF, whatever it was."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")


def groups_to_text(groups: list[ExportGroup], title: str | None = None, lang: str | None = None,
                   headings: bool = False) -> str:
    """The plain-text layout: title, headings, then each quote with its citation and note (LF line ends)."""
    lines = [title or pick("Excerpts", "摘录汇编", lang), ""]
    for group in groups:
        lines += [f"【{group.heading}】", ""]
        lines += _excerpt_lines(group.excerpts, lang, headings, group.show_tags)
        for sub in group.subgroups:
            lines += [f"〔{sub.heading}〕", ""]
            lines += _excerpt_lines(sub.excerpts, lang, headings, sub.show_tags)
    return "\n".join(lines).rstrip("\n") + "\n"


def _excerpt_lines(excerpts: Iterable[Excerpt], lang: str | None, headings: bool, show_tags: bool) -> list[str]:
    """Quote, citation, tags (when grouped by speech) and note of each excerpt, a blank line after each."""
    lines = []
    for excerpt in excerpts:
        lines.append(excerpt.quote.strip("\n"))
        lines += [t for t in (citation_text(excerpt, lang, headings=headings),
                              tags_text(excerpt, lang) if show_tags else "", note_text(excerpt, lang)) if t]
        lines.append("")
    return lines


def export_txt(groups: list[ExportGroup], path: Path | str, title: str | None = None,
               lang: str | None = None, headings: bool = False) -> Path:
    """Write the text layout as UTF-8 with a BOM and CRLF line ends (Notepad and Word read it right)."""
    data = crlf(groups_to_text(groups, title, lang, headings)).encode("utf-8-sig")
    return atomic_write(path, lambda tmp: tmp.write_bytes(data))


def _cell(value) -> str | int:
    """A CSV cell, with formula-like text neutralised for Excel."""
    if isinstance(value, int):
        return value
    text = value or ""
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_rows(excerpts: Iterable[Excerpt], lang: str | None = None, headings: bool = False) -> list[list]:
    """Header and one row per excerpt, in the given order.

    Tags are joined by '; ', child tags with their parents ("城镇化 / 意义"); dates are ISO (2022-03-15)
    in every interface language, so a spreadsheet sorts and reads them as dates.
    """
    rows: list[list] = [[pick(en, zh, lang) for en, zh in CSV_COLUMNS]]
    for x in excerpts:
        section = x.section_headings if headings else x.section
        rows.append([_cell(v) for v in ("; ".join(x.tag_paths), x.doc_title, iso_date(x.doc_date),
                                        x.doc_place, x.doc_speaker, section, x.quote, x.note, x.start, x.end,
                                        x.status)])
    return rows


def export_csv(excerpts: Iterable[Excerpt], path: Path | str, lang: str | None = None,
               headings: bool = False) -> Path:
    """Write excerpts as CSV, UTF-8 with a BOM so Excel opens the Chinese right, CRLF rows."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(csv_rows(excerpts, lang, headings))
    data = buffer.getvalue().encode("utf-8-sig")
    return atomic_write(path, lambda tmp: tmp.write_bytes(data))
