"""Main-text extraction from saved web pages: Duidu's own extractor against trafilatura, on the same pages.

    python bench/bench_webpages.py

The pages are tests/core/web_pages.py (five real government layouts around one speech). For
each extractor it prints, per page: how much of the speech came out (characters of the
expected text matched in order, difflib), how many furniture words leaked in (当前位置, 分享到,
ICP备 …), whether the title, date and source were found, and the CPU time. trafilatura is
optional (`pip install -e ".[bench]"`); without it only ours is measured.
"""

from __future__ import annotations

import difflib
import importlib.util
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core.importer import load_text  # noqa: E402

_spec = importlib.util.spec_from_file_location("web_pages", ROOT / "tests" / "core" / "web_pages.py")
pages = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(pages)


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def recall(got: str, expected: str) -> float:
    """Share of the expected characters found, in order, in what came out."""
    a, b = _squeeze(expected), _squeeze(got)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / max(len(a), 1)


def ours(markup: str) -> tuple[str, dict]:
    imported = load_text(markup, fmt="html")
    meta = imported.metadata
    return imported.text, {"title": meta.get("title"), "date": meta.get("date"), "source": meta.get("origin")}


def trafilatura_extract(markup: str) -> tuple[str, dict]:
    import trafilatura

    doc = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False, favor_recall=True)
    if doc is None:
        return "", {}
    data = doc.as_dict() if hasattr(doc, "as_dict") else doc
    text = "\n".join(filter(None, [data.get("title"), data.get("text")]))
    return text, {"title": data.get("title"), "date": data.get("date"), "source": data.get("sitename")}


def main() -> int:
    extractors = {"duidu": ours}
    try:
        import trafilatura  # noqa: F401

        extractors["trafilatura"] = trafilatura_extract
    except ImportError as exc:
        print(f"trafilatura not installed ({exc}); measuring Duidu only")
    expected = pages.expected_text()
    print(f"{'extractor':<12} {'page':<16} {'speech kept':>11} {'junk words':>10} {'title':>5} {'date':>5} {'source':>6} {'cpu ms':>7}")
    totals = {}
    for name, extract in extractors.items():
        kept = junk = details = 0
        for page, (make, truth) in pages.PAGES.items():
            raw = make()
            try:
                markup = raw.decode("utf-8")
            except UnicodeDecodeError:
                markup = raw.decode("gb18030")
            started = time.process_time()
            text, meta = extract(markup)
            cpu = (time.process_time() - started) * 1000
            share = recall(text, expected)
            leaks = sum(word in text for word in pages.FURNITURE)
            hits = [meta.get(key) == truth[key] for key in ("title", "date", "source")]
            kept += share
            junk += leaks
            details += sum(hits)
            print(f"{name:<12} {page:<16} {share:>10.1%} {leaks:>10} " + " ".join(
                f"{'yes' if hit else 'no':>5}" for hit in hits) + f" {cpu:>7.1f}")
        totals[name] = (kept / len(pages.PAGES), junk, details, 3 * len(pages.PAGES))
    print()
    for name, (kept, junk, details, possible) in totals.items():
        print(f"{name}: speech kept {kept:.1%} on average, {junk} furniture words leaked, details {details}/{possible}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
