"""A question filter as SQL conditions, shared by every reader of questions.

The conditions refer to `questions q`, `notes n`, `notebooks b`, `weeks w` and `lectures l`;
those on notes alone are separate so that a reader of the notes' kept counts can use them."""

from __future__ import annotations

from typing import Any

from .views import QuestionFilter


def note_clauses(where: QuestionFilter, *, note_column: str = "q.note_id") -> tuple[list[str], list[Any]]:
    """The filter's conditions on notes alone: those a note's kept counts can answer.

    `note_column` names the note's id where no question is joined (`n.id`)."""
    clauses: list[str] = []
    params: list[Any] = []
    for clause, value in (
        ("b.title = ?", where.notebook),
        ("n.notebook_id = ?", where.notebook_id),
        ("w.number = ?", where.week),
        ("n.week_id = ?", where.week_id),
        ("n.lecture_id = ?", where.lecture_id),
        (f"{note_column} = ?", where.note_id),
    ):
        if value is not None:
            clauses.append(clause)
            params.append(value)
    if where.unsorted:
        clauses.append("n.week_id IS NULL")
    return clauses, params


def filter_clauses(where: QuestionFilter, *, include_private: bool = False) -> tuple[list[str], list[Any]]:
    """SQL conditions for a question filter, over `questions q`, `notes n`, `notebooks b`, `weeks w`, `lectures l`."""
    clauses, params = note_clauses(where)
    if not include_private:
        clauses.append("q.private = 0")
    for clause, value in (
        ("q.status = ?", where.status),
        ("q.asker = ?", where.asker),
        ("coalesce(l.number, q.lecture_ref) = ?", where.lecture),
    ):
        if value is not None:
            clauses.append(clause)
            params.append(value)
    return clauses, params
