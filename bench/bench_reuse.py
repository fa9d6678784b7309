"""Benchmark of the shared-phrasing engine on synthetic corpora (prints figures, asserts nothing).

    python -m bench.bench_reuse --sizes 100,1000,10000

Each size runs in its own process so peak memory is that size's alone. Figures: index build
(sync) time and throughput, peak RSS, postings load, phrases pass, one speech added to the
index, recall and precision on planted passages, and at the smallest size the naive way
(difflib over every pair, timed on a sample of pairs and extrapolated) against the engine doing
every pair.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from difflib import SequenceMatcher
from pathlib import Path

import psutil

from reader.core.reuse import ReuseIndex
from reader.core.reuse.normalize import key_string, normalize

try:
    from bench.synthetic import SyntheticCorpus
except ImportError:            # run as a script from bench/
    from synthetic import SyntheticCorpus


class PeakRss:
    """Samples this process's RSS every 20 ms while running."""

    def __init__(self):
        self.proc, self.peak, self._stop = psutil.Process(), 0, threading.Event()

    def __enter__(self):
        self.peak = self.proc.memory_info().rss
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def _run(self):
        while not self._stop.wait(0.02):
            self.peak = max(self.peak, self.proc.memory_info().rss)

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.proc.memory_info().rss)


def _covered(spans: list[tuple[int, int]], lo: int, hi: int) -> float:
    """Share of [lo, hi) covered by the union of spans."""
    marks = bytearray(hi - lo)
    for s, e in spans:
        for i in range(max(s, lo), min(e, hi)):
            marks[i - lo] = 1
    return sum(marks) / max(1, hi - lo)


def _truly_shared(index: ReuseIndex, p, a_id: int, b_id: int) -> bool:
    """An independent check that a reported passage is real shared text (difflib on its keys)."""
    a = key_string(normalize(index.text(a_id)[p.a_start:p.a_end]))
    b = key_string(normalize(index.text(b_id)[p.b_start:p.b_end]))
    if p.kind == "exact":
        return a == b
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.75


def evaluate(index: ReuseIndex, corpus: SyntheticCorpus, cover: float = 0.8) -> dict:
    """Recall per plant kind and precision over every passage reported for the planted pairs."""
    spans = {}
    for doc in {p.doc_a for p in corpus.plants} | {p.doc_b for p in corpus.plants}:
        for plant, s, e in corpus.speech(doc)[1]:
            spans[(plant.pid, doc)] = (s, e)
    found = {"exact": 0, "near": 0}
    total = {"exact": 0, "near": 0}
    reported = correct = 0
    t0 = time.perf_counter()
    for plant in corpus.plants:
        a_lo, a_hi = spans[(plant.pid, plant.doc_a)]
        b_lo, b_hi = spans[(plant.pid, plant.doc_b)]
        passages = index.passages_between(plant.doc_a, plant.doc_b)
        hits = [p for p in passages if p.a_start < a_hi and p.a_end > a_lo]
        aligned = [p for p in hits if p.b_start < b_hi and p.b_end > b_lo]
        total[plant.kind] += 1
        if _covered([(p.a_start, p.a_end) for p in aligned], a_lo, a_hi) >= cover:
            found[plant.kind] += 1
        for p in passages:
            reported += 1
            if p in aligned or (p not in hits and _truly_shared(index, p, plant.doc_a, plant.doc_b)):
                correct += 1
    return {"recall_exact": found["exact"] / max(1, total["exact"]),
            "recall_near": found["near"] / max(1, total["near"]),
            "plants": total, "passages_reported": reported,
            "precision": correct / max(1, reported),
            "pairs_s": (time.perf_counter() - t0) / max(1, len(corpus.plants))}


def naive_vs_engine(index: ReuseIndex, corpus: SyntheticCorpus, sample: int) -> dict:
    """difflib on a sample of pairs (extrapolated to all pairs) against the engine on all pairs."""
    n = len(corpus)
    all_pairs = n * (n - 1) // 2
    rng = random.Random(7)
    pairs = rng.sample([(a, b) for a in range(n) for b in range(a + 1, n)], sample)
    t0 = time.perf_counter()
    for a, b in pairs:
        sm = SequenceMatcher(None, index.text(a), index.text(b))
        [m for m in sm.get_matching_blocks() if m.size >= 12]
    naive_pair = (time.perf_counter() - t0) / sample
    t0 = time.perf_counter()
    candidates = set()
    for a in range(n):
        for b, _ in index.related_documents(a):
            candidates.add((min(a, b), max(a, b)))
    n_passages = 0
    # block order keeps both documents of most pairs in the index's cache of normalised texts
    for a, b in sorted(candidates, key=lambda p: (p[0] // 32, p[1] // 32, p)):
        n_passages += len(index.passages_between(a, b))
    engine = time.perf_counter() - t0
    return {"naive_s_per_pair": naive_pair, "naive_all_pairs_s_extrapolated": naive_pair * all_pairs,
            "engine_all_pairs_s": engine, "engine_pairs_aligned": len(candidates),
            "engine_passages": n_passages, "speedup": naive_pair * all_pairs / engine}


def run_one(n: int, naive_sample: int, phrases_max: int) -> dict:
    """Every figure for one corpus size (runs in a child process)."""
    corpus = SyntheticCorpus(n)
    out = {"docs": n}
    with tempfile.TemporaryDirectory() as tmp:
        conn = sqlite3.connect(Path(tmp) / "bench.db", isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode = WAL")
        index = ReuseIndex(conn)
        base = psutil.Process().memory_info().rss
        chars = 0

        def counting():
            nonlocal chars
            for doc_id, text in corpus:
                chars += len(text)
                yield doc_id, text

        class Sized:
            def __len__(self):
                return n

            def __iter__(self):
                return counting()

        with PeakRss() as mem:
            t0 = time.perf_counter()
            index.sync(Sized())
            out["sync_s"] = time.perf_counter() - t0
            t0 = time.perf_counter()
            postings = index.postings()
            out["postings_load_s"] = time.perf_counter() - t0
            out["postings_entries"] = len(postings)
        out["chars"] = chars
        out["throughput_chars_s"] = chars / out["sync_s"]
        out["rss_base_mb"] = base / 2**20
        out["rss_peak_build_mb"] = mem.peak / 2**20
        out["db_mb"] = (Path(tmp) / "bench.db").stat().st_size / 2**20
        extra = SyntheticCorpus(n + 1, seed=1).speech(n)[0]
        t0 = time.perf_counter()
        index.add_document(n, extra)
        out["add_one_s"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        index.remove_document(n)
        out["remove_one_s"] = time.perf_counter() - t0
        if n <= phrases_max:
            with PeakRss() as mem:
                t0 = time.perf_counter()
                phrases = index.phrases(min_df=2, top=None)
                out["phrases_s"] = time.perf_counter() - t0
            out["phrases"] = len(phrases)
            out["rss_peak_phrases_mb"] = mem.peak / 2**20
        out.update(evaluate(index, corpus))
        if naive_sample:
            out.update(naive_vs_engine(index, corpus, naive_sample))
        out["rss_peak_process_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        conn.close()
    return out


def main(argv: list[str] | None = None) -> int:
    """Run the sizes asked for, each in a fresh process, and print their figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000")
    parser.add_argument("--naive-sample", type=int, default=20, help="difflib pairs timed (extrapolated to all)")
    parser.add_argument("--naive-max", type=int, default=200, help="largest size compared with the naive way")
    parser.add_argument("--phrases-max", type=int, default=1000,
                        help="largest size whose corpus-wide phrase list is computed (memory grows with it)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one, args.naive_sample, args.phrases_max)))
        return 0
    sizes = [int(s) for s in args.sizes.split(",") if s]
    for n in sizes:
        # every pair of 1,000 speeches is 500,000 alignments: the comparison is for small sizes
        sample = args.naive_sample if n <= args.naive_max else 0
        cmd = [sys.executable, "-m", "bench.bench_reuse", "--one", str(n), "--naive-sample", str(sample),
               "--phrases-max", str(args.phrases_max)]
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=Path(__file__).resolve().parents[1])
        if proc.returncode != 0:
            print(proc.stderr, file=sys.stderr)
            return proc.returncode
        figures = json.loads(proc.stdout.strip().splitlines()[-1])
        print(f"== {n} speeches")
        for key, value in figures.items():
            print(f"  {key:32} {value:,.3f}" if isinstance(value, float) else f"  {key:32} {value}")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
