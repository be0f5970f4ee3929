"""`studynotes anki`: the package opens in Anki's own library with the expected decks, fields, media and GUIDs."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki.import_export_pb2 import ImportAnkiPackageUpdateCondition

from studynotes.anki_export import export_anki
from studynotes.cli import main
from studynotes.library import Library

BOARD = """# Week 2 questions

## What does $\\sigma^2$ measure?

The spread:

$$\\sigma^2 = \\frac{1}{n}\\sum_i (x_i - \\mu)^2$$

## Where is the minimum?

![the curve](curve.png)

At the bottom of the curve, where $a < b$.

## Why does the loss plateau?
"""


def _png() -> bytes:
    """A real 1×1 PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def lib(library_path: Path, tmp_path: Path, seeds: Path) -> str:
    folder = tmp_path / "week2"
    folder.mkdir()
    (folder / "board.md").write_text(BOARD, encoding="utf-8")
    (folder / "curve.png").write_bytes(_png())
    assert (
        main(
            [
                "--library",
                str(library_path),
                "import",
                str(folder / "board.md"),
                "--notebook",
                "ML",
                "--week",
                "2",
            ]
        )
        == 0
    )
    board = seeds / "question-board-week2.md"
    assert (
        main(["--library", str(library_path), "import", str(board), "--notebook", "ML", "--week", "3"]) == 0
    )
    return str(library_path)


@pytest.fixture
def collection(tmp_path: Path) -> Iterator[Collection]:
    (tmp_path / "anki").mkdir()
    col = Collection(str(tmp_path / "anki" / "collection.anki2"))
    try:
        yield col
    finally:
        col.close()


def _import(
    col: Collection,
    package: Path,
    update: int = ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_ALWAYS,
) -> None:
    options = ImportAnkiPackageOptions(update_notes=update, merge_notetypes=True)
    col.import_anki_package(ImportAnkiPackageRequest(package_path=str(package), options=options))


def _notes(col: Collection) -> dict[str, dict[str, Any]]:
    """Each note by its Question field: its fields, GUID and deck."""
    found = {}
    for note_id in col.find_notes(""):
        note = col.get_note(note_id)
        deck = col.decks.name(note.cards()[0].did)
        found[note["Question"]] = {"fields": dict(note.items()), "guid": note.guid, "deck": deck}
    return found


def test_the_package_opens_in_anki_with_decks_fields_and_media(
    lib: str, tmp_path: Path, collection: Collection, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "ml.apkg"
    assert main(["--library", lib, "anki", "--notebook", "ML", "-o", str(package)]) == 0
    assert "wrote" in capsys.readouterr().err
    _import(collection, package)

    names = {d.name for d in collection.decks.all_names_and_ids()}
    assert {"ML", "ML::Week 2", "ML::Week 3"} <= names
    with Library.open(lib) as library:
        questions = library.questions()
    notes = _notes(collection)
    assert len(notes) == len(questions) == 19

    sigma = notes["<p>What does \\(\\sigma^2\\) measure?</p>"]
    assert sigma["deck"] == "ML::Week 2"
    assert list(sigma["fields"]) == ["Question", "Answer", "Asker", "Lecture", "Page", "Time", "Source"]
    assert "\\[\\sigma^2 = \\frac{1}{n}\\sum_i (x_i - \\mu)^2\\]" in sigma["fields"]["Answer"]

    minimum = next(n for q, n in notes.items() if "minimum" in q)
    answer = minimum["fields"]["Answer"]
    assert "\\(a &lt; b\\)" in answer
    media_dir = Path(collection.media.dir())
    (image,) = [p for p in media_dir.iterdir() if p.suffix == ".png"]
    assert f'src="{image.name}"' in answer and "data:" not in answer
    assert image.read_bytes() == _png()

    korean = next(n for n in notes.values() if n["fields"]["Asker"] == "혜지" and n["fields"]["Page"] == "7")
    assert korean["deck"] == "ML::Week 3"
    assert korean["fields"]["Lecture"].startswith("Lecture 3")
    assert "템플릿" in next(q for q, n in notes.items() if n is korean)


def test_exporting_again_updates_the_same_notes_in_anki(
    lib: str, tmp_path: Path, collection: Collection
) -> None:
    first, second = tmp_path / "first.apkg", tmp_path / "second.apkg"
    with Library.open(lib) as library:
        export_anki(library, first, timestamp=1_780_000_000)
        plateau = next(q for q in library.questions() if "plateau" in q.text)
        library.edit_question(plateau.id, answer="The learning rate is too small.")
        export_anki(library, second, timestamp=1_780_000_060)  # a minute later

    _import(
        collection,
        first,
        update=ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
    )
    before = {n["guid"]: question for question, n in _notes(collection).items()}
    # Anki's own default: a note already there is updated when the package's copy is newer.
    _import(
        collection,
        second,
        update=ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
    )
    after = _notes(collection)
    assert {n["guid"] for n in after.values()} == set(before)  # same GUIDs: nothing duplicated
    plateau_note = next(n for q, n in after.items() if "plateau" in q)
    assert plateau_note["fields"]["Answer"] == "<p>The learning rate is too small.</p>"


def test_open_only_and_nothing_to_export(
    lib: str, tmp_path: Path, collection: Collection, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "open.apkg"
    assert main(["--library", lib, "anki", "--week", "2", "--open-only", "-o", str(package)]) == 0
    _import(collection, package)
    assert list(_notes(collection)) == ["<p>Why does the loss plateau?</p>"]

    capsys.readouterr()
    assert main(["--library", lib, "anki", "--notebook", "Nope", "-o", str(tmp_path / "x.apkg")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no questions to export in 'Nope'" in err
    assert not (tmp_path / "x.apkg").exists()
