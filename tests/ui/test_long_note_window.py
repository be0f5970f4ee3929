"""A long chat in the window: its first screen shows, a chosen question is in view, the rest
follows as the reader scrolls down (and only then)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from studynotes.importers import import_file
from studynotes.library import Library
from studynotes.render.paged import FIRST_SCREEN_CELLS, REST_ID

QUESTIONS = 400


READ_TO_THE_END = "window.scrollTo(0,document.documentElement.scrollHeight)"


def _eventually(
    qtbot: Any, pane: Any, script: str, expected: Any, timeout: int = 30_000, *, reading: bool = False
) -> None:
    """Evaluate the script until it gives `expected` (a page still loading drops an answer);
    `reading`: the reader keeps scrolling to the end of the page meanwhile."""
    answers: list[Any] = []

    def holds() -> bool:
        answers.clear()
        if reading:
            pane.run_script(READ_TO_THE_END)
        pane.run_script(script, answers.append)
        qtbot.wait(50)
        return bool(answers) and answers[0] == expected

    qtbot.waitUntil(holds, timeout=timeout)


@pytest.fixture
def long_chat_window(qtbot: Any, tmp_path: Path) -> Iterator[tuple[Any, Library]]:
    from studynotes.ui.main_window import MainWindow

    lines = []
    for n in range(QUESTIONS):
        minute, second = divmod(n, 60)
        lines.append(
            f"- 1{minute // 60}:{minute % 60:02d}:{second:02d} From 학생{n % 7} : 질문 {n}번은 왜 그런가요?"
        )
        lines.append(f"- > 답변 {n}: 그래서 그렇습니다.")
    chat = tmp_path / "meeting_saved_chat.txt"
    chat.write_text("\n".join(lines) + "\n", encoding="utf-8")
    library = Library.open(tmp_path / "library.sqlite3")
    library.save_import(import_file(chat), notebook="Long")
    window = MainWindow(library, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.preview.create_web_view()
    yield window, library
    window.close()
    library.close()


def test_a_question_far_down_a_long_chat_is_shown_in_view(qtbot: Any, long_chat_window: Any) -> None:
    window, library = long_chat_window
    questions = library.questions()
    assert len(questions) == QUESTIONS
    late = questions[-10]
    pane = window.preview.pane
    with qtbot.waitSignal(pane.shown, timeout=30_000):
        window.select_note(late.note_id, scroll_to=f"question-{late.id}")
    in_view = (
        f"(function(){{var e=document.getElementById('question-{late.id}');if(!e)return false;"
        "var r=e.getBoundingClientRect();return r.top>=0&&r.bottom<=window.innerHeight;})()"
    )
    _eventually(qtbot, pane, in_view, True)
    everything = (
        f"document.querySelectorAll('section.question').length==={QUESTIONS}"
        f"&&!document.getElementById('{REST_ID}')"
    )
    _eventually(qtbot, pane, everything, True, timeout=60_000, reading=True)


def test_the_first_screen_comes_before_the_rest(qtbot: Any, long_chat_window: Any) -> None:
    window, library = long_chat_window
    note_id = library.questions()[0].note_id
    pane = window.preview.pane
    # What the page holds just before the first later piece goes in: the view runs scripts in
    # the order they are sent, so this count sees the first screen alone, however fast the rest is.
    first = (
        f"document.getElementById('{REST_ID}')!==null&&document.querySelectorAll('section.question').length"
    )
    before_rest: list[Any] = []
    append = pane.append_piece

    def append_after_counting(piece: str) -> None:
        if not before_rest:
            before_rest.append(None)
            pane.run_script(first, before_rest.append)
        append(piece)

    pane.append_piece = append_after_counting
    window.select_note(note_id)

    def counted_before_rest() -> bool:
        pane.run_script(READ_TO_THE_END)  # the reader goes down: the next piece is asked for
        qtbot.wait(50)
        return len(before_rest) == 2

    qtbot.waitUntil(counted_before_rest, timeout=30_000)
    counted = before_rest[1]
    assert isinstance(counted, int | float) and 0 < counted <= FIRST_SCREEN_CELLS
    everything = (
        f"document.querySelectorAll('section.question').length==={QUESTIONS}"
        f"&&!document.getElementById('{REST_ID}')"
    )
    _eventually(qtbot, pane, everything, True, timeout=60_000, reading=True)


def test_the_rest_waits_for_the_reader(qtbot: Any, long_chat_window: Any) -> None:
    """Pieces come while the reader is near the end of what is shown, not all at once: a page
    of a whole busy day made the web engine grow by a GB or two."""
    window, library = long_chat_window
    pane = window.preview.pane
    with qtbot.waitSignal(pane.shown, timeout=30_000):
        window.select_note(library.questions()[0].note_id)
    qtbot.wait(1_500)  # time enough for every piece, were they rendered unasked
    cards = "document.querySelectorAll('section.question').length"
    counted: list[Any] = []
    pane.run_script(cards, counted.append)
    qtbot.waitUntil(lambda: bool(counted), timeout=10_000)
    assert 0 < counted[0] < QUESTIONS
    assert window.preview._rest is not None  # more to come, when asked for
    further = f"{cards}>{counted[0]}"
    _eventually(qtbot, pane, further, True, reading=True)
