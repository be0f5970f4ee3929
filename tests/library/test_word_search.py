"""Search through the vocabulary of whole words finds exactly what a scan of every row finds.

Random libraries of Korean (particles, two-syllable words), English in mixed case, short
pieces and punctuation; random queries made of pieces of their text, words that occur
nowhere, typos, several words at once and one- or two-character terms.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studynotes.importers import import_file
from studynotes.library import Library, parse_query, short_terms, word_parts, word_search

WORDS = [
    "손실함수를", "손실함수", "손실을", "손실", "모델", "모델의", "층", "은닉층을", "정규화는", "과제에서",
    "Attention", "attention,", "ATTENTION", "Dropout", "dropout을", "L1", "L2-norm", "f(x)=1", "x_1",
    "a", "ab", "Q", "뭘", "편향", "\"quoted\"", "it's", "50%", "Ω", "ω", "Beam", "GAN", "LSTM",
]  # fmt: skip
PIECES = st.text(alphabet="가나층학습모델손실 abAB12%_-'", min_size=1, max_size=5).filter(
    lambda t: t.strip() == t and '"' not in t
)
WORD = st.one_of(st.sampled_from(WORDS), PIECES)
LINE = st.lists(WORD, min_size=1, max_size=6).map(" ".join)
NOTE = st.lists(st.tuples(LINE, LINE), min_size=1, max_size=12)


def _write(notes: list[list[tuple[str, str]]], folder: Path) -> list[Path]:
    paths = []
    for number, note in enumerate(notes):
        parts = [f"# 노트 {number}", ""]
        for question, answer in note:
            parts += [f"## {question} 인가요?", "", answer, ""]
        path = folder / f"note{number}.md"
        path.write_text("\n".join(parts), encoding="utf-8")
        paths.append(path)
    return paths


def _expected(library: Library, query: str) -> list[tuple[str, int]]:
    """Every searchable row holding every term, questions then text, each newest first."""
    terms = [t.lower() for t in parse_query(query).all]

    def holds(*values: str) -> bool:
        return all(any(t in (v or "").lower() for v in values) for t in terms)

    questions = [
        ("question", r[0])
        for r in library.conn.execute(
            "SELECT id, text, answer, asker FROM questions WHERE private = 0 ORDER BY id DESC"
        )
        if holds(*r[1:])
    ]
    cells = [
        ("cell", r[0])
        for r in library.conn.execute(
            "SELECT id, markdown FROM cells WHERE kind = 'markdown' ORDER BY id DESC"
        )
        if holds(r[1])
    ]
    return questions + cells


def _queries(library: Library, data: st.DataObject) -> list[str]:
    texts = [r[0] for r in library.conn.execute("SELECT text || ' ' || answer FROM questions")]
    words = sorted({w for t in texts for w in t.split() if '"' not in w})
    pieces = st.sampled_from(words).flatmap(
        lambda w: st.tuples(st.integers(0, len(w) - 1), st.integers(1, 6)).map(
            lambda p: w[p[0] : p[0] + p[1]]
        )
    )
    term = st.one_of(pieces, st.sampled_from(["Atention", "Dropuot", "손실함수를", "zz", "층층", "xq", "AB"]))
    return data.draw(st.lists(st.lists(term, min_size=1, max_size=3).map(" ".join), min_size=4, max_size=8))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notes=st.lists(NOTE, min_size=1, max_size=4), data=st.data())
def test_search_finds_what_a_scan_finds(notes: list[list[tuple[str, str]]], data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as folder, Library.open(Path(folder) / "library.sqlite3") as library:
        for path in _write(notes, Path(folder)):
            library.save_import(import_file(path), notebook="R")
        queries = _queries(library, data)
        for query in queries:
            expected = _expected(library, query)
            found = [(h.kind, h.id) for h in library.search(query, limit=100_000)]
            assert found == expected, query
            assert [(h.kind, h.id) for h in library.search(query, limit=3)] == expected[:3], query
        with pytest.MonkeyPatch.context() as patch:  # the whole words' lists, not their parts
            patch.setattr(word_parts, "ready", lambda conn: False)
            for query in queries:
                found = [(h.kind, h.id) for h in library.search(query, limit=100_000)]
                assert found == _expected(library, query), ("whole words", query)
        with pytest.MonkeyPatch.context() as patch:  # every short term dense: scanned from the newest row
            patch.setattr(word_search, "SCAN_ROWS", 0)
            patch.setattr(word_search, "DENSE", 0)
            for query in queries:
                expected = _expected(library, query)
                found = [(h.kind, h.id) for h in library.search(query, limit=100_000)]
                assert found == expected, ("dense", query)
                assert [(h.kind, h.id) for h in library.search(query, limit=3)] == expected[:3], query


def test_edits_and_deletes_keep_search_exact(library: Library, tmp_path: Path) -> None:
    (path,) = _write([[("Attention 손실함수를", "L1 모델"), ("Dropout", "은닉층을")]], tmp_path)
    library.save_import(import_file(path), notebook="R")
    question = library.questions()[0]
    assert library.search("Zebrafish") == []
    library.edit_question(question.id, answer="Zebrafish 얼룩말을")
    for query in ("zebrafish", "bra", "얼룩말", "얼룩", "룩", "attention zebra"):
        assert [(h.kind, h.id) for h in library.search(query, limit=1000)] == _expected(library, query), query
    assert [h.id for h in library.search("zebrafish")] == [question.id]
    plan = library._word_search().plan("question", parse_query("zebrafish 얼룩말"))
    assert plan.parts == ['("zebrafish")', '("얼룩말을")'], "answered by the parts index"
    library.edit_question(question.id, answer="")
    assert library.search("zebrafish") == []  # the word stays in the vocabulary; no row holds it
    library.delete_note(library.notes()[0].id)
    assert library.search("attention") == []


def test_common_terms_take_the_other_paths_and_find_the_same_rows(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [(f"질문 {i} 모델 L{i % 7} ab{i}", f"답 {i % 3} 층") for i in range(120)]
    (path,) = _write([rows], tmp_path)
    library.save_import(import_file(path), notebook="R")
    queries = ["모델", "l1", "a", "b1", "층 모델", "ab1 답", "질문 l", "1"]
    before = {q: [(h.kind, h.id) for h in library.search(q, limit=1000)] for q in queries}
    for name, value in (
        (word_search, "MANY_WORDS"),
        (word_search, "SCAN_ROWS"),
        (word_search, "DENSE"),
        (short_terms, "COMMON_ROWS"),
    ):
        monkeypatch.setattr(name, value, 0)
    library._short_term_index = None
    for query in queries:
        assert before[query] == _expected(library, query), query
        assert [(h.kind, h.id) for h in library.search(query, limit=1000)] == before[query], query


def test_the_estimate_is_read_from_the_counts_and_bounds_the_results(
    library: Library, tmp_path: Path
) -> None:
    rows = [(f"질문 {i} 모델 ab{i}", f"답 {i % 3}") for i in range(120)]
    (path,) = _write([rows], tmp_path)
    library.save_import(import_file(path), notebook="R")
    for query in ("모델", "ab1", "답 ab7", "질문 모델"):
        about = library.search_estimate(query)
        assert about is not None and about >= len(_expected(library, query)), query
    assert library.search_estimate("모델") == len(_expected(library, "모델"))
    assert library.search_estimate("Atention") == 0


def test_indexes_merged_after_a_bulk_write_still_find_exactly(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from studynotes.library import word_index

    monkeypatch.setattr(word_index, "MERGE_AFTER_ROWS", 0)  # every write is a bulk write
    for number in range(3):
        (path,) = _write([[(f"질문 {number} 모델 L{number}", f"답 attention{number} 층")] * 5], tmp_path)
        path.rename(path.with_name(f"part{number}.md"))
        library.save_import(import_file(path.with_name(f"part{number}.md")), notebook="R")
    monkeypatch.setattr(word_parts, "MERGE_AFTER_ROWS", 0)
    for table in (
        "questions_fts",
        "cells_fts",
        "questions_words",
        "cells_words",
        "questions_parts",
        "cells_parts",
    ):
        library.conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")
    for query in ("모델", "attention1", "l2", "층 질문", "Atention"):
        assert [(h.kind, h.id) for h in library.search(query, limit=1000)] == _expected(library, query), query


def test_parts_follow_edits_deletes_and_a_freed_id_taken_again(library: Library, tmp_path: Path) -> None:
    """A row's old parts leave the index with it, also when a new row takes its id in the same write."""
    (first,) = _write([[("GAN은 생성모델(gan)를", "beam 서치"), ("LSTM의 게이트", "gan? 답")]], tmp_path)
    library.save_import(import_file(first), notebook="R")
    queries = ("gan", "gan 서치", "lstm", "게이트", "생성모델 gan", "beam", "cnn", "gan 층")
    for query in queries:
        assert [(h.kind, h.id) for h in library.search(query, limit=1000)] == _expected(library, query), query
    newest = max(q.id for q in library.questions())
    library.delete_note(library.notes()[0].id)
    (tmp_path / "second").mkdir()
    (second,) = _write(
        [[("CNN은 층을 쌓는다", "gan 아님 층"), ("풀링 beam", "서치 아님")]], tmp_path / "second"
    )
    library.save_import(import_file(second), notebook="S")
    assert newest in {q.id for q in library.questions()}, "the freed id is taken again"
    library.edit_question(library.questions()[0].id, text="CNN의 풀링 beam")
    for query in queries:
        assert [(h.kind, h.id) for h in library.search(query, limit=1000)] == _expected(library, query), query
    for table in ("questions_parts", "cells_parts"):
        library.conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")


def test_a_library_from_before_the_parts_gets_them_on_upgrade(
    library_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from studynotes.library import connection

    (path,) = _write([[("GAN은 생성모델(gan)를", "beam 서치"), ("LSTM의 게이트", "gan? 답")]], tmp_path)
    names = [name for name, _script in connection.MIGRATIONS]
    before_parts = names.index(word_parts.MIGRATION_NAME)
    with monkeypatch.context() as patch:
        patch.setattr(connection, "MIGRATIONS", connection.MIGRATIONS[:before_parts])
        patch.setattr(connection, "LATEST_VERSION", before_parts)
        with Library.open(library_path) as old:
            old.save_import(import_file(path), notebook="R")
            assert old.conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE name = 'questions_parts'"
            ).fetchone() == (0,)
    with Library.open(library_path) as upgraded:
        assert word_parts.ready(upgraded.conn)
        for query in ("gan", "gan 서치", "lstm 게이트", "생성모델"):
            found = [(h.kind, h.id) for h in upgraded.search(query, limit=1000)]
            assert found and found == _expected(upgraded, query), query
