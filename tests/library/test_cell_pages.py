"""A long note read as it is used holds exactly the cells of the note read whole, and renders
the same page, first screen and every piece."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from studynotes.importers import import_file
from studynotes.library import Library, cell_pages
from studynotes.render.paged import render_paged

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def long_chat(folder: Path, questions: int = 300) -> Path:
    lines = []
    for n in range(questions):
        minute, second = divmod(n, 60)
        lines.append(f"- 10:{minute:02d}:{second:02d} From 학생{n % 7} : 질문 {n}번, $x_{n}$ 은 왜 그런가요?")
        lines.append(f"- > 답변 {n}: 그래서 그렇습니다.")
        if n % 5 == 0:
            lines.append(f"- 10:{minute:02d}:{second:02d} From 강사 : 잠깐 쉬었다 하겠습니다 {n}")
    chat = folder / "meeting_saved_chat.txt"
    chat.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return chat


@pytest.fixture(autouse=True)
def small_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Runs of 7 cells, 2 kept: many runs, read again after they were dropped."""
    monkeypatch.setattr(cell_pages, "RUN_CELLS", 7)
    monkeypatch.setattr(cell_pages, "KEPT_RUNS", 2)


def test_cells_read_as_used_equal_the_note_read_whole(tmp_path: Path) -> None:
    with Library.open(tmp_path / "l.sqlite3") as library:
        library.save_import(import_file(long_chat(tmp_path)), notebook="Long")
        library.save_import(import_file(SEEDS / "meeting-minutes-0805.md"), notebook="Long")
        for note in library.notes():
            whole = library.note(note.id)
            lazy = library.note(note.id, cells_as_used=True)
            assert whole is not None and lazy is not None
            assert len(lazy.cells) == len(whole.cells) == library.cell_count(note.id)
            assert list(lazy.cells) == whole.cells  # in order, questions and all
            rng = random.Random(note.id)
            for index in rng.sample(range(len(whole.cells)), min(40, len(whole.cells))):
                assert lazy.cells[index] == whole.cells[index]
                assert lazy.cells[index - len(whole.cells)] == whole.cells[index]
            assert lazy.cells[3:17:2] == whole.cells[3:17:2]
            with pytest.raises(IndexError):
                lazy.cells[len(whole.cells)]
            assert lazy.questions == whole.questions
            assert (lazy.title, lazy.kind, lazy.date, lazy.attachments) == (
                whole.title,
                whole.kind,
                whole.date,
                whole.attachments,
            )


def test_a_long_note_read_as_used_renders_the_same_page(tmp_path: Path) -> None:
    with Library.open(tmp_path / "l.sqlite3") as library:
        library.save_import(import_file(long_chat(tmp_path)), notebook="Long")
        note_id = max(library.notes(), key=lambda n: n.counts.questions).id
        whole = library.note(note_id)
        assert whole is not None and len(whole.cells) > 300  # the first screen and three pieces
        late = whole.questions[-3]
        for through in (None, f"question-{late.id}"):
            lazy = library.note(note_id, cells_as_used=True)
            assert lazy is not None
            expected = render_paged([whole], title=whole.title, through=through)
            shown = render_paged([lazy], title=lazy.title, through=through)
            assert shown.cut and shown.first == expected.first
            assert list(shown.rest) == list(expected.rest)


def test_a_note_changed_while_shown_says_so(tmp_path: Path) -> None:
    with Library.open(tmp_path / "l.sqlite3") as library:
        library.save_import(import_file(long_chat(tmp_path)), notebook="Long")
        note_id = max(library.notes(), key=lambda n: n.counts.questions).id
        lazy = library.note(note_id, cells_as_used=True)
        assert lazy is not None
        first = lazy.cells[0]
        library.conn.execute("DELETE FROM cells WHERE note_id = ? AND position > 20", (note_id,))
        assert lazy.cells[0] == first  # the run already read
        with pytest.raises(LookupError):
            lazy.cells[len(lazy.cells) - 1]
