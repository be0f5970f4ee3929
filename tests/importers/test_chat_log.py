"""Lecture chat logs: the seed's numbers, every Zoom header shape, threads, privacy, and hostile input."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studynotes.importers import import_file, registry, sniff
from studynotes.importers.chat_log import parse, score
from studynotes.importers.chat_messages import match_header
from studynotes.importers.chat_text import asker_name, asks, is_small_talk, message_markdown
from studynotes.importing import import_paths
from studynotes.library import Library
from studynotes.model import ImportContext, Note, ParsedDocument, Question

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "lecture-chat-log.txt"
GOLDEN = ROOT / "tests" / "data" / "importers" / "chat_log"
SEED_TEXT = SEED.read_text(encoding="utf-8")


def _parse(text: str, **context: object) -> ParsedDocument:
    return parse(text, ImportContext(**context))  # type: ignore[arg-type]


def _note(text: str, **context: object) -> Note:
    document = _parse(text, **context)
    assert len(document.notes) == 1
    return document.notes[0]


def _by_time(note: Note) -> dict[str, Question]:
    return {q.asked_at or "": q for q in note.questions}


# --- the seed ---------------------------------------------------------------------------------


def test_seed_has_27_questions_all_answered_three_by_a_peer() -> None:
    note = _note(SEED_TEXT, file_name="lecture-chat-log.txt")
    questions = note.questions
    assert len(questions) == 27
    assert all(q.status == "answered" and q.answer.strip() for q in questions)
    assert sorted(q.asked_at or "" for q in questions if q.answered_by == "peer") == [
        "11:16:50",
        "11:55:52",
        "12:21:05",
    ]
    assert {q.answered_by for q in questions} == {"instructor", "peer"}
    assert not any(q.private for q in questions)


def test_seed_answers_are_folded_in_not_separate_questions() -> None:
    by_time = _by_time(_note(SEED_TEXT))
    assert by_time["11:16:50"].answer == "**young jun Choi**: 네"
    both = by_time["11:55:52"].answer
    assert both.startswith("**Seung Jun Lee**: I know validation set is used")
    assert "You also use the validation set to know when to stop" in both
    assert by_time["12:21:05"].answer.startswith("**Mario Choi**: binary classification을 multiclass")
    assert {"11:17:58", "11:57:47", "12:25:09", "11:23:40"}.isdisjoint(by_time)
    assert by_time["10:38:08"].text == "프로젝트는 개인플젝예정인가여 그룹플젝예정인가요?"
    assert by_time["10:38:08"].answer == "Both projects are individual projects."
    assert by_time["10:37:21"].answer == (
        "Please see this page (<https://numpy.org/devdocs/reference/generated/numpy.dot.html>)"
    )


def test_seed_consecutive_lines_of_one_sender_are_one_question() -> None:
    question = _by_time(_note(SEED_TEXT))["11:23:33"]
    assert question.text == "unsupervised learning의 경우\ny가 없느데 loss function은 어떤식으로"
    assert question.answered_by == "instructor"


@pytest.mark.parametrize(
    ("time", "asker", "raw"),
    [
        ("10:37:21", "이성준", "20175499 이성준"),
        ("10:38:08", "노윤영", "노윤영 4076"),
        ("10:42:57", "심상민", "심상민 (20203347)"),
        ("12:25:53", "박민영", "박민영(20203758)"),
        ("11:30:21", "김성민", "51560 김성민"),
        ("11:03:41", "YH Tan", "20204871 YH Tan"),
        ("12:14:45", "석원 이", "석원 이"),
    ],
)
def test_seed_askers_lose_their_student_numbers(time: str, asker: str, raw: str) -> None:
    question = _by_time(_note(SEED_TEXT))[time]
    assert (question.asker, question.raw_sender) == (asker, raw)


def test_seed_loses_no_message() -> None:
    """Every message of the chat is in a question, an answer or a text cell."""
    note = _note(SEED_TEXT)
    kept = "\n".join(
        [c.markdown for c in note.cells if c.question is None]
        + [f"{q.text}\n{q.answer}" for q in note.questions]
    )
    kept = kept.replace("<", "").replace(">", "")
    for line in SEED_TEXT.split("\n"):
        header = match_header(line)
        if header is not None:
            words = re.sub(r"<[^>]+>", "", header.text)[:20]
            assert words in kept, line


def test_seed_without_a_date_stays_unsorted_and_takes_its_title_from_the_file() -> None:
    note = _note(SEED_TEXT, file_name="lecture-chat-log.txt")
    assert (note.title, note.date, note.week, note.kind) == ("lecture-chat-log", None, None, "chat")


def test_the_users_date_wins() -> None:
    assert _note(SEED_TEXT, date=dt.date(2021, 9, 7)).date == dt.date(2021, 9, 7)


def test_zoom_folder_names_the_lecture_and_its_date(tmp_path: Path) -> None:
    folder = tmp_path / "2021-09-07 10.30.00 Lecture 3 91234567890"
    folder.mkdir()
    (folder / "meeting_saved_chat.txt").write_bytes(SEED.read_bytes())
    imported = import_file(folder / "meeting_saved_chat.txt")
    note = imported.document.notes[0]
    assert imported.format == "chat_log"
    assert (note.title, note.date, note.lecture) == ("Lecture 3", dt.date(2021, 9, 7), 3)
    assert len(note.questions) == 27


def test_a_generic_file_name_gives_a_generic_title() -> None:
    assert _note(SEED_TEXT, file_name="meeting_saved_chat.txt").title == "Lecture chat"
    assert _note(SEED_TEXT).title == "Lecture chat"


# --- header shapes ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("- 10:37:21 From 20175499 이성준 : 텐서?", ("10:37:21", "20175499 이성준", "", "텐서?")),
        ("  12:25:09 From Mario Choi : binary", ("12:25:09", "Mario Choi", "", "binary")),
        ("11:03:41 From 20204871 YH Tan: meta", ("11:03:41", "20204871 YH Tan", "", "meta")),
        ("10:02:11\t From  Kim Minsu : hi", ("10:02:11", "Kim Minsu", "", "hi")),
        ("10:02:11\t From  Kim Minsu  to  Everyone:", ("10:02:11", "Kim Minsu", "Everyone", "")),
        ("10:02:11 From Kim Minsu TO everyone:", ("10:02:11", "Kim Minsu", "everyone", "")),
        ("10:03:05 From Lee to Kim(Direct Message):", ("10:03:05", "Lee", "Kim(Direct Message)", "")),
        (
            "10:02:30\t From  Kim To Hyun  to  Sara(Privately) : notes",
            ("10:02:30", "Kim To Hyun", "Sara(Privately)", "notes"),
        ),
        ("10:00:05\t From  Kim To Hyun : Good morning", ("10:00:05", "Kim To Hyun", "", "Good morning")),
        ("2023-03-14 10:02:11 From Kim : Q: open book", ("10:02:11", "Kim", "", "Q: open book")),
        ("10:01:02 발신자 김민수 수신자 모두에게:", ("10:01:02", "김민수", "모두에게", "")),
        ("10:01:00 보낸 사람 김하나 : 안녕하세요", ("10:01:00", "김하나", "", "안녕하세요")),
        ("10:03:00  王伟 对 所有人: 这个公式", ("10:03:00", "王伟", "所有人", "这个公式")),
        ("10:06:00\t 開始 山田太郎 : 資料", ("10:06:00", "山田太郎", "", "資料")),
        ("2024-03-05 19:00:12 시작 김하나 수신자 모든 사람:", ("19:00:12", "김하나", "모든 사람", "")),
        (
            "19:10:10 시작 최네오 수신자 김하나(다이렉트 메시지):",
            ("19:10:10", "최네오", "김하나(다이렉트 메시지)", ""),
        ),
        ("10:01:00 보낸 사람 김하나 받는 사람 모두: 네", ("10:01:00", "김하나", "모두", "네")),
        ("From Me to Everyone:  07:10 PM", ("19:10", "Me", "Everyone", "")),
        ("From KD Singh to Everyone: (12:42 PM)what for?", ("12:42", "KD Singh", "Everyone", "what for?")),
        ("From Lee to Me: (Direct Message) 12:05 AM", ("00:05", "Lee", "Me(Direct Message)", "")),
    ],
)
def test_every_header_shape(line: str, expected: tuple[str, str, str, str]) -> None:
    header = match_header(line)
    assert header is not None
    assert (header.time, header.sender, header.recipient, header.text) == expected


@pytest.mark.parametrize(
    "line",
    [
        "> answer",
        "Here is my code:",
        "# training loop",
        "10:00 the lecture starts",
        "19:00 시작 스터디 소개: 자기소개",
        "From now to then: 10:00 we read",
        "",
    ],
)
def test_other_lines_are_not_headers(line: str) -> None:
    assert match_header(line) is None


def test_dated_headers_set_the_date_and_keep_the_time() -> None:
    note = _note("2023-03-14 10:02:11 From Kim : is it open book?\n2023-03-14 10:02:40 From Lee : yes\n")
    assert note.date == dt.date(2023, 3, 14)
    assert [(q.asked_at, q.answered_by) for q in note.questions] == [("10:02:11", "peer")]


def test_an_impossible_date_is_a_warning_not_a_crash() -> None:
    document = _parse("2023-02-30 10:02:11 From Kim : is it open book?\n")
    assert document.notes[0].date is None
    assert [str(w) for w in document.warnings] == [
        "line 1: '2023-02-30' is not a date; the message is kept without it"
    ]
    assert len(document.questions) == 1


def test_multi_line_messages_keep_pasted_code_with_blank_lines_and_comments() -> None:
    text = (
        "10:02:11\t From  Kim Minsu  to  Everyone:\n\tWhy is my loss NaN?\n\tHere is my code:\n\n"
        "\t# training loop\n\tfor x in data:\n\t    loss = model(x)\n\n"
        "10:02:40\t From  Park Jiwoo  to  Everyone:\n\tlower the learning rate\n"
    )
    question = _note(text).questions[0]
    assert question.text == (
        "Why is my loss NaN?\nHere is my code:\n\n```\n# training loop\nfor x in data:\n    loss = model(x)\n```"
    )
    assert question.answer == "**Park Jiwoo**: lower the learning rate"


def test_crlf_and_lf_files_give_the_same_note(tmp_path: Path) -> None:
    text = (GOLDEN / "zoom-to-everyone-tabs.txt").read_text(encoding="utf-8")
    (tmp_path / "lf.txt").write_bytes(text.encode())
    (tmp_path / "crlf.txt").write_bytes(text.replace("\n", "\r\n").encode())
    lf, crlf = (import_file(tmp_path / name).document.notes[0] for name in ("lf.txt", "crlf.txt"))
    assert lf.cells == crlf.cells and len(lf.questions) == 3


# --- threads: who answered --------------------------------------------------------------------


def test_greetings_thanks_and_me_too_are_not_answers() -> None:
    text = (
        "10:00:00 From Ann : how do we pick the batch size?\n"
        "10:00:20 From Bob : 감사합니다 교수님!\n"
        "10:00:30 From Cat : 저도 궁금해요\n"
        "10:00:40 From Dan : ㅋㅋㅋ\n"
    )
    note = _note(text)
    assert [(q.status, q.answer) for q in note.questions] == [("open", "")]
    assert note.cells[-1].markdown.count("**10:00:") == 3  # kept as chat


def test_a_late_message_is_not_an_answer() -> None:
    text = "10:00:00 From Ann : is there a quiz?\n10:06:00 From Bob : the room is cold\n"
    assert _note(text).questions[0].status == "open"


def test_the_instructor_asking_the_class_is_not_a_question() -> None:
    text = (
        "09:04:30 From 김교수 : 이제 들리나요?\n"
        "09:04:41 From Kim Minji : 네 잘 들립니다\n"
        "09:58:30 From Lee Sora : Is the midterm open book?\n"
        "09:59:02 From 김교수 : Yes, one A4 cheat sheet is allowed.\n"
        "10:00:00 From 김교수 : 질문 더 있나요?\n"
        "10:00:30 From Prof. Kang : Q: which norm gives sparse weights?\n"
    )
    note = _note(text)
    assert [(q.asker, q.text, q.status) for q in note.questions] == [
        ("Lee Sora", "Is the midterm open book?", "answered"),
        ("Prof. Kang", "which norm gives sparse weights?", "open"),
    ]
    chat = "\n".join(c.markdown for c in note.cells if c.question is None)
    assert "이제 들리나요?" in chat and "네 잘 들립니다" in chat and "질문 더 있나요?" in chat


def test_a_good_question_reply_answers_the_question_after_the_slide() -> None:
    text = (
        "09:40:00 From 최민호 : 질문: learning rate warmup은 왜 하는 건가요\n"
        "09:52:00 From 김교수 : 좋은 질문입니다. 초반에 분산 추정이 불안정해서 그렇습니다\n"
        "10:30:00 From Ann : why is the loss nan?\n"
        "10:45:00 From Prof. Choi : Good question, see the next slide\n"
    )
    first, second = _note(text).questions
    assert (first.text, first.answered_by) == ("learning rate warmup은 왜 하는 건가요", "instructor")
    assert first.answer.startswith("**김교수**: 좋은 질문입니다.")
    assert (second.status, second.answered_by) == ("answered", "instructor")
    late = "10:00:00 From Ann : why is the loss nan?\n10:40:00 From Prof. Choi : Good question.\n"
    assert _note(late).questions[0].status == "open"


def test_thanks_after_an_answer_closes_the_exchange() -> None:
    text = (
        "10:00:00 From Ann : is there a quiz?\n"
        "10:00:30 From Bob : no quiz this week\n"
        "10:00:50 From Ann : thanks!\n"
        "10:01:10 From Prof. Choi : please read chapter 4\n"
    )
    note = _note(text)
    assert note.questions[0].answer == "**Bob**: no quiz this week"
    assert "please read chapter 4" in note.cells[-1].markdown


def test_replies_by_mention_by_name_and_by_zoom_thread() -> None:
    text = (
        "10:00:00 From 박지우(20205678) : 과제 제출은 언제까지인가요?\n"
        "10:00:10 From Ann : is the lab open today?\n"
        "10:03:00 From 이소라 : @박지우 금요일 자정까지예요\n"
        "10:04:00 From 김조교 (TA) : Ann님 네 오늘 열려 있습니다\n"
        "10:05:00 From Cat to Everyone:\n\tWhere are the slides?\n"
        "10:05:10 From Dan to Everyone:\n\tmaybe on the LMS\n"
        '10:09:00 From Eve to Everyone:\n\tReplying to "Where are the sli..."\n\n\ton the course page\n'
    )
    by_time = _by_time(_note(text))
    assert by_time["10:00:00"].answer == "**이소라**: @박지우 금요일 자정까지예요"
    assert (by_time["10:00:00"].answered_by, by_time["10:00:10"].answered_by) == ("peer", "instructor")
    assert by_time["10:05:00"].answer == "**Dan**: maybe on the LMS\n\n**Eve**: on the course page"


def test_an_inline_answer_after_a_korean_question_ending() -> None:
    question = _note("09:10:03 From 이민지 : 과제는 개인으로 하나요 > 네, 개인 과제입니다.\n").questions[0]
    assert (question.text, question.answer, question.answered_by) == (
        "과제는 개인으로 하나요",
        "네, 개인 과제입니다.",
        "instructor",
    )


def test_a_comparison_is_not_an_inline_answer() -> None:
    question = _note("10:00:00 From Ann : is x > 0 always true?\n").questions[0]
    assert (question.text, question.status) == ("is x > 0 always true?", "open")


def test_html_links_become_markdown_links() -> None:
    text = '10:00:00 From Ann : where is it?\n> see <a href="https://example.org/a">the page</a>\n'
    assert _note(text).questions[0].answer == "see [the page](https://example.org/a)"


# --- privacy and system lines -----------------------------------------------------------------


def test_direct_messages_stay_private_and_out_of_the_shared_questions(tmp_path: Path) -> None:
    source = GOLDEN / "crlf-threads-and-dm.txt"
    note = import_file(source).document.notes[0]
    private = [q for q in note.questions if q.private]
    assert [(q.text, q.answer, q.answered_by) for q in private] == [
        ("Could I get an extension for the lab report?", "**Prof. Choi**: Yes, until Monday.", "instructor")
    ]
    with Library.open(tmp_path / "lib.sqlite3") as library:
        import_paths(library, [source], notebook="Chat")
        shared = library.questions()
        assert len(shared) == len(note.questions) - 1
        assert "extension" not in " ".join(q.text for q in shared)
        assert len(library.questions(include_private=True)) == len(note.questions)


def test_private_chatter_is_kept_and_marked() -> None:
    text = "10:02:30\t From  Kim  to  Sara(Privately) : I can send you my notes\n"
    note = _note(text)
    assert note.questions == []
    assert note.cells[0].markdown == "**10:02:30 Kim → Sara** *(private)*: I can send you my notes"


def test_reactions_are_dropped_with_a_warning() -> None:
    text = (
        "10:00:00 From Ann to Everyone:\n\tis there a quiz?\n"
        '10:00:10 From Bob to Everyone:\n\tReacted to "is there a quiz?" with 👍\n'
        '10:00:20 From Bob to Everyone:\n\tRemoved a 👍 reaction from "is there a quiz?"\n'
    )
    document = _parse(text)
    assert [str(w) for w in document.warnings] == [
        "line 3: 2 reactions and system lines dropped (not messages)"
    ]
    assert "Reacted" not in repr(document.notes[0].cells)
    assert document.questions[0].status == "open"


def test_text_before_the_first_message_is_kept_and_a_heading_names_the_note() -> None:
    note = _note("# 5강 채팅 기록\n\n오늘 녹화본\n\n- 09:00:00 From 홍길동 : 안녕하세요\n", file_name="x.txt")
    assert (note.title, note.lecture) == ("5강 채팅 기록", 5)
    assert note.cells[0].markdown == "오늘 녹화본"


def test_a_file_with_no_messages_warns() -> None:
    document = _parse("just some text\n")
    assert [w.message for w in document.warnings] == [
        "no chat messages found (lines like `10:37:21 From Name : text`)"
    ]
    assert document.notes[0].cells[0].markdown == "just some text"


# --- the helpers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sender", "name"),
    [
        ("20175499 이성준", "이성준"),
        ("노윤영 4076", "노윤영"),
        ("심상민 (20203347)", "심상민"),
        ("박민영(20203758)", "박민영"),
        ("51560 김성민", "김성민"),
        ("김진호_20203162", "김진호"),
        ("2020-12345 홍길동", "홍길동"),
        ("KAIST SoyeonJung", "KAIST SoyeonJung"),
        ("Zoom user 2", "Zoom user 2"),
        ("20201234", "20201234"),
    ],
)
def test_asker_name(sender: str, name: str) -> None:
    assert asker_name(sender) == name


@pytest.mark.parametrize(
    ("text", "asking"),
    [
        ("텐서에서 dot 연산의 의미가 ?", True),
        ("Q: is the midterm open book", True),
        ("개인플젝예정인가여", True),
        ("다시 설명해주실 수 있을까요", True),
        ("y가 없느데 loss function은 어떤식으로", True),
        ("이유가 궁금합니다", True),
        ("how about transfer learning", True),
        ("这个公式是怎么推导的", True),
        ("資料はどこにありますか", True),
        ("네", False),
        ("저도 궁금합니다", False),
        ("I know validation set is used to decide k", False),
        ("When you normalise the inputs it works", False),
        ("LMS 공지사항에 올라와 있어요", False),
    ],
)
def test_asks(text: str, asking: bool) -> None:
    assert asks(text) is asking


@pytest.mark.parametrize(
    ("text", "small"),
    [
        ("감사합니다 교수님!", True),
        ("thank you so much professor", True),
        ("ㅋㅋㅋ", True),
        ("👍", True),
        ("안녕하세요", True),
        ("네", False),
        ("yes", False),
        ("check your learning rate", False),
    ],
)
def test_small_talk(text: str, small: bool) -> None:
    assert is_small_talk(text) is small


def test_prose_that_markdown_would_misread_is_escaped() -> None:
    assert message_markdown("#3번 문제 풀이 올려주실 수 있나요?") == "\\#3번 문제 풀이 올려주실 수 있나요?"
    assert message_markdown("a\n---") == "a\n\\---"


# --- recognising the format -------------------------------------------------------------------


def test_scores_recognise_chats_and_leave_other_seeds_alone() -> None:
    assert score(SEED_TEXT) >= 0.9
    for source in sorted(GOLDEN.glob("*.txt")):
        assert import_file(source).format == "chat_log", source.name
    for other in sorted((ROOT / "seeds").glob("*.*")):
        if other.name not in {SEED.name, "README.md"}:
            assert score(other.read_text(encoding="utf-8")) < 0.6, other.name
    assert sniff(SEED_TEXT).name == "chat_log"
    assert registry()["chat_log"].kind == "chat"


# --- hostile input ----------------------------------------------------------------------------

CHAT_FRAGMENTS = [
    "- 10:37:21 From 20175499 이성준 : ",
    "10:02:11\t From  Kim  to  Everyone:\n\t",
    "10:02:11 From Lee to Kim(Direct Message):\n\t",
    "2023-02-30 10:00:00 From A : ",
    "10:01:02 발신자 김민수 수신자 모두에게:\n\t",
    "10:03:00  王伟 对 所有人: ",
    "> ",
    " > ",
    "\n",
    "\t",
    "?",
    "인가요",
    "@",
    "님 ",
    'Replying to "',
    'Reacted to "x" with 👍',
    "# ",
    "```",
    "    ",
    "감사합니다",
    '<a href="u">t</a>',
]
chat_text = st.lists(st.one_of(st.sampled_from(CHAT_FRAGMENTS), st.text(max_size=20)), max_size=50).map(
    "".join
)


def _check(document: ParsedDocument) -> None:
    assert document.format == "chat_log" and len(document.notes) == 1
    for question in document.questions:
        assert question.text.strip()
        assert (question.status == "answered") == bool(question.answer.strip())
        assert (question.answered_by is None) == (question.status == "open")
        assert question.asked_at is None or re.fullmatch(r"\d\d:\d\d:\d\d", question.asked_at)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=chat_text)
def test_random_chat_text_never_breaks_the_importer(text: str) -> None:
    score(text)
    _check(_parse(text, file_name="fuzz.txt"))


@settings(max_examples=60, deadline=None)
@given(cut=st.integers(min_value=0, max_value=len(SEED_TEXT)))
def test_a_truncated_seed_never_breaks_the_importer(cut: int) -> None:
    _check(_parse(SEED_TEXT[:cut]))


def test_the_seed_cut_at_every_line_still_parses() -> None:
    lines = SEED_TEXT.split("\n")
    counts = []
    for end in range(len(lines) + 1):
        document = _parse("\n".join(lines[:end]))
        _check(document)
        counts.append(len(document.questions))
    assert counts[-1] == 27 and counts == sorted(counts)  # cutting never adds a question
