"""A long question list is read a page at a time, and still shows, finds and filters every question."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from studynotes.importers import import_file
from studynotes.library import Library, QuestionFilter, QuestionList, QuestionRow
from studynotes.ui import question_model
from studynotes.ui.questions import QUESTION_ID_ROLE

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def long_library(tmp_path: Path) -> Iterator[Library]:
    """Every seed three times over in one notebook (264 questions in 30 notes)."""
    with Library.open(tmp_path / "long.sqlite3") as library:
        with library.batch():
            for copy in range(3):
                for seed in sorted(SEEDS.glob("*.*")):
                    if seed.name == "README.md":
                        continue
                    path = tmp_path / f"{copy}-{seed.name}"
                    path.write_text(seed.read_text(encoding="utf-8") + "\n" * copy, encoding="utf-8")
                    library.save_import(import_file(path), notebook="Long")
        yield library


@pytest.fixture
def read_rows(monkeypatch: pytest.MonkeyPatch) -> list[QuestionRow]:
    """Every row the library's lists read, in pages of 10."""
    monkeypatch.setattr(question_model, "PAGE_ROWS", 10)
    read: list[QuestionRow] = []
    original = QuestionList.rows

    def counting(self: QuestionList, start: int, count: int) -> list[QuestionRow]:
        rows = original(self, start, count)
        read.extend(rows)
        return rows

    monkeypatch.setattr(QuestionList, "rows", counting)
    return read


def shown_ids(window: Any) -> list[int]:
    proxy = window.questions.proxy
    return [proxy.index(r, 0).data(QUESTION_ID_ROLE) for r in range(proxy.rowCount())]


def test_a_notebook_shows_after_reading_only_the_rows_in_view(
    qtbot: Any,
    long_library: Library,
    settings: QSettings,
    read_rows: list[QuestionRow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from studynotes.ui.main_window import MainWindow

    window = MainWindow(long_library, settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.tree.setCurrentIndex(window.tree_model.index(0, 0))  # the notebook
    qtbot.wait(50)
    whole = long_library.questions(QuestionFilter(notebook="Long"))
    assert len(whole) > 200
    model = window.questions.model
    assert model.rowCount() == len(whole)
    assert window.questions.summary.text().startswith(f"{len(whole)} shown")
    assert 0 < len(read_rows) < len(whole) // 2  # the rows in view and the column sizing's 50 more

    # Every row, read as a scrolling view reads it (pages dropped and read again), in order.
    monkeypatch.setattr(question_model, "KEPT_PAGES", 3)
    assert shown_ids(window) == [q.id for q in whole]
    assert [model.row_at(p) for p in (len(whole) - 1, 0, len(whole) // 2)] == [
        whole[-1],
        whole[0],
        whole[len(whole) // 2],
    ]

    # The last question is found and scrolled to; the first again.
    for question in (whole[-1], whole[0], whole[137]):
        window.questions.select_question(question.id)
        assert window.questions.table.currentIndex().data(QUESTION_ID_ROLE) == question.id

    # Open only, then one asker: the library narrows the list.
    window.questions.status_filter.setCurrentIndex(1)
    assert shown_ids(window) == [q.id for q in whole if q.status == "open"]
    box = window.questions.asker_filter
    box.showPopup()
    box.hidePopup()
    askers = [box.itemText(i) for i in range(1, box.count())]
    assert askers == sorted({q.asker for q in whole if q.asker})
    box.setCurrentText(askers[0])
    assert shown_ids(window) == [q.id for q in whole if q.status == "open" and q.asker == askers[0]]
    box.setCurrentIndex(0)

    # Toggling an open question under "Open": it leaves the list; undone, it comes back.
    opened = [q for q in whole if q.status == "open"]
    window.questions.select_question(opened[5].id)
    window.toggle_question(opened[5].id)
    assert shown_ids(window) == [q.id for q in opened if q.id != opened[5].id]
    assert window.questions.summary.text().startswith(f"{len(opened) - 1} shown · {len(opened) - 1} open")
    window.undo_stack.undo()
    assert shown_ids(window) == [q.id for q in opened]
    window.close()


def test_ordering_by_a_column_reads_the_whole_list_and_keeps_the_selection(
    qtbot: Any, long_library: Library, settings: QSettings, read_rows: list[QuestionRow]
) -> None:
    from PySide6.QtCore import Qt

    from studynotes.render.plain_text import plain_question
    from studynotes.ui.main_window import MainWindow

    window = MainWindow(long_library, settings)
    qtbot.addWidget(window)
    window.show()
    window.tree.setCurrentIndex(window.tree_model.index(0, 0))
    whole = long_library.questions(QuestionFilter(notebook="Long"))
    chosen = whole[100]
    window.questions.select_question(chosen.id)
    window.questions.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    texts = [plain_question(q.text).casefold() for q in whole]
    by_id = dict(zip((q.id for q in whole), texts, strict=True))
    assert [by_id[i] for i in shown_ids(window)] == sorted(texts)
    assert window.questions.table.currentIndex().data(QUESTION_ID_ROLE) == chosen.id
    window.questions.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    assert shown_ids(window) == [q.id for q in whole]
    assert window.questions.table.currentIndex().data(QUESTION_ID_ROLE) == chosen.id
    window.close()
