"""Build (once) a library of n synthetic speeches for the speed benchmark, through the real import path.

    nice python -m bench.speed_library 10000 /tmp/duidu-speed-10000

Each speech goes through Library.add_document (outline stored, full-text index kept in step by its
triggers), then the shared-phrasing index is synced, as the app's background job does. The folder
is kept, with a note of the build's CPU and wall time, so benchmarks can be rerun on it.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

try:
    from bench.synthetic import SyntheticCorpus
except ImportError:            # run as a script from bench/
    from synthetic import SyntheticCorpus

PLACES = ("河南", "山东", "江苏", "四川", "广东", None)
NOTE = "speed-build.json"


@dataclass
class Imported:
    """Just what Library.add_document reads of an ImportedText."""

    text: str
    metadata: dict
    raw_text: str = ""
    source_path: str = ""
    fmt: str = "txt"
    encoding: str = "utf-8"
    removed: list = field(default_factory=list)


def speech_metadata(i: int) -> dict:
    """Made-up title, date and place of synthetic speech i."""
    return {"date": f"{1990 + i % 30}-{1 + i % 12:02d}-{1 + i % 28:02d}", "place": PLACES[i % len(PLACES)],
            "title": f"讲话 {i}"}


def build(n: int, folder: Path) -> dict:
    """The library in folder, built now or found from an earlier build; its build note."""
    note_path = folder / NOTE
    if note_path.is_file():
        note = json.loads(note_path.read_text())
        if note.get("docs") == n:
            return note
    from reader.core.library_ops import sync_index
    from reader.core.store import Library

    library = Library(folder)
    note = {"docs": n}
    wall, cpu = time.perf_counter(), time.process_time()
    for i, text in SyntheticCorpus(n):
        library.add_document(Imported(text, speech_metadata(i), raw_text=text))
    note["import_wall_s"], note["import_cpu_s"] = time.perf_counter() - wall, time.process_time() - cpu
    wall, cpu = time.perf_counter(), time.process_time()
    sync_index(library)
    note["index_wall_s"], note["index_cpu_s"] = time.perf_counter() - wall, time.process_time() - cpu
    library.close()
    note_path.write_text(json.dumps(note))
    return note


if __name__ == "__main__":
    print(json.dumps(build(int(sys.argv[1]), Path(sys.argv[2]))))
