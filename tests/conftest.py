"""Shared fixtures: every test gets its own library file and no network."""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

# Qt runs without a display in tests; Chromium (QtWebEngine) refuses to run as root with its sandbox.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    if "--no-sandbox" not in flags:
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = (flags + " --no-sandbox").strip()

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a network connection fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"a test tried to reach the network: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture(autouse=True)
def _isolated_library_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """The default library and the formula cache live in the test's own folder, never the user's."""
    monkeypatch.setenv("STUDYNOTES_LIBRARY", str(tmp_path / "env-library.sqlite3"))
    monkeypatch.setenv("STUDYNOTES_CACHE_DIR", str(tmp_path / "env-cache"))
    yield
    from studynotes.render import formula_cache

    formula_cache.close_shared()


@pytest.fixture
def seeds() -> Path:
    return SEEDS


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "library.sqlite3"


@pytest.fixture
def library_with(tmp_path: Path) -> Iterator[Callable[..., Any]]:
    """A library holding these files: `library_with(seeds / "x.md", ..., notebook="N")`, closed after."""
    from studynotes.importers import import_file
    from studynotes.library import Library

    opened: list[Library] = []

    def make(*paths: Path, notebook: str | None = None, name: str = "holding.sqlite3") -> Library:
        library = Library.open(tmp_path / name)
        opened.append(library)
        with library.batch():
            for path in paths:
                library.save_import(import_file(path), notebook=notebook)
        return library

    yield make
    for library in opened:
        library.close()


@pytest.fixture
def library(library_path: Path) -> Iterator[object]:
    from studynotes.library import Library

    lib = Library.open(library_path)
    try:
        yield lib
    finally:
        lib.close()
