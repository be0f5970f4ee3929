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

QUESTION_LABEL = re.compile(r"^(?:Q\d*\s*[.:)]|질문\s*\d*\s*[.:)])\s*", re.IGNORECASE)

# Addresses, code and formulas: a `?` inside them asks nothing.
_NOT_PROSE = re.compile(
    r"(`+)[^`]*?\1"  # code spans
    r"|<[a-z][a-z0-9+.-]*:[^>\s]*>"  # autolinks
    r"|\]\([^)\s]*\)"  # link targets
    r"|(?:https?|ftp)://\S+|www\.\S+"  # bare addresses
    r"|\$\$.+?\$\$|\$[^$\n]+\$"  # formulas
    r"|\\\(.+?\\\)",
    re.IGNORECASE,
)

# What may follow the final `?`: hard breaks, closing brackets and quotes, emphasis,
# emoji, more `?`/`!`, ellipses, a trailing Korean particle-less emoticon.
_AFTER_MARK = r"[\s\\)\]}\"'”’」』*_~!！?？.…\u200d\ufe0f\U0001F000-\U0001FAFF\u2600-\u27BFㅠㅜㅎㅋ^;:]*"
_ENDS_ASKING = re.compile(r"[?？]" + _AFTER_MARK + r"$")

_KOREAN_ENDING = re.compile(
    r"(?:나요|까요|인가요|인가여|가요|을까|ㄹ까|일까|는지|은지|인지|뭘까|뭔가요|뭐죠|[^하]죠|니까|나여|까여|"
    r"습니까|는가|은가|인가|냐|니|는건지|할지|될지|걸까|는걸까|건가요|건가|던가)"
    r"(?:요)?" + _AFTER_MARK + r"$"
)
_KOREAN_ENDING_LOOSE = re.compile(
    r"(나요|까요|인가요|인가여|가요|을까|ㄹ까|는지|은지|인지|뭘까|뭔가요|뭐죠|죠|니까|나여|까여|습니까|는가|은가|냐|니)[.…~\s]*$"
)
_KOREAN_REQUEST = re.compile(
    r"(?:궁금(?:합니다|해요|하네요|한데요|했어요|했습니다|하다|함|증|한\s*점|한\s*것|하군요)"
    r"|(?:설명|알려|말씀|공유|답변|조언)\s*(?:해\s*)?주(?:세요|실\s*수|시면|실래요|시겠어요|십시오)"
    r"|(?:모르겠|헷갈리|이해가\s*안\s*되)(?:습니다|어요|네요|다|음|ㅠ)"
    r"|알고\s*싶(?:습니다|어요|네요|다))" + _AFTER_MARK + r"$"
)

_ANSWER_START = re.compile(
    r"^\s*(?:[-*+]\s+)?"
    r"(?:→|->|⇒|=>|➡️?|↳"
    r"|A\d*\s*[.:)](?=\s)|Ans(?:wer)?\s*\d*\s*[.:)]"
    r"|답변?\s*\d*\s*[.:)]|대답\s*[.:)]|해답\s*[.:)])\s*",
    re.IGNORECASE,
)
_INLINE_ANSWER = re.compile(r"\s+(?:→|->|⇒|=>|➡️?)\s+")


def prose(text: str) -> str:
    """The text with code, addresses and formulas removed: only words that can ask."""
    return _NOT_PROSE.sub(" ", text)


def question_label(text: str) -> str | None:
    """`Q1.`, `Q:`, `질문 2)` at the start of `text`, or None."""
    match = QUESTION_LABEL.match(text.strip())
    return match.group(0).strip() if match else None


def without_question_label(text: str) -> str:
    """`질문: 왜…`, `Q. why…` → the question itself; the label only said it was one."""
    stripped = text.strip()
    return QUESTION_LABEL.sub("", stripped).strip() or stripped


def looks_like_question(text: str) -> bool:
    """The loose test chats use: any `?`, a `Q:` label, or a Korean question ending."""
    stripped = text.strip()
    if not stripped:
        return False
    if "?" in stripped or "？" in stripped:
        return True
    if re.match(r"^(Q\d*\s*[:.)]|질문\s*[:)])", stripped, re.IGNORECASE):
        return True
    last_line = stripped.splitlines()[-1]
    return bool(_KOREAN_ENDING_LOOSE.search(last_line))


def asks(text: str) -> bool:
    """Do these words ask?  The strict test for a line, list item or paragraph.

    A `question_label`, a `?` that ends the prose (hard breaks, brackets, quotes,
    emoji and `??` may follow it), or a Korean question or request ending
    (`…인가요`, `…일까`, `…궁금합니다`, `…알려주세요`).  Only the words count:
    a `?` in an address, code or formula is not a question mark.
    """
    stripped = text.strip()
    if not stripped:
        return False
    label = QUESTION_LABEL.match(stripped)
    if label and stripped[label.end() :].strip():
        return True
    words = prose(split_inline_answer(stripped)[0]).strip()
    if not words:
        return False
    last_line = words.splitlines()[-1].strip()
    return bool(
        _ENDS_ASKING.search(last_line)
        or _KOREAN_ENDING.search(last_line)
        or _KOREAN_REQUEST.search(last_line)
        or _ends_in_l_kka(last_line)
    )


_KKA_END = re.compile(r"([가-힣])까(?:요)?" + _AFTER_MARK + r"$")


def _ends_in_l_kka(text: str) -> bool:
    """`될까`, `할까요`, `갈까`: a syllable ending in ㄹ before 까 asks (as `ㄹ까` does in jamo)."""
    match = _KKA_END.search(text)
    return match is not None and (ord(match.group(1)) - 0xAC00) % 28 == 8


def answer_start(text: str) -> str | None:
    """The answer a line starts with an answer mark (`→`, `=>`, `A:`, `답변1:`, `답:`), or None."""
    match = _ANSWER_START.match(text)
    if match is None:
        return None
    return text[match.end() :].strip()


def split_inline_answer(text: str) -> tuple[str, str | None]:
    """`왜 그런가? → 기울기가 사라져서` → (`왜 그런가?`, `기울기가 사라져서`); no arrow → (text, None).

    Only an arrow after words that ask splits: `A → B` in a plain sentence is not an answer.
    """
    match = _INLINE_ANSWER.search(text)
    if match is None:
        return text, None
    left, right = text[: match.start()].rstrip(), text[match.end() :].strip()
    left_words = prose(left).strip()
    if not right or not (_ENDS_ASKING.search(left_words) or _KOREAN_ENDING.search(left_words)):
        return text, None
    return left, right
