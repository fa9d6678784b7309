"""Subcommands over the codebook: `excerpt add|list|edit|delete` and `export` (docx, txt, csv)."""

from __future__ import annotations

from pathlib import Path

from reader.cli.common import CliError, counted, emit_json, open_library, resolve_document, write_text
from reader.core.codebook import Codebook, CodebookError, Tag
from reader.core.export import ExportError, group_excerpts
from reader.core.export.docx_export import PRESETS, export_docx
from reader.core.export.text_export import export_csv, export_txt
from reader.core.export.review import CHOICES as REVIEW_CHOICES
from reader.core.export.review import for_export
from reader.core.locale import pick

FORMATS = ("docx", "txt", "csv")


def register(subparsers) -> None:
    """Add `excerpt add|list|edit|delete` and `export`."""
    p = subparsers.add_parser("excerpt", help=pick("add, list, edit or delete tagged excerpts",
                                                   "添加、列出、修改或删除带标签的摘录"))
    actions = p.add_subparsers(dest="excerpt_action", metavar="ACTION", required=True)

    a = actions.add_parser("add", help=pick("tag a quotation of a speech in the library", "为文库中讲话的一段引文加标签"))
    a.add_argument("document", metavar="FILE_OR_ID", help=pick("a library id, or a file already imported",
                                                                "文库编号，或已导入的文件"))
    a.add_argument("--quote", required=True, help=pick("the exact text, found once in the speech",
                                                       "原文照录的引文，须在讲话中只出现一次"))
    a.add_argument("--tag", action="append", default=[], metavar="TAG",
                   help=pick("tag name or path (Parent/Child); created if new; repeatable",
                             "标签名或路径（父/子）；不存在则新建；可重复"))
    a.add_argument("--note", default="", help=pick("a note kept with the excerpt", "随摘录保存的备注"))
    a.set_defaults(func=cmd_add)

    ls = actions.add_parser("list", help=pick("list excerpts in document order", "按讲话顺序列出摘录"))
    ls.add_argument("--tag", metavar="TAG", help=pick("only this tag and its subtags", "仅列出此标签及其子标签"))
    ls.add_argument("--review", action="store_true", help=pick("only excerpts that need review", "仅列出待核对的摘录"))
    ls.add_argument("--json", action="store_true", help=pick("print JSON", "输出 JSON"))
    ls.set_defaults(func=cmd_list)

    ed = actions.add_parser("edit", help=pick("change an excerpt's note or tags", "修改摘录的备注或标签"))
    ed.add_argument("excerpt", metavar="ID", type=int, help=pick("the excerpt's id (see excerpt list)",
                                                                 "摘录编号（见 excerpt list）"))
    ed.add_argument("--note", metavar="TEXT", help=pick("the new note (\"\" clears it)", "新的备注（\"\" 为清空）"))
    ed.add_argument("--tag", action="append", default=[], metavar="TAG",
                    help=pick("add this tag (name or Parent/Child; created if new); repeatable",
                              "加上此标签（名称或 父/子；不存在则新建）；可重复"))
    ed.add_argument("--untag", action="append", default=[], metavar="TAG",
                    help=pick("take this tag off; repeatable", "去掉此标签；可重复"))
    ed.set_defaults(func=cmd_edit)

    de = actions.add_parser("delete", help=pick("delete an excerpt (the speech stays)", "删除摘录（讲话保留）"))
    de.add_argument("excerpt", metavar="ID", type=int, help=pick("the excerpt's id (see excerpt list)",
                                                                 "摘录编号（见 excerpt list）"))
    de.set_defaults(func=cmd_delete)

    e = subparsers.add_parser("export", help=pick("export excerpts to Word, text or CSV", "将摘录导出为 Word、文本或 CSV"))
    e.add_argument("--format", choices=FORMATS, help=pick("default: from the file name", "默认按文件扩展名"))
    e.add_argument("--tag", metavar="TAG", help=pick("only this tag and its subtags", "仅导出此标签及其子标签"))
    e.add_argument("--by", choices=("tag", "speech"), default="tag",
                   help=pick("group under each tag, or under each speech with the tags listed (default: tag)",
                             "按标签分组，或按讲话分组并列出标签（默认：tag）"))
    e.add_argument("--preset", choices=tuple(PRESETS), default="plain",
                   help=pick("Word layout: plain, or official (GB/T 9704, with page numbers) (default: plain)",
                             "Word 版式：plain 普通，或 official 公文（GB/T 9704，带页码）（默认：plain）"))
    e.add_argument("--headings", action="store_true",
                   help=pick("cite sections with their headings (二、着力… / （三）…), not the numbers alone",
                             "引用出处时写出各级标题（二、着力… / （三）…），而不只是序号"))
    e.add_argument("--title", help=pick("the document's title (default: Excerpts)", "文档标题（默认：摘录汇编）"))
    e.add_argument("--review", choices=REVIEW_CHOICES, default="mark",
                   help=pick("excerpts under review: marked in the citation (default) or left out",
                             "待核对的摘录：在出处中标注（默认）或不导出"))
    e.add_argument("-o", "--output", required=True, metavar="FILE",
                   help=pick("the file to write (.docx, .txt or .csv)", "要写入的文件（.docx、.txt 或 .csv）"))
    e.set_defaults(func=cmd_export)


def find_tag(codebook: Codebook, name: str, create: bool = False) -> Tag:
    """A tag by name (unique anywhere in the tree) or by path "Parent/Child"; created when asked."""
    parts = [part.strip() for part in name.split("/") if part.strip()]
    if not parts:
        raise CliError(pick("A tag needs a name.", "标签需要名称。"), 2)
    tags = codebook.list_tags()
    if len(parts) == 1:
        found = [t for t in tags if t.name == parts[0]]
        if len(found) > 1:
            paths = "、".join(t.path for t in found)
            raise CliError(pick(f"Several tags are called “{parts[0]}” ({paths}); give the path, e.g. Parent/Child.",
                                f"有多个标签名为“{parts[0]}”（{paths}），请写出路径，如 父/子。"))
        if found:
            return found[0]
    parent: Tag | None = None
    for part in parts:
        match = next((t for t in tags if t.name == part and t.parent_id == (parent.id if parent else None)), None)
        if match is None:
            if not create:
                raise CliError(pick(f"No tag “{name}”.", f"没有标签“{name}”。"))
            match = codebook.create_tag(part, parent_id=parent.id if parent else None)
            tags.append(match)
        parent = match
    return parent


def cmd_add(args) -> int:
    """Tag a quotation: it must be in a speech of the library and occur there exactly once."""
    library = open_library(args)
    doc = resolve_document(library, args.document)
    if doc.id is None:
        raise CliError(pick(f"“{args.document}” is not in the library; import it first (duidu import FILE).",
                            f"“{args.document}”不在文库中，请先导入（duidu import 文件）。"))
    codebook = Codebook(library)
    try:
        start, end = codebook.find_quote(doc.id, args.quote)
        with codebook.write():   # new tags and the excerpt land together, or not at all
            tag_ids = [find_tag(codebook, name, create=True).id for name in args.tag]
            excerpt = codebook.add_excerpt(doc.id, start, end, tag_ids, note=args.note)
    except CodebookError as exc:
        raise CliError(exc.message()) from exc
    section = excerpt.section or "—"
    write_text(pick(f"Excerpt {excerpt.id}: speech {doc.id} [{start}-{end}] section {section}, tags: "
                    f"{', '.join(excerpt.tag_paths) or '—'}\n",
                    f"摘录 {excerpt.id}：讲话 {doc.id} [{start}-{end}]，部分 {section}，标签："
                    f"{'、'.join(excerpt.tag_paths) or '—'}\n"))
    return 0


def cmd_edit(args) -> int:
    """Change the note and add or take off tags, all in one transaction."""
    if args.note is None and not args.tag and not args.untag:
        raise CliError(pick("Say what to change: --note, --tag or --untag.", "请指定要修改的内容：--note、--tag 或 --untag。"), 2)
    codebook = Codebook(open_library(args))
    try:
        with codebook.write():   # new tags, the note and the tags land together, or not at all
            excerpt = codebook.get_excerpt(args.excerpt)
            if args.note is not None:
                codebook.update_note(excerpt.id, args.note)
            if args.tag or args.untag:
                removed = {name: find_tag(codebook, name).id for name in args.untag}
                missing = [name for name, tag_id in removed.items() if tag_id not in {t.id for t in excerpt.tags}]
                if missing:
                    raise CliError(pick(f"Excerpt {excerpt.id} has no tag “{missing[0]}”; nothing was changed.",
                                        f"摘录 {excerpt.id} 没有标签“{missing[0]}”，未作修改。"))
                added = [find_tag(codebook, name, create=True).id for name in args.tag]
                kept = [t.id for t in excerpt.tags if t.id not in removed.values()]
                codebook.set_excerpt_tags(excerpt.id, kept + [t for t in added if t not in kept])
            excerpt = codebook.get_excerpt(excerpt.id)
    except CodebookError as exc:
        raise CliError(exc.message()) from exc
    write_text(_describe(excerpt))
    return 0


def cmd_delete(args) -> int:
    """Delete one excerpt; its speech and tags stay."""
    codebook = Codebook(open_library(args))
    try:
        excerpt = codebook.get_excerpt(args.excerpt)
        codebook.delete_excerpt(excerpt.id)
    except CodebookError as exc:
        raise CliError(exc.message()) from exc
    quote = excerpt.quote.replace("\n", " ")
    shown = quote[:30] + ("…" if len(quote) > 30 else "")
    write_text(pick(f"Deleted excerpt {excerpt.id} ({shown})\n", f"已删除摘录 {excerpt.id}（{shown}）\n"))
    return 0


def _describe(excerpt) -> str:
    """One line about an excerpt after a change: id, speech, tags (with their parents) and note."""
    tags = pick(", ", "、").join(excerpt.tag_paths) or "—"
    note = excerpt.note.replace("\n", " ") or "—"
    return pick(f"Excerpt {excerpt.id}: speech {excerpt.doc_id}, tags: {tags}, note: {note}\n",
                f"摘录 {excerpt.id}：讲话 {excerpt.doc_id}，标签：{tags}，备注：{note}\n")


def cmd_list(args) -> int:
    """Print excerpts in document order: id, date, speech, section, tags and the start of the quote."""
    codebook = Codebook(open_library(args, read_only_ok=True))
    tag_id = find_tag(codebook, args.tag).id if args.tag else None
    excerpts = codebook.list_excerpts(tag_id=tag_id, status="review" if args.review else None)
    if args.json:
        emit_json([dict(x.to_dict(), candidate=review_candidate(codebook, x)) for x in excerpts])
        return 0
    lines = []
    for x in excerpts:
        quote = x.quote.replace("\n", " ")
        flag = {"review": pick(" [review]", "［待核对］"), "moved": pick(" [moved]", "［已移位］")}.get(x.status, "")
        found = review_candidate(codebook, x) if args.review else None
        if found:
            flag += pick(" candidate: ", " 候选：") + found["diff"]
        lines.append(f"{x.id:>4}  {x.doc_date or '?':<10}  {(x.doc_title or f'#{x.doc_id}')[:24]}  {x.section or '—'}"
                     f"  [{', '.join(x.tag_paths)}]{flag}  {quote[:40]}{'…' if len(quote) > 40 else ''}")
    write_text("\n".join(lines) + ("\n" if lines else ""))
    return 0


def review_candidate(codebook: Codebook, excerpt) -> dict | None:
    """For an excerpt under review, the candidate offered in its place with a character diff; else None."""
    from reader.core.anchor import candidate, diff_text

    found = candidate(codebook, excerpt.id) if excerpt.status == "review" else None
    if found is None:
        return None
    start, end, words, score = found
    return {"start": start, "end": end, "quote": words, "similarity": score, "diff": diff_text(excerpt.quote, words)}


def cmd_export(args) -> int:
    """Export the excerpts (all, or one tag with its subtags) grouped by tag or speech."""
    fmt = args.format or Path(args.output).suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise CliError(pick(f"Say --format docx, txt or csv (cannot tell from “{args.output}”).",
                            f"请用 --format 指定 docx、txt 或 csv（无法从“{args.output}”判断）。"), 2)
    codebook = Codebook(open_library(args, read_only_ok=True))
    tag_id = find_tag(codebook, args.tag).id if args.tag else None
    excerpts = for_export(codebook.list_excerpts(tag_id=tag_id), args.review)
    if not excerpts:
        raise CliError(pick("No excerpts to export; nothing was written.", "没有可导出的摘录，未写入任何文件。"))
    only = codebook.subtree_ids(tag_id) if tag_id is not None else None
    groups = group_excerpts(excerpts, args.by, codebook.list_tags(), only_tag_ids=only)
    try:
        if fmt == "docx":
            export_docx(groups, args.output, preset=args.preset, title=args.title, headings=args.headings)
        elif fmt == "txt":
            export_txt(groups, args.output, title=args.title, headings=args.headings)
        else:
            export_csv(excerpts, args.output, headings=args.headings)
    except ExportError as exc:
        raise CliError(exc.message()) from exc
    write_text(pick(f"{counted(len(excerpts), 'excerpt')} exported to {args.output}\n",
                    f"已导出 {len(excerpts)} 条摘录到 {args.output}\n"))
    return 0
