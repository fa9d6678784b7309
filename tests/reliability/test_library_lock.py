"""Two copies on one library: one writer per library, others read-only or refused; stale locks never block."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from reader.cli import run
from reader.core import lock
from reader.core.codebook import Codebook
from reader.core.importer import load_text
from reader.core.store import Library, LibraryError, open_library

ROOT = Path(__file__).resolve().parents[2]
HOLDER = ("import sys; from reader.core.store import Library; lib = Library(sys.argv[1]);"
          "print('ready', flush=True); sys.stdin.read()")


@pytest.fixture
def other_copy(library, isolated_home):
    """Another process holding the library (the fixture's own library is closed first)."""
    library.add_document(load_text("另一个程序打开的讲话。"))
    library.close()
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(isolated_home)], cwd=ROOT, text=True,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert child.stdout.readline().strip() == "ready"
    yield child
    child.kill()
    child.wait()


def test_same_process_shares_the_lock(isolated_home):
    first = Library(isolated_home)
    second = Library(isolated_home)
    assert lock.holders(isolated_home) == 2
    results = []
    worker = threading.Thread(target=lambda: results.append(Library(isolated_home).list_documents()))
    worker.start()
    worker.join()
    assert results == [[]]
    first.close()
    second.add_document(load_text("线程和窗口共用一把锁。"))
    second.close()
    del results, worker
    import gc

    gc.collect()      # the worker's Library was never closed: the finalizer gives its share back
    assert lock.holders(isolated_home) == 0
    assert not lock.is_locked_elsewhere(isolated_home)


def test_second_process_is_refused_or_reads(other_copy, isolated_home):
    with pytest.raises(LibraryError) as info:
        Library(isolated_home)
    assert info.value.reason == "in_use" and str(other_copy.pid) in info.value.message("en")
    assert str(other_copy.pid) in info.value.message("zh")
    reader = open_library(isolated_home, read_only_if_in_use=True)
    assert reader.read_only and len(reader.list_documents()) == 1
    with pytest.raises(LibraryError) as info:
        reader.set_state("x", "y")
    assert info.value.reason == "read_only"
    with pytest.raises(LibraryError):
        Codebook(reader).create_tag("不能写")
    reader.close()


def test_cli_write_commands_fail_in_use_and_reads_work(other_copy, isolated_home, capsys, tmp_path):
    speech = tmp_path / "a.txt"
    speech.write_text("新的讲话。", encoding="utf-8")
    assert run(["import", str(speech)]) == 3
    assert "in use" in capsys.readouterr().err
    assert run(["excerpt", "add", "1", "--quote", "讲话", "--tag", "t"]) == 3
    capsys.readouterr()
    assert run(["list"]) == 0
    capsys.readouterr()
    assert run(["text", "1"]) == 0
    assert capsys.readouterr().out == "另一个程序打开的讲话。"


def test_a_killed_holder_leaves_no_stale_lock(other_copy, isolated_home):
    assert lock.is_locked_elsewhere(isolated_home)
    other_copy.kill()
    other_copy.wait()
    assert not lock.is_locked_elsewhere(isolated_home)
    lib = Library(isolated_home)
    lib.set_state("after", "kill")
    lib.close()
    assert (isolated_home / lock.LOCK_NAME).exists()      # the file stays; only the OS lock mattered


def test_read_only_needs_an_existing_current_library(tmp_path):
    with pytest.raises(LibraryError) as info:
        Library(tmp_path / "nothing", read_only=True)
    assert info.value.reason == "not_ready"
    assert not (tmp_path / "nothing").exists()


@pytest.mark.skipif(os.name == "nt", reason="a held flock; Windows locks are covered by msvcrt")
def test_failed_open_gives_the_lock_back(tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "library.sqlite3").write_bytes(b"not a database" * 100)
    with pytest.raises(LibraryError):
        Library(folder)
    assert lock.holders(folder) == 0
