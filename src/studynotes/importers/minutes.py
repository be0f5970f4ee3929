"""Meeting minutes (회의록), as Notion exports them.

A dated title (`## 8/5(목) 회의록`), a block of `key<TAB>value` properties,
`Q1.` questions with `답변)` answers grouped under `N강` sections (the lecture
they are about), and questions listed per person (`허진규 :` then numbered
items) for a mentor.  Everything else stays as text cells in order, so the
note reads as the page did.
"""

from __future__ import annotations

import re

from ..model import Attachment, Cell, ImportContext, Note, ParsedDocument, Question
from .base import Importer
from .minutes_header import meeting_date, read_properties, read_title
from .parts.front_matter import split_front_matter
from .parts.lines_with import first_lines, lines_with
from .parts.links import local_image_links
from .parts.markdown_blocks import HEADING
from .parts.names import title_from_file_name
from .parts.periods import page_week
from .parts.questions import looks_like_question
from .parts.schedule_tables import schedule_sessions

_HEADING = HEADING
_LECTURE_SECTION = re.compile(
    r"(?<!\d)(\d{1,3})\s*강(?:의|좌)?(?![가-힣])|\blecture\s*(\d{1,3})\b", re.IGNORECASE
)
_PEOPLE_SECTION = re.compile(r"멘토|질문|mentor|Q\s*&\s*A", re.IGNORECASE)
_LEAD = r"^\s*+(?:[-*]\s+)?(?:\*\*)?"
_QUESTION = re.compile(_LEAD + r"(?:[Qq]\s*\d{0,3}|질문\s*\d{0,3})\s*(?:\*\*)?\s*[.:：)]\s*(?:\*\*)?\s*(.*)$")
_ANSWER = re.compile(
    _LEAD + r"(?:(?:답변|답|A)\s*\d{0,3}\s*(?:\*\*)?\s*[.:：)]|답변\s*$|(?:→|->|=>))\s*(?:\*\*)?\s*(.*)$"
)
_NAME = r"(?:[가-힣]{2,4}|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})"
_PERSON = re.compile(rf"^\s*+(?:\*\*)?({_NAME})(?:\*\*)?\s*([:：])?\s*(?:\*\*)?\s*$")
_NOT_NAMES = frozenset(
    [
        "답변",
        "질문",
        "참고",
        "결론",
        "정리",
        "예시",
        "기타",
        "주의",
        "요약",
        "내용",
        "목표",
        "공지",
        "안건",
        "일정",
        "장소",
        "시간",
        "주제",
        "비고",
        "메모",
        "결과",
        "문제",
        "해결",
        "의견",
        "회고",
        "느낀점",
        "배운점",
        "공유",
        "멘토링",
        "피드백",
        "할일",
        "과제",
        "준비물",
        "링크",
        "출처",
        "다음",
    ]
)
_ITEM = re.compile(r"^( {0,3})(?:\d{1,3}[.)]|[-*•])\s+(.*)$")
_NESTED_BULLET = re.compile(r"^\s+(?:[-*•]|\d{1,3}[.)])\s+(.*)$")
# Both start only where a run of spaces starts, so a long run is crossed once, not from each space.
_INLINE_SEPARATOR = re.compile(r"(?<!\s)\s++(?:-|–|—|→|->)\s+")
_TRAILING_ASIDE = re.compile(r"(?<!\s)\s*+\([^()]*\)\s*$")
_FENCE = re.compile(r"^\s*+(```|~~~)")
_FIXED_SPACES = ("\u00a0", "\u202f", "\u2007", "\u3000")
_SPACING = str.maketrans(dict.fromkeys(_FIXED_SPACES, " "))
_SCORE_TITLE = re.compile(r"^\s*+(?:#{1,6}\s+)?.{0,30}회의록")
_SCORE_PROPERTY = re.compile(r"^\W*+(?:작성일시|회의 유형|참석자|최종 편집일시|작성자)\s*(?:\t|[:：])")
_SCORE_ANSWER = re.compile(
    _LEAD + r"(?:답변\s*\d{0,3}\s*(?:\*\*)?\s*[.:：)]|답변\s*$|A\d{0,3}\s*(?:\*\*)?\s*[.:：])"
)

# What every line `_QUESTION` / `_SCORE_ANSWER` takes holds: only those lines are tried.
# `Q`/`q` or `질문`, then a number and a mark; it starts with one class of first characters so that
# the file is scanned for them in C (an alternation is tried at every character).
_QUESTION_MARK = re.compile(r"[Qq질](?:(?<=질)문|(?<=[Qq]))\s*\d{0,3}\s*(?:\*\*)?\s*[.:：)]")
# What a title or property line `_SCORE_TITLE` / `_SCORE_PROPERTY` takes holds.
_OPENING_WORDS = ("회의록", "작성", "참석자", "회의 유형", "편집일시")
_ANSWER_MARK = re.compile(r"답변|A\d{0,3}\s*(?:\*\*)?\s*[.:：]")


def score(text: str) -> float:
    """High for 회의록 titles, Notion's minutes properties, or `Q1.` … `답변)` pairs."""
    asked = any(_QUESTION.match(line) for line in lines_with(text, _QUESTION_MARK))
    answered = asked and any(_SCORE_ANSWER.match(line) for line in lines_with(text, _ANSWER_MARK))
    return min(0.95, _opening_score(text) + (0.65 if asked and answered else 0.0))


def bound(text: str) -> float:
    """The opening's score, with the pairs' (which `score` looks for through the whole text)."""
    return min(0.95, _opening_score(text) + 0.65)


def _opening_score(text: str) -> float:
    """What a 회의록 title and Notion's minutes properties in the first lines say."""
    head = first_lines(text, 60)
    if not any(word in head for word in _OPENING_WORDS):
        return 0.0
    lines = head.split("\n")
    titled = any(_SCORE_TITLE.match(line) for line in lines[:40])
    properties = sum(1 for line in lines if _SCORE_PROPERTY.match(line))
    return 0.45 * titled + min(properties, 2) * 0.25


def parse(text: str, context: ImportContext) -> ParsedDocument:
    document = ParsedDocument(format="minutes")
    front, body, skipped = split_front_matter(text)
    lines = _spaced_lines(body)
    title, after_title = read_title(lines)
    title = front.get("title") or title
    properties, body_start = read_properties(lines, after_title)
    fallback = _fallback_title(context)
    week = context.week or page_week(front, title or "", fallback, context.folder_name)
    note = Note(title=title or fallback, kind="minutes", properties=properties, week=week)
    if context.date is not None:
        note.date = context.date
    elif title is not None:
        note.date = meeting_date(title, properties, document, after_title + skipped)
    _Reader(note, document).read(lines, body_start)
    markdown = "\n".join(c.markdown if c.question is None else c.question.answer for c in note.cells)
    note.attachments = [Attachment(name) for name in local_image_links(markdown)]
    document.notes.append(note)
    year = note.date.year if note.date else None
    document.lectures = schedule_sessions(body, document, year=year, first_line=skipped + 1)
    return document


def _fallback_title(context: ImportContext) -> str:
    return title_from_file_name(context.file_name) if context.file_name else "Meeting minutes"


def _spaced_lines(body: str) -> list[str]:
    """NBSP and other fixed spaces are only spacing in minutes: make them plain spaces (the text is
    searched for them first: translating it runs a lookup per character); blank lines are empty."""
    if any(space in body for space in _FIXED_SPACES):
        body = body.translate(_SPACING)
    return ["" if not line.strip() else line for line in body.split("\n")]


def _tidy(lines: list[str]) -> str:
    """Trim a block and fold runs of blank lines (outside code) into one."""
    out: list[str] = []
    in_fence = False
    for line in lines:
        if _FENCE.match(line):
            in_fence = not in_fence
        if not in_fence and not line.strip() and out and not out[-1].strip():
            continue
        out.append(line)
    return "\n".join(out).strip("\n")


def split_inline_answer(item: str) -> tuple[str, str]:
    """`있나요? - 워라벨은 좋다.` → (question, answer); no answer when no question precedes a dash."""
    for separator in _INLINE_SEPARATOR.finditer(item):
        left, right = item[: separator.start()].strip(), item[separator.end() :].strip()
        if not left or not right or right.endswith(("?", "？")):
            continue
        if looks_like_question(left) or looks_like_question(_TRAILING_ASIDE.sub("", left)):
            return left, right
    return item.strip(), ""


class _Reader:
    """Walks the body once: Q./답변) pairs, per-person lists, and text between them."""

    def __init__(self, note: Note, document: ParsedDocument) -> None:
        self.note = note
        self.document = document
        self.text: list[str] = []
        self.question: Question | None = None
        self.details: list[str] = []  # between a question and its answer marker
        self.answer: list[str] | None = None  # None until the answer marker
        self.lecture: int | None = None
        self.lecture_level = 7
        self.person: str | None = None
        self.person_question: Question | None = None
        self.people_section = False
        self._last_was_question_line = False

    def read(self, lines: list[str], start: int) -> None:
        in_fence = False
        index = start
        while index < len(lines):
            line = lines[index]
            index += 1
            if _FENCE.match(line):
                in_fence = not in_fence
            elif not in_fence:
                index = self._line(line, lines, index)
                continue
            self._add(line)
        self._close_question()
        self._flush_text()

    def _line(self, line: str, lines: list[str], index: int) -> int:
        """Handle one line outside code; return the index of the next line to read."""
        heading = _HEADING.match(line)
        if heading:
            self._heading(line, len(heading.group(1)), heading.group(2))
            return index
        asked = _QUESTION.match(line)
        if asked:
            text = asked.group(1).strip()
            if not text:
                text, index = _next_paragraph(lines, index)
            if text:
                self._ask(text)
                return index
        person = _PERSON.match(line)
        if self.question is not None and person and person.group(2) and self._is_person(person, lines, index):
            self._close_question()  # `이름 :` with a list under it starts a person's questions
        if self.question is not None:
            answer = _ANSWER.match(line)
            if self.answer is None and answer:
                self.answer = [answer.group(1)]
            elif self.answer is not None:
                self.answer.append(line)
            elif line.strip() and not self.details and self._last_was_question_line:
                self.question.text += "\n" + line.strip()  # the question goes on
            else:
                self._last_was_question_line = False
                self.details.append(line)
            return index
        if self.person is not None and self._person_line(line):
            return index
        if person and self._is_person(person, lines, index):
            self._flush_text()
            self.person, self.person_question = person.group(1), None
            self.people_section = self.people_section or person.group(2) is not None
        self.text.append(line)
        return index

    def _ask(self, text: str) -> None:
        self._close_question()
        self._flush_text()
        self.person = None
        self.question = Question(text=text, lecture_ref=self.lecture)
        self._last_was_question_line = True

    def _is_person(self, match: re.Match[str], lines: list[str], index: int) -> bool:
        """A name line is a person's list when numbered items follow it.

        `허진규 :` is enough; a bare name or a Latin word needs a mentoring
        section, an earlier `이름 :` in the section, or a first item that asks.
        """
        name = match.group(1)
        if name in _NOT_NAMES:
            return False
        following = next((line for line in lines[index:] if line.strip()), "")
        item = _ITEM.match(following)
        if item is None:
            return False
        korean_with_colon = match.group(2) is not None and re.fullmatch("[가-힣]+", name) is not None
        return korean_with_colon or self.people_section or looks_like_question(item.group(2))

    def _person_line(self, line: str) -> bool:
        """A numbered item (a question), its indented continuation, or a blank; False ends the list."""
        if not line.strip():
            return True
        item = _ITEM.match(line)
        if item is not None and not item.group(2).strip():
            return True
        if item is not None:
            self._flush_text()
            text, answer = split_inline_answer(item.group(2))
            question = Question(text=text or item.group(2).strip(), asker=self.person or "")
            if answer:
                question.answer, question.status, question.answered_by = answer, "answered", "instructor"
            self.note.cells.append(Cell.asking(question))
            self.person_question = question
            return True
        if self.person_question is not None and line.startswith((" ", "\t")):
            nested = _NESTED_BULLET.match(line)
            if nested:  # a nested bullet under a question is its answer
                answer = nested.group(1).strip()
                self.person_question.answer = "\n".join(filter(None, [self.person_question.answer, answer]))
                self.person_question.status, self.person_question.answered_by = "answered", "instructor"
            else:
                self.person_question.text += "\n" + line.strip()
            return True
        self.person = self.person_question = None
        return False

    def _heading(self, line: str, level: int, text: str) -> None:
        self._close_question()
        self._flush_text()
        self.person = self.person_question = None
        lecture = _LECTURE_SECTION.search(text)
        if lecture:
            self.lecture, self.lecture_level = int(lecture.group(1) or lecture.group(2)), level
        elif level <= self.lecture_level:
            self.lecture, self.lecture_level = None, 7
        self.people_section = bool(_PEOPLE_SECTION.search(text))
        self.text.append(line)

    def _add(self, line: str) -> None:
        """A line inside code: part of whatever block is open."""
        if self.question is None:
            self.text.append(line)
        elif self.answer is not None:
            self.answer.append(line)
        else:
            self.details.append(line)

    def _close_question(self) -> None:
        question = self.question
        if question is None:
            return
        if self.answer is not None:
            details = _tidy(self.details)
            if details:  # text between the question and 답변) explains the question
                question.text += "\n\n" + details
            question.answer = _tidy(self.answer)
            question.status = "answered" if question.answer else "open"
            self.note.cells.append(Cell.asking(question))
        else:
            self.note.cells.append(Cell.asking(question))  # no answer marker: open
            self.text = list(self.details)
        self.question, self.details, self.answer = None, [], None
        self._last_was_question_line = False

    def _flush_text(self) -> None:
        body = _tidy(self.text)
        if body.strip():
            self.note.cells.append(Cell.text(body))
        self.text = []


def _next_paragraph(lines: list[str], index: int) -> tuple[str, int]:
    """For `Q1.` alone on a line: the next non-blank line, unless it is an answer or a heading."""
    while index < len(lines) and not lines[index].strip():
        index += 1
    if index < len(lines) and not _ANSWER.match(lines[index]) and not _HEADING.match(lines[index]):
        return lines[index].strip(), index + 1
    return "", index


IMPORTER = Importer(
    name="minutes",
    description="meeting minutes (회의록) with Notion properties, Q./답변) and per-person questions",
    kind="minutes",
    score=score,
    parse=parse,
    ceiling=0.95,
    bound=bound,
)
