"""A long note's first screen: its opening cells, in order, and a line saying the rest follows."""

from __future__ import annotations

from studynotes.model import Cell, Note, Question
from studynotes.render import render_note
from studynotes.render.pages import LONG_NOTE_CHARACTERS, first_screen, is_long, note_size


def _chat_day(messages: int) -> Note:
    cells: list[Cell] = []
    for index in range(messages):
        if index % 10 == 0:
            cells.append(
                Cell.asking(
                    Question(text=f"질문 {index}: 역전파는 왜 곱하나요?", answer=f"**박지훈**: 답 {index}")
                )
            )
        else:
            cells.append(Cell.text(f"**10:{index % 60:02d}:00 김민수**: 메시지 {index} 입니다"))
    return Note(title="딥러닝 · 2021-08-05", kind="chat", cells=cells)


def test_a_short_note_is_rendered_in_one_step() -> None:
    note = _chat_day(20)
    assert not is_long([note])
    assert first_screen(note).cells == note.cells


def test_a_long_note_shows_its_opening_cells_first() -> None:
    note = _chat_day(5_000)
    assert is_long([note]) and note_size(note) > LONG_NOTE_CHARACTERS
    first = first_screen(note)
    shown = first.cells[:-1]
    assert shown == note.cells[: len(shown)] and 100 < len(shown) < 1_000
    assert first.cells[-1].markdown.startswith(f"*… {len(note.cells) - len(shown):,} more parts")
    page = render_note(first)
    assert "메시지 1 입니다" in page and "메시지 4999 입니다" not in page
    assert first.title == note.title and len(note.cells) == 5_000  # the note itself is untouched
