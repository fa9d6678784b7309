"""The postings as they live: saved and memory-mapped, appended to, caught up, merged, and reused by comparisons."""

import ast
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from reader.core import comparison as comparison_mod
from reader.core.comparison import SharedIndex, compute_comparison
from reader.core.importer import ImportedText
from reader.core.library_ops import sync_index
from reader.core.reuse import ReuseIndex, saved
from reader.core.reuse.postings import Postings
from tests.core.test_reuse_index import PAIR, STOCK, corpus

ROOT = Path(__file__).resolve().parents[2]


def answers(index: ReuseIndex) -> dict:
    """What the postings answer for every document: related documents and holders of the stock formula."""
    out = {}
    for doc_id in index.document_ids():
        text = index.text(doc_id)
        at = text.find(STOCK)
        out[doc_id] = (index.related_documents(doc_id),
                       index.documents_containing(doc_id, at, at + len(STOCK)) if at >= 0 else None)
    return out


def test_a_second_process_maps_the_saved_postings_instead_of_rebuilding(tmp_path, monkeypatch):
    first = ReuseIndex(sqlite3.connect(tmp_path / "lib.db"))
    first.sync(corpus().items())
    expected = answers(first)                            # builds and saves
    assert (tmp_path / saved.FOLDER / saved.MANIFEST).is_file()
    monkeypatch.setattr(Postings, "build", classmethod(lambda *a, **k: pytest.fail("rebuilt")))
    second = ReuseIndex(sqlite3.connect(tmp_path / "lib.db"))
    assert isinstance(second.postings().entries, np.memmap)
    assert answers(second) == expected


def test_adding_appends_to_the_delta_and_leaves_the_main_array_alone(tmp_path):
    docs = corpus()
    index = ReuseIndex(sqlite3.connect(tmp_path / "lib.db"))
    index.sync([(d, t) for d, t in docs.items() if d != 6])
    main = index.postings().entries
    index.add_document(6, docs[6])
    index.remove_document(3)
    index.add_document(3, docs[3] + "另加一句新的话。")
    postings = index.postings()
    assert postings.entries is main and postings.delta.size > 0 and 3 in postings.dead
    reference = ReuseIndex(sqlite3.connect(tmp_path / "ref.db"))
    reference.sync({**docs, 3: docs[3] + "另加一句新的话。"}.items())
    assert answers(index) == answers(reference)
    assert index.phrases(min_df=2) == reference.phrases(min_df=2)
    assert index.compact(force=True) and index.postings().pending == 0
    assert answers(index) == answers(reference)


def test_a_stale_saved_copy_is_caught_up_not_rebuilt(tmp_path, monkeypatch):
    docs = corpus()
    index = ReuseIndex(sqlite3.connect(tmp_path / "lib.db"))
    index.sync(docs.items())
    index.postings()                                     # saved with all six
    other = sqlite3.connect(tmp_path / "lib.db")
    writer = ReuseIndex(other)
    writer.remove_document(2)                            # another connection changes the index
    writer.add_document(7, docs[1].replace("同志们", "各位"))
    monkeypatch.setattr(Postings, "build", classmethod(lambda *a, **k: pytest.fail("rebuilt")))
    late = ReuseIndex(sqlite3.connect(tmp_path / "lib.db"))
    assert 7 in [d for d, _ in late.related_documents(1)] and 2 not in [d for d, _ in late.related_documents(1)]
    # the long-lived index notices the other connection's writes by itself
    assert 7 in [d for d, _ in index.related_documents(1)] and 2 not in [d for d, _ in index.related_documents(1)]
    assert index.document_ids() == [1, 3, 4, 5, 6, 7] and index.n_documents() == 6
    writer.remove_document(7)
    assert index.document_ids() == [1, 3, 4, 5, 6] and index.n_documents() == 5


def test_a_damaged_saved_copy_is_rebuilt(tmp_path):
    index = ReuseIndex(sqlite3.connect(tmp_path / "lib.db"))
    index.sync(corpus().items())
    expected = answers(index)
    manifest = tmp_path / saved.FOLDER / saved.MANIFEST
    for damage in ("{not json", '{"version": "other"}'):
        manifest.write_text(damage)
        assert answers(ReuseIndex(sqlite3.connect(tmp_path / "lib.db"))) == expected
    npy = next((tmp_path / saved.FOLDER).glob("postings-*.npy"))
    npy.write_bytes(npy.read_bytes()[:200])
    assert answers(ReuseIndex(sqlite3.connect(tmp_path / "lib.db"))) == expected


def imported(text: str) -> ImportedText:
    return ImportedText(text, text, "utf-8", "txt", {}, [], "")


def test_comparisons_reuse_one_index_and_open_the_library_once(tmp_path, monkeypatch):
    from reader.core.store import Library

    library = Library(tmp_path)
    ids = [library.add_document(imported(t))[0] for t in corpus().values()]
    sync_index(library)
    opened = []
    real_init = Library.__init__

    def counting_init(self, *args, **kwargs):
        opened.append(args)
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(Library, "__init__", counting_init)
    builds = []
    real_build = Postings.build.__func__
    monkeypatch.setattr(Postings, "build", classmethod(lambda cls, *a, **k: builds.append(1) or real_build(cls, *a, **k)))
    session = SharedIndex()
    try:
        docs = [library.get_document(i) for i in ids[:2]]
        first = compute_comparison(tmp_path, docs, 12, session=session)
        with session.use(tmp_path) as (_lib, index_one):
            pass
        second = compute_comparison(tmp_path, [library.get_document(i) for i in ids[1:4]], 12, session=session)
        with session.use(tmp_path) as (_lib, index_two):
            pass
        assert index_one is index_two and len(opened) == 1 and len(builds) <= 1
        assert any(PAIR in first.documents[0].text[s.start:s.end] for s in first.shared_spans(0))
        assert second.size == 3
        # a speech imported through the window's connection is seen by the next comparison, without a rebuild
        new_id, _ = library.add_document(imported(corpus()[1].replace("同志们", "各位")))
        sync_index(library)
        third = compute_comparison(tmp_path, [library.get_document(ids[0]), library.get_document(new_id)], 12,
                                   session=session)
        span = next(s for s in third.shared_spans(0) if STOCK in third.documents[0].text[s.start:s.end])
        assert new_id in third.holders_of(0, span) and len(builds) <= 1 and len(opened) == 1
    finally:
        session.close()
        library.close()


def test_comparisons_take_outlines_stored_at_import(tmp_path, monkeypatch):
    from reader.core.store import Library

    library = Library(tmp_path)
    a, _ = library.add_document(imported("一、总体要求\n" + corpus()[1] + "\n二、重点任务\n" + corpus()[3]))
    b, _ = library.add_document(imported("一、总体要求\n" + corpus()[2]))
    monkeypatch.setattr(comparison_mod, "parse_outline", lambda text: pytest.fail("parsed again"))
    session = SharedIndex()
    try:
        result = compute_comparison(tmp_path, [library.get_document(a), library.get_document(b)], 12, session=session)
        assert [s.label for s in result.sections[0]] == ["一、", "二、"]
    finally:
        session.close()
        library.close()


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_phrases_do_not_import_the_index_back():
    assert "reader.core.reuse.phrases" in _imports(ROOT / "reader/core/reuse/index.py")
    assert not any(m.startswith("reader.core.reuse.index") for m in _imports(ROOT / "reader/core/reuse/phrases.py"))


def test_remembered_holders_follow_adds_and_removals(tmp_path):
    docs = corpus()
    index = ReuseIndex(sqlite3.connect(tmp_path / "lib.db"))
    index.sync(docs.items())
    at = docs[1].find(STOCK)
    before = index.documents_containing(1, at, at + len(STOCK))
    assert before == [1, 2, 3, 4, 5, 6]
    assert index.documents_containing(1, at, at + len(STOCK)) == before        # asked again: remembered
    index.add_document(7, "开场白。" + STOCK + "，结束语。")
    index.remove_document(4)
    assert index.documents_containing(1, at, at + len(STOCK)) == [1, 2, 3, 5, 6, 7]


def test_the_start_up_warm_up_leaves_the_postings_loaded(tmp_path, monkeypatch):
    from reader.core.store import Library

    library = Library(tmp_path)
    for text in corpus().values():
        library.add_document(imported(text))
    sync_index(library)
    session = SharedIndex()
    try:
        session.warm(tmp_path)
        monkeypatch.setattr(Postings, "build", classmethod(lambda *a, **k: pytest.fail("loaded again")))
        monkeypatch.setattr(saved, "load", lambda *a, **k: pytest.fail("loaded again"))
        compute_comparison(tmp_path, [library.get_document(1), library.get_document(2)], 12, session=session)
    finally:
        session.close()
        library.close()


def test_a_steady_batch_sees_other_writers_after_it_not_in_the_middle(tmp_path):
    docs = corpus()
    index = ReuseIndex(sqlite3.connect(tmp_path / "lib.db"))
    index.sync(docs.items())
    other = ReuseIndex(sqlite3.connect(tmp_path / "lib.db"))
    at = docs[1].find(STOCK)
    queries = []
    index.conn.set_trace_callback(queries.append)
    with index.steady():
        before = index.documents_containing(1, at, at + len(STOCK))
        other.add_document(7, "开场白。" + STOCK + "，结束语。")          # another connection writes meanwhile
        assert index.documents_containing(1, at, at + len(STOCK)) == before
        for _ in range(20):
            index.documents_containing(2, 0, 30)
    assert sum("data_version" in q for q in queries) == 1               # looked for once, at the start
    assert index.documents_containing(1, at, at + len(STOCK)) == sorted(before + [7])


def test_a_pairs_passages_are_found_once_while_the_index_stays_as_it_is(tmp_path, monkeypatch):
    """Adding a pane does not align the pairs on screen again; a speech added to the library (which changes
    document frequencies, so classes and scores) makes every pair be found anew."""
    from reader.core.reuse import index as index_mod

    docs = corpus()
    index = ReuseIndex(sqlite3.connect(tmp_path / "lib.db"))
    index.sync(docs.items())
    aligned = []
    real = index_mod.shared_matches
    monkeypatch.setattr(index_mod, "shared_matches", lambda *a, **k: aligned.append(1) or real(*a, **k))
    first = index.passages_between(1, 2, 12)
    assert index.passages_between(1, 2, 12) == first and len(aligned) == 1
    index.passages_between(1, 2, 16)                  # another minimum length is a question of its own
    assert len(aligned) == 2
    before = {p.text: p.df for p in index.passages_between(1, 3, 12)}
    index.add_document(7, "开场白。" + STOCK + "，结束语。")
    after = {p.text: p.df for p in index.passages_between(1, 3, 12)}
    assert len(aligned) == 4 and any(after[t] == before[t] + 1 for t in before if t in after)


def test_gram_frequencies_kept_with_a_text_equal_those_looked_up_afresh(tmp_path):
    """Grading a stretch of a speech from the frequencies kept with its text gives what looking every gram up
    gives, whatever stretches were asked before, and follows the library when it changes."""
    docs = corpus()
    index = ReuseIndex(sqlite3.connect(tmp_path / "lib.db"))
    index.sync(docs.items())
    keyed = index.keyed(1)
    rng = np.random.default_rng(7)
    for _ in range(40):
        first = int(rng.integers(0, len(keyed) - 1))
        stop = int(rng.integers(first + 1, min(len(keyed), first + 60) + 1))
        kept, k = index._gram_df(keyed.keys[first:stop], keyed, first)
        fresh, _ = index._gram_df(keyed.keys[first:stop])
        assert np.array_equal(kept, fresh) and k == index.settings.k
    at = docs[1].find(STOCK)
    lo, hi = (int(np.searchsorted(keyed.starts, at)), int(np.searchsorted(keyed.ends, at + len(STOCK))))
    before = index._gram_df(keyed.keys[lo:hi], keyed, lo)[0].max()
    index.add_document(8, "又一篇。" + STOCK + "。")
    assert index._gram_df(keyed.keys[lo:hi], keyed, lo)[0].max() == before + 1
