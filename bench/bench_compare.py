"""How long opening a comparison takes: the two longest sample speeches, every highlight painted.

Prints figures; asserts nothing. Run: QT_QPA_PLATFORM=offscreen python bench/bench_compare.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main(rounds: int = 7) -> None:
    """Open the comparison of the two longest samples `rounds` times and print the timings."""
    home = tempfile.mkdtemp(prefix="duidu-bench-")
    os.environ["DUIDU_HOME"] = home
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.core.comparison import Comparison, indexed_passages
    from reader.core.library_ops import import_bundled_corpus, sync_index
    from reader.core.reuse import ReuseIndex
    from reader.core.store import Library
    from reader.gui.main_window import MainWindow
    from reader.gui.settings import Settings

    app = QApplication.instance() or QApplication([])
    library = Library(home)
    import_bundled_corpus(library)
    sync_index(library)
    longest = sorted(library.list_documents(), key=lambda d: -d.char_count)[:2]
    documents = [library.get_document(d.id) for d in longest]
    print(f"speeches: {[d.char_count for d in longest]} characters")

    index = ReuseIndex(library.conn)
    start = time.perf_counter()
    comparison = Comparison(documents, indexed_passages(index))
    print(f"comparison model (outlines, alignment, passages), first: {1000 * (time.perf_counter() - start):.1f} ms; "
          f"{sum(len(s) for s in [comparison.shared_spans(0)])} spans in the left speech")

    window = MainWindow(library, Settings())
    window.resize(1500, 900)
    window.show()
    app.processEvents()
    view = window.compare_view
    timings, text_only = [], []
    for _ in range(rounds):
        loop = QEventLoop()
        view.comparison_ready.connect(loop.quit)
        QTimer.singleShot(30000, loop.quit)
        start = time.perf_counter()
        window.show_comparison(documents)
        shown = time.perf_counter()
        if view.comparison is None:
            loop.exec()
        window.repaint()  # one full paint with every highlight
        app.processEvents()
        timings.append(1000 * (time.perf_counter() - start))
        text_only.append(1000 * (shown - start))
        view.comparison_ready.disconnect(loop.quit)
    print(f"texts and outlines on screen: median {statistics.median(text_only):.0f} ms")
    print(f"open comparison with all highlights painted: median {statistics.median(timings):.0f} ms, "
          f"min {min(timings):.0f} ms, max {max(timings):.0f} ms over {rounds} rounds (target < 150 ms)")
    window.close()
    library.close()


if __name__ == "__main__":
    main()
