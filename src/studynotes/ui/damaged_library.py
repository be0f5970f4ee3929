"""A damaged library at start-up: say what is wrong and offer the latest good backup."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..library import DamagedLibrary, restore_backup

translate = QCoreApplication.translate


def restore_label() -> str:
    return translate("DamagedLibrary", "Restore the latest good backup")


def offer_good_backup(error: DamagedLibrary, parent: QWidget | None = None) -> bool:
    """Show the error with a button that restores the latest good backup; True once restored.

    The damaged file is kept beside the backups (restore copies it first).
    """
    box = QMessageBox(QMessageBox.Icon.Critical, "studynotes", str(error), parent=parent)
    restore = box.addButton(restore_label(), QMessageBox.ButtonRole.AcceptRole) if error.backup else None
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if restore is None or box.clickedButton() is not restore or error.backup is None:
        return False
    restore_backup(error.library_path, error.backup)
    return True
