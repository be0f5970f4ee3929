"""Where the question list takes its rows from: the library's QuestionList (read page by page), or
rows already in memory (a panel given a list), both answering the same questions."""

from __future__ import annotations

from typing import Protocol

from ..library import Counts, ListFacts, QuestionRow


class QuestionSource(Protocol):
    total: int
    open: int

    @property
    def counts(self) -> Counts: ...

    def rows(self, start: int, count: int) -> list[QuestionRow]: ...

    def position_of(self, question_id: int) -> int | None: ...

    def facts(self) -> ListFacts: ...

    def askers(self) -> list[str]: ...

    def narrowed(self, *, status: str | None = None, asker: str | None = None) -> QuestionSource: ...

    def refresh(self) -> None: ...


class RowsInMemory:
    """A list of rows as a QuestionSource; narrowing keeps a link to the whole list, so a row
    replaced after a change is seen by both."""

    def __init__(
        self, rows: list[QuestionRow], *, status: str | None = None, asker: str | None = None
    ) -> None:
        self._whole = rows
        self._status = status
        self._asker = asker
        self.total = self.open = 0
        self._rows: list[QuestionRow] = []
        self._place: dict[int, int] = {}
        self.refresh()

    def refresh(self) -> None:
        self._rows = [
            row
            for row in self._whole
            if (self._status is None or row.status == self._status)
            and (self._asker is None or row.asker == self._asker)
        ]
        self._place = {row.id: i for i, row in enumerate(self._rows)}
        self.total = len(self._rows)
        self.open = sum(1 for row in self._rows if row.status == "open")

    @property
    def counts(self) -> Counts:
        return Counts(self.total, self.open)

    def rows(self, start: int, count: int) -> list[QuestionRow]:
        return self._rows[max(start, 0) : start + count] if start >= 0 else []

    def position_of(self, question_id: int) -> int | None:
        return self._place.get(question_id)

    def facts(self) -> ListFacts:
        rows = self._rows
        return ListFacts(
            askers=any(row.asker for row in rows),
            pages=any(row.page is not None or row.media_time for row in rows),
            lectures=any(row.lecture != rows[0].lecture for row in rows),
        )

    def askers(self) -> list[str]:
        return sorted({row.asker for row in self._rows if row.asker})

    def narrowed(self, *, status: str | None = None, asker: str | None = None) -> RowsInMemory:
        return RowsInMemory(self._whole, status=status, asker=asker)

    def replace(self, row: QuestionRow) -> None:
        """The row as a change left it (the library's list reads it again instead)."""
        for i, old in enumerate(self._whole):
            if old.id == row.id:
                self._whole[i] = row
                break
        self.refresh()
