"""Excerpts under review in an export: marked as such, or left out (the reader's choice).

An excerpt goes to review when a new text of its speech no longer holds its quote; exported
unmarked it would pass as a valid citation of words the speech may no longer contain.
"""

from __future__ import annotations

from typing import Iterable

from reader.core.codebook_types import Excerpt
from reader.core.locale import pick

CHOICES = ("mark", "omit")


def for_export(excerpts: Iterable[Excerpt], review: str = "mark") -> list[Excerpt]:
    """The excerpts to export: all of them ('mark'), or those not under review ('omit')."""
    if review not in CHOICES:
        raise ValueError(review)
    return [x for x in excerpts if review == "mark" or x.status != "review"]


def review_mark(excerpt: Excerpt, lang: str | None = None) -> str:
    """The warning a citation carries for an excerpt under review, or an empty string."""
    if excerpt.status != "review":
        return ""
    return pick("NEEDS REVIEW: the speech's current text no longer holds these words",
                "待核对：讲话现行文本中已找不到这段文字", lang)
