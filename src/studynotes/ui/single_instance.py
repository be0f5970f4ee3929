"""One window per library: a second start hands its files to the window already open, then exits.

The running window listens on a local socket (a Unix socket or a Windows
named pipe) named after the library file, so two different libraries can
still be open side by side.  What a second start sends is one line of JSON:
the files to import (possibly none, which just raises the window).

A start asks through Python's own Unix socket where there is one, and a start that finds no
window takes the socket at once (`hand_off_or_claim`): a second start a moment later waits in
its queue instead of opening a second window. Qt's server adopts that socket once the window
has been painted, so QtNetwork (about 3% of the window's start) loads after the first paint.
"""

from __future__ import annotations

import _socket  # the socket module without the enums it builds at import (as costly as QtNetwork)
import errno
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

HANDOFF_TIMEOUT_MS = 1_500
CLAIM_ATTEMPTS = 3


def server_name(library_path: Path) -> str:
    """Stable for a library file and a user; short enough for every platform's socket names."""
    key = str(library_path.expanduser().resolve())
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    return "studynotes-" + hashlib.sha256(f"{user}\0{key}".encode()).hexdigest()[:20]


def socket_path(name: str) -> Path:
    """Where Qt's local server puts a Unix socket of this name: in QDir.tempPath()."""
    return Path(os.environ.get("TMPDIR") or "/tmp") / name


def hand_off(library_path: Path, files: list[Path]) -> bool:
    """Give the files to a window already showing this library; False when there is none."""
    message = (json.dumps({"files": [str(f.expanduser().resolve()) for f in files]}) + "\n").encode("utf-8")
    name = server_name(library_path)
    if os.name != "posix" or not hasattr(_socket, "AF_UNIX"):
        return _hand_off_through_qt(name, message)
    client = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        client.settimeout(HANDOFF_TIMEOUT_MS / 1000)
        client.connect(str(socket_path(name)))
        client.sendall(message)
    except OSError:  # nobody listening (no file, or one left by a window that was killed)
        return False
    finally:
        client.close()
    return True


def hand_off_or_claim(library_path: Path, files: list[Path]) -> tuple[bool, int | None]:
    """(True, None) when a window already showing the library took the files.

    Otherwise (False, fd): this start's listening socket, taken before its window is built so
    that a start moments later queues on it; None where it cannot be taken early (Windows'
    named pipes), and the window then listens by name after its first paint.
    """
    name = server_name(library_path)
    for _ in range(CLAIM_ATTEMPTS):
        if hand_off(library_path, files):
            return True, None
        claimed = _claim(socket_path(name))
        if claimed != _TAKEN_MEANWHILE:
            return False, claimed
    return False, None


_TAKEN_MEANWHILE = -2


def _claim(path: Path) -> int | None:
    """Bind and listen on the socket file; its descriptor, or `_TAKEN_MEANWHILE` if another start won."""
    if os.name != "posix" or not hasattr(_socket, "AF_UNIX"):
        return None
    listener = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        try:
            listener.bind(str(path))
        except OSError as error:
            if error.errno != errno.EADDRINUSE:
                raise
            if _answers(path):
                listener.close()
                return _TAKEN_MEANWHILE
            path.unlink(missing_ok=True)  # left by a window that was killed
            listener.bind(str(path))
        path.chmod(0o600)  # before listening: nobody else's start can connect to it
        listener.listen(16)
    except OSError:
        listener.close()
        return None
    return int(listener.detach())


def release(claimed: int | None, library_path: Path) -> None:
    """Give back a socket taken early by a start that ends before its window listens."""
    if claimed is None:
        return
    os.close(claimed)
    socket_path(server_name(library_path)).unlink(missing_ok=True)


def _answers(path: Path) -> bool:
    """Whether a window listens on the socket file (an empty line is ignored by it)."""
    probe = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        probe.settimeout(HANDOFF_TIMEOUT_MS / 1000)
        probe.connect(str(path))
    except OSError:
        return False
    finally:
        probe.close()
    return True


def _hand_off_through_qt(name: str, message: bytes) -> bool:
    """A Windows named pipe, through Qt."""
    from PySide6.QtNetwork import QLocalSocket

    client = QLocalSocket()
    client.connectToServer(name)
    if not client.waitForConnected(HANDOFF_TIMEOUT_MS):
        return False
    client.write(message)
    sent = client.waitForBytesWritten(HANDOFF_TIMEOUT_MS)
    client.disconnectFromServer()
    return sent


class InstanceServer(QObject):
    """Listens for later starts on the same library; `received` carries the files they sent."""

    received = Signal(list)

    def __init__(
        self, library_path: Path, parent: QObject | None = None, *, claimed: int | None = None
    ) -> None:
        super().__init__(parent)
        from PySide6.QtNetwork import QLocalServer

        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        if claimed is not None and self._server.listen(claimed):
            return  # starts that came meanwhile are waiting in its queue
        if claimed is not None:
            os.close(claimed)
        name = server_name(library_path)
        if not self._server.listen(name):
            # A socket file left by a window that was killed: nobody answers on it, so it goes.
            QLocalServer.removeServer(name)
            self._server.listen(name)

    @property
    def listening(self) -> bool:
        return self._server.isListening()

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        """Read each later start's one line at once: it is written right after connecting."""
        while self._server.hasPendingConnections():
            peer = self._server.nextPendingConnection()
            buffer = b""
            while b"\n" not in buffer and (
                peer.bytesAvailable() or peer.waitForReadyRead(HANDOFF_TIMEOUT_MS)
            ):
                buffer += bytes(peer.readAll().data())
            peer.close()
            peer.deleteLater()
            files = _files_in(buffer.split(b"\n", 1)[0])
            if files is not None:
                self.received.emit(files)


def _files_in(line: bytes) -> list[Path] | None:
    """The files of a hand-off line; None for anything that is not one."""
    try:
        message = json.loads(line.decode("utf-8"))
    except ValueError:
        return None
    if not isinstance(message, dict) or not isinstance(message.get("files"), list):
        return None
    return [Path(f) for f in message["files"] if isinstance(f, str)]


def serve(
    library_path: Path,
    on_files: Callable[[list[Path]], None],
    parent: QObject,
    *,
    claimed: int | None = None,
) -> InstanceServer:
    server = InstanceServer(library_path, parent, claimed=claimed)
    server.received.connect(on_files)
    return server
