"""Unit tests for :mod:`pqparse.extract.departments` (addressee → department)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from conftest import repeat_to_1mb
from pqparse.extract.departments import (
    ADDRESSEE_TO_DEPARTMENT,
    department_for_office,
    find_addressee,
    house_from_question,
)
from pqparse.models import House


@pytest.mark.parametrize(
    ("office", "department"),
    [
        ("Secretary of State for the Home Department", "Home Office"),
        (
            "Secretary of State for Foreign, Commonwealth and Development Affairs",
            "Foreign, Commonwealth and Development Office",
        ),
        (
            "Secretary of State for Foreign and Commonwealth Affairs",
            "Foreign and Commonwealth Office",
        ),
        (
            "Minister of State, Foreign, Commonwealth and Development Office",
            "Foreign, Commonwealth and Development Office",
        ),
        ("Secretary of State for Health and Social Care", "Department of Health and Social Care"),
        ("Secretary of State for Health", "Department of Health"),
        (
            "Secretary of State for Business, Energy and Industrial Strategy",
            "Department for Business, Energy and Industrial Strategy",
        ),
        ("Secretary of State for Business and Trade", "Department for Business and Trade"),
        ("Secretary of State for Trade and Industry", "Department of Trade and Industry"),
        ("President of the Board of Trade", "Department of Trade and Industry"),
        ("Chancellor of the Exchequer", "HM Treasury"),
        ("Mr Chancellor of the Exchequer", "HM Treasury"),
        ("Chief Secretary to the Treasury", "HM Treasury"),
        ("Minister for the Cabinet Office", "Cabinet Office"),
        ("Chancellor of the Duchy of Lancaster", "Cabinet Office"),
        ("Attorney General", "Attorney General"),
        ("Solicitor General", "Attorney General"),
        ("Leader of the House", "Leader of the House"),
        ("Prime Minister", "Prime Minister"),
        # historic offices
        ("Secretary of State for Social Security", "Department of Social Security"),
        ("Secretary of State for Social Services", "Department of Health and Social Security"),
        (
            "Secretary of State for the Environment, Transport and the Regions",
            "Department of the Environment, Transport and the Regions",
        ),
        (
            "Secretary of State for Environment, Transport and the Regions",
            "Department of the Environment, Transport and the Regions",
        ),
        (
            "Secretary of State for Transport, Local Government and the Regions",
            "Department for Transport, Local Government and the Regions",
        ),
        ("Secretary of State for the Environment", "Department of the Environment"),
        (
            "Secretary of State for Environment, Food and Rural Affairs",
            "Department for Environment, Food and Rural Affairs",
        ),
        (
            "Secretary of State for Culture, Media and Sport",
            "Department for Culture, Media and Sport",
        ),
        (
            "Secretary of State for Digital, Culture, Media and Sport",
            "Department for Digital, Culture, Media and Sport",
        ),
        ("Secretary of State for National Heritage", "Department of National Heritage"),
        (
            "Secretary of State for Education and Employment",
            "Department for Education and Employment",
        ),
        ("Secretary of State for Education and Skills", "Department for Education and Skills"),
        ("Secretary of State for Employment", "Department of Employment"),
        ("Secretary of State for Energy", "Department of Energy"),
        (
            "Minister of Agriculture, Fisheries and Food",
            "Ministry of Agriculture, Fisheries and Food",
        ),
        (
            "Deputy Prime Minister and First Secretary of State",
            "Office of the Deputy Prime Minister",
        ),
        ("Secretary of State for Constitutional Affairs", "Department for Constitutional Affairs"),
        (
            "Secretary of State for Communities and Local Government",
            "Department for Communities and Local Government",
        ),
        (
            "Secretary of State for Levelling Up, Housing and Communities",
            "Department for Levelling Up, Housing and Communities",
        ),
        (
            "Secretary of State for Exiting the European Union",
            "Department for Exiting the European Union",
        ),
        (
            "Secretary of State for Energy and Climate Change",
            "Department of Energy and Climate Change",
        ),
        # spelling variants
        ("the Secretary of State for Defence", "Ministry of Defence"),
        ("SECRETARY OF STATE FOR DEFENCE", "Ministry of Defence"),
        ("Secretary  of State\nfor Defence,", "Ministry of Defence"),
        ("Secretary of State for Nowhere", None),
        ("", None),
    ],
)
def test_department_for_office(office: str, department: str | None) -> None:
    assert department_for_office(office) == department


def test_every_table_title_reads_back_from_a_question() -> None:
    for title, department in ADDRESSEE_TO_DEPARTMENT.items():
        lead = "To ask " if title.startswith("Mr ") else "To ask the "
        found = find_addressee(f"{lead}{title}, what steps are being taken.")
        assert (found.title, found.department, found.house) == (title, department, House.COMMONS)


@pytest.mark.parametrize(
    ("question", "title", "department"),
    [
        (
            "To ask the Secretary of State for the Home Department, whether she will",
            "Secretary of State for the Home Department",
            "Home Office",
        ),
        (
            "To ask the Secretary of State for Foreign, Commonwealth and Development Affairs, what",
            "Secretary of State for Foreign, Commonwealth and Development Affairs",
            "Foreign, Commonwealth and Development Office",
        ),
        (
            "To ask the Secretary of State for Health and Social Care, how many",
            "Secretary of State for Health and Social Care",
            "Department of Health and Social Care",
        ),
        (
            "To ask the Secretary of State for Health, how many",
            "Secretary of State for Health",
            "Department of Health",
        ),
        (
            "To ask the Secretary of State for Business, Energy and Industrial Strategy, if",
            "Secretary of State for Business, Energy and Industrial Strategy",
            "Department for Business, Energy and Industrial Strategy",
        ),
        (
            "To ask Mr Chancellor of the Exchequer, with reference to",
            "Mr Chancellor of the Exchequer",
            "HM Treasury",
        ),
        (
            "To ask the Chancellor of the Exchequer, what",
            "Chancellor of the Exchequer",
            "HM Treasury",
        ),
        (
            "To ask the Minister for the Cabinet Office, what",
            "Minister for the Cabinet Office",
            "Cabinet Office",
        ),
        ("To ask the Attorney General, how many", "Attorney General", "Attorney General"),
        (
            "To ask the Secretary of State for Environment, Transport and the Regions, what",
            "Secretary of State for Environment, Transport and the Regions",
            "Department of the Environment, Transport and the Regions",
        ),
        (
            "To ask the Secretary of State for the Environment, what",
            "Secretary of State for the Environment",
            "Department of the Environment",
        ),
        (
            "To ask the Secretary of State for Social Security, how many",
            "Secretary of State for Social Security",
            "Department of Social Security",
        ),
        (
            "To ask the Deputy Prime Minister and First Secretary of State, what",
            "Deputy Prime Minister and First Secretary of State",
            "Office of the Deputy Prime Minister",
        ),
        (
            "To ask the Minister of State, Foreign, Commonwealth and Development Office, what",
            "Minister of State, Foreign, Commonwealth and Development Office",
            "Foreign, Commonwealth and Development Office",
        ),
        # no comma after the office: the next word decides
        (
            "To ask the Secretary of State for Defence what",
            "Secretary of State for Defence",
            "Ministry of Defence",
        ),
        (
            "To ask the Secretary of State for Transport if",
            "Secretary of State for Transport",
            "Department for Transport",
        ),
        # multi-part Hansard questions
        (
            "To ask the Secretary of State for Work and Pensions (1) how many",
            "Secretary of State for Work and Pensions",
            "Department for Work and Pensions",
        ),
        # line breaks and extra spaces inside the title
        (
            "To ask the Secretary of State\nfor the  Home Department, whether",
            "Secretary of State for the Home Department",
            "Home Office",
        ),
    ],
)
def test_find_addressee_for_offices(question: str, title: str, department: str) -> None:
    found = find_addressee(question)
    assert (found.title, found.department, found.house) == (title, department, House.COMMONS)
    assert " ".join(question[found.start : found.end].split()) == title


@pytest.mark.parametrize(
    ("question", "member", "body"),
    [
        (
            "To ask the hon. Member for Meriden, representing the Church Commissioners, what",
            "hon. Member for Meriden",
            "Church Commissioners",
        ),
        (
            "To ask the hon. Member for Broxtowe, representing the House of Commons Commission, "
            "whether",
            "hon. Member for Broxtowe",
            "House of Commons Commission",
        ),
        (
            "To ask the hon. Member for Perth and North Perthshire, representing the Speaker's "
            "Committee on the Electoral Commission, what",
            "hon. Member for Perth and North Perthshire",
            "Speaker's Committee on the Electoral Commission",
        ),
        (
            "To ask the right hon. Member for Camborne and Redruth, representing the Public "
            "Accounts Commission, what",
            "right hon. Member for Camborne and Redruth",
            "Public Accounts Commission",
        ),
        (
            "To ask the right hon. and learned Member for Torridge and West Devon, representing "
            "the Church Commissioners, if",
            "right hon. and learned Member for Torridge and West Devon",
            "Church Commissioners",
        ),
    ],
)
def test_member_representing_a_body(question: str, member: str, body: str) -> None:
    found = find_addressee(question)
    assert found.title == f"{member}, representing the {body}"
    assert found.department == body
    assert found.house is House.COMMONS
    assert question[found.start : found.end] == found.title


@pytest.mark.parametrize(
    "question",
    [
        "To ask His Majesty's Government what assessment they have made",
        "To ask Her Majesty's Government whether they will",
        "To ask Her Majesty’s Government how many",
        "To ask His Majestys Government what",
    ],
)
def test_lords_questions_have_no_addressee(question: str) -> None:
    found = find_addressee(question)
    assert (found.title, found.department, found.house) == (None, None, House.LORDS)
    assert house_from_question(question) is House.LORDS


def test_unknown_office_keeps_the_title_without_department() -> None:
    found = find_addressee("To ask the Minister for Pigeons, what plans")
    assert (found.title, found.department, found.house) == (
        "Minister for Pigeons",
        None,
        House.COMMONS,
    )


@pytest.mark.parametrize("question", ["", "What is the answer?", "Asked by Lord X", "To ask"])
def test_not_a_question_lead(question: str) -> None:
    found = find_addressee(question)
    assert (found.title, found.department, found.house) == (None, None, None)


@pytest.mark.parametrize(
    "text",
    [
        "To ask the " + repeat_to_1mb("Secretary of State for "),
        "To ask the hon. Member for " + repeat_to_1mb("x"),
        "To ask the hon. Member for x, representing the " + repeat_to_1mb("Church "),
        "To ask " + repeat_to_1mb(" "),
        repeat_to_1mb("To ask the "),
        "To ask the " + repeat_to_1mb("a"),
    ],
)
def test_linear_on_adversarial_input(
    text: str, assert_linear: Callable[[Callable[[str], Any], str], None]
) -> None:
    assert_linear(find_addressee, text)
    assert_linear(department_for_office, text)


@pytest.mark.parametrize(
    ("role", "department"),
    [
        ("Prime Minister and First Lord of the Treasury", "Prime Minister"),
        ("Lord President of the Council and Leader of the House of Commons", "Leader of the House"),
        ("Minister for the Cabinet Office and Paymaster General", "Cabinet Office"),
        ("Minister for Women and Equality", None),  # one portfolio, not two offices
        ("Minister of State for Trade and Investment", None),
    ],
)
def test_combined_offices_take_the_first_known_office(role: str, department: str | None) -> None:
    assert department_for_office(role) == department
