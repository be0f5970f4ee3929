"""Files in and out of the window: imports (picked or dropped), the samples, a week's export,
and the files kept with a note, opened with the system's viewer."""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import unquote

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from ..model import StudyNotesError
from ..wording import week_label

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from .main_window import MainWindow


def import_files(window: MainWindow, paths: list[Path] | None = None) -> None:
    if paths is None:
        names, _ = QFileDialog.getOpenFileNames(
            window,
            translate("MainWindow", "Import files"),
            str(window.settings.value("last_import_folder", str(Path.home()))),
            translate(
                "MainWindow", "Notes (*.md *.markdown *.txt *.text);;Notion exports (*.zip);;All files (*)"
            ),
        )
        paths = [Path(n) for n in names]
    if not paths:
        return
    window.settings.setValue("last_import_folder", str(paths[0].parent))
    from .import_dialog import ImportDialog

    library = window.library
    node = window.current_node()
    default = None
    if node is not None:
        default = next((nb.title for nb in library.notebooks() if nb.id == node.notebook_id), None)
    dialog = ImportDialog(
        library.path,
        paths,
        [nb.title for nb in library.notebooks()],
        window,
        default_notebook=default,
    )
    dialog.imported.connect(lambda _report: window._reload_after_own_import())
    window._watch.stop()  # what the dialog saves is this window's own change
    try:
        dialog.exec()
    finally:
        library.changed_elsewhere()
        window._watch.start()


def import_folder(window: MainWindow) -> None:
    folder = QFileDialog.getExistingDirectory(
        window,
        translate("MainWindow", "Import a folder"),
        str(window.settings.value("last_import_folder", str(Path.home()))),
    )
    if folder:
        import_files(window, [Path(folder)])


def open_samples(window: MainWindow) -> None:
    """The samples in a window and library of their own; this library is left as it is."""
    from .demo_window import open_demo_window

    window._demo_windows = [w for w in window._demo_windows if w.isVisible()]
    window._demo_windows.append(open_demo_window(window.settings))


def export_week(window: MainWindow) -> None:
    node = window.current_node()
    if node is None or node.kind not in ("week", "lecture", "note") or node.week_number is None:
        raise StudyNotesError(translate("MainWindow", "Select a week (or a lecture or note in it) to export"))
    from ..export import gather_week, week_to_markdown, write_export
    from .dialogs import ask_export_scope

    notebook = window.library.notebook(node.notebook_id)
    if notebook is None:
        return
    export = gather_week(window.library, notebook.title, node.week_number)
    open_only = ask_export_scope(
        window, notebook.title, week_label(export.week.number, export.week.first_day, export.week.label)
    )
    if open_only is None:
        return
    suggested = Path(str(window.settings.value("last_export_folder", str(Path.home())))) / (
        translate("MainWindow", "{notebook} week {number}").format(
            notebook=notebook.title, number=node.week_number
        )
        + (translate("MainWindow", " open") if open_only else "")
        + ".md"
    )
    name, _ = QFileDialog.getSaveFileName(
        window,
        translate("MainWindow", "Export week"),
        str(suggested),
        translate("MainWindow", "Markdown (*.md)"),
    )
    if not name:
        return
    markdown, files = week_to_markdown(export, open_only=open_only)
    write_export(markdown, files, Path(name))
    window.settings.setValue("last_export_folder", str(Path(name).parent))
    window.statusBar().showMessage(
        translate("MainWindow", "Exported {week} to {file}").format(
            week=week_label(export.week.number, export.week.first_day, export.week.label), file=name
        )
    )


def open_attachment(window: MainWindow, attachment_id: int) -> None:
    """A file kept with a note (slides, a PDF) opens in the system's viewer, from a private copy."""
    found = window.library.attachment_file(attachment_id)
    if found is None:
        window.statusBar().showMessage(translate("MainWindow", "That file is no longer in the library"), 5000)
        return
    name, data = found
    target = _private_folder() / str(attachment_id) / (PurePosixPath(unquote(name)).name or "file")
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(data)
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
        window.statusBar().showMessage(
            translate("MainWindow", "No program on this computer opens {name}").format(name=target.name), 8000
        )


@functools.cache
def _private_folder() -> Path:
    """Where opened files are copied: readable by this user only, removed when the app quits."""
    folder = Path(tempfile.mkdtemp(prefix="studynotes-files-"))
    atexit.register(shutil.rmtree, folder, True)
    return folder
