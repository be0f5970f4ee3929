"""A long chat's days built on two cores: this process from the first day on, a worker from the last.

Pairing answers with questions is done day by day, each day on its own (a thread's replies are
already in its day), and it is most of the time a long chat takes to read.  So once a chat is
long enough to pay for starting a Python interpreter, a worker process (started with `spawn`,
never `fork`, and importing no Qt) builds days taken from the end of the chat, a few at a time,
while this process builds them from the start; they meet where the work is done, however busy
either core is.  Each day is built by the same function from the same messages either way, so
the notes are the same as one process makes, in the same order.

The parse stays all-or-nothing: the notes are used only once every day is built, a worker that
dies fails the file with a message naming it (nothing of it is saved), and leaving early (an
error, Ctrl-C) ends the worker at once.  One core, a machine whose cores are busy already, or a
process that is itself a worker (a folder's files are parsed in workers already) builds every day
here.  A Zoom chat also has its second half read by the worker (`chat_log`); `Later` is that part.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import pickle
import queue
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar, cast

from ..model import ImportFailure, Note
from ..worker_pipes import why_gone, widen

Day = TypeVar("Day")
Part = TypeVar("Part")
Built = TypeVar("Built")

# Starting a worker costs 0.3-0.5 s of CPU and each day sent and returned costs this process a
# little pickling; pairing takes about 40 µs a message, so from about 20,000 messages the worker
# gives back clearly more than it costs.
MESSAGES_FOR_A_WORKER = 20_000
# Days go to the worker in batches of about this many messages (0.05-0.1 s of work), two batches
# ahead, so that it rarely waits for the next one and the two processes meet within a batch.
BATCH_MESSAGES = 1_500
BATCHES_AHEAD = 2


def build_days(
    build: Callable[[Day], Note], days: Sequence[Day], sizes: Sequence[int], file_name: str
) -> list[Note]:
    """`build(day)` for every day, in order; some days in a worker process when the chat is long.

    `build` must be a module-level function and the days plain data (they are pickled);
    `sizes` are the days' message counts."""
    if not _worth_a_worker(sizes):
        return [build(day) for day in days]
    try:
        worker = _DayWorker(build)
    except OSError:  # no process can be started here: the days are built in this one
        return [build(day) for day in days]
    with worker:
        return _build_on_two_cores(build, days, sizes, worker, file_name)


def _worth_a_worker(sizes: Sequence[int]) -> bool:
    """Long enough, more than one day, and a spare core."""
    return len(sizes) >= 2 and sum(sizes) >= MESSAGES_FOR_A_WORKER and spare_core()


def spare_core() -> bool:
    """A second core that is idle, and not already inside a worker (whose children a daemon process
    may not start).  On a machine already busy (a load average of all its cores but half of one:
    this import, its earlier workers and other work) a worker only takes turns with other work for
    a core, while its start and the days passed to it and back cost this process more: measured
    at load 2 on two cores, a Zoom chat's import took longer with the worker than without."""
    cores = os.cpu_count() or 1
    if cores < 2 or multiprocessing.current_process().daemon:
        return False
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # not known here (Windows): a second core is taken as free
        return True
    return load < cores - 0.5


class Later(Generic[Built]):
    """A part of a file being read in a worker process while this process reads the rest."""

    def __init__(self, worker: _DayWorker[Any]) -> None:
        self._worker = worker
        self.taken = False

    def result(self, file_name: str) -> Built | None:
        """What the worker made of the part; None when it failed (the caller reads the file here,
        which reports the same error); ImportFailure naming the file when the worker is gone."""
        self.taken = True
        built = self._worker.result(file_name)
        return None if built is None else cast(Built, built[0])


@contextlib.contextmanager
def in_worker(build: Callable[[Part], Built], part: Part) -> Iterator[Later[Built] | None]:
    """`build(part)` started now in a worker process, for `Later.result`; None when no process can
    be started.  Leaving without taking the result (or on an error) ends the worker at once."""
    try:
        worker: _DayWorker[Any] = _DayWorker(build)
    except OSError:
        yield None
        return
    later: Later[Built] = Later(worker)
    failed = True
    try:
        worker.submit([part])
        yield later
        failed = False
    finally:
        worker.stop(now=failed or not later.taken)


def _build_on_two_cores(
    build: Callable[[Day], Note],
    days: Sequence[Day],
    sizes: Sequence[int],
    worker: _DayWorker[Day],
    file_name: str,
) -> list[Note]:
    notes: list[Note | None] = [None] * len(days)
    front, back = 0, len(days)  # this process builds [front, …); the worker was given [back, end)
    sent: deque[tuple[int, int]] = deque()  # batches given to the worker, in the order it returns them

    def send_batch() -> None:
        nonlocal back
        start, messages = back, 0
        while start > front + 1 and messages < BATCH_MESSAGES:  # never the day built here next
            start -= 1
            messages += sizes[start]
        if start < back:
            worker.submit(list(days[start:back]))
            sent.append((start, back))
            back = start

    def take_result() -> None:
        start, end = sent.popleft()
        built = worker.result(file_name)
        if built is None:  # the worker could not build these days: building them here says why
            built = [build(day) for day in days[start:end]]
        notes[start:end] = built

    for _ in range(BATCHES_AHEAD):
        send_batch()
    while front < back:
        notes[front] = build(days[front])
        front += 1
        while sent and worker.ready():
            take_result()
            send_batch()
    while sent:
        take_result()
    assert all(note is not None for note in notes)
    return [note for note in notes if note is not None]


# -- in the worker process ------------------------------------------------------------------------
def _serve(build: Callable[[Any], Any], tasks: Connection, results: Connection) -> None:
    """Build the batches of days sent, in order, until told to stop (None) or the pipe ends.

    A batch whose building fails comes back as None: the importing process builds it again
    itself, and the same error reaches the user as it would without a worker."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the importing process's to handle
    while True:
        try:
            batch = pickle.loads(tasks.recv_bytes())
        except (EOFError, OSError):
            return
        if batch is None:
            return
        gc.disable()  # what a batch makes lives until it is sent: the collector would walk it over and over
        try:
            built: bytes = pickle.dumps([build(day) for day in batch], pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 (reported by building the batch again in the importing process)
            built = pickle.dumps(None)
        finally:
            gc.enable()
        try:
            results.send_bytes(built)
        except OSError:  # the importing process is gone
            return


# -- in the importing process ---------------------------------------------------------------------
class _DayWorker(Generic[Day]):
    """One worker with a pipe each way.  A thread writes the batches (pickled here, so that a
    day that cannot be pickled fails here), so that writing never waits on the worker writing
    a result; the worker's death reads as the end of its pipe, never a wait without end."""

    def __init__(self, build: Callable[[Day], Any]) -> None:
        spawn = multiprocessing.get_context("spawn")
        task_reader, self._tasks = spawn.Pipe(duplex=False)
        self._results, result_writer = spawn.Pipe(duplex=False)
        self.process = spawn.Process(
            target=_serve, args=(build, task_reader, result_writer), name="studynotes-chat-days", daemon=True
        )
        try:
            self.process.start()
        except BaseException:
            for pipe in (task_reader, self._tasks, self._results, result_writer):
                pipe.close()
            raise
        task_reader.close()
        result_writer.close()
        for pipe in (self._tasks, self._results):
            widen(pipe)
        self._outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._writer = threading.Thread(target=self._write, name="studynotes-chat-days-send", daemon=True)
        self._writer.start()

    def __enter__(self) -> _DayWorker[Day]:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        self.stop(now=kind is not None)

    def _write(self) -> None:
        while True:
            batch = self._outbox.get()
            if batch is None:
                with contextlib.suppress(OSError, ValueError):
                    self._tasks.send_bytes(pickle.dumps(None))
                return
            try:
                self._tasks.send_bytes(batch)
            except (OSError, ValueError):  # the worker is gone: reading its result says so
                return

    def submit(self, days: list[Day]) -> None:
        self._outbox.put(pickle.dumps(days, pickle.HIGHEST_PROTOCOL))

    def ready(self) -> bool:
        """A result (or the worker's end) is waiting to be read."""
        return self._results.poll()

    def result(self, file_name: str) -> list[Any] | None:
        """What the worker built of the next batch, None when it could not build it;
        ImportFailure when the worker is gone."""
        try:
            built: list[Any] | None = pickle.loads(self._results.recv_bytes())
        except (EOFError, OSError) as error:
            why = why_gone(self.process, error)
            raise ImportFailure(
                file_name,
                f"the process pairing its answers stopped unexpectedly ({why}); the file was not imported",
            ) from None
        return built

    def stop(self, now: bool) -> None:
        """Let the worker exit, or (an error, Ctrl-C) end it at once; wait for both."""
        self._outbox.put(None)
        if now:
            self.process.terminate()
        self.process.join()
        self._writer.join()
        self._tasks.close()
        self._results.close()
        self.process.close()
