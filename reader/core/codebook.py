"""The codebook: tags in a tree and the excerpts they mark, each write one transaction and undoable.

Every destructive call returns a snapshot of what it changed; `restore_excerpt` / `restore_tag` /
`unmerge_tags` put it back exactly (same ids, links, groups, timestamps), which is what the GUI's
QUndoCommands call. Edits (note, tags, rename, recolour, move) return the before-snapshot too.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Iterable, Iterator

from reader.core.codebook_types import (EXCERPT_COLUMNS, TAG_COLUMNS, CodebookError, Excerpt, ExcerptSnapshot,
                                        MergeSnapshot, Tag, TagRef, TagSnapshot, arrange_tags, clean_tag_name,
                                        find_unique, make_contexts, normalise_color, tag_paths)
from reader.core.outline import parse_outline, path_label, section_path

__all__ = ["Codebook", "CodebookError", "Excerpt", "ExcerptSnapshot", "MergeSnapshot", "Tag", "TagSnapshot"]

_COLS = ", ".join(EXCERPT_COLUMNS)


def now() -> str:
    """The current UTC time as the codebook stores it."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Codebook:
    """Tags and excerpts over a `Library`; widgets call these methods, never SQL."""

    def __init__(self, library):
        self.library = library
        self.conn: sqlite3.Connection = library.conn
        self._outlines: dict[int, tuple[str, list]] = {}

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One transaction; inside a caller's (a text replacement), a savepoint that undoes itself on error."""
        if self.conn.in_transaction:
            self.conn.execute("SAVEPOINT codebook")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK TO codebook")
                self.conn.execute("RELEASE codebook")
                raise
            self.conn.execute("RELEASE codebook")
        else:
            with self.library.transaction() as conn:
                yield conn

    # --- tags ------------------------------------------------------------------------------

    def create_tag(self, name: str, color: str | None = None, parent_id: int | None = None) -> Tag:
        """A new tag at the end of its siblings; the next palette colour when none is given."""
        name = clean_tag_name(name)
        with self.write() as conn:
            if parent_id is not None:
                self._tag_row(parent_id)
            self._check_name_free(parent_id, name)
            count = conn.execute("SELECT count(*) FROM tags").fetchone()[0]
            cur = conn.execute("INSERT INTO tags (name, color, parent_id, sort_order) VALUES (?,?,?,?)",
                               (name, normalise_color(color, count), parent_id, self._next_order(parent_id)))
            return Tag(*self._tag_row(cur.lastrowid))

    def rename_tag(self, tag_id: int, name: str) -> TagSnapshot:
        """Give a tag a new name (unique among its siblings); returns the before-snapshot."""
        name = clean_tag_name(name)
        with self.write() as conn:
            before = self.tag_snapshot(tag_id)
            self._check_name_free(before.row[3], name, tag_id)
            conn.execute("UPDATE tags SET name = ? WHERE id = ?", (name, tag_id))
            return before

    def recolor_tag(self, tag_id: int, color: str) -> TagSnapshot:
        """Change a tag's colour (#rrggbb); returns the before-snapshot."""
        with self.write() as conn:
            before = self.tag_snapshot(tag_id)
            conn.execute("UPDATE tags SET color = ? WHERE id = ?", (normalise_color(color, 0), tag_id))
            return before

    def move_tag(self, tag_id: int, parent_id: int | None, sort_order: int | None = None) -> TagSnapshot:
        """Put a tag (with its subtags) under another parent or at the top; never under itself."""
        with self.write() as conn:
            before = self.tag_snapshot(tag_id)
            if parent_id is not None:
                self._tag_row(parent_id)
                if tag_id in self._ancestors(parent_id) | {parent_id}:
                    raise CodebookError("cycle", before.row[1])
            self._check_name_free(parent_id, before.row[1], tag_id)
            order = self._next_order(parent_id) if sort_order is None else sort_order
            conn.execute("UPDATE tags SET parent_id = ?, sort_order = ? WHERE id = ?", (parent_id, order, tag_id))
            return before

    def delete_tag(self, tag_id: int) -> TagSnapshot:
        """Delete a tag: its excerpts stay (without it), its subtags move up one level."""
        with self.write() as conn:
            snap = self.tag_snapshot(tag_id)
            self._lift_children(snap, snap.row[3])
            conn.execute("DELETE FROM tags WHERE id = ?", (tag_id,))
            return snap

    def merge_tags(self, source_id: int, target_id: int) -> MergeSnapshot:
        """Move every excerpt and subtag of `source` to `target`, then delete `source`."""
        with self.write() as conn:
            snap = self.tag_snapshot(source_id)
            self._tag_row(target_id)
            if source_id == target_id or source_id in self._ancestors(target_id):
                raise CodebookError("merge_self", snap.row[1])
            had = {r[0] for r in conn.execute("SELECT excerpt_id FROM excerpt_tags WHERE tag_id = ?", (target_id,))}
            added = tuple(e for e in snap.excerpt_ids if e not in had)
            conn.executemany("INSERT INTO excerpt_tags (excerpt_id, tag_id) VALUES (?, ?)",
                             [(e, target_id) for e in added])
            self._lift_children(snap, target_id)
            conn.execute("DELETE FROM tags WHERE id = ?", (source_id,))
            return MergeSnapshot(snap, target_id, added)

    def unmerge_tags(self, snapshot: MergeSnapshot) -> None:
        """Undo a merge: the source tag comes back with its excerpts and subtags, the target loses what it gained."""
        with self.write() as conn:
            self.restore_tag(snapshot.source)
            conn.executemany("DELETE FROM excerpt_tags WHERE excerpt_id = ? AND tag_id = ?",
                             [(e, snapshot.target_id) for e in snapshot.added_to_target])

    def restore_tag(self, snapshot: TagSnapshot) -> None:
        """Put a tag back as the snapshot has it: same id, name, colour, place, excerpts and subtags."""
        with self.write() as conn:
            conn.execute("INSERT INTO tags (id, name, color, parent_id, sort_order) VALUES (?,?,?,?,?)"
                         " ON CONFLICT(id) DO UPDATE SET name = excluded.name, color = excluded.color,"
                         " parent_id = excluded.parent_id, sort_order = excluded.sort_order", snapshot.row)
            conn.executemany("INSERT OR IGNORE INTO excerpt_tags (excerpt_id, tag_id) VALUES (?, ?)",
                             [(e, snapshot.id) for e in snapshot.excerpt_ids])
            conn.executemany("UPDATE tags SET parent_id = ? WHERE id = ?",
                             [(snapshot.id, c) for c in snapshot.child_ids])

    def tag_snapshot(self, tag_id: int) -> TagSnapshot:
        """A tag's row, its excerpts and its subtags, as undo needs them."""
        row = self._tag_row(tag_id)
        excerpts = tuple(r[0] for r in self.conn.execute(
            "SELECT excerpt_id FROM excerpt_tags WHERE tag_id = ? ORDER BY excerpt_id", (tag_id,)))
        children = tuple(r[0] for r in self.conn.execute("SELECT id FROM tags WHERE parent_id = ? ORDER BY id",
                                                         (tag_id,)))
        return TagSnapshot(row, excerpts, children)

    def tag_usage(self, tag_id: int) -> int:
        """How many excerpts carry this tag itself (for "this affects N excerpts")."""
        self._tag_row(tag_id)
        return self.conn.execute("SELECT count(*) FROM excerpt_tags WHERE tag_id = ?", (tag_id,)).fetchone()[0]

    def list_tags(self) -> list[Tag]:
        """Every tag in tree order (depth first, siblings by sort order then name) with its counts."""
        rows = self.conn.execute(f"SELECT {', '.join(TAG_COLUMNS)} FROM tags").fetchall()
        return arrange_tags(rows, self.conn.execute("SELECT excerpt_id, tag_id FROM excerpt_tags"))

    def subtree_ids(self, tag_id: int) -> list[int]:
        """A tag's id and the ids of all its subtags."""
        rows = self.conn.execute("WITH RECURSIVE sub(id) AS (SELECT ? UNION SELECT t.id FROM tags t"
                                 " JOIN sub ON t.parent_id = sub.id) SELECT id FROM sub", (tag_id,))
        return [r[0] for r in rows]

    # --- excerpts --------------------------------------------------------------------------

    def add_excerpt(self, doc_id: int, start: int, end: int, tag_ids: Iterable[int] = (), note: str = "",
                    group_id: int | None = None) -> Excerpt:
        """Keep text[start:end] of a speech with its contexts, tags and note."""
        with self.write() as conn:
            text = self.document_text(doc_id)
            if not 0 <= start < end <= len(text):
                raise CodebookError("range", f"{start}–{end}")
            if not text[start:end].strip():
                raise CodebookError("blank", f"{start}–{end}")
            if group_id is not None and conn.execute(
                    "SELECT 1 FROM excerpt_groups WHERE id = ?", (group_id,)).fetchone() is None:
                raise CodebookError("missing_group", group_id)
            before, after = make_contexts(text, start, end)
            stamp = now()
            cur = conn.execute(f"INSERT INTO excerpts ({_COLS}) VALUES (NULL,?,?,?,?,?,?,?,?,'ok',?,?)",
                               (doc_id, start, end, text[start:end], before, after, note, group_id, stamp, stamp))
            self._set_tags(cur.lastrowid, tag_ids)
            return self.get_excerpt(cur.lastrowid)

    def add_group(self, passages: Iterable[tuple[int, int, int]], tag_ids: Iterable[int] = (),
                  note: str = "") -> list[Excerpt]:
        """The same passage in several speeches, (doc_id, start, end) each, as one group of excerpts."""
        tag_ids = list(tag_ids)
        with self.write() as conn:
            group_id = conn.execute("INSERT INTO excerpt_groups (created_at) VALUES (?)", (now(),)).lastrowid
            return [self.add_excerpt(d, s, e, tag_ids, note, group_id) for d, s, e in passages]

    def group_members(self, group_id: int) -> list[Excerpt]:
        """The excerpts of one group, in document order."""
        return self._select("e.group_id = ?", (group_id,))

    def update_note(self, excerpt_id: int, note: str) -> ExcerptSnapshot:
        """Change an excerpt's note; returns the before-snapshot."""
        with self.write() as conn:
            before = self.excerpt_snapshot(excerpt_id)
            conn.execute("UPDATE excerpts SET note = ?, updated_at = ? WHERE id = ?", (note, now(), excerpt_id))
            return before

    def set_excerpt_tags(self, excerpt_id: int, tag_ids: Iterable[int]) -> ExcerptSnapshot:
        """Give an excerpt exactly these tags; returns the before-snapshot."""
        with self.write() as conn:
            before = self.excerpt_snapshot(excerpt_id)
            conn.execute("DELETE FROM excerpt_tags WHERE excerpt_id = ?", (excerpt_id,))
            self._set_tags(excerpt_id, tag_ids)
            conn.execute("UPDATE excerpts SET updated_at = ? WHERE id = ?", (now(), excerpt_id))
            return before

    def delete_excerpt(self, excerpt_id: int) -> ExcerptSnapshot:
        """Delete an excerpt (and its group when it was the last member); returns what undo needs."""
        return self.delete_excerpts([excerpt_id])[0]

    def delete_excerpts(self, excerpt_ids: Iterable[int]) -> list[ExcerptSnapshot]:
        """Delete several excerpts in one transaction (a backup first); returns their snapshots."""
        excerpt_ids = list(excerpt_ids)
        if len(excerpt_ids) > 1:
            self.library.backup("pre-delete")
        with self.write() as conn:
            snaps = [self.excerpt_snapshot(e) for e in excerpt_ids]
            for snap in snaps:
                conn.execute("DELETE FROM excerpts WHERE id = ?", (snap.id,))
            for group in {s.group for s in snaps if s.group}:
                conn.execute("DELETE FROM excerpt_groups WHERE id = ? AND NOT EXISTS"
                             " (SELECT 1 FROM excerpts WHERE group_id = ?)", (group[0], group[0]))
            return snaps

    def restore_excerpt(self, snapshot: ExcerptSnapshot) -> None:
        """Put an excerpt back exactly as snapshotted: same id, offsets, note, tags, group and times."""
        self.restore_excerpts([snapshot])

    def restore_excerpts(self, snapshots: Iterable[ExcerptSnapshot]) -> None:
        """Restore several snapshots in one transaction (undo of a multiple delete or an edit)."""
        updates = ", ".join(f"{c} = excluded.{c}" for c in EXCERPT_COLUMNS[1:])
        with self.write() as conn:
            for snap in snapshots:
                if snap.group:
                    conn.execute("INSERT OR IGNORE INTO excerpt_groups (id, created_at) VALUES (?, ?)", snap.group)
                conn.execute(f"INSERT INTO excerpts ({_COLS}) VALUES ({','.join('?' * len(EXCERPT_COLUMNS))})"
                             f" ON CONFLICT(id) DO UPDATE SET {updates}", snap.row)
                conn.execute("DELETE FROM excerpt_tags WHERE excerpt_id = ?", (snap.id,))
                conn.executemany("INSERT INTO excerpt_tags (excerpt_id, tag_id) VALUES (?, ?)",
                                 [(snap.id, t) for t in snap.tag_ids])

    def excerpt_snapshot(self, excerpt_id: int) -> ExcerptSnapshot:
        """Everything stored about an excerpt."""
        row = self.conn.execute(f"SELECT {_COLS} FROM excerpts WHERE id = ?", (excerpt_id,)).fetchone()
        if row is None:
            raise CodebookError("missing_excerpt", excerpt_id)
        tags = tuple(r[0] for r in self.conn.execute(
            "SELECT tag_id FROM excerpt_tags WHERE excerpt_id = ? ORDER BY tag_id", (excerpt_id,)))
        group = None
        if row[8] is not None:
            group = self.conn.execute("SELECT id, created_at FROM excerpt_groups WHERE id = ?", (row[8],)).fetchone()
        return ExcerptSnapshot(tuple(row), tags, tuple(group) if group else None)

    def get_excerpt(self, excerpt_id: int) -> Excerpt:
        """One excerpt with its speech, section and tags."""
        found = self._select("e.id = ?", (excerpt_id,))
        if not found:
            raise CodebookError("missing_excerpt", excerpt_id)
        return found[0]

    def excerpt_doc_ids(self) -> list[int]:
        """The speeches holding at least one excerpt (what the excerpts can be filtered by)."""
        return [r[0] for r in self.conn.execute("SELECT DISTINCT doc_id FROM excerpts")]

    def list_excerpts(self, tag_id: int | None = None, doc_id: int | None = None,
                      words: str | Iterable[str] | None = None, status: str | None = None, *,
                      include_subtags: bool = True) -> list[Excerpt]:
        """Excerpts in document order (speech date, then offset), filtered by tag (with its subtags), speech,
        words (all must occur in the quote or the note, case-insensitively) and status."""
        where, params = [], []
        if tag_id is not None:
            ids = self.subtree_ids(tag_id) if include_subtags else [tag_id]
            where.append(f"e.id IN (SELECT excerpt_id FROM excerpt_tags WHERE tag_id IN ({','.join('?' * len(ids))}))")
            params += ids
        if doc_id is not None:
            where.append("e.doc_id = ?")
            params.append(doc_id)
        if status is not None:
            where.append("e.status = ?")
            params.append(status)
        found = self._select(" AND ".join(where) or "1", params)
        if words:
            terms = [w.casefold() for w in ([words] if isinstance(words, str) else words) if w.strip()]
            found = [x for x in found if all(t in (x.quote + "\n" + x.note).casefold() for t in terms)]
        return found

    def excerpts_in_document(self, doc_id: int) -> list[Excerpt]:
        """A speech's excerpts by offset, for the highlight layer."""
        return self.list_excerpts(doc_id=doc_id)

    def find_quote(self, doc_id: int, quote: str) -> tuple[int, int]:
        """(start, end) of a quotation in a speech; CodebookError when absent or ambiguous."""
        return find_unique(self.document_text(doc_id), quote)

    # --- helpers ---------------------------------------------------------------------------

    def _select(self, where: str, params) -> list[Excerpt]:
        """Excerpts matching a WHERE clause, with speech fields, section labels and tags."""
        cols = ", ".join(f"e.{c}" for c in EXCERPT_COLUMNS)
        rows = self.conn.execute(
            f"SELECT {cols}, d.title, d.date, d.place, d.speaker, d.content_hash FROM excerpts e"
            f" JOIN documents d ON d.id = e.doc_id WHERE {where}"
            " ORDER BY d.date IS NULL, d.date, d.id, e.\"start\", e.id", params).fetchall()
        paths = tag_paths(self.conn.execute("SELECT id, name, parent_id FROM tags"))
        tags: dict[int, list[TagRef]] = {}
        for excerpt_id, *ref in self.conn.execute(
                "SELECT et.excerpt_id, t.id, t.name, t.color FROM excerpt_tags et JOIN tags t ON t.id = et.tag_id"
                " ORDER BY t.sort_order, t.name, t.id"):
            tags.setdefault(excerpt_id, []).append(TagRef(*ref, path=paths.get(ref[0], "")))
        found = []
        for *row, digest in rows:
            excerpt = Excerpt(*row, tags=tags.get(row[0], []))
            path = section_path(self._outline(excerpt.doc_id, digest), excerpt.start)
            excerpt.section = path_label(path)
            # the heading as the speech writes it, marker and text: 二、着力统筹推进城乡区域协调发展
            excerpt.headings = [f"{s.label}{s.title}".strip() for s in path if s.kind == "heading"]
            found.append(excerpt)
        return found

    def _outline(self, doc_id: int, digest: str) -> list:
        """A speech's outline, parsed once per version of its text."""
        cached = self._outlines.get(doc_id)
        if cached is None or cached[0] != digest:
            cached = (digest, parse_outline(self.document_text(doc_id)))
            self._outlines[doc_id] = cached
        return cached[1]

    def document_text(self, doc_id: int) -> str:
        """A speech's cleaned text (the string offsets index)."""
        row = self.conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise CodebookError("missing_doc", doc_id)
        return row[0]

    def _set_tags(self, excerpt_id: int, tag_ids: Iterable[int]) -> None:
        """Link an excerpt to tags that must exist."""
        ids = list(dict.fromkeys(tag_ids))
        for tag_id in ids:
            self._tag_row(tag_id)
        self.conn.executemany("INSERT INTO excerpt_tags (excerpt_id, tag_id) VALUES (?, ?)",
                              [(excerpt_id, t) for t in ids])

    def _tag_row(self, tag_id: int) -> tuple:
        """A tag's stored row; CodebookError when there is none."""
        row = self.conn.execute(f"SELECT {', '.join(TAG_COLUMNS)} FROM tags WHERE id = ?", (tag_id,)).fetchone()
        if row is None:
            raise CodebookError("missing_tag", tag_id)
        return tuple(row)

    def _ancestors(self, tag_id: int) -> set[int]:
        """The ids above a tag, up to the top."""
        rows = self.conn.execute("WITH RECURSIVE up(id) AS (SELECT parent_id FROM tags WHERE id = ? UNION SELECT"
                                 " t.parent_id FROM tags t JOIN up ON t.id = up.id) SELECT id FROM up", (tag_id,))
        return {r[0] for r in rows if r[0] is not None}

    def _lift_children(self, snap: TagSnapshot, new_parent: int | None) -> None:
        """Move a tag's subtags under `new_parent` (refused when a name would clash there)."""
        for child in snap.child_ids:
            self._check_name_free(new_parent, self._tag_row(child)[1], child)
            self.conn.execute("UPDATE tags SET parent_id = ? WHERE id = ?", (new_parent, child))

    def _check_name_free(self, parent_id: int | None, name: str, except_id: int | None = None) -> None:
        """Refuse a second tag of the same name under one parent."""
        row = self.conn.execute("SELECT id FROM tags WHERE ifnull(parent_id, 0) = ifnull(?, 0) AND name = ?"
                                " AND id IS NOT ?", (parent_id, name, except_id)).fetchone()
        if row is not None:
            raise CodebookError("name_taken", name)

    def _next_order(self, parent_id: int | None) -> int:
        """A sort order after every sibling's."""
        row = self.conn.execute("SELECT max(sort_order) FROM tags WHERE ifnull(parent_id, 0) = ifnull(?, 0)",
                                (parent_id,)).fetchone()
        return 0 if row[0] is None else row[0] + 1
