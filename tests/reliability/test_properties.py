"""Property tests that the core suites lack: re-anchoring on arbitrary texts and edits, exact passages with
placeholders and characters outside the BMP, cleaning that never rewrites a line, and the store keeping
any pasted text exactly.

Already covered elsewhere, so not repeated here: clean_web_text and parse_outline never raising on
st.text() (tests/core/test_webclean.py, test_outline.py), find_shared offsets in range and the key map
(test_reuse_properties.py), re-anchoring after edits away from one fixed quote (test_anchor.py).
"""

from __future__ import annotations

import tempfile

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reader.core.versions import replace_text_and_reanchor
from reader.core.codebook import Codebook
from reader.core.codebook_types import make_contexts
from reader.core.importer import ImportRefused, load_text
from reader.core.reuse import find_shared
from reader.core.reuse.normalize import normalize
from reader.core.store import Library
from reader.core.webclean import clean_web_text

# placeholders of anonymised speeches, non-BMP hanzi (one code point, two UTF-16 units), marks
PLACEHOLDERS = ["X", "XX", "××", "**", "○○", "某某", "＊＊"]
WIDE = ["𠀀", "𠀁", "𪚥", "𠮷", "\U0001F600"]
ALPHABET = list("城市建设发展推进新型化人民群众工作的了和，。、：；") + ["\n", " ", "\u3000", "\u200f"]
piece = st.lists(st.sampled_from(ALPHABET + PLACEHOLDERS + WIDE), max_size=40).map("".join)
PROFILE = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@settings(max_examples=120, **PROFILE)
@given(pre_a=piece, pre_b=piece, shared=piece, post_a=piece, post_b=piece, min_chars=st.integers(2, 12))
def test_exact_passages_have_equal_keys_in_both_texts(pre_a, pre_b, shared, post_a, post_b, min_chars):
    a, b = pre_a + shared + post_a, pre_b + shared + post_b
    for p in find_shared(a, b, min_chars=min_chars):
        assert 0 <= p.a_start < p.a_end <= len(a) and 0 <= p.b_start < p.b_end <= len(b)
        assert p.text == a[p.a_start:p.a_end]
        if p.kind == "exact":   # equal on matching keys: X市 and **市 are the same anonymised name
            assert normalize(a[p.a_start:p.a_end]).keys.tolist() == normalize(b[p.b_start:p.b_end]).keys.tolist()


@st.composite
def edited_speech(draw):
    """An old text, a span in it to tag, and a new text made by random edits anywhere (the span included)."""
    old = draw(st.lists(piece, min_size=2, max_size=6).map("\n".join))
    assume(old.strip())
    start = draw(st.integers(0, len(old) - 1))
    end = draw(st.integers(start + 1, min(len(old), start + 30)))
    assume(old[start:end].strip())
    new = old
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(new)))
        cut = draw(st.integers(0, 10))
        new = new[:at] + draw(piece) + new[at + cut:]
    assume(new.strip())
    return old, (start, end), new


@settings(max_examples=40, **PROFILE)
@given(case=edited_speech())
def test_reanchoring_any_edit_keeps_excerpts_consistent(case):
    old, (start, end), new = case
    with tempfile.TemporaryDirectory() as folder:
        library = Library(folder)
        try:
            with library.transaction() as conn:   # store the text as is: cleaning would shift the span
                conn.execute("INSERT INTO documents (content_hash, raw_text, text, char_count, imported_at)"
                             " VALUES ('h', ?, ?, ?, 'now')", (old, old, len(old)))
            book = Codebook(library)
            excerpt = book.add_excerpt(1, start, end)
            replace_text_and_reanchor(library, 1, _verbatim(new))
            after = book.get_excerpt(excerpt.id)
            assert library.get_document(1).text == new
            assert after.quote == excerpt.quote   # only the reader re-words an excerpt
            if after.status in ("ok", "moved"):
                assert 0 <= after.start < after.end <= len(new)
                assert after.quote == new[after.start:after.end]
                assert (after.context_before, after.context_after) == make_contexts(new, after.start, after.end)
            else:   # kept for review exactly as it was, never moved to a look-alike
                assert (after.start, after.end, after.quote) == (excerpt.start, excerpt.end, excerpt.quote)
        finally:
            library.close()


def _verbatim(text: str):
    """An ImportedText holding `text` unchanged."""
    from reader.core.importer import ImportedText

    return ImportedText(text, text, None, "paste", {}, [], "")


NO_BOOKMARKS = st.text(alphabet=st.characters(blacklist_characters="[]"), max_size=300)


@settings(max_examples=200, **PROFILE)
@given(text=NO_BOOKMARKS | st.lists(st.sampled_from(ALPHABET + PLACEHOLDERS + WIDE + ["来源：", "www.a.cn", "…"]),
                                    max_size=80).map("".join))
def test_cleaning_only_removes_whole_lines(text):
    """Every kept line is an input line (trailing spaces aside), in order: the speech's words are never rewritten."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")]
    result = clean_web_text(text)
    position = 0
    for kept in result.text.split("\n") if result.text else []:
        position = lines.index(kept, position) + 1
    assert len(result.text) <= len(text)


@settings(max_examples=50, **PROFILE)
@given(text=st.text(max_size=200) | piece)
def test_any_pasted_text_is_refused_or_stored_exactly(text):
    try:
        imported = load_text(text)
    except ImportRefused as exc:
        assert exc.reason == "empty"
        return
    assert imported.text == clean_web_text(text).text
    with tempfile.TemporaryDirectory() as folder:
        library = Library(folder)
        try:
            doc_id, _ = library.add_document(imported)
            doc = library.get_document(doc_id)
            assert (doc.text, doc.raw_text, doc.char_count) == (imported.text, text, len(imported.text))
        finally:
            library.close()
