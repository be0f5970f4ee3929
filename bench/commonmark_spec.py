"""The shipped Markdown configuration against the CommonMark spec's examples, per section.

    .venv/bin/python bench/commonmark_spec.py [--failures SECTION]

Reads the spec's `spec.txt` (0.31.2, vendored in tests/data/commonmark with its licence), renders each example's Markdown with the preview's own configuration
(`studynotes.render.render_markdown` minus sanitising, which the spec does not do) and
compares HTML normalised the way the spec's own test runner does.  Prints pass counts per
section; never fails.  The test suite holds the same counts as a floor
(tests/render/test_commonmark_spec.py).
"""

from __future__ import annotations

import html
import re
import sys
from collections import defaultdict
from pathlib import Path

SPEC = Path(__file__).resolve().parent.parent / "tests" / "data" / "commonmark" / "spec.txt"
EXAMPLE = re.compile(r"^`{32} example\n([\s\S]*?)^\.\n([\s\S]*?)^`{32}$|^#{1,6} *(.*)$", re.MULTILINE)
BLOCK_TAGS = (
    "address|article|aside|blockquote|dd|div|dl|dt|h[1-6]|hr|li|ol|p|pre|table|tbody|td|tfoot|th|thead|tr|ul"
)
FOCUS = ("Lists", "List items", "Fenced code blocks", "Links", "Autolinks", "Emphasis and strong emphasis")


def examples() -> list[tuple[str, str, str]]:
    """(section, Markdown, expected HTML) of every example, tabs written back as tabs."""
    text = SPEC.read_text(encoding="utf-8").split("<!-- END TESTS -->")[0]
    found, section = [], ""
    for match in EXAMPLE.finditer(text):
        if match.group(3) is not None:
            section = match.group(3).strip()
            continue
        found.append((section, match.group(1).replace("→", "\t"), match.group(2).replace("→", "\t")))
    return found


def normalise(fragment: str) -> str:
    """Whitespace between tags, attribute order and self-closing slashes do not count; nor do
    the decorations the preview adds on purpose: heading ids (anchors), Pygments' wrapper and
    colour spans, and class names."""
    fragment = re.sub(r'<div class="highlight">(<pre>.*?</pre>)</div>', r"\1", fragment, flags=re.DOTALL)
    fragment = re.sub(r"</?span[^>]*>", "", fragment)
    fragment = re.sub(r'\s(?:id|class)="[^"]*"', "", fragment)
    fragment = re.sub(r"<(\w+)([^>]*?)\s*/?>", lambda m: f"<{m.group(1)}{_attributes(m.group(2))}>", fragment)
    fragment = re.sub(r">\s+<", "><", fragment.strip())
    fragment = re.sub(r"\s+", " ", fragment)
    # as the spec's own normalize.py does: white space at the edges of block-level tags is not content
    fragment = re.sub(rf"\s*(</?(?:{BLOCK_TAGS})\b[^>]*>)\s*", r"\1", fragment)
    return html.unescape(fragment).replace("<br>", "<br>").strip()


def _attributes(text: str) -> str:
    pairs = sorted(re.findall(r'(\w[\w-]*)(?:="([^"]*)")?', text))
    return "".join(f' {name}="{value}"' if value else f" {name}" for name, value in pairs)


def results() -> list[tuple[str, str, str, str, bool]]:
    """(section, Markdown, expected, actual, passed) of every example, rendered as the preview does."""
    from studynotes.render.markdown_setup import make_markdown

    md = make_markdown()
    found = []
    for section, source, expected in examples():
        md.reset()
        try:
            actual = md.convert(source)
        except Exception:  # noqa: BLE001 (a crash is a failed example)
            actual = ""
        actual = re.sub(r'<(span|div) class="arithmatex">', "", actual)  # math is ours, not CommonMark's
        found.append((section, source, expected, actual, normalise(actual) == normalise(expected)))
    return found


def pass_counts() -> dict[str, tuple[int, int]]:
    """Section -> (passed, examples)."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for section, _source, _expected, _actual, passed in results():
        totals[section][0] += passed
        totals[section][1] += 1
    return {section: (ok, total) for section, (ok, total) in totals.items()}


def main() -> int:
    show = sys.argv[2] if len(sys.argv) > 2 and sys.argv[1] == "--failures" else None
    for section, source, expected, actual, passed in results() if show else []:
        if section == show and not passed:
            print(f"--- {section}\n{source}\nexpected: {expected}\nactual:   {actual}\n")
    totals = pass_counts()
    passed = sum(p for p, _ in totals.values())
    count = sum(n for _, n in totals.values())
    print(f"{'section':<40} {'passed':>8} {'share':>7}")
    for section, (ok, total) in sorted(totals.items(), key=lambda item: item[0] not in FOCUS):
        mark = " *" if section in FOCUS else ""
        print(f"{section + mark:<40} {ok:>4}/{total:<4} {ok / total:>6.0%}")
    print(f"{'all':<40} {passed:>4}/{count:<4} {passed / count:>6.0%}")
    print("\n* the sections the product targets at 90%")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
