"""The notes the preview shows, kept between renders and brought up to date from each Change.

A toggle or an edit says exactly what changed; the preview's notes take the new values from the
Change instead of reading the note (or the question) back from the library.  A note whose cells
were added, removed or moved is read again the next time it is shown.  A long note (one the
preview shows in pieces) is not kept: its cells are read from the library as they are rendered.
"""

from __future__ import annotations

from collections import OrderedDict

from ..library import QUESTION_FIELDS, Change, Library
from ..model import Note
from ..render.paged import FIRST_SCREEN_CELLS, PIECE_CELLS

KEPT_NOTES = 200
# A note the preview shows in pieces is read as it is rendered, and never kept here (the pieces
# are rendered from the library, and a change to it renders it again).
LONG_NOTE_CELLS = FIRST_SCREEN_CELLS + PIECE_CELLS


class NoteCache:
    def __init__(self, library: Library) -> None:
        self._library = library
        self._notes: OrderedDict[int, Note] = OrderedDict()

    def notes(self, note_ids: list[int]) -> list[Note]:
        """The notes in order (those that no longer exist left out)."""
        found = []
        for note_id in note_ids:
            note = self._notes.get(note_id)
            if note is None:
                long = self._library.cell_count(note_id) > LONG_NOTE_CELLS
                note = self._library.note(note_id, cells_as_used=long)
                if note is None:
                    continue
                if long:
                    found.append(note)
                    continue
                self._notes[note_id] = note
                while len(self._notes) > KEPT_NOTES:
                    self._notes.popitem(last=False)
            self._notes.move_to_end(note_id)
            found.append(note)
        return found

    def apply(self, change: Change) -> None:
        """Take a Change's values into the kept notes; forget a note the Change cannot describe."""
        structural = {i for k, i in (*change.created, *change.deleted) if k in ("cell", "question")}
        for note_id in change.notes:
            note = self._notes.get(note_id)
            if note is None:
                continue
            if structural or change.placement or ("note", note_id) in change.after:
                del self._notes[note_id]
                continue
            for cell in note.cells:
                cell_values = change.after.get(("cell", cell.id or 0))
                if cell_values and "position" in cell_values:
                    del self._notes[note_id]
                    break
                if cell_values:
                    cell.markdown = str(cell_values.get("markdown", cell.markdown))
                question = cell.question
                values = change.after.get(("question", question.id or 0)) if question else None
                if question is not None and values:
                    for name, value in values.items():
                        if name in QUESTION_FIELDS:
                            setattr(question, QUESTION_FIELDS[name], value)

    def clear(self) -> None:
        self._notes.clear()
