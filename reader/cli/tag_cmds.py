"""`duidu tag list|rename|delete|merge`: the codebook's tags from the command line."""

from __future__ import annotations

from reader.cli.common import CliError, counted, open_library, write_rows, write_text
from reader.cli.excerpt_cmds import find_tag
from reader.core.codebook import Codebook, CodebookError
from reader.core.locale import pick

TAG_HELP = ("a tag name, or its path Parent/Child when the name occurs twice",
            "标签名；名称重复时写出路径 父/子")


def register(subparsers) -> None:
    """Add `tag` with its actions."""
    p = subparsers.add_parser("tag", help=pick("list, rename, delete or merge tags", "列出、重命名、删除或合并标签"))
    actions = p.add_subparsers(dest="tag_action", metavar="ACTION", required=True)

    ls = actions.add_parser("list", help=pick("the tags as a tree with their excerpt counts", "以树形列出标签及摘录数"))
    ls.add_argument("--json", action="store_true", help=pick("print JSON", "输出 JSON"))
    ls.set_defaults(func=cmd_list)

    rn = actions.add_parser("rename", help=pick("give a tag a new name", "重命名标签"))
    rn.add_argument("tag", metavar="TAG", help=pick(*TAG_HELP))
    rn.add_argument("name", metavar="NEW_NAME", help=pick("the new name (unique among its siblings)",
                                                          "新名称（同一层级下不能重名）"))
    rn.set_defaults(func=cmd_rename)

    de = actions.add_parser("delete", help=pick("delete a tag: its excerpts stay, its subtags move up",
                                                "删除标签：摘录保留，子标签上移一级"))
    de.add_argument("tag", metavar="TAG", help=pick(*TAG_HELP))
    de.set_defaults(func=cmd_delete)

    mg = actions.add_parser("merge", help=pick("move a tag's excerpts and subtags to another tag, then delete it",
                                               "把标签的摘录和子标签并入另一标签，然后删除它"))
    mg.add_argument("source", metavar="SOURCE", help=pick("the tag that goes away", "要并掉的标签"))
    mg.add_argument("target", metavar="TARGET", help=pick("the tag that receives its excerpts", "接收其摘录的标签"))
    mg.set_defaults(func=cmd_merge)


def cmd_list(args) -> int:
    """Print the tag tree: each tag indented under its parent, with its colour and excerpt count."""
    tags = Codebook(open_library(args, read_only_ok=True)).list_tags()
    return write_rows(args, tags, lambda t: f"{t.id:>4}  {'  ' * t.depth}{t.name}  {t.color}  ({t.total})",
                      pick("No tags.\n", "没有标签。\n"))


def _change(args, change) -> int:
    """Run one change on the codebook; a refusal becomes a clear message."""
    codebook = Codebook(open_library(args))
    try:
        message = change(codebook)
    except CodebookError as exc:
        raise CliError(exc.message()) from exc
    write_text(message + "\n")
    return 0


def cmd_rename(args) -> int:
    """Rename a tag."""
    def rename(codebook: Codebook) -> str:
        tag = find_tag(codebook, args.tag)
        codebook.rename_tag(tag.id, args.name)
        return pick(f"Renamed “{tag.path}” to “{args.name.strip()}”", f"已将“{tag.path}”改名为“{args.name.strip()}”")
    return _change(args, rename)


def cmd_delete(args) -> int:
    """Delete a tag; say how many excerpts lost it and how many subtags moved up."""
    def delete(codebook: Codebook) -> str:
        tag = find_tag(codebook, args.tag)
        snapshot = codebook.delete_tag(tag.id)
        n, kids = len(snapshot.excerpt_ids), len(snapshot.child_ids)
        return pick(f"Deleted tag “{tag.path}”: {counted(n, 'excerpt')} lost it (the excerpts stay), "
                    f"{counted(kids, 'subtag')} moved up",
                    f"已删除标签“{tag.path}”：{n} 条摘录去掉了此标签（摘录保留），{kids} 个子标签上移一级")
    return _change(args, delete)


def cmd_merge(args) -> int:
    """Merge one tag into another."""
    def merge(codebook: Codebook) -> str:
        source, target = find_tag(codebook, args.source), find_tag(codebook, args.target)
        snapshot = codebook.merge_tags(source.id, target.id)
        n = len(snapshot.source.excerpt_ids)
        return pick(f"Merged “{source.path}” into “{target.path}” ({counted(n, 'excerpt')})",
                    f"已将“{source.path}”并入“{target.path}”（{n} 条摘录）")
    return _change(args, merge)
