"""A link between imported Notion pages, clicked in the preview, opens the linked note."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from studynotes.importing import import_paths
from studynotes.library import Library

NOTION = Path(__file__).resolve().parents[1] / "data" / "bundles" / "notion" / "cs231n-study"


def test_a_note_link_selects_its_note_and_a_missing_one_says_so(window: Any, demo_library: Library) -> None:
    import_paths(demo_library, [NOTION])
    window.reload()
    home = next(n for n in demo_library.notes() if n.title == "CS231n 스터디")
    window.select_note(home.id)
    window.open_note_link("notion/437237b78bd8031e466c887e04acdaad")
    node = window.current_node()
    assert node is not None and node.kind == "note"
    assert demo_library.note(node.id).title == "2주차 · Lecture 3"  # type: ignore[union-attr]
    window.open_note_link("notion/ffffffffffffffffffffffffffffffff")
    assert "not in the library" in window.statusBar().currentMessage()
    assert window.current_node().id == node.id


def test_a_link_to_a_file_kept_with_the_note_opens_it_with_the_systems_viewer(
    window: Any, demo_library: Library, qtbot: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from PySide6.QtCore import QPoint, Qt, QUrl
    from PySide6.QtTest import QTest

    from studynotes.ui import window_files

    opened: list[QUrl] = []
    monkeypatch.setattr(window_files.QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    export, page = tmp_path / "export", "1주차 0123456789abcdef0123456789abcdef"
    (export / page).mkdir(parents=True)
    link = f"{page}/slides v2.pdf".replace(" ", "%20")
    (export / f"{page}.md").write_text(f"# 1주차\n\n[슬라이드]({link})를 보세요.\n", "utf-8")
    (export / page / "slides v2.pdf").write_bytes(b"%PDF-1.4 week one")
    import_paths(demo_library, [export], notebook="슬라이드")
    window.reload()
    note = next(n for n in demo_library.notes() if n.title == "1주차")
    window.preview.create_web_view()
    pane = window.preview.pane
    with qtbot.waitSignal(pane.shown, timeout=30_000):
        window.select_note(note.id)
    where: list[Any] = []

    def link_found() -> bool:
        pane.run_script(
            "(function(){var a=document.querySelector('a[href^=\"studynotes://attachment/\"]');"
            "if(!a)return '';var r=a.getBoundingClientRect();return (r.left+r.width/2)+','+(r.top+r.height/2);})()",
            where.append,
        )
        qtbot.wait(50)
        return any(where)

    qtbot.waitUntil(link_found, timeout=30_000)
    x, y = (float(v) for v in next(w for w in where if w).split(","))
    zoom = pane.zoomFactor()
    QTest.mouseClick(
        pane.focusProxy(), Qt.MouseButton.LeftButton, pos=QPoint(round(x * zoom), round(y * zoom))
    )
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    copy = Path(opened[0].toLocalFile())
    assert copy.name == "slides v2.pdf" and copy.read_bytes() == b"%PDF-1.4 week one"
    assert node_is(window, note.id)


def node_is(window: Any, note_id: int) -> bool:
    """Opening the file leaves the window where it was."""
    node = window.current_node()
    return node is not None and node.kind == "note" and node.id == note_id
