"""The phrases table: rows with dates, filters, sorting, occurrences in context and the timeline."""

import pytest

from reader.core.library_ops import sync_index
from reader.core.phrase_table import (build_rows, filter_rows, phrase_contexts, phrase_timeline, sort_rows)
from reader.core.reuse import Phrase, ReuseIndex


@pytest.fixture
def rows(sample_library):
    sync_index(sample_library)
    index = ReuseIndex(sample_library.conn)
    return index, build_rows(index.phrases(min_df=2), sample_library.document_dates())


def test_rows_carry_dates_and_speeches(rows):
    _, table = rows
    assert table
    row = next(r for r in table if "四张牌" in r.text)
    assert row.doc_ids == (1, 3) and row.first_date == row.last_date == "2022"
    later = next(r for r in table if set(r.doc_ids) == {3, 5})
    assert (later.first_date, later.last_date) == ("2022", "2024")
    assert {"text", "df", "class", "stock_score", "first", "last", "count", "doc_ids"} == set(row.to_dict())


def test_filter_and_sort(rows):
    _, table = rows
    assert all("城市" in r.text for r in filter_rows(table, words="城市"))
    assert filter_rows(table, words="城市 不存在的词") == []
    assert filter_rows(table, cls="stock") == [r for r in table if r.cls == "stock"]
    assert all(r.df >= 3 for r in filter_rows(table, min_df=3))
    by_text = sort_rows(table, "text", descending=False)
    assert [r.text for r in by_text] == sorted(r.text for r in table)
    by_last = sort_rows(table, "last")
    assert by_last[0].last_date == "2024"
    with pytest.raises(ValueError):
        sort_rows(table, "colour")


def test_contexts_point_at_the_phrase(rows, sample_library):
    index, table = rows
    row = next(r for r in table if "四张牌" in r.text)
    hits = phrase_contexts(index, row, context=5)
    assert [h.doc_id for h in hits] == [d for d, _, _ in sorted(row.phrase.positions)]
    for hit in hits:
        assert sample_library.get_document(hit.doc_id).text[hit.start:hit.end] == hit.match
        assert len(hit.context_before) <= 5


def test_timeline_by_date_undated_last():
    phrase = Phrase("推进新型城镇化", 3, (1, 2, 5), ((5, 0, 7), (2, 3, 10), (1, 0, 7), (1, 20, 27)), "stock")
    dates = {1: "2022-05-01", 2: None, 5: "2021"}
    assert phrase_timeline(phrase, dates) == [("2021", 5, 1), ("2022-05-01", 1, 2), (None, 2, 1)]
    row = build_rows([phrase], dates)[0]
    assert phrase_timeline(row) == phrase_timeline(phrase, dates)
    assert (row.first_date, row.last_date, row.count) == ("2021", "2022-05-01", 4)
