"""Parsing files in worker processes while this process saves them, in the files' order.

Saving is one SQLite transaction in this process; parsing needs nothing from the library.  So
when an import is big enough to pay for starting a Python interpreter, files are parsed a few
ahead of the one being saved, in worker processes started with `spawn` (never `fork`: the window
imports from a thread of a Qt process, and Windows and macOS only spawn), while this process
saves: the two cores work at once.  Results come back in the files' order and are saved exactly
as a serial import saves them, so the library ends the same (same ids, notes, order).

What stays in this process: reading a file's bytes and hashing them (an unchanged file is
skipped before it is parsed, never sent), and every decision that reads the library.  Only a
bounded number of files are read ahead, so memory stays flat whatever the corpus.  A worker
never imports Qt: it runs the importers only.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import queue
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from .importers import ImportedFile, bundle_format, parse_file, read_source
from .importers.parts.reading import ReadFile, decode_bytes, read_bytes
from .library.save_hints import hints_for
from .model import ImportContext, ImportFailure
from .worker_pipes import why_gone, widen

# Workers pay for themselves from about this much work: starting one (an interpreter, the
# importers imported) costs 0.3-0.7 s of CPU before its first file, and parsing is about 0.45 s
# per MB beside saving's 0.8 s, so a few MB or a few hundred files; and never for one file,
# whose parsing cannot overlap the saving of another.
WORKERS_FROM_FILES = 300
WORKERS_FROM_BYTES = 4 * 2**20
# Files read ahead of the one being saved, per worker, and their bytes at most (one file may be
# bigger): enough that a worker and the saving process rarely wait on each other on a busy
# machine, little enough to stay flat.
AHEAD_PER_WORKER = 16
AHEAD_BYTES = 32 * 2**20


@dataclass
class RawFile:
    """A file's bytes and hash, read by the importing process; decoded where it is parsed."""

    path: Path
    sha256: str
    folder_path: str
    data: bytes | None = None
    read: ReadFile | None = None  # a Slack export folder or zip, read whole by the importing process

    @property
    def size(self) -> int:
        return len(self.data) if self.data is not None else 0


def read_raw(path: Path, folder_path: str) -> RawFile:
    """A file's bytes and hash, or ImportFailure naming it (a Slack export is read as one document)."""
    if bundle_format(path):
        read = read_source(path)
        return RawFile(path, read.sha256, folder_path, read=read)
    data, digest = read_bytes(path)
    return RawFile(path, digest, folder_path, data=data)


def parse_raw(raw: RawFile, context: ImportContext, format_name: str | None) -> ImportedFile | ImportFailure:
    """Decode, recognise and parse one file, here or in a worker: a problem is the file's message."""
    try:
        read = raw.read
        if read is None:
            assert raw.data is not None
            read = ReadFile(raw.path, raw.sha256, decode_bytes(raw.data, str(raw.path)))
        parsed = parse_file(read, context, format_name)
    except ImportFailure as failure:
        return failure
    except Exception as error:  # noqa: BLE001 (a parser bug shows as the file's message, not a traceback)
        return ImportFailure(str(raw.path), f"its format could not be recognised ({error})")
    parsed.folder_path = raw.folder_path
    return parsed


def worker_count(sizes: Iterable[int]) -> int:
    """Worker processes for files of these sizes: none for a small import or a single core.

    One worker: saving (this process) takes longer than parsing, so a second worker would only
    take CPU from the saving process on two cores."""
    if (os.cpu_count() or 1) < 2:
        return 0
    count = total = 0
    for size in sizes:
        count, total = count + 1, total + size
        if count >= 2 and (count >= WORKERS_FROM_FILES or total >= WORKERS_FROM_BYTES):
            return 1
    return 0


# -- in a worker process --------------------------------------------------------------------------
def _serve(tasks: Connection, results: Connection, context: ImportContext, format_name: str | None) -> None:
    """Parse the files sent, in order, until told to stop (None) or the importing process is gone.

    Ctrl-C is left to the importing process, which stops the workers itself."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        try:
            raw = tasks.recv()
        except (EOFError, OSError):
            return
        if raw is None:
            return
        parsed = parse_raw(raw, context, format_name)
        if isinstance(parsed, ImportedFile):
            _ = parsed.resolved_path  # asked of the file system here, not by the saving process
            # Worked out here only while no file waits to be parsed: when this process is the one the
            # saving process waits for, whatever it takes over would lengthen the import as much.
            try:
                parsed.hints = None if _behind(tasks) else hints_for(parsed)
            except Exception:  # noqa: BLE001 (without them saving works each value out itself)
                parsed.hints = None
        try:
            results.send(parsed)
        except (pickle.PicklingError, TypeError, AttributeError) as error:  # an importer's unpicklable object
            results.send(ImportFailure(str(raw.path), f"its format could not be recognised ({error})"))
        except OSError:  # the importing process is gone (killed): nobody waits for the result
            return


def _behind(tasks: Connection) -> bool:
    """Whether the next file is already waiting: this process is what the saving process waits for."""
    try:
        return tasks.poll()
    except (EOFError, OSError):
        return True


# -- in the importing process ---------------------------------------------------------------------
class _Worker:
    """One worker process with a pipe each way: its results come back in the order sent, and its
    death reads as the end of its pipe (never a wait without end).  A thread sends the files, so
    that sending a big file never waits on the worker sending a big result."""

    def __init__(self, spawn: Any, context: ImportContext, format_name: str | None) -> None:
        task_reader, self._task_writer = spawn.Pipe(duplex=False)
        self._result_reader, result_writer = spawn.Pipe(duplex=False)
        self.process = spawn.Process(
            target=_serve,
            args=(task_reader, result_writer, context, format_name),
            name="studynotes-parse",
            daemon=True,
        )
        self.process.start()
        task_reader.close()
        result_writer.close()
        for pipe in (self._task_writer, self._result_reader):
            widen(pipe)
        self._outbox: queue.SimpleQueue[RawFile | None] = queue.SimpleQueue()
        self._sender = threading.Thread(target=self._send, name="studynotes-parse-send", daemon=True)
        self._sender.start()

    def _send(self) -> None:
        while True:
            raw = self._outbox.get()
            try:
                self._task_writer.send(raw)
            except (OSError, ValueError):  # the worker is gone: reading its result says so
                return
            if raw is None:
                return

    def submit(self, raw: RawFile) -> None:
        self._outbox.put(raw)

    def result(self, path: Path) -> ImportedFile | ImportFailure:
        try:
            parsed: ImportedFile | ImportFailure = self._result_reader.recv()
        except (EOFError, OSError) as error:
            why = why_gone(self.process, error)
            raise ImportFailure(
                str(path), f"the process reading it stopped unexpectedly ({why}); nothing was saved"
            ) from None
        return parsed

    def stop(self, now: bool) -> None:
        """Let the worker finish and exit, or (a cancel, a failure) end it at once; wait for both."""
        self._outbox.put(None)
        if now:
            self.process.terminate()
        self.process.join()
        self._sender.join()
        self._task_writer.close()
        self._result_reader.close()
        self.process.close()


@dataclass
class Ahead:
    """One file on its way: read (or why not), and being parsed unless it looked unchanged."""

    path: Path
    raw: RawFile | ImportFailure
    worker: _Worker | None = None
    _parsed: ImportedFile | ImportFailure | None = None

    def parsed(self, context: ImportContext, format_name: str | None) -> ImportedFile | ImportFailure:
        """The file parsed: by its worker, or here when it was not sent to one."""
        assert isinstance(self.raw, RawFile)
        if self._parsed is None:
            self._parsed = (
                self.worker.result(self.path)
                if self.worker is not None
                else parse_raw(self.raw, context, format_name)
            )
        return self._parsed

    def drop(self) -> None:
        """Not needed after all (unchanged): its worker's result is read and let go, keeping the order."""
        if self.worker is not None and self._parsed is None:
            self._parsed = self.worker.result(self.path)
        self._parsed = None


class ParseAhead:
    """Files read, and parsed by workers, ahead of the one being saved; in the files' order.

    `looks_unchanged(path, sha256)` is asked as a file is read: a file the library already holds
    is not sent to a worker.  The saving loop asks the library again when the file's turn comes
    (files saved before it may have changed the answer) and parses it then if need be, so the
    outcome is always the serial import's.  Use as a context manager: leaving it stops the
    workers, at once on a failure or a cancel, and waits until they have exited."""

    def __init__(
        self,
        files: list[tuple[Path, str]],
        context: ImportContext,
        format_name: str | None,
        looks_unchanged: Callable[[Path, str], bool],
        workers: int,
    ) -> None:
        self._files = iter(files)
        self.context, self.format_name = context, format_name
        self._looks_unchanged = looks_unchanged
        self._ahead: deque[Ahead] = deque()
        self._ahead_bytes = 0
        self._most = max(1, AHEAD_PER_WORKER * workers)
        self._workers: list[_Worker] = []
        self._sent = 0
        spawn = multiprocessing.get_context("spawn")
        try:
            for _ in range(workers):
                self._workers.append(_Worker(spawn, context, format_name))
        except BaseException:
            self.close(now=True)
            raise

    def __enter__(self) -> ParseAhead:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        self.close(now=kind is not None or bool(self._ahead))

    def close(self, now: bool = True) -> None:
        """Stop the workers (files not yet saved are dropped) and wait until they have exited."""
        self._ahead.clear()
        workers, self._workers = self._workers, []
        for worker in workers:
            worker.stop(now)

    def __iter__(self) -> Iterator[Ahead]:
        while True:
            self._read_ahead()
            if not self._ahead:
                return
            item = self._ahead.popleft()
            self._ahead_bytes -= item.raw.size if isinstance(item.raw, RawFile) else 0
            yield item

    def _read_ahead(self) -> None:
        while len(self._ahead) < self._most and (not self._ahead or self._ahead_bytes < AHEAD_BYTES):
            nxt = next(self._files, None)
            if nxt is None:
                return
            path, folder_path = nxt
            try:
                raw: RawFile | ImportFailure = read_raw(path, folder_path)
            except ImportFailure as failure:
                raw = failure
            item = Ahead(path, raw)
            if isinstance(raw, RawFile):
                self._ahead_bytes += raw.size
                if self._workers and not self._looks_unchanged(path, raw.sha256):
                    item.worker = self._workers[self._sent % len(self._workers)]
                    item.worker.submit(raw)
                    self._sent += 1
            self._ahead.append(item)
