"""Questions in Markdown as study groups write it: headings, list items at any depth, paragraphs.

Peer-session minutes, Q&A records and study logs ask in many places: a heading
(`### 왜 프로토콜을 사용해야 하는가?`), a numbered item whose answer wraps onto
unindented lines, an item under `### 질문` that is only a topic (`- [ ] BPTT`), a
person's paragraph ending in `궁금합니다`, `질문1` on a line of its own with the
question on the next.  Answers are the text under a question heading, an item's
nested items and wrapped lines, lines that start with an answer mark (`→`, `답변:`),
and `질문 1번: …` written later for question 1.

`cells_with_questions(markdown)` turns one section of Markdown into cells: text
kept as written, and questions with their answers.  Whether words ask is decided
by `parts.questions`; this module decides where a question stands and what
answers it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property

from ...model import Cell, Question
from .markdown_blocks import CHECKBOX, Block, blocks, descendants, nest
from .questions import (
    BARE_LABEL,
    QUESTION_LABEL,
    answer_start,
    asks,
    split_after_mark,
    split_inline_answer,
    unwrap,
    wonders,
)

# A heading or item that only says questions follow (`### 질문`, `3. 질문 나온 내용`).
_QUESTION_SECTION = re.compile(
    r"^(?:오늘의\s*|사전\s*|추가\s*|공통\s*|꼬리\s*|멘토링\s*(?:추가\s*)?|강의\s*(?:내용|관련)?\s*)?"
    r"(?:질문|질의\s*응답|의문점|궁금한\s*(?:점|것))(?:\s*(?:나온\s*내용|목록|정리|사항|들|거리))?"
    r"|(?:open\s+)?questions?|q\s*&\s*a",
    re.IGNORECASE,
)
_ANSWER_REFERENCE = re.compile(
    r"^(?:질문\s*(\d{1,3})\s*번|Q\s*(\d{1,3})\s*번|A\s*(\d{1,3})|답변?\s*(\d{1,3}))\s*[:.)]\s*", re.IGNORECASE
)
_SECTION_WORD = re.compile("[qQ]|질문|질의|의문점|궁금한")  # `questions`, `Q & A` hold a q
_DECLARATIVE = re.compile(r"(?:[다요음함됨임]|니다)[.!~]*$")
_FOLLOW_UP = re.compile(r"^(?:왜|어째서|어떻게|뭐|무엇|why|how|what)\b", re.IGNORECASE)
_PERSON = re.compile(r"^([가-힣]{1,6}님)\s*[:：]\s+")
_HARD_BREAK = re.compile(r"(?<!\s)\s*\\$")  # tried once per run of spaces, not at each
_TRAILING_ASIDE = re.compile(r"(?<!\s)\s*+\([^()]*\)\s*$")  # likewise


def _is_section_title(text: str) -> bool:
    if _SECTION_WORD.search(text) is None:
        return False  # every title _QUESTION_SECTION takes holds one of these
    title = _TRAILING_ASIDE.sub("", unwrap(text)).strip().rstrip(":：").strip()
    title = re.sub(r"^\d{1,3}[.)]\s*", "", title)
    return bool(_QUESTION_SECTION.fullmatch(title))


def _item_lines(block: Block) -> list[str]:
    return [_without_hard_break(line) for line in block.lines]


def _without_hard_break(line: str) -> str:
    """The line without its hard-break backslash.  The backslash is last, or just before a final
    newline (where `$` matches): a formula's backslashes elsewhere need no search of the line."""
    return _HARD_BREAK.sub("", line) if "\\" in line[-2:] else line


class _Reader:
    """Walks the blocks once, deciding which ask and what answers them."""

    def __init__(self, lines: list[str], in_question_section: bool) -> None:
        self.lines = lines
        self.blocks = blocks(lines)
        nest(self.blocks)
        self.found: dict[int, Question] = {}  # by the id of the block the question starts at
        self.taken: set[int] = set()  # blocks already decided
        self.held: set[int] = set()  # blocks whose text a question cell holds
        self.listed: set[int] = set()  # items under a `- 질문` item: where questions are listed
        self.numbered: dict[int, Question] = {}
        self.section_level = 0 if in_question_section else -1  # heading level of a `### 질문` section

    def read(self) -> list[Cell]:
        for position, block in enumerate(self.blocks):
            if id(block) in self.taken:
                continue
            if block.kind == "heading":
                self._heading(position, block)
            elif block.kind == "item":
                self._item(block)
            elif block.kind == "paragraph":
                self._paragraph(position, block)
        return self._cells()

    # --- deciding ---------------------------------------------------------------------

    def _heading(self, position: int, block: Block) -> None:
        text = block.lines[0]
        if self.section_level >= 0 and block.level <= self.section_level:
            self.section_level = -1
        if _is_section_title(text):
            self.section_level = block.level
            return
        if not asks(text):
            return
        answer: list[Block] = []
        for later in self._after(position):
            if later.kind == "heading" and later.level <= block.level:
                break
            if answer and self._starts_question(later):
                break
            if later.kind != "blank" or answer:
                answer.append(later)
        self._record(block, _question_text(text), answer)

    def _item(self, block: Block) -> None:
        lines = _item_lines(block)
        checkbox = CHECKBOX.match(lines[0])
        if checkbox:
            lines[0] = lines[0][checkbox.end() :]
        reference = _ANSWER_REFERENCE.match(unwrap(lines[0]))
        if reference and self._answers_numbered(reference, block, lines):
            return
        if _is_section_title(lines[0]) and len(lines) == 1:
            members = block.children or self._following_siblings(block)
            for member in members:
                self.listed.update({id(member), *(id(d) for d in descendants(member))})
            for member in members:
                self._member(member, section=True)
            self.taken.add(id(block))
            return
        in_section = self.section_level >= 0 and (block.parent is None)
        self._member(block, section=in_section, checkbox=checkbox, lines=lines)

    def _member(
        self,
        block: Block,
        *,
        section: bool,
        checkbox: re.Match[str] | None = None,
        lines: list[str] | None = None,
    ) -> None:
        """An item that may ask; in a question section, a topic-like item asks too."""
        if id(block) in self.taken:
            return
        lines = lines if lines is not None else _item_lines(block)
        if checkbox is None and (checkbox := CHECKBOX.match(lines[0])):
            lines = [lines[0][checkbox.end() :], *lines[1:]]
        listed = self._listed(block)
        asking = next((k for k, line in enumerate(lines) if _line_asks(line, listed, first=k == 0)), None)
        if (
            asking is None
            and section
            and not (block.children and all(self._asks_itself(c) for c in block.children))
            and not _DECLARATIVE.search(_TRAILING_ASIDE.sub("", lines[-1]))
        ):
            asking = len(lines) - 1
        if asking is None:
            return
        question_lines, rest = lines[: asking + 1], lines[asking + 1 :]
        if asking > 0:  # asked mid-paragraph: what follows is the asker's own, up to a marked answer
            marked = next((k for k, line in enumerate(rest) if answer_start(line) is not None), len(rest))
            question_lines, rest = question_lines + rest[:marked], rest[marked:]
        text = " ".join(line.strip() for line in question_lines)
        text, inline = _split(text)
        answer_lines = ([inline] if inline else []) + _answer_lines(rest)
        answer_blocks: list[Block] = []
        for child in block.children:
            if self._asks_itself(child) and not _is_follow_up(child):
                continue
            answer_blocks += [child, *descendants(child)]
        question = self._record(block, text, answer_blocks, extra=answer_lines)
        if checkbox is not None:
            question.status = "open" if checkbox.group(1) == " " else "answered"
        if block.ordered is not None:
            self.numbered.setdefault(block.ordered, question)

    def _paragraph(self, position: int, block: Block) -> None:
        lines = _item_lines(block)
        if answer_start(lines[0]) is not None:
            return
        if BARE_LABEL.match(unwrap(lines[0])) and len(lines) > 1:
            self._record(block, _question_text(lines[1]), [], extra=_answer_lines(lines[2:]))
            return
        reference = _ANSWER_REFERENCE.match(unwrap(lines[0]))
        if reference and self._answers_numbered(reference, block, lines):
            return
        if asks(lines[0]):
            text, inline = _split(lines[0])
            extra = ([inline] if inline else []) + _answer_lines(lines[1:])
            following: list[Block] = []
            if len(lines) == 1:
                following = self._answer_blocks_after(position)
            self._record(block, _question_text(text), following, extra=extra)
            return
        if wonders(" ".join(lines)) or (len(lines) > 1 and asks(lines[-1])):
            self._record(block, " ".join(lines), self._marked_answers_after(position))

    # --- answers ----------------------------------------------------------------------

    def _answer_blocks_after(self, position: int) -> list[Block]:
        """What follows a one-line question paragraph up to the next heading or question."""
        found: list[Block] = []
        for later in self._after(position):
            if later.kind == "heading" or self._starts_question(later):
                break
            found.append(later)
        while found and found[-1].kind == "blank":
            found.pop()
        return found

    def _marked_answers_after(self, position: int) -> list[Block]:
        """Paragraphs right after a question that start with an answer mark (`A:`, `답변:`)."""
        found: list[Block] = []
        for later in self._after(position):
            if later.kind == "blank":
                continue
            if later.kind in ("paragraph", "item") and answer_start(later.lines[0]) is not None:
                found += [later, *descendants(later)]
                continue
            break
        return found

    def _answers_numbered(self, reference: re.Match[str], block: Block, lines: list[str]) -> bool:
        """`질문 1번 : 나눠서 실험해 봐야 안다` answers numbered question 1 of this note."""
        number = int(next(g for g in reference.groups() if g))
        question = self.numbered.get(number)
        if question is None:
            return False
        first = unwrap(lines[0])[reference.end() :].strip() if lines else ""
        parts = [question.answer, first, *lines[1:]]
        parts += [self._markdown(child) for child in descendants(block) if child.parent is block]
        question.answer = "\n".join(p for p in parts if p).strip()
        question.status = "answered" if question.answer else question.status
        self.taken.update({id(block), *(id(d) for d in descendants(block))})
        self.held.update({id(block), *(id(d) for d in descendants(block))})
        return True

    def _following_siblings(self, block: Block) -> list[Block]:
        """Items right after a childless `- 질문` item, up to the next heading or paragraph."""
        found: list[Block] = []
        for later in self._after(self._positions[id(block)]):
            if later.kind == "blank":
                continue
            if later.kind != "item" or later.level > block.level + 8:
                break
            if later.parent is None or later.parent is block.parent:
                found.append(later)
        return found

    # --- helpers ----------------------------------------------------------------------

    @cached_property
    def _positions(self) -> dict[int, int]:
        """Each block's place by its id; only a childless `- 질문` item asks for it."""
        return {id(block): index for index, block in enumerate(self.blocks)}

    def _after(self, position: int) -> Iterator[Block]:
        """The blocks after this one, without copying the rest of the list (most walks stop soon)."""
        for index in range(position + 1, len(self.blocks)):
            yield self.blocks[index]

    def _listed(self, block: Block) -> bool:
        return self.section_level >= 0 or id(block) in self.listed

    def _asks_itself(self, block: Block) -> bool:
        if block.kind != "item":
            return False
        first = CHECKBOX.sub("", _item_lines(block)[0])
        return answer_start(first) is None and asks(first, listed=self._listed(block))

    def _starts_question(self, block: Block) -> bool:
        if block.kind == "heading":
            return asks(block.lines[0]) or _is_section_title(block.lines[0])
        if block.kind in ("item", "paragraph"):
            first = _without_hard_break(block.lines[0])
            if answer_start(first) is not None:
                return False
            return asks(first) or bool(BARE_LABEL.match(unwrap(first)))
        return False

    def _record(
        self, block: Block, text: str, answer: list[Block], extra: list[str] | None = None
    ) -> Question:
        owner = _PERSON.match(text)
        asker = ""
        if owner and len(text) > owner.end() + 8:
            asker = owner.group(1).removesuffix("님")
            text = text[owner.end() :]
        parts = [line for line in (extra or []) if line.strip()]
        held = [b for b in answer if id(b) not in self.taken]
        body = self._markdown_of(held)
        answer_text = "\n".join([*parts, body]).strip() if body.strip() else "\n".join(parts).strip()
        question = Question(text=_question_text(text), asker=asker, answer=answer_text)
        question.status = "answered" if answer_text else "open"
        self.found[id(block)] = question
        self.taken.update({id(block), *(id(b) for b in held)})
        self.held.update({id(block), *(id(b) for b in held)})
        return question

    def _markdown(self, block: Block) -> str:
        return "\n".join(self.lines[block.start : block.end])

    def _markdown_of(self, blocks: list[Block]) -> str:
        if not blocks:
            return ""
        rows: list[str] = []
        for block in sorted(blocks, key=lambda b: b.start):
            rows += self.lines[block.start : block.end]
        return _dedent("\n".join(rows)).strip("\n")

    # --- cells ------------------------------------------------------------------------

    def _cells(self) -> list[Cell]:
        cells: list[Cell] = []
        buffer: list[str] = []

        def flush() -> None:
            text = "\n".join(buffer).strip("\n")
            if text.strip():
                cells.append(Cell.text(_dedent(text)))
            buffer.clear()

        for block in self.blocks:
            question = self.found.get(id(block))
            if question is not None:
                flush()
                cells.append(Cell.asking(question))
            elif id(block) not in self.held:
                if block.kind == "heading":
                    flush()  # a heading starts a cell, as in a notebook
                buffer += self.lines[block.start : block.end]
        flush()
        return cells


def cells_with_questions(markdown: str, *, in_question_section: bool = False) -> list[Cell]:
    """Markdown → text cells as written and question cells with their answers.

    `in_question_section` says the section's own heading (taken as the note's title)
    announced questions (`# 강의 관련 질문`), so its items are questions.
    """
    return _Reader(markdown.split("\n"), in_question_section).read()


def is_question_section(title: str) -> bool:
    """`질문`, `### 사전 질문`, `Questions`: a heading that says questions follow."""
    return _is_section_title(title)


def _question_text(text: str) -> str:
    """The question as it reads: no hard-break backslash, no emphasis wrapped around it."""
    text = _without_hard_break(text.strip())
    unwrapped = unwrap(text)
    label = QUESTION_LABEL.match(unwrapped)
    if label and unwrapped[label.end() :].strip():
        unwrapped = unwrapped[label.end() :].strip()
    return unwrapped or text


def _line_asks(line: str, listed: bool, *, first: bool) -> bool:
    """The line asks, wonders, or (an item's first line) asks and then answers itself
    (`PCA란? 큰 그룹을 나누는 방법`); further down, `될까요? 정중 + 겸손` quotes someone."""
    if asks(line, listed=listed) or wonders(line):
        return True
    if not first:
        return False
    left, answer = split_after_mark(line)
    return answer is not None and asks(left)


def _split(text: str) -> tuple[str, str | None]:
    left, answer = split_inline_answer(text)
    if answer is None:
        left, answer = split_after_mark(text)
    return left, answer


def _answer_lines(lines: list[str]) -> list[str]:
    """Wrapped lines under a question; an answer mark (`→`, `답변:`) at their start comes off."""
    out: list[str] = []
    for line in lines:
        marked = answer_start(line)
        out.append(marked if marked is not None else line)
    return out


def _is_follow_up(block: Block) -> bool:
    """`- 왜 일까?` under a question only asks it again; it is part of the answer."""
    words = re.sub(r"[?？!.\s]+", " ", _item_lines(block)[0]).split()
    return len(words) <= 2 and bool(_FOLLOW_UP.match(" ".join(words)))


def _dedent(text: str) -> str:
    if text and not text[0].isspace():
        return text  # its first line starts at the margin: nothing to take off (most cells)
    lines = text.split("\n")
    indents = [len(line) - len(line.lstrip()) for line in lines if line.strip()]
    cut = min(indents, default=0)
    return "\n".join(line[cut:] for line in lines) if cut else text
