"""The question detector every format uses: does this text ask, and where is its answer.

Study groups write questions in many shapes: `1. 왜 …는가?`, `- …일까?\\`, a
paragraph ending in `궁금합니다`, `Q1. …`, `질문: …`; and answers as `→ …`,
`A: …`, `답변: …`.  A `?` inside an address, code or a formula asks nothing.
Formats decide *where* a question may stand (a heading, a bullet, a chat
message); this module decides whether the words ask, and splits off an answer
written on the same line, so one rule means the same thing in every format.

- `asks(text)`: the words ask (strict: a `?` ending the prose, a label, or an
  asking ending); what formats use for a line, item or paragraph.
- `looks_like_question(text)`: the loose test chats use (any `?` at all).
- `question_label(text)` / `without_question_label(text)`: `Q1.`, `질문:` …
- `answer_start(text)`: the answer a line starts (`→ …`, `A: …`, `답변1: …`) or None.
- `split_inline_answer(text)`: `왜 그런가? → 기울기가 …` → (question, answer).
"""

from __future__ import annotations

import re

QUESTION_LABEL = re.compile(r"^(?:Q(?:uestion)?\s*\d*\s*[.:)]|질문\s*\d*\s*[.:)])\s*", re.IGNORECASE)
# A label alone on its line (`질문1`, `Q2`): the question is written on the next line.
BARE_LABEL = re.compile(r"^(?:Q|Question|질문)\s*\d+\s*[.:)]?$", re.IGNORECASE)
_EMPHASIS = re.compile(r"^[*_]+|[*_]+$")

# Addresses, code and formulas: a `?` inside them asks nothing.  The lookahead holds the
# character each alternative starts with (`h`, `f`, `w` in either case): tried at every
# character of a line, it turns most of them away with one test instead of seven.
_NOT_PROSE = re.compile(
    r"(?=[`<!\[$\\hfw])(?:"
    r"(`+)[^`]*?\1"  # code spans
    r"|<[a-z][a-z0-9+.-]*:[^>\s]*>"  # autolinks
    r"|!?\[[^\]\n]*\]\([^)\s]*\)"  # links: a page titled as a question is a reference, not a question
    r"|(?:https?|ftp)://\S+|www\.\S+"  # bare addresses
    r"|\$\$.+?\$\$|\$[^$\n]+\$"  # formulas
    r"|\\\(.+?\\\))",
    re.IGNORECASE,
)

# What may follow the final `?`: hard breaks, closing brackets and quotes, emphasis,
# emoji, more `?`/`!`, ellipses, a trailing Korean particle-less emoticon.
_AFTER_MARK = r"[\s\\)\]}\"'”’」』*_~!！?？.…\u200d\ufe0f\U0001F000-\U0001FAFF\u2600-\u27BFㅠㅜㅎㅋ^;:]*"
_ENDS_ASKING = re.compile(r"[?？]" + _AFTER_MARK + r"$")
_AFTER_MARK_REVERSED = re.compile(_AFTER_MARK)  # matched at the start of the reversed line

_KOREAN_ENDING = re.compile(
    r"(?:나요|(?<!니)까요|인가요|인가여|가요|을까|ㄹ까|일까|뭘까|뭔가요|뭐죠|나여|까여|"
    r"습니까|는가|은가|인가|냐|걸까|는걸까|건가요|건가|던가)"
    r"(?:요)?" + _AFTER_MARK + r"$"
)
# Endings that ask only where the document says questions are listed (`### 질문`):
# elsewhere `…어떻게 제공하는지`, `…때문이니까`, `…잘 모르겠다` are a topic or a remark.
_WEAK_ENDING = re.compile(
    r"(?:는지|은지|인지|는건지|할지|될지|을지|[^하]죠|니까|니|"
    r"(?:모르겠|헷갈리|이해가\s*안\s*되)(?:습니다|어요|네요|다|음|ㅠ))"
    r"(?:요)?" + _AFTER_MARK + r"$"
)
_KOREAN_ENDING_LOOSE = re.compile(
    r"(나요|까요|인가요|인가여|가요|을까|ㄹ까|는지|은지|인지|뭘까|뭔가요|뭐죠|죠|니까|나여|까여|습니까|는가|은가|냐|니)[.…~\s]*$"
)
_KOREAN_REQUEST = re.compile(
    r"(?:궁금(?:합니다|해요|하네요|한데요|했어요|했습니다|하다|함|증|한\s*점|한\s*것|하군요)"
    r"|(?:설명|알려|말씀|공유|답변|조언)\s*(?:해\s*)?주(?:세요|실\s*수|시면|실래요|시겠어요|십시오)"
    r"|설명\s*(?:하시오|하세요|하라|해\s*보세요|해\s*봅시다)"
    r"|에\s*대해(?:서)?\s*(?:\S+\s+)?설명"
    r"|인지\s*의문(?:이다|입니다|임)?"
    r"|알고\s*싶(?:습니다|어요|네요|다))" + _AFTER_MARK + r"$"
)

_ANSWER_START = re.compile(
    r"^\s*+(?:[-*+]\s+)?"
    r"(?:→|->|⇒|=>|➡️?|↳"
    r"|A\d*\s*[.:)](?=\s)|Ans(?:wer)?\s*\d*\s*[.:)]"
    r"|(?:\S{1,12}\s+)?답변?\s*\d*\s*[.:)]|대답\s*[.:)]|해답\s*[.:)])\s*",
    re.IGNORECASE,
)
_INLINE_ANSWER = re.compile(r"(?<!\s)\s+(?:→|->|⇒|=>|➡️?)\s+")  # tried once per run of spaces


# Compiled once: asked of every chat message and every line that may ask.
_LOOSE_LABEL = re.compile(r"^(Q\d*\s*[:.)]|질문\s*[:)])", re.IGNORECASE)
_WORD_CHARACTER = re.compile(r"\w")
_TWO_LETTERS = re.compile(r"[^\W\d_]{2}")

# What every alternative of _NOT_PROSE starts with: most lines have none, and this is a far
# cheaper scan than trying each alternative at each character.
_NOT_PROSE_START = re.compile(r"[`<\[$\\]|https?:|ftp:|www\.", re.IGNORECASE)


def prose(text: str) -> str:
    """The text with code, addresses and formulas removed: only words that can ask."""
    return _NOT_PROSE.sub(" ", text) if _may_hold_code(text) and _NOT_PROSE_START.search(text) else text


def _may_hold_code(text: str) -> bool:
    """A character or word `_NOT_PROSE_START` needs is in the text: five membership tests and a
    lower-cased copy cost a third of searching it (no character but A-Z lower-cases into
    `http`, `ftp:` or `www.`, so the copy finds every place the pattern's IGNORECASE would)."""
    if "`" in text or "<" in text or "[" in text or "$" in text or "\\" in text:
        return True
    folded = text.lower()
    return "http" in folded or "ftp:" in folded or "www." in folded


def question_label(text: str) -> str | None:
    """`Q1.`, `Q:`, `질문 2)` at the start of `text`, or None."""
    match = QUESTION_LABEL.match(text.strip())
    return match.group(0).strip() if match else None


def without_question_label(text: str) -> str:
    """`질문: 왜…`, `Q. why…` → the question itself; the label only said it was one."""
    stripped = text.strip()
    return QUESTION_LABEL.sub("", stripped).strip() or stripped


def looks_like_question(text: str) -> bool:
    """The loose test chats use: any `?` in the words (not in an address or code), a `Q:`
    label, or a Korean question ending."""
    stripped = text.strip()
    if not stripped:
        return False
    words = prose(stripped)
    if "?" in words or "？" in words:
        return True
    if _LOOSE_LABEL.match(stripped):
        return True
    last_line = stripped.splitlines()[-1]
    return bool(_KOREAN_ENDING_LOOSE.search(last_line))


def unwrap(text: str) -> str:
    """`*질문 1. 왜…?*` → `질문 1. 왜…?`; `**Answer )** 네` → `Answer ) 네`: emphasis around a
    whole line or around its leading label says nothing about what the words are."""
    stripped = text.strip()
    if not stripped.startswith(("*", "_")):
        return stripped  # both patterns start with emphasis: most lines have none
    whole = _WHOLE_EMPHASIS.match(stripped)
    if whole:
        stripped = whole.group(2).strip()
    return _LEADING_EMPHASIS.sub(r"\1 ", stripped, count=1).strip()


def asks(text: str, *, listed: bool = False) -> bool:
    """Do these words ask?  The strict test for a line, list item or paragraph.

    A `question_label`, a `?` that ends the prose (hard breaks, brackets, quotes,
    emoji and `??` may follow it), or a Korean question or request ending
    (`…인가요`, `…일까`, `…궁금합니다`, `…알려주세요`, `…설명하시오`).  Only the words
    count: a `?` in an address, code, formula or a link's title is not a question mark,
    and one inside a closing aside (`…사항 (회사, 과정? )`) does not make the rest ask.
    `listed` says the text stands where the document lists questions, so indirect
    endings (`…갱신하는지`, `…좋을지`) ask too.
    """
    stripped = unwrap(text)
    if not stripped:
        return False
    label = QUESTION_LABEL.match(stripped)
    if label and stripped[label.end() :].strip():
        return True
    words = prose(split_inline_answer(stripped)[0]).strip()
    if not words:
        return False
    last_line = _without_closing_aside(words.splitlines()[-1].strip())
    # What may follow a question mark or an ending, read back from the end once: every
    # pattern below ends in it, so each is tried only when the line can end as it asks.
    marks = _AFTER_MARK_REVERSED.match(last_line[::-1])
    after = len(last_line) - (marks.end() if marks else 0)
    if "?" in last_line[after:] or "？" in last_line[after:]:
        return True  # what _ENDS_ASKING finds
    if after == 0 or not "가" <= last_line[after - 1] <= "힣":
        return False  # every ending and request ends in a syllable before those marks
    # That syllable is where an ending or request must end (no syllable is a mark), so they
    # are looked for only that far back: a pattern searched at every character of a long line
    # costs more than all the rest of the test.  A request holds one of its words, found by a
    # scan in C (`…했다.` ends as `…궁금하다.` does, and most lines hold no such word).
    return bool(
        _KOREAN_ENDING.search(last_line, max(0, after - _LONGEST_ENDING))
        or (
            last_line[after - 1] in _REQUEST_LAST
            and _REQUEST_WORD.search(last_line)
            and _KOREAN_REQUEST.search(last_line)
        )
        or _ends_in_l_kka(last_line, max(0, after - _LONGEST_ENDING))
        or (listed and _WEAK_ENDING.search(last_line))
    )


def wonders(text: str) -> bool:
    """A sentence anywhere in a paragraph that says the writer wonders or asks to be told
    (`…이유가 궁금하다.`, `…알려주세요.`): paragraphs in logs ask in their middle, then go on."""
    if _REQUEST_WORD.search(text) is None:
        return False
    return any(_KOREAN_REQUEST.search(s.strip()) for s in _SENTENCE_END.split(prose(text)) if s.strip())


# A word every `_KOREAN_REQUEST` holds: a text with none of them asks nobody to tell.
_REQUEST_WORDS = ("궁금", "설명", "알려", "말씀", "공유", "답변", "조언", "의문", "알고")
_REQUEST_WORD = re.compile("|".join(_REQUEST_WORDS))  # one search: half the time of nine `in` tests
# The syllable each of `_KOREAN_REQUEST`'s forms ends in (`…합니다`, `…주실 수`, `…설명`, `…의문임`).
_REQUEST_LAST = frozenset("다요함증점것수면오라명문임")
# The most syllables a `_KOREAN_ENDING` (`는걸까` + `요`) or `_KKA_END` (`할까요`) spans, and then some.
_LONGEST_ENDING = 6


_WHOLE_EMPHASIS = re.compile(r"^([*_]{1,3})([^*_\n]+)\1$")
_LEADING_EMPHASIS = re.compile(r"^[*_]{1,3}([^*_\n]{1,20}?)[*_]{1,3}(?=\s|$)")
_SENTENCE_END = re.compile(r"(?<=[.!?？。])\s+")
_CLOSING_ASIDE = re.compile(r"^(.*\S)\s*\(([^()]*[?？][^()]*)\)\W*$")


def _without_closing_aside(text: str) -> str:
    """`기타 필요사항 (target company, 과정? )` → `기타 필요사항`; `이유(?)` stays as it is."""
    if "(" not in text or ("?" not in text and "？" not in text):
        return text  # no aside that asks
    match = _CLOSING_ASIDE.match(text)
    if match is None or not _WORD_CHARACTER.search(match.group(2)):
        return text
    return match.group(1)


_KKA_END = re.compile(r"([가-힣])까(?:요)?" + _AFTER_MARK + r"$")


def _ends_in_l_kka(text: str, start: int = 0) -> bool:
    """`될까`, `할까요`, `갈까`: a syllable ending in ㄹ before 까 asks (as `ㄹ까` does in jamo).

    `start`: where to begin looking (the ending is at the end of `text`)."""
    match = _KKA_END.search(text, start)
    return match is not None and (ord(match.group(1)) - 0xAC00) % 28 == 8


def answer_start(text: str) -> str | None:
    """The answer a line starts with an answer mark (`→`, `=>`, `A:`, `답변1:`, `답:`), or None."""
    text = unwrap(text)
    match = _ANSWER_START.match(text)
    if match is None:
        return None
    return text[match.end() :].strip()


def split_inline_answer(text: str) -> tuple[str, str | None]:
    """`왜 그런가? → 기울기가 사라져서` → (`왜 그런가?`, `기울기가 사라져서`); no arrow → (text, None).

    Only an arrow after words that ask splits: `A → B` in a plain sentence is not an answer.
    """
    if not ("→" in text or ">" in text or "⇒" in text or "➡" in text):
        return text, None  # no arrow (`->` and `=>` hold a `>`)
    match = _INLINE_ANSWER.search(text)
    if match is None:
        return text, None
    left, right = text[: match.start()].rstrip(), text[match.end() :].strip()
    left_words = prose(left).strip()
    if not right or not (_ENDS_ASKING.search(left_words) or _KOREAN_ENDING.search(left_words)):
        return text, None
    return left, right


_MID_MARK = re.compile(r"[?？]+(?:\s*[:：]\s*|\s+)(?=\S)")


def split_after_mark(text: str) -> tuple[str, str | None]:
    """`PCA란? 큰 그룹을 나누는 방법` → (`PCA란?`, `큰 그룹을 나누는 방법`): notes write a
    question and its answer on one line.  The rest must be a phrase of three words or
    more that does not ask again (`공분산이란? covariance는?` is one question)."""
    if "?" not in text and "？" not in text:
        return text, None  # nothing for _MID_MARK to find
    words = prose(text)
    if len(words) != len(text):
        return text, None  # code or links: positions differ; keep the line whole
    for match in _MID_MARK.finditer(text):
        rest = text[match.end() :].strip()
        if len(rest.split()) >= 3 and not asks(rest) and _TWO_LETTERS.search(rest):
            return text[: match.start() + 1].strip(), rest
    return text, None
