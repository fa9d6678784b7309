"""The outline parser on the bundled speeches, on run-on text, on false markers and on arbitrary text."""

from __future__ import annotations

import functools
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.outline import Section, iter_sections, parse_outline, path_label, section_path
from reader.core.paths import asset_dir

SPEECHES = {
    "000": "01_2022_henan_city_new_urbanization_work_meeting.txt",
    "001": "02_shandong_city_urbanization_pilot_work_meeting.txt",
    "002": "03_2022_henan_city_hundred_cities_upgrade_and_civilised_city_meeting.txt",
    "003": "04_2022_city_urban_rural_construction_directors_forum.txt",
    "004": "05_2024_city_high_quality_urban_construction_meeting_web_copy.txt",
}
WEB_TITLE = "在2024年全市高品质城市建设工作推进会议上的讲话"


@functools.cache
def speech(key: str) -> str:
    """A bundled speech; the web copy (004) without the site's header, as the importer leaves it."""
    text = (asset_dir("corpus") / SPEECHES[key]).read_text(encoding="utf-8")
    if key == "004":
        text = text[text.index(WEB_TITLE + "\n同志们：\n"):]
    return text


def run_on(key: str) -> str:
    """A speech with all its line breaks removed."""
    return speech(key).replace("\n", "")


def headings(sections: list[Section]) -> list[Section]:
    """The numbered sections of one level."""
    return [s for s in sections if s.kind == "heading"]


def labels(sections: list[Section]) -> list[str]:
    """The markers of one level's headings."""
    return [s.label for s in headings(sections)]


def titles(sections: list[Section]) -> list[str]:
    """The titles of one level's headings."""
    return [s.title for s in headings(sections)]


def by_label(sections: list[Section], label: str) -> Section:
    """The first heading of a level with this marker."""
    return next(s for s in sections if s.label == label)


def assert_well_formed(sections: list[Section], text: str) -> None:
    """Top level tiles the text; each level of children tiles its parent after the parent's marker."""
    if not text:
        assert sections == []
        return
    assert sections[0].start == 0 and sections[-1].end == len(text)
    _assert_tiles(sections, 1)
    for parent in iter_sections(sections):
        assert 0 <= parent.start < parent.end <= len(text)
        if parent.children:
            assert parent.children[0].start >= parent.start + len(parent.label)
            assert parent.children[-1].end == parent.end
            _assert_tiles(parent.children, parent.level + 1)


def _assert_tiles(level: list[Section], depth: int) -> None:
    for left, right in zip(level, level[1:]):
        assert left.end == right.start
    assert all(s.level == depth for s in level)


# ---- the bundled speeches, expectations read from the texts ----

def test_000_top_level_opening_headings_closing():
    text = speech("000")
    outline = parse_outline(text)
    assert [s.kind for s in outline] == ["opening", "heading", "heading", "heading", "closing"]
    assert labels(outline) == ["一、", "二、", "三、"]
    assert titles(outline) == [
        "持续深化认识、主动作为，着力走出一条**特色的新型城镇化路子",
        "着力统筹推进、重点突破，建设宜居宜业现代化城市",
        "注重科学运作、综合施策，推动新型城镇化健康发展",
    ]
    opening, closing = outline[0], outline[-1]
    assert text[opening.start:opening.end].startswith("同志们：\n今天，我们召开市委新型城镇化工作推进会")
    assert text[opening.end:].startswith("一、持续深化认识")
    assert text[closing.start:].startswith("同志们，加快推进新型城镇化任务繁重")
    assert (opening.label, opening.title, closing.label, closing.title) == ("", "", "", "")


def test_000_first_heading_has_di_children():
    first = parse_outline(speech("000"))[1]
    assert labels(first.children) == ["第一，", "第二，", "第三，", "第四，"]
    assert titles(first.children) == [
        "这是落实习近平总书记打好“四张牌”要求的具体行动",
        "这是落实**发展新战略定位的必然要求",
        "这是加快推进“9+2”工作布局的紧迫任务",
        "这是人民群众的热切期盼",
    ]


def test_000_second_heading_nests_paren_then_yao_or_shi():
    second = parse_outline(speech("000"))[2]
    assert labels(second.children) == ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）"]
    assert second.children[0].title == "要在完善规划体系上重点突破"
    assert second.children[5].title == "要在精细化管理上重点突破"
    planning = second.children[0]
    assert labels(planning.children) == ["一要", "二要", "三要", "四要"]
    assert titles(planning.children) == ["加快总规修编", "突出重点区域", "做好专项规划", "加强规划管理"]
    clusters = second.children[2]
    assert labels(clusters.children) == ["一是", "二是", "三是"]
    assert titles(clusters.children) == ["交通连接要快速便捷", "产业承接要紧密配套", "生态对接要协同发力"]
    assert [len(c.children) for c in second.children] == [4, 3, 3, 4, 3, 3]


def test_000_third_heading_has_inline_yao_inside_paren():
    third = parse_outline(speech("000"))[3]
    assert titles(third.children) == ["改革推动，政策支撑", "顺势而为，真抓实做", "协同推进，凝聚合力"]
    reform = third.children[0]
    assert labels(reform.children) == ["一要", "二要", "三要", "四要"]
    assert titles(reform.children) == [
        "有序推进农业转移人口市民化", "加快推进资金来源渠道多元化",
        "着力推进城镇建设用地集约化", "积极推进基本公共服务均等化",
    ]


def test_000_ordinal_phrases_are_not_markers():
    # "第一个层次是主导产业" (after a comma) and "第一期" are ordinary words
    found = {s.label for s in iter_sections(parse_outline(speech("000")))}
    assert not any(label.startswith("第一个") for label in found)


def test_001_four_headings_with_paren_children():
    outline = parse_outline(speech("001"))
    assert labels(outline) == ["一、", "二、", "三、", "四、"]
    assert titles(outline) == [
        "全市新型城镇化综合试点工作取得显著进展",
        "进一步增强新型城镇化综合试点工作的紧迫感、责任感和使命感",
        "深入推进新型城镇化综合试点工作",
        "进一步加强对城镇化试点工作的领导",
    ]
    assert [len(s.children) for s in headings(outline)] == [6, 3, 5, 3]
    assert labels(outline[1].children) == ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）"]
    assert outline[1].children[0].title == "工作推进机制不断健全"
    assert outline[2].children[0].title == "树立担当意识，解决“不敢试”的问题"
    assert outline[0].kind == "opening" and outline[-1].kind == "closing"


def test_001_third_heading_carriers_with_shi_and_inline_yao():
    carriers = by_label(parse_outline(speech("001"))[3].children, "（三）")
    assert carriers.title == "强化城镇化载体建设"
    assert labels(carriers.children) == ["一是", "二是", "三是", "四是"]
    assert titles(carriers.children) == [
        "大力推进新型城市建设", "加快推进中小城市培育", "积极创建特色小镇", "合理建设农村新型社区",
    ]
    # "要做到“四个坚持”：一要坚持因地制宜，…；二要坚持产业建镇，…" inside 三是
    towns = carriers.children[2]
    assert labels(towns.children) == ["一要", "二要", "三要", "四要"]
    assert titles(towns.children) == ["坚持因地制宜", "坚持产业建镇", "坚持以人为本", "坚持市场主导"]
    assert all(not c.children for c in carriers.children if c is not towns)


def test_002_three_headings_with_yao_and_inline_shi():
    outline = parse_outline(speech("002"))
    assert labels(outline) == ["一、", "二、", "三、"]
    assert titles(outline) == [
        "回看走过的路，切实增强使命担当", "远眺前行的路，牢牢把握主攻方向", "走好当下的路，不断取得新的更大成效",
    ]
    second = outline[2]
    assert labels(second.children) == ["一要", "二要", "三要", "四要"]
    assert titles(second.children) == ["着力落实发展定位", "着力完善城市功能", "着力彰显文化特色", "着力推动精细管理"]
    functions = second.children[1]
    assert titles(functions.children) == ["交通优先", "软硬配套", "产城融合"]
    management = second.children[3]
    assert labels(management.children) == ["一是", "二是", "三是", "四是", "五是"]
    assert management.children[0].title == "交通秩序“治堵”"
    assert management.children[4].title == "公共服务“治差”"
    assert second.children[0].children == [] and second.children[2].children == []
    third = outline[3]
    assert titles(third.children) == ["强化规划引领", "强化项目抓手", "强化品质提升", "强化统筹推进", "强化攻坚克难"]
    assert all(not c.children for c in third.children)   # "要重特色。要重细节。" are not numbered


def test_002_first_heading_lists_each_paragraphs_enumeration_in_turn():
    # three paragraphs of 一、 each enumerate inside the paragraph: 一是…四是, then 第一，…第三，, then 一是…五是;
    # a run confined to its paragraph cannot hold the next paragraph, so the runs are siblings
    first = parse_outline(speech("002"))[1]
    assert labels(first.children) == [
        "一是", "二是", "三是", "四是", "第一，", "第二，", "第三，", "一是", "二是", "三是", "四是", "五是",
    ]
    assert titles(first.children)[:4] == ["完善了城市功能", "提升了城市品质", "促进了经济发展", "锤炼了干部队伍"]
    assert titles(first.children)[4:7] == ["这是城市发展之需", "这是经济转型之需", "这是民生改善之需"]
    assert titles(first.children)[7:] == ["高位推进", "精准推进", "统筹推进", "有序推进", "协同推进"]


def test_003_four_headings_with_inline_yao():
    outline = parse_outline(speech("003"))
    assert labels(outline) == ["一、", "二、", "三、", "四、"]
    assert titles(outline) == [
        "要当好城乡发展的“规划师”", "要当好项目建设的“主力军”", "要当好服务民生的“贴心人”", "要当好保障发展的“护航员”",
    ]
    assert [labels(s.children) for s in headings(outline)] == [["一要", "二要", "三要"]] * 4
    assert titles(outline[1].children) == ["坚持精心谋划", "坚持精准规划", "坚持精致设计"]
    assert titles(outline[3].children) == ["提升公共服务质量", "提升城市管理效能", "提升城乡人居环境"]
    # 四、: 一要 opens its own line, 二要 and 三要 follow inside the same paragraph
    assert titles(outline[4].children) == ["强化要素保障", "优化审批流程", "守牢安全底线"]
    assert speech("003")[outline[-1].start:].startswith("同志们，做好城乡建设工作")


def test_004_three_headings_with_paren_children():
    text = speech("004")
    outline = parse_outline(text)
    assert labels(outline) == ["一、", "二、", "三、"]
    assert text[outline[0].start:outline[0].end].startswith(WEB_TITLE + "\n同志们：")
    assert titles(outline[2].children) == ["围绕一个目标", "坚持三个原则", "突出抓好五大建设任务"]
    assert titles(outline[3].children) == ["提高城市治理能力", "完善相关政策措施", "坚持统筹协调推进"]
    principles = outline[2].children[1]
    assert titles(principles.children) == ["坚持高位谋划", "坚持项目带动", "坚持可持续发展"]
    tasks = outline[2].children[2]
    assert labels(tasks.children) == ["一要", "二要", "三要", "四要", "五要"]
    assert tasks.children[2].title == "实施“三项工程、一项管理”，推动城市内涵品质进一步提升"
    assert titles(tasks.children[2].children) == [
        "扎实推进城市道路综合改造工程", "大力实施老旧小区综合改造工程",
        "加快推进城乡结合部综合改造工程", "全面提升城市精细管理水平",
    ]
    assert text[outline[-1].start:].startswith("同志们，高品质推进城市建设工作的号角")


def test_004_whole_line_shi_headings():
    first = parse_outline(speech("004"))[1]
    # four whole-line headings ("一是城市建设更有内涵。"), then the shortcomings paragraph's own 一是…四是
    assert labels(first.children) == ["一是", "二是", "三是", "四是"] * 2
    assert titles(first.children)[:4] == ["城市建设更有内涵", "公共服务更趋完善", "城乡环境更加宜居", "“双改”工作更具品质"]


def test_every_speech_is_well_formed():
    for key in SPEECHES:
        assert_well_formed(parse_outline(speech(key)), speech(key))
        assert_well_formed(parse_outline(run_on(key)), run_on(key))


# ---- text without line breaks ----

def test_run_on_text_keeps_top_level_and_closing():
    for key, expected in [("000", 3), ("001", 4), ("002", 3), ("003", 4), ("004", 3)]:
        outline = parse_outline(run_on(key))
        assert labels(outline) == ["一、", "二、", "三、", "四、"][:expected], key
        assert outline[0].kind == "opening" and outline[-1].kind == "closing", key
        assert run_on(key)[outline[-1].start:].startswith("同志们，"), key


def test_run_on_text_keeps_nesting():
    outline = parse_outline(run_on("000"))
    assert labels(outline[1].children) == ["第一，", "第二，", "第三，", "第四，"]
    assert labels(outline[2].children) == ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）"]
    assert titles(outline[2].children[0].children) == ["加快总规修编", "突出重点区域", "做好专项规划", "加强规划管理"]
    # a heading that ran into its first child: "…的领导（一）健全完善工作推进机制"
    fourth = parse_outline(run_on("001"))[4]
    assert fourth.title == "进一步加强对城镇化试点工作的领导"
    assert labels(fourth.children) == ["（一）", "（二）", "（三）"]
    # "…“护航员”一要强化要素保障"
    assert parse_outline(run_on("003"))[4].title == "要当好保障发展的“护航员”"


# ---- false markers ----

def test_ranking_first_is_not_a_marker():
    text = "同志们：\n一、总体情况\n去年我市增速全国第一，成绩来之不易。\n二、下步工作\n要再接再厉。\n"
    outline = parse_outline(text)
    assert labels(outline) == ["一、", "二、"]
    assert all(not s.children for s in outline)


def test_numbers_in_amounts_and_dates_are_not_markers():
    text = ("同志们：\n一、投资\n总投资1.5亿元。1.5亿元已到位。2024年1、2月，完成投资。1、2月份进度较快。\n"
            "二、进度\n年底前完成。\n")
    outline = parse_outline(text)
    assert labels(outline) == ["一、", "二、"]
    assert outline[1].children == []


def test_lone_or_idiomatic_markers_are_not_sections():
    text = ("同志们：\n一、抓党建\n第一书记要带头。第一，要学习。大家要坚持一是一、二是二。"
            "讲原则：一是一、二是二。\n二、抓落实\n工作要扎实。\n")
    outline = parse_outline(text)
    assert labels(outline) == ["一、", "二、"]
    assert outline[1].children == []


def test_lone_marker_at_line_start_with_a_title_is_a_heading():
    text = "同志们：\n第一个问题：关于城市规划\n规划是龙头。\n"
    outline = parse_outline(text)
    assert [(s.kind, s.label, s.title) for s in outline] == [
        ("opening", "", ""), ("heading", "第一个问题", "关于城市规划"),
    ]


def test_markers_out_of_order_do_not_form_a_level():
    text = "同志们：\n今天讲两点。二是要团结。一是要奋斗。\n"
    assert [s.kind for s in parse_outline(text)] == ["opening"]


def test_opening_section_first_marker_style_decides_levels():
    # 第一个问题 appears first, so it is the top level and 一、 nests inside it
    text = ("同志们：\n第一个问题：关于规划\n一、规划先行\n内容。\n二、规划管理\n内容。\n"
            "第二个问题：关于建设\n一、项目建设\n内容。\n二、质量安全\n内容。\n同志们，加油！\n")
    outline = parse_outline(text)
    assert labels(outline) == ["第一个问题", "第二个问题"]
    assert titles(outline) == ["关于规划", "关于建设"]
    assert [labels(s.children) for s in headings(outline)] == [["一、", "二、"], ["一、", "二、"]]
    assert outline[-1].kind == "closing"


def test_arabic_and_bracketed_arabic_markers():
    text = "同志们：\n一、重点任务\n1.抓规划。内容。\n2.抓建设。（1）道路。（2）管网。\n二、保障\n内容。\n"
    first = parse_outline(text)[1]
    assert labels(first.children) == ["1.", "2."]
    assert titles(first.children) == ["抓规划", "抓建设"]
    assert labels(first.children[1].children) == ["（1）", "（2）"]


# ---- opening and closing ----

def test_text_without_headings_is_one_opening():
    text = "同志们：\n今天的会开得很好。\n同志们，让我们共同努力！\n"
    assert [s.to_dict() for s in parse_outline(text)] == [
        {"level": 1, "label": "", "title": "", "start": 0, "end": len(text), "kind": "opening",
         "inline": False, "part": "body", "run": 0, "children": []},
    ]


def test_empty_and_blank_text():
    assert parse_outline("") == []
    assert [s.kind for s in parse_outline("  \n ")] == ["opening"]


def test_a_closing_candidate_followed_by_more_headings_is_not_the_closing():
    text = "同志们：\n一、甲\n内容。\n同志们，下面讲第二点。\n二、乙\n内容。\n"
    outline = parse_outline(text)
    assert [s.kind for s in outline] == ["opening", "heading", "heading"]
    assert outline[-1].end == len(text)


# ---- the helper functions ----

def test_to_dict_is_recursive_plain_data():
    first = parse_outline(speech("000"))[1].to_dict()
    assert list(first) == ["level", "label", "title", "start", "end", "kind", "inline", "part", "run", "children"]
    assert first["children"][0]["label"] == "第一，"
    assert first["children"][0]["children"] == []


def test_iter_sections_is_depth_first_preorder():
    outline = parse_outline(speech("000"))
    order = [s.label for s in iter_sections(outline)]
    assert order[:8] == ["", "一、", "第一，", "第二，", "第三，", "第四，", "二、", "（一）"]
    assert order[8:10] == ["一要", "二要"]
    assert len(order) == len(set((s.start, s.level) for s in iter_sections(outline)))


def test_section_path_and_label():
    text = speech("000")
    outline = parse_outline(text)
    path = section_path(outline, text.index("管子曾经说过"))
    assert [s.label for s in path] == ["二、", "（三）", "三是"]
    assert path_label(path) == "二、（三）三是"
    heading_only = section_path(outline, text.index("新型城镇化是一项千头万绪"))
    assert path_label(heading_only) == "二、"
    first = parse_outline(speech("000"))
    fourth = next(c for c in first[1].children if c.label == "第四，")
    assert path_label(section_path(first, fourth.start + 3)) == "一、第四"
    assert [s.kind for s in section_path(outline, 0)] == ["opening"]
    assert path_label(section_path(outline, 0)) == ""
    assert path_label(section_path(outline, len(text))) == ""
    assert section_path(outline, len(text))[0].kind == "closing"
    assert section_path([], 5) == []


# ---- robustness and speed ----

FRAGMENTS = st.sampled_from([
    "一、", "二、", "三、", "（一）", "（二）", "(三)", "第一，", "第二，", "第一个问题：", "第二个问题",
    "一是", "二是", "三是", "一要", "二要", "1.", "2.", "1、", "（1）", "（2）", "十一是", "九十九、",
    "。", "：", "；", "！", "\n", "\r\n", " ", "\u3000", "同志们，", "同志们：", "全国第一，", "1.5亿", "文字", "”",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(FRAGMENTS, st.text(max_size=5)), max_size=60).map("".join))
def test_arbitrary_text_gives_a_well_formed_outline(text):
    assert_well_formed(parse_outline(text), text)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_arbitrary_unicode_never_raises(text):
    outline = parse_outline(text)
    assert_well_formed(outline, text)
    for offset in (0, len(text) // 2, len(text)):
        path = section_path(outline, offset)
        assert isinstance(path_label(path), str)


def _best_time(text: str, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        parse_outline(text)
        best = min(best, time.perf_counter() - started)
    return best


def test_speed_on_a_long_speech_and_a_megabyte():
    speech_text = "\n".join(speech(key) for key in SPEECHES)[:35_000]
    assert _best_time(speech_text) < 0.05
    megabyte = speech_text
    while len(megabyte) < 1_000_000:
        megabyte += "\n" + megabyte
    assert _best_time(megabyte, repeat=2) < 1.0
    assert _best_time(megabyte.replace("\n", ""), repeat=2) < 1.0
