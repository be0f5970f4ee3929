"""Which field of a question or a note each column of a Notion database holds.

Columns are recognised by name, in Korean and English (`질문`, `Question`,
`해결`, `Answered`, `작성자`, `Created by`, `주차` …).  The user can correct
any choice (`--map COLUMN=FIELD` or `--map DATABASE/COLUMN=FIELD` on the command
line, the import dialog in the window); `property` keeps a column as a property,
`ignore` drops it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from ..model import StudyNotesError

Field = Literal[
    "question", "title", "status", "asker", "answer", "week", "lecture", "page", "time", "date", "tags",
    "property", "ignore",
]  # fmt: skip
FIELDS: tuple[Field, ...] = (
    "question", "title", "status", "asker", "answer", "week", "lecture", "page", "time", "date", "tags",
    "property", "ignore",
)  # fmt: skip
DatabaseKind = Literal["questions", "notes"]

_NAMES: dict[Field, tuple[str, ...]] = {
    "question": ("질문", "question", "questions", "질문 내용", "질문내용", "q", "궁금한 점", "궁금한점"),
    "title": ("title", "name", "제목", "이름", "주제", "topic"),
    "status": (
        "status", "상태", "해결", "해결 여부", "해결여부", "answered", "done", "resolved", "완료",
        "답변 완료", "답변완료", "solved",
    ),
    "asker": ("asker", "작성자", "created by", "질문자", "author", "asked by", "writer", "by"),
    "answer": ("answer", "answers", "답변", "답", "정답", "reply", "해설"),
    "week": ("week", "주차", "week no", "week no."),
    "lecture": ("lecture", "lec", "강", "강의", "session", "회차", "차시"),
    "page": ("page", "페이지", "slide", "slides", "슬라이드", "p", "pages", "쪽"),
    "time": ("time", "시간", "timestamp", "타임스탬프", "video time", "영상 시간"),
    "date": ("date", "날짜", "일자", "일시", "meeting date", "회의 날짜", "created", "created time", "작성일"),
    "tags": ("tags", "tag", "태그", "labels", "label", "분류", "category", "카테고리"),
}  # fmt: skip
_TRUE = frozenset(
    {
        "done", "yes", "true", "y", "o", "v", "해결", "해결됨", "해결 완료", "해결완료", "완료", "답변 완료",
        "답변완료", "answered", "resolved", "closed", "complete", "completed", "checked", "1", "solved",
    }
)  # fmt: skip
_CHECKS = ("✅", "☑", "✔", "✓")
_QUESTION_NAME = re.compile(r"(질문|question|Q\s*&\s*A|QnA|궁금)", re.IGNORECASE)


def field_of(column: str) -> Field:
    """The field a column's name says it holds; `property` when the name says nothing."""
    name = re.sub(r"\s+", " ", column.strip().strip("*").strip()).casefold()
    for kind, names in _NAMES.items():
        if name in names:
            return kind
    return "property"


def is_answered(value: str) -> bool:
    text = value.strip()
    return any(mark in text for mark in _CHECKS) or text.casefold() in _TRUE


def parse_overrides(items: list[str]) -> dict[str, Field]:
    """`--map 질문 내용=question --map "회의록/작성자=property"` → {column: field}: a bare column
    name means that column in every database, `DATABASE/COLUMN` the one database's."""
    overrides: dict[str, Field] = {}
    for item in items:
        column, sep, value = item.rpartition("=")
        chosen = value.strip().casefold()
        if not sep or not column.strip():
            raise StudyNotesError(f"--map takes COLUMN=FIELD, not {item!r}")
        if chosen not in FIELDS:
            raise StudyNotesError(f"--map {item!r}: the field must be one of {', '.join(FIELDS)}")
        overrides[column.strip()] = chosen
    return overrides


@dataclass
class ColumnMapping:
    """One database's columns and the field each holds; the kind of database that makes it."""

    database: str
    columns: dict[str, Field] = field(default_factory=dict)
    kind: DatabaseKind = "notes"

    def column_for(self, wanted: Field) -> str | None:
        return next((c for c, f in self.columns.items() if f == wanted), None)

    def describe(self) -> str:
        shown = ", ".join(f"{c} → {f}" for c, f in self.columns.items() if f != "property")
        return f"{self.database}: {self.kind}" + (f" ({shown})" if shown else "")


def choose_mapping(database: str, header: list[str], overrides: dict[str, Field]) -> ColumnMapping:
    """Recognise the columns, apply the user's corrections, and decide what the rows become."""
    mapping = ColumnMapping(database)
    taken: set[Field] = set()
    for column in header:
        chosen = overrides.get(f"{database}/{column}") or overrides.get(column)
        guess = chosen or field_of(column)
        if guess not in ("property", "ignore") and guess in taken and chosen is None:
            guess = "property"  # a second `Name`-like column stays a property
        mapping.columns[column] = guess
        taken.add(guess)
    if header and "question" not in taken and "title" not in taken:
        first = header[0]
        if first not in overrides and f"{database}/{first}" not in overrides:
            mapping.columns[first] = "title"  # Notion writes the title property first
    questions = (
        "question" in mapping.columns.values()
        or "answer" in mapping.columns.values()
        or bool(_QUESTION_NAME.search(database))
    )
    if questions:
        mapping.kind = "questions"
        if mapping.column_for("question") is None:
            title = mapping.column_for("title")
            if title is not None:
                mapping.columns[title] = "question"
    return mapping
