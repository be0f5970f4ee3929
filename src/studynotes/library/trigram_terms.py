"""Terms asked of the trigram indexes, which keep the rows holding each trigram but not where.

The two trigram indexes (`questions_fts`, `cells_fts`) are FTS5 `detail=none`: filling the
full-text indexes of a million-question import took 65 s of CPU instead of 103.5 s (run side by
side), and the library file is 0.74 GB smaller than with positions (`detail=full`).  Such an
index answers a single trigram exactly but refuses a phrase of several.  So a term of four or
more characters is asked as all of its trigrams (rows holding each somewhere), and a row is
kept only when one of its columns holds the term itself, compared as the trigram tokenizer
compares: every character folded by SQLite's own case folding (all of Unicode, accents kept),
which is neither Python's `lower` nor LIKE's ASCII-only folding.  The comparison is an SQL
function registered on every connection the library opens, so a query's LIMIT still fills a
page with rows that hold the term, newest first.
"""

from __future__ import annotations

import re
import sqlite3
from functools import cache

from .index_later import HASH_SIZE

MIGRATION_NAME = "trigram indexes keep rows without positions"
FUNCTION = "trigram_holds"  # trigram_holds(folded term, column, ...): some column holds the term


def _migration() -> str:
    tables = (
        ("cells_fts", "markdown", "cells_indexed"),
        ("questions_fts", "text, answer, asker", "questions_indexed"),
    )
    # The triggers and the indexing at commit (index_later.py) name the tables, not their
    # settings: they write into the new tables as they wrote into the old.
    return "".join(
        f"""
        DROP TABLE {name};
        CREATE VIRTUAL TABLE {name} USING fts5(
            {columns}, content='{content}', content_rowid='id', tokenize='trigram', detail=none
        );
        INSERT INTO {name} ({name}, rank) VALUES ('hashsize', {HASH_SIZE});
        INSERT INTO {name} ({name}) VALUES ('rebuild');
        INSERT INTO {name} ({name}) VALUES ('optimize');
        """
        for name, columns, content in tables
    )


MIGRATION = _migration()


def trigrams(term: str) -> list[str]:
    """The distinct trigrams of a term of three or more characters, in order."""
    return list(dict.fromkeys(term[i : i + 3] for i in range(len(term) - 2)))


def expression(term: str) -> str:
    """An FTS5 expression for the rows holding every trigram of `term` (a superset of the rows
    holding the term, the same rows when it is three characters long)."""
    return " AND ".join('"' + t.replace('"', '""') + '"' for t in trigrams(term))


def needs_check(term: str) -> bool:
    """Whether rows found by `expression(term)` may not hold the term (it has several trigrams)."""
    return len(term) > 3


def register(conn: sqlite3.Connection) -> None:
    """Make `trigram_holds(folded term, column, ...)` known to a connection: whether one of the
    columns holds the term (the fold table is read at its first use)."""
    conn.create_function(FUNCTION, -1, _holds, deterministic=True)


def fold(text: str) -> str:
    """`text` folded as the trigram tokenizer folds each character it indexes."""
    if text.isascii():
        return text.lower()  # both fold A-Z alone among ASCII
    # Python's `lower` runs in C and agrees with SQLite except on a few characters; checking a row
    # for those and lowering it costs a tenth of translating it character by character.
    folds, differ = _tables()
    return text.translate(folds) if differ.search(text) else text.lower()


def _holds(folded_term: str, *values: str | None) -> bool:
    """One call per row, every column given: most of a check's cost is the call."""
    padded = folded_term.endswith(" ")  # the index holds each column followed by two spaces
    for value in values:
        if value is not None and folded_term in fold(value + "  " if padded else value):
            return True
    return False


@cache
def _tables() -> tuple[dict[int, int], re.Pattern[str]]:
    """SQLite's folding of every character it changes, and the characters where Python's `lower`
    of a text differs from it.

    The folding is read from the trigram tokenizer itself (one row per character, its first
    token's first character), so it is that of the SQLite this process runs.  SQLite changes
    only characters that have another case (`ſ` and `µ` too, which have an upper case but are
    no upper case themselves), and reads the non-characters U+FFFE and U+FFFF as U+FFFD.
    `lower` differs on a character lowered otherwise (`İ` to two characters, Cherokee that
    SQLite leaves), one it leaves that SQLite folds (`ſ`, `µ`), and `Σ`, which it makes `ς` at a
    word's end.  `tests/library/test_trigram_terms.py` checks both against every character."""
    cased = [
        c for a, b in CASED_BLOCKS for c in range(a, b) if (ch := chr(c)).lower() != ch or ch.upper() != ch
    ]
    candidates = [*cased, 0xFFFE, 0xFFFF]
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE VIRTUAL TABLE chars USING fts5(c, tokenize='trigram')")
        conn.execute("CREATE VIRTUAL TABLE chars_terms USING fts5vocab(chars, 'instance')")
        conn.executemany(
            "INSERT INTO chars (rowid, c) VALUES (?, ?)", ((c, chr(c) + "!!") for c in candidates)
        )
        folds = {
            int(doc): ord(term[0])
            for doc, term in conn.execute("SELECT doc, term FROM chars_terms WHERE offset = 0")
            if ord(term[0]) != doc
        }
    finally:
        conn.close()
    differ = {c for c in candidates if chr(c).lower() != chr(folds.get(c, c))} | {0x3A3}
    # Any character past the first plane counts as differing (translating is exact for every
    # text): the class is then read as a bitmap and a range, six times faster than a class listing
    # the few alphabets of the second plane that differ, on a question of 170 characters.
    first = "".join(re.escape(chr(c)) for c in sorted(differ) if c < 0x10000)
    return folds, re.compile(f"[{first}\U00010000-\U0010ffff]")


# The blocks holding every character that has a case (Latin to Armenian, Georgian, Cherokee,
# Latin Extended Additional to Greek Extended and the letterlike symbols, the circled letters,
# Glagolitic to Coptic, Cyrillic Extended-B to Latin Extended-D, Cherokee Supplement, ligatures,
# fullwidth Latin, and Deseret to Adlam past the first plane): the fold table is read for these
# alone, 12,000 characters instead of 125,000, on the first search that checks a row.
# `tests/library/test_trigram_terms.py` checks that no character outside them has a case.
CASED_BLOCKS = (
    (0x41, 0x600),
    (0x10A0, 0x1100),
    (0x13A0, 0x1400),
    (0x1C80, 0x2200),
    (0x24B6, 0x24EA),
    (0x2C00, 0x2E00),
    (0xA640, 0xA800),
    (0xAB30, 0xABC0),
    (0xFB00, 0xFB18),
    (0xFF21, 0xFF5B),
    (0x10400, 0x10600),
    (0x10C80, 0x10D00),
    (0x118A0, 0x11900),
    (0x16E40, 0x16E80),
    (0x1E900, 0x1E950),
)
