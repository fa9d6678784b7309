"""The similarity matrix: the closest pair of the samples, caching, incremental updates, ordering."""

import numpy as np
import pytest

from reader.core.importer import ImportedText
from reader.core.library_ops import sync_index
from reader.core.reuse import ReuseIndex
from reader.core.similarity import pair_detail, seriate, similarity_matrix


@pytest.fixture
def indexed(sample_library):
    sync_index(sample_library)
    return sample_library


def test_closest_pair_is_speeches_1_and_3(indexed):
    matrix = similarity_matrix(indexed)
    best = matrix.closest(1)[0]
    assert (best.doc_a, best.doc_b) == (1, 3)
    assert best.passages and best.chars >= 100       # aligned within the budget: tooltip figures
    n = len(matrix.doc_ids)
    assert n == 5 and matrix.scores.shape == (5, 5)
    assert np.allclose(matrix.scores, matrix.scores.T) and np.allclose(np.diag(matrix.scores), 1)
    i, j = matrix.doc_ids.index(1), matrix.doc_ids.index(3)
    assert abs(i - j) == 1                            # seriation puts them side by side
    assert matrix.cell(3, 1) is best


def test_orders(indexed):
    assert similarity_matrix(indexed, order="date").doc_ids == [1, 3, 4, 5, 2]
    assert similarity_matrix(indexed, order="place").doc_ids == [2, 1, 3, 4, 5]   # 山东 < 河南 by code point, then unknown
    with pytest.raises(ValueError):
        similarity_matrix(indexed, order="size")


def test_second_opening_uses_the_cache(indexed, monkeypatch):
    first = similarity_matrix(indexed)
    calls = []
    original = ReuseIndex.related_documents
    monkeypatch.setattr(ReuseIndex, "related_documents", lambda self, *a, **k: calls.append(a) or original(self, *a, **k))
    monkeypatch.setattr(ReuseIndex, "passages_between", lambda *a, **k: pytest.fail("aligned again"))
    second = similarity_matrix(indexed)
    assert calls == []
    assert second.doc_ids == first.doc_ids and np.allclose(second.scores, first.scores)


def test_added_and_removed_speeches_update_only_their_row(indexed, monkeypatch):
    similarity_matrix(indexed)
    text = indexed.get_document(1).text[:3000]
    new_id, _ = indexed.add_document(ImportedText(text, text, "utf-8", "txt", {}, [], ""))
    sync_index(indexed)
    calls = []
    original = ReuseIndex.related_documents
    monkeypatch.setattr(ReuseIndex, "related_documents", lambda self, d, *a: calls.append(d) or original(self, d, *a))
    matrix = similarity_matrix(indexed)
    assert calls == [new_id]
    assert new_id in matrix.doc_ids
    assert matrix.closest(1)[0].doc_b == new_id and matrix.closest(1)[0].doc_a == 1   # a copy of part of 1
    indexed.remove_document(3)
    sync_index(indexed)
    calls.clear()
    matrix = similarity_matrix(indexed)
    assert calls == [] and 3 not in matrix.doc_ids
    assert all(3 not in key for key in matrix.pairs)


def test_retexted_speech_is_recomputed(indexed):
    similarity_matrix(indexed)
    other = "与任何讲话都不同的一段文字，讲的是别的事情。" * 20
    indexed.replace_text(1, ImportedText(other, other, "utf-8", "txt", {}, [], ""))
    sync_index(indexed)
    matrix = similarity_matrix(indexed)
    assert matrix.cell(1, 3) is None
    assert matrix.closest(1)[0].doc_a == 3 and matrix.closest(1)[0].doc_b == 5


def test_pair_detail_is_cached(indexed):
    similarity_matrix(indexed, exact_budget=0)
    index = ReuseIndex(indexed.conn)
    assert similarity_matrix(indexed, exact_budget=0).cell(1, 3).passages is None
    passages, chars = pair_detail(index, 3, 1)
    assert passages >= 1 and chars >= 100
    assert similarity_matrix(indexed, exact_budget=0).cell(1, 3).passages == passages


def test_seriate_chains_clusters():
    s = np.zeros((6, 6))
    for a, b, v in [(0, 3, 0.9), (3, 5, 0.5), (1, 4, 0.8)]:
        s[a, b] = s[b, a] = v
    order = seriate(s)
    assert sorted(order) == list(range(6))
    assert order[:3] in ([0, 3, 5], [5, 3, 0]) and set(order[3:5]) == {1, 4} and order[5] == 2


def test_seriate_lists_every_speech_once_when_one_relates_only_to_the_middle_of_a_chain():
    s = np.zeros((5, 5))
    for a, b, v in [(0, 1, 0.9), (1, 2, 0.8), (1, 3, 0.1)]:
        s[a, b] = s[b, a] = v
    order = seriate(s)
    assert sorted(order) == list(range(5))


def test_seriate_is_a_permutation_of_random_sparse_libraries():
    rng = np.random.default_rng(16)
    for n in (3, 7, 20, 60):
        for _ in range(20):
            s = rng.random((n, n)) * (rng.random((n, n)) < 0.15)
            s = np.maximum(s, s.T)
            assert sorted(seriate(s)) == list(range(n))
