"""Helpers shared by the reliability tests and bench/reliability.py: table dumps, checksums, damage."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

# the tables whose rows are the user's work (the reuse and similarity caches can be rebuilt)
USER_TABLES = ("documents", "state", "section_links", "tags", "excerpt_groups", "excerpts", "excerpt_tags")


def dump(conn: sqlite3.Connection, tables=USER_TABLES) -> dict[str, list[tuple]]:
    """Every row of the user's tables, in a stable order."""
    return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in tables}


def checksum(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def corrupt_pages(path: Path, seed: int = 7) -> None:
    """Keep the 100-byte header valid and overwrite the b-tree pages after page 1 with noise."""
    data = bytearray(Path(path).read_bytes())
    page = int.from_bytes(data[16:18], "big") or 65536
    noise = __import__("random").Random(seed)
    for start in range(page, len(data), page):
        for offset in range(0, 64):   # the page header and the first cell pointers
            if start + offset < len(data):
                data[start + offset] = noise.randrange(256)
    Path(path).write_bytes(bytes(data))
