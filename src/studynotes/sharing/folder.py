"""A notebook as a folder: README, one Markdown file per note, attachments, one metadata file.

Names come from what the notes say (week, lecture, date, title), never from
the order they were made in, and every byte is a function of the notebook's
content, so two libraries holding the same notebook write the same folder
and git sees only real changes.
"""

from __future__ import annotations

import json
import posixpath
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from .note_file import render_note
from .state import NotebookMeta, NoteState

METADATA = "studynotes.json"
README = "README.md"
FOLDER_VERSION = 1
_UNSAFE = re.compile(r'[\\/:*?"<>|#%\[\]\x00-\x1f\x7f]+')


class Outline(Protocol):
    """What names a note's file and counts it in the README (the library's `NoteOutline`)."""

    @property
    def uid(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def date(self) -> str | None: ...
    @property
    def week(self) -> int | None: ...
    @property
    def lecture(self) -> int | None: ...
    @property
    def questions(self) -> int: ...
    @property
    def open(self) -> int: ...
    @property
    def blob(self) -> str | None: ...


@dataclass
class Folder:
    """The files of a published notebook and where each note went.

    `files` holds the bytes written now; `unchanged` names, by path, the blob of each note file
    that is the same as when it was last written (a sync reuses it without writing it again)."""

    files: dict[str, bytes]
    note_paths: dict[str, str]  # note uid → path
    unchanged: dict[str, str] = field(default_factory=dict)  # path → blob id (hex)


def slug(title: str, limit: int = 60) -> str:
    """A readable file name: letters of any script kept, separators become one hyphen."""
    text = unicodedata.normalize("NFC", title).strip()
    text = _UNSAFE.sub(" ", text)
    text = re.sub(r"[\s.]+", "-", text).strip("-")
    return text[:limit].rstrip("-") or "note"


def note_folder(note: Outline) -> str:
    if note.week is None:
        week = "unsorted"
    else:
        week = f"week-{note.week:02d}" if note.week >= 0 else f"week-minus-{-note.week:02d}"
    return f"{week}/lecture-{note.lecture:02d}" if note.lecture is not None else week


def note_paths(notes: Iterable[Outline]) -> dict[str, str]:
    """uid → path; a name two notes of one folder share gets each one's uid as a suffix."""
    wanted: dict[str, list[Outline]] = defaultdict(list)
    for note in notes:
        stem = f"{note.date}-{slug(note.title)}" if note.date else slug(note.title)
        wanted[f"{note_folder(note)}/{stem}"].append(note)
    paths: dict[str, str] = {}
    for stem, holders in wanted.items():
        for note in holders:
            paths[note.uid] = f"{stem}.md" if len(holders) == 1 else f"{stem}-{note.uid[:8]}.md"
    return paths


def publish_folder(
    meta: NotebookMeta,
    outline: Sequence[Outline],
    notes: list[NoteState],
    week_labels: dict[int, str],
    foreign: Iterable[str] = (),
) -> Folder:
    """Every file of the notebook: `notes` written out, the rest of `outline` named by its blob.

    `foreign` paths (files others put in the repository) are never taken."""
    taken = set(foreign)
    paths = note_paths(outline)
    files: dict[str, bytes] = {}
    written = {note.uid: note for note in notes}
    unchanged = {paths[o.uid]: o.blob for o in outline if o.uid not in written and o.blob}
    for note in sorted(notes, key=lambda n: paths[n.uid]):
        names = _place_attachments(note, posixpath.dirname(paths[note.uid]), files, taken)
        files[paths[note.uid]] = render_note(note, names).encode("utf-8")
    files[README] = readme(meta, outline, paths, week_labels).encode("utf-8")
    files[METADATA] = metadata(meta, sorted([*files, *unchanged, METADATA])).encode("utf-8")
    return Folder(files, paths, unchanged)


def _place_attachments(
    note: NoteState, folder: str, files: dict[str, bytes], taken: set[str]
) -> dict[str, str]:
    """Each attachment beside its note; a name another file of the folder holds gets a number."""
    names: dict[str, str] = {}
    for attachment in sorted(note.attachments, key=lambda a: a.name):
        safe = posixpath.normpath("/" + attachment.name.replace("\\", "/")).lstrip("/") or "file"
        target, counter = safe, 2
        while (
            (path := f"{folder}/{target}") in taken or (path in files and files[path] != attachment.data)
        ) or target.endswith(".md"):
            stem, dot, suffix = safe.rpartition(".")
            target = f"{stem}-{counter}.{suffix}" if dot else f"{safe}-{counter}"
            counter += 1
        files[f"{folder}/{target}"] = attachment.data
        names[attachment.name] = target
    return names


def readme(
    meta: NotebookMeta, notes: Sequence[Outline], paths: dict[str, str], labels: dict[int, str]
) -> str:
    """The page GitHub shows first: weeks and lectures with open/total counts, linking each note."""
    out = [f"# {meta.title}", ""]
    if meta.description.strip():
        out += [meta.description.strip(), ""]
    total, open_ = _counts(notes)
    out += [f"{open_} open of {total} questions.", ""]
    groups: dict[tuple[int, int], dict[int | None, list[Outline]]] = defaultdict(lambda: defaultdict(list))
    for note in notes:
        week_key = (0, note.week) if note.week is not None else (1, 0)
        groups[week_key][note.lecture].append(note)
    for week_key in sorted(groups):
        lectures = groups[week_key]
        week_notes = [n for group in lectures.values() for n in group]
        total, open_ = _counts(week_notes)
        label = labels.get(week_key[1], f"Week {week_key[1]}") if week_key[0] == 0 else "Unsorted"
        out += [f"## {label} ({open_} open / {total})", ""]
        for lecture in sorted(lectures, key=lambda n: (n is not None, n or 0)):
            group = sorted(lectures[lecture], key=lambda n: paths[n.uid])
            if lecture is not None:
                total, open_ = _counts(group)
                title = str(meta.lectures.get(lecture, {}).get("title") or "")
                name = f"Lecture {lecture}" + (
                    f": {title}" if title and title != f"Lecture {lecture}" else ""
                )
                out += [f"### {name} ({open_} open / {total})", ""]
            for note in group:
                total, open_ = _counts([note])
                link = paths[note.uid].replace(" ", "%20")
                counts = f" — {open_} open / {total}" if total else ""
                out.append(f"- [{_escape(note.title)}]({link}){counts}")
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def _counts(notes: Iterable[Outline]) -> tuple[int, int]:
    total = open_ = 0
    for note in notes:
        total += note.questions
        open_ += note.open
    return total, open_


def _escape(text: str) -> str:
    return re.sub(r"([\[\]\\])", r"\\\1", text)


def metadata(meta: NotebookMeta, files: list[str]) -> str:
    """Settings, lectures and the list of files this app wrote (anything else is someone else's)."""
    data: dict[str, Any] = {
        "format": FOLDER_VERSION,
        "notebook": {"uid": meta.uid, **meta.settings()},
        "lectures": [{"number": number, **meta.lectures[number]} for number in sorted(meta.lectures)],
        "files": files,
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def parse_metadata(text: str) -> tuple[NotebookMeta, list[str]]:
    data = json.loads(text)
    if not isinstance(data, dict) or not isinstance(data.get("notebook"), dict):
        raise ValueError("it has no notebook section")
    book = data["notebook"]
    meta = NotebookMeta(
        uid=str(book.get("uid") or ""),
        title=str(book.get("title") or "Notebook"),
        start_date=book.get("start_date") or None,
        days_per_week=int(book.get("days_per_week") or 5),
        description=str(book.get("description") or ""),
        properties={str(k): str(v) for k, v in dict(book.get("properties") or {}).items()},
        lectures={
            int(lec["number"]): {k: v for k, v in lec.items() if k != "number"}
            for lec in data.get("lectures", [])
            if isinstance(lec, dict) and isinstance(lec.get("number"), int)
        },
    )
    return meta, [str(f) for f in data.get("files", [])]
