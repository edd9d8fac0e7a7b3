"""The ``parliament-uk-listing`` format: detection, record bounds, markers, answers, cut-offs."""

from __future__ import annotations

import datetime
import time
from pathlib import Path

import pytest

import pqparse
from pqparse.formats.parliament_uk_listing import NAME, detect
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

PAGE_TOP = (
    "Written questions and answers\n\n"
    "Historical written answers can be found in Hansard.\n\n"
    "Showing 1-20 out of 98365\nResults per page\nResults per page 20 | 50 | 100\n"
    "Expand all answers\nPrint selected\n"
)
NAMED_DAY = (
    "[N]\nClose\n\nNamed Day\n\n'Named day' questions only occur in the House of Commons. The MP "
    "tabling the question specifies the date on which they should receive an answer. MPs may "
    "not table more than five named day questions on a single day.\n\n"
)
INTEREST = (
    "[R]\nClose\n\nRegistered Interest\n\nIndicates that a relevant interest has been declared.\n\n"
)


def commons(
    question: str = "To ask the Secretary of State for Education, how many schools closed in 2018.",
    *,
    asker: str = "Asked by Lucy Powell\n(Manchester Central)\n",
    markers: str = "",
    heading: str = "Schools: Closures\n",
    answer: str = "",
) -> str:
    """One Commons record of the listing layout; ``answer`` is the block after the question."""
    return (
        f"Q\n{asker}{markers}Asked on: 19 June 2019\nDepartment for Education\n{heading}"
        f"Commons\n{question}\n{answer}"
    )


ANSWER = "A\nAnswered by: Nick Gibb\nAnswered on: 24 June 2019\n\nThe figures are published.\n\n"


def parse(text: str) -> pqparse.Document:
    return pqparse.parse(text, format=NAME)


def codes(doc: pqparse.Document) -> list[str]:
    return [d.code for d in doc.diagnostics]


# ---------------------------------------------------------------- detection


@pytest.mark.parametrize("path", OWN, ids=lambda p: p.name)
def test_detect_scores_own_fixtures_high(path: Path) -> None:
    assert detect(prepare_text(path.read_bytes())[0]) >= 0.9


@pytest.mark.parametrize("path", OTHERS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_detect_stays_below_threshold_on_other_formats(path: Path) -> None:
    assert detect(prepare_text(path.read_bytes())[0]) < 0.5


def test_detect_without_page_chrome_still_fires_on_records() -> None:
    assert detect(commons(answer=ANSWER)) >= 0.9
    assert pqparse.detect_format(commons(answer=ANSWER)) == NAME


def test_detect_ignores_an_asked_on_phrase_inside_prose() -> None:
    assert detect("The question was asked on: 01 March 2019 by the Member.") == 0.0


# ---------------------------------------------------------------- record bounds and fields


def test_records_in_order_with_spans_covering_them() -> None:
    text = (
        PAGE_TOP
        + commons(answer=ANSWER)
        + commons("To ask the Secretary of State for Education, what.")
    )
    doc = parse(text)
    assert len(doc.records) == 2
    first, second = doc.records
    assert first.span.start == text.index("Q\nAsked by")
    assert doc.text[first.span.start : first.span.end].endswith("The figures are published.")
    assert second.span.start > first.span.end
    assert first.answer is not None and first.answer.paragraphs == ("The figures are published.",)
    assert second.answer is None
    assert not doc.diagnostics


def test_department_then_heading_then_house() -> None:
    record = parse(commons()).records[0]
    assert record.question.department == "Department for Education"
    assert record.heading == "Schools: Closures"
    assert record.house is pqparse.House.COMMONS


def test_house_line_straight_after_department_means_no_heading() -> None:
    record = parse(commons(heading="")).records[0]
    assert record.heading is None
    assert record.question.department == "Department for Education"


def test_constituency_without_asked_by_gives_a_nameless_member() -> None:
    record = parse(commons(asker="(Sheffield, Heeley)\n")).records[0]
    assert record.question.asked_by == pqparse.Member(name=None, constituency="Sheffield, Heeley")


def test_no_asker_lines_means_no_member() -> None:
    record = parse(commons(asker="")).records[0]
    assert record.question.asked_by is None


@pytest.mark.parametrize(
    ("markers", "named_day", "interest"),
    [
        ("", False, False),
        (NAMED_DAY, True, False),
        (INTEREST, False, True),
        (INTEREST + NAMED_DAY, True, True),
    ],
)
def test_markers_of_commons_records(markers: str, named_day: bool, interest: bool) -> None:
    record = parse(PAGE_TOP + commons(markers=markers)).records[0]
    assert record.named_day is named_day
    assert record.registered_interest is interest


def test_lords_records_are_never_named_day_and_interest_is_unknown() -> None:
    text = (
        "Asked on: 15 May 2018\nDepartment for Education\nChildren in Care\nLords\n"
        "To ask Her Majesty’s Government what steps they are taking.\n"
    )
    record = parse(text).records[0]
    assert record.house is pqparse.House.LORDS
    assert (record.named_day, record.registered_interest) == (False, None)
    assert record.question.asked_by is None


def test_holding_answer_date_is_kept_and_answer_is_substantive() -> None:
    answer = (
        "A\nAnswered by: Ms Nadine Dorries\nAnswered on: 05 June 2020\n"
        "Holding answer received on 29 April 2020\n\nThe plan has three strands.\n"
    )
    record = parse(commons(answer=answer)).records[0]
    assert record.answer is not None
    assert record.answer.answered_on == datetime.date(2020, 6, 5)
    assert record.answer.is_holding is False
    assert record.extra["holding_answer_on"] == "2020-04-29"


def test_corrected_answer_takes_the_original_date_and_drops_the_boilerplate() -> None:
    answer = (
        "A\nCorrected answer by: Steve Brine\nCorrected on: 23 January 2019\n"
        "An error has been identified in the written answer given on 20 December 2018.\n"
        "The correct answer should have been:\n\nThe trial has 13,000 places.\n"
    )
    record = parse(commons(answer=answer)).records[0]
    assert record.answer is not None
    assert record.answer.is_correction is True
    assert record.answer.answered_by == pqparse.Minister(name="Steve Brine")
    assert record.answer.answered_on == datetime.date(2018, 12, 20)
    assert record.answer.paragraphs == ("The trial has 13,000 places.",)
    assert record.extra["corrected_on"] == "2019-01-23"


CORRECTION = (
    "A\nCorrected answer by: Steve Brine\nCorrected on: 23 January 2019\n"
    "An error has been identified in the written answer given on 20 December 2018.\n"
    "The correct answer should have been:\n\nThe trial has 13,000 places.\n\n"
)
ORIGINAL = (
    "A\nAnswered by: Steve Brine\nAnswered on: 20 December 2018\n\nThe trial has 10,000 places.\n\n"
)


@pytest.mark.parametrize("blocks", [CORRECTION + ORIGINAL, ORIGINAL + CORRECTION])
def test_the_corrected_answer_shown_too_goes_to_extra_not_to_the_paragraphs(blocks: str) -> None:
    record = parse(commons(answer=blocks) + commons()).records[0]
    assert record.answer is not None and record.answer.is_correction is True
    assert record.answer.paragraphs == ("The trial has 13,000 places.",)
    assert record.answer.answered_on == datetime.date(2018, 12, 20)
    assert record.extra["original_answer"] == "The trial has 10,000 places."


def test_original_answer_date_fills_in_when_the_fixed_sentence_is_missing() -> None:
    correction = "A\nCorrected answer by: Steve Brine\nCorrected on: 23 January 2019\n\nNew.\n\n"
    record = parse(commons(answer=correction + ORIGINAL)).records[0]
    assert record.answer is not None
    assert record.answer.answered_on == datetime.date(2018, 12, 20)
    assert record.extra["corrected_on"] == "2019-01-23"


def test_a_table_cell_a_stays_a_paragraph() -> None:
    answer = ANSWER + "Grade\n\nA\n\nB\n\nA\n\n"
    record = parse(commons(answer=answer) + commons()).records[0]
    assert record.answer is not None
    assert record.answer.paragraphs[-4:] == ("Grade", "A", "B", "A")


@pytest.mark.parametrize(
    "closing", ["(Figures are provisional.)", "(Source: Office for National Statistics)"]
)
@pytest.mark.parametrize("marker", ["Q\n", ""])
def test_a_parenthesised_last_paragraph_is_not_the_next_askers_seat(
    closing: str, marker: str
) -> None:
    lords = (
        f"{marker}Asked on: 08 January 2019\nDepartment for Transport\nRailways\nLords\n"
        "To ask Her Majesty's Government what they plan.\n"
    )
    answered = commons(answer=ANSWER + closing + "\n\n")
    doc = parse(answered + lords)
    first, second = doc.records
    assert first.answer is not None and first.answer.paragraphs[-1] == closing
    assert second.question.asked_by is None
    assert "PQ103" not in codes(doc)


def test_answer_without_a_marker_or_blank_lines_ends_at_the_next_record() -> None:
    lords = (
        "Q\nAsked by Lord Storey\nAsked on: 18 January 2016\nDepartment for Education\n"
        "Free Schools\nLords\nTo ask Her Majesty's Government how many free schools opened.\n"
        "Answered by: Lord Nash\nAnswered on: 01 February 2016\nFirst paragraph.\nSecond one.\n"
    )
    doc = parse(lords + lords)
    assert len(doc.records) == 2
    answer = doc.records[0].answer
    assert answer is not None and answer.paragraphs == ("First paragraph.", "Second one.")
    assert answer.answered_by == pqparse.Minister(name="Lord Nash")


@pytest.mark.parametrize(
    "grouped",
    [
        "Grouped Questions: 40862 | 40863\n",
        "Grouped Questions: 40862, 40863\n",
        "grouped questions:\n40862\n40863\n",
        "Grouped Questions:\n\n40862 40863\n",
    ],
)
def test_grouped_question_forms(grouped: str) -> None:
    record = parse(commons(answer=ANSWER + grouped)).records[0]
    assert record.grouped_question_ids == ("40862", "40863")
    assert record.referenced_question_ids == ()


def test_grouped_lords_ids_are_normalised() -> None:
    record = parse(commons(answer=ANSWER + "Grouped Questions: HL 1234 | hl1235\n")).records[0]
    assert record.grouped_question_ids == ("HL1234", "HL1235")


def test_question_running_to_paragraphs_stays_the_question() -> None:
    question = (
        "To ask the Secretary of State for Education,\n\n(a) how many schools; and\n\n(b) why."
    )
    doc = parse(commons(question) + "\nShowing 1-20 out of 462\n")
    record = doc.records[0]
    assert record.question.text == (
        "To ask the Secretary of State for Education, (a) how many schools; and (b) why."
    )
    assert record.answer is None
    assert record.complete is True
    assert not doc.diagnostics


def test_transferred_oral_question_keeps_its_wording() -> None:
    question = "What his policy is on trade agreements with third countries."
    record = parse(commons(question)).records[0]
    assert record.question.text == question
    assert record.question.department == "Department for Education"


# ---------------------------------------------------------------- cut-offs and diagnostics


def test_record_cut_mid_answer_is_incomplete() -> None:
    doc = parse(
        commons(answer="A\nAnswered by: Nick Gibb\nAnswered on: 24 June 2019\n\nThe figures are")
    )
    assert doc.records[0].complete is False
    assert "PQ102" in codes(doc)


def test_record_cut_before_its_asked_on_line() -> None:
    doc = parse(
        commons(answer=ANSWER) + "Q\nAsked by Norman Lamb\n(North Norfolk)\n[N]\nClose\n\nNamed Da"
    )
    assert len(doc.records) == 2
    cut = doc.records[1]
    assert cut.complete is False
    assert cut.question.text == ""
    assert cut.question.asked_by == pqparse.Member(name="Norman Lamb", constituency="North Norfolk")
    assert (cut.house, cut.named_day) == (pqparse.House.COMMONS, True)
    assert codes(doc) == ["PQ102"]


def test_a_lone_q_at_the_end_is_reported_but_makes_no_record() -> None:
    doc = parse(commons(answer=ANSWER) + "Q\n")
    assert len(doc.records) == 1
    assert doc.records[0].complete is True
    assert codes(doc) == ["PQ102"]


def test_page_cut_before_its_first_asked_on_line() -> None:
    doc = parse(PAGE_TOP + "Q\nAsked by Lucy Powell\n(Manchester Central)\n")
    assert len(doc.records) == 1
    assert doc.records[0].question.asked_by == pqparse.Member(
        name="Lucy Powell", constituency="Manchester Central"
    )
    assert (doc.records[0].complete, doc.records[0].named_day) == (False, None)
    assert codes(doc) == ["PQ102"]


def test_unknown_text_is_reported_once_per_stretch() -> None:
    text = "Site navigation\nMore links\n\nStill navigation\n" + PAGE_TOP + commons()
    doc = parse(text)
    unparsed = [d for d in doc.diagnostics if d.code == "PQ103"]
    assert len(unparsed) == 1
    span = unparsed[0].span
    assert span is not None
    assert doc.text[span.start : span.end] == "Site navigation\nMore links\n\nStill navigation"


def test_unreadable_date_is_reported_not_invented() -> None:
    doc = parse(commons().replace("19 June 2019", "19 Juno 2019"))
    assert doc.records[0].question.asked_on is None
    assert "PQ200" in codes(doc)


def test_strict_mode_does_not_raise_on_warnings() -> None:
    doc = pqparse.parse(
        commons(answer="A\nAnswered on: 24 June 2019\n\nCut"), format=NAME, strict=True
    )
    assert doc.records[0].complete is False


def test_page_chrome_only_gives_no_records() -> None:
    doc = parse(PAGE_TOP + "There are no results\n")
    assert doc.records == ()
    assert codes(doc) == ["PQ100"]


def test_no_chrome_leaks_into_fields() -> None:
    doc = parse(PAGE_TOP + commons(markers=INTEREST + NAMED_DAY, answer=ANSWER) + "Q\n")
    dumped = pqparse.to_json(doc.records[0])
    for chrome in ("Named Day", "Close", "Registered Interest", "Print selected", "[N]", "[R]"):
        assert chrome not in dumped


# ---------------------------------------------------------------- HTML

HTML_RECORD = """
<div class="qna-result-container">
<div class="qna-result-question-uin">
<a href="/written-question/Commons/2019-06-19/265521/">265521</a></div>
<div class="qna-result-question-title">
<a href="/biographies/commons/lucy-powell/4263">Lucy Powell</a></div>
<div class="qna-result-question-date">Asked on: 19 June 2019</div>
<div class="qna-result-question-answeringbody">Department for Education</div>
<div class="qna-result-question-text">To ask the Secretary of State for Education, how many.</div>
{extra}
</div>
"""


def html(*records: str) -> str:
    return (
        "<html><body><h1>Written questions and answers</h1>" + "".join(records) + "</body></html>"
    )


def test_html_fields_from_documented_classes() -> None:
    doc = parse(html(HTML_RECORD.format(extra="")))
    record = doc.records[0]
    assert doc.format == NAME
    assert record.uin == "265521"
    assert record.house is pqparse.House.COMMONS
    assert record.heading is None
    assert record.question.asked_by == pqparse.Member(name="Lucy Powell")
    assert record.named_day is None  # the documented HTML shows no markers
    assert record.extra["asked_by_member_id"] == "4263"
    assert doc.text[record.span.start : record.span.end].startswith("265521\nLucy Powell")
    assert not doc.diagnostics


def test_html_correction_drops_toggle_and_deleted_text() -> None:
    answers = """
<div class="qna-result-answer-container">
<div class="qna-result-answer-title"><a href="/x/4067">Steve Brine</a></div>
<div class="qna-result-answer-date">Corrected on: 23 January 2019</div>
<div class="qna-result-answer-content"><label>Show changes</label><input type="checkbox">
<p>The trial has <span class="del">10,000</span><span class="ins">13,000</span> places.</p></div>
</div>
<div class="qna-result-answer-container">
<div class="qna-result-answer-date">Answered on: 20 December 2018</div>
<div class="qna-result-answer-content"><p>The trial has 10,000 places.</p></div>
</div>"""
    record = parse(html(HTML_RECORD.format(extra=answers))).records[0]
    assert record.answer is not None
    assert record.answer.text == "The trial has 13,000 places."
    assert record.answer.is_correction is True
    assert record.answer.answered_on == datetime.date(2018, 12, 20)
    assert record.extra["corrected_on"] == "2019-01-23"
    assert record.extra["original_answer"] == "The trial has 10,000 places."


def test_html_loose_text_markers_house_and_unparsed() -> None:
    loose = "<div>[N]</div><div>Commons</div><div>Something unexpected</div>"
    doc = parse(html(HTML_RECORD.format(extra=loose)))
    record = doc.records[0]
    assert record.named_day is True
    unparsed = [d for d in doc.diagnostics if d.code == "PQ103"]
    assert len(unparsed) == 1 and unparsed[0].span is not None
    assert doc.text[unparsed[0].span.start : unparsed[0].span.end] == "Something unexpected"


def test_html_file_cut_off_marks_last_record_incomplete() -> None:
    cut = html(HTML_RECORD.format(extra=""), HTML_RECORD.format(extra=""))[
        : -len("</body></html>") - 20
    ]
    doc = parse(cut)
    assert [r.complete for r in doc.records] == [True, False]
    assert "PQ102" in codes(doc)


def test_html_without_containers_gives_no_records() -> None:
    doc = parse(
        "<html><body><p>There are no results</p><span class='qna-result-none'></span></body></html>"
    )
    assert doc.records == ()


# ---------------------------------------------------------------- robustness and speed


@pytest.mark.parametrize(
    "garbage",
    [
        "",
        "\n\n\n",
        "Asked on:",
        "Asked on: \nCommons\n",
        "Q\n" * 50,
        "A\nAnswered on: 01 May 2019\n",
        "[N]\n[R]\n",
    ],
)
def test_lenient_mode_never_raises(garbage: str) -> None:
    parse(garbage)


def _page(records: int) -> str:
    record = commons(markers=NAMED_DAY, answer=ANSWER * 3)
    return PAGE_TOP + record * records


def test_parse_time_grows_linearly() -> None:
    small, large = _page(200), _page(2000)
    parse(small)

    def best(text: str) -> float:
        times = []
        for _ in range(3):
            start = time.process_time()
            parse(text)
            times.append(time.process_time() - start)
        return min(times)

    assert best(large) < best(small) * 10 * 3
