"""The formulae glossary on outside texts: the work reports 2017-2025 (prints figures, asserts nothing).

    python -m bench.bench_formulae

A proxy for "the numbered formulae a careful reader sees": every quoted phrase led by a numeral
(“三去一降一补”, “六稳”, “双随机、一公开”, “万企兴万村” …), less idioms (一刀切) and five-year plan
names (十四五), which the glossary refuses by design. Recall = those the glossary lists (a quote
counts when its number-led head is listed); also printed: what it lists without such a quote (known
national formulae used unquoted, or defined ones), for a reader to judge, and the time taken.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

from reader.core.formulae import find_formulae

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
_PLAN = re.compile(r"[一二三四五六七八九十]+五")
_IDIOMS = {"一刀切", "一盘棋", "一把手", "一体化", "一站式"}


def main() -> None:
    """Print recall on number-led quotes and the formulae found without one."""
    docs = []
    for line in (CORPORA / "official_texts_1982-2025.jsonl").read_text("utf-8").splitlines():
        record = json.loads(line)
        if record["year"] >= 2017:
            docs.append((record["year"], record["text"]))
    t0 = time.perf_counter()
    found = {f.text: f for f in find_formulae(docs)}
    seconds = time.perf_counter() - t0
    quotes = {m.group(1) for _, text in docs for m in re.finditer(r"“([^”]{1,16})”", text)
              if re.match(r"[一二三四五六七八九十两双千百万\d]", m.group(1))}
    wanted = {q for q in quotes if q not in _IDIOMS and not _PLAN.fullmatch(q)}
    hit = {q for q in wanted if q in found or any(q.startswith(f) for f in found)}
    print(json.dumps({"texts": len(docs), "number_led_quotes": len(wanted), "found": len(hit),
                      "recall": round(len(hit) / max(1, len(wanted)), 3), "missed": sorted(wanted - hit),
                      "listed_without_such_quote": sorted(f for f in found if f not in quotes),
                      "with_definition_or_reference": sum(1 for f in found.values() if f.definition or f.reference),
                      "formulae": len(found), "seconds": round(seconds, 2)}, ensure_ascii=False))


if __name__ == "__main__":
    main()
