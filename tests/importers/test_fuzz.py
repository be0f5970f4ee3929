"""Hostile and broken input for every importer: nothing escapes, nothing is lost.

Runs over the registry, so a new format is fuzzed the day it is added.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studynotes.importers import registry
from studynotes.importing import import_paths
from studynotes.library import Library
from studynotes.model import ImportContext, ParsedDocument

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.*")) if p.name != "README.md"]
# Fragments that steer random text into each format's paths.
FRAGMENTS = [
    "- 10:37:21 From 20175499 이성준 : ",
    "> ",
    "\t",
    "#### ✅ `혜지` `p7` ",
    "## Lecture 3\n",
    "# 스터디 2주차\n",
    "Q1. ",
    "답변) ",
    "## 7강 강의/퀴즈\n",
    "작성일시\t@2021년 8월 5일 오전 9:59\n",
    "  1. ",
    " Answer\n",
    "No. Date Topic Textbook Lecture\n",
    "00 January 07, 2022 Intro chapter 1\n",
    "Day 15\n",
    "  • ",
    "    • ",
    "\\(x^2\\)",
    "\\[a\\]",
    "$$",
    "$",
    "?",
    "```",
    "\n",
    "<script>alert(1)</script>",
    "![a](../../etc/passwd)",
]
text_strategy = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=40).map(
    "".join
)


def _check(document: ParsedDocument, name: str) -> None:
    assert document.format == name
    for question in document.questions:
        assert question.text.strip(), f"{name} produced a question with no text"


@pytest.mark.parametrize("name", sorted(registry()))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=text_strategy)
def test_random_text_never_breaks_an_importer(name: str, text: str) -> None:
    importer = registry()[name]
    importer.score(text)
    _check(importer.parse(text, ImportContext(file_name="fuzz.md")), name)


@pytest.mark.parametrize("name", sorted(registry()))
def test_truncated_seeds_never_break_an_importer(name: str) -> None:
    importer = registry()[name]
    for text in SEED_TEXTS:
        for cut in range(0, len(text), max(1, len(text) // 40)):
            _check(importer.parse(text[:cut], ImportContext(file_name="cut.md")), name)


def test_byte_flipped_seeds_import_or_fail_with_one_message(tmp_path: Path) -> None:
    rng = random.Random(1234)
    folder = tmp_path / "broken"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.*")):
        data = bytearray(seed.read_bytes())
        for copy in range(4):
            damaged = bytearray(data)
            for _ in range(rng.randint(1, 40)):
                damaged[rng.randrange(len(damaged))] = rng.randrange(256)
            if copy == 3:
                damaged = damaged[: rng.randrange(len(damaged))]
            (folder / f"{copy}-{seed.name}").write_bytes(bytes(damaged))
    (folder / "zero.md").write_bytes(b"\x00" * 100)
    with Library.open(tmp_path / "lib.sqlite3") as library:
        report = import_paths(library, [folder], notebook="Fuzz")
        names = sorted(Path(f.path).name for f in report.files) + sorted(
            Path(e.path).name for e in report.errors
        )
        assert names == sorted(p.name for p in folder.iterdir())  # every file accounted for, once
        assert "zero.md" in [Path(e.path).name for e in report.errors]
        for error in report.errors:  # one readable line that names the file
            assert str(error).startswith(str(folder)) and error.reason and "\n" not in str(error)
        assert library.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# Inputs of a few kilobytes that once pinned a core for minutes; each now takes well under a
# second.  Each runs in its own process under a generous wall-clock guard, so a hang fails
# the test instead of stalling the suite.  Growth with size: bench/pathological.py.
BENCH = Path(__file__).resolve().parents[2] / "bench"
GUARD_SECONDS = 30
RENDER_SIZE = 6_000  # `[` x 3,000 took 49 s
IMPORT_SIZE = 200_000  # 20,000 spaces then `- x` took 16 s; a 1 MB nested list over 40 s

_WORK = """
import sys
sys.path.insert(0, {bench!r})
from pathological_inputs import IMPORT_FAMILIES, RENDER_FAMILIES
from studynotes.importers import import_file, registry
from studynotes.model import ImportContext
from studynotes.render import render_markdown
kind, family, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
if kind == "render":
    render_markdown(RENDER_FAMILIES[family](size))
else:
    text = IMPORT_FAMILIES[family](size)
    for importer in registry().values():
        importer.score(text)
        importer.parse(text, ImportContext(file_name="input.md"))
"""


def _families() -> list[tuple[str, str, int]]:
    sys.path.insert(0, str(BENCH))
    from pathological_inputs import IMPORT_FAMILIES, RENDER_FAMILIES

    return [("render", name, RENDER_SIZE) for name in RENDER_FAMILIES] + [
        ("import", name, IMPORT_SIZE) for name in IMPORT_FAMILIES
    ]


@pytest.mark.parametrize(("kind", "family", "size"), _families())
def test_pathological_input_finishes_in_time(kind: str, family: str, size: int) -> None:
    code = _WORK.format(bench=str(BENCH))
    try:
        done = subprocess.run(
            [sys.executable, "-c", code, kind, family, str(size)],
            capture_output=True,
            text=True,
            timeout=GUARD_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{kind} of {family!r} ({size:,} characters) did not finish in {GUARD_SECONDS} s")
    assert done.returncode == 0, done.stderr[-2000:]
