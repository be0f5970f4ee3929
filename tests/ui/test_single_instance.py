"""One window per library: a second start gives its files to the window already open."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest

from studynotes.ui.single_instance import InstanceServer, hand_off, server_name


def test_a_second_start_hands_its_files_to_the_first(qtbot: Any, tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite3"
    server = InstanceServer(library)
    assert server.listening
    files = [tmp_path / "채팅 로그.txt", tmp_path / "week 2" / "board.md"]
    with qtbot.waitSignal(server.received, timeout=5_000) as got:
        assert hand_off(library, files)
    assert got.args == [[f.resolve() for f in files]]
    server.close()


def test_another_library_is_another_window(qtbot: Any, tmp_path: Path) -> None:
    server = InstanceServer(tmp_path / "mine.sqlite3")
    assert server_name(tmp_path / "mine.sqlite3") != server_name(tmp_path / "theirs.sqlite3")
    assert not hand_off(tmp_path / "theirs.sqlite3", [])
    server.close()


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="a left-over socket file is a Unix matter")
def test_a_socket_left_by_a_killed_window_is_taken_over(qtbot: Any, tmp_path: Path) -> None:
    from PySide6.QtCore import QDir

    library = tmp_path / "library.sqlite3"
    stale = Path(QDir.tempPath()) / server_name(library)
    left = socket.socket(socket.AF_UNIX)
    left.bind(str(stale))  # a window killed while listening leaves this behind
    left.close()
    assert stale.exists()
    server = InstanceServer(library)
    assert server.listening
    with qtbot.waitSignal(server.received, timeout=5_000):
        assert hand_off(library, [])
    server.close()


def test_the_window_comes_forward_and_offers_the_files(qtbot: Any, window: Any, tmp_path: Path) -> None:
    from studynotes.ui.app import bring_forward
    from studynotes.ui.single_instance import serve

    offered: list[list[Path]] = []
    window.import_files = offered.append  # the import dialog itself is tested on its own
    serve(window.library.path, lambda files: bring_forward(window, files), window)
    window.showMinimized()
    note = tmp_path / "notes.md"
    note.write_text("# 질문?\n", encoding="utf-8")
    assert hand_off(window.library.path, [note])
    qtbot.waitUntil(lambda: offered == [[note.resolve()]], timeout=5_000)
    assert not window.isMinimized()


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="Qt's temporary folder holds Unix sockets only")
def test_a_start_finds_the_window_where_qt_keeps_its_socket(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QDir

    monkeypatch.setenv("TMPDIR", str(tmp_path / "run"))  # Qt's temporary folder, as a desktop may set it
    (tmp_path / "run").mkdir()
    library = tmp_path / "library.sqlite3"
    server = InstanceServer(library)
    assert Path(QDir.tempPath()) == tmp_path / "run"
    assert (tmp_path / "run" / server_name(library)).exists()
    with qtbot.waitSignal(server.received, timeout=5_000) as got:
        assert hand_off(library, [tmp_path / "notes.md"])
    assert got.args == [[(tmp_path / "notes.md").resolve()]]
    server.close()
    assert not hand_off(library, [])  # nobody listening any more


def test_a_stranger_on_the_socket_is_ignored(qtbot: Any, tmp_path: Path) -> None:
    from PySide6.QtNetwork import QLocalSocket

    library = tmp_path / "library.sqlite3"
    server = InstanceServer(library)
    received: list[object] = []
    server.received.connect(received.append)
    for junk in (b"not json\n", b'["a list"]\n', b'{"files": "a.md"}\n'):
        client = QLocalSocket()
        client.connectToServer(server_name(library))
        assert client.waitForConnected(2_000)
        client.write(junk)
        client.waitForBytesWritten(2_000)
        qtbot.wait(100)
        client.disconnectFromServer()
    with qtbot.waitSignal(server.received, timeout=5_000):
        assert hand_off(library, [])
    assert received == [[]]
    server.close()


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="taken early only where there are Unix sockets")
def test_a_start_moments_after_the_first_waits_for_its_window(qtbot: Any, tmp_path: Path) -> None:
    from studynotes.ui.single_instance import hand_off_or_claim, socket_path

    library = tmp_path / "library.sqlite3"
    handed, claimed = hand_off_or_claim(library, [])
    assert not handed and claimed is not None  # the first start, its window not built yet
    second = [tmp_path / "두 번째.md"]
    assert hand_off_or_claim(library, second) == (True, None)  # queued, not a second window
    server = InstanceServer(library, claimed=claimed)  # the first window, once painted
    with qtbot.waitSignal(server.received, timeout=5_000) as got:
        pass
    assert got.args == [[second[0].resolve()]]
    server.close()
    assert not socket_path(server_name(library)).exists()  # Qt's server removes what it adopted
    assert not hand_off(library, [])


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="a left-over socket file is a Unix matter")
def test_a_start_takes_over_a_socket_left_by_a_killed_window(qtbot: Any, tmp_path: Path) -> None:
    from studynotes.ui.single_instance import hand_off_or_claim, socket_path

    library = tmp_path / "library.sqlite3"
    left = socket.socket(socket.AF_UNIX)
    left.bind(str(socket_path(server_name(library))))
    left.close()
    handed, claimed = hand_off_or_claim(library, [])
    assert not handed and claimed is not None
    assert socket_path(server_name(library)).stat().st_mode & 0o077 == 0  # the user's alone
    server = InstanceServer(library, claimed=claimed)
    with qtbot.waitSignal(server.received, timeout=5_000):
        assert hand_off(library, [])
    server.close()


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="taken early only where there are Unix sockets")
def test_a_start_that_ends_before_its_window_gives_the_socket_back(tmp_path: Path) -> None:
    from studynotes.ui.single_instance import hand_off_or_claim, release, socket_path

    library = tmp_path / "library.sqlite3"
    _, claimed = hand_off_or_claim(library, [])
    assert socket_path(server_name(library)).exists()
    release(claimed, library)  # the library could not be opened
    assert not socket_path(server_name(library)).exists()
    assert not hand_off(library, [])
    _, again = hand_off_or_claim(library, [])
    assert again is not None
    release(again, library)
