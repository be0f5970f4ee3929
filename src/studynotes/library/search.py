"""Turning what a user types into search terms, and cutting snippets.

Korean writes particles onto words (`손실함수를`), so a term that ends in a
common particle is searched by its stem, which the trigram index finds inside
any longer word.  Terms under three characters cannot use the trigram index
and are matched with LIKE on the base tables instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import MATH, nfc

TRIGRAM_MIN = 3
_PARTICLES = sorted(
    [
        "을",
        "를",
        "이",
        "가",
        "은",
        "는",
        "의",
        "에",
        "에서",
        "에게",
        "으로",
        "로",
        "와",
        "과",
        "도",
        "만",
        "까지",
        "부터",
        "이란",
        "란",
        "이나",
        "나",
        "처럼",
        "보다",
    ],
    key=len,
    reverse=True,
)
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


@dataclass(frozen=True)
class SearchTerms:
    long: tuple[str, ...]  # answered by the FTS5 trigram index
    short: tuple[str, ...]  # answered by LIKE over the base table

    @property
    def all(self) -> tuple[str, ...]:
        return self.long + self.short

    def __bool__(self) -> bool:
        return bool(self.long or self.short)


def parse_query(query: str) -> SearchTerms:
    terms = [_stem(t) for t in nfc(query).split() if t.strip('"')]
    terms = [t.strip('"') for t in terms if t.strip('"')]
    return SearchTerms(
        long=tuple(t for t in terms if len(t) >= TRIGRAM_MIN),
        short=tuple(t for t in terms if len(t) < TRIGRAM_MIN),
    )


def _stem(term: str) -> str:
    """`손실함수를` → `손실함수`; leaves a stem of at least two syllables."""
    if not _HANGUL.search(term[-1:]):
        return term
    for particle in _PARTICLES:
        if term.endswith(particle) and len(term) - len(particle) >= 2:
            return term[: -len(particle)]
    return term


def like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def snippet(text: str, terms: tuple[str, ...], width: int = 80) -> str:
    """A line of context around the first match, on one line, never cutting a formula in two.

    A formula cut at either edge could not be read or shown as a formula; the
    edge moves to take the whole formula in, or to leave it out when it is long.
    """
    flat = " ".join(text.split())
    lowered = flat.casefold()
    found = [(p, len(t)) for t in terms if (p := lowered.find(t.casefold())) >= 0]
    first, length = min(found) if found else (0, 0)
    start = max(0, first - width // 3)
    end = min(len(flat), start + width)
    at = 0
    while (formula := _formula_from(flat, at, end)) is not None:
        long_one = formula.end() - formula.start() > width
        if formula.start() < start < formula.end():
            start = formula.end() if long_one and formula.end() <= first else formula.start()
        if formula.start() < end < formula.end():
            end = formula.start() if long_one and formula.start() >= first + length else formula.end()
        at = formula.end()
    return ("…" if start else "") + flat[start:end].strip() + ("…" if end < len(flat) else "")


def _formula_from(flat: str, at: int, before: int) -> re.Match[str] | None:
    """The next formula `MATH.finditer` would find from `at`, if it starts before `before`.

    Every formula starts with `$` or a backslash, so only those places are tried, and none
    past the snippet: finding the next formula of a long text beyond the snippet (or failing
    to, from each `$` of a price) was most of a snippet's cost."""
    while True:
        dollar, backslash = flat.find("$", at, before), flat.find("\\", at, before)
        places = [p for p in (dollar, backslash) if p >= 0]
        if not places:
            return None
        found = MATH.match(flat, min(places))
        if found is not None:
            return found
        at = min(places) + 1
