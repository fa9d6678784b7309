"""Finding excerpts again when a speech's text changes (re-import, another encoding, new cleaning).

Each excerpt keeps its quote and ~40 characters of context on each side. After a change it is
looked for, in order: the quote at its expected place; the exact quote elsewhere (unique, or the
occurrence whose contexts agree best, nearest to the expected place); a fuzzy match with
diff-match-patch's bitap (`match_main`) near the expected place or near where its contexts are
found. A candidate moves the excerpt only when its contexts agree (or, for an exact quote of some
length, when it stands close to where the excerpt was); otherwise the excerpt is marked 'review'
and keeps its old offsets and quote, so it is never silently moved to a look-alike sentence.

The expected place comes from the common prefix and suffix of the two texts. A full diff of the
texts was dropped: diff-match-patch on whole speeches either times out into garbage or takes
minutes (PITFALLS.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from diff_match_patch import diff_match_patch

from reader.core.codebook import Codebook, now
from reader.core.codebook_types import EXCERPT_COLUMNS, CodebookError, ExcerptSnapshot, make_contexts
from reader.core.store import LibraryError

MATCH_THRESHOLD = 0.3     # bitap: errors per pattern character plus distance / MATCH_DISTANCE
MATCH_DISTANCE = 1000     # so an exact pattern is looked for at most 300 characters from its place
MAX_BITS = 32             # bitap patterns longer than this are matched as head and tail
MIN_QUOTE_SIMILARITY = 0.75
MIN_CONTEXT_SIMILARITY = 0.5
LONG_QUOTE = 20           # an exact quote this long may move without context, if it stays near
NEAR = 300
_HINT_CHARS = 12


@dataclass
class ReanchorReport:
    """Excerpt ids by outcome: still in place, the same quote moved, found fuzzily, needing review."""

    found_exact: list[int] = field(default_factory=list)
    moved: list[int] = field(default_factory=list)
    fuzzy: list[int] = field(default_factory=list)
    review: list[int] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        """How many of each, for a status message."""
        return {"found_exact": len(self.found_exact), "moved": len(self.moved),
                "fuzzy": len(self.fuzzy), "review": len(self.review)}


@dataclass(frozen=True)
class Placement:
    """Where an excerpt's quote was found in the new text, and how."""

    start: int
    end: int
    kind: str            # 'found_exact' | 'moved' | 'fuzzy'
    quote_similarity: float
    context_similarity: float


def _matcher() -> diff_match_patch:
    """A diff-match-patch configured for bounded fuzzy matching and untimed small diffs."""
    dmp = diff_match_patch()
    dmp.Match_Threshold = MATCH_THRESHOLD
    dmp.Match_Distance = MATCH_DISTANCE
    dmp.Diff_Timeout = 0      # only ever used on a quote and a window around it
    return dmp


def similarity(a: str, b: str, dmp: diff_match_patch | None = None) -> float:
    """1 minus the edit distance over the longer length: 1.0 for equal strings."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    dmp = dmp or _matcher()
    return 1.0 - dmp.diff_levenshtein(dmp.diff_main(a, b, False)) / max(len(a), len(b))


def expected_position(old_text: str, new_text: str, offset: int) -> int:
    """Where an offset of the old text most likely lies in the new one (from their common prefix and suffix)."""
    dmp = _matcher()
    prefix = dmp.diff_commonPrefix(old_text, new_text)
    suffix = min(dmp.diff_commonSuffix(old_text, new_text), min(len(old_text), len(new_text)) - prefix)
    if offset <= prefix:
        return offset
    if offset >= len(old_text) - suffix:
        return offset + len(new_text) - len(old_text)
    old_mid, new_mid = len(old_text) - suffix - prefix, len(new_text) - suffix - prefix
    return prefix + round((offset - prefix) * new_mid / old_mid) if old_mid else prefix


def context_similarity(text: str, start: int, end: int, before: str, after: str,
                       dmp: diff_match_patch | None = None) -> float:
    """How well the text around a span agrees with the stored contexts (the better side counts)."""
    sides = []
    if before:
        sides.append(similarity(before, text[max(0, start - len(before)):start], dmp))
    if after:
        sides.append(similarity(after, text[end:end + len(after)], dmp))
    return max(sides) if sides else 1.0


def locate(text: str, quote: str, before: str, after: str, old_start: int, expected: int) -> Placement | None:
    """The confident place of a quote in a new text, or None when it must be reviewed by hand."""
    dmp = _matcher()
    candidates: dict[tuple[int, int], tuple[float, float]] = {}
    for pos in _occurrences(text, quote):
        candidates[(pos, pos + len(quote))] = (1.0, context_similarity(text, pos, pos + len(quote), before, after, dmp))
    if (expected, expected + len(quote)) not in candidates:
        for span in _fuzzy_spans(text, quote, _hints(text, quote, before, after, expected), dmp):
            if span not in candidates:
                sim = similarity(quote, text[span[0]:span[1]], dmp)
                candidates[span] = (sim, context_similarity(text, *span, before, after, dmp))
    exact_count = sum(1 for q, _ in candidates.values() if q == 1.0)
    accepted = []
    for (start, end), (qsim, csim) in candidates.items():
        distance = abs(start - expected)
        if qsim == 1.0 and start == expected:
            ok = csim >= MIN_CONTEXT_SIMILARITY or exact_count == 1
        elif qsim == 1.0:
            ok = csim >= MIN_CONTEXT_SIMILARITY or (exact_count == 1 and len(quote) >= LONG_QUOTE and distance <= NEAR)
        else:
            ok = qsim >= MIN_QUOTE_SIMILARITY and csim >= MIN_CONTEXT_SIMILARITY
        if ok:
            accepted.append((-round(qsim + csim, 1), distance, start, end, qsim, csim))
    if not accepted:
        return None
    _, _, start, end, qsim, csim = min(accepted)
    kind = "fuzzy" if qsim < 1.0 else "found_exact" if start == old_start else "moved"
    return Placement(start, end, kind, qsim, csim)


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
            unique.append(hint)
    return unique


def _fuzzy_spans(text: str, quote: str, hints: list[int], dmp: diff_match_patch) -> list[tuple[int, int]]:
    """Spans near each hint that bitap finds like the quote (head and tail separately when it is long)."""
    spans = []
    for hint in hints:
        if len(quote) <= MAX_BITS:
            start = dmp.match_main(text, quote, hint)
            rough = (start, start + len(quote)) if start >= 0 else None
        else:
            head = dmp.match_main(text, quote[:MAX_BITS], hint)
            tail = dmp.match_main(text, quote[-MAX_BITS:], hint + len(quote) - MAX_BITS)
            tail_end = tail + MAX_BITS if tail >= 0 else -1
            if head >= 0 and tail >= 0 and head < tail_end and 0.7 <= (tail_end - head) / len(quote) <= 1.3:
                rough = (head, tail_end)
            elif head >= 0:
                rough = (head, head + len(quote))
            elif tail >= 0:
                rough = (max(0, tail_end - len(quote)), tail_end)
            else:
                rough = None
        span = _refine(text, quote, *rough, dmp) if rough else None
        if span:
            spans.append(span)
    return spans


def _refine(text: str, quote: str, start: int, end: int, dmp: diff_match_patch) -> tuple[int, int] | None:
    """Exact edges of a rough match: align the quote's head and tail with windows around them.

    Mapping the edges through one diff of quote and window (diff_xIndex) was tried and dropped:
    diff_cleanupSemantic turns a short kept ending (…的[强大]动力) into delete + insert and cuts it off.
    """
    pad = max(8, len(quote) // 5)
    head, tail = quote[:MAX_BITS], quote[-MAX_BITS:]
    lo, hi = max(0, start - pad), min(len(text), start + len(head) + pad)
    new_start = hi - _end_edge(head[::-1], text[lo:hi][::-1])
    lo = max(0, end - len(tail) - pad)
    new_end = lo + _end_edge(tail, text[lo:min(len(text), end + pad)])
    return (new_start, new_end) if new_start < new_end else None


def _end_edge(pattern: str, window: str) -> int:
    """Where the best approximate occurrence of `pattern` in `window` ends (edit distance, free start).

    A substitution costs 3 against 2 for an insertion or deletion, so a deleted opening (城镇化是…)
    is not swapped for the characters before it; on equal cost the later end wins, so a kept last
    character is included rather than deleted (…的[强大]动力).
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
    """Find every excerpt of a speech in its new text; move the confident ones, mark the rest 'review'."""
    codebook = codebook_or_library if isinstance(codebook_or_library, Codebook) else Codebook(codebook_or_library)
    report = ReanchorReport()
    cols = ", ".join(EXCERPT_COLUMNS)
    with codebook.write() as conn:
        rows = conn.execute(f"SELECT {cols} FROM excerpts WHERE doc_id = ? ORDER BY id", (doc_id,)).fetchall()
        for excerpt_id, _, start, end, quote, before, after, *_rest, status, _c, _u in rows:
            place = locate(new_text, quote, before, after, start, expected_position(old_text, new_text, start))
            if place is None:
                report.review.append(excerpt_id)
                if status != "review":
                    conn.execute("UPDATE excerpts SET status = 'review', updated_at = ? WHERE id = ?",
                                 (now(), excerpt_id))
                continue
            getattr(report, place.kind).append(excerpt_id)
            new_before, new_after = make_contexts(new_text, place.start, place.end)
            fresh = (place.start, place.end, new_text[place.start:place.end], new_before, new_after, "ok")
            if fresh != (start, end, quote, before, after, status):
                conn.execute('UPDATE excerpts SET "start" = ?, "end" = ?, quote = ?, context_before = ?,'
                             " context_after = ?, status = ?, updated_at = ? WHERE id = ?",
                             (*fresh, now(), excerpt_id))
    return report


def replace_text_and_reanchor(library, doc_id: int, imported) -> ReanchorReport:
    """`Library.replace_text` and the re-anchoring of its excerpts in ONE transaction."""
    with library.transaction() as conn:
        row = conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise LibraryError("missing", library.path, str(doc_id))
        library.write_text(conn, doc_id, imported)
        return reanchor_document(Codebook(library), doc_id, row[0], imported.text)


def place_by_hand(codebook: Codebook, excerpt_id: int, start: int, end: int) -> ExcerptSnapshot:
    """The reader places an excerpt (one under review) on text[start:end]; returns the before-snapshot."""
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


def drop_from_review(codebook: Codebook, excerpt_id: int) -> ExcerptSnapshot:
    """The passage is gone for good: delete the excerpt (undo: `codebook.restore_excerpt`)."""
    return codebook.delete_excerpt(excerpt_id)

