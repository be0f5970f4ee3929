"""Long pages: the first screen at once, the rest in pieces that add up to the whole page, each
rendered whenever asked for."""

from __future__ import annotations

import re
from typing import Any

import pytest

from studynotes.model import Cell, Note, Question
from studynotes.render import render_note, render_notes
from studynotes.render.paged import FIRST_SCREEN_CELLS, PIECE_CELLS, PIECE_ID, render_paged

QUESTION_ID = re.compile(r'id="question-(\d+)"')


def chat_day(messages: int, first_id: int = 1, note_id: int = 7) -> Note:
    cells = []
    for n in range(messages):
        if n % 3 == 0:
            cells.append(
                Cell.asking(Question(f"질문 {n}: $x_{n}$ 는 왜?", f"답 {n}", "answered", id=first_id + n))
            )
        else:
            cells.append(Cell(markdown=f"메시지 {n} 😀", id=first_id + n))
    return Note(f"Chat {note_id}", "chat", cells, id=note_id)


def test_a_short_page_is_rendered_whole_as_before() -> None:
    note = chat_day(FIRST_SCREEN_CELLS + PIECE_CELLS)
    page = render_paged([note], title=note.title)
    assert not page.cut and list(page.rest) == []
    assert page.first == render_note(note)
    two = [chat_day(10, 1, 1), chat_day(10, 100, 2)]
    assert render_paged(two, title="Week 1").first == render_notes(two, title="Week 1")


def test_the_pieces_add_up_to_every_cell_once_in_order() -> None:
    note = chat_day(2_000)
    page = render_paged([note], title=note.title)
    assert page.cut and page.shown == (0,)
    first_ids = [int(i) for i in QUESTION_ID.findall(page.first)]
    assert 0 < len(first_ids) <= FIRST_SCREEN_CELLS
    pieces = list(page.rest)
    assert len(pieces) == -(-(2_000 - FIRST_SCREEN_CELLS) // PIECE_CELLS) == page.pieces - 1
    all_ids = first_ids + [int(i) for piece in pieces for i in QUESTION_ID.findall(piece)]
    assert all_ids == [q.id for q in note.questions]
    whole = render_note(note)
    for piece in pieces:  # whole articles, each cell as the whole page renders it
        assert piece.startswith('<article class="note note-continued" data-note="7">')
        assert piece.endswith("</article>") and piece.count("<article") == piece.count("</article>")
    last = note.cells[-1]
    assert f'id="cell-{last.id}"' in pieces[-1] and f'id="cell-{last.id}"' in whole


def test_every_question_is_located_in_the_piece_that_holds_it() -> None:
    note = chat_day(1_500)
    page = render_paged([note], title=note.title)
    holders = [page.first, *page.rest]
    located = [page.piece_of(f"question-{question.id}") for question in note.questions]
    for question, number in zip(note.questions, located, strict=True):
        assert number is not None and f'id="question-{question.id}"' in holders[number]
    first: dict[int | None, Question] = {}
    last: dict[int | None, Question] = {}
    for question, number in zip(note.questions, located, strict=True):
        first.setdefault(number, question)
        last[number] = question
    for question in [*first.values(), *last.values()]:  # each piece's first and last question
        shown = render_paged([note], title=note.title, through=f"question-{question.id}")
        assert f'id="question-{question.id}"' in shown.first  # asked for: in the first document


def test_the_first_document_holds_every_piece_empty_but_the_first() -> None:
    """The page is as long as the note from the start: a block per piece, the later ones empty
    with room for their cells, so the scroll bar spans the whole note."""
    note = chat_day(2_000)
    page = render_paged([note], title=note.title)
    blocks = re.findall(
        r'<div class="page-piece( piece-empty)?" id="page-piece-(\d+)" data-cells="(\d+)"', page.first
    )
    assert [int(number) for _, number, _ in blocks] == list(range(page.pieces))
    assert [bool(empty) for empty, _, _ in blocks] == [False] + [True] * (page.pieces - 1)
    assert sum(int(cells) for _, _, cells in blocks) == len(note.cells)
    assert f'id="{PIECE_ID}0" data-cells="{FIRST_SCREEN_CELLS}">{page.piece(0)}</div>' in page.first


def test_a_piece_renders_the_same_whenever_asked() -> None:
    """A piece emptied and rendered again shows exactly what it showed (formulas typeset)."""
    note = chat_day(1_000)
    page = render_paged([note], title=note.title)
    again = render_paged([note], title=note.title)
    for number in (3, 1, 3):
        assert page.piece(number) == again.piece(number) and "<svg" in page.piece(number)


def test_the_element_asked_for_is_in_the_first_document() -> None:
    note = chat_day(3_000)
    late = note.questions[-5]
    page = render_paged([note], title=note.title, through=f"question-{late.id}")
    assert f'id="question-{late.id}"' in page.first
    position = next(i for i, cell in enumerate(note.cells) if cell.question is late)
    expected = (position - FIRST_SCREEN_CELLS) // PIECE_CELLS + 1  # the header is in the first
    assert page.shown == (expected,) and page.piece_of(f"question-{late.id}") == expected
    rest = "".join(page.rest)
    assert f'id="question-{late.id}"' not in rest and f'id="question-{note.questions[0].id}"' in rest
    assert f'id="question-{note.questions[0].id}"' not in page.first  # only the piece asked for
    assert page.piece_of(f"cell-{note.cells[FIRST_SCREEN_CELLS].id}") == 1
    assert page.piece_of(f"note-{note.id}") == 0 and page.piece_of("question-999999") is None


def test_a_week_of_several_long_notes_keeps_each_note_whole() -> None:
    notes = [chat_day(400, 1, 1), chat_day(400, 1_000, 2)]
    page = render_paged(notes, title="Week 3")
    body = page.first + "".join(page.rest)
    assert body.count('id="note-1"') == 1 and body.count('id="note-2"') == 1
    ids = [int(i) for i in QUESTION_ID.findall(body)]
    assert ids == [q.id for n in notes for q in n.questions]
    assert "<h1>Week 3</h1>" in page.first


@pytest.fixture
def host(qtbot: Any) -> Any:
    from studynotes.ui.preview_host import PreviewHost

    widget = PreviewHost()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    widget.create_web_view()
    return widget


def _evaluate(qtbot: Any, pane: Any, script: str) -> Any:
    result: list[Any] = []
    pane.run_script(script, result.append)
    qtbot.waitUntil(lambda: bool(result), timeout=10_000)
    return result[0]


def test_the_preview_shows_every_piece_as_the_reader_scrolls(qtbot: Any, host: Any) -> None:
    from studynotes.ui.preview_host import render_job

    note = chat_day(1_200)
    shown: list[int] = []
    host.pieceShown.connect(lambda number, _count: shown.append(number))
    with qtbot.waitSignal(host.pane.shown, timeout=30_000):
        host.render(render_job([note], note.title, "light", 15))
    pieces = host._paged.pieces
    seen: set[str] = set()
    cards = "Array.from(document.querySelectorAll('section.question')).map(e=>e.id).join(',')"

    def read_on() -> bool:
        """The reader goes down a screen at a time; every card on the way is in the page, in order."""
        order = [i for i in _evaluate(qtbot, host.pane, cards).split(",") if i]
        assert order == sorted(order, key=lambda i: int(i.split("-")[1]))
        seen.update(order)
        host.pane.run_script("window.scrollBy(0,window.innerHeight)")
        return len(seen) == len(note.questions)

    qtbot.waitUntil(read_on, timeout=120_000)
    assert sorted(set(shown)) == list(range(pieces))
    assert seen == {f"question-{q.id}" for q in note.questions}


def test_moving_on_stops_the_pieces_of_the_page_before(qtbot: Any, host: Any) -> None:
    from studynotes.ui.preview_host import render_job

    long_note, short_note = chat_day(3_000), chat_day(5, 90_000, 8)
    with qtbot.waitSignal(host.pane.shown, timeout=30_000):
        host.render(render_job([long_note], long_note.title, "light", 15))
    with qtbot.waitSignal(host.pane.shown, timeout=30_000):
        host.render(render_job([short_note], short_note.title, "light", 15))
    host.wait_for_render()
    qtbot.wait(300)
    ids = _evaluate(
        qtbot, host.pane, "Array.from(document.querySelectorAll('section.question')).map(e=>e.id).join(',')"
    )
    assert ids == ",".join(f"question-{q.id}" for q in short_note.questions)
