"""`studynotes publish`: a notebook written out as a folder; and that folder read back in."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..library import Library
from ..model import StudyNotesError
from .folder import METADATA, README, Folder, parse_metadata, publish_folder
from .note_file import NoteFileError, parse_note
from .state import NotebookMeta, NoteState


@dataclass(frozen=True)
class PublishResult:
    folder: Path
    notes: int
    written: int  # files whose bytes changed
    removed: int


def notebook_folder(library: Library, notebook_id: int, foreign: set[str] | None = None) -> Folder:
    snapshot = library.snapshot(notebook_id)
    return publish_folder(
        snapshot.meta, snapshot.outline, snapshot.notes, snapshot.week_labels, foreign or set()
    )


def find_notebook(library: Library, title: str) -> int:
    notebook_id = library.notebook_id(title)
    if notebook_id is None:
        raise StudyNotesError(f"no notebook called {title!r} (see `studynotes tree`)")
    return notebook_id


def publish(library: Library, title: str, target: Path) -> PublishResult:
    """Write the notebook into `target`; files this app did not write there are left alone."""
    if target.exists() and not target.is_dir():
        raise StudyNotesError(f"{target}: is a file, not a folder")
    previous = _previous_files(target)
    foreign = {p for p in _files_in(target) if p not in previous}
    folder = notebook_folder(library, find_notebook(library, title), foreign)
    written = 0
    existing = _files_in(target)
    made: set[Path] = set()
    for relative, data in folder.files.items():
        path = target / relative
        if relative in existing and path.read_bytes() == data:
            continue
        if path.parent not in made:  # once per folder, not once per file
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_bytes(data)
        written += 1
    removed = 0
    for relative in sorted(set(previous) - set(folder.files)):
        path = target / relative
        if path.is_file():
            path.unlink()
            removed += 1
            _prune(path.parent, target)
    return PublishResult(target, len(folder.note_paths), written, removed)


def _previous_files(target: Path) -> list[str]:
    try:
        return parse_metadata((target / METADATA).read_text(encoding="utf-8"))[1]
    except (OSError, ValueError):
        return []


def _files_in(target: Path) -> set[str]:
    if not target.is_dir():
        return set()
    return {
        p.relative_to(target).as_posix()
        for p in target.rglob("*")
        if p.is_file() and ".git" not in p.relative_to(target).parts
    }


def _prune(folder: Path, root: Path) -> None:
    while folder != root and folder.is_relative_to(root) and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


# -- reading a folder back ---------------------------------------------------------------
def read_folder(
    files: list[str], read: Callable[[str], bytes | None], where: str
) -> tuple[NotebookMeta, list[NoteState]]:
    """The notebook a published folder (or a commit's tree) holds; `read(path)` gives a file's bytes."""
    data = read(METADATA)
    if data is None:
        raise StudyNotesError(f"{where}: no {METADATA}; not a published studynotes notebook")
    try:
        meta, listed = parse_metadata(data.decode("utf-8"))
    except (ValueError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise StudyNotesError(f"{where}/{METADATA}: cannot be read ({error})") from None
    notes = [read_note(path, read, where) for path in listed if is_note_path(path)]
    return meta, notes


def is_note_path(path: str) -> bool:
    return path.endswith(".md") and path != README


def read_note(path: str, read: Callable[[str], bytes | None], where: str) -> NoteState:
    data = read(path)
    if data is None:
        raise StudyNotesError(f"{where}/{path}: listed in {METADATA} but missing")
    folder = path.rpartition("/")[0]
    try:
        return parse_note(data.decode("utf-8"), lambda name: read(f"{folder}/{name}" if folder else name))
    except (NoteFileError, UnicodeDecodeError) as error:
        raise StudyNotesError(f"{where}/{path}: not a studynotes note ({error})") from None


def is_published_folder(path: Path) -> bool:
    return path.is_dir() and (path / METADATA).is_file()


def import_folder(library: Library, source: Path, *, title: str | None = None) -> tuple[str, int]:
    """Recreate a published notebook, with its ids, statuses and answers; returns (title, notes)."""

    def read(relative: str) -> bytes | None:
        path = source / relative
        return path.read_bytes() if path.is_file() else None

    meta, notes = read_folder(sorted(_files_in(source)), read, str(source))
    name = title or meta.title
    if library.notebook_id(name) is not None:
        raise StudyNotesError(
            f"{source}: a notebook called {name!r} already exists; choose another with --notebook"
        )
    with library.batch():
        notebook_id = library.ensure_notebook(name)
        library.sync_settings(notebook_id)
        if meta.uid:
            library.adopt_notebook_uid(notebook_id, meta.uid)
        library.apply_shared(notebook_id, meta, notes, [])
    return name, len(notes)
