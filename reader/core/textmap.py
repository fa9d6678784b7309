"""Mapping offsets of an old text into its new version through a diff, so an excerpt is looked for where it went.

Whole speeches are diffed by sentence first (each sentence a token, diffed as one character by
diff-match-patch, which is fast and monotone), and only the small changed stretches between equal
sentences are diffed character by character. A character diff of whole speeches was rejected:
diff-match-patch either times out into "delete all, insert all" or takes minutes (PITFALLS.md).
"""

from __future__ import annotations

import bisect
import re

from diff_match_patch import diff_match_patch

CHAR_DIFF_LIMIT = 2000     # a changed stretch longer than this (on either side) is mapped proportionally
_SENTENCE = re.compile(r"[^。！？；!?;\n]*(?:[。！？；!?;\n]+|$)")


def _untimed() -> diff_match_patch:
    """diff-match-patch without its 1 s timeout (every diff here is bounded in size)."""
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    return dmp


def sentences(text: str) -> list[str]:
    """The text cut after each sentence end or line break (the pieces join back to the text)."""
    return [piece for piece in _SENTENCE.findall(text) if piece]


class TextMap:
    """Equal stretches of two texts as (old start, new start, length), and the mapping they give."""

    def __init__(self, old: str, new: str):
        self.old, self.new = old, new
        self.blocks: list[tuple[int, int, int]] = []
        dmp = _untimed()
        codes: dict[str, str] = {}
        a = "".join(codes.setdefault(s, _code(len(codes))) for s in sentences(old))
        b = "".join(codes.setdefault(s, _code(len(codes))) for s in sentences(new))
        pieces = {code: s for s, code in codes.items()}
        i = j = 0
        pending_old = pending_new = ""
        for op, data in dmp.diff_main(a, b, False):
            chunk = "".join(pieces[c] for c in data)
            if op == 0:
                self._refine(i - len(pending_old), j - len(pending_new), pending_old, pending_new, dmp)
                pending_old = pending_new = ""
                self._add(i, j, len(chunk))
                i, j = i + len(chunk), j + len(chunk)
            elif op < 0:
                pending_old += chunk
                i += len(chunk)
            else:
                pending_new += chunk
                j += len(chunk)
        self._refine(i - len(pending_old), j - len(pending_new), pending_old, pending_new, dmp)
        self._starts = [block[0] for block in self.blocks]

    def _add(self, i: int, j: int, length: int) -> None:
        """Record an equal stretch, merged with the previous one when they touch."""
        if length <= 0:
            return
        if self.blocks:
            pi, pj, pl = self.blocks[-1]
            if pi + pl == i and pj + pl == j:
                self.blocks[-1] = (pi, pj, pl + length)
                return
        self.blocks.append((i, j, length))

    def _refine(self, i: int, j: int, old: str, new: str, dmp: diff_match_patch) -> None:
        """Equal characters inside a changed stretch (its common ends only when it is long)."""
        if not old or not new:
            return
        if len(old) > CHAR_DIFF_LIMIT or len(new) > CHAR_DIFF_LIMIT:
            head = dmp.diff_commonPrefix(old, new)
            tail = min(dmp.diff_commonSuffix(old, new), min(len(old), len(new)) - head)
            self._add(i, j, head)
            self._add(i + len(old) - tail, j + len(new) - tail, tail)
            return
        for op, data in dmp.diff_main(old, new, False):
            if op == 0:
                self._add(i, j, len(data))
            i += len(data) if op <= 0 else 0
            j += len(data) if op >= 0 else 0

    def map(self, offset: int) -> int:
        """Where an offset of the old text lies in the new one (inside a change: as far in as it was)."""
        k = bisect.bisect_right(self._starts, offset) - 1
        if k >= 0:
            oi, nj, length = self.blocks[k]
            if offset < oi + length:
                return nj + offset - oi
            gap_old, gap_new = oi + length, nj + length
        else:
            gap_old = gap_new = 0
        next_new = self.blocks[k + 1][1] if k + 1 < len(self.blocks) else len(self.new)
        return min(gap_new + offset - gap_old, next_new)

    def unchanged(self, start: int, end: int) -> bool:
        """Whether old[start:end] lies inside one equal stretch (the diff kept it as it was)."""
        k = bisect.bisect_right(self._starts, start) - 1
        return k >= 0 and end <= self.blocks[k][0] + self.blocks[k][2]


def _code(n: int) -> str:
    """The n-th token as one character, skipping the surrogate range."""
    return chr(n + 1 if n + 1 < 0xD800 else n + 1 + 0x800)
