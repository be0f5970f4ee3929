"""The lines of a KakaoTalk text export: what each one is, in every client and language.

Windows/PC: `--------------- 2021년 8월 5일 목요일 ---------------` between days and
`[이름] [오후 3:21] 메시지`; Android and iOS: `2021. 8. 5. 오후 3:21, 이름 : 메시지`
(or `2021년 8월 5일 오후 3:21, …`) with a date line between days; English
clients: `[Name] [3:21 PM] …`, `Aug 5, 2021 at 3:21 PM, Name : …`, `Thursday,
August 5, 2021`.  Times come with 오전/오후, AM/PM, or on a 24-hour clock.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import NamedTuple

from .parts.dates import parse_any_date

_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_MONTH_WORD = rf"(?:{_MONTHS})[a-z]*\.?"
_DATE = (
    r"(?:(?P<y>\d{4})\s*(?:\.|년|-|/)\s*(?P<mo>\d{1,2})\s*(?:\.|월|-|/)\s*(?P<d>\d{1,2})\s*(?:\.|일)?"
    rf"|(?P<mon>{_MONTH_WORD})\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}})"
    rf"|(?P<d3>\d{{1,2}})\s+(?P<mon3>{_MONTH_WORD})\s+(?P<y3>\d{{4}}))"
)
_CLOCK = (
    r"(?:(?P<pre>오전|오후|AM|PM|am|pm)\s*)?(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?"
    r"(?:\s*(?P<post>AM|PM|am|pm|a\.m\.|p\.m\.|오전|오후))?"
)
_WEEKDAY = (
    r"(?:[월화수목금토일]요일|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?)"
)
PC_MESSAGE = re.compile(r"^\[(?P<sender>[^\]\n]{1,80})\] \[" + _CLOCK + r"\][ \t]?(?P<text>.*)$")
MOBILE_LINE = re.compile(
    r"^" + _DATE + r"(?:,|\s+at)?\s+" + _CLOCK + r"(?P<sep>,\s|:\s|:$|,$)(?P<rest>.*)$", re.IGNORECASE
)
# Old Android English clients put the time first: `8:34pm, July 9, 2015, Name : text`.
MOBILE_TIME_FIRST = re.compile(
    r"^" + _CLOCK + r",\s+" + _DATE + r"(?P<sep>,\s|:\s|:$|,$)(?P<rest>.*)$", re.IGNORECASE
)
# Old Android clients start a day with its first message's date and time on a line of their own.
DAY_TIME_LINE = re.compile(
    r"^(?:"
    + _DATE
    + r",?\s+"
    + _CLOCK
    + r"|"
    + _CLOCK.replace("?P<", "?P<t_")
    + r",\s+"
    + _DATE.replace("?P<", "?P<t_")
    + r")\s*$",
    re.IGNORECASE,
)
DAY_LINE = re.compile(
    r"^-*\s*(?:" + _WEEKDAY + r",?\s+)?" + _DATE + r"(?:\s*\(?" + _WEEKDAY + r"\)?)?\s*-*\s*$", re.IGNORECASE
)
SAVED_AT = re.compile(r"^(?:저장한\s*날짜|Date\s+Saved)\s*:\s*(?P<when>.+)$", re.IGNORECASE)
TITLE_LINES = (
    # The lookaheads reject other lines at once: `.+?` before `\s*` was quadratic on long runs of spaces.
    re.compile(r"^(?=.*카카오톡)(?P<title>.+?)\s*님과\s*카카오톡\s*대화\s*$"),
    re.compile(
        r"^(?=.*카카오톡)(?P<title>.+?)(?:\s*\(\d+명\))?\s*(?:과|와)?\s*카카오톡\s*대화(?:-\d+)?(?:\.txt)?\s*$"
    ),
    re.compile(
        r"^KakaoTalk\s+Chats?\s+with\s+(?P<title>.+?)(?:\s*\(\d+(?:\s*people)?\))?(?:-\d+)?(?:\.txt)?\s*$",
        re.IGNORECASE,
    ),
    re.compile(r"^(?=.*KakaoTalk)(?P<title>.+?)\s+with\s+KakaoTalk\s+Chats?\s*$", re.IGNORECASE),
    re.compile(r"^Talk_[\d.]+\s+[\d_]+-\d+\s*$"),
)
# What KakaoTalk writes itself: people joining and leaving, moderation, the open-chat notice.
SYSTEM_TEXT = re.compile(
    r"(?:님이\s*(?:들어왔습니다|나갔습니다|입장하셨습니다|퇴장하셨습니다)|님을\s*(?:초대(?:했|하였)습니다|내보냈습니다)|"
    r"님(?:이|을)\s*.*초대(?:했|하였)습니다|(?:채팅방\s*관리자|방장)(?:가|이)\s*.*(?:가렸습니다|변경(?:했|하였)습니다)|"
    r"님이\s*.*(?:방장|부방장).*(?:되었습니다|지정(?:했|하였)습니다)|운영정책을\s*위반한\s*메시지로|"
    r"타인,\s*기관\s*등의\s*사칭|불법촬영물등\s*유통|"
    r"\bjoined this chatroom\.?|\bleft this chatroom\.?|\binvited\s+.+\s+to the chatroom|\bhas left\b.*chat|"
    r"^\S[^\n]{0,60}\sinvited\s[^\n]{1,80}\sand(?:\s+[^\n]{1,40})?|"
    r"\bwas removed from the chatroom|\bmanager hid (?:a|this) message)\s*\.?$",
    re.IGNORECASE,
)
# A message that is only a placeholder for something not in the text file.
MEDIA_TEXT = re.compile(
    r"^(?:사진(?:\s*\d+장)?|동영상|이모티콘|음성메시지|삭제된\s*메시지입니다\.?|메시지가\s*삭제되었습니다\.?|"
    r"보이스톡\s*(?:해요\.?|[\d:]+|취소|부재중)|페이스톡\s*(?:해요\.?|[\d:]+|취소|부재중)|"
    r"(?:photos?|videos?|emoticons?|stickers?|voice\s*messages?|voice\s*call(?:\s*[\d:]+)?|"
    r"this message (?:was|has been) deleted\.?|deleted message\.?|message deleted\.?)(?:\s*\d+)?)$",
    re.IGNORECASE,
)
FILE_TEXT = re.compile(r"^(?:파일|File)\s*:\s*(?P<name>.+)$", re.IGNORECASE)


class Clock(NamedTuple):
    hour: int
    minute: int
    second: int


def clock(found: re.Match[str]) -> Clock | None:
    """The 24-hour time of a matched `_CLOCK`; None when it is not a time of day."""
    return _clock(found.group("pre", "h", "mi", "s", "post"))


@lru_cache(maxsize=4096)  # a day has at most 1,440 minutes and a chat says each many times
def _clock(parts: tuple[str | None, ...]) -> Clock | None:
    pre, hours, minutes, seconds, post = parts
    hour, minute = int(hours or 0), int(minutes or 0)
    second = int(seconds or 0)
    half = (pre or post or "").lower().replace(".", "")
    if half in ("오후", "pm") and hour < 12:
        hour += 12
    elif half in ("오전", "am") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return None
    return Clock(hour, minute, second)


_DATE_GROUPS = ("y", "mo", "d", "mon", "d2", "y2", "mon3", "d3", "y3")


def date_of(found: re.Match[str]) -> dt.date | None:
    """The date of a matched `_DATE`, numeric, Korean or English; None when it is no real date."""
    if found.re is DAY_TIME_LINE:  # its second shape names its groups `t_…`
        named = {k.removeprefix("t_"): v for k, v in found.groupdict().items() if v is not None}
        return _calendar_date(tuple(named.get(name) for name in _DATE_GROUPS))
    return _calendar_date(found.group(*_DATE_GROUPS))


@lru_cache(maxsize=4096)  # every message line of a phone export repeats its day's date
def _calendar_date(parts: tuple[str | None, ...]) -> dt.date | None:
    groups = {name: value for name, value in zip(_DATE_GROUPS, parts, strict=True) if value is not None}
    if groups.get("y"):
        try:
            return dt.date(int(groups["y"]), int(groups["mo"]), int(groups["d"]))
        except ValueError:
            return None
    if groups.get("y2"):
        return parse_any_date(f"{groups['mon']} {groups['d2']}, {groups['y2']}")
    if groups.get("y3"):
        return parse_any_date(f"{groups['mon3']} {groups['d3']}, {groups['y3']}")
    return None


def split_sender(rest: str) -> tuple[str, str] | None:
    """`이름 : 메시지` → (이름, 메시지); None for a system line, which names no sender."""
    sender, sep, text = rest.partition(" : ")
    if not sep:
        if rest.endswith(" :"):
            return rest[:-2].strip(), ""
        return None
    return sender.strip(), text


_SYSTEM_WORDS = (
    "님",
    "invited",
    "joined",
    "left",
    "chatroom",
    "운영정책",
    "사칭",
    "불법",
    "manager",
    "removed",
)


_ANY_SYSTEM_WORD = re.compile("|".join(_SYSTEM_WORDS))


def is_system(text: str) -> bool:
    """A line KakaoTalk wrote itself; the word check first, as nearly every line is a person's."""
    return _ANY_SYSTEM_WORD.search(text) is not None and bool(SYSTEM_TEXT.search(text.strip()))
