"""Benchmark of the library overview: similarity matrix, search, formulae, phrases table (prints figures, asserts nothing).

    python -m bench.bench_overview --sizes 100,1000

Each size runs in its own process on a temporary library filled from bench/synthetic.py
(stored directly with Library.add_document, dates and places made up per speech).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time

from reader.core.formulae import find_formulae
from reader.core.library_ops import sync_index
from reader.core.phrase_table import build_rows, sort_rows
from reader.core.reuse import ReuseIndex
from reader.core.search import search
from reader.core.similarity import similarity_matrix
from reader.core.store import Library

try:
    from bench.speed_library import PLACES, Imported as _Imported
    from bench.synthetic import SyntheticCorpus
except ImportError:            # run as a script from bench/
    from speed_library import PLACES, Imported as _Imported
    from synthetic import SyntheticCorpus


def _timed(fn):
    t0 = time.perf_counter()
    value = fn()
    return time.perf_counter() - t0, value


def run_one(n: int) -> dict:
    """Every figure for one corpus size (runs in a child process)."""
    out = {"docs": n}
    with tempfile.TemporaryDirectory() as tmp:
        library = Library(tmp)
        corpus = SyntheticCorpus(n)

        def fill():
            for i, text in corpus:
                meta = {"date": f"{1990 + i % 30}-{1 + i % 12:02d}", "place": PLACES[i % len(PLACES)],
                        "title": f"讲话 {i}"}
                library.add_document(_Imported(text, meta, raw_text=text))

        out["import_s"], _ = _timed(fill)
        out["sync_s"], _ = _timed(lambda: sync_index(library))
        index = ReuseIndex(library.conn)
        out["matrix_first_s"], matrix = _timed(lambda: similarity_matrix(library, index))
        out["pairs_related"] = len(matrix.pairs)
        out["pairs_possible"] = n * (n - 1) // 2
        out["matrix_cached_s"], _ = _timed(lambda: similarity_matrix(library, index))
        out["matrix_cached_new_index_s"], _ = _timed(lambda: similarity_matrix(library))
        out["search_fts_first_s"], _ = _timed(lambda: search(library, "城镇化"))     # builds the FTS table
        out["search_fts_s"], hits = _timed(lambda: search(library, "全面建设"))
        out["search_fts_total"] = hits.total
        out["search_1char_s"], hits = _timed(lambda: search(library, "党"))
        out["search_1char_total"] = hits.total
        out["search_2char_s"], _ = _timed(lambda: search(library, "改革"))
        docs = list(library.iter_texts())
        out["formulae_s"], formulae = _timed(lambda: find_formulae(docs))
        out["formulae"] = len(formulae)
        out["phrases_s"], phrases = _timed(lambda: index.phrases(min_df=2))
        out["phrase_rows_s"], rows = _timed(lambda: sort_rows(build_rows(phrases, library.document_dates())))
        out["phrases"] = len(rows)
        out.update(draw_map(matrix))
        library.close()
    return out


def draw_map(matrix) -> dict:
    """Time the heat map widget: set the matrix, paint the visible part, and paint it whole (Save as PNG)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QScrollArea

    from reader.gui.heatmap import HeatMap

    app = QApplication.instance() or QApplication([])
    area, heatmap = QScrollArea(), HeatMap()
    area.setWidget(heatmap)
    area.resize(1000, 800)
    area.show()
    figures = {}
    figures["map_set_s"], _ = _timed(lambda: heatmap.set_matrix(matrix))
    figures["map_paint_visible_s"], _ = _timed(lambda: (area.viewport().repaint(), app.processEvents()))
    figures["map_paint_whole_png_s"], _ = _timed(heatmap.to_image)
    area.close()
    return figures


def main(argv: list[str] | None = None) -> int:
    """Run the sizes asked for, each in a fresh process, and print their figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one)))
        return 0
    for size in (int(s) for s in args.sizes.split(",")):
        proc = subprocess.run([sys.executable, "-m", "bench.bench_overview", "--one", str(size)],
                              capture_output=True, text=True)
        if proc.returncode:
            print(f"{size}: failed\n{proc.stderr[-2000:]}")
            continue
        figures = json.loads(proc.stdout.strip().splitlines()[-1])
        print(f"--- {size} speeches")
        for key, value in figures.items():
            print(f"  {key:<28} {value:.3f}" if isinstance(value, float) else f"  {key:<28} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
