"""Unit tests for :mod:`pqparse.extract.dates`."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import repeat_to_1mb
from pqparse.extract.dates import DATE_IN_TEXT, date_from_match, parse_date

D = datetime.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7th April 2025", D(2025, 4, 7)),
        ("28th April 2025", D(2025, 4, 28)),
        ("1st May 2024", D(2024, 5, 1)),
        ("22nd June 2023", D(2023, 6, 22)),
        ("3rd March 2020", D(2020, 3, 3)),
        ("07 April 2025", D(2025, 4, 7)),
        ("01 March 2019", D(2019, 3, 1)),
        ("25/02/2019", D(2019, 2, 25)),
        ("2019-02-25", D(2019, 2, 25)),
        ("2019-02-25T00:00:00", D(2019, 2, 25)),
        ("2024-01-05T10:31:12.53Z", D(2024, 1, 5)),
        ("2025-02-10T00:00:00+01:00", D(2025, 2, 10)),
        ("Monday 23rd January 2023", D(2023, 1, 23)),
        ("Thursday 25th April 2024", D(2024, 4, 25)),
        ("Tuesday, 3 March 2020", D(2020, 3, 3)),
        ("12 Apr 2021", D(2021, 4, 12)),
        ("4 Sept 2018", D(2018, 9, 4)),
        ("1st of May 2020", D(2020, 5, 1)),
        ("April 7, 2025", D(2025, 4, 7)),
        ("  10 September 2014.  ", D(2014, 9, 10)),
        ("29 February 2024", D(2024, 2, 29)),
    ],
)
def test_known_layouts(text: str, expected: datetime.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "default_year", "expected"),
    [
        ("8 April", 2025, D(2025, 4, 8)),
        ("20 May", 2019, D(2019, 5, 20)),
        ("Monday 8 April", 2024, D(2024, 4, 8)),
        ("7th April 2025", 1999, D(2025, 4, 7)),  # a written year wins over the default
    ],
)
def test_default_year_completes_yearless_dates(
    text: str, default_year: int, expected: datetime.date
) -> None:
    assert parse_date(text, default_year=default_year) == expected


@pytest.mark.parametrize("text", ["8 April", "20 May", "3rd March"])
def test_yearless_without_default_is_none(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "31 February 2020",
        "30/02/2019",
        "29 February 2023",
        "2019-13-01",
        "2019-02-30T00:00:00",
        "0 April 2020",
        "99 April 2020",
        "32nd March 2021",
        "0000-01-01",
    ],
)
def test_impossible_dates_are_none(text: str) -> None:
    assert parse_date(text) is None
    assert parse_date(text, default_year=2020) is None


def test_impossible_yearless_date_with_default_is_none() -> None:
    assert parse_date("29 February", default_year=2023) is None
    assert parse_date("29 February", default_year=2024) == D(2024, 2, 29)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "garbage",
        "View Source",
        "12",
        "2020",
        "April 2020",
        "Sept 2020",
        "May",
        "12:30",
        "44194",
        "£12,000",
        "section 12",
        "x" * 500 + " 7 April 2025",
    ],
)
def test_garbage_and_partial_dates_are_none(text: str) -> None:
    assert parse_date(text) is None
    assert parse_date(text, default_year=2025) is None


def test_non_string_input_is_none() -> None:
    not_text: Any = None
    assert parse_date(not_text) is None


@given(st.text(max_size=120), st.one_of(st.none(), st.integers(min_value=-5, max_value=10_000)))
def test_never_raises(text: str, default_year: int | None) -> None:
    result = parse_date(text, default_year=default_year)
    assert result is None or isinstance(result, datetime.date)


@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31)))
def test_round_trips_every_layout(day: datetime.date) -> None:
    month = day.strftime("%B")
    suffix = "th" if 11 <= day.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day.day % 10, "th")
    for text in (
        f"{day.day}{suffix} {month} {day.year}",
        f"{day:%d} {month} {day.year}",
        f"{day.day} {day:%b} {day.year}",
        f"{day:%d/%m/%Y}",
        f"{day.isoformat()}T00:00:00",
        f"{day:%A} {day.day}{suffix} {month} {day.year}",
    ):
        assert parse_date(text) == day, text


def test_dates_in_running_text() -> None:
    text = "the answer he was given on 8 April to question 44194, tabled 07 April 2025."
    found = [date_from_match(m, 2025) for m in DATE_IN_TEXT.finditer(text)]
    assert found == [D(2025, 4, 8), D(2025, 4, 7)]


def test_date_in_text_ignores_numbers_that_are_not_dates() -> None:
    text = "£44194, 12% of 020 7219 4272, section 12, column 618W, 2019/20"
    assert list(DATE_IN_TEXT.finditer(text)) == []


@pytest.mark.parametrize(
    "unit",
    ["Monday ", "1 ", "7th of ", "Monday 1 ", "1 April ", "25/02/", " ", "2019-02-"],
)
def test_date_scan_is_linear_on_adversarial_input(
    unit: str, assert_linear: Callable[[Callable[[str], Any], str], None]
) -> None:
    assert_linear(lambda text: sum(1 for _ in DATE_IN_TEXT.finditer(text)), repeat_to_1mb(unit))


def test_parse_date_is_fast_on_huge_input(
    assert_linear: Callable[[Callable[[str], Any], str], None],
) -> None:
    assert_linear(parse_date, repeat_to_1mb("7 April 2025 "))
