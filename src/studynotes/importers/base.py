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
    `ceiling` is the highest score `score` ever returns, for scorers that read every
    line: once another format scored above it, that scorer need not run.
    """

    name: str
    description: str
    kind: NoteKind
    score: Callable[[str], float]
    parse: Callable[[str, ImportContext], ParsedDocument]
    ceiling: float = math.inf
