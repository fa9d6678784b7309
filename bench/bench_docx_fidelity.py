"""Import fidelity on real Word documents: Duidu's text against an outside extractor (docx2python).

    python bench/bench_docx_fidelity.py [FOLDER]      (default ../shared/fixtures/docx)

For every .docx, both texts are compared character by character (whitespace, list labels and
note markers left out, difflib matching in order). "kept" is the share of docx2python's body,
footnote and endnote text that Duidu's import also has; "extra" is the share of Duidu's text that
docx2python lacks (text boxes it reads twice count against it, not us). Files either side
refuses are listed. docx2python repeats the text of merged table cells in each cell they span,
which shows as text Duidu does not "keep". docx2python is a bench-only dependency: pip install -e ".[bench]".
"""

from __future__ import annotations

import difflib
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core.docx_reader import DocxError, read_docx  # noqa: E402

# docx2python's markers for notes, pictures and hyperlinks, which are not document text
_PLACEHOLDER = re.compile(r"----(?:foot|end)note\d+----|-+/?(?:word/)?media/[^\n]*?----|----Image alt text---->.*?<|"
                          r"(?:foot|end)note\d+\)\t|</?a(?:\s[^>]*)?>")
_OUR_NOTES = re.compile(r"^(?:脚注|尾注)$|^\[\d+\] ", re.MULTILINE)
_LABEL = re.compile(r"^(?:\d+[.)]|[a-zA-Z][.)]|[ivxIVX]+[.)]|--|•)\s*", re.MULTILINE)


def _flatten(nested) -> list[str]:
    if isinstance(nested, str):
        return [nested]
    return [s for item in nested for s in _flatten(item)]


def reference(path: Path) -> str:
    """docx2python's body, footnotes and endnotes, without its placeholders."""
    from docx2python import docx2python

    with docx2python(path) as content:
        parts = _flatten(content.body) + _flatten(content.footnotes) + _flatten(content.endnotes)
    return _LABEL.sub("", _PLACEHOLDER.sub("", "\n".join(parts)))


def ours(path: Path) -> str:
    """Duidu's text of the document, without its note headings and numbers."""
    return _LABEL.sub("", _OUR_NOTES.sub("", read_docx(path)))


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def compare(mine: str, theirs: str) -> tuple[int, int, int]:
    """(matched characters, our characters, their characters)."""
    a, b = _squeeze(mine), _squeeze(theirs)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()), len(a), len(b)


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else ROOT.parent / "shared" / "fixtures" / "docx"
    try:
        import docx2python  # noqa: F401
    except ImportError:
        print('docx2python is not installed: pip install -e ".[bench]"')
        return 1
    files = sorted(folder.glob("*.docx"))
    if not files:
        print(f"no .docx files in {folder}")
        return 1
    matched = mine_total = theirs_total = 0
    cpu_ours = cpu_theirs = 0.0
    rows, refused = [], []
    for path in files:
        started = time.process_time()
        try:
            mine = ours(path)
        except DocxError as exc:
            refused.append((path.name, "duidu", str(exc)[:60]))
            continue
        cpu_ours += time.process_time() - started
        started = time.process_time()
        try:
            theirs = reference(path)
        except Exception as exc:  # noqa: BLE001 (an outside tool's failure is reported, not fatal)
            refused.append((path.name, "docx2python", f"{type(exc).__name__}: {exc}"[:60]))
            continue
        cpu_theirs += time.process_time() - started
        m, a, b = compare(mine, theirs)
        matched, mine_total, theirs_total = matched + m, mine_total + a, theirs_total + b
        rows.append((path.name, m / b if b else 1.0, (a - m) / a if a else 0.0, a, b))
    print(f"{'file':<52} {'kept':>6} {'extra':>6} {'ours':>6} {'theirs':>6}")
    for name, kept, extra, a, b in sorted(rows, key=lambda r: (r[1], -r[2])):
        if kept < 1.0 or extra > 0.0:
            print(f"{name:<52} {kept:>6.1%} {extra:>6.1%} {a:>6} {b:>6}")
    exact = sum(1 for r in rows if r[1] == 1.0 and r[2] == 0.0)
    print(f"... {exact} more files identical" if exact else "")
    for name, who, why in refused:
        print(f"refused by {who}: {name} ({why})")
    print()
    print(f"{len(rows)} documents compared: Duidu kept {matched / max(theirs_total, 1):.2%} of docx2python's "
          f"{theirs_total} characters; {(mine_total - matched) / max(mine_total, 1):.2%} of Duidu's "
          f"{mine_total} characters are not in docx2python's text")
    print(f"CPU: Duidu {cpu_ours:.2f} s, docx2python {cpu_theirs:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
