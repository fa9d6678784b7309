"""Opening skips the whole-file check only when the file is exactly as a clean close of ours left it."""

import shutil

import pytest

from reader.core import clean_close, integrity
from reader.core.importer import ImportedText
from reader.core.store import DB_NAME, Library, LibraryError


def imported(text: str) -> ImportedText:
    return ImportedText(text, text, "utf-8", "txt", {}, [], "")


@pytest.fixture
def inspections(monkeypatch):
    """Count the whole-file checks."""
    calls = []
    real = integrity.inspect

    def counting(path, *args, **kwargs):
        calls.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(integrity, "inspect", counting)
    return calls


def closed_library(folder):
    library = Library(folder)
    library.add_document(imported("推进新型城镇化建设。"))
    library.close()
    Library(folder).close()     # the day's first open of a library checks it whole (and backs it up) anyway
    return folder / DB_NAME


def test_a_clean_close_lets_the_next_open_skip_the_check(tmp_path, inspections):
    closed_library(tmp_path)
    inspections.clear()
    library = Library(tmp_path)
    assert inspections == [] and len(library.list_documents()) == 1
    library.close()


def test_a_file_changed_after_the_close_is_checked_and_refused(tmp_path, inspections):
    path = closed_library(tmp_path)
    data = bytearray(path.read_bytes())
    data[100:120] = b"\xff" * 20                      # the header's page counts and schema cookie
    path.write_bytes(bytes(data))
    inspections.clear()
    with pytest.raises(LibraryError):
        Library(tmp_path)
    assert inspections


def test_a_pending_log_or_a_foreign_copy_is_checked(tmp_path, inspections):
    path = closed_library(tmp_path)
    (tmp_path / f"{DB_NAME}-wal").write_bytes(b"x" * 64)     # as a crashed writer would leave it
    inspections.clear()
    Library(tmp_path).close()                          # SQLite ignores a log with no valid header
    assert inspections
    other = tmp_path / "copy"
    other.mkdir()
    shutil.copy2(path, other / DB_NAME)                # same size and time, but no note of ours there
    inspections.clear()
    Library(other).close()
    assert inspections


def test_a_second_writer_of_the_same_process_trusts_the_first(tmp_path, inspections):
    path = closed_library(tmp_path)
    clean_close.forget(path)
    inspections.clear()
    first = Library(tmp_path)
    second = Library(tmp_path)
    assert len(inspections) == 1
    second.close()
    first.close()
    assert clean_close.trusted_version(path) is not None


def test_a_library_left_open_at_the_end_of_a_command_is_noted_too(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    path = closed_library(tmp_path)
    clean_close.forget(path)
    code = ("import sys; from reader.core.store import Library; library = Library(sys.argv[1]);"
            " library.list_documents()")          # no close(): as the commands end
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", code, str(tmp_path)], check=True, cwd=root,
                   env={"PYTHONPATH": str(root), "PATH": ""})
    assert clean_close.trusted_version(path) is not None


def test_a_log_a_reader_kept_from_being_folded_in_is_noted_with_the_file(tmp_path, inspections):
    """The background backup reads a snapshot while the next command writes and closes: SQLite cannot fold the log
    into the file then, so the close notes the log too; the next open trusts both, and a log changed since not."""
    import sqlite3

    path = closed_library(tmp_path)
    reader = sqlite3.connect(integrity.ro_uri(path), uri=True, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM documents").fetchone()        # a snapshot held, as the backup holds it
    library = Library(tmp_path)
    library.add_document(imported("全面推进乡村振兴。"))
    library.close()
    reader.close()
    wal = tmp_path / f"{DB_NAME}-wal"
    assert wal.stat().st_size > 0                                      # the log was left behind
    inspections.clear()
    library = Library(tmp_path)
    assert inspections == [] and len(library.list_documents()) == 2
    library.close()
    assert wal.exists() is False or wal.stat().st_size == 0            # folded in by that close
    # a log that changed after the close (a writer killed since, say) is not trusted
    reader = sqlite3.connect(integrity.ro_uri(path), uri=True, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM documents").fetchone()
    library = Library(tmp_path)
    library.add_document(imported("加快建设农业强国。"))
    library.close()
    reader.close()
    with open(wal, "ab") as log:
        log.write(b"\0" * 100)
    inspections.clear()
    Library(tmp_path).close()
    assert inspections
