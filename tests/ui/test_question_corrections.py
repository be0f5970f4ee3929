"""Correcting the question detector in the window: "Make a question" on a paragraph or list item of
the preview or the editor, "Not a question" on a card, a list row or a search result; each one undo
step, and each kept when the file is imported again."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QTextCursor

from studynotes.importing import import_paths
from studynotes.library import Library, QuestionFilter
from studynotes.paths import seeds_dir

DAY_18 = 8  # a study-log note of three list items, none of them a question
ITEM = "Multi Head Attention에 대해 학습했다."


def _action(menu: Any, text: str) -> Any:
    found = [a for a in menu.actions() if a.text() == text]
    assert found, [a.text() for a in menu.actions()]
    return found[0]


def _texts(library: Library, note_id: int) -> list[str]:
    return [q.text for q in library.questions(QuestionFilter(note_id=note_id))]


def _evaluate(qtbot: Any, pane: Any, script: str) -> Any:
    result: list[Any] = []
    pane.run_script(script, result.append)
    qtbot.waitUntil(lambda: bool(result), timeout=10_000)
    return result[0]


def _show(qtbot: Any, window: Any, note_id: int) -> Any:
    window.resize(1400, 900)
    window.preview.create_web_view()
    qtbot.waitSignal(window.preview.pane.shown, timeout=20_000).wait()
    with qtbot.waitSignal(window.preview.pane.shown, timeout=20_000):
        window.tree.setCurrentIndex(window.tree_model.note_index(note_id))
    return window.preview.pane


def _spot_at(qtbot: Any, pane: Any, selector: str, words: str) -> Any:
    """What a right click on the element holding `words` finds (the script the menu runs)."""
    from studynotes.ui.preview import _SPOT_SCRIPT, PreviewSpot

    where = _evaluate(
        qtbot,
        pane,
        f"(function(){{var all=document.querySelectorAll({selector!r});"
        f"for(var i=0;i<all.length;i++){{if(all[i].textContent.indexOf({words!r})>=0)"
        "{var r=all[i].getBoundingClientRect();return (r.left+4)+','+(r.top+r.height/2);}}return '';})()",
    )
    assert where, f"nothing shows {words!r}"
    return PreviewSpot.of(_evaluate(qtbot, pane, f"{_SPOT_SCRIPT}({where})"), "")


def test_make_a_question_on_a_list_item_of_the_preview_then_not_a_question_on_its_card(
    qtbot: Any, window: Any, demo_library: Library
) -> None:
    from studynotes.ui.context_menus import preview_menu

    pane = _show(qtbot, window, DAY_18)
    assert _texts(demo_library, DAY_18) == []
    spot = _spot_at(qtbot, pane, "div.cell li", "Multi Head")
    assert spot.question_id == 0 and spot.cell_id and ITEM in spot.paragraph
    menu = preview_menu(window, spot.question_id, spot.selected, (spot.cell_id, spot.paragraph))
    with qtbot.waitSignal(pane.shown, timeout=20_000):
        _action(menu, "Make a question").trigger()
    assert _texts(demo_library, DAY_18) == [ITEM]
    question = demo_library.questions(QuestionFilter(note_id=DAY_18))[0]
    assert "Generative Models" in question.answer  # the text after it is its answer
    assert [r.text for r in window.questions.model.rows()] == [ITEM]
    card = _spot_at(qtbot, pane, "section.question", "Multi Head")
    assert card.question_id == question.id

    with qtbot.waitSignal(pane.shown, timeout=20_000):
        _action(preview_menu(window, card.question_id, ""), "Not a question").trigger()
    assert _texts(demo_library, DAY_18) == []
    shown = _evaluate(qtbot, pane, "document.querySelectorAll('section.question').length")
    assert shown == 0
    window.undo_stack.undo()  # the card again
    assert _texts(demo_library, DAY_18) == [ITEM]
    window.undo_stack.undo()  # the list item again
    assert _texts(demo_library, DAY_18) == []
    window.undo_stack.redo()
    assert _texts(demo_library, DAY_18) == [ITEM]

    # kept when the file is imported again
    import_paths(demo_library, [seeds_dir() / "daily-log-day15-19.txt"], notebook="boostcamp AI Tech")
    day_18 = next(n.id for n in demo_library.notes() if n.title == "Day 18")
    assert _texts(demo_library, day_18) == [ITEM]


def test_a_heading_or_an_empty_spot_offers_no_make_a_question(qtbot: Any, window: Any) -> None:
    from studynotes.ui.context_menus import preview_menu

    pane = _show(qtbot, window, DAY_18)
    title = _spot_at(qtbot, pane, "h1, h2", "Day 18")
    assert (title.cell_id, title.question_id) == (0, 0)
    plain = [a.text() for a in preview_menu(window, 0, "", None).actions()]
    assert "Make a question" not in plain


def test_make_a_question_in_the_editor_on_the_line_of_the_cursor(
    qtbot: Any, window: Any, demo_library: Library
) -> None:
    window.tree.setCurrentIndex(window.tree_model.note_index(DAY_18))
    window.edit_note()
    editor = window.editor_pane.editor
    [cell] = [e for e in editor.editors if e.cell.question is None]
    cursor = cell.text.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.NextBlock)  # onto the second item
    cell.text.setTextCursor(cursor)
    menu = cell.correction_menu(cell.text.cursorRect().center())
    _action(menu, "Make a question").trigger()
    assert _texts(demo_library, DAY_18) == [ITEM]
    questions = [e for e in editor.editors if e.cell.question is not None]
    assert [e.text.toPlainText() for e in questions] == [ITEM]  # the editor shows it as a question
    _action(questions[0].correction_menu(questions[0].text.rect().center()), "Not a question").trigger()
    assert _texts(demo_library, DAY_18) == []
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert _texts(demo_library, DAY_18) == []
    assert [e.cell.question for e in editor.editors] == [None]


def test_not_a_question_from_the_list_and_from_a_search_result(window: Any, demo_library: Library) -> None:
    from studynotes.library import SearchHit
    from studynotes.ui.context_menus import question_list_menu, search_result_menu

    question = demo_library.questions()[0]
    total = len(demo_library.questions())
    _action(question_list_menu(window, question.id, question.note_id), "Not a question").trigger()
    assert question.id not in {q.id for q in demo_library.questions()}
    assert len(demo_library.questions()) == total - 1
    window.undo_stack.undo()
    assert question.id in {q.id for q in demo_library.questions()}
    hit = next(h for h in demo_library.search(question.text.split()[0]) if h.kind == "question")
    assert isinstance(hit, SearchHit)
    _action(search_result_menu(window, hit, ""), "Not a question").trigger()
    assert hit.id not in {q.id for q in demo_library.questions()}
    window.undo_stack.undo()
    assert len(demo_library.questions()) == total
