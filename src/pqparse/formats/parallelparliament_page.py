"""Parallel Parliament question page (``parallelparliament.co.uk/question/<id>/<slug>``).

One page is one record. Two copies occur (see ``docs/formats/parallelparliament-page.md``):
the full user copy (heading, "(asked on 7th April 2025) - View Source", "Question to the
X:", question, "Answered by" block, answer paragraphs, "Reticulating Splines") and the bare
crawler copy ("Question to the X:", "To ask ..." line, one answer paragraph per line).
HTML pages are rendered to text lines first and read by the same rules.
"""

from __future__ import annotations

import re

from pqparse.extract.dates import parse_date
from pqparse.extract.members import is_portrait_caption, parse_member
from pqparse.extract.ministers import parse_minister
from pqparse.extract.records import answer_from, question_from
from pqparse.formats.base import Format, Parsed
from pqparse.models import House, Legislature, Member, Minister, Span, WrittenQuestion
from pqparse.report import Report
from pqparse.text.html import html_to_text, looks_like_html
from pqparse.text.lines import Line, split_lines

__all__ = ["FORMAT", "NAME", "detect", "parse"]

NAME = "parallelparliament-page"

_ASKED_ON = re.compile(r"^\(asked on (?P<date>[^)]{4,40})\)(?:\s*-\s*View Source)?$", re.I)
_QUESTION_TO = re.compile(r"^Question to the (?P<body>.{2,150}?):?$")
_ASKED_BY = re.compile(r"^(?:Asked|Tabled) by:?\s+(?P<member>.{2,200})$")
_ANSWERED_BY = re.compile(r"^Answered by:?$")
_ANSWERED_ON = re.compile(r"^This question was answered on (?P<date>.{4,40}?)\.?$", re.I)
_TO_ASK = re.compile(r"^To ask\b", re.I)
_CHROME = frozenset(
    {
        "Reticulating Splines",
        "View Source",
        "Written Question",
        "Tabled by",
        "Asked by",
        "Share",
        "Source Page",
    }
)
_PEER = re.compile(r"^(?:Lord|Baroness|Viscount|Earl|Countess|Lady|The Lord|The Earl)\b")
_SENTENCE_END = re.compile(r"[.?!:;)\]\"'”’]$")
_TABLE_ROW_END = re.compile(r"\s*\|$")
_PP_CUES = re.compile(
    r"\(asked on \d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+ \d{4}\)|Reticulating Splines"
    r"|This question was answered on|parallelparliament",
    re.I,
)
_QUESTION_TO_ANYWHERE = re.compile(r"(?m)^\s*Question to the [^\n]{2,150}:\s*$")
_LISTING_CUES = re.compile(r"(?m)^\s*(?:Written Question|Asked by:|Questioner:)\s*")


def detect(text: str) -> float:
    """Score ``text`` as a Parallel Parliament question page."""
    head = text[:200_000]
    body_lines = len(_QUESTION_TO_ANYWHERE.findall(head, 0, 200_000)[:2])
    if body_lines > 1 or _LISTING_CUES.search(head):
        return 0.1
    cue = _PP_CUES.search(head) is not None
    if body_lines == 1:
        return 0.9 if cue else 0.75
    return 0.3 if cue else 0.0


def _is_chrome(line: Line) -> bool:
    return line.text in _CHROME or is_portrait_caption(line.text)


def _paragraph_stretch(line: Line) -> tuple[int, int]:
    """A line as an answer paragraph; a table row loses its trailing " |"."""
    trailing = _TABLE_ROW_END.search(line.text)
    end = line.start + trailing.start() if trailing else line.end
    return line.start, end


def _report_unparsed(lines: list[Line], used: set[int], report: Report) -> None:
    """One PQ103 warning per run of lines that are neither fields nor known chrome."""
    run: list[Line] = []
    for index, line in enumerate([*lines, Line("", -1, -1)]):
        if line.text and index not in used and not _is_chrome(line):
            run.append(line)
            continue
        if run:
            report.at("PQ103", f"unparsed text: {run[0].text[:60]!r}", run[0].start, run[-1].end)
            run = []


def parse(source: str, report: Report) -> Parsed:
    """Parse one Parallel Parliament page (text or HTML)."""
    text = html_to_text(source) if looks_like_html(source) else source
    report.text = text
    lines = split_lines(text)
    used: set[int] = set()
    record = _parse_lines(text, lines, used, report)
    _report_unparsed(lines, used, report)
    return Parsed(text, (record,) if record else ())


def _parse_lines(
    text: str, lines: list[Line], used: set[int], report: Report
) -> WrittenQuestion | None:
    count = len(lines)
    asked_on = None
    department = None
    asked_by: Member | None = None
    heading: str | None = None
    first: Line | None = None
    i = 0
    question_at = -1
    while i < count:
        line = lines[i]
        if match := _ASKED_ON.match(line.text):
            asked_on = parse_date(match.group("date"))
            if asked_on is None:
                _bad_date(report, match.group("date"), line)
            used.add(i)
            heading_at = _previous_content(lines, i)
            if heading_at is not None and not _QUESTION_TO.match(lines[heading_at].text):
                heading = lines[heading_at].text
                used.add(heading_at)
                first = lines[heading_at]
        elif match := _ASKED_BY.match(line.text):
            asked_by = parse_member(match.group("member"))
            used.add(i)
        elif match := _QUESTION_TO.match(line.text):
            department = match.group("body").strip()
            used.add(i)
            first = first or line
            question_at = i + 1
            break
        i += 1
    if question_at < 0:
        report.add("PQ100", "no 'Question to the …:' line: not a Parallel Parliament page")
        return None
    # question: the next paragraph (bare copies: the one "To ask" line)
    while question_at < count and not lines[question_at].text:
        question_at += 1
    q_lines: list[Line] = []
    j = question_at
    while j < count and lines[j].text and not _ANSWERED_BY.match(lines[j].text):
        if _is_chrome(lines[j]):
            break
        q_lines.append(lines[j])
        used.add(j)
        j += 1
    answer_label = next((k for k in range(j, count) if _ANSWERED_BY.match(lines[k].text)), None)
    bare = answer_label is None and len(q_lines) > 1 and _TO_ASK.match(q_lines[0].text)
    answer_lines: list[Line] = []
    if bare:
        answer_lines = q_lines[1:]
        q_lines = q_lines[:1]
    if not q_lines:
        label = lines[question_at - 1] if question_at else lines[0]
        report.at("PQ104", "the question text is missing", label.start, label.end)
        return None
    q_span = (q_lines[0].start, q_lines[-1].end)
    question, house = question_from(
        text, q_span, asked_by=asked_by, asked_on=asked_on, department=department
    )
    complete = True
    minister: Minister | None = None
    answered_on = None
    last_end = q_span[1]
    if answer_label is not None:
        used.add(answer_label)
        k = answer_label + 1
        header: list[Line] = []
        while k < count:
            line = lines[k]
            if match := _ANSWERED_ON.match(line.text):
                answered_on = parse_date(match.group("date"))
                if answered_on is None:
                    _bad_date(report, match.group("date"), line)
                used.add(k)
                k += 1
                break
            if line.text and not is_portrait_caption(line.text):
                header.append(line)
            if line.text:
                used.add(k)
            if len(header) > 2 or (not line.text and header):
                break
            k += 1
        if header:
            minister = parse_minister(header[0].text, header[1].text if len(header) > 1 else None)
            last_end = header[-1].end
        if answered_on is None:
            complete = False
        for index in range(k, count):
            line = lines[index]
            if line.text and not _is_chrome(line):
                answer_lines.append(line)
                used.add(index)
    answer = None
    if answer_lines or answer_label is not None:
        answer = answer_from(
            text,
            [_paragraph_stretch(line) for line in answer_lines],
            answered_by=minister,
            answered_on=answered_on,
        )
        if answer_lines:
            last_end = answer_lines[-1].end
    if answer_label is None and not answer_lines and not _SENTENCE_END.search(question.text):
        complete = False
    if not complete:
        report.at("PQ102", "the page is cut off inside a record", q_span[0], last_end)
    if house is None and minister and _PEER.match(minister.name):
        house = House.LORDS
    start = first.start if first else q_span[0]
    return WrittenQuestion(
        heading=heading,
        uin=None,
        legislature=Legislature.UK_PARLIAMENT,
        house=house,
        question=question,
        answer=answer,
        complete=complete,
        span=Span(start, last_end),
    )


def _bad_date(report: Report, written: str, line: Line) -> None:
    report.at("PQ200", f"unreadable date {written!r}", line.start, line.end)


def _previous_content(lines: list[Line], index: int) -> int | None:
    for k in range(index - 1, -1, -1):
        if lines[k].text and not _is_chrome(lines[k]):
            return k
    return None


FORMAT = Format(
    name=NAME,
    description="Parallel Parliament written question page (copied text or HTML)",
    detect=detect,
    parse=parse,
)
