"""Property tests: whatever the texts, the engine raises nothing and every offset is in range."""

import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.reuse import diff_passage, find_shared
from reader.core.reuse.normalize import normalize

# a small alphabet makes shared runs likely; placeholders, punctuation, spaces and non-BMP
# characters exercise the key map; st.text() adds anything else, lone surrogates included
ALPHABET = list("城市建设发展推进新型化人民群众工作的了和") + list("X*×○，。、：“” \n\u3000ＡＡ１") + ["𠀀", "𠀁"]
pieces = st.text(alphabet=ALPHABET, max_size=60) | st.text(max_size=30)


def check(a: str, b: str, passages) -> None:
    for p in passages:
        assert 0 <= p.a_start < p.a_end <= len(a)
        assert 0 <= p.b_start < p.b_end <= len(b)
        assert p.text == a[p.a_start:p.a_end]
        assert p.kind in ("exact", "near") and 0.0 < p.similarity <= 1.0
        assert (p.kind == "exact") == (p.similarity == 1.0)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pre_a=pieces, pre_b=pieces, shared=pieces, post_a=pieces, post_b=pieces, min_chars=st.integers(1, 20))
def test_arbitrary_texts_give_in_range_offsets(pre_a, pre_b, shared, post_a, post_b, min_chars):
    a, b = pre_a + shared + post_a, pre_b + shared + post_b
    check(a, b, find_shared(a, b, min_chars=min_chars))


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=200))
def test_key_map_points_into_the_text(text):
    keyed = normalize(text)
    assert keyed.keys.shape == keyed.starts.shape == keyed.ends.shape
    if len(keyed):
        assert (keyed.starts < keyed.ends).all() and int(keyed.ends.max()) <= len(text)
        assert (keyed.starts[1:] >= keyed.ends[:-1]).all()


@settings(max_examples=60, deadline=None)
@given(a=st.text(alphabet=ALPHABET, max_size=80), b=st.text(alphabet=ALPHABET, max_size=80))
def test_diff_rebuilds_both_texts(a, b):
    ops = diff_passage(a, b)
    assert "".join(t for op, t in ops if op <= 0) == a
    assert "".join(t for op, t in ops if op >= 0) == b


def test_engine_never_imports_qt():
    code = ("import sys, reader.core.reuse, reader.core.reuse.phrases;"
            "sys.exit(any(m.startswith(('PySide6', 'PyQt')) for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
