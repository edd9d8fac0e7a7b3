"""Unit tests for :mod:`pqparse.extract.ministers`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from conftest import repeat_to_1mb
from pqparse.extract.ministers import department_from_role, parse_minister
from pqparse.models import Minister


def test_role_is_kept_as_shown() -> None:
    assert parse_minister(" Diana  Johnson ", "Minister of State (Home Office)") == Minister(
        name="Diana Johnson", role="Minister of State (Home Office)", department="Home Office"
    )


def test_no_role() -> None:
    assert parse_minister("George Eustice") == Minister("George Eustice", None, None)
    assert parse_minister("Baroness Penn", "  ") == Minister("Baroness Penn", None, None)


@pytest.mark.parametrize(
    ("role", "department"),
    [
        ("Minister of State (Home Office)", "Home Office"),
        (
            "Minister of State (Department for Work and Pensions)",
            "Department for Work and Pensions",
        ),
        (
            "Parliamentary Under-Secretary (Department for Work and Pensions)",
            "Department for Work and Pensions",
        ),
        ("Parliamentary Under Secretary of State (Home Office)", "Home Office"),
        ("Parliamentary Under-Secretary of State (Home Office)", "Home Office"),
        ("Minister of State (Education)", "Education"),
        (
            "Minister of State (Housing, Communities and Local Government)",
            "Housing, Communities and Local Government",
        ),
        (
            "Minister of State (Department for Environment, Food and Rural Affairs)",
            "Department for Environment, Food and Rural Affairs",
        ),
        ("Parliamentary Under-Secretary (Department for Transport)", "Department for Transport"),
        ("Financial Secretary (HM Treasury)", "HM Treasury"),
        ("Lords Spokesperson (HM Treasury)", "HM Treasury"),
        ("Parliamentary Secretary (Cabinet Office)", "Cabinet Office"),
        # two parentheticals: the department, then a title
        (
            "Parliamentary Under Secretary of State (Department for Business and Trade) (Minister "
            "for Women)",
            "Department for Business and Trade",
        ),
        (
            "Minister of State (Ministry of Defence) (Minister for the Armed Forces)",
            "Ministry of Defence",
        ),
        # a title first, then the department
        ("Minister of State (Minister for Security) (Home Office)", "Home Office"),
        # titles only: no department
        ("Minister on Leave (Parliamentary Under Secretary of State)", None),
        ("Government Whip (Lord in Waiting)", None),
        ("Baroness in Waiting (Government Whip)", None),
        ("Minister of State (Minister for Security)", None),
        # bare office titles through the addressee table
        ("Secretary of State for Defence", "Ministry of Defence"),
        ("Secretary of State for the Home Department", "Home Office"),
        ("Chancellor of the Exchequer", "HM Treasury"),
        ("Minister for the Cabinet Office", "Cabinet Office"),
        ("Solicitor General", "Attorney General"),
        ("The Solicitor-General", "Attorney General"),
        (
            "Secretary of State for Foreign, Commonwealth and Development Affairs",
            "Foreign, Commonwealth and Development Office",
        ),
        # junior offices resolve through their Secretary of State
        ("Parliamentary Under-Secretary of State for Transport", "Department for Transport"),
        (
            "Parliamentary Under Secretary of State for Health and Social Care",
            "Department of Health and Social Care",
        ),
        ("Minister of State for Work and Pensions", "Department for Work and Pensions"),
        # Hansard: "<title>, <department> (<minister's name>)"
        ("The Minister of State, Ministry of Justice (Lord McNally)", "Ministry of Justice"),
        ("The Minister of State, Department of Health (Mr. Ben Bradshaw)", "Department of Health"),
        (
            "The Parliamentary Under-Secretary of State for Health (Ann Keen)",
            "Department of Health",
        ),
        (
            "The Parliamentary Under-Secretary of State for Health (Lord Darzi)",
            "Department of Health",
        ),
        (
            "The Parliamentary Under-Secretary of State, Department for Environment, Food and "
            "Rural Affairs (Lord De Mauley)",
            "Department for Environment, Food and Rural Affairs",
        ),
        ("Minister of State, Home Office", "Home Office"),
        # a named body in parentheses wins over the office title
        (
            "Minister for Women (Department for Business and Trade)",
            "Department for Business and Trade",
        ),
        ("Minister of State", None),
        ("Spokesperson", None),
        ("", None),
        (None, None),
    ],
)
def test_department_from_role(role: str | None, department: str | None) -> None:
    assert department_from_role(role) == department


@pytest.mark.parametrize(
    "text",
    [
        repeat_to_1mb("Minister of State ("),
        repeat_to_1mb("(Home Office) "),
        repeat_to_1mb("(Lord X) "),
        "Parliamentary Under-Secretary of State for " + repeat_to_1mb(" "),
        "Minister of State, " + repeat_to_1mb("Office "),
        repeat_to_1mb(" "),
    ],
)
def test_linear_on_adversarial_input(
    text: str, assert_linear: Callable[[Callable[[str], Any], str], None]
) -> None:
    assert_linear(lambda role: parse_minister("Name", role), text)
