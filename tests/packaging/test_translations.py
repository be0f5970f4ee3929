"""Every string the window shows is translated: `pyside6-lupdate` on the source against the `.ts` files.

A string added without a translation, a translation left unfinished or a string that
no longer exists in the source fails here, as does a compiled `.qm` older than its `.ts`.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "src" / "studynotes"
TRANSLATIONS = ROOT / "resources" / "translations"
BIN = Path(sys.executable).parent
LUPDATE = shutil.which("pyside6-lupdate", path=str(BIN)) or shutil.which("pyside6-lupdate")
LRELEASE = shutil.which("pyside6-lrelease", path=str(BIN)) or shutil.which("pyside6-lrelease")
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%n")
# A date may be written with any of its parts: Korean writes `8월 5일 (목)` from `{weekday}, {month_name} {day}`.
DATE_FIELDS = {
    f"{{{prefix}{part}}}"
    for prefix in ("", "last_")
    for part in ("month_name", "month", "day", "weekday", "year")
}

Key = tuple[str, str, str]  # context, source, disambiguation


def _messages(ts: Path) -> dict[Key, ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else ""
            if kind in ("obsolete", "vanished"):
                continue
            found[(name, message.findtext("source", ""), message.findtext("comment", ""))] = message
    return found


def _texts(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    if translation is None:
        return []
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[Key, ET.Element]:
    if LUPDATE is None:
        pytest.fail("pyside6-lupdate is missing from the environment (it comes with PySide6)")
    fresh = tmp_path_factory.mktemp("lupdate") / "fresh.ts"
    subprocess.run(
        [LUPDATE, "-silent", "-extensions", "py", "-locations", "none", str(SOURCE), "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    return _messages(fresh)


def test_the_korean_translation_has_every_string_of_the_source_and_no_other(
    extracted: dict[Key, ET.Element],
) -> None:
    committed = _messages(TRANSLATIONS / "studynotes_ko.ts")
    missing = sorted(extracted.keys() - committed.keys())
    vanished = sorted(committed.keys() - extracted.keys())
    assert missing == [], "run pyside6-lupdate (see README, Translations) and translate these"
    assert vanished == [], "strings no longer in the source: run pyside6-lupdate with -no-obsolete"
    plural = sorted(
        k
        for k, m in extracted.items()
        if (m.get("numerus") == "yes") != (committed[k].get("numerus") == "yes")
    )
    assert plural == []


def test_every_korean_entry_is_finished_and_keeps_its_placeholders_and_shortcut_keys() -> None:
    problems = []
    for (context, source, _), message in _messages(TRANSLATIONS / "studynotes_ko.ts").items():
        translation = message.find("translation")
        texts = _texts(message)
        if (
            translation is None
            or translation.get("type") == "unfinished"
            or not all(t.strip() for t in texts)
        ):
            problems.append(f"{context}: {source!r} is not translated")
            continue
        wanted = set(PLACEHOLDER.findall(source))
        allowed = wanted | (DATE_FIELDS if context == "Dates" else set())
        for text in texts:
            used = set(PLACEHOLDER.findall(text))
            if (
                not used <= allowed
                or (context != "Dates" and used != wanted)
                or ("%n" in wanted) != ("%n" in used)
            ):
                problems.append(f"{context}: {source!r} → {text!r} changes the placeholders")
            if re.search(r"&\w", source) and not re.search(r"&\w", text):
                problems.append(f"{context}: {source!r} → {text!r} loses its Alt+key")
    assert problems == []


def test_english_has_the_plural_forms_of_every_count_phrase(extracted: dict[Key, ET.Element]) -> None:
    plural = {k for k, m in extracted.items() if m.get("numerus") == "yes"}
    assert plural, "the window has count phrases; lupdate should find them"
    english = _messages(TRANSLATIONS / "studynotes_en.ts")
    assert english.keys() == plural
    for key in plural:
        forms = _texts(english[key])
        assert len(forms) == 2 and all(forms), f"{key[1]!r} needs a singular and a plural form"
        assert "%n" in forms[0] or forms[0].startswith(("a ", "one ")), forms


def _literal_calls() -> list[tuple[str, int, str]]:
    """(file, line, text) of every `tr(...)` / `translate(ctx, ...)` call in the source."""
    calls = []
    for path in sorted(SOURCE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            position = {"tr": 0, "translate": 1}.get(name)
            if position is None or len(node.args) <= position:
                continue
            if position == 1 and not (
                isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
            ):
                continue  # str.translate, not Qt's
            argument = node.args[position]
            text = argument.value if isinstance(argument, ast.Constant) else None
            where = f"{path.relative_to(SOURCE).as_posix()}:{node.lineno}"
            calls.append((where, node.lineno, text if isinstance(text, str) else ""))
    return calls


def test_lupdate_finds_every_translated_call(extracted: dict[Key, ET.Element]) -> None:
    """lupdate silently skips a call it cannot parse (a computed text, some computed arguments)."""
    sources = {source for _, source, _ in extracted}
    skipped = [f"{where}: {text!r}" for where, _, text in _literal_calls() if text not in sources]
    assert skipped == []


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_compiled_translations_are_up_to_date(language: str, tmp_path: Path) -> None:
    if LRELEASE is None:
        pytest.fail("pyside6-lrelease is missing from the environment (it comes with PySide6)")
    compiled = tmp_path / f"studynotes_{language}.qm"
    subprocess.run(
        [LRELEASE, "-silent", str(TRANSLATIONS / f"studynotes_{language}.ts"), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    committed = TRANSLATIONS / f"studynotes_{language}.qm"
    assert committed.read_bytes() == compiled.read_bytes(), "run pyside6-lrelease (see README, Translations)"
