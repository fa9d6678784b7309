"""duidu align: rows as JSON with offsets into `duidu text`, one section, the Word table, clear errors."""

import json

import docx

from reader.cli import run


def call(capsys, *args):
    code = run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def text_of(capsys, doc):
    code, out, _ = call(capsys, "text", str(doc))
    assert code == 0
    return out


def test_json_rows_index_the_printed_texts(capsys):
    call(capsys, "import", "--bundled")
    a, b = text_of(capsys, 1), text_of(capsys, 3)
    code, out, _ = call(capsys, "align", "1", "3", "--json")
    rows = json.loads(out)
    assert code == 0 and rows
    assert {r["kind"] for r in rows} <= {"same", "changed", "moved", "a_only", "b_only"}
    for row in rows:
        assert set(row) >= {"a", "b", "kind", "similarity"}
        for side, text in (("a", a), ("b", b)):
            if row[side] is not None:
                start, end = row[side]
                assert text[start:end].strip() == text[start:end] and text[start:end]
    assert rows[0] == {"a": [0, 4], "b": [0, 4], "kind": "same", "similarity": 1.0, "line": 0}
    assert a[0:4] == "同志们："
    # every sentence of A appears once, in order
    a_spans = [tuple(r["a"]) for r in rows if r["a"]]
    assert a_spans == sorted(a_spans) and len(set(a_spans)) == len(a_spans)


def test_one_section_as_text_and_as_word(capsys, tmp_path):
    call(capsys, "import", "--bundled")
    a = text_of(capsys, 1)
    code, out, _ = call(capsys, "align", "1", "3", "--section", "二、", "--json")
    rows = json.loads(out)
    assert a[rows[0]["a"][0]:].startswith("二、着力统筹推进")
    assert all(a[r["a"][0]:r["a"][1]] for r in rows if r["a"])
    code, out, _ = call(capsys, "align", "1", "3", "--section", "二、")
    assert code == 0 and "changed" in out.splitlines()[0] and "\t二、着力统筹推进" in out
    target = tmp_path / "对照表.docx"
    code, out, _ = call(capsys, "align", "1", "3", "--section", "二、", "-o", str(target), "--landscape")
    assert code == 0 and target.is_file() and str(target) in out
    document = docx.Document(str(target))
    assert len(document.tables[0].columns) == 2
    assert document.sections[0].page_width > document.sections[0].page_height


def test_a_file_against_the_library_copy_and_errors(capsys, tmp_path):
    call(capsys, "import", "--bundled")
    a = text_of(capsys, 1)
    edited = tmp_path / "edited.txt"
    edited.write_text(a.replace("同志们：", "同志们、朋友们：", 1), encoding="utf-8")
    code, out, _ = call(capsys, "align", "1", str(edited), "--json")
    rows = json.loads(out)
    assert rows[0]["kind"] == "changed" and sum(r["kind"] == "same" for r in rows) > 100
    code, _, err = call(capsys, "align", "1", "3", "--section", "九、")
    assert code == 1 and "No section 九、" in err
    code, _, err = call(capsys, "align", "1", "3", "-o", str(tmp_path / "missing" / "x.docx"))
    assert code == 1 and "does not exist" in err
    code, _, err = call(capsys, "align", "1", "99")
    assert code != 0 and "Traceback" not in err


def test_json_lines_are_the_word_tables_rows(capsys, tmp_path):
    """The JSON rows, the Word table and the view agree: rows on one line face each other in one table row."""
    call(capsys, "import", "--bundled")
    target = tmp_path / "t.docx"
    code, out, _ = call(capsys, "align", "1", "3", "--section", "二、", "--json", "-o", str(target))
    rows = json.loads(out)
    lines = sorted({r["line"] for r in rows})
    assert code == 0 and lines == list(range(len(lines))) and len(lines) < len(rows)
    shared = [[r for r in rows if r["line"] == n] for n in lines]
    assert all(len(group) == 1 or {r["kind"] for r in group} <= {"a_only", "b_only", "moved"} for group in shared)
    assert all(len(group) == 1 or (group[0]["a"] and group[1]["b"]) for group in shared)
    table = docx.Document(str(target)).tables[0]
    # the titles, then a row per line (the headings' line stands as the section row)
    assert len(table.rows) == 1 + len(lines)
    a = text_of(capsys, 1)
    b = text_of(capsys, 3)
    facing = next(group for group in shared if len(group) == 2)
    row = table.rows[1 + facing[0]["line"]]
    assert row.cells[0].text.startswith(a[slice(*facing[0]["a"])])
    assert row.cells[1].text.startswith(b[slice(*facing[1]["b"])])
