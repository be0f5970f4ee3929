"""The question list: a table model over the Library's question rows, and its panel."""

from __future__ import annotations

import html
import math
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QTextLayout
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..library import Change, QuestionRow
from ..render.plain_text import plain_question
from .markdown_highlighter import dark_palette

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("", "Question", "Asker", "Lecture", "Page / time")
QUESTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
SIZE_FROM_ROWS = 50  # columns fit the rows in view and this many more
SIDE_COLUMNS = (2, 3, 4)  # asker, lecture, page / time: the order they give way in a narrow pane
SIDE_SHARE = 0.45  # of the list's width, at most, for them all
MIN_SIDE_WIDTH = 48
ROW_LINES = 2  # of question text in each row


def column_titles() -> tuple[str, ...]:
    """The question list's headers, in the window's language (COLUMNS keeps the English)."""
    return (
        "",
        QCoreApplication.translate("QuestionList", "Question"),
        QCoreApplication.translate("QuestionList", "Asker"),
        QCoreApplication.translate("QuestionList", "Lecture"),
        QCoreApplication.translate("QuestionList", "Page / time"),
    )


def status_words(status: str, answered_by: str | None) -> str:
    """`Answered by the instructor`, `Open`: what the ✓ or ○ of a row means."""
    if status != "answered":
        return QCoreApplication.translate("QuestionList", "Open")
    return {
        "instructor": QCoreApplication.translate("QuestionList", "Answered by the instructor"),
        "peer": QCoreApplication.translate("QuestionList", "Answered by a classmate"),
        "self": QCoreApplication.translate("QuestionList", "Marked answered by you"),
    }.get(answered_by or "", QCoreApplication.translate("QuestionList", "Answered"))


class QuestionTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[QuestionRow] = []
        self._plain: list[str | None] = []  # each question as list text, made when first shown
        self._row_of: dict[int, int] = {}

    def set_rows(self, rows: list[QuestionRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._plain = [None] * len(rows)  # 2,000 questions at once cost 30 ms; a view shows 30
        self._row_of = {row.id: i for i, row in enumerate(rows)}
        self.endResetModel()

    def update_row(self, row: QuestionRow) -> None:
        """Replace one question in place (after a status or text change)."""
        position = self._row_of.get(row.id)
        if position is None:
            return
        self._rows[position] = row
        self._plain[position] = None
        self.dataChanged.emit(self.index(position, 0), self.index(position, len(COLUMNS) - 1))

    def apply_change(self, change: Change) -> None:
        """Rows take the values a Change reports (a toggle: one row, no read of the question)."""
        for kind, question_id in change.after:
            position = self._row_of.get(question_id) if kind == "question" else None
            if position is not None:
                self.update_row(change.updated_row(self._rows[position]))

    def rows(self) -> list[QuestionRow]:
        return list(self._rows)

    def row_at(self, position: int) -> QuestionRow:
        return self._rows[position]

    def position_of(self, question_id: int) -> int | None:
        return self._row_of.get(question_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return column_titles()[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole and section == 0:
            return self.tr("Status: ✓ answered, ○ open (Space toggles)")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == QUESTION_ID_ROLE:
            return row.id
        if role == STATUS_ROLE:
            return row.status
        if role == Qt.ItemDataRole.DisplayRole:
            return self._plain_text(index.row()) if column == 1 else self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return status_words(row.status, row.answered_by)
            # Rich text, so a long question wraps instead of running off the screen.
            return f"<p>{html.escape(self._plain_text(index.row()))}</p>" if column == 1 else None
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            answered, open_ = ("#3fb950", "#d29922") if dark_palette() else ("#1a7f37", "#9a6700")
            return QColor(answered if row.status == "answered" else open_)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == 0:
                return Qt.AlignmentFlag.AlignCenter
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.AccessibleTextRole and column == 0:
            return status_words(row.status, row.answered_by)
        return None

    def _plain_text(self, position: int) -> str:
        text = self._plain[position]
        if text is None:
            text = self._plain[position] = plain_question(self._rows[position].text)
        return text

    def uninformative_columns(self) -> set[int]:
        """Columns that tell nothing about these rows: no asker or page anywhere, one lecture for all."""
        columns = {column for column in (2, 4) if not any(self._display(row, column) for row in self._rows)}
        if len({self._display(row, 3) for row in self._rows}) <= 1:
            columns.add(3)
        return columns

    def sort_key(self, position: int, column: int) -> tuple[Any, ...]:
        """What a click on a column header orders by: open before answered, lectures and pages
        by number (10 after 9), empty cells last, text without regard to case."""
        row = self._rows[position]
        if column == 0:
            return (row.status != "open",)
        if column == 1:
            return (self._plain_text(position).casefold(),)
        if column == 2:
            return (not row.asker, row.asker.casefold())
        if column == 3:
            return (row.lecture is None, row.lecture or 0)
        if row.page is not None:
            return (0, row.page, _seconds(row.media_time))
        return (1 if row.media_time else 2, 0, _seconds(row.media_time))  # time only, then nothing

    @staticmethod
    def _display(row: QuestionRow, column: int) -> str:
        """A cell's text, but the question's own (column 1: `_plain_text`, made once)."""
        if column == 0:
            return "✓" if row.status == "answered" else "○"
        if column == 2:
            return row.asker
        if column == 3:
            return f"{row.lecture}" if row.lecture is not None else ""
        page = (
            QCoreApplication.translate("Card", "p. {page}").format(page=row.page)
            if row.page is not None
            else ""
        )
        parts = [page, row.media_time or ""]
        return " · ".join(p for p in parts if p)


def line_height(font: QFont) -> int:
    """A line's height as laid out with Hangul and maths in it: their fallback fonts are taller
    than the font's own metrics say, and a row too short for two such lines shows only one."""
    layout = QTextLayout("한글 Ag ∑ᵢ₌₁ⁿ σ²", font)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(10_000)
    layout.endLayout()
    return max(QFontMetrics(font).lineSpacing(), math.ceil(line.height()))


def _seconds(media_time: str | None) -> int:
    """`1:02:03` or `02:03` as seconds, for ordering; anything else as 0."""
    total = 0
    for part in (media_time or "").split(":"):
        if not part.isdigit():
            return 0
        total = total * 60 + int(part)
    return total


class QuestionFilterModel(QSortFilterProxyModel):
    """All / Open / Answered, one asker, and the order a header click asks for."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._status: str | None = None
        self._asker: str | None = None

    def set_status(self, status: str | None) -> None:
        self._status = status
        self.invalidate()

    def set_asker(self, asker: str | None) -> None:
        self._asker = asker
        self.invalidate()

    def lessThan(self, left: Index, right: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, QuestionTableModel):
            return super().lessThan(left, right)
        column = left.column()
        return model.sort_key(left.row(), column) < model.sort_key(right.row(), column)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, QuestionTableModel):
            return True
        row = model.row_at(source_row)
        return (self._status is None or row.status == self._status) and (
            self._asker is None or row.asker == self._asker
        )


class QuestionTable(QTableView):
    toggleRequested = Signal(int)
    viewportResized = Signal()  # a scroll bar came or went, or the pane was resized

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.viewportResized.emit()
        return super().viewportEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space:
            index = self.currentIndex()
            if index.isValid():
                self.toggleRequested.emit(int(index.data(QUESTION_ID_ROLE)))
                return
        super().keyPressEvent(event)


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
        self.asker_filter = QComboBox()
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
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
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
        self.table.viewportResized.connect(self.fit_side_columns)

    def set_rows(self, rows: list[QuestionRow]) -> None:
        current_asker = self.asker_filter.currentText() if self.asker_filter.currentIndex() > 0 else None
        self.model.set_rows(rows)
        self._fill_askers(rows, current_asker)
        self._show_informative_columns()
        self._update_summary()

    def _fill_askers(self, rows: list[QuestionRow], current_asker: str | None) -> None:
        """The asker filter offers each person of the rows once (merged names are one person)."""
        askers = sorted({r.asker for r in rows if r.asker})
        self.asker_filter.blockSignals(True)
        self.asker_filter.clear()
        self.asker_filter.addItem(self.tr("Everyone"))
        self.asker_filter.addItems(askers)
        if current_asker in askers:
            self.asker_filter.setCurrentText(current_asker)
        else:
            self.proxy.set_asker(None)
        self.asker_filter.setEnabled(bool(askers))  # nobody to choose when no question names its asker
        self.asker_filter.blockSignals(False)

    def _show_informative_columns(self) -> None:
        """Give the width of empty columns (no asker, no page, one lecture) to the question."""
        self._informative = [c for c in SIDE_COLUMNS if c not in self.model.uninformative_columns()]
        self.fit_side_columns()

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
        room = (self.table.viewport().width() - self.table.columnWidth(0)) * SIDE_SHARE
        used = 0
        for column in SIDE_COLUMNS:
            wanted = max(self.table.sizeHintForColumn(column), self._title_widths[column])
            width = int(min(wanted, room // 2, room - used))  # a long name is elided
            shown = column in self._informative and width >= min(wanted, MIN_SIDE_WIDTH)
            self.table.setColumnHidden(column, not shown)
            if shown:
                self.table.setColumnWidth(column, width)
                used += width

    def update_row(self, row: QuestionRow) -> None:
        self.model.update_row(row)
        self.proxy.invalidate()
        self._update_summary()

    def apply_change(self, change: Change) -> None:
        if any(kind == "question" for kind, _ in change.after):
            self.model.apply_change(change)
            if any("asker" in values for values in change.after.values()):  # renamed or merged askers
                current = self.asker_filter.currentText() if self.asker_filter.currentIndex() > 0 else None
                self._fill_askers(self.model.rows(), current)
            self.proxy.invalidate()
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
        rows = self.model.rows()
        open_count = sum(1 for r in rows if r.status == "open")
        shown = self.proxy.rowCount()
        self.summary.setText(
            self.tr("{shown} shown · {open} open / {total}").format(
                shown=shown, open=open_count, total=len(rows)
            )
            if rows
            else self.tr("No questions here")
        )
