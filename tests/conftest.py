"""Every test runs offscreen, in English unless it asks otherwise, on a library in its own tmp folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "corpus").glob("0*.txt"))
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """Point the library and settings at tmp_path, and speak English by default."""
    home = tmp_path / "home"
    monkeypatch.setenv("DUIDU_HOME", str(home))
    monkeypatch.setenv("DUIDU_LANG", "en")
    return home


@pytest.fixture
def seed_texts() -> list[str]:
    """The five bundled speeches as raw text, in corpus order."""
    return [p.read_text(encoding="utf-8") for p in SEEDS]


@pytest.fixture
def library(isolated_home):
    """An empty library in the tmp folder."""
    from reader.core.store import Library

    lib = Library(isolated_home)
    yield lib
    lib.close()


@pytest.fixture
def sample_library(library):
    """A library holding the five bundled speeches (ids 1–5 in corpus order)."""
    from reader.core.library_ops import import_bundled_corpus

    report = import_bundled_corpus(library)
    assert len(report.added) == 5, report.failed
    return library
