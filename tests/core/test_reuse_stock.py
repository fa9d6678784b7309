"""Stock vs distinctive: the reference model (build, load), the graded score, formula splitting, snapping."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from reader.core.reuse import ReuseIndex, ReuseSettings, find_shared
from reader.core.reuse.normalize import normalize
from reader.core.reuse.pairwise import shared_matches
from reader.core.reuse.reference import ReferenceModel, model_path, reference_model
from reader.core.reuse.stock import MIN_FORMULA_KEYS, split_points

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ROOT.parent / "shared" / "corpora"
OFFICIALESE = "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神"
BORROWED = "实施一中心六组团城市发展战略，把郑东新区打造成为城市副中心"


def _pair(shared: str) -> tuple[str, str]:
    return ("甲方开头的几句话完全不同。" + shared + "。甲方结尾各异。",
            "乙方另外有一段开头文字。" + shared + "！乙方其它话。")


def test_shipped_model_loads_and_knows_official_wording():
    model = reference_model()
    assert model is not None and model_path().is_file()
    assert model_path().stat().st_size < 3 * 1024 * 1024
    assert model.n_docs >= 59 and model.hashes.size > 10_000
    assert np.all(np.diff(model.hashes.astype(np.int64)) > 0)          # sorted, unique: searchsorted works
    common = model.gram_df(normalize("加快转变经济发展方式").keys)
    local = model.gram_df(normalize("郑东新区打造成为城市副中心").keys)
    assert common.max() >= 6 and local.max() <= 1
    assert model.formula("五位一体").items[0] == "经济建设"


def test_build_script_is_reproducible(tmp_path):
    if not (CORPORA / "gov_work_reports_1954-2015.tsv").is_file():
        pytest.skip("shared corpora absent")
    reports = tmp_path / "r.tsv"
    lines = (CORPORA / "gov_work_reports_1954-2015.tsv").read_text("utf-8").splitlines()[-4:]
    reports.write_text("\n".join(lines), "utf-8")
    texts = tmp_path / "t.jsonl"
    recent = (CORPORA / "official_texts_1982-2025.jsonl").read_text("utf-8").splitlines()[-2:]
    texts.write_text("\n".join(recent), "utf-8")
    outs = []
    for name in ("a.npz", "b.npz"):
        out = tmp_path / name
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        done = subprocess.run([sys.executable, "-m", "tools.build_reference_model", "--reports", str(reports),
                               "--texts", str(texts), "--out", str(out)], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["documents"] == 6
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    model = ReferenceModel.load(tmp_path / "a.npz")
    assert model.n_docs == 6 and model.gram_df(normalize("政府工作报告").keys).max() >= 2


def test_damaged_model_is_refused(tmp_path):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a model")
    with pytest.raises(Exception):
        ReferenceModel.load(bad)


def test_officialese_is_stock_and_a_borrowed_sentence_distinctive():
    [formula] = find_shared(*_pair(OFFICIALESE))
    [borrowed] = find_shared(*_pair(BORROWED))
    assert formula.cls == "stock" and formula.stock_score >= 0.9
    assert borrowed.cls == "distinctive" and borrowed.stock_score <= 0.2
    off = find_shared(*_pair(OFFICIALESE), settings=ReuseSettings(reference=False))
    assert [p.cls for p in off] == ["distinctive"] and off[0].stock_score == 0.0


def test_threshold_setting_moves_the_class_not_the_score():
    strict = find_shared(*_pair("深化供给侧结构性改革，推动经济结构战略性调整"), settings=ReuseSettings(stock_score=0.99))
    lax = find_shared(*_pair("深化供给侧结构性改革，推动经济结构战略性调整"), settings=ReuseSettings(stock_score=0.05))
    assert [p.stock_score for p in strict] == [p.stock_score for p in lax]
    assert all(p.cls == "stock" for p in lax)
    assert any(p.cls == "distinctive" for p in strict)


def test_a_formula_inside_a_borrowed_passage_is_split_off():
    text = BORROWED + "，以人为核心推进新型城镇化"
    passages = find_shared(*_pair(text))
    assert len(passages) == 2
    head, tail = passages
    assert head.cls == "distinctive" and tail.cls == "stock"
    assert tail.text == "以人为核心推进新型城镇化" and head.text.startswith("实施一中心六组团")
    a, b = _pair(text)
    for p in passages:
        assert a[p.a_start:p.a_end] == b[p.b_start:p.b_end] == p.text


def test_split_points_merge_short_leftovers():
    grades = np.array([0.0] * 10 + [1.0] * MIN_FORMULA_KEYS + [0.0] * 3, dtype=np.float32)
    assert split_points(grades, 0.5) == [0, 10, len(grades)]          # 3 keys left over join the formula
    assert split_points(np.ones(12, dtype=np.float32), 0.5) == [0, 12]
    short = np.array([0.0] * 6 + [1.0] * (MIN_FORMULA_KEYS - 1) + [0.0] * 6, dtype=np.float32)
    assert split_points(short, 0.5) == [0, len(short)]               # too short a stretch to split off


def test_library_df_still_counts_a_pet_phrase_as_stock(tmp_path):
    pet = "坚持规划建设管理三篇文章一起做，打造宜居宜业宜游品质城区"
    samples = sorted((ROOT / "corpus").glob("*.txt"))
    conn = sqlite3.connect(tmp_path / "lib.db", isolation_level=None)
    index = ReuseIndex(conn)
    for doc_id, path in enumerate(samples, 1):
        text = path.read_text("utf-8")
        index.add_document(doc_id, text[:400] + "。" + pet + "。" + text[400:800])
    pieces = [p for p in index.passages_between(1, 2) if pet[:6] in p.text]
    assert pieces and pieces[0].df == len(samples) and pieces[0].cls == "stock" and pieces[0].stock_score == 1.0
    assert find_shared(*_pair(pet))[0].cls == "distinctive"      # outside the library it is nobody's formula


def test_snapping_never_drops_a_real_match():
    # 贯彻党的宗教工作基本方针 is 12 keys whose edges sit inside words on both sides
    a = "我们要认真贯彻党的宗教工作基本方针政策"
    b = "他们都认真贯彻党的宗教工作基本方针路线"
    ka, kb = normalize(a), normalize(b)
    settings = ReuseSettings(reference=False)
    snapped = shared_matches(ka, kb, settings, 12)
    raw = shared_matches(ka, kb, ReuseSettings(reference=False, snap=False), 12)
    assert raw and len(snapped) == len(raw)
    assert all(m.a1 - m.a0 >= 12 for m in snapped)


def test_minimum_counts_meaningful_characters():
    # 10 keys spread over 11 characters with the enumeration comma: too short at a minimum of 11
    core = "城市更新、老旧小区改造、"
    a, b = "甲" + core + "乙", "丙" + core + "丁"
    assert len(normalize(core)) == 10
    settings = ReuseSettings(reference=False)
    assert find_shared(a, b, min_chars=11, settings=settings) == []
    assert [p.text for p in find_shared(a, b, min_chars=10, settings=settings)] == ["城市更新、老旧小区改造"]


def test_shared_list_and_search_never_import_jieba(tmp_path):
    sample = ROOT / "corpus" / "01_2022_henan_city_new_urbanization_work_meeting.txt"
    other = ROOT / "corpus" / "03_2022_henan_city_hundred_cities_upgrade_and_civilised_city_meeting.txt"
    code = ("import sys, io, contextlib\nfrom reader.cli import run\n"
            "for args in (['shared', sys.argv[1], sys.argv[2], '--json'], ['list'], ['search', '城镇化']):\n"
            "    with contextlib.redirect_stdout(io.StringIO()):\n        run(args)\n"
            "    assert 'jieba' not in sys.modules, args\nprint('clean')\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT), DUIDU_HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", code, str(sample), str(other)], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0 and "clean" in done.stdout, done.stderr


def test_cli_shared_json_on_two_reports_alone_in_a_library(tmp_path):
    samples = sorted((ROOT / "corpus").glob("*.txt"))
    first, second = samples[0].read_text("utf-8"), samples[4].read_text("utf-8")
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("政府工作报告\n" + first[:600] + OFFICIALESE + "。" + first[600:1500] + BORROWED + "。"
                 + first[1500:2500], "utf-8")
    b.write_text("政府工作报告\n" + second[:900] + BORROWED + "。" + second[900:1800] + OFFICIALESE + "。"
                 + second[1800:2600], "utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT), DUIDU_HOME=str(tmp_path / "lib"))
    cli = [sys.executable, "-m", "reader"]
    done = subprocess.run(cli + ["import", str(a), str(b)], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    done = subprocess.run(cli + ["shared", "1", "2", "--json"], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    passages = json.loads(done.stdout)
    by_text = {p["text"]: p for p in passages}
    assert by_text[OFFICIALESE]["class"] == "stock" and by_text[OFFICIALESE]["stock_score"] >= 0.9
    assert by_text[BORROWED]["class"] == "distinctive" and by_text[BORROWED]["stock_score"] < 0.5
    assert all(p["df"] == 2 for p in passages)


@pytest.mark.parametrize("x,y", [
    ("维护劳动者合法权益，构建和谐的劳动关系", "维护劳动者权益，构建和谐劳动关系"),
    ("政策连续性和稳定性，增强前瞻性、针对性", "政策连续性稳定性，增强调控的前瞻性针对性"),
    ("中小河流治理、小型水库和病险水闸除险加固以及山洪地质灾害", "中小河流治理、小型水库除险加固和山洪地质灾害"),
    ("我们要全面正确贯彻党的民族政策", "我们要全面的正确贯的彻党民族政策"),
])
def test_reworded_clauses_are_found_as_near_passages(x, y):
    samples = sorted((ROOT / "corpus").glob("*.txt"))
    host_a, host_b = samples[0].read_text("utf-8"), samples[4].read_text("utf-8")
    a = host_a[:2000] + "。" + x + "。" + host_a[2000:4000]
    b = host_b[:3000] + "。" + y + "。" + host_b[3000:5000]
    hits = [p for p in find_shared(a, b, settings=ReuseSettings(reference=False))
            if p.a_start < 2001 + len(x) and p.a_end > 2001]
    assert len(hits) == 1
    p = hits[0]
    assert p.kind == "near" and 0.8 <= p.similarity < 1.0
    assert (p.a_start, p.a_end) == (2001, 2001 + len(x))
    assert b[p.b_start:p.b_end] == y


def test_a_split_never_leaves_a_piece_that_is_not_reuse():
    # the formula's edge falls next to an edit: the near passage stays whole rather than leave
    # a piece such as 部署，扎实推进中国式现代化 / 部署 behind
    a = "甲方开头。全面贯彻党的二十大精神，按照党中央决策部署，扎实推进中国式现代化建设。甲方结尾。"
    b = "乙方开头。全面贯彻党的二十大和二十届二中、三中全会精神，按照党中央决策部署，扎实推进中国式现代化建设。乙方结尾。"
    for p in find_shared(a, b):
        if p.kind == "near":
            assert p.similarity >= 0.8


def test_library_phrases_carry_a_graded_score(tmp_path):
    samples = sorted((ROOT / "corpus").glob("*.txt"))
    conn = sqlite3.connect(tmp_path / "lib.db", isolation_level=None)
    index = ReuseIndex(conn)
    for doc_id, path in enumerate(samples[:2], 1):
        text = path.read_text("utf-8")
        index.add_document(doc_id, text[:500] + "。" + OFFICIALESE + "。" + text[500:900] + "。" + BORROWED + "。")
    phrases = {p.text: p for p in index.phrases()}
    assert phrases[OFFICIALESE].cls == "stock" and phrases[OFFICIALESE].stock_score >= 0.9
    assert phrases[BORROWED].cls == "distinctive" and phrases[BORROWED].stock_score < 0.5
    assert phrases[BORROWED].to_dict()["stock_score"] == phrases[BORROWED].stock_score


def test_a_library_phrase_that_embeds_a_formula_is_split_at_every_occurrence(tmp_path):
    samples = sorted((ROOT / "corpus").glob("*.txt"))
    conn = sqlite3.connect(tmp_path / "lib.db", isolation_level=None)
    index = ReuseIndex(conn)
    texts = {}
    for doc_id, path in enumerate(samples[:2], 1):
        text = path.read_text("utf-8")
        texts[doc_id] = text[:500] + "。" + BORROWED + "，以人为核心推进新型城镇化。" + text[500:900]
        index.add_document(doc_id, texts[doc_id])
    phrases = {p.text: p for p in index.phrases()}
    formula, rest = phrases["以人为核心推进新型城镇化"], phrases[BORROWED]
    assert formula.cls == "stock" and rest.cls == "distinctive"
    for phrase in (formula, rest):
        assert [texts[d][s:e] for d, s, e in phrase.positions] == [phrase.text, phrase.text]


def test_without_a_model_the_library_alone_decides(monkeypatch):
    from reader.core.reuse import reference

    monkeypatch.setattr(reference, "_loaded", True)
    monkeypatch.setattr(reference, "_model", None)
    [p] = find_shared(*_pair(OFFICIALESE))
    assert p.cls == "distinctive" and p.stock_score == 0.0 and p.text == OFFICIALESE
