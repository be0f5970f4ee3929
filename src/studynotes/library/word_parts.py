"""The parts of words: one list per term where the word index has one per form of the word.

A term is held by several whole words (`gan`, `gan은`, `gan의`, `gan?`, `생성모델(gan)를`), and
the word index answers it as an OR of their lists; several such terms that rarely meet made
FTS5 merge 18 lists down to the 50th row holding all of them (5 ms at a million questions).
So each searchable table also has an index of its words' parts (`questions_parts`,
`cells_parts`: FTS5, rows only): words split also at ASCII punctuation and where ASCII
letters and digits meet another script (`생성모델(gan)를` → `생성모델` `gan` `를`), ASCII case
folded.  A term made of one such run (`gan`, `혜지`) is in exactly the rows holding a part that
contains it, and those parts are read off the words the vocabulary already lists for it: one
list (2.4 ms for the same page).

The index holds no text of its own (FTS5 `content=''`), so a row's parts are written, and
its old parts taken out, by `flush` in each write's transaction, from `search_parts_pending`:
triggers note every row inserted, and keep the text a row had when it was last indexed before
it is changed or deleted (the first change since wins: that is what the index holds).  A write's
rows are read once for their words and their parts (words_and_parts.py).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator

from . import part_maps
from .pending import nothing_pending

MIGRATION_NAME = "the parts of words for search"
MERGE_AFTER_ROWS = 5_000  # as word_index: a write this big (and a tenth of the rows) merges segments

_RUN = re.compile(r"[A-Za-z0-9]+|[^\x00-\x7f]+")
# Parts never cross the bytes that separate the word index's words (ASCII space and control
# characters), so a text's parts are its words' parts, in order.
_CONTROL = bytes(range(0x21)) + b"\x7f"
_SEPARATE = bytes.maketrans(_CONTROL, b" " * len(_CONTROL))

# (kind, table, its parts index, the indexed columns)
TABLES = (
    ("question", "questions", "questions_parts", ("text", "answer", "asker")),
    ("cell", "cells", "cells_parts", ("markdown",)),
)


def _migration() -> str:
    parts = [
        """
        CREATE TABLE search_parts_pending (
            kind TEXT NOT NULL,
            row_id INTEGER NOT NULL,
            indexed TEXT,
            PRIMARY KEY (kind, row_id)
        ) WITHOUT ROWID;
        """
    ]
    for kind, table, index, columns in TABLES:
        names = ", ".join(columns)
        old = " || ' ' || ".join(f"old.{c}" for c in columns)
        parts.append(
            f"""
        CREATE VIRTUAL TABLE {index} USING fts5(parts, content='', detail=none, tokenize='ascii');
        CREATE TRIGGER {index}_ai AFTER INSERT ON {table} BEGIN
            INSERT OR IGNORE INTO search_parts_pending (kind, row_id, indexed) VALUES ('{kind}', new.id, NULL);
        END;
        CREATE TRIGGER {index}_au AFTER UPDATE OF {names} ON {table} BEGIN
            INSERT OR IGNORE INTO search_parts_pending (kind, row_id, indexed) VALUES ('{kind}', old.id, {old});
        END;
        CREATE TRIGGER {index}_ad AFTER DELETE ON {table} BEGIN
            INSERT OR IGNORE INTO search_parts_pending (kind, row_id, indexed) VALUES ('{kind}', old.id, {old});
        END;
        INSERT OR IGNORE INTO search_parts_pending (kind, row_id, indexed) SELECT '{kind}', id, NULL FROM {table};
        """
        )
    return "".join(parts)


MIGRATION = _migration()


def parts_of(text: str) -> list[str]:
    """The parts of a text's words, as the parts index holds them (ASCII letters folded)."""
    return _RUN.findall(text.encode("utf-8").lower().decode("utf-8"))


def is_one_part(term: str) -> bool:
    """Whether every place `term` occurs lies inside one part (so the parts index can answer it)."""
    return _RUN.fullmatch(term) is not None


def flush(conn: sqlite3.Connection) -> None:
    """Index the parts of every row written since the last flush; in the caller's transaction."""
    if nothing_pending(conn, "search_parts_pending"):
        return
    ready, mapping = begin(conn)
    written = 0
    for kind, table, index, columns in TABLES:
        text = " || ' ' || ".join(f"t.{c}" for c in columns)
        tally = part_maps.Tally(conn, kind) if mapping else None
        if not ready:
            rows = conn.execute(
                f"SELECT p.row_id, p.indexed, {text}, NULL FROM search_parts_pending p"
                f" LEFT JOIN {table} t ON t.id = p.row_id WHERE p.kind = ?",
                (kind,),
            )
        else:  # rows whose parts were worked out before they were saved are neither read nor split here
            rows = conn.execute(
                f"SELECT p.row_id, p.indexed, CASE WHEN r.parts IS NULL THEN {text} END, r.parts"
                f" FROM search_parts_pending p LEFT JOIN {table} t ON t.id = p.row_id"
                f" LEFT JOIN search_parts_ready_{kind} r ON r.row_id = p.row_id WHERE p.kind = ?",
                (kind,),
            )
        written += index_changes(conn, kind, table, index, ready, _changes(rows, tally), tally)
    end(conn, ready, written)


def begin(conn: sqlite3.Connection) -> tuple[bool, bool]:
    """Ready to index a write's parts: whether some rows' parts were worked out before they were
    saved (`note_ready`), whether the library has the maps of common parts."""
    # One statement per index: FTS5 starts a new segment at every statement that may need undoing.
    conn.execute(
        "CREATE TEMP TABLE IF NOT EXISTS search_parts_batch (command TEXT, row_id INTEGER NOT NULL, parts TEXT)"
    )
    return _has_ready(conn), part_maps.present(conn)


def index_changes(
    conn: sqlite3.Connection,
    kind: str,
    table: str,
    index: str,
    ready: bool,
    changes: Iterable[tuple[str | None, int, str]],
    tally: part_maps.Tally | None,
) -> int:
    """Write one table's changes (`_changes`, in the order of the rows) into its parts index, in
    one statement, and the tally into the maps; how many rows were written."""
    into = f"INSERT INTO {index} ({index}, rowid, parts)"
    conn.executemany("INSERT INTO temp.search_parts_batch VALUES (?, ?, ?)", changes)
    written = 0
    if not ready:
        conn.execute(f"{into} SELECT command, row_id, parts FROM temp.search_parts_batch ORDER BY rowid")
    else:
        # The parts worked out beforehand join in the order of the rows, a row's old parts out before
        # its new parts in.
        ready_rows = f"search_parts_ready_{kind}"
        conn.execute(
            f"{into} SELECT command, row_id, parts FROM (SELECT command, row_id, parts FROM temp.search_parts_batch"
            f" UNION ALL SELECT NULL, row_id, parts FROM {ready_rows}) ORDER BY row_id, command IS NULL"
        )
        written += int(conn.execute(f"SELECT count(*) FROM {ready_rows}").fetchone()[0])
    if tally is not None:
        part_maps.save(conn, table, index, tally)
    written += int(conn.execute("SELECT count(*) FROM temp.search_parts_batch").fetchone()[0])
    conn.execute("DELETE FROM temp.search_parts_batch")
    return written


def end(conn: sqlite3.Connection, ready: bool, written: int) -> None:
    """Forget the rows noted and the parts worked out beforehand; merge segments after a big write."""
    conn.execute("DELETE FROM search_parts_pending")
    if ready:
        _drop_ready(conn)
    rows_now = sum(
        int(conn.execute(f"SELECT coalesce(max(id), 0) FROM {t}").fetchone()[0]) for _k, t, _i, _c in TABLES
    )
    if written >= max(MERGE_AFTER_ROWS, rows_now // 10):
        for _kind, _table, index, _columns in TABLES:
            conn.execute(f"INSERT INTO {index} ({index}) VALUES ('optimize')")


# Parts worked out before saving (where a file was parsed), kept for rows as they are inserted until
# the flush, a table per kind.  Kept in this connection only (TEMP): its triggers forget a row's parts
# as soon as the row is changed or deleted, so what the flush takes from here is the row's text as it is.
_READY = "".join(
    f"""
CREATE TEMP TABLE IF NOT EXISTS search_parts_ready_{kind} (row_id INTEGER PRIMARY KEY, parts TEXT NOT NULL);
CREATE TEMP TRIGGER IF NOT EXISTS search_parts_ready_{table}_au AFTER UPDATE OF {", ".join(columns)} ON main.{table}
BEGIN DELETE FROM search_parts_ready_{kind} WHERE row_id = old.id; END;
CREATE TEMP TRIGGER IF NOT EXISTS search_parts_ready_{table}_ad AFTER DELETE ON main.{table}
BEGIN DELETE FROM search_parts_ready_{kind} WHERE row_id = old.id; END;
"""
    for kind, table, _index, columns in TABLES
)


def note_ready(conn: sqlite3.Connection, kind: str, rows: list[tuple[int, str]]) -> None:
    """Keep the parts of rows of a kind just inserted, worked out beforehand: (row id, parts)."""
    if not rows:
        return
    if not _has_ready(conn):
        for statement in _READY.split(";\n"):
            if statement.strip():
                conn.execute(statement)
    conn.executemany(f"INSERT OR REPLACE INTO search_parts_ready_{kind} (row_id, parts) VALUES (?, ?)", rows)


def _has_ready(conn: sqlite3.Connection) -> bool:
    found = conn.execute("SELECT 1 FROM sqlite_temp_master WHERE name = 'search_parts_ready_cell'").fetchone()
    return found is not None


def _drop_ready(conn: sqlite3.Connection) -> None:
    """Forget the rows' parts and the triggers that keep them (until the next import brings some)."""
    for kind, table, _index, _columns in TABLES:
        conn.execute(f"DROP TRIGGER IF EXISTS temp.search_parts_ready_{table}_au")
        conn.execute(f"DROP TRIGGER IF EXISTS temp.search_parts_ready_{table}_ad")
        conn.execute(f"DROP TABLE IF EXISTS temp.search_parts_ready_{kind}")


class WordParts(dict[bytes, str]):
    """Each distinct word's parts (ASCII folded, as UTF-8 in), worked out once per flush: a long
    chat writes its 9,000 words 600,000 times, and looking a word up costs less than matching it."""

    def __missing__(self, word: bytes) -> str:
        parts = " ".join(_RUN.findall(word.decode("utf-8")))
        self[word] = parts
        return parts


def parts_text(text: str, known: WordParts) -> str:
    """`" ".join(parts_of(text))`, word by word."""
    words = text.encode("utf-8").lower().translate(_SEPARATE).split()
    return " ".join(filter(None, map(known.__getitem__, words)))


def _changes(
    rows: Iterable[tuple[int, str | None, str | None, str | None]], tally: part_maps.Tally | None
) -> Iterator[tuple[str | None, int, str]]:
    """Per pending row: its old parts out (FTS5's 'delete' takes what was indexed), its new parts
    in, unless worked out before it was saved (`ready`: written from there); both told to the
    tally of parts (part_maps.py)."""
    known = WordParts()
    for row_id, indexed, current, ready in rows:
        before = None if indexed is None else parts_text(indexed, known)
        after = ready if ready is not None else None if current is None else parts_text(current, known)
        if before is not None:
            yield "delete", row_id, before
        if after is not None and ready is None:
            yield None, row_id, after
        if tally is not None:
            tally.row(row_id, before, after)


def ready(conn: sqlite3.Connection) -> bool:
    """The parts index holds every row's parts (no write elsewhere is pending, the schema has it)."""
    try:
        return conn.execute("SELECT 1 FROM search_parts_pending LIMIT 1").fetchone() is None
    except sqlite3.OperationalError:
        return False
