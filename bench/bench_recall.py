"""Recall and precision of shared-passage finding against an exact oracle (prints figures, asserts nothing).

    python -m bench.bench_recall [--pairs 6] [--from-year 1986] [--synthetic 60]

1. Real pairs: consecutive national work reports. The oracle is every maximal common substring
   of 12+ keys (punctuation and spaces dropped, as the engine matches), found with a suffix
   automaton of B and the matching statistics of A. Recall = oracle keys of A covered by some
   passage; precision = passages that are truly shared (bench_reuse's test: equal keys, or a
   difflib ratio of 0.75+ for near ones); also the keys of exact passages inside the oracle and
   the key agreement (keys both sides of a passage share, over all passage keys).
2. Planted clauses in real text: clauses of 14+ characters taken from one report and put, edited,
   into an unrelated one: near-verbatim (<= 10% of characters substituted) and reworded (up to
   20% inserted or dropped). A clause is found when passages cover 90% of it on both sides.
3. The synthetic planted-passage figures of bench_reuse (a small corpus), for comparison.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import tempfile
import time
from difflib import SequenceMatcher
from pathlib import Path

import numpy as np

from reader.core.reuse import ReuseIndex, find_shared
from reader.core.reuse.normalize import Keyed, normalize

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
MIN_KEYS = 12


def suffix_automaton(seq: list[int]) -> tuple[list[dict], list[int], list[int]]:
    """(transitions, suffix links, longest lengths) of the suffix automaton of seq."""
    nxt, link, length = [{}], [-1], [0]
    last = 0
    for c in seq:
        cur = len(nxt)
        nxt.append({}), link.append(0), length.append(length[last] + 1)
        p = last
        while p != -1 and c not in nxt[p]:
            nxt[p][c] = cur
            p = link[p]
        if p != -1:
            q = nxt[p][c]
            if length[p] + 1 == length[q]:
                link[cur] = q
            else:
                clone = len(nxt)
                nxt.append(dict(nxt[q])), link.append(link[q]), length.append(length[p] + 1)
                while p != -1 and nxt[p].get(c) == q:
                    nxt[p][c] = clone
                    p = link[p]
                link[q] = link[cur] = clone
        last = cur
    return nxt, link, length


def oracle_cover(a_keys: list[int], b_keys: list[int], min_len: int = MIN_KEYS) -> np.ndarray:
    """Which keys of A lie in a common substring of B of at least min_len keys (exact oracle)."""
    nxt, link, length = suffix_automaton(b_keys)
    diff = np.zeros(len(a_keys) + 1, dtype=np.int32)
    state = matched = 0
    for i, c in enumerate(a_keys):
        while state and c not in nxt[state]:
            state = link[state]
            matched = length[state]
        if c in nxt[state]:
            state, matched = nxt[state][c], matched + 1
        else:
            state, matched = 0, 0
        if matched >= min_len:
            diff[i - matched + 1] += 1
            diff[i + 1] -= 1
    return np.cumsum(diff[:-1]) > 0


def key_cover(keyed: Keyed, spans: list[tuple[int, int]]) -> np.ndarray:
    """Keys whose character lies in one of the (start, end) spans."""
    out = np.zeros(len(keyed), dtype=bool)
    for s, e in spans:
        lo, hi = np.searchsorted(keyed.starts, s), np.searchsorted(keyed.starts, e)
        out[lo:hi] = True
    return out


def shared_keys(a: str, b: str) -> int:
    """Keys the two sides of a passage have in common."""
    ka, kb = normalize(a).keys.tolist(), normalize(b).keys.tolist()
    return sum(m.size for m in SequenceMatcher(None, ka, kb, autojunk=False).get_matching_blocks())


def truly_shared(a: str, b: str, kind: str) -> bool:
    """bench_reuse's passage check: exact passages have equal keys, near ones a difflib ratio of 0.75+."""
    ka, kb = normalize(a).keys.tolist(), normalize(b).keys.tolist()
    if kind == "exact":
        return ka == kb
    return SequenceMatcher(None, ka, kb, autojunk=False).ratio() >= 0.75


def real_pairs(n_pairs: int, first_year: int | None = None) -> list[tuple[str, str, str]]:
    """Consecutive national work reports (label, A, B): the most recent, or from first_year on."""
    reports = {}
    for line in (CORPORA / "gov_work_reports_1954-2015.tsv").read_text("utf-8").splitlines():
        year, _, text = line.partition("\t")
        reports[int(year)] = text
    for line in (CORPORA / "official_texts_1982-2025.jsonl").read_text("utf-8").splitlines():
        record = json.loads(line)
        if record["kind"] == "government_work_report":
            reports[record["year"]] = record["text"]
    years = sorted(reports)
    pairs = [(f"{x}-{y}", reports[x], reports[y]) for x, y in zip(years, years[1:])]
    pairs = [p for p in pairs if int(p[0][:4]) >= first_year] if first_year else pairs[::-1]
    return pairs[:n_pairs], reports


def oracle_figures(pairs) -> list[dict]:
    """Recall and precision of find_shared against the exact oracle, per pair."""
    rows = []
    for label, a, b in pairs:
        ka, kb = normalize(a), normalize(b)
        t0 = time.perf_counter()
        oracle = oracle_cover(ka.keys.tolist(), kb.keys.tolist())
        t_oracle = time.perf_counter() - t0
        t0 = time.perf_counter()
        passages = find_shared(a, b)
        t_engine = time.perf_counter() - t0
        found = key_cover(ka, [(p.a_start, p.a_end) for p in passages])
        exact = key_cover(ka, [(p.a_start, p.a_end) for p in passages if p.kind == "exact"])
        total = sum(len(normalize(p.text)) for p in passages)
        agree = sum(len(normalize(p.text)) if p.kind == "exact" else shared_keys(p.text, b[p.b_start:p.b_end])
                    for p in passages)
        true = sum(1 for p in passages if truly_shared(p.text, b[p.b_start:p.b_end], p.kind))
        rows.append({"pair": label, "oracle_keys": int(oracle.sum()), "passages": len(passages),
                     "recall": round(float((oracle & found).sum() / max(1, oracle.sum())), 4),
                     "precision": round(true / max(1, len(passages)), 4),
                     "exact_keys_in_oracle": round(float((exact & oracle).sum() / max(1, exact.sum())), 4),
                     "key_agreement": round(agree / max(1, total), 4),
                     "oracle_s": round(t_oracle, 2), "engine_s": round(t_engine, 2)})
    return rows


def _clauses(text: str, min_keys: int = 14, max_len: int = 40) -> list[str]:
    """Clauses (between ，。；) of min_keys+ meaningful characters and at most max_len characters."""
    import re

    parts = (c.strip().strip("\u3000") for c in re.split("[，。；：！？、\n]", text))
    return [c for c in parts if len(normalize(c)) >= min_keys and len(c) <= max_len]


def _edit(clause: str, rng: random.Random, share: float, mode: str) -> str:
    """The clause with share of its characters edited, never within three characters of either end
    (an edit there leaves too little after it to anchor any aligner, TextPAIR's trigrams included):
    "sub" substitutes single characters (near-verbatim); "gap" inserts or drops words of one to three
    characters, as rewording does (合法, 的, 调控的 in the issue's examples)."""
    chars = list(clause)
    budget = max(1, int(len(chars) * share))
    filler = ["的", "和", "进一步", "全面", "加快", "有关", "各项", "积极"]
    while budget > 0:
        i = rng.randrange(3, len(chars) - 3)
        if mode == "sub":
            chars[i] = rng.choice("甲乙丙丁戊己庚辛")
            budget -= 1
        elif rng.random() < 0.5:
            word = rng.choice([f for f in filler if len(f) <= budget])
            chars[i:i] = list(word)
            budget -= len(word)
        else:
            size = min(rng.choice((1, 2, 2, 3)), budget, len(chars) - 3 - i)
            del chars[i:i + size]
            budget -= size
    return "".join(chars)


def planted_figures(reports: dict, n: int = 120, seed: int = 3) -> dict:
    """Recall of edited clauses planted into an unrelated text, and precision of what is reported."""
    rng = random.Random(seed)
    source, host_a, host_b = reports[2013], reports[1956], reports[1964]
    clauses = rng.sample(_clauses(source), n)
    out = {}
    for mode, share in (("exact", 0.0), ("sub", 0.10), ("gap", 0.20)):
        found = reported = correct = correct_keys = total_keys = 0
        for clause in clauses:
            edited = clause if mode == "exact" else _edit(clause, rng, share, mode)
            at_a, at_b = rng.randrange(len(host_a) // 2), rng.randrange(len(host_b) // 2)
            at_a, at_b = host_a.index("。", at_a) + 1, host_b.index("。", at_b) + 1
            a = host_a[:at_a] + clause + "。" + host_a[at_a:]
            b = host_b[:at_b] + edited + "。" + host_b[at_b:]
            passages = find_shared(a, b)
            ka, kb = normalize(a), normalize(b)
            span_a = key_cover(ka, [(at_a, at_a + len(clause))])
            span_b = key_cover(kb, [(at_b, at_b + len(edited))])
            cov_a = key_cover(ka, [(p.a_start, p.a_end) for p in passages])
            cov_b = key_cover(kb, [(p.b_start, p.b_end) for p in passages])
            if (cov_a & span_a).sum() >= 0.9 * span_a.sum() and (cov_b & span_b).sum() >= 0.9 * span_b.sum():
                found += 1
            for p in passages:
                reported += 1
                correct += truly_shared(p.text, b[p.b_start:p.b_end], p.kind)
                total_keys += len(normalize(p.text))
                correct_keys += shared_keys(p.text, b[p.b_start:p.b_end])
        out[mode] = {"clauses": n, "recall": round(found / n, 4), "passages": reported,
                     "precision": round(correct / max(1, reported), 4),
                     "key_agreement": round(correct_keys / max(1, total_keys), 4)}
    return out


def synthetic_figures(n_docs: int) -> dict:
    """bench_reuse's planted-passage recall and precision on a small synthetic corpus."""
    from bench.bench_reuse import evaluate
    from bench.synthetic import SyntheticCorpus

    corpus = SyntheticCorpus(n_docs)
    with tempfile.TemporaryDirectory() as tmp:
        conn = sqlite3.connect(Path(tmp) / "bench.db", isolation_level=None)
        index = ReuseIndex(conn)
        index.sync([(i, corpus.speech(i)[0]) for i in range(len(corpus))])
        return evaluate(index, corpus)


def main() -> None:
    """Print every figure as JSON lines."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=6)
    parser.add_argument("--from-year", type=int, default=None,
                        help="consecutive pairs from this year on (default: the most recent)")
    parser.add_argument("--synthetic", type=int, default=60, help="documents of the synthetic corpus (0: skip)")
    args = parser.parse_args()
    pairs, reports = real_pairs(args.pairs, args.from_year)
    rows = oracle_figures(pairs)
    for row in rows:
        print(json.dumps(row, ensure_ascii=False))
    keys = sum(r["oracle_keys"] for r in rows)
    print(json.dumps({"real_pairs_weighted_recall": round(sum(r["recall"] * r["oracle_keys"] for r in rows) / keys, 4),
                      "min_recall": min(r["recall"] for r in rows),
                      "min_precision": min(r["precision"] for r in rows)}))
    print(json.dumps({"planted_in_real_text": planted_figures(reports)}))
    if args.synthetic:
        print(json.dumps({"synthetic_planted": synthetic_figures(args.synthetic)}, default=str))


if __name__ == "__main__":
    main()
