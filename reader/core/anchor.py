"""Finding excerpts again when a speech's text changes, without ever guessing silently.

Each excerpt keeps its quote, ~40 characters of context on each side, its offsets and (through
the old text) its section. After a change its old offset is mapped through a diff of the two
texts (reader.core.textmap), and:
- the exact quote at the mapped place, or the exact quote elsewhere with matching context in
  the same section: 'ok';
- the exact quote only elsewhere, with other context or in another section: 'moved' (anchored,
  reported, shown in the excerpts panel until the reader confirms it);
- anything else (a changed figure, a negation, a word, only a look-alike, two equally good
  places): 'review'. The excerpt keeps its quote and offsets; the best candidate is stored
  beside it (excerpt_candidates) for the reader to accept, place by hand or drop.
So the stored quote only changes when the reader confirms, and every excerpt that is 'ok' or
'moved' has its quote at its offsets. An earlier version accepted bitap look-alikes whose
contexts agreed, which moved excerpts to parallel sentences (…城市管理工作…) as 'ok'.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from diff_match_patch import diff_match_patch

from reader.core.codebook import Codebook, now
from reader.core.codebook_types import CodebookError, ExcerptSnapshot, make_contexts
from reader.core.outline import parse_outline, section_path
from reader.core.textmap import TextMap

MATCH_THRESHOLD = 0.5     # bitap: how loose a look-alike may be to be offered as a candidate
MATCH_DISTANCE = 1000
MAX_BITS = 32             # bitap patterns longer than this are matched as head and tail
MIN_CONTEXT_SIMILARITY = 0.5
MIN_CANDIDATE_SIMILARITY = 0.5
MIN_MOVE_CHARS = 8        # a shorter exact quote elsewhere, with other context, is not moved to
CLEAR_MARGIN = 0.15       # how much better one exact occurrence's context must be than the next
_HINT_CHARS = 12


@dataclass
class ReanchorReport:
    """Excerpt ids by outcome: stayed (ok), moved (exact quote elsewhere), review (needs the reader)."""

    stayed: list[int] = field(default_factory=list)
    moved: list[int] = field(default_factory=list)
    review: list[int] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        """How many of each, for a status message or `duidu reimport`."""
        return {"stayed": len(self.stayed), "moved": len(self.moved), "review": len(self.review)}

    def add(self, other: "ReanchorReport") -> None:
        """Fold another speech's report into this one."""
        for name in ("stayed", "moved", "review"):
            getattr(self, name).extend(getattr(other, name))


@dataclass(frozen=True)
class Placement:
    """An excerpt's outcome in a new text: anchored span (ok/moved), or review with an optional candidate."""

    status: str                      # 'ok' | 'moved' | 'review'
    start: int = -1
    end: int = -1
    candidate: tuple[int, int, float] | None = None   # (start, end, similarity) for review


def _matcher() -> diff_match_patch:
    """A diff-match-patch for bounded fuzzy matching and untimed small diffs."""
    dmp = diff_match_patch()
    dmp.Match_Threshold = MATCH_THRESHOLD
    dmp.Match_Distance = MATCH_DISTANCE
    dmp.Diff_Timeout = 0
    return dmp


def similarity(a: str, b: str, dmp: diff_match_patch | None = None) -> float:
    """1 minus the edit distance over the longer length: 1.0 for equal strings."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    dmp = dmp or _matcher()
    return 1.0 - dmp.diff_levenshtein(dmp.diff_main(a, b, False)) / max(len(a), len(b))


def quote_diff(old: str, new: str) -> list[tuple[int, str]]:
    """A character diff of a stored quote and a candidate: (-1 removed | 0 kept | 1 added, text)."""
    dmp = _matcher()
    diffs = dmp.diff_main(old, new, False)
    dmp.diff_cleanupSemantic(diffs)
    return [(op, text) for op, text in diffs]


def diff_text(old: str, new: str) -> str:
    """The quote diff as plain text: [-removed-]{+added+}."""
    marks = {-1: "[-{}-]", 0: "{}", 1: "{{+{}+}}"}
    return "".join(marks[op].format(text) for op, text in quote_diff(old, new))


class Anchorer:
    """Places excerpts of one old text in one new text (the diff and both outlines made once)."""

    def __init__(self, old_text: str, new_text: str):
        self.old, self.new = old_text, new_text
        self.map = TextMap(old_text, new_text)
        self._old_outline = parse_outline(old_text)
        self._new_outline = parse_outline(new_text)
        self.dmp = _matcher()

    def place(self, start: int, end: int, quote: str, before: str, after: str, stale: bool = False) -> Placement:
        """Where the quote stands in the new text, and with what certainty.

        `stale`: the offsets are from an older text (an excerpt under review keeps them), so neither
        the mapped place nor the old section says anything; only the contexts do.
        """
        expected = self.map.map(start)
        # an occurrence the diff kept as another old occurrence of the same words belongs to that one
        taken = set() if stale else {self.map.map(q) for q in _occurrences(self.old, quote)
                                     if q != start and self.map.unchanged(q, q + len(quote))}
        if not stale and expected not in taken and self.new[expected:expected + len(quote)] == quote:
            return Placement("ok", expected, expected + len(quote))
        here = None if stale else self._section(self._old_outline, start)
        found = [(self._context(p, p + len(quote), before, after), p) for p in _occurrences(self.new, quote)
                 if p not in taken]
        good = sorted(((-c, abs(p - expected), p) for c, p in found if c >= MIN_CONTEXT_SIMILARITY))
        if good and (len(good) == 1 or good[1][0] - good[0][0] >= CLEAR_MARGIN):
            pos = good[0][2]
            same = stale or self._section(self._new_outline, pos) == here
            return Placement("ok" if same else "moved", pos, pos + len(quote))
        if not good and len(found) == 1 and len(quote) >= MIN_MOVE_CHARS:
            pos = found[0][1]
            return Placement("moved", pos, pos + len(quote))
        if found:
            pos = min(found, key=lambda cp: (-cp[0], abs(cp[1] - expected)))[1]
            return Placement("review", candidate=(pos, pos + len(quote), 1.0))
        return Placement("review", candidate=self._look_alike(quote, before, after, expected))

    def _section(self, outline: list, offset: int) -> tuple[str, ...]:
        """A section's identity: the titles (or, untitled, the labels) along its path."""
        return tuple(s.title.strip() or s.label for s in section_path(outline, offset) if s.kind == "heading")

    def _context(self, start: int, end: int, before: str, after: str) -> float:
        """How well the new text around a span agrees with the stored contexts (the better side counts)."""
        sides = []
        if before:
            sides.append(similarity(before, self.new[max(0, start - len(before)):start], self.dmp))
        if after:
            sides.append(similarity(after, self.new[end:end + len(after)], self.dmp))
        return max(sides) if sides else 1.0

    def _look_alike(self, quote: str, before: str, after: str, expected: int) -> tuple[int, int, float] | None:
        """The most similar passage near the expected place or the stored contexts, if any is close enough."""
        best = None
        for span in _fuzzy_spans(self.new, quote, _hints(self.new, quote, before, after, expected), self.dmp):
            score = similarity(quote, self.new[span[0]:span[1]], self.dmp)
            if score >= MIN_CANDIDATE_SIMILARITY and (best is None or score > best[2]):
                best = (span[0], span[1], round(score, 3))
        return best


def locate(text: str, quote: str, before: str, after: str, old_text: str, old_start: int) -> Placement:
    """One excerpt's placement after old_text became text (for tests and single look-ups)."""
    return Anchorer(old_text, text).place(old_start, old_start + len(quote), quote, before, after)


def _occurrences(text: str, quote: str) -> list[int]:
    """Every start of `quote` in `text`, overlapping ones included."""
    found, pos = [], text.find(quote)
    while pos >= 0:
        found.append(pos)
        pos = text.find(quote, pos + 1)
    return found


def _hints(text: str, quote: str, before: str, after: str, expected: int) -> list[int]:
    """Places to search near: the expected one, and where the stored contexts still stand (if rare)."""
    hints = [expected]
    if len(before) >= _HINT_CHARS:
        found = _occurrences(text, before[-_HINT_CHARS:])
        hints += [p + _HINT_CHARS for p in found] if len(found) <= 3 else []
    if len(after) >= _HINT_CHARS:
        found = _occurrences(text, after[:_HINT_CHARS])
        hints += [max(0, p - len(quote)) for p in found] if len(found) <= 3 else []
    unique: list[int] = []
    for hint in hints:
        if all(abs(hint - h) > 20 for h in unique):
            unique.append(min(max(0, hint), len(text)))
    return unique


def _fuzzy_spans(text: str, quote: str, hints: list[int], dmp: diff_match_patch) -> list[tuple[int, int]]:
    """Spans near each hint that bitap finds like the quote (head and tail separately when it is long)."""
    spans = []
    for hint in hints:
        head = dmp.match_main(text, quote[:MAX_BITS], hint)
        tail = dmp.match_main(text, quote[-MAX_BITS:], hint + len(quote) - MAX_BITS) if len(quote) > MAX_BITS else -1
        tail_end = tail + MAX_BITS if tail >= 0 else -1
        if head >= 0 and tail >= 0 and head < tail_end and 0.7 <= (tail_end - head) / len(quote) <= 1.3:
            rough = (head, tail_end)
        elif head >= 0:
            rough = (head, head + len(quote))
        elif tail >= 0:
            rough = (max(0, tail_end - len(quote)), tail_end)
        else:
            continue
        span = _refine(text, quote, *rough)
        if span:
            spans.append(span)
    return spans


def _refine(text: str, quote: str, start: int, end: int) -> tuple[int, int] | None:
    """Exact edges of a rough match: align the quote's head and tail with windows around them."""
    pad = max(8, len(quote) // 5)
    head, tail = quote[:MAX_BITS], quote[-MAX_BITS:]
    lo, hi = max(0, start - pad), min(len(text), start + len(head) + pad)
    new_start = hi - _end_edge(head[::-1], text[lo:hi][::-1])
    lo = max(0, end - len(tail) - pad)
    new_end = lo + _end_edge(tail, text[lo:min(len(text), end + pad)])
    return (new_start, new_end) if new_start < new_end else None


def _end_edge(pattern: str, window: str) -> int:
    """Where the best approximate occurrence of `pattern` in `window` ends (edit distance, free start).

    A substitution costs 3 against 2 for an insertion or deletion, so a deleted opening is not
    swapped for the characters before it; on equal cost the later end wins.
    """
    previous = [0] * (len(window) + 1)
    for i, char in enumerate(pattern, 1):
        current = [2 * i] + [0] * len(window)
        for j, other in enumerate(window, 1):
            current[j] = min(previous[j - 1] + 3 * (char != other), previous[j] + 2, current[j - 1] + 2)
        previous = current
    best = min(previous)
    return max(j for j, cost in enumerate(previous) if cost == best)


def reanchor_document(codebook_or_library, doc_id: int, old_text: str, new_text: str) -> ReanchorReport:
    """Place every excerpt of a speech in its new text: anchor the exact ones, send the rest to review."""
    codebook = codebook_or_library if isinstance(codebook_or_library, Codebook) else Codebook(codebook_or_library)
    report = ReanchorReport()
    anchorer = None
    with codebook.write() as conn:
        rows = conn.execute('SELECT id, "start", "end", quote, context_before, context_after, status'
                            " FROM excerpts WHERE doc_id = ? ORDER BY id", (doc_id,)).fetchall()
        for excerpt_id, start, end, quote, before, after, status in rows:
            anchorer = anchorer or Anchorer(old_text, new_text)
            place = anchorer.place(start, end, quote, before, after, stale=status == "review")
            conn.execute("DELETE FROM excerpt_candidates WHERE excerpt_id = ?", (excerpt_id,))
            if place.status == "review":
                report.review.append(excerpt_id)
                if place.candidate:
                    conn.execute('INSERT INTO excerpt_candidates (excerpt_id, "start", "end", similarity)'
                                 " VALUES (?,?,?,?)", (excerpt_id, *place.candidate))
                if status != "review":
                    conn.execute("UPDATE excerpts SET status = 'review', updated_at = ? WHERE id = ?",
                                 (now(), excerpt_id))
                continue
            # a 'moved' notice stays until the reader confirms it, even when the next text keeps it in place
            new_status = "moved" if place.status == "moved" or status == "moved" else "ok"
            (report.moved if new_status == "moved" else report.stayed).append(excerpt_id)
            new_before, new_after = make_contexts(new_text, place.start, place.end)
            if (place.start, place.end, new_before, new_after, new_status) != (start, end, before, after, status):
                conn.execute('UPDATE excerpts SET "start" = ?, "end" = ?, context_before = ?, context_after = ?,'
                             " status = ?, updated_at = ? WHERE id = ?",
                             (place.start, place.end, new_before, new_after, new_status, now(), excerpt_id))
    return report


def place_by_hand(codebook: Codebook, excerpt_id: int, start: int, end: int) -> ExcerptSnapshot:
    """The reader places an excerpt on text[start:end] (this confirms a new quote); returns the before-snapshot."""
    with codebook.write() as conn:
        before = codebook.excerpt_snapshot(excerpt_id)
        text = codebook.document_text(before.row[1])
        if not 0 <= start < end <= len(text) or not text[start:end].strip():
            raise CodebookError("range", f"{start}–{end}")
        ctx_before, ctx_after = make_contexts(text, start, end)
        conn.execute('UPDATE excerpts SET "start" = ?, "end" = ?, quote = ?, context_before = ?,'
                     " context_after = ?, status = 'ok', updated_at = ? WHERE id = ?",
                     (start, end, text[start:end], ctx_before, ctx_after, now(), excerpt_id))
        return before


def candidate(codebook: Codebook, excerpt_id: int) -> tuple[int, int, str, float] | None:
    """A review excerpt's stored candidate: (start, end, the candidate's words, similarity), or None."""
    row = codebook.conn.execute('SELECT c."start", c."end", c.similarity, e.doc_id, e.status FROM excerpt_candidates c'
                                " JOIN excerpts e ON e.id = c.excerpt_id WHERE c.excerpt_id = ?",
                                (excerpt_id,)).fetchone()
    if row is None or row[4] != "review":
        return None
    text = codebook.document_text(row[3])
    if row[1] > len(text):
        return None
    return row[0], row[1], text[row[0]:row[1]], row[2]


def accept_candidate(codebook: Codebook, excerpt_id: int) -> ExcerptSnapshot:
    """The reader accepts the offered candidate: the excerpt takes its words (undo: restore_excerpt)."""
    found = candidate(codebook, excerpt_id)
    if found is None:
        raise CodebookError("missing_excerpt", excerpt_id)
    return place_by_hand(codebook, excerpt_id, found[0], found[1])


def confirm_moved(codebook: Codebook, excerpt_id: int) -> ExcerptSnapshot:
    """The reader has seen where a moved excerpt went: it becomes 'ok' (undo: restore_excerpt)."""
    with codebook.write() as conn:
        before = codebook.excerpt_snapshot(excerpt_id)
        conn.execute("UPDATE excerpts SET status = 'ok', updated_at = ? WHERE id = ? AND status = 'moved'",
                     (now(), excerpt_id))
        return before


def drop_from_review(codebook: Codebook, excerpt_id: int) -> ExcerptSnapshot:
    """The passage is gone for good: delete the excerpt (undo: `codebook.restore_excerpt`)."""
    return codebook.delete_excerpt(excerpt_id)
