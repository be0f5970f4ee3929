"""The boundaries the design draws, checked on the source: the window changes data only through the
Library's operations, and knows nothing of SQL, the command line or the library's insides."""

from __future__ import annotations

import ast
import re
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[2] / "src" / "studynotes"
SQL = re.compile(r"\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM|PRAGMA)\b")


def _imports(path: Path) -> list[str]:
    """Every module a file imports, as an absolute dotted name."""
    package = ".".join(path.relative_to(SOURCE.parent).with_suffix("").parts[:-1])
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            module = ".".join(p for p in (base, node.module or "") if p)
            found += [module] + [f"{module}.{alias.name}" for alias in node.names]
    return found


def _strings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def test_the_window_writes_no_sql_and_imports_only_the_librarys_public_face() -> None:
    problems = []
    for path in sorted((SOURCE / "ui").rglob("*.py")):
        name = path.relative_to(SOURCE).as_posix()
        for module in _imports(path):
            if module == "sqlite3" or module.startswith(("sqlite3.", "sqlite_utils", "studynotes.cli")):
                problems.append(f"{name} imports {module}")
            elif module.startswith("studynotes.library.") and module.split(".")[2] not in _PUBLIC:
                problems.append(f"{name} imports {module} (a module inside the library)")
        problems += [f"{name} holds SQL: {s[:40]!r}" for s in _strings(path) if SQL.search(s)]
    assert problems == []


# What `studynotes.library` exports; `from ..library import X` names one of these.
_PUBLIC = set(__import__("studynotes.library", fromlist=["__all__"]).__all__)


def test_the_library_importers_and_rendering_import_neither_qt_nor_the_front_ends() -> None:
    problems = []
    for folder in ("library", "importers", "render", "system", "model.py", "export.py"):
        for path in (
            sorted((SOURCE / folder).rglob("*.py")) if (SOURCE / folder).is_dir() else [SOURCE / folder]
        ):
            for module in _imports(path):
                if module.startswith(("PySide6", "studynotes.ui", "studynotes.cli")):
                    problems.append(f"{path.relative_to(SOURCE)} imports {module}")
    assert problems == []
