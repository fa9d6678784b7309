"""Corpus-wide phrases: stretches of wording held by the same set of documents.

No pairs of documents are formed. Each fingerprint gets its df and a signature of its document
set (a sum of scrambled ids). Walking one document at a time, consecutive fingerprints with the
same signature are one occurrence of one phrase; occurrences are grouped across documents by
(signature, smallest fingerprint). A formula in 5,000 documents costs 5,000 occurrences, where
pairing would cost 12.5 million pairs.

Fingerprints mark a phrase only to within w-1 keys of its true edges, so each occurrence also
keeps the few keys around its edges: a group widens by the context all its occurrences share,
then its edges are snapped to word boundaries, without a second pass over the corpus.
"""

from __future__ import annotations

import numpy as np

from reader.core.reuse.normalize import normalize
from reader.core.reuse.passage import Cancelled, Phrase, Progress
from reader.core.reuse.reference import reference_model
from reader.core.reuse.seeds import fingerprint_values, gram_hashes, winnow
from reader.core.reuse.snap import MAX_SHIFT, boundaries
from reader.core.reuse.stock import StockScorer, split_points

_TEXTS_KEPT = 256     # decompressed texts kept while phrases are cut into pieces
_NONE = np.uint32(0xFFFFFFFF)   # "no key here" (before the start or after the end of a text)


def _take(arr: np.ndarray, idx: np.ndarray, fill) -> np.ndarray:
    """arr[idx] with out-of-range indices giving fill."""
    ok = (idx >= 0) & (idx < arr.shape[0])
    out = np.full(idx.shape, fill, dtype=arr.dtype)
    out[ok] = arr[idx[ok]]
    return out


def _runs(doc_id: int, text: str, index, uniq, df, sig, min_df: int) -> dict | None:
    """Occurrences in one document, with the keys and offsets around their edges."""
    k, w = index.settings.k, index.settings.w
    keyed = normalize(text)
    hashes = gram_hashes(keyed.keys, k)
    pos = winnow(hashes, w)
    if pos.size == 0 or uniq.size == 0:
        return None
    vals = fingerprint_values(hashes[pos])
    at = np.minimum(np.searchsorted(uniq, vals), uniq.size - 1)
    present = uniq[at] == vals
    f_df = np.where(present, df[at], 0)
    f_sig = np.where(present, sig[at], 0)
    ok = f_df >= min_df
    if not ok.any():
        return None
    # a run continues while fingerprints stay eligible and keep the same document set
    start = ok.copy()
    start[1:] &= ~ok[:-1] | (f_sig[1:] != f_sig[:-1])
    first = np.flatnonzero(start)
    run_id = np.cumsum(start) - 1
    idx = np.flatnonzero(ok)
    last = np.zeros(first.size, dtype=np.int64)
    np.maximum.at(last, run_id[idx], idx)
    min_fp = np.full(first.size, np.iinfo(np.uint32).max, dtype=np.uint32)
    np.minimum.at(min_fp, run_id[idx], vals[idx])
    key_first, key_stop = pos[first], pos[last] + k
    ext = w - 1
    start_idx = key_first[:, None] + np.arange(-ext, MAX_SHIFT + 1)
    end_idx = key_stop[:, None] - 1 + np.arange(-MAX_SHIFT, ext + 1)
    starts = _take(keyed.starts.astype(np.int32), start_idx, -1)
    ends = _take(keyed.ends.astype(np.int32), end_idx, -1)
    # most runs are a fingerprint or two between other phrases: if even the widest edges
    # leave them short, drop them now rather than carry them through the grouping
    widest = np.where(ends[:, -1] >= 0, ends[:, -1], ends[:, MAX_SHIFT]) - \
        np.where(starts[:, 0] >= 0, starts[:, 0], starts[:, ext])
    sel = widest >= index.settings.min_chars
    if not sel.any():
        return None
    key_first, key_stop = key_first[sel], key_stop[sel]
    left = key_first[:, None] + np.arange(-ext, 0)             # keys just before the run
    right = key_stop[:, None] + np.arange(0, ext)               # keys just after it
    return {"sig": f_sig[first][sel], "fp": min_fp[sel], "doc": np.full(key_first.size, doc_id, dtype=np.uint32),
            "nkeys": (key_stop - key_first).astype(np.uint32),
            "lctx": _take(keyed.keys, left, _NONE), "rctx": _take(keyed.keys, right, _NONE),
            "starts": starts[sel], "ends": ends[sel]}


def _shared_context(ctx: np.ndarray, from_end: bool) -> int:
    """How many context keys every occurrence has in common (next to the phrase)."""
    n = 0
    cols = range(ctx.shape[1] - 1, -1, -1) if from_end else range(ctx.shape[1])
    for c in cols:
        col = ctx[:, c]
        if col[0] == _NONE or not (col == col[0]).all():
            break
        n += 1
    return n


def _snap(text: str, starts: np.ndarray, ends: np.ndarray, s0: int, e0: int, nkeys: int) -> tuple[int, int]:
    """Inward shifts (in keys) of the start and end that land on word boundaries."""
    limit = min(MAX_SHIFT, max(nkeys // 2 - 1, 0))
    first = [int(starts[s0 + d]) for d in range(limit + 1)]
    last = [int(ends[e0 - d]) for d in range(limit + 1)]
    ok_first, ok_last = boundaries(text, first), boundaries(text, last)
    ds = next((d for d, p in enumerate(first) if p in ok_first), 0)
    de = next((d for d, p in enumerate(last) if p in ok_last), 0)
    return ds, de


def find_phrases(index, min_df: int = 2, top: int | None = None,
                 progress: Progress = None, cancelled: Cancelled = None) -> list[Phrase]:
    """Wording shared by at least min_df documents, most widespread (then longest) first."""
    min_df, settings = max(2, min_df), index.settings
    uniq, df, sig = index.postings().groups()
    ids = index.document_ids()
    parts = []
    for done, doc_id in enumerate(ids, 1):
        if cancelled is not None and cancelled():
            return []
        found = _runs(doc_id, index.text(doc_id), index, uniq, df, sig, min_df)
        if found is not None:
            parts.append(found)
        if progress is not None:
            progress(done, len(ids))
    if not parts:
        return []
    occ = {name: np.concatenate([p[name] for p in parts]) for name in parts[0]}
    del parts
    # group through an order array instead of reordering every column (half the peak memory)
    order = np.lexsort((occ["starts"][:, 0], occ["doc"], occ["fp"], occ["sig"]))
    sig_sorted, fp_sorted = occ["sig"][order], occ["fp"][order]
    new = np.ones(order.size, dtype=bool)
    new[1:] = (sig_sorted[1:] != sig_sorted[:-1]) | (fp_sorted[1:] != fp_sorted[:-1])
    del sig_sorted, fp_sorted
    bounds = np.flatnonzero(new).tolist() + [order.size]
    doc_sorted = occ["doc"][order]
    groups = []
    for lo, hi in zip(bounds[:-1], bounds[1:]):
        if hi - lo < min_df:
            continue
        n_docs = int(np.unique(doc_sorted[lo:hi]).size) if hi - lo > 1 else 1
        if n_docs >= min_df:
            groups.append((n_docs, int(occ["nkeys"][order[lo]]), lo, hi))
    groups.sort(key=lambda g: (-g[0], -g[1], int(doc_sorted[g[2]])))
    stock_df = settings.stock_threshold(len(ids))
    scorer = StockScorer(reference_model() if settings.reference else None, settings.stock_score, None, stock_df)
    ext = settings.w - 1
    texts: dict[int, str] = {}
    out = []
    for n_docs, nkeys, lo, hi in groups:
        if top is not None and len(out) >= top:
            break
        rows = order[lo:hi]
        el = _shared_context(occ["lctx"][rows], from_end=True)
        er = _shared_context(occ["rctx"][rows], from_end=False)
        rep = int(occ["doc"][rows[0]])      # the lowest document id holding it speaks for all
        if rep not in texts:
            texts[rep] = index.text(rep)
        s0, e0 = ext - el, MAX_SHIFT + er
        ds, de = (_snap(texts[rep], occ["starts"][rows[0]], occ["ends"][rows[0]], s0, e0, nkeys + el + er)
                  if settings.snap else (0, 0))
        if nkeys + el + er - ds - de < settings.min_chars:
            ds = de = 0                      # snapping would lose the phrase: keep it as found
        starts, ends = occ["starts"][rows, s0 + ds], occ["ends"][rows, e0 - de]
        a, b = int(starts[0]), int(ends[0])
        if b - a < settings.min_chars:
            continue
        docs = tuple(int(d) for d in np.unique(occ["doc"][rows]))
        positions = [(int(d), int(s), int(e)) for d, s, e in zip(occ["doc"][rows], starts, ends)]
        out.extend(_graded(index, scorer, texts[rep][a:b], n_docs, docs, positions, texts))
    return out


def _graded(index, scorer: StockScorer, text: str, n_docs: int, docs: tuple[int, ...],
            positions: list[tuple[int, int, int]], texts: dict[int, str]) -> list[Phrase]:
    """The phrase with its stock score; split like a passage when a formula stands inside it."""
    keys = normalize(text).keys
    grades = scorer.grades(keys)
    library = scorer.library_grade(n_docs)
    cuts = split_points(grades, scorer.threshold)
    pieces = (_piece_positions(index, text, keys, positions, cuts, texts)
              if len(cuts) > 2 and library < scorer.threshold else None)
    if pieces is None:
        score = round(max(float(grades.mean()) if grades.size else 0.0, library), 3)
        return [Phrase(text, n_docs, docs, tuple(positions), scorer.classify(score), score)]
    out = []
    for (lo, hi), where in zip(zip(cuts[:-1], cuts[1:]), pieces):
        _doc, start, end = where[0]
        offset = positions[0][1]
        score = round(max(float(grades[lo:hi].mean()), library), 3)
        out.append(Phrase(text[start - offset:end - offset], n_docs, docs, tuple(where), scorer.classify(score), score))
    return out


def _piece_positions(index, text: str, keys: np.ndarray, positions: list[tuple[int, int, int]],
                     cuts: list[int], texts: dict[int, str]) -> list[list[tuple[int, int, int]]] | None:
    """Every occurrence's offsets of each piece; None when an occurrence's wording differs (then the
    phrase stays whole). Occurrences worded exactly as the first need no second look at their keys."""
    own = normalize(text)
    pieces: list[list[tuple[int, int, int]]] = [[] for _ in cuts[:-1]]
    for doc, start, end in positions:
        if doc not in texts:
            if len(texts) >= _TEXTS_KEPT:
                texts.pop(next(iter(texts)))
            texts[doc] = index.text(doc)
        found = texts[doc][start:end]
        keyed = own if found == text else normalize(found)
        if keyed is not own and not np.array_equal(keyed.keys, keys):
            return None
        for i, (lo, hi) in enumerate(zip(cuts[:-1], cuts[1:])):
            pieces[i].append((doc, start + int(keyed.starts[lo]), start + int(keyed.ends[hi - 1])))
    return pieces
