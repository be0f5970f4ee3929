"""Questions as an Anki package (.apkg), written with `genanki`.

One deck per notebook with a subdeck per week (`Notebook::Week 2`), one note per
question.  A note's GUID comes from the question's id (and its notebook's
creation time, so two libraries never share one): exporting again updates the
cards already in Anki instead of adding copies.  Formulas keep their LaTeX between
Anki's MathJax delimiters; images travel as media files.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import html
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .library import QuestionFilter, QuestionRow
from .model import Note, StudyNotesError

if TYPE_CHECKING:
    from .library import Library

MODEL_ID = 1_734_208_117  # fixed: Anki recognises the note type on every import
FIELDS = ("Question", "Answer", "Asker", "Lecture", "Page", "Time", "Source")
_DATA_IMAGE = re.compile(r'src="data:image/([a-z0-9.+-]+);base64,([A-Za-z0-9+/=]+)"')
_EXTENSIONS = {"jpeg": "jpg", "svg+xml": "svg"}
_CSS = """.card { font-family: sans-serif; font-size: 18px; text-align: left; }
.meta { color: #777; font-size: 13px; margin-top: 1em; }
pre { text-align: left; white-space: pre-wrap; }"""
_FRONT = '{{Question}}<div class="meta">{{Asker}} {{Lecture}} {{#Page}}p. {{Page}}{{/Page}} {{Time}}</div>'
_BACK = '{{FrontSide}}<hr id="answer">{{Answer}}<div class="meta">{{Source}}</div>'


@dataclass(frozen=True)
class AnkiExport:
    """What went into a package."""

    notes: int
    decks: tuple[str, ...]
    media: int


def deck_name(notebook: str, week: int | None) -> str:
    """`Notebook::Week 2`; a `::` inside a title would nest decks, so it becomes `:`."""
    return f"{notebook.replace('::', ':')}::" + (f"Week {week}" if week is not None else "Unsorted")


def _stable_id(text: str) -> int:
    """A deck id from its name: the same deck in every export."""
    return (1 << 30) + int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:12], 16) % (1 << 40)


def export_anki(
    library: Library,
    output: Path,
    *,
    notebook: str | None = None,
    week: int | None = None,
    open_only: bool = False,
    timestamp: float | None = None,
) -> AnkiExport:
    """Write the selected questions to `output` as an Anki package.

    Notes carry the export's time (`timestamp`, now by default) as their modification
    time: Anki updates a note it already has when the package's copy is newer."""
    import genanki

    rows = library.questions(
        QuestionFilter(notebook=notebook, week=week, status="open" if open_only else None)
    )
    if not rows:
        raise StudyNotesError("no questions to export" + (f" in {notebook!r}" if notebook else ""))
    model = genanki.Model(
        MODEL_ID,
        "studynotes question",
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "Recall", "qfmt": _FRONT, "afmt": _BACK}],
        css=_CSS,
    )
    decks: dict[str, Any] = {}
    notes: dict[int, Note | None] = {}
    origins: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="studynotes-anki-") as folder:
        media = _Media(Path(folder))
        for row in rows:
            if row.note_id not in notes:
                notes[row.note_id] = library.note(row.note_id)
            name = deck_name(row.notebook, row.week)
            deck = decks.get(name)
            if deck is None:
                deck = decks[name] = genanki.Deck(_stable_id(name), name)
            if row.notebook not in origins:
                origins[row.notebook] = library.notebook_origin(row.notebook)
            deck.add_note(
                genanki.Note(
                    model=model,
                    fields=_fields(row, notes[row.note_id], media),
                    guid=genanki.guid_for("studynotes", origins[row.notebook], row.id),
                    tags=[row.status],
                )
            )
        package = genanki.Package(list(decks.values()), media_files=media.paths())
        try:
            package.write_to_file(str(output), timestamp=timestamp)
        except OSError as error:
            raise StudyNotesError(f"{output}: cannot be written ({error.strerror})") from None
        return AnkiExport(len(rows), tuple(sorted(decks)), len(media.paths()))


def _fields(row: QuestionRow, note: Note | None, media: _Media) -> list[str]:
    from .render import render_markdown

    attachments = note.attachments if note else []
    lecture = ""
    if row.lecture is not None:
        title = note.lecture_title if note and note.lecture == row.lecture else None
        lecture = f"Lecture {row.lecture}" + (
            f": {title}" if title and title != f"Lecture {row.lecture}" else ""
        )
    values = [
        media.take(render_markdown(row.text, attachments, typeset=False)),
        media.take(render_markdown(row.answer, attachments, typeset=False)) if row.answer else "",
        row.asker,
        lecture,
        str(row.page) if row.page is not None else "",
        row.media_time or row.asked_at or "",
        row.note,
    ]
    return [value if index < 2 else html.escape(value) for index, value in enumerate(values)]


class _Media:
    """Images written out once each, named by their content."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._written: dict[str, Path] = {}

    def take(self, fragment: str) -> str:
        """The fragment with each inline image replaced by a media file of its own."""

        def replace(match: re.Match[str]) -> str:
            try:
                data = base64.b64decode(match.group(2), validate=True)
            except binascii.Error:
                return match.group(0)
            kind = match.group(1)
            name = f"studynotes-{hashlib.sha256(data).hexdigest()[:20]}.{_EXTENSIONS.get(kind, kind)}"
            if name not in self._written:
                path = self._folder / name
                path.write_bytes(data)
                self._written[name] = path
            return f'src="{name}"'

        return _DATA_IMAGE.sub(replace, fragment)

    def paths(self) -> list[str]:
        return [str(path) for path in self._written.values()]
