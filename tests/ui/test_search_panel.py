"""Search from the window: room for the results, the right word marked, Escape to finish."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from studynotes.ui.search_panel import SHOWN_HITS, term_to_find


def test_the_term_to_mark_is_the_one_the_hit_contains() -> None:
    assert term_to_find("분류 문제에서 왜 손실함수로 사용하는가", ("손실함수",)) == "손실함수"
    assert term_to_find("the gradient of the loss", ("momentum", "Gradient")) == "Gradient"
    assert term_to_find("nothing here", ("momentum",)) == "momentum"
    assert term_to_find("anything", ()) == ""


def _search(qtbot: Any, window: Any, query: str) -> None:
    window.search.field.setText(query)
    window.search.run_search()
    qtbot.wait(50)  # the splitter makes room on the next turn of the event loop


def test_results_get_half_the_left_column_and_the_tree_gets_it_back(qtbot: Any, window: Any) -> None:
    window.resize(1200, 900)
    qtbot.wait(50)
    search_height, tree_height = window.left.sizes()
    assert search_height < tree_height / 5
    _search(qtbot, window, "gradient")
    assert len(window.search.hits()) >= 3
    search_height, tree_height = window.left.sizes()
    assert search_height >= tree_height * 0.9
    assert window.search.results.height() > 3 * window.search.results.sizeHintForRow(0)

    window.search.field.setFocus()
    qtbot.keyClick(window.search.field, Qt.Key.Key_Escape)
    qtbot.wait(50)
    assert window.search.field.text() == "" and not window.search.results.isVisible()
    search_height, tree_height = window.left.sizes()
    assert search_height < tree_height / 5


def test_a_korean_word_with_its_particle_marks_the_stem_in_the_note(qtbot: Any, window: Any) -> None:
    _search(qtbot, window, "손실함수를")
    hits = window.search.hits()
    assert hits and "손실함수를" not in hits[0].snippet
    with qtbot.waitSignal(window.search.hitChosen) as chosen:
        window.search.results.itemClicked.emit(window.search.results.item(0))
    assert chosen.args[1] == "손실함수"
    current = window.current_node()
    assert current is not None and current.kind == "note" and current.id == hits[0].note_id


def test_down_from_the_field_walks_into_the_results(qtbot: Any, window: Any) -> None:
    _search(qtbot, window, "gradient")
    window.activateWindow()
    window.search.field.setFocus()
    qtbot.keyClick(window.search.field, Qt.Key.Key_Down)
    assert window.search.results.hasFocus()
    assert window.search.results.currentRow() == 0
    with qtbot.waitSignal(window.search.hitChosen) as chosen:
        qtbot.keyClick(window.search.results, Qt.Key.Key_Return)
    assert chosen.args[0] == window.search.hits()[0] and chosen.args[1] == "gradient"


def test_a_query_with_more_hits_than_shown_says_so(qtbot: Any, window: Any) -> None:
    _search(qtbot, window, "a")
    assert len(window.search.hits()) == SHOWN_HITS
    about = window.library.search_estimate("a")  # the vocabulary's count, never a count of every match
    assert about is not None and about > SHOWN_HITS
    assert (
        window.search.status.text()
        == f"The first {SHOWN_HITS} of about {about:,} results · add a word to narrow"
    )
    _search(qtbot, window, "손실함수를")
    count = len(window.search.hits())
    assert (
        0 < count < SHOWN_HITS and window.search.status.text() == f"{count} result{'s' if count > 1 else ''}"
    )
    _search(qtbot, window, "zebra quokka")
    assert window.search.status.text() == "Nothing found"


def test_formulas_in_results_read_as_text(qtbot: Any, window: Any) -> None:
    raw = [h.snippet for h in window.library.search("대입을", limit=10)]
    assert any("\\frac" in s for s in raw)
    _search(qtbot, window, "대입을")
    labels = [
        window.search.results.itemWidget(window.search.results.item(i)).text()
        for i in range(window.search.results.count())
    ]
    assert labels and not any("$" in text or "\\frac" in text for text in labels)
    assert any("pₖ = nₖ/(∑nₖ)" in text for text in labels)


def test_the_count_says_about_how_many_when_the_vocabulary_knows() -> None:
    from studynotes.ui.search_panel import result_count

    assert result_count(SHOWN_HITS, more=True, about=1234) == (
        f"The first {SHOWN_HITS} of about 1,234 results · add a word to narrow"
    )
    assert result_count(SHOWN_HITS, more=True, about=None).startswith(f"The first {SHOWN_HITS} results")


def test_results_wrap_to_a_narrow_column_instead_of_scrolling_sideways(qtbot: Any, window: Any) -> None:
    window.resize(921, 630)  # the first window on a 1024×700 screen
    window.search.field.setText("손실함수")
    window.search.run_search()
    results = window.search.results
    qtbot.waitUntil(lambda: results.isVisible() and results.viewport().width() > 80)
    qtbot.wait(50)
    width = results.viewport().width()
    item = results.item(0)
    assert item.sizeHint().width() <= width
    label = results.itemWidget(item)
    assert item.sizeHint().height() >= label.heightForWidth(width) > label.fontMetrics().height() * 2
    assert results.horizontalScrollBar().maximum() == 0
