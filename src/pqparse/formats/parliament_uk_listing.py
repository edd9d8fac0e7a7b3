"""parliament.uk "Written questions and answers" listing pages (2014–2020).

The old search pages (``parliament.uk/business/publications/written-questions-answers-
statements/written-questions-answers/?…``, ``parliament.uk/writtenanswers`` and webarchive
copies) show 20/50/100 records per page. Two inputs are read (see
``docs/formats/parliament-uk-listing.md``):

* copied page text: page chrome, then records anchored on their ``Asked on:`` line
  (``Q`` / ``Asked by X`` / ``(Constituency)`` / ``[R]`` / ``[N]`` before it; department,
  heading, ``Commons``/``Lords``, question, ``A`` / ``Answered by:`` / ``Answered on:`` /
  paragraphs after it); the last record is usually cut off;
* saved HTML: one ``qna-result-container`` per record with ``qna-result-*`` field elements.
  Its ``Document.text`` is the fields' text rendered one per line, record after record.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

import attrs
from lxml import etree

from pqparse.extract.dates import parse_date
from pqparse.extract.members import split_trailing_parenthetical
from pqparse.extract.ministers import parse_minister
from pqparse.extract.records import answer_from, question_from
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
from pqparse.text.builder import TextBuilder
from pqparse.text.html import element_to_text, looks_like_html, parse_html
from pqparse.text.lines import Line, split_lines
from pqparse.text.normalize import clean_inline

__all__ = ["FORMAT", "NAME", "detect", "parse"]

NAME = "parliament-uk-listing"

# ---------------------------------------------------------------- labels of a record

_ASKED_ON = re.compile(r"Asked on:\s*(?P<date>.{0,60})")
_ASKED_BY = re.compile(r"Asked by:?\s+(?P<name>\S.{0,200})")
# a seat is words, spaces, commas, hyphens and apostrophes: "(Sheffield, Heeley)"; a
# parenthesised answer paragraph ("(Figures are rounded.)", "(Source: ONS)") is not
_SEAT_CHARS = r"[^()\d.:;!?\"/%=£$@#*+<>\[\]{}|]"
_CONSTITUENCY = re.compile(rf"\((?P<seat>[^\W\d_]{_SEAT_CHARS}{{1,80}})\)")
_TRUNCATED_CONSTITUENCY = re.compile(rf"\((?P<seat>[^\W\d_]{_SEAT_CHARS}{{0,80}})")
_ANSWERED_BY = re.compile(r"Answered by:\s*(?P<name>.{0,200})")
_ANSWERED_ON = re.compile(r"Answered on:\s*(?P<date>.{0,60})")
_HOLDING = re.compile(r"Holding answer received on:?\s*(?P<date>.{0,60})")
_CORRECTED_BY = re.compile(r"Corrected answer by:\s*(?P<name>.{0,200})")
_CORRECTED_ON = re.compile(r"Corrected on:\s*(?P<date>.{0,60})")
_ERROR_IDENTIFIED = re.compile(
    r"An error has been identified in the written answer given on (?P<date>[^.]{4,40})\.?"
)
_CORRECT_ANSWER = re.compile(r"The correct answer should have been:?")
_GROUPED = re.compile(r"Grouped Questions:?\s*(?P<ids>.{0,2000})", re.IGNORECASE)
_ID_SEPARATORS = re.compile(r"[\s|,;]+")
_LORDS_ID_GAP = re.compile(r"\b(HL)\s+(?=\d)", re.IGNORECASE)
_UIN = re.compile(r"(?:HL)?\d{1,6}", re.IGNORECASE)
_HOUSES = {"Commons": House.COMMONS, "Lords": House.LORDS}
_RECORD_MARK = "Q"
_ANSWER_MARK = "A"
# a complete last paragraph ends like a sentence (a ":" introduces something cut off)
_SENTENCE_END = re.compile(r"[.?!;)\]\"'”’]$")

# ---------------------------------------------------------------- chrome

_TOOLTIP_LINES = frozenset(
    {
        "Close",
        "Named Day",
        "Registered Interest",
        "Indicates that a relevant interest has been declared.",
    }
)
_NAMED_DAY_TOOLTIP = re.compile(r"['‘’]Named day['‘’] questions only occur")
_NAMED_DAY_SENTENCE = (
    "'Named day' questions only occur in the House of Commons. The MP tabling the question "
    "specifies the date on which they should receive an answer. MPs may not table more than "
    "five named day questions on a single day."
)
_UIN_SENTENCE = (
    "Unique Identifying Number – Every written question in the House of Commons has a UIN per "
    "Parliament. In the House of Lords each written questions has a UIN per parliamentary session."
)
_HEADER_LINES = frozenset(
    {
        "Written questions and answers",
        "Written questions allow Members of Parliament to ask government ministers for "
        "information on the work, policy and activities of government departments.",
        "Historical written answers can be found in Hansard.",
        "Show",
        "by:",
        "Show by:",
        "Find by:",
        "Close",
        "UIN",
        "Results per page",
        "There are no results",
    }
)
_HEADER_PATTERN = re.compile(
    r"Find the latest written questions and answers for the [\w–-]{2,12} session below\..{0,200}"
    r"|Unique Identifying Number [–-] .{0,300}"
)
# pager chrome may also follow the last record of a full copy
_PAGER = re.compile(
    r"Showing \d[\d,]*\s*-\s*\d[\d,]*\s+out of \d[\d,]*"
    r"|Results per page(?: \d+(?: \| \d+)*)?|Expand all answers|Print selected"
)
_CHROME_TEXTS = (
    *_TOOLTIP_LINES,
    *_HEADER_LINES,
    _NAMED_DAY_SENTENCE,
    _UIN_SENTENCE,
    "Expand all answers",
    "Print selected",
    "Results per page 20 | 50 | 100",
)

# ---------------------------------------------------------------- detection

_DETECT_WINDOW = 200_000
_ASKED_ON_LINE = re.compile(r"(?m)^[ \t]*Asked on:[ \t]*\d{1,2} [A-Z][a-z]{2,8} \d{4}[ \t]*$")
_LISTING_CUES = re.compile(
    r"(?m)^[ \t]*(?:Historical written answers can be found in Hansard\."
    r"|Showing \d+-\d+ out of \d+|Results per page 20 \| 50 \| 100|Commons|Lords"
    r"|Answered on: \d{2} [A-Z][a-z]{2,8} \d{4})[ \t]*$"
)
_HTML_CONTAINER = re.compile(r"class=[\"'][^\"']*\bqna-result-container\b")
_HTML_FIELD = re.compile(r"class=[\"'][^\"']*\bqna-result-")


def detect(text: str) -> float:
    """Score ``text`` as a parliament.uk written questions listing (text or HTML)."""
    if _HTML_CONTAINER.search(text, 0, _DETECT_WINDOW * 5):
        return 0.97
    if _HTML_FIELD.search(text, 0, _DETECT_WINDOW * 5):
        return 0.85
    asked_on = _ASKED_ON_LINE.search(text, 0, _DETECT_WINDOW) is not None
    cue = _LISTING_CUES.search(text, 0, _DETECT_WINDOW) is not None
    if asked_on:
        return 0.95 if cue else 0.7
    header = "Historical written answers can be found in Hansard." in text[:20_000]
    return 0.6 if header and cue else 0.0


def parse(source: str, report: Report) -> Parsed:
    """Parse a listing page: copied text, or saved HTML with ``qna-result-*`` elements."""
    if looks_like_html(source) and _HTML_FIELD.search(source):
        return _parse_html(source, report)
    report.text = source
    return Parsed(source, tuple(_TextListing(source, report).records()))


# ================================================================ page text


def _is_tooltip(text: str) -> bool:
    return text in _TOOLTIP_LINES or _NAMED_DAY_TOOLTIP.match(text) is not None


def _is_header_chrome(text: str) -> bool:
    return (
        text in _HEADER_LINES
        or _HEADER_PATTERN.fullmatch(text) is not None
        or _PAGER.fullmatch(text) is not None
    )


def _is_truncated_chrome(text: str) -> bool:
    """A chrome line cut off by the end of the input ("'Named da", "Indicates that a rel")."""
    return len(text) >= 3 and any(known.startswith(text) for known in _CHROME_TEXTS)


#: First letters of every answer label ("A", "Answered …", "Corrected …").
_LABEL_INITIALS = frozenset("AC")


def _is_answer_label(text: str) -> bool:
    if text[:1] not in _LABEL_INITIALS:  # spare most lines the patterns
        return False
    return (
        text == _ANSWER_MARK
        or _ANSWERED_BY.match(text) is not None
        or _ANSWERED_ON.match(text) is not None
        or _CORRECTED_BY.match(text) is not None
        or _CORRECTED_ON.match(text) is not None
    )


@attrs.define
class _Preamble:
    """What precedes a record's ``Asked on:`` line: markers, asker, constituency."""

    start: int
    name: str | None = None
    constituency: str | None = None
    named_day: bool = False
    registered_interest: bool = False

    @property
    def informative(self) -> bool:
        return bool(self.name or self.constituency or self.named_day or self.registered_interest)


@attrs.define
class _AnswerHead:
    """The labelled lines that open an answer block."""

    answered_by: str | None = None
    answered_on: datetime.date | None = None
    holding_on: datetime.date | None = None
    corrected_on: datetime.date | None = None
    is_correction: bool = False
    seen: bool = False


class _AnswerBlock(NamedTuple):
    """One answer as the page shows it: its labels and its paragraph lines."""

    head: _AnswerHead
    paragraphs: list[Line]


class _TextListing:
    """One pass over the lines of a copied listing page."""

    def __init__(self, text: str, report: Report) -> None:
        self.text = text
        self.report = report
        self.lines = split_lines(text)
        self.used = bytearray(len(self.lines))
        self.last = self._last_content_line()

    def _last_content_line(self) -> int:
        for index in range(len(self.lines) - 1, -1, -1):
            if self.lines[index].text:
                return index
        return -1

    def records(self) -> Iterator[WrittenQuestion]:
        """Every record in document order; PQ103 for leftovers once all are read."""
        lines = self.lines
        anchors = [i for i, line in enumerate(lines) if line.text.startswith("Asked on:")]
        starts: list[int] = []
        floor = 0
        for anchor in anchors:
            starts.append(self._preamble_start(anchor, floor))
            floor = anchor + 1
        tail_from = anchors[-1] + 1 if anchors else 0
        fragment = self._tail_fragment(tail_from, len(lines))
        body_ends = [*starts[1:], fragment if fragment is not None else len(lines)]
        self._mark_header(starts[0] if starts else len(lines) if fragment is None else fragment)
        for index, anchor in enumerate(anchors):
            last = index == len(anchors) - 1 and fragment is None
            yield self._record(starts[index], anchor, body_ends[index], last)
        if fragment is not None:
            cut = self._fragment_record(fragment)
            if cut is not None:
                yield cut
        self._report_unparsed()

    # ------------------------------------------------------------ boundaries

    def _preamble_start(self, anchor: int, floor: int) -> int:
        """First line of the ``Q`` / ``Asked by`` / ``(seat)`` / markers run before ``anchor``.

        The run keeps the page's order (``Q``, ``Asked by``, seat, ``[R]``, ``[N]``), so a
        line out of that order (e.g. an answer's closing parenthesis) ends it.
        """
        start = anchor
        rank = _PREAMBLE_END
        j = anchor - 1
        while j >= floor:
            text = self.lines[j].text
            if not text or _is_tooltip(text):
                j -= 1
                continue
            found = _preamble_rank(text)
            if found is None or found >= rank:
                break
            start, rank = j, found
            j -= 1
        return start

    def _tail_fragment(self, low: int, high: int) -> int | None:
        """Start of a record cut off before its ``Asked on:`` line, if the input ends in one."""
        start: int | None = None
        keyed = False
        rank = _PREAMBLE_END
        j = high - 1
        while j >= low:
            text = self.lines[j].text
            if not text or _is_tooltip(text) or (j == self.last and _is_truncated_chrome(text)):
                j -= 1
                continue
            found = _preamble_rank(text)
            if found is None and j == self.last and _TRUNCATED_CONSTITUENCY.fullmatch(text):
                found = _SEAT_RANK
            if found is None or found >= rank:
                break
            start, rank = j, found
            keyed = keyed or found != _SEAT_RANK
            j -= 1
        return start if keyed else None

    def _mark_header(self, end: int) -> None:
        for index in range(end):
            text = self.lines[index].text
            if text and (
                _is_header_chrome(text)
                or _is_tooltip(text)
                or (index == self.last and _is_truncated_chrome(text))
            ):
                self.used[index] = 1

    # ------------------------------------------------------------ one record

    def _read_preamble(self, start: int, end: int) -> _Preamble:
        preamble = _Preamble(start)
        for index in range(start, end):
            text = self.lines[index].text
            if not text:
                continue
            match = _ASKED_BY.fullmatch(text)
            seat = _CONSTITUENCY.fullmatch(text)
            if seat is None and index == self.last:
                seat = _TRUNCATED_CONSTITUENCY.fullmatch(text)
            if match:
                preamble.name = clean_inline(match.group("name"))
            elif seat:
                preamble.constituency = clean_inline(seat.group("seat"))
            elif text == "[N]":
                preamble.named_day = True
            elif text == "[R]":
                preamble.registered_interest = True
            elif not (
                text == _RECORD_MARK
                or _is_tooltip(text)
                or (index == self.last and _is_truncated_chrome(text))
            ):
                continue
            self.used[index] = 1
        return preamble

    def _date(self, written: str, line: Line, label: str) -> datetime.date | None:
        value = parse_date(written.strip())
        if value is None:
            self.report.at("PQ200", f"unreadable {label} date {written!r}", line.start, line.end)
        return value

    def _record(self, start: int, anchor: int, end: int, last: bool) -> WrittenQuestion:
        lines = self.lines
        preamble = self._read_preamble(start, anchor)
        anchor_line = lines[anchor]
        self.used[anchor] = 1
        date_text = _ASKED_ON.match(anchor_line.text)
        asked_on = self._date(date_text.group("date") if date_text else "", anchor_line, "asked")
        content = [i for i in range(anchor + 1, end) if lines[i].text]
        department, heading, house, position = self._heads(anchor, content)
        question_lines, position = self._question_lines(content, position)
        blocks, grouped = self._answer_blocks(content, position)
        span_end = lines[content[-1]].end if content else anchor_line.end
        record_start = lines[start].start
        if question_lines:
            q_span = (lines[question_lines[0]].start, lines[question_lines[-1]].end)
        else:
            q_span = (anchor_line.end, anchor_line.end)
            self.report.at("PQ104", "record without question text", record_start, span_end)
        question, implied_house = question_from(
            self.text,
            q_span,
            asked_by=_member(preamble),
            asked_on=asked_on,
            department=department,
        )
        chosen, original = _chosen_block(blocks)
        answer = None if chosen is None else self._answer(chosen, original)
        house = house or implied_house
        final = blocks[-1] if blocks else None
        complete = not last or _looks_complete(question.text, final, grouped)
        if not complete:
            self.report.at(
                "PQ102", "the page is cut off inside this record", record_start, span_end
            )
        return WrittenQuestion(
            heading=heading,
            uin=None,
            legislature=Legislature.UK_PARLIAMENT,
            house=house,
            named_day=_named_day(preamble.named_day, house, markers_shown=True),
            registered_interest=_registered_interest(
                preamble.registered_interest, house, markers_shown=True
            ),
            grouped_question_ids=grouped,
            question=question,
            answer=answer,
            complete=complete,
            span=Span(record_start, span_end),
            extra=self._answer_extra(chosen, original),
        )

    def _heads(
        self, anchor: int, content: Sequence[int]
    ) -> tuple[str | None, str | None, House | None, int]:
        """Department, heading and house lines after ``Asked on:``; returns the next position."""
        lines = self.lines
        for offset in range(min(3, len(content))):
            house = _HOUSES.get(lines[content[offset]].text)
            if house is None:
                continue
            for k in range(offset + 1):
                self.used[content[k]] = 1
            department = lines[content[0]].text if offset >= 1 else None
            heading = lines[content[1]].text if offset == 2 else None
            if department is None:
                line = lines[anchor]
                self.report.at(
                    "PQ104", "no department line after 'Asked on:'", line.start, line.end
                )
            return department, heading, house, offset + 1
        # no house line: department, then a heading unless the question starts at once
        taken: list[str] = []
        position = 0
        while position < min(2, len(content)):
            text = lines[content[position]].text
            if text.startswith(("To ask", "What ")) or _is_answer_label(text):
                break
            taken.append(text)
            self.used[content[position]] = 1
            position += 1
        if content:
            line = lines[anchor]
            self.report.at("PQ104", "no 'Commons'/'Lords' line in record", line.start, line.end)
        department = taken[0] if taken else None
        heading = taken[1] if len(taken) > 1 else None
        return department, heading, None, position

    def _question_lines(self, content: Sequence[int], position: int) -> tuple[list[int], int]:
        """The question: every line up to the answer block (a question may run to paragraphs).

        Returns the question's line indices and the position after them.
        """
        lines = self.lines
        taken: list[int] = []
        while position < len(content):
            index = content[position]
            text = lines[index].text
            if _is_answer_label(text) or (text[:1] in "Gg" and _GROUPED.match(text)):
                break
            taken.append(index)
            self.used[index] = 1
            position += 1
        while taken and _PAGER.fullmatch(lines[taken[-1]].text):
            taken.pop()  # pager chrome after the last record of a full copy
        return taken, position

    def _answer_head(self, content: Sequence[int], position: int, head: _AnswerHead) -> int:
        """Read ``A`` / ``Answered by:`` / ``Answered on:`` / holding / correction lines."""
        lines = self.lines
        while position < len(content):
            line = lines[content[position]]
            text = line.text
            if text == _ANSWER_MARK:
                pass
            elif match := _ANSWERED_BY.fullmatch(text):
                head.answered_by = clean_inline(match.group("name")) or None
            elif match := _ANSWERED_ON.fullmatch(text):
                head.answered_on = self._date(match.group("date"), line, "answer")
            elif match := _HOLDING.fullmatch(text):
                head.holding_on = self._date(match.group("date"), line, "holding answer")
            elif match := _CORRECTED_BY.fullmatch(text):
                head.answered_by = clean_inline(match.group("name")) or None
                head.is_correction = True
            elif match := _CORRECTED_ON.fullmatch(text):
                head.corrected_on = self._date(match.group("date"), line, "correction")
                head.is_correction = True
            elif match := _ERROR_IDENTIFIED.fullmatch(text):
                head.answered_on = self._date(match.group("date"), line, "original answer")
                head.is_correction = True
            elif _CORRECT_ANSWER.fullmatch(text):
                head.is_correction = True
            else:
                break
            head.seen = True
            self.used[content[position]] = 1
            position += 1
        return position

    def _paragraphs(
        self, content: Sequence[int], position: int
    ) -> tuple[list[Line], tuple[str, ...], int]:
        """Answer paragraphs (one per line) up to ``Grouped Questions:``, then grouped ids."""
        lines = self.lines
        paragraphs: list[Line] = []
        grouped: list[str] = []
        while position < len(content):
            index = content[position]
            line = lines[index]
            if line.text[:1] in _LABEL_INITIALS and self._opens_answer(content, position):
                break
            if line.text[:1] in "Gg" and (match := _GROUPED.fullmatch(line.text)):
                self.used[index] = 1
                grouped.extend(_uins(match.group("ids")))
                position += 1
                while position < len(content):
                    ids = _uin_list(lines[content[position]].text)
                    if ids is None:
                        break
                    grouped.extend(ids)
                    self.used[content[position]] = 1
                    position += 1
                break
            self.used[index] = 1
            if not _PAGER.fullmatch(line.text):
                paragraphs.append(line)
            position += 1
        return paragraphs, tuple(dict.fromkeys(grouped)), position

    def _answer_blocks(
        self, content: Sequence[int], position: int
    ) -> tuple[list[_AnswerBlock], tuple[str, ...]]:
        """Every answer block (labels, then paragraphs) and the grouped ids after them.

        A corrected answer may be followed by the answer it corrects, each with its labels.
        """
        blocks: list[_AnswerBlock] = []
        grouped: list[str] = []
        while True:
            head = _AnswerHead()
            position = self._answer_head(content, position, head)
            paragraphs, found, position = self._paragraphs(content, position)
            if head.seen or paragraphs:
                blocks.append(_AnswerBlock(head, paragraphs))
            grouped.extend(found)
            if position >= len(content) or not self._opens_answer(content, position):
                return blocks, tuple(dict.fromkeys(grouped))

    def _opens_answer(self, content: Sequence[int], position: int) -> bool:
        """Whether an answer block starts at ``position`` (a bare ``A`` only before a label)."""
        text = self.lines[content[position]].text
        if text != _ANSWER_MARK:
            return _is_answer_label(text)
        following = position + 1
        if following >= len(content):
            return False
        label = self.lines[content[following]].text
        return label != _ANSWER_MARK and _is_answer_label(label)

    def _answer(self, block: _AnswerBlock, original: _AnswerBlock | None) -> Answer:
        head = block.head
        minister: Minister | None = parse_minister(head.answered_by) if head.answered_by else None
        answered_on = head.answered_on or (original.head.answered_on if original else None)
        return answer_from(
            self.text,
            [(line.start, line.end) for line in block.paragraphs],
            answered_by=minister,
            answered_on=answered_on,
            is_correction=head.is_correction,
        )

    def _answer_extra(
        self, chosen: _AnswerBlock | None, original: _AnswerBlock | None
    ) -> dict[str, Any]:
        extra: dict[str, Any] = {}
        if chosen is None:
            return extra
        holding_on = chosen.head.holding_on or (original.head.holding_on if original else None)
        if holding_on:
            extra["holding_answer_on"] = holding_on.isoformat()
        if chosen.head.corrected_on:
            extra["corrected_on"] = chosen.head.corrected_on.isoformat()
        if original is not None and original.paragraphs:
            extra["original_answer"] = "\n\n".join(
                clean_inline(line.text) for line in original.paragraphs
            )
        return extra

    def _fragment_record(self, start: int) -> WrittenQuestion | None:
        """The record the page cuts off before its ``Asked on:`` line (``complete=False``)."""
        lines = self.lines
        preamble = self._read_preamble(start, len(lines))
        end = lines[self.last].end
        self.report.at(
            "PQ102",
            "the page is cut off before this record's 'Asked on:' line",
            lines[start].start,
            end,
        )
        if not preamble.informative:
            return None
        # a seat line and the markers occur only on Commons records; a marker after the cut
        # is unknown, but "[R]" always precedes "[N]"
        commons = preamble.constituency is not None or preamble.named_day
        return WrittenQuestion(
            heading=None,
            uin=None,
            house=House.COMMONS if commons or preamble.registered_interest else None,
            named_day=True if preamble.named_day else None,
            registered_interest=preamble.registered_interest
            or (False if preamble.named_day else None),
            question=Question(text="", asked_by=_member(preamble)),
            complete=False,
            span=Span(lines[start].start, end),
        )

    def _report_unparsed(self) -> None:
        """One PQ103 per run of lines that are neither fields nor chrome (blank lines join)."""
        run_start: Line | None = None
        run_end: Line | None = None
        for index, line in enumerate(self.lines):
            if not line.text:
                continue
            if self.used[index]:
                if run_start is not None and run_end is not None:
                    self._unparsed(run_start, run_end)
                run_start = run_end = None
                continue
            run_start = run_start or line
            run_end = line
        if run_start is not None and run_end is not None:
            self._unparsed(run_start, run_end)

    def _unparsed(self, first: Line, last: Line) -> None:
        self.report.at("PQ103", f"unparsed text: {first.text[:60]!r}", first.start, last.end)


_SEAT_RANK = 2
_PREAMBLE_END = 5


def _preamble_rank(text: str) -> int | None:
    """Place of a preamble line in the page's order (``Q`` 0 … ``[N]`` 4), else ``None``."""
    if text == _RECORD_MARK:
        return 0
    if text == "[R]":
        return 3
    if text == "[N]":
        return 4
    if _ASKED_BY.fullmatch(text):
        return 1
    if _CONSTITUENCY.fullmatch(text):
        return _SEAT_RANK
    return None


def _member(preamble: _Preamble) -> Member | None:
    if preamble.name is None and preamble.constituency is None:
        return None
    return Member(name=preamble.name, constituency=preamble.constituency)


def _named_day(marked: bool, house: House | None, *, markers_shown: bool) -> bool | None:
    """``[N]`` shown → True; Lords → False (Commons only); Commons → False if markers show."""
    if marked:
        return True
    if house is House.LORDS:
        return False
    return False if house is House.COMMONS and markers_shown else None


def _registered_interest(marked: bool, house: House | None, *, markers_shown: bool) -> bool | None:
    """``[R]`` shown → True; Commons → False if markers show; Lords pages never show it → None."""
    if marked:
        return True
    return False if house is House.COMMONS and markers_shown else None


def _chosen_block(
    blocks: Sequence[_AnswerBlock],
) -> tuple[_AnswerBlock | None, _AnswerBlock | None]:
    """The answer the record shows (the correction, else the latest), and the corrected one."""
    if not blocks:
        return None, None
    corrected = [block for block in blocks if block.head.is_correction]
    if corrected:
        original = next((block for block in blocks if not block.head.is_correction), None)
        return corrected[-1], original
    latest = max(blocks, key=lambda block: block.head.answered_on or datetime.date.min)
    return latest, None


def _looks_complete(question: str, final: _AnswerBlock | None, grouped: tuple[str, ...]) -> bool:
    """Whether the last record on the page ends where a record can end."""
    if not question:
        return False
    if final is None:
        return _SENTENCE_END.search(question) is not None
    if grouped:
        return True
    if final.head.answered_on is None and not final.head.is_correction:
        return False
    if not final.paragraphs:
        return False
    return _SENTENCE_END.search(clean_inline(final.paragraphs[-1].text)) is not None


def _id_tokens(text: str) -> list[str]:
    """The pieces of an id list between separators, "HL 1234" read as "HL1234"."""
    if _LORDS_ID_GAP.search(text) is not None:  # spares most lists the substitution
        text = _LORDS_ID_GAP.sub(r"\1", text)
    return _ID_SEPARATORS.split(text)


def _uins(text: str) -> list[str]:
    """Normalised UINs in an id list ("223141 | 223142", "HL1234, HL1235")."""
    return [_normal_uin(token) for token in _id_tokens(text) if token and _UIN.fullmatch(token)]


def _uin_list(text: str) -> list[str] | None:
    """The ids when ``text`` is nothing but an id list, else ``None``."""
    tokens = [t for t in _id_tokens(text) if t]
    if not tokens or not all(_UIN.fullmatch(token) for token in tokens):
        return None
    return [_normal_uin(token) for token in tokens]


def _normal_uin(token: str) -> str:
    token = token.upper()
    if token.startswith("HL"):
        return f"HL{int(token[2:])}"
    return str(int(token))


# ================================================================ saved HTML


_CONTAINER_CLASS = "qna-result-container"
_QNA_PREFIX = "qna-result-"
#: How XPath's ``normalize-space`` splits a class attribute into tokens.
_XML_SPACE_CHARS = " \t\n\r"
_XML_SPACE = re.compile(r"[ \t\n\r]+")
#: ASCII characters Python folds as whitespace but XPath does not.
_CONTROL_SPACE = re.compile(r"[\x0b\x0c\x1c-\x1f]")
#: Blocks that put a field's text on separate lines.
_BREAK_TAGS = ("p", "br", "div", "li", "tr", "td", "th")
_TOGGLE_TAGS = frozenset({"label", "input"})
_DELETED_CLASS = "del"
_LEAF_FIELDS = {
    "qna-result-question-uin": "uin",
    "qna-result-question-title": "asker",
    "qna-result-question-date": "asked_on",
    "qna-result-question-answeringbody": "department",
    "qna-result-question-hansardheading": "heading",
    "qna-result-question-text": "question",
    "qna-result-answer-date": "answer_date",
    "qna-result-answer-title": "answerer",
    "qna-result-answer-content": "answer_content",
    "qna-result-groupedquestion-container": "grouped",
    "qna-result-attachment-container": "attachment",
}
_ANSWER_CONTAINER = "qna-result-answer-container"
_DATE = r"(?P<date>\d{1,2}\s+[A-Za-z]{3,9}\s+\d{4})"
_HTML_DATES = re.compile(
    rf"(?P<label>Asked on|Answered on|Corrected on|Holding answer received on):?\s*{_DATE}"
)
_HTML_ASKER_LABEL = re.compile(r"^Asked by:?\s*")
_HTML_ANSWERER_LABEL = re.compile(r"^(?:Corrected answer by|Answered by):?\s*")
_HOUSE_IN_URL = re.compile(r"/written-question/(?P<house>Commons|Lords)/", re.IGNORECASE)
_MEMBER_ID = re.compile(r"(?P<id>\d+)/?$")
_HTML_END = re.compile(r"</(?:html|body)\s*>", re.IGNORECASE)
_HTML_END_WINDOW = 8192
_LOOSE_LABELS = re.compile(
    r"(?:Q|A|Asked by:?|Answered by:?|Corrected answer by:?|Grouped Questions:?|Attachments?:?)"
)


@attrs.define
class _HtmlAnswer:
    """One ``qna-result-answer-container``: absolute paragraph stretches and its labels."""

    answered_by: str | None = None
    member_id: str | None = None
    answered_on: datetime.date | None = None
    holding_on: datetime.date | None = None
    corrected_on: datetime.date | None = None
    is_correction: bool = False
    paragraphs: list[tuple[int, int]] = attrs.Factory(list)


@attrs.define
class _HtmlDraft:
    """Everything one ``qna-result-container`` shows, with stretches into the rendered text."""

    start: int
    end: int = 0
    uin: str | None = None
    uin_house: House | None = None
    asker: str | None = None
    constituency: str | None = None
    member_id: str | None = None
    asked_on: datetime.date | None = None
    department: str | None = None
    heading: str | None = None
    question: tuple[int, int] | None = None
    answers: list[_HtmlAnswer] = attrs.Factory(list)
    grouped: list[str] = attrs.Factory(list)
    attachments: list[dict[str, str | None]] = attrs.Factory(list)
    house: House | None = None
    named_day: bool = False
    registered_interest: bool = False


def _parse_html(source: str, report: Report) -> Parsed:
    root = parse_html(source)
    if root is None:
        report.add("PQ401", "the HTML could not be parsed")
        return Parsed("", ())
    builder = TextBuilder()
    drafts: list[_HtmlDraft] = []
    unparsed: list[tuple[int, int, str]] = []
    for container in _containers(root):
        if drafts:
            builder.append("\n")
        drafts.append(_render_container(container, builder, unparsed))
    text = builder.text()
    report.text = text
    cut_off = _HTML_END.search(source, max(0, len(source) - _HTML_END_WINDOW)) is None
    records = tuple(
        _html_record(text, draft, report, cut_off=cut_off and index == len(drafts) - 1)
        for index, draft in enumerate(drafts)
    )
    for start, end, line in unparsed:
        report.at("PQ103", f"unparsed text: {line[:60]!r}", start, end)
    return Parsed(text, records)


def _has_class(value: str | None, token: str) -> bool:
    """Whether a ``class`` attribute lists ``token`` (split on XML whitespace, as XPath does)."""
    return value is not None and token in value and token in _XML_SPACE.split(value)


def _containers(root: etree._Element) -> list[etree._Element]:
    """Every ``qna-result-container`` of the document ``root`` belongs to, in document order."""
    top = root.getroottree().getroot()
    return [
        element
        for element in top.iter(etree.Element)
        if _CONTAINER_CLASS in (value := element.get("class") or "")
        and _has_class(value, _CONTAINER_CLASS)
    ]


def _drop(element: etree._Element) -> None:
    """Remove ``element`` and its content, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def _empty(element: etree._Element) -> None:
    """Remove the content of ``element``; the empty block still separates the text around it."""
    if len(element):
        del element[:]
    element.text = None


def _fields(container: etree._Element) -> Iterator[tuple[str, etree._Element]]:
    """Leaf fields and answer containers of one record, in document order."""
    leaves: set[etree._Element] = set()
    marked = [
        (element, value)
        for element in container.iterdescendants(etree.Element)
        if _QNA_PREFIX in (value := element.get("class") or "")
    ]
    for element, value in marked:
        classes = value.split()
        if _inside(element, leaves, container):
            continue
        if _ANSWER_CONTAINER in classes:
            yield "answer", element
            continue
        for token in classes:
            kind = _LEAF_FIELDS.get(token)
            if kind is not None:
                leaves.add(element)
                yield kind, element
                break


def _inside(element: etree._Element, leaves: set[etree._Element], stop: etree._Element) -> bool:
    """Whether ``element`` sits inside one of the ``leaves`` (markup within a field)."""
    parent = element.getparent()
    while parent is not None and parent is not stop:
        if parent in leaves:
            return True
        parent = parent.getparent()
    return False


def _link(element: etree._Element) -> tuple[str | None, str | None]:
    """Text and href of the first link inside ``element`` (or ``element`` itself)."""
    if not len(element) and element.tag != "a":
        return None, None
    for link in element.iter("a"):
        return _plain_text(link) or None, link.get("href")
    return None, None


def _render_container(
    container: etree._Element, builder: TextBuilder, unparsed: list[tuple[int, int, str]]
) -> _HtmlDraft:
    draft = _HtmlDraft(start=builder.position)
    answer: _HtmlAnswer | None = None
    leaves: list[etree._Element] = []
    for kind, element in _fields(container):
        if kind == "answer":
            answer = _HtmlAnswer()
            draft.answers.append(answer)
            continue
        leaves.append(element)
        if kind == "answer_content":
            answer = answer or _new_answer(draft)
            _render_answer_content(element, builder, answer)
            continue
        shown = _field_text(element) if len(element) else clean_inline(element.text or "")
        span = _add_line(builder, shown)
        if kind == "question":
            draft.question = span
        elif kind in ("answer_date", "answerer"):
            answer = answer or _new_answer(draft)
            _read_answer_label(kind, element, shown, answer)
        else:
            _read_question_field(kind, element, shown, draft)
    for element in leaves:
        _empty(element)
    if _has_text(container):
        _read_loose_text(element_to_text(container), builder, draft, unparsed)
    draft.end = max(draft.start, builder.position - 1)
    return draft


def _add_line(builder: TextBuilder, shown: str) -> tuple[int, int]:
    """Append ``shown`` as one line; its span (one append instead of the builder's three)."""
    start, end = builder.append(shown + "\n")
    return start, end - 1


def _field_text(element: etree._Element) -> str:
    """One-line text of a field; rendered (so words stay apart) only when blocks split it."""
    if len(element) and _breaks_lines(element):
        return clean_inline(element_to_text(element))
    return _plain_text(element)


def _breaks_lines(element: etree._Element) -> bool:
    """Whether more than one block inside ``element`` would put its text on separate lines."""
    blocks = element.iterdescendants(*_BREAK_TAGS)
    return next(blocks, None) is not None and next(blocks, None) is not None


def _plain_text(element: etree._Element) -> str:
    """All text of ``element`` with whitespace runs folded.

    ASCII text is folded as XPath's ``normalize-space`` does (the control characters that
    only Python counts as spaces stay); any other text as :func:`clean_inline` does.
    """
    if not len(element):
        return clean_inline(element.text or "")
    text = _all_text(element)
    if _CONTROL_SPACE.search(text) and text.isascii():
        return " ".join(_XML_SPACE.split(text.strip(_XML_SPACE_CHARS)))
    return clean_inline(text)


def _all_text(element: etree._Element) -> str:
    """The text of ``element`` and everything inside it (not its tail), serialised in C."""
    return etree.tostring(element, method="text", encoding="unicode", with_tail=False)


def _has_text(element: etree._Element) -> bool:
    """Whether ``element`` holds any text that is not whitespace."""
    text = _all_text(element)
    return bool(text) and not text.isspace()


def _new_answer(draft: _HtmlDraft) -> _HtmlAnswer:
    answer = _HtmlAnswer()
    draft.answers.append(answer)
    return answer


def _read_question_field(kind: str, element: etree._Element, shown: str, draft: _HtmlDraft) -> None:
    if kind == "department":
        draft.department = shown or None
    elif kind == "heading":
        draft.heading = shown or None
    elif kind == "asked_on":
        dated = _HTML_DATES.search(shown)
        draft.asked_on = parse_date(dated.group("date") if dated else shown)
    else:
        _read_linked_field(kind, element, shown, draft)


def _read_linked_field(kind: str, element: etree._Element, shown: str, draft: _HtmlDraft) -> None:
    """UIN, asker, grouped questions and attachments: their first link says more."""
    linked, href = _link(element)
    if kind == "uin":
        uins = _uins(linked or shown)
        draft.uin = uins[0] if uins else None
        house = _HOUSE_IN_URL.search(href or "")
        if house:
            draft.uin_house = House(house.group("house").capitalize())
    elif kind == "asker":
        name, seat = split_trailing_parenthetical(_HTML_ASKER_LABEL.sub("", shown))
        draft.asker = linked or name or None
        draft.constituency = seat
        member_id = _MEMBER_ID.search(href or "")
        draft.member_id = member_id.group("id") if member_id else None
    elif kind == "grouped":
        draft.grouped.extend(_uins(linked or shown))
    elif kind == "attachment":
        draft.attachments.append({"title": linked or shown, "url": href})


def _read_answer_label(kind: str, element: etree._Element, shown: str, answer: _HtmlAnswer) -> None:
    if kind == "answerer":
        linked, href = _link(element)
        answer.answered_by = linked or _HTML_ANSWERER_LABEL.sub("", shown) or None
        member_id = _MEMBER_ID.search(href or "")
        answer.member_id = member_id.group("id") if member_id else None
        if shown.startswith("Corrected answer by"):
            answer.is_correction = True
        return
    for match in _HTML_DATES.finditer(shown):
        value = parse_date(match.group("date"))
        label = match.group("label")
        if label == "Answered on":
            answer.answered_on = answer.answered_on or value
        elif label == "Corrected on":
            answer.corrected_on, answer.is_correction = value, True
        elif label == "Holding answer received on":
            answer.holding_on = value


def _correction_toggle(element: etree._Element) -> list[etree._Element]:
    """The ``label``/``input`` toggle and ``.del`` (deleted wording) elements of an answer."""
    return [
        inner
        for inner in element.iterdescendants(etree.Element)
        if inner.tag in _TOGGLE_TAGS or _has_class(inner.get("class"), _DELETED_CLASS)
    ]


def _render_answer_content(
    element: etree._Element, builder: TextBuilder, answer: _HtmlAnswer
) -> None:
    """Answer paragraphs (one per rendered line; table rows keep " | " between cells).

    The correction toggle (``label``/``input``) and deleted wording (``span.del``) are dropped;
    the correction boilerplate sentences are kept in the text but are not paragraphs.
    """
    for dropped in _correction_toggle(element):
        _drop(dropped)
    for raw in element_to_text(element).split("\n"):
        shown = raw.strip()
        if not shown:
            continue
        span = _add_line(builder, shown)
        if match := _ERROR_IDENTIFIED.fullmatch(shown):
            answer.answered_on = parse_date(match.group("date")) or answer.answered_on
            answer.is_correction = True
        elif _CORRECT_ANSWER.fullmatch(shown):
            answer.is_correction = True
        else:
            answer.paragraphs.append(span)


def _read_loose_text(
    rendered: str, builder: TextBuilder, draft: _HtmlDraft, unparsed: list[tuple[int, int, str]]
) -> None:
    """Text of the record outside its fields: markers, house, labels, tooltips, or unparsed."""
    for raw in rendered.split("\n"):
        shown = raw.strip()
        if not shown:
            continue
        span = _add_line(builder, shown)
        if shown in _HOUSES:
            draft.house = _HOUSES[shown]
        elif shown == "[N]":
            draft.named_day = True
        elif shown == "[R]":
            draft.registered_interest = True
        elif not (_is_tooltip(shown) or _LOOSE_LABELS.fullmatch(shown)):
            unparsed.append((span[0], span[1], shown))


def _chosen_answer(answers: Sequence[_HtmlAnswer]) -> tuple[_HtmlAnswer | None, _HtmlAnswer | None]:
    """The answer the record shows, and the original answer when it was corrected."""
    if not answers:
        return None, None
    corrected = [a for a in answers if a.is_correction]
    if corrected:
        original = next((a for a in answers if not a.is_correction), None)
        return corrected[-1], original
    latest = max(answers, key=lambda a: a.answered_on or datetime.date.min)
    return latest, None


def _html_record(text: str, draft: _HtmlDraft, report: Report, *, cut_off: bool) -> WrittenQuestion:
    """The record of one container; ``cut_off`` when the file ends inside it (no ``</html>``)."""
    stretch = draft.question or (draft.start, draft.start)
    if draft.question is None:
        report.at("PQ104", "record without question text", draft.start, draft.end)
    asker = None
    if draft.asker or draft.constituency:
        asker = Member(name=draft.asker, constituency=draft.constituency)
    question, implied_house = question_from(
        text, stretch, asked_by=asker, asked_on=draft.asked_on, department=draft.department
    )
    chosen, original = _chosen_answer(draft.answers)
    answer = None
    extra: dict[str, Any] = {}
    if chosen is not None:
        answered_on = chosen.answered_on or (original.answered_on if original else None)
        answer = answer_from(
            text,
            chosen.paragraphs,
            answered_by=parse_minister(chosen.answered_by) if chosen.answered_by else None,
            answered_on=answered_on,
            is_correction=chosen.is_correction,
        )
        if chosen.holding_on:
            extra["holding_answer_on"] = chosen.holding_on.isoformat()
        if chosen.corrected_on:
            extra["corrected_on"] = chosen.corrected_on.isoformat()
        if original is not None:
            extra["original_answer"] = "\n\n".join(
                clean_inline(text[s:e]) for s, e in original.paragraphs
            )
    if draft.member_id:
        extra["asked_by_member_id"] = draft.member_id
    if chosen is not None and chosen.member_id:
        extra["answered_by_member_id"] = chosen.member_id
    if draft.attachments:
        extra["attachments"] = draft.attachments
    house = draft.house or draft.uin_house or _house_of_uin(draft.uin) or implied_house
    complete = not cut_off
    if not complete:
        report.at("PQ102", "the page is cut off inside this record", draft.start, draft.end)
    return WrittenQuestion(
        heading=draft.heading,
        uin=draft.uin,
        legislature=Legislature.UK_PARLIAMENT,
        house=house,
        named_day=_named_day(draft.named_day, house, markers_shown=False),
        registered_interest=_registered_interest(
            draft.registered_interest, house, markers_shown=False
        ),
        grouped_question_ids=tuple(dict.fromkeys(draft.grouped)),
        question=question,
        answer=answer,
        complete=complete,
        span=Span(draft.start, draft.end),
        extra=extra,
    )


def _house_of_uin(uin: str | None) -> House | None:
    return House.LORDS if uin and uin.startswith("HL") else None


FORMAT = Format(
    name=NAME,
    description="parliament.uk written questions and answers listing, 2014–2020 (text or HTML)",
    detect=detect,
    parse=parse,
)
