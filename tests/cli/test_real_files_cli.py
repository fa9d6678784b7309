"""The command line on real files: UTF-16 without BOM with --encoding, inline lists in outline --json, web details."""

import importlib.util
import json
from pathlib import Path

from reader.cli import run

CORE = Path(__file__).resolve().parents[1] / "core"


def _load(name):
    spec = importlib.util.spec_from_file_location(name, CORE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def call(capsys, *args):
    code = run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_utf16_le_without_bom_imports_with_encoding_option(capsys, tmp_path):
    texts = _load("test_outline_parts")
    path = tmp_path / "report.txt"
    path.write_bytes(texts.TEXT.encode("utf-16-le"))
    code, out, err = call(capsys, "import", str(path), "--encoding", "utf-16-le")
    assert code == 0 and out.startswith("1 imported"), err
    code, out, _ = call(capsys, "outline", "1", "--json")
    nodes = json.loads(out)
    review = nodes[1]
    assert review["inline"] is False and review["label"] == "一、"
    assert [(c["label"], c["inline"], c["run"]) for c in review["children"]][3:5] == [("四是", True, 0), ("一是", True, 1)]
    assert [(n["kind"], n["part"]) for n in nodes[-2:]] == [("appendix", "appendix")] * 2
    code, out, _ = call(capsys, "outline", "1")
    assert "附件1" in out


def test_web_page_details_listed(capsys, tmp_path):
    pages = _load("web_pages")
    path = tmp_path / "page.htm"
    path.write_bytes(pages.table_layout())
    assert call(capsys, "import", str(path))[0] == 0
    row = json.loads(call(capsys, "list", "--json")[1])[0]
    assert (row["title"], row["date"], row["origin"], row["encoding"]) == (pages.TITLE, "2023-11-20", "县政府办", "gb18030")
