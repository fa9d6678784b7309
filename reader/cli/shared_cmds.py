"""Subcommands over shared phrasing: `shared A B` (what two speeches share) and `phrases` (the library's)."""

from __future__ import annotations

from reader.cli.common import emit_json, open_library, resolve_document, write_text
from reader.core.library_ops import sync_index
from reader.core.locale import pick
from reader.core.reuse import DEFAULT_MIN_CHARS, DEFAULT_STOCK_SCORE, ReuseIndex, ReuseSettings, find_shared

PHRASES_SHOWN = 50       # human output of `phrases` without --top: a library can hold thousands


def register(subparsers) -> None:
    """Add shared and phrases."""
    p = subparsers.add_parser("shared", help=pick("passages two speeches share", "两篇讲话的共同文字"))
    p.add_argument("a", metavar="A", help=pick("a file or a library id", "文件或文库编号"))
    p.add_argument("b", metavar="B", help=pick("a file or a library id", "文件或文库编号"))
    p.add_argument("--min-chars", type=int, default=None, metavar="N",
                   help=pick(f"shortest passage in characters (default {DEFAULT_MIN_CHARS})",
                             f"最短段落字数（默认 {DEFAULT_MIN_CHARS}）"))
    p.add_argument("--stock-score", type=float, default=DEFAULT_STOCK_SCORE, metavar="S",
                   help=pick(f"stock from this score, 0..1 (default {DEFAULT_STOCK_SCORE})",
                             f"套话度达到此值即为套话，0..1（默认 {DEFAULT_STOCK_SCORE}）"))
    p.add_argument("--json", action="store_true", help=pick("print JSON", "输出 JSON"))
    p.set_defaults(func=cmd_shared)

    p = subparsers.add_parser("phrases", help=pick("wording shared across the library", "文库中的共用表述"))
    p.add_argument("--min-df", type=int, default=2, metavar="K",
                   help=pick("in at least K speeches (default 2)", "至少出现在 K 篇讲话中（默认 2）"))
    p.add_argument("--top", type=int, default=None, metavar="N",
                   help=pick(f"the N most widespread (default: all with --json, else {PHRASES_SHOWN})",
                             f"最常见的 N 条（默认：--json 时全部，否则 {PHRASES_SHOWN}）"))
    p.add_argument("--json", action="store_true", help=pick("print JSON", "输出 JSON"))
    p.set_defaults(func=cmd_phrases)


def _index(library, stock_score: float = DEFAULT_STOCK_SCORE) -> ReuseIndex:
    """The library's reuse index, brought up to date (only new or changed speeches are read)."""
    index = ReuseIndex(library.conn, ReuseSettings(stock_score=stock_score))
    sync_index(library, index=index)
    return index


def cmd_shared(args) -> int:
    """Print the passages two speeches share (df and class when both are in the library)."""
    library = open_library(args)
    a, b = resolve_document(library, args.a), resolve_document(library, args.b)
    min_chars = args.min_chars if args.min_chars is not None else DEFAULT_MIN_CHARS
    if a.id is not None and b.id is not None:
        passages = _index(library, args.stock_score).passages_between(a.id, b.id, min_chars)
    else:
        passages = find_shared(a.text, b.text, min_chars, ReuseSettings(stock_score=args.stock_score))
    if args.json:
        emit_json([p.to_dict() for p in passages])
        return 0
    lines = [f"A: {a.display_title()}", f"B: {b.display_title()}",
             pick(f"{len(passages)} shared passage(s) of {min_chars}+ characters",
                  f"共 {len(passages)} 处共同文字（不少于 {min_chars} 字）"), ""]
    for n, p in enumerate(passages, 1):
        df = "" if p.df is None else pick(f", in {p.df} speeches", f"，见于 {p.df} 篇")
        cls = pick({"stock": "stock phrase", "distinctive": "distinctive"}[p.cls],
                   {"stock": "套话", "distinctive": "特有"}[p.cls])
        kind = pick("exact", "完全相同") if p.kind == "exact" else pick(
            f"near, {p.similarity:.0%} similar", f"近似，相似度 {p.similarity:.0%}")
        score = pick(f" (stock score {p.stock_score:.2f})", f"（套话度 {p.stock_score:.2f}）")
        lines.append(f"{n}. [{kind}; {cls}{score}{df}] A {p.a_start}–{p.a_end}  B {p.b_start}–{p.b_end}")
        lines.append(f"   A: {p.text}")
        if p.kind == "near":
            lines.append(f"   B: {b.text[p.b_start:p.b_end]}")
    write_text("\n".join(lines) + "\n")
    return 0


def cmd_phrases(args) -> int:
    """Print the library's shared phrases, most widespread first, with the earliest dated speech using each."""
    library = open_library(args)
    top = args.top if args.top is not None else (None if args.json else PHRASES_SHOWN)
    phrases = _index(library).phrases(min_df=args.min_df, top=top or None)
    infos = {d.id: d for d in library.list_documents()}

    def earliest(doc_ids):
        dated = [infos[i] for i in doc_ids if i in infos and infos[i].date]
        return min(dated, key=lambda d: (d.date, d.id)) if dated else None

    if args.json:
        out = []
        for phrase in phrases:
            first = earliest(phrase.doc_ids)
            record = phrase.to_dict()
            record["earliest"] = None if first is None else {"id": first.id, "date": first.date,
                                                             "title": first.display_title()}
            out.append(record)
        emit_json(out)
        return 0
    lines = []
    for n, phrase in enumerate(phrases, 1):
        cls = pick(phrase.cls, {"stock": "套话", "distinctive": "特有"}[phrase.cls])
        lines.append(f"{n}. {phrase.text}")
        lines.append("   " + pick(f"in {phrase.df} speeches ({cls}, stock score {phrase.stock_score:.2f}): ",
                                  f"见于 {phrase.df} 篇（{cls}，套话度 {phrase.stock_score:.2f}）：")
                     + ", ".join(infos[i].display_title() if i in infos else f"#{i}" for i in phrase.doc_ids))
        first = earliest(phrase.doc_ids)
        if first is not None:
            lines.append("   " + pick("earliest: ", "最早：") + f"{first.date} {first.display_title()}")
    if not lines:
        lines.append(pick("No shared phrases.", "没有共用表述。"))
    write_text("\n".join(lines) + "\n")
    return 0
