"""The command line and the window make the same changes: random sequences of operations run
through both give the same rows, and undoing every step in the window gives back the rows it began with."""

from __future__ import annotations

import datetime as dt
import shutil
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QUndoStack

from library_rows import library_rows
from studynotes.cli import main
from studynotes.importers import import_file
from studynotes.library import Library
from studynotes.model import Cell, Question, StudyNotesError
from studynotes.ui.commands import Commands, LibraryEvents

NOTEBOOK = "Study"
# Texts as users type them: Korean (also decomposed, as macOS writes it), padded, formulas, empty.
TEXTS = st.sampled_from(
    [
        "Why does the loss go up?",
        unicodedata.normalize("NFD", "손실함수를 왜 쓰나요?"),
        "  padded  ",
        "$\\sigma^2$ and **bold**",
        "",
        "Renamed",
        "둘째 주",
    ]
)
IDS = st.integers(min_value=1, max_value=34)  # some ids exist, some do not (both sides refuse those)
SMALL = st.integers(min_value=0, max_value=6)


@dataclass(frozen=True)
class Step:
    """One user action, as a command line and as the window's call."""

    argv: list[str]
    call: Callable[[Commands], Any]

    def __repr__(self) -> str:
        return " ".join(self.argv)


def _steps() -> st.SearchStrategy[Step]:
    def status(qid: int, answered: bool) -> Step:
        word = "resolve" if answered else "reopen"
        return Step([word, str(qid)], lambda c: c.set_status(qid, "answered" if answered else "open"))

    def edit(qid: int, field: str, value: str) -> Step:
        return Step(
            ["edit-question", str(qid), f"--{field}", value], lambda c: c.edit_question(qid, **{field: value})
        )

    def page(qid: int, number: int | None) -> Step:
        return Step(
            ["edit-question", str(qid), "--page", str(number) if number is not None else "none"],
            lambda c: c.edit_question(qid, page=number),
        )

    def add_text(note: int, text: str, position: int) -> Step:
        return Step(
            ["add-cell", str(note), "--text", text, "--position", str(position)],
            lambda c: c.add_cell(note, Cell.text(text), position),
        )

    def add_question(note: int, text: str) -> Step:
        return Step(
            ["add-cell", str(note), "--question", text],
            lambda c: c.add_cell(note, Cell.asking(Question(text=text))),
        )

    def week_of(note: int, week: int | None, lecture: int | None) -> Step:
        argv = ["move-note", str(note)] + (["--week", str(week)] if week is not None else [])
        argv += ["--lecture", str(lecture)] if lecture is not None else []
        return Step(argv, lambda c: c.move_note(note, week, lecture))

    def new_note(title: str, week: int | None) -> Step:
        argv = ["add-note", title, "--notebook", NOTEBOOK] + (
            ["--week", str(week)] if week is not None else []
        )
        return Step(argv, lambda c: c.add_note(c.library.notebook_id(NOTEBOOK) or 0, title, week=week))

    def schedule(day: int, days: int) -> Step:
        start = dt.date(2021, 8, 1) + dt.timedelta(days=day)
        return Step(
            ["schedule", NOTEBOOK, "--start", start.isoformat(), "--days", str(days)],
            lambda c: c.set_schedule(c.library.notebook_id(NOTEBOOK) or 0, start, days),
        )

    return st.one_of(
        st.builds(status, IDS, st.booleans()),
        st.builds(edit, IDS, st.sampled_from(["text", "answer", "asker"]), TEXTS),
        st.builds(page, IDS, st.one_of(st.none(), st.integers(0, 30))),
        st.builds(add_text, IDS, TEXTS, SMALL),
        st.builds(add_question, IDS, TEXTS),
        st.builds(
            lambda cell, text: Step(["edit-cell", str(cell), text], lambda c: c.edit_cell(cell, text)),
            IDS,
            TEXTS,
        ),
        st.builds(lambda cell: Step(["delete-cell", str(cell)], lambda c: c.delete_cell(cell)), IDS),
        st.builds(
            lambda cell, to: Step(["move-cell", str(cell), str(to)], lambda c: c.move_cell(cell, to)),
            IDS,
            SMALL,
        ),
        st.builds(
            week_of,
            st.integers(1, 6),
            st.one_of(st.none(), st.integers(1, 4)),
            st.one_of(st.none(), st.integers(1, 5)),
        ),
        st.builds(new_note, TEXTS, st.one_of(st.none(), st.integers(1, 4))),
        st.builds(
            lambda note, t: Step(["rename-note", str(note), t], lambda c: c.rename_note(note, t)),
            st.integers(1, 6),
            TEXTS,
        ),
        st.builds(
            lambda note: Step(["delete-note", str(note)], lambda c: c.delete_note(note)), st.integers(1, 6)
        ),
        st.builds(schedule, st.integers(0, 20), st.integers(0, 8)),
        st.builds(lambda title: Step(["add-notebook", title], lambda c: c.add_notebook(title)), TEXTS),
        st.builds(
            lambda title: Step(
                ["delete-notebook", title],
                lambda c: c.delete_notebook(c.library.notebook_id(title) or 0),
            ),
            st.sampled_from([NOTEBOOK, "Renamed", "Missing"]),
        ),
    )


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    with Library.open(path) as library:
        for name in ("meeting-minutes-0805.md", "question-board-week2.md"):
            library.save_import(import_file(seeds / name), notebook=NOTEBOOK)
    return path


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(_steps(), min_size=1, max_size=8))
def test_the_command_line_and_the_window_make_the_same_changes_and_undo_gives_back_every_row(
    qapp: Any, template: Path, tmp_path_factory: pytest.TempPathFactory, steps: list[Step]
) -> None:
    folder = tmp_path_factory.mktemp("run")
    cli_path, window_path = folder / "cli.sqlite3", folder / "window.sqlite3"
    shutil.copy(template, cli_path)
    shutil.copy(template, window_path)
    cli_outcomes = [main(["--library", str(cli_path), *step.argv]) == 0 for step in steps]

    with Library.open(window_path) as library:
        start = library_rows(library)
        commands = Commands(library, LibraryEvents(), QUndoStack())
        window_outcomes = []
        for step in steps:
            try:
                step.call(commands)
                window_outcomes.append(True)
            except StudyNotesError:
                window_outcomes.append(False)
        assert window_outcomes == cli_outcomes
        with Library.open(cli_path) as by_cli:
            assert library_rows(library, without_times=True) == library_rows(by_cli, without_times=True)
        while commands.undo_stack.canUndo():
            commands.undo_stack.undo()
        assert library_rows(library) == start
