"""One window per library: a second start hands its files to the window already open, then exits.

The running window listens on a local socket (a Unix socket or a Windows
named pipe) named after the library file, so two different libraries can
still be open side by side.  What a second start sends is one line of JSON:
the files to import (possibly none, which just raises the window).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

HANDOFF_TIMEOUT_MS = 1_500


def server_name(library_path: Path) -> str:
    """Stable for a library file and a user; short enough for every platform's socket names."""
    key = str(library_path.expanduser().resolve())
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    return "studynotes-" + hashlib.sha256(f"{user}\0{key}".encode()).hexdigest()[:20]


def hand_off(library_path: Path, files: list[Path]) -> bool:
    """Give the files to a window already showing this library; False when there is none."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(library_path))
    if not socket.waitForConnected(HANDOFF_TIMEOUT_MS):
        return False
    message = json.dumps({"files": [str(f.expanduser().resolve()) for f in files]}) + "\n"
    socket.write(message.encode("utf-8"))
    sent = socket.waitForBytesWritten(HANDOFF_TIMEOUT_MS)
    socket.disconnectFromServer()
    return sent


class InstanceServer(QObject):
    """Listens for later starts on the same library; `received` carries the files they sent."""

    received = Signal(list)

    def __init__(self, library_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
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
            socket = self._server.nextPendingConnection()
            buffer = b""
            while b"\n" not in buffer and (
                socket.bytesAvailable() or socket.waitForReadyRead(HANDOFF_TIMEOUT_MS)
            ):
                buffer += bytes(socket.readAll().data())
            socket.close()
            socket.deleteLater()
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


def serve(library_path: Path, on_files: Callable[[list[Path]], None], parent: QObject) -> InstanceServer:
    server = InstanceServer(library_path, parent)
    server.received.connect(on_files)
    return server
