"""Full-text indexing of new rows once per transaction, not row by row.

SQLite 3.40's FTS5 writes what it holds in memory to a new segment of the index at the
start of every statement that may need undoing (any insert that fires a trigger).  With
the four indexes filled by insert triggers, an import made four small segments per
statement, merged over and over: 70% of saving a file went into the trigram indexes.
So an inserted cell or question is only noted in `search_unindexed`, and `index_new_rows`
puts all of them into the indexes with one statement per index, in the same transaction,
before it commits (the library's `_write` and the upgrade do; a search never sees a
committed row missing from an index).

A row that is updated or deleted before it is indexed has nothing in the indexes to take
out: its update and delete triggers leave the indexes alone, and the batch indexes the row
as it is at the end (a deleted row is skipped).
"""

from __future__ import annotations

import sqlite3

from .pending import nothing_pending

MIGRATION_NAME = "new rows indexed for search once per transaction"

# (kind, table, (trigram index, its columns' values), (word index, its columns' values))
_TABLES = (
    (
        "cell",
        "cells",
        ("cells_fts", ("markdown",), ("{r}.markdown || '  '",)),
        ("cells_words", ("markdown",), ("{r}.markdown",)),
    ),
    (
        "question",
        "questions",
        (
            "questions_fts",
            ("text", "answer", "asker"),
            ("{r}.text || '  '", "{r}.answer || '  '", "{r}.asker || '  '"),
        ),
        ("questions_words", ("text", "answer", "asker"), ("{r}.text", "{r}.answer", "{r}.asker")),
    ),
)


def _values(template: tuple[str, ...], row: str) -> str:
    return ", ".join(value.format(r=row) for value in template)


def _migration() -> str:
    parts = [
        """
        CREATE TABLE search_unindexed (
            kind TEXT NOT NULL,
            row_id INTEGER NOT NULL,
            PRIMARY KEY (kind, row_id)
        ) WITHOUT ROWID;
        """
    ]
    for kind, table, (trigram, t_columns, t_values), (words, w_columns, w_values) in _TABLES:
        t_names, w_names = ", ".join(t_columns), ", ".join(w_columns)
        indexed = f"NOT EXISTS (SELECT 1 FROM search_unindexed WHERE kind = '{kind}' AND row_id = old.id)"
        parts.append(
            f"""
        DROP TRIGGER {table}_ai;
        DROP TRIGGER {table}_ad;
        DROP TRIGGER {table}_au;
        DROP TRIGGER {words}_ai;
        DROP TRIGGER {words}_ad;
        DROP TRIGGER {words}_au;
        CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN
            INSERT OR IGNORE INTO search_unindexed (kind, row_id) VALUES ('{kind}', new.id);
            INSERT OR IGNORE INTO search_pending (kind, row_id) VALUES ('{kind}', new.id);
        END;
        CREATE TRIGGER {table}_ad AFTER DELETE ON {table} WHEN {indexed} BEGIN
            INSERT INTO {trigram} ({trigram}, rowid, {t_names}) VALUES ('delete', old.id, {_values(t_values, "old")});
            INSERT INTO {words} ({words}, rowid, {w_names}) VALUES ('delete', old.id, {_values(w_values, "old")});
        END;
        CREATE TRIGGER {table}_au AFTER UPDATE OF {t_names} ON {table} BEGIN
            INSERT INTO {trigram} ({trigram}, rowid, {t_names})
                SELECT 'delete', old.id, {_values(t_values, "old")} WHERE {indexed};
            INSERT INTO {trigram} (rowid, {t_names}) SELECT new.id, {_values(t_values, "new")} WHERE {indexed};
            INSERT INTO {words} ({words}, rowid, {w_names})
                SELECT 'delete', old.id, {_values(w_values, "old")} WHERE {indexed};
            INSERT INTO {words} (rowid, {w_names}) SELECT new.id, {_values(w_values, "new")} WHERE {indexed};
            INSERT OR IGNORE INTO search_pending (kind, row_id) VALUES ('{kind}', new.id);
        END;
        """
        )
    return "".join(parts)


MIGRATION = _migration()

# FTS5 gathers new terms in memory and writes them out as a segment each time they pass its
# `hashsize` (1 MB by default), merging segments as it goes.  A big import's trigram index
# outgrew that hundreds of times: 25 MB of notes spent 5 s of its indexing and 1 s of merging
# on segments.  With 16 MB the same rows index in 2-3 s and mostly need no merge; what the
# indexes hold, and so every search, is the same.
FIRST_HASH_SIZE = 16 * 1024 * 1024
# The trigram index of 25 MB of notes still outgrew 16 MB two or three times, and the merge that
# follows a big write (word_index.merge_segments) then rewrote it whole: 0.9-1.3 s of the 25 MB
# import.  At 64 MB it is written as one segment and that merge has nothing to do.  Memory: up to
# 64 MB more while a bulk write is indexed (41 MB more at the highest for 25 MB of notes), given
# back at its commit; a small write holds as little as before.
HASH_SIZE = 64 * 1024 * 1024
FULL_TEXT_INDEXES = (
    "cells_fts",
    "questions_fts",
    "cells_words",
    "questions_words",
    "cells_parts",
    "questions_parts",
    "search_words_fts",
)


def _hash_migration(size: int) -> str:
    return "".join(
        f"INSERT INTO {index} ({index}, rank) VALUES ('hashsize', {size});\n" for index in FULL_TEXT_INDEXES
    )


HASH_MIGRATION_NAME = "full-text indexes write bulk inserts in fewer segments"
HASH_MIGRATION = _hash_migration(FIRST_HASH_SIZE)
BIG_WRITE_MIGRATION_NAME = "full-text indexes write a big import in one segment"
BIG_WRITE_MIGRATION = _hash_migration(HASH_SIZE)


def index_new_rows(conn: sqlite3.Connection) -> None:
    """Put every row inserted since the last call into the trigram and word indexes."""
    if nothing_pending(conn, "search_unindexed"):
        return
    for kind, table, (trigram, t_columns, t_values), (words, w_columns, w_values) in _TABLES:
        rows = (
            f"FROM search_unindexed u JOIN {table} t ON t.id = u.row_id WHERE u.kind = '{kind}' ORDER BY t.id"
        )
        conn.execute(
            f"INSERT INTO {trigram} (rowid, {', '.join(t_columns)}) SELECT t.id, {_values(t_values, 't')} {rows}"
        )
        conn.execute(
            f"INSERT INTO {words} (rowid, {', '.join(w_columns)}) SELECT t.id, {_values(w_values, 't')} {rows}"
        )
    conn.execute("DELETE FROM search_unindexed")
