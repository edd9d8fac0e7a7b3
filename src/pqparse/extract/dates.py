"""Dates as they appear in parliamentary documents.

Fast exact paths for the layouts the sources use ("7th April 2025", "Monday 23rd January
2023", "07 April 2025", "12 Apr 2021", "8 April" with the year from context, "25/02/2019",
ISO "2019-02-25T00:00:00"); ``dateutil`` only as a last resort.
"""

from __future__ import annotations

import datetime
import functools
import re

from dateutil import parser as dateutil_parser

__all__ = ["DATE_IN_TEXT", "DATE_NAMES", "MONTHS", "MONTH_NAME", "date_from_match", "parse_date"]

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
#: A month name or its abbreviation, as a pattern fragment (match case-insensitively).
MONTH_NAME = _MONTH
_WEEKDAY_NAME = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?"
_WEEKDAY = rf"(?:{_WEEKDAY_NAME}\.?,?\s+)"
_WEEKDAYS = ("mon", "tue", "tues", "wed", "wednes", "thu", "thurs", "fri", "sat", "satur", "sun")
#: Every weekday and month word :data:`DATE_IN_TEXT` reads, lower case ("mon", "tuesday",
#: "sept"): the words a date can start with.
DATE_NAMES = frozenset(MONTHS) | {f"{stem}{day}" for stem in _WEEKDAYS for day in ("", "day")}
_ORDINAL = r"(?:st|nd|rd|th)"

#: A date inside running text: "7th April 2025", "Monday 8 April", "April 7, 2025",
#: "25/02/2019", "2019-02-25". Named groups feed :func:`date_from_match`.
DATE_IN_TEXT = re.compile(
    # (?=...) fails fast where no date can start: a digit, a weekday or a month initial
    rf"(?=[\dadfjmnostw])(?<![\w/-])(?:{_WEEKDAY}?(?P<d1>\d{{1,2}}){_ORDINAL}?(?:\s+of)?\s+(?P<m1>{_MONTH})\.?"
    rf"(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}}){_ORDINAL}?,?\s+(?P<y2>\d{{4}})"
    r"|(?P<d3>\d{1,2})/(?P<m3>\d{1,2})/(?P<y3>\d{4})"
    r"|(?P<y4>\d{4})-(?P<m4>\d{2})-(?P<d4>\d{2}))(?![\w/])",
    re.IGNORECASE,
)
_WHOLE_DATE = re.compile(
    rf"\s*(?:{DATE_IN_TEXT.pattern})(?:T[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?\s*\.?\s*", re.I
)
# ISO date with an optional time: "2019-02-25T00:00:00", "2024-01-05T10:31:12.53Z".
# (DATE_IN_TEXT refuses a letter right after the day, so "T..." needs its own path.)
_ISO_DATE_TIME = re.compile(
    r"\s*(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?\s*"
)
_HAS_DIGIT = re.compile(r"\d")


def _make(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def date_from_match(
    match: re.Match[str],
    default_year: int | None = None,
    not_after: datetime.date | None = None,
) -> datetime.date | None:
    """The date a :data:`DATE_IN_TEXT` match denotes (``None`` if impossible or yearless).

    A date written without a year takes ``default_year``; if that puts it after
    ``not_after`` (the date of the text citing it), it is taken from the year before.
    """
    year: int | None
    if d1 := match["d1"]:
        y1 = match["y1"]
        month = MONTHS[match["m1"].lower()]
        day = int(d1)
        if y1:
            year = int(y1)
        elif default_year is not None and not_after is not None:
            year = default_year
            if (month, day) > (not_after.month, not_after.day) and default_year >= not_after.year:
                year = not_after.year - 1
        else:
            year = default_year
    elif m2 := match["m2"]:
        year, month, day = int(match["y2"]), MONTHS[m2.lower()], int(match["d2"])
    elif d3 := match["d3"]:
        year, month, day = int(match["y3"]), int(match["m3"]), int(d3)
    else:
        year, month, day = int(match["y4"]), int(match["m4"]), int(match["d4"])
    if year is None:
        return None
    return _make(year, month, day)


def parse_date(text: str, *, default_year: int | None = None) -> datetime.date | None:
    """Parse one date written alone; ``None`` when it is not a (complete) date.

    A date without a year ("8 April") takes ``default_year``; without one it is ``None``.
    """
    if not isinstance(text, str) or len(text) > 100:
        return None
    return _parse_short_date(text, default_year)


@functools.lru_cache(maxsize=1024)
def _parse_short_date(text: str, default_year: int | None) -> datetime.date | None:
    """:func:`parse_date`, remembered by exact text and year: sources repeat the same few
    dates ("Tabled 7 April 2025", "2025-04-07T00:00:00") record after record."""
    if not _HAS_DIGIT.search(text):
        return None
    iso = _ISO_DATE_TIME.fullmatch(text)
    if iso:
        return _make(int(iso["y"]), int(iso["m"]), int(iso["d"]))
    match = _WHOLE_DATE.fullmatch(text)
    if match:
        return date_from_match(match, default_year)
    return _fallback(text, default_year)


# Two different defaults: a field that differs between the two parses was not in the text.
_DEFAULTS = (datetime.datetime(1, 1, 1), datetime.datetime(2, 2, 2))


def _fallback(text: str, default_year: int | None) -> datetime.date | None:
    """dateutil for layouts the fast path does not know; rejects partial guesses.

    A text without a day or a month ("April 2020", "2020", "12") is not a date; one
    without a year takes ``default_year``.
    """
    dayfirst = not text.lstrip()[:4].isdigit()  # "2000/01/02" is year-month-day
    try:
        first, second = (
            dateutil_parser.parse(text, dayfirst=dayfirst, default=default) for default in _DEFAULTS
        )
    except (ValueError, OverflowError, TypeError, ArithmeticError):
        return None
    if first.month != second.month or first.day != second.day:
        return None
    if first.year != second.year:
        return None if default_year is None else _make(default_year, first.month, first.day)
    return first.date()
