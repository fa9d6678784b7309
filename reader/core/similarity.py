"""The similarity matrix: how much distinctive wording every pair of speeches shares.

A cell is the containment of the smaller speech in the larger, measured on the reuse index's
winnowed fingerprints: distinctive fingerprints both hold / fingerprints of the smaller one.
Fingerprints stand for the text at a steady density (about one per two characters), so this is
the share of the shorter speech's text that is distinctive shared wording. The smaller one is the
denominator because speeches differ fourfold in length: a 3,000-character address lifted half
from a 30,000-character report should read 0.5, where the mean length would show 0.09. Stock
wording (fingerprints in more documents than the index's cap) counts for nothing, or every
speech of the genre would resemble every other.

Only pairs that share something are computed: related_documents walks the postings of one
speech at a time, so the cost is the sum of distinctive df, never n². Passages and characters
for the tooltip come from aligning the pair (passages_between); that costs milliseconds a pair,
so it is done for the most similar pairs up to a budget and on demand for the rest.

The cache lives in the library (similarity_* tables), valid for the text hashes of the index: a
speech added, re-texted or removed recomputes only its own row and column. A new speech can push
an old fingerprint over the cap without the old pairs noticing; a change of the cap itself (the
library grew past a square) recomputes everything, and refresh=True does so on request.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import numpy as np

from reader.core.reuse import ReuseIndex
from reader.core.reuse.passage import DISTINCTIVE
from reader.core.reuse.schema import write_transaction

__all__ = ["PairSimilarity", "SimilarityMatrix", "similarity_matrix", "pair_detail", "update_cache",
           "seriate", "ORDERS"]

ORDERS = ("date", "place", "similarity")
DEFAULT_EXACT_BUDGET = 200   # pairs aligned per call for the tooltip (the most similar first)
_MIN_EXACT_SHARED = 2        # fewer shared fingerprints cannot make a passage of min_chars


@dataclass(frozen=True)
class PairSimilarity:
    """One cell: the score, shared fingerprints, and (once aligned) passages and characters."""

    doc_a: int
    doc_b: int
    score: float
    shared: int
    passages: int | None = None
    chars: int | None = None


@dataclass
class SimilarityMatrix:
    """Speeches in display order and their pairwise scores (the diagonal is 1)."""

    doc_ids: list[int]
    labels: list[str]
    scores: np.ndarray
    pairs: dict[tuple[int, int], PairSimilarity]
    order: str

    def cell(self, a: int, b: int) -> PairSimilarity | None:
        """The cell of two speeches (either order), None when they share nothing distinctive."""
        return self.pairs.get((min(a, b), max(a, b)))

    def closest(self, top: int = 10) -> list[PairSimilarity]:
        """The most similar pairs, best first."""
        return sorted(self.pairs.values(), key=lambda p: (-p.score, p.doc_a, p.doc_b))[:top]

    def to_csv(self) -> str:
        """The matrix as CSV: a header of speech labels, one row per speech."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([""] + self.labels)
        for label, row in zip(self.labels, self.scores):
            writer.writerow([label] + [f"{v:.4f}" for v in row])
        return out.getvalue()


def _cap(index: ReuseIndex) -> int:
    """The df above which a fingerprint relates no documents (as related_documents applies it)."""
    s = index.settings
    return max(min(s.df_cap, s.stock_threshold(index.n_documents()) - 1), 2)


def update_cache(index: ReuseIndex, refresh: bool = False) -> int:
    """Bring the cached pairs in step with the index; returns how many speeches were (re)computed."""
    conn = index.conn
    meta = dict(conn.execute("SELECT key, value FROM similarity_meta"))
    stamp = f"{index.version}:cap{_cap(index)}"
    current = dict(conn.execute("SELECT doc_id, text_hash FROM reuse_doc"))
    cached = dict(conn.execute("SELECT doc_id, text_hash FROM similarity_doc"))
    if refresh or meta.get("stamp") != stamp:
        cached = {}
        with write_transaction(conn):
            conn.execute("DELETE FROM similarity_pair")
            conn.execute("DELETE FROM similarity_doc")
            conn.execute("INSERT OR REPLACE INTO similarity_meta (key, value) VALUES ('stamp', ?)", (stamp,))
    stale = sorted(d for d, h in cached.items() if current.get(d) != h)
    fresh = sorted(d for d, h in current.items() if cached.get(d) != h)
    if not stale and not fresh:
        return 0
    todo = set(fresh)
    rows = []
    for doc_id in fresh:
        for other, shared in index.related_documents(doc_id):
            if other in todo and other < doc_id:
                continue    # the pair was counted from the other side (the count is symmetric)
            rows.append((min(doc_id, other), max(doc_id, other), shared))
    with write_transaction(conn):
        for doc_id in stale:
            conn.execute("DELETE FROM similarity_pair WHERE doc_a = ? OR doc_b = ?", (doc_id, doc_id))
            conn.execute("DELETE FROM similarity_doc WHERE doc_id = ?", (doc_id,))
        conn.executemany("INSERT OR REPLACE INTO similarity_pair (doc_a, doc_b, shared) VALUES (?,?,?)", rows)
        conn.executemany("INSERT OR REPLACE INTO similarity_doc (doc_id, text_hash) VALUES (?,?)",
                         [(d, current[d]) for d in fresh])
    return len(fresh)


def _union_length(spans: list[tuple[int, int]]) -> int:
    total, reach = 0, -1
    for start, end in sorted(spans):
        if end > reach:
            total += end - max(start, reach)
            reach = end
    return total


def pair_detail(index: ReuseIndex, a: int, b: int) -> tuple[int, int]:
    """(distinctive passages, characters) two speeches share, aligned now and kept in the cache."""
    a, b = min(a, b), max(a, b)
    row = index.conn.execute("SELECT passages, chars FROM similarity_pair WHERE doc_a = ? AND doc_b = ?",
                             (a, b)).fetchone()
    if row is not None and row[0] is not None:
        return row[0], row[1]
    passages = [p for p in index.passages_between(a, b) if p.cls == DISTINCTIVE]
    # overlapping passages (a sentence B repeats) count once, on the side where they are fewer
    chars = min(_union_length([(p.a_start, p.a_end) for p in passages]),
                _union_length([(p.b_start, p.b_end) for p in passages]))
    with write_transaction(index.conn) as conn:
        conn.execute("UPDATE similarity_pair SET passages = ?, chars = ? WHERE doc_a = ? AND doc_b = ?",
                     (len(passages), chars, a, b))
    return len(passages), chars


def _align_budget(index: ReuseIndex, budget: int) -> None:
    """Align the `budget` most similar pairs, those not aligned yet (a cached matrix aligns nothing)."""
    if budget <= 0:
        return
    top = index.conn.execute(
        "SELECT doc_a, doc_b, passages FROM similarity_pair WHERE shared >= ?"
        " ORDER BY shared DESC, doc_a, doc_b LIMIT ?", (_MIN_EXACT_SHARED, budget)).fetchall()
    for a, b, passages in top:
        if passages is None:
            pair_detail(index, a, b)


def seriate(scores: np.ndarray) -> list[int]:
    """A greedy nearest-neighbour chain: start at the closest pair, grow whichever end has the
    closer next speech; when nothing left is related, start a new chain; unrelated ones go last.

    Spectral order (the Fiedler vector) was considered: it needs one connected graph, and a
    library of unrelated clusters gives it several zero eigenvalues and an arbitrary order.
    """
    n = scores.shape[0]
    s = scores.astype(float).copy()
    np.fill_diagonal(s, 0.0)
    left = np.ones(n, dtype=bool)
    order: list[int] = []
    isolated = [i for i in range(n) if not s[i].any()]
    left[isolated] = False
    while left.any():
        sub = np.where(left[:, None] & left[None, :], s, -1.0)
        a, b = np.unravel_index(int(np.argmax(sub)), sub.shape)
        # the speeches left may share nothing with each other (only with those placed already): then the
        # best "pair" is a zero on the diagonal, a == b, and the chain must hold that speech once, not twice
        chain = [int(a)] if a == b or sub[a, b] <= 0 else [int(a), int(b)]
        left[chain] = False
        while left.any():
            head, tail = s[chain[0]] * left, s[chain[-1]] * left
            h, t = int(np.argmax(head)), int(np.argmax(tail))
            if max(head[h], tail[t]) <= 0:
                break
            if head[h] > tail[t]:
                chain.insert(0, h)
                left[h] = False
            else:
                chain.append(t)
                left[t] = False
        order.extend(chain)
    return order + isolated


def _label(info) -> str:
    return f"{info.id} {info.date or '?'} {info.display_title()}"


def similarity_matrix(library, index: ReuseIndex | None = None, order: str = "similarity",
                      exact_budget: int = DEFAULT_EXACT_BUDGET, refresh: bool = False) -> SimilarityMatrix:
    """The matrix of every indexed speech of the library, from the cache (updated first).

    The caller syncs the index (library_ops.sync_index); order is date, place or similarity.
    """
    if order not in ORDERS:
        raise ValueError(f"order must be one of {ORDERS}")
    index = index or ReuseIndex(library.conn)
    update_cache(index, refresh)
    _align_budget(index, exact_budget)
    infos = [d for d in library.list_documents()]
    n_fps = dict(index.conn.execute("SELECT doc_id, n_fps FROM reuse_doc"))
    infos = [d for d in infos if d.id in n_fps]
    if order == "place":
        infos.sort(key=lambda d: (d.place is None, d.place or "", d.date is None, d.date or "", d.id))
    pos = {d.id: i for i, d in enumerate(infos)}
    scores = np.eye(len(infos))
    pairs = {}
    for a, b, shared, passages, chars in index.conn.execute(
            "SELECT doc_a, doc_b, shared, passages, chars FROM similarity_pair"):
        if a not in pos or b not in pos:
            continue
        score = shared / max(min(n_fps[a], n_fps[b]), 1)
        pairs[(a, b)] = PairSimilarity(a, b, score, shared, passages, chars)
        scores[pos[a], pos[b]] = scores[pos[b], pos[a]] = score
    if order == "similarity" and len(infos) > 2:
        perm = seriate(scores)
        infos = [infos[i] for i in perm]
        scores = scores[np.ix_(perm, perm)]
    return SimilarityMatrix([d.id for d in infos], [_label(d) for d in infos], scores, pairs, order)
