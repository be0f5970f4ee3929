"""Libraries as an earlier studynotes wrote them: the starting point of the upgrade tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from studynotes.library import Library, connection
from studynotes.library.schema import MIGRATIONS

BEFORE_SHORT_TERMS = 4  # the schema before short words were found through the index


@contextmanager
def opened_at_schema(path: Path, version: int = BEFORE_SHORT_TERMS) -> Iterator[Library]:
    """The library at `path`, created or opened as schema `version` knew it."""
    with pytest.MonkeyPatch.context() as earlier:
        earlier.setattr(connection, "MIGRATIONS", MIGRATIONS[:version])
        earlier.setattr(connection, "LATEST_VERSION", version)
        with Library.open(path) as library:
            yield library
