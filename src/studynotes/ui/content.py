"""What a tree node shows: its notes, its questions and a notebook's overview page."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from ..library import Counts, Library, QuestionFilter, QuestionList
from ..wording import day_title, translate, week_label
from .count_words import words
from .tree_model import Node, front_pages, unsorted_beyond, unsorted_counts

_DECLARED_DATE = re.compile(r"\b\d{4}[-./]\d{1,2}[-./]\d{1,2}\b")


@dataclass
class NodeContent:
    node: Node
    questions: QuestionList  # read by the question list a page at a time
    note_ids: list[int] = field(default_factory=list)

    @property
    def counts(self) -> Counts:
        return self.questions.counts


def filter_for(node: Node) -> QuestionFilter:
    if node.kind == "note":
        return QuestionFilter(note_id=node.id)
    if node.kind == "lecture":
        return QuestionFilter(lecture_id=node.id)
    if node.kind == "week":
        return QuestionFilter(week_id=node.id)
    if node.kind == "unsorted":
        return QuestionFilter(notebook_id=node.notebook_id, unsorted=True)
    return QuestionFilter(notebook_id=node.notebook_id)


def content_of(library: Library, node: Node) -> NodeContent:
    """A week or lecture shows all its notes in order; a note shows itself."""
    if node.kind == "note":
        ids = [node.id]
    elif node.kind == "lecture":
        ids = [n.id for n in library.notes(lecture_id=node.id)]
    elif node.kind == "week":
        ids = [n.id for n in library.notes(week_id=node.id, direct_only=True)]
        ids += [
            n.id
            for lec in library.lectures(node.notebook_id, node.id)
            for n in library.notes(lecture_id=lec.id)
        ]
    elif node.kind == "unsorted":
        fronts = {n.id for n in front_pages(library, node.notebook_id)}
        ids = [n.id for n in library.notes(notebook_id=node.notebook_id, unsorted=True) if n.id not in fronts]
        return NodeContent(node, library.question_list(filter_for(node), frozenset(fronts)), ids)
    else:
        ids = []
    return NodeContent(node, library.question_list(filter_for(node)), ids)


def _counts_text(counts: Counts) -> str:
    """As the tree says it: a week with no questions has no count to show."""
    if not counts.questions:
        return translate("Overview", "no questions")
    return translate("Overview", "{open} open / {total}").format(open=counts.open, total=counts.questions)


def notebook_overview(library: Library, notebook_id: int, theme: str) -> str:
    """A notebook's front page: its details and weeks with their counts (plain, script-free HTML)."""
    from .study_charts import study_charts  # drawn with the page, after the window's first paint

    notebook = library.notebook(notebook_id)
    if notebook is None:
        return ""
    weeks = library.weeks(notebook_id)
    rows = "".join(
        f"<tr><td>{html.escape(week_label(w.number, w.first_day, w.label))}</td><td>{_counts_text(w.counts)}</td></tr>"
        for w in weeks
    )
    fronts = front_pages(library, notebook_id)
    rows = (
        "".join(
            f"<tr><td>{html.escape(page.title)}</td><td>{_counts_text(page.counts)}</td></tr>"
            for page in fronts
        )
        + rows
    )
    rest = unsorted_counts(library, notebook_id)
    if library.has_unsorted(notebook_id) and unsorted_beyond(library, notebook_id, len(fronts)):
        rows += f"<tr><td>{translate('Tree', 'Unsorted')}</td><td>{_counts_text(rest)}</td></tr>"
    start = notebook.start_date.isoformat() if notebook.start_date else translate("Overview", "not set")
    declared = next(
        (m.group(0) for v in notebook.properties.values() if (m := _DECLARED_DATE.search(v))), None
    )
    if declared is not None:  # the document's own date, as it writes it; weeks still start on a Monday
        monday = day_title(notebook.start_date) if notebook.start_date else start
        start = translate("Overview", "{declared} (weeks counted from {monday})").format(
            declared=html.escape(declared), monday=monday
        )
    summary = " · ".join(
        (
            translate("Overview", "Starts {start}").format(start=start),
            words().study_days(notebook.days_per_week),
            words().open_of(notebook.counts.open, notebook.counts.questions),
        )
    )
    body = f"""<p>{html.escape(notebook.description)}</p><ul>{property_items(notebook.properties)}</ul>
<p>{summary}</p>
<table>{rows}</table>{study_charts(library, notebook_id, theme, weeks=weeks, fronts=fronts)}"""
    return plain_page(notebook.title, body, theme)


def property_items(properties: dict[str, str]) -> str:
    """A page's named details (Facilitator, textbook…) as list items, the empty ones left out."""
    return "".join(
        f"<li><b>{html.escape(name[:1].upper() + name[1:])}</b>: {html.escape(value)}</li>"
        for name, value in properties.items()
        if value
    )


def plain_page(title: str, body: str, theme: str) -> str:
    """A page of the app's own (an overview, an empty week): no script, no outside resource."""
    dark = theme == "dark"
    return f"""<!doctype html><html style="color-scheme:{theme}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>body{{font-family:"Noto Sans CJK KR","Malgun Gothic","Apple SD Gothic Neo",sans-serif,
"Noto Color Emoji","Apple Color Emoji","Segoe UI Emoji";margin:2em;
background:{"#1e1f22" if dark else "#fff"};color:{"#ddd" if dark else "#222"}}}
td{{padding:.3em 1.2em .3em 0}} .hint{{color:{"#999" if dark else "#666"}}}</style></head><body>
<h1>{html.escape(title)}</h1>
{body}</body></html>"""
