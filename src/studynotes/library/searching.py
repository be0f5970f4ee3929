"""The library's search: questions first, then text cells, newest first, any script and length.

Each table is asked through its word index when the vocabulary can name the words a term
is in (word_search.py), or through the index of those words' parts when each term lies inside
one part (word_parts.py), else through its trigram index (short terms: short_terms.py).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any

from . import part_maps, trigram_terms, word_parts

# Loaded by the first search, not to open a library: the window is shown before anyone searches.
if TYPE_CHECKING:
    from .answers import SearchHit
    from .short_terms import ShortTermIndex
    from .word_search import WordSearch


class LibrarySearch:
    conn: sqlite3.Connection
    _short_term_index: ShortTermIndex | None = None  # made on the first short search
    _word_search_index: WordSearch | None = None

    def search(self, query: str, *, limit: int = 50) -> list[SearchHit]:
        """Questions first, then text cells; Korean and English, any length."""
        from .search import parse_query

        terms = parse_query(query)
        if not terms:
            return []
        hits = self._search_table(
            "question", "questions", "questions_fts", ("text", "answer", "asker"), terms, limit
        )
        if len(hits) < limit:
            hits += self._search_table("cell", "cells", "cells_fts", ("markdown",), terms, limit - len(hits))
        return hits

    def _short_terms(self) -> ShortTermIndex:
        if self._short_term_index is None:
            from .short_terms import ShortTermIndex

            self._short_term_index = ShortTermIndex(self.conn)
        return self._short_term_index

    def _word_search(self) -> WordSearch:
        if self._word_search_index is None:
            from .word_search import WordSearch

            self._word_search_index = WordSearch(self.conn)
        return self._word_search_index

    def _search_table(
        self, kind: str, table: str, fts: str, columns: tuple[str, ...], terms: Any, limit: int
    ) -> list[SearchHit]:
        from .answers import SearchHit
        from .search import like_pattern, snippet
        from .word_search import WordPlan

        words = self._word_search()
        plan = words.plan(kind, terms) if words.ready() else WordPlan(long=terms.long, short=terms.short)
        if plan.impossible:
            return []
        params: list[Any] = []
        joins = f"FROM {table} t JOIN notes n ON n.id = t.note_id"
        clauses = ["t.private = 0"] if table == "questions" else ["t.kind = 'markdown'"]
        order = "t.id DESC"  # newest first; a sort over every match would cost a full scan
        scanned = plan.short
        if plan.words:  # the rows holding the words, the other terms checked on each
            by_parts = plan.parts is not None and word_parts.ready(self.conn)  # one list per term
            index = f"{table}_parts" if by_parts else f"{table}_words"
            if by_parts and plan.part_lists and not plan.long and not plan.short:
                newest = part_maps.newest_rows(self.conn, kind, index, plan.part_lists)
                if newest is not None:  # every term common: their maps, block by block
                    return self._rows_of(kind, table, columns, clauses, newest, terms, limit)
            joins = f"FROM {index} wi JOIN {table} t ON t.id = wi.rowid JOIN notes n ON n.id = t.note_id"
            clauses.append(f"{index} MATCH ?")
            params.append(" AND ".join(plan.parts if by_parts and plan.parts else plan.words))
            for term in plan.long:  # checked on the row itself, as its trigram index compares
                clauses.append(_holding(columns))
                params.append(trigram_terms.fold(term))
            order = "wi.rowid DESC"
        else:
            expressions = [trigram_terms.expression(term) for term in plan.long]
            for term in filter(trigram_terms.needs_check, plan.long):  # the rows with all its trigrams
                clauses.append(_holding(columns))
                params.append(trigram_terms.fold(term))
            if plan.short:
                listed = tuple(t for t in plan.short if t not in plan.scanned)
                short_plan = self._short_terms().plan(fts, listed)
                if short_plan.impossible:
                    return []
                expressions += short_plan.phrases
                scanned = (*plan.scanned, *short_plan.scanned)
            if expressions:
                joins = f"FROM {fts} f JOIN {table} t ON t.id = f.rowid JOIN notes n ON n.id = t.note_id"
                clauses.append(f"{fts} MATCH ?")
                params.append(" AND ".join(expressions))
                order = "f.rowid DESC"  # ranking every match before the first page costs 20 ms at 15,000 hits
            if scanned and plan.newest is not None:
                clauses.append(f"{order.split()[0]} <= ?")  # no row above the newest holding the term
                params.append(plan.newest)
        for term in scanned:
            clauses.append("(" + " OR ".join(f"t.{c} LIKE ? ESCAPE '\\'" for c in columns) + ")")
            params += [like_pattern(term)] * len(columns)
        text = " || ' ' || ".join(f"t.{c}" for c in columns)
        sql = f"SELECT t.id, n.id, n.title, {text} {joins} WHERE {' AND '.join(clauses)} ORDER BY {order} LIMIT ?"
        rows = self.conn.execute(sql, [*params, limit]).fetchall()
        return [SearchHit(kind, r[0], r[1], r[2], snippet(r[3], terms.all)) for r in rows]

    def _rows_of(
        self,
        kind: str,
        table: str,
        columns: tuple[str, ...],
        clauses: list[str],
        newest: Iterator[int],
        terms: Any,
        limit: int,
    ) -> list[SearchHit]:
        """The searchable rows among `newest` (ids, newest first), up to `limit`: a page's worth of
        ids first, then twice as many each time the filters (private questions) left the page short."""
        import json

        from .answers import SearchHit
        from .search import snippet

        text = " || ' ' || ".join(f"t.{c}" for c in columns)
        sql = (
            f"SELECT t.id, n.id, n.title, {text} FROM {table} t JOIN notes n ON n.id = t.note_id"
            f" WHERE t.id IN (SELECT value FROM json_each(?)) AND {' AND '.join(clauses)} ORDER BY t.id DESC"
        )
        hits: list[SearchHit] = []
        size = 0
        while len(hits) < limit:
            size = max(limit - len(hits), 2 * size)
            ids = list(islice(newest, size))
            if not ids:
                break
            for r in self.conn.execute(sql, (json.dumps(ids),)).fetchmany(limit - len(hits)):
                hits.append(SearchHit(kind, r[0], r[1], r[2], snippet(r[3], terms.all)))
        return hits

    def search_estimate(self, query: str) -> int | None:
        """About how many results `query` has, from the vocabulary's counts, without counting
        the matches: the rows holding its rarest term (an upper bound); None when a term is too
        common to have been counted word by word."""
        from .search import parse_query

        terms = parse_query(query)
        words = self._word_search()
        if not terms or not words.ready():
            return None
        total = 0
        for kind in ("question", "cell"):
            plan = words.plan(kind, terms)
            if plan.about is None:
                return None
            total += plan.about
        return total


def _holding(columns: tuple[str, ...]) -> str:
    """Some column of row `t` holds a term (its parameter: the folded term)."""
    return f"{trigram_terms.FUNCTION}(?, {', '.join(f't.{c}' for c in columns)})"
