"""A long chat's days built in a worker process too: the same notes as one process builds.

Every chat under tests/data and seeds/ of more than one day, and a generated chat of every
format, is parsed with its days built here only and with a worker forced to take days (one day
a batch, so the two processes meet in the middle); the parsed documents must be equal.  A
worker that dies fails the import naming the file and saves nothing; an error or Ctrl-C in
this process ends the worker; one core, a small chat or a process that is itself a worker
builds every day here.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from library_rows import file_rows
from studynotes.importers import chat_log, chat_workers, import_file
from studynotes.importing import import_paths
from studynotes.library import Library
from studynotes.model import ImportContext, ImportFailure, Note, ParsedDocument

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import chats  # bench/ is scripts, not a package

ROOT = Path(__file__).resolve().parents[2]
CHAT_FORMATS = ("chat_log", "kakaotalk", "discord", "slack")


def _here_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chat_workers, "MESSAGES_FOR_A_WORKER", 10**12)


def _with_a_worker(monkeypatch: pytest.MonkeyPatch, batch: int = 1) -> list[int]:
    """A worker for any chat of two days or more, given `batch` messages' worth of days at a time;
    returns the list the number of days of each batch sent is recorded in."""
    monkeypatch.setattr(chat_workers, "MESSAGES_FOR_A_WORKER", 0)
    monkeypatch.setattr(chat_workers, "BATCH_MESSAGES", batch)
    _an_idle_second_core(monkeypatch)
    sent: list[int] = []
    real_submit = chat_workers._DayWorker.submit

    def recording_submit(self: Any, days: list[Any]) -> None:
        sent.append(len(days))
        real_submit(self, days)

    monkeypatch.setattr(chat_workers._DayWorker, "submit", recording_submit)
    return sent


def _an_idle_second_core(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    monkeypatch.setattr("os.getloadavg", lambda: (1.2, 1.2, 1.2))  # this import and its earlier workers


def _multi_day_chats() -> list[Path]:
    """Every chat file and Slack export under tests/data and seeds/ that has more than one day."""
    found = []
    candidates = [p for root in (ROOT / "tests" / "data", ROOT / "seeds") for p in sorted(root.rglob("*"))]
    for path in candidates:
        if path.is_dir() and path.parent.name != "slack":
            continue
        if path.is_file() and path.suffix not in (".txt", ".csv", ".json", ".zip"):
            continue
        try:
            parsed = import_file(path)
        except ImportFailure:
            continue
        if parsed.format in CHAT_FORMATS and len(parsed.document.notes) >= 2:
            found.append(path)
    return found


def test_every_multi_day_chat_fixture_parses_the_same_with_a_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    _here_only(monkeypatch)
    sources = _multi_day_chats()
    assert len(sources) >= 20
    here = {path: import_file(path).document for path in sources}
    sent = _with_a_worker(monkeypatch)
    for path in sources:
        sent.clear()
        assert import_file(path).document == here[path], path
        assert sent, path  # the worker took days of it
    assert multiprocessing.active_children() == []


@pytest.mark.parametrize("format_name", list(chats.WRITERS))
def test_a_generated_chat_of_every_format_parses_the_same_with_a_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, format_name: str
) -> None:
    source = chats.WRITERS[format_name](chats.script(4_000, 100), tmp_path)
    _here_only(monkeypatch)
    here = import_file(source).document
    sent = _with_a_worker(monkeypatch, batch=250)
    with_worker = import_file(source).document
    assert len(here.notes) == 40 and len(here.questions) > 300
    assert with_worker == here
    assert sent  # the worker built some of the days (how many depends on how busy each core is)
    assert multiprocessing.active_children() == []


def test_a_long_chat_is_saved_the_same_with_a_worker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = chats.zoom_new_chat(chats.script(3_000, 60), tmp_path)
    _here_only(monkeypatch)
    here = _import_rows(tmp_path / "here.sqlite3", source)
    _with_a_worker(monkeypatch, batch=200)
    assert _import_rows(tmp_path / "worker.sqlite3", source) == here
    assert len(here["questions"]) > 200


def _import_rows(library: Path, source: Path) -> dict[str, list[tuple[Any, ...]]]:
    with Library.open(library) as opened:
        import_paths(opened, [source], notebook="Study")
    return file_rows(library)


def test_a_worker_that_dies_fails_the_file_naming_it_and_saves_nothing_of_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = chats.kakao_pc(chats.script(2_000, 100), tmp_path)
    library = tmp_path / "lib.sqlite3"
    with Library.open(library) as opened:
        import_paths(opened, [ROOT / "seeds" / "question-board-week2.md"], notebook="Study")
    before = file_rows(library)
    _with_a_worker(monkeypatch, batch=100)
    real_submit = chat_workers._DayWorker.submit

    def submit_then_die(self: Any, days: list[Any]) -> None:
        real_submit(self, days)
        self.process.kill()

    monkeypatch.setattr(chat_workers._DayWorker, "submit", submit_then_die)
    with Library.open(library) as opened:
        report = import_paths(opened, [source], notebook="Study")
    assert not report.files
    assert [str(e) for e in report.errors] == [
        f"{source.name}: the process pairing its answers stopped unexpectedly (exit code -9); "
        "the file was not imported"
    ]
    assert multiprocessing.active_children() == []
    assert file_rows(library) == before


def fails_on_day_three(day: int) -> Note:
    """A day builder that fails on one day (run by the worker, which imports this module)."""
    if day == 3:
        raise ValueError("day 3 cannot be read")
    return Note(title=f"day {day}")


def test_a_day_the_worker_cannot_build_fails_as_it_does_here(monkeypatch: pytest.MonkeyPatch) -> None:
    sent = _with_a_worker(monkeypatch)
    with pytest.raises(ValueError, match="day 3 cannot be read"):
        chat_workers.build_days(fails_on_day_three, list(range(8)), [1] * 8, "chat.txt")
    assert sent and multiprocessing.active_children() == []
    notes = chat_workers.build_days(fails_on_day_three, [0, 1, 2, 4, 5], [1] * 5, "chat.txt")
    assert [n.title for n in notes] == ["day 0", "day 1", "day 2", "day 4", "day 5"]


def interrupted_on_day_zero(day: int) -> Note:
    if day == 0:
        raise KeyboardInterrupt
    return Note(title=f"day {day}")


def test_an_interrupt_here_ends_the_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    sent = _with_a_worker(monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        chat_workers.build_days(interrupted_on_day_zero, list(range(6)), [1] * 6, "chat.txt")
    assert sent and multiprocessing.active_children() == []


def test_a_worker_only_for_a_long_chat_of_several_days_and_a_spare_core(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _an_idle_second_core(monkeypatch)
    most = chat_workers.MESSAGES_FOR_A_WORKER
    assert chat_workers._worth_a_worker([most // 2, most // 2])
    assert not chat_workers._worth_a_worker([most // 2, most // 2 - 1])
    assert not chat_workers._worth_a_worker([most * 5])  # one day: nothing to share
    monkeypatch.setattr("os.getloadavg", lambda: (1.6, 1.2, 1.0))  # another job has the second core
    assert not chat_workers._worth_a_worker([most, most])
    monkeypatch.setattr("os.cpu_count", lambda: 4)
    assert chat_workers._worth_a_worker([most, most])
    monkeypatch.setattr("os.cpu_count", lambda: 1)
    monkeypatch.setattr("os.getloadavg", lambda: (0.0, 0.0, 0.0))
    assert not chat_workers._worth_a_worker([most, most])


def _worth_it_here(result: Any) -> None:
    """In a daemon process, on an idle machine of two cores."""
    os.cpu_count = lambda: 2
    os.getloadavg = lambda: (0.0, 0.0, 0.0)
    result.put(chat_workers._worth_a_worker([chat_workers.MESSAGES_FOR_A_WORKER] * 2))


def test_no_worker_inside_a_worker() -> None:
    """A folder's files are parsed in daemon workers, which may not start processes of their own."""
    spawn = multiprocessing.get_context("spawn")
    result = spawn.Queue()
    process = spawn.Process(target=_worth_it_here, args=(result,), daemon=True)
    process.start()
    worth = result.get(timeout=120)
    process.join()
    assert worth is False


def test_days_built_here_when_no_process_can_start(monkeypatch: pytest.MonkeyPatch) -> None:
    _with_a_worker(monkeypatch)

    def cannot_start(self: Any, build: Any) -> None:
        raise OSError("too many processes")

    monkeypatch.setattr(chat_workers._DayWorker, "__init__", cannot_start)
    notes = chat_workers.build_days(fails_on_day_three, [0, 1, 2], [1] * 3, "chat.txt")
    assert [n.title for n in notes] == ["day 0", "day 1", "day 2"]


def test_a_zoom_chat_of_two_days_is_two_notes_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    source = ROOT / "tests" / "data" / "importers" / "chat_log" / "new-chat-replies-reactions-two-days.txt"
    _with_a_worker(monkeypatch)
    document: ParsedDocument = import_file(source).document
    assert [n.date.isoformat() if n.date else None for n in document.notes] == ["2024-05-07", "2024-05-08"]


# --- a long Zoom chat read in two parts at once -------------------------------------------------


def _zoom_read_here_only(monkeypatch: pytest.MonkeyPatch) -> None:
    _here_only(monkeypatch)
    monkeypatch.setattr(chat_log, "TEXT_FOR_A_WORKER", 10**12)


def _zoom_read_in_two_parts(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The second part of any chat of two days or more read by a worker; returns the list the
    first line of each part sent is recorded in."""
    monkeypatch.setattr(chat_log, "TEXT_FOR_A_WORKER", 0)
    _an_idle_second_core(monkeypatch)
    parts: list[int] = []
    real_read_later = chat_log._read_later

    def recording_submit(self: Any, days: list[Any]) -> None:
        if days and isinstance(days[0], tuple) and len(days[0]) == 3 and isinstance(days[0][1], int):
            parts.append(days[0][1])
        real_submit(self, days)

    real_submit = chat_workers._DayWorker.submit
    monkeypatch.setattr(chat_workers._DayWorker, "submit", recording_submit)
    assert real_read_later is chat_log._read_later
    return parts


def _zoom_chat(days: list[tuple[str, list[str]]]) -> str:
    """A Zoom new chat: (date, lines said that day); a line may be a whole header and text."""
    lines = ["# 딥러닝 스터디", ""]
    for date, said in days:
        for index, text in enumerate(said):
            if text.startswith(("10:", "2")):  # a header written out (another date, or none)
                lines.append(text)
                continue
            lines += [f"{date} 10:{index:02d}:00 From {PEOPLE[index % 3]} to Everyone:", f"\t{text}"]
    return "\r\n".join(lines)


PEOPLE = ["김민수", "박지훈", "강사 이영희"]
SAID = [
    "드롭아웃은 테스트 때도 켜두나요?",
    "아니요, 테스트 때는 드롭아웃을 끕니다",
    "감사합니다!",
    'Reacted to "드롭아웃은 테스트 때도 켜두나요?" with 👍',
    "배치 크기는 어떻게 정하나요?",
    "메모리가 허락하는 만큼 배치 크기를 크게 잡으세요",
]


@pytest.mark.parametrize(
    "case",
    [
        "every day once",
        "a day again after the cut",  # the two parts share a day: read in one process
        "no date first",  # one note for the whole chat: read in one process
        "bad dates, empty messages and reactions on both sides",
    ],
)
def test_a_zoom_chat_read_in_two_parts_is_the_chat_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    days = [(f"2024-05-{day:02d}", list(SAID)) for day in range(1, 11)]
    if case == "a day again after the cut":
        days.append(("2024-05-01", ["다시 첫날 질문: 학습률은 왜 줄이나요?"]))
    elif case == "no date first":
        days[0][1].insert(0, "10:00:00 From 김민수 : 안녕하세요 시작할까요?")
    elif case.startswith("bad dates"):
        for date, said in days[2::3]:
            said += [f"{date[:8]}41 11:00:00 From 박지훈 to Everyone:", "\t날짜가 이상한 줄?"]
            said += [f"{date} 11:05:00 From 박지훈 to Everyone:", ""]
    source = tmp_path / "meeting_saved_new_chat.txt"
    source.write_bytes(_zoom_chat(days).encode("utf-8"))
    _zoom_read_here_only(monkeypatch)
    whole = import_file(source)
    parts = _zoom_read_in_two_parts(monkeypatch)
    in_parts = import_file(source)
    assert in_parts.document == whole.document
    assert in_parts.warnings == whole.warnings
    assert len(parts) == 1 and parts[0] > 10  # the worker read from a line past the middle
    assert multiprocessing.active_children() == []
    if case == "every day once":
        assert [n.title for n in whole.document.notes][::9] == [
            "딥러닝 스터디 · 2024-05-01",
            "딥러닝 스터디 · 2024-05-10",
        ]
    if case.startswith("bad dates"):
        assert [w.line for w in whole.warnings][:3] == sorted(w.line for w in whole.warnings[:3])
        assert any("not a date" in w.message for w in whole.warnings)


@pytest.mark.parametrize("shape", [(4_000, 100), (4_500, 1_500)])
def test_a_generated_zoom_chat_read_in_two_parts_is_the_chat_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shape: tuple[int, int]
) -> None:
    source = chats.zoom_new_chat(chats.script(*shape), tmp_path)
    _zoom_read_here_only(monkeypatch)
    whole = import_file(source)
    parts = _zoom_read_in_two_parts(monkeypatch)
    assert import_file(source).document == whole.document
    assert len(parts) == 1
    assert multiprocessing.active_children() == []


def test_the_second_part_starts_at_a_new_day_near_the_middle(monkeypatch: pytest.MonkeyPatch) -> None:
    text = _zoom_chat([(f"2024-05-{day:02d}", list(SAID)) for day in range(1, 11)])
    monkeypatch.setattr(chat_log, "TEXT_FOR_A_WORKER", 0)
    _an_idle_second_core(monkeypatch)
    cut = chat_log._cut(text, ImportContext())
    assert cut is not None and text[cut:].endswith(
        "2024-05-10 10:05:00 From 강사 이영희 to Everyone:\r\n\t" + SAID[-1]
    )
    first, before = text[cut:].split("\r\n", 1)[0], text[:cut].rsplit("\r\n", 3)[-3]
    assert first.endswith("10:00:00 From 김민수 to Everyone:") and before[:10] < first[:10]  # a new day
    assert (
        len(text) * (1 - chat_log.WORKER_SHARE)
        <= cut
        < len(text) * (1 - chat_log.WORKER_SHARE) + len(text) / 5  # within two of the ten days
    )
    assert chat_log._cut(text, ImportContext(date=dt.date(2024, 5, 1))) is None  # one note: no parts
    assert chat_log._cut(_zoom_chat([("2024-05-01", SAID * 50)]), ImportContext()) is None  # one day
    monkeypatch.setattr("os.cpu_count", lambda: 1)
    assert chat_log._cut(text, ImportContext()) is None
