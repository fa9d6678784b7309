"""Two texts compared directly: seeds, extension, bridging, snapping, then Passages.

This is what `find_shared` runs on two loose texts and what the corpus index runs for
`passages_between`: with only two documents every gram can be used, so seeds are short (pair_k)
and near-verbatim reuse with an edit every ten characters still seeds.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from reader.core.reuse.extend import Match, chain_segments, drop_echoes, exact_segments, extend_edges, isolated
from reader.core.reuse.normalize import Keyed, fold_common, normalize
from reader.core.reuse.passage import DEFAULT_MIN_CHARS, Passage, ReuseSettings
from reader.core.reuse.reference import reference_model
from reader.core.reuse.seeds import GramTable, diagonal_runs, seed_pairs
from reader.core.reuse.snap import snap_match
from reader.core.reuse.stock import LibraryGramDf, StockScorer


def gram_table(keyed: Keyed, k: int) -> GramTable:
    """The sorted k-grams of a text, cached on it: a document compared with many others is prepared once."""
    table = keyed.cache.get(("grams", k))
    if table is None:
        table = keyed.cache[("grams", k)] = GramTable(keyed.keys, k)
    return table


def align(a: Keyed, b: Keyed, settings: ReuseSettings, min_chars: int = 0) -> list[Match]:
    """Shared stretches of two keyed texts, in key coordinates, before snapping and length filtering.

    Lone seeds too short to be extended and shorter than min_chars are dropped here, in bulk.
    """
    k = settings.pair_k
    ia, ib = seed_pairs(gram_table(a, k), gram_table(b, k), settings.max_pairs_per_gram)
    segs = exact_segments(a.keys, b.keys, diagonal_runs(ia, ib), k)
    if segs.shape[0] == 0:
        return []
    alone = isolated(segs, settings.max_gap)
    a_len = a.ends[segs[:, 1] - 1].astype(np.int64) - a.starts[segs[:, 0]]
    b_len = b.ends[segs[:, 3] - 1].astype(np.int64) - b.starts[segs[:, 2]]
    hopeless = alone & (segs[:, 1] - segs[:, 0] < k + 2) & (np.minimum(a_len, b_len) < min_chars)
    # a lone short seed is nearly always a coincidence of common words, but a clause reworded every
    # few characters leaves only one seed (维护劳动者合法权益 / 维护劳动者权益): kept only when the
    # walk across small edits at its edges makes it a near passage of min_chars keys
    rescued = _rescue(a, b, segs[hopeless], settings, min_chars)
    segs, alone = segs[~hopeless], alone[~hopeless]
    matches = rescued + [Match(s[0], s[1], s[2], s[3], "exact", 1.0) for s in segs[alone].tolist()]
    matches += chain_segments(a.keys, b.keys, [tuple(s) for s in segs[~alone].tolist()],
                              settings.max_gap, settings.min_similarity)
    # rescued seeds are extended already; other short ones are not worth the walk
    matches = [extend_edges(a.keys, b.keys, m) if m.a1 - m.a0 >= k + 2 else m for m in matches]
    # seeds inside a match too short to report (贯彻党的民族政策 elsewhere in B) stay available
    kept = [m for m in matches if min(m.a1 - m.a0, m.b1 - m.b0) >= min_chars]
    return matches + reworded(a, b, kept, settings, min_chars)


def reworded(a: Keyed, b: Keyed, found: list[Match], settings: ReuseSettings, min_chars: int) -> list[Match]:
    """Clauses with words inserted or dropped every few characters, which leave no pair_k seed:
    short seeds (near_k keys, rare in both texts) outside what was found, chained across the gaps.

    TextPAIR finds these with trigram seeds everywhere, at a precision of 0.25-0.44; here a chain
    must join two seeds or more and hold min_chars keys on both sides at min_similarity."""
    if settings.near_k <= 0 or min_chars <= 0:
        return []
    ia, ib = seed_pairs(gram_table(a, settings.near_k), gram_table(b, settings.near_k), settings.near_pairs)
    if ia.size == 0:
        return []
    covered = np.zeros(len(a) + 1, dtype=bool)
    for m in found:
        covered[m.a0:m.a1] = True
    keep = ~covered[ia]
    segs = exact_segments(a.keys, b.keys, diagonal_runs(ia[keep], ib[keep]), settings.near_k)
    if segs.shape[0] < 3:
        return []
    segs = segs[~isolated(segs, settings.near_gap)]
    out = []
    for m in chain_segments(a.keys, b.keys, [tuple(s) for s in segs.tolist()], settings.near_gap,
                            settings.min_similarity):
        if m.kind != "near":
            continue
        # frequent words at a clause's edge give no rare seed: the walk across small edits finds them
        m = extend_edges(a.keys, b.keys, m)
        if min(m.a1 - m.a0, m.b1 - m.b0) >= min_chars and m.similarity >= settings.min_similarity:
            out.append(m)
    return out


def _rescue(a: Keyed, b: Keyed, seeds: np.ndarray, settings: ReuseSettings, min_chars: int) -> list[Match]:
    """Lone short seeds that extend across small edits into a near passage of min_chars keys."""
    out = []
    for s in seeds.tolist():
        m = extend_edges(a.keys, b.keys, Match(s[0], s[1], s[2], s[3], "exact", 1.0))
        if min(m.a1 - m.a0, m.b1 - m.b0) >= min_chars and m.similarity >= settings.min_similarity:
            out.append(m)
    return out


def _long_enough(m: Match, min_chars: int) -> bool:
    """The minimum counts meaningful characters (keys: punctuation and spaces are not wording)."""
    return min(m.a1 - m.a0, m.b1 - m.b0) >= min_chars


def shared_matches(a: Keyed, b: Keyed, settings: ReuseSettings, min_chars: int) -> list[Match]:
    """Aligned, snapped and length-filtered matches (key coordinates).

    A match that snapping would take below the minimum is kept as found: the old way (drop it)
    lost 12-13-character matches whose edges fall inside words (贯彻党的宗教工作基本方针).
    """
    out = []
    # the length test comes first: it leaves a few dozen of the hundreds of seeds to de-duplicate and snap
    candidates = [m for m in align(a, b, settings, min_chars) if _long_enough(m, min_chars)]
    for m in drop_echoes(candidates, len(a), len(b)):
        if settings.snap:
            snapped = snap_match(a, b, m)
            if snapped is not None and _long_enough(snapped, min_chars):
                m = snapped
        out.append(m)
    return out


def scorer_for(settings: ReuseSettings, library_df: LibraryGramDf | None = None,
               stock_df: int | None = None) -> StockScorer:
    """The stock scorer the settings ask for (the reference model is loaded on first use)."""
    return StockScorer(reference_model() if settings.reference else None, settings.stock_score, library_df, stock_df)


def to_passages(a: Keyed, b: Keyed, matches: list[Match], scorer: StockScorer,
                df_of: Callable[[Match], int | None] | None = None) -> list[Passage]:
    """Passages in original offsets, a formula inside a match split off as its own passage; df_of
    gives each one's document frequency when a library is known."""
    out = []
    for m in matches:
        for piece in scorer.pieces(a, b, m):
            p = piece.match
            a_start, a_end = a.span(p.a0, p.a1)
            b_start, b_end = b.span(p.b0, p.b1)
            df = df_of(p) if df_of is not None else None
            score = round(max(piece.score, scorer.library_grade(df)), 3)
            out.append(Passage(a_start, a_end, b_start, b_end, a.text[a_start:a_end], p.kind, p.similarity, df,
                               scorer.classify(score), score))
    return out


def find_shared(a_text: str, b_text: str, min_chars: int = DEFAULT_MIN_CHARS,
                settings: ReuseSettings | None = None) -> list[Passage]:
    """Passages two loose texts share (no library: df is None and only the reference model grades them)."""
    settings = settings or ReuseSettings()
    a, b = normalize(a_text), normalize(b_text)
    return to_passages(a, b, shared_matches(a, b, settings, min_chars), scorer_for(settings))


_WARM_UP_TEXT = ("坚持以人民为中心的发展思想，全面深化改革开放，推进国家治理体系和治理能力现代化，"
                 "着力解决发展不平衡不充分问题，XX市要把各项工作落到实处。")


def warm_up() -> None:
    """Run the whole matcher once on a short sample, off the GUI thread at start: the reference model,
    its word list and known-formula pattern, the folding of common characters and numpy's lazily
    loaded parts are then ready, so the first real comparison pays for none of them."""
    find_shared("今年" + _WARM_UP_TEXT, _WARM_UP_TEXT + "明年", DEFAULT_MIN_CHARS)
    fold_common()
