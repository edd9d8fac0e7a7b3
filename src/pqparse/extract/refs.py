"""Find citations of other written questions in running text.

Recognised: a keyword then ids ("question 44194", "PQ 146306", "UIN 12345", "Questions
44194, 44195 and 44196", "PQs HL1234 to HL1240"), bracketed ids ("[12345]", "[HL1234]",
"(HL16983)": round brackets hold Lords ids only), bare Lords numbers ("HL 1234") and
devolved ids ("S6W-01234", "WQ12345", "AQW 1234/17-22"). A date that the citing text gives
for the cited answer ("the answer of 25 February 2019 to Question 223140", "the answer he
was given on 8 April to question 44194") becomes :attr:`QuestionRef.date`. Plain numbers
without a keyword or brackets (money, years, percentages, phone numbers, sections,
paragraphs, columns) are never references; neither are law-report years ("[2019] UKSC 12")
or session years after a keyword ("PQ 2019-20").
"""

from __future__ import annotations

import bisect
import datetime
import itertools
import re
from collections.abc import Sequence

from pqparse.extract.dates import DATE_IN_TEXT, DATE_NAMES, MONTH_NAME, date_from_match
from pqparse.models import House, QuestionRef, Span

__all__ = ["find_question_refs", "may_hold_refs", "pieces_with_hints"]

# An id never runs into a date ("PQ 12345, 25 February 2019") or a quantity ("3 per cent").
_NOT_QUANTITY = rf"(?!\s*(?:%|(?i:per\s*cent|{MONTH_NAME})\b)|(?i:st|nd|rd|th)\b)"
_ID = (
    r"(?:HL\s?\d{1,6}|S[1-6][A-Z]-\d{4,5}|WQ\d{4,6}|AQ[WOT]\s?\d{1,6}/\d{2}(?:-\d{2})?|\d{1,6})"
    + _NOT_QUANTITY
)
_JOIN = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)"
_RANGE = r"(?:\s*(?:-|–|—)\s*|\s+to\s+)"
_KEYWORD = (
    r"(?:(?:[Pp]arliamentary|[Ww]ritten|[Nn]amed[- ][Dd]ay)\s+)?"
    r"(?:[Qq]uestions?|QUESTIONS?|PQs?|UINs?|WPQs?)"
    r"(?:\s+(?:[Nn]umbers?|[Nn]os?\.?|[Rr]ef(?:erence)?s?\.?|UINs?))?"
)
_KEYED_REFS = re.compile(
    rf"\b{_KEYWORD}\s*(?::\s*)?(?P<ids>{_ID}(?:(?:{_JOIN}|{_RANGE}){_ID})*)(?![\w/%£$.,]\d)(?!\w)"
)
_BARE_ID = r"(?:HL\s?\d{2,6}|S[1-6][WOFTM]-\d{4,5}|WQ\d{5,6}|AQ[WOT]\s?\d{1,6}/\d{2}(?:-\d{2})?)"
_SQUARE_ID = r"(?:HL\s?\d{1,6}|[1-9]\d{2,5})"
_LORDS_ID = r"HL\s?\d{1,6}"
# Ids without a keyword: in square brackets ("[12345]", "[HL1234]"), Lords ids in round
# brackets ("(HL16983)"; "(2019)", "(020)" are years and phone codes), or distinctive alone.
_UNKEYED_REFS = re.compile(
    rf"\[(?P<square>{_SQUARE_ID}(?:\s*,\s*{_SQUARE_ID})*)\]"
    rf"|\((?P<round>{_LORDS_ID}(?:\s*,\s*{_LORDS_ID})*)\)"
    rf"|(?<![\w/-])(?P<bare>{_BARE_ID}(?:(?:{_JOIN}|{_RANGE}){_BARE_ID})*)(?![\w/-])"
)
# Where a match can start: every keyed reference begins with a keyword or the word before
# one, every unkeyed one with "[", "(HL" or a Lords/devolved prefix. Literal-first
# alternatives let the regex engine skip ahead to the next candidate character in C.
_KEYED_START = re.compile(
    "Question|question|QUESTION|PQ|UIN|WPQ|Parliamentary|parliamentary|Written|written|Named|named"
)
_UNKEYED_START = re.compile(r"\[|\(HL|HL|S[1-6]|WQ|AQ")
# "[2019] UKSC 12", "[2020] 1 WLR 123", "[1998] Ch 45": a law report's year, not a UIN.
_LAW_REPORT = re.compile(r"[ \t]+(?:\d{1,3}[ \t]+)?(?:[A-Z]{2,}|Ch|Fam|All[ \t]+ER)\b")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_ONE_ID = re.compile(_ID)
# Text without any of these cannot hold a reference (keyword, "[", Lords or devolved id).
_ANY_REF_HINT = re.compile(r"uestion|UESTION|PQ|UIN|HL|S[1-6]|WQ|AQ|\[")
_RANGE_BETWEEN = re.compile(rf"{_RANGE}$")
#: Candidate positions tried one by one before the plain regex scan takes over.
_MAX_TRIES = 32
#: The most digits one id has (``\d{1,6}`` in :data:`_ID`).
_LONGEST_NUMBER = 6
# Runs of digits, written "one digit, then more" rather than "\d+": a pattern that starts
# with a plain character class lets the regex engine skip to the next candidate in a tight
# C loop (two to three times faster over prose); the matches are the same.
_DIGITS = re.compile(r"\d\d*")
_ASCII_DIGITS = re.compile(r"[0-9][0-9]*")  # the same runs in ASCII text, found faster
# Read in the reversed text from just before a number: the spaces, "," and "." that may
# follow a weekday or month name ("Monday, 8", "April 8"), then the word (letters only).
_WORD_BEFORE_REVERSED = re.compile(r"\s+,?\.?(?P<word>[^\W\d_]+)")
_SPACES = re.compile(r"\s+")
_DIGIT = re.compile(r"\d")
_ASCII_DIGIT = re.compile(r"[0-9]")  # the same in ASCII text, found faster
# "... on 8 April to question", "of 25 February 2019 (Official Report, column 12W) to PQ"
# "Official Report, column 245W" between a cited date and the id it dates
_OFFICIAL_REPORT = (
    r"Official\s+Report,?\s+(?:Vol\.?\s*\d{1,4},?\s+)?(?:columns?|cols?\.?|c\.)\s*[\w-]{1,12}"
)
# what may stand between a cited date and the ids it dates: "of 25 February 2019 to PQ",
# "on 8 April 2025 (Official Report, column 12W) to Question", "given on 8 April 2025 (PQ"
_DATE_TO_IDS = re.compile(
    rf"\s*(?:,\s*)?(?:(?:\([^()]{{0,80}}\)|{_OFFICIAL_REPORT})\s*(?:,\s*)?)?"
    r"(?:to\s+(?:the\s+)?|for\s+|in\s+(?:reply|answer)\s+to\s+|\(\s*)?",
    re.IGNORECASE,
)
_DATE_AFTER = re.compile(
    rf"\s*(?:,\s*)?(?:answered\s+|tabled\s+|asked\s+)?(?:on|of)\s+(?:{DATE_IN_TEXT.pattern})",
    re.IGNORECASE,
)
_LOOKBEHIND = 120
#: Longest range expanded ("HL1234 to HL1240" gives the five ids between the ends too).
_MAX_RANGE = 50
#: At most this many ids are added by expanding ranges in one call (guards huge outputs).
_MAX_EXPANDED = 500


def _normal_id(raw: str) -> str:
    if raw.isdigit():
        return str(int(raw))
    compact = _SPACES.sub("", raw).upper()
    if compact.isdigit():
        return str(int(compact))
    if compact.startswith("HL") and compact[2:].isdigit():
        return f"HL{int(compact[2:])}"
    return compact


def _house_of(ref_id: str) -> House | None:
    return House.LORDS if ref_id.startswith("HL") and ref_id[2:].isdigit() else None


def _scan(pattern: re.Pattern[str], hint: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """The matches of ``pattern.finditer(text)``, trying the pattern only where ``hint`` does.

    Exact when ``pattern`` can only match where ``hint`` matches and never matches the
    empty string: positions skipped could not start a match, and each match resumes the
    scan at its end as ``finditer`` does. After :data:`_MAX_TRIES` tries (text dense with
    hints) the plain scan takes over from the same point. A list, not a generator: the
    usual text has no match or one, and a list costs no frame resumed per match.
    """
    matches: list[re.Match[str]] = []
    search, match_at = hint.search, pattern.match
    position = 0
    for _ in range(_MAX_TRIES):
        found = search(text, position)
        if found is None:
            return matches
        match = match_at(text, found.start())
        if match is None:
            position = found.start() + 1
        else:
            position = match.end()
            matches.append(match)
    matches.extend(pattern.finditer(text, position))
    return matches


def _dates_in(text: str) -> list[re.Match[str]]:
    """The matches of ``DATE_IN_TEXT.finditer(text)``, trying the pattern only where a date
    can start (see :func:`_scan`).

    A date starts at a number of one, two or four digits ("8 April", "25/02/2019",
    "2019-02-25"), or at the weekday or month name just before a number of one or two
    digits ("Monday 8 April", "April 8, 2025"); that name is the whole word before it, read
    in the reversed text. Longer numbers (UINs, years) are skipped at once.
    """
    found: list[re.Match[str]] = []
    resume = 0
    reversed_text = ""
    size = len(text)
    numbers = (_ASCII_DIGITS if text.isascii() else _DIGITS).finditer(text)
    for count, number in enumerate(numbers):
        start, end = number.span()
        if count == _MAX_TRIES:  # many numbers: the plain scan from the last date's end
            found.extend(DATE_IN_TEXT.finditer(text, resume))
            break
        if start < resume:
            continue
        if end - start > 2:  # only "2019-02-25" starts at a longer number
            if end - start == 4 and text.startswith("-", end):
                date = DATE_IN_TEXT.match(text, start)
                if date is not None:
                    found.append(date)
                    resume = date.end()
            continue
        before: re.Match[str] | None = None
        if start and not text[start - 1].isspace():
            # no name before the number (spaces follow one), and no date at it after a
            # letter, digit, "_", "/" or "-" (DATE_IN_TEXT's look-behind): "SDS40", "2024-25"
            previous = text[start - 1]
            if previous.isalnum() or previous in "_/-":
                continue
        else:
            if not reversed_text:
                reversed_text = text[::-1]
            before = _WORD_BEFORE_REVERSED.match(reversed_text, size - start)
        if before is not None and size - before.end() >= resume:
            word = before.group("word")
            # a letter the case-insensitive pattern folds unusually ("ſ") keeps the word
            if not word.isascii() or word[::-1].lower() in DATE_NAMES:
                date = DATE_IN_TEXT.match(text, size - before.end())
                if date is not None:
                    found.append(date)
                    resume = date.end()
                    if start < resume:
                        continue
        date = DATE_IN_TEXT.match(text, start)
        if date is not None:
            found.append(date)
            resume = date.end()
    return found


class _CitedDates:
    """The dates in one text, found once (on first use) and looked up by position."""

    def __init__(
        self, text: str, default_year: int | None, not_after: datetime.date | None = None
    ) -> None:
        self.text = text
        self.default_year = default_year
        self.not_after = not_after
        self._matches: list[re.Match[str]] = []
        self._ends: list[int] = []
        self._first_digit = -1  # not looked for yet
        self._scanned = False

    def _last_before(self, start: int) -> int:
        """The index of the last date ending at or before ``start`` (-1 if none).

        Every date holds a digit before its end: with no digit before ``start`` (found by
        one search of the text, the first time), no date ends there and none is looked for.
        """
        if self._first_digit < 0:
            digit = (_ASCII_DIGIT if self.text.isascii() else _DIGIT).search(self.text)
            self._first_digit = len(self.text) if digit is None else digit.start()
        if self._first_digit >= start:
            return -1
        if not self._scanned:
            self._scanned = True
            self._matches = _dates_in(self.text)
            self._ends = [m.end() for m in self._matches]
        return bisect.bisect_right(self._ends, start) - 1

    def around(self, start: int, end: int) -> datetime.date | None:
        """The date given for ids at ``text[start:end]``: just before them, or just after."""
        i = self._last_before(start)
        if (
            i >= 0
            and start - self._ends[i] <= _LOOKBEHIND
            and _DATE_TO_IDS.fullmatch(self.text, self._ends[i], start)
        ):
            return date_from_match(self._matches[i], self.default_year, self.not_after)
        after = _DATE_AFTER.match(self.text, end, end + _LOOKBEHIND)
        if after:
            return date_from_match(after, self.default_year, self.not_after)
        return None


def _expand_range(first: str, last: str) -> list[str] | None:
    """Ids strictly between two range ends of the same kind; ``None`` if not a range of ids.

    A shorter or smaller end ("2019-20", "44194-6") means the pair is not two ids.
    """
    prefix = "HL" if first.startswith("HL") else ""
    if prefix != ("HL" if last.startswith("HL") else ""):
        return []
    a, b = first[len(prefix) :], last[len(prefix) :]
    if not (a.isdigit() and b.isdigit()):
        return []
    if len(b) < len(a) or int(b) <= int(a):
        return None
    if int(b) - int(a) > _MAX_RANGE:
        return []
    return [f"{prefix}{n}" for n in range(int(a) + 1, int(b))]


def _is_law_report(text: str, match: re.Match[str]) -> bool:
    """True for the year of a law report citation: "[2019] UKSC 12"."""
    square = match.group("square")
    return (
        square is not None
        and _YEAR.fullmatch(square) is not None
        and _LAW_REPORT.match(text, match.end()) is not None
    )


def _one_number(
    text: str,
    match: re.Match[str],
    ids_start: int,
    number: str,
    offset: int,
    dates: _CitedDates,
    min_digits: int,
) -> list[QuestionRef]:
    """:func:`_refs_in_group` of a match whose ids are one plain number ("question 44194").

    The general reading gives the same: the number is the one piece ``_ONE_ID`` finds (at
    most six decimal digits, nothing after it), its normal id is ``str(int(number))``.
    """
    if len(number) < min_digits:
        return []  # "question 1": too short to be a UIN
    cited = dates.around(match.start(), match.end())
    # the id's text includes the keyword: "question 44194"
    start = match.start() if match.re is _KEYED_REFS else ids_start
    end = ids_start + len(number)
    return [
        QuestionRef(
            id=str(int(number)),
            text=text[start:end],
            house=None,
            date=cited,
            span=Span(offset + start, offset + end),
        )
    ]


def _is_short_number(digits: str) -> bool:
    """True for the digits of one id's number (decimal, at most :data:`_LONGEST_NUMBER`)."""
    return digits.isdecimal() and len(digits) <= _LONGEST_NUMBER


def _one_lords_id(
    text: str,
    match: re.Match[str],
    ids_start: int,
    lords_id: str,
    offset: int,
    dates: _CitedDates,
) -> list[QuestionRef]:
    """:func:`_refs_in_group` of a match whose ids are one Lords id without a space ("HL4872").

    The general reading gives the same: ``_ONE_ID`` finds the whole id as its one piece, a
    Lords id is never too short, its normal id is ``HL`` and the number without leading zeros.
    """
    cited = dates.around(match.start(), match.end())
    start = match.start() if match.re is _KEYED_REFS else ids_start
    end = ids_start + len(lords_id)
    return [
        QuestionRef(
            id=f"HL{int(lords_id[2:])}",
            text=text[start:end],
            house=House.LORDS,
            date=cited,
            span=Span(offset + start, offset + end),
        )
    ]


def _refs_in_group(
    text: str,
    match: re.Match[str],
    offset: int,
    dates: _CitedDates,
    min_digits: int,
    budget: list[int],
) -> list[QuestionRef]:
    """The refs one match holds; a list stops before its first implausible id.

    ``budget`` holds how many more range-expanded ids may be added in this call.
    """
    keyed = match.re is _KEYED_REFS
    # the one named group that took part: "ids", or "square", "round" or "bare"
    group = "ids" if keyed else str(match.lastgroup)
    ids_start = match.start(group)
    ids_text = match.group(group)
    if ids_text.isdecimal() and len(ids_text) <= _LONGEST_NUMBER:
        return _one_number(text, match, ids_start, ids_text, offset, dates, min_digits)
    if ids_text.startswith("HL") and _is_short_number(ids_text[2:]):
        return _one_lords_id(text, match, ids_start, ids_text, offset, dates)
    pieces = list(_ONE_ID.finditer(ids_text))  # the first one, if at 0, is _ONE_ID.match
    if pieces and pieces[0].start() == 0:
        first = pieces[0].group()
        if first.isdigit() and len(first) < min_digits:
            return []  # "question 1": too short to be a UIN (the loop below would stop here)
    cited = dates.around(match.start(), match.end())
    found: list[QuestionRef] = []
    previous: re.Match[str] | None = None
    for index, piece in enumerate(pieces):
        raw = piece.group()
        ref_id = _normal_id(raw)
        middles: list[str] | None = []
        if previous is not None and _RANGE_BETWEEN.match(ids_text, previous.end(), piece.start()):
            middles = _expand_range(found[-1].id, ref_id)
            if middles is None:
                found.pop()  # "PQ 2019-20": the range start was not an id either
                break
        if raw.isdigit() and len(raw) < min_digits:
            break
        if index == 0:
            # later ids in a list are as long as the first: not "PQ 44194 and 3 others"
            min_digits = max(min_digits, min(len(raw), 3))
        if previous is not None and middles:
            budget[0] -= len(middles)
            # a range's inner ids point at the whole range: "HL1234 to HL1240"
            whole = (ids_start + previous.start(), ids_start + piece.end())
            found.extend(
                QuestionRef(
                    id=middle,
                    text=text[whole[0] : whole[1]],
                    house=_house_of(middle),
                    date=cited,
                    span=Span(offset + whole[0], offset + whole[1]),
                )
                for middle in (middles if budget[0] >= 0 else ())
            )
        # the first id's text includes the keyword: "question 44194"
        start = match.start() if keyed and index == 0 else ids_start + piece.start()
        end = ids_start + piece.end()
        found.append(
            QuestionRef(
                id=ref_id,
                text=text[start:end],
                house=_house_of(ref_id),
                date=cited,
                span=Span(offset + start, offset + end),
            )
        )
        previous = piece
    return found


def _min_digits_after(text: str, keyword_start: int) -> int:
    """The fewest digits a plain id may have after the keyword at ``keyword_start``.

    3 after "question", "parliamentary question" or "written question" (a smaller number is
    a count, not a UIN), 1 after "PQ", "UIN", "WPQ" or "named day question". The keyword's
    second letter tells them apart: "qUestion", "QUESTION", "pArliamentary", "wRitten"
    against "PQ", "UIN", "WPQ", "nAmed" (whose first letter differs from "parliamentary").
    """
    second = text[keyword_start + 1]
    if second == "a":
        return 3 if text[keyword_start] in "Pp" else 1
    return 3 if second in "uUr" else 1


def pieces_with_hints(pieces: Sequence[str]) -> list[int]:
    """The indices of the pieces that may hold a reference (:func:`may_hold_refs`), in order.

    One scan of the pieces joined by line breaks (a hint never spans one), resumed at the
    next piece after each hit: pieces without a hint are never looked at again.
    """
    joined = "\n".join(pieces)
    search = _ANY_REF_HINT.search
    hint = search(joined)
    if hint is None:
        return []
    ends = list(itertools.accumulate(len(piece) + 1 for piece in pieces))
    found: list[int] = []
    while hint is not None:
        index = bisect.bisect_right(ends, hint.start())
        found.append(index)
        hint = search(joined, ends[index])
    return found


def may_hold_refs(text: str) -> bool:
    """False when ``text`` cannot hold a reference (no keyword, "[", Lords or devolved id).

    A cheap exact pre-check: the hints it looks for never span a line break.
    """
    return _ANY_REF_HINT.search(text) is not None


def find_question_refs(
    text: str,
    *,
    offset: int = 0,
    default_year: int | None = None,
    not_after: datetime.date | None = None,
) -> tuple[QuestionRef, ...]:
    """All question references in ``text``, in text order.

    ``offset`` is added to every span (pass the position of ``text`` in the document);
    ``default_year`` completes cited dates written without a year; ``not_after`` (the date
    of the citing text) moves such a date to the year before when it would fall after it.
    """
    if not _ANY_REF_HINT.search(text):
        return ()
    keyed = _scan(_KEYED_REFS, _KEYED_START, text)
    unkeyed = _scan(_UNKEYED_REFS, _UNKEYED_START, text)
    if not keyed and not unkeyed:
        return ()
    found: list[QuestionRef] = []
    keyed_spans: list[tuple[int, int]] = []
    budget = [_MAX_EXPANDED]
    dates = _CitedDates(text, default_year, not_after)
    for match in keyed:
        min_digits = _min_digits_after(text, match.start())
        refs = _refs_in_group(text, match, offset, dates, min_digits, budget)
        if refs:
            found.extend(refs)
            keyed_spans.append((match.start(), match.end()))
    keyed_count = len(found)
    starts = [a for a, _ in keyed_spans]
    for match in unkeyed:
        i = bisect.bisect_right(starts, match.start()) - 1
        if i >= 0 and match.start() < keyed_spans[i][1]:
            continue
        if _is_law_report(text, match):
            continue
        found.extend(_refs_in_group(text, match, offset, dates, 1, budget))
    # The refs of one scan come in span order already (a range's inner ids start where
    # the id before them does): only keyed and unkeyed refs together need sorting.
    if 0 < keyed_count < len(found):
        found.sort(key=_span_start)
    return tuple(found)


def _span_start(ref: QuestionRef) -> int:
    return ref.span.start
