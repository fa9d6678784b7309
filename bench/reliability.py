"""Reliability bench: bad files, kill -9 of the real CLI at random moments, restores of damaged libraries.

Full run (a few minutes on two cores):

    python -m pytest -m slow tests/reliability      # the long test runs (200 kill trials, the 100 MB file)
    python -m bench.reliability                     # prints the figures below; exit status 1 on any failure
    python -m bench.reliability --trials 10 --json  # what tests/reliability/test_kill.py runs by default

Kill trials: a child runs `python -m reader import …` (which also indexes), `python -m reader
excerpt add …` or `python -m reader reimport …` (a new version of a speech that holds excerpts) and
gets SIGKILL a random delay AFTER it has taken the library's lock: the parent watches library.lock
for the child's process id (the CLI takes 0.5-0.85 s to start, so a plain random delay mostly killed
it before the database was even opened). The parent records a speech, excerpt or tag as committed
only after the child printed its confirmation. After each kill the library must open, pass PRAGMA
integrity_check, still hold everything recorded with its quote, every excerpt that is ok or moved
must have its quote at its offsets (and, in a speech never re-imported, the offsets it was confirmed
with), and a rerun of the interrupted command must complete; the reuse index must resync to exactly
the library's speeches.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.backup import make_backup, restore_backup
from reader.core.importer import load_file
from reader.core.library_ops import import_paths, sync_index
from reader.core.reuse import ReuseIndex
from reader.core.store import DB_NAME, Library, LibraryError, content_hash

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
TESTS = ROOT / "tests" / "reliability"
TAG_POOL = ["城镇化", "民生/就业", "改革/国企/混改", "生态", "党建/基层"]
_CONFIRMED = re.compile(r"^Excerpt (\d+): speech (\d+) \[(\d+)-(\d+)\]", re.MULTILINE)
LOCK_WAIT = 30.0          # seconds a child may take to start and take the lock


def _load(name: str):
    """A helper module of the reliability tests, loaded by path (tests/ is not a package)."""
    spec = importlib.util.spec_from_file_location(f"reliability_{name}", TESTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Ledger:
    """What the parent saw confirmed by a child: speeches by hash, excerpts by id, tag names."""

    hashes: set[str] = field(default_factory=set)
    excerpts: dict[int, tuple[int, str, int, int]] = field(default_factory=dict)   # doc, quote, start, end
    tags: set[str] = field(default_factory=set)
    reimported: set[int] = field(default_factory=set)   # speeches whose offsets may have moved


def cli(home: Path, *args: str) -> list[str]:
    """The real command line on this library."""
    return [sys.executable, "-m", "reader", "--library", str(home), *args]


def run_child(cmd: list[str], delay: float | None, home: Path | None = None) -> tuple[bool, int, str]:
    """Run a command, SIGKILLed `delay` seconds after it took the lock of library `home` (None: run to the end).

    Returns (killed, status, stdout); a child that finished before the kill is not 'killed'.
    """
    env = {**os.environ, "DUIDU_LANG": "en"}
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        if delay is not None and home is not None and not wait_for_lock(proc, home / "library.lock"):
            delay = None    # it ended (or never locked) before: let it finish
        out, _ = proc.communicate(timeout=delay if delay is not None else 300)
        return False, proc.returncode, out.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        proc.send_signal(getattr(signal, "SIGKILL", signal.SIGTERM))
        out, _ = proc.communicate()
        return True, proc.returncode, out.decode("utf-8", "replace")


def wait_for_lock(proc: subprocess.Popen, lock_file: Path) -> bool:
    """Wait until the child has written its process id into the lock file (it holds the lock then)."""
    deadline = time.monotonic() + LOCK_WAIT
    mine = str(proc.pid)
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if lock_file.read_text(encoding="ascii", errors="replace").strip() == mine:
                return True
        except OSError:
            pass
        time.sleep(0.002)
    return False


def new_speeches(folder: Path, trial: int, count: int) -> set[str]:
    """Write `count` speeches no library holds yet (bundled paragraphs, rotated, with a heading); their hashes."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = [p.read_text(encoding="utf-8").split("\n") for p in sorted(CORPUS.glob("0*.txt"))]
    hashes = set()
    for number in range(count):
        lines = sources[number % len(sources)]
        turn = (trial * 7 + number * 3) % len(lines)
        path = folder / f"speech-{trial}-{number}.txt"
        path.write_text(f"第{trial}次试验第{number}篇讲话\n" + "\n".join(lines[turn:] + lines[:turn]), encoding="utf-8")
        hashes.add(content_hash(load_file(path).text))
    return hashes


def verify(home: Path, ledger: Ledger) -> tuple[list[str], int]:
    """Open, check integrity, find everything recorded, resync the reuse index; (problems, tag count)."""
    try:
        library = Library(home)
    except LibraryError as exc:
        return [f"cannot open: {exc.message('en')}"], 0
    problems = []
    try:
        conn = library.conn
        verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if verdict != "ok":
            problems.append(f"integrity_check: {verdict}")
        have = {row[0] for row in conn.execute("SELECT content_hash FROM documents")}
        problems += [f"lost speech {h[:10]}" for h in sorted(ledger.hashes - have)]
        texts = dict(library.iter_texts())
        for excerpt_id, (doc_id, quote, start, end) in ledger.excerpts.items():
            row = conn.execute('SELECT doc_id, quote, "start", "end", status FROM excerpts WHERE id = ?',
                               (excerpt_id,)).fetchone()
            if row is None or row[:2] != (doc_id, quote):
                problems.append(f"lost excerpt {excerpt_id}")
            elif doc_id not in ledger.reimported and row[2:4] != (start, end):
                problems.append(f"excerpt {excerpt_id} moved from {start}-{end} to {row[2]}-{row[3]}")
        for excerpt_id, doc_id, quote, start, end, status in conn.execute(
                'SELECT id, doc_id, quote, "start", "end", status FROM excerpts'):
            if status != "review" and texts[doc_id][start:end] != quote:
                problems.append(f"excerpt {excerpt_id} ({status}) is not on its quote")
        names = {row[0] for row in conn.execute("SELECT name FROM tags")}
        problems += [f"lost tag {name}" for name in sorted(ledger.tags - names)]
        sync_index(library)
        indexed = set(ReuseIndex(conn).document_ids())
        if indexed != {doc_id for doc_id, _ in library.iter_texts()}:
            problems.append("reuse index out of step after resync")
        return problems, len(names)
    finally:
        library.close()


def new_version(home: Path, folder: Path, trial: int, doc_id: int, rng: random.Random) -> tuple[Path, str]:
    """A new version of a speech's current text (paragraphs added before and inside it); (file, old text's hash)."""
    library = Library(home)
    text = library.get_document(doc_id).text
    library.close()
    cut = text.find("\n", rng.randrange(len(text) // 2, len(text))) % len(text)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"version-{trial}.txt"
    path.write_text(f"第{trial}次修订增加的说明。\n" + text[:cut] + f"\n第{trial}次修订插入的段落。" + text[cut:],
                    encoding="utf-8")
    return path, content_hash(text)


def speech_hash(home: Path, doc_id: int) -> str | None:
    """The content hash of one speech now."""
    library = Library(home)
    try:
        return library.get_document(doc_id).content_hash
    finally:
        library.close()


def pick_quotes(home: Path, rng: random.Random, count: int) -> list[tuple[int, str]]:
    """Quotations found exactly once in the bundled speeches."""
    library = Library(home)
    texts = dict(library.iter_texts())
    library.close()
    quotes = []
    while len(quotes) < count:
        doc_id = rng.choice(sorted(texts))
        text = texts[doc_id]
        start = rng.randrange(0, len(text) - 20)
        quote = text[start:start + rng.randint(8, 18)]
        if "\n" not in quote and quote.strip() == quote and text.count(quote) == 1:
            quotes.append((doc_id, quote))
    return quotes


def kill_trials(trials: int, seed: int, work: Path) -> dict:
    """Run the kill -9 trials in folder `work`; returns the figures and every problem found."""
    rng = random.Random(seed)
    home, ledger = work / "library", Ledger()
    _, status, _ = run_child(cli(home, "import", "--bundled"), None)
    assert status == 0, "setting up the library failed"
    ledger.hashes |= {content_hash(load_file(p).text) for p in CORPUS.glob("0*.txt")}
    quotes = pick_quotes(home, rng, trials)
    _, tags_before = verify(home, ledger)
    results = []
    for trial in range(trials):
        kind = rng.choice(["import", "excerpt", "excerpt", "index", "reimport"])
        if kind == "reimport" and not ledger.excerpts:
            kind = "excerpt"
        if kind == "reimport":
            doc_id = rng.choice(sorted({d for d, *_ in ledger.excerpts.values()}))
            path, old_hash = new_version(home, work / "versions", trial, doc_id, rng)
            hashes = {content_hash(load_file(path).text)}
            cmd = cli(home, "reimport", str(doc_id), str(path))
            delay = rng.uniform(0.0, 0.3)
            ledger.reimported.add(doc_id)
            ledger.hashes.discard(old_hash)     # until it is done, either text may stand (checked below)
        elif kind == "excerpt":
            doc_id, quote = quotes[trial]
            tags = rng.sample(TAG_POOL, rng.randint(1, 2)) + [f"试验{trial % 7}"]
            cmd = cli(home, "excerpt", "add", str(doc_id), "--quote", quote, *[a for t in tags for a in ("--tag", t)])
            delay = rng.uniform(0.0, 0.15)
        else:
            count = 3 if kind == "import" else 10
            hashes = new_speeches(work / "in" / str(trial), trial, count)
            cmd = cli(home, "import", str(work / "in" / str(trial)))
            delay = rng.uniform(0.0, 0.3) if kind == "import" else rng.uniform(0.1, 0.6)
        killed, status, out = run_child(cmd, delay, home)
        rerun_ok = True
        if killed:
            problems, _ = verify(home, ledger)
            if kind == "reimport":
                problems += [] if speech_hash(home, doc_id) in hashes | {old_hash} else ["speech neither old nor new"]
            _, status, rerun_out = run_child(cmd, None)   # resume or redo the interrupted work
            rerun_ok, out = status == 0, out + rerun_out
        elif status != 0:
            rerun_ok = False
        if kind == "excerpt":
            for match in _CONFIRMED.finditer(out):
                excerpt_id, doc, start, end = map(int, match.groups())
                ledger.excerpts[excerpt_id] = (doc, quote, start, end)
                ledger.tags |= {part for t in tags for part in t.split("/")}
        elif rerun_ok:
            ledger.hashes |= hashes
        after, _ = verify(home, ledger)
        problems = (problems if killed else []) + after + ([] if rerun_ok else [f"rerun failed ({status})"])
        results.append({"trial": trial, "kind": kind, "killed": killed, "delay": round(delay, 3),
                        "problems": problems})
    _, tags_after = verify(home, ledger)
    return {"trials": trials, "killed": sum(r["killed"] for r in results),
            "survived": sum(not r["problems"] for r in results), "tags_before": tags_before,
            "tags_after": tags_after, "speeches": len(ledger.hashes), "excerpts": len(ledger.excerpts),
            "failures": [r for r in results if r["problems"]], "library": str(home)}


def bad_files() -> dict:
    """Import every bad file of the test suite into a fresh library; count those handled as expected."""
    cases = _load("bad_inputs")
    from reader.core.webclean import clean_web_text

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for name, (data, _) in {**cases.IMPORTS, **cases.REFUSALS}.items():
            (folder / name).write_bytes(data)
        library = Library(Path(tmp) / "lib")
        report = import_paths(library, sorted(folder.iterdir()))   # named one by one, as a user would
        texts = {library.get_document(i).text for i in report.added}
        imported = sum(clean_web_text(expected).text in texts for _, expected in cases.IMPORTS.values())
        refused = sum(1 for r in report.failed if Path(r.path).name in cases.REFUSALS
                      and r.reason == cases.REFUSALS[Path(r.path).name][1] and Path(r.path).name in r.message("zh"))
        library.close()
    tried = len(cases.IMPORTS) + len(cases.REFUSALS)
    return {"tried": tried, "handled": imported + refused, "imported": imported, "refused": refused}


def restores(source: Path) -> dict:
    """Back up a copy of a library, damage it four ways, restore each time; the tags must come back."""
    helpers = _load("reliability_helpers")
    damages = {
        "random bytes": lambda db: db.write_bytes(os.urandom(db.stat().st_size)),
        "truncated": lambda db: db.write_bytes(db.read_bytes()[: db.stat().st_size // 3]),
        "corrupted pages": helpers.corrupt_pages,
        "emptied": lambda db: db.write_bytes(b""),
    }
    done, tags = 0, []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "copy"
        library = Library(source)
        folder.mkdir()
        backup_file = make_backup(library.conn, folder, "bench")
        library.close()
        restore_backup(folder, backup_file)
        library = Library(folder)
        before = helpers.dump(library.conn)
        tags.append(len(before["tags"]))
        library.close()
        for kind, damage in damages.items():
            for side in ("-wal", "-shm"):
                Path(f"{folder / DB_NAME}{side}").unlink(missing_ok=True)
            damage(folder / DB_NAME)
            try:
                Library(folder).close()
                continue                      # not noticed: counted as not restored
            except LibraryError:
                pass
            restore_backup(folder, backup_file)
            library = Library(folder)
            same = helpers.dump(library.conn) == before
            tags.append(len(helpers.dump(library.conn)["tags"]))
            library.close()
            done += same
    return {"damaged": len(damages), "restored": done, "tags_before": tags[0], "tags_after": tags[-1]}


def main(argv: list[str] | None = None) -> int:
    """Print the figures; exit 1 if anything was lost or mishandled."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print the kill trials' figures as JSON only")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR)   # restores log a warning each; the figures say it
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="duidu-kill-") as work:
        kills = kill_trials(args.trials, args.seed, Path(work))
        if args.json:
            print(json.dumps(kills, ensure_ascii=False))
            return 0 if not kills["failures"] else 1
        files = bad_files()
        restored = restores(Path(kills["library"]))
    print(f"bad files tried and handled:   {files['handled']}/{files['tried']} "
          f"({files['imported']} imported exactly, {files['refused']} refused by name)")
    print(f"kill -9 trials survived:       {kills['survived']}/{kills['trials']} "
          f"({kills['killed']} killed mid-run, the rest finished first)")
    print(f"tags before and after:         {kills['tags_before']} -> {kills['tags_after']} "
          f"({kills['excerpts']} confirmed excerpts, {kills['speeches']} speeches all present)")
    print(f"backups restored:              {restored['restored']}/{restored['damaged']} damaged copies, "
          f"tags {restored['tags_before']} -> {restored['tags_after']}")
    print(f"time:                          {time.perf_counter() - started:.1f} s")
    for failure in kills["failures"]:
        print("FAILED", failure)
    ok = (not kills["failures"] and files["handled"] == files["tried"]
          and restored["restored"] == restored["damaged"])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
