"""Bitmaps of the commonest parts of words: several common words that rarely meet, found in blocks.

Three parts each held by 45,000 of a million questions (`beam gan lstm`) meet in 80 rows, and
FTS5 finds the newest 50 by stepping through the three lists together: 80,000 entries read,
2.6 ms.  So each part held by many rows also keeps a bitmap of the rows holding it, in blocks
of 16,384 rows (2 KB each, `search_part_bits`); a query whose terms are all common ANDs the
terms' blocks from the newest down and stops at the block that fills the page: Python's
integers AND 2 KB at a time in C, about 60 blocks per part at a million rows.

Kept exact beside the parts index (word_parts.py), in each write's transaction: the rows
holding each part are counted (`search_parts`, from the parts each changed row gained and
lost); a part mapped has the blocks of its changed rows read again from the parts index; a
part that becomes common gets its whole map from the parts index.  A part stays mapped once
mapped, so the maps only ever grow in number; a term with a part not mapped and many rows is
left to the parts index.
"""

from __future__ import annotations

import heapq
import sqlite3
from collections import Counter, deque
from collections.abc import Iterator
from itertools import groupby, repeat
from operator import itemgetter

MIGRATION_NAME = "maps of the common parts of words"
SHIFT = 14  # a block holds 2**14 rows: 2 KB, two to a page
_MASK = (1 << SHIFT) - 1
_SIZE = 1 << (SHIFT - 3)  # bytes a block
_EMPTY = bytes(_SIZE)
_KEY = 24  # a block's key: the part's id above these bits, the block's number in them
_BLOCKS = (1 << _KEY) - 1
COMMON_ROWS = 10_000  # a part held by at least this many rows is mapped…
SPREAD = 64  # …and by one row in this many at least: a map costs at most 8 bits per row holding it
LEFTOVER = 2_000  # a term's rows in parts without a map, read from the parts index at search time

# (kind, table, its parts index)
TABLES = (("question", "questions", "questions_parts"), ("cell", "cells", "cells_parts"))


def _migration() -> str:
    counts = "".join(
        f"""
        CREATE VIRTUAL TABLE temp.{index}_vocabulary USING fts5vocab(main, {index}, row);
        INSERT INTO search_parts (kind, part, rows) SELECT '{kind}', term, doc FROM temp.{index}_vocabulary;
        DROP TABLE temp.{index}_vocabulary;
        """
        for kind, _table, index in TABLES
    )
    return (
        """
        CREATE TABLE search_parts (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            part TEXT NOT NULL,
            rows INTEGER NOT NULL DEFAULT 0,
            mapped INTEGER NOT NULL DEFAULT 0,
            UNIQUE (kind, part)
        );
        CREATE INDEX search_parts_mapped ON search_parts (kind) WHERE mapped = 1;
        CREATE TABLE search_part_bits (id INTEGER PRIMARY KEY, bits BLOB NOT NULL);
        """
        + counts
    )


MIGRATION = _migration()


def present(conn: sqlite3.Connection) -> bool:
    """Whether the library has the maps (a library being upgraded step by step may not yet)."""
    found = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_parts'").fetchone()
    return found is not None


class Tally:
    """What one write changes in one table's parts: rows per part, and the blocks of mapped parts.

    Parts gained and lost are gathered and counted a few thousand at a time (a Counter updated
    row by row cost more than splitting the row's parts)."""

    def __init__(self, conn: sqlite3.Connection, kind: str) -> None:
        self.kind = kind
        self.mapped: dict[str, int] = dict(
            conn.execute(
                "SELECT part, id FROM search_parts WHERE kind = ? AND mapped = 1", (kind,)
            ).fetchall()
        )
        self._mapped = frozenset(self.mapped)
        self._rows: Counter[str] = Counter()
        self._gained: list[str] = []
        self._lost: list[str] = []
        self._touched: dict[int, set[str]] = {}  # per block, the mapped parts its rows gained or lost

    def row(self, row_id: int, before: str | None, after: str | None) -> None:
        """A row's parts before and after the write (None: no row), separated by ASCII spaces only, as
        the index's tokenizer separates them: a part may hold a no-break or ideographic space."""
        new = set(after.split(" ")) if after else set()
        changed: set[str] = new
        if before:
            old = set(before.split(" "))
            if old == new:
                return
            lost = old - new
            self._lost += lost
            changed = (new - old) | lost
            self._gained += changed - lost
        else:
            self._gained += new
        if len(self._gained) >= _GATHER:
            self._rows.update(self._gained)
            self._gained.clear()
        if self._mapped:
            touched = self._touched.get(row_id >> SHIFT)
            if touched is None:
                touched = self._touched[row_id >> SHIFT] = set()
            touched |= self._mapped.intersection(changed)

    @property
    def blocks(self) -> dict[str, set[int]]:
        """The blocks of each mapped part whose rows gained or lost it."""
        found: dict[str, set[int]] = {}
        for number, parts in self._touched.items():
            for part in parts:
                found.setdefault(part, set()).add(number)
        return found

    @property
    def rows(self) -> Counter[str]:
        """How many more rows hold each part than before the write (negative: fewer)."""
        self._rows.update(self._gained)
        self._rows.subtract(Counter(self._lost))
        self._gained.clear()
        self._lost.clear()
        return self._rows


_GATHER = 50_000  # parts gathered before they are counted


def save(conn: sqlite3.Connection, table: str, index: str, tally: Tally) -> None:
    """Add the tally's counts, map the parts that became common, and read the changed blocks of
    mapped parts again from the parts index (which already holds the write)."""
    rows = tally.rows
    changed = [(part, n) for part, n in rows.items() if n]
    conn.executemany(
        "INSERT INTO search_parts (kind, part, rows) VALUES (?, ?, ?)"
        " ON CONFLICT (kind, part) DO UPDATE SET rows = rows + excluded.rows",
        [(tally.kind, part, n) for part, n in changed],
    )
    for part, blocks in tally.blocks.items():
        for first, last in _runs(sorted(blocks)):
            _map(conn, index, tally.mapped[part], part, first, last)
    grown = [part for part, n in changed if n > 0 and part not in tally.mapped]
    least = _least_rows(conn, table)
    for start in range(0, len(grown), 500):
        chunk = grown[start : start + 500]
        common = conn.execute(
            "SELECT id, part FROM search_parts WHERE kind = ? AND mapped = 0 AND rows >= ?"
            f" AND part IN ({', '.join('?' * len(chunk))})",
            (tally.kind, least, *chunk),
        ).fetchall()
        _map_whole(conn, table, index, common)


def map_common(conn: sqlite3.Connection) -> None:
    """Map every common part not mapped yet (the migration that adds the maps)."""
    for kind, table, index in TABLES:
        common = conn.execute(
            "SELECT id, part FROM search_parts WHERE kind = ? AND mapped = 0 AND rows >= ?",
            (kind, _least_rows(conn, table)),
        ).fetchall()
        _map_whole(conn, table, index, common)


def _least_rows(conn: sqlite3.Connection, table: str) -> int:
    newest = int(conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0])
    return max(COMMON_ROWS, newest // SPREAD)


def _map_whole(conn: sqlite3.Connection, table: str, index: str, parts: list[tuple[int, str]]) -> None:
    if not parts:
        return
    newest = int(conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0])
    for part_id, part in parts:
        _map(conn, index, part_id, part, 0, newest >> SHIFT)
        conn.execute("UPDATE search_parts SET mapped = 1 WHERE id = ?", (part_id,))


def _map(conn: sqlite3.Connection, index: str, part_id: int, part: str, first: int, last: int) -> None:
    """Write the blocks `first`..`last` of a part's map from the parts index (empty blocks: no row).

    The rows come as one string (`group_concat`), each as its distance from the last bit, and
    set the digits of one binary number (the newest row first) in C, read as one integer: a row
    fetched as a tuple cost twice as much as setting its bit, and setting each bit in Python
    a third more than this."""
    base = first << SHIFT
    size = (last - first + 1) << SHIFT  # bits
    top = base + size - 1
    (listed,) = conn.execute(
        f"SELECT group_concat(? - rowid) FROM {index} WHERE {index} MATCH ? AND rowid BETWEEN ? AND ?",
        (top, _phrase(part), base, top),
    ).fetchone()
    digits = bytearray(b"0") * size
    if listed:
        deque(map(digits.__setitem__, map(int, listed.split(",")), repeat(_ONE)), maxlen=0)
    held = int(digits, 2).to_bytes(size >> 3, "little")
    key = part_id << _KEY
    conn.execute("DELETE FROM search_part_bits WHERE id BETWEEN ? AND ?", (key | first, key | last))
    blocks = (
        (number, held[(number - first) * _SIZE : (number - first + 1) * _SIZE])
        for number in range(first, last + 1)
    )
    conn.executemany(
        "INSERT INTO search_part_bits (id, bits) VALUES (?, ?)",
        [(key | number, bits) for number, bits in blocks if bits != _EMPTY],
    )


_ONE = ord("1")


def _runs(blocks: list[int]) -> Iterator[tuple[int, int]]:
    """Sorted block numbers as runs of consecutive ones, (first, last)."""
    first = last = blocks[0]
    for block in blocks[1:]:
        if block != last + 1:
            yield first, last
            first = block
        last = block
    yield first, last


def newest_rows(
    conn: sqlite3.Connection, kind: str, index: str, terms: list[list[str]]
) -> Iterator[int] | None:
    """The rows holding, for every term, one of its parts, newest first, from the maps; None when
    the maps cannot answer sooner: a single term, or a term whose parts are not mapped (the
    parts index, led by that term's short list, is quick), or one with many rows outside maps."""
    if len(terms) < 2:
        return None
    names = sorted({part for parts in terms for part in parts})
    known: dict[str, tuple[int, int, int]] = {}
    for start in range(0, len(names), 500):
        chunk = names[start : start + 500]
        for part, part_id, rows, mapped in conn.execute(
            f"SELECT part, id, rows, mapped FROM search_parts WHERE kind = ? AND part IN ({', '.join('?' * len(chunk))})",
            (kind, *chunk),
        ):
            known[part] = (part_id, rows, mapped)
    streams: list[Iterator[tuple[int, int]]] = []
    for parts in terms:  # a part not counted is in no row (a word of rows deleted before the counts)
        mapped = [known[part][0] for part in parts if part in known and known[part][2]]
        rest = [part for part in parts if part in known and not known[part][2] and known[part][1] > 0]
        if not mapped or sum(known[part][1] for part in rest) > LEFTOVER:
            return None
        streams.append(_term_blocks(conn, index, mapped, rest, sum(len(t) for t in terms[: len(streams)])))
    return _meeting(streams)


def _term_blocks(
    conn: sqlite3.Connection, index: str, mapped: list[int], rest: list[str], slot: int
) -> Iterator[tuple[int, int]]:
    """A term's blocks newest first, (number, bits): its mapped parts' blocks ORed, and its other
    parts' few rows read from the parts index."""
    streams: list[Iterator[tuple[int, int]]] = [
        _blocks(conn, part_id, slot + number) for number, part_id in enumerate(mapped)
    ]
    if rest:
        extra: dict[int, int] = {}
        for (row_id,) in conn.execute(
            f"SELECT rowid FROM {index} WHERE {index} MATCH ?", (" OR ".join(_phrase(p) for p in rest),)
        ):
            extra[row_id >> SHIFT] = extra.get(row_id >> SHIFT, 0) | 1 << (row_id & _MASK)
        streams.append(iter(sorted(extra.items(), reverse=True)))
    if len(streams) == 1:
        yield from streams[0]
        return
    for number, same in groupby(heapq.merge(*streams, key=itemgetter(0), reverse=True), key=itemgetter(0)):
        bits = 0
        for _number, more in same:
            bits |= more
        yield number, bits


def _blocks(conn: sqlite3.Connection, part_id: int, slot: int) -> Iterator[tuple[int, int]]:
    """A part's blocks, newest first.  The parts of one search are read at once, each by a statement
    of its own (`slot` in its text): the same text while another reads it is compiled anew."""
    key = part_id << _KEY
    for block_key, bits in conn.execute(
        f"SELECT id, bits FROM search_part_bits WHERE id BETWEEN ? AND ? ORDER BY id DESC -- {slot % 16}",
        (key, key | _BLOCKS),
    ):
        yield block_key & _BLOCKS, int.from_bytes(bits, "little")


def _meeting(streams: list[Iterator[tuple[int, int]]]) -> Iterator[int]:
    """The rows set in the same block of every stream, newest first."""
    heads = [next(stream, None) for stream in streams]
    while True:
        if any(head is None for head in heads):
            return
        low = min(head[0] for head in heads if head is not None)
        for i, stream in enumerate(streams):
            head = heads[i]
            while head is not None and head[0] > low:
                head = next(stream, None)
            heads[i] = head
        if any(head is None or head[0] != low for head in heads):
            continue
        bits = -1
        for head in heads:
            bits &= head[1] if head is not None else 0
        base = low << SHIFT
        while bits:
            top = bits.bit_length() - 1
            yield base + top
            bits ^= 1 << top
        heads = [next(stream, None) for stream in streams]


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'
