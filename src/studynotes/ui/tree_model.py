"""The notebook → week → lecture → note tree, read lazily from the Library.

Only notebooks are read up front; a node's children are read when the view
first asks for them (canFetchMore/fetchMore), so a library of years opens as
fast as an empty one.  The model holds display records, never database rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QApplication, QStyle, QTreeView

from ..library import Change, Counts, Library
from ..wording import lecture_label, translate, week_label
from .count_words import words
from .tree_delegate import COUNTS_ROLE, TITLE_ROLE

NOTE_MIME = "application/x-studynotes-note"
Index = QModelIndex | QPersistentModelIndex
NodeKey = tuple[str, int]


@dataclass(eq=False)
class Node:
    """One row of the tree.  `kind` is notebook, week, unsorted, lecture or note."""

    kind: str
    id: int
    notebook_id: int
    title: str
    counts: Counts = field(default_factory=Counts)
    number: int | None = None  # week or lecture number
    week_number: int | None = None  # the week a lecture or note sits in
    parent: Node | None = None
    children: list[Node] | None = None  # None: not read yet
    tooltip: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> NodeKey:
        return (self.kind, self.id)

    def row(self) -> int:
        siblings = self.parent.children if self.parent and self.parent.children is not None else []
        return siblings.index(self) if self in siblings else 0


def front_pages(library: Library, notebook_id: int) -> list[Any]:
    """A notebook's programme pages with no week: they define its schedule, so they head the
    notebook instead of waiting under Unsorted."""
    return [
        n
        for n in library.notes(notebook_id=notebook_id, unsorted=True, direct_only=True)
        if n.kind == "programme"
    ]


def unsorted_beyond(library: Library, notebook_id: int, fronts: int) -> bool:
    """Unsorted has something besides the front pages shown at the notebook's top."""
    direct = library.notes(notebook_id=notebook_id, unsorted=True, direct_only=True)
    return len(direct) > fronts or bool(library.lectures(notebook_id, None))


def unsorted_counts(library: Library, notebook_id: int) -> Counts:
    """Unsorted's open/total questions, the front pages' left out (they are counted at the top)."""
    counts = library.unsorted_counts(notebook_id)
    for page in front_pages(library, notebook_id):
        counts = Counts(counts.questions - page.counts.questions, counts.open - page.counts.open)
    return counts


class LibraryTreeModel(QAbstractItemModel):
    moveRequested = Signal(int, object, object)  # note id, week number or None, lecture number or None

    def __init__(self, library: Library, parent: Any = None) -> None:
        super().__init__(parent)
        self._library = library
        self._root = Node("root", 0, 0, "")
        self._root.children = []
        self._icons: dict[str, Any] = {}
        self._due: dict[NodeKey, int] = {}  # answered questions due for review, per node
        self.reload()

    # -- loading -------------------------------------------------------------
    def reload(self) -> None:
        """Re-read from the library; the view restores expansion by node keys."""
        self.beginResetModel()
        self._root.children = [
            Node(
                "notebook",
                nb.id,
                nb.id,
                nb.title,
                nb.counts,
                parent=self._root,
                tooltip=nb.description or nb.title,
            )
            for nb in self._library.notebooks()
        ]
        self.endResetModel()

    def _read_children(self, node: Node) -> list[Node]:
        lib = self._library
        if node.kind == "notebook":
            kids = [
                Node(
                    "week",
                    w.id,
                    node.id,
                    week_label(w.number, w.first_day, w.label),
                    w.counts,
                    number=w.number,
                    week_number=w.number,
                    parent=node,
                    tooltip=w.first_day.isoformat() if w.first_day else "",
                )
                for w in lib.weeks(node.id)
            ]
            fronts = front_pages(lib, node.id)
            kids[:0] = [self._note_node(n, node) for n in fronts]
            if lib.has_unsorted(node.id) and unsorted_beyond(lib, node.id, len(fronts)):
                kids.append(
                    Node(
                        "unsorted",
                        node.id,
                        node.id,
                        translate("Tree", "Unsorted"),
                        unsorted_counts(lib, node.id),
                        parent=node,
                        tooltip=translate("Tree", "Notes with no week yet: drag them onto a week"),
                    )
                )
            return kids
        if node.kind in ("week", "unsorted"):
            week_id = node.id if node.kind == "week" else None
            if week_id is None:
                notes = lib.notes(notebook_id=node.notebook_id, unsorted=True, direct_only=True)
            else:
                notes = lib.notes(week_id=week_id, direct_only=True)
            kids = [self._note_node(n, node) for n in notes]
            kids += [
                Node(
                    "lecture",
                    lec.id,
                    node.notebook_id,
                    lecture_label(lec.number, lec.title),
                    lec.counts,
                    number=lec.number,
                    week_number=node.number,
                    parent=node,
                    children=None if lec.notes else [],  # no arrow on a lecture with nothing under it
                    tooltip=" · ".join(
                        filter(None, [lec.date.isoformat() if lec.date else "", *lec.properties.values()])
                    ),
                )
                for lec in lib.lectures(node.notebook_id, week_id)
            ]
            return kids
        if node.kind == "lecture":
            return [self._note_node(n, node) for n in lib.notes(lecture_id=node.id)]
        return []

    def _note_node(self, info: Any, parent: Node) -> Node:
        date = info.date.isoformat() if info.date else ""
        return Node(
            "note",
            info.id,
            info.notebook_id,
            info.title,
            info.counts,
            week_number=info.week,
            parent=parent,
            tooltip=" · ".join(filter(None, [info.kind, date])),
            extra={"lecture": info.lecture},
        )

    def canFetchMore(self, parent: Index) -> bool:
        node = self.node(parent)
        return node.children is None and node.kind != "note"

    def fetchMore(self, parent: Index) -> None:
        node = self.node(parent)
        if node.children is not None:
            return
        kids = self._read_children(node)
        if kids:
            self.beginInsertRows(parent, 0, len(kids) - 1)
            node.children = kids
            self.endInsertRows()
        else:
            node.children = []

    def refresh_counts(self) -> None:
        """Re-read the open/total counts of every loaded node (after a status change)."""
        lib = self._library
        by_notebook = {nb.id: nb.counts for nb in lib.notebooks()}
        for notebook in self._root.children or []:
            notebook.counts = by_notebook.get(notebook.id, Counts())
            if notebook.children is None:
                continue
            weeks = {w.id: w.counts for w in lib.weeks(notebook.id)}
            lecture_counts = {
                lec.id: lec.counts for w in [*weeks, None] for lec in lib.lectures(notebook.id, w)
            }
            note_counts = {n.id: n.counts for n in lib.notes(notebook_id=notebook.id)}
            for node in self._walk(notebook):
                if node.kind == "week":
                    node.counts = weeks.get(node.id, Counts())
                elif node.kind == "unsorted":
                    node.counts = unsorted_counts(lib, notebook.id)
                elif node.kind == "lecture":
                    node.counts = lecture_counts.get(node.id, Counts())
                elif node.kind == "note":
                    node.counts = note_counts.get(node.id, Counts())
        self._emit_all_changed(self._root)

    def set_due(self, due: dict[NodeKey, int]) -> None:
        """Show how many questions each node has due for review (beside open/total)."""
        if due != self._due:
            self._due = due
            self._emit_all_changed(self._root)

    def expanded_keys(self, view: QTreeView) -> list[tuple[str, int]]:
        """The nodes open in a view, to open again after a reload."""
        keys = []
        stack = [QModelIndex()]
        while stack:
            parent = stack.pop()
            for row in range(self.rowCount(parent)):
                index = self.index(row, 0, parent)
                if view.isExpanded(index):
                    keys.append(self.node(index).key)
                    stack.append(index)
        return keys

    def apply_change(self, change: Change) -> None:
        """Take the counts and titles a Change reports onto the loaded nodes it names (no reads)."""
        notebooks = {nb for kind, nb in change.counts if kind == "notebook"}
        notebooks |= {i for kind, i in change.after if kind == "notebook"}
        titles = {
            ("note", i): v["title"]
            for (kind, i), v in change.after.items()
            if kind == "note" and "title" in v
        }
        for notebook in self._root.children or []:
            if notebook.id not in notebooks and not titles:
                continue
            for node in [notebook, *self._walk(notebook)]:
                counts, title = change.counts.get(node.key), titles.get(node.key)
                if counts is None and title is None:
                    continue
                node.counts = counts if counts is not None else node.counts
                if node.kind == "unsorted" and counts is not None:  # its front pages head the notebook
                    node.counts = unsorted_counts(self._library, notebook.id)
                node.title = title if title is not None else node.title
                index = self.index_of(node)
                self.dataChanged.emit(index, index)

    def _emit_all_changed(self, node: Node) -> None:
        if node.children:
            parent = self.index_of(node)
            self.dataChanged.emit(self.index(0, 0, parent), self.index(len(node.children) - 1, 0, parent))
            for child in node.children:
                self._emit_all_changed(child)

    def _walk(self, node: Node) -> list[Node]:
        found = []
        for child in node.children or []:
            found.append(child)
            found += self._walk(child)
        return found

    def find(self, key: NodeKey, *, load: bool = True) -> QModelIndex:
        """The index of a node by key, reading the branches it may hide in."""
        for notebook in self._root.children or []:
            if key == notebook.key:
                return self.index_of(notebook)
            stack = [notebook]
            while stack:
                node = stack.pop()
                if node.children is None and load and node.kind != "note":
                    self.fetchMore(self.index_of(node))
                for child in node.children or []:
                    if child.key == key:
                        return self.index_of(child)
                    stack.append(child)
        return QModelIndex()

    def note_index(self, note_id: int) -> QModelIndex:
        """Open only the branches on the note's path, not every notebook before it."""
        place = self._library.note_place(note_id)
        if place is None:
            return QModelIndex()
        notebook_id, week_id, lecture_id = place
        path: list[NodeKey] = [
            ("notebook", notebook_id),
            ("week", week_id) if week_id is not None else ("unsorted", notebook_id),
        ]
        if lecture_id is not None:
            path.append(("lecture", lecture_id))
        path.append(("note", note_id))
        node = self._root
        for key in path:
            if node.children is None:
                self.fetchMore(self.index_of(node))
            found = next((child for child in node.children or [] if child.key == key), None)
            if found is None:
                return self.find(("note", note_id))  # placed differently than expected: search
            node = found
        return self.index_of(node)

    # -- the Qt model interface ----------------------------------------------------
    def node(self, index: Index) -> Node:
        if index.isValid():
            node = index.internalPointer()
            if isinstance(node, Node):
                return node
        return self._root

    def index_of(self, node: Node) -> QModelIndex:
        if node is self._root or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row(), 0, node)

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        node = self.node(parent)
        kids = node.children or []
        if column != 0 or not 0 <= row < len(kids):
            return QModelIndex()
        return self.createIndex(row, 0, kids[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        node = self.node(index)
        return self.index_of(node.parent) if node.parent is not None else QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children or [])

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 1

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:
        node = self.node(parent)
        if node.kind == "note":
            return False
        return node.children is None or bool(node.children)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self.node(index)
        if role == Qt.ItemDataRole.DisplayRole:
            counts = self._counts_text(node)
            return f"{node.title} · {counts}" if counts else node.title
        if role == COUNTS_ROLE:  # painted whole at the right of the row, the title elided before it
            return self._counts_text(node)
        if role == TITLE_ROLE:
            return node.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return node.tooltip or node.title
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(node.kind)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            kind = {
                "notebook": translate("Tree", "notebook"),
                "week": translate("Tree", "week"),
                "unsorted": translate("Tree", "unsorted notes"),
                "lecture": translate("Tree", "lecture"),
                "note": translate("Tree", "note"),
            }.get(node.kind, node.kind)
            return f"{kind} {node.title}, {words().open_of(node.counts.open, node.counts.questions)}"
        return None

    def _counts_text(self, node: Node) -> str | None:
        """`3 open / 16 · 2 due`: none for a node without questions."""
        if not node.counts.questions:
            return None
        text = translate("Tree", "{open} open / {total}").format(
            open=node.counts.open, total=node.counts.questions
        )
        due = self._due.get(node.key)
        return text + translate("Tree", " · {due} due").format(due=due) if due else text

    def _icon(self, kind: str) -> Any:
        if kind not in self._icons:
            style = QApplication.style()
            pixmap = {
                "notebook": QStyle.StandardPixmap.SP_DirHomeIcon,
                "week": QStyle.StandardPixmap.SP_DirIcon,
                "unsorted": QStyle.StandardPixmap.SP_DirLinkIcon,
                "lecture": QStyle.StandardPixmap.SP_FileDialogDetailedView,
                "note": QStyle.StandardPixmap.SP_FileIcon,
            }.get(kind, QStyle.StandardPixmap.SP_FileIcon)
            self._icons[kind] = style.standardIcon(pixmap) if style else None
        return self._icons[kind]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        kind = self.node(index).kind
        if kind == "note":
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        if kind in ("week", "lecture", "unsorted"):
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        return flags

    # -- drag a note onto a week or lecture -----------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [NOTE_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        data = QMimeData()
        notes = [self.node(i) for i in indexes if i.isValid() and self.node(i).kind == "note"]
        if notes:
            data.setData(NOTE_MIME, f"{notes[0].id}:{notes[0].notebook_id}".encode())
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return self._drop_target(data, parent) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        target = self._drop_target(data, parent)
        if target is None:
            return False
        self.moveRequested.emit(*target)
        return False  # the move reloads the tree; nothing for the view to remove

    def _drop_target(self, data: QMimeData, parent: Index) -> tuple[int, int | None, int | None] | None:
        if not data.hasFormat(NOTE_MIME):
            return None
        note_id, notebook_id = (int(p) for p in bytes(data.data(NOTE_MIME).data()).decode().split(":"))
        node = self.node(parent)
        if node.notebook_id != notebook_id or node.kind not in ("week", "lecture", "unsorted"):
            return None
        if node.kind == "week":
            return note_id, node.number, None
        if node.kind == "lecture":
            return note_id, node.week_number, node.number
        return note_id, None, None
