"""The words of the library: what lets a search answer from whole words instead of trigrams.

At a million questions a trigram index is slow exactly where a search should be
quick: a word that occurs nowhere but is made of common trigrams (`Atention`), or
several words each common whose rows rarely meet, make it merge long lists of
trigram hits.  So the library also keeps:

- a word index per searchable table (`questions_words`, `cells_words`): FTS5 over
  whole words (runs of characters between ASCII spaces and control characters,
  ASCII case folded), rows only, no positions;
- the vocabulary (`search_words`): every word ever written, with how many rows held
  it, and a trigram index over the words themselves, so a term is turned into the
  few words that contain it (`손실` → `손실`, `손실함수를`, `손실을`) by reading an
  index of some thousands of words, not of a million rows; no word means no hit;
- the pieces (`search_pieces`): every one- and two-character piece of a word, with
  the words holding it while they are few, and the newest row holding it, so a short
  term is answered the same way, or scanned from its newest row down.

Triggers on the tables record each row written in `search_pending` (whoever writes
it); `flush` puts new rows into the full-text indexes (`index_later.py`) and reads
those rows' words into the vocabulary in the writer's transaction (a write's rows are read once
for the vocabulary and the parts of words: words_and_parts.py).  The vocabulary only grows (a deleted row leaves its words behind), so
it is always a superset of what the rows hold: a term it lacks is in no row.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from itertools import repeat
from typing import Any

from .pending import nothing_pending

# Runs between these bytes are the word index's words; `_SEPARATE` makes Python split where the
# FTS5 `ascii` tokenizer does (every ASCII control character and the space).
_CONTROL = bytes(range(0x21)) + b"\x7f"
_SEPARATE = bytes.maketrans(_CONTROL, b" " * len(_CONTROL))
_PUNCTUATION = "".join(ch for ch in map(chr, range(0x21, 0x7F)) if not ch.isalnum())
_TOKENIZER = "ascii tokenchars '" + _PUNCTUATION.replace("'", "''") + "'"
TOKENIZE = "'" + _TOKENIZER.replace("'", "''") + "'"

MANY_WORDS = 64  # past this many words a piece keeps no list: it is common
MERGE_AFTER_ROWS = 5_000  # a write of at least this many rows (and a tenth of all) merges segments
MIGRATION_NAME = "whole words and their pieces for search"

# (kind, table, its word index, the indexed columns)
TABLES = (
    ("question", "questions", "questions_words", ("text", "answer", "asker")),
    ("cell", "cells", "cells_words", ("markdown",)),
)


def _migration() -> str:
    parts = []
    for kind, table, index, columns in TABLES:
        names = ", ".join(columns)
        new = ", ".join(f"new.{c}" for c in columns)
        old = ", ".join(f"old.{c}" for c in columns)
        parts.append(
            f"""
        CREATE VIRTUAL TABLE {index} USING fts5(
            {names}, content='{table}', content_rowid='id', tokenize={TOKENIZE}, detail=none
        );
        CREATE TRIGGER {index}_ai AFTER INSERT ON {table} BEGIN
            INSERT INTO {index} (rowid, {names}) VALUES (new.id, {new});
            INSERT OR IGNORE INTO search_pending (kind, row_id) VALUES ('{kind}', new.id);
        END;
        CREATE TRIGGER {index}_ad AFTER DELETE ON {table} BEGIN
            INSERT INTO {index} ({index}, rowid, {names}) VALUES ('delete', old.id, {old});
        END;
        CREATE TRIGGER {index}_au AFTER UPDATE OF {names} ON {table} BEGIN
            INSERT INTO {index} ({index}, rowid, {names}) VALUES ('delete', old.id, {old});
            INSERT INTO {index} (rowid, {names}) VALUES (new.id, {new});
            INSERT OR IGNORE INTO search_pending (kind, row_id) VALUES ('{kind}', new.id);
        END;
        INSERT INTO {index} ({index}) VALUES ('rebuild');
        INSERT INTO search_pending (kind, row_id) SELECT '{kind}', id FROM {table};
        """
        )
    return """
        CREATE TABLE search_pending (
            kind TEXT NOT NULL,
            row_id INTEGER NOT NULL,
            PRIMARY KEY (kind, row_id)
        ) WITHOUT ROWID;
        CREATE TABLE search_words (
            id INTEGER PRIMARY KEY,
            word TEXT NOT NULL UNIQUE,
            question_rows INTEGER NOT NULL DEFAULT 0,
            cell_rows INTEGER NOT NULL DEFAULT 0
        );
        CREATE VIRTUAL TABLE search_words_fts USING fts5(word, content='', tokenize='trigram');
        CREATE TABLE search_pieces (
            piece TEXT PRIMARY KEY,
            words TEXT,
            question_newest INTEGER NOT NULL DEFAULT 0,
            cell_newest INTEGER NOT NULL DEFAULT 0,
            question_rows INTEGER NOT NULL DEFAULT 0,
            cell_rows INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;
        """ + "".join(parts)


MIGRATION = _migration()


def words_of(text: str) -> set[bytes]:
    """The word index's words of a text, as UTF-8 (ASCII letters folded, as the tokenizer folds)."""
    return set(text.encode("utf-8").lower().translate(_SEPARATE).split())


def pieces_of(word: str) -> set[str]:
    """The one- and two-character pieces of a word, lower case (how a short term is looked up)."""
    folded = word.lower()
    return set(folded) | {folded[i : i + 2] for i in range(len(folded) - 1)}


def flush(conn: sqlite3.Connection) -> None:
    """Read the words of every row written since the last flush; in the caller's transaction."""
    if nothing_pending(conn, "search_pending"):
        return
    from . import index_later

    index_later.index_new_rows(conn)  # inserted rows noted, not yet in the full-text indexes
    save(conn, {kind: read(conn, kind, table, columns) for kind, table, _index, columns in TABLES})


def read(
    conn: sqlite3.Connection, kind: str, table: str, columns: tuple[str, ...], only: str = ""
) -> Gathered:
    """The words of a kind's rows noted for the vocabulary (`only`: a further condition on them)."""
    text = " || ' ' || ".join(f"t.{c}" for c in columns)
    gathered = Gathered()
    found, ids, gather = gathered.found, gathered.ids, _GATHER
    cursor = conn.execute(
        f"SELECT t.id, {text} FROM search_pending p JOIN {table} t ON t.id = p.row_id"
        f" WHERE p.kind = ? {only} ORDER BY t.id",
        (kind,),
    )
    for row_id, value in cursor:
        words = words_of(value or "")
        found += words
        ids += repeat(row_id, len(words))
        if len(found) >= gather:
            gathered.count()
    return gathered


_GATHER = 50_000  # words gathered before they are counted


class Gathered:
    """The words of one kind's rows, read in id order: how many rows hold each word, and the
    newest row holding it.  Each row's words are gathered and counted a few thousand rows at a
    time (`found`, `ids`, then `count`): counting row by row cost more than splitting the words
    of a chat's short messages."""

    def __init__(self) -> None:
        self.counts: Counter[bytes] = Counter()
        self.latest: dict[bytes, int] = {}
        self.found: list[bytes] = []  # each row's distinct words…
        self.ids: list[int] = []  # …and the row each was found in
        self.rows = 0  # rows read

    def count(self) -> None:
        """Add the gathered words to the counts and to the newest rows (the last is the newest);
        then forget them."""
        self.counts.update(self.found)
        self.latest.update(zip(self.found, self.ids, strict=True))
        self.found.clear()
        self.ids.clear()


def save(conn: sqlite3.Connection, counted: dict[str, Gathered]) -> None:
    """Add the words read to the vocabulary and forget the rows noted; merge after a big write."""
    for gathered in counted.values():
        gathered.count()
    written = int(conn.execute("SELECT count(*) FROM search_pending").fetchone()[0])
    conn.execute("DELETE FROM search_pending")
    rows = {kind: gathered.counts for kind, gathered in counted.items()}
    _save_words(conn, rows, {kind: gathered.latest for kind, gathered in counted.items()})
    if written >= max(MERGE_AFTER_ROWS, _rows(conn) // 10):
        merge_segments(conn)


def _rows(conn: sqlite3.Connection) -> int:
    return sum(
        int(conn.execute(f"SELECT coalesce(max(id), 0) FROM {t}").fetchone()[0]) for _k, t, _i, _c in TABLES
    )


def merge_segments(conn: sqlite3.Connection) -> None:
    """Merge each full-text index into one segment after a bulk write.

    An import leaves an index in many segments, and a term is looked up in every one: merged,
    a term found in 40 words reads 0.7 ms instead of 4.6 ms, a common word in the trigram
    index 0.2 ms instead of 0.7 ms (35,000 questions).  Done only when the write added a
    tenth of the rows or more, so its cost, which follows the index's size, stays in
    proportion to what was written."""
    indexes = ["search_words_fts", "questions_fts", "cells_fts"] + [index for _k, _t, index, _c in TABLES]
    for index in indexes:
        conn.execute(f"INSERT INTO {index} ({index}) VALUES ('optimize')")


@dataclass
class _Piece:
    added: list[int] = field(default_factory=list)  # words new in this flush
    question_newest: int = 0
    cell_newest: int = 0
    question_rows: int = 0
    cell_rows: int = 0


def _save_words(
    conn: sqlite3.Connection, rows: dict[str, Counter[bytes]], newest: dict[str, dict[bytes, int]]
) -> None:
    """Add the rows' counts to the vocabulary in one statement, then note each word's pieces.

    Words new to the vocabulary are those given ids past the largest before the write."""
    question_rows, cell_rows = rows["question"], rows["cell"]
    question_newest, cell_newest = newest["question"], newest["cell"]
    touched = [(raw.decode("utf-8", "replace"), raw) for raw in set(question_rows) | set(cell_rows)]
    last_id = int(conn.execute("SELECT coalesce(max(id), 0) FROM search_words").fetchone()[0])
    conn.executemany(
        "INSERT INTO search_words (word, question_rows, cell_rows) VALUES (?, ?, ?)"
        " ON CONFLICT (word) DO UPDATE SET question_rows = question_rows + excluded.question_rows,"
        " cell_rows = cell_rows + excluded.cell_rows",
        [(word, question_rows[raw], cell_rows[raw]) for word, raw in touched],
    )
    new_words: list[tuple[int, str]] = conn.execute(
        "SELECT id, word FROM search_words WHERE id > ? ORDER BY id", (last_id,)
    ).fetchall()
    new_ids = {word: word_id for word_id, word in new_words}
    pieces: dict[str, _Piece] = {}
    for word, raw in touched:
        word_id = new_ids.get(word)
        q_newest, c_newest = question_newest.get(raw, 0), cell_newest.get(raw, 0)
        q_rows, c_rows = question_rows[raw], cell_rows[raw]
        for name in pieces_of(word):
            piece = pieces.get(name)
            if piece is None:
                piece = pieces[name] = _Piece()
            if word_id is not None:
                piece.added.append(word_id)
            if q_newest > piece.question_newest:
                piece.question_newest = q_newest
            if c_newest > piece.cell_newest:
                piece.cell_newest = c_newest
            piece.question_rows += q_rows
            piece.cell_rows += c_rows
    conn.executemany("INSERT INTO search_words_fts (rowid, word) VALUES (?, ?)", new_words)
    stored = _stored_pieces(conn, list(pieces))
    conn.executemany(
        "INSERT OR REPLACE INTO search_pieces"
        " (piece, words, question_newest, cell_newest, question_rows, cell_rows) VALUES (?, ?, ?, ?, ?, ?)",
        (_merged_piece(name, piece, stored.get(name)) for name, piece in pieces.items()),
    )


def _stored_pieces(conn: sqlite3.Connection, names: list[str]) -> dict[str, tuple[Any, ...]]:
    """The stored rows of these pieces, read a few hundred at a time (not a query per piece)."""
    stored: dict[str, tuple[Any, ...]] = {}
    for start in range(0, len(names), 500):
        chunk = names[start : start + 500]
        for name, *row in conn.execute(
            "SELECT piece, words, question_newest, cell_newest, question_rows, cell_rows FROM search_pieces"
            f" WHERE piece IN ({', '.join('?' * len(chunk))})",
            chunk,
        ):
            stored[name] = tuple(row)
    return stored


def _merged_piece(name: str, piece: _Piece, row: tuple[Any, ...] | None) -> tuple[Any, ...]:
    """Merged into the stored piece: its word list (None once past MANY_WORDS), newest rows, row counts.

    The counts add each word's rows, so a row holding two such words counts twice: an upper bound."""
    added = " ".join(map(str, piece.added))
    words: str | None = added
    values = [piece.question_newest, piece.cell_newest, piece.question_rows, piece.cell_rows]
    if row is not None:
        known: str | None = row[0]
        words = None if known is None else " ".join(filter(None, (known, added)))
        values = [max(row[1], values[0]), max(row[2], values[1]), row[3] + values[2], row[4] + values[3]]
    if words is not None and words.count(" ") + 1 > MANY_WORDS:
        words = None
    return (name, words, *values)
