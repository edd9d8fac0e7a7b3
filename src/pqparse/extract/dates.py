"""Dates as they appear in parliamentary documents.

Fast exact paths for the layouts the sources use ("7th April 2025", "Monday 23rd January
2023", "07 April 2025", "12 Apr 2021", "8 April" with the year from context, "25/02/2019",
ISO "2019-02-25T00:00:00"); ``dateutil`` only as a last resort.
"""

from __future__ import annotations

import datetime
import re

from dateutil import parser as dateutil_parser

__all__ = ["DATE_IN_TEXT", "MONTHS", "date_from_match", "parse_date"]

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
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)"
_ORDINAL = r"(?:st|nd|rd|th)"

#: A date inside running text: "7th April 2025", "Monday 8 April", "April 7, 2025",
#: "25/02/2019", "2019-02-25". Named groups feed :func:`date_from_match`.
DATE_IN_TEXT = re.compile(
    rf"(?<![\w/-])(?:{_WEEKDAY}?(?P<d1>\d{{1,2}}){_ORDINAL}?(?:\s+of)?\s+(?P<m1>{_MONTH})\.?"
    rf"(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}}){_ORDINAL}?,?\s+(?P<y2>\d{{4}})"
    r"|(?P<d3>\d{1,2})/(?P<m3>\d{1,2})/(?P<y3>\d{4})"
    r"|(?P<y4>\d{4})-(?P<m4>\d{2})-(?P<d4>\d{2}))(?![\w/])",
    re.IGNORECASE,
)
_WHOLE_DATE = re.compile(
    rf"\s*(?:{DATE_IN_TEXT.pattern})(?:T[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?\s*\.?\s*", re.I
)
_HAS_DIGIT = re.compile(r"\d")


def _make(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def date_from_match(match: re.Match[str], default_year: int | None = None) -> datetime.date | None:
    """The date a :data:`DATE_IN_TEXT` match denotes (``None`` if impossible or yearless)."""
    groups = match.groupdict()
    if groups["d1"]:
        year = int(groups["y1"]) if groups["y1"] else default_year
        month = MONTHS[groups["m1"].lower()]
        day = int(groups["d1"])
    elif groups["m2"]:
        year, month, day = int(groups["y2"]), MONTHS[groups["m2"].lower()], int(groups["d2"])
    elif groups["d3"]:
        year, month, day = int(groups["y3"]), int(groups["m3"]), int(groups["d3"])
    else:
        year, month, day = int(groups["y4"]), int(groups["m4"]), int(groups["d4"])
    if year is None:
        return None
    return _make(year, month, day)


def parse_date(text: str, *, default_year: int | None = None) -> datetime.date | None:
    """Parse one date written alone; ``None`` when it is not a (complete) date.

    A date without a year ("8 April") takes ``default_year``; without one it is ``None``.
    """
    if not text or len(text) > 100 or not _HAS_DIGIT.search(text):
        return None
    match = _WHOLE_DATE.fullmatch(text)
    if match:
        return date_from_match(match, default_year)
    return _fallback(text, default_year)


_SENTINEL_YEAR = 1


def _fallback(text: str, default_year: int | None) -> datetime.date | None:
    """dateutil for layouts the fast path does not know; rejects partial guesses."""
    default = datetime.datetime(_SENTINEL_YEAR, 1, 1)
    try:
        parsed = dateutil_parser.parse(text, dayfirst=True, default=default)
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed.year == _SENTINEL_YEAR:
        if default_year is None:
            return None
        return _make(default_year, parsed.month, parsed.day)
    return parsed.date()
