"""The reference model of official language: how widespread wording is outside the user's library.

Built offline by tools/build_reference_model.py from public national texts and shipped under
resources/reference/. It holds the document frequency of every character n-gram (of matching keys)
found in two or more reference documents, a word list for snapping edges without jieba, and a
curated list of national formulae and set phrases. Loaded on first use (about 50 ms), never at
start-up; a missing or unreadable file means "no reference" and the library's own counts decide.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from reader.core.paths import asset_dir
from reader.core.reuse.normalize import NORMALIZE_VERSION, Keyed, normalize
from reader.core.reuse.seeds import fingerprint_values, gram_hashes

MODEL_VERSION = 1
GRAM = 6                 # n-gram size, in keys: long enough to be wording, short enough to be shared
BORROW_DF = 2            # a gram in this few reference documents may be one borrowing: grade 0
FULL_DF = 6              # a gram in this many is plainly stock: grade 1 (graded linearly between)
MODEL_PATH = Path("reference") / "official_language.npz"


@dataclass(frozen=True)
class KnownFormula:
    """A national formula from the curated list, with its definition and listed items."""

    term: str
    definition: str
    items: tuple[str, ...]
    df: int                  # reference documents using it


class ReferenceModel:
    """Gram frequencies, words and known formulae of official language."""

    def __init__(self, hashes: np.ndarray, df: np.ndarray, words: list[str], word_counts: np.ndarray,
                 formulae: list[KnownFormula], phrases: list[str], meta: dict):
        self.hashes, self.df, self.meta = hashes, df, meta
        self.n_docs = int(meta.get("n_docs", 0))
        self.formulae = formulae
        self.phrases = phrases
        self._words, self._word_counts = words, word_counts
        self._word_logp: dict[str, float] | None = None
        self._known_re: re.Pattern | None = None

    @classmethod
    def load(cls, path: Path) -> "ReferenceModel":
        """Read a model file; ValueError when it is not one this version can use."""
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(bytes(data["meta"]).decode("utf-8"))
            if meta.get("gram") != GRAM or meta.get("normalize_version") != NORMALIZE_VERSION:
                raise ValueError(f"reference model {path} was built for other matching keys")
            words = bytes(data["words"]).decode("utf-8").split("\n")
            formulae = [KnownFormula(f["term"], f["definition"], tuple(f["items"]), int(f["df"]))
                        for f in json.loads(bytes(data["formulae"]).decode("utf-8"))]
            phrases = [p for p in bytes(data["phrases"]).decode("utf-8").split("\n") if p]
            return cls(data["hashes"].astype(np.uint32), data["df"].astype(np.uint16), words,
                       data["word_counts"].astype(np.uint32), formulae, phrases, meta)

    # --- gram frequencies ----------------------------------------------------------------

    def gram_df(self, keys: np.ndarray) -> np.ndarray:
        """Reference document frequency of each GRAM-gram of keys (element i: keys[i:i+GRAM])."""
        values = fingerprint_values(gram_hashes(keys, GRAM))
        if values.size == 0 or self.hashes.size == 0:
            return np.zeros(values.size, dtype=np.uint16)
        at = np.minimum(np.searchsorted(self.hashes, values), self.hashes.size - 1)
        return np.where(self.hashes[at] == values, self.df[at], 0).astype(np.uint16)

    def key_grades(self, keys: np.ndarray) -> np.ndarray:
        """How stock each key is in official writing, 0..1: the best grade of the grams covering it,
        and 1 inside a known formula or set phrase."""
        grade = gram_grades(self.gram_df(keys), BORROW_DF, FULL_DF)
        out = spread(grade, GRAM, keys.shape[0])
        for lo, hi in self.known_spans(keys):
            out[lo:hi] = 1.0
        return out

    def span_grades(self, keyed: Keyed, first: int, stop: int) -> np.ndarray:
        """key_grades(keyed.keys[first:stop]), from tables made once per text and kept in its cache:
        a pair of speeches grades hundreds of passages of the same two texts."""
        tables = keyed.cache.get("reference")
        if tables is None or tables[0] is not self:
            tables = keyed.cache["reference"] = (self, gram_grades(self.gram_df(keyed.keys), BORROW_DF, FULL_DF),
                                                 self.known_spans(keyed.keys))
        _model, grams, known = tables
        # only grams and known phrases wholly inside the span count, as when the span is graded alone
        out = spread(grams[first:max(first, stop - GRAM + 1)], GRAM, stop - first)
        for lo, hi in known:
            if first <= lo and hi <= stop:
                out[lo - first:hi - first] = 1.0
        return out

    def known_spans(self, keys: np.ndarray) -> list[tuple[int, int]]:
        """Key spans where a known formula or set phrase stands (overlapping ones included)."""
        if self._known_re is None:
            terms = self.phrases + [f.term for f in self.formulae if len(f.term) >= 3]
            keyed = {_key_text(normalize(t).keys) for t in terms}
            # longest first, tried at every position through a lookahead: one pass finds them all
            alternatives = sorted((k for k in keyed if len(k) >= 3), key=len, reverse=True)
            self._known_re = re.compile("(?=(" + "|".join(map(re.escape, alternatives)) + "))") if alternatives \
                else re.compile(r"(?!)")
        return [(m.start(), m.start() + len(m.group(1))) for m in self._known_re.finditer(_key_text(keys))]

    # --- words -----------------------------------------------------------------------------

    def word_logp(self) -> dict[str, float]:
        """log-probability of every known word (for the edge-snapping segmenter)."""
        if self._word_logp is None:
            counts = self._word_counts.astype(np.float64) + 1.0
            logp = np.log(counts / counts.sum())
            self._word_logp = dict(zip(self._words, logp.tolist()))
        return self._word_logp

    def formula(self, term: str) -> KnownFormula | None:
        """The known formula of that name, if any."""
        return next((f for f in self.formulae if f.term == term), None)


def _key_text(keys: np.ndarray) -> str:
    """Keys as a str (one character per key) so that str.find and re can search them."""
    chars = np.where(keys >= 0x110000, np.uint32(0xFFFC), keys).astype("<u4")   # the placeholder
    return chars.tobytes().decode("utf-32-le", "surrogatepass")


def gram_grades(df: np.ndarray, borrow: float, full: float) -> np.ndarray:
    """A gram's grade from its document frequency: 0 up to `borrow`, 1 from `full`, linear between."""
    return np.clip((df.astype(np.float32) - borrow) / max(full - borrow, 1e-6), 0.0, 1.0)


def spread(grades: np.ndarray, width: int, n_keys: int) -> np.ndarray:
    """Per key, the highest grade of the grams (each `width` keys long) that cover it."""
    out = np.zeros(n_keys, dtype=np.float32)
    if grades.size == 0:
        return out
    for j in range(width):
        np.maximum(out[j:j + grades.size], grades[:n_keys - j], out=out[j:j + grades.size])
    return out


_lock = threading.Lock()
_model: ReferenceModel | None = None
_loaded = False


def model_path() -> Path:
    """Where the shipped model file is (checkout, wheel or frozen build)."""
    return asset_dir("resources") / MODEL_PATH


def reference_model() -> ReferenceModel | None:
    """The shipped model, loaded on first call (thread-safe); None when it is missing or unreadable."""
    global _model, _loaded
    with _lock:
        if not _loaded:
            try:
                _model = ReferenceModel.load(model_path())
            except (OSError, ValueError, KeyError):
                _model = None
            _loaded = True
    return _model
