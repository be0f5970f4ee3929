"""Turning a query's terms into whole words of the vocabulary (see word_index.py).

A term found in a few words is asked of the word index as those words, so its cost
follows the rows holding it, not the rows holding its trigrams; a term found in no
word ends the search at once.  A term found in very many words is common: it is
left to the trigram index (or, when one or two characters long, to a scan that
starts at the newest row holding it), where the first page fills at once.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from .search import SearchTerms
from .word_index import MANY_WORDS, TABLES
from .word_parts import is_one_part, parts_of

# A short term in more rows than this is scanned from its newest row; under it, its
# trigrams are listed (short_terms.py), which costs time in proportion to its rows.
SCAN_ROWS = 5_000
# A short term held by so many rows that rows × its words reach this many times the table's
# rows is scanned from its newest row even when its words are listed: opening each word's
# list newest first costs more than reading the few rows a page needs (`W`, in 39 words and
# half of a million questions: 2.2 ms through the word index, 0.2 ms scanned).
DENSE = 2.0


@dataclass
class WordPlan:
    """How one table answers a query."""

    impossible: bool = False  # some term is in no row of the table
    words: list[str] = field(default_factory=list)  # word index expressions, one per term, all required
    parts: list[str] | None = None  # the same terms as parts index expressions, when each is one part
    part_lists: list[list[str]] | None = None  # each term's parts, as in `parts`
    long: tuple[str, ...] = ()  # terms left to the trigram index
    short: tuple[str, ...] = ()  # one- or two-character terms found in many words
    scanned: tuple[str, ...] = ()  # of those, the ones too common to list: LIKE from `newest` down
    newest: int | None = None  # no row above this id holds every short term
    about: int | None = None  # rows holding the rarest term (an upper bound), when known


class WordSearch:
    """The vocabulary of one connection, asked term by term."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def ready(self) -> bool:
        """The vocabulary holds every row's words (a write in progress elsewhere has not committed)."""
        try:
            return self._conn.execute("SELECT 1 FROM search_pending LIMIT 1").fetchone() is None
        except sqlite3.OperationalError:
            return False  # a library from before the vocabulary, open read-only

    def plan(self, kind: str, terms: SearchTerms) -> WordPlan:
        plan = WordPlan()
        long: list[str] = []
        short: list[str] = []
        scanned: list[str] = []
        estimates: list[int] = []
        parts: list[list[str]] | None = []
        for term in terms.all:
            if any(ord(ch) <= 0x20 or ord(ch) == 0x7F for ch in term):  # not within one word
                (long if len(term) >= 3 else short).append(term)
                continue
            if len(term) >= 3:
                words = self._words_containing(kind, term)
                if words is not None and not words:
                    return WordPlan(impossible=True, about=0)
                if words is None:
                    long.append(term)
                    continue
            else:
                found = self._piece(kind, term)
                if found is None:
                    return WordPlan(impossible=True, about=0)
                words, newest, rows = found
                if words and rows > SCAN_ROWS and self._dense(kind, term, rows * len(words)):
                    words = None
                if words is None:
                    short.append(term)
                    if rows > SCAN_ROWS:
                        scanned.append(term)
                    plan.newest = newest if plan.newest is None else min(plan.newest, newest)
                    estimates.append(rows)
                    continue
                if not words:
                    return WordPlan(impossible=True, about=0)
            plan.words.append("(" + " OR ".join(_phrase(word) for word, _rows in words) + ")")
            estimates.append(sum(rows for _word, rows in words))
            if parts is not None:
                holding = _parts_holding(term, [word for word, _rows in words])
                parts = None if holding is None else [*parts, holding]
        if plan.words and parts is not None:
            plan.part_lists = parts
            plan.parts = ["(" + " OR ".join(_phrase(part) for part in found) + ")" for found in parts]
        plan.long, plan.short, plan.scanned = tuple(long), tuple(short), tuple(scanned)
        plan.about = min(estimates) if estimates and not long else None
        return plan

    def _dense(self, kind: str, term: str, weight: int) -> bool:
        """Whether a scan from the newest row answers `term` sooner than its words' lists.  Only
        for a term LIKE matches as the word index does: ASCII (LIKE folds ASCII case) or without
        case (Hangul, digits)."""
        if not (term.isascii() or term.lower() == term.upper()):
            return False
        table = next(t for k, t, _i, _c in TABLES if k == kind)
        rows = self._conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]
        return weight >= DENSE * int(rows)

    def _words_containing(self, kind: str, term: str) -> list[tuple[str, int]] | None:
        """The words holding `term` in some row of the table; None when there are too many to list."""
        found = self._conn.execute(
            f"SELECT w.word, w.{kind}_rows FROM search_words_fts f JOIN search_words w ON w.id = f.rowid"
            f" WHERE search_words_fts MATCH ? AND w.{kind}_rows > 0 LIMIT ?",
            (_phrase(term), MANY_WORDS + 1),
        ).fetchall()
        return None if len(found) > MANY_WORDS else [(str(w), int(n)) for w, n in found]

    def _piece(self, kind: str, term: str) -> tuple[list[tuple[str, int]] | None, int, int] | None:
        """(its words or None when many, the newest row holding it, rows) for a short term; None: no row."""
        row = self._conn.execute(
            f"SELECT words, {kind}_newest, {kind}_rows FROM search_pieces WHERE piece = ?", (term.lower(),)
        ).fetchone()
        if row is None or not row[1]:
            return None
        if row[0] is None:
            return None, int(row[1]), int(row[2])
        ids = [int(i) for i in row[0].split()]
        words = self._conn.execute(
            f"SELECT word, {kind}_rows FROM search_words WHERE id IN ({', '.join('?' * len(ids))})"
            f" AND {kind}_rows > 0",
            ids,
        ).fetchall()
        return [(str(w), int(n)) for w, n in words], int(row[1]), int(row[2])


def _parts_holding(term: str, words: list[str]) -> list[str] | None:
    """The parts holding a term, from the words holding it: the parts of those words that
    contain it; None when some word holds the term only across parts."""
    if not is_one_part(term):
        return None
    folded = term.lower()
    found: set[str] = set()
    for word in words:
        inside = [part for part in parts_of(word) if folded in part.lower()]
        if not inside:
            return None
        found.update(inside)
    return sorted(found)


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'
