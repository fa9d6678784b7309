"""`duidu excerpt add|list` and `duidu export`, run in-process."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

FIRST_SEED = sorted((Path(__file__).resolve().parents[2] / "corpus").glob("0*.txt"))[0]

QUOTE = "城镇化是现代化的必由之路，既是经济发展的结果，又是经济发展的动力"


def test_add_by_id_creates_the_tag_and_lists(cli):
    status, out, _ = cli("excerpt", "add", "1", "--quote", QUOTE, "--tag", "城镇化/意义", "--note", "开头")
    assert status == 0 and "Excerpt 1" in out and "一、" in out
    status, out, _ = cli("excerpt", "list", "--json")
    [item] = json.loads(out)
    assert item["quote"] == QUOTE and item["tags"] == ["意义"] and item["note"] == "开头" and item["section"] == "一、"
    status, out, _ = cli("excerpt", "list", "--tag", "城镇化")        # a parent lists its subtags' excerpts
    assert status == 0 and QUOTE[:20] in out
    status, out, _ = cli("excerpt", "add", "3", "--quote", "从3个省级试点县先行先试", "--tag", "意义")
    assert status == 0
    assert [x["doc_id"] for x in json.loads(cli("excerpt", "list", "--json", "--tag", "意义")[1])] == [1, 3]


def test_add_by_file_already_in_the_library(cli):
    status, out, err = cli("excerpt", "add", str(FIRST_SEED), "--quote", QUOTE, "--tag", "意义")
    assert status == 0, err
    assert "speech 1" in out


def test_loose_file_absent_and_ambiguous_quotes_fail_clearly(cli, tmp_path):
    loose = tmp_path / "loose.txt"
    loose.write_text("一篇不在文库里的讲话。城镇化是现代化的必由之路。", encoding="utf-8")
    status, _, err = cli("excerpt", "add", str(loose), "--quote", "城镇化", "--tag", "x")
    assert status == 1 and "not in the library" in err
    status, _, err = cli("excerpt", "add", "1", "--quote", "没有这句话", "--tag", "x")
    assert status == 1 and "not in the speech" in err
    status, _, err = cli("excerpt", "add", "1", "--quote", "城镇化", "--tag", "x")
    assert status == 1 and "more than once" in err
    # a failed add creates no tag
    assert json.loads(cli("excerpt", "list", "--json")[1]) == []
    status, _, err = cli("excerpt", "list", "--tag", "x")
    assert status == 1 and "No tag" in err


def test_export_docx_txt_csv(cli, tmp_path):
    cli("excerpt", "add", "1", "--quote", QUOTE, "--tag", "城镇化/意义")
    cli("excerpt", "add", "5", "--quote", "一是城市建设更有内涵。", "--tag", "城市更新")
    docx_path = tmp_path / "out.docx"
    status, out, err = cli("export", "--format", "docx", "--preset", "official", "-o", str(docx_path))
    assert status == 0, err
    assert "2 excerpts" in out
    xml = zipfile.ZipFile(docx_path).read("word/document.xml").decode("utf-8")
    assert QUOTE in xml and 'w:eastAsia="仿宋"' in xml
    status, _, err = cli("export", "--tag", "城镇化", "--by", "speech", "-o", str(tmp_path / "out.txt"))
    text = (tmp_path / "out.txt").read_bytes().decode("utf-8-sig")
    assert status == 0 and QUOTE in text and "更有内涵" not in text
    status, _, _ = cli("export", "-o", str(tmp_path / "out.csv"))
    assert status == 0 and (tmp_path / "out.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_export_errors(cli, tmp_path):
    status, _, err = cli("export", "-o", str(tmp_path / "out.docx"))
    assert status == 1 and "No excerpts" in err and not (tmp_path / "out.docx").exists()
    cli("excerpt", "add", "1", "--quote", QUOTE, "--tag", "意义")
    status, _, err = cli("export", "-o", str(tmp_path / "missing" / "out.docx"))
    assert status == 1 and "folder does not exist" in err and "out.docx" in err
    status, _, err = cli("export", "-o", str(tmp_path / "out.pdf"))
    assert status == 2 and "--format" in err
