"""Re-anchoring after a speech's text changes, tried like an adversary: it may keep, move or ask, never guess.

Every case checks the stored quote too: only the reader may change it.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core import anchor
from reader.core.anchor import (accept_candidate, candidate, confirm_moved, diff_text, locate, place_by_hand,
                                reanchor_document)
from reader.core.codebook import Codebook
from reader.core.importer import load_text
from reader.core.store import Library, content_hash
from reader.core.versions import list_versions, replace_text_and_reanchor, revert_to_version

QUOTE = "各级党委政府要把城镇化工作摆上重要议事日程"
LOOK_ALIKE = "各级党委政府要把城市管理工作摆上重要议事日程"
FIGURE = "常住人口城镇化率达到54.35%"
ROOT = "城镇化是现代化的必由之路"
ONE = f"（一）推进城镇化。{ROOT}。{QUOTE}，加强统筹协调。{FIGURE}，比上年提高1.2个百分点。\n"
TWO = "（二）加强基础设施建设。要加快推进交通、水利、能源等重大工程，补齐农村基础设施短板。\n"
THREE = f"（三）改进城市管理。{LOOK_ALIKE}，切实解决群众关心的突出问题。\n"
CLOSING = "二、保障措施\n坚持党的全面领导是做好各项工作的根本保证。各地区各部门要压实责任，狠抓落实。\n"


def speech(one: str = ONE, two: str = TWO, three: str = THREE, closing: str = CLOSING) -> str:
    """A speech whose （一） and （三） hold parallel sentences, as in the issue."""
    return f"一、总体要求\n{one}{two}{three}{closing}"


@pytest.fixture
def book(library):
    library.add_document(load_text(speech()))
    return Codebook(library)


def mark(book: Codebook, words: str, occurrence: int = 0):
    """An excerpt on the n-th occurrence of `words` in speech 1."""
    text = book.document_text(1)
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(words, start + 1)
    return book.add_excerpt(1, start, start + len(words))


def change(book: Codebook, new_text: str):
    """A new version of speech 1 (the old one kept), returning the report."""
    return replace_text_and_reanchor(book.library, 1, load_text(new_text))


def assert_anchored(book: Codebook, excerpt_id: int, quote: str) -> None:
    """The excerpt's quote is unchanged and stands at its offsets."""
    found = book.get_excerpt(excerpt_id)
    assert found.quote == quote
    assert book.document_text(1)[found.start:found.end] == quote


def assert_review_untouched(book: Codebook, before) -> None:
    """A review excerpt keeps its quote, offsets and contexts exactly."""
    found = book.get_excerpt(before.id)
    assert found.status == "review"
    assert (found.quote, found.start, found.end, found.context_before, found.context_after) == \
        (before.quote, before.start, before.end, before.context_before, before.context_after)


def test_shift_keeps_the_excerpt_ok(book):
    excerpt = mark(book, QUOTE)
    preface = "".join(f"这是新加的第{i}段说明文字。\n" for i in range(30))
    report = change(book, preface + speech())
    assert report.summary() == {"stayed": 1, "moved": 0, "review": 0}
    assert book.get_excerpt(excerpt.id).start == excerpt.start + len(preface)
    assert book.get_excerpt(excerpt.id).status == "ok"
    assert_anchored(book, excerpt.id, QUOTE)


def test_deletion_with_a_look_alike_elsewhere_goes_to_review(book):
    excerpt = mark(book, QUOTE)
    report = change(book, speech(one=ONE.replace(f"{QUOTE}，加强统筹协调。", "")))
    assert report.review == [excerpt.id]
    assert_review_untouched(book, excerpt)
    start, end, words, score = candidate(book, excerpt.id)
    assert words == LOOK_ALIKE and 0.5 <= score < 1
    assert diff_text(QUOTE, words) == "各级党委政府要把城[-镇化-]{+市管理+}工作摆上重要议事日程"


def test_rewrite_with_a_look_alike_goes_to_review_with_the_rewrite_offered(book):
    excerpt = mark(book, QUOTE)
    rewritten = "各级党委政府要把新型城镇化工作摆上重要议事日程"
    change(book, speech(one=ONE.replace(QUOTE, rewritten)))
    assert_review_untouched(book, excerpt)
    assert candidate(book, excerpt.id)[2] == rewritten


def test_deleted_section_goes_to_review(book):
    excerpt = mark(book, QUOTE)
    change(book, speech(one=""))
    assert_review_untouched(book, excerpt)
    # the only look-alike is in another section: offered, never taken
    assert candidate(book, excerpt.id)[2] == LOOK_ALIKE


@pytest.mark.parametrize("old, new", [(FIGURE, "常住人口城镇化率达到45.53%"),      # changed figures
                                      (ROOT, "城镇化不是现代化的必由之路"),        # negation
                                      (QUOTE, QUOTE.replace("重要", "次要")),      # one word
                                      (f"{QUOTE}，加强统筹协调。{FIGURE}",          # long: head and tail
                                       f"{QUOTE}，加强统筹协调。常住人口城镇化率达到45.53%")])
def test_any_changed_character_goes_to_review(book, old, new):
    excerpt = mark(book, old)
    change(book, speech(one=ONE.replace(old, new)))
    assert_review_untouched(book, excerpt)
    assert candidate(book, excerpt.id)[2] == new


def test_accepting_the_candidate_is_the_only_way_the_quote_changes(book):
    excerpt = mark(book, FIGURE)
    new_figure = "常住人口城镇化率达到45.53%"
    change(book, speech(one=ONE.replace(FIGURE, new_figure)))
    snapshot = accept_candidate(book, excerpt.id)
    assert book.get_excerpt(excerpt.id).status == "ok"
    assert_anchored(book, excerpt.id, new_figure)
    book.restore_excerpt(snapshot)   # undo
    assert_review_untouched(book, excerpt)


def test_duplicate_with_the_same_context_keeps_the_original(book):
    excerpt = mark(book, QUOTE)
    new_text = speech(closing=CLOSING + "附：" + ONE)   # the whole paragraph repeated later
    report = change(book, new_text)
    assert report.stayed == [excerpt.id]
    assert book.get_excerpt(excerpt.id).start == excerpt.start
    assert_anchored(book, excerpt.id, QUOTE)


def test_two_equally_good_copies_and_the_original_gone_is_review(book):
    excerpt = mark(book, QUOTE)
    sentence = f"{QUOTE}，加强统筹协调。"
    new_text = speech(one=ONE.replace(sentence, ""), two=TWO + sentence + "\n", three=THREE + sentence + "\n")
    change(book, new_text)
    assert_review_untouched(book, excerpt)
    assert candidate(book, excerpt.id)[3] == 1.0


def test_the_tagged_copy_deleted_never_moves_onto_the_other_copy(book):
    """The words stood twice; the reader tagged the second; it is deleted: the first is not its new place."""
    sentence = f"{QUOTE}，切实解决群众关心的突出问题。"
    library = book.library
    library.replace_text(1, load_text(speech(three=THREE.replace(f"{LOOK_ALIKE}，切实解决群众关心的突出问题。",
                                                                 sentence))))
    excerpt = mark(book, QUOTE, occurrence=1)
    change(book, book.document_text(1).replace(sentence, "切实解决群众关心的突出问题。"))
    assert_review_untouched(book, excerpt)


def test_quote_moved_to_another_section_is_moved_not_ok(book):
    excerpt = mark(book, QUOTE)
    sentence = f"{QUOTE}，加强统筹协调。"
    report = change(book, speech(one=ONE.replace(sentence, ""), closing=CLOSING + sentence + "\n"))
    assert report.moved == [excerpt.id]
    moved = book.get_excerpt(excerpt.id)
    assert moved.status == "moved" and moved.section == "二、"
    assert_anchored(book, excerpt.id, QUOTE)
    # the notice stays through later versions until the reader confirms it
    change(book, "前言。\n" + book.document_text(1))
    assert book.get_excerpt(excerpt.id).status == "moved"
    confirm_moved(book, excerpt.id)
    assert book.get_excerpt(excerpt.id).status == "ok"


def test_deleted_entirely_is_review_without_a_candidate(book):
    excerpt = mark(book, QUOTE)
    change(book, speech(one=ONE.replace(f"{QUOTE}，加强统筹协调。", ""), three=""))
    assert_review_untouched(book, excerpt)
    assert candidate(book, excerpt.id) is None


def test_text_edited_around_the_quote_stays_ok(book):
    excerpt = mark(book, QUOTE)
    new_one = ONE.replace(f"{ROOT}。", "我们认为，城镇化是必由之路，必须坚定不移。").replace("加强统筹协调", "务必抓紧抓实")
    report = change(book, speech(one=new_one))
    assert report.stayed == [excerpt.id]
    assert book.get_excerpt(excerpt.id).status == "ok"
    assert_anchored(book, excerpt.id, QUOTE)
    found = book.get_excerpt(excerpt.id)
    assert found.context_after.startswith("，务必抓紧抓实")     # contexts follow the new text


def test_going_back_to_the_old_version_brings_review_excerpts_back(book):
    excerpt = mark(book, QUOTE)
    change(book, speech(one=ONE.replace(QUOTE, "各级党委政府要重视城镇化")))
    assert book.get_excerpt(excerpt.id).status == "review"
    versions = list_versions(book.library, 1)
    assert [v.reason for v in versions] == ["reimport"]
    report = revert_to_version(book.library, 1, versions[0].id)
    assert report.stayed == [excerpt.id]
    assert book.document_text(1) == load_text(speech()).text
    assert book.get_excerpt(excerpt.id).status == "ok"
    assert_anchored(book, excerpt.id, QUOTE)
    assert [v.reason for v in list_versions(book.library, 1)] == ["revert", "reimport"]


def test_place_by_hand_and_drop(book):
    excerpt = mark(book, QUOTE)
    change(book, speech(one=ONE.replace(QUOTE, "我们要保持定力")))
    text = book.document_text(1)
    start = text.index("我们要保持定力")
    before = place_by_hand(book, excerpt.id, start, start + 7)
    assert (book.get_excerpt(excerpt.id).quote, book.get_excerpt(excerpt.id).status) == ("我们要保持定力", "ok")
    book.restore_excerpt(before)
    snapshot = anchor.drop_from_review(book, excerpt.id)
    assert book.list_excerpts() == []
    book.restore_excerpt(snapshot)
    assert_review_untouched(book, excerpt)


def test_replace_and_reanchor_is_one_transaction(book, monkeypatch):
    excerpt = mark(book, QUOTE)
    import reader.core.versions as versions

    def broken(*args, **kwargs):
        raise RuntimeError("disk pulled out")

    monkeypatch.setattr(versions, "reanchor_document", broken)
    with pytest.raises(RuntimeError):
        change(book, "前言。\n" + speech())
    assert book.document_text(1) == load_text(speech()).text
    assert book.get_excerpt(excerpt.id).start == excerpt.start
    assert list_versions(book.library, 1) == []


def test_locate_alone(book):
    text = speech()
    start = text.index(QUOTE)
    place = locate("新的开头。\n" + text, QUOTE, "", "", text, start)
    assert (place.status, place.start) == ("ok", start + 6)


def test_reanchor_document_accepts_a_library(book):
    mark(book, QUOTE)
    assert reanchor_document(book.library, 1, speech(), speech()).summary() == {"stayed": 1, "moved": 0, "review": 0}


# --- the property: whatever the edit, an excerpt that is ok or moved has its own quote at its offsets

PIECES = [QUOTE, LOOK_ALIKE, FIGURE, ROOT, "城镇化", "重要议事日程", "。", "\n", "（二）", "二、", "45.53%", "不"]
EDIT = st.tuples(st.sampled_from(["insert", "delete", "replace"]), st.floats(0, 1), st.integers(1, 30),
                 st.sampled_from(PIECES))


def apply_edits(text: str, edits) -> str:
    """Insert, delete or replace pieces at random places (inside the quote too)."""
    for kind, where, length, piece in edits:
        at = int(where * len(text))
        if kind == "insert":
            text = text[:at] + piece + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + length:]
        else:
            text = text[:at] + piece + text[at + len(piece):]
    return text or "空"


@settings(max_examples=50, deadline=None)
@given(edits=st.lists(EDIT, min_size=1, max_size=6), rounds=st.integers(1, 2))
def test_no_excerpt_is_ever_anchored_on_other_words(edits, rounds):
    with tempfile.TemporaryDirectory() as folder:
        library = Library(folder)
        try:
            library.add_document(load_text(speech()))
            book = Codebook(library)
            excerpts = [mark(book, words) for words in (QUOTE, FIGURE, ROOT, "推进城镇化")]
            text = speech()
            last = {x.id: (x.start, x.end) for x in excerpts}
            for number in range(rounds):
                new_text = apply_edits(text, edits[number::rounds] or edits)
                if library.find_by_hash(content_hash(new_text)):
                    continue
                replace_text_and_reanchor(library, 1, load_text(new_text))
                text = library.get_document(1).text
                for before in excerpts:
                    found = book.get_excerpt(before.id)
                    assert found.quote == before.quote          # never re-worded without the reader
                    if found.status in ("ok", "moved"):
                        assert text[found.start:found.end] == found.quote
                        last[found.id] = (found.start, found.end)
                    else:                                       # nor moved
                        assert (found.start, found.end) == last[found.id]
        finally:
            library.close()


def test_changing_the_cleaning_reanchors_excerpts(sample_library):
    """Undoing the cleaning of the web copy shifts its text; the excerpt follows its quote."""
    from reader.core.library_ops import set_cleaning

    book = Codebook(sample_library)
    text = sample_library.get_document(5).text
    start = text.index("今天会议的主要任务是")
    excerpt = book.add_excerpt(5, start, start + 10, [book.create_tag("任务").id])
    report = set_cleaning(sample_library, 5, cleaned=False)
    moved = book.get_excerpt(excerpt.id)
    new_text = sample_library.get_document(5).text
    assert report.stayed == [excerpt.id] and moved.status == "ok"
    assert new_text[moved.start:moved.end] == "今天会议的主要任务是"
    assert moved.start > start
    assert [v.reason for v in list_versions(sample_library, 5)] == ["cleaning"]


REPORTS = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "gov_work_reports_1954-2015.tsv"


@pytest.mark.skipif(not REPORTS.is_file(), reason="needs ../shared/corpora")
def test_a_real_work_report_edited_like_a_new_version():
    """The 2015 report: figures changed in three excerpted sentences, a paragraph added, a sentence moved."""
    line = next(x for x in REPORTS.read_text(encoding="utf-8").splitlines() if x.startswith("2015\t"))
    text = line.split("\t", 1)[1].replace("\u3000\u3000", "\n")
    sentences = [s for s in re.findall(r"[^。\n]{15,60}。", text) if text.count(s) == 1]
    with_figures = [s for s in sentences if re.search(r"\d", s)][:3]
    plain_ones = [s for s in sentences if not re.search(r"\d", s)][::25][:12]
    new = "各位代表：这是修订稿新增的一段说明。\n" + text
    for sentence in with_figures:
        new = new.replace(sentence, re.sub(r"\d", lambda m: str((int(m.group()) + 1) % 10), sentence, count=1))
    moved = plain_ones[0]
    new = new.replace(moved, "") + "\n" + moved
    anchorer = anchor.Anchorer(text, new)
    for quote in with_figures + plain_ones:
        start = text.index(quote)
        place = anchorer.place(start, start + len(quote), quote, text[max(0, start - 40):start],
                               text[start + len(quote):start + len(quote) + 40])
        if quote in with_figures:
            assert place.status == "review" and place.candidate is not None
        else:
            assert place.status in (("moved", "ok") if quote == moved else ("ok",))
            assert new[place.start:place.end] == quote


def test_new_versions_keep_the_stored_outline_and_the_search_index_in_step(book):
    """Re-import and revert write the stored outline and the FTS rows with the text: a moved excerpt's section
    read from the stored outline is its new one, and search finds the new words only."""
    from reader.core.outline import parse_outline, section_path
    from reader.core.search import search

    library = book.library
    excerpt = mark(book, QUOTE)
    sentence = f"{QUOTE}，加强统筹协调。"
    old_text = book.document_text(1)
    new = speech(one=ONE.replace(sentence, ""), closing=CLOSING + sentence + "新增的一句话。\n")
    assert change(book, new).moved == [excerpt.id]
    moved = book.get_excerpt(excerpt.id)
    assert library.outline(1) == parse_outline(book.document_text(1))
    heads = [s.label for s in section_path(library.outline(1), moved.start) if s.kind == "heading"]
    assert heads and heads[0] == "二、"
    assert [g.doc_id for g in search(library, "新增的一句话").groups] == [1]
    revert_to_version(library, 1, list_versions(library, 1)[0].id)
    assert book.document_text(1) == old_text and library.outline(1) == parse_outline(old_text)
    assert not search(library, "新增的一句话").groups
    back = book.get_excerpt(excerpt.id)
    assert back.status == "moved" and book.document_text(1)[back.start:back.end] == QUOTE
    assert [s.label for s in section_path(library.outline(1), back.start) if s.kind == "heading"][0] == "一、"
