"""The shape every importer has; what formats share lives in `parts`."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from ..model import ImportContext, NoteKind, ParsedDocument


@dataclass(frozen=True)
class Importer:
    """One file format: how well a text fits it, and how to parse it.

    `score` returns 0.0 (surely not this format) to 1.0 (surely this format);
    the registry picks the highest.  `parse` is pure: text in, data out.
    `ceiling` is the highest score `score` ever returns, and `bound`, when given, a
    cheap upper bound of it for one text (a mark every text it claims holds, looked for in
    C): recognising a file runs a scorer only while these say it could still win.
    """

    name: str
    description: str
    kind: NoteKind
    score: Callable[[str], float]
    parse: Callable[[str, ImportContext], ParsedDocument]
    ceiling: float = math.inf
    bound: Callable[[str], float] | None = None
