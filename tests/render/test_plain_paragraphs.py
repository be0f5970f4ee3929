"""Plain chat paragraphs written straight to HTML agree with the Markdown pipeline, byte for byte."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import studynotes.render as render
from studynotes.importers import import_file
from studynotes.render.plain_paragraphs import plain_paragraphs

ROOT = Path(__file__).resolve().parents[2]
CHATS = ["kakaotalk", "discord", "slack", "chat_log"]


def _pipeline(text: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """What render_markdown gives without the plain shortcut."""
    with monkeypatch.context() as patched:
        patched.setattr(render, "plain_paragraphs", lambda _text: None)
        return render.render_markdown(text)


def _texts() -> list[str]:
    """Every cell's Markdown, question and answer of the seeds and the chat fixtures, and their paragraphs."""
    files = sorted((ROOT / "seeds").glob("*.*")) + [
        path
        for folder in CHATS
        for path in sorted((ROOT / "tests/data/importers" / folder).iterdir())
        if path.is_file() and not path.name.endswith(".json.json") and path.suffix != ".md"
    ]
    texts: set[str] = set()
    for path in files:
        if path.name == "README.md":
            continue
        document = import_file(path).document
        for note in document.notes:
            for cell in note.cells:
                parts = [cell.question.text, cell.question.answer] if cell.question else [cell.markdown]
                for part in parts:
                    texts.add(part)
                    texts.update(part.split("\n\n"))
    texts.discard("")
    return sorted(texts)


def test_real_chats_render_the_same_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    plain = [text for text in texts if plain_paragraphs(text) is not None]
    # Most chat messages are plain: the shortcut is what keeps a long day fast.
    assert len(plain) > len(texts) // 2, (len(plain), len(texts))
    for text in plain:
        assert render.render_markdown(text) == _pipeline(text, monkeypatch), text


ATOMS = [
    "a", "가", "나다", " ", "\n", "\n\n", "  \n", "   \n", "**", "*", "_", ":", "**09:00 Jisoo**: ",
    "**a**", " **b** ", "<https://x.y/z>", "<http://a.b/c-d_e>", "<b>", "&", "#", "-", "1", ".",
    "1. ", "- ", "> ", "(", ")", '"', "'", "@", "=", "+", "…", "ㅋㅋ", "😀", "?", "!", "—", "Q:",
    "`", "$", "\\", "[x]", "~~", "|", "\u3000", "\u00a0", "\t", "%", "/", ";", ",", "’", "“",
]  # fmt: skip


def test_random_texts_render_the_same_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(14)
    checked = 0
    for _ in range(20_000):
        text = "".join(rng.choice(ATOMS) for _ in range(rng.randint(1, 10)))
        if plain_paragraphs(text) is not None:
            checked += 1
            assert render.render_markdown(text) == _pipeline(text, monkeypatch), repr(text)
    assert checked > 200


@pytest.mark.parametrize(
    "text",
    [
        "- a list",
        "1. numbered",
        "# heading",
        "> quoted",
        "line\n===",
        "**bold**inside",
        "snake_case_name",
        "`code`",
        "$x$ formula",
        "a <b>tag</b>",
        "Tom & Jerry",
        "see [the slides](https://x.y)",
        "    indented code",
        "trailing space ",
        "one\n\n\nthree",
    ],
)
def test_anything_with_markup_goes_through_the_pipeline(text: str) -> None:
    assert plain_paragraphs(text) is None


def test_a_chat_message_with_a_link_and_a_line_break() -> None:
    text = "**09:01:00 이서준**: 코드 올렸습니다 <https://github.com/example/study/pull/126>  \n감사합니다"
    assert plain_paragraphs(text) == (
        '<p><strong>09:01:00 이서준</strong>: 코드 올렸습니다 <a href="https://github.com/example/study/pull/126"'
        ' rel="noopener noreferrer">https://github.com/example/study/pull/126</a><br>\n감사합니다</p>'
    )
