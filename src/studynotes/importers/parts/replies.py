"""Evidence that a chat message answers a question: who it names, what words it shares.

In a busy lecture chat the next message after a question is as often about
something else as it is an answer.  A message answers a question when it says
so: it names the asker (`@Jan:` answers Jan Kowalski, `@Cecile` answers Cécile
Coulon, `Martin, take a look…`), it shares the question's words (`Are there file
limits?` / `…a limit of 50 MB per file`), it says yes or no right after a yes/no
question, or it is code pasted right after a how-to question.  Without such
evidence a question stays open.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from .questions import QUESTION_LABEL

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_CAPITAL = re.compile(r"[A-Z]")  # camelCase needs one: text without any has no words to split
_ASIDE = re.compile(r"\([^)]*\)")
_STOP = frozenset(
    [
        "about",
        "after",
        "again",
        "also",
        "and",
        "any",
        "are",
        "because",
        "been",
        "before",
        "being",
        "both",
        "but",
        "can",
        "could",
        "did",
        "does",
        "doing",
        "done",
        "each",
        "even",
        "for",
        "from",
        "had",
        "has",
        "have",
        "here",
        "how",
        "into",
        "its",
        "just",
        "like",
        "make",
        "many",
        "more",
        "most",
        "much",
        "must",
        "need",
        "not",
        "now",
        "only",
        "other",
        "our",
        "out",
        "over",
        "same",
        "should",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "too",
        "under",
        "use",
        "used",
        "using",
        "very",
        "was",
        "way",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yes",
        "thanks",
        "thank",
        "please",
        "sorry",
        "question",
        "questions",
        "think",
        "know",
        "really",
        "okay",
        "right",
    ]
)
_KOREAN_PARTICLE = re.compile(
    r"(?:은|는|이|가|을|를|의|에|에서|으로|로|와|과|도|만|랑|이랑|에게|한테|까지|부터|요)$"
)
_AFFIRM = re.compile(
    r"^\W*(?:(?:yes|yep|yup|yeah|yea|sure|correct|exactly|indeed|absolutely|of course)\b"
    r"|(?:no|nope)\s*(?:[,.!:;-]|$)|(?:네|넵|예|아니요|아뇨|맞아요|맞습니다|그렇습니다|아닙니다)(?:\W|$))",
    re.IGNORECASE,
)
_YES_NO_OPENING = re.compile(
    r"^(?:(?:hi|hello|hey|so|and|but|also|sorry|one question)\b[\s,:-]*(?:\w+[\s,:-]+)?)?"
    r"(?:is|are|am|was|were|can|could|will|would|do|does|did|should|shall|has|have|had|may|might|must)\b",
    re.IGNORECASE,
)
_TAG_QUESTION = re.compile(
    r"(?:isn[’']t\s*(?:it)?|aren[’']t\s*(?:they)?|right|correct|no|ok|okay)\s*\?+\W*$", re.IGNORECASE
)
_KOREAN_WH = re.compile(r"왜|어떻게|무엇|뭐|어디|언제|누가|얼마나|어떤|몇|어느")
_CODE = re.compile(r"`[^`]+`|\b[A-Za-z_][\w.]*\([^()]*(?:\([^()]*\)[^()]*)*\)|<-|\w+\s*=\s*\w+\(")
_MENTION = re.compile(r"@([^\s@:,;!?]+)")
_ADDRESS = re.compile(
    r"^\s*(?:hi|hello|hey|dear|안녕하세요)?[\s,]*([^\W\d_][\w.'-]{1,30})\s*(?:님)?\s*[,:]", re.IGNORECASE
)


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case- and accent-insensitive: `Cécile` and `cecile` are one name.

    Remembered per word, and plain ASCII only casefolded: a long chat folds the same words
    again and again, and decomposing every Hangul syllable is the slow part."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(char for char in decomposed if not unicodedata.combining(char))
    return unicodedata.normalize("NFC", folded)


@functools.lru_cache(maxsize=4096)  # a chat has few senders and many messages
def name_parts(name: str) -> frozenset[str]:
    """`Jan Kowalski (she/her)` → {jan, kowalski, jan kowalski}: any part answers to the name."""
    words = [fold(w) for w in _WORD.findall(_ASIDE.sub(" ", name)) if len(w) >= 2]
    return frozenset({*words, " ".join(words)}) if words else frozenset()


def mentioned(text: str) -> list[str]:
    """The names a message addresses: `@Name` anywhere, or `Name,` / `Hi Name,` at its start."""
    names = [fold(m.rstrip(".")) for m in _MENTION.findall(text)] if "@" in text else []
    address = _ADDRESS.match(text) if "," in text or ":" in text else None  # it ends in one
    if address:
        names.append(fold(address.group(1)))
    return names


_HYPHEN_JOINED = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")


@functools.lru_cache(maxsize=4096)
def content_words(text: str) -> frozenset[str]:
    """The words that carry a message's topic, reduced so `limits` meets `limit` and
    `sharing` meets `shared`; camelCase and addresses are split into their words.

    Remembered per text: a long chat compares each reply with the same recent questions."""
    joined = _HYPHEN_JOINED.sub("", text) if "-" in text else text  # `Git-Hub` is GitHub
    if _CAPITAL.search(joined) is None:
        words = set(map(_topic_word, _WORD.findall(joined)))
    else:
        whole = [w for w in _WORD.findall(joined) if _CAMEL.search(w)]  # `GitHub` also as one word
        words = {_topic_word(raw) for raw in [*_WORD.findall(_CAMEL.sub(" ", joined)), *whole]}
    words.discard("")
    return frozenset(words)


@functools.lru_cache(maxsize=65536)
def _topic_word(raw: str) -> str:
    """One word reduced to what it says about the topic; empty when it says nothing."""
    word = fold(raw)
    if word.isascii():
        short = len(word) < 3 and not (len(word) == 2 and any(c.isdigit() for c in word))  # `L1` counts
        if short or word in _STOP or word.isdigit():
            return ""
        for suffix in ("ing", "ed", "es", "s", "ly"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                break
        return word[:5]
    word = _KOREAN_PARTICLE.sub("", word)
    return word if len(word) >= 2 else ""


def shared_words(question: str, reply: str) -> int:
    """How many topic words a reply shares with a question."""
    return len(content_words(question) & content_words(reply))


def affirms(text: str) -> bool:
    """`yes!`, `Yup - go to File`, `네`: a yes or no (but not `No worries`)."""
    return bool(_AFFIRM.match(text))


_HANGUL = re.compile(r"[가-힣]")


def asks_yes_or_no(question: str) -> bool:
    """`Can we download it?`, `녹화되나요?`: a question a plain yes or no answers."""
    stripped = QUESTION_LABEL.sub("", question.strip())
    if _HANGUL.search(stripped):
        return not _KOREAN_WH.search(stripped)
    return bool(_YES_NO_OPENING.match(stripped) or _TAG_QUESTION.search(stripped))


def is_code(text: str) -> bool:
    """`rm(list=ls())`, `` `df.head()` ``: code pasted as a reply."""
    if "(" not in text and "`" not in text and "<-" not in text:  # what each shape of `_CODE` needs
        return False
    return bool(_CODE.search(text))
