"""The sample notebooks: the seed documents imported the way a study group would."""

from __future__ import annotations

import tempfile
from pathlib import Path

from .importing import ImportReport, import_paths
from .library import Library
from .paths import seeds_dir

# seed file → notebook it belongs in (the minutes and the daily log are one programme)
DEMO_NOTEBOOKS = {
    "lecture-chat-log.txt": "Machine Learning lecture",
    "question-board-week2.md": "CS231n study group",
    "meeting-minutes-0805.md": "boostcamp AI Tech",
    "daily-log-day15-19.txt": "boostcamp AI Tech",
    "programme-deepml-flipped-school.txt": "AIFFEL DeepML Flipped School",
}


def fill_demo_library(library: Library, seeds: Path | None = None) -> ImportReport:
    """Import every seed into its notebook; all of them in one transaction each batch."""
    folder = seeds or seeds_dir()
    report = ImportReport()
    for name, notebook in DEMO_NOTEBOOKS.items():
        part = import_paths(library, [folder / name], notebook=notebook)
        report.files += part.files
        report.errors += part.errors
    return report


class DemoLibrary:
    """The samples in a library of their own, in a temporary folder removed when it closes:
    looking at the samples never adds anything to the user's library."""

    def __init__(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="studynotes-demo-")
        self.library = Library.open(Path(self._folder.name) / "samples.sqlite3")
        try:
            fill_demo_library(self.library)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        self.library.close()
        self._folder.cleanup()
