"""Parallel Parliament listings: department, member and search pages and alert samples.

Many records per page, in four renderings (see ``docs/formats/parallelparliament-listing.md``):
the current listing ("Written Question" / heading / "Thursday 25th April 2024" / "Asked by:
Name (Party - Seat)" / "Question to the X:" / question / "Answered by Name - Role" / answer),
the compact crawl (records start at "Asked by:", single newlines), department alert samples
(a "Written Answers" section whose records start at the heading before "Asked by:", also
flattened into markdown-table lines) and the 2021 layout ("Questioner:", "Question",
"Answer (Name)", "12 Apr 2021"). HTML is rendered to text lines and read by the same rules.
The unlabelled date a listing shows for a record goes to ``listed_on`` only.
"""

from __future__ import annotations

import datetime
import re
from operator import itemgetter

from pqparse.extract.dates import parse_date
from pqparse.extract.members import parse_member
from pqparse.extract.ministers import parse_minister
from pqparse.extract.records import Stretch, all_clean, answer_from, question_from
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
from pqparse.text.normalize import clean_inline

__all__ = ["FORMAT", "NAME", "detect", "parse"]

NAME = "parallelparliament-listing"


# --- detection -------------------------------------------------------------------------------

_DETECT_WINDOW = 200_000
_LISTING_CUE = re.compile(
    r"(?m)^[ \t]*(?:Written Question[ \t]*$|Asked by:|Questioner:)"
    r"|>[ \t\n]*(?:Written Question[ \t\n]*<|Asked by:|Questioner:)"
)
# Labels only a single question page has: with one "Question to the" line they make the text
# a page, even one showing "Asked by:" or a "Written Question" badge.
_PAGE_ONLY_CUE = re.compile(
    r"\(asked on \d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+ \d{4}\)|This question was answered on \d"
)
_QUESTION_TO_CUE = re.compile(
    r"(?m)^[ \t]*Question to the [^\n]{2,150}:[ \t]*$"
    r"|>[ \t\n]*Question to the [^<\n]{2,150}:[ \t\n]*<"
)
_ALERT_CUE = re.compile(r"Alert Sample")
_WRITTEN_ANSWERS_CUE = re.compile(r"(?m)(?:^|>)[ \t]*Written Answers\b")

# --- line kinds ------------------------------------------------------------------------------

_LABEL = re.compile(
    r"(?P<record>Written Question)$"
    r"|Asked by:\s*(?P<asker>\S.*)"
    r"|Questioner:\s*(?P<questioner>\S.*)"
    r"|Question to the (?P<body>[^:]{2,150}):$"
    r"|(?P<question>Question)$"
    r"|Answered by:?\s+(?P<minister>\S.*)"
    r"|Answer \((?P<answerer>[^()]{2,120})\)$"
)
_LISTED_DATE = re.compile(
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+"
    r"[A-Z][a-z]{2,8}\.?\s+\d{4}$"
)
_CHROME_EXACT = frozenset(
    {
        "View sample alert",
        "Keep yourself up-to-date with the latest developments by exploring our subscription "
        "options to receive notifications direct to your inbox",
        "Alert Sample",
        "Note: This sample does not contain the most recent 2 weeks of information. Up to date "
        "samples can only be viewed by Subscribers.",
        "Click here to view Subscription options.",
        "View calendar",
        "View calendar - Add to calendar",
        "Add to calendar",
    }
)
_CHROME_PATTERN = re.compile(
    r"To match an exact phrase, use quotation marks around the search term\."
    r"|Tip: To match a phrase, use quotation marks around the search term\."
    r"|View the Parallel Parliament page for the "
    r"|Information between \S.{0,60} - \S"
    r"|[|:\s-]*\|[|:\s-]*$"
    r"|-{3,}[|:\s-]*$"
)
_ALERT_WORDS = "Alert Sample"
_ALERT_TITLE = re.compile(r"(?:.{2,150} )?Alert Sample(?:\s*\|[|\s]*)?$")
_SECTION = re.compile(
    r"(?P<name>Written Answers|Calendar|Parliamentary Debates|Select Committee Documents"
    r"|Written Statements|Secondary Legislation|Bill Documents|Department Publications[^|]{0,60}"
    r"|Parliamentary Research|Petitions)(?:\s*\|[|\s]*)?$"
)
_PAGER_TOKEN = r"(?:[«‹»›]|Previous|Prev|Next|First|Last|Page \d{1,5} of \d{1,5}|\d{1,5}|…|\.\.\.)"
_PAGER_LINE = re.compile(rf"{_PAGER_TOKEN}(?:\s+{_PAGER_TOKEN})*$")
_PAGER_WORD = re.compile(r"[A-Za-z«‹»›]")
_PAGER_START = re.compile(r"[«‹»›PNFL….\d]")  # the first characters of the pager tokens
_FIRST = itemgetter(0)
# a pager link no answer line is made of: a run of pager lines with one ends the listing
_PAGER_LINK = re.compile(r"[«‹»›]|\b(?:Previous|Prev|Next)\b|Page \d{1,5} of \d{1,5}")
_TRAILING_PIPES = re.compile(r"\s*\|[|\s]*$")
# Guards: how a (stripped) line can begin when it is a label, chrome or an alert-sample
# section name; lines beginning otherwise skip those patterns (tests check each guard against
# its bare pattern).
_LABEL_PREFIXES = ("Written Question", "Asked by:", "Question", "Answer")
_CHROME_PREFIXES = (  # the lines _CHROME_PATTERN matches
    "To match an exact phrase",
    "Tip: To match a phrase",
    "View the Parallel Parliament page for the ",
    "Information between ",
    "|",
    ":",
    "-",
)
_CHROME_FIRST = frozenset("VKANCTI|:-")  # any chrome line, exact ones included
_SECTION_FIRST = frozenset("WCPSBD")
# a line with content, without its surrounding spaces; blank lines are never needed
_CONTENT_LINE = re.compile(r"(?m)^[^\S\n]*(\S[^\n]*)$")

# --- inline labels (alert samples flattened into table rows) ----------------------------------

_INLINE_DATE = re.compile(
    r"(?<!\S)(?P<date>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+\d{1,2}(?:st|nd|rd|th)\s+"
    r"[A-Z][a-z]{2,8}\s+\d{4})(?!\S)"
)
_INLINE_BODY = re.compile(r"(?<!\S)Question to the (?P<body>[^:]{2,150}):(?!\S)")
_INLINE_ANSWERED = re.compile(r"(?<!\S)Answered by (?=\S)")
_NAME_ROLE = re.compile(r"\s[-–]\s")
_ROLE_WITH_PARENS = re.compile(r"[^()]*\([^()]*\)(?:\s*\([^()]*\))*")

# --- house and completeness ------------------------------------------------------------------

# The whole seat label: "Bishop Auckland" is a constituency, "Bishops" a peerage type.
_PEERAGE = re.compile(
    r"Life peer|Bishops?|Excepted Hereditary|Hereditary|Law Lord|Lords? Spiritual", re.I
)
_PEER_NAME = re.compile(r"^(?:The )?(?:Lord|Baroness|Viscount|Viscountess|Earl|Countess|Duke)\b")
_LORDS_QUESTION = re.compile(r"^To ask (?:His|Her) Majesty's Government\b", re.I)
_TO_ASK = re.compile(r"^To ask\b", re.I)
_SENTENCE_END = re.compile(r"[.?!:;)\]\"'”’|]$")
_LINK_STARTS = ("http://", "https://", "www.")
_TABLE_CELL_GAP = " | "

_UNREAD, _FIELD, _CHROME, _PAGER = 0, 1, 2, 3
_HEAD, _ASKER, _QUESTION, _ANSWER = range(4)
_PREAMBLE, _IGNORED, _RECORDS = range(3)
_ALERT_TITLE_WITHIN = 40  # lines; navigation may come before the title in a saved page


def detect(text: str) -> float:
    """Score ``text`` as a Parallel Parliament listing (several records per page)."""
    bodies = _QUESTION_TO_CUE.finditer(text, 0, _DETECT_WINDOW)
    first = next(bodies, None) is not None
    several = first and next(bodies, None) is not None
    if first and not several and _PAGE_ONLY_CUE.search(text, 0, _DETECT_WINDOW):
        return 0.1
    if _LISTING_CUE.search(text, 0, _DETECT_WINDOW):
        return 0.95
    if several:
        return 0.9
    if _ALERT_CUE.search(text, 0, _DETECT_WINDOW) and _WRITTEN_ANSWERS_CUE.search(
        text, 0, _DETECT_WINDOW
    ):
        return 0.8
    return 0.0


class _Draft:
    """A record being read: located stretches and values, in document order."""

    __slots__ = (
        "answer",
        "answered",
        "asker",
        "department",
        "ends",
        "heading",
        "listed_on",
        "minister",
        "question",
        "role_open",
        "start",
        "state",
    )

    def __init__(self, start: int) -> None:
        self.start = start
        self.ends: list[int] = []
        self.state = _HEAD
        self.heading: Stretch | None = None
        self.listed_on: datetime.date | None = None
        self.asker: Member | None = None
        self.department: str | None = None
        self.question: list[Stretch] = []
        self.answered = False
        self.minister: Minister | None = None
        self.role_open = False
        self.answer: list[Stretch] = []

    def take(self, end: int) -> None:
        """Note that the record reaches ``end``."""
        self.ends.append(end)

    @property
    def end(self) -> int:
        """Offset just after the last stretch that belongs to the record."""
        return self.ends[-1] if self.ends else self.start


class _Reader:
    """Walks the lines once, opening and filling drafts; marks what each line was."""

    def __init__(self, text: str, lines: list[Line], report: Report) -> None:
        self.text = text
        self.lines = lines
        self.report = report
        self.kind = bytearray(len(lines))
        self.drafts: list[_Draft] = []
        self.current: _Draft | None = None
        # the last line given to a draft as a paragraph, and whose list holds it
        self.last_paragraph: tuple[int, _Draft, list[Stretch]] | None = None
        self.alert = _is_alert_sample(text, lines)

    # -- driving ------------------------------------------------------------------------------

    def read(self) -> list[_Draft]:
        """Read every line; drafts come back in document order."""
        lines = self.lines
        _mark_pagination(lines, self.kind)
        zone = _PREAMBLE if self.alert else _RECORDS
        kind = self.kind
        alert = self.alert
        for index, line in enumerate(lines):
            text = line.text
            if kind[index]:
                if kind[index] == _PAGER:
                    self._close()  # text after a pager (a footer) belongs to no record
                continue
            first = text[0]
            if alert:
                section = _SECTION.match(text) if first in _SECTION_FIRST else None
                if section and not self._next_is_asker(index):
                    kind[index] = _CHROME
                    self._close()
                    zone = _RECORDS if section.group("name") == "Written Answers" else _IGNORED
                    continue
                if zone != _RECORDS:
                    # the preamble, or a section holding no written answers (calendar,
                    # debates, ...): known chrome, the rest is reported as unparsed
                    if _is_chrome(text) or _is_alert_title(text):
                        kind[index] = _CHROME
                    continue
            if text.startswith(_LABEL_PREFIXES) and self._labelled(index, line):
                continue
            if first in _CHROME_FIRST and _is_chrome(text):
                kind[index] = _CHROME
            else:
                self._text(index, line)
        self._close()
        return self.drafts

    def _labelled(self, index: int, line: Line) -> bool:
        """Read a label line; ``False`` when the line is no label where it stands."""
        label = _LABEL.match(line.text)
        kind = label.lastgroup if label else None
        if label is None or kind is None:
            return False
        if kind == "record":
            self._open(index, line.start)
            self.kind[index] = _FIELD
        elif kind in ("asker", "questioner"):
            self._asker(index, line, label.start(kind))
        elif kind == "body":
            self._body(index, line, label.group("body"))
        elif kind == "question":
            return self._question_label(index, line)
        else:
            return self._answered(index, line, label)
        return True

    # -- records ------------------------------------------------------------------------------

    def _open(self, index: int, start: int) -> _Draft:
        self._close()
        draft = _Draft(start)
        self.current = draft
        self.drafts.append(draft)
        return draft

    def _close(self) -> None:
        self.current = None
        self.last_paragraph = None

    def _asker(self, index: int, line: Line, member_at: int) -> None:
        draft = self.current
        if draft is None or draft.asker is not None or draft.state >= _QUESTION:
            heading = self._heading_before(index, line)
            draft = self._open(index, line.start)
            if heading is not None:
                draft.start = heading[0]
                draft.heading = heading
                draft.take(heading[1])
        self.kind[index] = _FIELD
        draft.state = _ASKER
        member_start = line.start + member_at
        rest = self.text[member_start : line.end]
        if _has_inline_body(rest) or _has_inline_date(rest):
            self._flattened(draft, member_start, line.end)
        else:
            draft.asker = parse_member(rest)
        draft.take(line.end)

    def _heading_before(self, index: int, line: Line) -> Stretch | None:
        """Alert samples: the heading is the text line just before "Asked by:"."""
        if not (self.alert or _has_inline_date(line.text) or self._next_is_date(index)):
            return None
        previous = index - 1
        if previous < 0:
            return None
        before = self.lines[previous]
        owner = self.last_paragraph
        if owner is not None and owner[0] == previous:
            owner[2].pop()
            owner[1].ends.pop()
        elif self.kind[previous] != _UNREAD:
            return None
        self.kind[previous] = _FIELD
        return _strip_pipes(self.text, before.start, before.end)

    def _flattened(self, draft: _Draft, start: int, end: int) -> None:
        """An alert-sample record flattened onto the "Asked by:" line."""
        text = self.text
        body = _INLINE_BODY.search(text, start, end)
        date = _INLINE_DATE.search(text, start, body.start() if body else end)
        member_end = date.start() if date else body.start() if body else end
        draft.asker = parse_member(text[start:member_end])
        if date:
            draft.listed_on = self._listed_date(date.group("date"), date.start(), date.end())
        if body is None:
            return
        draft.department = clean_inline(body.group("body"))
        draft.state = _QUESTION
        answered = _INLINE_ANSWERED.search(text, body.end(), end)
        question = _trimmed(text, body.end(), answered.start() if answered else end)
        if question[0] < question[1]:
            draft.question.append(question)
        if answered is None:
            return
        draft.state = _ANSWER
        draft.answered = True
        after = answered.end()
        split = _NAME_ROLE.search(text, after, end)
        if split is None:
            draft.minister = parse_minister(text[after:end])
            return
        role = _ROLE_WITH_PARENS.match(text, split.end(), end)
        role_end = role.end() if role else end
        draft.minister = parse_minister(text[after : split.start()], text[split.end() : role_end])
        draft.role_open = text.count("(", split.end(), role_end) > text.count(
            ")", split.end(), role_end
        )
        paragraph = _trimmed(text, role_end, end)
        if paragraph[0] < paragraph[1]:
            draft.answer.append(paragraph)

    def _body(self, index: int, line: Line, body: str) -> None:
        draft = self.current
        if draft is None or draft.department is not None or draft.question or draft.answered:
            draft = self._open(index, line.start)
        self.kind[index] = _FIELD
        draft.department = clean_inline(body)
        draft.state = _QUESTION
        draft.take(line.end)

    def _question_label(self, index: int, line: Line) -> bool:
        draft = self.current
        if draft is None or draft.state >= _QUESTION:
            return False
        self.kind[index] = _FIELD
        draft.state = _QUESTION
        draft.take(line.end)
        return True

    def _answered(self, index: int, line: Line, label: re.Match[str]) -> bool:
        draft = self.current
        if draft is None or draft.answered:
            return False
        self.kind[index] = _FIELD
        draft.state = _ANSWER
        draft.answered = True
        draft.take(line.end)
        if label.lastgroup == "answerer":
            draft.minister = parse_minister(label.group("answerer"))
            return True
        who = label.group("minister")
        split = _NAME_ROLE.search(who)
        if split is None:
            draft.minister = parse_minister(who)
            return True
        role = who[split.end() :]
        draft.minister = parse_minister(who[: split.start()], role)
        draft.role_open = role.count("(") > role.count(")")
        return True

    def _text(self, index: int, line: Line) -> None:
        draft = self.current
        if draft is None:
            return  # loose text: reported as unparsed unless a later heading claims it
        state = draft.state
        if state == _ANSWER:  # the common cases first: answer and question paragraphs
            self._paragraph(index, line, draft, draft.answer)
            return
        if state == _QUESTION:
            self._paragraph(index, line, draft, draft.question)
            return
        text = line.text
        if draft.listed_on is None and _LISTED_DATE.match(text):  # state is _HEAD or _ASKER
            draft.listed_on = self._listed_date(text, line.start, line.end)
        elif state == _HEAD and draft.heading is None and draft.listed_on is None:
            draft.heading = _strip_pipes(self.text, line.start, line.end)
        elif state == _ASKER and _TO_ASK.match(text):
            draft.state = _QUESTION
            self._paragraph(index, line, draft, draft.question)
            return
        else:
            return
        self.kind[index] = _FIELD
        draft.take(line.end)

    def _paragraph(self, index: int, line: Line, draft: _Draft, into: list[Stretch]) -> None:
        text, start, end = line
        if text[-1] == "|" and into is draft.answer:
            trailing = _TRAILING_PIPES.search(text)
            if trailing and trailing.start():
                end = start + trailing.start()
        into.append((start, end))
        draft.ends.append(line.end)
        self.kind[index] = _FIELD
        self.last_paragraph = (index, draft, into)

    def _listed_date(self, written: str, start: int, end: int) -> datetime.date | None:
        listed = parse_date(written)
        if listed is None:
            self.report.at("PQ200", f"unreadable date {written!r}", start, end)
        return listed

    # -- look-ahead ---------------------------------------------------------------------------

    def _next_content(self, index: int) -> Line | None:
        return self.lines[index + 1] if index + 1 < len(self.lines) else None

    def _next_is_date(self, index: int) -> bool:
        following = self._next_content(index)
        return following is not None and _LISTED_DATE.match(following.text) is not None

    def _next_is_asker(self, index: int) -> bool:
        following = self._next_content(index)
        return following is not None and following.text.startswith("Asked by:")


def _content_lines(text: str) -> list[Line]:
    """The lines that hold text, stripped, with their offsets (blank lines left out).

    Splits on newlines only, like :data:`_CONTENT_LINE` (``str.strip`` and the regex agree on
    what whitespace is); much faster than trying the regex at every offset.
    """
    lines: list[Line] = []
    append = lines.append
    new_line = tuple.__new__  # Line(...) without the named tuple's Python-level __new__
    position = 0
    for raw in text.split("\n"):
        length = len(raw)
        content = raw.strip()
        if content is raw:  # nothing to strip (or an empty line)
            if length:
                append(new_line(Line, (raw, position, position + length)))
        elif content:
            start = position + length - len(raw.lstrip())
            append(new_line(Line, (content, start, start + len(content))))
        position += length + 1
    return lines


def _content_lines_by_regex(text: str) -> list[Line]:
    """The reference definition of :func:`_content_lines` (kept for the equivalence test)."""
    lines = []
    for match in _CONTENT_LINE.finditer(text):
        content = match.group(1).rstrip()
        start = match.start(1)
        lines.append(Line(content, start, start + len(content)))
    return lines


def _has_inline_date(text: str) -> bool:
    """An :data:`_INLINE_DATE` in ``text`` (every weekday name ends in "day": a cheap check)."""
    return "day" in text and _INLINE_DATE.search(text) is not None


def _has_inline_body(text: str) -> bool:
    """An :data:`_INLINE_BODY` in ``text`` (its words first, as an exact substring)."""
    return "Question to the " in text and _INLINE_BODY.search(text) is not None


def _is_chrome(line: str) -> bool:
    """Known chrome: an exact chrome line, or one the chrome pattern matches (tried only on
    lines that begin as its alternatives do)."""
    return line in _CHROME_EXACT or (
        line.startswith(_CHROME_PREFIXES) and _CHROME_PATTERN.match(line) is not None
    )


def _is_alert_sample(text: str, lines: list[Line]) -> bool:
    """An alert sample names itself ("<Dept> Alert Sample") near the top of the page.

    The words must then occur in the text up to the end of the last line looked at (one
    C-level search spares most pages the line-by-line test).
    """
    head = lines[:_ALERT_TITLE_WITHIN]
    if not head or text.find(_ALERT_WORDS, 0, head[-1].end) < 0:
        return False
    return any(_is_alert_title(line.text) for line in head)


def _is_alert_title(line: str) -> bool:
    """``<Dept> Alert Sample``; the substring test spares most lines the pattern's backtracking."""
    return _ALERT_WORDS in line and _ALERT_TITLE.match(line) is not None


def _mark_pagination(lines: list[Line], kind: bytearray) -> None:
    """Pager links ("« Previous", "1 2 3 … Next »", "Page 2 of 41") are chrome.

    A run of pager lines is a pager when one of them is a pager link, or (at the very end of
    the input) when it has several lines or a word.
    """
    runs: list[list[int]] = []
    for index in _pager_lines(lines):
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    last = len(lines) - 1
    for run in runs:
        if any(_PAGER_LINK.search(lines[i].text) for i in run) or (
            run[-1] == last
            and (len(run) > 1 or any(_PAGER_WORD.search(lines[i].text) for i in run))
        ):
            for index in run:
                kind[index] = _PAGER


def _pager_lines(lines: list[Line]) -> list[int]:
    """Indexes of the lines made of pager tokens only, in order.

    The lines' first characters, joined, are scanned once (C level) for the characters a
    pager token starts with; only those lines are tried against the whole pattern.
    """
    firsts = "".join(map(_FIRST, map(_FIRST, lines)))  # Line.text, then its first character
    return [
        match.start()
        for match in _PAGER_START.finditer(firsts)
        if _PAGER_LINE.match(lines[match.start()].text)
    ]


def _strip_pipes(text: str, start: int, end: int) -> Stretch:
    if text[end - 1] != "|":
        return start, end
    trailing = _TRAILING_PIPES.search(text, start, end)
    return (start, trailing.start() if trailing and trailing.start() > start else end)


def _trimmed(text: str, start: int, end: int) -> Stretch:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _house(question: Question, house: House | None, minister: Minister | None) -> House | None:
    asker = question.asked_by
    seat = asker.constituency if asker else None
    if seat and _PEERAGE.fullmatch(seat):
        return House.LORDS
    if _LORDS_QUESTION.match(question.text) or house is House.LORDS:
        return House.LORDS
    if asker and asker.name and not seat and _PEER_NAME.match(asker.name):
        return House.LORDS
    if house is House.COMMONS or seat or _TO_ASK.match(question.text):
        return House.COMMONS
    if minister and _PEER_NAME.match(minister.name):
        return House.LORDS
    return None


def _cut_off(draft: _Draft, question: Question, answer: Answer | None) -> bool:
    """Whether the input ends inside this (last) record."""
    if not question.text:
        return True
    if answer is None:
        return not _is_finished(question.text)
    if draft.role_open or not answer.paragraphs:
        return True
    return not _is_finished(answer.paragraphs[-1])


def _is_finished(value: str) -> bool:
    """Text ending a sentence, a link or a table row (its trailing pipe already dropped)."""
    if _SENTENCE_END.search(value) or _TABLE_CELL_GAP in value:
        return True
    words = value.rsplit(None, 1)
    return bool(words) and words[-1].startswith(_LINK_STARTS)


def _record(text: str, draft: _Draft, report: Report, last: bool) -> WrittenQuestion:
    house: House | None = None
    if draft.question:
        stretch = (draft.question[0][0], draft.question[-1][1])
        question, house = question_from(
            text, stretch, asked_by=draft.asker, department=draft.department
        )
    else:
        question = Question(text="", asked_by=draft.asker, department=draft.department)
    answer = None
    if draft.answered or draft.answer:
        answer = answer_from(
            text, draft.answer, answered_by=draft.minister, clean=all_clean(text, draft.answer)
        )
    span = Span(draft.start, draft.end)
    complete = not (last and _cut_off(draft, question, answer))
    if not complete:
        report.at("PQ102", "the listing is cut off inside this record", span.start, span.end)
    elif not question.text:
        report.at("PQ104", "the question text is missing", span.start, span.end)
    heading = clean_inline(text[draft.heading[0] : draft.heading[1]]) if draft.heading else None
    return WrittenQuestion(
        heading=heading or None,
        uin=None,
        legislature=Legislature.UK_PARLIAMENT,
        house=_house(question, house, draft.minister),
        question=question,
        answer=answer,
        complete=complete,
        listed_on=draft.listed_on,
        span=span,
    )


def _report_unparsed(lines: list[Line], kind: bytearray, report: Report) -> None:
    """One PQ103 warning per run of lines that are neither fields nor known chrome."""
    first: Line | None = None
    last: Line | None = None
    for index, line in enumerate(lines):
        if kind[index] == _UNREAD:
            first = first or line
            last = line
            continue
        if first and last:
            report.at("PQ103", f"unparsed text: {first.text[:60]!r}", first.start, last.end)
        first = last = None
    if first and last:
        report.at("PQ103", f"unparsed text: {first.text[:60]!r}", first.start, last.end)


def _chrome_after(lines: list[Line], kind: bytearray, end: int) -> bool:
    """Whether a known chrome line comes after offset ``end``."""
    for index in range(len(lines) - 1, -1, -1):
        if lines[index].start < end:
            return False
        if kind[index] in (_CHROME, _PAGER):
            return True
    return False


def parse(source: str, report: Report) -> Parsed:
    """Parse a Parallel Parliament listing or alert sample (text or HTML)."""
    text = html_to_text(source) if looks_like_html(source) else source
    report.text = text
    lines = _content_lines(text)
    reader = _Reader(text, lines, report)
    drafts = reader.read()
    count = len(drafts)
    # the input runs on past the last record (pager links, a later alert-sample section):
    # nothing can have cut that record off
    open_end = count > 0 and not _chrome_after(lines, reader.kind, drafts[-1].end)
    records = tuple(
        _record(text, draft, report, open_end and index == count - 1)
        for index, draft in enumerate(drafts)
    )
    _report_unparsed(lines, reader.kind, report)
    return Parsed(text, records)


FORMAT = Format(
    name=NAME,
    description="Parallel Parliament listing, search results or department alert sample",
    detect=detect,
    parse=parse,
)
