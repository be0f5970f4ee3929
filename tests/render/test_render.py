"""Rendering notes: formulas, code, lists, anchors, images, cards, and hostile content."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from render_golden import GOLDEN, render_body, seed_notes

from studynotes.model import Attachment, Cell, Note, Question
from studynotes.render import render_markdown, render_note, render_notes

CASES = seed_notes()
FORMULA = re.compile(r"\$\$.+?\$\$|\$[^$\n]+?\$", re.DOTALL)


@pytest.mark.parametrize(("name", "note"), CASES, ids=[c[0] for c in CASES])
def test_seed_notes_render_as_their_golden_html(name: str, note: Note) -> None:
    expected = GOLDEN / f"{name}.html"
    assert expected.exists(), f"missing {expected}; run python tools/regen_golden.py"
    assert render_body(note) == expected.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["meeting-minutes-0805", "daily-log-day15-19"], ids=["minutes", "daily-log"])
def test_every_seed_formula_typesets(name: str) -> None:
    notes = [note for case, note in CASES if case.startswith(name)]
    formulas = typeset = 0
    for note in notes:
        page = render_note(note)
        assert 'class="math-error"' not in page
        typeset += page.count('class="math ')
        sources = [c.markdown for c in note.cells] + [q.text + "\n" + q.answer for q in note.questions]
        formulas += sum(len(FORMULA.findall(source)) for source in sources)
    assert typeset == formulas > 0


def test_the_hard_formulas_of_the_seeds() -> None:
    for latex in [
        r"\text{KL}(P\|Q) = \underbrace{-\mathbb{E}_{\mathbf{x} \sim P(\mathbf{x})}[\log Q(\mathbf{x})]}_{\text{크로스 엔트로피}}",
        r"P(A|B) = \frac{P(B|A)P(A)}{P(B|A)P(A) + P(B|\neg A)P(\neg A)}",
        r"\begin{aligned}a_{t+1}\leftarrow \beta a_{t}+g_{t}\\ W_{t+1}\leftarrow W_{t}-\eta a_{t+1}\end{aligned}",
    ]:
        html = render_markdown(f"$${latex}$$")
        assert "<svg" in html and "math-error" not in html
    korean = render_markdown(r"$\text{크로스 엔트로피}$")
    assert "크로스" in korean and "Noto" in korean  # Hangul drawn with a font that has it


def test_a_malformed_formula_shows_its_source_and_the_rest_renders() -> None:
    html = render_markdown("Before $\\frac{a}{$ after.\n\nThe next paragraph with $x^2$.")
    assert html.count('class="math-error"') == 1
    assert "<code>\\frac{a}{</code>" in html and "Missing close brace" in html
    assert "<p>The next paragraph with " in html and "<svg" in html


def test_every_math_delimiter_survives_markdown() -> None:
    html = render_markdown("a $x_1*y_2*z$ b \\(a_b\\) c\n\n$$\\sum_i x_i$$\n\n\\[\\int f\\]")
    assert html.count('class="math inline"') == 2
    assert html.count('class="math display"') == 2
    assert "<em>" not in html  # underscores and stars inside math are not emphasis


def test_two_space_nested_lists_nest() -> None:
    html = render_markdown("- a\n  - b\n    - c\n- d\n\n1. one\n   1. one.one\n2. two")
    assert re.sub(r"\s", "", html).startswith(
        "<ul><li>a<ul><li>b<ul><li>c</li></ul></li></ul></li><li>d</li></ul>"
    )
    assert "<ol>\n<li>one.one</li>" in html or "<ol>\n<li>one.one" in html


def test_heading_anchors_match_notion_and_github_links() -> None:
    html = render_markdown("- [Lecture 3](#lecture-3)\n\n## Lecture 3\n\n## 스터디 2주차 정리\n")
    assert 'href="#lecture-3"' in html and 'id="lecture-3"' in html
    assert 'id="스터디-2주차-정리"' in html


def test_code_is_highlighted_and_unknown_languages_stay_plain() -> None:
    html = render_markdown("```python\nprint(1)\n```\n\n```pyton\nprint(1)\n```")
    assert '<span class="nb">print</span>' in html
    assert "<code>print(1)\n</code>" in html


def test_notion_escaped_links_and_autolinks() -> None:
    html = render_markdown(
        "[https://hyunw.kim/blog/2017/10/27/KL\\\\_divergence.html](https://hyunw.kim/blog/2017/10/27/KL_divergence.html)"
        "\n\n<https://d2l.ai/>"
    )
    assert ">https://hyunw.kim/blog/2017/10/27/KL_divergence.html</a>" in html
    assert 'href="https://d2l.ai/"' in html


def test_notion_escapes_after_punctuation_are_unescaped_too() -> None:
    html = render_markdown(
        "[https://en.wikipedia.org/wiki/Gibbs'\\\\_inequality#Proof](https://en.wikipedia.org/wiki/Gibbs'_inequality#Proof)"
    )
    assert ">https://en.wikipedia.org/wiki/Gibbs'_inequality#Proof</a>" in html


def test_images_from_attachments_inline_and_missing_ones_show_a_placeholder() -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20
    attachments = [Attachment("img/1.png", mime_type="image/png", data=png), Attachment("img/2.png")]
    html = render_markdown("![one](img/1.png) ![two](img/2.png) ![three](img/3.png)", attachments)
    assert 'src="data:image/png;base64,' in html
    assert html.count('class="missing-image"') == 2


def test_hostile_content_renders_inert() -> None:
    hostile = (
        "<script>alert(1)</script><iframe src='https://evil.example'></iframe>"
        "<style>body{display:none}</style><img src=x onerror=alert(1)>"
        "<a href='javascript:alert(1)'>js</a> <a href='file:///etc/passwd'>file</a> "
        "<div onclick='alert(1)'>click</div>\n\n"
        "Inline: <img src=x onerror=alert(1)> <a href='javascript:alert(1)'>js</a> [md](javascript:alert(1))"
        " ![remote](https://evil.example/pixel.png) ![up](../../secret.png) <object data='x'></object>"
        " <svg onload=alert(1)></svg> <link rel=stylesheet href='https://evil.example/a.css'>"
        " <iframe src='https://evil.example'></iframe> <style>p{}</style>\n\n"
        "<iframe src='https://evil.example'></iframe>\n\n"
        "<style>body{display:none}</style>\n\n"
        "<svg><script>alert(1)</script></svg>\n\n"
        "$\\href{javascript:alert(1)}{x}$"
    )
    page = render_note(Note(title="hostile", cells=[Cell.text(hostile)]))
    body = page.split("<body", 1)[1]
    for forbidden in (
        "<script",
        "<iframe",
        "<style",
        "onerror",
        "onclick",
        "onload",
        "javascript:",
        "file:",
        "<object",
        "<link",
        'src="https://',
        'src="http://',
    ):
        assert forbidden not in body, forbidden
    assert 'class="remote-image" href="https://evil.example/pixel.png"' in body
    assert "../../secret.png" in body and 'class="missing-image"' in body
    assert "default-src 'none'" in page  # and the page forbids any load the sanitiser might miss


def test_question_cards_have_stable_ids_and_a_toggle_link() -> None:
    note = Note(
        title="n",
        id=4,
        cells=[
            Cell.asking(
                Question(
                    "Why?", "Because.", "answered", asker="혜지", slide_page=7, media_time="21:30", id=12
                )
            ),
            Cell.asking(Question("Open one?", id=13)),
        ],
    )
    html = render_note(note)
    assert 'id="question-12"' in html and 'href="studynotes://toggle/12"' in html
    assert "✓ Answered" in html and "○ Open" in html and "No answer yet." in html
    assert "p. 7" in html and "video 21:30" in html and "혜지" in html


def test_a_week_renders_every_note_in_order_with_anchors() -> None:
    notes = [Note(title=f"Day {d}", id=d, cells=[Cell.text(f"text {d}")]) for d in (16, 17)]
    html = render_notes(notes, title="Week 4", theme="dark")
    assert html.index('id="note-16"') < html.index('id="note-17"')
    assert 'class="theme-dark"' in html and "<h1>Week 4</h1>" in html


def test_deep_nesting_and_huge_formulas_are_bounded() -> None:
    deep = "\n".join("  " * level + f"- item{level}" for level in range(1000))
    rendered = render_markdown(deep)
    assert 10 <= rendered.count("<li>") <= 64  # nesting stops at a bound; deeper items go on as text
    assert all(f"item{level}" in rendered for level in range(1000))
    quotes = render_markdown(">" * 3000 + " deep")
    assert "deep" in quotes
    huge = render_markdown("$" + "x+" * 20000 + "x$")
    assert "formula too long" in huge
