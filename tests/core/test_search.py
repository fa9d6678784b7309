"""Full-text search: FTS5 trigram for every query length (a scan where it cannot answer), kept in step by triggers."""

import pytest

from reader.core import fts
from reader.core import outline as outline_mod
from reader.core import search as search_mod
from reader.core.importer import ImportedText
from reader.core.search import ensure_search_index, fts_query, search, search_in_text


def imported(text: str) -> ImportedText:
    return ImportedText(text, text, "utf-8", "txt", {}, [], "")


def test_three_characters_use_fts_and_offsets_index_the_text(sample_library):
    result = search(sample_library, "一中心六组团")
    assert result.method == "fts"
    assert [g.doc_id for g in result.groups] == [1, 3]
    assert result.total == 7
    for group in result.groups:
        text = sample_library.get_document(group.doc_id).text
        for hit in group.hits:
            assert text[hit.start:hit.end] == "一中心六组团" == hit.match
            assert text[:hit.start].endswith(hit.context_before)
            assert text[hit.end:].startswith(hit.context_after)


def test_groups_are_ordered_by_date_undated_last(sample_library):
    result = search(sample_library, "城")
    assert result.method == "fts"                     # one character: the trigrams that begin with it
    assert [g.doc_id for g in result.groups] == [1, 3, 4, 5, 2]   # 2022, 2022, 2022, 2024, undated
    assert result.total == sum(sample_library.get_document(i).text.count("城") for i in range(1, 6))


def test_hits_carry_their_section(sample_library):
    hit = search(sample_library, "三个处理").groups[0].hits[0]
    assert hit.doc_id == 5 and hit.section_label.startswith("二、")


def test_listing_is_capped_but_everything_is_counted(sample_library):
    result = search(sample_library, "的", max_hits=10)
    assert sum(len(g.hits) for g in result.groups) == 10
    assert result.truncated and result.total > 100


@pytest.mark.parametrize("query", ['"四张牌', "四张牌 OR 九", "NOT 城市", "城市*", "^城市", "(城市)", "a:b", "”“"])
def test_queries_are_searched_literally(library, query):
    library.add_document(imported(f"开头{query}结尾"))
    result = search(library, query)
    assert result.total == 1 and result.groups[0].hits[0].match == query
    assert search(library, query + "不在").total == 0


def test_fts_query_escapes_quotes():
    assert fts_query('a"b') == '"a""b"'


def test_import_remove_and_retext_keep_the_index_in_step(library):
    ensure_search_index(library.conn)            # the triggers exist before the changes
    doc_id, _ = library.add_document(imported("推进新型城镇化建设。"))
    assert [g.doc_id for g in search(library, "城镇化").groups] == [doc_id]
    library.replace_text(doc_id, imported("建设文明城市。"))
    assert search(library, "城镇化").total == 0
    assert search(library, "文明城市").total == 1
    library.update_metadata(doc_id, title="改了题目")
    assert search(library, "文明城市").groups[0].title == "改了题目"
    library.remove_document(doc_id)
    assert search(library, "文明城市").groups == []
    assert _fts_rows(library, "文明城市") == []


def _fts_rows(library, query):
    return [r[0] for r in library.conn.execute(
        f"SELECT rowid FROM {fts.FTS_TABLE} WHERE {fts.FTS_TABLE} MATCH ? ORDER BY rowid", (fts_query(query),))]


def test_the_import_builds_the_index_before_any_search(sample_library):
    # nothing searched yet: the FTS table already answers, filled by the import itself
    assert _fts_rows(sample_library, "四张牌") == [1, 3]
    doc_id, _ = sample_library.add_document(imported("打好四张牌，走好新路。"))
    assert _fts_rows(sample_library, "四张牌") == [1, 3, doc_id]       # incremental, no rebuild
    sample_library.remove_document(1)
    assert _fts_rows(sample_library, "四张牌") == [3, doc_id]


def test_a_library_from_before_the_index_gets_it_on_first_search(sample_library):
    conn = sample_library.conn
    for name in ("ai", "ad", "au"):
        conn.execute(f"DROP TRIGGER {fts.FTS_TABLE}_{name}")
    conn.execute(f"DROP TABLE {fts.VOCAB_TABLE}")
    conn.execute(f"DROP TABLE {fts.FTS_TABLE}")
    # the first, lazily built index of earlier versions, with its triggers: replaced, not kept in step
    conn.execute("CREATE VIRTUAL TABLE search_fts USING fts5(text, content='documents', content_rowid='id',"
                 " tokenize='trigram case_sensitive 1')")
    conn.execute("CREATE TRIGGER search_fts_ai AFTER INSERT ON documents BEGIN"
                 " INSERT INTO search_fts(rowid, text) VALUES (new.id, new.text); END")
    assert search(sample_library, "四张牌").method == "fts"
    assert [g.doc_id for g in search(sample_library, "四张牌").groups] == [1, 3]
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert not {"search_fts", "search_fts_ai"} & names


def test_without_fts5_the_scan_answers(library, monkeypatch):
    monkeypatch.setattr(fts, "_CREATE", [f"CREATE VIRTUAL TABLE {fts.FTS_TABLE} USING no_such_module(text)"])
    first, _ = library.add_document(imported("四张牌在此。"))         # the import does not fail either
    result = search(library, "四张牌")
    assert result.method == "scan"
    assert [g.doc_id for g in result.groups] == [first]
    doc_id, _ = library.add_document(imported("打好四张牌。"))   # no trigger to fail
    assert doc_id in [g.doc_id for g in search(library, "四张牌").groups]


def test_search_takes_sections_from_the_stored_outline(sample_library, monkeypatch):
    expected = search(sample_library, "三个处理").groups[0].hits[0].section_label

    def refuse(text):
        raise AssertionError("search parsed an outline again")

    monkeypatch.setattr(search_mod, "parse_outline", refuse)
    monkeypatch.setattr("reader.core.derived.parse_outline", refuse)
    assert search(sample_library, "三个处理").groups[0].hits[0].section_label == expected
    assert expected.startswith("二、")


def test_outlines_of_another_parser_version_are_parsed_again(sample_library, monkeypatch):
    stored = sample_library.conn.execute("SELECT outline FROM doc_outline WHERE doc_id = 5").fetchone()[0]
    sample_library.conn.execute("UPDATE doc_outline SET outline = '[]' WHERE doc_id = 5")
    assert sample_library.outline(5) == []                      # the stored answer is used as is
    monkeypatch.setattr(outline_mod, "PARSER_VERSION", outline_mod.PARSER_VERSION + 1)
    monkeypatch.setattr("reader.core.derived.PARSER_VERSION", outline_mod.PARSER_VERSION)
    assert sample_library.outline(5) == outline_mod.parse_outline(sample_library.get_document(5).text)
    assert sample_library.conn.execute("SELECT outline, parser_version FROM doc_outline WHERE doc_id = 5"
                                       ).fetchone() == (stored, outline_mod.PARSER_VERSION)


def test_retexting_a_speech_restores_its_outline(sample_library):
    sample_library.replace_text(2, imported("一、总体要求\n推进。\n二、重点任务\n落实再落实。"))
    assert [s.label for s in sample_library.outline(2)] == ["一、", "二、"]
    assert search(sample_library, "落实再落实").groups[0].hits[0].section_label == "二、"


def test_pages_come_in_date_order_with_the_whole_count(sample_library):
    whole = search(sample_library, "城")
    first = search(sample_library, "城", limit=2)
    assert [g.doc_id for g in first.groups] == [1, 3]
    assert first.total == whole.total and first.speeches == 5 and first.next_offset == 2 and first.truncated
    second = search(sample_library, "城", limit=2, offset=first.next_offset)
    last = search(sample_library, "城", limit=2, offset=second.next_offset)
    assert [g.doc_id for g in second.groups + last.groups] == [4, 5, 2] and last.next_offset is None
    assert [g.total for g in first.groups + second.groups + last.groups] == [g.total for g in whole.groups]


def test_search_in_text():
    text = "一、总体要求\n城市城市。\n二、重点任务\n城市。"
    hits = search_in_text(text, "城市", context=2)
    assert [(h.start, h.end) for h in hits] == [(7, 9), (9, 11), (20, 22)]
    assert [h.section_label for h in hits] == ["一、", "一、", "二、"]
    assert hits[0].context_before == "求\n" and hits[0].context_after == "城市"
    assert search_in_text(text, "") == [] and search_in_text(text, "乡村") == []


@pytest.mark.parametrize("query", ["城", "城市", "党", "的", "a", "。", "要", "四张牌", "推进", "Ab", "尾", "尾巴",
                                   "哈哈", "哈哈哈", "哈哈哈哈", "城市城市", "推进城市建设", "要推进", "建设要推进城市"])
def test_the_index_and_the_scan_agree_on_every_query_length(library, query):
    for text in ("开头城市尾巴", "党的建设。要推进", "Ab ab AB", "城", "尾", "只有尾巴", "a", "哈哈哈哈哈，哈哈",
                 "城市城市城市，推进城市建设，建设要推进城市建设要推进城市"):
        library.add_document(imported(text))
    indexed, scanned = search(library, query, limit=1), search(library, query, use_fts=False)
    assert indexed.method == "fts" and scanned.method == "scan"
    assert [(g.doc_id, g.total) for g in indexed.groups] == [(g.doc_id, g.total) for g in scanned.groups][:1]
    assert indexed.total == scanned.total and indexed.speeches == scanned.speeches
    expected = sum(len(search_mod._find_all(library.get_document(d.id).text, query)) for d in library.list_documents())
    assert search_mod.count_matches(library, query) == expected
    if query != "哈哈":                              # a short query that may overlap itself is counted by a scan
        assert fts.count(library.conn, query) == expected


def test_a_first_page_can_come_before_the_count(sample_library):
    result = search(sample_library, "城", limit=2, count=False)
    assert result.total is None and result.speeches == 5 and len(result.groups) == 2
    assert search_mod.count_matches(sample_library, "城") == search(sample_library, "城").total


def test_a_query_in_every_speech_is_answered_without_the_or_of_its_trigrams(library):
    """One trigram in every speech means every speech holds the query; trigrams each in most speeches but
    together in all (or in all but one) do not, and removing a speech moves the answer back."""
    texts = ["深化改革，扩大开放。", "改革，创新。", "全面深化改革。", "改革开放四十年。"]
    ids = [library.add_document(imported(t))[0] for t in texts]
    assert fts.match(library.conn, "改革") != fts.EVERY_SPEECH      # 改革， is in two, 改革。 in one: no shortcut
    assert search(library, "改革").speeches == search(library, "改革", use_fts=False).speeches == 4
    everywhere = library.add_document(imported("只谈改革，不谈别的。"))[0]
    for doc_id, text in zip(ids, texts):
        library.replace_text(doc_id, imported(text.replace("改革", "改革，")))
    assert fts.match(library.conn, "改革") == fts.EVERY_SPEECH
    assert search(library, "改革").speeches == search(library, "改革", use_fts=False).speeches == 5
    assert [g.doc_id for g in search(library, "改革").groups] == [g.doc_id for g in search(library, "改革", use_fts=False).groups]
    library.add_document(imported("没有这个词。"))
    assert fts.match(library.conn, "改革") != fts.EVERY_SPEECH
    assert search(library, "改革").speeches == 5 and everywhere in [g.doc_id for g in search(library, "改革").groups]
