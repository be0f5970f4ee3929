"""The lazy tree model: Qt's model checks, counts, and drag-to-move."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex

from studynotes.library import Library, QuestionFilter
from studynotes.ui.tree_model import NOTE_MIME, LibraryTreeModel


def _expand_all(model: LibraryTreeModel, parent: QModelIndex = QModelIndex()) -> list[QModelIndex]:
    found = []
    if model.canFetchMore(parent):
        model.fetchMore(parent)
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        found.append(index)
        found += _expand_all(model, index)
    return found


def test_tree_model_passes_qt_model_checks(qtmodeltester: object, demo_library: Library) -> None:
    model = LibraryTreeModel(demo_library)
    _expand_all(model)
    qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]


def test_only_notebooks_are_read_until_a_branch_is_opened(demo_library: Library) -> None:
    model = LibraryTreeModel(demo_library)
    titles = [model.node(model.index(r, 0)).title for r in range(model.rowCount())]
    assert titles == sorted(nb.title for nb in demo_library.notebooks())
    first = model.index(0, 0)
    assert model.rowCount(first) == 0 and model.hasChildren(first) and model.canFetchMore(first)
    model.fetchMore(first)
    assert model.rowCount(first) > 0 and not model.canFetchMore(first)


def test_every_question_is_counted_once_in_the_tree(demo_library: Library) -> None:
    model = LibraryTreeModel(demo_library)
    nodes = [model.node(i) for i in _expand_all(model)]
    notebooks = [n for n in nodes if n.kind == "notebook"]
    notes = [n for n in nodes if n.kind == "note"]
    assert sum(n.counts.questions for n in notebooks) == len(demo_library.questions())
    assert sum(n.counts.questions for n in notes) == len(demo_library.questions())
    assert sum(n.counts.open for n in notes) == len(demo_library.questions(QuestionFilter(status="open")))


def test_dropping_a_note_on_a_week_asks_to_move_it(qtbot: object, demo_library: Library) -> None:
    model = LibraryTreeModel(demo_library)
    nodes = [model.node(i) for i in _expand_all(model)]
    note = next(n for n in nodes if n.kind == "note")
    week = next((n for n in nodes if n.kind == "week" and n.notebook_id == note.notebook_id), None)
    target = week or next(n for n in nodes if n.kind == "unsorted" and n.notebook_id == note.notebook_id)
    data = model.mimeData([model.index_of(note)])
    assert data.hasFormat(NOTE_MIME)
    other = next(n for n in nodes if n.kind in ("week", "unsorted") and n.notebook_id != note.notebook_id)
    assert not model.canDropMimeData(data, model.supportedDropActions(), -1, 0, model.index_of(other))
    with qtbot.waitSignal(model.moveRequested) as moved:  # type: ignore[attr-defined]
        model.dropMimeData(data, model.supportedDropActions(), -1, 0, model.index_of(target))
    assert moved.args == [note.id, target.number, None]
