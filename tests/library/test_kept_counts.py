"""The open/total counts each note keeps always equal a count of its questions."""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from studynotes.importers import import_file
from studynotes.library import Library

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_counts_follow_imports_toggles_edits_and_deletes(library_path: Path, tmp_path: Path) -> None:
    board = SEEDS / "question-board-week2.md"
    with Library.open(library_path) as library:
        library.save_import(import_file(board), notebook="A")
        library.save_import(import_file(SEEDS / "lecture-chat-log.txt"), notebook="A")
        assert library.recounted_mismatches() == []
        ids = [q.id for q in library.questions()]
        rng = random.Random(3)
        for question_id in rng.sample(ids, 10):
            row = library.question(question_id)
            assert row is not None
            library.set_status(question_id, "open" if row.status == "answered" else "answered")
        assert library.recounted_mismatches() == []
        before = library.notebooks()[0].counts
        changed = tmp_path / "question-board-week2.md"
        changed.write_text(board.read_text(encoding="utf-8") + "\n## 새로 생긴 질문?\n", encoding="utf-8")
        library.save_import(import_file(changed), notebook="A")
        assert library.recounted_mismatches() == []
        assert library.notebooks()[0].counts.questions >= before.questions
        note_id = library.questions()[0].note_id
        library.conn.execute("DELETE FROM notes WHERE id = ?", (note_id,))
        assert library.recounted_mismatches() == []


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(["open", "answered"])), max_size=30))
def test_counts_equal_a_recount_after_any_toggles(toggles: list[tuple[int, str]]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder, Library.open(Path(folder) / "l.sqlite3") as library:
        library.save_import(import_file(SEEDS / "meeting-minutes-0805.md"), notebook="M")
        ids = [q.id for q in library.questions()]
        for pick, status in toggles:
            library.set_status(ids[pick % len(ids)], status)
        assert library.recounted_mismatches() == []
        expected_open = sum(q.status == "open" for q in library.questions())
        assert library.notebooks()[0].counts.open == expected_open
