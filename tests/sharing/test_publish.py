"""`publish`: the notebook as a folder that reads well on GitHub and imports back with its ids."""

from __future__ import annotations

from pathlib import Path

from sharing_notebook import NOTEBOOK
from studynotes.cli import main
from studynotes.importing import import_paths
from studynotes.library import Library, QuestionFilter
from studynotes.sharing.publish import import_folder, publish

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_publish_writes_readable_folders_with_the_same_bytes_every_time(
    seeded: Library, tmp_path: Path
) -> None:
    first = publish(seeded, NOTEBOOK, tmp_path / "one")
    again = publish(seeded, NOTEBOOK, tmp_path / "one")
    publish(seeded, NOTEBOOK, tmp_path / "two")
    assert again.written == 0 and again.removed == 0
    assert _files(tmp_path / "one") == _files(tmp_path / "two")
    files = _files(tmp_path / "one")
    notes = [p for p in files if p.endswith(".md") and p != "README.md"]
    assert len(notes) == first.notes == len(seeded.notes(notebook=NOTEBOOK))
    assert any(p.startswith("week-02/lecture-") for p in notes), notes
    readme = files["README.md"].decode()
    counts = seeded.notebook(seeded.notebook_id(NOTEBOOK) or 0).counts  # type: ignore[union-attr]
    assert f"{counts.open} open of {counts.questions} questions." in readme
    for path in notes:  # every note is linked from the README
        assert path.replace(" ", "%20") in readme
    minutes = next(files[p].decode() for p in notes if "$" in files[p].decode())
    assert r"$\mu$" in minutes  # formulas stay as GitHub renders them
    assert "studynotes.json" in files


def test_a_published_folder_imports_with_the_same_ids_statuses_and_answers(
    seeded: Library, tmp_path: Path
) -> None:
    questions = seeded.questions(QuestionFilter(notebook=NOTEBOOK), include_private=True)
    seeded.set_status(questions[0].id, "answered")
    seeded.edit_question(questions[1].id, answer="An answer with $x^2$ in it")
    publish(seeded, NOTEBOOK, tmp_path / "folder")
    with Library.open(tmp_path / "other" / "library.sqlite3") as other:
        assert import_folder(other, tmp_path / "folder") == (NOTEBOOK, len(seeded.notes(notebook=NOTEBOOK)))
        theirs = other.questions(QuestionFilter(notebook=NOTEBOOK), include_private=True)
        assert [(q.id, q.status, q.answer, q.text, q.asker, q.page) for q in theirs] == [
            (q.id, q.status, q.answer, q.text, q.asker, q.page)
            for q in seeded.questions(QuestionFilter(notebook=NOTEBOOK), include_private=True)
        ]
        assert [(n.id, n.title, n.week, n.lecture) for n in other.notes(notebook=NOTEBOOK)] == [
            (n.id, n.title, n.week, n.lecture) for n in seeded.notes(notebook=NOTEBOOK)
        ]
        publish(other, NOTEBOOK, tmp_path / "again")
    assert _files(tmp_path / "folder") == _files(tmp_path / "again")


def test_attachments_lie_beside_their_notes_and_come_back(tmp_path: Path) -> None:
    source = tmp_path / "notes"
    (source / "images").mkdir(parents=True)
    (source / "images" / "graph.png").write_bytes(PNG)
    (source / "week.md").write_text(
        "# Week notes\n\nThe loss curve:\n\n![curve](images/graph.png)\n", "utf-8"
    )
    with Library.open(tmp_path / "a" / "library.sqlite3") as library:
        assert not import_paths(library, [source / "week.md"], notebook="Pictures").errors
        publish(library, "Pictures", tmp_path / "out")
    notes = [p for p in (tmp_path / "out").rglob("*.md") if p.name != "README.md"]
    assert (notes[0].parent / "images" / "graph.png").read_bytes() == PNG
    with Library.open(tmp_path / "b" / "library.sqlite3") as other:
        import_folder(other, tmp_path / "out")
        notebook_id = other.notebook_id("Pictures")
        stored = other.note(other.notes(notebook_id=notebook_id)[0].id)
        assert stored is not None and [(a.name, a.data) for a in stored.attachments] == [
            ("images/graph.png", PNG)
        ]


def test_publish_leaves_files_it_did_not_write(seeded: Library, tmp_path: Path) -> None:
    folder = tmp_path / "repo"
    (folder / "week-02").mkdir(parents=True)
    (folder / "LICENSE").write_text("CC-BY\n", "utf-8")
    (folder / "week-02" / "scan.txt").write_text("by hand\n", "utf-8")
    publish(seeded, NOTEBOOK, folder)
    assert (folder / "LICENSE").read_text("utf-8") == "CC-BY\n"
    assert (folder / "week-02" / "scan.txt").read_text("utf-8") == "by hand\n"


def test_the_command_line_publishes_and_names_a_missing_notebook(
    seeded: Library, tmp_path: Path, capsys
) -> None:
    path = str(seeded.path)
    assert main(["--library", path, "publish", "--notebook", NOTEBOOK, str(tmp_path / "cli")]) == 0
    assert (tmp_path / "cli" / "README.md").is_file()
    assert main(["--library", path, "publish", "--notebook", "Nope", str(tmp_path / "x")]) == 1
    assert "no notebook called 'Nope'" in capsys.readouterr().err


def test_import_on_the_command_line_recognises_a_published_folder(
    seeded: Library, tmp_path: Path, capsys
) -> None:
    publish(seeded, NOTEBOOK, tmp_path / "folder")
    other = str(tmp_path / "other" / "library.sqlite3")
    assert main(["--library", other, "import", str(tmp_path / "folder"), "--notebook", "Copy"]) == 0
    assert "notebook 'Copy'" in capsys.readouterr().out
    with Library.open(other) as library:
        mine = seeded.questions(QuestionFilter(notebook=NOTEBOOK), include_private=True)
        theirs = library.questions(QuestionFilter(notebook="Copy"), include_private=True)
        assert [(q.id, q.status, q.answer) for q in theirs] == [(q.id, q.status, q.answer) for q in mine]
    assert main(["--library", other, "import", str(tmp_path / "folder"), "--notebook", "Copy"]) == 1
    assert "already exists" in capsys.readouterr().err
