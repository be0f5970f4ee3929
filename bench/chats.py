"""Long chats, measured: a 100,000-message chat of each format imported, and a 5,000-message day rendered.

    .venv/bin/python bench/chats.py [--messages 100000] [--day 5000] [--runs 3]

Generates chats the way each client writes them (KakaoTalk PC and phone text and
Mac CSV, DiscordChatExporter JSON/TXT/CSV, a Slack workspace folder, Zoom's
new chat) from one seeded script of questions, answers, guesses and chatter,
then prints for each: parse seconds, whole import into a fresh library
(parse + save, one transaction), notes and questions.  Then one day of
`--day` messages: its note rendered whole, and its first screen (what the
preview shows first).  Prints figures; never fails on timing.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from studynotes.importers import import_file
from studynotes.importing import import_paths
from studynotes.library import Library
from studynotes.model import Note

PEOPLE = ["김민수", "박지훈", "최유나", "정다은", "이서준", "한지민", "강사 이영희", "Jisoo", "Minho Kang"]
TOPICS = [
    "역전파",
    "배치 정규화",
    "드롭아웃",
    "합성곱",
    "어텐션",
    "경사하강법",
    "정규화",
    "임베딩",
    "손실함수",
    "과적합",
]
THINGS = [
    "chain rule",
    "learning rate",
    "가중치",
    "편향",
    "기울기",
    "평균",
    "분산",
    "커널",
    "토큰",
    "배치 크기",
]
QUESTION_SHAPES = [
    "{topic}에서 {thing}은 왜 {n}번째 층에서 바뀌나요?",
    "{topic} 과제 {n}번은 {thing}을 어떻게 정하나요?",
    "Why does {thing} matter for {topic} in step {n}?",
    "{topic} 실습 {n}에서 {thing} 값이 nan이 나오는데 어떻게 하죠",
]
ANSWER_SHAPES = [
    "{topic}에서는 {thing}을 {n}배로 줄여보세요",
    "{thing}이 {topic}의 출력을 바꾸기 때문이에요 (교재 {n}쪽)",
    "because {thing} scales the {topic} output, see slide {n}",
]
CHATTER_SHAPES = [
    "감사합니다! {topic} 이해됐어요",
    "{topic} 실습 {n}번 코드 올렸습니다 https://github.com/example/study/pull/{n}",
    "오늘 {topic} 재밌었어요 ㅋㅋ",
    "{thing} 부분은 내일 다시 볼게요",
    "넵",
]
GUESSES = ["키보드?", "마우스???", "바이너리?", "{thing}?"]


def _say(rng: random.Random, shapes: list[str]) -> str:
    return rng.choice(shapes).format(
        topic=rng.choice(TOPICS), thing=rng.choice(THINGS), n=rng.randint(1, 999)
    )


@dataclass
class Said:
    when: dt.datetime
    sender: str
    text: str
    id: int
    reply_to: int | None = None


def script(messages: int, per_day: int, seed: int = 14) -> list[Said]:
    """A study chat: questions answered by peers or the instructor, guesses, thanks and chatter."""
    rng = random.Random(seed)
    out: list[Said] = []
    asked: int | None = None  # the latest question nobody answered yet
    start = dt.datetime(2021, 3, 2, 9, 0)
    for index in range(messages):
        day, slot = divmod(index, per_day)
        when = start + dt.timedelta(days=day, seconds=slot * max(1, 14 * 3600 // per_day))
        roll = rng.random()
        sender = rng.choice(PEOPLE)
        if roll < 0.1:
            text, reply = _say(rng, QUESTION_SHAPES), None
        elif roll < 0.3 and asked is not None:
            text, reply = _say(rng, ANSWER_SHAPES), asked
            asked = None
        elif roll < 0.33:
            text, reply = _say(rng, GUESSES), None
        else:
            text, reply = _say(rng, CHATTER_SHAPES), None
        out.append(Said(when, sender, text, index + 1, reply))
        asked = index + 1 if roll < 0.1 else asked
    return out


def _kakao_clock(when: dt.datetime) -> str:
    half = "오전" if when.hour < 12 else "오후"
    return f"{half} {(when.hour % 12) or 12}:{when.minute:02d}"


def kakao_pc(chat: list[Said], folder: Path) -> Path:
    lines = ["스터디방 님과 카카오톡 대화", "저장한 날짜 : 2021-12-01 12:00:00", ""]
    day = None
    for said in chat:
        if said.when.date() != day:
            day = said.when.date()
            lines.append(f"--------------- {day.year}년 {day.month}월 {day.day}일 화요일 ---------------")
        lines.append(f"[{said.sender}] [{_kakao_clock(said.when)}] {said.text}")
    path = folder / "KakaoTalk_pc.txt"
    path.write_bytes("\r\n".join(lines).encode("utf-8"))
    return path


def kakao_phone(chat: list[Said], folder: Path) -> Path:
    lines = ["스터디방 님과 카카오톡 대화", "저장한 날짜 : 2021. 12. 1. 오후 12:00", ""]
    day = None
    for said in chat:
        w = said.when
        if w.date() != day:
            day = w.date()
            lines += ["", f"{w.year}년 {w.month}월 {w.day}일 화요일"]
        lines.append(f"{w.year}. {w.month}. {w.day}. {_kakao_clock(w)}, {said.sender} : {said.text}")
    path = folder / "KakaoTalk_phone.txt"
    path.write_text("\ufeff" + "\n".join(lines), encoding="utf-8")
    return path


def kakao_csv(chat: list[Said], folder: Path) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
    buffer.write("Date,User,Message\n")
    for said in chat:
        buffer.write(said.when.strftime("%Y-%m-%d %H:%M:%S") + ",")
        writer.writerow([said.sender, said.text])
    path = folder / "KakaoTalk_Chat_스터디방_2021-12-01-12-00-00.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def _dce_message(said: Said) -> dict[str, object]:
    message: dict[str, object] = {
        "id": str(said.id),
        "type": "Reply" if said.reply_to else "Default",
        "timestamp": said.when.isoformat() + "+09:00",
        "timestampEdited": None,
        "content": said.text,
        "author": {"id": str(abs(hash(said.sender)) % 10**9), "name": said.sender, "nickname": said.sender},
        "attachments": [],
    }
    if said.reply_to:
        message["reference"] = {"messageId": str(said.reply_to), "channelId": "1"}
    return message


def discord_json(chat: list[Said], folder: Path) -> Path:
    data = {
        "guild": {"id": "1", "name": "Study"},
        "channel": {"id": "1", "type": "GuildTextChat", "category": "공부", "name": "질문"},
        "messages": [_dce_message(s) for s in chat],
    }
    path = folder / "discord.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def discord_txt(chat: list[Said], folder: Path) -> Path:
    lines = ["=" * 62, "Guild: Study", "Channel: 공부 / 질문", "=" * 62, ""]
    for said in chat:
        w = said.when
        clock = f"{(w.hour % 12) or 12}:{w.minute:02d} {'AM' if w.hour < 12 else 'PM'}"
        lines += [f"[{w.month}/{w.day}/{w.year} {clock}] {said.sender}", said.text, "", ""]
    path = folder / "discord.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def discord_csv(chat: list[Said], folder: Path) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(["AuthorID", "Author", "Date", "Content", "Attachments", "Reactions"])
    for said in chat:
        writer.writerow(["1", said.sender, said.when.isoformat() + "+09:00", said.text, "", ""])
    path = folder / "discord.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def slack_folder(chat: list[Said], folder: Path) -> Path:
    root = folder / "slack-export"
    (root / "질문").mkdir(parents=True)
    users = {name: f"U{index:03d}" for index, name in enumerate(PEOPLE)}
    (root / "users.json").write_text(
        json.dumps(
            [
                {"id": uid, "name": n, "tz_offset": 32400, "profile": {"display_name": n}}
                for n, uid in users.items()
            ],
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    (root / "channels.json").write_text('[{"id": "C1", "name": "질문"}]', encoding="utf-8")
    kst = dt.timezone(dt.timedelta(hours=9))
    ts = {s.id: f"{s.when.replace(tzinfo=kst).timestamp():.0f}.{s.id:06d}" for s in chat}
    days: dict[dt.date, list[dict[str, object]]] = {}
    for said in chat:
        message: dict[str, object] = {
            "type": "message",
            "user": users[said.sender],
            "text": said.text,
            "ts": ts[said.id],
        }
        if said.reply_to:
            message["thread_ts"] = ts[said.reply_to]
        days.setdefault(said.when.date(), []).append(message)
    for day, messages in days.items():
        (root / "질문" / f"{day.isoformat()}.json").write_text(
            json.dumps(messages, ensure_ascii=False), encoding="utf-8"
        )
    return root


def zoom_new_chat(chat: list[Said], folder: Path) -> Path:
    lines = []
    for said in chat:
        lines += [f"{said.when:%Y-%m-%d %H:%M:%S} From {said.sender} to Everyone:", f"\t{said.text}"]
    path = folder / "meeting_saved_new_chat.txt"
    path.write_bytes("\r\n".join(lines).encode("utf-8"))
    return path


WRITERS: dict[str, Callable[[list[Said], Path], Path]] = {
    "KakaoTalk PC": kakao_pc,
    "KakaoTalk phone": kakao_phone,
    "KakaoTalk Mac CSV": kakao_csv,
    "Discord JSON": discord_json,
    "Discord TXT": discord_txt,
    "Discord CSV": discord_csv,
    "Slack folder": slack_folder,
    "Zoom new chat": zoom_new_chat,
}


def timed(run: Callable[[], object], runs: int) -> tuple[float, object]:
    """Median wall seconds of `runs` runs (the machine's other load counts too: see the CPU column)."""
    seconds, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = run()
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds), result


def _cpu() -> float:
    """CPU seconds of this process and of its ended children (an import may parse in a worker)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def cpu_timed(run: Callable[[], object], runs: int) -> tuple[float, float, object]:
    """Median wall and CPU seconds of this process and the workers it started."""
    walls, cpus, result = [], [], None
    for _ in range(runs):
        wall, cpu = time.perf_counter(), _cpu()
        result = run()
        walls.append(time.perf_counter() - wall)
        cpus.append(_cpu() - cpu)
    return statistics.median(walls), statistics.median(cpus), result


def import_figures(messages: int, per_day: int, runs: int) -> None:
    chat = script(messages, per_day)
    print(
        f"\nImport: {messages:,} messages, {per_day:,} a day ({len(chat) // per_day} days), median of {runs}"
    )
    print(
        f"{'format':<20} {'MB':>6} {'parse s':>8} {'import s':>9} {'(CPU s)':>8} {'notes':>6} {'questions':>10}"
    )
    for name, write in WRITERS.items():
        with tempfile.TemporaryDirectory(prefix="chats-") as folder:
            print(format_figures(name, write(chat, Path(folder)), Path(folder), runs), flush=True)


def format_figures(name: str, source: Path, folder: Path, runs: int) -> str:
    """One format's row: size, parse seconds, whole-import wall and CPU seconds, notes, questions."""
    size = sum(f.stat().st_size for f in ([source] if source.is_file() else source.rglob("*.json")))
    parse_s, imported = timed(lambda: import_file(source), runs)
    document = imported.document  # type: ignore[attr-defined]

    def whole_import() -> object:
        with Library.open(folder / f"lib-{time.perf_counter_ns()}.sqlite3") as library:
            return import_paths(library, [source], notebook="Study")

    import_s, import_cpu, report = cpu_timed(whole_import, runs)
    assert not report.errors, report.errors  # type: ignore[attr-defined]
    return (
        f"{name:<20} {size / 1e6:>6.1f} {parse_s:>8.2f} {import_s:>9.2f} {import_cpu:>8.2f} "
        f"{len(document.notes):>6} {len(document.questions):>10}"
    )


def render_figures(per_day: int, runs: int) -> None:
    with tempfile.TemporaryDirectory(prefix="day-") as folder:
        source = kakao_pc(script(per_day, per_day), Path(folder))
        with Library.open(Path(folder) / "lib.sqlite3") as library:
            report = import_paths(library, [source], notebook="Study")
            note = library.note(report.files[0].note_ids[0])
    assert note is not None
    print(
        f"\nOne day of {per_day:,} messages: {len(note.cells)} cells, {len(note.questions)} questions, median of {runs}"
    )
    print(day_figures(note, runs))


def day_figures(note: Note, runs: int) -> str:
    from studynotes.render import render_note
    from studynotes.render.paged import render_paged

    whole_s, page = timed(lambda: render_note(note), runs)
    first_s, first = timed(lambda: render_paged([note], title=note.title).first, runs)

    def paged_whole() -> int:
        paged = render_paged([note], title=note.title)
        return len(paged.first) + sum(len(piece) for piece in paged.rest)

    pieces_s, _size = timed(paged_whole, runs)
    return "\n".join(
        [
            f"  render the whole note       {whole_s * 1000:8.0f} ms  ({len(str(page)) / 1e6:.1f} MB of HTML)",
            f"  render its first screen     {first_s * 1000:8.0f} ms  ({len(str(first)) / 1e3:.0f} KB of HTML)",
            f"  first screen + every piece  {pieces_s * 1000:8.0f} ms  (all the preview renders, in pieces)",
        ]
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--per-day", type=int, default=500)
    parser.add_argument("--day", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    import_figures(args.messages, args.per_day, args.runs)
    render_figures(args.day, args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
