"""The text as shown: long paragraphs split at sentence ends, with offsets mapped both ways (Qt counts UTF-16)."""

from __future__ import annotations

import bisect
import re

# Qt lays out and paints a block at a time: a 30,000-character paragraph makes every repaint slow
# (PITFALLS: 600 ms with extra selections), so long paragraphs get display-only line breaks.
MAX_BLOCK_CHARS = 600
SENTENCE_END = re.compile(r"[。！？；!?;]")
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class DisplayMap:
    """Build the display string of a text and convert offsets between the text and Qt's positions."""

    def __init__(self, text: str, max_block: int = MAX_BLOCK_CHARS):
        self.text = text
        self.breaks = _soft_breaks(text, max_block)  # text offsets before which a "\n" is inserted
        pieces, last = [], 0
        for cut in self.breaks:
            pieces.append(text[last:cut])
            pieces.append("\n")
            last = cut
        pieces.append(text[last:])
        self.display_text = "".join(pieces)
        self._shown_breaks = [cut + k for k, cut in enumerate(self.breaks)]  # break k's display index
        # display indices (Python) of characters outside the BMP: each takes two UTF-16 units
        self._astral = [m.start() for m in _ASTRAL.finditer(self.display_text)]   # a regex: C speed

    def to_qt(self, offset: int) -> int:
        """Qt document position (UTF-16) of a text offset."""
        offset = max(0, min(offset, len(self.text)))
        shown = offset + bisect.bisect_right(self.breaks, offset - 1) if offset else 0
        return shown + bisect.bisect_left(self._astral, shown)

    def from_qt(self, position: int) -> int:
        """Text offset of a Qt document position (a position inside an inserted break maps to the next character)."""
        position = max(0, position)
        # undo the astral pairs: find how many astral chars lie before this UTF-16 position
        lo, hi = 0, len(self._astral)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._astral[mid] + mid < position:
                lo = mid + 1
            else:
                hi = mid
        shown = position - lo
        shown = min(shown, len(self.display_text))
        # undo the inserted breaks: the k-th break sits at display index breaks[k] + k
        k = bisect.bisect_left(self._shown_breaks, shown)
        return min(shown - k, len(self.text))


def _soft_breaks(text: str, max_block: int) -> list[int]:
    """Offsets after a sentence end where a paragraph longer than max_block gets a display break."""
    cuts: list[int] = []
    start = 0
    length = len(text)
    while start < length:
        end = text.find("\n", start)
        end = length if end < 0 else end
        run_start = start
        while end - run_start > max_block:
            window_end = run_start + max_block
            match = None
            for match in SENTENCE_END.finditer(text, run_start + max_block // 3, window_end):
                pass
            cut = match.end() if match else window_end
            if cut >= end:
                break
            cuts.append(cut)
            run_start = cut
        start = end + 1
    return cuts
