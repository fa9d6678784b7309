"""Section alignment between speeches: by structure and content, corrected by the reader, and offset mapping."""

from pathlib import Path

import pytest

from reader.core.align import SectionAlignment
from reader.core.outline import parse_outline

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def speech(number: int) -> str:
    text = sorted(CORPUS.glob("0*.txt"))[number].read_text(encoding="utf-8")
    return text


@pytest.fixture(scope="module")
def first_third():
    a, b = speech(0), speech(2)
    return a, b, SectionAlignment(a, parse_outline(a), b, parse_outline(b))


def heading(sections, label):
    return next(s for s in sections if s.label == label)


def test_top_levels_line_up_by_number_and_kind(first_third):
    a, b, al = first_third
    sa, sb = parse_outline(a), parse_outline(b)
    for label in ("一、", "二、", "三、"):
        assert al.counterpart(heading(sa, label)).label == label
    assert al.counterpart(sa[0]).kind == "opening"
    assert al.counterpart(sa[-1]).kind == "closing"
    assert al.counterpart(heading(sb, "二、"), from_a=False).label == "二、"


def test_content_finds_the_matching_section_when_numbers_differ():
    # 002 一、(looking back) 二、(the way ahead) 三、(tasks now); 003 has four sections; the
    # "护航员" (safeguards) section of 003 is its last, and goes with 002's last task section
    a, b = speech(2), speech(3)
    sa, sb = parse_outline(a), parse_outline(b)
    al = SectionAlignment(a, sa, b, sb)
    assert al.counterpart(heading(sb, "四、"), from_a=False).label == "三、"
    assert al.counterpart(heading(sa, "一、")).label == "一、"


def test_unaligned_child_borrows_its_parents_partner(first_third):
    a, b, al = first_third
    sa = parse_outline(a)
    parent = heading(sa, "二、")
    for child in parent.children:
        partner = al.counterpart(child)
        assert partner is not None
        top_b = [s for s in parse_outline(b) if s.start <= partner.start < s.end][0]
        assert top_b.label == "二、"


def test_reader_links_override_the_computation(first_third):
    a, b, _ = first_third
    sa, sb = parse_outline(a), parse_outline(b)
    one_a, three_b = heading(sa, "一、"), heading(sb, "三、")
    al = SectionAlignment(a, sa, b, sb, links=[(one_a.start, three_b.start)])
    assert al.counterpart(one_a).start == three_b.start


def test_offset_map_is_monotone_and_hits_section_starts(first_third):
    a, b, al = first_third
    sa, sb = parse_outline(a), parse_outline(b)
    mapped = [al.map_offset(x) for x in range(0, len(a), 97)]
    assert mapped == sorted(mapped)
    assert al.map_offset(heading(sa, "二、").start) == heading(sb, "二、").start
    assert 0 <= al.map_offset(len(a) - 1) <= len(b)
    back = al.map_offset(heading(sb, "三、").start, from_a=False)
    assert back == heading(sa, "三、").start


def test_speeches_without_headings_still_map():
    a, b = "同志们：今天开会。", "同志们：今天也开会，讲三点。"
    al = SectionAlignment(a, parse_outline(a), b, parse_outline(b))
    assert 0 <= al.map_offset(5) <= len(b)
