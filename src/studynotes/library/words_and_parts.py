"""A write's rows read once for search: their words for the vocabulary and their parts, in one pass.

The vocabulary (word_index.py) and the parts index (word_parts.py) both need the words of every
row a write added or changed, split the same way (ASCII spaces and control characters, ASCII
case folded).  Read by each in turn, a million questions' text was fetched, encoded and split
twice in the commit that everything waits for.  Here each row pending for both is read and split
once: its distinct words are gathered for the vocabulary and its words turned into parts
(`WordParts`), with its old parts (the text it was last indexed with) taken out as the parts
step alone takes them.

Every write notes a row for the vocabulary only when it notes it for the parts too (both are
noted by the same inserts and updates; a deletion only for the parts), so one read of the rows
noted for the parts serves both.  When a step has rows noted for it alone, as in an upgrade,
it reads its rows itself.  Either way the library ends the same, row for row.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from itertools import repeat

from . import index_later, part_maps, word_index, word_parts
from .pending import nothing_pending
from .word_parts import WordParts, parts_text

_CONTROL = bytes(range(0x21)) + b"\x7f"
_SEPARATE = bytes.maketrans(_CONTROL, b" " * len(_CONTROL))  # as word_index and word_parts split


def flush(conn: sqlite3.Connection) -> None:
    """The words and parts of every row written since the last flush; in the caller's transaction."""
    if nothing_pending(conn, "search_pending") or nothing_pending(conn, "search_parts_pending"):
        apart(conn)
        return
    index_later.index_new_rows(conn)  # inserted rows noted, not yet in the full-text indexes
    ready, mapping = word_parts.begin(conn)
    counted: dict[str, word_index.Gathered] = {}
    written = 0
    for kind, table, index, columns in word_parts.TABLES:
        text = " || ' ' || ".join(f"t.{c}" for c in columns)
        tally = part_maps.Tally(conn, kind) if mapping else None
        worked_out = (
            f"r.parts FROM search_parts_pending p LEFT JOIN search_parts_ready_{kind} r ON r.row_id = p.row_id"
            if ready
            else "NULL FROM search_parts_pending p"
        )
        rows = conn.execute(
            f"SELECT p.row_id, p.indexed, w.row_id IS NOT NULL, {text}, {worked_out}"
            f" LEFT JOIN search_pending w ON w.kind = p.kind AND w.row_id = p.row_id"
            f" LEFT JOIN {table} t ON t.id = p.row_id WHERE p.kind = ? ORDER BY p.row_id",
            (kind,),
        )
        gathered = counted[kind] = word_index.Gathered()
        changes = _changes(rows, gathered, tally)
        written += word_parts.index_changes(conn, kind, table, index, ready, changes, tally)
    if sum(gathered.rows for gathered in counted.values()) < _noted(conn):
        # Rows were noted for the vocabulary alone: it reads its rows itself, as when apart.
        counted = {
            kind: word_index.read(conn, kind, table, columns)
            for kind, table, _i, columns in word_index.TABLES
        }
    word_index.save(conn, {kind: counted[kind] for kind, *_rest in word_index.TABLES})
    word_parts.end(conn, ready, written)


def apart(conn: sqlite3.Connection) -> None:
    """The vocabulary and the parts each from the rows noted for it, read by each step itself."""
    word_index.flush(conn)
    word_parts.flush(conn)


def _noted(conn: sqlite3.Connection) -> int:
    """How many rows are noted for the vocabulary: more than the pass read for it only when rows
    were noted for the vocabulary alone (no write does; an upgrade's step might)."""
    return int(conn.execute("SELECT count(*) FROM search_pending").fetchone()[0])


def _changes(
    rows: Iterable[tuple[int, str | None, int, str | None, str | None]],
    gathered: word_index.Gathered,
    tally: part_maps.Tally | None,
) -> Iterator[tuple[str | None, int, str]]:
    """`word_parts._changes` for rows read with their text as it is now, each split once: its
    distinct words gathered for the vocabulary (rows noted for it), its words' parts indexed."""
    known = WordParts()
    parts_of_word = known.__getitem__
    found, ids, gather = gathered.found, gathered.ids, word_index._GATHER
    read = 0
    for row_id, indexed, for_words, current, ready in rows:
        after = ready
        read += for_words
        if current is not None:
            words = current.encode("utf-8").lower().translate(_SEPARATE).split()
            if for_words:
                distinct = set(words)
                found += distinct
                ids += repeat(row_id, len(distinct))
                if len(found) >= gather:
                    gathered.count()
            if ready is None:
                after = " ".join(filter(None, map(parts_of_word, words)))
        before = None if indexed is None else parts_text(indexed, known)
        if before is not None:
            yield "delete", row_id, before
        if after is not None and ready is None:
            yield None, row_id, after
        if tally is not None:
            tally.row(row_id, before, after)
    gathered.rows += read
