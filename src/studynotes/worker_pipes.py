"""The pipes between an importing process and a worker it spawned, shared by both kinds of
worker (files parsed ahead, a long chat's days)."""

from __future__ import annotations

import contextlib
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

PIPE_BYTES = 2**20


def widen(pipe: Connection) -> None:
    """A pipe that holds a few results (1 MB, not 64 KB) on Linux: neither process waits on the
    other each time the scheduler sets one aside for a moment."""
    try:
        import fcntl
    except ImportError:  # Windows sizes its pipes otherwise
        return
    command = getattr(fcntl, "F_SETPIPE_SZ", None)
    if command is not None:
        with contextlib.suppress(OSError):  # above the system's limit for a pipe: the default works
            fcntl.fcntl(pipe.fileno(), command, PIPE_BYTES)


def why_gone(process: BaseProcess, error: BaseException) -> str:
    """Why a worker's pipe ended: its error, else its exit code once it has ended."""
    process.join(timeout=5)
    return str(error) or f"exit code {process.exitcode}"
