"""Jupyter rendering: compact HTML cards for documents and records (``_repr_html_``)."""

from __future__ import annotations

from html import escape

from pqparse.models import Document, WrittenQuestion

__all__ = ["document_html", "record_html"]

_EXCERPT = 400
_CARD_STYLE = (
    "border:1px solid #ccc;border-radius:6px;padding:8px 12px;margin:6px 0;"
    "font-family:sans-serif;font-size:13px;max-width:60em"
)


def _excerpt(text: str, limit: int = _EXCERPT) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _row(label: str, value: object) -> str:
    if value is None or value == "":
        return ""
    header = f"<th style='text-align:left;padding-right:1em'>{escape(label)}</th>"
    return f"<tr>{header}<td>{escape(str(value))}</td></tr>"


def record_html(record: WrittenQuestion) -> str:
    """A card: heading, asker, dates, minister, question, answer excerpt, references."""
    question, answer = record.question, record.answer
    asker = question.asked_by
    asked_by = None
    if asker:
        details = " - ".join(x for x in (asker.party, asker.constituency) if x)
        asked_by = f"{asker.name or ''} ({details})" if details else asker.name
    minister = answer.answered_by if answer else None
    rows = [
        _row("UIN", record.uin),
        _row("House", record.house.value if record.house else None),
        _row("Asked by", asked_by),
        _row("Asked on", question.asked_on),
        _row("Department", question.department),
        _row(
            "Answered by",
            f"{minister.name}, {minister.role}"
            if minister and minister.role
            else (minister.name if minister else None),
        ),
        _row("Answered on", answer.answered_on if answer else None),
        _row("References", ", ".join(record.referenced_question_ids)),
        _row("Grouped with", ", ".join(record.grouped_question_ids)),
    ]
    flags = [
        flag
        for flag, on in (
            ("holding answer", bool(answer and answer.is_holding)),
            ("corrected", bool(answer and answer.is_correction)),
            ("named day", bool(record.named_day)),
            ("withdrawn", record.withdrawn),
            ("incomplete", not record.complete),
        )
        if on
    ]
    answer_html = (
        f"<p><b>A.</b> {escape(_excerpt(answer.text))}</p>"
        if answer
        else "<p><i>Not answered.</i></p>"
    )
    return (
        f"<div class='pqparse-record' style='{_CARD_STYLE}'>"
        f"<h4 style='margin:4px 0'>{escape(record.heading or '(no heading)')}</h4>"
        + (f"<p><i>{escape(', '.join(flags))}</i></p>" if flags else "")
        + f"<table>{''.join(rows)}</table>"
        f"<p><b>Q.</b> {escape(_excerpt(question.text))}</p>"
        f"{answer_html}</div>"
    )


def document_html(document: Document, limit: int = 20) -> str:
    """Summary line, diagnostics count and the first ``limit`` record cards."""
    errors = len(document.errors)
    head = (
        f"<p><b>{escape(document.format)}</b>: {len(document.records)} record(s), "
        f"{len(document.diagnostics)} diagnostic(s) ({errors} error(s))</p>"
    )
    cards = "".join(record_html(r) for r in document.records[:limit])
    more = len(document.records) - limit
    tail = f"<p>… and {more} more record(s)</p>" if more > 0 else ""
    return f"<div class='pqparse-document'>{head}{cards}{tail}</div>"
