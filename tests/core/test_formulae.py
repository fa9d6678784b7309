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


def _texts(found):
    return {f.text: f for f in found}


def test_formulae_led_by_shuang_qian_bai_or_a_repeated_numeral():
    text = ("推进“双碳”工作，落实“双减”政策，建设“双一流”高校。深化“千万工程”经验，实施“百千万工程”，"
            "坚持“八八战略”，坚持“九二共识”，开展“万企兴万村”行动。“三万人”参加，“五千亿”投资。")
    found = _texts(find_formulae([(1, text)]))
    assert {"双碳", "双减", "双一流", "千万工程", "百千万工程", "八八战略", "九二共识", "万企兴万村"} <= set(found)
    assert not {"三万人", "五千亿"} & set(found)


def test_unquoted_known_national_formulae_are_found_with_their_definition():
    text = ("统筹推进五位一体总体布局，为实现两个一百年奋斗目标而奋斗，打好三大攻坚战，严格落实八项规定，"
            "统筹两个大局，新三样出口增长。")
    found = _texts(find_formulae([(1, text)]))
    assert {"五位一体", "两个一百年", "三大攻坚战", "八项规定", "两个大局", "新三样"} <= set(found)
    assert "生态文明建设" in found["五位一体"].reference
    assert found["三大攻坚战"].to_dict()["reference_definition"]


def test_bare_number_formulae_but_not_years_or_hotlines():
    text = "落实“132”工作思路，构建“1310”发展格局，推进“12221”市场体系。拨打“12345”热线。“2024”年。"
    found = _texts(find_formulae([(1, text)]))
    assert {"132", "1310", "12221"} <= set(found)
    assert not {"12345", "2024"} & set(found)


def test_place_names_idioms_and_self_structure_are_not_formulae():
    text = ("“四川造”产品走向全国，“三亚”旅游兴旺。“一方水土难养一方人”，要学会“十个指头弹钢琴”。"
            "下面我讲四个方面：一是抓项目，二是抓招商，三是抓环境，四是抓队伍。"
            "重点抓好十二个方面：一是甲，二是乙。")
    found = set(_texts(find_formulae([(1, text)])))
    assert not {"四川造", "三亚", "一方水土难养一方人", "十个指头弹钢琴", "四个方面", "十二个方面"} & found


def test_items_of_a_known_formula_replace_a_wrong_parse():
    text = "统筹推进“四大板块”：继续推动东、中、西、东北地区协调发展。"
    found = _texts(find_formulae([(1, text)]))
    assert found["四大板块"].items == ("西部开发", "东北振兴", "中部崛起", "东部率先")


def test_four_cards_gets_the_reference_definition_in_the_samples(found):
    four = found[0]["四张牌"]
    assert "新型城镇化" in four.reference and "创新驱动发展" in four.items


def test_samples_spell_out_one_centre_six_clusters_and_three_blocks(found):
    formulae, _ = found
    centre = formulae["一中心六组团"].definition
    assert centre is not None and centre.sentence.startswith("中心城区是实施")
    assert formulae["三大板块"].items[:2] == ("洛北城区", "洛南城区")


def test_first_item_loses_the_verb_its_clause_opens_with(found):
    formulae, _ = found
    assert formulae["三篇文章"].items == ("规划", "建设", "管理")
    assert formulae["四级联动"].items == ("市", "县", "乡", "村")


def test_wei_after_the_quote_spells_a_formula_out_and_two_skins_is_an_idiom():
    text = ("加快形成“三级三类”空间规划体系（“三级”为市、县、乡三级，“三类”为总体规划、详细规划和相关专项规划）。"
            "防止形成“两张皮”。以“三级”为基础。")
    found = _texts(find_formulae([(1, text)]))
    assert found["三级"].items == ("市", "县", "乡")
    assert found["三类"].items == ("总体规划", "详细规划", "相关专项规划")
    assert "两张皮" not in found
