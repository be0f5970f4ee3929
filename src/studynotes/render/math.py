"""Formulas to self-contained SVG, offline, with no script in the page.

MathJax 4 runs in-process (quickjax, QuickJS); each distinct formula is
typeset once and cached, in memory and on disk (`formula_cache`), so a
restarted app does not even start MathJax for formulas it has seen before.
A formula that does not parse shows its source and the error in place, so
the rest of the note still renders.
"""

from __future__ import annotations

import hashlib
import html
import importlib.util
import re
import threading
from functools import lru_cache
from pathlib import Path

from . import formula_cache

FONT_STACK = "'Noto Serif CJK KR','Noto Sans CJK KR','Malgun Gothic','Apple SD Gothic Neo',serif"
MAX_FORMULA_CHARS = 20_000
_ERROR = re.compile(r'data-mjx-error="([^"]*)"')
_LINK_OPEN = re.compile(r"<a\b[^>]*>", re.IGNORECASE)
_EXTERNAL_HREF = re.compile(r'\s(?:xlink:)?href="(?!#)[^"]*"', re.IGNORECASE)
_MJX_ID = re.compile(r"MJX-\d+-")
_DATA_LATEX = re.compile(r'\sdata-latex(?:-item)?="[^"]*"')
_lock = threading.Lock()
ENGINE = "quickjax"
# Bump when the post-processing in `_typeset` changes: formulas cached on disk are then typeset again.
OUTPUT_VERSION = 1
_OUTPUT = "\0".join(
    [str(OUTPUT_VERSION), FONT_STACK]
    + [pattern.pattern for pattern in (_ERROR, _LINK_OPEN, _EXTERNAL_HREF, _MJX_ID, _DATA_LATEX)]
)


class FormulaError(Exception):
    """The formula could not be typeset; the message says why."""


@lru_cache(maxsize=4096)
def formula_svg(latex: str, display: bool) -> str:
    """SVG markup for one formula; raises FormulaError with MathJax's message."""
    if len(latex) > MAX_FORMULA_CHARS:
        raise FormulaError(
            f"formula too long ({len(latex):,} characters; the limit is {MAX_FORMULA_CHARS:,})"
        )
    key = disk_key(latex, display)
    cache = formula_cache.shared() if key is not None else None
    known = cache.get(key) if cache is not None and key is not None else None
    if known is not None:
        if known.ok:
            return known.text
        raise FormulaError(known.text)
    try:
        svg = _typeset(latex, display)
    except FormulaError as error:
        _remember(
            key, formula_cache.Entry(False, str(error))
        )  # a broken formula need not start MathJax again
        raise
    _remember(key, formula_cache.Entry(True, svg))
    return svg


def _remember(key: bytes | None, entry: formula_cache.Entry) -> None:
    cache = formula_cache.shared() if key is not None else None
    if cache is not None and key is not None:
        cache.put(key, entry)


def _typeset(latex: str, display: bool) -> str:
    """Run MathJax on one formula and make its SVG safe, reproducible and Hangul-capable."""
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


def disk_key(latex: str, display: bool) -> bytes | None:
    """The formula's key in the disk cache: everything its SVG depends on; None if the engine is unknown."""
    engine = engine_version()
    if engine is None:
        return None
    parts = "\0".join([ENGINE, engine, _OUTPUT, "display" if display else "inline", latex])
    return hashlib.sha256(parts.encode("utf-8", "surrogatepass")).digest()


@lru_cache(maxsize=1)
def engine_version() -> str | None:
    """quickjax's installed version, read from its metadata without importing (and starting) it."""
    spec = importlib.util.find_spec(ENGINE)
    if spec is None or spec.origin is None:
        return None
    prefix = f"{ENGINE}-"
    try:
        for entry in Path(spec.origin).parent.parent.iterdir():
            if entry.name.startswith(prefix) and entry.name.endswith(".dist-info"):
                return entry.name[len(prefix) : -len(".dist-info")]
    except OSError:
        pass
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(ENGINE)
    except PackageNotFoundError:
        return None


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
