"""Work the import dialog does off the GUI thread: detecting files, then importing the plan.

A worker lives in a QThread of its own and talks to the dialog only through
signals.  The import worker opens its own connection to the library (an
SQLite connection belongs to the thread that made it) and saves in one
transaction, so a cancel or a failure leaves the library as it was.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal

from ..importing import Cancelled, ImportPlan, ImportReport, PlannedFile, detect_file
from ..model import ImportContext, StudyNotesError

translate = QCoreApplication.translate

DETECT_BATCH = 25  # rows handed to the dialog at a time, so a big folder fills in smoothly


def crash_message(prefix: str, error: BaseException) -> str:
    """One readable line for an unexpected error; the traceback goes to the crash log."""
    from ..system.crash_log import log_crash

    return translate("Import", "{what}: {error} (details in {log})").format(
        what=prefix, error=error, log=log_crash(error)
    )


class DetectWorker(QObject):
    """Recognises the format of many files, a batch of rows at a time."""

    detected = Signal(list)  # list[PlannedFile]
    finished = Signal()

    def __init__(self, paths: list[Path]) -> None:
        super().__init__()
        self._paths = paths
        self.cancelled = False

    def run(self) -> None:
        batch: list[PlannedFile] = []
        for path in self._paths:
            if self.cancelled:
                break
            batch.append(detect_file(path))
            if len(batch) >= DETECT_BATCH:
                self.detected.emit(batch)
                batch = []
        if batch and not self.cancelled:
            self.detected.emit(batch)
        self.finished.emit()


class ImportWorker(QObject):
    """Parses and saves in a thread of its own, with its own library connection."""

    progress = Signal(int, int, str)
    finished = Signal(object)  # ImportReport
    failed = Signal(str)

    def __init__(
        self, library_path: Path, plan: ImportPlan, notebook: str | None, context: ImportContext
    ) -> None:
        super().__init__()
        self._library_path, self._plan, self._notebook, self._context = library_path, plan, notebook, context
        self.cancelled = False

    def run(self) -> None:
        try:
            self.finished.emit(self._import())
        except Cancelled:
            self.failed.emit(translate("Import", "Import cancelled: nothing was saved."))
        except StudyNotesError as error:
            self.failed.emit(translate("Import", "The import failed: {error}").format(error=error))
        except Exception as error:  # noqa: BLE001 (reported in the dialog, never as a traceback)
            self.failed.emit(crash_message(translate("Import", "The import failed"), error))

    def _import(self) -> ImportReport:
        from ..importing import import_plan
        from ..library import Library

        with Library.open(self._library_path) as library:
            return import_plan(
                library,
                self._plan,
                notebook=self._notebook,
                context=self._context,
                progress=self.progress.emit,
                cancelled=lambda: self.cancelled,
            )


def start_in_thread(worker: QObject, owner: QObject, *done_signals: object) -> QThread:
    """Run `worker.run` in a new thread that quits when any of `done_signals` fires.

    The quit connection is direct, so the thread stops even while the GUI
    thread is blocked waiting for it.
    """
    thread = QThread(owner)
    worker.moveToThread(thread)
    thread.started.connect(worker.run)  # type: ignore[attr-defined]
    for signal in done_signals:
        signal.connect(thread.quit, Qt.ConnectionType.DirectConnection)  # type: ignore[attr-defined]
    thread.start()
    return thread
