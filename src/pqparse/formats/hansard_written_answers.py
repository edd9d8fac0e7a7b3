"""Historic Hansard written answers (``hansard-written-answers``), page text or HTML.

Until 2014 written answers were printed in the Official Report: Commons pages
(``cmhansrd``, columns ``483W``) and Lords pages (``ldhansrd``, columns ``WA211``), the
digitised Historic Hansard (``§ Mr. X asked the Secretary of State ...``) and the
hansard.parliament.uk archive. Every dressing shares one grammar: sitting date → department
heading → subject heading → one or more questions → one answer, with column markers
anywhere. One record per question (per number); questions answered together share the
answer and list each other's numbers in ``grouped_question_ids``. See
``docs/formats/hansard-written-answers.md``.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple, cast

from lxml import etree

from pqparse.extract.dates import MONTHS, parse_date
from pqparse.extract.departments import Addressee, department_for_office, find_addressee
from pqparse.extract.ministers import department_from_role
from pqparse.extract.refs import find_question_refs
from pqparse.formats.base import Format, Parsed
from pqparse.models import (
    Answer,
    House,
    Legislature,
    Member,
    Minister,
    Question,
    QuestionRef,
    Span,
    WrittenQuestion,
)
from pqparse.report import Report
from pqparse.text.html import element_to_text, looks_like_html, parse_html
from pqparse.text.normalize import clean_inline

__all__ = ["FORMAT", "NAME", "detect", "parse"]

NAME = "hansard-written-answers"

Stretch = tuple[int, int]

# ---------------------------------------------------------------- page furniture

_DMY = r"\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}"
_COLUMN_NUMBER = r"(?:W[AS]\s?)?\d{1,4}W?"
_CONTINUED = r"(?:\s*[—–-]+\s*continued)?"
#: A column marker that is a whole line: "29 Oct 2009 : Column 483W", "Column 539",
#: "[Continued from column 123W]", older Lords "WA 45".
_COLUMN_LINE = re.compile(
    rf"(?:(?P<date>{_DMY})\s*:\s*)?Column:?\s*(?P<column>{_COLUMN_NUMBER}){_CONTINUED}"
    rf"|\[Continued (?:from|in) [Cc]olumn\s+(?P<cont>{_COLUMN_NUMBER})\]"
    r"|(?P<wa>W[AS]) \d{1,4}"
)
#: A dated column marker inside a line (2006–2009 ``<columnnum>`` markup falls mid-paragraph).
_COLUMN_INLINE = re.compile(
    rf"\s*(?P<date>{_DMY})\s*:\s*Column:?\s*(?P<column>{_COLUMN_NUMBER}){_CONTINUED}\s*"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_SITTING_DATE = re.compile(rf"{_WEEKDAY},?\s+(?P<date>{_DMY})")
#: Section titles; a Lords daily report also has "Written Statements" (not answers).
_SECTION = re.compile(
    r"Written (?:Answers(?P<commons> to Questions)?|(?:Ministerial )?Statements)"
    r"(?: and Written (?:Answers|Statements))?"
)
_CITATION = re.compile(
    rf"(?P<house>H[CL]) Deb,?\s+(?P<date>{_DMY})(?:,?\s+vol\.?\s+\d{{1,4}})?"
    r"(?:,?\s+cc?\.?\s?\d{1,4}(?:[-–]\d{1,4})?(?:W|WA)?)?"
)
_RECESS = re.compile(
    r"The following (?:answers? (?:was|were) received|questions? (?:was|were) answered)"
    r"\s+(?P<when>.{4,120})"
)
_NAV_ITEM = r"(?:(?:Previous|Next) Section|Index|Home Page|Contents)"
_NAV = re.compile(rf"{_NAV_ITEM}(?:\s*\|\s*{_NAV_ITEM})*")
_BANNER = re.compile(
    r"The text on this page has been created from Hansard archive content, "
    r"it may contain typographical errors\.?"
)
_QUESTION_LABEL = re.compile(r"Questions?")

# ---------------------------------------------------------------- speakers and questions

_WORD = r"(?:[A-Z\u00c0-\u00de][\w'’.\-]*|of|and|de|du|la|le|van|von|der|den|the|ap)"
_NAME = rf"{_WORD}(?:\s+{_WORD}){{0,7}}"
_NAME_HEAD = re.compile(rf"(?P<name>{_NAME})(?:\s*\((?P<paren>[^()]{{2,80}})\))?")
_ROLE_HEAD = re.compile(r"(?P<role>The\s[^()]{3,200}?)\s*\((?P<name>[^()]{2,80})\)")
_HONORIFICS = frozenset(
    [
        "Mr",
        "Mrs",
        "Ms",
        "Miss",
        "Mx",
        "Dr",
        "Sir",
        "Dame",
        "Lord",
        "Lady",
        "Baroness",
        "Baron",
        "Earl",
        "Countess",
        "Viscount",
        "Viscountess",
        "Marquess",
        "Duke",
        "Bishop",
        "Rev",
        "Reverend",
        "Professor",
        "Prof",
        "Hon",
        "Rt",
        "Captain",
        "Major",
        "Colonel",
        "Commander",
        "Admiral",
        "General",
    ]
)
#: "Mr. X:", "Mr. Alex Carlile :", "42. Mr. Robert B. Jones :", "Ann Minister [holding
#: answer 20 October 2009]:", "The Minister of State, Ministry of Justice (Lord McNally):".
_SPEAKER = re.compile(
    r"(?:§\s*)?(?:(?P<oral>\d{1,3})\.\s*)?"
    r"(?P<head>[A-Z\u00c0-\u00de][^:\[\]\n]{0,200})\s*"
    r"(?:\[\s*(?P<holding>holding\s+answers?\b[^\]\n]{0,100}?)\s*:?\s*\]\s*:?|:)\s*"
)
#: Older layouts: "Mr. Dalyell asked the Secretary of State ...", "Lord Moonie asked Her
#: Majesty's Government:", glued "Mr. Frank Allaunasked", nameless "asked the ...".
_ASKED = re.compile(
    r"(?P<section>§\s*)?(?:(?P<oral>\d{1,3})\.\s*)?"
    r"(?P<head>[A-Z\u00c0-\u00de][^\n]{0,150}?)?\s*"
    r"(?P<asked>asked\s+(?:the\s|(?:Her|His)\s+Majesty|Mr\.?\s+(?:Chancellor|Attorney|Solicitor)))"
)
_ASKED_BY = re.compile(r"Asked [Bb]y\s+(?P<name>[^:\n]{2,120})")
_SECTION_MARK = re.compile(r"§\s*")
_TO_ASK = re.compile(r"\s*To ask\b")
#: "... [12345]", "[HL1234]", "[12345R]"; the Lords daily report marks a registered interest
#: "[I]" (before the number, or after the asker's name).
#: The bracket of a trailing question number: the line's last "[" (none can follow it).
_UIN_BRACKET = re.compile(r"\[\s*(?P<uin>HL\s?\d{1,6}|\d{1,6})\s*R?\s*\]\s*$")
_INTEREST = "[I]"
_INTEREST_MARK = re.compile(r"\s*\[I\]\s*$")
_PART = re.compile(r"\((?P<number>\d{1,2})\)\s*")
_FIRST_PART = re.compile(r"\(1\)\s*")
_PART_END = re.compile(r"(?:\s*;\s*(?:and|or)?)\s*$")
_HOLDING_DATES = re.compile(
    r"(?P<days>\d{1,2}(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)\d{1,2})*)\s+(?P<month>[A-Z][a-z]{2,8})"
    r"\.?(?:,?\s+(?P<year>\d{4}))?"
)
_DAY = re.compile(r"\d{1,2}")

# ---------------------------------------------------------------- paragraph shapes

#: A line's text without the spaces around it (blank lines have none).
_CONTENT_LINE = re.compile(r"\S(?:[^\n]*\S)?")
_ALIGNED = re.compile(r"[^\s.:;?!,] {2,}\S")
_CELL_GAP = re.compile(r" {2,}")
#: Characters that can end a sentence, a question number or a quotation.
_TERMINAL = frozenset('.?!:;]"”’)')
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|hon|Hon|No|Nos|Vol|vol|col|cols|cc?|Co|Ltd|Rt|Gen|Prof|Rev)"
    r"\.|\b[A-Z]\.)$"
)
_CAPS_HEADING = re.compile(r"[A-Z][A-Z0-9 ,'’&\-().]*")
_HEADING_END = frozenset(".,;:")
#: Short unpunctuated answer lines that end an answer, never a subject heading: "Source: ONS",
#: "Note", "Total 1,234", a label with a figure ("South West: 1,106,000").
_NOT_HEADING = re.compile(
    r"(?:Sources?|Notes?|Table|Total|Figures?|Chart)\b|[^:]{1,80}:\s*[^\sA-Z\u00c0-\u00de]"
)
_MAX_HEADING = 150
_LOWER_START = re.compile(r"[a-z(\[]")
_LOWER_CASE = re.compile(r"[a-z]")
#: A trailing question number is looked for in the last characters of a line only.
_UIN_WINDOW = 40

# ---------------------------------------------------------------- detection

_STRONG_CUES = re.compile(
    rf"{_DMY}\s*:\s*Column:?\s*{_COLUMN_NUMBER}"
    rf"|\bH[CL] Deb\s+{_DMY}"
    r"|Written Answers to Questions"
    r"|/(?:cm|ld)hansrd/|name=\"column_(?:W[AS])?\d{1,4}W?\""
    r"|\[holding answers?\b"
    r"|created from Hansard archive content"
)
_NUMBERED_QUESTION = re.compile(r"To ask [^\[\n<]{10,3000}?\[(?:HL\s?)?\d{3,6}R?\]")
_NAMED_QUESTION = re.compile(
    r"(?m)^(?:<[^>\n]{0,200}>|\s)*(?:\d{1,3}\.\s*)?"
    r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Baroness|Earl|Viscount|Lady|The)\b[^:\n<]{0,80}"
    r"(?:</b>)?\s*:\s*(?:</b>)?\s*To ask\b"
)
_OLD_QUESTION = re.compile(
    r"(?m)^(?:§\s*)?(?:\d{1,3}\.\s*)?(?:<[^>\n]{0,200}>)*"
    r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Baroness|Earl|Viscount|Lady|The)\b[^\n]{0,100}?"
    r"asked (?:the (?:Secretary|Minister|Prime|Chancellor|Attorney|Solicitor|Paymaster|Lord)"
    r"|(?:Her|His) Majesty'?s Government)"
)
_NAMELESS_QUESTION = re.compile(
    r"(?m)^asked (?:the (?:Secretary|Minister|Prime|Chancellor|Attorney|Solicitor|Paymaster|Lord)"
    r"|(?:Her|His) Majesty'?s Government)"
)
_LORDS_ASKED_BY = re.compile(
    r"(?m)^\s*Asked [Bb]y (?:Lord|Baroness|The|Earl|Countess|Viscount|Lady|Marquess|Duke)\b"
)
_OTHER_FORMATS = re.compile(
    r"(?m)^\s*Question (?:to the|for) |^\s*UIN:?\s*(?:HL)?\s?\d{1,7}\b|Skip to main content"
    r"|Asked on:|Asked by:|Questioner:|qna-result|card-written-question"
    r"|questions-statements\.parliament\.uk|Reticulating Splines|<publicwhip|\"questionText\""
)
_DETECT_WINDOW = 200_000


def detect(text: str) -> float:
    """Score ``text`` as historic Hansard written answers."""
    head = text[:_DETECT_WINDOW]
    stripped = head.lstrip()
    if stripped[:1] in ("{", "[") or _OTHER_FORMATS.search(head):
        return 0.05
    strong = _STRONG_CUES.search(head) is not None
    numbered = _NUMBERED_QUESTION.search(head) is not None
    named = _NAMED_QUESTION.search(head) is not None
    old = _OLD_QUESTION.search(head) is not None or _LORDS_ASKED_BY.search(head) is not None
    if strong and (numbered or named or old or _NAMELESS_QUESTION.search(head)):
        return 0.95
    if named or (strong and _TO_ASK.search(head)):
        return 0.85
    if old:
        return 0.75
    if numbered:
        return 0.6
    return 0.3 if strong else 0.0


# ---------------------------------------------------------------- HTML


#: Elements with a ``style`` attribute, in document order (compiled XPath: no Python walk).
_STYLED = etree.XPath("descendant::*[@style]")
_STYLE_WORD = re.compile("style", re.IGNORECASE)
_UPPERCASE_STYLE = re.compile(r"text-transform\s*:\s*uppercase", re.IGNORECASE)
_C1_ENTITY = re.compile(r"&#(?:(1[2-5]\d)|[xX]([89][0-9a-fA-F]));")


def _cp1252_entity(match: re.Match[str]) -> str:
    """``&#151;`` means cp1252 0x97 (an em dash) in these pages, not the C1 control U+0097."""
    code = int(match.group(1)) if match.group(1) else int(match.group(2), 16)
    if not 0x80 <= code <= 0x9F:
        return match.group()
    try:
        return bytes([code]).decode("cp1252")
    except UnicodeDecodeError:
        return match.group()


def render_html(markup: str) -> str:
    """Page text of a cmhansrd/ldhansrd page: as a browser shows it, department headings
    (``<h3 style="text-transform:uppercase">``) in capitals."""
    if "&#" in markup:
        markup = _C1_ENTITY.sub(_cp1252_entity, markup)
    root = parse_html(markup)
    if root is None:
        return ""
    if _STYLE_WORD.search(markup):  # no style attribute without the word in the markup
        _uppercase_styled(root)
    return element_to_text(root)


def _uppercase_styled(root: etree._Element) -> None:
    """Put the text of ``text-transform: uppercase`` elements in capitals."""
    for element in cast("list[etree._Element]", _STYLED(root)):
        if _UPPERCASE_STYLE.search(element.get("style", "")):
            for inner in element.iter():
                if inner.text:
                    inner.text = inner.text.upper()
                if inner is not element and inner.tail:
                    inner.tail = inner.tail.upper()


# ---------------------------------------------------------------- paragraphs

_TEXT = "text"
_ROW = "row"
_SPEAKER_KIND = "speaker"
_ASKED_KIND = "asked"
_ASKED_BY_KIND = "asked-by"
_SECTION_KIND = "section-mark"
_CHROME = "chrome"
_DATE = "date"
_RECESS_KIND = "recess"
_LABEL = "question-label"
_Furniture = tuple[tuple[re.Pattern[str], str, bool], ...]
_NAV_LINE: _Furniture = ((_NAV, _CHROME, False),)
_DAY_LINE: _Furniture = ((_SITTING_DATE, _DATE, True),)
_CITATION_LINE: _Furniture = ((_CITATION, _DATE, True),)
_QUESTION_LINE: _Furniture = ((_QUESTION_LABEL, _LABEL, False),)
#: Whole-line furniture by first word: (pattern, paragraph kind, keep the match).
_FURNITURE: dict[str, _Furniture] = {
    "Written": ((_SECTION, _CHROME, True),),
    "The": ((_BANNER, _CHROME, False), (_RECESS, _RECESS_KIND, True)),
    "HC": _CITATION_LINE,
    "HL": _CITATION_LINE,
    "Question": _QUESTION_LINE,
    "Questions": _QUESTION_LINE,
    "Asked": ((_ASKED_BY, _ASKED_BY_KIND, True),),
    **dict.fromkeys(("Previous", "Next", "Index", "Home", "Contents"), _NAV_LINE),
    **{
        f"{day}{comma}": _DAY_LINE
        for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
        for comma in ("", ",")
    },
}
#: Paragraph kinds that always start a question.
_OPENING_KINDS = frozenset({_LABEL, _ASKED_BY_KIND, _ASKED_KIND})
#: Paragraph kinds that never take a following line.
_SINGLE_LINE_KINDS = frozenset({_CHROME, _DATE, _RECESS_KIND, _LABEL, _ASKED_BY_KIND})


class _Para:
    """A logical paragraph: line stretches (split only around column markers)."""

    __slots__ = (
        "body_start",
        "first_end",
        "kind",
        "last_text",
        "match",
        "opens",
        "segments",
        "start",
        "text",
        "used",
    )

    def __init__(
        self, kind: str, text: str, start: int, end: int, match: re.Match[str] | None
    ) -> None:
        self.kind = kind
        #: the first line's text (``start``-``end``, the first stretch)
        self.text = text
        self.match = match
        self.segments: list[list[int]] = [[start, end]]
        #: where the paragraph starts (stretches are only ever added after it)
        self.start = self.body_start = start
        self.first_end = end
        self.last_text = text
        self.used = False
        #: does the paragraph start a question (a name with "To ask", "asked", "Asked by")?
        self.opens = False

    @classmethod
    def of_pieces(
        cls, kind: str, text: str, pieces: list[Stretch], match: re.Match[str] | None
    ) -> _Para:
        """A paragraph whose first line is split into ``pieces`` (by column markers)."""
        para = cls(kind, text, *pieces[0], match)
        para.segments.extend([start, end] for start, end in pieces[1:])
        return para

    @property
    def end(self) -> int:
        return self.segments[-1][1]

    def add_line(self, line: str, start: int, end: int, contiguous: bool) -> None:
        """Append a whole line; directly after the previous line it extends the last stretch."""
        if contiguous:
            self.segments[-1][1] = end
        else:
            self.segments.append([start, end])
        self.last_text = line

    def add(self, line: str, pieces: list[Stretch], contiguous: bool) -> None:
        """Append a line; text directly after the previous line extends the last stretch."""
        first = True
        for start, end in pieces:
            if first and contiguous:
                self.segments[-1][1] = end
            else:
                self.segments.append([start, end])
            first = False
        self.last_text = line

    def body(self, start: int | None = None) -> list[Stretch]:
        """The stretches from ``start`` (default: the body start) to the end."""
        start = self.body_start if start is None else start
        segments = self.segments
        if len(segments) == 1:
            first, end = segments[0]
            return [(max(first, start), end)] if end > start else []
        return [(max(s, start), e) for s, e in segments if e > start]


_NO_MARKERS: list[re.Match[str]] = []


def _pieces(text: str, start: int, end: int) -> tuple[list[Stretch], list[re.Match[str]]]:
    """The line's text stretches without column markers, and the markers found."""
    if "olumn" not in text and not text.startswith(("WA ", "WS ")):
        return [(start, end)], _NO_MARKERS
    whole = _COLUMN_LINE.fullmatch(text)
    if whole:
        return [], [whole]
    pieces: list[Stretch] = []
    markers: list[re.Match[str]] = []
    position = 0
    for marker in _COLUMN_INLINE.finditer(text):
        if marker.start() > position:
            pieces.append((start + position, start + marker.start()))
        markers.append(marker)
        position = marker.end()
    if position < len(text):
        pieces.append((start + position, end))
    return pieces, markers


def _continues(previous: str, line: str) -> bool:
    """Is ``line`` a wrapped continuation of a paragraph whose last line is ``previous``?"""
    if _LOWER_START.match(line):
        return True
    if _ABBREVIATION_END.search(previous, max(0, len(previous) - 8)):
        return True
    return previous[-1:] not in _TERMINAL


def _is_aligned(line: str) -> bool:
    return _ALIGNED.search(line.strip()) is not None


def _heading_shaped(para: _Para) -> bool:
    """One short line without closing punctuation; never a numbered question part."""
    segments = para.segments
    if len(segments) != 1:
        return False
    start, end = segments[0]
    text = para.text
    return (
        end - start <= _MAX_HEADING
        and para.first_end == end
        and text[-1:] not in _HEADING_END
        and not _ends_with_number(text)
        and not _PART.match(text)
        and not _NOT_HEADING.match(text)
    )


def _ends_with_number(line: str) -> bool:
    """Does the line end with a question number ("... [292880]", "[HL1234]")?"""
    if not line.endswith("]"):
        return False
    bracket = line.rfind("[", max(0, len(line) - _UIN_WINDOW))
    return bracket >= 0 and _UIN_BRACKET.match(line, bracket) is not None


def _trailing_uin(text: str, start: int, end: int) -> tuple[int, str, bool] | None:
    """A question number ending ``text[start:end]``: where its marks start (spaces and a
    registered-interest "[I]" before the bracket included), the number, and the "[I]"."""
    bracket = text.rfind("[", start, end)
    number = _UIN_BRACKET.match(text, bracket, end) if bracket >= 0 else None
    if number is None:
        return None
    begin = _space_start(text, start, bracket)
    interest = text.endswith(_INTEREST, start, begin)
    if interest:
        begin = _space_start(text, start, begin - len(_INTEREST))
    return begin, number.group("uin"), interest


def _space_start(text: str, floor: int, position: int) -> int:
    """Where the run of whitespace ending at ``position`` starts (not before ``floor``)."""
    while position > floor and text[position - 1].isspace():
        position -= 1
    return position


class _Paragraphs:
    """First pass: lines → logical paragraphs, column markers removed, chrome classified."""

    def __init__(self, text: str) -> None:
        self.text = text
        #: each non-blank line, stripped (as ``pqparse.text.lines.split_lines`` would give it)
        self.lines = list(_CONTENT_LINE.finditer(text))
        self.paras: list[_Para] = []
        self.marker_dates: list[datetime.date] = []
        self.marker_houses: list[House] = []
        filled = len(self.lines)
        blanks = text.count("\n") + 1 - filled
        self.blank_mode = blanks * 5 >= filled

    def build(self) -> list[_Para]:
        """Group the lines into paragraphs (see the module docstring for the rules)."""
        text = self.text
        current: _Para | None = None
        closed = bridged = numbered = False
        previous_end = 0
        paras = self.paras
        classify = self._classify
        joins = self._joins
        for found in self.lines:
            start, end = found.span()
            # a blank line before this one: two line breaks since the last line's text (before
            # the first paragraph it makes no difference)
            if not closed and text.count("\n", previous_end, start) > 1:
                closed = True
            previous_end = end
            line = found.group()
            pieces: list[Stretch] | None = None
            if "olumn" in line or line.startswith(("WA ", "WS ")):
                pieces, markers = _pieces(line, start, end)
                if markers:
                    self._note_markers(markers)
                    if not pieces:
                        bridged = current is not None
                        continue
                    start, end = pieces[0]
                    line = text[start:end]
                else:
                    pieces = None
            kind, match = classify(found, line)
            if (
                kind == _TEXT
                and current is not None
                and (not numbered or _LOWER_CASE.match(line) is not None)
                and joins(current, line, closed, bridged)
            ):
                if pieces is None:
                    current.add_line(line, start, end, contiguous=not bridged)
                else:
                    current.add(line, pieces, contiguous=False)
            else:
                if pieces is None:
                    current = _Para(kind, line, start, end, match)
                else:
                    current = _Para.of_pieces(kind, line, pieces, match)
                paras.append(current)
                # a question starts: a name with "To ask" (here or on the next line), "asked",
                # "Asked by", a bare "To ask"
                if kind == _TEXT:
                    current.opens = line.startswith("To ask")
                elif kind == _SPEAKER_KIND:
                    current.opens = match is not None and (
                        _TO_ASK.match(text, start + match.end()) is not None
                    )
                else:
                    current.opens = kind in _OPENING_KINDS
            closed = bridged = False
            # a line ending with a question number ends a question; only a lower-case
            # line (a wrapped answer sentence citing "[121477]") goes on after it
            numbered = line[-1] == "]" and _ends_with_number(line)
            if kind in _SINGLE_LINE_KINDS:
                current = None
        return self.paras

    def _joins(self, current: _Para, line: str, closed: bool, bridged: bool) -> bool:
        if current.kind == _ROW:
            return False
        if (
            current.kind == _SPEAKER_KIND
            and current.match is not None
            and current.start + current.match.end() >= current.end
        ):
            return True  # "Mr Bain:" alone on its line: the text follows
        if bridged:
            return _continues(current.last_text, line)
        if closed:
            return False
        return self.blank_mode or _continues(current.last_text, line)

    def _note_markers(self, markers: list[re.Match[str]]) -> None:
        for marker in markers:
            written = marker.group("date")
            if written:
                day = parse_date(written)
                if day:
                    self.marker_dates.append(day)
            column = marker.group("column") or marker.groupdict().get("cont") or ""
            wa = marker.groupdict().get("wa")
            if wa or column.startswith("W"):
                self.marker_houses.append(House.LORDS)
            elif column.endswith("W"):
                self.marker_houses.append(House.COMMONS)

    def _classify(self, line: re.Match[str], text: str) -> tuple[str, re.Match[str] | None]:
        """The paragraph kind of ``text``, the (marker-free) text of the ``line`` found."""
        furniture = _FURNITURE.get(text.partition(" ")[0])
        if furniture is not None:
            for pattern, kind, keep in furniture:
                if match := pattern.fullmatch(text):
                    return kind, match if keep else None
        if "asked" in text and (match := _ASKED.match(text)) and _asker_head(match):
            return _ASKED_KIND, match
        if (
            (":" in text or "holding" in text)  # a speaker head ends with ":" or "[holding"
            and (match := _SPEAKER.match(text))
            and _speaker_head(match.group("head")) is not None
        ):
            return _SPEAKER_KIND, match
        if text.startswith("§"):
            return _SECTION_KIND, None
        if "|" in text or ("  " in text and self._in_aligned_block(line)):
            return _ROW, None
        return _TEXT, None

    def _in_aligned_block(self, line: re.Match[str]) -> bool:
        """Is the line column-aligned, and so is the line just above or below it?"""
        if not _is_aligned(line.group()):
            return False
        text = self.text
        line_start = text.rfind("\n", 0, line.start()) + 1
        above = text.rfind("\n", 0, line_start - 1) + 1
        if line_start and _is_aligned(text[above : line_start - 1]):
            return True
        line_end = text.find("\n", line.end())
        if line_end < 0:
            return False
        next_end = text.find("\n", line_end + 1)
        return _is_aligned(text[line_end + 1 : next_end if next_end >= 0 else len(text)])


# ---------------------------------------------------------------- names


def _name_like(name: str) -> bool:
    words = name.split()
    if not words or len(words) > 8:
        return False
    return words[0].rstrip(".") in _HONORIFICS or words[0] == "The" or len(words) >= 2


@functools.lru_cache(maxsize=4096)
def _speaker_head(head: str) -> tuple[str, str | None, str | None] | None:
    """``(name, role, parenthetical)`` of a speaker label, or ``None`` if it is no name."""
    head = clean_inline(head)
    if role := _ROLE_HEAD.fullmatch(head):
        name = clean_inline(role.group("name"))
        return name, clean_inline(role.group("role"))[4:], None
    named = _NAME_HEAD.fullmatch(head)
    if named is None or not _name_like(named.group("name")):
        return None
    return named.group("name"), None, named.group("paren")


def _asker_head(match: re.Match[str]) -> tuple[str | None, str | None] | None:
    """``(name, constituency)`` before "asked"; ``(None, None)`` for a nameless question."""
    head = match.group("head")
    if head is None:
        return (
            (None, None)
            if match.start("asked") == match.end("section") or (match.start("asked") == 0)
            else None
        )
    parsed = _speaker_head(head)
    if parsed is None or parsed[1] is not None:
        return None
    name, _, paren = parsed
    if name.split()[0].rstrip(".") not in _HONORIFICS and not name.startswith("The "):
        return None
    return name, paren


_H1_STOP_WORDS = frozenset(
    [
        "I",
        "The",
        "It",
        "My",
        "We",
        "This",
        "That",
        "There",
        "These",
        "Those",
        "No",
        "Yes",
        "As",
        "In",
        "On",
        "At",
        "For",
        "A",
        "An",
        "Our",
        "Since",
        "Under",
        "Following",
        "According",
        "Figures",
        "Information",
        "Details",
        "Her",
        "His",
        "Such",
        "All",
        "Some",
        "Its",
        "Table",
        "Further",
        "Yes",
        "Not",
        "Neither",
        "Both",
        "Each",
        "Every",
        "When",
        "While",
        "If",
        "Although",
        "Provision",
        "Responsibility",
    ]
)
_H1_ROLE = re.compile(r"(?P<role>The\s[^()\n]{3,200}?)\s*\((?P<name>[^()\n]{2,80})\)\s*")
_TOKEN = re.compile(r"\S+")


def _role_department(role: str) -> str | None:
    """The department a printed role names, also when a portfolio follows it ("Under-Secretary
    of State for Defence for the Royal Navy" → Ministry of Defence)."""
    department = department_from_role(role)
    while department is None and " for " in role:
        role = role[: role.rindex(" for ")]
        department = department_for_office(role)
    return department


def _h1_speaker(text: str, start: int) -> tuple[Minister | None, int]:
    """Minister and body start of a Historic Hansard answer "§ Mr. Speed I have ..."."""
    if role := _H1_ROLE.match(text, start):
        minister = Minister(
            name=clean_inline(role.group("name")),
            role=clean_inline(role.group("role"))[4:],
            department=_role_department(clean_inline(role.group("role"))[4:]),
        )
        return minister, role.end()
    tokens = list(_TOKEN.finditer(text, start, min(len(text), start + 200)))
    if not tokens or tokens[0].group().rstrip(".") not in _HONORIFICS:
        return None, start
    taken = 1
    while taken < len(tokens) and taken < 6:
        word = tokens[taken].group()
        following = tokens[taken + 1].group() if taken + 1 < len(tokens) else ""
        if not word[:1].isupper() or word.rstrip(".,") in _H1_STOP_WORDS:
            break
        if following[:1].islower() and taken > 1:
            break
        taken += 1
    if taken < 2:
        return None, start
    name = text[tokens[0].start() : tokens[taken - 1].end()]
    body = tokens[taken].start() if taken < len(tokens) else tokens[taken - 1].end()
    return Minister(name=clean_inline(name)), body


# ---------------------------------------------------------------- departments


_HEADING_BODIES = {
    "treasury": "HM Treasury",
    "cabinet office": "Cabinet Office",
    "home department": "Home Office",
    "foreign and commonwealth affairs": "Foreign and Commonwealth Office",
    "house of commons commission": "House of Commons Commission",
    "church commissioners": "Church Commissioners",
    "public accounts commission": "Public Accounts Commission",
    "privy council": "Privy Council Office",
}
_SMALL_WORDS = frozenset({"and", "of", "for", "the", "in", "on", "to"})


def _title_case(heading: str) -> str:
    if not heading.isupper():
        return heading
    words = heading.lower().split(" ")
    return " ".join(
        w if i and w in _SMALL_WORDS else "-".join(p[:1].upper() + p[1:] for p in w.split("-"))
        for i, w in enumerate(words)
    )


@functools.lru_cache(maxsize=1024)
def heading_department(heading: str) -> str:
    """The answering body a Commons department heading stands for ("DEFENCE" → "Ministry of
    Defence", "HOME DEPARTMENT" → "Home Office"); unknown headings keep their words."""
    plain = clean_inline(heading)
    key = plain.lower()
    if key in _HEADING_BODIES:
        return _HEADING_BODIES[key]
    for office in _heading_offices(plain):
        department = department_for_office(office)
        if department:
            return department
    return _title_case(plain)


def _heading_offices(plain: str) -> Iterator[str]:
    """Office titles a department heading may stand for: the heading itself, the Secretary
    of State or Minister for it ("AGRICULTURE, FISHERIES AND FOOD" → Minister of ...), the
    Chancellor of a Duchy; then the same with a comma a printer dropped ("CULTURE MEDIA AND
    SPORT") and an unhyphenated law officer ("ADVOCATE GENERAL FOR SCOTLAND")."""
    forms = [plain]
    words = plain.split(" ")
    if "," not in plain and "and" in (w.lower() for w in words[2:]):
        forms.append(f"{words[0]}, {' '.join(words[1:])}")
    if "-" in plain:
        forms.append(plain.replace("-", " "))
    for form in forms:
        yield form
        yield f"Secretary of State for {form}"
        yield f"Secretary of State for the {form}"
        yield f"Minister of {form}"
        yield f"Minister for {form}"
        yield f"Chancellor of the {form}"


# ---------------------------------------------------------------- records


class _Draft:
    """A question being read: where it is, who asked it, its number."""

    __slots__ = ("asker", "body", "end", "interest", "lead", "oral", "para", "start", "uin")

    def __init__(self, para: _Para, body: list[Stretch], asker: Member | None) -> None:
        self.para = para
        self.asker = asker
        self.interest = False
        self.body = body
        self.lead: list[Stretch] | None = None
        self.oral: str | None = None
        self.uin: str | None = None
        self.start = para.start
        self.end = para.end

    def extend(self, para: _Para) -> None:
        self.body.extend(para.body(para.start))
        self.end = para.end


class _Group:
    """Questions answered by one answer, and that answer as read so far."""

    __slots__ = (
        "answer",
        "answer_bodies",
        "answering",
        "department",
        "heading",
        "holding",
        "minister",
        "questions",
    )

    def __init__(self, heading: _Para | None, department: str | None) -> None:
        self.heading = heading
        self.department = department
        self.questions: list[_Draft] = []
        self.answer: list[_Para] = []
        self.answer_bodies: list[list[Stretch]] = []
        self.minister: Minister | None = None
        self.holding: re.Match[str] | None = None
        self.answering = False


def _uin(raw: str) -> str:
    compact = raw.replace(" ", "").upper()
    return f"HL{int(compact[2:])}" if compact.startswith("HL") else str(int(compact))


#: Every reference form ``find_question_refs`` knows has one of these hints (one scan).
_CITATION_HINT = re.compile(r"uestion|UESTION|\[|HL|PQ|UIN|WQ|AQ|S[1-6]")


def _may_cite(text: str) -> bool:
    """Can ``text`` cite a question? Text without any hint is skipped (most answer
    paragraphs cite nothing)."""
    return _CITATION_HINT.search(text) is not None


def _joined(text: str, stretches: Sequence[Stretch]) -> tuple[str, list[int]]:
    """The stretches' text joined by spaces, and where each starts in the joined string."""
    if len(stretches) == 1:
        start, end = stretches[0]
        return text[start:end], [0]
    starts: list[int] = []
    pieces: list[str] = []
    position = 0
    for start, end in stretches:
        starts.append(position)
        pieces.append(text[start:end])
        position += end - start + 1
    return " ".join(pieces), starts


def _refs(
    joined: str, starts: list[int], stretches: Sequence[Stretch], sitting: datetime.date | None
) -> list[QuestionRef]:
    """References in one paragraph, read across column breaks (so "the answer of 14 October
    2009, Official Report, column 951W, to" / column marker / "question 291877" keeps its
    date), with spans mapped back to the document; one cut by a column marker is dropped.
    Callers check :func:`_may_cite` first."""
    found: list[QuestionRef] = []
    for ref in find_question_refs(joined, default_year=sitting.year if sitting else None):
        index = bisect.bisect_right(starts, ref.span.start) - 1
        start, end = stretches[index]
        offset = start - starts[index]
        if ref.span.end + offset <= end:
            found.append(
                QuestionRef(
                    id=ref.id,
                    text=ref.text,
                    house=ref.house,
                    date=_cited_date(ref.date, sitting),
                    span=Span(ref.span.start + offset, ref.span.end + offset),
                )
            )
    return found


def _cited_date(cited: datetime.date | None, sitting: datetime.date | None) -> datetime.date | None:
    """A cited answer precedes the sitting: a yearless date completed with the sitting year
    that lands after the sitting day ("on 15 December", cited in January) is last year's."""
    if cited is None or sitting is None or cited <= sitting or cited.year != sitting.year:
        return cited
    try:
        return cited.replace(year=cited.year - 1)
    except ValueError:
        return cited


#: "To ask Mr. Chancellor of the Exchequer" (older print) names the office with "Mr.".
_MR_OFFICE = re.compile(r"Mr\.?\s+(?=(?:Chancellor|Attorney|Solicitor)\b)")


def _addressed(written: str) -> str:
    """The question as "To ask the <office> ...", whatever the layout's lead words."""
    lead = "To ask "
    if written.startswith(lead) and not written.startswith("Mr", len(lead)):
        return written  # already in that form (no "Mr." before the office)
    rest = written[len("asked ") :] if written.startswith("asked ") else written[len(lead) :]
    if not (written.startswith(("asked ", lead))):
        return written
    if office := _MR_OFFICE.match(rest):
        rest = "the " + rest[office.end() :]
    return lead + rest


#: An office the shared table does not know, printed without a comma after it: "To ask the
#: Minister for Women and Equality (1) what ...", "To ask the President of the Council how".
_OFFICE_WORDS = re.compile(
    r"To ask the (?P<office>[A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-]*|of|for|the|and|to|in))*)"
)
_OFFICE_TAIL = re.compile(r"(?:\s+(?:of|for|the|and|to|in))+$")
_MINISTERIAL_OFFICE = re.compile(
    r"\b(?:Secretary|Minister|Chancellor|General|Leader|President|Commissioner)"
)


def _addressee(question: str) -> Addressee:
    """The shared addressee reading, plus offices it does not know printed without a comma."""
    found = find_addressee(question)
    if found.title is not None or found.house is not None:
        return found
    words = _OFFICE_WORDS.match(question)
    if words is None:
        return found
    office = _OFFICE_TAIL.sub("", words.group("office"))
    if not _MINISTERIAL_OFFICE.search(office):
        return found
    return Addressee(
        office,
        department_for_office(office),
        House.COMMONS,
        words.start("office"),
        words.start("office") + len(office),
    )


def _text_of(text: str, stretches: Sequence[Stretch]) -> str:
    if len(stretches) == 1:
        start, end = stretches[0]
        return clean_inline(text[start:end])
    return clean_inline(" ".join([text[s:e] for s, e in stretches]))


def _last_character(text: str, stretches: Sequence[Stretch]) -> str:
    """The last character of ``_text_of(text, stretches)`` ("" if it is empty)."""
    for start, end in reversed(stretches):
        content = text[start:end].rstrip()
        if content:
            return content[-1]
    return ""


def _row_text(joined: str) -> str:
    raw = joined.strip()
    cells = raw.split("|") if "|" in raw else _CELL_GAP.split(raw)
    cleaned = [clean_inline(cell) for cell in cells]
    while cleaned and not cleaned[-1]:
        cleaned.pop()
    while cleaned and not cleaned[0]:
        cleaned.pop(0)
    return " | ".join(cleaned)


class _Shared(NamedTuple):
    """What every record of one group shares."""

    uins: list[str]
    #: the answering minister's department (from a role printed that day)
    department: str | None
    sitting: datetime.date | None
    heading: _Para | None
    #: where each record's span starts (the subject heading, else the first question)
    start: int


class _Reader:
    """Second pass: paragraphs → records, keeping the sitting date and headings in force."""

    def __init__(self, text: str, paragraphs: _Paragraphs, report: Report) -> None:
        self.text = text
        self.paras = paragraphs.paras
        self.report = report
        self.records: list[WrittenQuestion] = []
        self.sitting: datetime.date | None = None
        self.dated = False
        self.fallback_date = paragraphs.marker_dates[0] if paragraphs.marker_dates else None
        self.house_hint: House | None = (
            paragraphs.marker_houses[0] if paragraphs.marker_houses else None
        )
        self.department: str | None = None
        #: the department of each minister whose role was printed this day: Lords print the
        #: role with a minister's first answer only ("Lord Rooker:" later)
        self.ministers: dict[str, str] = {}
        self.heading: _Para | None = None
        #: does each paragraph start a question (a name with "To ask", "asked", "Asked by")?
        #: (two more for the paragraphs after the last: none)
        self.opens = [para.opens for para in self.paras]
        self.opens += (False, False)
        self.group: _Group | None = None
        self.asker: Member | None = None
        self.interest = False

    # -- driving

    def read(self) -> list[WrittenQuestion]:
        read = self._read
        for index, para in enumerate(self.paras):
            read(index, para)
        self._finish(at_end=True)
        self._report_unparsed()
        return self.records

    def _read(self, index: int, para: _Para) -> None:
        kind = para.kind
        if kind in (_TEXT, _SPEAKER_KIND):  # the most common kinds first
            opens = self.opens
            if (opens[index + 1] or opens[index + 2]) and self._is_heading(index):
                self._new_heading(index, para)
            elif kind == _SPEAKER_KIND:
                self._speaker(para)
            else:
                self._text(para)
        elif kind in (_CHROME, _DATE, _RECESS_KIND):
            para.used = True
            self._context(para)
        elif kind == _LABEL:
            para.used = True
            self._finish()
            self.asker = None
            self.interest = False
        elif kind == _ASKED_BY_KIND:
            para.used = True
            self._finish_answered()
            assert para.match is not None
            name = para.match.group("name")
            mark = _INTEREST_MARK.search(name)
            self.interest = mark is not None
            self.asker = Member(name=clean_inline(name[: mark.start()] if mark else name))
        elif kind == _ASKED_KIND:
            self._asked(para)
        elif kind == _SECTION_KIND:
            self._section_mark(para)
        else:
            self._answer_text(para)

    def _context(self, para: _Para) -> None:
        """Section titles, sitting dates, citation lines and recess notes start a new day."""
        match = para.match
        if match is None:  # navigation links, archive banner
            return
        self._finish()
        self.heading = None
        self.department = None
        if para.kind == _CHROME:
            if match.group("commons"):
                self.house_hint = House.COMMONS
            return
        self.dated = True
        previous = self.sitting
        if para.kind == _RECESS_KIND:
            when = match.group("when")
            self.sitting = parse_date(when[3:].rstrip(":. ")) if when.startswith("on ") else None
        else:
            self.sitting = parse_date(match.group("date"))
        if self.sitting != previous or self.sitting is None:
            self.ministers.clear()
        if para.kind == _RECESS_KIND:
            return
        if self.sitting is None:
            self.report.at("PQ200", f"unreadable sitting date {para.text!r}", para.start, para.end)
        if "house" in match.groupdict():
            self.house_hint = House.COMMONS if match.group("house") == "HC" else House.LORDS

    # -- headings

    def _is_heading(self, index: int) -> bool:
        """A short unpunctuated line is a heading when a question follows it (subject) or a
        subject heading and then a question follow it (department, in capitals)."""
        opens = self.opens
        if opens[index + 1]:
            return self._heading_candidate(index)
        return (
            opens[index + 2]
            and _CAPS_HEADING.fullmatch(self.paras[index].text) is not None
            and self._heading_candidate(index)
            and self._heading_candidate(index + 1)
        )

    def _heading_candidate(self, index: int) -> bool:
        para = self.paras[index]
        return (
            para.kind in (_TEXT, _SPEAKER_KIND) and not self.opens[index] and _heading_shaped(para)
        )

    def _new_heading(self, index: int, para: _Para) -> None:
        self._finish()
        para.used = True
        self.asker = None
        self.interest = False
        if _CAPS_HEADING.fullmatch(para.text) and not self.opens[index + 1]:
            self.department = heading_department(para.text)
            self.heading = None
            return
        self.heading = para

    # -- questions

    def _speaker(self, para: _Para) -> None:
        match = para.match
        assert match is not None
        body_start = para.start + match.end()
        parsed = _speaker_head(match.group("head"))
        assert parsed is not None
        name, role, paren = parsed
        if para.opens:
            self._finish_answered()
            para.used = True
            para.body_start = body_start
            asker = Member(name=name, constituency=paren)
            draft = self._question(para, para.body(), asker)
            draft.oral = match.group("oral")
            return
        group = self.group
        if group is None or group.answering or not group.questions:
            if group is not None and group.answering:
                self._answer_text(para)
            return
        para.used = True
        para.body_start = body_start
        group.answering = True
        if role is not None:
            group.minister = Minister(name=name, role=role, department=_role_department(role))
        else:
            group.minister = Minister(name=name)
        if match.group("holding"):
            group.holding = match
        group.answer.append(para)
        group.answer_bodies.append(para.body())

    def _asked(self, para: _Para) -> None:
        match = para.match
        assert match is not None
        parsed = _asker_head(match)
        assert parsed is not None
        self._finish_answered()
        para.used = True
        para.body_start = para.start + match.start("asked")
        name, seat = parsed
        asker = Member(name=name, constituency=seat) if name else None
        draft = self._question(para, para.body(), asker)
        draft.oral = match.group("oral")

    def _question(
        self, para: _Para, body: list[Stretch], asker: Member | None, *, interest: bool = False
    ) -> _Draft:
        if self.group is None:
            self.group = _Group(self.heading, self.department)
        draft = _Draft(para, body, asker)
        draft.interest = interest
        self._take_uin(draft)
        self.group.questions.append(draft)
        return draft

    def _take_uin(self, draft: _Draft) -> None:
        if not draft.body:
            return
        start, end = draft.body[-1]
        if not self.text.endswith("]", start, end):
            return
        found = _trailing_uin(self.text, max(start, end - _UIN_WINDOW), end)
        if found:
            number_start, number, interest = found
            draft.uin = _uin(number)
            draft.interest = draft.interest or interest
            draft.body[-1] = (start, number_start)

    def _open_question(self) -> _Draft | None:
        """The last question, when it still lacks its text or its end."""
        group = self.group
        if group is None or group.answering or not group.questions:
            return None
        draft = group.questions[-1]
        if draft.uin is not None:
            return None
        last = _last_character(self.text, draft.body)
        if last == ":" or last not in _TERMINAL:
            return draft
        return None

    def _text(self, para: _Para) -> None:
        group = self.group
        text = para.text
        if group is not None and not group.answering and group.questions:
            if open_draft := self._open_question():
                para.used = True
                open_draft.extend(para)
                self._take_uin(open_draft)
                return
            if (part := _PART.match(text)) and self._part(para, part):
                return
            if text.startswith("To ask"):
                self._to_ask(para)
                return
            self._answer_text(para)
            return
        if group is not None and group.answering:
            if text.startswith("To ask") and self.asker is not None:
                self._to_ask(para)
                return
            self._answer_text(para)
            return
        if text.startswith("To ask"):
            self._to_ask(para)

    def _to_ask(self, para: _Para) -> None:
        self._finish_answered()
        para.used = True
        self._question(para, para.body(para.start), self.asker, interest=self.interest)

    def _part(self, para: _Para, part: re.Match[str]) -> bool:
        """Part (2), (3), ... of a multi-part question whose first paragraph holds "(1)"."""
        assert self.group is not None
        previous = self.group.questions[-1]
        first = previous
        for draft in reversed(self.group.questions):
            if draft.asker != previous.asker:
                break
            first = draft
        if previous.uin is None or not self._split_lead(first):
            return False
        para.used = True
        draft = self._question(para, para.body(para.start + part.end()), first.asker)
        draft.lead = first.lead
        draft.start = para.start
        return True

    def _split_lead(self, first: _Draft) -> bool:
        if first.lead is not None:
            return True
        for index, (start, end) in enumerate(first.body):
            marker = _FIRST_PART.search(self.text, start, end)
            if marker:
                first.lead = [*first.body[:index], (start, marker.start())]
                first.body = [(marker.end(), end), *first.body[index + 1 :]]
                return True
        return False

    # -- answers

    def _section_mark(self, para: _Para) -> None:
        group = self.group
        body = para.start + _SECTION_MARK.match(para.text).end()  # type: ignore[union-attr]
        if group is None or not group.questions:
            return
        para.used = True
        if group.answering:
            para.body_start = body
            group.answer.append(para)
            group.answer_bodies.append(para.body())
            return
        minister, body_start = _h1_speaker(self.text, body)
        group.answering = True
        group.minister = minister
        para.body_start = body_start
        group.answer.append(para)
        group.answer_bodies.append(para.body())

    def _answer_text(self, para: _Para) -> None:
        group = self.group
        if group is None or not group.questions:
            return
        para.used = True
        group.answering = True
        group.answer.append(para)
        group.answer_bodies.append(para.body(para.start))

    # -- building records

    def _finish_answered(self) -> None:
        """A new question ends the previous group only once that group has its answer."""
        if self.group is not None and self.group.answering:
            self._finish()

    def _finish(self, *, at_end: bool = False) -> None:
        group = self.group
        self.group = None
        if group is None or not group.questions:
            return
        complete = self._complete(group, at_end)
        sitting = self._sitting_date()
        answer = self._answer(group, sitting) if group.answering else None
        end = group.answer[-1].end if group.answer else group.questions[-1].end
        if not group.answering and not at_end:
            first = group.questions[0]
            self.report.at("PQ104", "question printed without an answer", first.start, end)
        if not complete:
            start = group.questions[0].start
            self.report.at("PQ102", "the input is cut off inside a record", start, end)
        uins = [d.uin for d in group.questions if d.uin]
        holding = self._holding_dates(group.holding) if group.holding is not None else None
        shared = _Shared(
            uins,
            self._minister_department(group.minister),
            sitting,
            group.heading,
            group.heading.start if group.heading is not None else group.questions[0].start,
        )
        for draft in group.questions:
            self.records.append(self._record(group, draft, answer, shared, complete, end, holding))

    def _complete(self, group: _Group, at_end: bool) -> bool:
        if not at_end:
            return True
        if not group.answering:
            return False
        last = group.answer[-1]
        if last.kind == _ROW:
            return True
        return self.text[last.start : last.end].rstrip()[-1:] in _TERMINAL

    def _answer(self, group: _Group, sitting: datetime.date | None) -> Answer:
        texts: list[str] = []
        references: list[QuestionRef] = []
        text = self.text
        may_cite = _CITATION_HINT.search  # _may_cite, bound once
        for para, body in zip(group.answer, group.answer_bodies, strict=True):
            if not body:
                continue
            if len(body) == 1:
                start, end = body[0]
                joined = text[start:end]
            else:
                joined = _joined(text, body)[0]
            written = _row_text(joined) if para.kind == _ROW else clean_inline(joined)
            if written:
                texts.append(written)
                if may_cite(joined):
                    references.extend(_refs(*_joined(text, body), body, sitting))
        return Answer(
            text="\n\n".join(texts),
            paragraphs=tuple(texts),
            answered_by=group.minister,
            answered_on=sitting,
            is_holding=False,
            is_correction=False,
            references=tuple(references),
        )

    def _sitting_date(self) -> datetime.date | None:
        return self.sitting if self.dated else self.fallback_date

    def _record(
        self,
        group: _Group,
        draft: _Draft,
        answer: Answer | None,
        shared: _Shared,
        complete: bool,
        end: int,
        holding: list[str] | None,
    ) -> WrittenQuestion:
        text = self.text
        body = draft.body
        lead = draft.lead
        if lead is not None:
            written_part = _PART_END.sub("", _text_of(text, body))
            written = clean_inline(f"{_text_of(text, lead)} {written_part}")
        else:
            written = _text_of(text, body)
        addressee = _addressee(_addressed(written))
        department = group.department or shared.department or addressee.department
        references: tuple[QuestionRef, ...] = ()
        if _may_cite(written):
            cited = [*lead, *body] if lead is not None else body
            references = tuple(_refs(*_joined(text, cited), cited, shared.sitting))
        question = Question(
            text=written,
            asked_by=draft.asker,
            asked_on=None,
            department=department,
            addressee=addressee.title,
            date_for_answer=None,
            references=references,
        )
        uin = draft.uin
        if uin is not None and uin.startswith("HL"):
            house: House | None = House.LORDS
        else:
            house = addressee.house if addressee.house is not None else self.house_hint
        heading = shared.heading
        extra: dict[str, object] = {}
        if holding is not None:
            extra["holding_answer_dates"] = list(holding)
        if draft.oral:
            extra["oral_question_number"] = draft.oral
        return WrittenQuestion(
            heading=heading.text if heading is not None else None,
            uin=uin,
            legislature=Legislature.UK_PARLIAMENT,
            house=house,
            named_day=None,
            registered_interest=True if draft.interest else None,
            withdrawn=False,
            grouped_question_ids=tuple([u for u in shared.uins if u != uin]),
            question=question,
            answer=answer,
            complete=complete,
            listed_on=None,
            span=Span(shared.start, end),
            extra=extra,
        )

    def _minister_department(self, minister: Minister | None) -> str | None:
        """The answering minister's department: from the printed role, or from the role printed
        with the same minister's earlier answer that day."""
        if minister is None:
            return None
        if minister.department is not None:
            self.ministers[minister.name] = minister.department
            return minister.department
        return self.ministers.get(minister.name)

    def _holding_dates(self, match: re.Match[str]) -> list[str]:
        """ISO dates of "[holding answer 11 September 2003]", "[holding answers 3 and 4 July
        2003]"; a yearless date takes the sitting year (the year before if that is later)."""
        written = match.group("holding")
        sitting = self._sitting_date()
        found: list[str] = []
        for dates in _HOLDING_DATES.finditer(written):
            month = MONTHS.get(dates.group("month").lower())
            if month is None:
                continue
            for day in _DAY.findall(dates.group("days")):
                value = _holding_date(dates.group("year"), month, int(day), sitting)
                if value is not None:
                    found.append(value.isoformat())
        if not found:
            where = match.start("holding")
            self.report.at(
                "PQ200",
                f"holding answer date not readable: {written!r}",
                where,
                where + len(written),
            )
        return found

    # -- accounting

    def _report_unparsed(self) -> None:
        first: _Para | None = None
        last: _Para | None = None
        for para in self.paras:
            if not para.used:
                if first is None:
                    first = para
                last = para
            elif first is not None and last is not None:
                self._report_run(first, last)
                first = last = None
        if first is not None and last is not None:
            self._report_run(first, last)

    def _report_run(self, first: _Para, last: _Para) -> None:
        """One diagnostic for a run of paragraphs nothing read."""
        self.report.at("PQ103", f"unparsed text: {first.text[:60]!r}", first.start, last.end)


def _holding_date(
    year: str | None, month: int, day: int, sitting: datetime.date | None
) -> datetime.date | None:
    try:
        if year:
            return datetime.date(int(year), month, day)
        if sitting is None:
            return None
        value = datetime.date(sitting.year, month, day)
        return value if value <= sitting else datetime.date(sitting.year - 1, month, day)
    except ValueError:
        return None


def _records(text: str, report: Report) -> Iterator[WrittenQuestion]:
    paragraphs = _Paragraphs(text)
    paragraphs.build()
    yield from _Reader(text, paragraphs, report).read()


def parse(source: str, report: Report) -> Parsed:
    """Parse historic Hansard written answers (page text or cmhansrd/ldhansrd HTML)."""
    text = render_html(source) if looks_like_html(source) else source
    report.text = text
    return Parsed(text, tuple(_records(text, report)))


FORMAT = Format(
    name=NAME,
    description="Historic Hansard written answers, Commons and Lords (page text or HTML)",
    detect=detect,
    parse=parse,
)
