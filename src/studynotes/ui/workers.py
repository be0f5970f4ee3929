"""Work the import dialog does off the GUI thread: recognising formats, parsing, saving.

A worker lives in a QThread of its own and talks to the dialog only through
signals.  The import worker opens its own connection to the library (an
SQLite connection belongs to the thread that made it) and saves in one
transaction, so a cancel or a failure leaves the library as it was.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal

from ..importers import bundle_format, sniff
from ..importers.parts.reading import MAX_FILE_BYTES, decode_bytes
from ..importing import Cancelled, ImportReport
from ..model import ImportContext, ImportFailure, StudyNotesError

DETECT_BATCH = 25  # rows handed to the dialog at a time, so a big folder fills in smoothly

Detected = tuple[Path, str | None, str | None]  # path, format name, or the reason it cannot be read


def detect(path: Path) -> str:
    """The format a file would be read as, or raise ImportFailure with the reason."""
    if (bundled := bundle_format(path)) is not None:
        return bundled
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportFailure(
                str(path),
                f"the file is {size / 2**20:.0f} MB; files over {MAX_FILE_BYTES // 2**20} MB are not imported",
            )
        data = path.read_bytes()
    except OSError as error:
        raise ImportFailure(str(path), f"cannot be read ({error.strerror or error})") from None
    return sniff(decode_bytes(data, str(path)).text).name


def detect_one(path: Path) -> Detected:
    """Detection that never raises: a failure becomes the row's message."""
    try:
        return path, detect(path), None
    except ImportFailure as failure:
        return path, None, failure.reason
    except Exception as error:  # noqa: BLE001 (a scorer bug shows on its row, not as a traceback)
        return path, None, f"its format could not be recognised ({error})"


def crash_message(prefix: str, error: BaseException) -> str:
    """One readable line for an unexpected error; the traceback goes to the crash log."""
    from ..system.crash_log import log_crash

    return f"{prefix}: {error} (details in {log_crash(error)})"


class DetectWorker(QObject):
    """Recognises the format of many files, a batch of rows at a time."""

    detected = Signal(list)  # list[Detected]
    finished = Signal()

    def __init__(self, paths: list[Path]) -> None:
        super().__init__()
        self._paths = paths
        self.cancelled = False

    def run(self) -> None:
        batch: list[Detected] = []
        for path in self._paths:
            if self.cancelled:
                break
            batch.append(detect_one(path))
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
        self,
        library_path: Path,
        jobs: list[tuple[Path, str]],
        notebook: str | None,
        context: ImportContext,
    ) -> None:
        super().__init__()
        self._library_path, self._jobs, self._notebook, self._context = library_path, jobs, notebook, context
        self.cancelled = False

    def run(self) -> None:
        try:
            self.finished.emit(self._import())
        except Cancelled:
            self.failed.emit("Import cancelled: nothing was saved.")
        except StudyNotesError as error:
            self.failed.emit(f"The import failed: {error}")
        except Exception as error:  # noqa: BLE001 (reported in the dialog, never as a traceback)
            self.failed.emit(crash_message("The import failed", error))

    def _import(self) -> ImportReport:
        from ..importers import ImportedFile, import_file
        from ..importing import save_parsed
        from ..library import Library

        report = ImportReport()
        parsed: list[ImportedFile] = []
        count = len(self._jobs)
        total = count * 2
        for index, (path, format_name) in enumerate(self._jobs):
            if self.cancelled:
                raise Cancelled
            self.progress.emit(index, total, f"Reading {path.name} ({index + 1} of {count})")
            try:
                parsed.append(import_file(path, self._context, format_name))
            except ImportFailure as failure:
                report.errors.append(failure)
        if self.cancelled:
            raise Cancelled
        with Library.open(self._library_path) as library:
            report.files = save_parsed(
                library,
                parsed,
                self._notebook,
                lambda done, saving, name: self.progress.emit(
                    count + done, total, f"Saving {name} ({done + 1} of {saving})"
                ),
                lambda: self.cancelled,
            )
        self.progress.emit(total, total, "Done")
        return report


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
