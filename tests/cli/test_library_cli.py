"""The command line over the library: import, list, text, outline, set; errors on stderr with a status."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import run

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"


def call(capsys, *args):
    code = run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_import_folder_then_list(capsys):
    code, out, _ = call(capsys, "import", str(CORPUS))
    assert code == 0 and out.startswith("5 imported")
    code, out, _ = call(capsys, "import", str(CORPUS))
    assert "0 imported, 5 already" in out
    code, out, _ = call(capsys, "list", "--json")
    rows = json.loads(out)
    assert len(rows) == 5
    assert {"id", "title", "date", "place", "chars"} <= set(rows[0])


def test_text_is_the_string_offsets_index(capsys):
    call(capsys, "import", "--bundled")
    code, out, _ = call(capsys, "text", "5")
    assert code == 0
    assert out.startswith("在2024年全市高品质城市建设工作推进会议上的讲话\n同志们：")
    assert "zciku" not in out and "来源：" not in out
    code, outline, _ = call(capsys, "outline", "5", "--json")
    nodes = json.loads(outline)
    heading = next(n for n in nodes if n["kind"] == "heading")
    assert out[heading["start"]:heading["start"] + 2] == heading["label"]
    assert {"level", "label", "title", "start", "end", "kind", "inline", "part", "run", "children"} == set(heading)


def test_a_file_already_in_the_library_resolves_to_it(capsys):
    call(capsys, "import", "--bundled")
    path = sorted(CORPUS.glob("0*.txt"))[4]
    _, by_file, _ = call(capsys, "text", str(path))
    _, by_id, _ = call(capsys, "text", "5")
    assert by_file == by_id


def test_outline_of_a_loose_file(capsys, tmp_path):
    speech = tmp_path / "s.txt"
    speech.write_text("同志们：\n今天开会。\n一、总体要求\n内容。\n二、重点任务\n内容。\n同志们，加油！\n", encoding="gbk")
    code, out, _ = call(capsys, "outline", str(speech), "--json")
    nodes = json.loads(out)
    assert [n["kind"] for n in nodes] == ["opening", "heading", "heading", "closing"]
    assert [n["label"] for n in nodes] == ["", "一、", "二、", ""]


def test_bad_files_are_reported_and_others_imported(capsys, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("同志们：\n一、要求\n内容。", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, err = call(capsys, "import", str(empty), str(good))
    assert code == 1
    assert "empty.txt" in err
    assert out.startswith("1 imported")
    _, listing, _ = call(capsys, "list", "--json")
    assert len(json.loads(listing)) == 1


def test_errors_in_chinese_on_a_chinese_system(capsys, monkeypatch):
    monkeypatch.setenv("DUIDU_LANG", "zh")
    code, _, err = call(capsys, "text", "42")
    assert code != 0 and "42" in err and "文库" in err


def test_set_edits_details(capsys):
    call(capsys, "import", "--bundled")
    assert call(capsys, "set", "2", "--date", "2016", "--speaker", "X")[0] == 0
    _, out, _ = call(capsys, "list", "--json")
    row = next(r for r in json.loads(out) if r["id"] == 2)
    assert (row["date"], row["speaker"]) == ("2016", "X")


def test_set_encoding_redecodes_a_speech(capsys, tmp_path):
    text = "同志们：\n一、总体要求\n镕基同志讲过的话。\n"
    path = tmp_path / "gbk.txt"
    path.write_bytes(text.encode("gb18030"))
    call(capsys, "import", str(path), "--encoding", "latin-1")
    _, out, _ = call(capsys, "text", "1")
    assert "同志们" not in out
    assert call(capsys, "set", "1", "--encoding", "gbk")[0] == 0
    _, out, _ = call(capsys, "text", "1")
    assert out.startswith("同志们：")


def test_unknown_command_fails(capsys):
    with pytest.raises(SystemExit) as info:
        run(["frobnicate"])
    assert info.value.code == 2


def test_real_process_prints_utf8_and_exit_status(tmp_path):
    env = {"DUIDU_HOME": str(tmp_path / "h"), "DUIDU_LANG": "en", "PATH": ""}
    import os

    env = {**os.environ, **env}
    done = subprocess.run([sys.executable, "-m", "reader", "import", "--bundled"], capture_output=True, env=env)
    assert done.returncode == 0
    listed = subprocess.run([sys.executable, "-m", "reader", "list"], capture_output=True, env=env)
    assert "在市委新型城镇化工作推进会上的讲话" in listed.stdout.decode("utf-8")
    missing = subprocess.run([sys.executable, "-m", "reader", "text", "99"], capture_output=True, env=env)
    assert missing.returncode != 0 and b"99" in missing.stderr


def test_output_without_a_console_does_not_crash(capsys, monkeypatch):
    """A windowed build has sys.stdout = None; commands still run (and exit cleanly)."""
    call(capsys, "import", "--bundled")
    monkeypatch.setattr("sys.stdout", None)
    assert run(["list"]) == 0


def test_selfcheck_passes_from_source(tmp_path):
    import os

    out = tmp_path / "report.json"
    done = subprocess.run([sys.executable, "-m", "reader", "selfcheck", "--no-qt", "--out", str(out)],
                          capture_output=True, env={**os.environ, "DUIDU_HOME": str(tmp_path / "h")})
    assert done.returncode == 0, done.stderr.decode()
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report
