"""Parsing in worker processes while saving: the library ends exactly as a serial import leaves it.

Every table is dumped row by row (only the clock's columns, `*_at`, left out) and compared
between an import parsed in this process and one parsed by spawned workers, on every file under
tests/data and on a generated corpus; a cancel, a failing save and a worker that dies leave the
library as it was and no worker process alive.
"""

from __future__ import annotations

import multiprocessing
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from library_rows import file_rows
from studynotes import parse_ahead
from studynotes.importing import Cancelled, ImportReport, import_paths
from studynotes.library import Library
from studynotes.library.connection import LibraryError
from studynotes.model import ImportFailure

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import corpus  # bench/ is scripts, not a package

DATA = Path(__file__).resolve().parents[1] / "data"


def dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows in rowid order: the worker's import must write them in the same order."""
    return file_rows(path, in_rowid_order=True)


def summary(report: ImportReport) -> tuple[list[Any], list[str]]:
    files = [
        (f.path, f.format, f.notebook, f.notes, f.questions, f.unchanged, f.warnings) for f in report.files
    ]
    return files, [str(e) for e in report.errors]


def workers(monkeypatch: pytest.MonkeyPatch, count: int) -> None:
    """Parse with `count` worker processes whatever the import's size (0: in this process)."""
    monkeypatch.setattr("studynotes.importing.worker_count", lambda sizes: count)


def import_into(path: Path, sources: list[Path], **options: Any) -> ImportReport:
    with Library.open(path) as library:
        return import_paths(library, sources, **options)


def sources_of_every_kind(tmp_path: Path) -> list[Path]:
    """Every file under tests/data's importers and real documents, and the seeds, copied (a second
    import changes some of them)."""
    root = tmp_path / "data"
    for kind in ("importers", "real"):
        shutil.copytree(DATA / kind, root / kind)
    shutil.copytree(DATA.parent.parent / "seeds", root / "seeds")
    return [root / "importers", root / "real", root / "seeds"]


@pytest.mark.parametrize("source", ["tests/data", "corpus"])
def test_parsing_in_workers_saves_exactly_what_parsing_here_saves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str
) -> None:
    if source == "corpus":
        corpus.generate(tmp_path / "corpus", notes=66, questions=700, seed=7)
        sources = [tmp_path / "corpus"]
    else:
        sources = sources_of_every_kind(tmp_path)
    workers(monkeypatch, 0)
    serial = import_into(tmp_path / "serial.sqlite3", sources)
    workers(monkeypatch, 1)
    parallel = import_into(tmp_path / "parallel.sqlite3", sources)
    assert summary(parallel) == summary(serial)
    assert serial.questions > 300
    assert len(serial.files) > parse_ahead.AHEAD_PER_WORKER  # more files than are read ahead
    assert dump(tmp_path / "parallel.sqlite3") == dump(tmp_path / "serial.sqlite3")
    # Again over the same library: unchanged files skipped, changed ones updated in place, alike.
    for folder in sources:
        for file in sorted(folder.rglob("*.md"))[::3]:
            file.write_bytes(file.read_bytes() + b"\n\n## Q. One more question?\n")
    workers(monkeypatch, 0)
    serial = import_into(tmp_path / "serial.sqlite3", sources)
    workers(monkeypatch, 1)
    parallel = import_into(tmp_path / "parallel.sqlite3", sources)
    assert summary(parallel) == summary(serial)
    assert any(f.unchanged for f in serial.files) and not all(f.unchanged for f in serial.files)
    assert dump(tmp_path / "parallel.sqlite3") == dump(tmp_path / "serial.sqlite3")
    assert multiprocessing.active_children() == []


def test_two_workers_save_what_one_saves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus.generate(tmp_path / "corpus", notes=33, questions=300, seed=5)
    workers(monkeypatch, 0)
    serial = import_into(tmp_path / "serial.sqlite3", [tmp_path / "corpus"])
    workers(monkeypatch, 2)
    parallel = import_into(tmp_path / "parallel.sqlite3", [tmp_path / "corpus"])
    assert summary(parallel) == summary(serial)
    assert dump(tmp_path / "parallel.sqlite3") == dump(tmp_path / "serial.sqlite3")


def test_files_with_the_same_bytes_are_skipped_as_a_serial_import_skips_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seeds: Path
) -> None:
    """Whether a file is unchanged depends on the files saved before it in the same import."""
    folder = tmp_path / "ML"
    folder.mkdir()
    for index in range(6):
        shutil.copy(seeds / "question-board-week2.md", folder / f"board-{index}.md")
    workers(monkeypatch, 0)
    serial = import_into(tmp_path / "serial.sqlite3", [folder])
    workers(monkeypatch, 1)
    parallel = import_into(tmp_path / "parallel.sqlite3", [folder])
    assert [f.unchanged for f in serial.files] == [False, True, True, True, True, True]
    assert summary(parallel) == summary(serial)
    assert dump(tmp_path / "parallel.sqlite3") == dump(tmp_path / "serial.sqlite3")


def test_an_unchanged_file_is_never_sent_to_a_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seeds: Path
) -> None:
    folder = tmp_path / "ML"
    folder.mkdir()
    for name in ("question-board-week2.md", "lecture-chat-log.txt", "daily-log-day15-19.txt"):
        shutil.copy(seeds / name, folder / name)
    workers(monkeypatch, 1)
    import_into(tmp_path / "lib.sqlite3", [folder])
    (folder / "lecture-chat-log.txt").write_bytes((folder / "lecture-chat-log.txt").read_bytes() + b"\n")
    sent: list[Path] = []
    real_submit = parse_ahead._Worker.submit

    def recording_submit(self: Any, raw: Any) -> None:
        sent.append(raw.path)
        real_submit(self, raw)

    monkeypatch.setattr(parse_ahead._Worker, "submit", recording_submit)
    again = import_into(tmp_path / "lib.sqlite3", [folder])
    assert sent == [folder / "lecture-chat-log.txt"]
    assert sorted(Path(f.path).name for f in again.files if f.unchanged) == [
        "daily-log-day15-19.txt",
        "question-board-week2.md",
    ]


def _corpus_and_library(tmp_path: Path) -> tuple[Path, Path, dict[str, list[tuple[Any, ...]]]]:
    corpus.generate(tmp_path / "corpus", notes=44, questions=400, seed=9)
    library = tmp_path / "lib.sqlite3"
    with Library.open(library) as opened:
        import_paths(opened, [DATA / "importers" / "question_board"])
    return tmp_path / "corpus", library, dump(library)


def test_a_cancel_with_workers_saves_nothing_and_stops_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, library, before = _corpus_and_library(tmp_path)
    workers(monkeypatch, 1)
    seen: list[str] = []

    def progress(done: int, total: int, text: str) -> None:
        seen.append(text)
        assert multiprocessing.active_children()  # the workers are parsing meanwhile

    with pytest.raises(Cancelled):
        import_into(library, [folder], progress=progress, cancelled=lambda: len(seen) >= 10)
    assert len(seen) == 10
    assert multiprocessing.active_children() == []
    assert dump(library) == before


def test_a_failing_save_with_workers_saves_nothing_and_stops_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, library, before = _corpus_and_library(tmp_path)
    workers(monkeypatch, 1)
    real_save = Library.save_import
    saved: list[object] = []

    def failing_save(self: Library, imported: Any, **options: Any) -> Any:
        saved.append(imported)
        if len(saved) == 7:
            raise sqlite3.OperationalError("disk I/O error")
        return real_save(self, imported, **options)

    monkeypatch.setattr(Library, "save_import", failing_save)
    with pytest.raises(LibraryError, match=r"disk I/O error.*the library is as it was"):
        import_into(library, [folder])
    assert multiprocessing.active_children() == []
    assert dump(library) == before


def test_a_worker_that_dies_fails_the_import_naming_the_file_and_saves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, library, before = _corpus_and_library(tmp_path)
    workers(monkeypatch, 1)

    def kill_the_worker(done: int, total: int, text: str) -> None:
        if done == 5:
            for child in multiprocessing.active_children():
                child.kill()
                child.join()

    with pytest.raises(
        ImportFailure, match=r"stopped unexpectedly \(exit code -9\); nothing was saved"
    ) as failure:
        import_into(library, [folder], progress=kill_the_worker)
    assert Path(failure.value.path).is_relative_to(folder)
    assert multiprocessing.active_children() == []
    assert dump(library) == before


def test_a_file_refused_in_a_worker_is_the_files_message_and_a_damaged_line_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus.generate(tmp_path / "corpus", notes=22, questions=200, seed=3)
    notebook = next(p for p in sorted((tmp_path / "corpus").iterdir()) if p.is_dir())
    (notebook / "empty.md").write_bytes(b"")
    (notebook / "picture.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    damaged = notebook / "damaged.md"
    damaged.write_bytes(b"\xef\xbb\xbf# Notes\n\n## Q. first?\nbad \xff\xfe here\n## Q. second?\n")
    workers(monkeypatch, 0)
    serial = import_into(tmp_path / "serial.sqlite3", [tmp_path / "corpus"])
    workers(monkeypatch, 1)
    parallel = import_into(tmp_path / "parallel.sqlite3", [tmp_path / "corpus"])
    assert summary(parallel) == summary(serial)
    assert sorted(str(e) for e in parallel.errors) == [
        f"{notebook / 'empty.md'}: the file is empty",
        f"{notebook / 'picture.md'}: this is a binary file, not text (an image, PDF or archive?)",
    ]
    (warned,) = [f for f in parallel.files if f.path == str(damaged)]
    assert warned.warnings == ["line 4: some bytes are not valid utf-8-sig; they are shown as \ufffd"]


def test_workers_start_from_a_thread_as_the_window_imports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus.generate(tmp_path / "corpus", notes=22, questions=200, seed=4)
    workers(monkeypatch, 0)
    serial = import_into(tmp_path / "serial.sqlite3", [tmp_path / "corpus"])
    workers(monkeypatch, 1)
    reports: list[ImportReport] = []
    thread = threading.Thread(
        target=lambda: reports.append(import_into(tmp_path / "thread.sqlite3", [tmp_path / "corpus"]))
    )
    thread.start()
    thread.join(timeout=300)
    assert reports and summary(reports[0]) == summary(serial)
    assert dump(tmp_path / "thread.sqlite3") == dump(tmp_path / "serial.sqlite3")
    assert multiprocessing.active_children() == []


def test_a_worker_imports_no_qt() -> None:
    """What a spawned worker imports: the importers, and the app's command-line entry (the window's
    main module, which spawn imports again); never Qt."""
    script = (
        "import sys, studynotes.cli, studynotes.parse_ahead, studynotes.importers as i\n"
        "i.registry()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_workers_only_for_an_import_big_enough_and_a_spare_core(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    assert parse_ahead.worker_count([1000] * 5) == 0
    assert parse_ahead.worker_count([1000] * parse_ahead.WORKERS_FROM_FILES) == 1
    assert parse_ahead.worker_count([1000] * (parse_ahead.WORKERS_FROM_FILES - 1)) == 0
    assert parse_ahead.worker_count([parse_ahead.WORKERS_FROM_BYTES, 10]) == 1
    assert parse_ahead.worker_count([parse_ahead.WORKERS_FROM_BYTES * 5]) == 0  # one file: nothing to overlap
    monkeypatch.setattr("os.cpu_count", lambda: 1)
    assert parse_ahead.worker_count([1000] * 10 * parse_ahead.WORKERS_FROM_FILES) == 0


KILLED_WHILE_SAVING = """
import multiprocessing, sys, time
from pathlib import Path
import studynotes.importing as importing
from studynotes.library import Library

importing.worker_count = lambda sizes: 1


def progress(done, total, text):
    if done == 0:
        print(*[child.pid for child in multiprocessing.active_children()], flush=True)
        time.sleep(600)


with Library.open(Path(sys.argv[1])) as library:
    importing.import_paths(library, [Path(sys.argv[2])], progress=progress)
"""


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads process states from /proc")
def test_a_worker_ends_by_itself_when_the_importing_process_is_killed(tmp_path: Path, seeds: Path) -> None:
    """Killed while the worker waits for the next file: the worker reads the end of its pipe and exits."""
    folder = tmp_path / "ML"
    folder.mkdir()
    for index in range(8):
        (folder / f"board-{index}.md").write_text(
            f"# Week {index}\n\n## Q. question {index}?\n", encoding="utf-8"
        )
    process = subprocess.Popen(
        [sys.executable, "-c", KILLED_WHILE_SAVING, str(tmp_path / "lib.sqlite3"), str(folder)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    with process.stdout:
        (worker,) = map(int, process.stdout.readline().split())
        _wait_until(lambda: _state(worker) == "S" and _waits_on_its_pipe(worker))  # parsed what it had
        process.kill()
        process.wait()
    _wait_until(lambda: not _alive(worker))
    assert not _alive(worker)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return "X"


def _alive(pid: int) -> bool:
    return _state(pid) not in ("Z", "X")


def _waits_on_its_pipe(pid: int) -> bool:
    try:
        return "pipe" in Path(f"/proc/{pid}/wchan").read_text()
    except OSError:
        return True  # no wait channel shown: the sleeping state is all there is to go by


def _wait_until(condition: Callable[[], bool], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.1)
