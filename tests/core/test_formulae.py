"""Numbered formulae: found by pattern on the samples, plain quantities refused, definitions spelled out."""

import pytest

from reader.core.formulae import chinese_number, find_formulae


@pytest.fixture
def found(sample_library):
    lib = sample_library
    docs = [(d.id, lib.get_document(d.id).text) for d in lib.list_documents()]
    return {f.text: f for f in find_formulae(docs)}, dict(docs)


def test_known_formulae_are_found_in_the_right_speeches(found):
    formulae, _ = found
    assert formulae["四张牌"].doc_ids == (1, 3)
    assert formulae["9+2"].doc_ids == (1,)
    assert formulae["一中心六组团"].doc_ids == (1, 3)
    assert formulae["三个处理"].doc_ids == (5,)
    assert formulae["五个推进"].doc_ids == (3,)
    assert formulae["三项工程、一项管理"].doc_ids == (5,)
    assert formulae["两圈四区"].doc_ids == (2,)   # the head of “两圈四区、网络发展”
    assert formulae["一中心六组团"].count >= 7


def test_occurrences_index_the_cleaned_text(found):
    formulae, texts = found
    for formula in formulae.values():
        for doc_id, start, end in formula.occurrences:
            assert texts[doc_id][start:end] == formula.text


def test_definitions_list_the_items(found):
    formulae, texts = found
    processing = formulae["三个处理"].definition
    assert processing is not None and processing.doc_id == 5
    assert "“三个处理”：一要处理好疏与密的关系" in processing.sentence
    assert texts[5][processing.start:processing.end] == processing.sentence
    assert len(formulae["三个处理"].items) == 3
    assert formulae["五个推进"].items == ("高位推进", "精准推进", "统筹推进", "有序推进", "协同推进")
    quality = formulae["四个品质"]     # items listed before the quote
    assert quality.definition is not None and len(quality.items) == 4


def test_plain_quantities_dates_and_idioms_are_refused(found):
    formulae, _ = found
    for text in ("十四五", "十一", "2024", "三年行动计划", "一盘棋", "两会", "二次生命", "一发动全身", "三点意见"):
        assert text not in formulae
    assert not any(f.text.startswith(("3家", "11个", "1-7")) for f in formulae.values())


def test_quantities_in_made_up_text():
    text = ("今年三个月内完成3家单位验收，11个部门参加，增长2.5个百分点，投资十亿元。"
            "要做到“三个坚持”：一是坚持规划，二是坚持建设，三是坚持管理。"
            "抓好两件事。推进“1+N”政策体系。做好三项工作，即调研、部署、落实。")
    formulae = {f.text: f for f in find_formulae([(7, text)])}
    assert set(formulae) == {"三个坚持", "1+N", "三项工作"}
    assert formulae["三个坚持"].items == ("坚持规划", "坚持建设", "坚持管理")
    assert formulae["三项工作"].definition.sentence.startswith("做好三项工作，即")


def test_unquoted_formula_without_definition_is_ignored():
    assert find_formulae([(1, "主要从三个方面推进，抓好五大任务。")]) == []


def test_chinese_numbers():
    assert [chinese_number(n) for n in ("一", "两", "十", "十二", "二十", "九十九", "12")] == [1, 2, 10, 12, 20, 99, 12]
    assert chinese_number("十四五") is None and chinese_number("一一") is None
