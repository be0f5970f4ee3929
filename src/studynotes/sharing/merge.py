"""Three-way merge of a notebook by note, cell and field, never by text lines.

Against the last version both sides had (the base): a change made on one side
is taken; the same change on both is taken once; a question's status changed
on both sides takes the later change; a text (cell, question, answer) edited
on both sides keeps ours in place and theirs beside it as a conflict the user
settles.  An edit beats a delete, so nothing either side wrote is lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from .state import TEXT_FIELDS, AttachmentState, CellState, NotebookMeta, NoteState

STATUS_GROUP = ("status", "resolved_at", "answered_by", "status_changed_at")
T = TypeVar("T")


@dataclass
class MergeNotes:
    """What a merge decided that the user may want to hear about."""

    conflicts: list[str] = field(default_factory=list)  # "note title: answer of a question"
    kept_over_delete: list[str] = field(default_factory=list)
    later_status: list[str] = field(default_factory=list)


def pick(base: T, ours: T, theirs: T) -> tuple[T, bool]:
    """The merged value and whether both sides changed it differently (then ours)."""
    if ours == theirs or theirs == base:
        return ours, False
    if ours == base:
        return theirs, False
    return ours, True


def merge_notes(
    base: dict[str, NoteState], ours: dict[str, NoteState], theirs: dict[str, NoteState], notes: MergeNotes
) -> dict[str, NoteState | None]:
    """Merged state of every note any side has here; None where the note is gone."""
    merged: dict[str, NoteState | None] = {}
    for uid in sorted(base.keys() | ours.keys() | theirs.keys()):
        b, o, t = base.get(uid), ours.get(uid), theirs.get(uid)
        if o is None and t is None:
            merged[uid] = None
        elif o is None or t is None:
            present = o if o is not None else t
            assert present is not None
            if b is None:
                merged[uid] = present  # added on one side
            elif present.comparable() == b.comparable():
                merged[uid] = None  # deleted on one side, untouched on the other
            else:
                notes.kept_over_delete.append(str(present.fields.get("title")))
                merged[uid] = present
        else:
            merged[uid] = merge_note(b or _empty_like(o), o, t, notes)
    return merged


def _empty_like(note: NoteState) -> NoteState:
    return NoteState(uid=note.uid, fields={}, id=note.id)


def merge_note(b: NoteState, o: NoteState, t: NoteState, notes: MergeNotes) -> NoteState:
    if o.comparable() == t.comparable() or t.comparable() == b.comparable():
        return o
    if o.comparable() == b.comparable():
        return t
    fields = {k: pick(b.fields.get(k), o.fields.get(k), t.fields.get(k))[0] for k in o.fields | t.fields}
    title = str(fields.get("title"))
    cells = _merge_cells(b.cells, o.cells, t.cells, title, notes)
    attachments = _merge_attachments(b.attachments, o.attachments, t.attachments)
    week = o.week if o.fields.get("week_number") == fields.get("week_number") else t.week
    return NoteState(o.uid, fields, cells, attachments, week, o.id if o.id is not None else t.id)


def _merge_cells(
    base: list[CellState], ours: list[CellState], theirs: list[CellState], title: str, notes: MergeNotes
) -> list[CellState]:
    b, o, t = ({c.uid: c for c in cells} for cells in (base, ours, theirs))
    kept: dict[str, CellState] = {}
    for uid in b.keys() | o.keys() | t.keys():
        cb, co, ct = b.get(uid), o.get(uid), t.get(uid)
        if co is not None and ct is not None:
            kept[uid] = merge_cell(cb, co, ct, title, notes)
        elif co is not None or ct is not None:
            present = co if co is not None else ct
            assert present is not None
            if cb is None:
                kept[uid] = present
            elif present != cb:
                notes.kept_over_delete.append(f"{title}: a cell")
                kept[uid] = present
    base_order = [c.uid for c in base if c.uid in o and c.uid in t]
    ours_order = [c.uid for c in ours if c.uid in t and c.uid in b]
    primary, secondary = (theirs, ours) if ours_order == base_order else (ours, theirs)
    order = [c.uid for c in primary if c.uid in kept]
    for index, cell in enumerate(secondary):
        if cell.uid in kept and cell.uid not in order:
            before = next((c.uid for c in reversed(secondary[:index]) if c.uid in order), None)
            order.insert(order.index(before) + 1 if before else 0, cell.uid)
    order += [uid for uid in kept if uid not in order]
    return [kept[uid] for uid in order]


def merge_cell(
    base: CellState | None, ours: CellState, theirs: CellState, title: str, notes: MergeNotes
) -> CellState:
    if ours == theirs or (base is not None and theirs == base):
        return ours
    if base is not None and ours == base:
        return theirs
    if ours.kind != theirs.kind:
        return ours
    b = base.values if base is not None and base.kind == ours.kind else {}
    values: dict[str, Any] = {}
    conflicts = dict(pick(base.conflicts if base else {}, ours.conflicts, theirs.conflicts)[0])
    for key in ours.values.keys() | theirs.values.keys():
        if key in STATUS_GROUP:
            continue
        value, both = pick(b.get(key), ours.values.get(key), theirs.values.get(key))
        values[key] = value
        if both and key in TEXT_FIELDS:
            conflicts[key] = str(theirs.values.get(key) or "")
            notes.conflicts.append(f"{title}: {'the text' if key == 'markdown' else key}")
    if ours.kind == "question":
        group = [tuple(c.get(k) for k in STATUS_GROUP) for c in (b, ours.values, theirs.values)]
        chosen, both = pick(*group)
        if both:
            later_theirs = str(theirs.values.get("status_changed_at") or "") > str(
                ours.values.get("status_changed_at") or ""
            )
            chosen = group[2] if later_theirs else group[1]
            notes.later_status.append(f"{title}: {chosen[0]} (the later change)")
        values.update(zip(STATUS_GROUP, chosen, strict=True))
    for key, text in list(conflicts.items()):
        if text == values.get(key):
            del conflicts[key]  # both sides ended up agreeing
    return replace(ours, values=values, conflicts=conflicts)


def _merge_attachments(
    base: list[AttachmentState], ours: list[AttachmentState], theirs: list[AttachmentState]
) -> list[AttachmentState]:
    b, o, t = ({a.name: a for a in items} for items in (base, ours, theirs))
    merged = []
    for name in sorted(b.keys() | o.keys() | t.keys()):
        value, _ = pick(b.get(name), o.get(name), t.get(name))
        if value is None and (o.get(name) or t.get(name)) != b.get(name):
            value = o.get(name) or t.get(name)  # changed on one side, deleted on the other: keep it
        if value is not None:
            merged.append(value)
    return merged


def merge_meta(base: NotebookMeta | None, ours: NotebookMeta, theirs: NotebookMeta) -> NotebookMeta:
    """Settings by key and lectures by number; ours where both changed a value."""
    b = base or ours
    settings = {
        k: pick(b.settings()[k], ours.settings()[k], theirs.settings()[k])[0] for k in ours.settings()
    }
    lectures: dict[int, dict[str, Any]] = {}
    for number in b.lectures.keys() | ours.lectures.keys() | theirs.lectures.keys():
        value, _ = pick(b.lectures.get(number), ours.lectures.get(number), theirs.lectures.get(number))
        if value is None:
            value = ours.lectures.get(number) or theirs.lectures.get(number)
        if value is not None:
            lectures[number] = value
    return NotebookMeta(
        uid=ours.uid,
        title=ours.title,
        start_date=settings["start_date"],
        days_per_week=settings["days_per_week"],
        description=settings["description"],
        properties=settings["properties"],
        lectures=lectures,
    )
