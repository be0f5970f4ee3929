"""Where an unexpected error's traceback goes, so the user sees one line and a bug report has the rest."""

from __future__ import annotations

import traceback
from pathlib import Path


def log_crash(error: BaseException) -> Path:
    """Append the traceback to the crash log; the path (or why not) for the one-line message."""
    from platformdirs import user_log_path

    folder = user_log_path("studynotes", appauthor=False)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / "crash.log"
        with target.open("a", encoding="utf-8") as handle:
            handle.write("".join(traceback.format_exception(error)) + "\n")
    except OSError:
        return Path("(the log could not be written)")
    return target
