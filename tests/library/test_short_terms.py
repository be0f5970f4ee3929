"""One- and two-character terms: found through the trigram index, exactly as a scan would find them."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from old_schema import BEFORE_SHORT_TERMS, opened_at_schema, save_as_before
from studynotes.importers import import_file
from studynotes.library import Library, short_terms
from studynotes.library.schema import MIGRATIONS

ALPHABET = "가나층학습모델손실 abAB12%_\"'"


def _random_note(rng: random.Random, path: Path) -> Path:
    def words(count: int) -> str:
        return " ".join("".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 4))) for _ in range(count))

    parts = ["# 무작위 노트", ""]
    for _ in range(40):
        parts += [f"## {words(rng.randint(1, 5)).strip()} 인가요?", "", words(rng.randint(1, 8)), ""]
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def _expected(library: Library, query: str) -> tuple[set[int], set[int]]:
    """What a scan of every searchable row finds: every word of the query, case folded as SQLite folds."""
    words = [word.lower() for word in query.split()]
    questions = {
        row[0]
        for row in library.conn.execute("SELECT id, text, answer, asker FROM questions WHERE private = 0")
        if all(any(word in (value or "").lower() for value in row[1:]) for word in words)
    }
    cells = {
        row[0]
        for row in library.conn.execute("SELECT id, markdown FROM cells WHERE kind = 'markdown'")
        if all(word in row[1].lower() for word in words)
    }
    return questions, cells


def _found(library: Library, term: str) -> tuple[set[int], set[int]]:
    hits = library.search(term, limit=100_000)
    return {h.id for h in hits if h.kind == "question"}, {h.id for h in hits if h.kind == "cell"}


def _short_substrings(library: Library) -> set[str]:
    texts = [r[0] for r in library.conn.execute("SELECT text || ' ' || answer FROM questions")]
    texts += [r[0] for r in library.conn.execute("SELECT markdown FROM cells")]
    found = set()
    for text in texts:
        for size in (1, 2):
            found.update(text[i : i + size] for i in range(len(text) - size + 1))
    return {t for t in found if t.strip() == t and '"' not in t}  # a quote marks a phrase in a query


@pytest.fixture
def random_library(library: Library, tmp_path: Path) -> Library:
    library.save_import(import_file(_random_note(random.Random(7), tmp_path / "random.md")), notebook="R")
    return library


def test_every_short_term_finds_exactly_the_rows_that_hold_it(random_library: Library) -> None:
    terms = [*sorted(_short_substrings(random_library)), "zz", "층층", "Ω"]
    assert len(terms) > 100
    for term in terms:
        assert _found(random_library, term) == _expected(random_library, term), term


def test_short_words_combine_with_each_other_and_with_long_words(random_library: Library) -> None:
    shorts = sorted(t for t in _short_substrings(random_library) if t.isalnum())[:12]
    longs = ["인가요", "노트"]
    queries = [f"{a} {b}" for a, b in zip(shorts, reversed(shorts), strict=True)]
    queries += [f"{long} {short}" for long in longs for short in shorts[:6]]
    found_any = 0
    for query in queries:
        found = _found(random_library, query)
        assert found == _expected(random_library, query), query
        found_any += bool(found[0] or found[1])
    assert found_any >= 4  # the comparison is not only between empty results


def test_a_term_at_the_very_end_of_a_field_is_found(library: Library, tmp_path: Path) -> None:
    note = tmp_path / "end.md"
    note.write_text("# 끝\n\n## 무엇을 쓰나요?\n\n답은 모델\n\n## 정리\n\n마지막 층\n", encoding="utf-8")
    library.save_import(import_file(note), notebook="E")
    assert [h.kind for h in library.search("모델")] == ["question"]
    assert [h.kind for h in library.search("층")] == ["cell"]


def test_common_terms_are_scanned_and_give_the_same_rows(
    random_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    terms = ["가", "a", "B", "모델", "%"]
    through_index = {t: _found(random_library, t) for t in terms}
    monkeypatch.setattr(short_terms, "COMMON_ROWS", 0)
    random_library._short_term_index = None
    for term in terms:
        assert _found(random_library, term) == through_index[term] == _expected(random_library, term), term


def test_a_library_from_before_the_short_term_index_is_upgraded(library_path: Path, tmp_path: Path) -> None:
    with opened_at_schema(library_path) as old:
        save_as_before(old, import_file(_random_note(random.Random(3), tmp_path / "old.md")), "Old")
        assert old.conn.execute("PRAGMA user_version").fetchone()[0] == BEFORE_SHORT_TERMS
    with Library.open(library_path) as upgraded:
        assert upgraded.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        for table in ("questions_fts", "cells_fts"):
            upgraded.conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")
        for term in ("층", "모델", "a"):
            assert _found(upgraded, term) == _expected(upgraded, term), term
            assert _found(upgraded, term) != (set(), set())


def test_edits_and_deletes_keep_the_index_in_step(random_library: Library) -> None:
    question = random_library.questions()[0]
    random_library.edit_question(question.id, answer="뭘까 ZQ")
    assert question.id in _found(random_library, "zq")[0]
    assert question.id in _found(random_library, "뭘")[0]
    random_library.edit_question(question.id, answer="")
    assert question.id not in _found(random_library, "zq")[0]
    conn: sqlite3.Connection = random_library.conn
    for table in ("questions_fts", "cells_fts"):
        conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")
