"""duidu search, formulae and matrix."""

import csv
import io
import json

from reader.cli import run


def call(capsys, *args):
    code = run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_search_json_and_text(capsys):
    call(capsys, "import", "--bundled")
    code, out, _ = call(capsys, "search", "四张牌", "--json")
    data = json.loads(out)
    assert code == 0 and data["method"] == "fts" and data["total"] == 5
    assert [s["doc_id"] for s in data["speeches"]] == [1, 3]
    hit = data["speeches"][0]["hits"][0]
    assert hit["match"] == "四张牌" and hit["end"] - hit["start"] == 3
    code, out, _ = call(capsys, "search", "四张牌")
    assert "【四张牌】" in out and "5 matches in 2 speeches" in out
    code, out, _ = call(capsys, "search", '"OR')
    assert code == 0 and "0 matches" in out


def test_formulae(capsys):
    call(capsys, "import", "--bundled")
    code, out, _ = call(capsys, "formulae", "--json")
    formulae = {f["text"]: f for f in json.loads(out)}
    assert code == 0 and formulae["9+2"]["doc_ids"] == [1]
    assert formulae["三个处理"]["definition"]["doc_id"] == 5
    code, out, _ = call(capsys, "formulae")
    assert "一中心六组团  ×7  [1,3]" in out


def test_matrix_csv_and_table(capsys):
    call(capsys, "import", "--bundled")
    code, out, _ = call(capsys, "matrix", "--csv", "--order", "date")
    rows = list(csv.reader(io.StringIO(out)))
    assert code == 0 and len(rows) == 6 and rows[1][0].startswith("1 2022")
    assert float(rows[1][1]) == 1.0
    scores = {(r[0].split()[0], h.split()[0]): float(v) for r in rows[1:] for h, v in zip(rows[0][1:], r[1:])}
    best = max((v, k) for k, v in scores.items() if k[0] != k[1])
    assert set(best[1]) == {"1", "3"}
    code, out, _ = call(capsys, "matrix")
    assert code == 0 and "1–3:" in out and "passages" in out


def test_search_lists_a_page_of_speeches_and_counts_them_all(capsys):
    call(capsys, "import", "--bundled")
    code, out, _ = call(capsys, "search", "城", "--speeches", "2")
    assert code == 0 and out.count("\n#") + out.startswith("#") == 2
    assert "in 5 speeches" in out and "--offset 2" in out
    code, out, _ = call(capsys, "search", "城", "--speeches", "2", "--offset", "4", "--json")
    data = json.loads(out)
    assert [s["doc_id"] for s in data["speeches"]] == [2] and data["speeches_total"] == 5 and data["offset"] == 4
