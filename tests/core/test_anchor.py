"""Re-anchoring excerpts after a speech's text changes: exact, moved, fuzzy, or review (never a look-alike)."""

from __future__ import annotations

import tempfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core import anchor
from reader.core.anchor import locate, place_by_hand, reanchor_document, replace_text_and_reanchor
from reader.core.codebook import Codebook
from reader.core.importer import load_text
from reader.core.store import Library

QUOTE = "城镇化是现代化的必由之路，既是经济发展的结果，又是经济发展的动力"   # 32 characters
LONG = "要坚持以人民为中心的发展思想，把人民群众对美好生活的向往作为城市建设的出发点和落脚点，让城市更宜居"


def speech(middle: str = QUOTE) -> str:
    """A small speech with the quote in section 二."""
    return ("一、总体要求\n今年的工作要突出重点，抓住关键，稳中求进。各地要结合实际，细化任务分工。\n"
            f"二、重点任务\n习近平总书记指出，{middle}。当前我们正处在爬坡过坎、转型升级的关键时期。\n"
            f"三、保障措施\n各级党委政府要加强领导，{LONG}。要压实责任，严格督查考核。")


@pytest.fixture
def setup(library):
    doc_id, _ = library.add_document(load_text(speech()))
    book = Codebook(library)
    text = speech()
    start = text.index(QUOTE)
    excerpt = book.add_excerpt(doc_id, start, start + len(QUOTE), [book.create_tag("意义").id])
    return library, book, doc_id, excerpt


def replace(library, doc_id, new_text):
    return replace_text_and_reanchor(library, doc_id, load_text(new_text))


def test_unchanged_text_finds_everything_in_place(setup):
    library, book, doc_id, excerpt = setup
    report = replace(library, doc_id, speech())
    assert report.found_exact == [excerpt.id] and not (report.moved or report.fuzzy or report.review)
    assert book.get_excerpt(excerpt.id).updated_at == excerpt.updated_at   # nothing rewritten


def test_text_inserted_before_moves_the_excerpt_exactly(setup):
    library, book, doc_id, excerpt = setup
    insert = "".join(f"这是新加的第{i}段说明文字。\n" for i in range(30))
    report = replace(library, doc_id, insert + speech())
    assert library.get_document(doc_id).text == insert + speech()
    assert report.moved == [excerpt.id]
    moved = book.get_excerpt(excerpt.id)
    assert (moved.start, moved.end) == (excerpt.start + len(insert), excerpt.end + len(insert))
    assert moved.quote == QUOTE and moved.status == "ok" and moved.section == "二、"
    assert library.get_document(doc_id).text[moved.start:moved.end] == QUOTE


def test_slightly_edited_quote_is_found_fuzzily(setup):
    library, book, doc_id, excerpt = setup
    edited = "城镇化是实现现代化的必由之路，既是经济发展的结果，也是经济发展的强大动力"
    report = replace(library, doc_id, speech(edited))
    assert report.fuzzy == [excerpt.id]
    found = book.get_excerpt(excerpt.id)
    assert found.quote == edited and found.status == "ok"
    assert library.get_document(doc_id).text[found.start:found.end] == edited


def test_long_quote_edited_in_the_middle_is_found_by_head_and_tail(library):
    doc_id, _ = library.add_document(load_text(speech()))
    book = Codebook(library)
    start = speech().index(LONG)
    excerpt = book.add_excerpt(doc_id, start, start + len(LONG))
    new_long = LONG.replace("美好生活的向往", "美好生活的期盼")
    report = replace(library, doc_id, "前言。\n" + speech().replace(LONG, new_long))
    assert report.fuzzy == [excerpt.id]
    assert book.get_excerpt(excerpt.id).quote == new_long


def test_deleted_quote_goes_to_review_not_to_a_look_alike(setup):
    library, book, doc_id, excerpt = setup
    look_alike = "城镇化是实现现代化的重要途径，既是经济发展的结果，也是经济发展的动力"
    new_text = speech("我们要保持定力").replace("各地要结合实际", look_alike + "。各地要结合实际")
    report = replace(library, doc_id, new_text)
    assert report.review == [excerpt.id]
    kept = book.get_excerpt(excerpt.id)
    assert kept.status == "review"
    assert (kept.start, kept.end, kept.quote) == (excerpt.start, excerpt.end, QUOTE)   # not moved
    assert [x.id for x in book.list_excerpts(status="review")] == [excerpt.id]
    # the text comes back: the excerpt is found again and leaves review
    assert replace(library, doc_id, speech()).found_exact == [excerpt.id]
    assert book.get_excerpt(excerpt.id).status == "ok"


def test_duplicated_quote_picks_the_occurrence_whose_contexts_agree(setup):
    library, book, doc_id, excerpt = setup
    # a copy of the quote appears earlier, near where a prefix/suffix estimate would look
    new_text = speech().replace("稳中求进。", f"稳中求进。正如总书记所说，{QUOTE}，我们要牢记。")
    new_text = new_text.replace("二、重点任务\n", "二、重点任务\n" + "各项工作要扎实推进。" * 12 + "\n")
    report = replace(library, doc_id, new_text)
    found = book.get_excerpt(excerpt.id)
    assert report.moved == [excerpt.id]
    assert found.start == new_text.index(QUOTE, new_text.index("二、")) and found.section == "二、"
    # even when the expected place is right at the copy, the contexts decide
    copy = new_text.index(QUOTE)
    place = locate(new_text, QUOTE, excerpt.context_before, excerpt.context_after, excerpt.start, expected=copy)
    assert place.start == found.start


def test_same_contexts_everywhere_picks_the_nearest(setup):
    paragraph = f"甲乙丙丁。{QUOTE}。戊己庚辛。\n"
    text = paragraph * 3
    before, after = text[5 - 5:5], text[5 + len(QUOTE):5 + len(QUOTE) + 5]
    second = text.index(QUOTE, 10)
    place = locate(text, QUOTE, before, after, old_start=second, expected=second + 3)
    assert (place.start, place.kind) == (second, "found_exact")


def test_place_by_hand_and_undo(setup):
    library, book, doc_id, excerpt = setup
    replace(library, doc_id, speech("我们要保持定力"))
    text = library.get_document(doc_id).text
    start = text.index("我们要保持定力")
    before = place_by_hand(book, excerpt.id, start, start + 7)
    placed = book.get_excerpt(excerpt.id)
    assert (placed.quote, placed.status) == ("我们要保持定力", "ok")
    book.restore_excerpt(before)
    assert book.get_excerpt(excerpt.id).status == "review"
    snapshot = anchor.drop_from_review(book, excerpt.id)
    assert book.list_excerpts() == []
    book.restore_excerpt(snapshot)
    assert book.get_excerpt(excerpt.id).tag_names == ["意义"]


def test_replace_and_reanchor_is_one_transaction(setup, monkeypatch):
    library, book, doc_id, excerpt = setup

    def broken(*args, **kwargs):
        raise RuntimeError("disk pulled out")

    monkeypatch.setattr(anchor, "reanchor_document", broken)
    with pytest.raises(RuntimeError):
        replace(library, doc_id, "前言。\n" + speech())
    assert library.get_document(doc_id).text == speech()
    assert book.get_excerpt(excerpt.id).start == excerpt.start


def test_reanchor_document_accepts_a_library(setup):
    library, book, doc_id, excerpt = setup
    report = reanchor_document(library, doc_id, speech(), speech())
    assert report.summary() == {"found_exact": 1, "moved": 0, "fuzzy": 0, "review": 0}


FILLER = st.text(alphabet="的一是在不了有和人这中大为上个国我以要他", min_size=1, max_size=60)


@settings(max_examples=60, deadline=None)
@given(at_start=FILLER, at_end=FILLER, where=st.floats(0, 1))
def test_edits_away_from_the_quote_never_lose_it(at_start, at_end, where):
    text = speech()
    start = text.index(QUOTE)
    cut = int(where * start) if where < 0.5 else start + len(QUOTE) + int(where * (len(text) - start - len(QUOTE)))
    new_text = at_start + text[:cut] + at_end + text[cut:]
    with tempfile.TemporaryDirectory() as folder:
        library = Library(folder)
        try:
            doc_id, _ = library.add_document(load_text(text))
            book = Codebook(library)
            excerpt = book.add_excerpt(doc_id, start, start + len(QUOTE))
            report = reanchor_document(book, doc_id, text, new_text)
            found = book.get_excerpt(excerpt.id)
            assert report.review == []
            assert new_text[found.start:found.end] == QUOTE == found.quote
        finally:
            library.close()


def test_changing_the_cleaning_reanchors_excerpts(sample_library):
    """Undoing the cleaning of the web copy shifts its text; the excerpt follows its quote."""
    from reader.core.codebook import Codebook
    from reader.core.library_ops import set_cleaning

    book = Codebook(sample_library)
    text = sample_library.get_document(5).text
    start = text.index("今天会议的主要任务是")
    excerpt = book.add_excerpt(5, start, start + 10, [book.create_tag("任务").id])
    set_cleaning(sample_library, 5, cleaned=False)
    moved = book.get_excerpt(excerpt.id)
    new_text = sample_library.get_document(5).text
    assert moved.status == "ok"
    assert new_text[moved.start:moved.end] == "今天会议的主要任务是"
    assert moved.start > start
