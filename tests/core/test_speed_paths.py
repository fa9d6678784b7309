"""What keeps the start, the first comparison and `duidu shared` quick: what each path imports, what the
warm-up leaves ready, and the shortcuts in matching that must give the same answers as the long way."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
from hypothesis import given, settings, strategies as st

from reader.core.reuse.extend import _edge_gain, _walk_edge, unique_rows
from reader.core.reuse.normalize import PLACEHOLDER, normalize
from reader.core.reuse.postings import counted
from reader.core.reuse.seeds import doc_fingerprints, fingerprint_values, winnow

ROOT = Path(__file__).resolve().parents[2]


def _python(code: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), DUIDU_HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, timeout=120)


def test_the_window_path_builds_no_parser_and_loads_no_command_or_word_document_modules(tmp_path):
    # run() without a subcommand hands over to the window; everything the window imports to start is loaded
    code = ("import sys\nimport reader.gui.app as app\nseen = []\n"
            "def fake_run_app(library, rest):\n"
            "    import reader.gui.main_window\n"
            "    seen.extend(m for m in sys.modules if m.startswith(('reader.cli.', 'docx', 'jieba')))\n"
            "    seen.append('window:' + str(rest))\n    return 0\n"
            "app.run_app = fake_run_app\nfrom reader.cli import run\n"
            "assert run(['--library', sys.argv[1], '--screenshot', 'x.png']) == 0\nprint(sorted(seen))\n")
    done = _python(code, tmp_path, str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[\"window:['--screenshot', 'x.png']\"]"


def test_commands_still_find_their_parser_and_refuse_unknown_ones(tmp_path):
    code = ("import sys, io, contextlib\nfrom reader.cli import run\nout = io.StringIO()\n"
            "with contextlib.redirect_stdout(out):\n    run(['--library', sys.argv[1], 'list'])\n"
            "try:\n    run(['--library', sys.argv[1], 'lsit'])\nexcept SystemExit as exc:\n    print('exit', exc.code)\n")
    done = _python(code, tmp_path, str(tmp_path / "lib"))
    assert done.returncode == 0, done.stderr
    assert "exit 2" in done.stdout and "lsit" in done.stderr


def test_the_warm_up_leaves_the_matcher_ready_and_a_comparison_loads_nothing_more(tmp_path):
    sample, _, other = sorted((ROOT / "corpus").glob("0*.txt"))[:3]
    code = ("import sys\nfrom pathlib import Path\nfrom reader.core import comparison\n"
            "from reader.core.reuse import snap, reference\n"
            "comparison.warm_up()\n"
            "assert snap._words.cache_info().currsize == 1 and reference._loaded\n"
            "assert reference.reference_model()._known_re is not None\n"
            "before = set(sys.modules)\n"
            "from reader.core.store import Document\n"
            "texts = [Path(p).read_text('utf-8') for p in sys.argv[1:3]]\n"
            "c = comparison.Comparison([Document(id=None, title=str(i), date=None, place=None, speaker=None, "
            "char_count=len(t), text=t) for i, t in enumerate(texts)])\n"
            "assert c.passages[(0, 1)], 'the two speeches share passages'\n"
            "print(sorted(m for m in set(sys.modules) - before if not m.startswith('reader.')))\n")
    done = _python(code, tmp_path, str(sample), str(other))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_folding_is_the_same_whichever_text_meets_a_character_first(tmp_path):
    text = "ＡＢＣ改革⼊⼆Ｘ市、XX县 abc！𠀀" * 2
    keys = normalize(text).keys.tolist()
    assert keys[:3] == [ord("a"), ord("b"), ord("c")]          # full width folded, then lower case
    assert chr(keys[5]) == "入" and chr(keys[6]) == "二"        # Kangxi radicals from PDFs
    assert PLACEHOLDER in keys and ord("！") not in keys and ord(" ") not in keys
    # a fresh process meeting the characters in another order gives the same keys
    code = ("import sys\nfrom reader.core.reuse.normalize import normalize\n"
            "normalize(sys.argv[1][::-1])\nprint(normalize(sys.argv[1]).keys.tolist())\n")
    done = _python(code, tmp_path, text)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(keys)


def _winnow_by_definition(hashes: np.ndarray, w: int) -> np.ndarray:
    if hashes.size <= w:
        return np.array([int(np.argmin(hashes))]) if hashes.size else np.zeros(0, dtype=np.int64)
    return np.array(sorted({i + int(np.argmin(hashes[i:i + w])) for i in range(hashes.size - w + 1)}))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 6), max_size=60), st.integers(1, 8))
def test_winnow_of_sorted_picks_matches_its_definition(values, w):
    # small values make ties: the leftmost minimum must win, as in every document
    hashes = np.array(values, dtype=np.uint64)
    assert winnow(hashes, w).tolist() == _winnow_by_definition(hashes, w).tolist()
    if hashes.size:
        expected = np.unique(fingerprint_values(hashes[_winnow_by_definition(hashes, w)]))
        assert doc_fingerprints(hashes, w).tolist() == expected.tolist()


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(*[st.integers(0, 4)] * 4), max_size=40), st.lists(st.integers(0, 30), max_size=50))
def test_distinct_rows_and_counts_match_numpys(rows, values):
    matrix = np.array(rows, dtype=np.int64).reshape(-1, 4)
    assert unique_rows(matrix).tolist() == np.unique(matrix, axis=0).tolist()
    array = np.array(values, dtype=np.uint32)
    got, want = counted(array), np.unique(array, return_counts=True)
    assert got[0].tolist() == want[0].tolist() and got[1].tolist() == want[1].tolist()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 5), max_size=16), st.lists(st.integers(0, 5), max_size=16))
def test_edges_with_nothing_in_common_nearby_give_what_the_walk_gives(xa, xb):
    assert _edge_gain(xa, xb) == _walk_edge(xa, xb)


FIRST_PAINT = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from reader.gui.app import start_window

app, window = start_window(sys.argv[1], bundled=False)
ids = [d.id for d in window.library.list_documents()]
window.open_documents(ids[:1])
seen = []


class Watch(QObject):
    def eventFilter(self, watched, event):
        if not seen and event.type() in (QEvent.Type.Paint, QEvent.Type.UpdateRequest):
            seen.append(sorted(m for m in ('numpy', 'lxml', 'diff_match_patch', 'docx', 'jieba') if m in sys.modules))
            QTimer.singleShot(0, app.quit)
        return False


watch = Watch()
window.installEventFilter(watch)
QTimer.singleShot(20000, app.quit)
app.exec()
print(len(ids), window.reading_pane.document is not None, seen)
window.close()
"""


def test_the_window_paints_first_without_numpy_lxml_diff_match_patch_or_word_documents(tmp_path):
    # a library with a speech, opened the way the app opens the last one; the modules are read at the first paint
    library = tmp_path / "lib"
    sample = min((ROOT / "corpus").glob("0*.txt"))
    imported = _python("import sys\nfrom reader.cli import run\n"
                       "sys.exit(run(['--library', sys.argv[1], 'import', sys.argv[2]]))\n", tmp_path, str(library), str(sample))
    assert imported.returncode == 0, imported.stderr
    done = _python(FIRST_PAINT, tmp_path, str(library))
    assert done.returncode == 0, done.stderr
    # the speech is open, the window painted, and none of the heavy libraries came before it
    assert done.stdout.strip().splitlines()[-1] == "1 True [[]]"
    # the engine's names load on first use: the settings' constants without numpy, the index with it, no others
    code = ("import sys\nimport reader.core.reuse as reuse\n"
            "print(reuse.DEFAULT_MIN_CHARS > 0, 'numpy' in sys.modules, reuse.ReuseIndex.__name__, 'numpy' in sys.modules, "
            "hasattr(reuse, 'nothing'))\n")
    done = _python(code, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True False ReuseIndex True False"
