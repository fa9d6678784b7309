"""A library with speeches, tags and excerpts, for the reliability tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def filled_library(sample_library):
    """The five sample speeches, two tags and three excerpts."""
    from reader.core.codebook import Codebook

    book = Codebook(sample_library)
    tags = [book.create_tag("城镇化"), book.create_tag("民生")]
    for i, start in enumerate((10, 200, 400)):
        book.add_excerpt(1, start, start + 12, [tags[i % 2].id], note=f"第{i}条")
    return sample_library


def pytest_collection_modifyitems(config, items):
    """Long runs (@pytest.mark.slow) only when asked for with `-m slow`: the default suite stays quick."""
    if "slow" in (config.getoption("markexpr") or ""):
        return
    skip = pytest.mark.skip(reason="long reliability run: python -m pytest -m slow tests/reliability")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
