"""Parallel Parliament question page (``parallelparliament.co.uk/question/<id>/<slug>``).

One page is one record. Two copies occur (see ``docs/formats/parallelparliament-page.md``):
the full user copy (heading, "(asked on 7th April 2025) - View Source", "Question to the
X:", question, "Answered by" block, answer paragraphs, "Reticulating Splines") and the bare
crawler copy ("Question to the X:", "To ask ..." line, one answer paragraph per line).
HTML pages are rendered to text lines first and read by the same rules.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Set as AbstractSet
from itertools import accumulate

from pqparse.extract.dates import parse_date
from pqparse.extract.members import is_portrait_caption, parse_member
from pqparse.extract.ministers import parse_minister
from pqparse.extract.records import all_clean, answer_from, question_from
from pqparse.formats.base import Format, Parsed
from pqparse.models import (
    Answer,
    House,
    Legislature,
    Member,
    Minister,
    Question,
    Span,
    WrittenQuestion,
)
from pqparse.report import Report
from pqparse.text.html import html_to_text, looks_like_html
from pqparse.text.lines import Line

__all__ = ["FORMAT", "NAME", "detect", "parse"]

NAME = "parallelparliament-page"


SPINNER = "Reticulating Splines"
VIEW_SOURCE = "View Source"
# Chrome lines: the spinner, the link label, the "Written Question" badge a listing also shows.
_CHROME_LINES = frozenset({SPINNER, VIEW_SOURCE, "Written Question"})
_PORTRAIT = "Portrait"  # image captions: "<Name> Portrait"

_ASKED_ON = re.compile(r"^\(asked on (?P<date>[^)]{4,40})\)(?:\s*-\s*View Source)?$", re.I)
_QUESTION_TO = re.compile(r"^Question to the (?P<body>.{2,200}?)\s*:$")
_ASKED_BY = re.compile(r"^Asked by:\s*(?P<member>.{2,250})$")
_ANSWERED_BY = re.compile(r"^Answered by:?$")
_ANSWERED_ON = re.compile(r"^This question was answered on (?P<date>.{4,40}?)\.?$", re.I)
_TO_ASK = re.compile(r"^To ask\b", re.I)
# A seat label that is a peerage type, as a whole ("Bishop Auckland" is a constituency).
_PEERAGE = re.compile(
    r"Life peer|Bishops?|Excepted Hereditary|Hereditary|Law Lord|Lords? Spiritual", re.I
)
_PEER = re.compile(
    r"^(?:The\s+)?(?:Lord|Baroness|Viscount|Viscountess|Earl|Countess|Marquess|Duke)\s"
)
# A field that ends like this was not cut off mid-sentence.
_FINISHED = re.compile(r"[.?!)\]\"'”’|]$")
_LINK_STARTS = ("http://", "https://", "www.")
_TABLE_CELL_GAP = " | "
_SENTENCE_STOP = re.compile(r"[.?!]$")
# How ministerial roles begin ("Minister of State (Home Office)", "Parliamentary
# Under-Secretary (…)", "Lord Privy Seal", "Attorney General", ...).
_ROLE = re.compile(
    r"^(?:Minister|Parliamentary|Secretary|Under|Deputy|Assistant|Government|Lords?\s|"
    r"Baroness|Leader|Chief|Captain|Attorney|Solicitor|Advocate|Chancellor|Economic|"
    r"Financial|Exchequer|Paymaster|Prime|Second Church|Chair|Spokesperson|Whip)"
)
_MAX_NAME = 80
_MAX_ROLE = 200

# Detection cues work on page text and on raw HTML (a cue line may sit between tags).
_EDGE_BEFORE = r"(?:^[ \t]*|>[ \t]*)"
_EDGE_AFTER = r"[ \t]*(?:<|$)"
_QUESTION_TO_LINE = re.compile(rf"(?m){_EDGE_BEFORE}Question to the [^\n<>]{{2,200}}:{_EDGE_AFTER}")
_LISTING_CUES = re.compile(
    rf"(?m){_EDGE_BEFORE}(?:Written Question{_EDGE_AFTER}|Asked by:|Questioner:)"
)
# Labels that no listing has: with one "Question to the" line they make the text a page even
# when it also shows a listing label ("Asked by:", a "Written Question" badge).
_PAGE_ONLY_CUES = re.compile(
    r"\(asked on \d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+ \d{4}\)|This question was answered on \d"
)
_PAGE_CUES = re.compile(
    r"\(asked on \d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+ \d{4}\)|Reticulating Splines"
    r"|This question was answered on \d|parallelparliament\.co\.uk/question/"
)
_DETECT_WINDOW = 200_000


def detect(text: str) -> float:
    """Score ``text`` as a Parallel Parliament question page.

    Exactly one "Question to the …:" line, and a page-only label ("(asked on …)", "This
    question was answered on …") or no listing label ("Written Question", "Asked by:",
    "Questioner:"); page chrome raises the score.
    """
    head = text[:_DETECT_WINDOW]
    bodies = 0
    for _ in _QUESTION_TO_LINE.finditer(head):
        bodies += 1
        if bodies > 1:
            return 0.1
    if bodies == 1 and _PAGE_ONLY_CUES.search(head):
        return 0.95
    if _LISTING_CUES.search(head):
        return 0.1
    cue = _PAGE_CUES.search(head) is not None
    if bodies == 1:
        return 0.95 if cue else 0.75
    return 0.3 if cue else 0.0


def parse(source: str, report: Report) -> Parsed:
    """Parse one Parallel Parliament page (text or HTML) into at most one record."""
    text = html_to_text(source) if looks_like_html(source) else source
    report.text = text
    lines = _Lines(text)
    used: set[int] = set()
    record = _read_record(text, lines, used, report)
    _report_unparsed(lines, used, report)
    return Parsed(text, (record,) if record else ())


class _Lines:
    """Every line of the page by index, stripped (blank lines are ``""``), with offsets.

    Splitting, stripping and the running offsets are C-level passes (``str.split``, ``map``,
    ``accumulate``); a line's offsets are worked out only for the few lines that become
    spans. Equals :func:`pqparse.text.lines.split_lines` on content lines (see ``line``).
    """

    __slots__ = ("_lengths", "_raws", "chrome", "values")

    def __init__(self, text: str) -> None:
        raws = text.split("\n")
        self._raws = raws
        self.values: list[str] = list(map(str.strip, raws))
        # characters before line i, newlines not counted (line i starts at _lengths[i] + i)
        self._lengths = list(accumulate(map(len, raws), initial=0))
        self.chrome: frozenset[int] = _chrome_lines(text, self.values)

    def __len__(self) -> int:
        return len(self.values)

    def start(self, index: int) -> int:
        """Offset of the first character of content line ``index``.

        Leading whitespace holds no non-space character, so the stripped text's first
        character first occurs where the content starts.
        """
        raw = self._raws[index]
        value = self.values[index]
        offset = self._lengths[index] + index
        return offset if value is raw or not value else offset + raw.find(value[0])

    def end(self, index: int) -> int:
        """Offset just after the last character of content line ``index``."""
        return self.start(index) + len(self.values[index])

    def span(self, index: int) -> tuple[int, int]:
        """``(start, end)`` of content line ``index``."""
        start = self.start(index)
        return start, start + len(self.values[index])

    def line(self, index: int) -> Line:
        """Content line ``index`` as a :class:`Line` (blank lines have no meaningful offsets)."""
        start = self.start(index)
        value = self.values[index]
        return Line(value, start, start + len(value))


def _chrome_lines(text: str, values: list[str]) -> frozenset[int]:
    """Indexes of the chrome lines: the spinner, link labels, badges and portrait captions.

    C-level searches (``list.index`` for the fixed lines, ``str.find`` for the captions) stand
    in for a test of every line; :func:`_chrome_lines_by_line` is the reference definition.
    """
    chrome = [index for label in _CHROME_LINES for index in _indexes_of(values, label)]
    at = text.find(_PORTRAIT)
    seen_at = index = 0
    while at >= 0:
        index += text.count("\n", seen_at, at)  # the line holding this occurrence
        seen_at = at
        value = values[index]
        if value.endswith(_PORTRAIT) and _is_portrait(value):
            chrome.append(index)
        at = text.find(_PORTRAIT, at + len(_PORTRAIT))
    return frozenset(chrome)


def _chrome_lines_by_line(values: list[str]) -> frozenset[int]:
    """The reference definition of :func:`_chrome_lines` (kept for the equivalence test)."""
    return frozenset(
        index
        for index, value in enumerate(values)
        if value in _CHROME_LINES or (value.endswith(_PORTRAIT) and _is_portrait(value))
    )


def _indexes_of(values: list[str], value: str) -> list[int]:
    """Every index of ``value`` in ``values`` (C-level scans)."""
    found: list[int] = []
    at = -1
    try:
        while True:
            at = values.index(value, at + 1)
            found.append(at)
    except ValueError:
        return found


class _Landmarks:
    """Line indexes of the labels that structure a page (-1 when absent)."""

    __slots__ = ("answered_by", "asked_by", "asked_on", "end", "question_to", "spinner")

    def __init__(
        self,
        asked_on: int,
        asked_by: int,
        question_to: int,
        answered_by: int,
        spinner: int,
        end: int,
    ) -> None:
        self.asked_on = asked_on
        self.asked_by = asked_by
        self.question_to = question_to
        self.answered_by = answered_by
        self.spinner = spinner
        self.end = end

    @property
    def full_copy(self) -> bool:
        """A user copy (labels present) rather than a bare crawler copy."""
        return self.asked_on >= 0 or self.answered_by >= 0 or self.spinner >= 0


def _find_landmarks(values: list[str]) -> _Landmarks:
    """One pass: labels before "Question to the", then the answer label and the spinner.

    Each pattern is tried only on lines that begin as it must (first character or prefix).
    """
    asked_on = asked_by = question_to = answered_by = spinner = -1
    for index, value in enumerate(values):
        if not value:
            continue
        if question_to < 0:
            first = value[0]
            if first == "(":
                if asked_on < 0 and _ASKED_ON.match(value):
                    asked_on = index
            elif first == "A":
                if asked_by < 0 and value.startswith("Asked by:") and _ASKED_BY.match(value):
                    asked_by = index
            elif first == "Q":
                if value.startswith("Question to the ") and _QUESTION_TO.match(value):
                    question_to = index
            elif value == SPINNER:
                spinner = index
                break
        elif answered_by < 0 and value.startswith("Answered") and _ANSWERED_BY.match(value):
            answered_by = index
        elif (
            asked_by < 0
            and answered_by < 0
            and value.startswith("Asked by:")
            and _ASKED_BY.match(value)
        ):
            asked_by = index  # an asker line between the department and the answer block
        elif value.endswith(SPINNER):
            spinner = index
            break
    end = len(values)
    if spinner >= 0:  # a spinner glued to the last line ends the page after that line
        end = spinner + (values[spinner] != SPINNER)
    return _Landmarks(asked_on, asked_by, question_to, answered_by, spinner, end)


def _read_record(
    text: str, lines: _Lines, used: set[int], report: Report
) -> WrittenQuestion | None:
    values = lines.values
    marks = _find_landmarks(values)
    if marks.question_to < 0:
        report.add("PQ100", "no 'Question to the …:' line: not a Parallel Parliament page")
        return None
    heading_at = _heading_line(lines, marks)
    # lines come in document order: the first label line is the one with the lowest index
    first = marks.question_to
    if 0 <= marks.asked_by < first:
        first = marks.asked_by
    if 0 <= heading_at < first:
        first = heading_at
    question, house, question_end, bare_answer = _question_part(text, lines, marks, used, report)
    answer: Answer | None = None
    a_lines: list[int] = []
    first_start, last_end = lines.span(first)
    if marks.answered_by >= 0:
        used.add(marks.answered_by)
        answer, last_end, a_lines = _answer_block(text, lines, marks, used, report)
    elif bare_answer:
        a_lines = bare_answer
        stretches = [_paragraph_stretch(lines, i) for i in a_lines]
        answer = answer_from(text, stretches, clean=all_clean(text, stretches))
        last_end = stretches[-1][1]
    record_span = Span(first_start, max(last_end, question_end))
    complete = marks.spinner >= 0 or not _cut_off(question, answer, values, a_lines, marks)
    if not complete:
        report.at("PQ102", "the page is cut off inside the record", *_bounds(record_span))
    elif answer is not None and marks.answered_by >= 0:
        _report_missing_answer_parts(answer, lines, marks.answered_by, report)
    if heading_at >= 0:
        used.add(heading_at)
    return WrittenQuestion(
        heading=values[heading_at] if heading_at >= 0 else None,
        uin=None,
        legislature=Legislature.UK_PARLIAMENT,
        house=_house(question.asked_by, house, answer),
        question=question,
        answer=answer,
        complete=complete,
        span=record_span,
    )


def _question_part(
    text: str, lines: _Lines, marks: _Landmarks, used: set[int], report: Report
) -> tuple[Question, House | None, int, list[int]]:
    """The question, the house its wording implies, where its text ends and (bare copy) the
    answer lines."""
    asked_on = _line_date(lines, marks.asked_on, _ASKED_ON, used, report)
    asked_by = _asker(lines.values, marks.asked_by, used)
    label = marks.question_to
    used.add(label)
    body = _QUESTION_TO.match(lines.values[label])
    region_end = marks.answered_by if marks.answered_by >= 0 else marks.end
    if marks.full_copy:
        q_lines = _question_paragraph(lines, label + 1, region_end, used)
        a_lines: list[int] = []
    else:
        q_lines, a_lines = _bare_question_and_answer(lines, label + 1, region_end, used)
    used.update(q_lines)
    used.update(a_lines)
    if q_lines:
        q_span = (lines.start(q_lines[0]), _content_end(lines, q_lines[-1]))
    else:
        label_end = lines.end(label)
        report.at("PQ104", "the question text is missing", lines.start(label), label_end)
        q_span = (label_end, label_end)
    question, house = question_from(
        text,
        q_span,
        asked_by=asked_by,
        asked_on=asked_on,
        department=body.group("body") if body else None,
    )
    return question, house, q_span[1], a_lines


def _bounds(span: Span) -> tuple[int, int]:
    return span.start, span.end


def _heading_line(lines: _Lines, marks: _Landmarks) -> int:
    """The heading: the content line just above "(asked on …)" (-1 when there is none)."""
    if marks.asked_on < 0:
        return -1
    values = lines.values
    chrome = lines.chrome
    for index in range(marks.asked_on - 1, -1, -1):
        if values[index] and index != marks.asked_by and index not in chrome:
            return index
    return -1


def _line_date(
    lines: _Lines, index: int, pattern: re.Pattern[str], used: set[int], report: Report
) -> datetime.date | None:
    if index < 0:
        return None
    used.add(index)
    match = pattern.match(lines.values[index])
    if match is None:
        return None
    found = parse_date(match.group("date"))
    if found is None:
        report.at(
            "PQ200",
            f"unreadable date {match.group('date')!r}",
            lines.start(index),
            lines.end(index),
        )
    return found


def _asker(values: list[str], index: int, used: set[int]) -> Member | None:
    if index < 0:
        return None
    used.add(index)
    match = _ASKED_BY.match(values[index])
    return parse_member(match.group("member")) if match else None


def _paragraphs(
    lines: _Lines, start: int, end: int, taken: AbstractSet[int] = frozenset()
) -> list[list[int]]:
    """Runs of adjacent content lines in ``lines[start:end]`` (known chrome skipped; lines
    already ``taken`` as labels end a run like blank lines)."""
    values = lines.values
    chrome = lines.chrome
    runs: list[list[int]] = []
    current: list[int] = []
    for index in range(start, end):
        if not values[index] or index in taken:
            if current:
                runs.append(current)
                current = []
        elif index not in chrome:
            current.append(index)
    if current:
        runs.append(current)
    return runs


def _question_paragraph(lines: _Lines, start: int, end: int, taken: AbstractSet[int]) -> list[int]:
    """Full copy: the paragraph that starts "To ask" (else the first one)."""
    runs = _paragraphs(lines, start, end, taken)
    values = lines.values
    for run in runs:
        if _TO_ASK.match(values[run[0]]):
            return run
    return runs[0] if runs else []


def _bare_question_and_answer(
    lines: _Lines, start: int, end: int, taken: AbstractSet[int]
) -> tuple[list[int], list[int]]:
    """Bare copy: the first "To ask" line is the question, every later line an answer paragraph."""
    values = lines.values
    chrome = lines.chrome
    content = [i for i in range(start, end) if values[i] and i not in taken and i not in chrome]
    if not content:
        return [], []
    at = next((n for n, i in enumerate(content) if _TO_ASK.match(values[i])), 0)
    return [content[at]], content[at + 1 :]


def _answer_block(
    text: str, lines: _Lines, marks: _Landmarks, used: set[int], report: Report
) -> tuple[Answer, int, list[int]]:
    """The "Answered by" block: name, optional role, answer date, then the paragraphs."""
    values = lines.values
    header, date_at, body_from = _answer_header(lines, marks.answered_by + 1, marks.end)
    used.update(header)
    minister: Minister | None = None
    if header:
        role = values[header[1]] if len(header) > 1 else None
        minister = parse_minister(values[header[0]], role)
    answered_on = _line_date(lines, date_at, _ANSWERED_ON, used, report)
    a_lines = [i for run in _paragraphs(lines, body_from, marks.end) for i in run]
    used.update(a_lines)
    stretches = [_paragraph_stretch(lines, i) for i in a_lines]
    answer = answer_from(
        text,
        stretches,
        answered_by=minister,
        answered_on=answered_on,
        clean=all_clean(text, stretches),
    )
    if stretches:
        last_end = stretches[-1][1]
    else:  # the block ends at its last label line: the date, the minister or "Answered by"
        last_end = lines.end(
            date_at if date_at >= 0 else header[-1] if header else marks.answered_by
        )
    return answer, last_end, a_lines


def _answer_header(lines: _Lines, start: int, end: int) -> tuple[list[int], int, int]:
    """Name and role lines, the answer-date line (-1 if absent) and where the answer starts.

    Blank lines may separate the parts (HTML renders each block on its own paragraph);
    portrait captions are skipped.
    """
    values = lines.values
    chrome = lines.chrome
    content: list[int] = []
    for index in range(start, end):
        value = values[index]
        if not value or index in chrome:
            continue
        if _ANSWERED_ON.match(value):
            return content, index, index + 1
        content.append(index)
        if len(content) == 3:
            break
    # no answer date: keep only what reads as a name and (then) a role
    header: list[int] = []
    for index in content[:2]:
        if not _looks_like_header(values[index], len(header)):
            break
        header.append(index)
    body_from = header[-1] + 1 if header else start
    return header, -1, body_from


def _looks_like_header(value: str, position: int) -> bool:
    """A minister's name (position 0) or role (position 1): short, not a sentence."""
    if position == 0:
        return len(value) <= _MAX_NAME and not _SENTENCE_STOP.search(value)
    return (
        len(value) <= _MAX_ROLE
        and _ROLE.match(value) is not None
        and not _SENTENCE_STOP.search(value)
    )


def _cut_off(
    question: Question,
    answer: Answer | None,
    values: list[str],
    a_lines: list[int],
    marks: _Landmarks,
) -> bool:
    """True when the copy ends inside a field (called only when no spinner ended the page)."""
    if answer is None:
        return not _is_finished(question.text)
    if marks.answered_by >= 0 and (answer.answered_on is None or not a_lines):
        return True
    if not a_lines:
        return False
    return not _is_finished(values[a_lines[-1]])


def _is_finished(value: str) -> bool:
    """A field that ends a sentence, a link or a table row was not cut off mid-sentence."""
    if _FINISHED.search(value) or _TABLE_CELL_GAP in value:
        return True
    words = value.rsplit(None, 1)
    return bool(words) and words[-1].startswith(_LINK_STARTS)


def _report_missing_answer_parts(answer: Answer, lines: _Lines, label: int, report: Report) -> None:
    if answer.answered_by is not None and answer.answered_on is not None and answer.paragraphs:
        return
    missing = [
        name
        for name, absent in (
            ("answering minister", answer.answered_by is None),
            ("answer date", answer.answered_on is None),
            ("answer text", not answer.paragraphs),
        )
        if absent
    ]
    if missing:
        message = f"the answer block has no {', '.join(missing)}"
        report.at("PQ104", message, *lines.span(label))


def _house(asked_by: Member | None, wording: House | None, answer: Answer | None) -> House | None:
    """The asker decides first (a peerage seat or a peer's name means Lords; Lords questions
    to "the Leader of the House" read like Commons ones), then the question's wording, then an
    asker's constituency (Commons) or a peer answering (Lords)."""
    if asked_by is not None:
        seat = asked_by.constituency
        if seat and _PEERAGE.fullmatch(seat):
            return House.LORDS
        if not seat and asked_by.name and _PEER.match(asked_by.name):
            return House.LORDS
    if wording is not None:
        return wording
    if asked_by is not None and asked_by.constituency:
        return House.COMMONS
    minister = answer.answered_by if answer is not None else None
    if minister is not None and _PEER.match(minister.name):
        return House.LORDS
    return None


def _is_portrait(value: str) -> bool:
    """A "<Name> Portrait" image caption of a name's length."""
    return len(value) <= _MAX_NAME + 9 and is_portrait_caption(value)


def _content_end(lines: _Lines, index: int) -> int:
    """End of a line's text without a loading-spinner text glued to it."""
    value = lines.values[index]
    if value.endswith(SPINNER) and value != SPINNER:
        return lines.start(index) + len(value[: -len(SPINNER)].rstrip())
    return lines.end(index)


def _paragraph_stretch(lines: _Lines, index: int) -> tuple[int, int]:
    """A line as an answer paragraph: a table row loses its trailing " |", a glued spinner goes."""
    value = lines.values[index]
    start, end = lines.span(index)
    if value.endswith(SPINNER) and value != SPINNER:
        end = start + len(value[: -len(SPINNER)].rstrip())
    if value.endswith("|", 0, end - start):
        end = start + len(value[: end - start - 1].rstrip())
    return start, end


def _report_unparsed(lines: _Lines, used: set[int], report: Report) -> None:
    """One PQ103 warning per run of lines that are neither fields nor known chrome.

    Blank lines neither start nor end a run. When fields and chrome are all content lines
    and as many as the content lines, nothing is left over (the common case, C-level check).
    """
    values = lines.values
    skipped = used | lines.chrome
    if len(skipped) == len(values) - values.count("") and all(map(values.__getitem__, skipped)):
        return
    run_start = run_end = -1
    for index, value in enumerate(values):
        if not value:
            continue
        if index in skipped:
            if run_start >= 0:
                _unparsed(report, lines, run_start, run_end)
            run_start = -1
            continue
        if run_start < 0:
            run_start = index
        run_end = index
    if run_start >= 0:
        _unparsed(report, lines, run_start, run_end)


def _unparsed(report: Report, lines: _Lines, first: int, last: int) -> None:
    report.at(
        "PQ103", f"unparsed text: {lines.values[first][:60]!r}", lines.start(first), lines.end(last)
    )


FORMAT = Format(
    name=NAME,
    description="Parallel Parliament written question page (copied text or HTML)",
    detect=detect,
    parse=parse,
)
