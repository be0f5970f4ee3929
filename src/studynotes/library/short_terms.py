"""Finding one- and two-character terms through the trigram index.

A trigram index cannot match a term shorter than three characters, and LIKE
over every row costs a full scan (about 90 ms at 100,000 questions) whenever
the term is rare.  Every indexed column ends in two spaces (schema migration
5), so each place a one- or two-character term occurs begins some indexed
trigram: the term is found by listing the trigrams that start with it (a
range read of the index's vocabulary) and matching any of them.

Listing costs time in proportion to how often the term occurs, while LIKE
stops at the first page of hits; so a term found in very many rows is left
to LIKE, where it is cheap.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

# Past this many rows holding the term, LIKE fills the first page sooner.
COMMON_ROWS = 20_000
_LAST_CHARACTER = "\U0010ffff"


@dataclass
class ShortTermPlan:
    """How the short terms of one query are answered in one table."""

    phrases: list[str] = field(default_factory=list)  # FTS5 expressions, one per indexed term
    scanned: list[str] = field(default_factory=list)  # terms left to LIKE
    impossible: bool = False  # a term no row holds: nothing can match


class ShortTermIndex:
    """The trigram vocabularies of one connection's full-text tables."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._vocabularies: dict[str, str] = {}

    def plan(self, fts_table: str, terms: tuple[str, ...]) -> ShortTermPlan:
        plan = ShortTermPlan()
        for term in terms:
            trigrams = self._trigrams_starting_with(fts_table, term.lower())
            if trigrams is None:
                plan.scanned.append(term)
            elif not trigrams:
                plan.impossible = True
            else:
                plan.phrases.append("(" + " OR ".join(_phrase(t) for t in trigrams) + ")")
        return plan

    def _trigrams_starting_with(self, fts_table: str, prefix: str) -> list[str] | None:
        """The indexed trigrams that begin with `prefix`; None when it is too common to list."""
        vocabulary = self._vocabulary(fts_table)
        cursor = self._conn.execute(
            f"SELECT term, doc FROM {vocabulary} WHERE term >= ? AND term < ?",
            (prefix, prefix + _LAST_CHARACTER),
        )
        trigrams: list[str] = []
        rows = 0
        for term, doc in cursor:
            rows += doc
            if rows > COMMON_ROWS:
                cursor.close()
                return None
            trigrams.append(term)
        return trigrams

    def _vocabulary(self, fts_table: str) -> str:
        name = self._vocabularies.get(fts_table)
        if name is None:
            name = f"temp.{fts_table}_terms"
            self._conn.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {name} USING fts5vocab(main, {fts_table}, 'row')"
            )
            self._vocabularies[fts_table] = name
        return name


def _phrase(trigram: str) -> str:
    return '"' + trigram.replace('"', '""') + '"'
