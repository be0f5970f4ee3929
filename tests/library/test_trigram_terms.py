"""The trigram indexes keep no positions, and search still finds exactly what it found with them.

A term of four or more characters is asked of a trigram index as all of its trigrams, and each
row found is checked for the term itself, folded as the trigram tokenizer folds.  The reference
here is what the indexes answered before: an FTS5 trigram table with positions (`detail=full`),
asked each term as a phrase, over the very rows of the library.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from old_schema import opened_at_schema
from question_boards import write_board
from studynotes.importers import import_file
from studynotes.library import Library, parse_query, trigram_terms, word_search
from studynotes.library.schema import MIGRATIONS


def _board(folder: Path, name: str, rows: list[tuple[str, str]]) -> Path:
    return write_board(folder, name, rows)


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _with_positions(library: Library, query: str) -> list[tuple[str, int]]:
    """What the trigram indexes with positions answered: each term a phrase, all required."""
    terms = parse_query(query).all
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE VIRTUAL TABLE q USING fts5(text, answer, asker, tokenize='trigram')")
        conn.execute("CREATE VIRTUAL TABLE c USING fts5(markdown, tokenize='trigram')")
        conn.executemany(
            "INSERT INTO q (rowid, text, answer, asker) VALUES (?, ?, ?, ?)",
            library.conn.execute("SELECT id, text || '  ', answer || '  ', asker || '  ' FROM questions"),
        )
        conn.executemany(
            "INSERT INTO c (rowid, markdown) VALUES (?, ?)",
            library.conn.execute("SELECT id, markdown || '  ' FROM cells"),
        )
        expression = " AND ".join(_phrase(term) for term in terms)
        questions = {r[0] for r in conn.execute("SELECT rowid FROM q WHERE q MATCH ?", (expression,))}
        cells = {r[0] for r in conn.execute("SELECT rowid FROM c WHERE c MATCH ?", (expression,))}
    finally:
        conn.close()
    shared = {r[0] for r in library.conn.execute("SELECT id FROM questions WHERE private = 0")}
    text = {r[0] for r in library.conn.execute("SELECT id FROM cells WHERE kind = 'markdown'")}
    return [("question", i) for i in sorted(questions & shared, reverse=True)] + [
        ("cell", i) for i in sorted(cells & text, reverse=True)
    ]


def _found(library: Library, query: str, limit: int = 100_000) -> list[tuple[str, int]]:
    return [(hit.kind, hit.id) for hit in library.search(query, limit=limit)]


MODES = ("words", "common", "trigrams")


@contextmanager
def _path(library: Library, mode: str) -> Iterator[None]:
    """The library as it is (the word index first), every term common (the trigram index for every
    term of three or more characters), or without the vocabulary (the trigram index alone)."""
    with pytest.MonkeyPatch.context() as patch:
        if mode == "common":
            patch.setattr(word_search, "MANY_WORDS", 0)
        elif mode == "trigrams":
            patch.setattr(word_search.WordSearch, "ready", lambda self: False)
        library._short_term_index = None
        yield


def _sql(library: Library, table: str) -> str:
    return str(library.conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0])


def _ids(library: Library) -> dict[str, int]:
    return {q.text.rstrip("?"): q.id for q in library.questions()}


def test_the_indexes_keep_no_positions(library: Library) -> None:
    for table in ("questions_fts", "cells_fts"):
        sql = _sql(library, table)
        assert "detail=none" in sql and "tokenize='trigram'" in sql, sql
        with pytest.raises(sqlite3.OperationalError, match="phrase"):
            library.conn.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH '\"attention\"'").fetchall()


def test_the_folding_is_the_tokenizers_for_every_character() -> None:
    """Every character SQLite reads, folded by the trigram tokenizer itself, against `fold`."""
    inside = {c for a, b in trigram_terms.CASED_BLOCKS for c in range(a, b)}
    outside = (chr(c) for c in range(0x110000) if c not in inside)
    assert all(ch.lower() == ch == ch.upper() for ch in outside)  # no case: folded by no one
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE chars USING fts5(c, tokenize='trigram')")
    conn.execute("CREATE VIRTUAL TABLE chars_terms USING fts5vocab(chars, 'instance')")
    characters = [c for c in range(1, 0x20000) if not 0xD800 <= c < 0xE000]
    conn.executemany("INSERT INTO chars (rowid, c) VALUES (?, ?)", ((c, chr(c) + "!!") for c in characters))
    folded = dict(conn.execute("SELECT doc, term FROM chars_terms WHERE offset = 0"))
    assert len(folded) == len(characters)
    wrong = {
        hex(c): (trigram_terms.fold(chr(c)), t[0])
        for c, t in folded.items()
        if trigram_terms.fold(chr(c)) != t[0]
    }
    assert wrong == {}
    assert folded[ord("ſ")][0] == "s" and folded[ord("İ")][0] == "İ"  # neither Python's lower nor casefold


TRICKY = "ΣΟΔΟΣσςİIiıſsSµμKkKẞßǅǆᎠꭰ𐐀𐐨Aa가😀 "


@settings(max_examples=200, deadline=None)
@given(texts=st.lists(st.text(alphabet=TRICKY, min_size=3, max_size=40), min_size=1, max_size=20))
def test_the_folding_of_whole_texts_is_the_tokenizers(texts: list[str]) -> None:
    """Each trigram the tokenizer indexes is the text folded, cut at its position: characters
    whose case depends on their neighbours in Python (a final `Σ`), that Python lowers to two
    characters (`İ`), or that only SQLite folds (`ſ`, `µ`), in any mix with the rest."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(c, tokenize='trigram')")
    conn.execute("CREATE VIRTUAL TABLE t_terms USING fts5vocab(t, 'instance')")
    conn.executemany("INSERT INTO t (rowid, c) VALUES (?, ?)", enumerate(texts, start=1))
    for doc, offset, term in conn.execute("SELECT doc, offset, term FROM t_terms"):
        folded = trigram_terms.fold(texts[doc - 1])
        assert folded[offset : offset + 3] == term, (texts[doc - 1], offset)
    assert all(len(trigram_terms.fold(text)) == len(text) for text in texts)


def test_a_row_holding_every_trigram_but_not_the_term_is_not_found(library: Library, tmp_path: Path) -> None:
    rows = [
        ("Why are losses averaged", "The mean of the batch"),
        ("A loss assessed per batch", "Each loss is summed"),  # los, oss, sse, ses: every trigram of `losses`
        ("손실함 실함수 둘", "손실함수 아님"),  # 손실함, 실함수 in one column; the term only in the other
        ("손실 함수", "실함수와 손실함"),
    ]
    library.save_import(import_file(_board(tmp_path, "a.md", rows)), notebook="R")
    ids = _ids(library)
    for mode in MODES:
        with _path(library, mode):
            assert _found(library, "losses") == [("question", ids["Why are losses averaged"])], mode
            assert _found(library, "LOSSES batch") == [("question", ids["Why are losses averaged"])], mode
            assert _found(library, "손실함수") == [("question", ids["손실함 실함수 둘"])], mode
            assert _found(library, "assessed") == [("question", ids["A loss assessed per batch"])], mode
            for query in ("losses", "손실함수", "ssed per", "loss batch", "실함수와"):
                assert _found(library, query) == _with_positions(library, query), (mode, query)


def test_a_term_across_two_columns_is_not_found(library: Library, tmp_path: Path) -> None:
    rows = [("Watt attends", "a mention"), ("Pay attention", "now")]  # `attention` across text and answer
    library.save_import(import_file(_board(tmp_path, "a.md", rows)), notebook="R")
    ids = _ids(library)
    for mode in MODES:
        with _path(library, mode):
            assert _found(library, "attention") == [("question", ids["Pay attention"])], mode
            assert _found(library, "attends") == [("question", ids["Watt attends"])], mode


def test_case_is_folded_for_every_script_and_accents_are_kept(library: Library, tmp_path: Path) -> None:
    rows = [
        ("L'école est fermée", "sans accent ailleurs"),
        ("Η ΣΟΦΊΑ του λόγου", "ΟΔΟΣ"),
        ("Москва и Киев", "ПРИВЕТ мир"),
        ("Ecole normale", "nothing else"),
    ]
    library.save_import(import_file(_board(tmp_path, "a.md", rows)), notebook="R")
    ids = _ids(library)
    for mode in MODES:
        with _path(library, mode):
            assert _found(library, "ÉCOLE") == [("question", ids["L'école est fermée"])], mode
            assert _found(library, "école") == [("question", ids["L'école est fermée"])], mode
            assert _found(library, "ecole") == [("question", ids["Ecole normale"])], mode
            assert _found(library, "σοφία") == [("question", ids["Η ΣΟΦΊΑ του λόγου"])], mode
            assert _found(library, "ΛΌΓΟΥ") == [("question", ids["Η ΣΟΦΊΑ του λόγου"])], mode
            assert _found(library, "МОСКВА") == [("question", ids["Москва и Киев"])], mode
            assert _found(library, "привет") == [("question", ids["Москва и Киев"])], mode
            for query in ("ÉCOLE", "ecole", "σοφία", "οδος", "ΟΔΟς", "МОСКВА", "привет мир", "fermÉe"):
                assert _found(library, query) == _with_positions(library, query), (mode, query)


def test_a_quoted_phrase_with_a_space_asks_for_each_of_its_words(library: Library, tmp_path: Path) -> None:
    rows = [
        ("Gradient descent converges", "slowly"),
        ("Descent of the gradient", "fast"),
        ("Only descent", "x"),
    ]
    library.save_import(import_file(_board(tmp_path, "a.md", rows)), notebook="R")
    ids = _ids(library)
    both = sorted([ids["Gradient descent converges"], ids["Descent of the gradient"]], reverse=True)
    for mode in MODES:
        with _path(library, mode):
            assert [i for _k, i in _found(library, '"gradient descent"')] == both, mode
            assert _found(library, '"gradient descent"') == _with_positions(library, '"gradient descent"')


def test_a_page_fills_to_its_limit_past_rows_that_hold_only_the_trigrams(
    library: Library, tmp_path: Path
) -> None:
    """The newest rows hold every trigram of the term but not the term: the page still fills with
    the older rows that hold it, newest first."""
    rows = [(f"Why losses {i}", "answer") for i in range(30)]
    rows += [(f"A loss assessed {i}", "answer") for i in range(80)]
    library.save_import(import_file(_board(tmp_path, "a.md", rows)), notebook="R")
    expected = _with_positions(library, "losses")
    assert len(expected) == 30
    for mode in MODES:
        with _path(library, mode):
            for limit in (1, 7, 30, 50):
                assert _found(library, "losses", limit) == expected[:limit], (mode, limit)


ALPHABET = "aAbBsSſéÉeEσΣςοΟδΔмМоОкКİiIKk손실함수 "
TEXT = st.text(alphabet=ALPHABET, min_size=1, max_size=24).map(str.strip).filter(bool)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.tuples(TEXT, TEXT), min_size=1, max_size=14), data=st.data())
def test_search_finds_what_the_indexes_with_positions_found(
    rows: list[tuple[str, str]], data: st.DataObject
) -> None:
    """Random libraries of mixed scripts and cases (the characters whose folding differs from
    Python's), random terms cut from their text with their case changed, through each path."""
    with tempfile.TemporaryDirectory() as folder, Library.open(Path(folder) / "library.sqlite3") as library:
        library.save_import(import_file(_board(Path(folder), "a.md", rows)), notebook="R")
        texts = [word for question, answer in rows for word in f"{question} {answer}".split()]
        piece = st.sampled_from(texts).flatmap(
            lambda w: st.tuples(st.integers(0, max(0, len(w) - 3)), st.integers(3, 8), st.booleans()).map(
                lambda p: w[p[0] : p[0] + p[1]].upper() if p[2] else w[p[0] : p[0] + p[1]]
            )
        )
        term = st.one_of(piece, st.text(alphabet=ALPHABET.strip(), min_size=3, max_size=6)).filter(
            lambda t: len(t) >= 3 and not parse_query(t).short
        )
        queries = data.draw(
            st.lists(st.lists(term, min_size=1, max_size=2).map(" ".join), min_size=3, max_size=6)
        )
        for mode in MODES:
            with _path(library, mode):
                for query in queries:
                    expected = _with_positions(library, query)
                    assert _found(library, query) == expected, (mode, query)
                    assert _found(library, query, 2) == expected[:2], (mode, query)


def test_a_library_from_before_finds_the_same_rows_after_the_upgrade(
    library_path: Path, tmp_path: Path
) -> None:
    names = [name for name, _script in MIGRATIONS]
    before = names.index(trigram_terms.MIGRATION_NAME)
    rows = [
        ("Why are losses averaged", "L'école, ΣΟΦΊΑ"),
        ("A loss assessed per batch", "Москва 손실함수를"),
        ("손실함 실함수 둘", "attention please"),
        ("Watt attends", "a mention"),
    ]
    queries = [
        "losses",
        "LOSSES",
        "école",
        "ÉCOLE",
        "σοφία",
        "москва",
        "손실함수",
        "attention",
        "att",
        "loss batch",
    ]
    with opened_at_schema(library_path, before) as old:
        old.save_import(import_file(_board(tmp_path, "a.md", rows)), notebook="R")
        for table in ("questions_fts", "cells_fts"):
            assert "detail" not in _sql(old, table)  # positions kept: each term asked as a phrase, as before
        by_phrase = {}
        for query in queries:
            terms = " AND ".join(_phrase(t) for t in parse_query(query).all)
            found = old.conn.execute(
                "SELECT rowid FROM questions_fts WHERE questions_fts MATCH ? ORDER BY rowid DESC", (terms,)
            )
            by_phrase[query] = [("question", r[0]) for r in found]
        assert by_phrase["losses"] and by_phrase["손실함수"]
    with Library.open(library_path) as upgraded:
        assert upgraded.conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        for table in ("questions_fts", "cells_fts"):
            assert "detail=none" in _sql(upgraded, table)
            upgraded.conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")
            size = upgraded.conn.execute(f"SELECT v FROM {table}_config WHERE k = 'hashsize'").fetchone()
            assert size == (trigram_terms.HASH_SIZE,)
        for query in queries:
            questions = [hit for hit in _found(upgraded, query) if hit[0] == "question"]
            assert questions == by_phrase[query], query
            assert _found(upgraded, query) == _with_positions(upgraded, query), query
        watt = _ids(upgraded)["Watt attends"]
        upgraded.edit_question(watt, answer="its attention")  # the triggers write the new tables
        assert [i for _k, i in _found(upgraded, "attention")][:1] == [watt]
        upgraded.edit_question(watt, answer="")
        assert watt not in [i for _k, i in _found(upgraded, "attention")]
        for table in ("questions_fts", "cells_fts"):
            upgraded.conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")
