"""`duidu remove`, `excerpt edit|delete`, `tag list|rename|delete|merge`, help texts, reading beside an open window."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from reader.cli import build_parser, run

ROOT = Path(__file__).resolve().parents[2]
QUOTE = "城镇化是现代化的必由之路，既是经济发展的结果，又是经济发展的动力"
HOLDER = ("import sys; from reader.core.store import Library; lib = Library(sys.argv[1]);"
          "print('ready', flush=True); sys.stdin.read()")


def excerpts(cli) -> list[dict]:
    return json.loads(cli("excerpt", "list", "--json")[1])


def tags(cli) -> list[dict]:
    return json.loads(cli("tag", "list", "--json")[1])


def test_excerpt_edit_changes_note_and_tags_in_one_go(cli):
    cli("excerpt", "add", "1", "--quote", QUOTE, "--tag", "城镇化/意义", "--note", "旧")
    status, out, err = cli("excerpt", "edit", "1", "--note", "新的备注", "--tag", "城市更新", "--untag", "意义")
    assert status == 0, err
    assert "城市更新" in out and "新的备注" in out
    [item] = excerpts(cli)
    assert item["note"] == "新的备注" and item["tags"] == ["城市更新"] and item["quote"] == QUOTE
    status, out, _ = cli("excerpt", "edit", "1", "--tag", "城镇化/意义")
    assert excerpts(cli)[0]["tag_paths"] == ["城镇化 / 意义", "城市更新"] and "城镇化 / 意义" in out
    assert cli("excerpt", "edit", "1", "--note", "")[0] == 0 and excerpts(cli)[0]["note"] == ""


def test_excerpt_edit_refusals_change_nothing(cli):
    cli("excerpt", "add", "1", "--quote", QUOTE, "--tag", "意义", "--note", "留着")
    before, tags_before = excerpts(cli), tags(cli)
    status, _, err = cli("excerpt", "edit", "1")
    assert status == 2 and "--note" in err
    # a tag it does not carry: the new tag asked for in the same call is not created either
    status, _, err = cli("excerpt", "edit", "1", "--tag", "全新", "--untag", "城市更新")
    assert status == 1 and "No tag “城市更新”" in err
    status, _, err = cli("excerpt", "edit", "1", "--note", "x", "--tag", "另一个新标签", "--untag", "全新")
    assert status == 1 and "No tag “全新”" in err          # the first call's new tag was rolled back
    cli("excerpt", "add", "3", "--quote", "从3个省级试点县先行先试", "--tag", "城市更新")
    status, _, err = cli("excerpt", "edit", "1", "--note", "x", "--tag", "另一个新标签", "--untag", "城市更新")
    assert status == 1 and "has no tag “城市更新”" in err
    assert excerpts(cli)[0] == before[0]
    assert {t["name"] for t in tags(cli)} == {t["name"] for t in tags_before} | {"城市更新"}
    status, _, err = cli("excerpt", "edit", "99", "--note", "x")
    assert status == 1 and "No excerpt with id 99" in err


def test_excerpt_delete(cli):
    cli("excerpt", "add", "1", "--quote", QUOTE, "--tag", "意义")
    cli("excerpt", "add", "3", "--quote", "从3个省级试点县先行先试", "--tag", "意义")
    status, out, _ = cli("excerpt", "delete", "1")
    assert status == 0 and "Deleted excerpt 1" in out
    assert [x["id"] for x in excerpts(cli)] == [2]
    assert [t["name"] for t in tags(cli)] == ["意义"]          # the tag stays
    status, _, err = cli("excerpt", "delete", "1")
    assert status == 1 and "No excerpt with id 1" in err


def test_tag_list_rename_merge_delete(cli):
    cli("excerpt", "add", "1", "--quote", QUOTE, "--tag", "城镇化/意义")
    cli("excerpt", "add", "3", "--quote", "从3个省级试点县先行先试", "--tag", "试点")
    status, out, _ = cli("tag", "list")
    assert status == 0 and out.splitlines()[1].split()[1:] == ["意义", "#3cb44b", "(1)"]
    assert out.splitlines()[1].index("意义") > out.splitlines()[0].index("城镇化")     # indented under its parent
    assert [t["path"] for t in tags(cli)] == ["城镇化", "城镇化 / 意义", "试点"]
    assert "[城镇化 / 意义]" in cli("excerpt", "list")[1]        # a child tag keeps its parent's name
    status, out, _ = cli("tag", "rename", "城镇化/意义", "重要意义")
    assert status == 0 and [t["path"] for t in tags(cli)][1] == "城镇化 / 重要意义"
    status, _, err = cli("tag", "rename", "试点", "城镇化")
    assert status == 1 and "already a tag" in err
    status, out, _ = cli("tag", "merge", "试点", "重要意义")
    assert status == 0 and "1 excerpt" in out
    assert [t["path"] for t in tags(cli)] == ["城镇化", "城镇化 / 重要意义"]
    assert {tuple(x["tags"]) for x in excerpts(cli)} == {("重要意义",)}
    status, _, err = cli("tag", "merge", "城镇化", "重要意义")
    assert status == 1 and "itself" in err
    status, out, _ = cli("tag", "delete", "城镇化")
    assert status == 0 and "1 subtag moved up" in out and "0 excerpts" in out
    assert [t["path"] for t in tags(cli)] == ["重要意义"]
    assert len(excerpts(cli)) == 2                              # excerpts never go with a tag
    status, _, err = cli("tag", "delete", "没有")
    assert status == 1 and "No tag “没有”" in err


def test_remove_keeps_a_speech_with_excerpts_unless_asked(cli):
    cli("excerpt", "add", "1", "--quote", QUOTE, "--tag", "意义")
    status, _, err = cli("remove", "1")
    assert status == 1 and "holds 1 excerpt;" in err and "--with-excerpts" in err
    assert len(json.loads(cli("list", "--json")[1])) == 5 and len(excerpts(cli)) == 1
    status, out, _ = cli("remove", "2")
    assert status == 0 and "0 excerpts" in out
    status, out, _ = cli("remove", "1", "--with-excerpts")
    assert status == 0 and "1 excerpt with it" in out
    assert [d["id"] for d in json.loads(cli("list", "--json")[1])] == [3, 4, 5] and excerpts(cli) == []
    status, _, err = cli("remove", "1")
    assert status == 1 and "No speech with id 1" in err
    assert cli("shared", "3", "5")[0] == 0      # the index forgot the removed speeches


def test_errors_in_chinese(cli, monkeypatch):
    monkeypatch.setenv("DUIDU_LANG", "zh")
    status, _, err = cli("excerpt", "delete", "7")
    assert status == 1 and "没有编号为 7 的摘录" in err
    status, _, err = cli("tag", "rename", "无", "有")
    assert status == 1 and "没有标签“无”" in err
    status, _, err = cli("remove", "42")
    assert status == 1 and "文库中没有编号为 42 的讲话" in err


def _actions(parser: argparse.ArgumentParser, prefix=()):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _actions(sub, prefix + (name,))
        elif not isinstance(action, (argparse._HelpAction, argparse._VersionAction)):
            yield prefix, action


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_argument_has_help(monkeypatch, lang):
    monkeypatch.setenv("DUIDU_LANG", lang)
    found = list(_actions(build_parser()))
    missing = [" ".join(p) + " " + (a.option_strings or [a.dest])[0] for p, a in found if not a.help]
    assert missing == []
    assert {("remove",), ("tag", "list"), ("tag", "merge"), ("excerpt", "edit"), ("excerpt", "delete")} <= \
        {p for p, _ in found}


@pytest.fixture
def window_holds_the_library(isolated_home):
    """Another process holding the library's lock, as an open window does."""
    assert run(["import", "--bundled"]) == 0
    assert run(["excerpt", "add", "1", "--quote", QUOTE, "--tag", "城镇化/意义"]) == 0
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(isolated_home)], cwd=ROOT, text=True,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert child.stdout.readline().strip() == "ready"
    yield child
    child.kill()
    child.wait()


def test_read_only_commands_work_while_the_window_holds_the_library(window_holds_the_library, capsys, tmp_path):
    capsys.readouterr()
    assert run(["list"]) == 0 and "在市委新型城镇化" in capsys.readouterr().out
    assert run(["text", "1"]) == 0 and QUOTE in capsys.readouterr().out
    assert run(["excerpt", "list"]) == 0 and QUOTE[:20] in capsys.readouterr().out
    assert run(["tag", "list"]) == 0 and "意义" in capsys.readouterr().out
    target = tmp_path / "out.docx"
    assert run(["export", "--by", "speech", "--headings", "-o", str(target)]) == 0
    assert capsys.readouterr().out.startswith("1 excerpt exported")
    assert QUOTE in zipfile.ZipFile(target).read("word/document.xml").decode("utf-8")
    # the writing commands say why they cannot run, and change nothing
    for argv in (["remove", "2"], ["excerpt", "delete", "1"], ["excerpt", "edit", "1", "--note", "x"],
                 ["tag", "rename", "意义", "x"], ["tag", "delete", "意义"]):
        assert run(argv) == 3, argv
        assert "in use by another copy" in capsys.readouterr().err
    window_holds_the_library.kill()
    window_holds_the_library.wait()
    assert run(["excerpt", "list", "--json"]) == 0
    [item] = json.loads(capsys.readouterr().out)
    assert item["note"] == "" and item["tags"] == ["意义"]


def test_compare_screenshot_while_the_window_holds_the_library(window_holds_the_library, isolated_home, tmp_path):
    shot = tmp_path / "compare.png"
    done = subprocess.run([sys.executable, "-m", "reader", "compare", "1", "3", "--size", "900x600",
                           "--screenshot", str(shot)], cwd=ROOT, capture_output=True, text=True, timeout=180,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert shot.stat().st_size > 10_000


def test_argparse_speaks_the_readers_language(capsys, monkeypatch):
    monkeypatch.setenv("DUIDU_LANG", "zh")
    with pytest.raises(SystemExit) as stop:
        run(["remove", "x"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "用法：duidu remove" in err and "错误：参数 ID：无效的 int 值：'x'" in err
    with pytest.raises(SystemExit):
        run(["tag", "merge", "--help"])
    out = capsys.readouterr().out
    assert "显示此帮助信息并退出" in out and "接收其摘录的标签" in out
    monkeypatch.setenv("DUIDU_LANG", "en")
    with pytest.raises(SystemExit):
        run(["export"])
    assert "the following arguments are required: -o/--output" in capsys.readouterr().err
