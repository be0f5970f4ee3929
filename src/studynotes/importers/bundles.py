"""Whole exports and repositories: recognised among the paths of an import, planned, parsed.

A `.zip` (or several parts of one), a folder holding a Notion export, or a
folder that is a study repository is one *bundle*: it becomes one notebook,
its files are parsed together so links between them resolve, and it is
reported as one line.  Everything else is imported file by file as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ..model import ImportContext, ImportFailure, ImportWarning
from . import ImportedFile
from .archive import FileSet, part_group, read_folder, read_zips
from .notion_columns import ColumnMapping, Field
from .notion_export import NotionPlan, looks_like_notion, parse_notion, plan_notion
from .slack_bundle import is_export_folder, is_export_zip
from .study_repo import RepoPlan, looks_like_repository, parse_repository, plan_repository

BundleKind = Literal["notion", "repository"]
BUNDLE_FORMATS: dict[BundleKind, str] = {"notion": "Notion export", "repository": "study repository"}
Progress = Callable[[int, int, str], None]
_NOTION_HINT = re.compile(r"\s[0-9a-f]{32}(?:_all)?(?:\.(?:md|csv))?$", re.IGNORECASE)


@dataclass
class Bundle:
    """One export or repository: where it came from, what it is, and its plan."""

    paths: list[Path]
    files: FileSet
    kind: BundleKind
    plan: NotionPlan | RepoPlan
    warnings: list[ImportWarning] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.files.name

    @property
    def mappings(self) -> list[ColumnMapping]:
        return self.plan.mappings if isinstance(self.plan, NotionPlan) else []


def is_bundle_path(path: Path) -> bool:
    """Cheap test (no zip opened): a zip, or a folder that is an export or a repository."""
    if path.is_file():
        return path.suffix.lower() == ".zip"
    if not path.is_dir():
        return False
    if (path / ".git").exists():
        return True
    try:
        names = [child.name for child in path.iterdir()]
    except OSError:
        return False
    if any(_NOTION_HINT.search(name) for name in names):
        return True
    if any(name.lower() == "readme.md" for name in names):
        return looks_like_repository(read_folder(path))
    return False


def split_paths(paths: Iterable[Path]) -> tuple[list[list[Path]], list[Path]]:
    """(bundles, each as the paths of its parts; the other paths) in the order given."""
    groups: dict[str, list[Path]] = {}
    others: list[Path] = []
    for path in paths:
        if is_export_zip(path) or (path.is_dir() and is_export_folder(path)):
            others.append(path)  # a Slack export: one document of its own format
        elif path.is_file() and path.suffix.lower() == ".zip":
            groups.setdefault(f"zip:{path.parent}/{part_group(path)}", []).append(path)
        elif is_bundle_path(path):
            groups[f"dir:{path}"] = [path]
        else:
            others.append(path)
    return [sorted(group) for group in groups.values()], others


def open_bundle(paths: Sequence[Path], overrides: dict[str, Field], notebook: str | None = None) -> Bundle:
    """Read the bundle's file list and plan it; ImportFailure when it cannot be read at all."""
    first = paths[0]
    if first.is_dir():
        files = read_folder(first)
        name = first.name
    else:
        display = (
            str(first) if len(paths) == 1 else f"{first.parent / part_group(first)} ({len(paths)} parts)"
        )
        files = read_zips(paths, display)
        name = part_group(first)
    if not files.entries:
        raise ImportFailure(files.name, "holds nothing that can be imported")
    if looks_like_notion(files):
        plan: NotionPlan | RepoPlan = plan_notion(files, overrides, notebook or "")
        kind: BundleKind = "notion"
    else:
        plan = plan_repository(files, notebook or "", name)
        kind = "repository"
        if not plan.documents:
            raise ImportFailure(files.name, "holds no Markdown or text files")
    warnings = [ImportWarning(message) for message in files.skipped]
    if isinstance(plan, NotionPlan):
        warnings += [ImportWarning(message) for message in plan.warnings]
    return Bundle(list(paths), files, kind, plan, warnings)


def parse_bundle(
    bundle: Bundle,
    context: ImportContext,
    format_name: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> tuple[list[ImportedFile], list[ImportFailure]]:
    """Every page of the bundle parsed; the bundle's own warnings ride on its first file."""
    if isinstance(bundle.plan, NotionPlan):
        parsed, errors = parse_notion(bundle.plan, context, format_name, progress, cancelled)
    else:
        parsed, errors = parse_repository(bundle.plan, context, format_name, progress, cancelled)
    if parsed:
        parsed[0].warnings[:0] = bundle.warnings
    return earliest_date_first(parsed), errors


def earliest_date_first(parsed: list[ImportedFile]) -> list[ImportedFile]:
    """Save the earliest-dated file first: the notebook's start is then settled once,
    instead of moving back (and re-placing every note) with each older page."""
    dated = [(min(d), i) for i, f in enumerate(parsed) if (d := [n.date for n in f.document.notes if n.date])]
    if not dated:
        return parsed
    _, first = min(dated)
    return [parsed[first], *parsed[:first], *parsed[first + 1 :]]
