"""A command that changes the library returns before its session backup, which a process of its own then makes:
verified, holding the change, coalesced over quick commands, redone after a kill, waited for by a restore."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.cli import run
from reader.core import backup, backup_background, backup_notes, lock
from reader.core.store import DB_NAME, Library

ROOT = Path(__file__).resolve().parents[2]


def speech(tmp_path: Path, n: int) -> Path:
    path = tmp_path / f"speech-{n}.txt"
    path.write_text(f"关于第{n}项工作的讲话\n" + f"第{n}项工作要抓紧落实，推进各项改革举措落地见效。\n" * 40,
                    encoding="utf-8")
    return path


def cli(capsys, folder, *argv) -> tuple[int, str]:
    status = run(["--library", str(folder), *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return status, err


def sessions(folder) -> list[backup.BackupInfo]:
    return [b for b in backup.list_backups(folder) if b.reason == backup.SESSION]


def titles_in(path: Path) -> set[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {row[0] for row in conn.execute("SELECT title FROM documents")}
    finally:
        conn.close()


def wait_for(condition, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_the_command_returns_first_then_the_backup_appears_verified(tmp_path, monkeypatch):
    """A real `duidu import` process: it ends while its backup is still being made (the copy is slowed down),
    and its captured output is not held open by the backup process."""
    folder = tmp_path / "lib"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DUIDU_LANG": "en", backup_background.SLOW_ENV: "0.05"}
    done = subprocess.run([sys.executable, "-m", "reader", "--library", str(folder), "import", str(speech(tmp_path, 1))],
                          env=env, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0 and "1 imported" in done.stdout and not done.stderr
    assert backup_background.pending(folder) and not sessions(folder)      # not made yet when the command ended
    assert backup_background.wait(folder) is True
    made = sessions(folder)
    assert len(made) == 1 and backup.verify_backup(made[0].path).ok and backup.verify_backup(made[0].path).speeches == 1
    assert titles_in(made[0].path) == {"关于第1项工作的讲话"}
    assert not list((folder / "backups").glob("*.part")) and not backup_background.pending(folder)


def test_quick_writes_coalesce_and_the_last_backup_holds_them_all(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv(backup_background.SLOW_ENV, "0.05")    # each copy takes a few seconds
    folder = tmp_path / "lib"
    for n in range(1, 6):
        assert cli(capsys, folder, "import", str(speech(tmp_path, n)))[0] == 0
    assert backup_background.wait(folder) is True
    made = sessions(folder)
    assert 1 <= len(made) <= 2                    # five commands, at most two copies
    assert titles_in(made[0].path) == {f"关于第{n}项工作的讲话" for n in range(1, 6)}
    assert backup.verify_backup(made[0].path).speeches == 5


def test_a_killed_backup_leaves_no_backup_and_the_next_open_makes_it(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv(backup_background.SLOW_ENV, "0.1")
    folder = tmp_path / "lib"
    assert cli(capsys, folder, "import", str(speech(tmp_path, 1)))[0] == 0
    parts = folder / "backups"
    wait_for(lambda: list(parts.glob("*.sqlite3.part")))                # killed in the middle of its copy
    pid = int((parts / backup.BACKGROUND_LOCK).read_text().strip())
    assert pid != os.getpid()
    os.kill(pid, signal.SIGKILL)
    wait_for(lambda: not backup_background.running(folder))               # the OS let go of its lock
    assert backup.list_backups(folder) == []                              # the partial copy counts for nothing
    assert backup_background.pending(folder)
    monkeypatch.delenv(backup_background.SLOW_ENV)
    assert cli(capsys, folder, "list")[0] == 0                            # the next open starts it again
    assert backup_background.wait(folder) is True
    made = sessions(folder)
    assert len(made) == 1 and titles_in(made[0].path) == {"关于第1项工作的讲话"}
    assert backup.verify_backup(made[0].path).ok


@pytest.fixture
def backing_up(tmp_path, capsys, monkeypatch) -> tuple[Path, Path]:
    """A library with one speech backed up, and a second one whose (slowed) backup is being made:
    (library folder, the first backup)."""
    folder = tmp_path / "lib"
    assert cli(capsys, folder, "import", str(speech(tmp_path, 1)))[0] == 0
    assert backup_background.wait(folder) is True
    first = sessions(folder)[0].path
    monkeypatch.setenv(backup_background.SLOW_ENV, "0.05")
    assert cli(capsys, folder, "import", str(speech(tmp_path, 2)))[0] == 0
    wait_for(lambda: backup_background.running(folder))
    return folder, first


def test_a_restore_waits_for_the_backup_being_made(backing_up, capsys, monkeypatch):
    folder, first = backing_up
    monkeypatch.setenv("DUIDU_LANG", "en")
    status, err = cli(capsys, folder, "restore", first.name)
    assert status == 0 and "Waiting for the background backup" in err
    # the backup it waited for is whole and holds the second speech; the restored library has the first only
    newest = sessions(folder)[0]
    assert titles_in(newest.path) == {"关于第1项工作的讲话", "关于第2项工作的讲话"}
    assert backup.verify_backup(newest.path).ok
    assert titles_in(folder / DB_NAME) == {"关于第1项工作的讲话"}


def test_restoring_in_process_calls_back_while_it_waits(backing_up):
    """The window's restore passes a callback (to keep painting); it runs while the backup holds its lock."""
    folder, first = backing_up
    calls = []
    backup.restore_backup(folder, first, on_wait=lambda: calls.append(backup_background.running(folder)))
    assert calls and not backup_background.running(folder)
    assert not backup_background.pending(folder)
    assert titles_in(folder / DB_NAME) == {"关于第1项工作的讲话"}


def test_with_no_process_to_start_the_backup_is_made_before_the_command_returns(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "lib"
    monkeypatch.setattr(sys, "executable", "")
    assert cli(capsys, folder, "import", str(speech(tmp_path, 1)))[0] == 0
    made = sessions(folder)                                   # no waiting: it is there already
    assert len(made) == 1 and titles_in(made[0].path) == {"关于第1项工作的讲话"}
    assert not backup_background.pending(folder)


def test_the_hidden_command_serves_a_request_and_the_built_app_runs_itself(tmp_path, monkeypatch):
    folder = tmp_path / "lib"
    library = Library(folder)
    library.set_state("x", "1")
    library.close()                                  # in-process: a session backup at once, as before
    assert len(sessions(folder)) == 1
    backup_background.request(folder)
    assert backup_background.pending(folder)
    assert run(["--library", str(folder), backup_background.COMMAND]) == 0      # what the child runs
    assert len(sessions(folder)) == 2 and not backup_background.pending(folder)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert backup_background.command(folder) == [sys.executable, "--library", str(folder), "_backup"]
    from reader.cli import build_parser
    assert "_backup" not in build_parser().format_help()


def test_a_second_backup_process_leaves_it_to_the_running_one(tmp_path):
    folder = tmp_path / "lib"
    library = Library(folder)
    library.set_state("x", "1")
    library.close()
    backup_background.request(folder)
    held = lock.try_hold(folder / "backups" / backup.BACKGROUND_LOCK)      # as a running backup holds it
    try:
        assert backup_background.serve(folder) is True and backup_background.pending(folder)
    finally:
        lock.let_go(held)
    assert backup_background.serve(folder) is True and not backup_background.pending(folder)


def test_a_failed_background_backup_is_noted_and_made_again_by_the_next_open(tmp_path, capsys, monkeypatch):
    """A backup that failed (here in this process, as when no process could start; a really full disk is in
    test_full_disk) is noted, said by the next command, and made again by that command's open."""
    monkeypatch.setenv("DUIDU_LANG", "en")
    folder = tmp_path / "lib"
    library = Library(folder)
    library.set_state("x", "1")
    library.close()
    Library(folder).close()                           # the day's backup is made (it would clear the note too)
    backup_background.request(folder)
    (folder / "backups" / "session-done").write_text("{not json", encoding="utf-8")   # a torn state file: pending
    monkeypatch.setattr(backup, "make_backup", lambda *a, **k: (_ for _ in ()).throw(OSError(28, "No space left")))
    assert backup_background.serve(folder) is False                        # in this process, as a failed start does
    assert backup_background.pending(folder) and backup_notes.last_failure(folder)["reason"] == backup.SESSION
    assert backup_background.wait(folder, timeout=2) is False
    monkeypatch.undo()
    monkeypatch.setenv("DUIDU_LANG", "en")
    monkeypatch.setenv(backup_background.SLOW_ENV, "0.05")      # the redone backup is still running at its end
    status, err = cli(capsys, folder, "list")
    assert status == 0 and "warning: the library's backup of" in err and "No space left" in err
    assert backup_background.wait(folder) is True                          # that open started it again
    assert backup_notes.last_failure(folder) is None and not backup_background.pending(folder)
    assert cli(capsys, folder, "list") == (0, "")


def test_a_link_planted_as_a_state_file_is_replaced_not_followed(tmp_path):
    folder = tmp_path / "lib"
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    (folder / "backups").mkdir(parents=True)
    for name in (backup_background.REQUEST, f"{backup_background.REQUEST}.{os.getpid()}.tmp"):
        (folder / "backups" / name).symlink_to(victim)
    backup_background.request(folder)
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not (folder / "backups" / backup_background.REQUEST).is_symlink() and backup_background.pending(folder)


def test_restoring_the_newest_first_makes_the_backup_still_owed(tmp_path, capsys, monkeypatch):
    """A change whose backup process never ran (killed before it started): `duidu restore` makes that backup
    first, so the newest backup it restores holds the change instead of an older one without it."""
    from reader.core.importer import load_file

    monkeypatch.setenv("DUIDU_LANG", "en")
    folder = tmp_path / "lib"
    library = Library(folder)
    library.add_document(load_file(speech(tmp_path, 1)))
    library.close()                                            # in-process: its session backup at once
    library = Library(folder, backup_on_close=False)
    library.add_document(load_file(speech(tmp_path, 2)))
    backup_background.request(folder)                         # the closing command's request; no process came
    library.close()
    status, err = cli(capsys, folder, "restore")
    assert status == 0, err
    assert titles_in(folder / DB_NAME) == {"关于第1项工作的讲话", "关于第2项工作的讲话"}
    assert not backup_background.pending(folder)
