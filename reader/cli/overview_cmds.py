"""Subcommands over the whole library: search, formulae, matrix."""

from __future__ import annotations

from reader.cli.common import CliError, emit_json, open_library, write_text
from reader.core.formulae import find_formulae
from reader.core.library_ops import sync_index
from reader.core.locale import pick
from reader.core.reuse import ReuseIndex
from reader.core.search import DEFAULT_CONTEXT, search
from reader.core.similarity import ORDERS, pair_detail, similarity_matrix


SPEECHES_LISTED = 50


def register(subparsers) -> None:
    """Add search, formulae and matrix."""
    p = subparsers.add_parser("search", help=pick("search every speech for a text", "在全部讲话中检索文字"))
    p.add_argument("query", metavar="QUERY", help=pick("the text to find", "要查找的文字"))
    p.add_argument("--json", action="store_true", help=pick("print JSON", "输出 JSON"))
    p.add_argument("--context", type=int, default=DEFAULT_CONTEXT,
                   help=pick("characters of context on each side", "两侧各显示的上下文字数"))
    p.add_argument("--limit", type=int, default=200, help=pick("matches listed at most", "最多列出的匹配数"))
    p.add_argument("--speeches", type=int, default=SPEECHES_LISTED, metavar="N",
                   help=pick(f"speeches listed at most, by date (default {SPEECHES_LISTED}; all are counted)",
                             f"最多列出的讲话篇数，按日期（默认 {SPEECHES_LISTED}；全部计数）"))
    p.add_argument("--offset", type=int, default=0, metavar="N",
                   help=pick("skip the first N speeches (the next page)", "跳过前 N 篇讲话（翻页）"))
    p.set_defaults(func=cmd_search)

    p = subparsers.add_parser("formulae", help=pick("numbered formulae (提法) across the library",
                                                    "文库中的数字提法"))
    p.add_argument("--json", action="store_true", help=pick("print JSON", "输出 JSON"))
    p.set_defaults(func=cmd_formulae)

    p = subparsers.add_parser("matrix", help=pick("how much distinctive wording speeches share",
                                                  "讲话两两之间共有的特色表述"))
    p.add_argument("--csv", action="store_true", help=pick("print the matrix as CSV", "以 CSV 输出矩阵"))
    p.add_argument("--order", choices=ORDERS, default="similarity",
                   help=pick("order of the speeches (default: similarity, related speeches together)",
                             "讲话的排列顺序（默认：similarity，相近的讲话排在一起）"))
    p.set_defaults(func=cmd_matrix)


def _flat(text: str) -> str:
    return text.replace("\r", "").replace("\n", "⏎")


def cmd_search(args) -> int:
    """Print the matches grouped by speech (by date): offsets, section and context."""
    if not args.query:
        raise CliError(pick("Give a text to search for.", "请给出要检索的文字。"), 2)
    result = search(open_library(args), args.query, context=max(args.context, 0),
                    max_hits=max(args.limit, 0), limit=max(args.speeches, 0), offset=max(args.offset, 0))
    if args.json:
        emit_json(result.to_dict())
        return 0
    lines = []
    for group in result.groups:
        lines.append(f"#{group.doc_id}  {group.date or '?'}  {group.title}  ({group.total})")
        for hit in group.hits:
            where = f"{hit.section_label} " if hit.section_label else ""
            lines.append(f"  [{hit.start}-{hit.end}] {where}…{_flat(hit.context_before)}【{hit.match}】"
                         f"{_flat(hit.context_after)}…")
    more = pick(" (not all listed)", "（未全部列出）") if result.truncated else ""
    lines.append(pick(f"{result.total} matches in {result.speeches} speeches{more}",
                      f"共 {result.total} 处，见于 {result.speeches} 篇讲话{more}"))
    if result.next_offset is not None:
        lines.append(pick(f"Next page: --offset {result.next_offset}", f"下一页：--offset {result.next_offset}"))
    write_text("\n".join(lines) + "\n")
    return 0


def cmd_formulae(args) -> int:
    """Print every numbered formula: speeches, count, and the sentence that spells it out."""
    library = open_library(args)
    docs = [(info.id, library.get_document(info.id).text) for info in library.list_documents()]
    formulae = find_formulae(docs)
    if args.json:
        emit_json([f.to_dict() for f in formulae])
        return 0
    lines = []
    for f in formulae:
        ids = ",".join(str(d) for d in f.doc_ids)
        lines.append(f"{f.text}  ×{f.count}  [{ids}]")
        if f.definition is not None:
            lines.append(f"    #{f.definition.doc_id} [{f.definition.start}-{f.definition.end}] "
                         f"{_flat(f.definition.sentence)}")
        elif f.reference:
            lines.append("    " + pick("(national formula) ", "（全国性提法）") + f.reference)
    write_text("\n".join(lines) + ("\n" if lines else ""))
    return 0


def cmd_matrix(args) -> int:
    """Print the similarity matrix (scores in per mille), or CSV; the closest pairs follow the table."""
    library = open_library(args)
    sync_index(library)
    matrix = similarity_matrix(library, order=args.order)
    if args.csv:
        write_text(matrix.to_csv())
        return 0
    ids = matrix.doc_ids
    lines = ["      " + "".join(f"{d:>6}" for d in ids)]
    for i, (d, row) in enumerate(zip(ids, matrix.scores)):
        lines.append(f"{d:>6}" + "".join("     ·" if i == j else f"{v * 1000:>6.1f}" for j, v in enumerate(row)))
    lines.append(pick("(‰ of the shorter speech's text shared as distinctive wording)",
                      "（较短讲话文字中特色共有表述所占千分比）"))
    index = ReuseIndex(library.conn)
    for pair in matrix.closest(5):
        passages, chars = pair_detail(index, pair.doc_a, pair.doc_b)
        lines.append(pick(f"{pair.doc_a}–{pair.doc_b}: {pair.score * 1000:.1f}‰, {passages} passages, {chars} chars",
                          f"{pair.doc_a}–{pair.doc_b}：{pair.score * 1000:.1f}‰，{passages} 段，{chars} 字"))
    write_text("\n".join(lines) + "\n")
    return 0
