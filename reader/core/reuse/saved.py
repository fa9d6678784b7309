"""The postings saved beside the library as one .npy file, memory-mapped by every process that opens the index.

A saved copy names the documents it holds (id and text hash) and the index version it was made
with; whoever opens it brings it up to date from the database (a few new documents go into the
delta, removed or changed ones are marked dead), so a stale copy is still useful and a current one
opens in milliseconds without reading the database's fingerprints. Files are written whole under
a fresh name and then named in postings.json, so a reader never sees half a file.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import uuid
from pathlib import Path

import numpy as np

FOLDER = "reuse-index"
MANIFEST = "postings.json"
log = logging.getLogger(__name__)


def folder_of(conn: sqlite3.Connection) -> Path | None:
    """Where the saved postings of this database live (None for an in-memory or temporary database)."""
    for _seq, name, path in conn.execute("PRAGMA database_list"):
        if name == "main" and path:
            return Path(path).parent / FOLDER
    return None


def load(folder: Path | None, version: str) -> tuple[np.ndarray, dict[int, str]] | None:
    """(memory-mapped entries, {doc_id: text hash}) of the saved copy, or None when there is none usable."""
    if folder is None:
        return None
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        if manifest.get("version") != version:
            return None
        entries = np.load(folder / manifest["file"], mmap_mode="r", allow_pickle=False)
        if entries.dtype != np.uint64 or entries.ndim != 1 or entries.shape[0] != manifest["entries"]:
            return None
        return entries, {int(k): v for k, v in manifest["docs"].items()}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        if not isinstance(exc, FileNotFoundError):
            log.warning("saved postings in %s unusable, rebuilding: %s", folder, exc)
        return None


def save(folder: Path | None, version: str, entries: np.ndarray, docs: dict[int, str]) -> bool:
    """Write a new saved copy (entries sorted, exactly the postings of docs); False if it cannot be written."""
    if folder is None:
        return False
    name = f"postings-{uuid.uuid4().hex[:12]}.npy"
    try:
        folder.mkdir(exist_ok=True)
        with open(folder / name, "wb") as out:
            np.save(out, np.ascontiguousarray(entries, dtype=np.uint64), allow_pickle=False)
            out.flush()
            os.fsync(out.fileno())
        manifest = {"version": version, "file": name, "entries": int(entries.shape[0]),
                    "docs": {str(k): v for k, v in sorted(docs.items())}}
        tmp = folder / f"{MANIFEST}.{name}.tmp"
        tmp.write_text(json.dumps(manifest), encoding="utf-8")
        os.replace(tmp, folder / MANIFEST)
    except OSError as exc:
        log.warning("cannot save postings in %s: %s", folder, exc)
        return False
    for old in folder.glob("postings-*.npy"):
        if old.name != name:
            try:
                old.unlink()    # a process still mapping it keeps its pages (Windows refuses: kept till later)
            except OSError:
                pass
    return True
