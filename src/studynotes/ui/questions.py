"""The question list: a panel over the table model of question_model.py."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QHideEvent, QKeyEvent, QShowEvent, QTextLayout, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..library import Change, QuestionList, QuestionRow
from .question_model import (
    COLUMNS,
    QUESTION_ID_ROLE,
    STATUS_ROLE,
    QuestionFilterModel,
    QuestionTableModel,
    column_titles,
    status_words,
)
from .question_source import QuestionSource

__all__ = [
    "COLUMNS",
    "QUESTION_ID_ROLE",
    "STATUS_ROLE",
    "QuestionFilterModel",
    "QuestionPanel",
    "QuestionTableModel",
    "column_titles",
    "status_words",
]
SIZE_FROM_ROWS = 50  # columns fit the rows in view and this many more
SIDE_COLUMNS = (2, 3, 4)  # asker, lecture, page / time: the order they give way in a narrow pane
SIDE_SHARE = 0.45  # of the list's width, at most, for them all
MIN_SIDE_WIDTH = 48
ROW_LINES = 2  # of question text in each row
STATUS_MARKS = ("✓", "○")  # what the status column shows (question_model.display)


def line_height(font: QFont) -> int:
    """A line's height as laid out with Hangul and maths in it: their fallback fonts are taller
    than the font's own metrics say, and a row too short for two such lines shows only one."""
    layout = QTextLayout("한글 Ag ∑ᵢ₌₁ⁿ σ²", font)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(10_000)
    layout.endLayout()
    return max(QFontMetrics(font).lineSpacing(), math.ceil(line.height()))


class QuestionTable(QTableView):
    toggleRequested = Signal(int)
    viewportResized = Signal()  # a scroll bar came or went, or the pane was resized
    aboutToPaint = Signal()  # the rows are about to be drawn
    lookChanged = Signal()  # another font or style: the rows measure differently

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.lookChanged.emit()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.viewportResized.emit()
        elif event.type() == QEvent.Type.Paint:
            self.aboutToPaint.emit()
        return super().viewportEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space:
            index = self.currentIndex()
            if index.isValid():
                self.toggleRequested.emit(int(index.data(QUESTION_ID_ROLE)))
                return
        super().keyPressEvent(event)


class AskerBox(QComboBox):
    """The asker filter: "Everyone", then each asker, read when the box is first opened (or
    stepped through with the keys or the wheel) after the selection changed."""

    def __init__(self, askers: Any) -> None:
        super().__init__()
        self._askers = askers
        self._filled = False
        self.empty(None)

    def empty(self, current: str | None) -> None:
        """Forget the names: only "Everyone" and the asker chosen, until the box is opened."""
        self.blockSignals(True)
        self.clear()
        self.addItem(QCoreApplication.translate("QuestionPanel", "Everyone"))
        if current is not None:
            self.addItem(current)
            self.setCurrentIndex(1)
        self._filled = False
        self.blockSignals(False)

    def fill(self) -> None:
        if self._filled:
            return
        current = self.currentText() if self.currentIndex() > 0 else None
        self.blockSignals(True)
        self.clear()
        self.addItem(QCoreApplication.translate("QuestionPanel", "Everyone"))
        self.addItems(self._askers())
        if current is not None:
            self.setCurrentText(current)
        self._filled = True
        self.blockSignals(False)

    def showPopup(self) -> None:
        self.fill()
        super().showPopup()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.fill()
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.fill()
        super().wheelEvent(event)


class QuestionPanel(QWidget):
    """The filterable question list of whatever is selected in the tree."""

    questionActivated = Signal(int, int)  # question id, note id
    toggleRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QuestionTableModel(self)
        self.proxy = QuestionFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.status_filter = QComboBox()
        self.status_filter.addItems([self.tr("All"), self.tr("Open"), self.tr("Answered")])
        self.status_filter.setAccessibleName(self.tr("Show questions"))
        self.asker_filter = AskerBox(lambda: self.model.source().askers())
        self.asker_filter.setAccessibleName(self.tr("Asker"))
        self.summary = QLabel()
        self.table = QuestionTable()
        self.table.setAccessibleName(self.tr("Questions"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Two lines of each question (the rest elided; the tooltip has it all).
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = self.table.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(ROW_LINES * line_height(self.table.font()) + 8)
        header = self.table.horizontalHeader()
        # The status column is as wide as its title and its widest mark, measured once from the
        # font: sized to its contents, every layout of the window asked the rows in view (and 50
        # more) for their data again, several times before the first paint.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in SIDE_COLUMNS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        # Fitting columns to the shown rows and a few beyond, not to a thousand (0.25 s at start-up).
        header.setResizeContentsPrecision(SIZE_FROM_ROWS)
        # A header click orders by that column; a third click goes back to the notes' own order.
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        # The room each side column's title needs, read while all are shown (a hidden one has none).
        self._title_widths = {column: header.sectionSizeHint(column) for column in SIDE_COLUMNS}
        self._fit_status_column()
        filters = QHBoxLayout()
        filters.addWidget(self.status_filter)
        filters.addWidget(self.asker_filter, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self.status_filter.currentIndexChanged.connect(self._status_changed)
        self.asker_filter.currentIndexChanged.connect(self._asker_changed)
        self.table.doubleClicked.connect(self._activated)
        self.table.activated.connect(self._activated)
        self.table.toggleRequested.connect(self.toggleRequested)
        self._informative: list[int] = []  # side columns with something to tell about these rows
        # The columns are measured once the sizes settle: laying out a window resizes the list
        # three times before it is drawn, and each fit reads and measures the rows in view.
        self._fit_pending = False
        self._fit_timer = QTimer(self, singleShot=True, interval=0)
        self._fit_timer.timeout.connect(self._fit_if_pending)
        self.table.viewportResized.connect(self._fit_soon)
        self.table.aboutToPaint.connect(self._fit_if_pending)
        self.table.lookChanged.connect(self._fit_status_column)
        self.model.factsGrew.connect(self._show_informative_columns, Qt.ConnectionType.QueuedConnection)

    def set_rows(self, rows: list[QuestionRow] | QuestionList | QuestionSource) -> None:
        """Show a selection's questions: a list, or the library's list read as the view scrolls."""
        current_asker = self.asker_filter.currentText() if self.asker_filter.currentIndex() > 0 else None
        self.model.set_rows(rows)
        self._fill_askers(current_asker)
        self._show_informative_columns()
        self._update_summary()

    def _fill_askers(self, current_asker: str | None) -> None:
        """The asker filter offers each person of the rows once (merged names are one person);
        a chosen asker stays chosen while the new selection has questions of theirs.  The names
        are read when the box is opened: a notebook's are many and seldom wanted."""
        if current_asker is not None and not self.model.rowCount():
            current_asker = None
            self.proxy.set_asker(None)
        self.asker_filter.empty(current_asker)
        # Nobody to choose when no question names its asker (a long list may name one further down).
        facts = self.model.facts
        self.asker_filter.setEnabled(facts.askers or not facts.whole)

    def _show_informative_columns(self) -> None:
        """Give the width of empty columns (no asker, no page, one lecture) to the question."""
        facts = self.model.facts
        told = {2: facts.askers, 3: facts.lectures, 4: facts.pages}
        self._informative = [c for c in SIDE_COLUMNS if told[c]]
        if self.isVisible():
            self.fit_side_columns()
        else:  # a list not shown has no width to share yet: fitted when it is shown
            self._fit_pending = True

    def _fit_soon(self) -> None:
        """After the resizes of this turn of the event loop (and before the rows are drawn)."""
        self._fit_pending = True
        if self.isVisible():
            self._fit_timer.start()

    def _fit_if_pending(self) -> None:
        # Never for a list no longer shown: its window may be closed and its library with it.
        if self._fit_pending and self.isVisible():
            self.fit_side_columns()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._fit_pending:
            self._fit_timer.start()

    def _fit_status_column(self) -> None:
        """The width Qt would fit to a column holding both marks: the widest cell as the view's
        delegate sizes it (the style's item size, one more pixel for the grid), or the title."""
        table = self.table
        option = QStyleOptionViewItem()
        table.initViewItemOption(option)
        option.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
        option.displayAlignment = Qt.AlignmentFlag.AlignCenter
        widest = 0
        for mark in STATUS_MARKS:
            option.text = mark
            size = table.style().sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, option, QSize(), table)
            widest = max(widest, size.width() + (1 if table.showGrid() else 0))
        header = table.horizontalHeader()
        header.resizeSection(0, max(widest, header.sectionSizeHint(0)))

    def hideEvent(self, event: QHideEvent) -> None:
        self._fit_timer.stop()
        super().hideEvent(event)

    def sort_state(self) -> str:
        """The header's order as `column,descending` (`-1,0`: the notes' own), kept between runs."""
        header = self.table.horizontalHeader()
        return f"{header.sortIndicatorSection()},{int(header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)}"

    def restore_sort(self, state: str) -> None:
        column, _, descending = state.partition(",")
        if column.lstrip("-").isdigit() and -1 <= int(column) < len(COLUMNS):
            order = Qt.SortOrder.DescendingOrder if descending == "1" else Qt.SortOrder.AscendingOrder
            self.table.horizontalHeader().setSortIndicator(int(column), order)

    def fit_side_columns(self) -> None:
        """Asker, then lecture, then page take what room the question can spare (under half the
        list); in a narrow pane the ones that do not fit are left out rather than squeezed."""
        self._fit_pending = False
        self._fit_timer.stop()
        room = (self.table.viewport().width() - self.table.columnWidth(0)) * SIDE_SHARE
        used = 0
        for column in SIDE_COLUMNS:
            if column not in self._informative:  # hidden whatever its width: its rows are not measured
                self.table.setColumnHidden(column, True)
                continue
            wanted = max(self.table.sizeHintForColumn(column), self._title_widths[column])
            width = int(min(wanted, room // 2, room - used))  # a long name is elided
            shown = column in self._informative and width >= min(wanted, MIN_SIDE_WIDTH)
            self.table.setColumnHidden(column, not shown)
            if shown:
                self.table.setColumnWidth(column, width)
                used += width

    def update_row(self, row: QuestionRow) -> None:
        self._keeping_place(lambda: self.model.update_row(row))

    def apply_change(self, change: Change) -> None:
        if any(kind == "question" for kind, _ in change.after):
            self._keeping_place(lambda: self.model.apply_change(change))
            if any("asker" in values for values in change.after.values()):  # renamed or merged askers
                current = self.asker_filter.currentText() if self.asker_filter.currentIndex() > 0 else None
                self.asker_filter.empty(current)

    def _keeping_place(self, change: Any) -> None:
        """A change under a filter or an order reads the list again: the current question stays
        current and the list where it was."""
        index = self.table.currentIndex()
        current = index.data(QUESTION_ID_ROLE) if index.isValid() else None
        scrolled = self.table.verticalScrollBar().value()
        change()
        if current is not None and not self.table.currentIndex().isValid():
            position = self.model.position_of(int(current))
            if position is not None:
                self.table.setCurrentIndex(
                    self.proxy.mapFromSource(self.model.index(position, index.column()))
                )
        self.table.verticalScrollBar().setValue(scrolled)
        self._update_summary()

    def select_question(self, question_id: int) -> None:
        position = self.model.position_of(question_id)
        if position is None:
            return
        index = self.proxy.mapFromSource(self.model.index(position, 1))
        if index.isValid():
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)

    def _status_changed(self, index: int) -> None:
        self.proxy.set_status([None, "open", "answered"][index])
        self._update_summary()

    def _asker_changed(self, index: int) -> None:
        self.proxy.set_asker(self.asker_filter.currentText() if index > 0 else None)
        self._update_summary()

    def _activated(self, index: QModelIndex) -> None:
        source = self.proxy.mapToSource(index)
        row = self.model.row_at(source.row())
        self.questionActivated.emit(row.id, row.note_id)

    def _update_summary(self) -> None:
        counts = self.model.counts
        self.summary.setText(
            self.tr("{shown} shown · {open} open / {total}").format(
                shown=self.model.rowCount(), open=counts.open, total=counts.questions
            )
            if counts.questions
            else self.tr("No questions here")
        )
