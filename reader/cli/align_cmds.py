"""`duidu align A B`: two speeches (or one aligned section of each) sentence by sentence, as rows or a Word 对照表."""

from __future__ import annotations

import json

from reader.cli.common import CliError, open_library, resolve_document, write_text
from reader.core.locale import pick

MARKS = {"same": "=", "changed": "~", "a_only": "-", "b_only": "+", "moved": ">"}


def register(subparsers) -> None:
    """Add the align subcommand."""
    p = subparsers.add_parser("align", help=pick("align two speeches sentence by sentence (synoptic table)",
                                                 "逐句对齐两篇讲话（对照表）"),
                              description=pick("Align two speeches sentence by sentence. Offsets index each text "
                                               "exactly as `duidu text` prints it.",
                                               "逐句对齐两篇讲话。偏移量与 `duidu text` 输出的文本逐字对应。"))
    p.add_argument("documents", nargs=2, metavar="FILE_OR_ID",
                   help=pick("the two speeches, by id or file", "两篇讲话：编号或文件"))
    p.add_argument("--section", metavar="LABEL",
                   help=pick("only this section of the first speech (e.g. 二、) and its counterpart in the second",
                             "只对齐第一篇的这一节（如“二、”）及第二篇中与之对应的一节"))
    p.add_argument("--json", action="store_true",
                   help=pick("print the rows as JSON: a, b ([start, end] or null), kind, similarity, line (the "
                             "table line it is drawn on, where unmatched A and B sentences face each other); a moved "
                             "sentence also names its counterpart row, a merge or split its sentences [in A, in B]",
                             "以 JSON 输出各行：a、b（[起, 止] 或 null）、kind、similarity、line（在对照表中所在的行，"
                             "两边未对上的句子并排）；移动的句子另有 counterpart"
                             "（对应行的序号），合并或拆分的行另有 sentences（[A 句数, B 句数]）"))
    p.add_argument("-o", "--output", metavar="FILE.docx", help=pick("write the Word synoptic table", "写出 Word 对照表"))
    p.add_argument("--landscape", action="store_true", help=pick("A4 landscape pages", "A4 横向页面"))
    p.add_argument("--loose", action="store_true",
                   help=pick("punctuation and placeholder (XX, **) differences count as the same",
                             "标点和占位符（XX、**）的差异视为相同"))
    p.set_defaults(func=cmd_align)


def find_section(sections, label: str):
    """The first section (top level first, then deeper) whose label starts with `label`."""
    from reader.core.outline import iter_sections

    wanted = label.strip()
    found = [s for s in iter_sections(sections) if s.label.startswith(wanted) or s.label.rstrip("、.．") == wanted]
    return min(found, key=lambda s: s.level) if found else None


def cmd_align(args) -> int:
    """Align, then print rows (text or JSON) and/or write the Word table."""
    from reader.core.align import SectionAlignment
    from reader.core.export.atomic import ExportError
    from reader.core.export.synoptic_docx import export_synoptic_docx
    from reader.core.outline import parse_outline
    from reader.core.synoptic import build_synoptic

    library = open_library(args, read_only_ok=True)
    try:
        doc_a, doc_b = (resolve_document(library, arg) for arg in args.documents)
        links = library.section_links(doc_a.id, doc_b.id) if doc_a.id and doc_b.id else []
        # the outlines stored at import, as the comparison window shows them; a file's own otherwise
        stored = library.outlines([d.id for d in (doc_a, doc_b) if d.id is not None])
    finally:
        library.close()
    sections_a, sections_b = (stored.get(d.id) or parse_outline(d.text) for d in (doc_a, doc_b))
    section_a = section_b = None
    if args.section:
        section_a = find_section(sections_a, args.section)
        if section_a is None:
            raise CliError(pick(f"No section {args.section} in the first speech.", f"第一篇中没有“{args.section}”一节。"))
        section_b = SectionAlignment(doc_a.text, sections_a, doc_b.text, sections_b, links).counterpart(section_a)
        if section_b is None:
            raise CliError(pick(f"Section {args.section} of the first speech has no counterpart in the second.",
                                f"第一篇的“{args.section}”一节在第二篇中没有对应的一节。"))
    alignment, groups = build_synoptic(doc_a.text, sections_a, doc_b.text, sections_b, section_a, section_b,
                                       args.loose, links=links)
    if args.output:
        try:
            path = export_synoptic_docx(alignment, (doc_a.display_title(), doc_b.display_title()), groups,
                                        args.output, landscape=args.landscape, quiet=args.loose)
        except ExportError as exc:
            raise CliError(exc.message()) from exc
        if not args.json:
            write_text(pick(f"Wrote {path}\n", f"已写出 {path}\n"))
    if args.json:
        # one row a line: a long speech stays readable and greppable
        rows = [json.dumps(row.to_json(), ensure_ascii=False) for row in alignment.rows]
        write_text("[\n" + ",\n".join(rows) + ("\n]\n" if rows else "]\n"))
    elif not args.output:
        write_text(_as_text(alignment))
    return 0


def _as_text(alignment) -> str:
    """A plain listing: a summary line, then a mark, the similarity and both sides of each row."""
    s = alignment.summary()
    lines = [pick(f"{s.same} same, {s.changed} changed, {s.added} added, {s.removed} removed, {s.moved} moved",
                  f"相同 {s.same} 句，改动 {s.changed} 句，新增 {s.added} 句，删除 {s.removed} 句，移动 {s.moved} 句")]
    for k, row in enumerate(alignment.rows):
        a = alignment.text_a[row.a[0]:row.a[1]].replace("\n", " ") if row.a else ""
        b = alignment.text_b[row.b[0]:row.b[1]].replace("\n", " ") if row.b else ""
        link = f" ->{row.counterpart + 1}" if row.counterpart is not None else ""
        lines.append(f"{k + 1:>4} {MARKS[row.kind]} {row.similarity:4.2f}{link}\t{a}\t{b}")
    return "\n".join(lines) + "\n"
