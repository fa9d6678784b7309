"""The shared-phrasing engine on two loose texts: keys, exact, near, placeholders, snapping, offsets."""

from pathlib import Path

import pytest

from reader.core.reuse import ReuseSettings, diff_passage, find_shared
from reader.core.reuse.normalize import PLACEHOLDER, key_string, normalize
from reader.core.reuse.snap import is_boundary

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
SENTENCE = "享有更多城市发展红利，享有均等化的公共服务和美好生活，是民之所需、民之所盼"


def test_keys_drop_punctuation_fold_width_and_keep_offsets():
    keyed = normalize("同志们：\n今天，ＡＢＣ１２３会议 𠀀好。")
    assert key_string(keyed) == "同志们今天abc123会议𠀀好"
    for i in range(len(keyed)):
        start, end = int(keyed.starts[i]), int(keyed.ends[i])
        assert end == start + 1                       # one original character each, 𠀀 included
    assert keyed.text[int(keyed.starts[-2])] == "𠀀"


@pytest.mark.parametrize("text", ["X市", "XX市", "x市", "**市", "***市", "×市", "××市", "＊＊市", "○○市", "□□市"])
def test_placeholders_collapse_to_one_symbol_covering_the_run(text):
    keyed = normalize(text)
    assert keyed.keys.tolist() == [PLACEHOLDER, ord("市")]
    assert (int(keyed.starts[0]), int(keyed.ends[0])) == (0, len(text) - 1)


@pytest.mark.parametrize("text", ["APEX会议", "3×5米", "二〇一五年", "第*条"])
def test_letters_and_single_marks_that_are_not_placeholders(text):
    assert PLACEHOLDER not in normalize(text).keys.tolist()


def test_exact_passage_with_offsets_in_both_texts():
    a = "今天我们开会研究工作。" + SENTENCE + "。下面讲三点意见。"
    b = "各位代表：" + SENTENCE + "，更是城镇化工作的根本出发点。"
    [p] = find_shared(a, b)
    assert p.kind == "exact" and p.similarity == 1.0
    assert p.text == a[p.a_start:p.a_end] == SENTENCE
    assert b[p.b_start:p.b_end] == SENTENCE
    assert p.df is None and p.cls == "distinctive"
    assert set(p.to_dict()) == {"a_start", "a_end", "b_start", "b_end", "text", "kind", "similarity", "df", "class",
                                 "stock_score"}


def test_near_verbatim_passage_with_words_changed():
    a = "开头的话不一样。" + "坚持以人民为中心的发展思想，加快推进以人为核心的新型城镇化，让城市生活更美好，让群众得到更多实惠" + "。结尾。"
    b = "完全另外的开头。" + "坚持以人民为中心的发展理念，加快推进以人为核心的新型城市化，让城市生活更加美好，让群众得到更多实惠" + "。不同。"
    passages = find_shared(a, b, settings=ReuseSettings(reference=False))   # matching alone: no formula split
    assert len(passages) == 1
    p = passages[0]
    assert p.kind == "near" and 0.8 <= p.similarity < 1.0
    assert p.text.startswith("坚持以人民为中心") and p.text.endswith("让群众得到更多实惠")
    assert b[p.b_start:p.b_end].endswith("让群众得到更多实惠")


@pytest.mark.parametrize("mark_a,mark_b", [("X", "**"), ("**", "XX"), ("X", "XX"), ("○○", "×")])
def test_names_anonymised_differently_still_match_exactly(mark_a, mark_b):
    body = "市委市政府高度重视新型城镇化工作，多次召开专题会议研究部署"
    a = f"我们的看法。{mark_a}{body}。"
    b = f"另外的开头。{mark_b}{body}。"
    [p] = find_shared(a, b)
    assert p.kind == "exact"
    assert a[p.a_start:p.a_end] == f"{mark_a}{body}"
    assert b[p.b_start:p.b_end] == f"{mark_b}{body}"


def test_edges_snap_to_words_never_cutting_one():
    # the raw match starts at 们 (我们 / 他们) and ends inside 建设 / 建议: both must move inward
    a = "我们要大力推进城市更新行动，持续改善人居环境质量建设"
    b = "他们要大力推进城市更新行动，持续改善人居环境质量建议"
    [p] = find_shared(a, b)
    assert p.text == "要大力推进城市更新行动，持续改善人居环境质量"
    for text, start, end in ((a, p.a_start, p.a_end), (b, p.b_start, p.b_end)):
        assert is_boundary(text, start) and is_boundary(text, end)


def test_offsets_with_characters_outside_the_bmp():
    shared = "𠀀𠀁加快建设现代化城市，𠀂全面提升城市品质和治理水平"
    a = "𠀀前言𠀁𠀂。" + shared + "。"
    b = "无关的话𠀃。" + shared + "！"
    [p] = find_shared(a, b)
    assert a[p.a_start:p.a_end] == b[p.b_start:p.b_end] == p.text
    assert "加快建设现代化城市" in p.text


def test_minimum_length_is_configurable():
    a = "今天讨论城市更新行动方案。"
    b = "明天继续城市更新行动方案！"
    assert find_shared(a, b, min_chars=12) == []
    [p] = find_shared(a, b, min_chars=6)
    assert p.text == "城市更新行动方案"


def test_unrelated_texts_share_nothing():
    assert find_shared("春眠不觉晓，处处闻啼鸟。", "白日依山尽，黄河入海流。") == []
    assert find_shared("", "") == []


def test_diff_passage_rebuilds_both_sides():
    a = "坚持以人民为中心的发展思想，加快推进新型城镇化"
    b = "坚持以人民为中心的发展理念，加快推进新型城市化"
    ops = diff_passage(a, b)
    assert "".join(t for op, t in ops if op <= 0) == a
    assert "".join(t for op, t in ops if op >= 0) == b
    assert {op for op, _ in ops} == {-1, 0, 1}
    assert diff_passage(a, a) == [(0, a)]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/seeds not present")
def test_seeds_000_and_002_share_the_dividend_sentence():
    a = (SEEDS / "000_a321c980e68834bf.txt").read_text(encoding="utf-8")
    b = (SEEDS / "002_ff9f2e6c13087ee6.txt").read_text(encoding="utf-8")
    passages = find_shared(a, b)
    quoted = "享有更多城市发展“红利”，享有均等化的公共服务和美好生活，是民之所需、民之所盼"
    assert any(quoted in p.text for p in passages)
    for p in passages:
        assert a[p.a_start:p.a_end] == p.text
        assert len(p.text) >= 12
