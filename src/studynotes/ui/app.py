"""Starting the app: settings, theme, the library, first paint, then the heavy parts."""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QMainWindow

from ..model import StudyNotesError

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..library import Library
    from ..render import Theme
from ..paths import default_library_path, resources_dir

ORGANISATION = "studynotes"
APPLICATION = "studynotes"


def effective_theme(settings: QSettings) -> Theme:
    choice = str(settings.value("theme", "system"))
    if choice == "light":
        return "light"
    if choice == "dark":
        return "dark"
    hints = QGuiApplication.styleHints()
    return "dark" if hints is not None and hints.colorScheme() == Qt.ColorScheme.Dark else "light"


def apply_theme(settings: QSettings) -> None:
    """Light or dark for the whole window, not only the preview.

    The platform is asked first; where it cannot switch (Linux without a desktop theme that
    follows Qt's colour scheme) the window gets a light or dark palette of its own.
    """
    hints = QGuiApplication.styleHints()
    choice = str(settings.value("theme", "system"))
    scheme = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(choice, Qt.ColorScheme.Unknown)
    if hints is not None and hasattr(hints, "setColorScheme"):
        hints.setColorScheme(scheme)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    followed = hints is not None and hints.colorScheme() == scheme
    if scheme == Qt.ColorScheme.Unknown or followed:
        app.setPalette(QPalette())  # the platform's own
    elif scheme == Qt.ColorScheme.Dark:
        app.setPalette(dark_palette())
    else:
        style = app.style()
        app.setPalette(style.standardPalette() if style is not None else QPalette())


def dark_palette() -> QPalette:
    """A dark palette in GitHub's dark colours, which the dark preview uses too."""
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    palette = QPalette()
    for name, colour in (
        (role.Window, "#22272e"),
        (role.WindowText, "#d1d7e0"),
        (role.Base, "#1c2128"),
        (role.AlternateBase, "#2d333b"),
        (role.Text, "#d1d7e0"),
        (role.Button, "#2d333b"),
        (role.ButtonText, "#d1d7e0"),
        (role.BrightText, "#ffffff"),
        (role.Highlight, "#316dca"),
        (role.HighlightedText, "#ffffff"),
        (role.ToolTipBase, "#2d333b"),
        (role.ToolTipText, "#d1d7e0"),
        (role.PlaceholderText, "#768390"),
        (role.Link, "#539bf5"),
        (role.Light, "#444c56"),
        (role.Midlight, "#373e47"),
        (role.Mid, "#545d68"),
        (role.Dark, "#1c2128"),
        (role.Shadow, "#000000"),
    ):
        palette.setColor(name, QColor(colour))
    for name in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, name, QColor("#636e7b"))
    return palette


def _open_or_restore(open_library: Callable[[Path], Library], path: Path) -> Library | None:
    """A damaged library offers its latest good backup; restored, the library opens from it."""
    from ..library import DamagedLibrary

    try:
        return open_library(path)
    except DamagedLibrary as error:
        from .damaged_library import offer_good_backup

        if not offer_good_backup(error):
            return None
    return open_library(path)


def _show_unexpected(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    """Anything that escapes a slot: a message box and the log, never a dead window."""
    from PySide6.QtWidgets import QMessageBox

    from ..system.crash_log import log_crash

    where = log_crash(error.with_traceback(trace))
    QMessageBox.critical(
        None,
        "studynotes",
        QCoreApplication.translate(
            "App", "Something went wrong: {error}\n\nThe details are in {where}."
        ).format(error=error, where=where),
    )


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    _lean_web_engine()
    QApplication.setOrganizationName(ORGANISATION)
    QApplication.setApplicationName(APPLICATION)
    QApplication.setAttribute(
        Qt.ApplicationAttribute.AA_ShareOpenGLContexts
    )  # QtWebEngine needs it before start
    app = QApplication(argv or sys.argv[:1])
    icon = resources_dir() / "studynotes.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def _lean_web_engine() -> None:
    """The preview is static HTML: no GPU process (about 60 MB less), software drawing is plenty.

    `gc` is exposed to our own isolated-world script so the preview can let go of the
    notes it swapped out when the user pauses (see PreviewPane); the page itself runs no
    script and cannot reach it.
    """
    import os

    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    extra = [flag for flag in ("--disable-gpu", "--in-process-gpu") if flag not in flags]
    if "--js-flags" not in flags:
        extra.append("--js-flags=--expose-gc")
    if extra:
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join([flags, *extra]).strip()


def run(library_path: Path | None = None, *, demo: bool = False, files: list[Path] | None = None) -> int:
    """The window on a library; `files` are offered for import (a launcher's "Open with").

    A window already showing the library is given the files and brought forward instead.
    """
    started = time.perf_counter()
    app = create_application()
    files = list(files or [])
    claimed: int | None = None
    if not demo:
        from .single_instance import hand_off_or_claim

        handed, claimed = hand_off_or_claim(library_path or default_library_path(), files)
        if handed:
            return 0
    settings = QSettings()
    from .language import install_translators

    install_translators(settings)
    apply_theme(settings)
    sys.excepthook = _show_unexpected
    from .library_open import open_library

    samples = None
    try:
        if demo:
            from ..demo import DemoLibrary

            samples = DemoLibrary()
            library = samples.library
        else:
            opened = _open_or_restore(open_library, library_path or default_library_path())
            if opened is None:
                _release(claimed, library_path)
                return 1  # the user saw what is wrong and chose not to restore
            library = opened
    except StudyNotesError as error:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, "studynotes", str(error))
        _release(claimed, library_path)
        return 1
    from .main_window import MainWindow

    window = MainWindow(library, settings, page_after_paint=True)
    window.show()
    if "--startup-time" in sys.argv or _env_flag("STUDYNOTES_STARTUP_TIME"):
        print(f"window shown after {time.perf_counter() - started:.3f} s", file=sys.stderr)
    # The web view (and its few hundred MB) comes after the first paint, and so does listening
    # for later starts on this library.
    from .first_paint import after_first_paint

    after_first_paint(window, lambda: window.guarded(_after_first_paint, window, not demo, claimed))
    if files:
        QTimer.singleShot(0, lambda: window.guarded(bring_forward, window, files))
    code = app.exec()
    if samples is not None:
        samples.close()
    else:
        library.close()
    return int(code)


def _release(claimed: int | None, library_path: Path | None) -> None:
    if claimed is not None:
        from .single_instance import release

        release(claimed, library_path or default_library_path())


def bring_forward(window: QMainWindow, files: list[Path]) -> None:
    """Another start of the app (a launcher, "Open with") asked for this window and these files."""
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
    if files:
        window.import_files(files)  # type: ignore[attr-defined]


def _after_first_paint(window: object, listen: bool, claimed: int | None = None) -> None:
    gc.enable()  # paused while the window was built (cli/window.py)
    from .main_window import MainWindow

    if isinstance(window, MainWindow):
        if listen:
            from .single_instance import serve

            serve(
                window.library.path,
                lambda sent: window.guarded(bring_forward, window, sent),
                window,
                claimed=claimed,
            )
        window.library.start_daily_backup()  # its own thread: a big library never freezes the window
        window.preview.create_web_view()
        window.show_page()


def _env_flag(name: str) -> bool:
    import os

    return os.environ.get(name, "") not in ("", "0")
