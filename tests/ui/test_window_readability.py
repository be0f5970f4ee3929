"""Readability: rows that show the question, counts that stay, labels a user reads, the programme
page at its notebook's top, the last selection kept per library."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QSettings
from PySide6.QtGui import QGuiApplication, QPalette

from studynotes.importing import import_paths
from studynotes.library import Library
from studynotes.model import Question
from studynotes.paths import seeds_dir
from studynotes.render.cards import question_card
from studynotes.ui.content import content_of, notebook_overview
from studynotes.ui.tree_delegate import COUNTS_ROLE, TITLE_ROLE

PROGRAMME = "AIFFEL DeepML Flipped School"


def _notebook_index(window: Any, title: str) -> QModelIndex:
    model = window.tree_model
    return next(
        model.index(r, 0) for r in range(model.rowCount()) if model.node(model.index(r, 0)).title == title
    )


def _children(window: Any, parent: QModelIndex) -> list[Any]:
    model = window.tree_model
    if model.canFetchMore(parent):
        model.fetchMore(parent)
    return [model.node(model.index(r, 0, parent)) for r in range(model.rowCount(parent))]


def test_the_programme_page_heads_its_notebook_and_unsorted_keeps_only_the_rest(window: Any) -> None:
    kids = _children(window, _notebook_index(window, PROGRAMME))
    assert kids[0].kind == "note" and kids[0].title == PROGRAMME
    assert kids[0].counts.questions == 29
    assert all(k.kind == "week" for k in kids[1:])  # nothing else was unsorted
    notebook = window.tree_model.node(_notebook_index(window, PROGRAMME))
    page = notebook_overview(window.library, notebook.id, "light")
    assert "Starts 2022.01.10" in page  # the document's own date, not the Monday before it


def test_unsorted_counts_leave_out_the_front_page(window: Any, demo_library: Library) -> None:
    import_paths(demo_library, [seeds_dir() / "lecture-chat-log.txt"], notebook=PROGRAMME)
    window.reload()
    kids = _children(window, _notebook_index(window, PROGRAMME))
    unsorted = next(k for k in kids if k.kind == "unsorted")
    shown = content_of(demo_library, unsorted)
    assert PROGRAMME not in {demo_library.note(i).title for i in shown.note_ids}  # type: ignore[union-attr]
    assert unsorted.counts.questions == len(shown.questions) > 0
    assert {q.note for q in shown.questions.rows(0, len(shown.questions))} == {"lecture-chat-log"}


def test_tree_rows_give_title_and_counts_apart_so_counts_never_elide(window: Any) -> None:
    index = _notebook_index(window, PROGRAMME)
    model = window.tree_model
    assert model.data(index, TITLE_ROLE) == PROGRAMME
    assert model.data(index, COUNTS_ROLE) == "29 open / 29"
    model.set_due({model.node(index).key: 3})
    assert model.data(index, COUNTS_ROLE) == "29 open / 29 · 3 due"  # review's count stays whole too
    window.tree.resize(160, 400)  # far too narrow for the title: painting must not fail
    window.tree.grab()


def test_question_rows_show_two_lines(window: Any) -> None:
    table = window.questions.table
    assert table.wordWrap()
    assert table.verticalHeader().defaultSectionSize() >= 2 * table.fontMetrics().lineSpacing()


def test_search_results_name_text_as_text_and_the_selected_header_reads_on_the_selection(
    window: Any,
) -> None:
    window.search.field.setText("Stochastic")
    window.search.run_search()
    results = window.search.results
    labels = [results.itemWidget(results.item(r)).text() for r in range(results.count())]
    assert labels and all("· cell" not in text for text in labels)
    assert any("· text" in text for text in labels)
    results.setCurrentRow(0)
    selected = QGuiApplication.palette().color(QPalette.ColorRole.HighlightedText).name()
    assert selected in results.itemWidget(results.item(0)).text()


def test_a_question_marked_answered_without_an_answer_says_so_plainly() -> None:
    card = question_card(Question("왜?", "", "answered", answered_by="self", id=1), 0, lambda t: t)
    assert "Marked answered by you" in card and "No answer written down" in card
    assert "No answer yet" not in card
    assert "No answer yet" in question_card(Question("왜?", "", "open", id=2), 0, lambda t: t)


def test_an_import_from_this_window_is_not_announced_as_another_windows(
    window: Any, demo_library: Library
) -> None:
    with Library.open(demo_library.path) as elsewhere:  # the import dialog saves on its own connection
        import_paths(elsewhere, [seeds_dir() / "lecture-chat-log.txt"], notebook="Mine")
    window._reload_after_own_import()
    window._check_external_changes()
    assert "another window" not in window.statusBar().currentMessage()


def test_the_last_selection_is_kept_per_library(
    qtbot: Any, window: Any, demo_library: Library, tmp_path: Path, settings: QSettings
) -> None:
    from studynotes.ui.main_window import MainWindow

    window.tree.setCurrentIndex(window.tree_model.note_index(5))
    with Library.open(tmp_path / "other.sqlite3") as other:
        import_paths(other, [seeds_dir() / "question-board-week2.md"], notebook="Other")
        second = MainWindow(other, settings)
        qtbot.addWidget(second)
        assert second.current_node().kind == "notebook"  # not "note 5" of the first library
        second.close()
    again = MainWindow(demo_library, settings)
    qtbot.addWidget(again)
    assert again.current_node().key == ("note", 5)
    again.close()


def test_in_a_narrow_tree_the_counts_shorten_before_the_title_vanishes(window: Any) -> None:
    from studynotes.ui.tree_delegate import fit_counts

    metrics = window.tree.fontMetrics()
    title, whole = "CS231n study group", "0 open / 16 · 16 due"
    wide = fit_counts(metrics, title, whole, 600)
    assert wide == (whole, 600 - metrics.horizontalAdvance(whole) - 8)  # room for both: as it is
    counts, room = fit_counts(metrics, title, whole, 150)  # the 1024-pixel screen's tree
    assert counts in ("0 open / 16", "0/16")
    assert room >= 6 * metrics.averageCharWidth()  # some of the title shows, not "…"
    assert metrics.horizontalAdvance(counts) + 8 + room <= 150
