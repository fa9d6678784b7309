"""Build resources/reference/official_language.npz, the reference model of official language.

    python -m tools.build_reference_model [--reports TSV] [--texts JSONL] [--out NPZ]   (from the checkout root)

What goes in (all public domain, see README):
- ../shared/corpora/gov_work_reports_1954-2015.tsv: the national government work reports (year, text);
- ../shared/corpora/official_texts_1982-2025.jsonl: party congress reports 1982-2012 and work
  reports 2017-2025;
- tools/known_formulae.tsv and tools/known_stock_phrases.txt: curated national formulae with
  definitions, and recent set phrases the corpora hold too rarely.

What comes out: for every character n-gram of the matching keys (reader.core.reuse.normalize) in
at least two documents, its 32-bit hash and document frequency; a word list with counts (the words
jieba cuts the corpus into, plus jieba's common dictionary words) for snapping edges to words
without importing jieba at run time; the formulae and stock phrases with their document counts.
The same inputs give the same bytes (sorted arrays, no timestamps).
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import os
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from reader.core.reuse.normalize import NORMALIZE_VERSION, normalize
from reader.core.reuse.reference import GRAM, MODEL_VERSION
from reader.core.reuse.seeds import fingerprint_values, gram_hashes

ROOT = Path(__file__).resolve().parents[1]

SHARED = ROOT.parent / "shared" / "corpora"
OUT = ROOT / "resources" / "reference" / "official_language.npz"
JIEBA_MIN_FREQ = 50          # jieba dictionary words at least this common join the word list


def read_corpus(reports: Path, texts: Path) -> list[tuple[str, str]]:
    """(label, text) of every reference document, in a fixed order."""
    docs = []
    for line in reports.read_text("utf-8").splitlines():
        year, _, text = line.partition("\t")
        if text.strip():
            docs.append((f"report {year}", text))
    for line in texts.read_text("utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            docs.append((f"{record['kind']} {record['year']}", record["text"]))
    return docs


def gram_frequencies(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Sorted 32-bit hashes of the n-grams in two or more documents, and their document frequencies."""
    per_doc = [np.unique(fingerprint_values(gram_hashes(normalize(t).keys, GRAM))) for t in texts]
    values, counts = np.unique(np.concatenate(per_doc), return_counts=True)
    keep = counts >= 2
    return values[keep].astype(np.uint32), np.minimum(counts[keep], 65535).astype(np.uint16)


def word_counts(texts: list[str]) -> Counter:
    """Words jieba cuts the corpus into (HMM off: dictionary words only), plus its common dictionary words."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    counts: Counter = Counter()
    for text in texts:
        counts.update(w for w in jieba.lcut(text, HMM=False)
                      if len(w) >= 2 and all("\u4e00" <= c <= "\u9fff" for c in w))
    dictionary = Path(jieba.__file__).parent / "dict.txt"
    for line in dictionary.read_text("utf-8").splitlines():
        word, freq, *_ = line.split(" ")
        if 2 <= len(word) <= 6 and int(freq) >= JIEBA_MIN_FREQ and word not in counts:
            counts[word] = 1
    return counts


def read_formulae(path: Path, texts: list[str]) -> list[dict]:
    """The curated formulae, each with the number of reference documents that use it."""
    out = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        term, definition, items = (line.split("\t") + ["", ""])[:3]
        out.append({"term": term, "definition": definition,
                    "items": [i for i in items.split("、") if i], "df": sum(term in t for t in texts)})
    return out


def read_phrases(path: Path) -> list[str]:
    """The curated stock phrases, one a line."""
    return [line.strip() for line in path.read_text("utf-8").splitlines() if line.strip() and not line.startswith("#")]


def build(reports: Path, texts_path: Path, out: Path) -> dict:
    """Build the model file; returns a summary of what went in."""
    docs = read_corpus(reports, texts_path)
    texts = [t for _, t in docs]
    hashes, df = gram_frequencies(texts)
    words = word_counts(texts)
    ordered = sorted(words)
    formulae = read_formulae(ROOT / "tools" / "known_formulae.tsv", texts)
    phrases = read_phrases(ROOT / "tools" / "known_stock_phrases.txt")
    meta = {"model_version": MODEL_VERSION, "normalize_version": NORMALIZE_VERSION, "gram": GRAM,
            "n_docs": len(docs), "sources": [label for label, _ in docs], "n_chars": sum(map(len, texts))}
    out.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    np.savez_compressed(
        buffer, hashes=hashes, df=df,
        words=np.frombuffer("\n".join(ordered).encode("utf-8"), dtype=np.uint8),
        word_counts=np.array([words[w] for w in ordered], dtype=np.uint32),
        formulae=np.frombuffer(json.dumps(formulae, ensure_ascii=False).encode("utf-8"), dtype=np.uint8),
        phrases=np.frombuffer("\n".join(phrases).encode("utf-8"), dtype=np.uint8),
        meta=np.frombuffer(json.dumps(meta, ensure_ascii=False).encode("utf-8"), dtype=np.uint8))
    tmp = out.with_suffix(".tmp")
    tmp.write_bytes(buffer.getvalue())
    os.replace(tmp, out)
    return {"documents": len(docs), "characters": meta["n_chars"], "grams": int(hashes.size),
            "words": len(ordered), "formulae": len(formulae), "phrases": len(phrases), "bytes": out.stat().st_size}


def main(argv: list[str] | None = None) -> int:
    """Command line: build the model and print a summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=Path, default=SHARED / "gov_work_reports_1954-2015.tsv")
    parser.add_argument("--texts", type=Path, default=SHARED / "official_texts_1982-2025.jsonl")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    for path in (args.reports, args.texts):
        if not path.is_file():
            parser.error(f"missing corpus file: {path}")
    print(json.dumps(build(args.reports, args.texts, args.out), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
