"""Plain data shared by importers, the library, rendering, export and the UI.

Nothing here knows about SQL or Qt.  An importer fills these objects with no
ids; the library hands back the same types with ids set, so render and export
work identically on parsed and on stored notes.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

CellKind = Literal["markdown", "question"]
QuestionStatus = Literal["open", "answered"]
AnsweredBy = Literal["instructor", "peer", "self"]
NoteKind = Literal["chat", "board", "minutes", "programme", "log", "markdown"]

NOTE_KINDS: tuple[NoteKind, ...] = ("chat", "board", "minutes", "programme", "log", "markdown")


def nfc(text: str) -> str:
    """Normalise to NFC: macOS exports write decomposed Hangul, search needs one form."""
    return unicodedata.normalize("NFC", text)


# A formula in a note's text.  Pandoc's rule for `$`: no space just inside, no digit just after
# (so "$5 and $10" is not math).  Plain-text rendering and search snippets both need it.
MATH = re.compile(r"\$\$(.+?)\$\$|\$(?=\S)(.+?)(?<=\S)\$(?!\d)|\\\((.+?)\\\)|\\\[(.+?)\\\]", re.DOTALL)


@dataclass
class Question:
    """One question and its answer, as asked in a lecture or a study meeting."""

    text: str
    answer: str = ""
    status: QuestionStatus = "open"
    asker: str = ""
    raw_sender: str = ""
    asked_at: str | None = None  # time of day "HH:MM:SS", or an ISO date-time
    media_time: str | None = None  # position in a lecture video, "mm:ss" or "h:mm:ss"
    slide_page: int | None = None
    lecture_ref: int | None = None  # the lecture the question is about
    answered_by: AnsweredBy | None = None
    private: bool = False  # a direct message: kept in the note, never a shared question
    origin_key: str = ""  # an id the source gives it (a Notion row): matches it across re-imports
    # Set by the library for stored questions.
    id: int | None = None
    resolved_at: str | None = None
    edited_by_user: bool = False


@dataclass
class Cell:
    """A block of a note: Markdown text, or a question (its text lives in `question`)."""

    kind: CellKind = "markdown"
    markdown: str = ""
    question: Question | None = None
    id: int | None = None

    @classmethod
    def text(cls, markdown: str) -> Cell:
        return cls(kind="markdown", markdown=markdown)

    @classmethod
    def asking(cls, question: Question) -> Cell:
        return cls(kind="question", question=question)


@dataclass
class Attachment:
    """A file a note links to (an image next to a Notion export).

    Importers only record `name` (the link target as written); reading the
    bytes is done by the import step, which refuses paths outside the folder.
    """

    name: str
    mime_type: str = "application/octet-stream"
    location: str = ""  # where the file lies relative to the imported file, if not at `name`
    data: bytes | None = None
    sha256: str = ""
    id: int | None = None


@dataclass
class Note:
    """A note: what one lecture, meeting or day produced, as a list of cells."""

    title: str
    kind: NoteKind = "markdown"
    cells: list[Cell] = field(default_factory=list)
    date: dt.date | None = None
    week: int | None = None  # explicit week number, when the document says it
    day: int | None = None  # "Day N" of a study programme
    lecture: int | None = None  # lecture number within the notebook
    lecture_title: str | None = None
    properties: dict[str, str] = field(default_factory=dict)
    attachments: list[Attachment] = field(default_factory=list)
    # Set by the library for stored notes.
    id: int | None = None
    notebook_id: int | None = None
    source_id: int | None = None
    position: int = 0

    @property
    def questions(self) -> list[Question]:
        return [c.question for c in self.cells if c.question is not None]


@dataclass
class Lecture:
    """A scheduled session (a programme's schedule row, a board's `## Lecture N`)."""

    number: int
    title: str = ""
    date: dt.date | None = None
    week: int | None = None
    properties: dict[str, str] = field(default_factory=dict)
    id: int | None = None


@dataclass
class ImportWarning:
    """Something an importer repaired or skipped; shown in the import summary."""

    message: str
    line: int | None = None

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass
class ParsedDocument:
    """What an importer makes of one file: pure data, saved by the library in one go."""

    format: str
    notes: list[Note] = field(default_factory=list)
    lectures: list[Lecture] = field(default_factory=list)
    notebook_title: str | None = None
    notebook_start: dt.date | None = None
    notebook_description: str = ""
    notebook_properties: dict[str, str] = field(default_factory=dict)
    warnings: list[ImportWarning] = field(default_factory=list)

    def warn(self, message: str, line: int | None = None) -> None:
        self.warnings.append(ImportWarning(message, line))

    @property
    def questions(self) -> list[Question]:
        return [q for note in self.notes for q in note.questions]


@dataclass(frozen=True)
class ImportContext:
    """What an importer may know besides the text: names and the user's choices."""

    file_name: str = ""  # for messages and titles
    folder_name: str = ""  # the containing folder's name (Zoom names it by date)
    date: dt.date | None = None  # chosen by the user; wins over the document
    week: int | None = None
    lecture: int | None = None
    # The notebook's chat settings: whose answers are the instructor's, and which
    # display names are one person ((name as written, the person's name) pairs).
    instructors: tuple[str, ...] = ()
    aliases: tuple[tuple[str, str], ...] = ()


class StudyNotesError(Exception):
    """An error a user can act on: its message is shown as it is, with no traceback."""


class ImportFailure(StudyNotesError):
    """A file could not be imported; names the file and, where it helps, the line."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.reason = message
        self.line = line
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")

    def __reduce__(self) -> tuple[type[ImportFailure], tuple[str, str, int | None]]:
        """Pickled by its parts: a file that fails in a worker process fails the same way here."""
        return (type(self), (self.path, self.reason, self.line))
