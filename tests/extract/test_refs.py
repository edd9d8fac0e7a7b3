"""Unit tests for :mod:`pqparse.extract.refs` (the reference extractor)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import repeat_to_1mb
from pqparse.extract.refs import find_question_refs
from pqparse.models import House, QuestionRef

D = datetime.date


def ids(text: str, **kwargs: Any) -> list[str]:
    return [ref.id for ref in find_question_refs(text, **kwargs)]


def texts(text: str) -> list[str]:
    return [ref.text for ref in find_question_refs(text)]


def assert_spans_exact(text: str, refs: tuple[QuestionRef, ...], offset: int = 0) -> None:
    for ref in refs:
        assert text[ref.span.start - offset : ref.span.end - offset] == ref.text


@pytest.mark.parametrize(
    ("text", "ref_id", "ref_text"),
    [
        ("I refer him to question 44194.", "44194", "question 44194"),
        ("the answer I gave to PQ 146306.", "146306", "PQ 146306"),
        ("pursuant to Question 223140", "223140", "Question 223140"),
        ("see UIN 12345 for details", "12345", "UIN 12345"),
        ("Written Question 12345", "12345", "Written Question 12345"),
        ("Parliamentary Question 98765", "98765", "Parliamentary Question 98765"),
        ("Named Day Question 12345", "12345", "Named Day Question 12345"),
        ("question number 12345", "12345", "question number 12345"),
        ("question: 12345", "12345", "question: 12345"),
        ("PQ12345", "12345", "PQ12345"),
        ("PQ HL1234", "HL1234", "PQ HL1234"),
        ("what plans he has to respond. [12345]", "12345", "12345"),
        ("the Lords answer [HL1234]", "HL1234", "HL1234"),
        ("as I said on 3 March (HL16983).", "HL16983", "HL16983"),
        ("(HL 2345)", "HL2345", "HL 2345"),
        ("Lord Bird asked HL 1234 on housing", "HL1234", "HL 1234"),
        ("as S6W-01234 asked", "S6W-01234", "S6W-01234"),
        ("see AQW 1234/17-22 too", "AQW1234/17-22", "AQW 1234/17-22"),
        ("Senedd WQ12345", "WQ12345", "WQ12345"),
        ("Scottish question S6W-01234", "S6W-01234", "question S6W-01234"),
    ],
)
def test_single_reference(text: str, ref_id: str, ref_text: str) -> None:
    refs = find_question_refs(text)
    assert [(r.id, r.text) for r in refs] == [(ref_id, ref_text)]
    assert_spans_exact(text, refs)


def test_lords_ids_carry_the_house() -> None:
    (lords,) = find_question_refs("PQ HL1234")
    (commons,) = find_question_refs("PQ 1234")
    assert lords.house is House.LORDS
    assert commons.house is None


def test_ids_are_normalised() -> None:
    assert ids("PQ 012345 and [HL 0099]") == ["12345", "HL99"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("questions 44194, 44195 and 44196", ["44194", "44195", "44196"]),
        ("Questions 44194 and 44195", ["44194", "44195"]),
        ("questions 44194 & 44195", ["44194", "44195"]),
        ("UIN 12345 or 12346", ["12345", "12346"]),
        ("PQs 12345, 12346, 12347", ["12345", "12346", "12347"]),
        ("[HL1234, HL1235]", ["HL1234", "HL1235"]),
        ("HL1234, HL1235 and HL1236", ["HL1234", "HL1235", "HL1236"]),
        ("HL 1234 and HL 1235", ["HL1234", "HL1235"]),
    ],
)
def test_lists(text: str, expected: list[str]) -> None:
    assert ids(text) == expected
    assert_spans_exact(text, find_question_refs(text))


def test_list_texts_keyword_on_first_only() -> None:
    assert texts("questions 44194, 44195 and 44196") == ["questions 44194", "44195", "44196"]


def test_range_is_expanded_and_inner_ids_point_at_the_whole_range() -> None:
    text = "PQs HL1234 to HL1240"
    refs = find_question_refs(text)
    assert [r.id for r in refs] == [f"HL{n}" for n in range(1234, 1241)]
    assert refs[0].text == "PQs HL1234"
    assert refs[-1].text == "HL1240"
    assert {r.text for r in refs[1:-1]} == {"HL1234 to HL1240"}
    assert all(r.house is House.LORDS for r in refs)
    assert_spans_exact(text, refs)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Questions 12345 to 12349", ["12345", "12346", "12347", "12348", "12349"]),
        ("question 44194-44196", ["44194", "44195", "44196"]),
        ("HL1234-HL1236", ["HL1234", "HL1235", "HL1236"]),
        ("PQs 100 to 400", ["100", "400"]),  # too long to be a range of ids: ends only
        ("PQs 12345 to HL1240", ["12345", "HL1240"]),  # different kinds: ends only
    ],
)
def test_ranges(text: str, expected: list[str]) -> None:
    assert ids(text) == expected
    assert_spans_exact(text, find_question_refs(text))


def test_range_expansion_is_bounded_per_call() -> None:
    text = "PQs 10000 to 10050, " * 100
    refs = find_question_refs(text)
    assert len(refs) <= 100 * 2 + 500


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("question 2019-20 session", []),
        ("the PQ 2019–20 round", []),
        ("questions 44194 and 44195-6", ["44194"]),
    ],
)
def test_session_years_and_abbreviated_ranges_are_not_ids(text: str, expected: list[str]) -> None:
    assert ids(text) == expected


@pytest.mark.parametrize(
    ("text", "default_year", "ref_id", "date"),
    [
        ("the answer of 25 February 2019 to Question 223140", None, "223140", D(2019, 2, 25)),
        ("the answer he was given on 8 April to question 44194", 2025, "44194", D(2025, 4, 8)),
        (
            "pursuant to Answer of 11 November 2025 to Question 87663",
            None,
            "87663",
            D(2025, 11, 11),
        ),
        ("the answer I gave on 20 October 2025 to PQ 81251.", None, "81251", D(2025, 10, 20)),
        ("his Answer of 21 November 2023 to Question 1578 on Roads", None, "1578", D(2023, 11, 21)),
        (
            "answer of 14 June 2010 (Official Report, column 245W) to question 12345",
            None,
            "12345",
            D(2010, 6, 14),
        ),
        (
            "the answer of 14 June 2010, Official Report, column 245W, to question 12345",
            None,
            "12345",
            D(2010, 6, 14),
        ),
        ("the answer given on 8 April 2025 (PQ 12345)", None, "12345", D(2025, 4, 8)),
        ("PQ 12345 answered on 3 March 2020", None, "12345", D(2020, 3, 3)),
        ("question 12345 of 3 March", 2021, "12345", D(2021, 3, 3)),
    ],
)
def test_cited_dates(text: str, default_year: int | None, ref_id: str, date: datetime.date) -> None:
    (ref,) = find_question_refs(text, default_year=default_year)
    assert (ref.id, ref.date) == (ref_id, date)
    assert_spans_exact(text, (ref,))


def test_cited_date_without_year_and_without_default_is_none() -> None:
    (ref,) = find_question_refs("the answer he was given on 8 April to question 44194")
    assert ref.date is None


def test_cited_date_applies_to_every_id_of_a_list() -> None:
    refs = find_question_refs("my answer of 3 March 2020 to questions 12345 and 12346")
    assert [r.date for r in refs] == [D(2020, 3, 3), D(2020, 3, 3)]


def test_a_distant_or_unrelated_date_is_not_cited() -> None:
    text = "On 3 March 2020 the Department published guidance; see also question 12345."
    (ref,) = find_question_refs(text)
    assert ref.date is None


def test_founding_example_sentence() -> None:
    text = (
        "I refer the Hon Member to the answer he was given on 8 April to question 44194. "
        "Our focus is to deliver meaningful change."
    )
    (ref,) = find_question_refs(text, offset=1000, default_year=2025)
    assert ref == QuestionRef(
        id="44194", text="question 44194", house=None, date=D(2025, 4, 8), span=ref.span
    )
    start = text.index("question 44194")
    assert (ref.span.start, ref.span.end) == (1000 + start, 1000 + start + 14)
    assert_spans_exact(text, (ref,), offset=1000)


@pytest.mark.parametrize(
    "text",
    [
        "it cost £44194 last year",
        "£44,194 was spent",
        "in 2019 and 2020",
        "in 2019-20 and 2020/21",
        "a rise of 44194% on 12.5 per cent",
        "(12.5%)",
        "(£12345)",
        "call 020 7219 4272",
        "call (020) 7219 4272",
        "+44 20 7219 4272",
        "under section 12 of the Act",
        "paragraph 44 of the guidance",
        "column 618W",
        "(Official Report, column 618W)",
        "Official Report, 14 June 2010, column 245W",
        "(HL Deb col 1802)",
        "HL Deb, 12 March 2019, col 1802",
        "(WA 213)",
        "—[Vol. 991, c.692–3.]",
        "HL Paper 123",
        "(HL Bill 45)",
        "the Crime and Disorder Act 1998 (c. 37)",
        "(1998 c. 42)",
        "SI 2019/1234",
        "(SI 2019/1234)",
        "(Cm 9876)",
        "published in (2019)",
        "R v Smith [2019] UKSC 12",
        "[2020] EWHC 1234 (Admin)",
        "[2019] 1 WLR 123",
        "(25 February 2019)",
        "25/02/2019 and 2019-02-25",
        "(1) how many; (2) what",
        "footnote [1] and [12]",
        "Question 1 of the survey",
        "question 12 asks",
        "at 10 Downing Street question 3",
        "the Question Time list",
        "Questionnaire 12345",
        "paragraphs 12345 to 12349",
    ],
)
def test_no_false_positives(text: str) -> None:
    assert find_question_refs(text) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the answer to PQ 12345, 25 February 2019", ["12345"]),
        ("PQs 44194 and 3 others", ["44194"]),
        ("question 12345: 3 per cent", ["12345"]),
        ("question 12345 St Helens", ["12345"]),
        ("ends. [2019]\nMr X: yes", ["2019"]),  # a bracketed number alone is a UIN
    ],
)
def test_lists_stop_at_quantities_and_dates(text: str, expected: list[str]) -> None:
    assert ids(text) == expected


def test_keyed_refs_are_not_found_twice_as_bracketed() -> None:
    assert ids("(PQ HL1234)") == ["HL1234"]
    assert ids("[question 12345]") == ["12345"]


def test_refs_come_in_text_order() -> None:
    text = "[HL99] then question 44194, then (HL16983) and PQ 12"
    refs = find_question_refs(text)
    assert [r.id for r in refs] == ["HL99", "44194", "HL16983", "12"]
    assert [r.span.start for r in refs] == sorted(r.span.start for r in refs)


@given(
    st.text(
        alphabet=st.sampled_from(list("PQHLquestion UIN0123456789[](),-–to&and£%/")), max_size=80
    )
)
def test_never_raises_and_spans_are_exact(text: str) -> None:
    refs = find_question_refs(text, offset=5, default_year=2024)
    assert_spans_exact(text, refs, offset=5)


@pytest.mark.parametrize(
    "unit",
    [
        " ",
        "question ",
        "question 1 ",
        "PQ ",
        "1, ",
        "[1234, ",
        "[12, ",
        "(HL ",
        "(1234, ",
        "HL ",
        "8 April ",
        "on 8 April 2025 to ",
        "Official Report, column 1W, ",
        "£44194 12% ",
        "020 7219 4272 ",
        "(2019) ",
    ],
)
def test_linear_on_adversarial_input(
    unit: str, assert_linear: Callable[[Callable[[str], Any], str], None]
) -> None:
    assert_linear(find_question_refs, repeat_to_1mb(unit))


def test_linear_on_long_whitespace_after_keyword(
    assert_linear: Callable[[Callable[[str], Any], str], None],
) -> None:
    assert_linear(find_question_refs, "question" + repeat_to_1mb(" ") + "x")
    assert_linear(find_question_refs, "8 April" + repeat_to_1mb(" ") + "to question 12345")
    assert_linear(find_question_refs, "PQ 12345" + repeat_to_1mb(" ") + ", x")


@pytest.mark.parametrize(
    "unit", ["PQ 12345 ", "PQ 1, ", "(HL1234, ", "HL 12 and ", "[2019] ", "PQs 100 to 150, "]
)
def test_time_grows_linearly_with_dense_references(
    unit: str, assert_scales_linearly: Callable[[Callable[[str], Any], str], None]
) -> None:
    assert_scales_linearly(find_question_refs, unit)


def test_yearless_cited_date_is_not_after_the_citing_text() -> None:
    text = "I refer to the answer I gave on 15 December to question 12345."
    january = find_question_refs(text, default_year=2010, not_after=datetime.date(2010, 1, 12))
    december = find_question_refs(text, default_year=2010, not_after=datetime.date(2010, 12, 20))
    written = find_question_refs(
        "the answer of 15 December 2010 to question 12345",
        default_year=2010,
        not_after=datetime.date(2010, 1, 12),
    )
    assert january[0].date == datetime.date(2009, 12, 15)
    assert december[0].date == datetime.date(2010, 12, 15)
    assert written[0].date == datetime.date(2010, 12, 15)  # an explicit year is kept
