"""KakaoTalk, Discord and Slack exports: recognised by content, a note per day, questions and answers.

The goldens pin every fixture's whole result; these tests say what matters in it,
so a change that breaks one of these rules fails with a readable reason.
"""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest

from studynotes.importers import collect_files, import_file, sniff
from studynotes.model import ImportContext, ImportFailure, ParsedDocument, Question

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"
KAKAO = DATA / "kakaotalk"
DISCORD = DATA / "discord"
SLACK = DATA / "slack"


def _questions(document: ParsedDocument) -> dict[str, Question]:
    return {q.text: q for q in document.questions}


# --- recognising the format ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("folder", "format_name"), [(KAKAO, "kakaotalk"), (DISCORD, "discord"), (SLACK, "slack")]
)
def test_every_fixture_is_recognised_from_its_content(folder: Path, format_name: str) -> None:
    for source in sorted(folder.iterdir()):
        if source.suffix == ".json" and source.with_suffix("").exists():
            continue  # a golden
        assert import_file(source).format == format_name, source.name


def test_chat_exports_do_not_take_over_other_formats(seeds: Path) -> None:
    for seed in seeds.glob("*.*"):
        if seed.suffix in (".md", ".txt"):
            assert sniff(seed.read_text(encoding="utf-8")).name not in ("kakaotalk", "discord", "slack"), seed


def test_format_option_overrides_recognition(tmp_path: Path) -> None:
    source = KAKAO / "real-windows-korean.txt"
    assert import_file(source, format_name="markdown").format == "markdown"


# --- KakaoTalk ------------------------------------------------------------------------------------


def test_every_client_of_one_chat_finds_the_same_first_questions() -> None:
    """The same mentoring chat exported from Android, iOS and the Mac, in Korean and English."""
    firsts = set()
    for name in (
        "real-android-korean-2015.txt",
        "real-android-english-time-first.txt",
        "real-ios-korean.txt",
        "real-ios-english.txt",
        "real-mac-korean.csv",
    ):
        document = import_file(KAKAO / name).document
        assert document.notes[0].date == dt.date(2015, 7, 9), name
        firsts.add(document.questions[1].text)
    assert firsts == {"저희가 멘토님 초대해야 될까요?"}


def test_pc_export_days_messages_and_answers() -> None:
    document = import_file(KAKAO / "pc-korean-lecture-crlf-lf.txt").document
    assert [n.title for n in document.notes] == ["딥러닝 기초반 · 2021-08-05", "딥러닝 기초반 · 2021-08-06"]
    assert [n.date for n in document.notes] == [dt.date(2021, 8, 5), dt.date(2021, 8, 6)]
    questions = _questions(document)
    backprop = questions["역전파에서 chain rule은 왜 곱하나요?"]
    assert (backprop.asker, backprop.asked_at, backprop.answered_by) == ("김민수", "15:21:00", "peer")
    # a message's own line breaks (bare LF inside a CRLF file) stay in it, `[참고]` included
    assert (
        backprop.answer
        == "**박지훈**: 합성함수 미분이라서 그래요\n각 층의 국소 기울기를 곱해요\n[참고] 교재 4장"
    )
    assert questions["과제 제출은 언제까지인가요?"].answered_by == "instructor"


def test_one_word_guesses_in_a_class_chat_are_not_questions() -> None:
    document = import_file(KAKAO / "pc-korean-lecture-crlf-lf.txt").document
    second_day = document.notes[1]
    texts = [q.text for q in second_day.questions]
    assert not any(t in texts for t in ("키보드?", "마우스???", "바이너리?"))
    assert "**09:01:00 김민수**: 키보드?" in second_day.cells[0].markdown


def test_a_lone_one_word_question_still_asks() -> None:
    from studynotes.importers.kakaotalk import parse

    text = "--------------- 2021년 8월 5일 목요일 ---------------\n[김민수] [오후 3:21] 과제?\n[박지훈] [오후 3:22] 금요일까지요\n"
    document = parse(text, ImportContext())
    assert [(q.text, q.answer) for q in document.questions] == [("과제?", "**박지훈**: 금요일까지요")]


def test_system_lines_photos_and_deleted_messages_are_never_messages() -> None:
    document = import_file(KAKAO / "pc-korean-lecture-crlf-lf.txt").document
    everything = "\n".join(c.markdown for n in document.notes for c in n.cells) + "\n".join(
        q.text + q.answer for q in document.questions
    )
    for word in ("들어왔습니다", "나갔습니다", "사진", "이모티콘", "삭제된 메시지"):
        assert word not in everything
    mac = import_file(KAKAO / "mac-csv-quotes-newlines.csv").document
    assert not any("invited" in c.markdown for n in mac.notes for c in n.cells)


def test_mac_csv_doubled_quotes_and_newlines_inside_a_field() -> None:
    questions = _questions(import_file(KAKAO / "mac-csv-quotes-newlines.csv").document)
    question = questions['오늘 읽을 부분이 "3.2 경사하강법" 맞죠?']
    assert question.answer == "**김하늘**: 네 맞아요\n3.2절부터 3.4절까지요"
    assert question.asked_at == "20:00:10"


def test_cp949_and_bom_exports_read_as_korean() -> None:
    cp949 = import_file(KAKAO / "pc-cp949-2017.txt")
    assert cp949.encoding == "cp949"
    assert cp949.document.notes[0].title == "알고리즘 스터디 · 2017-01-05"
    bom = import_file(KAKAO / "android-24-hour-bom.txt")
    assert bom.encoding == "utf-8-sig"
    assert _questions(bom.document)["프로세스와 스레드 차이 설명 가능하신 분?"].asked_at == "21:01:00"


def test_english_clients_12_hour_times() -> None:
    questions = _questions(import_file(KAKAO / "ios-english-at.txt").document)
    assert questions["Why does batch norm help with higher learning rates?"].asked_at == "15:21:00"
    early = import_file(KAKAO / "real-android-english-time-first.txt").document
    assert early.questions[0].asked_at == "20:34:00"


def test_bad_lines_are_named_and_the_rest_imports() -> None:
    imported = import_file(KAKAO / "truncated-bad-lines.txt")
    assert [w.line for w in imported.warnings] == [7, 8]
    assert imported.document.questions[0].text == "고유값이 0이면 역행렬이 없나요?"
    assert "그럼 대각화는 언제 가능한" in imported.document.notes[0].cells[-1].markdown


def test_a_copied_fragment_without_dates_is_one_undated_note() -> None:
    imported = import_file(KAKAO / "fragment-no-date.txt")
    assert [n.date for n in imported.document.notes] == [None]
    assert imported.warnings[0].line == 1


def test_a_binary_file_named_like_an_export_is_refused_by_name(tmp_path: Path) -> None:
    bad = tmp_path / "KakaoTalk_20210805.txt"
    bad.write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    with pytest.raises(ImportFailure, match="binary"):
        import_file(bad)


# --- Discord -----------------------------------------------------------------------------------------


def test_discord_replies_answer_the_message_they_reference() -> None:
    document = import_file(DISCORD / "study-server-replies.json").document
    questions = _questions(document)
    dropout = questions["드롭아웃은 추론할 때도 켜두나요?"]
    # only the reply answers: the unrelated message in between does not
    assert dropout.answer == "**멘토 이영희**: 추론할 때는 끄고, 학습 때 곱한 비율만큼 보정해요 *(edited)*"
    # a reply after midnight stays with its question's day
    quiz = questions["Is the quiz on Monday open book?"]
    assert quiz.answer == "**박지훈**: yes, one sheet of notes"
    assert document.notes[0].date == dt.date(2021, 8, 5)
    assert "치킨이요" in document.notes[0].cells[1].markdown  # a reply to chat stays chat
    assert (
        "[result.png](https://cdn.discordapp.com/attachments/900/1/result.png)"
        in document.notes[1].cells[0].markdown
    )


def test_discord_notices_are_not_messages() -> None:
    text = "\n".join(
        c.markdown for n in import_file(DISCORD / "study-server-replies.json").document.notes for c in n.cells
    )
    assert (
        "Joined the server" not in text and "Pinned a message" not in text and "Started a thread" not in text
    )


def test_discord_text_and_csv_dates_in_every_locale() -> None:
    english = import_file(DISCORD / "dce-en-us.txt").document
    assert [n.date for n in english.notes] == [dt.date(2021, 8, 5), dt.date(2021, 8, 6)]
    assert english.questions[0].asked_at == "20:01:00"
    korean = import_file(DISCORD / "dce-korean-locale.txt").document
    assert korean.questions[0].answer == "**김철수**: 가중치 없는 그래프면 BFS예요"
    assert "**20:30:00 Alice**" in korean.notes[0].cells[-1].markdown  # `Alice#1234`, old header shape
    csv = import_file(DISCORD / "dce-export.csv").document
    assert csv.questions[0].text == 'What does "stride" change in a conv layer?'


def test_truncated_discord_json_keeps_the_whole_messages(tmp_path: Path) -> None:
    whole = (DISCORD / "study-server-replies.json").read_text(encoding="utf-8")
    cut = tmp_path / "cut.json"
    cut.write_text(whole[: whole.index("Is the quiz")], encoding="utf-8")
    imported = import_file(cut)
    assert imported.format == "discord"
    assert "breaks off" in str(imported.warnings[0]) and imported.warnings[0].line
    assert imported.document.questions[0].text == "드롭아웃은 추론할 때도 켜두나요?"


# --- Slack ----------------------------------------------------------------------------------------


def test_slack_workspace_threads_across_day_files_names_and_markup() -> None:
    imported = import_file(SLACK / "study-workspace")
    assert imported.format == "slack"
    titles = [n.title for n in imported.document.notes]
    assert titles == ["#공지 · 2021-08-06", "#질문 · 2021-08-05", "#질문 · 2021-08-06"]
    questions = _questions(imported.document)
    batch = questions["@멘토 이영희 님, **배치 정규화**는 추론할 때 어떤 평균을 쓰나요?"]
    assert batch.asked_at == "20:01:00"  # the workspace's own time zone (Asia/Seoul)
    assert batch.answer.startswith(
        "**멘토 이영희**: 학습 중에 모은 *이동 평균*을 씁니다. 자세한 건 [원 논문](https://arxiv.org/abs/1502.03167)"
    )
    # the reply sits in the next day's file; it still answers its thread
    midterm = questions["Does anyone know if the ~~quiz~~ midterm covers chapter 5?"]
    assert midterm.answer == "**박지훈**: yes, up to 5.3 (see `syllabus.md`)"
    everything = "\n".join(c.markdown for n in imported.document.notes for c in n.cells)
    assert "has joined the channel" not in everything and "set the channel topic" not in everything
    assert "<3" in everything and "@channel" in everything


def test_slack_zip_folder_and_one_channel_give_the_same_thread(tmp_path: Path) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for file in sorted((SLACK / "study-workspace").rglob("*.json")):
            z.write(file, "Study Export/" + file.relative_to(SLACK / "study-workspace").as_posix())
    from_zip = import_file(archive).document
    from_folder = import_file(SLACK / "study-workspace").document
    assert [q.text for q in from_zip.questions] == [q.text for q in from_folder.questions]
    channel = import_file(SLACK / "study-workspace" / "질문").document  # users.json from beside it
    assert [q.asker for q in channel.questions] == ["김민수", "yuna", "김민수"]


def test_a_day_file_alone_names_people_from_their_profiles() -> None:
    document = import_file(SLACK / "real-korean-question-board.json").document
    first = document.questions[0]
    assert first.asker == "18기 김창영"
    assert first.answer.startswith("**11기 이혁진**: allow 면 크롤링")
    # a thread follow-up that asks is not a new question, and the asker's thanks are not an answer
    assert "해결 하셨나요?" not in [q.text for q in document.questions]


def test_folders_hold_slack_exports_whole_and_chat_json_but_not_other_json(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("# notes\n", encoding="utf-8")
    (tmp_path / "package.json").write_text('{"name": "x"}', encoding="utf-8")
    (tmp_path / "notion-table.csv").write_text("Name,Tags\nA,B\n", encoding="utf-8")
    (tmp_path / "discord.json").write_bytes((DISCORD / "thread-export.json").read_bytes())
    workspace = tmp_path / "slack"
    workspace.mkdir()
    for file in (SLACK / "study-workspace").rglob("*.json"):
        target = workspace / file.relative_to(SLACK / "study-workspace")
        target.parent.mkdir(exist_ok=True)
        target.write_bytes(file.read_bytes())
    files, errors = collect_files([tmp_path])
    assert errors == []
    assert sorted(p.name for p in files) == ["discord.json", "notes.md", "slack"]


def test_a_broken_zip_is_refused_by_name(tmp_path: Path) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("general/2021-08-05.json", json.dumps([{"type": "message", "ts": "1", "text": "x"}]))
    archive.write_bytes(archive.read_bytes()[:-30])
    with pytest.raises(ImportFailure) as failure:
        import_file(archive)
    assert str(archive) in str(failure.value)


def test_a_question_mark_inside_a_link_asks_nothing() -> None:
    from studynotes.importers.slack import parse

    day = [
        {
            "type": "message",
            "user": "U1",
            "text": "intro: <https://www.youtube.com/watch?v=zwYV11a__HQ>",
            "ts": "1458222746.000002",
        },
        {
            "type": "message",
            "user": "U2",
            "text": "where is the video for week 3?",
            "ts": "1458222800.000002",
        },
    ]
    document = parse(json.dumps(day), ImportContext(file_name="2016-03-17.json", folder_name="general"))
    assert [q.text for q in document.questions] == ["where is the video for week 3?"]
