"""Notebook → Sync now, the status-bar indicator, sync on a timer, and the Conflicts list.

A sync runs off the GUI thread on a connection of its own (an SQLite
connection belongs to the thread that made it); the window keeps working
meanwhile and re-reads the tree when others' changes came in.  Offline, the
indicator says so and the next sync sends what was kept.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..model import StudyNotesError
from .count_words import words

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from ..library import Conflict, Library
    from .main_window import MainWindow

TIMER_SETTING = "sync/every_minutes"


class SyncWorker(QObject):
    """One sync of one notebook in a thread of its own."""

    finished = Signal(object)  # SyncReport
    failed = Signal(str, bool)  # message, offline

    def __init__(self, library_path: Path, notebook: str, remote: str | None) -> None:
        super().__init__()
        self.library_path = library_path
        self.notebook = notebook
        self.remote = remote

    def run(self) -> None:
        from ..library import Library
        from ..sharing.repository import RemoteUnreachable
        from ..sharing.sync import sync

        try:
            with Library.open(self.library_path) as library:
                self.finished.emit(sync(library, self.notebook, self.remote))
        except RemoteUnreachable as error:
            self.failed.emit(str(error), True)
        except StudyNotesError as error:
            self.failed.emit(str(error), False)
        except Exception as error:  # noqa: BLE001 (one line in the window; details in the crash log)
            from .workers import crash_message

            self.failed.emit(crash_message(translate("Sync", "sync failed"), error), False)


class SyncControls(QObject):
    """What the window shows and does about sharing; installed by `install`."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.indicator = QLabel("")
        self.indicator.setObjectName("sync-indicator")
        self.indicator.setAccessibleName(translate("Sync", "Sync status"))
        window.statusBar().addPermanentWidget(self.indicator)
        self._thread: QThread | None = None
        self._worker: SyncWorker | None = None
        self._queue: list[tuple[str, str | None]] = []
        self.timer = QTimer(self)
        self.timer.timeout.connect(lambda: window.guarded(self.sync_all))
        self.set_interval(_minutes(window.settings.value(TIMER_SETTING, 0)))
        self.show_state()

    @property
    def library(self) -> Library:
        return self.window.library

    @property
    def busy(self) -> bool:
        return self._thread is not None

    # -- the indicator -------------------------------------------------------------
    def show_state(self, text: str | None = None) -> None:
        conflicts = len(self.library.conflicts()) if not self.library.read_only else 0
        shared = self._shared_notebooks()
        if text is None:
            text = translate("Sync", "Sync: not set up") if not shared else translate("Sync", "Sync: ready")
        if conflicts:
            text += " · " + words().conflicts(conflicts)
        self.indicator.setText(text)

    def _shared_notebooks(self) -> list[str]:
        return self.library.shared_notebooks()

    # -- syncing ---------------------------------------------------------------------
    def sync_current(self) -> None:
        """Notebook → Sync now: the selected notebook; asks for the remote the first time."""
        node = self.window.current_node()
        if node is None:
            raise StudyNotesError(translate("Sync", "select a notebook to sync"))
        notebook = self.library.notebook(node.notebook_id)
        if notebook is None:
            return
        remote = None
        if notebook.title not in self._shared_notebooks():
            remote, ok = QInputDialog.getText(
                self.window,
                translate("Sync", "Sync with a git repository"),
                translate("Sync", "Where the group keeps “{notebook}” (a git URL, or a folder):").format(
                    notebook=notebook.title
                ),
            )
            if not ok or not remote.strip():
                return
            remote = remote.strip()
        self.start(notebook.title, remote)

    def sync_all(self) -> None:
        """The timer: every notebook that has a remote."""
        for title in self._shared_notebooks():
            self.start(title, None)

    def start(self, notebook: str, remote: str | None) -> None:
        if self.busy:
            if (notebook, remote) not in self._queue:
                self._queue.append((notebook, remote))
            return
        self.show_state(translate("Sync", "Syncing {notebook}…").format(notebook=notebook))
        thread = QThread(self)
        worker = SyncWorker(self.library.path, notebook, remote)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.finished.connect(self._done)
        worker.failed.connect(self._failed)
        worker.finished.connect(thread.quit)
        worker.failed.connect(thread.quit)
        thread.finished.connect(self._next)
        self._thread, self._worker = thread, worker
        thread.start()

    def _done(self, report: Any) -> None:
        if report.received or report.removed:
            self.window.reload()
        at = dt.datetime.now().strftime("%H:%M")
        self.show_state(
            translate("Sync", "Synced {notebook} at {time}").format(notebook=report.notebook, time=at)
        )
        self.window.statusBar().showMessage(report.summary(), 8000)

    def _failed(self, message: str, offline: bool) -> None:
        if offline:
            self.show_state(translate("Sync", "Offline: changes are kept and sent next time"))
            self.window.statusBar().showMessage(message, 8000)
        else:
            self.show_state(translate("Sync", "Sync failed"))
            self.window.statusBar().showMessage(
                translate("Sync", "Sync failed: {message}").format(message=message), 15000
            )

    def _next(self) -> None:
        if self._thread is not None:
            self._thread.deleteLater()
        self._thread, self._worker = None, None
        if self._queue:
            self.start(*self._queue.pop(0))

    def wait(self, milliseconds: int = 30000) -> None:
        """Let a running sync finish (closing the window, tests)."""
        if self._thread is not None:
            self._thread.wait(milliseconds)

    # -- settings ------------------------------------------------------------------------
    def set_interval(self, minutes: int) -> None:
        self.window.settings.setValue(TIMER_SETTING, minutes)
        if minutes > 0:
            self.timer.start(minutes * 60_000)
        else:
            self.timer.stop()

    def edit_settings(self) -> None:
        dialog = QDialog(self.window)
        dialog.setWindowTitle(translate("Sync", "Sync settings"))
        form = QFormLayout(dialog)
        remote = QLineEdit()
        node = self.window.current_node()
        if node is not None:
            settings = self.library.sync_settings(node.notebook_id)
            remote.setText(settings.remote)
        every = QSpinBox()
        every.setRange(0, 24 * 60)
        every.setSuffix(translate("Sync", " min"))
        every.setSpecialValueText("never")
        every.setValue(_minutes(self.window.settings.value(TIMER_SETTING, 0)))
        form.addRow(translate("Sync", "Remote of this notebook"), remote)
        form.addRow(translate("Sync", "Sync every"), every)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.set_interval(every.value())
        if node is not None and remote.text().strip():
            notebook = self.library.notebook(node.notebook_id)
            if notebook is not None:
                self.start(notebook.title, remote.text().strip())

    def show_conflicts(self) -> None:
        ConflictsDialog(self.window, self).exec()
        self.show_state()


class ConflictsDialog(QDialog):
    """The Conflicts filter: every text both sides edited, ours beside theirs, until the user picks."""

    def __init__(self, window: MainWindow, controls: SyncControls) -> None:
        super().__init__(window)
        self.window_ = window
        self.controls = controls
        self.setWindowTitle(translate("Sync", "Conflicts"))
        self.resize(820, 520)
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setAccessibleName(translate("Sync", "Conflicts"))
        layout.addWidget(self.list)
        texts = QHBoxLayout()
        self.ours = QPlainTextEdit()
        self.ours.setAccessibleName(translate("Sync", "Mine"))
        self.theirs = QPlainTextEdit()
        self.theirs.setReadOnly(True)
        self.theirs.setAccessibleName(translate("Sync", "Theirs"))
        for label, edit in (
            (translate("Sync", "Mine (edit to merge)"), self.ours),
            (translate("Sync", "Theirs"), self.theirs),
        ):
            column = QVBoxLayout()
            column.addWidget(QLabel(label))
            column.addWidget(edit)
            holder = QWidget()
            holder.setLayout(column)
            texts.addWidget(holder)
        layout.addLayout(texts)
        buttons = QHBoxLayout()
        for text, choice in (
            (translate("Sync", "Keep mine"), "mine"),
            (translate("Sync", "Take theirs"), "theirs"),
            (translate("Sync", "Keep both"), "both"),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, c=choice: window.guarded(self.settle, c))
            buttons.addWidget(button)
        close = QPushButton(translate("Sync", "Close"))
        close.clicked.connect(self.accept)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.list.currentRowChanged.connect(self._show)
        self.conflicts: list[Conflict] = []
        self.refresh()

    def refresh(self) -> None:
        self.conflicts = self.controls.library.conflicts()
        self.list.clear()
        for conflict in self.conflicts:
            what = (
                translate("Sync", "the text")
                if conflict.field == "markdown"
                else translate("Sync", "the {field}").format(field=conflict.field)
            )
            QListWidgetItem(f"{conflict.note_title} · {what}", self.list)
        if self.conflicts:
            self.list.setCurrentRow(0)
        else:
            self.ours.setPlainText("")
            self.theirs.setPlainText(translate("Sync", "No conflicts: every sync merged cleanly."))

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.conflicts):
            self.ours.setPlainText(self.conflicts[row].ours)
            self.theirs.setPlainText(self.conflicts[row].theirs)

    def settle(self, choice: str) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.conflicts):
            return
        conflict = self.conflicts[row]
        text = {
            "mine": self.ours.toPlainText(),
            "theirs": conflict.theirs,
            "both": f"{self.ours.toPlainText().rstrip()}\n\n{conflict.theirs.lstrip()}",
        }[choice]
        change = self.controls.library.resolve_conflict(conflict.cell_id, conflict.field, text)
        self.window_.events.changed.emit(change)
        self.refresh()


def _minutes(value: object) -> int:
    try:
        return max(0, int(str(value or 0)))
    except ValueError:
        return 0


def install(window: MainWindow) -> SyncControls:
    """Add the Notebook menu's sync entries and the status-bar indicator to the window."""
    controls = SyncControls(window)
    menu = window.menuBar().findChild(QMenu, "notebook-menu") or window.menuBar().addMenu(
        translate("Menus", "&Notebook")
    )
    menu.addSeparator()
    menu.addAction(
        window.action(
            translate("Sync", "S&ync now"),
            controls.sync_current,
            "Ctrl+Shift+Y",
            translate("Sync", "Commit, merge and push"),
        )
    )
    menu.addAction(window.action(translate("Sync", "Sync se&ttings…"), controls.edit_settings))
    menu.addAction(
        window.action(
            translate("Sync", "&Conflicts…"),
            controls.show_conflicts,
            None,
            translate("Sync", "Texts both sides edited"),
        )
    )
    return controls
