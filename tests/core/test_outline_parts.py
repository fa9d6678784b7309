"""Outlines on outside texts: appendices and glossaries as parts, inline enumerations marked, restarting runs grouped."""

from pathlib import Path

import pytest

from reader.core.outline import iter_sections, parse_outline, path_label, section_path

BODY = (
    "2024年市政府工作报告\n各位代表：\n现在，我代表市人民政府，向大会报告工作，请予审议。\n"
    "一、2023年工作回顾\n"
    "过去一年，我们主要做了以下工作。一是经济运行稳中向好。地区生产总值增长6%，规上工业增加值增长7%。二是改革开放深入推进。"
    "营商环境持续优化，新增市场主体3万户。三是民生福祉持续增进。城镇新增就业5万人。四是安全稳定大局巩固。\n"
    "在肯定成绩的同时，我们也清醒看到存在的问题。一是经济恢复基础还不牢固。二是科技创新能力不强。三是民生领域还有短板。"
    "四是作风建设仍需加强。我们将采取有力措施，认真加以解决。\n"
    "二、2024年主要任务\n"
    "（一）扩大有效需求。实施重点项目300个，完成投资1000亿元以上，持续扩大消费。\n"
    "（二）深化改革开放。深化国资国企改革，打造一流营商环境，稳住外贸外资基本盘。\n"
    "（三）保障改善民生。抓好就业、教育、医疗、养老、托育等民生实事，兜牢民生底线。\n"
    "各位代表！让我们团结奋斗，为全面建设社会主义现代化城市而努力！\n"
)
APPENDIX = (
    "附件1\n2024年十件民生实事\n"
    + "".join(f"{n}、民生实事第{n}项，年内完成。\n" for n in "一二三四五六七八九十")
    + "名词解释\n"
    + "".join(f"{i}.术语{i}：这是第{i}个术语的解释。\n" for i in range(1, 6))
)
TEXT = BODY + APPENDIX


def test_appendix_and_glossary_are_parts_after_the_body():
    top = parse_outline(TEXT)
    assert [(s.kind, s.label, s.part) for s in top] == [
        ("opening", "", "body"), ("heading", "一、", "body"), ("heading", "二、", "body"),
        ("appendix", "附件1", "appendix"), ("appendix", "名词解释", "appendix")]
    attachment, glossary = top[3], top[4]
    assert attachment.title == "2024年十件民生实事"
    assert [c.label for c in attachment.children] == [f"{n}、" for n in "一二三四五六七八九十"]
    assert all(c.level == 2 and c.part == "appendix" for c in attachment.children)
    assert [c.label for c in glossary.children] == [f"{i}." for i in range(1, 6)]
    assert top[2].end == attachment.start and glossary.end == len(TEXT)
    # the last heading of the body no longer swallows the glossary
    assert all(c.label.startswith("（") for c in top[2].children)


def test_citation_inside_an_appendix_names_it():
    offset = TEXT.index("民生实事第三项")
    assert path_label(section_path(parse_outline(TEXT), offset)) == "附件1 三、"


def test_attachment_mentioned_in_a_sentence_or_listed_at_the_top_is_not_a_part():
    notice = "附件：会议议程\n" + BODY.replace("认真加以解决。", "具体安排请见附件。\n附件说明略。")
    sections = parse_outline(notice)
    assert all(s.part == "body" for s in iter_sections(sections))
    assert [s.label for s in sections if s.kind == "heading"] == ["一、", "二、"]


def test_inline_enumerations_are_marked_and_headings_are_not():
    top = parse_outline(TEXT)
    review, tasks = top[1], top[2]
    assert review.inline is False and tasks.inline is False
    assert [c.inline for c in review.children] == [True] * 8
    assert [c.inline for c in tasks.children] == [False] * 3
    assert review.children[0].title == "经济运行稳中向好"


def test_two_runs_restarting_at_yishi_are_grouped():
    review = parse_outline(TEXT)[1]
    assert [c.label for c in review.children] == ["一是", "二是", "三是", "四是"] * 2
    assert [c.run for c in review.children] == [0, 0, 0, 0, 1, 1, 1, 1]
    assert all(c.run == 0 for c in parse_outline(TEXT)[2].children)


def test_json_carries_the_new_fields_with_defaults():
    data = [s.to_dict() for s in parse_outline(TEXT)]
    assert data[1]["children"][4] | {"children": []} == {
        "level": 2, "label": "一是", "title": "经济恢复基础还不牢固", "start": TEXT.index("一是经济恢复"),
        "end": TEXT.index("二是科技"), "kind": "heading", "inline": True, "part": "body", "run": 1, "children": []}
    assert data[3]["part"] == "appendix" and data[0]["inline"] is False


def test_word_notes_become_a_part(tmp_path):
    text = BODY + "脚注\n[1] 见《政府工作报告》2023年版。\n[2] 数据来自统计公报。"
    top = parse_outline(text)
    assert (top[-1].kind, top[-1].label) == ("appendix", "脚注")
    assert [s.label for s in top if s.kind == "heading"] == ["一、", "二、"]


def test_national_reports_keep_their_headings():
    import csv

    corpus = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "gov_work_reports_1954-2015.tsv"
    if not corpus.exists():
        pytest.skip("shared corpora absent")
    csv.field_size_limit(10 ** 9)
    for row in csv.reader(corpus.open(encoding="utf-8"), delimiter="\t"):
        year, text = row[0], row[-1]
        text = text.replace("\u3000\u3000", "\n")
        top = parse_outline(text)
        parts = [s for s in top if s.part != "body"]
        if year == "2010":   # its notes (注释：１、应对国际金融危机的一揽子计划…) follow the body
            assert [(s.label, s.start) for s in parts] == [("注释", text.index("注释："))]
            assert parts[0].children and all(c.part == "appendix" for c in parts[0].children)
        else:
            assert not parts, year
        assert top[-1 - len(parts)].kind in ("heading", "closing", "opening")


def test_word_notes_longer_than_the_body_are_still_a_part():
    text = "一、引言\n正文很短。\n二、结语\n谢谢。\n脚注\n" + "".join(f"[{i}] 很长的一条注释，说明引文出处和背景。\n" for i in range(1, 9))
    top = parse_outline(text)
    assert [(s.kind, s.label) for s in top] == [("heading", "一、"), ("heading", "二、"), ("appendix", "脚注")]
