"""A study group's repository (a folder, a git working copy or its zip) as one notebook.

The README's schedule table (a week, session or date column beside a topic)
gives the notebook's weeks and sessions; folders and files named `week1`,
`Week 02`, `1주차`, `03_Lecture`, `lec03.md`, `2주차_회의록.md` place their
Markdown into those weeks and lectures; a date in a file name dates its note.
Relative links between files become links between notes, and the images a
file shows travel with its note.  Licences, templates and hidden folders are
left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import ImportContext, ImportFailure, Lecture, ParsedDocument
from . import ImportedFile
from .archive import FileSet
from .bundle_files import PageText, decoded_text, parse_page
from .note_links import rewrite_links
from .parts.dates import parse_any_date
from .parts.markdown_blocks import HEADING_TEXT_REQUIRED
from .parts.schedule_tables import schedule_sessions
from .place_names import lecture_in, place_of_path, week_in

TEXT_SUFFIXES = (".md", ".markdown", ".mdown", ".txt", ".qmd", ".rmd")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp")
_LEFT_OUT = re.compile(
    r"^(license|licence|copying|contributing|code_of_conduct|changelog|security|pull_request_template|"
    r"issue_template|authors|notice)(\.[a-z]+)?$",
    re.IGNORECASE,
)
_LEFT_OUT_FOLDERS = frozenset({"node_modules", "__pycache__", "_site", "venv", ".venv"})
_TITLE = re.compile(rf"^#[^\S\n]+{HEADING_TEXT_REQUIRED}", re.MULTILINE)
_README = re.compile(r"^readme\.(md|markdown|txt)$", re.IGNORECASE)
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-+:?\s*(\||$)")
_LINK_TEXT = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")

Progress = Callable[[int, int, str], None]


@dataclass
class RepoPlan:
    files: FileSet
    notebook: str
    readme: str | None
    documents: list[str] = field(default_factory=list)  # text files to import, README first
    lectures: list[Lecture] = field(default_factory=list)  # from the README's schedule

    @property
    def total(self) -> int:
        return len(self.documents)


def plan_repository(files: FileSet, notebook_hint: str, folder_name: str) -> RepoPlan:
    documents = [p for p in files.paths() if _imported(p)]
    roots = [p for p in documents if "/" not in p and _README.match(p)]
    readme = roots[0] if roots else None
    if readme:
        documents.remove(readme)
        documents.insert(0, readme)
    plan = RepoPlan(files, notebook_hint or folder_name or "Repository", readme, documents)
    if readme is not None:
        try:
            text, _data, _warnings = decoded_text(files, readme)
        except ImportFailure:
            text = ""
        title = _TITLE.search(text)
        if not notebook_hint and title:
            plan.notebook = _LINK_TEXT.sub(r"\1", title.group(1)).strip() or plan.notebook
        plan.lectures = schedule_sessions(text)
    return plan


def looks_like_repository(files: FileSet) -> bool:
    """A README at the top, or week and lecture folders: a repository, not loose files."""
    paths = [p for p in files.entries if _imported(p)]
    if any("/" not in p and _README.match(p) for p in paths):
        return True
    return any(week_in(p.split("/")[0]) or lecture_in(p.split("/")[0]) for p in paths if "/" in p)


def _imported(path: str) -> bool:
    parts = path.split("/")
    if any(p.startswith(".") or p in _LEFT_OUT_FOLDERS for p in parts):
        return False
    return path.lower().endswith(TEXT_SUFFIXES) and not _LEFT_OUT.match(parts[-1])


def parse_repository(
    plan: RepoPlan,
    context: ImportContext,
    format_name: str | None,
    progress: Progress | None,
    cancelled: Callable[[], bool],
) -> tuple[list[ImportedFile], list[ImportFailure]]:
    from ..importing import Cancelled

    files = plan.files
    known = set(plan.documents)
    folders = {
        p.rsplit("/", 1)[0]: p for p in plan.documents if "/" in p and _README.match(p.rsplit("/", 1)[1])
    }

    def note_for_path(path: str) -> str | None:
        path = path.rstrip("/")
        if path in known:
            return path
        return folders.get(path)

    def image_exists(path: str) -> bool:
        return path in files.entries and path.lower().endswith(IMAGE_SUFFIXES)

    parsed: list[ImportedFile] = []
    errors: list[ImportFailure] = []
    for index, path in enumerate(plan.documents):
        if cancelled():
            raise Cancelled
        if progress:
            progress(index, plan.total, path.rsplit("/", 1)[-1])
        try:
            text, data, warnings = decoded_text(files, path)
            body, images = rewrite_links(text, path, note_for_path, lambda _id: None, image_exists)
            imported = parse_page(
                files,
                path,
                PageText(body, images),
                data=data,
                key=path,
                context=context,
                format_name=format_name,
                notebook_title=plan.notebook,
                place=place_of_path(path.split("/")),
                warnings=warnings,
            )
        except ImportFailure as failure:
            errors.append(failure)
            continue
        _date_from_name(imported, path)
        _title_readme(imported, path)
        if path == plan.readme:
            _add_schedule(imported.document, plan.lectures)
        else:
            heading = _TITLE.search(text)
            _join_sessions(imported.document, plan.lectures, heading.group(1) if heading else "")
        parsed.append(imported)
    return parsed, errors


def _join_sessions(document: ParsedDocument, lectures: list[Lecture], heading: str) -> None:
    """Put a note the README's schedule names into its session.

    A schedule that numbers sessions but names no weeks means the repository's
    `Week N` folders are its sessions; a note whose title is a session's topic,
    or whose date is a session's date, belongs to that session.
    """
    if not lectures:
        return
    numbers = {lecture.number for lecture in lectures}
    by_week = all(lecture.week is None for lecture in lectures)
    for note in document.notes:
        if note.lecture is not None:
            continue
        if by_week and note.week in numbers:
            note.lecture = note.week
            continue
        titles = [t for t in (_comparable(note.title), _comparable(heading)) if len(t) >= 3]
        for lecture in lectures:
            topic = _comparable(lecture.title)
            same_topic = len(topic) >= 3 and any(topic in title or title in topic for title in titles)
            if same_topic or (note.date is not None and note.date == lecture.date):
                note.lecture = lecture.number
                break


def _comparable(text: str) -> str:
    return "".join(char for char in text.casefold() if char.isalnum())


def _title_readme(imported: ImportedFile, path: str) -> None:
    """A folder's README without a title of its own is named after its folder (`Week 01`)."""
    if "/" not in path or not _README.match(path.rsplit("/", 1)[1]):
        return
    for note in imported.document.notes:
        if note.title.casefold() == "readme":
            note.title = path.rsplit("/", 2)[-2]


def _date_from_name(imported: ImportedFile, path: str) -> None:
    date = parse_any_date(path.rsplit("/", 1)[-1].replace("_", " "))
    if date is None:
        return
    for note in imported.document.notes:
        if note.date is None:
            note.date = date


def _add_schedule(document: ParsedDocument, lectures: list[Lecture]) -> None:
    """The README's sessions, unless its own format already read them."""
    if document.lectures or not lectures:
        return
    document.lectures = lectures
    if any(lecture.week is not None or lecture.date is not None for lecture in lectures):
        for note in document.notes:  # the schedule is the notebook's front page, not a week's note
            note.week = None
