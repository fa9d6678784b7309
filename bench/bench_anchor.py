"""Re-anchoring on real speeches: how many excerpts stay, move or go to review after realistic edits, and how fast.

For each national work report of ../shared/corpora (or the bundled samples): 60 excerpts on random
sentences; a new version with paragraphs inserted, sentences moved, figures changed, negations and
deletions. An excerpt whose sentence is untouched should stay ok (or be moved with it); one whose
words changed must go to review; none may be anchored on words other than its quote. Prints
figures (CPU and wall time); asserts nothing.

Run: python -m bench.bench_anchor [--speeches N]
"""

from __future__ import annotations

import argparse
import random
import re
import time
from pathlib import Path

from reader.core.anchor import Anchorer

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT.parent / "shared" / "corpora" / "gov_work_reports_1954-2015.tsv"
_SENTENCE = re.compile(r"[^。！？\n]{12,80}[。！？]")


def speeches(limit: int) -> list[str]:
    """Work reports (one per line: year, tab, text), else the bundled samples."""
    if REPORTS.is_file():
        lines = REPORTS.read_text(encoding="utf-8").splitlines()
        return [line.split("\t", 1)[1].replace("\u3000\u3000", "\n") for line in lines[:limit] if "\t" in line]
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("0*.txt"))][:limit]


def edit(text: str, rng: random.Random) -> tuple[str, set[str]]:
    """A new version: inserted paragraphs, moved, re-figured, negated and deleted sentences; (text, changed quotes)."""
    sentences = _SENTENCE.findall(text)
    changed: set[str] = set()
    for sentence in rng.sample(sentences, min(len(sentences), 12)):
        kind = rng.choice(["figure", "negate", "delete", "move"])
        if kind == "figure" and re.search(r"\d", sentence):
            new = re.sub(r"\d", lambda m: str((int(m.group()) + 3) % 10), sentence, count=1)
        elif kind == "negate" and "是" in sentence:
            new = sentence.replace("是", "不是", 1)
        elif kind == "delete":
            new = ""
        else:
            text = text.replace(sentence, "", 1)
            at = text.find("\n", rng.randrange(len(text)))
            text = text[:at] + sentence + text[at:] if at >= 0 else text + sentence
            continue
        changed.add(sentence)
        text = text.replace(sentence, new, 1)
    for _ in range(5):
        at = text.find("\n", rng.randrange(len(text)))
        text = text[:at] + "\n这是新版本增加的一段说明文字，用于检验定位。" + text[at:] if at >= 0 else text
    return text, changed


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--speeches", type=int, default=12)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    totals = {"ok": 0, "moved": 0, "review": 0, "wrong": 0, "lost_unchanged": 0, "changed_anchored": 0}
    chars = excerpts = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for text in speeches(args.speeches):
        sentences = [s for s in _SENTENCE.findall(text) if text.count(s) == 1]
        picked = rng.sample(sentences, min(60, len(sentences)))
        new_text, changed = edit(text, rng)
        anchorer = Anchorer(text, new_text)
        for quote in picked:
            start = text.index(quote)
            before, after = text[max(0, start - 40):start], text[start + len(quote):start + len(quote) + 40]
            place = anchorer.place(start, start + len(quote), quote, before, after)
            totals[place.status] += 1
            anchored = place.status != "review"
            totals["wrong"] += anchored and new_text[place.start:place.end] != quote
            totals["changed_anchored"] += anchored and quote in changed
            totals["lost_unchanged"] += not anchored and quote not in changed and quote in new_text
        chars += len(text)
        excerpts += len(picked)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"speeches: {args.speeches}, {chars:,} characters; excerpts: {excerpts}")
    print(f"ok {totals['ok']}, moved {totals['moved']}, review {totals['review']}")
    print(f"anchored on other words: {totals['wrong']}   changed quotes anchored: {totals['changed_anchored']}")
    print(f"unchanged quotes sent to review: {totals['lost_unchanged']}")
    print(f"time: {wall:.2f} s wall, {cpu:.2f} s CPU ({1000 * wall / max(excerpts, 1):.1f} ms per excerpt)")


if __name__ == "__main__":
    main()
