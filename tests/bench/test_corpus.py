"""The benchmark corpus: the same files for the same seed, and an import yields the asked numbers.

The figures of bench/run.py mean something only if its corpus imports whole
into the notes and questions it claims; importers change, so this is checked
on a small corpus of the same shape.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from studynotes.importing import import_paths
from studynotes.library import Library

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import corpus  # bench/ is scripts, not a package


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_the_same_seed_writes_the_same_files_and_another_seed_does_not(tmp_path: Path) -> None:
    corpus.generate(tmp_path / "a", notes=60, questions=600, seed=3)
    corpus.generate(tmp_path / "b", notes=60, questions=600, seed=3)
    corpus.generate(tmp_path / "c", notes=60, questions=600, seed=4)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert _files(tmp_path / "a") != _files(tmp_path / "c")


@pytest.mark.parametrize(("notes", "questions"), [(60, 600), (33, 150)])
def test_the_corpus_imports_into_exactly_the_asked_notes_and_questions(
    library: Library, tmp_path: Path, notes: int, questions: int
) -> None:
    info = corpus.generate(tmp_path / "corpus", notes=notes, questions=questions, seed=11)
    assert (info.notes, info.questions) == (notes, questions)
    report = import_paths(library, [tmp_path / "corpus"])
    assert report.errors == []
    assert len(library.notes()) == notes
    assert len(library.questions()) == questions
    assert sorted(nb.title for nb in library.notebooks()) == sorted(info.notebooks)
