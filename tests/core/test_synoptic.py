"""Synoptic cells: the pair diff and its clean-up, quiet marks, section groups, escaped HTML."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.outline import parse_outline
from reader.core.sentence_align import align_sentences
from reader.core.synoptic import (DELETE, EQUAL, INSERT, LONG_EQUAL, build_synoptic, fold_short_equalities,
                                  group_rows, is_mark_only, pair_diff, row_pieces)
from reader.core.synoptic_html import body_rows, clipboard_payload, header_row, table_html


def sides(diffs):
    return "".join(t for op, t in diffs if op != INSERT), "".join(t for op, t in diffs if op != DELETE)


def test_a_long_equal_run_between_larger_edits_is_never_folded():
    shared = "坚持以人民为中心的发展思想"
    a = "甲" * 40 + shared + "乙" * 40
    b = "丙" * 45 + shared + "丁" * 45
    diffs = pair_diff(a, b)
    assert (EQUAL, shared) in diffs
    assert sides(diffs) == (a, b)
    # diff-match-patch's own semantic clean-up would fold it (PITFALLS): ours keeps it
    from diff_match_patch import diff_match_patch

    dmp = diff_match_patch()
    raw = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(raw)
    assert (EQUAL, shared) not in raw


def test_short_equalities_between_longer_edits_are_folded():
    diffs = fold_short_equalities([(DELETE, "推动高质量"), (INSERT, "促进均衡"), (EQUAL, "的"),
                                   (DELETE, "发展格局"), (INSERT, "协调局面"), (EQUAL, "，要坚持下去。")])
    assert diffs == [(DELETE, "推动高质量的发展格局"), (INSERT, "促进均衡的协调局面"), (EQUAL, "，要坚持下去。")]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="城市建设发展，。XＸ*𠀀的要", max_size=40), st.text(alphabet="城市建设发展，。XＸ*𠀀的要", max_size=40))
def test_pair_diff_joins_back_to_both_sides(a, b):
    diffs = pair_diff(a, b)
    assert sides(diffs) == (a, b)
    # every equal run of LONG_EQUAL or more in diff-match-patch's raw diff stays equal after our clean-up
    from diff_match_patch import diff_match_patch

    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    assert equal_positions(dmp.diff_main(a, b, False), LONG_EQUAL) <= equal_positions(diffs, 1)


def equal_positions(diffs, min_len):
    """Offsets in A covered by equal runs at least min_len long."""
    covered, pos = set(), 0
    for op, text in diffs:
        if op == EQUAL and len(text) >= min_len:
            covered.update(range(pos, pos + len(text)))
        if op != INSERT:
            pos += len(text)
    return covered


def test_quiet_marks_only_for_punctuation_and_placeholders():
    assert is_mark_only("，") and is_mark_only("XX") and is_mark_only("**、")
    assert not is_mark_only("某某") and not is_mark_only("的")
    al = align_sentences("XX市要推进城市更新，改善人居环境。", "**市要推进城市更新、改善人居环境。")
    loud = row_pieces(al, al.rows[0])
    quiet = row_pieces(al, al.rows[0], quiet=True)
    assert {m for _, m in loud[0]} >= {"del"} and {m for _, m in loud[1]} >= {"ins"}
    assert {m for _, m in quiet[0]} <= {"", "quiet"} and {m for _, m in quiet[1]} <= {"", "quiet"}
    assert "".join(t for t, _ in quiet[0]) == al.text_a[slice(*al.rows[0].a)]


def test_sections_of_the_samples_group_and_caption(seed_texts):
    from reader.core.importer import load_text

    a, b = load_text(seed_texts[0]).text, load_text(seed_texts[2]).text
    sa, sb = parse_outline(a), parse_outline(b)
    second_a = next(s for s in sa if s.label == "二、")
    second_b = next(s for s in sb if s.label == "二、")
    al, groups = build_synoptic(a, sa, b, sb, second_a, second_b, lang="zh")
    assert len(groups) == 1 and groups[0].caption_a.startswith("二、着力统筹推进")
    assert groups[0].rows == list(range(len(al.rows)))
    # the reworded headings of the aligned sections face each other, and stand as the section row
    first = al.rows[0]
    assert (first.kind, first.a[0], first.b[0]) == ("changed", second_a.start, second_b.start)
    assert groups[0].heading and (first.a_parts, first.b_parts) == (1, 1)
    assert all(second_a.start <= r.a[0] and r.a[1] <= second_a.end for r in al.rows if r.a)
    assert all(second_b.start <= r.b[0] and r.b[1] <= second_b.end for r in al.rows if r.b)
    whole, groups = build_synoptic(a, sa, b, sb, lang="zh")
    heading_row = next(r for r in whole.rows if r.a and r.a[0] == second_a.start)
    assert heading_row.b[0] == second_b.start
    assert [k for g in groups for k in g.rows] == list(range(len(whole.rows)))
    assert groups[0].caption_a == "开头" and any(g.caption_a.startswith("三、") for g in groups)


def test_html_escapes_speech_text_and_marks_changes():
    al = align_sentences("<b>要</b>推进城市更新行动。", "<b>要</b>推进城市更新&行动。")
    markup = table_html(al, ("甲<i>", "乙"), group_rows(al, [], []))
    assert "<b>" not in markup and "&lt;b&gt;" in markup and "甲&lt;i&gt;" in markup
    assert "text-decoration:underline" in markup
    html_text, plain = clipboard_payload(al, ("甲", "乙"), group_rows(al, [], []))
    assert "<!--StartFragment-->" in html_text and plain.splitlines()[0] == "甲\t乙"
    assert plain.splitlines()[1] == "<b>要</b>推进城市更新行动。\t<b>要</b>推进城市更新&行动。"


def test_hidden_rows_are_counted():
    text = "第一句相同。第二句相同。第三句要改动一下。"
    al = align_sentences(text, text.replace("改动一下", "修改一下"))
    groups = group_rows(al, [], [])
    markup = "\n".join([header_row(("A", "B"), True)] + body_rows(al, groups, hide={0, 1}, lang="en", numbered=True))
    assert "2 identical sentence(s) hidden" in markup
    assert 'name="row-2"' in markup and 'name="row-0"' not in markup
    assert len(re.findall("<tr>", markup)) == 3    # header, the hidden line, the changed row


def test_a_merge_is_marked_in_the_numbered_table():
    al = align_sentences("我们要坚持问题导向，聚焦重点领域。扎实推进各项改革任务落地见效。",
                         "我们要坚持问题导向，聚焦重点领域，扎实推进各项改革任务落地见效。")
    assert (al.rows[0].a_parts, al.rows[0].b_parts) == (2, 1)
    assert "1<br>2:1</td>" in "".join(body_rows(al, group_rows(al, [], []), numbered=True))


def test_whole_speeches_have_one_section_row_per_aligned_pair(seed_texts):
    """Samples 1 and 3: the opening, the three paired headings, the closing; none repeated as the sides drift."""
    from reader.core.importer import load_text

    a, b = load_text(seed_texts[0]).text, load_text(seed_texts[2]).text
    al, groups = build_synoptic(a, parse_outline(a), b, parse_outline(b), lang="zh")
    assert [g.caption_a[:2] for g in groups] == ["开头", "一、", "二、", "三、", "结尾"]
    assert [g.caption_b[:2] for g in groups] == ["开头", "一、", "二、", "三、", "结尾"]
    assert [g.heading for g in groups] == [False, True, True, True, False]
    assert [line for g in groups for line in g.lines] == al.lines()
    assert "↔" not in groups[0].caption() and groups[1].caption().count("↔") == 1


def test_a_section_only_one_side_has_is_named_once():
    """B has no numbered sections: A's sections each get one row, B's opening is not repeated against them."""
    a = "同志们：\n今天召开全市工作会议。\n一、总体要求\n坚持稳中求进工作总基调。推动城市更新行动落地见效。\n二、重点任务\n加快推进新型城镇化建设。"
    b = "同志们：\n今天召开全市工作会议。坚持稳中求进工作总基调。推动城市更新行动全面落地见效。加快推进新型城镇化建设。"
    al, groups = build_synoptic(a, parse_outline(a), b, parse_outline(b), lang="en")
    captions = [g.caption() for g in groups]
    assert captions == ["Opening", "一、总体要求 ↔ —", "二、重点任务 ↔ —"]
    assert [line for g in groups for line in g.lines] == al.lines()
    markup = table_html(al, ("A", "B"), groups)
    assert markup.count("一、总体要求 ↔ —") == 1 and "Opening ↔" not in markup
