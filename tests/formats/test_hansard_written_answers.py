"""The ``hansard-written-answers`` format: detection, grammar, names, column markers, dates."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import pqparse
from cpu_timing import best_cpu_seconds
from pqparse.formats.hansard_written_answers import (
    _CONTENT_LINE,
    _MR_OFFICE,
    _SPEAKER,
    NAME,
    _addressed,
    _ends_with_number,
    _last_character,
    _may_cite,
    _text_of,
    _trailing_uin,
    detect,
    heading_department,
    render_html,
)
from pqparse.models import House
from pqparse.text.decode import prepare_text

FIXTURES = Path(__file__).parent.parent / "fixtures"
OWN = sorted(p for p in (FIXTURES / NAME).iterdir() if not p.name.endswith(".expected.json"))
OTHERS = sorted(
    p
    for p in FIXTURES.glob("*/*")
    if p.parent.name != NAME
    and p.suffix in (".txt", ".html", ".json", ".jsonl", ".xml")
    and not p.name.endswith(".expected.json")
)

DAY = "Written Answers to Questions\n\nThursday 29 October 2009\n\n"


def parse(text: str) -> pqparse.Document:
    return pqparse.parse(text, format=NAME)


def codes(doc: pqparse.Document) -> list[str]:
    return [d.code for d in doc.diagnostics]


# ---------------------------------------------------------------- detection


@pytest.mark.parametrize("path", OWN, ids=lambda p: p.name)
def test_detect_is_high_on_own_fixtures(path: Path) -> None:
    text, _ = prepare_text(path.read_bytes())
    assert detect(text) >= 0.75


@pytest.mark.parametrize("path", OTHERS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_detect_is_low_on_other_formats(path: Path) -> None:
    text, _ = prepare_text(path.read_bytes())
    assert detect(text) < 0.5


def test_detect_cues() -> None:
    assert detect("Mr. Smith: To ask the Secretary of State for Defence what. [12345]\n") >= 0.85
    assert detect("§ Mr. Dalyell asked the Secretary of State for Defence if he will.\n") >= 0.7
    assert detect("Question to the Home Office:\nTo ask the Secretary of State [12345]") < 0.1
    assert detect('{"questionText": "To ask the Secretary of State [12345]"}') < 0.1
    assert detect("An ordinary letter with no parliamentary cues at all.") == 0.0


# ---------------------------------------------------------------- grammar


def test_department_and_subject_headings() -> None:
    doc = parse(
        f"{DAY}DEFENCE\n\nArmed Forces: Housing\n\n"
        "Mr. Arbuthnot: To ask the Secretary of State for Defence how many quarters were empty. "
        "[291001]\n\nMr. Kevan Jones: 4,300 were empty.\n"
    )
    (record,) = doc.records
    assert record.heading == "Armed Forces: Housing"
    assert record.uin == "291001"
    assert record.question.department == "Ministry of Defence"
    assert record.question.asked_on is None
    assert record.answer is not None
    assert record.answer.answered_on == datetime.date(2009, 10, 29)
    assert record.answer.answered_by == pqparse.Minister(name="Mr. Kevan Jones")
    assert record.house is House.COMMONS
    assert codes(doc) == []


def test_grouped_askers_share_the_answer_and_list_each_other() -> None:
    doc = parse(
        f"{DAY}Schools\n\nMr. Gibb: To ask the Secretary of State for Children, Schools and "
        "Families how many schools closed. [290001]\n\nMr. Laws: To ask the Secretary of State "
        "for Children, Schools and Families how many schools opened. [290002]\n\n"
        "Mr. Coaker: I refer the hon. Members to the table in the Library.\n"
    )
    first, second = doc.records
    assert (first.uin, second.uin) == ("290001", "290002")
    assert first.grouped_question_ids == ("290002",)
    assert second.grouped_question_ids == ("290001",)
    assert first.answer is second.answer
    assert first.span == second.span
    assert first.question.asked_by == pqparse.Member(name="Mr. Gibb")
    assert second.question.asked_by == pqparse.Member(name="Mr. Laws")


def test_multi_part_question_gives_one_record_per_number() -> None:
    doc = parse(
        f"{DAY}Roads\n"
        "Dr. Carol Sample: To ask the Secretary of State for Transport (1) what steps he has\n"
        "taken; [300010]\n(2) how many reviews were held; and [300011]\n"
        "(3) if he will make a statement. [300012]\n"
        "Mr. Khan: One answer covering all three parts.\n"
    )
    texts = [r.question.text for r in doc.records]
    assert texts == [
        "To ask the Secretary of State for Transport what steps he has taken",
        "To ask the Secretary of State for Transport how many reviews were held",
        "To ask the Secretary of State for Transport if he will make a statement.",
    ]
    assert [r.grouped_question_ids for r in doc.records] == [
        ("300011", "300012"),
        ("300010", "300012"),
        ("300010", "300011"),
    ]


def test_speaker_label_alone_on_its_line() -> None:
    doc = parse(
        f"{DAY}Charities\nMr Bain:\nTo ask the Secretary of State for the Home Department how "
        "many charities were registered. [67046]\nLynne Featherstone:\nThe figure is not held.\n"
    )
    (record,) = doc.records
    assert record.question.text.startswith("To ask the Secretary of State for the Home")
    assert record.answer is not None
    assert record.answer.paragraphs == ("The figure is not held.",)


def test_trailing_r_is_stripped_from_the_number() -> None:
    doc = parse(
        f"{DAY}Ports\n\nMr. Hoyle: To ask the Prime Minister what. [123456R]\n\n"
        "The Prime Minister: None.\n"
    )
    assert doc.records[0].uin == "123456"
    assert doc.records[0].question.text == "To ask the Prime Minister what."


def test_lords_asked_by_with_a_capital_b() -> None:
    doc = parse(
        "Written Answers\nThursday 14 January 2010\nAsylum Seekers: Detention\nQuestion\n"
        "Asked By Lord Avebury\nTo ask Her Majesty's Government how many children were "
        "detained.[HL1047]\nLord West of Spithead: Thirty.\n"
    )
    (record,) = doc.records
    assert record.heading == "Asylum Seekers: Detention"
    assert record.question.asked_by == pqparse.Member(name="Lord Avebury")


def test_registered_interest_mark_of_the_lords_daily_report() -> None:
    doc = parse(
        "Written Answers\nTuesday 14 October 2014\nHousing\nAsked by Lord Greaves [I]\n"
        "To ask Her Majesty's Government how many homes were empty. [HL2011]\n"
        "Lord Ahmad of Wimbledon: 216,050.\nRailways\nAsked by Lord Bradshaw\n"
        "To ask Her Majesty's Government when electrification will end. [I] [HL2040]\n"
        "Baroness Kramer: In 2017.\nBuses\nAsked by Lord Bradshaw\n"
        "To ask Her Majesty's Government how many buses run. [HL2041]\nBaroness Kramer: Many.\n"
    )
    assert [r.registered_interest for r in doc.records] == [True, True, None]
    assert doc.records[0].question.asked_by == pqparse.Member(name="Lord Greaves")
    assert doc.records[1].question.text.endswith("electrification will end.")


def test_mr_chancellor_of_the_exchequer_is_the_addressee() -> None:
    doc = parse(
        f"{DAY}Petrol\n\nMr. Redmond : To ask Mr. Chancellor of the Exchequer what the price "
        "of petrol was.\n\nMr. Maude : 45p.\n"
    )
    question = doc.records[0].question
    assert (question.addressee, question.department) == (
        "Chancellor of the Exchequer",
        "HM Treasury",
    )


def test_office_unknown_to_the_table_without_a_comma() -> None:
    doc = parse(
        f"{DAY}Equal Pay\n\nMrs. Spelman: To ask the Minister for Women and Equality what "
        "she has done. [151612]\n\nMs Hewitt: Much.\n"
    )
    assert doc.records[0].question.addressee == "Minister for Women and Equality"


def test_last_part_of_a_multi_part_question_is_no_heading() -> None:
    doc = parse(
        f"{DAY}Equal Pay\n\nMrs. Spelman: To ask the Minister for Women and Equality (1) "
        "what she has done; [151612]\n\n(2) what she plans. [151613]\n\nMr. Steen: To ask "
        "the Minister for Women and Equality what she heard. [151700]\n\nMs Hewitt: Much.\n"
    )
    assert [r.uin for r in doc.records] == ["151612", "151613", "151700"]
    assert {r.heading for r in doc.records} == {"Equal Pay"}
    assert codes(doc) == []


@pytest.mark.parametrize("last", ["Source: DWP Information Directorate", "South West: 1,106,000"])
def test_last_answer_line_before_the_next_question_is_no_heading(last: str) -> None:
    doc = parse(
        f"{DAY}Winter Fuel\n\nMr. Waterson: To ask the Secretary of State for Work and Pensions "
        f"how many. [322001]\n\nHelen Goodman: Many.\n\n{last}\n\nMr. Waterson: To ask the "
        "Secretary of State for Work and Pensions what cost. [322002]\n\nHelen Goodman: Much.\n"
    )
    first, second = doc.records
    assert first.answer is not None
    assert first.answer.paragraphs == ("Many.", last)
    assert second.heading == "Winter Fuel"


def test_answer_line_ending_with_a_cited_number_goes_on() -> None:
    doc = parse(
        "Written Answers to Questions\nMonday 12 March 2007\nTourism\nTim Farron: To ask the "
        "Secretary of State for Culture, Media and Sport how much. [126541]\nMr. Caborn: I refer "
        "the hon. Member to my reply of 19 February 2007 [121477]\nand to my letter.\n"
    )
    answer = doc.records[0].answer
    assert answer is not None
    assert answer.paragraphs == (
        "I refer the hon. Member to my reply of 19 February 2007 [121477] and to my letter.",
    )
    assert [r.id for r in answer.references] == ["121477"]


def test_yearless_citation_after_the_sitting_day_is_last_year() -> None:
    doc = parse(
        "Written Answers to Questions\nMonday 11 January 2010\nFlu\nMr. Lansley: To ask the "
        "Secretary of State for Health how many doses. [308112]\nGillian Merron: I refer him "
        "to the answer I gave on 15 December to question 305544.\n"
    )
    answer = doc.records[0].answer
    assert answer is not None
    assert answer.references[0].date == datetime.date(2009, 12, 15)


def test_department_of_a_role_printed_earlier_that_day() -> None:
    doc = parse(
        "Written Answers\nThursday 3 April 2008\nBovine TB\nLord Taylor of Holbeach asked Her "
        "Majesty's Government:\nWhat plans they have. [HL2876]\nThe Minister of State, "
        "Department for Environment, Food and Rural Affairs (Lord Rooker): None.\nBluetongue\n"
        "Lord Taylor of Holbeach asked Her Majesty's Government:\nHow many doses. [HL2877]\n"
        "Lord Rooker: Many.\nWritten Answers\nFriday 4 April 2008\nSheep\nLord Taylor of "
        "Holbeach asked Her Majesty's Government:\nHow many sheep. [HL2900]\nLord Rooker: Many.\n"
    )
    first, second, third = doc.records
    assert first.question.department == "Department for Environment, Food and Rural Affairs"
    assert second.question.department == "Department for Environment, Food and Rural Affairs"
    assert second.answer is not None
    assert second.answer.answered_by == pqparse.Minister(name="Lord Rooker")
    assert third.question.department is None  # a new day: the role is not known yet


def test_unreadable_holding_date_is_reported_once_per_group() -> None:
    doc = parse(
        f"{DAY}Schools\n\nMr. Gibb: To ask the Secretary of State for Children, Schools and "
        "Families how many. [290001]\n\nMr. Laws: To ask the Secretary of State for Children, "
        "Schools and Families how few. [290002]\n\nMr. Coaker [holding answer last week]: Some.\n"
    )
    assert len(doc.records) == 2
    assert codes(doc) == ["PQ200"]
    assert [r.extra["holding_answer_dates"] for r in doc.records] == [[], []]


# ---------------------------------------------------------------- column markers


def test_column_marker_inside_a_paragraph_joins_the_halves() -> None:
    doc = parse(
        f"{DAY}Pensions\n\nMr. Waterson: To ask the Secretary of State for Work and Pensions "
        "how many. [293014]\n\nJonathan R. Shaw: The figures for the last\n\n"
        "29 Oct 2009 : Column 512W\n\nfive years are in the Library.\n\nA second paragraph.\n"
    )
    answer = doc.records[0].answer
    assert answer is not None
    assert answer.paragraphs == (
        "The figures for the last five years are in the Library.",
        "A second paragraph.",
    )
    assert "Column" not in answer.text


def test_column_marker_between_sentences_keeps_the_paragraph_break() -> None:
    doc = parse(
        f"{DAY}Pensions\n\nMr. Waterson: To ask the Secretary of State for Work and Pensions "
        "how many. [293014]\n\nJonathan R. Shaw: First paragraph.\n\n"
        "29 Oct 2009 : Column 512W—continued\n\nSecond paragraph.\n"
    )
    answer = doc.records[0].answer
    assert answer is not None
    assert answer.paragraphs == ("First paragraph.", "Second paragraph.")


def test_reference_cut_by_a_column_marker_keeps_its_date() -> None:
    doc = parse(
        f"{DAY}Pensions\n\nMr. Waterson: To ask the Secretary of State for Work and Pensions "
        "how many. [293014]\n\nJonathan R. Shaw: See my answer of 14 October 2009 to\n\n"
        "Column 540\n\nquestion 290177.\n"
    )
    (ref,) = doc.records[0].references
    assert ref.id == "290177"
    assert ref.date == datetime.date(2009, 10, 14)
    assert doc.text[ref.span.start : ref.span.end] == ref.text == "question 290177"


def test_inline_dated_marker_is_removed() -> None:
    html = (
        '<h3 align="center">Written Answers</h3><h2><i>Thursday 3 April 2008</i></h2>'
        '<h3 align="center">Farming</h3><p><b>Lord Taylor of Holbeach</b> asked Her Majesty\'s '
        "Government:</p><ul><p>What plans they have. [HL2876]</p></ul><p><b>Lord Rooker:</b> "
        "The plans <columnnum><b>3 Apr 2008 : Column WA190</b></columnnum> are set out.</p>"
    )
    doc = parse(html)
    (record,) = doc.records
    assert record.answer is not None
    assert record.answer.text == "The plans are set out."
    assert record.house is House.LORDS
    assert record.question.text == "asked Her Majesty's Government: What plans they have."


# ---------------------------------------------------------------- names and dates


def test_holding_answer_is_substantive_and_keeps_its_dates() -> None:
    doc = parse(
        "Written Answers to Questions\n\nMonday 12 January 2004\n\nFishing\n\n"
        "Mr. Paice: To ask the Secretary of State for Environment, Food and Rural Affairs what. "
        "[129877]\n\nMr. Bradshaw [holding answer on 18 December:]: The answer.\n"
    )
    (record,) = doc.records
    assert record.answer is not None
    assert record.answer.is_holding is False
    assert record.answer.answered_by == pqparse.Minister(name="Mr. Bradshaw")
    # yearless and after the sitting date in that year: the previous year
    assert record.extra == {"holding_answer_dates": ["2003-12-18"]}


def test_role_printed_with_the_name() -> None:
    doc = parse(
        "Written Answers\nWednesday 3 July 2013\nCourts\nQuestion\nAsked by Lord Beecham\n"
        "To ask Her Majesty's Government how many trials were adjourned.[HL1169]\n"
        "The Minister of State, Ministry of Justice (Lord McNally): The information is not held.\n"
    )
    (record,) = doc.records
    assert record.answer is not None
    assert record.answer.answered_by == pqparse.Minister(
        name="Lord McNally",
        role="Minister of State, Ministry of Justice",
        department="Ministry of Justice",
    )
    assert record.question.department == "Ministry of Justice"
    assert record.question.asked_by == pqparse.Member(name="Lord Beecham")
    assert record.uin == "HL1169"


def test_no_sitting_date_means_no_answer_date() -> None:
    doc = parse(
        "Charities\n\nMr. Bain: To ask the Secretary of State for the Home Department how many."
        " [67046]\n\nLynne Featherstone: None.\n"
    )
    assert doc.records[0].answer is not None
    assert doc.records[0].answer.answered_on is None


def test_column_marker_date_stands_in_for_a_missing_header() -> None:
    doc = parse(
        "25 Oct 2012 : Column 967W\n\nRoads\n\nMr Sheerman: To ask the Secretary of State for "
        "Transport how many. [124611]\n\nStephen Hammond: None.\n"
    )
    assert doc.records[0].answer is not None
    assert doc.records[0].answer.answered_on == datetime.date(2012, 10, 25)


@pytest.mark.parametrize(
    ("heading", "department"),
    [
        ("DEFENCE", "Ministry of Defence"),
        ("HOME DEPARTMENT", "Home Office"),
        ("Home Department", "Home Office"),
        ("TREASURY", "HM Treasury"),
        ("WORK AND PENSIONS", "Department for Work and Pensions"),
        ("PRIME MINISTER", "Prime Minister"),
        ("SOLICITOR-GENERAL", "Attorney General"),
        ("HOUSE OF COMMONS COMMISSION", "House of Commons Commission"),
        ("WOMEN AND EQUALITY", "Women and Equality"),
        ("AGRICULTURE, FISHERIES AND FOOD", "Ministry of Agriculture, Fisheries and Food"),
        ("DUCHY OF LANCASTER", "Cabinet Office"),
        ("CULTURE MEDIA AND SPORT", "Department for Culture, Media and Sport"),
        ("ADVOCATE-GENERAL FOR SCOTLAND", "Advocate General for Scotland"),
        ("PRIVY COUNCIL", "Privy Council Office"),
    ],
)
def test_heading_department(heading: str, department: str) -> None:
    assert heading_department(heading) == department


# ---------------------------------------------------------------- accounting and cut-offs


def test_cut_off_inside_the_questions() -> None:
    doc = parse(f"{DAY}Roads\n\nMr Sheerman: To ask the Secretary of State for Transport how\n")
    (record,) = doc.records
    assert record.complete is False
    assert record.answer is None
    assert "PQ102" in codes(doc)


def test_unknown_text_is_reported_once_per_run() -> None:
    doc = parse(
        f"{DAY}Stray paragraph one.\nStray paragraph two.\n\nRoads\n\nMr Sheerman: To ask the "
        "Secretary of State for Transport how many. [124611]\n\nStephen Hammond: None.\n"
    )
    unparsed = [d for d in doc.diagnostics if d.code == "PQ103"]
    assert len(unparsed) == 1
    assert unparsed[0].span is not None
    assert doc.text[unparsed[0].span.start : unparsed[0].span.end] == (
        "Stray paragraph one.\nStray paragraph two."
    )
    assert len(doc.records) == 1


def test_strict_mode_does_not_raise_for_warnings() -> None:
    doc = pqparse.parse(
        f"{DAY}Roads\n\nMr Sheerman: To ask the Secretary of State for Transport how\n",
        format=NAME,
        strict=True,
    )
    assert doc.records[0].complete is False


@pytest.mark.parametrize("text", ["", "\n\n", "DEFENCE\n", "[12345]", "§", "Mr. X:\n(2) y"])
def test_degenerate_input_never_raises(text: str) -> None:
    doc = parse(text)
    assert all(d.code != "PQ199" for d in doc.diagnostics)


def test_html_entities_of_cp1252_punctuation() -> None:
    text = render_html("<p>Ministers&#146; answers &#151; in full &#150; here</p>")
    assert text == "Ministers’ answers — in full – here"


def test_html_department_heading_styled_upper_case() -> None:
    text = render_html(
        '<h3 style="text-transform:uppercase">Home Department</h3>'
        '<h3 align="center">Animal Experiments</h3>'
    )
    assert text.splitlines()[0] == "HOME DEPARTMENT"
    assert "Animal Experiments" in text


def test_html_styled_upper_case_in_any_case_of_markup() -> None:
    text = render_html(
        '<H3 STYLE="Text-Transform: UPPERCASE">Home <i>Department</i> and</H3><p>Police</p>'
    )
    assert text.splitlines()[0] == "HOME DEPARTMENT AND"
    assert text.splitlines()[-1] == "Police"


# ---------------------------------------------------------------- speed


def test_linear_time_on_a_large_day() -> None:
    item = (
        "Roads: Safety\n\nMr. Sheerman: To ask the Secretary of State for Transport how many "
        "people were killed on roads in each of the last five years. [124611]\n\n"
        "Mr. Hammond: The information is given in the table.\n\nYear | Killed\n2010 | 1,850\n\n"
        "25 Oct 2012 : Column 968W\n\n"
    )
    small = DAY + item * 200
    large = DAY + item * 2000
    assert len(parse(large).records) == 2000
    # CPU time, best of two, collector paused: its passes grow with the whole test session's
    # heap, which is not the parser's cost
    large_seconds = best_cpu_seconds(lambda: parse(large), runs=2)
    assert large_seconds < best_cpu_seconds(lambda: parse(small), runs=2) * 25


def test_archive_page_without_names() -> None:
    doc = pqparse.parse(
        "The text on this page has been created from Hansard archive content, it may contain "
        "typographical errors.\n\nRoad Safety\n\nasked the Secretary of State for Transport "
        "what was the number of road deaths in 1984.\n\nThe number was 5,599.\n"
    )
    assert doc.format == NAME
    (record,) = doc.records
    assert record.heading == "Road Safety"
    assert record.question.asked_by is None
    assert record.question.department == "Department for Transport"
    assert record.answer is not None
    assert record.answer.answered_by is None
    assert record.answer.paragraphs == ("The number was 5,599.",)
    assert codes(doc) == []


# ---------------------------------------------------------------- fast paths


def _general_body(segments: list[list[int]], start: int) -> list[tuple[int, int]]:
    return [(max(s, start), e) for s, e in segments if e > start]


@pytest.mark.parametrize(
    "pieces",
    [[(10, 30)], [(10, 11)], [(0, 5), (9, 20)], [(3, 8), (8, 12), (15, 40)]],
    ids=lambda p: f"{len(p)} pieces",
)
def test_paragraph_body_fast_path_matches_the_general_rule(pieces: list[tuple[int, int]]) -> None:
    from pqparse.formats.hansard_written_answers import _Para

    para = _Para.of_pieces("text", "x", pieces, None)
    segments = [list(p) for p in pieces]
    for start in range(-1, pieces[-1][1] + 3):
        assert para.body(start) == _general_body(segments, start)
    assert para.body() == _general_body(segments, pieces[0][0])


def _heading_lines() -> list[str]:
    headings = []
    for path in OWN:
        text = prepare_text(path.read_bytes())[0]
        headings.extend(
            line.strip() for line in text.split("\n") if line.strip().isupper() and len(line) < 80
        )
    return headings


def test_cached_heading_department_matches_uncached() -> None:
    uncached = heading_department.__wrapped__
    headings = _heading_lines()
    assert headings
    near_misses = [
        variant
        for heading in headings
        for variant in (
            heading.lower(),
            heading.title(),
            heading.replace(",", ""),
            heading.replace(" ", "-"),
            f" {heading} ",
        )
    ]
    for heading in [*headings, *near_misses, *headings]:
        assert heading_department(heading) == uncached(heading)


# ---------------------------------------------------------------- fast paths


#: The straightforward reading of a trailing question number that ``_trailing_uin`` speeds up.
_TRAILING_UIN_SEARCH = re.compile(
    r"(?P<interest>\s*\[I\])?\s*\[\s*(?P<uin>HL\s?\d{1,6}|\d{1,6})\s*R?\s*\]\s*$"
)
_UIN_TAILS = st.lists(
    st.sampled_from(["[", "]", "I", "[I]", " ", "\t", "HL", "HL ", "12", "3456", "R", "x", "."]),
    max_size=12,
).map("".join)


@given(st.text(max_size=30), _UIN_TAILS, st.integers(0, 40), st.integers(0, 3))
def test_trailing_uin_matches_the_plain_search(head: str, tail: str, lo: int, cut: int) -> None:
    text = head + tail
    end = max(0, len(text) - cut)
    start = min(lo, end)
    plain = _TRAILING_UIN_SEARCH.search(text, start, end)
    fast = _trailing_uin(text, start, end)
    if plain is None:
        assert fast is None
    else:
        assert fast == (plain.start(), plain.group("uin"), plain.group("interest") is not None)
    assert _ends_with_number(text) == (
        text.endswith("]") and _TRAILING_UIN_SEARCH.search(text, max(0, len(text) - 40)) is not None
    )


@given(st.lists(st.sampled_from(["a b", " x ", "", "  ", "\t", "y\t", "\x1c", "z  w"]), max_size=8))
def test_content_lines_are_the_stripped_non_blank_lines(lines: list[str]) -> None:
    text = "\n".join(lines)
    found = [(m.start(), m.group()) for m in _CONTENT_LINE.finditer(text)]
    expected = []
    position = 0
    for raw in text.split("\n"):
        if raw.strip():
            expected.append((position + len(raw) - len(raw.lstrip()), raw.strip()))
        position += len(raw) + 1
    assert found == expected


_HINTS = ("uestion", "[", "HL", "PQ", "UESTION", "UIN", "WQ", "AQ")


@given(st.text(alphabet="uestionUESTIONHLPQWAS123456[] x", max_size=20))
def test_citation_hint_is_any_of_the_plain_hints(text: str) -> None:
    plain = any(hint in text for hint in _HINTS) or re.search(r"S[1-6]", text) is not None
    assert _may_cite(text) == plain


@given(
    st.text(alphabet="ab :.\n\t", max_size=30),
    st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=4),
)
def test_last_character_is_that_of_the_cleaned_text(
    text: str, stretches: list[tuple[int, int]]
) -> None:
    ordered = [(min(a, b), max(a, b)) for a, b in stretches]
    assert _last_character(text, ordered) == _text_of(text, ordered)[-1:]


def _addressed_in_full(written: str) -> str:
    """``_addressed`` without its shortcut for questions already in the "To ask " form."""
    lead = "To ask "
    rest = written[len("asked ") :] if written.startswith("asked ") else written[len(lead) :]
    if not (written.startswith(("asked ", lead))):
        return written
    if office := _MR_OFFICE.match(rest):
        rest = "the " + rest[office.end() :]
    return lead + rest


@given(
    st.sampled_from(["To ask ", "asked ", "To ask", "", "to ask "]),
    st.sampled_from(["Mr. ", "Mr ", "Mr", "the ", "Mrs "]),
    st.sampled_from(["Chancellor of the Exchequer what", "Attorney General", "Secretary", ""]),
)
def test_addressed_equals_the_full_rewrite(lead: str, mr: str, office: str) -> None:
    written = lead + mr + office
    assert _addressed(written) == _addressed_in_full(written)


@given(
    st.lists(
        st.sampled_from(
            [
                "§ ",
                "12. ",
                "Mr. Smith",
                "The Minister",
                " ",
                ":",
                "[",
                "]",
                "holding",
                "[holding answer 3 May]",
                "answers",
                "x",
                "\n",
            ]
        ),
        max_size=8,
    )
)
def test_a_speaker_head_needs_a_colon_or_a_holding_mark(words: list[str]) -> None:
    text = "".join(words)
    if _SPEAKER.match(text):
        assert ":" in text or "holding" in text
