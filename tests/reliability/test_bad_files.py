"""Bad input through the real import path (`import_paths` and `duidu import`): imported exactly, or refused by name.

Each file either lands with its cleaned text exactly as expected, or is refused with a message
naming the file and the reason, leaving the library's tables as they were. A batch of them is
reported file by file, never stopped by the first failure.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from bad_inputs import IMPORTS, REFUSALS, SPEECH
from reliability_helpers import dump

from reader.cli import run
from reader.core import importer
from reader.core.library_ops import import_paths
from reader.core.webclean import clean_web_text

def write_files(folder: Path, cases: dict) -> dict[str, Path]:
    """Write each case's bytes under its name."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, (data, _) in cases.items():
        (folder / name).write_bytes(data)
        paths[name] = folder / name
    return paths


@pytest.mark.parametrize("name", sorted(IMPORTS))
def test_file_imports_with_its_text_exactly(name, library, tmp_path):
    path = write_files(tmp_path / "in", {name: IMPORTS[name]})[name]
    report = import_paths(library, [path])
    assert report.failed == [] and len(report.added) == 1
    stored = library.get_document(report.added[0]).text
    assert stored == clean_web_text(IMPORTS[name][1]).text
    assert stored.strip()


@pytest.mark.parametrize("name", sorted(REFUSALS))
def test_file_is_refused_by_name_and_the_library_is_unchanged(name, filled_library, tmp_path):
    path = write_files(tmp_path / "in", {name: REFUSALS[name]})[name]
    before = dump(filled_library.conn)
    report = import_paths(filled_library, [path])
    assert report.added == [] and len(report.failed) == 1
    refusal = report.failed[0]
    assert refusal.reason == REFUSALS[name][1]
    for lang in ("en", "zh"):
        assert name in refusal.message(lang)
    assert dump(filled_library.conn) == before


def test_folder_and_pipe_named_like_speeches_are_refused(library, tmp_path):
    (tmp_path / "folder.txt").mkdir()
    with pytest.raises(importer.ImportRefused) as info:
        importer.load_file(tmp_path / "folder.txt")
    assert info.value.reason == "not_file" and "folder.txt" in info.value.message("zh")
    paths = [tmp_path / "missing.txt"]
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.txt")     # reading it would wait forever
        paths.append(tmp_path / "pipe.txt")
    started = time.perf_counter()
    report = import_paths(library, paths)
    assert time.perf_counter() - started < 5
    assert sorted(r.reason for r in report.failed) == ["missing"] + ["not_file"] * (len(paths) - 1)


def test_many_files_report_every_failure_without_stopping(filled_library, tmp_path):
    paths = write_files(tmp_path / "batch", {**REFUSALS, **IMPORTS})
    before = len(filled_library.list_documents())
    report = import_paths(filled_library, list(paths.values()))
    assert sorted(Path(r.path).name for r in report.failed) == sorted(REFUSALS)
    assert len(report.added) == len(IMPORTS)
    assert len(filled_library.list_documents()) == before + len(IMPORTS)


def test_unexpected_error_costs_one_file_not_the_batch(library, tmp_path, monkeypatch):
    paths = write_files(tmp_path / "in", {k: IMPORTS[k] for k in ("outside-bmp.txt", "long-line.txt")})
    real = importer.guess_metadata

    def flaky(text):
        if text.startswith("𠀀"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(text)

    monkeypatch.setattr(importer, "guess_metadata", flaky)
    report = import_paths(library, list(paths.values()))
    assert len(report.added) == 1
    assert [(Path(r.path).name, r.reason) for r in report.failed] == [("outside-bmp.txt", "unreadable")]
    assert "RecursionError" in report.failed[0].message("en")


def test_cli_import_names_each_refusal_and_goes_on(tmp_path, capsys):
    paths = write_files(tmp_path / "cli", {**REFUSALS, **IMPORTS})
    code = run(["import", *map(str, paths.values())])
    out, err = capsys.readouterr()
    assert code == 1
    assert out.startswith(f"{len(IMPORTS)} imported, 0 already in the library, {len(REFUSALS)} failed")
    for name in REFUSALS:
        assert f"“{name}”" in err
    assert run(["list", "--json"]) == 0
    assert capsys.readouterr().out.count('"id"') == len(IMPORTS)


def test_oversized_file_is_refused_without_being_read(library, tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "MAX_BYTES", 4096)
    path = tmp_path / "huge.txt"
    path.write_bytes(SPEECH.encode() * 100)
    opened = []
    real_open = Path.open
    monkeypatch.setattr(Path, "open", lambda self, *a, **k: opened.append(self) or real_open(self, *a, **k))
    report = import_paths(library, [path])
    assert [r.reason for r in report.failed] == ["too_large"] and path not in opened
    assert "huge.txt" in report.failed[0].message("zh")


@pytest.mark.slow
def test_hundred_megabyte_file_is_refused_by_size(library, tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:        # sparse: no 100 MB written to disk
        handle.truncate(100 * 1024 * 1024)
    started = time.perf_counter()
    report = import_paths(library, [path])
    assert [r.reason for r in report.failed] == ["too_large"]
    assert time.perf_counter() - started < 1.0
    assert library.list_documents() == []
