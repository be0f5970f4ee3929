"""Imported HTML made harmless: no script, no handlers, nothing fetched from the network.

nh3 (the Ammonia sanitiser) keeps the tags Markdown produces and drops the
rest.  Images then resolve to attachments (data: URIs) or become a visible
placeholder; a remote image becomes a link the user may choose to open.  A link to a
file kept with the note (slides, a PDF beside an imported page) becomes a
`studynotes://attachment/<id>` link the window opens with the system's viewer.
"""

from __future__ import annotations

import base64
import html
import re
from urllib.parse import unquote

import nh3

from ..model import Attachment
from ..wording import translate

_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "input",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
    "section",
    "header",
    "article",
    "label",
}
_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "input": {"type", "checked", "disabled"},
    "td": {"colspan", "rowspan", "align", "style"},
    "th": {"colspan", "rowspan", "align", "style"},
    "ol": {"start", "type"},
    "li": {"value"},
    "span": {"style"},
}
_IMG = re.compile(r"<img\b([^>]*)>", re.IGNORECASE)
_SRC = re.compile(r'\bsrc="([^"]*)"')
_ALT = re.compile(r'\balt="([^"]*)"')
_STYLE_SAFE = re.compile(r"^\s*(text-align|color|background-color)\s*:\s*[#\w\s(),.%-]+;?\s*$", re.IGNORECASE)


def _attribute_filter(tag: str, name: str, value: str) -> str | None:
    if name == "style":
        return value if _STYLE_SAFE.match(value) else None
    if tag == "input" and name == "type":
        return value if value == "checkbox" else None
    return value


def clean(fragment: str) -> str:
    """Keep Markdown's own markup; drop script, style, iframes, handlers and unsafe URLs."""
    return nh3.clean(
        fragment,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "studynotes"},
        link_rel="noopener noreferrer",
        strip_comments=True,
        attribute_filter=_attribute_filter,
        clean_content_tags={
            "script",
            "style",
            "iframe",
            "object",
            "embed",
            "noscript",
            "template",
            "svg",
            "math",
        },
    )


def resolve_images(fragment: str, attachments: list[Attachment]) -> str:
    """Attachments inline as data: URIs; missing or outside files as a placeholder; remote ones as links."""
    by_name = {unquote(a.name): a for a in attachments}

    def replace(match: re.Match[str]) -> str:
        attributes = match.group(1)
        src_match = _SRC.search(attributes)
        alt_match = _ALT.search(attributes)
        src = html.unescape(src_match.group(1)) if src_match else ""
        alt = html.unescape(alt_match.group(1)) if alt_match else ""
        if src.startswith(("http://", "https://")):
            label = html.escape(alt or src)
            tip = translate(
                "Preview", "Opens in your browser"
            )  # outside the f-string, where lupdate reads it
            return f'<a class="remote-image" href="{html.escape(src)}" title="{tip}">🖼 {label}</a>'
        if src.startswith("data:image/") and ";base64," in src:
            return f'<img src="{html.escape(src)}" alt="{html.escape(alt)}">'
        attachment = by_name.get(unquote(src))
        if attachment is None or attachment.data is None or ".." in unquote(src).split("/"):
            tip = translate("Preview", "The image was not found when the file was imported")
            return f'<span class="missing-image" title="{tip}">🖼 {html.escape(unquote(src) or alt)}</span>'
        mime = attachment.mime_type if attachment.mime_type.startswith("image/") else "image/png"
        encoded = base64.b64encode(attachment.data).decode("ascii")
        return f'<img src="data:{mime};base64,{encoded}" alt="{html.escape(alt)}">'

    return _IMG.sub(replace, fragment)


ATTACHMENT_LINK_PREFIX = "studynotes://attachment/"
_HREF = re.compile(r'<a href="([^"]*)"')


def resolve_attachment_links(fragment: str, attachments: list[Attachment]) -> str:
    """Links to a stored attachment name it by id (a relative path means nothing in the preview)."""
    stored = {unquote(a.name): a.id for a in attachments if a.id is not None and a.data is not None}
    if not stored or "<a href" not in fragment:
        return fragment

    def replace(match: re.Match[str]) -> str:
        ident = stored.get(unquote(html.unescape(match.group(1))))
        if ident is None:
            return match.group(0)
        tip = translate("Preview", "Opens with your system's viewer")
        return f'<a href="{ATTACHMENT_LINK_PREFIX}{ident}" title="{tip}"'

    return _HREF.sub(replace, fragment)
