"""Libraries that share a notebook through a local bare repository (no network, no `git` program)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sharing_notebook import NOTEBOOK
from studynotes.importing import import_paths
from studynotes.library import Library


@pytest.fixture
def seeded(tmp_path: Path, seeds: Path) -> Iterator[Library]:
    """A library holding every seed in one notebook."""
    library = Library.open(tmp_path / "seeded" / "library.sqlite3")
    report = import_paths(
        library, sorted(p for p in seeds.iterdir() if p.name != "README.md"), notebook=NOTEBOOK
    )
    assert not report.errors
    yield library
    library.close()


@pytest.fixture
def remote(tmp_path: Path) -> str:
    from dulwich.repo import Repo

    path = tmp_path / "remote.git"
    Repo.init_bare(str(path), mkdir=True).close()
    return str(path)


@pytest.fixture
def open_library(tmp_path: Path) -> Iterator[Callable[[str], Library]]:
    """Opens (and later closes) the library of a named laptop."""
    opened: list[Library] = []

    def open_(name: str) -> Library:
        library = Library.open(tmp_path / name / "library.sqlite3")
        opened.append(library)
        return library

    yield open_
    for library in opened:
        library.close()
