"""The formula cache on disk: warm starts skip MathJax, output never changes, failures never break rendering."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from render_golden import GOLDEN, render_body, seed_notes

from studynotes.render import formula_cache, render_markdown
from studynotes.render import math as formulas
from studynotes.render.formula_cache import Entry, FormulaCache

SRC = Path(__file__).resolve().parents[2] / "src"
NOTE_TEXT = (
    "Bayes: $P(A|B) = \\frac{P(B|A)P(A)}{P(B)}$ and $\\mathbb{E}_{x \\sim p}[f(x)]$.\n\n"
    "$$\\text{KL}(P\\|Q) = \\underbrace{-\\mathbb{E}[\\log Q]}_{\\text{크로스 엔트로피}}$$\n\n"
    "Broken: $\\frac{a$ and done.\n"
)
# Renders NOTE_TEXT in a fresh interpreter: was MathJax imported, and what HTML came out?
RENDER_SCRIPT = textwrap.dedent(
    """
    import json, sys
    from studynotes.render import render_markdown
    html = render_markdown(sys.argv[1])
    print(json.dumps({"quickjax": "quickjax" in sys.modules, "html": html}))
    """
)


def shared_cache() -> FormulaCache:
    cache = formula_cache.shared()
    assert cache is not None
    return cache


def cache_file(folder: Path) -> Path:
    return folder / formula_cache.FILE_NAME


def rows(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM formulas").fetchone()[0])
    finally:
        conn.close()


def sound(path: Path) -> bool:
    conn = sqlite3.connect(path)
    try:
        return bool(conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
    finally:
        conn.close()


def run_python(
    script: str, *args: str, cache: Path, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, STUDYNOTES_CACHE_DIR=str(cache), PYTHONPATH=str(SRC))
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
    )


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh cache folder and an empty in-memory cache, so every formula goes to the disk cache."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("STUDYNOTES_CACHE_DIR", str(folder))
    formulas.formula_svg.cache_clear()
    yield folder
    formula_cache.close_shared()
    formulas.formula_svg.cache_clear()


def reference_html(text: str = NOTE_TEXT) -> str:
    """The note rendered with no disk cache at all (the engine unknown, so nothing is looked up)."""
    formulas.formula_svg.cache_clear()
    try:
        with mock.patch.object(formulas, "engine_version", lambda: None):
            return render_markdown(text)
    finally:
        formulas.formula_svg.cache_clear()


def test_a_warm_cache_renders_in_a_new_process_without_importing_mathjax(cache_dir: Path) -> None:
    cold = run_python(RENDER_SCRIPT, NOTE_TEXT, cache=cache_dir)
    assert cold.returncode == 0, cold.stderr
    warm = run_python(RENDER_SCRIPT, NOTE_TEXT, cache=cache_dir)
    assert warm.returncode == 0, warm.stderr
    first, second = json.loads(cold.stdout), json.loads(warm.stdout)
    assert first["quickjax"] is True  # the cold run typeset, and stored, every formula
    assert second["quickjax"] is False  # the warm one, broken formula included, never started MathJax
    assert second["html"] == first["html"] == reference_html()
    assert second["html"].count('class="math ') == 3 and second["html"].count('class="math-error"') == 1
    assert rows(cache_file(cache_dir)) == 4


def test_every_seed_note_renders_byte_identical_from_the_disk_cache(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cases = seed_notes()
    for name, note in cases:  # a cold disk cache: typeset and stored
        assert render_body(note) == (GOLDEN / f"{name}.html").read_text(encoding="utf-8"), name
    assert rows(cache_file(cache_dir)) >= 19  # every distinct formula of the seeds
    formulas.formula_svg.cache_clear()
    monkeypatch.setattr(formulas, "_typeset", lambda latex, display: pytest.fail(f"typeset {latex!r}"))
    for name, note in cases:  # a warm one: every formula read back from disk
        assert render_body(note) == (GOLDEN / f"{name}.html").read_text(encoding="utf-8"), name


def test_a_broken_formula_is_remembered_with_its_message(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = render_markdown("$\\frac{a$")
    assert 'class="math-error"' in first
    formulas.formula_svg.cache_clear()
    monkeypatch.setattr(formulas, "_typeset", lambda latex, display: pytest.fail(f"typeset {latex!r}"))
    assert render_markdown("$\\frac{a$") == first


def test_the_key_holds_everything_the_svg_depends_on(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = formulas.disk_key("x^2", False)
    assert key is not None
    assert len({key, formulas.disk_key("x^2", True), formulas.disk_key("x^3", False)}) == 3
    shared_cache().put(key, Entry(True, "<svg>stored</svg>"))
    assert formulas.formula_svg("x^2", False) == "<svg>stored</svg>"  # read from disk
    output, engine = formulas._OUTPUT, formulas.engine_version
    for attribute, changed in [
        ("_OUTPUT", output + "other post-processing"),
        ("engine_version", lambda: "99.0"),
    ]:
        formulas.formula_svg.cache_clear()
        monkeypatch.setattr(formulas, attribute, changed)
        svg = formulas.formula_svg("x^2", False)  # a new post-processing or quickjax: typeset again
        assert svg.startswith("<svg") and "stored" not in svg
        monkeypatch.setattr(formulas, "_OUTPUT", output)
        monkeypatch.setattr(formulas, "engine_version", engine)
    formulas.formula_svg.cache_clear()
    assert formulas.formula_svg("x^2", False) == "<svg>stored</svg>"


def damage_pages(path: Path) -> None:
    """Overwrite the table's and the key index's root pages, keeping the file's header intact."""
    page = 4096
    with path.open("r+b") as handle:
        handle.seek(page)
        handle.write(b"\xa5" * page * 2)


@pytest.mark.parametrize("damage", ["not a database", "damaged pages"])
def test_a_corrupt_cache_file_is_rebuilt_and_rendering_goes_on(cache_dir: Path, damage: str) -> None:
    path = cache_file(cache_dir)
    if damage == "not a database":
        cache_dir.mkdir()
        path.write_bytes(b"this is not a cache\n" * 500)
    else:
        cache = FormulaCache(path)
        for number in range(300):
            cache.put(number.to_bytes(4, "big"), Entry(True, "<svg>" + "x" * 3000 + "</svg>"))
        cache.close()
        damage_pages(path)
    expected = reference_html()
    assert render_markdown(NOTE_TEXT) == expected
    formula_cache.close_shared()
    assert sound(path) and rows(path) == 4  # a fresh file holding this note's formulas
    formulas.formula_svg.cache_clear()
    assert render_markdown(NOTE_TEXT) == expected


def unusable(kind: str, tmp_path: Path) -> Path:
    """A cache folder that cannot hold the cache file."""
    if kind == "folder under a file":
        (tmp_path / "a-file").write_text("x")
        return tmp_path / "a-file" / "cache"
    if kind == "cache file is a folder":
        folder = tmp_path / "cache"
        (folder / formula_cache.FILE_NAME).mkdir(parents=True)
        return folder
    raise ValueError(kind)


# (A read-only folder is the same case for a normal user, but cannot be made for root, who runs CI.)
@pytest.mark.parametrize("kind", ["folder under a file", "cache file is a folder"])
def test_an_unusable_cache_folder_still_renders(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = reference_html()
    folder = unusable(kind, tmp_path)
    monkeypatch.setenv("STUDYNOTES_CACHE_DIR", str(folder))
    try:
        assert render_markdown(NOTE_TEXT) == expected
        assert shared_cache().get(formulas.disk_key("x", False) or b"") is None
    finally:
        formula_cache.close_shared()
    assert not cache_file(folder).is_file()


def test_a_full_disk_only_stops_new_entries(cache_dir: Path) -> None:
    render_markdown("$a+b$")
    cache = shared_cache()
    assert cache._conn is not None
    pages = cache._conn.execute("PRAGMA page_count").fetchone()[0]
    cache._conn.execute(f"PRAGMA max_page_count = {pages}")  # as if the disk were full
    big = " + ".join(f"x_{{{n}}}^{{{n}}}" for n in range(200))
    expected = reference_html(f"$a+b$ and $${big}$$")
    assert render_markdown(f"$a+b$ and $${big}$$") == expected
    assert cache.get(formulas.disk_key("a+b", False) or b"") is not None  # what it had is still read
    assert cache.get(formulas.disk_key(big, True) or b"") is None


WRITER_SCRIPT = textwrap.dedent(
    """
    import json, logging, sys, time
    from pathlib import Path
    logging.basicConfig(level=logging.INFO, stream=sys.stderr)
    from studynotes.render import formula_cache
    from studynotes.render.math import formula_svg
    name, start = sys.argv[1], Path(sys.argv[2])
    while not start.exists():
        time.sleep(0.005)
    for n in range(15):
        formula_svg(f"x_{{{n}}} + y^{{{name}}}", False)  # its own formulas
        formula_svg(f"\\\\sqrt{{{n}}}", True)  # and ones the other process typesets too
    cache = formula_cache.shared()
    for n in range(400):
        cache.put(f"{name}-{n}".encode(), formula_cache.Entry(True, "<svg/>" * 50))
    """
)


def test_two_processes_write_at_once_and_lose_nothing(cache_dir: Path) -> None:
    start = cache_dir.parent / "start"
    env = dict(os.environ, STUDYNOTES_CACHE_DIR=str(cache_dir), PYTHONPATH=str(SRC))
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER_SCRIPT, name, str(start)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("window", "cli")
    ]
    start.touch()
    outputs = [writer.communicate(timeout=120) for writer in writers]
    for writer, (_out, err) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, err
        assert "failed" not in err and "not used" not in err, err
    path = cache_file(cache_dir)
    assert sound(path)
    expected = {f"{name}-{n}".encode() for name in ("window", "cli") for n in range(400)}
    for name in ("window", "cli"):
        expected |= {formulas.disk_key(f"x_{{{n}}} + y^{{{name}}}", False) or b"" for n in range(15)}
    expected |= {formulas.disk_key(f"\\sqrt{{{n}}}", True) or b"" for n in range(15)}
    conn = sqlite3.connect(path)
    stored = {bytes(row[0]) for row in conn.execute("SELECT key FROM formulas")}
    conn.close()
    assert stored == expected


def test_threads_share_the_cache(cache_dir: Path) -> None:
    errors: list[BaseException] = []

    def work(thread: int) -> None:
        try:
            for n in range(10):
                assert "<svg" in render_markdown(f"$t_{{{thread}}}^{{{n}}}$")
        except BaseException as error:  # noqa: BLE001 (reported by the test thread)
            errors.append(error)

    threads = [threading.Thread(target=work, args=(t,)) for t in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    formula_cache.close_shared()
    assert rows(cache_file(cache_dir)) == 40


def used_bytes(cache: FormulaCache) -> int:
    assert cache._conn is not None
    pages, free, size = (
        cache._conn.execute(f"PRAGMA {name}").fetchone()[0]
        for name in ("page_count", "freelist_count", "page_size")
    )
    return int((pages - free) * size)


def test_the_cache_keeps_to_its_bounds_dropping_the_least_recently_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(formula_cache, "MAX_ENTRIES", 50)
    monkeypatch.setattr(formula_cache, "CHECK_EVERY", 10)
    cache = FormulaCache(tmp_path / "formulas.sqlite3")
    keys = [n.to_bytes(4, "big") for n in range(80)]
    for key in keys[:50]:
        cache.put(key, Entry(True, f"<svg>{key.hex()}</svg>"))
    assert cache._conn is not None
    cache._conn.execute("UPDATE formulas SET used = used - 30")  # written a month ago
    assert cache.get(keys[0]) == Entry(True, f"<svg>{keys[0].hex()}</svg>")  # and read today
    for key in keys[50:]:
        cache.put(key, Entry(True, f"<svg>{key.hex()}</svg>"))
    assert rows(cache.path) <= 50 + 10  # looked at every tenth write
    cache.prune()
    assert rows(cache.path) <= 50
    assert cache.get(keys[0]) is not None  # read recently: kept
    assert cache.get(keys[1]) is None  # the oldest unread: dropped first
    assert cache.get(keys[-1]) is not None

    monkeypatch.setattr(formula_cache, "MAX_ENTRIES", 100_000)
    monkeypatch.setattr(formula_cache, "MAX_BYTES", 256 * 1024)
    for n in range(100, 300):
        cache.put(n.to_bytes(4, "big"), Entry(True, "<svg>" + "y" * 4000 + "</svg>"))
    assert used_bytes(cache) <= 256 * 1024 + 10 * 3 * 4096  # at most ten entries past the last look
    assert cache.prune() > 0 or used_bytes(cache) <= 256 * 1024
    assert used_bytes(cache) <= 256 * 1024
    assert cache.get((299).to_bytes(4, "big")) is not None
    cache.close()
