"""The question list reads like the preview: formulas as Unicode, no empty columns."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import Qt

from studynotes.library import Library, QuestionFilter, QuestionRow
from studynotes.render.plain_text import latex_to_unicode, plain_question
from studynotes.ui.questions import MIN_SIDE_WIDTH, QUESTION_ID_ROLE, SIDE_COLUMNS, QuestionPanel


@pytest.mark.parametrize(
    ("source", "plain"),
    [
        (r"\frac{\partial \log L}{\partial \mu}", "(∂ log L)/(∂μ)"),
        (r"-\frac{n}{2} \log 2\pi\sigma^2", "-n/2 log 2πσ²"),
        (r"\sum_{i=1}^n x_i", "∑ᵢ₌₁ⁿ xᵢ"),
        (r"p_k = \frac{n_k}{\sum_{k=1}^d n_k}", "pₖ = nₖ/(∑ₖ₌₁ᵈ nₖ)"),
        (r"\mathbb{R}^{n \times d}", "ℝ^(n × d)"),
        (r"\sqrt{x^2+y^2}", "√(x²+y²)"),
        (r"W^\top x \le \max_{x} f(x)", "Wᵀx ≤ maxₓ f(x)"),
        (r"\hat{y}_{t+1} \to \infty", "yₜ₊₁ → ∞"),
        (r"\left\| w \right\|_2", "‖w ‖₂"),
        (r"\unknown{a}", "unknown a"),
        ("x_{\\beta}", "x_β"),
        ("trailing \\", "trailing"),
    ],
)
def test_formulas_become_unicode(source: str, plain: str) -> None:
    assert latex_to_unicode(source) == plain


def test_markdown_marks_and_escapes_are_dropped_but_prices_stay() -> None:
    text = "theta := partial \\* learning\\_rate, **bold** [the page](https://x.org) `code` for $5 and $10"
    assert plain_question(text) == "theta := partial * learning_rate, bold the page code for $5 and $10"
    assert plain_question("$\\mu$ 에 대해\n  편미분") == "μ 에 대해 편미분"


def _show_note_of(window: Any, library: Library, question_text_start: str) -> Any:
    question = next(q for q in library.questions(QuestionFilter()) if q.text.startswith(question_text_start))
    window.tree.setCurrentIndex(window.tree_model.note_index(question.note_id))
    return question


def test_a_formula_question_shows_as_plain_text_with_a_wrapping_tooltip(
    window: Any, demo_library: Library
) -> None:
    question = _show_note_of(window, demo_library, "$\\log L(\\theta")
    model = window.questions.model
    row = model.position_of(question.id)
    shown = model.index(row, 1).data(Qt.ItemDataRole.DisplayRole)
    assert shown.startswith("log L(θ; X) = -n/2 log 2πσ² - ∑ᵢ₌₁ⁿ")
    assert "\\" not in shown and "$" not in shown
    tooltip = model.index(row, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith("<p>log L(θ; X)") and "편미분" in tooltip


def test_columns_with_nothing_to_tell_are_hidden(qtbot: Any, window: Any, demo_library: Library) -> None:
    table = window.questions.table
    window.resize(1800, 900)  # room for every column that has something to tell
    qtbot.waitUntil(lambda: table.viewport().width() > 400)
    # A programme page: no asker, no lecture, no page for any question.
    _show_note_of(window, demo_library, "1x1 Convolution")
    assert [table.isColumnHidden(c) for c in range(5)] == [False, False, True, True, True]
    assert not window.questions.asker_filter.isEnabled()
    # One lecture's questions board: askers and pages, but the same lecture on every row.
    _show_note_of(window, demo_library, "‘행렬 W의")
    assert [table.isColumnHidden(c) for c in range(5)] == [False, False, False, True, False]
    assert window.questions.asker_filter.isEnabled()
    # Meeting minutes: some questions name a lecture (7 or 8), so the column comes back.
    _show_note_of(window, demo_library, "$\\log L(\\theta")
    assert [table.isColumnHidden(c) for c in range(5)] == [False, False, False, False, True]
    assert table.columnWidth(1) > table.columnWidth(2)


def _row(number: int, asker: str, lecture: int, page: int) -> QuestionRow:
    return QuestionRow(
        id=number,
        note_id=1,
        note="n",
        notebook="b",
        week=1,
        lecture=lecture,
        asker=asker,
        text=f"질문 {number}: 왜 배치 정규화가 학습을 안정시키나요?",
        answer="",
        status="open",
        page=page,
        media_time="01:02:03",
        asked_at=None,
        answered_by=None,
        lecture_ref=None,
        edited_by_user=False,
        resolved_at=None,
    )


def test_in_a_narrow_pane_the_question_keeps_most_of_the_room(qtbot: Any) -> None:
    panel = QuestionPanel()
    qtbot.addWidget(panel)
    panel.resize(340, 400)
    panel.show()
    long_name = "Alexandria Konstantinopoulou-Vasquez (TA, 목요일 분반)"
    panel.set_rows([_row(n, long_name if n % 2 else "민수", n % 3 + 1, n) for n in range(1, 40)])
    qtbot.wait(10)
    table = panel.table
    shown = [c for c in SIDE_COLUMNS if not table.isColumnHidden(c)]
    assert shown == list(SIDE_COLUMNS[: len(shown)]) and 2 in shown  # the asker goes last
    assert len(shown) < len(SIDE_COLUMNS)  # the page column gave way
    assert table.columnWidth(1) >= table.viewport().width() * 0.5
    assert all(table.columnWidth(c) >= MIN_SIDE_WIDTH for c in shown)

    panel.resize(2200, 400)
    qtbot.wait(10)
    assert not any(table.isColumnHidden(c) for c in SIDE_COLUMNS)  # room again for all of them
    assert table.columnWidth(2) >= table.fontMetrics().horizontalAdvance(long_name)  # the name whole
    assert table.columnWidth(1) > table.columnWidth(2)


def _shown_ids(panel: QuestionPanel) -> list[int]:
    proxy = panel.proxy
    return [proxy.index(r, 0).data(QUESTION_ID_ROLE) for r in range(proxy.rowCount())]


def test_a_header_click_orders_by_that_column_and_a_third_goes_back(qtbot: Any) -> None:
    panel = QuestionPanel()
    qtbot.addWidget(panel)
    panel.resize(1600, 400)
    panel.show()
    rows = [
        _row(n, ["민수", "", "Bora", "anna"][n % 4], [10, 9, 2, 1][n % 4], [12, 3, 100, 7][n % 4])
        for n in range(8)
    ]
    rows[3] = replace(rows[3], status="answered", lecture=None, page=None, media_time="1:00:00")
    rows[5] = replace(rows[5], page=None, media_time="00:30")
    panel.set_rows(rows)
    assert _shown_ids(panel) == [r.id for r in rows]  # the notes' own order to begin with
    header = panel.table.horizontalHeader()

    def click(column: int) -> None:
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_centre(header, column))

    click(3)
    lectures = [next(r for r in rows if r.id == i).lecture for i in _shown_ids(panel)]
    assert lectures == [*sorted(x for x in lectures if x is not None), None]  # 9 before 10, empty last
    click(3)
    assert [next(r for r in rows if r.id == i).lecture for i in _shown_ids(panel)] == lectures[::-1]
    click(3)
    assert _shown_ids(panel) == [r.id for r in rows]

    click(2)
    askers = [next(r for r in rows if r.id == i).asker for i in _shown_ids(panel)]
    assert askers == ["anna", "anna", "Bora", "Bora", "민수", "민수", "", ""]
    click(2)
    click(2)
    click(0)
    statuses = [next(r for r in rows if r.id == i).status for i in _shown_ids(panel)]
    assert statuses == ["open"] * 7 + ["answered"]
    click(0)
    click(0)
    click(4)
    pages = [next(r for r in rows if r.id == i) for i in _shown_ids(panel)]
    assert [(r.page, r.media_time) for r in pages[-2:]] == [(None, "00:30"), (None, "1:00:00")]
    assert [r.page for r in pages[:-2]] == sorted(r.page for r in pages[:-2])


def _section_centre(header: Any, column: int) -> Any:
    from PySide6.QtCore import QPoint

    return QPoint(
        header.sectionViewportPosition(column) + header.sectionSize(column) // 2, header.height() // 2
    )


def test_the_order_chosen_is_kept_for_the_next_start(
    qtbot: Any, demo_library: Library, settings: Any
) -> None:
    from studynotes.ui.main_window import MainWindow

    first = MainWindow(demo_library, settings)
    qtbot.addWidget(first)
    first.show()
    first.questions.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    first.close()

    second = MainWindow(demo_library, settings)
    qtbot.addWidget(second)
    second.show()
    header = second.questions.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (1, Qt.SortOrder.DescendingOrder)
    proxy = second.questions.proxy
    shown = [proxy.index(r, 1).data(Qt.ItemDataRole.DisplayRole).casefold() for r in range(proxy.rowCount())]
    assert len(shown) > 3 and shown == sorted(shown, reverse=True)
    second.close()


def test_the_question_model_keeps_qts_model_contract_through_a_change(
    qtmodeltester: Any, demo_library: Library
) -> None:
    """pytest-qt's checks of rows, columns, parents and data; it keeps watching the model's signals
    while one row changes and all rows are replaced."""
    from studynotes.ui.questions import QuestionTableModel

    model = QuestionTableModel()
    model.set_rows(demo_library.questions())
    qtmodeltester.check(model, force_py=True)
    question = demo_library.questions()[0]
    model.apply_change(demo_library.toggle_status(question.id))
    assert model.row_at(0).status != question.status
    model.set_rows(demo_library.questions(QuestionFilter(status="open")))
    assert model.rowCount() == len(demo_library.questions(QuestionFilter(status="open")))


def _counting_fits(panel: QuestionPanel) -> list[int]:
    """Each fit of the side columns, as it runs (the widths after it)."""
    fits: list[int] = []
    fit = panel.fit_side_columns

    def counted() -> None:
        fit()
        fits.append(panel.table.columnWidth(2))

    panel.fit_side_columns = counted  # type: ignore[method-assign]
    return fits


def test_the_resizes_of_one_layout_fit_the_side_columns_once(qtbot: Any) -> None:
    panel = QuestionPanel()
    qtbot.addWidget(panel)
    long_name = "Alexandria Konstantinopoulou-Vasquez (TA, 목요일 분반)"
    panel.set_rows([_row(n, long_name if n % 2 else "민수", n % 3 + 1, n) for n in range(1, 40)])
    fits = _counting_fits(panel)
    panel.resize(340, 400)
    panel.show()  # not measured while hidden: the first fit comes with the first layout
    qtbot.waitUntil(lambda: bool(fits))
    table = panel.table
    assert table.isColumnHidden(4)  # the page column gave way in the narrow pane
    fits.clear()
    for width in (900, 1400, 2200):  # three resizes before the event loop turns
        panel.resize(width, 400)
        table.viewport().resize(width - 20, 360)
    qtbot.wait(50)
    assert len(fits) == 1
    assert not any(table.isColumnHidden(c) for c in SIDE_COLUMNS)  # fitted to the last width
    assert table.columnWidth(2) >= table.fontMetrics().horizontalAdvance(long_name)


def test_a_fit_waiting_when_the_window_closes_never_runs(
    qtbot: Any, window: Any, demo_library: Library
) -> None:
    _show_note_of(window, demo_library, "‘행렬 W의")
    fits = _counting_fits(window.questions)
    window.resize(window.width() + 300, window.height())
    window.questions.table.viewport().resize(window.questions.table.viewport().width() + 300, 300)
    assert fits == []  # waiting for the event loop
    window.close()
    demo_library.close()  # as the app does after its window closes
    qtbot.wait(50)
    assert fits == []


@pytest.mark.parametrize("point_size", [9, 40])  # at 40 points the marks are wider than the title
def test_the_status_column_fits_its_marks_and_title_as_sizing_to_contents_would(
    qtbot: Any, point_size: int
) -> None:
    panel = QuestionPanel()
    qtbot.addWidget(panel)
    title_font = panel.table.horizontalHeader().font()
    title_font.setPointSize(title_font.pointSize())  # kept by the header, not inherited
    panel.table.horizontalHeader().setFont(title_font)
    font = panel.font()
    font.setPointSize(point_size)
    panel.table.setFont(font)  # after the panel is made: the width follows a font change
    panel.resize(900, 400)
    panel.show()
    rows = [replace(_row(n, "민수", 1, n), status="answered" if n % 2 else "open") for n in range(1, 40)]
    panel.set_rows(rows)
    qtbot.wait(10)
    table = panel.table
    header = table.horizontalHeader()
    # What Qt's sizing to contents makes of a column holding both marks, measured over the rows.
    fitted = max(table.sizeHintForColumn(0), header.sectionSizeHint(0))
    assert table.columnWidth(0) == fitted
    if point_size == 40:
        assert table.sizeHintForColumn(0) > header.sectionSizeHint(0)
    # Laying the list out again asks no row for its data to size the status column.
    asked: list[int] = []
    data = panel.model.data
    panel.model.data = lambda index, role=Qt.ItemDataRole.DisplayRole: (  # type: ignore[method-assign]
        asked.append(index.column()) or data(index, role)
    )
    panel.resize(1200, 400)
    qtbot.wait(10)
    asked.clear()
    header.resizeSections()  # as a layout of the window does
    assert 0 not in asked
    assert table.columnWidth(0) == fitted
