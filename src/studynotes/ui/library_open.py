"""Opening the library at start-up, with a notice while an old file is upgraded.

An upgrade rebuilds indexes and takes seconds on a large library; without a
notice the app would seem not to start.  The upgrade runs on a worker thread
while the notice stays painted; the connection it opens is then used by the
window (it is opened for use across threads).
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QApplication

from ..library import Library, needs_upgrade

translate = QCoreApplication.translate

NOTICE_OBJECT_NAME = "upgradeNotice"
_POLL_MS = 50


def open_library(path: Path) -> Library:
    """Library.open, with a busy notice when the file must be upgraded first."""
    if not needs_upgrade(path):
        return Library.open(path)
    from PySide6.QtWidgets import QProgressDialog

    notice = QProgressDialog(
        translate(
            "LibraryOpen",
            "Updating the library for this version of studynotes…\nA backup copy is kept first.",
        ),
        "",
        0,
        0,
    )
    notice.setObjectName(NOTICE_OBJECT_NAME)
    notice.setWindowTitle("studynotes")
    notice.setCancelButton(None)  # an upgrade is one transaction; it cannot stop halfway
    notice.setWindowModality(Qt.WindowModality.ApplicationModal)
    notice.setMinimumDuration(0)
    notice.show()
    QApplication.processEvents()
    outcome: dict[str, object] = {}

    def upgrade() -> None:
        try:
            outcome["library"] = Library.open(path)
        except BaseException as error:  # noqa: BLE001  # re-raised on the calling thread, which reports it
            outcome["error"] = error

    worker = threading.Thread(target=upgrade, name="library-upgrade", daemon=True)
    worker.start()
    while worker.is_alive():
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, _POLL_MS)
        worker.join(_POLL_MS / 1000)
    notice.close()
    notice.deleteLater()
    error = outcome.get("error")
    if isinstance(error, BaseException):
        raise error
    library = outcome["library"]
    assert isinstance(library, Library)
    return library
