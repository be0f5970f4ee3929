"""The window's language: Qt's translators, chosen from the system locale or View → Language.

The choice is kept in the settings and applies from the next start: every label is
made once, translated, when its widget is built.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow

from .. import wording
from ..paths import resources_dir

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu, QWidget

SETTING = "language"
SYSTEM = "system"
# The languages studynotes is translated into, each named in its own language.
LANGUAGES = {"en": "English", "ko": "한국어"}
_kept: list[QTranslator] = []  # a translator must outlive its installation


def translations_dir() -> Path:
    return resources_dir() / "translations"


def chosen(settings: QSettings) -> str:
    """ "system", or a language code the user picked in View → Language."""
    value = str(settings.value(SETTING, SYSTEM))
    return value if value in LANGUAGES else SYSTEM


def effective(settings: QSettings, system: QLocale | None = None) -> str:
    """The language the window shows: the choice, else the system's if translated, else English."""
    choice = chosen(settings)
    if choice != SYSTEM:
        return choice
    for name in (system or QLocale.system()).uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def install_translators(settings: QSettings) -> str:
    """Load studynotes' own translation and Qt's (standard buttons, file dialogs); the code used.

    English loads a translation too: it holds the plural forms (`1 question`, `2 questions`).
    """
    remove_translators()
    code = effective(settings)
    QLocale.setDefault(QLocale(code))
    own = QTranslator()
    if own.load(f"studynotes_{code}", str(translations_dir())):
        _kept.append(own)
    if code != "en":
        qt = QTranslator()
        if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _kept.append(qt)
    for translator in _kept:
        QCoreApplication.installTranslator(translator)
    wording.install(QCoreApplication.translate)
    return code


def remove_translators() -> None:
    """Back to the English written in the source (tests switch languages within one process)."""
    for old in _kept:
        QCoreApplication.removeTranslator(old)
    _kept.clear()
    wording.install(None)
    QLocale.setDefault(QLocale("en_US"))


def add_language_menu(window: QWidget, settings: QSettings, menu: QMenu) -> QActionGroup:
    """View → Language: follow the system, or one of the translations."""
    sub = menu.addMenu(QCoreApplication.translate("Language", "&Language"))
    group = QActionGroup(window)
    current = chosen(settings)
    choices = [(SYSTEM, QCoreApplication.translate("Language", "Follow the &system")), *LANGUAGES.items()]
    for code, label in choices:
        action = QAction(label, window)
        action.setCheckable(True)
        action.setChecked(code == current)
        action.triggered.connect(lambda _checked=False, c=code: choose(window, settings, c))
        group.addAction(action)
        sub.addAction(action)
    return group


def choose(window: QWidget | None, settings: QSettings, code: str) -> None:
    """Keep the choice; the window shows it from the next start (said in the status bar)."""
    if chosen(settings) == code:
        return
    settings.setValue(SETTING, code)
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(
            QCoreApplication.translate("Language", "The new language shows the next time studynotes starts")
        )
