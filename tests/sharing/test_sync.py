"""`sync`: two or three libraries sharing a notebook through a local bare repository."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from sharing_notebook import NOTEBOOK
from studynotes.library import Library, QuestionFilter
from studynotes.sharing.folder import METADATA
from studynotes.sharing.repository import RemoteUnreachable
from studynotes.sharing.sync import sync, working_copy_path

Opener = Callable[[str], Library]


def _question(library: Library, index: int) -> int:
    return library.questions(QuestionFilter(notebook=NOTEBOOK))[index].id


def _open_question(library: Library) -> int:
    return library.questions(QuestionFilter(notebook=NOTEBOOK, status="open"))[0].id


def _state(library: Library) -> list[tuple[object, ...]]:
    """What a user sees of the notebook: notes with their place, cells, questions and conflicts."""
    notebook_id = library.notebook_id(NOTEBOOK)
    assert notebook_id is not None
    snapshot = library.snapshot(notebook_id)
    return sorted((n.uid, n.week, n.comparable()) for n in snapshot.notes)


def _share(seeded: Library, remote: str, open_library: Opener, *names: str) -> list[Library]:
    sync(seeded, NOTEBOOK, remote)
    others = []
    for name in names:
        library = open_library(name)
        library.ensure_notebook(NOTEBOOK)
        sync(library, NOTEBOOK, remote)
        others.append(library)
    return others


def test_a_second_library_gets_the_notebook_with_the_same_ids(
    seeded: Library, remote: str, open_library: Opener
) -> None:
    (laptop,) = _share(seeded, remote, open_library, "laptop")
    assert _state(laptop) == _state(seeded)
    mine = [(q.id, q.text, q.status) for q in seeded.questions(QuestionFilter(notebook=NOTEBOOK))]
    assert [(q.id, q.text, q.status) for q in laptop.questions(QuestionFilter(notebook=NOTEBOOK))] == mine
    again = sync(laptop, NOTEBOOK)  # later: no arguments, nothing to do
    assert (again.pushed, again.received) == (False, 0)


def test_different_questions_changed_on_two_laptops_both_land(
    seeded: Library, remote: str, open_library: Opener
) -> None:
    (laptop,) = _share(seeded, remote, open_library, "laptop")
    first = _open_question(seeded)
    second = next(q for q in (_question(seeded, 0), _question(seeded, 1)) if q != first)
    seeded.set_status(first, "answered")
    laptop.edit_question(second, answer="From the laptop")
    sync(seeded, NOTEBOOK)
    report = sync(laptop, NOTEBOOK)
    sync(seeded, NOTEBOOK)
    assert report.pushed and report.received == 1 and not report.notes.conflicts
    for library in (seeded, laptop):
        assert library.question(first).status == "answered"  # type: ignore[union-attr]
        assert library.question(second).answer == "From the laptop"  # type: ignore[union-attr]
    assert _state(seeded) == _state(laptop)


@pytest.mark.parametrize("later", ["desktop", "laptop"])
def test_the_same_status_changed_on_both_sides_takes_the_later_change(
    seeded: Library, remote: str, open_library: Opener, later: str
) -> None:
    (laptop,) = _share(seeded, remote, open_library, "laptop")
    question = _open_question(seeded)
    first, second = (laptop, seeded) if later == "desktop" else (seeded, laptop)
    first.set_status(question, "answered")
    second.set_status(question, "answered")
    second.set_status(question, "open")  # changed after the other side's change
    sync(first, NOTEBOOK)
    report = sync(second, NOTEBOOK)
    sync(first, NOTEBOOK)
    assert report.notes.later_status
    for library in (seeded, laptop):
        assert library.question(question).status == "open"  # type: ignore[union-attr]
    assert _statuses_in_history(remote, question) >= {"open", "answered"}  # the other is kept in history


def _statuses_in_history(remote: str, question_id: int) -> set[str]:
    from dulwich.repo import Repo

    from studynotes.sharing.note_file import parse_note

    found = set()
    with Repo(remote) as repo:
        for entry in repo.get_walker():
            tree = entry.commit.tree
            from dulwich.object_store import iter_tree_contents

            for item in iter_tree_contents(repo.object_store, tree):
                if item.path.endswith(b".md") and item.path != b"README.md":
                    note = parse_note(repo[item.sha].as_raw_string().decode())
                    found |= {str(c.values["status"]) for c in note.cells if c.question_id == question_id}
    return found


def test_the_same_answer_edited_on_both_sides_is_kept_as_a_conflict_until_picked(
    seeded: Library, remote: str, open_library: Opener
) -> None:
    (laptop,) = _share(seeded, remote, open_library, "laptop")
    question = _question(seeded, 2)
    seeded.edit_question(question, answer="Desktop's answer")
    laptop.edit_question(question, answer="Laptop's answer")
    sync(seeded, NOTEBOOK)
    report = sync(laptop, NOTEBOOK)
    sync(seeded, NOTEBOOK)
    assert report.notes.conflicts
    for library in (seeded, laptop):  # both sides see both answers
        (conflict,) = library.conflicts()
        assert {conflict.ours, conflict.theirs} == {"Desktop's answer", "Laptop's answer"}
        assert conflict.question_id == question
        assert library.conflicted_questions() == {question}
    (conflict,) = seeded.conflicts()
    seeded.resolve_conflict(conflict.cell_id, "answer", "Both: desktop and laptop")
    sync(seeded, NOTEBOOK)
    sync(laptop, NOTEBOOK)
    for library in (seeded, laptop):
        assert library.conflicts() == []
        assert library.question(question).answer == "Both: desktop and laptop"  # type: ignore[union-attr]


def test_a_cell_deleted_on_one_side_and_edited_on_the_other_is_kept(
    seeded: Library, remote: str, open_library: Opener
) -> None:
    (laptop,) = _share(seeded, remote, open_library, "laptop")
    question = _question(seeded, 3)
    row = seeded.question(question)
    assert row is not None
    note = seeded.note(row.note_id)
    assert note is not None
    cell_id = next(c.id for c in note.cells if c.question is not None and c.question.id == question)
    untouched = next(c.id for c in note.cells if c.id != cell_id)
    seeded.delete_cell(cell_id)
    seeded.delete_cell(untouched)
    laptop.edit_question(question, answer="Still needed")
    sync(seeded, NOTEBOOK)
    report = sync(laptop, NOTEBOOK)
    sync(seeded, NOTEBOOK)
    assert report.notes.kept_over_delete
    for library in (seeded, laptop):
        assert library.question(question).answer == "Still needed"  # type: ignore[union-attr]
        stored = library.note(row.note_id)
        assert stored is not None and untouched not in [
            c.id for c in stored.cells
        ]  # deleted, untouched there
    assert _state(seeded) == _state(laptop)


def test_a_note_moved_on_one_side_and_edited_on_the_other_gets_both(
    seeded: Library, remote: str, open_library: Opener
) -> None:
    (laptop,) = _share(seeded, remote, open_library, "laptop")
    question = _question(seeded, 0)
    row = seeded.question(question)
    assert row is not None
    seeded.move_note(row.note_id, week=7, lecture=None)
    laptop.edit_question(question, answer="Edited while it moved")
    sync(seeded, NOTEBOOK)
    sync(laptop, NOTEBOOK)
    sync(seeded, NOTEBOOK)
    for library in (seeded, laptop):
        moved = library.question(question)
        assert moved is not None and moved.week == 7 and moved.answer == "Edited while it moved"
    assert _state(seeded) == _state(laptop)
    copy = working_copy_path(laptop, laptop.notebook_id(NOTEBOOK) or 0)
    holding = [
        p.relative_to(copy).parts[0]
        for p in copy.rglob("*.md")
        if p.read_text("utf-8").split("\n")[1:2] == [f"# {row.note}"]
    ]
    assert holding == ["week-07"]  # the file moved with the note; no copy stays behind


def test_a_note_deleted_on_one_side_and_untouched_on_the_other_goes(
    seeded: Library, remote: str, open_library: Opener
) -> None:
    (laptop,) = _share(seeded, remote, open_library, "laptop")
    note_id = seeded.notes(notebook=NOTEBOOK)[0].id
    seeded.delete_note(note_id)
    sync(seeded, NOTEBOOK)
    sync(laptop, NOTEBOOK)
    assert laptop.note(note_id) is None
    assert _state(seeded) == _state(laptop)


def test_a_rejected_push_fetches_merges_and_retries(
    seeded: Library, remote: str, open_library: Opener
) -> None:
    laptop, tablet = _share(seeded, remote, open_library, "laptop", "tablet")
    first, second = _question(seeded, 0), _question(seeded, 1)
    seeded.edit_question(first, answer="Desktop")
    laptop.edit_question(second, answer="Laptop")
    pushed_meanwhile = []

    def someone_pushes() -> None:
        if not pushed_meanwhile:
            pushed_meanwhile.append(sync(laptop, NOTEBOOK))

    report = sync(seeded, NOTEBOOK, before_push=someone_pushes)
    assert pushed_meanwhile[0].pushed and report.attempts == 2 and report.pushed
    sync(tablet, NOTEBOOK)
    for library in (seeded, tablet):
        assert library.question(first).answer == "Desktop"  # type: ignore[union-attr]
        assert library.question(second).answer == "Laptop"  # type: ignore[union-attr]


def test_an_unreachable_remote_says_so_and_loses_nothing(
    seeded: Library, tmp_path: Path, open_library: Opener
) -> None:
    missing = str(tmp_path / "not-there.git")
    question = _question(seeded, 0)
    seeded.edit_question(question, answer="Written offline")
    with pytest.raises(RemoteUnreachable, match="cannot reach"):
        sync(seeded, NOTEBOOK, missing)
    assert seeded.question(question).answer == "Written offline"  # type: ignore[union-attr]
    notebook_id = seeded.notebook_id(NOTEBOOK) or 0
    assert seeded.sync_settings(notebook_id).synced_commit == ""
    from dulwich.repo import Repo

    Repo.init_bare(missing, mkdir=True).close()  # back online
    sync(seeded, NOTEBOOK, missing)
    laptop = open_library("laptop")
    laptop.ensure_notebook(NOTEBOOK)
    sync(laptop, NOTEBOOK, missing)
    assert laptop.question(question).answer == "Written offline"  # type: ignore[union-attr]


def test_files_the_app_did_not_write_are_kept_untouched(
    seeded: Library, remote: str, open_library: Opener, tmp_path: Path
) -> None:
    from dulwich import porcelain

    (laptop,) = _share(seeded, remote, open_library, "laptop")
    clone = tmp_path / "by-hand"
    porcelain.clone(remote, str(clone), checkout=True).close()
    foreign = {
        "LICENSE": b"CC-BY 4.0\n",
        "week-02/scan-notes.txt": b"\xffbinary\x00bytes",
        "docs/howto.md": b"# How\n",
    }
    for name, data in foreign.items():
        (clone / name).parent.mkdir(parents=True, exist_ok=True)
        (clone / name).write_bytes(data)
    with porcelain.open_repo_closing(str(clone)) as repo:
        porcelain.add(repo, [str(clone / name) for name in foreign])
        porcelain.commit(repo, message=b"Add files by hand", author=b"A <a@b>", committer=b"A <a@b>")
        porcelain.push(repo, remote, repo.refs.follow(b"HEAD")[0][-1])
    seeded.edit_question(_question(seeded, 0), answer="After the files came")
    sync(seeded, NOTEBOOK)
    sync(laptop, NOTEBOOK)
    for library in (seeded, laptop):
        copy = working_copy_path(library, library.notebook_id(NOTEBOOK) or 0)
        for name, data in foreign.items():
            assert (copy / name).read_bytes() == data
        manifest = (copy / METADATA).read_text("utf-8")
        assert not [name for name in foreign if f'"{name}"' in manifest]
    assert laptop.question(_question(seeded, 0)).answer == "After the files came"  # type: ignore[union-attr]


@pytest.mark.skipif(shutil.which("git") is None, reason="a cross-check with the git program, where installed")
def test_git_itself_finds_the_repository_sound_and_the_working_copy_clean(
    seeded: Library, remote: str, open_library: Opener
) -> None:
    (laptop,) = _share(seeded, remote, open_library, "laptop")
    seeded.edit_question(_question(seeded, 0), answer="Desktop")
    laptop.edit_question(_question(laptop, 1), answer="Laptop")
    sync(seeded, NOTEBOOK)
    sync(laptop, NOTEBOOK)
    copy = working_copy_path(laptop, laptop.notebook_id(NOTEBOOK) or 0)

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        return done.stdout

    git("-C", remote, "fsck", "--strict")
    assert git("-C", str(copy), "status", "--porcelain") == ""
    assert len(git("-C", str(copy), "log", "--merges", "--format=%H").split()) == 1


def test_the_working_copy_holds_what_a_fresh_publish_writes_after_edits_on_both_sides(
    seeded: Library, remote: str, open_library: Opener, tmp_path: Path
) -> None:
    """Notes unchanged since their file was written are not written again: that must never go stale."""
    from studynotes.sharing.publish import publish

    (laptop,) = _share(seeded, remote, open_library, "laptop")
    question = _open_question(seeded)
    seeded.set_status(question, "answered")
    sync(seeded, NOTEBOOK)
    laptop.edit_question(_question(laptop, 1), answer="Laptop")
    row = laptop.question(_question(laptop, 2))
    assert row is not None
    laptop.move_note(row.note_id, week=9, lecture=None)
    sync(laptop, NOTEBOOK)
    sync(seeded, NOTEBOOK)
    for library in (seeded, laptop):
        copy = working_copy_path(library, library.notebook_id(NOTEBOOK) or 0)
        fresh = tmp_path / f"fresh-{library.path.parent.name}"
        publish(library, NOTEBOOK, fresh)
        published = {p.relative_to(fresh).as_posix(): p.read_bytes() for p in fresh.rglob("*") if p.is_file()}
        in_copy = {
            p.relative_to(copy).as_posix(): p.read_bytes()
            for p in copy.rglob("*")
            if p.is_file() and ".git" not in p.relative_to(copy).parts
        }
        assert in_copy == published


def test_a_removed_working_copy_is_fetched_again_and_a_copied_library_syncs(
    seeded: Library, remote: str, tmp_path: Path
) -> None:
    import shutil as files

    sync(seeded, NOTEBOOK, remote)
    copy = working_copy_path(seeded, seeded.notebook_id(NOTEBOOK) or 0)
    files.rmtree(copy)
    seeded.edit_question(_question(seeded, 0), answer="After the folder went")
    assert sync(seeded, NOTEBOOK).pushed
    (tmp_path / "copied").mkdir()
    target = sqlite3.connect(tmp_path / "copied" / "library.sqlite3")
    seeded.conn.backup(target)  # the whole file as another laptop would get it
    target.close()
    with Library.open(tmp_path / "copied" / "library.sqlite3") as copied:
        copied.edit_question(_question(copied, 1), answer="On the copy")
        assert sync(copied, NOTEBOOK).pushed
    sync(seeded, NOTEBOOK)
    assert seeded.question(_question(seeded, 1)).answer == "On the copy"  # type: ignore[union-attr]
