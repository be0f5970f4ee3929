"""Window fixtures: a library with the samples, isolated settings, no web view unless asked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from studynotes.demo import fill_demo_library
from studynotes.library import Library


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def demo_library(tmp_path: Path) -> Iterator[Library]:
    library = Library.open(tmp_path / "demo.sqlite3")
    fill_demo_library(library)
    yield library
    library.close()


@pytest.fixture
def window(qtbot: object, demo_library: Library, settings: QSettings) -> Iterator[object]:
    from studynotes.ui.main_window import MainWindow

    win = MainWindow(demo_library, settings)
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    win.show()
    yield win
    win.close()  # before the library closes
