"""A Notion workspace exported as "Markdown & CSV": pages, subpages, databases, links, images.

Notion names every page `Title <32-hex id>.md` and puts its subpages and
images in a folder of the same name; a database is `Name <id>.csv` (and, in
newer exports, `Name <id>_all.csv` with every row) beside a folder of one page
per row, whose first lines under the title are the row's properties.  The
whole export becomes one notebook: a page becomes a note (titles lose their
ids; folders named `Week 2` or `3강` place what they hold), a database becomes
questions or notes (`notion_database`), and links between pages become links
between notes.  Each page keeps its Notion id as its source name, so a newer
export of the same workspace updates it in place.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import ImportContext, ImportFailure, ImportWarning, ParsedDocument, nfc
from . import ImportedFile
from .archive import FileSet
from .bundle_files import PageText, decoded_text, document_file, parse_page
from .note_links import rewrite_links
from .notion_columns import ColumnMapping, Field
from .notion_database import (
    Database,
    database_from_csv,
    questions_document,
    row_note_details,
    row_title,
    row_without_page,
)
from .place_names import Place, place_of_path

_ID_NAME = re.compile(
    r"^(?P<title>.*?)\s+(?P<id>[0-9a-f]{32})(?P<all>_all)?(?:\.(?:md|csv))?$", re.IGNORECASE
)
_EXPORT_FOLDER = re.compile(r"^Export-[0-9a-f-]{8,}$", re.IGNORECASE)
_PROPERTY = re.compile(r"^([^:\n]{1,60}?):\s+(.*\S)\s*$")
_TITLE_LINE = re.compile(r"^#\s+((?:\S++|\s++(?!$))*+)\s*$")  # spaces taken by the run: linear

Progress = Callable[[int, int, str], None]


def split_name(segment: str) -> tuple[str, str | None]:
    """`Week 2 0f3c…e1.md` → ("Week 2", "0f3c…e1"); a name without an id keeps its title."""
    match = _ID_NAME.match(segment)
    if match:
        return match.group("title").strip() or "Untitled", match.group("id").lower()
    stem = re.sub(r"\.(md|csv)$", "", segment, flags=re.IGNORECASE)
    return stem.strip() or "Untitled", None


def looks_like_notion(files: FileSet) -> bool:
    """Notion's names: a page or database file ending in a 32-hex id."""
    return any(
        path.lower().endswith((".md", ".csv")) and split_name(path.rsplit("/", 1)[-1])[1] is not None
        for path in files.entries
    )


@dataclass
class NotionPlan:
    """What an export holds, before anything is parsed: shown in the import dialog."""

    files: FileSet
    notebook: str
    pages: list[str] = field(default_factory=list)  # .md paths that are pages (not database rows)
    databases: list[Database] = field(default_factory=list)
    row_pages: dict[str, list[str]] = field(default_factory=dict)  # database CSV → its row pages
    keys_by_id: dict[str, str] = field(default_factory=dict)
    keys_by_path: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def mappings(self) -> list[ColumnMapping]:
        return [d.mapping for d in self.databases]

    @property
    def total(self) -> int:
        return len(self.pages) + sum(len(rows) for rows in self.row_pages.values()) + len(self.databases)


def plan_notion(files: FileSet, overrides: dict[str, Field], notebook_hint: str) -> NotionPlan:
    """Sort the export's files into pages, databases and row pages; read the databases' columns."""
    plan = NotionPlan(files, notebook_hint)
    paths = files.paths()
    csvs = _database_files(paths)
    row_folders = {_folder_of_csv(path): path for path in csvs}
    for path in paths:
        if not path.lower().endswith(".md"):
            continue
        database = row_folders.get(posixpath.dirname(path))
        if database is not None:
            plan.row_pages.setdefault(database, []).append(path)
        else:
            plan.pages.append(path)
    for path in csvs:
        title, notion = split_name(path.rsplit("/", 1)[-1])
        try:
            text, _data, _warnings = decoded_text(files, path)
        except ImportFailure as failure:
            plan.warnings.append(str(failure))
            continue
        plan.databases.append(database_from_csv(path, title, notion, text, overrides))
    _assign_keys(plan)
    plan.notebook = notebook_hint or _notebook_title(plan)
    return plan


def _database_files(paths: list[str]) -> list[str]:
    """Each database's CSV; where Notion wrote `X.csv` and `X_all.csv`, the one with every row."""
    csvs = [p for p in paths if p.lower().endswith(".csv")]
    full = {p[: -len("_all.csv")] + ".csv" for p in csvs if p.lower().endswith("_all.csv")}
    return [p for p in csvs if p not in full]


def _folder_of_csv(path: str) -> str:
    return re.sub(r"(?i)(_all)?\.csv$", "", path)


def _assign_keys(plan: NotionPlan) -> None:
    """The source name each page, database and row will have: its Notion id, or its path."""
    for path in plan.pages:
        key = _key(path)
        plan.keys_by_path[path] = key
        found = split_name(path.rsplit("/", 1)[-1])[1]
        if found:
            plan.keys_by_id[found] = key
    for database in plan.databases:
        key = f"notion/{database.id}" if database.id else f"notion/{database.path}"
        folder = _folder_of_csv(database.path)
        for path in (database.path, f"{folder}.csv", f"{folder}_all.csv"):  # links name either file
            plan.keys_by_path[path] = key
        if database.id:
            plan.keys_by_id[database.id] = key
        for path in plan.row_pages.get(database.path, []):
            row_key = key if database.mapping.kind == "questions" else _key(path)
            plan.keys_by_path[path] = row_key
            found = split_name(path.rsplit("/", 1)[-1])[1]
            if found:
                plan.keys_by_id[found] = row_key


def _key(path: str) -> str:
    found = split_name(path.rsplit("/", 1)[-1])[1]
    return f"notion/{found}" if found else f"notion/{path}"


def _notebook_title(plan: NotionPlan) -> str:
    """The workspace's one top-level page names the notebook; else the export's own name."""
    tops = {_titles(p)[0] for p in plan.pages + [d.path for d in plan.databases] if _titles(p)}
    if len(tops) == 1:
        return next(iter(tops))
    name = plan.files.name.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    name = re.sub(r"(?i)\.zip$", "", name)
    name = re.sub(r"(?i)[-_ ]*part[-_ ]?\d+$", "", name)
    return "Notion" if _EXPORT_FOLDER.match(name) or not name else name


def _titles(path: str) -> list[str]:
    """The titles along a path, without Notion's ids or its `Export-…` wrapper folder."""
    parts = path.split("/")
    if len(parts) > 1 and _EXPORT_FOLDER.match(parts[0]):
        parts = parts[1:]
    return [split_name(part)[0] for part in parts]


def parse_notion(
    plan: NotionPlan,
    context: ImportContext,
    format_name: str | None,
    progress: Progress | None,
    cancelled: Callable[[], bool],
) -> tuple[list[ImportedFile], list[ImportFailure]]:
    """Every page, database and row of the plan as files ready to save."""
    from ..importing import Cancelled

    parsed: list[ImportedFile] = []
    errors: list[ImportFailure] = []
    done = 0

    def step(path: str) -> None:
        nonlocal done
        if cancelled():
            raise Cancelled
        if progress:
            progress(done, plan.total, path.rsplit("/", 1)[-1])
        done += 1

    reader = _PageReader(plan, context, format_name)
    for path in plan.pages:
        step(path)
        try:
            parsed.append(reader.page(path, row=False))
        except ImportFailure as failure:
            errors.append(failure)
    for database in plan.databases:
        step(database.path)
        try:
            parsed += reader.database(database, step)
        except ImportFailure as failure:
            errors.append(failure)
    return parsed, errors


class _PageReader:
    def __init__(self, plan: NotionPlan, context: ImportContext, format_name: str | None) -> None:
        self.plan, self.context, self.format_name = plan, context, format_name

    def prepare(self, path: str, text: str, *, row: bool) -> tuple[PageText, dict[str, str], str, str]:
        """(text ready to parse, properties, title, body under the properties)."""
        title, properties, body = split_page(text, row=row)
        shown_title = title or split_name(path.rsplit("/", 1)[-1])[0]
        body, images = rewrite_links(
            body, path, self.plan.keys_by_path.get, self.plan.keys_by_id.get, self._is_file, self._is_file
        )
        body = _demote_headings(body)
        return PageText(f"# {shown_title}\n\n{body}", images), properties, shown_title, body

    def _is_file(self, path: str) -> bool:
        return path in self.plan.files.entries and not path.lower().endswith((".md", ".csv"))

    def page(self, path: str, *, row: bool) -> ImportedFile:
        text, data, warnings = decoded_text(self.plan.files, path)
        page, properties, _title, _body = self.prepare(path, text, row=row)
        imported = parse_page(
            self.plan.files,
            path,
            page,
            data=data,
            key=self.plan.keys_by_path.get(path, _key(path)),
            context=self.context,
            format_name=self.format_name,
            notebook_title=self.plan.notebook,
            place=_place(path),
            warnings=warnings,
        )
        for note in imported.document.notes:
            for name, value in properties.items():
                note.properties.setdefault(name, value)
        return imported

    def database(self, database: Database, step: Callable[[str], None]) -> list[ImportedFile]:
        files = self.plan.files
        data = files.read(database.path)
        pages = self._match_rows(database)
        raw_text = data.decode("utf-8-sig", errors="replace")
        results: list[ImportedFile] = []
        if database.mapping.kind == "questions":
            for row in database.rows:
                if row.page_path is not None:
                    step(row.page_path)
                    text, row_data, _warnings = decoded_text(files, row.page_path)
                    data += b"\0" + row_data
                    page, _properties, _title, body = self.prepare(row.page_path, text, row=True)
                    row.body, row.images = body.strip(), page.images
            document = questions_document(database)
            results.append(self._database_file(database, document, data, raw_text))
        else:
            loose = ParsedDocument(format="notion_database")
            for row in database.rows:
                if row.page_path is None:
                    loose.notes.append(row_without_page(database, row))
                    continue
                step(row.page_path)
                imported = self.page(row.page_path, row=True)
                for note in imported.document.notes:
                    row_note_details(database, row, note)
                results.append(imported)
            if loose.notes:
                results.insert(0, self._database_file(database, loose, data, raw_text))
        for path in pages:  # row pages with no line in the CSV (a filtered view was exported)
            step(path)
            results.append(self.page(path, row=True))
        return results

    def _database_file(
        self, database: Database, document: ParsedDocument, data: bytes, raw_text: str
    ) -> ImportedFile:
        document.notebook_title = self.plan.notebook
        for note in document.notes:
            place = _place(database.path)
            if note.week is None:
                note.week = place.week
            if note.lecture is None:
                note.lecture = place.lecture
        return document_file(
            self.plan.files,
            database.path,
            document,
            data=data,
            key=self.plan.keys_by_path[database.path],
            context=self.context,
            raw_text=raw_text,
        )

    def _row_title(self, path: str) -> str:
        """A row page's title as its first line gives it: file names lose `/` and are cut short."""
        try:
            head = self.plan.files.read(path)[:1024].decode("utf-8-sig", errors="ignore")
        except ImportFailure:
            head = ""
        match = _TITLE_LINE.match(head.lstrip("\n").split("\n", 1)[0])
        return nfc(match.group(1)).strip() if match else split_name(path.rsplit("/", 1)[-1])[0]

    def _match_rows(self, database: Database) -> list[str]:
        """Give each CSV row its page (same title, in order); returns the pages left over."""
        by_title: dict[str, list[str]] = {}
        for path in self.plan.row_pages.get(database.path, []):
            by_title.setdefault(self._row_title(path).casefold(), []).append(path)
        for row in database.rows:
            candidates = by_title.get(row_title(database, row).strip().casefold() or "untitled")
            if candidates:
                row.page_path = candidates.pop(0)
                row.page_id = split_name(row.page_path.rsplit("/", 1)[-1])[1]
        return [path for paths in by_title.values() for path in paths]


def _place(path: str) -> Place:
    return place_of_path(_titles(path))


def split_page(text: str, *, row: bool) -> tuple[str, dict[str, str], str]:
    """(title, properties, body) of a Notion page: `# Title`, then `Key: value` lines.

    Database rows always carry properties; on other pages a first paragraph is
    read as properties only when it looks like them (two or more short
    `Key: value` lines), so prose that starts with `Note: …` stays prose.
    """
    lines = text.split("\n")
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    title = ""
    if index < len(lines) and (match := _TITLE_LINE.match(lines[index])):
        title = match.group(1)
        index += 1
    start = index
    while index < len(lines) and not lines[index].strip():
        index += 1
    block: list[tuple[str, str]] = []
    end = index
    while end < len(lines) and lines[end].strip():
        match = _PROPERTY.match(lines[end])
        if match is None:
            block = []
            break
        block.append((match.group(1).strip(), match.group(2).strip()))
        end += 1
    plausible = row or (len(block) >= 2 and all(len(k.split()) <= 3 and len(v) <= 200 for k, v in block))
    if block and plausible:
        return title, dict(block), "\n".join(lines[end:]).strip("\n")
    return title, {}, "\n".join(lines[start:]).strip("\n")


def _demote_headings(body: str) -> str:
    """The page title is the one `#`: a body's own `#` headings move a level down."""
    lines = body.split("\n")
    in_fence = False
    has_h1 = False
    for line in lines:
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        elif not in_fence and line.startswith("# "):
            has_h1 = True
            break
    if not has_h1:
        return body
    out: list[str] = []
    in_fence = False
    for line in lines:
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
        if not in_fence and line.startswith("#") and not line.startswith("######"):
            stripped = line.lstrip("#")
            if stripped.startswith(" "):
                line = "#" + line
        out.append(line)
    return "\n".join(out)


def warnings_of(plan: NotionPlan) -> list[ImportWarning]:
    return [ImportWarning(w) for w in plan.files.skipped + plan.warnings]
