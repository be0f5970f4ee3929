"""What a Library operation reports: what it touched, the values before and after, the counts now.

Views update from a `Change` instead of re-reading what it already says, and undo applies its
`inverse`, an `Operation` the Library runs like any other.  Records are frozen: a Change can be
kept on an undo stack and handed to several views.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from .views import Counts, QuestionRow

# A node of the tree: ("notebook", id), ("week", id), ("unsorted", notebook id), ("lecture", id), ("note", id).
NodeKey = tuple[str, int]
# A touched record: ("question", id), ("cell", id), ("note", id), ("notebook", id).
RecordKey = tuple[str, int]
# A Change's name of a question field (the question list's) -> the stored question's column,
# which is also the `model.Question` attribute.
QUESTION_FIELDS = {
    "text": "text",
    "answer": "answer",
    "asker": "asker",
    "status": "status",
    "answered_by": "answered_by",
    "resolved_at": "resolved_at",
    "edited_by_user": "edited_by_user",
    "page": "slide_page",
    "media_time": "media_time",
    "lecture_ref": "lecture_ref",
}


@dataclass(frozen=True)
class Operation:
    """A Library operation by name and arguments, so undo and redo can run one without knowing it."""

    name: str
    arguments: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, name: str, **arguments: Any) -> Operation:
        return cls(name, tuple(arguments.items()))

    def kwargs(self) -> dict[str, Any]:
        return dict(self.arguments)


@dataclass(frozen=True)
class Change:
    """One operation's effect, in one transaction.

    `before`/`after` hold only the fields that changed, by record; question fields use
    `QuestionRow`'s names.  `counts` are the open/total questions, after the change, of every tree
    node on the affected notes' paths.  `placement` is set when notes, weeks or lectures were
    added, removed or moved, so the tree must re-read the notebooks named.
    """

    label: str
    inverse: Operation | None = None
    before: dict[RecordKey, dict[str, Any]] = field(default_factory=dict)
    after: dict[RecordKey, dict[str, Any]] = field(default_factory=dict)
    counts: dict[NodeKey, Counts] = field(default_factory=dict)
    notes: frozenset[int] = frozenset()  # notes whose content or questions changed (to re-render)
    placement: frozenset[int] = frozenset()  # notebooks whose tree branches changed
    created: tuple[RecordKey, ...] = ()
    deleted: tuple[RecordKey, ...] = ()

    def ids(self, kind: str) -> frozenset[int]:
        """The ids of one kind of record this change touched ("question", "cell", "note", "notebook")."""
        keys = [*self.before, *self.after, *self.created, *self.deleted]
        return frozenset(i for k, i in keys if k == kind)

    @property
    def empty(self) -> bool:
        return not (self.after or self.created or self.deleted or self.placement)

    def updated_row(self, row: QuestionRow) -> QuestionRow:
        """A question list's row as it is after this change (the same row if untouched)."""
        values = self.after.get(("question", row.id))
        if not values:
            return row
        known = {f.name for f in dataclasses.fields(QuestionRow)}
        return dataclasses.replace(row, **{k: v for k, v in values.items() if k in known})
