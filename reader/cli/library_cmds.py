"""Subcommands over the library: import, list, text, outline, set."""

from __future__ import annotations

import sys

from reader.cli.common import CliError, counted, emit_json, open_library, resolve_document, write_text
from reader.core.library_ops import import_bundled_corpus, import_paths, reencode_document, sync_index
from reader.core.locale import pick
from reader.core.outline import parse_outline
from reader.core.importer import ImportRefused
from reader.core.store import LibraryError


def register(subparsers) -> None:
    """Add import, list, text, outline and set."""
    p = subparsers.add_parser("import", help=pick("import speeches (files or folders)", "导入讲话（文件或文件夹）"))
    p.add_argument("paths", nargs="*", metavar="PATH", help=pick(".txt, .docx or .html files, or folders of them",
                                                                 ".txt、.docx 或 .html 文件，或包含它们的文件夹"))
    p.add_argument("--encoding", help=pick("decode .txt files with this encoding", "按此编码读取 .txt 文件"))
    p.add_argument("--bundled", action="store_true",
                   help=pick("import the bundled sample corpus", "导入自带的示例讲话"))
    p.set_defaults(func=cmd_import)

    p = subparsers.add_parser("list", help=pick("list the speeches in the library", "列出文库中的讲话"))
    p.add_argument("--json", action="store_true", help=pick("print JSON", "输出 JSON"))
    p.set_defaults(func=cmd_list)

    p = subparsers.add_parser("text", help=pick("print a speech's cleaned text", "输出讲话的清理后文本"))
    p.add_argument("document", metavar="FILE_OR_ID", help=pick("a library id or a file", "文库编号或文件"))
    p.set_defaults(func=cmd_text)

    p = subparsers.add_parser("outline", help=pick("print a speech's outline", "输出讲话的提纲"))
    p.add_argument("document", metavar="FILE_OR_ID", help=pick("a library id or a file", "文库编号或文件"))
    p.add_argument("--json", action="store_true", help=pick("print JSON nodes with offsets", "输出带偏移量的 JSON"))
    p.set_defaults(func=cmd_outline)

    p = subparsers.add_parser("set", help=pick("edit a speech's details or encoding", "修改讲话的信息或编码"))
    p.add_argument("document", metavar="ID", type=int, help=pick("the speech's library id", "讲话的文库编号"))
    for name, en, zh in (("title", "the title", "标题"), ("date", "the date (2022, 2022-05 or 2022-05-01)",
                                                           "日期（2022、2022-05 或 2022-05-01）"),
                         ("place", "where it was given", "地点"), ("speaker", "who gave it", "讲话人"),
                         ("encoding", "decode the speech's stored original bytes again with this encoding (e.g. gb18030)",
                          "按此编码重新解码讲话保存的原始字节（如 gb18030）")):
        p.add_argument(f"--{name}", help=pick(en, zh))
    p.add_argument("--force", action="store_true",
                   help=pick("with --encoding: use it even if the text looks garbled", "与 --encoding 同用：即使文本像乱码也使用"))
    p.set_defaults(func=cmd_set)

    p = subparsers.add_parser("remove", help=pick("remove a speech from the library", "从文库中删除讲话"))
    p.add_argument("document", metavar="ID", type=int, help=pick("the speech's library id", "讲话的文库编号"))
    p.add_argument("--with-excerpts", action="store_true",
                   help=pick("also delete its tagged excerpts (without this, a speech with excerpts is kept)",
                             "同时删除其摘录（不加此项时，有摘录的讲话不会被删除）"))
    p.set_defaults(func=cmd_remove)


def cmd_import(args) -> int:
    """Import every file named; report each refusal and go on; exit 1 if any file failed."""
    if not args.paths and not args.bundled:
        raise CliError(pick("Name files or folders to import, or --bundled.", "请指定要导入的文件或文件夹，或使用 --bundled。"), 2)
    library = open_library(args)
    reports = []
    if args.bundled:
        reports.append(import_bundled_corpus(library, force=True))
    if args.paths:
        reports.append(import_paths(library, args.paths, encoding=args.encoding))
    sync_index(library)
    added = sum(len(r.added) for r in reports)
    existing = sum(len(r.existing) for r in reports)
    failed = [f for r in reports for f in r.failed]
    for refusal in failed:
        print(f"duidu: {refusal.message()}", file=sys.stderr)
    for new_id, old_id in (pair for r in reports for pair in r.versions):
        print(pick(f"duidu: speech {new_id} has the title and file name of speech {old_id}; if it is a new version, "
                   f"`duidu reimport {old_id} FILE` keeps the old text and re-anchors its excerpts",
                   f"duidu：讲话 {new_id} 与讲话 {old_id} 标题和文件名相同；如为新版本，可用 "
                   f"`duidu reimport {old_id} 文件` 保留旧文本并重新定位摘录"), file=sys.stderr)
    write_text(pick(f"{added} imported, {existing} already in the library, {len(failed)} failed\n",
                    f"导入 {added} 篇，已在文库中 {existing} 篇，失败 {len(failed)} 篇\n"))
    return 1 if failed else 0


def cmd_list(args) -> int:
    """Print the library: id, date, place, length and title."""
    docs = open_library(args, read_only_ok=True).list_documents()
    if args.json:
        emit_json([d.to_dict() for d in docs])
        return 0
    unknown = pick("?", "？")
    lines = [f"{d.id:>4}  {d.date or unknown:<10}  {d.place or unknown:<6}  {d.char_count:>7}  {d.display_title()}"
             for d in docs]
    write_text("\n".join(lines) + ("\n" if lines else ""))
    return 0


def cmd_text(args) -> int:
    """Print the cleaned text exactly, the string that every offset indexes."""
    write_text(resolve_document(open_library(args, read_only_ok=True), args.document).text)
    return 0


def cmd_outline(args) -> int:
    """Print the outline as an indented tree, or as JSON nodes with offsets."""
    doc = resolve_document(open_library(args, read_only_ok=True), args.document)
    sections = parse_outline(doc.text)
    if args.json:
        emit_json([s.to_dict() for s in sections])
        return 0
    names = {"opening": pick("[opening]", "【开场】"), "closing": pick("[closing]", "【结束语】")}
    lines = []

    def walk(nodes, depth):
        for node in nodes:
            head = names.get(node.kind) or (f"{node.label} {node.title}" if node.kind == "appendix"
                                             else f"{node.label}{node.title}")
            lines.append(f"{'  ' * depth}{head}  [{node.start}-{node.end}]")
            walk(node.children, depth + 1)

    walk(sections, 0)
    write_text("\n".join(lines) + "\n")
    return 0


def cmd_set(args) -> int:
    """Edit a speech's title, date, place, speaker, or decode it again with another encoding."""
    library = open_library(args)
    try:
        fields = {k: getattr(args, k) for k in ("title", "date", "place", "speaker") if getattr(args, k) is not None}
        library.update_metadata(args.document, **fields)
        if args.encoding:
            report = reencode_document(library, args.document, args.encoding, force=args.force)
            sync_index(library)
            from reader.cli.version_cmds import report_lines

            write_text(pick(f"Speech {args.document} decoded again as {args.encoding} (the previous text is kept: "
                            f"duidu versions {args.document}); ",
                            f"讲话 {args.document} 已按 {args.encoding} 重新解码（原文本已保留：duidu versions "
                            f"{args.document}）；") + report_lines(report))
    except LibraryError as exc:
        hint = pick(" Add --force to use it anyway.", "如确要使用，请加 --force。") if exc.reason == "garbled" else ""
        raise CliError(exc.message() + hint) from exc
    except ImportRefused as exc:
        raise CliError(pick(f"Speech {args.document} cannot be decoded as {args.encoding}; nothing was changed. ",
                            f"讲话 {args.document} 无法按 {args.encoding} 解码，未作任何改动。") + exc.message()) from exc
    finally:
        library.close()
    return 0


def cmd_remove(args) -> int:
    """Remove a speech; one that holds excerpts goes only with --with-excerpts (its excerpts go with it)."""
    from reader.core.codebook import Codebook

    library = open_library(args)
    doc = library.get_document(args.document)          # LibraryError("missing") says there is no such speech
    held = len(Codebook(library).list_excerpts(doc_id=doc.id))
    if held and not args.with_excerpts:
        raise CliError(pick(f"Speech {doc.id} “{doc.display_title()}” holds {counted(held, 'excerpt')}; nothing was removed. "
                            "Add --with-excerpts to remove it with them.",
                            f"讲话 {doc.id}“{doc.display_title()}”有 {held} 条摘录，未作删除。"
                            "如需连同摘录一并删除，请加 --with-excerpts。"))
    library.remove_document(doc.id)
    sync_index(library)
    write_text(pick(f"Removed speech {doc.id} “{doc.display_title()}” ({counted(held, 'excerpt')} with it)\n",
                    f"已删除讲话 {doc.id}“{doc.display_title()}”（连同 {held} 条摘录）\n"))
    return 0
