"""The window: tree on the left, preview in the centre, questions on the right.

It holds no data of its own: models over the Library, and every change goes
through an undoable command that announces what changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QSettings, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QFontInfo,
    QKeySequence,
    QMouseEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QMainWindow,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..library import Change, Library
from ..model import StudyNotesError

if TYPE_CHECKING:
    from ..render import Theme
from . import window_changes, window_settings
from .commands import Commands, LibraryEvents
from .content import NodeContent, content_of, notebook_overview
from .count_words import words
from .empty_page import empty_page
from .note_cache import NoteCache
from .preview_host import PreviewHost, render_job
from .questions import QuestionPanel
from .search_panel import SearchPanel
from .selection_history import BackForwardButtons, SelectionHistory
from .tree_delegate import CountsDelegate
from .tree_model import LibraryTreeModel, Node
from .welcome import WelcomePage

translate = QCoreApplication.translate

WATCH_INTERVAL_MS = 1500
READING_SCALE = 9 / 8  # the preview reads a little larger than the menus: 15 px beside 10 pt at 96 dpi


class MainWindow(QMainWindow):
    def __init__(self, library: Library, settings: QSettings, *, page_after_paint: bool = False) -> None:
        """`page_after_paint`: the selection restored at start shows its questions at once and its
        page only when `show_page` is called, after the first paint (the web view comes then too)."""
        super().__init__()
        self.library = library
        self.settings = settings
        self.events = LibraryEvents(self)
        self.undo_stack = QUndoStack(self)
        self.commands = Commands(library, self.events, self.undo_stack)
        self.note_cache = NoteCache(library)
        self.setWindowTitle(translate("MainWindow", "studynotes — {file}").format(file=library.path.name))
        self.setAcceptDrops(True)
        self._content: NodeContent | None = None
        self.selection_history = SelectionHistory()
        self._demo_windows: list[QMainWindow] = []
        self._on_close: list[Any] = []  # what to let go of after the window closes (a demo's library)
        self.editor_pane: Any = None  # made on the first Ctrl+E
        self.import_action: QAction
        self.export_action: QAction
        self.edit_action: QAction

        self.tree_model = LibraryTreeModel(library, self)
        self.tree = QTreeView()
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.setItemDelegate(CountsDelegate(self.tree))  # titles elide, counts stay whole
        self.tree.setAccessibleName(translate("MainWindow", "Notebooks"))
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDropIndicatorShown(True)
        self.search = SearchPanel(library)
        self.left = left = QSplitter(Qt.Orientation.Vertical)
        search_box = QWidget()
        box = QVBoxLayout(search_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.search)
        left.addWidget(search_box)
        left.addWidget(self.tree)
        left.setStretchFactor(1, 3)
        left.setCollapsible(1, False)
        self.preview = PreviewHost()
        self.welcome = WelcomePage()
        self.preview.insertWidget(0, self.welcome)
        self.questions = QuestionPanel()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.preview)
        self.splitter.addWidget(self.questions)
        # A narrower window takes width from all three, most from the preview, never all from it.
        for pane, stretch in ((0, 1), (1, 3), (2, 1)):
            self.splitter.setStretchFactor(pane, stretch)
        self.splitter.setSizes([280, 600, 440])  # the question list gets room for its text
        self.setCentralWidget(self.splitter)
        # The mouse's back/forward buttons walk the selection history, over the preview too.
        self.mouse_buttons = BackForwardButtons(self.go_back, self.go_forward, self)
        for widget in (self.tree.viewport(), self.questions.table.viewport(), self.search.results.viewport()):
            self.mouse_buttons.watch(widget)
        self._build_actions()
        self._connect()
        from . import context_menus

        context_menus.install(self)
        self._page_waits = page_after_paint
        self._restore_settings()
        self._page_waits = False
        self.zoom_label = QLabel()
        self.zoom_label.setToolTip(self.tr("The preview's text size (Ctrl+0 resets it)"))
        self.statusBar().addPermanentWidget(self.zoom_label)
        self._show_zoom()
        self._show_welcome_if_empty()
        if library.read_only:
            banner = QLabel(translate("MainWindow", "Read-only: this library file cannot be changed here"))
            banner.setStyleSheet("color: #9a6700; font-weight: bold")
            self.statusBar().addPermanentWidget(banner)
        # Another window or the command line may change the same file: notice it.
        self._watch = QTimer(self, interval=WATCH_INTERVAL_MS)
        self._watch.timeout.connect(lambda: self.guarded(self._check_external_changes))
        self._watch.start()

    # -- wiring ----------------------------------------------------------------
    def _connect(self) -> None:
        self.tree.selectionModel().currentChanged.connect(self._selected)
        self.tree_model.moveRequested.connect(self._move_note)
        self.questions.toggleRequested.connect(self.toggle_question)
        self.questions.questionActivated.connect(self._question_activated)
        self.preview.toggleRequested.connect(self.toggle_question)
        self.preview.noteLinkRequested.connect(self.open_note_link)
        self.preview.attachmentRequested.connect(
            lambda ident: self.guarded(_window_files().open_attachment, self, ident)
        )
        self.preview.menuRequested.connect(self._preview_menu)
        self.preview.viewCreated.connect(self.mouse_buttons.watch_tree)
        self.search.hitChosen.connect(self._hit_chosen)
        self.search.resultsShown.connect(self._make_room_for_results)
        self.events.changed.connect(lambda change: self.guarded(self._library_changed, change))
        self.welcome.importRequested.connect(self.import_files)
        self.welcome.samplesRequested.connect(self.open_samples)

    def _build_actions(self) -> None:
        from .actions import build_menus
        from .sync_controls import install as install_sync

        build_menus(self)
        self.sync_controls = install_sync(self)

    def action(self, text: str, slot: Any, shortcut: Any = None, tip: str = "") -> QAction:
        """A menu action whose errors become a message, never a traceback."""
        act = QAction(text, self)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        if tip:
            act.setStatusTip(tip)
        act.triggered.connect(lambda _checked=False: self.guarded(slot))
        return act

    def guarded(self, slot: Any, *args: Any) -> Any:
        try:
            return slot(*args)
        except StudyNotesError as error:
            from PySide6.QtWidgets import QMessageBox  # loaded for the first message, not at start

            QMessageBox.warning(self, "studynotes", str(error))
        except Exception as error:  # noqa: BLE001 (the window keeps running; the details go to the log)
            from PySide6.QtWidgets import QMessageBox

            from ..system.crash_log import log_crash

            where = log_crash(error)
            QMessageBox.critical(
                self,
                "studynotes",
                translate("MainWindow", "Something went wrong: {error}\n\nDetails: {where}").format(
                    error=error, where=where
                ),
            )
        return None

    # -- showing things ------------------------------------------------------------
    def current_node(self) -> Node | None:
        index = self.tree.currentIndex()
        return self.tree_model.node(index) if index.isValid() else None

    _selecting = False  # select_note is moving the tree's selection

    def _selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._selecting:
            return
        self.guarded(self.show_node, self.tree_model.node(current) if current.isValid() else None)

    def show_node(self, node: Node | None, *, scroll_to: str | None = None, find: str | None = None) -> None:
        if node is None:
            return
        if self.editor_pane is not None and self.editor_pane.isVisible():
            if node.kind == "note":  # the editor follows the selection
                self.editor_pane.open_note(node.id, node.title)
            else:
                self.editor_pane.close_pane()
        self._content = content_of(self.library, node)
        if self._page_waits:
            self.preview.show_view()  # its placeholder until `show_page`
        else:
            self._render_current(scroll_to=scroll_to, find=find)  # the page renders while the list fills
        self.questions.set_rows(self._content.questions)
        self._show_counts()
        self.selection_history.visit(node.key)
        self.settings.setValue(self._selection_key(), f"{node.kind}:{node.id}")

    def go_back(self) -> None:
        """Show the selection before this one (the window's history, not the preview's)."""
        self._walk_history(self.selection_history.back)

    def go_forward(self) -> None:
        self._walk_history(self.selection_history.forward)

    def _walk_history(self, step: Any) -> None:
        while (key := step()) is not None:
            index = self.tree_model.find(key)
            if index.isValid():  # a node deleted since is skipped
                self.tree.setCurrentIndex(index)
                self.tree.scrollTo(index)
                return

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """The back/forward buttons over any part of the window nobody else handled."""
        if not self.mouse_buttons.handle(event):
            super().mousePressEvent(event)

    def _show_counts(self) -> None:
        """The selection's open/total questions in the status bar, as the tree shows them."""
        if self._content is None:
            return
        counts = self.questions.model.counts
        self.statusBar().showMessage(
            translate("MainWindow", "{title}: {open} open / {questions} · {path}").format(
                title=self._content.node.title,
                open=counts.open,
                questions=words().questions(counts.questions),
                path=self.library.path,
            )
        )

    def _render_current(
        self, *, scroll_to: str | None = None, find: str | None = None, keep_place: bool = False
    ) -> None:
        if self._content is None:
            return
        self.preview.show_view()
        if self._content.node.kind == "notebook":
            self.preview.show_html(notebook_overview(self.library, self._content.node.id, self.theme()))
            return
        notes = self.note_cache.notes(self._content.note_ids)
        if not notes:
            self.preview.show_html(empty_page(self.library, self._content.node, self.theme()))
            return
        key = (tuple(self._content.note_ids), str(self.theme()), self.font_size())
        self.preview.render(
            render_job(notes, self._content.node.title, self.theme(), self.font_size(), through=scroll_to),
            scroll_to=scroll_to,
            find=find,
            key=key,
            keep_place=keep_place,
        )

    def show_page(self) -> None:
        """The selection's page, once the web view exists (see `page_after_paint`)."""
        self._render_current()

    def theme(self) -> Theme:
        from .app import effective_theme

        return effective_theme(self.settings)

    def font_size(self) -> int:
        value = self.settings.value("preview_font_size")
        return int(value) if isinstance(value, int | str) and str(value).isdigit() else self.base_font_size()

    def base_font_size(self) -> int:
        """The preview's usual text size, from the application font: it grows with the system's."""
        return max(10, round(QFontInfo(QApplication.font()).pixelSize() * READING_SCALE))

    def set_font_size(self, delta: int) -> None:
        size = max(10, min(28, self.font_size() + delta))
        self.settings.setValue("preview_font_size", size)
        self._show_zoom()
        self._render_current(keep_place=True)

    def reset_font_size(self) -> None:
        """Ctrl+0: the preview's text back to its usual size."""
        self.settings.remove("preview_font_size")
        self._show_zoom()
        self._render_current(keep_place=True)

    def _show_zoom(self) -> None:
        """The text size beside the status, as a percentage, only while it is not the usual one."""
        percent = round(100 * self.font_size() / self.base_font_size())
        self.zoom_label.setText(self.tr("Text {percent}%").format(percent=percent) if percent != 100 else "")

    def set_theme(self, choice: str) -> None:
        from .app import apply_theme

        self.settings.setValue("theme", choice)
        apply_theme(self.settings)
        self._render_current(keep_place=True)

    def _show_welcome_if_empty(self) -> None:
        if not self.tree_model.rowCount():  # the tree has just read the notebooks (once: 40 ms at 1M)
            self.preview.setCurrentWidget(self.welcome)
            self.statusBar().showMessage(
                translate("MainWindow", "Empty library · {path}").format(path=self.library.path)
            )

    # -- reacting to changes (window_changes.py) ---------------------------------------
    def _library_changed(self, change: Change) -> None:
        window_changes.library_changed(self, change)

    def reload(self) -> None:
        """After an import or a move: re-read the tree, keeping expansion and selection."""
        window_changes.reload(self)

    def _check_external_changes(self) -> None:
        window_changes.check_external_changes(self)

    def _reload_after_own_import(self) -> None:
        window_changes.reload_after_own_import(self)

    # -- user actions --------------------------------------------------------------------
    def toggle_question(self, question_id: int) -> None:
        self.guarded(self.commands.toggle_status, question_id)

    def toggle_selected_question(self) -> None:
        index = self.questions.table.currentIndex()
        if index.isValid():
            from .questions import QUESTION_ID_ROLE

            self.toggle_question(int(index.data(QUESTION_ID_ROLE)))

    def _preview_menu(self, where: Any, spot: Any) -> None:
        from .context_menus import show_preview_menu

        self.guarded(show_preview_menu, self, where, spot)

    def _question_activated(self, question_id: int, note_id: int) -> None:
        self.preview.scroll_to(f"question-{question_id}")

    def _move_note(self, note_id: int, week: int | None, lecture: int | None) -> None:
        self.guarded(self.commands.move_note, note_id, week, lecture)

    def select_note(self, note_id: int, *, scroll_to: str | None = None, find: str | None = None) -> None:
        index = self.tree_model.note_index(note_id)
        if not index.isValid():
            return
        self._selecting = True  # shown once, below, with its scroll target (not again by _selected)
        try:
            self.tree.setCurrentIndex(index)
        finally:
            self._selecting = False
        self.tree.scrollTo(index)
        self.show_node(self.tree_model.node(index), scroll_to=scroll_to, find=find)

    def edit_question_details(self, question_id: int) -> None:
        """Asker, lecture, page and time of one question, corrected by hand (one undo step)."""
        from .question_dialog import QuestionDetailsDialog

        row = self.library.question(question_id)
        if row is None:
            return
        dialog = QuestionDetailsDialog(row, self)
        if dialog.exec():
            self.commands.edit_question(question_id, **dialog.values())  # type: ignore[arg-type]

    def open_hit(self, hit: Any, term: str) -> None:
        self._hit_chosen(hit, term)

    def open_note_link(self, key: str) -> None:
        """A link between imported pages: open the note it names, in this notebook first."""
        node = self.current_node()
        target = self.library.note_for_link(key, node.notebook_id if node is not None else None)
        if target is None:
            self.statusBar().showMessage(
                translate("MainWindow", "The linked page is not in the library (it was not imported)"), 5000
            )
            return
        self.select_note(target)

    def _hit_chosen(self, hit: Any, term: str) -> None:
        if hit.kind == "question":
            self.select_note(hit.note_id, scroll_to=f"question-{hit.id}", find=term or None)
            self.questions.select_question(hit.id)
        else:
            self.select_note(hit.note_id, scroll_to=f"cell-{hit.id}", find=term or None)

    def _make_room_for_results(self, shown: bool) -> None:
        """Search results take half the left column while there are any; the tree gets it back after."""

        def resize() -> None:  # once the layout knows the list is shown or hidden
            total = sum(self.left.sizes())
            field = total // 2 if shown else self.search.minimumSizeHint().height()
            self.left.setSizes([field, total - field])

        QTimer.singleShot(0, resize)
        if not self.search.field.text():
            self.preview.clear_marks()

    # -- files in and out (window_files.py), notebooks (notebook_actions.py) ----------------
    def import_files(self, paths: list[Path] | None = None) -> None:
        _window_files().import_files(self, paths)

    def import_folder(self) -> None:
        _window_files().import_folder(self)

    def open_samples(self) -> None:
        _window_files().open_samples(self)

    def export_week(self) -> None:
        _window_files().export_week(self)

    def new_notebook(self) -> None:
        _notebook_actions().new_notebook(self)

    def rename_notebook(self) -> None:
        _notebook_actions().rename_notebook(self)

    def edit_schedule(self) -> None:
        _notebook_actions().edit_schedule(self)

    def edit_note(self) -> None:
        """Ctrl+E: the note's cells beside the preview, in place of the question list."""
        from .editor_pane import edit_selected_note

        edit_selected_note(self)

    def show_history(self) -> None:
        """The selected note's earlier versions; with no note selected, what was deleted."""
        from .history_dialog import show_history

        show_history(self)

    # -- drag files in ---------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.guarded(self.import_files, paths))

    # -- settings (window_settings.py) -------------------------------------------------------
    def _restore_settings(self) -> None:
        window_settings.restore(self)

    def _selection_key(self) -> str:
        return window_settings.selection_key(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        window_settings.save(self)
        self.search.stop()
        self._watch.stop()
        self.sync_controls.wait()
        self.preview.wait_for_render()
        super().closeEvent(event)
        for release in self._on_close:
            release()
        self._on_close.clear()


# Loaded when first used: their dialogs and file handling are not needed to show the window.
def _window_files() -> Any:
    from . import window_files

    return window_files


def _notebook_actions() -> Any:
    from . import notebook_actions

    return notebook_actions
