"""Every control a keyboard can reach has a name a screen reader says: the window and its dialogs.

The name is what Qt's accessibility layer reports (`QAccessible`), so a button's text, a label's
buddy or an explicit accessible name all count, exactly as a screen reader would hear them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAccessible, QFont
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

from studynotes.library import Library, QuestionFilter
from studynotes.ui.main_window import MainWindow


def unnamed(top: QWidget) -> list[str]:
    """The focusable, shown widgets under `top` without an accessible name.

    The parts inside a spin box, combo box or web view are read out as that control (a screen
    reader says the spin box's name, and the web page's own content), so they are not asked.
    """
    found = []
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisibleTo(top) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if isinstance(widget.parent(), QAbstractSpinBox | QComboBox | QWebEngineView):
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        if interface is None or not interface.text(QAccessible.Text.Name).strip():
            found.append(
                f"{type(widget).__name__} {widget.objectName()!r} in {type(widget.parent()).__name__}"
            )
    return found


def test_every_control_of_the_window_has_a_name(window: MainWindow) -> None:
    assert unnamed(window) == []


def test_the_welcome_page_of_an_empty_library_names_its_controls(
    qtbot: object, tmp_path: Path, settings: QSettings
) -> None:
    with Library.open(tmp_path / "empty.sqlite3") as library:
        window = MainWindow(library, settings)
        qtbot.addWidget(window)  # type: ignore[attr-defined]
        window.show()
        assert window.preview.currentWidget() is window.welcome
        assert unnamed(window) == []
        window.close()


def _dialogs(window: MainWindow, seeds: Path) -> list[QWidget]:
    from studynotes.ui import help_dialogs
    from studynotes.ui.dialogs import ScheduleDialog
    from studynotes.ui.history_dialog import HistoryDialog
    from studynotes.ui.import_dialog import ImportDialog
    from studynotes.ui.prepare import PrepareDialog
    from studynotes.ui.question_dialog import QuestionDetailsDialog
    from studynotes.ui.review import ReviewDialog
    from studynotes.ui.sync_controls import ConflictsDialog

    library = window.library
    notebook = library.notebooks()[0]
    question = library.questions(QuestionFilter(notebook=notebook.title))[0]
    note = library.notes(notebook_id=notebook.id)[0]
    scope = QuestionFilter(notebook_id=notebook.id)
    seed = sorted(p for p in seeds.iterdir() if p.is_file())[0]
    return [
        ImportDialog(library.path, [seed], [notebook.title], window),
        ScheduleDialog(notebook.title, notebook.start_date, notebook.days_per_week, window),
        QuestionDetailsDialog(question, window),
        HistoryDialog(library, note.id, note.title, window, commands=window.commands),
        ConflictsDialog(window, window.sync_controls),
        ReviewDialog(
            library, scope, notebook.title, theme="light", font_size=15, parent=window, web_view=False
        ),
        PrepareDialog(
            library,
            scope,
            notebook.title,
            commands=window.commands,
            theme="light",
            font_size=15,
            parent=window,
        ),
        help_dialogs.shortcut_list(window),
        help_dialogs.command_palette(window),
    ]


def test_every_control_of_every_dialog_has_a_name(window: MainWindow, seeds: Path) -> None:
    problems = {}
    for dialog in _dialogs(window, seeds):
        dialog.show()
        QApplication.processEvents()
        if missing := unnamed(dialog):
            problems[type(dialog).__name__] = missing
        dialog.close()
        dialog.deleteLater()
    assert problems == {}


def test_text_follows_the_system_font_size(qtbot: object, demo_library: Library, settings: QSettings) -> None:
    """No widget pins a pixel or point size: with a larger system font every text is larger."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.font()
    bigger = QFont(before)
    bigger.setPointSizeF(before.pointSizeF() * 1.5)
    app.setFont(bigger)  # as the system's font would be when the app starts
    try:
        window = MainWindow(demo_library, settings)
        qtbot.addWidget(window)  # type: ignore[attr-defined]
        window.show()
        pinned = [
            f"{type(w).__name__} {w.objectName()!r} in {type(w.parent()).__name__} ({w.font().pointSizeF()} pt)"
            for w in [window, *window.findChildren(QWidget)]
            if w.isVisibleTo(window) and w.font().pointSizeF() < bigger.pointSizeF() * 0.8
        ]
        assert pinned == []
        window.close()
    finally:
        app.setFont(before)


def test_the_preview_text_starts_from_the_application_font(window: MainWindow) -> None:
    """The preview's base size comes from the system font, and Ctrl+0 goes back to it."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.font()
    usual = window.font_size()
    try:
        bigger = QFont(before)
        bigger.setPointSizeF(before.pointSizeF() * 2)
        app.setFont(bigger)
        assert window.font_size() >= usual * 1.8
        window.set_font_size(2)
        window.reset_font_size()
        assert window.font_size() == window.base_font_size()
    finally:
        app.setFont(before)
