"""`duidu shared` and `duidu phrases` on a library holding the bundled samples."""

import json

import pytest

from reader.cli import run

QUOTED = "享有更多城市发展“红利”，享有均等化的公共服务和美好生活，是民之所需、民之所盼"


@pytest.fixture
def library(tmp_path, monkeypatch, capfd):
    monkeypatch.setenv("DUIDU_HOME", str(tmp_path))
    if run(["import", "--bundled"]) != 0:
        pytest.skip("bundled corpus not importable here")
    capfd.readouterr()
    return tmp_path


def output_json(capfd):
    return json.loads(capfd.readouterr().out)


def ids(capfd):
    assert run(["list", "--json"]) == 0
    by_title = {d["title"]: d["id"] for d in output_json(capfd)}
    return by_title["在市委新型城镇化工作推进会上的讲话"], by_title["在全市百城建设提质工程暨文明城市创建工作推进会上的讲话"]


def test_shared_json_between_library_ids(library, capfd):
    a, b = ids(capfd)
    assert run(["shared", str(a), str(b), "--json"]) == 0
    passages = output_json(capfd)
    hit = [p for p in passages if QUOTED in p["text"]]
    assert hit and hit[0]["df"] == 2 and hit[0]["class"] == "distinctive"
    assert run(["shared", str(a), str(b), "--min-chars", "30"]) == 0
    assert QUOTED in capfd.readouterr().out


def test_shared_with_a_loose_file_has_no_df(library, tmp_path, capfd):
    loose = tmp_path / "loose.txt"
    loose.write_text("开头。" + QUOTED + "。", encoding="utf-8")
    a, _ = ids(capfd)
    assert run(["shared", str(loose), str(a), "--json"]) == 0
    passages = output_json(capfd)
    assert passages and all(p["df"] is None for p in passages)
    assert any(QUOTED in p["text"] for p in passages)


def test_phrases_lists_the_most_widespread_with_the_earliest_speech(library, capfd):
    assert run(["phrases", "--json"]) == 0
    phrases = output_json(capfd)
    assert phrases and phrases[0]["df"] >= phrases[-1]["df"]
    quoted = [p for p in phrases if QUOTED in p["text"]]
    assert quoted and quoted[0]["earliest"] is not None
    assert run(["phrases", "--top", "3", "--min-df", "2"]) == 0
    out = capfd.readouterr().out
    assert out.startswith("1. ") and "\n3. " in out and "\n4. " not in out
