"""Rows are put into the full-text indexes once, when the transaction that wrote them ends.

Within one transaction a row may be inserted, edited, deleted, re-imported: whatever happens
before the end, the committed indexes hold exactly the rows as they are, and a search finds
what a scan finds.
"""

from __future__ import annotations

from pathlib import Path

from old_schema import opened_at_schema
from question_boards import write_board
from studynotes.importers import import_file
from studynotes.library import Library
from studynotes.model import Cell

INDEXES = ("questions_fts", "cells_fts", "questions_words", "cells_words")


def _board(folder: Path, name: str, rows: list[tuple[str, str]]) -> Path:
    return write_board(folder, name, rows, ending=" 인가요?")


def _scan(library: Library, term: str) -> list[tuple[str, int]]:
    """Every row holding the term, questions then text, newest first: what a search must find."""
    term = term.lower()
    questions = [
        ("question", r[0])
        for r in library.conn.execute(
            "SELECT id, text, answer, asker FROM questions WHERE private = 0 ORDER BY id DESC"
        )
        if any(term in (v or "").lower() for v in r[1:])
    ]
    cells = [
        ("cell", r[0])
        for r in library.conn.execute(
            "SELECT id, markdown FROM cells WHERE kind = 'markdown' ORDER BY id DESC"
        )
        if term in r[1].lower()
    ]
    return questions + cells


def _sound(library: Library) -> None:
    for index in INDEXES:  # raises when an index holds a row that is not so, or lacks one
        library.conn.execute(f"INSERT INTO {index} ({index}, rank) VALUES ('integrity-check', 1)")
    assert library.conn.execute("SELECT count(*) FROM search_unindexed").fetchone()[0] == 0


def test_rows_edited_and_deleted_before_the_end_are_indexed_as_they_end(
    library: Library, tmp_path: Path
) -> None:
    first = _board(tmp_path, "a.md", [("Attention 손실함수를", "L1 모델"), ("Dropout", "은닉층을")])
    library.save_import(import_file(first), notebook="R")
    note_id = library.notes()[0].id
    with library.batch():
        added = min(library.add_cell(note_id, Cell.text("Zebrafish 얼룩말을 처음 보았다")).ids("cell"))
        library.edit_cell(added, "Kingfisher 물총새를 보았다")
        gone = min(library.add_cell(note_id, Cell.text("Platypus 오리너구리")).ids("cell"))
        library.delete_cell(gone)
        second = _board(tmp_path, "b.md", [("Transformer 층은 무엇", "Wombat 웜뱃")])
        library.save_import(import_file(second), notebook="R")
        asked = max(q.id for q in library.questions())
        library.edit_question(asked, answer="Narwhal 일각고래")
        assert library.conn.execute("SELECT count(*) FROM search_unindexed").fetchone()[0] > 0
    _sound(library)
    for term in (
        "kingfisher",
        "물총새",
        "zebrafish",
        "얼룩말",
        "platypus",
        "wombat",
        "narwhal",
        "일각",
        "층",
    ):
        assert [(h.kind, h.id) for h in library.search(term, limit=1000)] == _scan(library, term), term
    assert library.search("zebrafish") == [] and library.search("wombat") == []
    assert [h.id for h in library.search("narwhal")] == [asked]


def test_an_indexed_row_edited_and_deleted_leaves_the_indexes_sound(library: Library, tmp_path: Path) -> None:
    library.save_import(import_file(_board(tmp_path, "a.md", [("Beam 탐색", "Softmax 층")])), notebook="R")
    question = library.questions()[0]
    with library.batch():
        library.edit_question(question.id, answer="Gradient 기울기")
        library.add_cell(library.notes()[0].id, Cell.text("Eigenvalue 고윳값"))
    _sound(library)
    assert library.search("softmax") == []
    assert [h.id for h in library.search("기울기")] == [question.id]
    library.delete_note(library.notes()[0].id)
    _sound(library)
    assert library.search("eigenvalue") == [] and library.search("beam") == []


def test_a_failed_import_leaves_nothing_to_index(library: Library, tmp_path: Path) -> None:
    library.save_import(import_file(_board(tmp_path, "a.md", [("Beam 탐색", "Softmax 층")])), notebook="R")
    try:
        with library.batch():
            library.save_import(
                import_file(_board(tmp_path, "b.md", [("Pooling 풀링", "Stride")])), notebook="R"
            )
            raise RuntimeError("cancelled")
    except RuntimeError:
        pass
    _sound(library)
    assert library.search("pooling") == []
    assert [h.kind for h in library.search("softmax")] == ["question"]


def test_every_full_text_index_takes_a_bulk_write_in_large_segments(
    library_path: Path, tmp_path: Path
) -> None:
    """New libraries and upgraded ones gather 64 MB of terms before writing a segment."""
    from studynotes.library import connection, index_later

    names = [name for name, _script in connection.MIGRATIONS]
    before = names.index(index_later.HASH_MIGRATION_NAME)
    old_path = tmp_path / "old.sqlite3"
    with opened_at_schema(old_path, before) as old:
        old.save_import(import_file(_board(tmp_path, "a.md", [("Attention", "L1 모델")])), notebook="R")
        assert old.conn.execute("SELECT count(*) FROM cells_fts_config WHERE k = 'hashsize'").fetchone() == (
            0,
        )
    for path in (library_path, old_path):
        with Library.open(path) as library:
            for index in index_later.FULL_TEXT_INDEXES:
                size = library.conn.execute(f"SELECT v FROM {index}_config WHERE k = 'hashsize'").fetchone()
                assert size == (index_later.HASH_SIZE,), (path, index)


def test_a_write_bigger_than_the_memory_bound_is_indexed_whole(library: Library, tmp_path: Path) -> None:
    """A bulk write of about a million distinct trigrams (the old bound wrote dozens of segments
    for it) leaves sound indexes that find what a scan finds."""
    import random

    rng = random.Random(5)
    syllables = [chr(0xAC00 + i) for i in range(0, 11172, 7)]
    rows = [
        (
            "".join(rng.choice(syllables) for _ in range(12)) + f" 질문{i}",
            " ".join("".join(rng.choice(syllables) for _ in range(6)) for _ in range(40)),
        )
        for i in range(4000)
    ]
    library.save_import(import_file(_board(tmp_path, "big.md", rows)), notebook="R")
    _sound(library)
    for term in (rows[0][0][:5], rows[-1][1][:3], "질문3999", rows[1234][1][-4:]):
        found = [(hit.kind, hit.id) for hit in library.search(term, limit=1000)]
        assert found and found == _scan(library, term), term
