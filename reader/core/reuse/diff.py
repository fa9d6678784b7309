"""The edit script of a near-verbatim passage, for display (diff-match-patch, short texts only)."""

from __future__ import annotations

DELETE, EQUAL, INSERT = -1, 0, 1     # diff-match-patch's op codes
MAX_DIFF_CHARS = 20_000              # beyond this a diff with no timeout can take minutes (PITFALLS)


def _equal_chars(diffs) -> int:
    return sum(len(text) for op, text in diffs if op == EQUAL)


def diff_passage(a_text: str, b_text: str) -> list[tuple[int, str]]:
    """(op, text) pairs turning a_text into b_text: op is -1 delete, 0 equal, 1 insert."""
    if a_text == b_text:
        return [(EQUAL, a_text)] if a_text else []
    if len(a_text) + len(b_text) > MAX_DIFF_CHARS:
        # not a passage: refuse to spend minutes; the caller should diff aligned sections
        return [(DELETE, a_text), (INSERT, b_text)]
    from diff_match_patch import diff_match_patch

    dmp = diff_match_patch()
    # the default 1 s timeout silently returns "delete all, insert all" on long texts (PITFALLS)
    dmp.Diff_Timeout = 0
    raw = dmp.diff_main(a_text, b_text, False)
    cleaned = list(raw)
    dmp.diff_cleanupSemantic(cleaned)
    # the semantic clean-up can swallow long equalities between larger edits (PITFALLS): keep it
    # only when it leaves the shared text essentially intact
    diffs = cleaned if _equal_chars(cleaned) >= 0.9 * _equal_chars(raw) else raw
    return [(op, text) for op, text in diffs if text]
