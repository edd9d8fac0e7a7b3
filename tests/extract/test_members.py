"""Unit tests for :mod:`pqparse.extract.members`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from conftest import repeat_to_1mb
from pqparse.extract.members import (
    is_portrait_caption,
    parse_member,
    split_trailing_parenthetical,
)
from pqparse.models import Member


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr Nick Hurd (Conservative - Ruislip, Northwood and Pinner)",
            Member("Mr Nick Hurd", "Conservative", "Ruislip, Northwood and Pinner"),
        ),
        (
            "Dr Caroline Johnson (Conservative - Sleaford and North Hykeham)",
            Member("Dr Caroline Johnson", "Conservative", "Sleaford and North Hykeham"),
        ),
        (
            "Sir Edward Leigh (Conservative - Gainsborough)",
            Member("Sir Edward Leigh", "Conservative", "Gainsborough"),
        ),
        (
            "Dame Diana Johnson (Labour - Kingston upon Hull North and Cottingham)",
            Member("Dame Diana Johnson", "Labour", "Kingston upon Hull North and Cottingham"),
        ),
        ("Ms Lyn Brown (Labour - West Ham)", Member("Ms Lyn Brown", "Labour", "West Ham")),
        (
            "Lord Agnew of Oulton (Conservative - Life peer)",
            Member("Lord Agnew of Oulton", "Conservative", "Life peer"),
        ),
        (
            "Baroness Hayman of Ullock (Labour - Life peer)",
            Member("Baroness Hayman of Ullock", "Labour", "Life peer"),
        ),
        (
            "Lord Hylton (Crossbench - Excepted Hereditary)",
            Member("Lord Hylton", "Crossbench", "Excepted Hereditary"),
        ),
        (
            "Lord Bishop of St Albans (Bishops - Bishops)",
            Member("Lord Bishop of St Albans", "Bishops", "Bishops"),
        ),
        (
            "Stella Creasy (Labour (Co-op) - Walthamstow)",
            Member("Stella Creasy", "Labour (Co-op)", "Walthamstow"),
        ),
        (
            "Jim Shannon (Democratic Unionist Party - Strangford)",
            Member("Jim Shannon", "Democratic Unionist Party", "Strangford"),
        ),
        (
            "Caroline Lucas (Green Party - Brighton, Pavilion)",
            Member("Caroline Lucas", "Green Party", "Brighton, Pavilion"),
        ),
        (
            "Sir Iain Duncan Smith (Conservative – Chingford and Woodford Green)",
            Member("Sir Iain Duncan Smith", "Conservative", "Chingford and Woodford Green"),
        ),
        (
            "Mr Nick Hurd (Ruislip, Northwood and Pinner)",
            Member("Mr Nick Hurd", None, "Ruislip, Northwood and Pinner"),
        ),
        (
            "Mr. Tony Banks (Newham, North-West)",
            Member("Mr. Tony Banks", None, "Newham, North-West"),
        ),
        ("(Walthamstow)", Member(None, None, "Walthamstow")),
        ("(Labour (Co-op) - Walthamstow)", Member(None, "Labour (Co-op)", "Walthamstow")),
        ("Baroness Penn", Member("Baroness Penn", None, None)),
        ("  Mr   Nick\n Hurd  ", Member("Mr Nick Hurd", None, None)),
        ("Diana Johnson Portrait", Member("Diana Johnson", None, None)),
        ("", Member(None, None, None)),
    ],
)
def test_parse_member(text: str, expected: Member) -> None:
    assert parse_member(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Name (unbalanced", ("Name (unbalanced", None)),
        ("Name unbalanced)", ("Name unbalanced)", None)),
        ("A (B (C) D)", ("A", "B (C) D")),
        ("A (B) (C)", ("A (B)", "C")),
        ("no parenthetical", ("no parenthetical", None)),
    ],
)
def test_split_trailing_parenthetical(text: str, expected: tuple[str, str | None]) -> None:
    assert split_trailing_parenthetical(text) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Diana Johnson Portrait", True),
        ("Lord Hendy of Richmond Hill Portrait ", True),
        ("Baroness Penn\tPortrait", True),
        ("Portrait", False),
        ("   Portrait", False),
        ("Diana Johnson", False),
        ("A Portrait of the Artist as a Young Man", False),
        ("SelfPortrait", False),
    ],
)
def test_is_portrait_caption(line: str, expected: bool) -> None:
    assert is_portrait_caption(line) is expected


@pytest.mark.parametrize(
    "text",
    [
        repeat_to_1mb(" "),
        "a (" + repeat_to_1mb(" ") + "x)",
        "a (" + repeat_to_1mb(" - ") + ")",
        repeat_to_1mb("("),
        repeat_to_1mb(")"),
        repeat_to_1mb(" Portrait "),
        repeat_to_1mb("Labour (Co-op) - "),
    ],
)
def test_linear_on_adversarial_input(
    text: str, assert_linear: Callable[[Callable[[str], Any], str], None]
) -> None:
    assert_linear(parse_member, text)
    assert_linear(is_portrait_caption, text)
