"""What a chat message says: does it ask, is it only thanks, who wrote it, how it reads as Markdown.

Chat is typed fast and loosely: questions without `?` (`어떤식으로`, `how about
transfer learning`), names with student numbers in any place, pasted code with
`#` comments that Markdown would turn into headings.  These helpers turn that
into clean fields and Markdown that renders as the sender meant it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .parts.links import link_bare_urls
from .parts.questions import looks_like_question, prose

# --- who wrote it ---------------------------------------------------------------------------

_BRACKETED_NUMBER = re.compile(r"\s*[(\[]\s*\d{4,}(?:-\d+)*\s*[)\]]")
_BARE_NUMBER = re.compile(r"(?<![^\s_/|·,\-])\d{4,}(?:-\d+)*(?![^\s_/|·,\-])")
_EDGE_SEPARATORS = re.compile(r"^[\s_/|·,\-]+|[\s_/|·,\-]+$")
_INSTRUCTOR = re.compile(
    r"교수|조교|강사|선생님|professor|\bprof\b|instructor|lecturer|teacher|\bTA\b|老师|教授|助教|先生|講師",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)  # a chat has few senders and many messages
def asker_name(sender: str) -> str:
    """`20175499 이성준`, `심상민 (20203347)`, `김진호_20203162` → the name without the student number."""
    name = _BARE_NUMBER.sub(" ", _BRACKETED_NUMBER.sub(" ", sender))
    name = " ".join(_EDGE_SEPARATORS.sub("", name).split())
    return name or sender.strip()


@lru_cache(maxsize=4096)
def is_instructor(sender: str) -> bool:
    """Professors and TAs often answer in the chat under a name that says so."""
    return bool(_INSTRUCTOR.search(sender))


# --- does it ask -----------------------------------------------------------------------------

_CURIOUS = re.compile(
    r"궁금(합니다|해요|하네요|한데요|했어요|했습니다|하다|함)|(설명|알려|말씀)\s*(해\s*)?주(세요|실\s*수)"
)
_KOREAN_WH_END = re.compile(r"(어떻게|어떤\s*식으로|왜|뭐|무엇|무엇인지|언제|어디|얼마나|누가)\s*[.…~]*$")
_ENGLISH_ASK = re.compile(
    r"^(?:(?:so|and|but|also|then|sorry|hi|hello|professor|prof)[,\s]+)*"
    r"(?:why\b|how\s+(?:about|do|does|did|can|could|should|would|is|are|was|were|much|many|to|come)\b|"
    r"what\s+(?:is|are|was|were|does|do|did|should|would|can|will|if|about|happens)\b|what's\b|"
    r"when\s+(?:is|are|will|do|does|did|can|should)\b|where\s+(?:is|are|can|do|does|should)\b|"
    r"which\s+(?:one|is\s+better|of|should)\b|who\s+(?:is|are|can|will|knows)\b|"
    r"is\s+(?:there|it|this|that)\b|are\s+(?:there|we|you|these|those)\b|"
    r"(?:can|could|would)\s+(?:i|we|you|someone|anyone|somebody)\b|should\s+(?:we|i)\b|"
    r"(?:do|did)\s+(?:we|you|i)\b|does\s+(?:it|this|that|anyone|anybody)\b|"
    r"will\s+(?:the|there|we|you|it|this)\b|any(?:one|body)\s+know)",
    re.IGNORECASE,
)
_CHINESE_ASK = re.compile(
    r"(吗|呢|么|什么|哪|哪里|多少)[。.!！~\s]*$|怎么|为什么|如何|是不是|能不能|可不可以"
)
_JAPANESE_ASK = re.compile(r"(ですか|ますか|でしょうか|のか)[。.\s]*$")
_ME_TOO = re.compile(
    r"^(저도|나도|me too|same here|same question|same problem|i have the same|i was wondering the same|\+1)",
    re.IGNORECASE,
)


@lru_cache(maxsize=1024)  # a message is asked about several times in a row while pairing answers
def asks(text: str) -> bool:
    """A question: a `?`, `Q:`, a Korean, Chinese or Japanese question ending, or an English question opening."""
    stripped = text.strip()
    if not stripped or _ME_TOO.match(stripped):
        return False
    if looks_like_question(prose(stripped)) or _CURIOUS.search(stripped):  # a `?` in a link asks nothing
        return True
    last = stripped.splitlines()[-1].strip()
    first = stripped.splitlines()[0].strip()
    if _KOREAN_WH_END.search(last) or _CHINESE_ASK.search(last) or _JAPANESE_ASK.search(last):
        return True
    return bool(_ENGLISH_ASK.match(first)) and not first.endswith((".", "!"))


def ends_asking(text: str) -> bool:
    """Does this fragment end as a question (for `question? > answer` on one line)?"""
    stripped = text.rstrip()
    if stripped.endswith(("?", "？")):
        return True
    return "?" not in stripped and looks_like_question(stripped)


# --- greetings, thanks and acknowledgements -------------------------------------------------

_SMALL_TALK_WORDS = re.compile(
    r"감사합니다|감사해요|감사드립니다|감사드려요|감사|고맙습니다|고마워요|고마워|땡큐|"
    r"안녕하세요|안녕히\s*계세요|수고하셨습니다|수고하세요|수고많으셨습니다|수고|"
    r"알겠습니다|알겠어요|이해했습니다|이해했어요|잘\s*들었습니다|넵|아하|아\s*그렇군요|그렇군요|오오|"
    r"교수님|조교님|선생님|여러분|다들|님|정말|너무|진짜|대단히|많이|잘|모두|"
    r"thank\s*you|thanks|thank|thx|ty|cheers|appreciate\s*it|"
    r"hello|hi|hey|good\s*(?:morning|afternoon|evening|bye)|bye|see\s*you|"
    r"got\s*it|i\s*see|makes\s*sense|ok(?:ay)?|cool|great|nice|lol|"
    r"professor|prof|sir|everyone|all|guys|so\s*much|very\s*much|a\s*lot|again|"
    r"谢谢|感谢|你好|大家好|再见|好的|明白了|ありがとうございます|ありがとう|こんにちは|"
    r"[ㅎㅋㅠㅜ]+",
    re.IGNORECASE,
)
_NOT_WORDS = re.compile(r"[\W_]+")
_FIRST_WORD_CHAR = re.compile(r"[^\W_]")
# Every small-talk word starts with one of these: a text whose first letter is none of them
# holds a word the list does not cover, and the costly removal below is skipped.
_SMALL_TALK_FIRST = frozenset(
    {alternative[0].casefold() for alternative in _SMALL_TALK_WORDS.pattern.split("|") if alternative}
    | set("ㅎㅋㅠㅜ")
)


@lru_cache(maxsize=1024)
def is_small_talk(text: str) -> bool:
    """Thanks, greetings, `ok`, `ㅋㅋ`, emoji: said in reply, but never an answer."""
    stripped = text.strip()
    if not stripped or len(stripped) > 80:
        return False
    if _ME_TOO.match(stripped):
        return True
    folded = stripped.casefold()
    first = _FIRST_WORD_CHAR.search(folded)
    if first is not None and first.group() not in _SMALL_TALK_FIRST:
        return False
    rest = _SMALL_TALK_WORDS.sub(" ", folded)
    return not _NOT_WORDS.sub("", rest)


def ends_exchange(text: str) -> bool:
    """Thanks or `ok` after an answer close that exchange; `me too` keeps the question open."""
    return is_small_talk(text) and not _ME_TOO.match(text.strip())


_SENTENCE_END = re.compile(r"(?:[.!?。！？…~]|[다요죠네음함]|ㅎ|ㅋ)\s*$")


def is_fragment(text: str) -> bool:
    """A line that stops mid-sentence (`unsupervised learning의 경우`): the next line of its sender goes on."""
    return not _SENTENCE_END.search(text)


# --- Markdown --------------------------------------------------------------------------------

_LINK = re.compile(r"<a\s+[^>]*?href\s*=\s*[\"']([^\"']+)[\"'][^>]*>(.*?)</a>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_CODE_LINE = re.compile(
    r"^\s*+#|^(?:\t| {2,})\S|^\s*+>>>\s|[;{]\s*$|^\s*+[}\])]|"
    r"^\s*+(?:def|class)\s+\w+.*:\s*$|^\s*+(?:for|while|if|elif|with)\b.*:\s*$|"
    r"^\s*+(?:else|try|finally|except\b.*):\s*$|^\s*+(?:import\s+\w|from\s+\S+\s+import\s)|"
    r"^\s*+return\b|^\s*+print\(|^\s*+[A-Za-z_][\w.\[\]]*\s*(?:=|\+=|-=|\*=)\s*\S|"
    r"^\s*+[A-Za-z_][\w.]*\(.*\)\s*$|^\s*+#include\b"
)
_SETEXT_RULE = re.compile(r"^\s*+(=+|-+)\s*$")


def html_links_to_markdown(text: str) -> str:
    """`<a href="u">t</a>` → `[t](u)` (or `<u>` when the label is the address)."""

    def link(match: re.Match[str]) -> str:
        href, label = match.group(1), _TAG.sub("", match.group(2)).strip()
        return f"<{href}>" if not label or label == href else f"[{label}]({href})"

    return _LINK.sub(link, text) if "<" in text else text


def message_markdown(text: str, *, hard_breaks: bool = False) -> str:
    """A message as Markdown: links converted, pasted code fenced, stray `#` escaped.

    A run of lines that looks like code (two or more, e.g. a `#` comment and
    an indented loop) is fenced so it keeps its lines; the prose around it
    keeps its words, with `#` and `---` lines escaped so they stay text.
    """
    if not text:  # a question without an answer yet
        return text
    text = html_links_to_markdown(text)
    if "\n" not in text:
        return _escape_prose(text)
    lines = text.split("\n")
    start, end = _code_run(lines)
    prose_break = "  \n" if hard_breaks else "\n"
    if start < 0:
        return prose_break.join(_escape_prose(line) for line in lines)
    code = lines[start : end + 1]
    fence = "~~~" if any("```" in line for line in code) else "```"
    parts = []
    before = "\n".join(lines[:start]).strip("\n")
    if before:
        parts.append(prose_break.join(_escape_prose(line) for line in before.split("\n")))
    parts.append("\n".join([fence, *code, fence]))
    after = "\n".join(lines[end + 1 :]).strip("\n")
    if after:
        parts.append(prose_break.join(_escape_prose(line) for line in after.split("\n")))
    return "\n\n".join(parts)


def _code_run(lines: list[str]) -> tuple[int, int]:
    """First and last line of the pasted code, or (-1, -1) when there is none."""
    if len(lines) < 2 or any(line.lstrip().startswith(("```", "~~~")) for line in lines):
        return -1, -1
    code = [i for i, line in enumerate(lines) if line.strip() and _CODE_LINE.search(line)]
    if len(code) < 2:
        return -1, -1
    return code[0], code[-1]


def _escape_prose(line: str) -> str:
    line = link_bare_urls(line)
    stripped = line.lstrip()
    if not stripped or stripped[0] not in "#=-":
        return line
    if stripped.startswith("#"):
        return line[: len(line) - len(stripped)] + "\\" + stripped
    if _SETEXT_RULE.match(line):
        return "\\" + stripped
    return line
