"""The open/total counts kept per notebook always equal the sum of its notes' kept counts."""

from __future__ import annotations

import random
from pathlib import Path

from old_schema import opened_at_schema
from studynotes.importers import import_file
from studynotes.library import Counts, Library, notebook_counts
from studynotes.library.schema import MIGRATIONS

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _agree(library: Library) -> None:
    assert library.recounted_mismatches() == []
    assert library.recounted_notebook_mismatches() == []


def test_kept_notebook_counts_follow_every_write(library_path: Path, tmp_path: Path) -> None:
    board = SEEDS / "question-board-week2.md"
    with Library.open(library_path) as library:
        library.save_import(import_file(board), notebook="A")
        library.save_import(import_file(SEEDS / "lecture-chat-log.txt"), notebook="A")
        library.save_import(import_file(SEEDS / "meeting-minutes-0805.md"), notebook="B")
        _agree(library)
        a, b = sorted(library.notebooks(), key=lambda nb: nb.title)
        assert a.counts.questions == sum(q.notebook == "A" for q in library.questions()) > 0
        assert b.counts.open == sum(q.notebook == "B" and q.status == "open" for q in library.questions())

        rng = random.Random(5)
        for question in rng.sample(library.questions(), 12):  # toggles, and their undo
            change = library.toggle_status(question.id)
            _agree(library)
            if rng.random() < 0.5:
                library.apply(change.inverse)
                _agree(library)

        changed = tmp_path / board.name  # a re-import replaces the notes of a file
        changed.write_text(board.read_text(encoding="utf-8") + "\n## 새로 생긴 질문?\n", encoding="utf-8")
        library.save_import(import_file(changed), notebook="A")
        _agree(library)

        note = next(n for n in library.notes(notebook_id=a.id) if n.counts.questions)
        library.delete_note(note.id)
        _agree(library)
        library.restore_deleted(library.deleted_items()[0].id)
        _agree(library)

        before = {nb.title: nb.counts for nb in library.notebooks()}
        library.delete_notebook(b.id)
        _agree(library)
        assert [nb.title for nb in library.notebooks()] == ["A"]
        library.restore_deleted(library.deleted_items()[0].id)
        _agree(library)
        assert {nb.title: nb.counts for nb in library.notebooks()} == before

        added = library.add_notebook("Empty")  # a new notebook counts nothing; its removal undone too
        _agree(library)
        library.apply(added.inverse)
        library.apply(library.add_notebook("Empty").inverse)
        _agree(library)

        # Any writer, SQL included: a note moved to another notebook, questions deleted.
        library.conn.execute("UPDATE notes SET notebook_id = ? WHERE id = ?", (b.id, note.id))
        _agree(library)
        library.conn.execute("DELETE FROM questions WHERE id IN (SELECT id FROM questions LIMIT 3)")
        _agree(library)
        library.conn.execute("DELETE FROM notes WHERE id = ?", (note.id,))
        _agree(library)


def test_an_older_library_gets_its_notebook_counts_on_upgrade(library_path: Path) -> None:
    before = [name for name, _ in MIGRATIONS].index(notebook_counts.MIGRATION_NAME)
    with opened_at_schema(library_path, before) as old:
        old.save_import(import_file(SEEDS / "question-board-week2.md"), notebook="A")
        old.save_import(import_file(SEEDS / "meeting-minutes-0805.md"), notebook="B")
        old.add_notebook("Empty")
        rows = old.conn.execute(
            """SELECT b.title, coalesce(sum(n.questions_total), 0), coalesce(sum(n.questions_open), 0)
               FROM notebooks b LEFT JOIN notes n ON n.notebook_id = b.id GROUP BY b.id"""
        )
        expected = {title: Counts(total, open_) for title, total, open_ in rows}
    assert expected["A"].questions > 0
    assert expected["Empty"] == Counts()
    with Library.open(library_path) as library:
        _agree(library)
        assert {nb.title: nb.counts for nb in library.notebooks()} == expected
