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
