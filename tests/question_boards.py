"""A question board written to a file: the simplest document that yields known questions."""

from __future__ import annotations

from pathlib import Path


def write_board(folder: Path, name: str, rows: list[tuple[str, str]], *, ending: str = "?") -> Path:
    """A board of `(question, answer)` rows, each question a heading that ends in `ending`."""
    parts = ["# 질문 게시판", ""]
    for question, answer in rows:
        parts += [f"## {question}{ending}", "", answer, ""]
    path = folder / name
    path.write_text("\n".join(parts), encoding="utf-8")
    return path
