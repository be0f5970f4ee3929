"""Formulas to self-contained SVG, offline, with no script in the page.

MathJax 4 runs in-process (quickjax, QuickJS); each distinct formula is
typeset once and cached.  A formula that does not parse shows its source and
the error in place, so the rest of the note still renders.
"""

from __future__ import annotations

import hashlib
import html
import re
import threading
from functools import lru_cache

FONT_STACK = "'Noto Serif CJK KR','Noto Sans CJK KR','Malgun Gothic','Apple SD Gothic Neo',serif"
MAX_FORMULA_CHARS = 20_000
_ERROR = re.compile(r'data-mjx-error="([^"]*)"')
_LINK_OPEN = re.compile(r"<a\b[^>]*>", re.IGNORECASE)
_EXTERNAL_HREF = re.compile(r'\s(?:xlink:)?href="(?!#)[^"]*"', re.IGNORECASE)
_MJX_ID = re.compile(r"MJX-\d+-")
_DATA_LATEX = re.compile(r'\sdata-latex(?:-item)?="[^"]*"')
_lock = threading.Lock()


class FormulaError(Exception):
    """The formula could not be typeset; the message says why."""


@lru_cache(maxsize=4096)
def formula_svg(latex: str, display: bool) -> str:
    """SVG markup for one formula; raises FormulaError with MathJax's message."""
    if len(latex) > MAX_FORMULA_CHARS:
        raise FormulaError(
            f"formula too long ({len(latex):,} characters; the limit is {MAX_FORMULA_CHARS:,})"
        )
    from quickjax import MathJaxRenderError, render

    with _lock:  # one MathJax instance, shared by the window's worker and the command line
        try:
            svg = str(render(latex, display=display))
        except MathJaxRenderError as error:
            raise FormulaError(str(error)) from None
    failed = _ERROR.search(svg)
    if failed:
        raise FormulaError(html.unescape(failed.group(1)))
    svg = _LINK_OPEN.sub("", svg).replace("</a>", "")  # \href in a formula must not become a link out
    svg = _EXTERNAL_HREF.sub("", svg)
    svg = _DATA_LATEX.sub("", svg)  # the source again, per node: only bulk
    # MathJax numbers its glyph ids by call order; name them by formula so output is reproducible.
    key = hashlib.sha1(f"{display}{latex}".encode()).hexdigest()[:10]
    svg = _MJX_ID.sub(f"MJX-{key}-", svg)
    return svg.replace('font-family="serif"', f'font-family="{FONT_STACK}"')


def formula_html(latex: str, display: bool) -> str:
    """The formula as HTML: typeset SVG, or its source with the error beside it."""
    try:
        svg = formula_svg(latex.strip(), display)
    except FormulaError as error:
        source = html.escape(latex.strip())
        message = html.escape(str(error))
        return f'<span class="math-error" title="{message}"><code>{source}</code> <em>⚠ {message}</em></span>'
    tag = "div" if display else "span"
    return f'<{tag} class="math {"display" if display else "inline"}">{svg}</{tag}>'
