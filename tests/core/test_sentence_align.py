"""Sentence alignment: a speech against an edited copy of itself, merges and splits, placeholders, offsets."""

import json
import random
import re

import pytest

from reader.core.sentence_align import align_sentences, dice_matrix, heaviest_chain
from reader.core.sentences import SentenceText, split_spans


def sentences_of(text):
    return [text[a:b] for a, b in split_spans(text)]


def edit_chars(sentence, share, rng):
    """Replace about `share` of a sentence's hanzi by other hanzi."""
    chars = list(sentence)
    spots = [k for k, c in enumerate(chars) if "\u4e00" <= c <= "\u9fff"]
    for k in rng.sample(spots, max(1, int(len(spots) * share))):
        chars[k] = "甲乙丙丁戊己庚辛壬癸"[rng.randrange(10)]
    return "".join(chars)


@pytest.fixture
def edited(seed_texts):
    """The first sample and a copy: 3 deleted, 2 inserted, 4 edited by ~10%, 1 moved far, 1 merge, 1 split."""
    from reader.core.importer import load_text

    text = load_text(seed_texts[0]).text
    spans = split_spans(text)
    long_ones = [k for k, (a, b) in enumerate(spans) if b - a > 40 and text[b - 1] == "。"]
    rng = random.Random(13)
    picks = rng.sample([k for k in long_ones[5:-5] if k % 4 == 0], 12)   # never neighbours
    deleted, edited_, moved, merged, split_ = picks[:3], picks[3:7], picks[7], picks[8], picks[9]
    out, truth = [], {}
    moved_text = text[slice(*spans[moved])]
    for k, (a, b) in enumerate(spans):
        s = text[a:b]
        if k in deleted or k == moved:
            continue
        if k in edited_:
            s = edit_chars(s, 0.1, rng)
        if k == merged:
            s = s[:-1] + "，"              # ends with a comma: joins the next sentence
        if k == split_:
            comma = s.index("，", len(s) // 3) if "，" in s[len(s) // 3:] else len(s) // 2
            s = s[:comma] + "。" + s[comma + 1:]
        if k == picks[10]:
            s = s + "新增加的一句话说明今年还要做好这项工作，确保取得实效。"
        if out and out[-1].endswith("，"):
            out[-1] += s                     # no line end between: one sentence
        else:
            out.append(s)
        if k == long_ones[2]:
            out.append(moved_text)           # moved from the middle to near the start
    edited_text = "\n".join(out)
    truth = dict(deleted=[text[slice(*spans[k])] for k in deleted],
                 edited=[text[slice(*spans[k])] for k in edited_],
                 moved=moved_text, merged=text[slice(*spans[merged])], split=text[slice(*spans[split_])])
    return text, edited_text, truth


def rows_by_a(al):
    return {al.text_a[r.a[0]:r.a[1]]: r for r in al.rows if r.a}


def test_edited_copy_recovers_each_kind(edited):
    text, copy, truth = edited
    al = align_sentences(text, copy)
    by_a = rows_by_a(al)
    for s in truth["deleted"]:
        assert by_a[s].kind == "a_only" and by_a[s].b is None
    for s in truth["edited"]:
        row = by_a[s]
        assert row.kind == "changed" and 0.75 <= row.similarity < 1.0
    moved = by_a[truth["moved"]]
    assert moved.kind == "moved" and moved.b is None
    other = al.rows[moved.counterpart]
    assert other.kind == "moved" and other.counterpart == al.rows.index(moved)
    assert copy[other.b[0]:other.b[1]] == truth["moved"]
    summary = al.summary()
    assert summary.removed == 3 and summary.moved == 1
    assert summary.same > 100
    # every sentence of both texts is in exactly one row, in reading order on each side
    covered_a = sorted(r.a for r in al.rows if r.a)
    assert [x for span in covered_a for x in span] == sorted(x for span in covered_a for x in span)
    assert sum(r.a_parts for r in al.rows) == len(al.a)
    assert sum(r.b_parts for r in al.rows) == len(al.b)
    in_order = [r.b for r in al.rows if r.b and r.kind != "moved"]
    assert in_order == sorted(in_order)


def test_merge_and_split(edited):
    text, copy, truth = edited
    al = align_sentences(text, copy)
    merged_row = next(r for r in al.rows if r.a and text[r.a[0]:r.a[1]].startswith(truth["merged"]))
    assert (merged_row.a_parts, merged_row.b_parts) == (2, 1) and merged_row.kind == "changed"
    assert merged_row.similarity > 0.9
    split_row = rows_by_a(al)[truth["split"]]
    assert (split_row.a_parts, split_row.b_parts) == (1, 2)
    assert split_row.similarity > 0.9


def test_small_merge_split_and_insertions():
    a = "我们要坚持问题导向，聚焦重点领域。扎实推进各项改革任务落地见效。今年经济运行总体平稳。"
    b = "我们要坚持问题导向，聚焦重点领域，扎实推进各项改革任务落地见效。今年经济运行总体平稳。城市更新取得新进展。"
    rows = align_sentences(a, b).rows
    assert [(r.kind, r.a_parts, r.b_parts) for r in rows] == [("changed", 2, 1), ("same", 1, 1), ("b_only", 0, 1)]
    back = align_sentences(b, a).rows
    assert [(r.kind, r.a_parts, r.b_parts) for r in back] == [("changed", 1, 2), ("same", 1, 1), ("a_only", 1, 0)]


def test_placeholders_and_punctuation_are_not_changes_when_loose():
    a = "XX市要加快推进城市更新行动，改善人居环境。**县要抓好乡村振兴。"
    b = "○○市要加快推进城市更新行动、改善人居环境。某某县要抓好乡村振兴。"
    strict = align_sentences(a, b).rows
    assert [r.kind for r in strict] == ["changed", "changed"]
    assert strict[0].similarity == 1.0      # the wording is the same: only a placeholder and a comma differ
    loose = align_sentences(a, b, loose=True).rows
    assert [r.kind for r in loose] == ["same", "changed"]   # 某某 is a word, not a placeholder


def test_offsets_with_characters_outside_the_bmp():
    a = "𠀀𠀁要推进𪚥工程。第二句没有变化。"
    b = "前言一句。𠀀𠀁要推进𪚥工程建设。第二句没有变化。"
    al = align_sentences(a, b)
    kinds = [r.kind for r in al.rows]
    assert kinds == ["b_only", "changed", "same"]
    row = al.rows[1]
    assert a[row.a[0]:row.a[1]] == "𠀀𠀁要推进𪚥工程。"
    assert b[row.b[0]:row.b[1]] == "𠀀𠀁要推进𪚥工程建设。"
    assert row.a == (0, 9)           # Python indices: one per character, even outside the BMP
    data = json.loads(json.dumps([r.to_json() for r in al.rows]))
    assert data[2] == {"a": [9, 17], "b": [16, 24], "kind": "same", "similarity": 1.0, "line": 2}


def test_sections_only_and_empty_texts():
    text = "一、总体要求\n坚持稳中求进。\n二、重点任务\n推进城市更新。加强基层治理。"
    start = text.index("二、")
    al = align_sentences(text, text, (start, len(text)), (start, len(text)))
    assert [text[r.a[0]:r.a[1]] for r in al.rows] == ["二、重点任务", "推进城市更新。", "加强基层治理。"]
    assert align_sentences("", "").rows == []
    assert [r.kind for r in align_sentences("", "一句话。").rows] == ["b_only"]


def test_splitting_keeps_closing_quotes_and_line_ends():
    text = "　　他说：“要抓落实！”然后散会。\n\n第二段；第三句？"
    assert sentences_of(text) == ["他说：“要抓落实！”", "然后散会。", "第二段；", "第三句？"]


def test_heaviest_chain_prefers_more_pairs_in_order():
    import numpy as np

    i = np.array([0, 1, 2, 3, 0])
    j = np.array([3, 0, 1, 2, 0])
    w = np.array([0.9, 0.8, 0.8, 0.8, 0.5])
    # (0, 3) weighs most alone, but three pairs in order weigh more; (0, 0) and (1, 0) share a j
    assert heaviest_chain(i, j, w, 4) == [(1, 0), (2, 1), (3, 2)]


def test_dice_matches_a_direct_count(seed_texts):
    a, b = SentenceText(seed_texts[0][:3000]), SentenceText(seed_texts[2][:3000])
    i, j, d = dice_matrix(a, b)
    sets_a, sets_b = a.bigram_sets(), b.bigram_sets()
    for k in range(0, len(i), max(1, len(i) // 50)):
        x, y = sets_a[i[k]], sets_b[j[k]]
        assert d[k] == pytest.approx(2 * len(x & y) / (len(x) + len(y)))
    found = set(zip(i.tolist(), j.tolist()))
    for x in range(len(a)):
        for y in range(len(b)):
            if sets_a[x] & sets_b[y]:
                assert (x, y) in found


def test_a_pin_pairs_reworded_headings_but_never_displaces_real_matches():
    a = "一、总体要求\n第一句讲城市更新行动要全面推进。第二句讲基础设施建设要补齐短板。"
    b = "一、指导思想和目标任务\n第一句讲城市更新行动要全面推进。第二句讲基础设施建设要补齐短板。"
    assert [r.kind for r in align_sentences(a, b).rows] == ["a_only", "b_only", "same", "same"]
    assert [r.kind for r in align_sentences(a, b, pinned=[(0, 0)]).rows] == ["changed", "same", "same"]
    wrong = align_sentences(a, b, pinned=[(0, b.index("第二句"))]).rows
    assert [r.kind for r in wrong].count("same") == 2
    # offsets that do not start a sentence are ignored
    assert [r.kind for r in align_sentences(a, b, pinned=[(1, 1)]).rows] == ["a_only", "b_only", "same", "same"]


POOL = ["城市更新行动要全面推进。", "基础设施建设要补齐短板。", "生态环境保护要久久为功。", "XX县要抓好乡村振兴，",
        "同志们：", "谢谢大家！", "要坚持问题导向；", "𠀀𠀁工程建设要加快。", "\n", "一、总体要求\n", "推进新型城镇化建设？"]


@pytest.mark.parametrize("seed", range(40))
def test_invariants_on_random_drafts(seed):
    """Every sentence of each side is in exactly one row; unmoved rows keep both texts' order; links are mutual."""
    rng = random.Random(seed)
    a = "".join(rng.choice(POOL) for _ in range(rng.randrange(0, 14)))
    parts = [p for p in re.split(r"(?<=[。！？；\n])", a) if p]
    if seed % 3 == 0:
        rng.shuffle(parts)           # sentences reordered: some become moved
    b = "".join(p if rng.random() > 0.2 else rng.choice(POOL) for p in parts if rng.random() > 0.15)
    al = align_sentences(a, b)
    assert sum(r.a_parts for r in al.rows) == len(al.a) and sum(r.b_parts for r in al.rows) == len(al.b)
    for side, spans in (("a", [r.a for r in al.rows if r.a and r.kind != "moved"]),
                        ("b", [r.b for r in al.rows if r.b and r.kind != "moved"])):
        assert spans == sorted(spans)
        assert all(x[1] <= y[0] for x, y in zip(spans, spans[1:]))
    for k, row in enumerate(al.rows):
        assert row.a is not None or row.b is not None
        if row.kind == "moved":
            other = al.rows[row.counterpart]
            assert other.counterpart == k and (row.a is None) != (other.a is None)
        if row.kind == "same":
            assert a[row.a[0]:row.a[1]] == b[row.b[0]:row.b[1]]
        assert 0.0 <= row.similarity <= 1.0
    # table lines: in row order, each row on one, a shared line only faces an unmatched A with an unmatched B
    assert [r.line for r in al.rows] == sorted(r.line for r in al.rows)
    lines = al.lines()
    assert len(lines) == len({r.line for r in al.rows})
    for n, (left, right) in enumerate(lines):
        assert left is None or (al.rows[left].a and al.rows[left].line == n)
        assert right is None or (al.rows[right].b and al.rows[right].line == n)
        if left != right and None not in (left, right):
            assert al.rows[left].b is None and al.rows[right].a is None and right == left + 1
            assert {al.rows[left].kind, al.rows[right].kind} <= {"a_only", "b_only", "moved"}


def test_unmatched_sentences_of_one_gap_face_each_other():
    """As collation tools do: the k-th leftover of A and of B in one gap share a table line, in order."""
    a = "开头一句完全相同。甲一讲的是财政预算管理。甲二讲的是教育事业发展。结尾一句也相同。"
    b = "开头一句完全相同。乙一讲的是交通运输安全。乙二讲的是医疗卫生服务。乙三讲的是文化旅游融合。结尾一句也相同。"
    al = align_sentences(a, b)
    assert [r.kind for r in al.rows] == ["same", "a_only", "b_only", "a_only", "b_only", "b_only", "same"]
    assert al.lines() == [(0, 0), (1, 2), (3, 4), (None, 5), (6, 6)]
    assert [r.line for r in al.rows] == [0, 1, 1, 2, 2, 3, 4]
    left, right = al.lines()[1]
    assert a[slice(*al.rows[left].a)] == "甲一讲的是财政预算管理。"
    assert b[slice(*al.rows[right].b)] == "乙一讲的是交通运输安全。"
    assert [row["line"] for row in (r.to_json() for r in al.rows)] == [0, 1, 1, 2, 2, 3, 4]
    s = al.summary()
    assert (s.same, s.changed, s.removed, s.added) == (2, 0, 2, 3)     # facing is layout, not a match


def test_a_moved_sentence_keeps_its_place_in_a_gap():
    a = "第一句讲城市更新行动要全面推进。第二句讲基础设施建设要补齐短板。删去的一句讲的是别的事情。第三句讲生态环境保护要久久为功。"
    b = "第一句讲城市更新行动要全面推进。新加的一句讲要防范化解重大风险。第三句讲生态环境保护要久久为功。第二句讲基础设施建设要补齐短板。"
    al = align_sentences(a, b)
    lines = al.lines()
    assert len(lines) == len({r.line for r in al.rows}) and sorted(k for line in lines for k in set(line) - {None}) \
        == list(range(len(al.rows)))
    moved = [k for k, r in enumerate(al.rows) if r.kind == "moved"]
    assert len(moved) == 2 and al.rows[moved[0]].counterpart == moved[1]
    assert all(al.rows[k].line <= al.rows[k + 1].line for k in range(len(al.rows) - 1))
