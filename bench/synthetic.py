"""Synthetic corpora of any size from real speech paragraphs, with planted shared passages.

Background: paragraphs of the government work reports (1954–2015) and the five sample speeches,
shuffled into ~20,000-character speeches. That reuses every paragraph many times over (1.1 M
characters of source for 20 M of corpus), which is the point: it stresses frequent n-grams the
way real formulae do.

Ground truth: a tenth of the paragraphs is held out and never used as background. Planted
passages are runs of whole clauses from them, put after a sentence end in two speeches: "exact"
copies, and "near" copies with 3–10% of characters edited (substituted, deleted, inserted, or a
name placeholder swapped). Every document is a pure function of (seed, index), so a corpus of
10,000 speeches is never held in memory.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
REPORTS = SHARED / "corpora" / "gov_work_reports_1954-2015.tsv"
SEEDS = SHARED / "seeds"
SPEECH_CHARS = 20_000
_CLAUSE = re.compile(r"[^，。；：！？]+[，。；：！？]")
# common hanzi used for substitutions and insertions
_FILLER = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所"
    "民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日"
    "那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想"
    "已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指"
    "几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权"
    "收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集"
    "温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支"
    "般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属"
    "圆包火住调满县局照参红细引听该铁价严龙飞"
)


def _paragraphs() -> list[str]:
    """Every paragraph of the reports and the seeds (20+ characters)."""
    paras = []
    if REPORTS.exists():
        for line in REPORTS.read_text(encoding="utf-8").splitlines():
            _, _, text = line.partition("\t")
            paras.extend(p.strip() for p in text.split("\u3000\u3000"))
    for path in sorted(SEEDS.glob("*.txt")):
        paras.extend(p.strip() for p in path.read_text(encoding="utf-8").splitlines())
    return [p for p in paras if len(p) >= 20]


@dataclass(frozen=True)
class Plant:
    """A passage planted in two speeches: text_a in doc_a, text_b (maybe edited) in doc_b."""

    pid: int
    kind: str          # "exact" | "near"
    doc_a: int
    doc_b: int
    text_a: str
    text_b: str


def _edit(text: str, rng: random.Random, rate: float) -> str:
    """text with about rate * len(text) single-character edits (and maybe a placeholder swap)."""
    chars = list(text)
    n_edits = max(1, round(rate * len(chars)))
    for _ in range(n_edits):
        i = rng.randrange(len(chars))
        op = rng.random()
        if op < 0.5:
            chars[i] = rng.choice(_FILLER)
        elif op < 0.75 and len(chars) > 12:
            del chars[i]
        else:
            chars.insert(i, rng.choice(_FILLER))
    return "".join(chars)


class SyntheticCorpus:
    """n speeches (id = index) with planted passages; iterate for (id, text)."""

    def __init__(self, n_docs: int, seed: int = 1, plants_per_kind: int | None = None):
        self.n_docs, self.seed = n_docs, seed
        rng = random.Random(seed)
        paras = _paragraphs()
        rng.shuffle(paras)
        held = max(50, len(paras) // 10)
        self.donors, self.background = paras[:held], paras[held:]
        per_kind = plants_per_kind if plants_per_kind is not None else min(200, max(20, n_docs))
        self.plants: list[Plant] = []
        for kind in ("exact", "near"):
            for _ in range(per_kind):
                self.plants.append(self._plant(len(self.plants), kind, rng))
        self.by_doc: dict[int, list[tuple[Plant, str]]] = {}
        for p in self.plants:
            self.by_doc.setdefault(p.doc_a, []).append((p, "a"))
            self.by_doc.setdefault(p.doc_b, []).append((p, "b"))

    def _plant(self, pid: int, kind: str, rng: random.Random) -> Plant:
        lo, hi = (12, 120) if kind == "exact" else (30, 240)
        while True:
            clauses = _CLAUSE.findall(rng.choice(self.donors))
            if not clauses:
                continue
            i = rng.randrange(len(clauses))
            text = ""
            while i < len(clauses) and len(text) < lo:
                text += clauses[i]
                i += 1
            text = text.rstrip("，。；：！？")
            if lo <= len(text) <= hi:
                break
        a, b = rng.sample(range(self.n_docs), 2)
        edited = _edit(text, rng, rng.uniform(0.03, 0.10)) if kind == "near" else text
        return Plant(pid, kind, a, b, text, edited)

    def __len__(self) -> int:
        return self.n_docs

    def speech(self, i: int) -> tuple[str, list[tuple[Plant, int, int]]]:
        """Speech i and the (plant, start, end) of every passage planted in it."""
        rng = random.Random(self.seed * 1_000_003 + i)
        parts, size = [], 0
        while size < SPEECH_CHARS:
            para = rng.choice(self.background)
            parts.append(para)
            size += len(para) + 1
        planted = []
        for plant, side in self.by_doc.get(i, []):
            j = rng.randrange(len(parts))
            text = plant.text_a if side == "a" else plant.text_b
            parts[j] = parts[j] + text + "。"
            planted.append((j, plant, len(parts[j]) - len(text) - 1))
        offsets, pos = [], 0
        for part in parts:
            offsets.append(pos)
            pos += len(part) + 1
        spans = []
        for j, plant, rel in planted:
            text = plant.text_a if (plant.doc_a == i) else plant.text_b
            spans.append((plant, offsets[j] + rel, offsets[j] + rel + len(text)))
        return "\n".join(parts), spans

    def __iter__(self):
        for i in range(self.n_docs):
            yield i, self.speech(i)[0]
