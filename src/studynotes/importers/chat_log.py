"""Lecture chat logs (Zoom "saved chat"): who asked what, and who answered.

A message is a question when it asks (`?`, `Q:`, a Korean question ending) or
when the instructor answered it with a `>` line.  Answers: those `>` lines, a
` > answer` inside the question's own line, a reply `@Name`, or the next
messages of other people that are not questions, within a few minutes.
Direct messages stay in the note, marked private, and are never questions.
"""

from __future__ import annotations

import re

from ..model import AnsweredBy, Cell, ImportContext, Note, ParsedDocument, Question
from .base import Importer, looks_like_question, strip_notion_id, title_from_file_name
from .chat_messages import (
    Message,
    asker_name,
    html_links_to_markdown,
    match_header,
    merge_runs,
    read_messages,
)

PEER_WINDOW_SECONDS = 5 * 60
_INLINE_ANSWER = re.compile(r"^(?P<question>.*?\S)\s+>\s+(?P<answer>\S.*)$", re.DOTALL)
_SMALL_TALK = re.compile(
    r"^(감사합니다|고맙습니다|감사해요|thanks?( you)?( so much)?|thank u|thx|ㅎㅎ+|ㅋㅋ+|안녕하세요|hello|hi|bye|"
    r"수고하셨습니다|좋은 질문|good question|ok(ay)?|넵?)[.!~ ]*$",
    re.IGNORECASE,
)
_MENTION = re.compile(r"^@(?P<name>[^\s:,]+(?:\s[^\s:,]+)?)")
_ZOOM_FOLDER = re.compile(r"^\d{4}-\d{2}-\d{2}[ _]\d{2}\.\d{2}\.\d{2}\s+(?P<topic>.+)$")
_GENERIC_NAMES = ("meeting_saved_chat", "chat", "saved_chat", "zoom_chat", "chat_log")


def score(text: str) -> float:
    lines = [line for line in text.split("\n")[:400] if line.strip()]
    headers = sum(1 for line in lines if match_header(line))
    if headers >= 3 and headers * 4 >= len(lines) // 2:
        return 0.95
    return 0.5 if headers >= 2 else 0.0


def parse(text: str, context: ImportContext) -> ParsedDocument:
    document = ParsedDocument(format="chat_log")
    messages = merge_runs(read_messages(text))
    note = Note(title=_title(context), kind="chat", week=context.week, lecture=context.lecture)
    note.date = context.date or next((m.date for m in messages if m.date), None)
    if not messages:
        document.warn("no chat messages found")
    _Threads(note).build(messages)
    document.notes.append(note)
    return document


def _title(context: ImportContext) -> str:
    folder = _ZOOM_FOLDER.match(context.folder_name or "")
    if folder:
        return strip_notion_id(folder.group("topic"))
    stem = title_from_file_name(context.file_name) if context.file_name else ""
    return "Lecture chat" if not stem or stem.lower() in _GENERIC_NAMES else stem


class _Threads:
    """Turns messages into question cells (answers folded in) and chat text cells."""

    def __init__(self, note: Note) -> None:
        self.note = note
        self.chatter: list[str] = []
        self.open_question: tuple[Question, Message] | None = None  # the latest question, for peer answers
        self.by_asker: dict[str, Question] = {}

    def build(self, messages: list[Message]) -> None:
        for message in messages:
            if message.private:
                self._chat(message, private=True)
                continue
            text = html_links_to_markdown(message.text)
            inline = _INLINE_ANSWER.match(text) if "?" in text.split(" > ")[0] else None
            instructor = [html_links_to_markdown(a) for a in message.answers]
            if inline:
                text = inline.group("question")
                instructor.insert(0, inline.group("answer"))
            mention = _MENTION.match(text)
            if mention and self._answer_mention(mention.group("name"), message, text):
                continue
            asks = looks_like_question(text)
            if not asks and not inline and not _SMALL_TALK.match(text) and self._peer_answer(message, text):
                continue
            if instructor or asks:
                self._question(message, text, instructor)
            else:
                self._chat(message)
        self._flush_chatter()

    def _question(self, message: Message, text: str, instructor: list[str]) -> None:
        self._flush_chatter()
        answer = "\n".join(instructor).strip()
        question = Question(
            text=text.strip(),
            answer=answer,
            status="answered" if answer else "open",
            asker=asker_name(message.sender),
            raw_sender=message.sender,
            asked_at=message.time,
            answered_by="instructor" if answer else None,
        )
        self.note.cells.append(Cell.asking(question))
        self.open_question = (question, message)
        self.by_asker[question.asker.casefold()] = question

    def _peer_answer(self, message: Message, text: str) -> bool:
        """The next words of someone else, shortly after a question, answer it."""
        if self.open_question is None:
            return False
        question, asked = self.open_question
        if message.sender == asked.sender or message.seconds - asked.seconds > PEER_WINDOW_SECONDS:
            return False
        if question.answer:
            return False
        self._add_answer(question, f"**{asker_name(message.sender)}**: {text}", "peer")
        for extra in message.answers:  # the instructor confirmed after the peer
            self._add_answer(question, html_links_to_markdown(extra), "peer")
        return True

    def _answer_mention(self, name: str, message: Message, text: str) -> bool:
        words = name.split()
        question = self.by_asker.get(asker_name(name).casefold()) or self.by_asker.get(
            asker_name(words[0]).casefold()
        )
        if question is None:
            return False
        self._add_answer(question, f"**{asker_name(message.sender)}**: {text}", "peer")
        for extra in message.answers:
            self._add_answer(question, html_links_to_markdown(extra), "peer")
        return True

    @staticmethod
    def _add_answer(question: Question, text: str, by: AnsweredBy) -> None:
        """Append to the answer; a peer's help is recorded even when the instructor adds to it."""
        question.answer = f"{question.answer}\n\n{text}".strip() if question.answer else text.strip()
        question.status = "answered"
        question.answered_by = "peer" if by == "peer" else question.answered_by or by

    def _chat(self, message: Message, *, private: bool = False) -> None:
        text = html_links_to_markdown(message.text)
        mark = " 🔒 *private*" if private else ""
        body = text.replace("\n", "  \n")
        self.chatter.append(f"**{message.time} {asker_name(message.sender)}**{mark}: {body}")
        for answer in message.answers:
            self.chatter.append(f"> {html_links_to_markdown(answer)}")

    def _flush_chatter(self) -> None:
        if self.chatter:
            self.note.cells.append(Cell.text("\n\n".join(self.chatter)))
            self.chatter = []


IMPORTER = Importer(
    name="chat_log",
    description="a lecture's Zoom chat: questions, and the instructor's and peers' answers",
    kind="chat",
    score=score,
    parse=parse,
)
