"""Golden files for importers: every input under tests/data/importers/<format>/
and every seed is parsed and compared with the JSON stored beside it.

Regenerate after a deliberate change with `python tools/regen_golden.py`,
then read the diff: it is the review.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

from studynotes.importers import import_file
from studynotes.model import ImportContext

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "importers"
SEEDS = ROOT / "seeds"

# Which importer each seed is for; sniffing must agree.
SEED_FORMATS = {
    "lecture-chat-log.txt": "chat_log",
    "question-board-week2.md": "question_board",
    "meeting-minutes-0805.md": "minutes",
    "programme-deepml-flipped-school.txt": "programme",
    "daily-log-day15-19.txt": "daily_log",
}


def golden_cases() -> list[tuple[str, Path, Path]]:
    """(format, input file, expected JSON) for every golden input."""
    cases = [(fmt, SEEDS / name, DATA / "seeds" / (name + ".json")) for name, fmt in SEED_FORMATS.items()]
    folders = sorted(p for p in DATA.iterdir() if p.is_dir() and p.name != "seeds") if DATA.is_dir() else []
    for folder in folders:
        for source in golden_inputs(folder):
            cases.append((folder.name, source, source.with_name(source.name + ".json")))
    return cases


def golden_inputs(folder: Path) -> list[Path]:
    """The inputs of a format's folder: every file or export folder that is not another's `NAME.json`.

    A JSON export is an input too (`day.json`, expected in `day.json.json`).
    """
    inputs = []
    for source in sorted(folder.iterdir()):
        if source.name.startswith(".") or source.name == "SOURCES.md":
            continue
        if source.suffix == ".json" and source.with_suffix("").exists():
            continue  # the expected result of the input beside it
        inputs.append(source)
    return inputs


def parsed_as_json(source: Path) -> dict[str, Any]:
    """Import a file the way the CLI does (format sniffed) and make it comparable."""
    imported = import_file(source, ImportContext())
    return {
        "format": imported.format,
        "encoding": imported.encoding,
        "warnings": [str(w) for w in imported.warnings],
        "document": _plain(dataclasses.asdict(imported.document) | {"warnings": None}),
    }


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if not _empty(v) and k != "data"}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _empty(value: Any) -> bool:
    return value is None or value is False or (isinstance(value, str | list | dict) and not value)


def dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
