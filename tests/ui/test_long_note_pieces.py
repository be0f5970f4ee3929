"""The pieces of a long page reach the preview through its web channel: whole (Korean, emoji,
formulas, markup that looks like script), as the same HTML a script carrying them would put,
and running nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from long_chat import evaluate, open_on, write_chat
from studynotes.library import Library
from studynotes.render.paged import FIRST_SCREEN_CELLS, PIECE_CELLS, PIECE_ID

QUESTIONS = FIRST_SCREEN_CELLS + 3 * PIECE_CELLS  # the first screen and three pieces
SCRIPTED = QUESTIONS - 5  # in the last piece, which only the channel brings
TEXTS = (
    "손실함수를 최소화하려면 왜 그런가요? 🙏",
    "가족 👨‍👩‍👧 이모지와 피부색 👍🏽 그리고 깃발 🇰🇷 도 되나요?",
    "$\\frac{\\partial L}{\\partial w_{ij}}$ 는 어떻게 구하나요?",
    "따옴표 \" ' ` 와 역슬래시 \\ 그리고 \u2028 줄 나눔은요?",
)


def _text(n: int) -> str:
    if n == SCRIPTED:
        return (
            '<img src=x onerror="document.title=1"> <script>document.title=2</script> '
            '"); document.title=3; (" </script><script>document.title=4</script> 왜요?'
        )
    return TEXTS[n % len(TEXTS)]


@pytest.fixture
def chat(qtbot: Any, tmp_path: Path) -> Iterator[tuple[Any, Library]]:
    window, library = open_on(qtbot, tmp_path, write_chat(tmp_path, QUESTIONS, _text, answered=" ✅"))
    yield window, library
    window.close()
    library.close()


def _read_to_the_end(qtbot: Any, window: Any, library: Library) -> list[int]:
    """Show the note and go to its end until its last piece is in; the pieces put, in order."""
    pane = window.preview.pane
    shown: list[int] = []
    window.preview.pieceShown.connect(lambda number, _count: shown.append(number))
    window.select_note(library.questions()[0].note_id)
    qtbot.waitUntil(lambda: window.preview._paged is not None and pane.pieces.ready, timeout=30_000)
    last = window.preview._paged.pieces - 1

    def at_the_end() -> bool:
        pane.run_script("window.scrollTo(0,document.documentElement.scrollHeight)")
        qtbot.wait(50)
        return last in shown

    qtbot.waitUntil(at_the_end, timeout=60_000)
    return shown


def test_pieces_come_through_the_channel_whole(qtbot: Any, chat: Any) -> None:
    window, library = chat
    pane = window.preview.pane
    before = pane.pieces.through_channel
    shown = _read_to_the_end(qtbot, window, library)
    paged = window.preview._paged
    last = paged.pieces - 1
    assert pane.pieces.through_channel > before  # not put by scripts carrying them
    # What the page holds is what the browser makes of the piece's HTML, character for character.
    expected = (
        "(function(){var t=document.createElement('template');"
        f"t.innerHTML={json.dumps(paged.piece(last))};return t.innerHTML;}})()"
    )
    held = f"document.getElementById('{PIECE_ID}{last}').innerHTML"
    assert evaluate(qtbot, pane, held) == evaluate(qtbot, pane, expected)
    text = evaluate(qtbot, pane, f"document.getElementById('{PIECE_ID}{last}').textContent")
    for line in TEXTS:
        if "$" not in line:
            assert line.replace("\u2028", " ") in text.replace("\u2028", " ")
    assert "그래서 그렇습니다 ✅" in text
    formulas = f"document.querySelectorAll('#{PIECE_ID}{last} .math svg').length"
    assert evaluate(qtbot, pane, formulas) > 0  # typeset formulas came whole
    assert 0 not in shown[1:]  # the first screen came with the page, not again


def test_markup_in_a_piece_from_the_channel_runs_nothing(qtbot: Any, chat: Any) -> None:
    window, library = chat
    pane = window.preview.pane
    _read_to_the_end(qtbot, window, library)
    title = pane.title()
    scripted = library.questions()[SCRIPTED].id
    words = evaluate(qtbot, pane, f"document.getElementById('question-{scripted}').textContent")
    assert "document.title=3" in words and "왜요?" in words  # shown as text
    assert evaluate(qtbot, pane, "document.querySelectorAll('[onerror], script').length") == 0
    qtbot.wait(300)
    assert evaluate(qtbot, pane, "document.title") == title == library.questions()[0].note
