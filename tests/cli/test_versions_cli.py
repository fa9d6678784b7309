"""reimport, versions, revert, restore, set --encoding and export --review, run as a user would, reading the output."""

from __future__ import annotations

import json
import os
import sqlite3
import sys

import pytest

from reader.cli import run
from reader.core import backup_background
from reader.core.store import DB_NAME

QUOTE = "各级党委政府要把城镇化工作摆上重要议事日程"
SPEECH = ("关于推进城镇化的讲话\n一、总体要求\n（一）推进城镇化。城镇化是现代化的必由之路。"
          f"{QUOTE}，加强统筹协调。常住人口城镇化率达到54.35%。\n"
          "（二）改进城市管理。各级党委政府要把城市管理工作摆上重要议事日程，切实解决群众关心的问题。\n"
          "二、保障措施\n坚持党的全面领导是做好各项工作的根本保证。\n")


@pytest.fixture
def cli(capsys, isolated_home):
    def call(*argv):
        status = run(list(argv))
        out, err = capsys.readouterr()
        return status, out, err
    return call


@pytest.fixture
def speech_file(tmp_path, cli):
    path = tmp_path / "讲话.txt"
    path.write_text(SPEECH, encoding="utf-8")
    assert cli("import", str(path))[0] == 0
    for quote in (QUOTE, "常住人口城镇化率达到54.35%", "坚持党的全面领导"):
        status, _, err = cli("excerpt", "add", "1", "--quote", quote, "--tag", "城镇化")
        assert status == 0, err
    return path


def test_reimport_reports_and_lists_statuses_with_a_candidate(cli, speech_file, tmp_path):
    new = tmp_path / "讲话-新.txt"
    moved = SPEECH.replace(f"{QUOTE}，加强统筹协调。", "").replace("根本保证。", f"根本保证。{QUOTE}，加强统筹协调。")
    new.write_text("前言。\n" + moved.replace("54.35%", "45.53%"), encoding="utf-8")
    status, out, err = cli("reimport", "1", str(new))
    assert status == 0, err
    assert "1 stayed, 1 moved, 1 need review" in out
    status, out, _ = cli("excerpt", "list", "--json")
    items = {x["id"]: x for x in json.loads(out)}
    assert [items[i]["status"] for i in (1, 2, 3)] == ["moved", "review", "ok"]
    assert items[2]["quote"] == "常住人口城镇化率达到54.35%"                 # never re-worded
    assert items[2]["candidate"]["quote"] == "常住人口城镇化率达到45.53%"
    assert "[-" in items[2]["candidate"]["diff"] and items[1]["candidate"] is None
    status, out, _ = cli("excerpt", "list", "--review")
    assert out.count("\n") == 1 and "[review]" in out and "candidate" in out
    # the history: look, go back
    status, out, _ = cli("versions", "1", "--json")
    [version] = json.loads(out)
    assert version["reason"] == "reimport" and version["source"].endswith("讲话.txt")
    status, out, err = cli("revert", "1", str(version["id"]))
    assert status == 0 and "need review" in out, err
    status, out, _ = cli("excerpt", "list", "--json")
    assert [x["status"] for x in json.loads(out)] == ["moved", "ok", "ok"]   # 'moved' waits for the reader
    assert len(json.loads(cli("versions", "1", "--json")[1])) == 2


def test_export_marks_or_omits_review_excerpts(cli, speech_file, tmp_path):
    new = tmp_path / "new.txt"
    new.write_text(SPEECH.replace("54.35%", "45.53%"), encoding="utf-8")
    cli("reimport", "1", str(new))
    marked, omitted = tmp_path / "marked.txt", tmp_path / "omitted.txt"
    assert cli("export", "-o", str(marked))[0] == 0
    assert cli("export", "--review", "omit", "-o", str(omitted))[0] == 0
    text = marked.read_bytes().decode("utf-8-sig")
    assert "54.35%" in text and "NEEDS REVIEW" in text and text.count("NEEDS REVIEW") == 1
    assert "54.35%" not in omitted.read_bytes().decode("utf-8-sig")
    csv_path = tmp_path / "out.csv"
    cli("export", "-o", str(csv_path))
    assert ",review" in csv_path.read_bytes().decode("utf-8-sig")


def test_reencoding_uses_the_stored_bytes_not_the_file_now_on_disk(cli, tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes(SPEECH.encode("gb18030"))
    assert cli("import", str(path))[0] == 0
    path.write_text("另一篇讲话，碰巧存成了同一个文件名。" * 10, encoding="utf-8")   # replaced on disk
    status, out, err = cli("set", "1", "--encoding", "gb18030")
    assert status == 0, err
    assert QUOTE in cli("text", "1")[1] and "另一篇讲话" not in cli("text", "1")[1]
    assert "decoded again" in out


def test_reencoding_a_speech_without_stored_bytes_says_so(cli, speech_file):
    conn = sqlite3.connect(os.environ["DUIDU_HOME"] + "/" + DB_NAME)
    conn.execute("UPDATE documents SET raw_bytes = NULL")   # as imported by an older Duidu
    conn.commit()
    conn.close()
    before = cli("text", "1")[1]
    status, _, err = cli("set", "1", "--encoding", "gb18030")
    assert status == 1 and "original bytes" in err and "Traceback" not in err
    assert cli("text", "1")[1] == before


def test_wrong_encoding_is_a_message_and_changes_nothing(cli, speech_file):
    before = cli("text", "1")[1]
    for wrong in ("gb18030", "utf-16", "big5"):
        status, _, err = cli("set", "1", "--encoding", wrong)
        assert status == 1 and "Traceback" not in err, err
        assert "unusual characters" in err or f"cannot be decoded as {wrong}" in err
    status, _, err = cli("set", "1", "--encoding", "no-such-codec")
    assert status == 1 and "Traceback" not in err
    assert cli("text", "1")[1] == before
    assert cli("versions", "1")[1].startswith("No earlier versions")
    status, out, err = cli("set", "1", "--encoding", "utf-16", "--force")     # the reader insists: kept, revertible
    assert status == 0 and "3 need review" in out, err
    version = json.loads(cli("versions", "1", "--json")[1])[0]["id"]
    assert cli("revert", "1", str(version))[0] == 0 and cli("text", "1")[1] == before


def test_reimporting_another_speech_s_text_is_refused(cli, speech_file, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("另一篇讲话。" * 20, encoding="utf-8")
    cli("import", str(other))
    status, _, err = cli("reimport", "1", str(other))
    assert status == 1 and "same as speech 2" in err
    status, _, err = cli("reimport", "9", str(other))
    assert status == 1 and "No speech with id 9" in err


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names may be any bytes")
def test_a_file_name_that_is_not_utf8_does_not_stop_the_batch(cli, tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "good.txt").write_text("第一篇讲话的正文。" * 5, encoding="utf-8")
    bad = os.path.join(os.fsencode(folder), b"\xb9\xfa\xce\xf1\xd4\xba.txt")   # 国务院 in GBK bytes
    with open(bad, "wb") as handle:
        handle.write("第二篇讲话的正文。".encode("utf-8") * 5)
    status, out, err = cli("import", str(folder))
    assert status == 0, err
    assert "2 imported" in out
    status, out, _ = cli("list", "--json")
    assert any("\ufffd" in (d["source"] or "") for d in json.loads(out))


def test_restore_list_and_restore_after_damage(cli, speech_file):
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location(
        "reliability_helpers", Path(__file__).parents[1] / "reliability" / "reliability_helpers.py")
    helpers = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(helpers)
    corrupt_pages = helpers.corrupt_pages
    home = os.environ["DUIDU_HOME"]
    assert backup_background.wait(home) is True             # the last command's backup, made in its own process
    status, out, _ = cli("restore", "--list")
    assert status == 0 and "session" in out
    corrupt_pages(os.path.join(home, DB_NAME))
    status, _, err = cli("list")
    assert status == 1 and "damaged" in err and "duidu restore" in err
    status, out, err = cli("restore")
    assert status == 0 and "Restored from" in out and "library-damaged-" in out, err
    status, out, _ = cli("excerpt", "list", "--json")
    assert len(json.loads(out)) == 3                         # every excerpt of the last session
    name = out and cli("restore", "--list")[1].split()[-1]
    status, out, err = cli("restore", name)
    assert status == 0, err
    status, _, err = cli("restore", "no-such-backup.sqlite3")
    assert status == 1 and "cannot be used" in err


def test_importing_a_new_version_under_the_same_name_is_pointed_out(cli, speech_file, isolated_home):
    speech_file.write_text(SPEECH.replace("54.35%", "56.10%"), encoding="utf-8")
    status, out, err = cli("import", str(speech_file))
    assert status == 0 and "1 imported" in out
    assert "speech 2 has the title and file name of speech 1" in err and "reimport 1" in err
    from reader.core.library_ops import make_new_version
    from reader.core.store import Library

    library = Library(isolated_home)
    report = make_new_version(library, 2, 1)
    assert report.summary() == {"stayed": 2, "moved": 0, "review": 1}
    assert not library.has_document(2) and "56.10%" in library.get_document(1).text
    library.close()
