"""How long sentence alignment takes on two 30,000-character speeches, against a naive all-pairs baseline.

Prints figures; asserts nothing. Run: python bench/bench_align.py
The naive baseline scores every sentence of A against every sentence of B with Python sets and
aligns them by a full Needleman–Wunsch table, which is what the sparse join and the heaviest
chain in reader/core/sentence_align.py avoid.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TSV = ROOT.parent / "shared" / "corpora" / "gov_work_reports_1954-2015.tsv"
LENGTH = 30_000


def speeches() -> list[tuple[str, str]]:
    """Work reports cut to LENGTH characters (whole sentences), or the samples repeated when the corpus is absent."""
    from reader.core.importer import load_text

    texts = []
    if TSV.is_file():
        for line in TSV.read_text(encoding="utf-8").splitlines():
            year, _, body = line.partition("\t")
            text = load_text(body).text
            if len(text) >= LENGTH:
                texts.append((year, text[:text.rfind("。", 0, LENGTH) + 1]))
    if len(texts) < 2:
        samples = [load_text(p.read_text(encoding="utf-8")).text for p in sorted((ROOT / "corpus").glob("0*.txt"))]
        joined = "\n".join(samples * 4)
        texts = [("samples", joined[:LENGTH]), ("samples-b", joined[LENGTH // 3:LENGTH // 3 + LENGTH])]
    return texts


def edited_copy(text: str, seed: int = 13) -> str:
    """Sentences deleted, inserted, edited by about 10%, one moved: a speech's next draft."""
    from reader.core.sentences import split_spans

    rng = random.Random(seed)
    out = []
    for a, b in split_spans(text):
        s = text[a:b]
        roll = rng.random()
        if roll < 0.05:
            continue
        if roll < 0.15:
            chars = list(s)
            for k in rng.sample(range(len(chars)), max(1, len(chars) // 10)):
                chars[k] = "改"
            s = "".join(chars)
        out.append(s)
        if roll > 0.97:
            out.append("这是新加入的一句话，用来检验插入。")
    out.insert(3, out.pop(len(out) // 2))
    return "\n".join(out)


def naive(text_a: str, text_b: str) -> int:
    """All pairs scored with Python sets, then a full Needleman–Wunsch table: the baseline."""
    from reader.core.sentences import SentenceText

    a, b = SentenceText(text_a), SentenceText(text_b)
    sa, sb = a.bigram_sets(), b.bigram_sets()
    n, m = len(sa), len(sb)
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        x = sa[i - 1]
        row, prev = score[i], score[i - 1]
        for j in range(1, m + 1):
            y = sb[j - 1]
            d = 2 * len(x & y) / (len(x) + len(y)) if x or y else 1.0
            row[j] = max(prev[j - 1] + (d if d >= 0.34 else -1), prev[j], row[j - 1])
    return n * m


def timed(label: str, fn) -> object:
    """Run fn once, print CPU and wall time."""
    cpu, wall = time.process_time(), time.perf_counter()
    result = fn()
    print(f"  {label:<34} wall {1000 * (time.perf_counter() - wall):8.1f} ms   cpu {1000 * (time.process_time() - cpu):8.1f} ms")
    return result


def main() -> None:
    """Align two different reports and a report with its edited copy; the naive baseline on the first pair."""
    from reader.core.sentence_align import align_sentences

    texts = speeches()
    (name_a, a), (name_b, b) = texts[0], texts[1]
    timed("warm-up (numpy tables)", lambda: align_sentences(a[:2000], b[:2000]))
    copy = edited_copy(a)
    for label, x, y in ((f"{name_a} vs {name_b}", a, b), (f"{name_a} vs its edited copy", a, copy)):
        print(f"{label}: {len(x):,} and {len(y):,} characters")
        al = timed("sparse join + heaviest chain", lambda: align_sentences(x, y))
        print(f"  {len(al.a)} × {len(al.b)} sentences, {len(al.rows)} rows: {al.summary()}")
        pairs = timed("naive all pairs + full DP", lambda: naive(x, y))
        print(f"  naive scored {pairs:,} pairs")
        draw(al)


def draw(alignment) -> None:
    """The view's table on the GUI thread: drawn in one piece (as round 1 did) against drawn progressively.

    One piece (round 1): every changed pair diffed, the whole table's HTML set into a QTextBrowser
    and laid out, the window frozen meanwhile. Progressive (the view): the diffs on the worker
    thread, the first screenful at once, then chunks from a timer; the figures that matter are the
    longest the event loop waits, i.e. the first screen and the slowest chunk.
    """
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QTextBrowser

    from reader.core.synoptic import _cached_diff, group_rows, prepare_cells
    from reader.core.synoptic_html import body_rows, header_row, table_open
    from reader.gui.synoptic_view import SynopticView

    app = QApplication.instance() or QApplication([])
    groups = group_rows(alignment, [], [])
    _cached_diff.cache_clear()
    browser = QTextBrowser()
    browser.resize(1180, 700)
    browser.show()
    app.processEvents()

    def one_piece():
        markup = "\n".join([table_open(), header_row(("A", "B"), True)]
                           + body_rows(alignment, groups, numbered=True) + ["</table>"])
        browser.setHtml(markup)
        browser.document().documentLayout().documentSize()   # lay it all out, as showing it does
        app.processEvents()
    timed("one piece, diffs too (GUI blocked)", one_piece)
    browser.close()
    _cached_diff.cache_clear()
    timed("worker thread: the pairs' diffs", lambda: prepare_cells(alignment))

    view = SynopticView()
    view.resize(1180, 700)
    view.show()
    app.processEvents()
    ticks: list[tuple[float, float]] = []

    def first_screen():
        view.set_alignment(alignment, ("A", "B"), groups)
        app.processEvents()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    timed("progressive: first screen", first_screen)
    while not view.is_complete():
        cpu, wall = time.process_time(), time.perf_counter()
        app.processEvents()
        ticks.append((time.perf_counter() - wall, time.process_time() - cpu))
    print(f"  {'progressive: until complete':<34} wall {1000 * (time.perf_counter() - wall0):8.1f} ms   "
          f"cpu {1000 * (time.process_time() - cpu0):8.1f} ms   ({len(ticks)} ticks)")
    if ticks:
        print(f"  {'progressive: slowest tick':<34} wall {1000 * max(w for w, _ in ticks):8.1f} ms   "
              f"cpu {1000 * max(c for _, c in ticks):8.1f} ms")
    view.set_alignment(alignment, ("A", "B"), groups)    # a jump before the drawing is done draws up to its row
    timed("progressive: jump to last row early", lambda: view.go_to_row(len(alignment.rows) - 1))
    view.close()


if __name__ == "__main__":
    main()
