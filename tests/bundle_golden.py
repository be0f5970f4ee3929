"""Goldens for whole exports and repositories: the tree a user would draw, as text.

Each bundle under tests/data/bundles/ is imported into a fresh library and its
tree (notebook → weeks → lectures → notes with open/total questions) is written
without ids, so the file reads like the sketch a user would make by hand.
Regenerate with `python tools/regen_bundle_goldens.py`, then read the diff.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from studynotes.cli.output import tree_json
from studynotes.importing import import_paths
from studynotes.library import Library

ROOT = Path(__file__).resolve().parent.parent
BUNDLES = ROOT / "tests" / "data" / "bundles"
GOLDENS = BUNDLES / "goldens"

CASES = {
    "notion-cs231n-study": BUNDLES / "notion" / "cs231n-study",
    "notion-deepml-flipped-school": BUNDLES / "notion" / "deepml-flipped-school",
    "repo-modern-javascript-deep-dive": BUNDLES / "repos" / "mordern_javascript_deepdive",
    "repo-cs-study": BUNDLES / "repos" / "cs-study",
    "repo-advanced-r": BUNDLES / "repos" / "advancedR",
}


def tree_text(library: Library) -> str:
    lines: list[str] = []
    for notebook in tree_json(library):
        lines.append(f"{notebook['title']}  [{_counts(notebook)}]")
        for week in notebook["weeks"]:
            lines.append(f"  {week['label']}  [{_counts(week)}]")
            lines += _branch(week, "    ")
        unsorted = notebook["unsorted"]
        if unsorted["notes"] or unsorted["lectures"]:
            lines.append(f"  Unsorted  [{_counts(unsorted)}]")
            lines += _branch(unsorted, "    ")
    return "\n".join(lines) + "\n"


def _branch(node: dict[str, object], indent: str) -> list[str]:
    lines = [_note(n, indent) for n in node["notes"]]  # type: ignore[attr-defined]
    for lecture in node["lectures"]:  # type: ignore[attr-defined]
        title = f"Lecture {lecture['number']}" + (f": {lecture['title']}" if lecture["title"] else "")
        lines.append(f"{indent}{title}  [{_counts(lecture)}]")
        lines += [_note(n, indent + "  ") for n in lecture["notes"]]
    return lines


def _note(note: dict[str, object], indent: str) -> str:
    date = f" {note['date']}" if note["date"] else ""
    return f"{indent}- {note['title']} ({note['kind']}{date})  [{_counts(note)}]"


def _counts(node: dict[str, object]) -> str:
    return f"{node['open']} open / {node['questions']}" if node["questions"] else "-"


def imported_tree(source: Path, library_path: Path) -> str:
    with Library.open(library_path) as library:
        report = import_paths(library, [source])
        assert not report.errors, [str(e) for e in report.errors]
        return tree_text(library)


def zip_folder(folder: Path, target: Path, *, prefix: str = "", name_encoding: str = "utf-8") -> Path:
    """Zip a folder as Notion does (UTF-8 names, flagged) or as old Windows tools do (CP949, unflagged)."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if not path.is_file():
                continue
            name = prefix + path.relative_to(folder).as_posix()
            if name_encoding == "utf-8":
                info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            else:  # the legacy bytes, unflagged, as Windows tools of the CP949 era wrote them
                info = _LegacyName(
                    name.encode(name_encoding).decode("cp437"), date_time=(2024, 1, 1, 0, 0, 0)
                )
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
    return target


class _LegacyName(zipfile.ZipInfo):
    """A name stored as raw bytes without the UTF-8 flag (Python would otherwise re-encode it)."""

    def _encodeFilenameFlags(self) -> tuple[bytes, int]:
        return self.filename.encode("cp437"), self.flag_bits & ~0x800
