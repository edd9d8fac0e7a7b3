"""questions-statements.parliament.uk written questions (the UK Parliament site since 2020).

Two page kinds, as text or HTML (see ``docs/formats/questions-statements.md``):

* **detail pages** (``/written-questions/detail/<date tabled>/<UIN>``): heading,
  ``Question for <Department>``, ``UIN <id>, tabled on <date>``, asker, question, then the
  ``Answer`` block (answerer, ``Answered on`` + date, paragraphs, corrections, grouped
  questions, attachments, named-day note). Short copies start at the question text and give
  the answering department after ``Answered by``. Several copies in one text are split at
  each ``Question for`` line.
* **listing cards** (HTML ``card card-written-question``): one record per card, the UIN and
  date tabled taken from the card's ``overlay-link``.

The plain-text layout is inferred from the HTML (no real copy was available), so labels are
matched leniently. HTML detail pages are rendered to text and read by the text rules, with
the markup settling what text cannot (withdrawn sidebar, attachment links).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence
from typing import Any

import attrs
from lxml import etree

from pqparse.extract.dates import DATE_IN_TEXT, date_from_match, parse_date
from pqparse.extract.departments import ADDRESSEE_TO_DEPARTMENT
from pqparse.extract.members import is_portrait_caption
from pqparse.extract.ministers import parse_minister
from pqparse.extract.records import answer_from, question_from
from pqparse.formats.base import Format, Parsed
from pqparse.models import Answer, House, Legislature, Member, Minister, Span, WrittenQuestion
from pqparse.report import Report
from pqparse.text.html import looks_like_html, parse_html
from pqparse.text.html_spans import RenderedHtml, render_with_spans
from pqparse.text.lines import Line, split_lines
from pqparse.text.normalize import clean_inline

__all__ = ["FORMAT", "NAME", "detect", "parse"]

NAME = "questions-statements"

# --- detection -------------------------------------------------------------------------
_DETAIL_LINK = re.compile(r"/written-questions/detail/\d{4}-\d{2}-\d{2}/[A-Za-z]{0,2}\d{1,7}")
_SITE = re.compile(r"questions-statements\.parliament\.uk(?!/api)", re.I)
_HTML_STRUCTURE = re.compile(
    r"card-written-question|sub-card-question-text|collapse-details"
    r"|<h2[^>]{0,80}>\s*Question for ",
    re.I,
)
_TEXT_QUESTION_FOR = re.compile(r"(?m)^[ \t]*Question for [^\n]{2,150}$")
_TEXT_UIN_TABLED = re.compile(r"(?mi)^[ \t]*UIN:?[ \t]*(?:HL)?[ \t]?\d{1,7}\b[^\n]{0,20}tabled")
_TEXT_SHORT_COPY = re.compile(r"(?m)^[ \t]*Answered by[ \t]*\n[ \t]*(?:Department|Ministry)\b")
_TEXT_ANSWERED_ON_ALONE = re.compile(
    r"(?m)^[ \t]*Answered on[ \t]*\n[ \t]*\d{1,2} [A-Z][a-z]+ \d{4}"
)
_OTHER_FORMAT = re.compile(
    r"<publicwhip|qna-result-|(?m:^[ \t]*(?:Asked on:|Question to the [^\n]{2,150}:[ \t]*$))"
    r"|Reticulating Splines",
    re.I,
)
_JSON_START = re.compile(r"\s*[\[{]")


def detect(text: str) -> float:
    """Score ``text`` as a questions-statements.parliament.uk page (HTML or copied text)."""
    head = text[:300_000]
    if _JSON_START.match(head) or _OTHER_FORMAT.search(head):
        return 0.05
    if looks_like_html(head):
        structure = _HTML_STRUCTURE.search(head) is not None
        site = _SITE.search(head) is not None or _DETAIL_LINK.search(head) is not None
        if structure:
            return 0.95 if site else 0.9
        return 0.35 if site else 0.0
    question_for = _TEXT_QUESTION_FOR.search(head) is not None
    uin_tabled = _TEXT_UIN_TABLED.search(head) is not None
    if question_for and uin_tabled:
        return 0.95
    if uin_tabled:
        return 0.8
    short_cues = (_TEXT_SHORT_COPY.search(head) is not None) + (
        _TEXT_ANSWERED_ON_ALONE.search(head) is not None
    )
    if question_for:
        return 0.75 if short_cues else 0.6
    return (0.0, 0.6, 0.75)[short_cues]


# --- text labels -------------------------------------------------------------------------
_QUESTION_FOR = re.compile(r"^Question for (?P<body>\S.{1,150}?)\s*:?$", re.I)
_QUESTION_FOR_LABEL = re.compile(r"Question for ", re.I)
_UIN = re.compile(r"^UIN:?\s*(?P<uin>(?:HL)?\s?\d{1,7})\b(?P<rest>.{0,80})$", re.I)
_TABLED_IN_REST = re.compile(r"\btabled(?:\s+on)?\s*:?\s*", re.I)
_TABLED = re.compile(r"^Tabled(?:\s+on)?\s*:?\s+(?P<date>.{4,40}?)\.?$", re.I)
_ASKED_BY = re.compile(r"^Asked by:?\s*(?P<name>.{0,150})$", re.I)
_TO_ASK = re.compile(r"^To ask\b", re.I)
_NAMED_DAY = re.compile(r"^(?:\[N\]|Named day(?: question)?\.?)$", re.I)
_NAMED_DAY_NOTE = re.compile(r"^['‘’]?Named day['‘’]? questions\b", re.I)
_INTEREST = re.compile(r"^(?:\[R\]|Registered interest|Interest declared)\.?$", re.I)
_INTEREST_NOTE = re.compile(r"^Indicates that a relevant interest has been declared\.?$", re.I)
_DATE_FOR_ANSWER = re.compile(
    r"^(?:Date for answer|Due for answer(?: on)?|For answer on|Answer due(?: on)?)"
    r"\s*:?\s*(?P<date>.{4,40}?)\.?$",
    re.I,
)
_ANSWER_HEADING = re.compile(r"^Answer(?:ed)?:?$", re.I)
_ANSWERED_BY = re.compile(r"^Answered by:?\s*(?P<who>.{0,150})$", re.I)
_ANSWERED_ON = re.compile(
    r"^Answered(?:\s+on)?(?:\s*:?\s+(?P<date>(?:\d|Mon|Tue|Wed|Thu|Fri|Sat|Sun).{3,40}?))?:?\.?$",
    re.I,
)
#: :data:`_ANSWERED_ON` with a greedy date (read by :func:`_answered_on`): the lazy date
#: tries the line's end after each character, the costliest try of the answer block.
_ANSWERED_ON_GREEDY = re.compile(
    r"Answered(?:\s+on)?(?:\s*:?\s+(?P<date>(?:\d|Mon|Tue|Wed|Thu|Fri|Sat|Sun).{3,40}))?:?\.?",
    re.I,
)
_AWAITING = re.compile(r"^Awaiting(?: answer)?\.?$", re.I)
_WITHDRAWN = re.compile(
    r"^(?:(?:This )?question (?:has been |was )?)?withdrawn\b(?P<rest>.{0,60})$", re.I
)
_HOLDING = re.compile(
    r"^(?:(?:This question|A) (?:received|was given) an? )?holding answer\b(?P<rest>.{0,80})$",
    re.I,
)
_CORRECTED_BY = re.compile(r"^Corrected answer by:?\s*(?P<who>.{0,150})$", re.I)
_CORRECTED_ON = re.compile(r"^Corrected on:?\s*(?P<date>.{4,40}?)\.?$", re.I)
_CORRECTION_HEADING = re.compile(r"^(?:Corrected answer|Correction):?$", re.I)
_ERROR_IDENTIFIED = re.compile(
    r"^An error has been identified in the (?:written )?answer given on (?P<date>.{4,40}?)\.?$",
    re.I,
)
_CORRECT_ANSWER_INTRO = re.compile(r"^The correct answer should have been:?$", re.I)
_GROUPED = re.compile(
    r"^(?:Grouped questions?|(?:This (?:question|answer) was )?grouped with\b[^:]{0,80})"
    r"\s*:?\s*(?P<rest>.{0,300})$",
    re.I,
)
_GROUP_ID = re.compile(
    r"(?<![\w/])(?P<id>(?:HL\s?)?\d{1,7})(?![\w/])(?:,?\s*tabled on \d{1,2} [A-Za-z]{3,9} \d{4})?",
    re.I,
)
_ID_LIST = re.compile(
    r"(?:(?:UIN:?\s*)?(?:HL\s?)?\d{1,7}(?:,?\s*tabled on \d{1,2} [A-Za-z]{3,9} \d{4})?"
    r"(?:\s*[|,;]\s*|\s+|$))+",
    re.I,
)
_ATTACHMENTS = re.compile(r"^Attachments?(?:\s*\(\d+\))?:?$", re.I)
_HOUSE_LINE = re.compile(r"^(?:House of )?(?P<house>Commons|Lords)$", re.I)
_ROLE = re.compile(
    r"^(?:Minister|Parliamentary|Secretary|Under|Deputy|Assistant|Government|Whip|Leader"
    r"|Chief Secretary|Financial Secretary|Economic Secretary|Exchequer|Paymaster|Chancellor"
    r"|Attorney|Solicitor|Advocate|Prime Minister|Captain|Lords? Spokesperson|Spokesperson"
    r"|Baroness in Waiting|Lord in Waiting|Lord Privy Seal|Lord President)\b",
    re.I,
)
_DEPARTMENT_WORDS = re.compile(
    r"^(?:Department\b|Ministry\b|HM Treasury$|Treasury$|Cabinet Office$|Home Office$"
    r"|Foreign, Commonwealth|Northern Ireland Office$|Scotland Office$|Wales Office$"
    r"|Office of the\b|Attorney General$|House of Commons Commission$|Church Commissioners$"
    r"|Women and Equalities$)"
)
_DEPARTMENTS = frozenset(ADDRESSEE_TO_DEPARTMENT.values())
#: The words a labelled line can start with (any case), by their first characters: lines
#: that match none skip every label pattern.
_LABEL_WORDS = (
    ("a", r"Answer|Awaiting|An error|A holding|Attachment|Asked by"),
    ("c", r"Corrected|Correction"),
    ("t", r"The correct|This |Tabled|To ask"),
    ("h", r"Holding"),
    ("q", r"Question"),
    ("g", r"Grouped"),
    ("n", r"Named"),
    ("[", r"\[[NR]\]"),
    ("r", r"Registered"),
    ("i", r"Interest|Indicates"),
    ("d", r"Date for|Due for"),
    ("f", r"For answer"),
    ("w", r"Withdrawn"),
    ("u", r"UIN"),
    ("s", r"Skip to"),
    ("'‘’", r"['‘’]Named"),
)
_MAYBE_LABELLED = re.compile("|".join(words for _, words in _LABEL_WORDS), re.I)
#: Letters that the case-insensitive patterns also take for "i" and "s".
_CASE_LOOKALIKES = {"i": "\u0130\u0131", "s": "\u017f"}
#: The label words of each first character, one small pattern each (:func:`_maybe_labelled`).
_LABEL_WORDS_BY_INITIAL = {
    char: re.compile(words, re.I)
    for initials, words in _LABEL_WORDS
    for initial in initials
    for char in {initial, initial.upper(), *_CASE_LOOKALIKES.get(initial, "")}
}
#: "<Party>, <Constituency>" (the card's form) or "<Party> - <Constituency>"; the first
#: separator splits (seats may contain commas: "Caithness, Sutherland and Easter Ross").
_PARTY_SEAT = re.compile(r"(?P<party>[^,]+?)(?:,| [-–]) +(?P<seat>\S.*)")
_CHROME = frozenset({"Skip to main content"})
_SENTENCE_END = re.compile(r"[.?!:;)\]\"'”’]$")


def _question_for(text: str) -> str | None:
    """The body of a "Question for <body>" line, exactly as :data:`_QUESTION_FOR` reads it.

    The pattern's lazy body takes a backtracking step per character (the costliest match of
    a page); the same shortest body is found here with string methods.
    """
    label = _QUESTION_FOR_LABEL.match(text)
    if label is None:
        return None
    rest = text[label.end() :]
    if "\n" in rest:  # "$" also matches before a final line break: leave that to the pattern
        match = _QUESTION_FOR.match(text)
        return match.group("body") if match else None
    if not rest or rest[0].isspace():
        return None
    # the body ends before trailing whitespace and one final ":", but holds 2 to 151 characters
    core = rest[:-1].rstrip() if rest.endswith(":") else rest.rstrip()
    size = max(2, len(core))
    return rest[:size] if size <= min(151, len(rest)) else None


def _answered_on(text: str) -> tuple[bool, str | None]:
    """Whether ``text`` is an "Answered on" line, and its date, as :data:`_ANSWERED_ON` reads.

    Both patterns match the same lines and start the date at the same place; the lazy date
    is then the shortest of 4 to 41 characters followed by nothing but ``:?\\.?``.
    """
    if "\n" in text:  # "$" also matches before a final line break: leave that to the pattern
        lazy = _ANSWERED_ON.match(text)
        return (False, None) if lazy is None else (True, lazy.group("date"))
    match = _ANSWERED_ON_GREEDY.fullmatch(text)
    if match is None:
        return False, None
    start = match.start("date")
    if start < 0:
        return True, None
    end = len(text)  # the greedy date leaves at most ":." (so the lazy one is within 41)
    if text.endswith(":.") and end - start >= 6:
        end -= 2
    elif text.endswith((":", ".")) and end - start >= 5:
        end -= 1
    return True, text[start:end]


def _maybe_labelled(text: str) -> bool:
    """Whether ``text`` starts like a labelled line (:data:`_MAYBE_LABELLED` matches).

    The patterns of the line's first character alone are tried: the one alternation of all
    the words costs a failed try per word on every line.
    """
    words = _LABEL_WORDS_BY_INITIAL.get(text[:1])
    return words is not None and words.match(text) is not None


def _is_department(value: str) -> bool:
    return value in _DEPARTMENTS or _DEPARTMENT_WORDS.match(value) is not None


def _is_chrome(text: str, labelled: bool | None = None) -> bool:
    """Known chrome; ``labelled`` is :data:`_MAYBE_LABELLED`'s verdict when already known."""
    if text.endswith("Portrait"):
        return is_portrait_caption(text)
    if labelled is None:
        labelled = _maybe_labelled(text)
    if not labelled:
        return False
    first = text[:1].lower()
    return (
        text in _CHROME
        or (first in "'‘’n" and _NAMED_DAY_NOTE.match(text) is not None)
        or (first == "i" and _INTEREST_NOTE.match(text) is not None)
        or (first == "t" and _CORRECT_ANSWER_INTRO.match(text) is not None)
    )


#: First characters of the chrome lines that :func:`_is_chrome` knows besides captions.
_CHROME_INITIALS = frozenset("'‘’nNiItTS")
#: Common labelled starts that no chrome line has (the question, "This question was …").
_NEVER_CHROME = ("To ask", "This ")


def _may_be_chrome(text: str, labelled: bool) -> bool:
    """A cheap necessary condition for :func:`_is_chrome` (``text`` is not empty)."""
    return (
        labelled and text[0] in _CHROME_INITIALS and not text.startswith(_NEVER_CHROME)
    ) or text.endswith("Portrait")


def _date_in(text: str) -> datetime.date | None:
    match = DATE_IN_TEXT.search(text)
    return date_from_match(match) if match else None


def _normal_uin(raw: str) -> str:
    compact = raw.replace(" ", "").upper()
    return compact if compact.startswith("HL") else str(int(compact))


def _house_of_uin(uin: str | None) -> House | None:
    if uin is None:
        return None
    return House.LORDS if uin.startswith("HL") else House.COMMONS


# --- record drafts -----------------------------------------------------------------------
@attrs.define
class _Segment:
    """One answer version: the answer as given, or a correction of it."""

    is_correction: bool = False
    paragraphs: list[tuple[int, int]] = attrs.field(factory=list)
    corrected_by: str | None = None
    corrected_on: datetime.date | None = None
    original_on: datetime.date | None = None


class _Draft:
    """Everything read for one record so far.

    A plain class: the fields that start as constants are class attributes until set, so a
    record's draft costs only its span and its lists.
    """

    heading: str | None = None
    department: str | None = None
    uin: str | None = None
    asked_on: datetime.date | None = None
    question: tuple[int, int] | None = None
    named_day: bool | None = None
    interest: bool | None = None
    date_for_answer: datetime.date | None = None
    withdrawn: bool = False
    awaiting: bool = False
    answer_label: bool = False
    answered_on: datetime.date | None = None
    date_pending: bool = False
    holding_on: datetime.date | None = None
    trailer: bool = False

    def __init__(self, start: int, end: int) -> None:
        self.start = start
        self.end = end
        self.member_lines: list[Line] = []
        self.answerer_lines: list[Line] = []
        self.segments: list[_Segment] = []
        self.grouped: list[str] = []
        self.attachments: list[dict[str, Any]] = []

    def segment(self) -> _Segment:
        if not self.segments:
            self.segments.append(_Segment())
        return self.segments[-1]

    def correction(self) -> _Segment:
        current = self.segment()
        if current.is_correction and not current.paragraphs:
            return current
        if not current.is_correction and not current.paragraphs and len(self.segments) == 1:
            current.is_correction = True
            return current
        self.segments.append(_Segment(is_correction=True))
        return self.segments[-1]


@attrs.frozen
class _Hints:
    """What HTML markup says about the rendered lines."""

    attachments: dict[int, dict[str, Any]] = attrs.field(factory=dict)
    question_ends: dict[int, int] = attrs.field(factory=dict)


# --- text reading ------------------------------------------------------------------------
class _TextReader:
    """Reads the records of one page text, line by line, in one pass per record."""

    def __init__(self, text: str, lines: list[Line], report: Report, hints: _Hints) -> None:
        self.text = text
        self.lines = lines
        self.report = report
        self.hints = hints
        self.used: set[int] = set()
        #: The body of each "Question for" line, by line index (found once, by the bounds).
        self.bodies: dict[int, str] = {}

    def read(self) -> list[WrittenQuestion]:
        """All records, in document order; unread lines are reported as PQ103."""
        bounds = self._record_bounds()
        records: list[WrittenQuestion] = []
        for number, (first, stop, heading_at) in enumerate(bounds):
            last = number == len(bounds) - 1
            record = self._read_record(first, stop, heading_at, last)
            if record is not None:
                records.append(record)
        self._report_unparsed()
        return records

    def _record_bounds(self) -> list[tuple[int, int, int | None]]:
        lines = self.lines
        bodies = self.bodies
        for i, line in enumerate(lines):
            # the first letter spares most lines the pattern
            if line.text.startswith(("Q", "q")) and (body := _question_for(line.text)):
                bodies[i] = body
        anchors = list(bodies)
        if not anchors:
            anchors = [
                i
                for i, line in enumerate(lines)
                if line.text.startswith(("U", "u")) and _UIN.match(line.text)
            ]
        if not anchors:
            first = next(
                (i for i, line in enumerate(lines) if line.text and not _is_chrome(line.text)),
                None,
            )
            return [] if first is None else [(first, len(lines), None)]
        starts: list[tuple[int, int | None]] = []
        floor = 0
        for anchor in anchors:
            heading_at = self._heading_before(anchor, floor)
            starts.append((heading_at if heading_at is not None else anchor, heading_at))
            floor = anchor + 1
        return [
            (start, starts[n + 1][0] if n + 1 < len(starts) else len(lines), heading_at)
            for n, (start, heading_at) in enumerate(starts)
        ]

    def _heading_before(self, anchor: int, floor: int) -> int | None:
        for k in range(anchor - 1, floor - 1, -1):
            text = self.lines[k].text
            if not text:
                continue
            if _is_chrome(text) or (text[0] in "Uu" and _UIN.match(text)) or _label(text):
                return None
            return k
        return None

    def _read_record(
        self, first: int, stop: int, heading_at: int | None, last: bool
    ) -> WrittenQuestion | None:
        lines = self.lines
        draft = _Draft(start=lines[first].start, end=lines[first].end)
        if heading_at is not None:
            draft.heading = clean_inline(lines[heading_at].text)
            self.used.add(heading_at)
        i = first if heading_at is None else heading_at + 1
        i = self._read_header(draft, i, stop)
        self._read_tail(draft, i, stop)
        return self._build(draft, last)

    # header: department, UIN, indicators, asker, question text
    def _read_header(self, draft: _Draft, i: int, stop: int) -> int:
        lines, used, attachments = self.lines, self.used, self.hints.attachments
        bodies = self.bodies
        words_of = _LABEL_WORDS_BY_INITIAL.get
        while i < stop:
            line = lines[i]
            text = line.text
            if not text:
                i += 1
                continue
            words = words_of(text[:1])  # _maybe_labelled and _may_be_chrome, inlined
            labelled = words is not None and words.match(text) is not None
            if (
                (labelled and text[0] in _CHROME_INITIALS and not text.startswith(_NEVER_CHROME))
                or text.endswith("Portrait")
            ) and _is_chrome(text, labelled):
                i += 1
                continue
            if draft.question is not None:
                if line.end > self.hints.question_ends.get(draft.question[0], -1):
                    return i
                draft.question = (draft.question[0], line.end)
            elif not labelled and line.start not in attachments:
                draft.member_lines.append(line)
                used.add(i)
                i += 1
                continue
            elif text[0] in "Tt" and _TO_ASK.match(text):  # the usual labelled line first
                draft.question = (line.start, line.end)
            elif (body := bodies.get(i)) is not None:
                draft.department = clean_inline(body)
            elif text[0] in "Uu" and (match := _UIN.match(text)):
                self._read_uin(draft, match, line)
            elif text[0] in "Tt" and (match := _TABLED.match(text)):
                draft.asked_on = self._date(match.group("date"), line)
            elif self._indicator(draft, line, i):
                i += 1
                continue
            elif _label(text) or line.start in attachments:
                break
            else:
                draft.member_lines.append(line)
                used.add(i)
                i += 1
                continue
            used.add(i)  # a field line: it extends the record
            if line.end > draft.end:
                draft.end = line.end
            i += 1
        if draft.question is None and draft.member_lines:
            # no "To ask" line: the question is the last unlabelled line before the answer
            line = draft.member_lines.pop()
            draft.question = (line.start, line.end)
            draft.end = max(draft.end, line.end)
        return i

    def _read_uin(self, draft: _Draft, match: re.Match[str], line: Line) -> None:
        draft.uin = _normal_uin(match.group("uin"))
        rest = match.group("rest")
        tabled = _TABLED_IN_REST.search(rest)
        if tabled:
            written = rest[tabled.end() :].strip().rstrip(".")
            draft.asked_on = self._date(written, line)
        elif rest.strip(" ,."):
            self.report.at("PQ103", f"unparsed text: {rest.strip()[:60]!r}", line.start, line.end)

    def _indicator(self, draft: _Draft, line: Line, i: int) -> bool:
        text = line.text
        first = text[:1].lower()  # each indicator starts with a known letter
        if first in "[n" and _NAMED_DAY.match(text):
            draft.named_day = True
        elif first in "[ri" and _INTEREST.match(text):
            draft.interest = True
        elif first in "dfa" and (match := _DATE_FOR_ANSWER.match(text)):
            draft.date_for_answer = self._date(match.group("date"), line)
        elif first in "tqw" and _WITHDRAWN.match(text):
            draft.withdrawn = True
        else:
            return False
        self._use(i, draft)
        return True

    # tail: answer block, corrections, grouped questions, attachments, named-day note
    def _read_tail(self, draft: _Draft, i: int, stop: int) -> None:
        lines, used, attachments = self.lines, self.used, self.hints.attachments
        words_of = _LABEL_WORDS_BY_INITIAL.get
        mode = "before"
        while i < stop:
            line = lines[i]
            text = line.text
            i += 1
            if not text:
                if mode in ("attachments", "grouped"):
                    mode = "after"
                continue
            words = words_of(text[:1])  # _maybe_labelled and _may_be_chrome, inlined
            labelled = words is not None and words.match(text) is not None
            if (
                (labelled and text[0] in _CHROME_INITIALS and not text.startswith(_NEVER_CHROME))
                or text.endswith("Portrait")
            ) and _is_chrome(text, labelled):
                if _NAMED_DAY_NOTE.match(text):
                    draft.named_day = True
                    draft.trailer = True
                continue
            attachment = attachments.get(line.start) if attachments else None
            if attachment is not None:
                draft.attachments.append(attachment)
                draft.trailer = True
            elif draft.date_pending and (answered := parse_date(text)):
                draft.answered_on = answered
                draft.date_pending = False
            elif labelled and (new_mode := self._tail_label(draft, line, i - 1)):
                mode = new_mode
                continue
            elif mode == "body":
                if draft.date_pending:
                    draft.date_pending = False
                    self.report.at("PQ104", "no date after 'Answered on'", line.start, line.end)
                segments = draft.segments
                (segments[-1] if segments else draft.segment()).paragraphs.append(
                    (line.start, line.end)
                )
            elif mode == "card":
                draft.answerer_lines.append(line)
            elif mode == "grouped" and _ID_LIST.fullmatch(text):
                draft.grouped.extend(_normal_uin(m.group("id")) for m in _GROUP_ID.finditer(text))
            elif mode == "attachments":
                draft.attachments.append({"title": clean_inline(text), "url": None})
            else:
                continue
            used.add(i - 1)  # a line of the answer block: it extends the record
            if line.end > draft.end:
                draft.end = line.end

    def _tail_label(self, draft: _Draft, line: Line, i: int) -> str | None:
        """Read a labelled line of the answer block; the reading mode that follows it."""
        text = line.text
        first = text[:1].lower()  # each label starts with a known letter: skip the others
        # "A…" labels by their next letters (n, w, t and the space have no case look-alikes):
        # "Answer…" (not "An error"), "Awaiting", "Attachment", "A received a holding answer"
        second = text[1:2].lower() if first == "a" else ""
        answer_word = second == "n" and text[2:3] != " "
        mode: str | None = None
        if answer_word and (match := _ANSWERED_BY.match(text)):
            draft.answer_label = True
            who = match.group("who").strip()
            if who:
                draft.answerer_lines.append(Line(who, line.end - len(who), line.end))
            mode = "card"
        elif first == "c" and (match := _CORRECTED_BY.match(text)):
            draft.correction().corrected_by = clean_inline(match.group("who")) or None
            mode = "body"
        elif first == "c" and (match := _CORRECTED_ON.match(text)):
            draft.correction().corrected_on = self._date(match.group("date"), line)
            mode = "body"
        elif second == "n" and not answer_word and (match := _ERROR_IDENTIFIED.match(text)):
            draft.correction().original_on = self._date(match.group("date"), line)
            mode = "body"
        elif first == "c" and _CORRECTION_HEADING.match(text):
            draft.correction()
            mode = "body"
        elif answer_word and _ANSWER_HEADING.match(text):
            draft.answer_label = True
            mode = "card"
        elif answer_word and (answered := _answered_on(text))[0]:
            draft.answer_label = True
            written = answered[1]
            if written:
                draft.answered_on = self._date(written, line)
            else:
                draft.date_pending = True
            mode = "body"
        elif second == "w" and _AWAITING.match(text):
            draft.awaiting = True
            mode = "after"
        elif (first in "ht" or second == " ") and (match := _HOLDING.match(text)):
            draft.holding_on = _date_in(match.group("rest"))
            if draft.holding_on is None:
                self._bad_date(match.group("rest"), line)
            mode = "body" if draft.answer_label else "before"
        elif first in "gt" and (match := _GROUPED.match(text)):
            rest = match.group("rest")
            draft.grouped.extend(_normal_uin(m.group("id")) for m in _GROUP_ID.finditer(rest))
            draft.trailer = True
            mode = "grouped"
        elif second == "t" and _ATTACHMENTS.match(text):
            draft.trailer = True
            mode = "attachments"
        elif self._indicator(draft, line, i):  # also a withdrawn status line
            draft.trailer = True
            return "after"
        if mode is not None:
            self._use(i, draft)
        return mode

    def _is_attachment(self, line: Line) -> bool:
        return line.start in self.hints.attachments

    def _use(self, index: int, draft: _Draft) -> None:
        self.used.add(index)
        draft.end = max(draft.end, self.lines[index].end)

    def _date(self, written: str, line: Line) -> datetime.date | None:
        value = parse_date(written)
        if value is None:
            self._bad_date(written, line)
        return value

    def _bad_date(self, written: str, line: Line) -> None:
        self.report.at("PQ200", f"unreadable date {written!r}", line.start, line.end)

    # building the record
    def _build(self, draft: _Draft, last: bool) -> WrittenQuestion | None:
        if draft.question is None:
            self.report.at("PQ104", "the question text is missing", draft.start, draft.end)
            return None
        asked_by, member_house = self._member(draft.member_lines)
        minister, answer_department, answerer = self._answerer(draft.answerer_lines)
        question, worded_house = question_from(
            self.text,
            draft.question,
            asked_by=asked_by,
            asked_on=draft.asked_on,
            department=draft.department or answer_department,
            date_for_answer=draft.date_for_answer,
        )
        extra: dict[str, Any] = {}
        if answerer:
            extra["answerer"] = answerer
        answer = None if draft.withdrawn else self._answer(draft, minister, extra)
        complete = not last or self._looks_whole(draft, question.text, answer)
        if not complete:
            self.report.at("PQ102", "the input is cut off inside a record", draft.start, draft.end)
        named_day = draft.named_day
        if named_day is None and complete and (draft.uin or draft.department):
            named_day = False  # a whole page of a named-day question carries the note
        if draft.holding_on:
            extra["holding_answer_on"] = draft.holding_on.isoformat()
        if draft.attachments:
            extra["attachments"] = draft.attachments
        return WrittenQuestion(
            heading=draft.heading,
            uin=draft.uin,
            legislature=Legislature.UK_PARLIAMENT,
            house=_house_of_uin(draft.uin) or member_house or worded_house,
            named_day=named_day,
            registered_interest=draft.interest,
            withdrawn=draft.withdrawn,
            grouped_question_ids=_grouped_ids(draft.grouped, draft.uin) if draft.grouped else (),
            question=question,
            answer=answer,
            complete=complete,
            span=Span(draft.start, draft.end),
            extra=extra,
        )

    def _answer(
        self, draft: _Draft, minister: Minister | None, extra: dict[str, Any]
    ) -> Answer | None:
        if not draft.answer_label and not draft.segments:
            return None
        segments = draft.segments
        if len(segments) < 2 and not (segments and segments[0].is_correction):
            correction, original = None, (segments[0] if segments else None)  # the usual case
        else:
            correction = next((s for s in reversed(segments) if s.is_correction), None)
            original = next((s for s in segments if not s.is_correction), None)
        if correction is None:
            return answer_from(
                self.text,
                original.paragraphs if original else [],
                answered_by=minister,
                answered_on=draft.answered_on,
            )
        answered_on = draft.answered_on or correction.original_on
        corrected_by = minister
        if correction.corrected_by and (
            minister is None or minister.name != correction.corrected_by
        ):
            corrected_by = parse_minister(correction.corrected_by)
        if correction.corrected_on:
            extra["corrected_on"] = correction.corrected_on.isoformat()
        if original and original.paragraphs:
            first = original.paragraphs[0][0]
            given = answer_from(self.text, original.paragraphs, answered_on=answered_on)
            extra["original_answer"] = {
                "text": given.text,
                "paragraphs": list(given.paragraphs),
                "answered_by": minister.name if minister else None,
                "answered_on": answered_on.isoformat() if answered_on else None,
                "span": [first, original.paragraphs[-1][1]],
            }
        return answer_from(
            self.text,
            correction.paragraphs,
            answered_by=corrected_by,
            answered_on=answered_on,
            is_correction=True,
        )

    def _member(self, lines: list[Line]) -> tuple[Member | None, House | None]:
        """Asker block: name, then "Party, Constituency" (or party and seat lines), house."""
        if not lines:
            return None, None
        texts = [clean_inline(line.text) for line in lines]
        asked = _ASKED_BY.match(texts[0])
        if asked:
            texts = [asked.group("name").strip(), *texts[1:]] if asked.group("name") else texts[1:]
        name = texts[0] if texts else None
        party: str | None = None
        seat: str | None = None
        house: House | None = None
        for position, value in enumerate(texts[1:], start=1):
            house_line = _HOUSE_LINE.match(value)
            if house_line:
                house = House(house_line.group("house").capitalize())
            elif position == 1 and (split := _PARTY_SEAT.match(value)):
                party, seat = split.group("party"), split.group("seat")
            elif party is None and position == 1:
                party = value
            elif seat is None:
                seat = value
            else:
                unread = lines[min(position, len(lines) - 1)]
                self.report.at("PQ103", f"unparsed text: {value[:60]!r}", unread.start, unread.end)
        return Member(name=name or None, party=party, constituency=seat), house

    def _answerer(
        self, lines: list[Line]
    ) -> tuple[Minister | None, str | None, dict[str, str] | None]:
        """Answerer block: a person (name, role or party, seat, house) or a department."""
        texts = [  # a caption holds the word: other lines skip the check
            clean_inline(line.text)
            for line in lines
            if "Portrait" not in line.text or not is_portrait_caption(line.text)
        ]
        if not texts:
            return None, None, None
        if _is_department(texts[0]):
            return None, texts[0], None
        role = texts[1] if len(texts) > 1 and _ROLE.match(texts[1]) else None
        details: dict[str, str] = {}
        for value in texts[1 if role is None else 2 :]:
            house_line = _HOUSE_LINE.match(value)
            if house_line:
                details["house"] = house_line.group("house").capitalize()
            elif "party" not in details and role is None:
                details["party"] = value
            elif "constituency" not in details:
                details["constituency"] = value
        return parse_minister(texts[0], role), None, details or None

    def _looks_whole(self, draft: _Draft, question_text: str, answer: Answer | None) -> bool:
        if draft.trailer or draft.withdrawn or draft.awaiting:
            return True
        if draft.date_pending or (draft.answer_label and draft.answered_on is None):
            return False
        if answer is None:
            return _SENTENCE_END.search(question_text) is not None
        if not answer.paragraphs:
            return False
        final = answer.paragraphs[-1]
        return " | " in final or _SENTENCE_END.search(final) is not None

    def _report_unparsed(self) -> None:
        """One PQ103 per run of adjacent unread lines (blank and chrome lines end a run)."""
        lines = self.lines
        runs: list[list[Line]] = []
        after = -2  # the index after the current run's last line
        for index in sorted(set(range(len(lines))).difference(self.used)):
            line = lines[index]
            if not line.text or _is_chrome(line.text):
                continue
            if index == after:
                runs[-1].append(line)
            else:
                runs.append([line])
            after = index + 1
        for run in runs:
            self.report.at(
                "PQ103", f"unparsed text: {run[0].text[:60]!r}", run[0].start, run[-1].end
            )


def _grouped_ids(grouped: list[str], uin: str | None) -> tuple[str, ...]:
    """The grouped question ids, first occurrences in order, without the record's own."""
    return tuple(dict.fromkeys(g for g in grouped if g != uin))


#: The lines that open the answer block or one of its parts.
_LABELS = (
    _ANSWERED_BY,
    _ANSWER_HEADING,
    _ANSWERED_ON,
    _AWAITING,
    _HOLDING,
    _CORRECTED_BY,
    _CORRECTED_ON,
    _CORRECTION_HEADING,
    _ERROR_IDENTIFIED,
    _GROUPED,
    _ATTACHMENTS,
)
#: Their first letters (lower case): a line starting otherwise skips the patterns.
_LABEL_INITIALS = frozenset("acght")


def _label(text: str) -> bool:
    """True for a line that opens the answer block or one of its parts."""
    return (
        text[:1].lower() in _LABEL_INITIALS
        and _maybe_labelled(text)
        and any(pattern.match(text) for pattern in _LABELS)
    )


# --- HTML --------------------------------------------------------------------------------
_CARD = "card-written-question"
_CARD_FIELDS = (
    "overlay-link",
    "primary-info",
    "secondary-info",
    "content-text",
    "secondary-text",
    "sub-card-question-text",
    "ask-info",
    "answer-info",
)
_CARD_FIELD_SET = frozenset(_CARD_FIELDS)
_DETAIL_PATH = re.compile(
    r"/written-questions/detail/(?P<date>\d{4}-\d{2}-\d{2})/(?P<uin>(?:HL)?\d{1,7})/?(?:[?#]|$)",
    re.I,
)
_MEMBER_ID = re.compile(r"/(?P<id>\d{1,7})/contact\b")
_ANSWER_INFO = re.compile(r"^Answered\b(?:\s+on)?\s*:?\s*(?P<date>.{0,40}?)\.?$", re.I)
_STATEMENT = re.compile(r"^Statement(?: made by)?$", re.I)
_ATTACHMENT_HREF = re.compile(
    r"\.(?:pdf|xlsx?|docx?|csv|odt|ods|pptx?)(?:[?#]|$)|/attachments?/", re.I
)
_REFERENCE_INDICATOR = re.compile(r"^(?:UIN:?\s*)?(?P<uin>(?:HL)?\s?\d{1,7})$", re.I)
_HTML_END = re.compile(r"</(?:html|body)\s*>\s*$", re.I)


_CHROME_CLASSES = ("result-text", "next", "pagination")
_CHROME_TAGS = ("header", "nav", "footer", "form", "h1")

Spans = dict[etree._Element, tuple[int, int]]


def _parse_html(source: str, report: Report) -> Parsed:
    root = parse_html(source)
    if root is None:
        report.add("PQ401", "the HTML could not be parsed")
        return Parsed("", ())
    rendered = render_with_spans(root)
    report.text = rendered.text
    cut_off = _HTML_END.search(source[-4096:]) is None
    main = rendered.by_id.get("main-content")
    region = rendered.spans[main] if main is not None else (0, len(rendered.text))
    cards = rendered.having(_CARD)
    if cards:
        records = _read_cards(rendered, root, cards, region, report, cut_off)
    else:
        records = _read_detail(rendered, root if main is None else main, region, report)
    return Parsed(rendered.text, tuple(records))


def _read_cards(
    rendered: RenderedHtml,
    root: etree._Element,
    cards: list[etree._Element],
    region: tuple[int, int],
    report: Report,
    cut_off: bool,
) -> list[WrittenQuestion]:
    covered: list[tuple[int, int]] = []
    records: list[WrittenQuestion] = []
    for number, card in enumerate(cards):
        last = cut_off and number == len(cards) - 1
        records.append(_read_card(rendered, card, report, last))
        covered.append(rendered.spans[card])
    covered.extend(rendered.spans[el] for name in _CHROME_CLASSES for el in rendered.having(name))
    covered.extend(rendered.spans[el] for el in root.iter(*_CHROME_TAGS))
    _report_gaps(rendered.text, region, covered, report)
    return records


def _read_card(
    rendered: RenderedHtml, card: etree._Element, report: Report, maybe_cut: bool
) -> WrittenQuestion:
    """One listing card; fields by class, UIN and date tabled from the overlay link."""
    text, spans = rendered.text, rendered.spans
    fields: dict[str, etree._Element] = {}
    indicators: list[etree._Element] = []
    for element in card.iter():
        names = element.get("class")
        if not names:
            continue
        tokens = names.split()
        for token in tokens:
            if token in _CARD_FIELD_SET and token not in fields:
                fields[token] = element
        if "indicator-label" in tokens:
            indicators.append(element)
    used: list[tuple[int, int]] = []

    def value(token: str) -> tuple[str, int, int] | None:
        element = fields.get(token)
        if element is None or spans[element][0] == spans[element][1]:
            return None
        start, end = spans[element]
        used.append((start, end))
        return clean_inline(text[start:end]), start, end

    extra: dict[str, Any] = {}
    uin, asked_on = _card_link(fields.get("overlay-link"), extra)
    department = value("primary-info")
    heading = value("secondary-info")
    asked_by = _card_member(rendered, fields.get("content-text"), value("secondary-text"), extra)
    if fields.get("content-text") is not None:
        used.append(spans[fields["content-text"]])
    asked_info = value("ask-info")
    if asked_info:
        shown = _date_in(asked_info[0])
        if asked_on is None:
            asked_on = shown
        elif shown is not None and shown != asked_on:
            report.at(
                "PQ105", f"card date {shown} differs from the link's {asked_on}", *asked_info[1:]
            )
    named_day, interest = _card_indicators(rendered, indicators, uin, used, report)
    card_span = spans[card]
    question_part = value("sub-card-question-text")
    if question_part is None:
        report.at("PQ104", "the card has no question text", *card_span)
        question_stretch = (card_span[1], card_span[1])
    else:
        question_stretch = question_part[1:]
    question, worded_house = question_from(
        text,
        question_stretch,
        asked_by=asked_by,
        asked_on=asked_on,
        department=department[0] if department else None,
    )
    answer, withdrawn, status_seen = _card_answer(text, value("answer-info"), report)
    complete = not maybe_cut or (status_seen and _SENTENCE_END.search(question.text) is not None)
    if not complete:
        report.at("PQ102", "the page is cut off inside a card", *card_span)
    _report_gaps(text, card_span, used, report)
    return WrittenQuestion(
        heading=heading[0] if heading else None,
        uin=uin,
        legislature=Legislature.UK_PARLIAMENT,
        house=_house_of_uin(uin) or worded_house,
        named_day=named_day,
        registered_interest=interest,
        withdrawn=withdrawn,
        question=question,
        answer=answer,
        complete=complete,
        span=Span(*card_span),
        extra=extra,
    )


def _card_link(
    link: etree._Element | None, extra: dict[str, Any]
) -> tuple[str | None, datetime.date | None]:
    match = _DETAIL_PATH.search(link.get("href") or "") if link is not None else None
    if match is None:
        return None, None
    extra["url"] = f"https://questions-statements.parliament.uk{match.group()}".rstrip("/")
    return _normal_uin(match.group("uin")), datetime.date.fromisoformat(match.group("date"))


def _card_member(
    rendered: RenderedHtml,
    content: etree._Element | None,
    seat_part: tuple[str, int, int] | None,
    extra: dict[str, Any],
) -> Member | None:
    """Asker: the first text line of ``.content-text`` (up to its contact link)."""
    name: str | None = None
    if content is not None:
        start, end = rendered.spans[content]
        line_end = rendered.text.find("\n", start, end)
        stop = end if line_end < 0 else line_end
        for link in content.iter("a"):
            link_start, link_end = rendered.spans[link]
            if start < link_start < stop and link_end > link_start:
                stop = link_start
            member_id = _MEMBER_ID.search(link.get("href") or "")
            if member_id:
                extra["asking_member_id"] = int(member_id.group("id"))
        name = clean_inline(rendered.text[start:stop]) or None
    party = seat = None
    if seat_part:
        party, _, seat = (part.strip() for part in seat_part[0].partition(", "))
    if name is None and not party:
        return None
    return Member(name=name, party=party or None, constituency=seat or None)


def _card_indicators(
    rendered: RenderedHtml,
    indicators: list[etree._Element],
    uin: str | None,
    used: list[tuple[int, int]],
    report: Report,
) -> tuple[bool | None, bool | None]:
    named_day: bool | None = None
    interest: bool | None = None
    for element in indicators:
        start, end = rendered.spans[element]
        label = clean_inline(rendered.text[start:end])
        if not label:
            continue
        reference = _REFERENCE_INDICATOR.match(label)
        if _NAMED_DAY.match(label):
            named_day = True
        elif _INTEREST.match(label):
            interest = True
        elif reference:
            if uin is not None and _normal_uin(reference.group("uin")) != uin:
                report.at("PQ105", f"card reference {label!r} differs from UIN {uin}", start, end)
        else:
            continue
        used.append((start, end))
    return named_day, interest


def _card_answer(
    text: str, info: tuple[str, int, int] | None, report: Report
) -> tuple[Answer | None, bool, bool]:
    """Answer date (the card shows no answer text), withdrawn flag, whether a status shows."""
    if info is None:
        return None, False, False
    status, start, end = info
    if _AWAITING.match(status):
        return None, False, True
    if _WITHDRAWN.match(status):
        return None, True, True
    match = _ANSWER_INFO.match(status)
    if match is None:
        report.at("PQ105", f"unexpected answer status {status!r}", start, end)
        return None, False, True
    answered_on = parse_date(match.group("date"))
    if answered_on is None:
        report.at("PQ200", f"unreadable date {match.group('date')!r}", start, end)
    return answer_from(text, [], answered_on=answered_on), False, True


def _read_detail(
    rendered: RenderedHtml, main: etree._Element, region: tuple[int, int], report: Report
) -> list[WrittenQuestion]:
    """A detail page: the main column read by the text rules, the markup adding the rest."""
    text, spans = rendered.text, rendered.spans

    def _inside(element: etree._Element) -> bool:
        start, end = spans[element]
        return region[0] <= start and end <= region[1]

    if any(_STATEMENT.match(_content(rendered, el)) for el in main.iter("h3")):
        report.at("PQ100", "a written statement, not a written question", *region)
        return []
    sidebars = [el for el in rendered.having("secondary-content", "col-lg-4") if _inside(el)]
    sidebar_spans = [spans[el] for el in sidebars]
    withdrawn = any("withdrawn" in _content(rendered, el).lower() for el in sidebars)
    attachments = _attachment_lines(rendered, main.iter("a"), sidebar_spans)
    lines: list[Line] = []
    sidebar_lines: list[Line] = []
    low, high = region
    for line in split_lines(text):
        start = line.start
        for sidebar_start, sidebar_end in sidebar_spans:
            if sidebar_start <= start < sidebar_end:
                sidebar_lines.append(line)
                break
        else:
            if low <= start <= high:
                lines.append(line)
    box = rendered.by_id.get("collapse-details")
    question_ends = dict([spans[box]]) if box is not None and _inside(box) else {}
    reader = _TextReader(text, lines, report, _Hints(attachments, question_ends))
    records = reader.read()
    if not records:
        return []
    first = _apply_sidebar(records[0], sidebar_lines, withdrawn)
    return [first, *records[1:]]


def _content(rendered: RenderedHtml, element: etree._Element) -> str:
    start, end = rendered.spans[element]
    return clean_inline(rendered.text[start:end])


def _attachment_lines(
    rendered: RenderedHtml, links: Iterable[etree._Element], excluded: list[tuple[int, int]]
) -> dict[int, dict[str, Any]]:
    """Links to files that stand on a line of their own, keyed by that line's start."""
    text = rendered.text
    found: dict[int, dict[str, Any]] = {}
    for element in links:
        href = element.get("href")
        if not href or not _ATTACHMENT_HREF.search(href):
            continue
        start, end = rendered.spans[element]
        if start == end or any(s <= start < e for s, e in excluded):
            continue
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        if line_start == start and end == (len(text) if line_end < 0 else line_end):
            found[start] = {"title": clean_inline(text[start:end]), "url": href}
    return found


def _apply_sidebar(
    record: WrittenQuestion, sidebar: Sequence[Line], withdrawn: bool
) -> WrittenQuestion:
    named_day, interest = record.named_day, record.registered_interest
    for line in sidebar:
        if _NAMED_DAY.match(line.text) or _NAMED_DAY_NOTE.match(line.text):
            named_day = True
        elif _INTEREST.match(line.text):
            interest = True
    if withdrawn:
        return attrs.evolve(
            record, withdrawn=True, answer=None, named_day=named_day, registered_interest=interest
        )
    if named_day is record.named_day and interest is record.registered_interest:
        return record  # the sidebar adds nothing (an evolved copy would equal it)
    return attrs.evolve(record, named_day=named_day, registered_interest=interest)


def _report_gaps(
    text: str, region: tuple[int, int], covered: list[tuple[int, int]], report: Report
) -> None:
    """One PQ103 per stretch of ``region`` with text that no covered span accounts for."""
    position = region[0]
    for start, end in sorted(covered):
        if end <= position:
            continue
        if start > position:
            _report_stretch(text, position, min(start, region[1]), report)
        position = max(position, end)
        if position >= region[1]:
            return
    _report_stretch(text, position, region[1], report)


def _report_stretch(text: str, start: int, end: int, report: Report) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        lead = start + len(piece) - len(piece.lstrip())
        report.at("PQ103", f"unparsed text: {stripped[:60]!r}", lead, lead + len(stripped))


# --- entry point -------------------------------------------------------------------------
def parse(source: str, report: Report) -> Parsed:
    """Parse a questions-statements page: listing cards or detail pages, text or HTML."""
    if looks_like_html(source):
        return _parse_html(source, report)
    report.text = source
    reader = _TextReader(source, split_lines(source), report, _Hints())
    return Parsed(source, tuple(reader.read()))


FORMAT = Format(
    name=NAME,
    description="questions-statements.parliament.uk written question pages (text or HTML)",
    detect=detect,
    parse=parse,
)
