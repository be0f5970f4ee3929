"""Export a week, import it into a new notebook: the same questions come back."""

from __future__ import annotations

from pathlib import Path

import pytest

from golden import SEED_FORMATS
from studynotes.cli import main
from studynotes.library import Library, QuestionFilter

SEEDS = list(SEED_FORMATS)


def _questions(library_path: Path, notebook: str) -> list[tuple[object, ...]]:
    with Library.open(library_path) as library:
        return sorted(
            (
                q.text,
                q.status,
                q.answer,
                q.asker,
                q.page,
                q.media_time,
                q.asked_at,
                q.answered_by,
                q.lecture_ref,
            )
            for q in library.questions(QuestionFilter(notebook=notebook))
        )


@pytest.mark.parametrize("seed", SEEDS)
def test_export_round_trips_every_seed(
    seed: str, seeds: Path, tmp_path: Path, library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = str(library_path)
    assert main(["--library", lib, "import", str(seeds / seed), "--notebook", "Original", "--week", "1"]) == 0
    with Library.open(library_path) as library:
        first = library.questions(QuestionFilter(notebook="Original"))
        if first:
            library.set_status(first[0].id, "open" if first[0].status == "answered" else "answered")
            library.edit_question(first[-1].id, answer="An answer I wrote, with $x^2$ and **bold**.")
    exported = tmp_path / "out" / "week1.md"
    assert (
        main(["--library", lib, "export", "--notebook", "Original", "--week", "1", "-o", str(exported)]) == 0
    )
    assert main(["--library", lib, "import", str(exported), "--notebook", "Copy"]) == 0
    capsys.readouterr()
    original = _questions(library_path, "Original")
    assert original, f"{seed} has no questions to round-trip"
    assert _questions(library_path, "Copy") == original


def test_open_only_export_lists_just_the_open_questions(
    seeds: Path, library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = str(library_path)
    main(
        [
            "--library",
            lib,
            "import",
            str(seeds / "programme-deepml-flipped-school.txt"),
            "--notebook",
            "P",
            "--week",
            "1",
        ]
    )
    with Library.open(library_path) as library:
        questions = library.questions(QuestionFilter(notebook="P"))
        library.set_status(questions[0].id, "answered")
    capsys.readouterr()
    assert main(["--library", lib, "export", "--notebook", "P", "--week", "1", "--open-only"]) == 0
    markdown = capsys.readouterr().out
    assert markdown.count("#### ☐") == len(questions) - 1
    assert "#### ✅" not in markdown
    assert " ".join(questions[0].text.split()) not in " ".join(markdown.split())
