"""What an import did, in words: a line per file and the summary the import dialog shows."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ..importing import ImportReport
from ..library import ImportResult
from .count_words import words
from .format_labels import format_label

translate = QCoreApplication.translate

ERROR_COLOR = "#cf222e"
WARNING_COLOR = "#9a6700"


def file_outcome(result: ImportResult) -> str:
    """One file's result in a line: what it added, changes kept, warnings."""
    if result.unchanged:
        return translate("ImportDialog", "already imported, unchanged")
    text = translate("ImportDialog", "{notes}, {questions} in {notebook}").format(
        notes=words().notes(result.notes),
        questions=words().questions(result.questions),
        notebook=result.notebook,
    )
    if result.kept_user_changes:
        text += translate("ImportDialog", ", kept {count} of your changes").format(
            count=result.kept_user_changes
        )
    if result.warnings:
        text += ", " + words().warnings(len(result.warnings))
    return text


def summary_html(report: ImportReport) -> str:
    """Notes, questions, warnings (each listed) and errors, as the dialog shows them."""
    esc = html.escape
    lines = [
        "<p><b>"
        + translate("ImportDialog", "{notes}, {questions} from {files}").format(
            notes=words().notes(report.notes),
            questions=words().questions(report.questions),
            files=words().files(len(report.files)),
        )
        + f"</b>, {words().warnings(report.warnings)}, {words().errors(len(report.errors))}.</p><ul>"
    ]
    for result in report.files:
        what = (
            translate("ImportDialog", "unchanged, nothing to do")
            if result.unchanged
            else f"{format_label(result.format)}: {file_outcome(result)}"
        )
        lines.append(f"<li>{esc(Path(result.path).name)}: {esc(what)}")
        lines += [f"<br><span style='color:{WARNING_COLOR}'>⚠ {esc(w)}</span>" for w in result.warnings]
        lines.append("</li>")
    lines += [
        f"<li style='color:{ERROR_COLOR}'>{esc(Path(e.path).name)}: {esc(e.reason)}</li>"
        for e in report.errors
    ]
    return "".join(lines) + "</ul>"
