"""A long Zoom chat day, one question a line with its answer, and the window showing it: shared
by the tests of long pages in the window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from studynotes.importers import import_file
from studynotes.library import Library


def write_chat(folder: Path, questions: int, text: Callable[[int], str], *, answered: str = ".") -> Path:
    """`questions` messages a second apart from 10:00:00, each answered by the next line."""
    lines = []
    for n in range(questions):
        minute, second = divmod(n, 60)
        lines.append(f"- 1{minute // 60}:{minute % 60:02d}:{second:02d} From 학생{n % 7} : {text(n)}")
        lines.append(f"- > 답변 {n}: 그래서 그렇습니다{answered}")
    chat = folder / "meeting_saved_chat.txt"
    chat.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return chat


def open_on(qtbot: Any, folder: Path, chat: Path) -> tuple[Any, Library]:
    """A window on a new library holding the chat, with its web view made."""
    from studynotes.ui.main_window import MainWindow

    library = Library.open(folder / "library.sqlite3")
    library.save_import(import_file(chat), notebook="Long")
    window = MainWindow(library, QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.preview.create_web_view()
    return window, library


def evaluate(qtbot: Any, pane: Any, script: str) -> Any:
    """The script's value in the page."""
    answers: list[Any] = []
    pane.run_script(script, answers.append)
    qtbot.waitUntil(lambda: bool(answers), timeout=10_000)
    return answers[0]
