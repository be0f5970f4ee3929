"""The question list's table model: rows read from a QuestionSource a page at a time.

The view asks for the rows in sight (and its column sizing for 50 more), so selecting a notebook
of 100,000 questions reads a page or two, not 100,000 rows.  The status and asker filters narrow
the source itself (in SQL for a library's list); ordering by a column needs every row, so only
then is the whole list read.
"""

from __future__ import annotations

import html
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QIdentityProxyModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from ..library import Change, Counts, ListFacts, QuestionList, QuestionRow
from ..render.plain_text import plain_question
from .palette import dark_palette
from .question_source import QuestionSource, RowsInMemory

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("", "Question", "Asker", "Lecture", "Page / time")
QUESTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
PAGE_ROWS = 100  # rows read at a time
KEPT_PAGES = 40  # pages kept in memory (the ones used last); others are read again when needed


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
    factsGrew = Signal()  # a row read later tells what the side columns had not (an asker, a page)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.facts = ListFacts(False, False, False)
        self._first_lecture: int | None = None
        self._all: QuestionSource = RowsInMemory([])  # the selection's questions
        self._shown: QuestionSource = self._all  # narrowed to a status or an asker
        self._status: str | None = None
        self._asker: str | None = None
        self._sort_column = -1
        self._descending = False
        self._sorted: list[QuestionRow] | None = None  # every shown row, in a header's order
        self._sorted_place: dict[int, int] = {}
        self._pages: OrderedDict[int, list[QuestionRow]] = OrderedDict()
        self._plain: dict[int, str] = {}  # question id -> its list text, for the rows read

    # -- what the list holds ---------------------------------------------------
    def set_rows(self, rows: list[QuestionRow] | QuestionList | QuestionSource) -> None:
        """Show these questions (a list, or a library's QuestionList read as the view scrolls)."""
        self.beginResetModel()
        self._all = RowsInMemory(list(rows)) if isinstance(rows, list) else rows
        self.facts = self._all.facts()
        first = self._all.rows(0, 1)
        self._first_lecture = first[0].lecture if first else None
        self._narrow()
        if self.rowCount():
            # The page the list shows first, read now: the view measures its rows later, in a
            # posted layout, which may come after the library has closed (a window closing).
            self.row_at(0)
        self.endResetModel()

    def narrow(self, *, status: str | None, asker: str | None) -> None:
        """Only one status's or one asker's questions (None: all)."""
        if (status, asker) == (self._status, self._asker):
            return
        self.beginResetModel()
        self._status, self._asker = status, asker
        self._narrow()
        self.endResetModel()

    def _narrow(self) -> None:
        filtered = self._status is not None or self._asker is not None
        self._shown = self._all.narrowed(status=self._status, asker=self._asker) if filtered else self._all
        self._pages.clear()
        self._plain.clear()
        self._sorted = None
        if self._sort_column >= 0:
            self._order()

    @property
    def counts(self) -> Counts:
        """Open and total questions of the whole selection, whatever the filters show."""
        return self._all.counts

    def source(self) -> QuestionSource:
        return self._all

    def shown_source(self) -> QuestionSource:
        return self._shown

    def rows(self) -> list[QuestionRow]:
        """Every question of the selection, read whole (for a few rows; the view reads pages)."""
        return self._all.rows(0, self._all.total)

    def row_at(self, position: int) -> QuestionRow:
        if self._sorted is not None:
            return self._sorted[position]
        page, at = divmod(position, PAGE_ROWS)
        rows = self._pages.get(page)
        if rows is None:
            rows = self._pages[page] = self._shown.rows(page * PAGE_ROWS, PAGE_ROWS)
            self._learn(rows)
            if len(self._pages) > KEPT_PAGES:
                _, dropped = self._pages.popitem(last=False)
                for row in dropped:
                    self._plain.pop(row.id, None)
        else:
            self._pages.move_to_end(page)
        return rows[at]

    def _learn(self, rows: list[QuestionRow]) -> None:
        """Side columns a long list hid (chosen from its first rows) come back for a row read later."""
        facts = ListFacts(
            self.facts.askers or any(row.asker for row in rows),
            self.facts.pages or any(row.page is not None or row.media_time for row in rows),
            self.facts.lectures or any(row.lecture != self._first_lecture for row in rows),
            self.facts.whole,
        )
        if facts != self.facts:
            self.facts = facts
            self.factsGrew.emit()

    def position_of(self, question_id: int) -> int | None:
        if self._sorted is not None:
            return self._sorted_place.get(question_id)
        return self._shown.position_of(question_id)

    # -- changes ------------------------------------------------------------------
    def update_row(self, row: QuestionRow) -> None:
        """Replace one question in place (after a status or text change)."""
        self.apply_rows([row])

    def apply_change(self, change: Change) -> None:
        """Rows take the values a Change reports (a toggle: one row, no read of the question)."""
        ids = {question_id for kind, question_id in change.after if kind == "question"}
        if not ids:
            return
        rows = [change.updated_row(row) for row in self._held_rows() if row.id in ids]
        if rows or not isinstance(self._all, RowsInMemory):  # a row not read yet may be in the list
            self.apply_rows(rows)

    def apply_rows(self, rows: list[QuestionRow]) -> None:
        """New values for rows of the list.  Under a filter or an order a row may leave or move,
        so the list is read again; otherwise each row read changes where it is (the others are
        read as they now are when the view comes to them)."""
        if isinstance(self._all, RowsInMemory):
            for row in rows:
                self._all.replace(row)
        else:
            self._all.refresh()  # the open count moved
        if self._shown is not self._all or self._sorted is not None:
            self._rebuild()
            return
        by_id = {row.id: row for row in rows}
        for page in self._pages.values():
            for i, held in enumerate(page):
                if held.id in by_id:
                    page[i] = by_id[held.id]
                    self._plain.pop(held.id, None)
        for row in rows:
            position = self.position_of(row.id)
            if position is not None:
                self.dataChanged.emit(self.index(position, 0), self.index(position, len(COLUMNS) - 1))

    def _held_rows(self) -> list[QuestionRow]:
        if self._sorted is not None:
            return self._sorted
        if isinstance(self._all, RowsInMemory):
            return self._all.rows(0, self._all.total)
        return [row for page in self._pages.values() for row in page]

    def _rebuild(self) -> None:
        """Read the list again (the panel puts the selection back on its question)."""
        self.beginResetModel()
        self._narrow()
        self.endResetModel()

    def _id_at(self, position: int) -> int | None:
        return self.row_at(position).id if 0 <= position < self.rowCount() else None

    # -- ordering by a column -------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: every shown row read and ordered (-1: the notes' own order again)."""
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [self._id_at(index.row()) for index in old]
        self._sort_column = column if 0 <= column < len(COLUMNS) else -1
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._sorted = None
        if self._sort_column >= 0:
            self._order()
        new = []
        for index, question_id in zip(old, ids, strict=True):
            position = self.position_of(question_id) if question_id is not None else None
            new.append(self.index(position, index.column()) if position is not None else QModelIndex())
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _order(self) -> None:
        rows = self._shown.rows(0, self._shown.total)
        self._learn(rows)
        column = self._sort_column
        self._sorted = sorted(rows, key=lambda row: self.sort_key(row, column), reverse=self._descending)
        self._sorted_place = {row.id: i for i, row in enumerate(self._sorted)}

    def sort_key(self, row: QuestionRow, column: int) -> tuple[Any, ...]:
        """What a click on a column header orders by: open before answered, lectures and pages
        by number (10 after 9), empty cells last, text without regard to case."""
        if column == 0:
            return (row.status != "open",)
        if column == 1:
            return (self._plain_text(row).casefold(),)
        if column == 2:
            return (not row.asker, row.asker.casefold())
        if column == 3:
            return (row.lecture is None, row.lecture or 0)
        if row.page is not None:
            return (0, row.page, _seconds(row.media_time))
        return (1 if row.media_time else 2, 0, _seconds(row.media_time))  # time only, then nothing

    # -- the Qt model interface ----------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid():
            return 0
        return len(self._sorted) if self._sorted is not None else self._shown.total

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
        # Drawing or measuring a cell asks for seven roles; those no cell has are answered first.
        if role not in _ROW_ROLES:
            return None
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _CENTRED if column == 0 else _LEFT
        row = self.row_at(index.row())
        if role == QUESTION_ID_ROLE:
            return row.id
        if role == STATUS_ROLE:
            return row.status
        if role == Qt.ItemDataRole.DisplayRole:
            return self._plain_text(row) if column == 1 else display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return status_words(row.status, row.answered_by)
            # Rich text, so a long question wraps instead of running off the screen.
            return f"<p>{html.escape(self._plain_text(row))}</p>" if column == 1 else None
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            answered, open_ = ("#3fb950", "#d29922") if dark_palette() else ("#1a7f37", "#9a6700")
            return QColor(answered if row.status == "answered" else open_)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == 0:
            return status_words(row.status, row.answered_by)
        return None

    def _plain_text(self, row: QuestionRow) -> str:
        text = self._plain.get(row.id)
        if text is None:
            text = self._plain[row.id] = plain_question(row.text)
        return text


_CENTRED = Qt.AlignmentFlag.AlignCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_ROW_ROLES = {
    Qt.ItemDataRole.TextAlignmentRole,
    QUESTION_ID_ROLE,
    STATUS_ROLE,
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.AccessibleTextRole,
}


def display(row: QuestionRow, column: int) -> str:
    """A cell's text, but the question's own (column 1: the model's plain text, made once)."""
    if column == 0:
        return "✓" if row.status == "answered" else "○"
    if column == 2:
        return row.asker
    if column == 3:
        return f"{row.lecture}" if row.lecture is not None else ""
    page = (
        QCoreApplication.translate("Card", "p. {page}").format(page=row.page) if row.page is not None else ""
    )
    parts = [page, row.media_time or ""]
    return " · ".join(p for p in parts if p)


def _seconds(media_time: str | None) -> int:
    """`1:02:03` or `02:03` as seconds, for ordering; anything else as 0."""
    total = 0
    for part in (media_time or "").split(":"):
        if not part.isdigit():
            return 0
        total = total * 60 + int(part)
    return total


class QuestionFilterModel(QIdentityProxyModel):
    """All / Open / Answered and one asker: passed to the model, which narrows its source (the
    library answers in SQL) rather than testing every row here; a header's order likewise."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._status: str | None = None
        self._asker: str | None = None

    def set_status(self, status: str | None) -> None:
        self._status = status
        self._apply()

    def set_asker(self, asker: str | None) -> None:
        self._asker = asker
        self._apply()

    def _apply(self) -> None:
        model = self.sourceModel()
        if isinstance(model, QuestionTableModel):
            model.narrow(status=self._status, asker=self._asker)
