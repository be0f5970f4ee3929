"""A sync killed (SIGKILL) at each step, then run again: the library and the working copy agree with
the remote, nothing is lost and nothing is there twice."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import studynotes
from sharing_notebook import NOTEBOOK
from studynotes.library import Library, QuestionFilter
from studynotes.sharing.repository import WorkingCopy
from studynotes.sharing.sync import sync, working_copy_path

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX-only")

# Each point replaces one step with "die here"; the process never gets to clean up.
WORKER = """
import os, signal, sys
from studynotes.library import Library, sync_store
from studynotes.sharing import repository, sync

def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)

def after(count, original):
    calls = []
    def wrapper(*args, **kwargs):
        calls.append(1)
        if len(calls) == count:
            die()
        return original(*args, **kwargs)
    return wrapper

point = sys.argv[3]
before_push = None
if point == "fetch":
    repository.WorkingCopy.fetch = die
elif point == "apply":
    sync_store.write_note = after(2, sync_store.write_note)
elif point == "push":
    before_push = die
elif point == "check-out":
    import dulwich.index
    dulwich.index.index_entry_from_stat = after(3, dulwich.index.index_entry_from_stat)
library = Library.open(sys.argv[1])
sync.sync(library, sys.argv[2], before_push=before_push)
sys.exit(3)
"""


def _run_killed(library: Library, point: str) -> int:
    env = {"PYTHONPATH": str(Path(studynotes.__file__).parent.parent), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", WORKER, str(library.path), NOTEBOOK, point],
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr.decode()[-2000:]
    return done.returncode


def _questions(library: Library) -> list[tuple[int, str, str]]:
    return [(q.id, q.status, q.answer) for q in library.questions(QuestionFilter(notebook=NOTEBOOK))]


@pytest.mark.parametrize("point", ["fetch", "apply", "push", "check-out"])
def test_a_sync_killed_half_way_completes_on_the_next_run(
    seeded: Library, remote: str, open_library: Callable[[str], Library], point: str
) -> None:
    sync(seeded, NOTEBOOK, remote)
    laptop = open_library("laptop")
    laptop.ensure_notebook(NOTEBOOK)
    sync(laptop, NOTEBOOK, remote)
    questions = laptop.questions(QuestionFilter(notebook=NOTEBOOK))
    by_note: dict[int, int] = {}
    for question in questions:
        by_note.setdefault(question.note_id, question.id)
    theirs, second, mine = list(by_note.values())[:3]
    laptop.edit_question(theirs, answer="From the laptop")
    laptop.edit_question(second, answer="Also from the laptop")
    sync(laptop, NOTEBOOK)
    seeded.edit_question(mine, answer="From the desktop")
    notes_before = len(seeded.notes(notebook=NOTEBOOK))

    _run_killed(seeded, point)
    seeded.changed_elsewhere()
    sync(seeded, NOTEBOOK)  # the rerun
    sync(laptop, NOTEBOOK)

    assert _questions(seeded) == _questions(laptop)
    answers = {q[0]: q[2] for q in _questions(seeded)}
    assert (answers[theirs], answers[second], answers[mine]) == (
        "From the laptop",
        "Also from the laptop",
        "From the desktop",
    )
    assert len(seeded.notes(notebook=NOTEBOOK)) == notes_before  # nothing twice
    assert sqlite3.connect(seeded.path).execute("PRAGMA integrity_check").fetchone() == ("ok",)
    _assert_working_copy_matches_remote(seeded, remote)


def _assert_working_copy_matches_remote(library: Library, remote: str) -> None:
    from dulwich.repo import Repo

    notebook_id = library.notebook_id(NOTEBOOK) or 0
    folder = working_copy_path(library, notebook_id)
    copy = WorkingCopy(folder, library.sync_settings(notebook_id).branch)
    try:
        with Repo(remote) as bare:
            assert copy.head() == bare.refs[copy.branch_ref]
        entries = copy.entries(copy.head())
        on_disk = {
            p.relative_to(folder).as_posix()
            for p in folder.rglob("*")
            if p.is_file() and ".git" not in p.parts
        }
        assert on_disk == set(entries)
        for path, (sha, _) in entries.items():
            assert (folder / path).read_bytes() == copy.blob(sha), path
    finally:
        copy.close()
