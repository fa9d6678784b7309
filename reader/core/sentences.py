"""Sentences and clauses of a cleaned text, with their offsets and matching keys, for sentence alignment.

A sentence ends at 。！？； (or their ASCII forms) with any closing quotes or brackets that follow,
or at a line end. Offsets are Python string indices into the cleaned text (`duidu text`), so a
character outside the BMP counts one. Keys are the reuse engine's (reuse/normalize.py): widths
and case folded, punctuation and spaces dropped, every anonymising placeholder one symbol, so
X市 and **市 read the same and a changed comma does not make a sentence different.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from reader.core.reuse.normalize import PLACEHOLDER, Keyed, normalize

# a terminator with the closing marks that belong to it, or a line end
_END = re.compile(r"[。！？；!?;]+[”’」』）)】〕》\"']*|\n")
_BLANK = " \t\r\n\u3000\u00a0\ufeff"
# bigram ids: k1 * _MUL + k2, where a one-key sentence pairs its key with _LONE
_LONE = PLACEHOLDER + 1
_MUL = PLACEHOLDER + 2


@dataclass(frozen=True)
class Sentence:
    """One sentence: [start, end) in the text, and [first, stop) of the text's keys it covers."""

    start: int
    end: int
    first: int
    stop: int

    @property
    def n_keys(self) -> int:
        """How many matching keys (characters that carry wording) the sentence has."""
        return self.stop - self.first


def split_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """[start, end) of each sentence of text[start:end], blanks at either edge left out."""
    end = len(text) if end is None else end
    spans = []
    cursor = start
    for match in _END.finditer(text, start, end):
        spans.append((cursor, match.end()))
        cursor = match.end()
    spans.append((cursor, end))
    trimmed = []
    for lo, hi in spans:
        while lo < hi and text[lo] in _BLANK:
            lo += 1
        while hi > lo and text[hi - 1] in _BLANK:
            hi -= 1
        if hi > lo:
            trimmed.append((lo, hi))
    return trimmed


class SentenceText:
    """A text cut into sentences, each knowing its keys, its key string and its bigram ids."""

    def __init__(self, text: str, start: int = 0, end: int | None = None, keyed: Keyed | None = None):
        self.text = text
        self.keyed = keyed if keyed is not None else normalize(text)
        spans = split_spans(text, start, end)
        starts = self.keyed.starts
        self.sentences = [Sentence(lo, hi, int(np.searchsorted(starts, lo)), int(np.searchsorted(starts, hi)))
                          for lo, hi in spans]
        self._key_strings: dict[int, str] = {}

    def __len__(self) -> int:
        return len(self.sentences)

    def raw(self, i: int) -> str:
        """The sentence's text as written."""
        s = self.sentences[i]
        return self.text[s.start:s.end]

    def key_bytes(self, i: int) -> bytes:
        """The sentence's keys as bytes: equal exactly when the wording is the same."""
        s = self.sentences[i]
        return self.keyed.keys[s.first:s.stop].tobytes()

    def key_string(self, first: int, stop: int) -> str:
        """Keys of sentences first..stop-1 as one string, for an edit-based similarity."""
        if (first, stop) not in self._key_strings:
            a, b = self.sentences[first].first, self.sentences[stop - 1].stop
            self._key_strings[(first, stop)] = "".join(
                "\uFFFC" if k == PLACEHOLDER else chr(k) for k in self.keyed.keys[a:b].tolist())
        return self._key_strings[(first, stop)]

    def bigram_pairs(self) -> tuple[np.ndarray, np.ndarray]:
        """(sentence index, bigram id) for every distinct bigram of every sentence, sorted by bigram id."""
        keys = self.keyed.keys.astype(np.int64)
        sids, grams = [], []
        if self.sentences:
            firsts = np.array([s.first for s in self.sentences], dtype=np.int64)
            stops = np.array([s.stop for s in self.sentences], dtype=np.int64)
            lengths = stops - firsts
            positions = np.arange(keys.shape[0])
            owner = np.searchsorted(firsts, positions, side="right") - 1
            inside = (owner >= 0) & (positions < stops[np.maximum(owner, 0)])
            owner = np.where(inside, owner, -1)
            if keys.shape[0] > 1:
                same = (owner[:-1] == owner[1:]) & (owner[:-1] >= 0)
                pos = np.flatnonzero(same)
                sids.append(owner[pos])
                grams.append(keys[pos] * _MUL + keys[pos + 1])
            lone = np.flatnonzero(lengths == 1)
            sids.append(lone)
            grams.append(keys[firsts[lone]] * _MUL + _LONE)
        if not sids:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty
        sid = np.concatenate(sids)
        gram = np.concatenate(grams)
        n = max(len(self.sentences), 1)
        combined = np.unique(gram * n + sid)
        return combined % n, combined // n

    def bigram_sets(self) -> list[frozenset]:
        """The distinct bigram ids of each sentence, for similarity of merged sentences."""
        sid, gram = self.bigram_pairs()
        order = np.argsort(sid, kind="stable")
        sid, gram = sid[order], gram[order]
        bounds = np.searchsorted(sid, np.arange(len(self.sentences) + 1))
        return [frozenset(gram[bounds[i]:bounds[i + 1]].tolist()) for i in range(len(self.sentences))]
