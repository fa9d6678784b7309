"""The persistent corpus index: df and classes, incremental add/remove, persistence, sync, phrases."""

import sqlite3

import pytest

from reader.core.reuse import ReuseIndex, ReuseSettings, default_stock_df, ensure_schema

STOCK = "坚持以习近平新时代中国特色社会主义思想为指导"
PAIR = "享有更多城市发展红利，享有均等化的公共服务和美好生活，是民之所需"
FILLERS = ["今年全市经济运行总体平稳，粮食生产再获丰收。", "我们着力改善生态环境质量，空气优良天数明显增加。",
           "交通基础设施加快完善，高速公路通车里程持续增长。", "教育卫生事业稳步发展，新建一批中小学和医院。",
           "文化旅游融合发展，接待游客人次创历史新高。", "营商环境持续优化，市场主体数量快速增长。"]
TAILS = ["春风拂面万物生。", "夏日炎炎荷花开。", "秋高气爽稻谷香。", "冬雪皑皑梅自芳。", "山高水长路漫漫。", "海阔天空鸟飞翔。"]


def corpus() -> dict[int, str]:
    """Six speeches: all hold the stock formula, speeches 1 and 2 also share PAIR."""
    docs = {}
    for i in range(1, 7):
        body = FILLERS[i - 1] + STOCK + "，" + TAILS[i - 1]
        if i in (1, 2):
            body += ("同志们：", "各位代表！")[i - 1] + PAIR + "。"
        docs[i] = body
    return docs


def connect(tmp_path, name="x.db"):
    return sqlite3.connect(tmp_path / name)


def snapshot(index: ReuseIndex):
    """Everything the index answers about the test corpus, for comparing two indexes."""
    ids = index.document_ids()
    pairs = {(a, b): [p.to_dict() for p in index.passages_between(a, b)] for a in ids for b in ids if a < b}
    phrases = [p.to_dict() for p in index.phrases(min_df=2)]
    return ids, pairs, phrases


def test_schema_tables_are_prefixed_and_creation_is_idempotent(tmp_path):
    conn = connect(tmp_path)
    ensure_schema(conn)
    ensure_schema(conn)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert names and all(n.startswith("reuse_") for n in names)


def test_stock_and_distinctive_classes_with_df(tmp_path):
    index = ReuseIndex(connect(tmp_path))
    index.sync(corpus().items())
    assert index.settings.stock_threshold(6) == 3
    passages = index.passages_between(1, 2)
    by_text = {p.text: p for p in passages}
    stock = next(p for p in passages if STOCK in p.text)
    pair = next(p for p in passages if PAIR in p.text)
    assert stock.df == 6 and stock.cls == "stock"
    assert pair.df == 2 and pair.cls == "distinctive"
    assert len(by_text) == 2
    start = corpus()[3].index(STOCK)
    assert index.document_frequency(3, start, start + len(STOCK)) == 6
    start = corpus()[1].index(PAIR)
    assert index.document_frequency(1, start, start + len(PAIR)) == 2


def test_stock_threshold_adapts_to_library_size():
    assert [default_stock_df(n) for n in (0, 2, 5, 46, 1000, 10000)] == [3, 3, 3, 7, 32, 100]
    assert ReuseSettings(stock_df=4).stock_threshold(1000) == 4


def test_incremental_add_and_remove_equal_a_fresh_rebuild(tmp_path):
    docs = corpus()
    grown = ReuseIndex(connect(tmp_path, "grown.db"))
    grown.sync([(i, docs[i]) for i in (1, 2, 3)])
    grown.phrases()                                 # loads the postings, so adds must update them
    for i in (4, 5, 6):
        grown.add_document(i, docs[i])
    fresh = ReuseIndex(connect(tmp_path, "fresh.db"))
    fresh.sync(docs.items())
    assert snapshot(grown) == snapshot(fresh)
    grown.remove_document(2)
    rebuilt = ReuseIndex(connect(tmp_path, "rebuilt.db"))
    rebuilt.sync([(i, t) for i, t in docs.items() if i != 2])
    assert snapshot(grown) == snapshot(rebuilt)
    assert all(PAIR not in p.text for p in grown.phrases())


def test_index_survives_a_reconnect(tmp_path):
    index = ReuseIndex(connect(tmp_path))
    index.sync(corpus().items())
    before = snapshot(index)
    index.conn.close()
    again = ReuseIndex(connect(tmp_path))
    assert snapshot(again) == before
    report = again.sync(corpus().items())
    assert report.added == [] and report.removed == [] and report.unchanged == 6


def test_sync_reindexes_changed_text_drops_missing_and_reports_progress(tmp_path):
    index = ReuseIndex(connect(tmp_path))
    index.sync(corpus().items())
    docs = corpus()
    docs[3] = docs[3] + PAIR + "。"
    del docs[6]
    seen = []
    report = index.sync(lambda: list(docs.items()), progress=lambda done, total: seen.append((done, total)))
    assert report.added == [3] and report.removed == [6] and report.unchanged == 4
    assert seen[-1] == (5, 5)
    assert index.document_ids() == [1, 2, 3, 4, 5]
    assert any(PAIR in p.text for p in index.passages_between(1, 3))


def test_sync_can_be_cancelled_and_resumed(tmp_path):
    index = ReuseIndex(connect(tmp_path))
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 2

    report = index.sync(corpus().items(), cancelled=cancelled)
    assert report.cancelled and report.removed == []
    assert len(index.document_ids()) == 2
    report = index.sync(corpus().items())
    assert not report.cancelled and report.unchanged == 2 and len(report.added) == 4


def test_phrases_most_widespread_first_with_positions(tmp_path):
    docs = corpus()
    index = ReuseIndex(connect(tmp_path))
    index.sync(docs.items())
    phrases = index.phrases(min_df=2)
    assert phrases[0].df == 6 and STOCK in phrases[0].text and phrases[0].cls == "stock"
    assert phrases[0].doc_ids == (1, 2, 3, 4, 5, 6)
    for phrase in phrases:
        for doc_id, start, end in phrase.positions:
            assert docs[doc_id][start:end] == phrase.text
    pair = [p for p in phrases if PAIR in p.text]
    assert len(pair) == 1 and pair[0].doc_ids == (1, 2) and pair[0].cls == "distinctive"
    assert index.phrases(min_df=3) == [p for p in phrases if p.df >= 3]
    assert len(index.phrases(top=1)) == 1


def test_related_documents_ignore_stock_phrases(tmp_path):
    index = ReuseIndex(connect(tmp_path))
    index.sync(corpus().items())
    related = dict(index.related_documents(1))
    assert 2 in related and 4 not in related


def test_unknown_document_raises(tmp_path):
    index = ReuseIndex(connect(tmp_path))
    with pytest.raises(KeyError):
        index.passages_between(1, 2)


def test_documents_containing_names_the_speeches(sample_library):
    """The tooltip's "also in" list: the 红利 sentence is in speeches 1 and 3 only."""
    from reader.core.library_ops import sync_index
    from reader.core.reuse import ReuseIndex

    sync_index(sample_library)
    index = ReuseIndex(sample_library.conn)
    text = sample_library.get_document(1).text
    start = text.index("享有更多城市发展")
    holders = index.documents_containing(1, start, start + 30)
    assert holders == [1, 3]
    assert index.document_frequency(1, start, start + 30) == 2
