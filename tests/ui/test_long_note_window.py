"""A long chat in the window: its first screen shows, a chosen question is in view, the rest
follows as the reader scrolls down (and only then), and what the reader has left far behind
leaves the page, coming back unchanged when the reader returns."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from long_chat import evaluate, open_on, write_chat
from studynotes.library import Library
from studynotes.render.paged import FIRST_SCREEN_CELLS, PIECE_CELLS, PIECE_ID

QUESTIONS = 400
LONG = 1_600  # questions (a cell each, with its answer): 33 pieces, each a few screens tall
SEARCHED = FIRST_SCREEN_CELLS + 10  # the question that says "Bayesian", in the second piece
FORMULA_EVERY = 7  # questions with a formula
SCRIPTED = FIRST_SCREEN_CELLS + 5  # the question whose text carries markup that would run script
HELD = 4 * PIECE_CELLS  # the most cards the page holds: the pieces within a few screens of the view


READ_TO_THE_END = "window.scrollTo(0,document.documentElement.scrollHeight)"
CARDS = "document.querySelectorAll('section.question').length"


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


def _in_view(element_id: str) -> str:
    return (
        f"(function(){{var e=document.getElementById('{element_id}');if(!e)return false;"
        "var r=e.getBoundingClientRect();return r.top>=0&&r.bottom<=window.innerHeight;})()"
    )


def _piece(number: int) -> str:
    """The state of a piece's block: whether empty, its height, its HTML."""
    return (
        f"(function(){{var b=document.getElementById('{PIECE_ID}{number}');"
        "return JSON.stringify({empty:b.classList.contains('piece-empty'),children:b.children.length,"
        "height:b.getBoundingClientRect().height,html:b.innerHTML});})()"
    )


def _text(n: int) -> str:
    if n == SEARCHED:
        return "Bayesian 사전분포는 왜 그런가요?"
    if n == SCRIPTED:
        return '<img src=x onerror="document.title=1"> <script>document.title=2</script> 왜요?'
    if n % FORMULA_EVERY == 0:
        return f"$x_{{{n}}}^2$ 는 왜 그런가요?"
    return f"질문 {n}번은 왜 그런가요?"


@pytest.fixture
def chat_window(qtbot: Any, tmp_path: Path) -> Iterator[Callable[[int], tuple[Any, Library]]]:
    """A window on a library holding one chat day of the given number of questions."""
    opened: list[tuple[Any, Library]] = []

    def open_window(questions: int) -> tuple[Any, Library]:
        opened.append(open_on(qtbot, tmp_path, write_chat(tmp_path, questions, _text)))
        return opened[-1]

    yield open_window
    for window, library in opened:
        window.close()
        library.close()


@pytest.fixture
def long_chat_window(chat_window: Callable[[int], tuple[Any, Library]]) -> tuple[Any, Library]:
    return chat_window(QUESTIONS)


def _show_long(qtbot: Any, window: Any, note_id: int) -> None:
    """Select the note and wait until its long page is in the view."""
    window.select_note(note_id)
    qtbot.waitUntil(lambda: window.preview._paged is not None, timeout=30_000)


def _read_down(qtbot: Any, window: Any, until: Callable[[], bool], *, screens: int = 5) -> list[int]:
    """The reader goes down `screens` at a time, each time what is in view has come, until
    `until` holds; the most cards the page held on the way, at each step."""
    pane = window.preview.pane
    move = (
        "(function(){var h=window.innerHeight,bs=document.querySelectorAll('div.page-piece.piece-empty');"
        "for(var i=0;i<bs.length;i++){var r=bs[i].getBoundingClientRect();if(r.bottom>0&&r.top<h)return -1;}"
        f"window.scrollBy(0,{screens}*h);return {CARDS};}})()"
    )
    held: list[int] = []

    def step() -> bool:
        cards = evaluate(qtbot, pane, move)
        if cards >= 0:
            held.append(cards)
        qtbot.wait(30)
        return until()

    qtbot.waitUntil(step, timeout=120_000)
    return held


def test_a_question_far_down_a_long_chat_is_shown_in_view(qtbot: Any, long_chat_window: Any) -> None:
    window, library = long_chat_window
    questions = library.questions()
    assert len(questions) == QUESTIONS
    late = questions[-10]
    pane = window.preview.pane
    with qtbot.waitSignal(pane.shown, timeout=30_000):
        window.select_note(late.note_id, scroll_to=f"question-{late.id}")
    _eventually(qtbot, pane, _in_view(f"question-{late.id}"), True)
    assert evaluate(qtbot, pane, f"!!document.getElementById('question-{questions[0].id}')") is False
    # End: the last card comes, at the end of the page.
    _eventually(qtbot, pane, _in_view(f"question-{questions[-1].id}"), True, reading=True)


def test_the_first_screen_comes_before_the_rest(qtbot: Any, long_chat_window: Any) -> None:
    window, library = long_chat_window
    note_id = library.questions()[0].note_id
    pane = window.preview.pane
    # What the page holds just before the first later piece goes in: the view runs scripts in
    # the order they are sent, so this count sees the first screen alone, however fast the rest is.
    before_rest: list[Any] = []
    put = pane.put_piece

    def put_after_counting(number: int, piece: str) -> None:
        if not before_rest:
            before_rest.append(None)
            pane.run_script(CARDS, before_rest.append)
        put(number, piece)

    pane.put_piece = put_after_counting
    window.select_note(note_id)

    def counted_before_rest() -> bool:
        pane.run_script("window.scrollBy(0,window.innerHeight)")  # the reader goes down: the next piece comes
        qtbot.wait(50)
        return len(before_rest) == 2

    qtbot.waitUntil(counted_before_rest, timeout=30_000)
    counted = before_rest[1]
    assert isinstance(counted, int | float) and 0 < counted <= FIRST_SCREEN_CELLS
    last = library.questions()[-1].id
    _eventually(qtbot, pane, _in_view(f"question-{last}"), True, timeout=60_000, reading=True)


def test_the_rest_waits_for_the_reader(qtbot: Any, long_chat_window: Any) -> None:
    """Pieces come while the reader is near them, not all at once: a page of a whole busy day
    made the web engine grow by a GB or two."""
    window, library = long_chat_window
    pane = window.preview.pane
    with qtbot.waitSignal(pane.shown, timeout=30_000):
        window.select_note(library.questions()[0].note_id)
    qtbot.wait(1_500)  # time enough for every piece, were they rendered unasked
    counted = evaluate(qtbot, pane, CARDS)
    assert 0 < counted < QUESTIONS
    assert window.preview._paged is not None  # more to come, when asked for
    _eventually(qtbot, pane, f"{CARDS}>{counted}", True, reading=True)


def test_reading_far_keeps_few_cards_and_the_earlier_come_back_unchanged(
    qtbot: Any, chat_window: Any
) -> None:
    window, library = chat_window(LONG)
    pane = window.preview.pane
    questions = library.questions()
    shown: list[int] = []
    window.preview.pieceShown.connect(lambda number, _count: shown.append(number))
    _show_long(qtbot, window, questions[0].note_id)
    pieces = window.preview._paged.pieces
    assert pieces > 10
    height = "document.documentElement.scrollHeight"
    first = questions[FIRST_SCREEN_CELLS]  # the first card of piece 1
    top = f"(function(){{var e=document.getElementById('question-{first.id}');return e?e.getBoundingClientRect().top+window.scrollY:null;}})()"

    _read_down(qtbot, window, lambda: 1 in shown)
    as_first_shown = json.loads(evaluate(qtbot, pane, _piece(1)))
    first_top = evaluate(qtbot, pane, top)
    assert not as_first_shown["empty"] and "<svg" in as_first_shown["html"]  # its formulas typeset
    held = _read_down(qtbot, window, lambda: 8 in shown)
    assert max(held) <= HELD  # never more than a few pieces in the page
    emptied = json.loads(evaluate(qtbot, pane, _piece(1)))
    assert emptied["empty"] and emptied["children"] == 0 and emptied["html"] == ""
    assert emptied["height"] == pytest.approx(as_first_shown["height"], abs=0.01)
    assert evaluate(qtbot, pane, f"!!document.getElementById('question-{first.id}')") is False
    page_height = evaluate(qtbot, pane, height)

    # Back up to piece 1: it comes back as it was, where it was, and the page is as long.
    pane.run_script(f"document.getElementById('{PIECE_ID}1').scrollIntoView()")
    _eventually(
        qtbot, pane, f"!document.getElementById('{PIECE_ID}1').classList.contains('piece-empty')", True
    )
    back = json.loads(evaluate(qtbot, pane, _piece(1)))
    assert back["html"] == as_first_shown["html"]
    assert back["height"] == pytest.approx(as_first_shown["height"], abs=0.01)
    assert evaluate(qtbot, pane, top) == pytest.approx(first_top, abs=0.01)
    assert evaluate(qtbot, pane, height) == page_height
    assert evaluate(qtbot, pane, "document.title") == window.preview.pane.title()
    assert evaluate(qtbot, pane, "document.querySelectorAll('[onerror], script').length") == 0
    scripted = f"document.getElementById('question-{questions[SCRIPTED].id}').textContent"
    assert "왜요?" in evaluate(qtbot, pane, scripted)  # shown, as text, with no script in the page
    _eventually(qtbot, pane, f"{CARDS}<={HELD}", True)  # the far pieces left again


def test_a_question_in_a_piece_left_behind_is_shown_and_answers_its_buttons(
    qtbot: Any, chat_window: Any
) -> None:
    window, library = chat_window(LONG)
    pane = window.preview.pane
    questions = library.questions()
    shown: list[int] = []
    window.preview.pieceShown.connect(lambda number, _count: shown.append(number))
    _show_long(qtbot, window, questions[0].note_id)
    _read_down(qtbot, window, lambda: 6 in shown, screens=10)
    early = questions[FIRST_SCREEN_CELLS + 20]  # in piece 1, left behind
    _eventually(qtbot, pane, f"!!document.getElementById('question-{early.id}')", False)

    window.questions.questionActivated.emit(early.id, early.note_id)  # chosen in the question list
    _eventually(qtbot, pane, _in_view(f"question-{early.id}"), True)

    status = library.question(early.id).status
    centre = evaluate(
        qtbot,
        pane,
        f"(function(){{var r=document.querySelector('#question-{early.id} a.status')"
        ".getBoundingClientRect();return Math.round(r.left+r.width/2)+','+Math.round(r.top+r.height/2);})()",
    )
    place = evaluate(
        qtbot, pane, f"document.getElementById('question-{early.id}').getBoundingClientRect().top"
    )
    point = QPoint(*(int(number) for number in centre.split(",")))
    QTest.mouseClick(pane.focusProxy() or pane, Qt.MouseButton.LeftButton, pos=point)  # the card's button
    qtbot.waitUntil(lambda: library.question(early.id).status != status, timeout=10_000)
    # The page shows the change with the card where it was.
    answered = f"document.querySelector('#question-{early.id}').className.indexOf('answered')>=0"
    _eventually(qtbot, pane, answered, status != "answered")
    top = f"document.getElementById('question-{early.id}').getBoundingClientRect().top"
    assert evaluate(qtbot, pane, top) == pytest.approx(place, abs=1)


def test_a_search_result_in_a_piece_left_behind_is_marked_in_view(qtbot: Any, chat_window: Any) -> None:
    window, library = chat_window(LONG)
    pane = window.preview.pane
    questions = library.questions()
    shown: list[int] = []
    window.preview.pieceShown.connect(lambda number, _count: shown.append(number))
    _show_long(qtbot, window, questions[0].note_id)
    _read_down(qtbot, window, lambda: 6 in shown, screens=10)
    searched = questions[SEARCHED]
    _eventually(qtbot, pane, f"!!document.getElementById('question-{searched.id}')", False)

    hits = library.search("Bayesian")
    assert [hit.id for hit in hits] == [searched.id]
    window.open_hit(hits[0], "Bayesian")
    marked = (
        f"(function(){{var m=document.querySelector('#question-{searched.id} mark.find-mark');if(!m)return false;"
        "var r=m.getBoundingClientRect();return m.textContent==='Bayesian'&&r.top>=0&&r.bottom<=window.innerHeight;})()"
    )
    _eventually(qtbot, pane, marked, True)

    # Scrolled to from far away in the same page (an element the page has left behind).
    shown.clear()
    _read_down(qtbot, window, lambda: 6 in shown, screens=10)
    _eventually(qtbot, pane, f"!!document.getElementById('question-{searched.id}')", False)
    window.preview.scroll_to(f"question-{searched.id}")
    _eventually(qtbot, pane, _in_view(f"question-{searched.id}"), True)


def test_ctrl_end_shows_the_end_without_the_pieces_between(qtbot: Any, chat_window: Any) -> None:
    """The page is as long as the note from the start: Ctrl+End goes to its end at once, and
    only the pieces that come near the view are rendered on the way."""
    window, library = chat_window(LONG)
    pane = window.preview.pane
    questions = library.questions()
    shown: list[int] = []
    window.preview.pieceShown.connect(lambda number, _count: shown.append(number))
    _show_long(qtbot, window, questions[0].note_id)
    pieces = window.preview._paged.pieces
    view = pane.focusProxy() or pane
    view.setFocus()

    def at_the_end() -> bool:
        QTest.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        qtbot.wait(100)
        return evaluate(qtbot, pane, _in_view(f"question-{questions[-1].id}")) is True

    qtbot.waitUntil(at_the_end, timeout=30_000)
    assert pieces - 1 in shown and len(set(shown)) < pieces // 2
    assert evaluate(qtbot, pane, f"!!document.getElementById('question-{questions[0].id}')") is False
