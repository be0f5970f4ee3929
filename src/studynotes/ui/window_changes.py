"""How the window follows the library: from each Change, or by re-reading after a move or import."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex

from ..library import Change
from .content import content_of

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from .main_window import MainWindow


def library_changed(window: MainWindow, change: Change) -> None:
    """Every view takes what changed from the Change: no re-reading of what it says."""
    window.note_cache.apply(change)
    for note_id in change.notes:
        window.preview.forget(note_id)
    if change.placement:
        reload(window)  # notes or weeks came, went or moved: the branches are read again
        return
    window.tree_model.apply_change(change)
    content = window._content
    shown = content is not None and bool(change.notes & set(content.note_ids))
    if shown and content is not None and (change.created or change.deleted):
        content.questions = content_of(window.library, content.node).questions
        window.questions.set_rows(content.questions)
    else:
        window.questions.apply_change(change)
    window._show_counts()
    if shown:
        touched = sorted(change.ids("question"))
        scroll = f"question-{touched[0]}" if len(touched) == 1 and not change.deleted else None
        window._render_current(scroll_to=scroll, keep_place=True)


def reload(window: MainWindow) -> None:
    """After an import or a move: re-read the tree, keeping expansion and selection."""
    window.preview.forget()
    window.note_cache.clear()
    tree, model = window.tree, window.tree_model
    expanded = model.expanded_keys(tree)
    current = window.current_node()
    key = current.key if current else None
    model.reload()
    for node_key in expanded:
        index = model.find(node_key)
        if index.isValid():
            tree.expand(index)
    index = model.find(key) if key is not None else QModelIndex()
    if not index.isValid():
        index = model.index(0, 0)
    if index.isValid():
        tree.setCurrentIndex(index)
        window.show_node(model.node(index))
    window._show_welcome_if_empty()


def check_external_changes(window: MainWindow) -> None:
    if window.library.changed_elsewhere():
        reload(window)
        window.statusBar().showMessage(
            translate("MainWindow", "Updated with changes made in another window"), 4000
        )


def reload_after_own_import(window: MainWindow) -> None:
    """The import ran on its own connection: it is this window's change, not another's."""
    window.library.changed_elsewhere()  # take note of it, so the watch does not announce it
    reload(window)
