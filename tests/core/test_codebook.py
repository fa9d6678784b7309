"""The codebook: tags in a tree, excerpts with contexts, one transaction per write, exact undo."""

from __future__ import annotations

import sqlite3
import tempfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.codebook import Codebook, CodebookError
from reader.core.importer import load_text
from reader.core.store import Library

QUOTE_1 = "城镇化是现代化的必由之路，既是经济发展的结果，又是经济发展的动力"
QUOTE_3 = "从3个省级试点县先行先试，其他县区主动跟进"


def dump(conn: sqlite3.Connection) -> dict:
    """Every codebook row, to compare states before and after undo."""
    return {table: sorted(conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
            for table in ("tags", "excerpts", "excerpt_tags", "excerpt_groups")}


@pytest.fixture
def book(sample_library):
    return Codebook(sample_library)


@pytest.fixture
def filled(book):
    """Two tags (one a subtag) and three excerpts over speeches 1, 3 and 5."""
    top = book.create_tag("城镇化")
    child = book.create_tag("意义", parent_id=top.id)
    other = book.create_tag("城市更新")
    s1, e1 = book.find_quote(1, QUOTE_1)
    s3, e3 = book.find_quote(3, QUOTE_3)
    x1 = book.add_excerpt(1, s1, e1, [child.id], note="开头可用")
    x3 = book.add_excerpt(3, s3, e3, [child.id, other.id])
    x5 = book.add_excerpt(5, 370, 380, [other.id])
    return book, (top, child, other), (x1, x3, x5)


def test_create_tag_names_are_unique_per_parent_even_at_top_level(book):
    book.create_tag("意义")
    with pytest.raises(CodebookError) as err:
        book.create_tag(" 意义 ")   # NULL parents are distinct in SQL: the codebook must still refuse
    assert err.value.reason == "name_taken"
    parent = book.create_tag("城镇化")
    assert book.create_tag("意义", parent_id=parent.id).parent_id == parent.id
    with pytest.raises(sqlite3.IntegrityError):   # the index holds even against raw SQL
        book.conn.execute("INSERT INTO tags (name, parent_id) VALUES ('意义', NULL)")


def test_tag_colours_are_checked_and_default_from_palette(book):
    assert book.create_tag("a", color="#ABC").color == "#aabbcc"
    assert book.create_tag("b").color.startswith("#")
    with pytest.raises(CodebookError, match="#rrggbb"):
        book.create_tag("c", color="red")
    with pytest.raises(CodebookError):
        book.create_tag("   ")


def test_move_tag_refuses_cycles(filled):
    book, (top, child, _), _ = filled
    grandchild = book.create_tag("深层", parent_id=child.id)
    for parent in (top.id, child.id, grandchild.id):
        with pytest.raises(CodebookError) as err:
            book.move_tag(top.id, parent)
        assert err.value.reason == "cycle"
    book.move_tag(child.id, None)
    assert [t.path for t in book.list_tags()][:3] == ["城镇化", "城市更新", "意义"]


def test_list_tags_tree_order_and_counts(filled):
    book, (top, child, other), _ = filled
    tags = book.list_tags()
    assert [(t.path, t.depth, t.count, t.total) for t in tags] == [
        ("城镇化", 0, 0, 2), ("城镇化 / 意义", 1, 2, 2), ("城市更新", 0, 2, 2)]
    assert book.tag_usage(child.id) == 2 and book.tag_usage(top.id) == 0


def test_add_excerpt_keeps_quote_contexts_and_section(filled, sample_library):
    book, _, (x1, _, x5) = filled
    text = sample_library.get_document(1).text
    assert x1.quote == QUOTE_1 == text[x1.start:x1.end]
    assert x1.context_before == text[x1.start - 40:x1.start] and len(x1.context_after) == 40
    assert x1.section == "一、" and x1.doc_title == "在市委新型城镇化工作推进会上的讲话"
    assert x1.tag_names == ["意义"] and x1.status == "ok"
    assert x5.section == "一、一是"


@pytest.mark.parametrize("start,end,reason", [(5, 5, "range"), (-1, 4, "range"), (0, 10 ** 7, "range")])
def test_add_excerpt_rejects_bad_ranges(book, start, end, reason):
    with pytest.raises(CodebookError) as err:
        book.add_excerpt(1, start, end, [])
    assert err.value.reason == reason
    assert book.list_excerpts() == []


def test_add_excerpt_rejects_blank_missing_speech_and_missing_tag_without_writing(book, sample_library):
    text = sample_library.get_document(1).text
    newline = text.index("\n")
    with pytest.raises(CodebookError, match="spaces"):
        book.add_excerpt(1, newline, newline + 1, [])
    with pytest.raises(CodebookError) as err:
        book.add_excerpt(99, 0, 4, [])
    assert err.value.reason == "missing_doc"
    with pytest.raises(CodebookError):
        book.add_excerpt(1, 0, 4, [12345])
    assert dump(book.conn)["excerpts"] == []


def test_add_group_is_one_transaction(book):
    tag = book.create_tag("对照")
    members = book.add_group([(1, 0, 10), (2, 0, 10), (3, 0, 10)], [tag.id], note="三篇同段")
    assert len({m.group_id for m in members}) == 1
    assert [m.doc_id for m in book.group_members(members[0].group_id)] == [1, 3, 2]   # dated first
    before = dump(book.conn)
    with pytest.raises(CodebookError):
        book.add_group([(1, 0, 10), (4, 5, 5)])
    assert dump(book.conn) == before


def test_list_excerpts_filters_and_document_order(filled):
    book, (top, child, other), (x1, x3, x5) = filled
    assert [x.id for x in book.list_excerpts()] == [x1.id, x3.id, x5.id]
    assert [x.id for x in book.list_excerpts(tag_id=top.id)] == [x1.id, x3.id]
    assert book.list_excerpts(tag_id=top.id, include_subtags=False) == []
    assert [x.id for x in book.list_excerpts(tag_id=other.id, doc_id=5)] == [x5.id]
    assert [x.id for x in book.list_excerpts(words=["开头", "必由之路"])] == [x1.id]
    assert [x.id for x in book.list_excerpts(words="试点县")] == [x3.id]
    assert book.list_excerpts(status="review") == []
    assert [x.id for x in book.excerpts_in_document(3)] == [x3.id]


def test_find_quote_absent_ambiguous_and_overlapping(book):
    assert book.find_quote(1, QUOTE_1)[1] - book.find_quote(1, QUOTE_1)[0] == len(QUOTE_1)
    with pytest.raises(CodebookError) as err:
        book.find_quote(1, "不存在的一句话")
    assert err.value.reason == "quote_absent"
    with pytest.raises(CodebookError) as err:
        book.find_quote(1, "城镇化")
    assert err.value.reason == "quote_ambiguous" and "more than once" in str(err.value)
    assert "不止一次" in err.value.message("zh")


def test_removing_a_speech_removes_its_excerpts(filled, sample_library):
    book, _, (x1, _, _) = filled
    sample_library.remove_document(1)
    assert x1.id not in [x.id for x in book.list_excerpts()]
    assert book.conn.execute("SELECT count(*) FROM excerpt_tags WHERE excerpt_id = ?", (x1.id,)).fetchone()[0] == 0


def test_delete_and_restore_excerpt_with_its_group(book):
    tag = book.create_tag("对照")
    [member] = book.add_group([(1, 0, 10)], [tag.id])
    before = dump(book.conn)
    snap = book.delete_excerpt(member.id)
    assert dump(book.conn)["excerpt_groups"] == []   # the last member took its group along
    book.restore_excerpt(snap)
    assert dump(book.conn) == before
    assert book.get_excerpt(member.id).tag_names == ["对照"]


def test_delete_tag_lifts_subtags_and_undo_restores_links(filled):
    book, (top, child, other), (x1, x3, _) = filled
    grandchild = book.create_tag("深层", parent_id=child.id)
    book.set_excerpt_tags(x1.id, [child.id, grandchild.id])
    before = dump(book.conn)
    snap = book.delete_tag(child.id)
    assert book.list_tags()[1].path == "城镇化 / 深层"
    assert book.get_excerpt(x3.id).tag_names == ["城市更新"]
    book.restore_tag(snap)
    assert dump(book.conn) == before


def test_delete_tag_refuses_a_clash_of_lifted_names(filled):
    book, (top, child, _), _ = filled
    book.create_tag("意义", parent_id=book.create_tag("x", parent_id=child.id).id)
    book.create_tag("x", parent_id=top.id)
    before = dump(book.conn)
    with pytest.raises(CodebookError):
        book.delete_tag(child.id)
    assert dump(book.conn) == before


def test_a_refused_change_inside_a_larger_transaction_leaves_nothing_behind(filled):
    book, (top, child, _), _ = filled
    book.create_tag("甲", parent_id=child.id)
    book.create_tag("乙", parent_id=child.id)
    book.create_tag("乙", parent_id=top.id)      # lifting 甲 works, lifting 乙 clashes
    before = dump(book.conn)
    with book.write():
        with pytest.raises(CodebookError):
            book.delete_tag(child.id)
    assert dump(book.conn) == before


def test_merge_and_unmerge(filled):
    book, (top, child, other), (x1, x3, x5) = filled
    sub = book.create_tag("子", parent_id=other.id)
    before = dump(book.conn)
    snap = book.merge_tags(other.id, child.id)
    assert {x.id for x in book.list_excerpts(tag_id=child.id, include_subtags=False)} == {x1.id, x3.id, x5.id}
    assert snap.added_to_target == (x5.id,)
    assert [t.path for t in book.list_tags()] == ["城镇化", "城镇化 / 意义", "城镇化 / 意义 / 子"]
    book.unmerge_tags(snap)
    assert dump(book.conn) == before
    assert sub.id in book.subtree_ids(other.id)


def test_merge_into_itself_or_a_subtag_is_refused(filled):
    book, (top, child, _), _ = filled
    for target in (top.id, child.id):
        with pytest.raises(CodebookError):
            book.merge_tags(top.id, target)


@pytest.mark.parametrize("edit", [
    lambda b, t, x: b.update_note(x[0].id, "新备注"),
    lambda b, t, x: b.set_excerpt_tags(x[1].id, [t[0].id]),
    lambda b, t, x: b.rename_tag(t[1].id, "新名"),
    lambda b, t, x: b.recolor_tag(t[2].id, "#000000"),
    lambda b, t, x: b.move_tag(t[1].id, None),
])
def test_edits_return_a_before_snapshot_that_restores_exactly(filled, edit):
    book, tags, excerpts = filled
    before = dump(book.conn)
    snap = edit(book, tags, excerpts)
    assert dump(book.conn) != before
    (book.restore_tag if hasattr(snap, "child_ids") else book.restore_excerpt)(snap)
    assert dump(book.conn) == before


OPS = st.lists(st.tuples(st.sampled_from(["del_x", "del_t", "merge", "note", "tags", "move"]),
                         st.integers(0, 5), st.integers(0, 5)), max_size=8)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=OPS)
def test_any_sequence_of_changes_undoes_to_the_start(ops):
    with tempfile.TemporaryDirectory() as folder:
        library = Library(folder)
        try:
            doc, _ = library.add_document(load_text("一、第一部分标题\n甲乙丙丁戊己庚辛壬癸。\n二、第二部分\n子丑寅卯辰巳午未申酉。\n"))
            book = Codebook(library)
            tags = [book.create_tag(f"t{i}", parent_id=None if i < 2 else 1) for i in range(4)]
            for i in range(5):
                book.add_excerpt(doc, i * 4 + 1, i * 4 + 6, [tags[i % 4].id])
            start = dump(book.conn)
            undo = []
            for op, a, b in ops:
                tag_ids = [t[0] for t in book.conn.execute("SELECT id FROM tags ORDER BY id")]
                ex_ids = [r[0] for r in book.conn.execute("SELECT id FROM excerpts ORDER BY id")]
                try:
                    if op == "del_x" and ex_ids:
                        undo.append((book.restore_excerpt, book.delete_excerpt(ex_ids[a % len(ex_ids)])))
                    elif op == "del_t" and tag_ids:
                        undo.append((book.restore_tag, book.delete_tag(tag_ids[a % len(tag_ids)])))
                    elif op == "merge" and tag_ids:
                        undo.append((book.unmerge_tags, book.merge_tags(tag_ids[a % len(tag_ids)],
                                                                        tag_ids[b % len(tag_ids)])))
                    elif op == "note" and ex_ids:
                        undo.append((book.restore_excerpt, book.update_note(ex_ids[a % len(ex_ids)], f"n{b}")))
                    elif op == "tags" and ex_ids:
                        chosen = tag_ids[:b % (len(tag_ids) + 1)]
                        undo.append((book.restore_excerpt, book.set_excerpt_tags(ex_ids[a % len(ex_ids)], chosen)))
                    elif op == "move" and tag_ids:
                        parent = None if b == 0 else tag_ids[b % len(tag_ids)]
                        undo.append((book.restore_tag, book.move_tag(tag_ids[a % len(tag_ids)], parent)))
                except CodebookError:
                    pass   # refused changes (cycles, name clashes) change nothing
            for restore, snapshot in reversed(undo):
                restore(snapshot)
            assert dump(book.conn) == start
        finally:
            library.close()
