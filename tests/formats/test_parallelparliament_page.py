"""Edge cases of the Parallel Parliament question page format (the fixtures cover the layouts)."""

from __future__ import annotations

import datetime
import random
from pathlib import Path

import pytest

import pqparse
from pqparse.extract.records import all_clean
from pqparse.formats import parallelparliament_listing as listing
from pqparse.formats import parallelparliament_page as page
from pqparse.formats.parallelparliament_page import NAME, detect
from pqparse.text.html import html_to_text, looks_like_html
from pqparse.text.lines import split_lines
from pqparse.text.normalize import clean_inline

HEAD = (
    "Offences against Children\n\n(asked on 7th April 2025) - View Source\n\n"
    "Question to the Home Office:\n\n"
)
QUESTION = (
    "To ask the Secretary of State for the Home Department, whether the inquiry will be given "
    "access to documentation."
)
BLOCK = (
    "\n\n\nAnswered by\nDiana Johnson Portrait\nDiana Johnson\nMinister of State (Home Office)\n"
    "This question was answered on 28th April 2025\n\n"
)
SPINNER = "Reticulating Splines"
CHROME = ("Reticulating Splines", "View Source", "Portrait")


def _parse(text: str, *, strict: bool = False) -> pqparse.Document:
    return pqparse.parse(text, format=NAME, strict=strict)


def _codes(doc: pqparse.Document) -> list[str]:
    return [d.code for d in doc.diagnostics]


def _unparsed(doc: pqparse.Document) -> list[str]:
    return [
        doc.text[d.span.start : d.span.end] for d in doc.diagnostics if d.code == "PQ103" and d.span
    ]


def _field_strings(doc: pqparse.Document) -> list[str]:
    values: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            values.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for record in doc.records:
        walk(pqparse.to_dict(record))
    return values


# --- detection ---------------------------------------------------------------------------

SEARCH_TIP = (
    'To match an exact phrase, use quotation marks around the search term. eg. "Parliamentary '
    'Estate". Use "OR" or "AND" as link words to form more complex queries.'
)
KEEP_UP = (
    "Keep yourself up-to-date with the latest developments by exploring our subscription "
    "options to receive notifications direct to your inbox"
)
LISTING_CURRENT = f"""\
{SEARCH_TIP}


{KEEP_UP}

Written Question
Further Education and T-levels
Thursday 16th May 2024

Asked by: Munira Wilson (Liberal Democrat - Twickenham)

Question to the Department for Education:

To ask the Secretary of State for Education, what steps she is taking to support T-level students.

Answered by Luke Hall - Minister of State (Education)

The department is supporting providers to deliver T-levels.
"""

LISTING_COMPACT = """\
Asked by: Rachael Maskell (Labour (Co-op) - York Central)
Question to the Department for Work and Pensions:
To ask the Secretary of State for Work and Pensions, how many children live in poverty.
Answered by Jo Churchill - Minister of State (Department for Work and Pensions)
The latest figures are published in the Households Below Average Income statistics.
"""

LISTING_OLD = """\
Tip: To match a phrase, use quotation marks around the search term. eg. "Parliamentary Estate"

Written Question
Cabinet Office: Research
12 Apr 2021

Questioner: Lord Shinkwin

Question

To ask Her Majesty's Government what research they have commissioned.

Answer (Lord True)

The Cabinet Office commissions research where it is needed.
"""

LISTING_TWO_BODIES = """\
Question to the Department for Transport:

To ask the Secretary of State for Transport, what assessment she has made of bus services.

Question to the Department for Transport:

To ask the Secretary of State for Transport, what assessment she has made of rail services.
"""


@pytest.mark.parametrize(
    "text",
    [
        HEAD + QUESTION + BLOCK + "The answer.\n\n" + SPINNER,
        "Question to the HM Treasury:\nTo ask Mr Chancellor of the Exchequer, what x.\nAnswer.\n",
        "<html><body><h1>Topic</h1><p>(asked on 7th April 2025) - <a href='#'>View Source</a>"
        "</p><p>Question to the Home Office:</p><p>To ask x.</p></body></html>",
    ],
    ids=["full-copy", "bare-copy", "html"],
)
def test_detect_scores_pages_at_least_half(text: str) -> None:
    assert detect(text) >= 0.5
    assert pqparse.detect_format(text) == NAME


@pytest.mark.parametrize(
    "text",
    [LISTING_CURRENT, LISTING_COMPACT, LISTING_OLD, LISTING_TWO_BODIES],
    ids=["current-listing", "compact-listing", "old-listing", "two-bodies"],
)
def test_detect_scores_listings_low(text: str) -> None:
    assert detect(text) < 0.5


def test_detect_ignores_unrelated_text() -> None:
    assert detect("Minutes of the parish council meeting held on 3 May.") == 0.0


# --- structure edge cases ------------------------------------------------------------------


def test_only_a_heading_gives_no_record_and_an_error() -> None:
    doc = _parse("Offences against Children")
    assert doc.records == ()
    assert "PQ100" in _codes(doc)
    with pytest.raises(pqparse.ParseError):
        _parse("Offences against Children", strict=True)


def test_copy_ending_at_the_department_line_is_an_incomplete_record() -> None:
    doc = _parse(HEAD)
    (record,) = doc.records
    assert not record.complete
    assert record.question.text == ""
    assert record.question.department == "Home Office"
    assert record.question.asked_on == datetime.date(2025, 4, 7)
    assert record.answer is None
    assert {"PQ102", "PQ104"} <= set(_codes(doc))


def test_empty_answer_block_keeps_an_empty_answer_and_reports_what_is_missing() -> None:
    doc = _parse(HEAD + QUESTION + "\n\n\nAnswered by\n\n" + SPINNER)
    (record,) = doc.records
    assert record.complete
    assert record.answer is not None
    assert record.answer.paragraphs == ()
    assert record.answer.answered_by is None
    assert record.answer.answered_on is None
    assert _codes(doc) == ["PQ104"]


def test_garbage_after_the_spinner_is_reported_not_parsed() -> None:
    doc = _parse(HEAD + QUESTION + BLOCK + "The answer.\n\n" + SPINNER + "\n\nShare\nCookies")
    (record,) = doc.records
    assert record.answer is not None
    assert record.answer.paragraphs == ("The answer.",)
    assert _unparsed(doc) == ["Share\nCookies"]


def test_unknown_navigation_chrome_before_the_heading_is_one_unparsed_run() -> None:
    doc = _parse("Home\nDebates\n\nMPs\n" + HEAD + QUESTION + BLOCK + "The answer.\n\n" + SPINNER)
    (record,) = doc.records
    assert record.heading == "Offences against Children"
    assert _unparsed(doc) == ["Home\nDebates\n\nMPs"]


def test_text_between_question_and_spinner_of_an_unanswered_page_is_reported() -> None:
    doc = _parse(HEAD + QUESTION + "\n\nSomething the parser does not know.\n\n" + SPINNER)
    (record,) = doc.records
    assert record.answer is None
    assert record.question.text == QUESTION
    assert _unparsed(doc) == ["Something the parser does not know."]


def test_spinner_glued_to_the_last_paragraph_is_dropped() -> None:
    doc = _parse(HEAD + QUESTION + BLOCK + "The answer is complete. " + SPINNER)
    (record,) = doc.records
    assert record.complete
    assert record.answer is not None
    assert record.answer.paragraphs == ("The answer is complete.",)
    assert not any(chrome in value for value in _field_strings(doc) for chrome in CHROME)


def test_copy_cut_inside_the_last_paragraph_is_incomplete() -> None:
    doc = _parse(HEAD + QUESTION + BLOCK + "The first paragraph.\n\nThe second one stops in")
    (record,) = doc.records
    assert not record.complete
    assert record.answer is not None
    assert record.answer.paragraphs[-1] == "The second one stops in"
    assert "PQ102" in _codes(doc)


def test_copy_ending_after_a_whole_paragraph_without_spinner_is_complete() -> None:
    doc = _parse(HEAD + QUESTION + BLOCK + "The answer ends here.\n")
    (record,) = doc.records
    assert record.complete
    assert _codes(doc) == []


def test_answer_block_without_date_keeps_name_role_and_paragraphs() -> None:
    block = "\n\n\nAnswered by\nDiana Johnson\nMinister of State (Home Office)\n\n"
    doc = _parse(HEAD + QUESTION + block + "The answer.\n\n" + SPINNER)
    (record,) = doc.records
    assert record.answer is not None
    assert record.answer.answered_by == pqparse.Minister(
        "Diana Johnson", "Minister of State (Home Office)", "Home Office"
    )
    assert record.answer.answered_on is None
    assert record.answer.paragraphs == ("The answer.",)
    assert _codes(doc) == ["PQ104"]


def test_answer_block_without_date_or_role_does_not_take_a_paragraph_as_role() -> None:
    block = "\n\n\nAnswered by\nDiana Johnson\nMinisters have met the inquiry chair twice.\n\n"
    doc = _parse(HEAD + QUESTION + block + SPINNER)
    (record,) = doc.records
    assert record.answer is not None
    assert record.answer.answered_by == pqparse.Minister("Diana Johnson")
    assert record.answer.paragraphs == ("Ministers have met the inquiry chair twice.",)


def test_unreadable_asked_on_date_is_reported_and_left_empty() -> None:
    text = HEAD.replace("7th April", "31st February") + QUESTION + "\n\n" + SPINNER
    doc = _parse(text)
    (record,) = doc.records
    assert record.question.asked_on is None
    assert "PQ200" in _codes(doc)


def test_asked_by_line_is_read_when_present() -> None:
    text = (
        "Railways: Fares\n\n(asked on 4th March 2025) - View Source\n\n"
        "Asked by: Lord Jones of Cheltenham (Liberal Democrat - Life peer)\n\n"
        "Question to the Department for Transport:\n\n"
        "To ask His Majesty's Government what assessment they have made of rail fares.\n\n"
        + SPINNER
    )
    doc = _parse(text)
    (record,) = doc.records
    assert record.heading == "Railways: Fares"
    assert record.question.asked_by == pqparse.Member(
        "Lord Jones of Cheltenham", "Liberal Democrat", "Life peer"
    )
    assert record.house is pqparse.House.LORDS
    assert _codes(doc) == []


def test_peer_answerer_makes_a_question_without_house_wording_a_lords_one() -> None:
    text = (
        "Question to the HM Treasury:\nTo ask about the lifetime allowance.\n\n\n"
        "Answered by\nBaroness Penn\nThis question was answered on 2nd May 2023\n\n"
        "The allowance was abolished.\n\n" + SPINNER
    )
    (record,) = _parse(text).records
    assert record.house is pqparse.House.LORDS


def test_bare_copy_question_cut_off_has_no_answer_and_is_incomplete() -> None:
    doc = _parse(
        "Question to the HM Treasury:\nTo ask Mr Chancellor of the Exchequer, what estimate he"
    )
    (record,) = doc.records
    assert not record.complete
    assert record.answer is None
    assert record.question.text == "To ask Mr Chancellor of the Exchequer, what estimate he"
    assert record.question.department == "HM Treasury"
    assert "PQ102" in _codes(doc)


def test_bare_copy_line_before_the_question_is_unparsed() -> None:
    doc = _parse(
        "Question to the Ministry of Defence:\nNavy Deployment\n"
        "To ask the Secretary of State for Defence, what ships are deployed.\nThe answer.\n"
    )
    (record,) = doc.records
    assert record.question.text.startswith("To ask the Secretary of State for Defence")
    assert record.answer is not None
    assert record.answer.paragraphs == ("The answer.",)
    assert _unparsed(doc) == ["Navy Deployment"]


def test_table_row_keeps_cells_and_loses_the_trailing_bar() -> None:
    rows = "Year | Total |\n2024 | 70 |\n"
    (record,) = _parse(HEAD + QUESTION + BLOCK + rows + "\n" + SPINNER).records
    assert record.answer is not None
    assert record.answer.paragraphs == ("Year | Total", "2024 | 70")


def test_official_report_column_is_not_a_reference() -> None:
    answer = (
        "I refer my right hon. Friend to the answer given on 10 September 2014, "
        "(Official Report, column 618W) to the hon. Member for Moray."
    )
    (record,) = _parse(
        "Question to the Ministry of Defence:\nTo ask the Secretary of State for Defence, x.\n"
        + answer
    ).records
    assert record.references == ()


@pytest.mark.parametrize(
    "source",
    [
        "",
        "\n\n\n",
        SPINNER,
        "Question to the :",
        "<html><body><p>Question to the Home Office:</p></body></html>",
        "<div><<<>>>\x00Answered by</div>",
        "Question to the Home Office:\n\n\nAnswered by\nThis question was answered on 99th X",
        "Answered by\n" * 50 + "Question to the Home Office:\n" + "Answered by\n" * 50,
    ],
)
def test_lenient_mode_never_raises(source: str) -> None:
    doc = _parse(source)
    assert doc.format == NAME
    for record in doc.records:
        assert 0 <= record.span.start <= record.span.end <= len(doc.text)


# --- page or listing: labels only a page has decide ------------------------------------------

ASKER = "Asked by: Caroline Voaden (Liberal Democrat - South Devon)"
FULL_PAGE = HEAD + QUESTION + BLOCK + "The answer.\n\n" + SPINNER


@pytest.mark.parametrize(
    "text",
    [
        FULL_PAGE.replace("Question to the", f"{ASKER}\n\nQuestion to the"),
        "Written Question\n" + FULL_PAGE,
        "Written Question\n" + FULL_PAGE.replace("Question to the", f"{ASKER}\n\nQuestion to the"),
    ],
    ids=["asked-by-line", "written-question-badge", "both"],
)
def test_a_page_showing_listing_labels_is_still_a_page(text: str) -> None:
    assert detect(text) >= 0.9
    assert listing.detect(text) < 0.5
    doc = pqparse.parse(text)
    assert doc.format == NAME
    (record,) = doc.records
    assert record.heading == "Offences against Children"
    assert record.answer is not None and record.answer.paragraphs == ("The answer.",)
    assert "Written Question" not in _field_strings(doc)
    assert _codes(doc) == []


def test_asked_by_line_below_the_question_is_read_not_unparsed() -> None:
    text = FULL_PAGE.replace(QUESTION, f"{QUESTION}\n\n{ASKER}")
    doc = pqparse.parse(text)
    (record,) = doc.records
    assert doc.format == NAME
    assert record.question.text == QUESTION
    assert record.question.asked_by == pqparse.Member(
        "Caroline Voaden", "Liberal Democrat", "South Devon"
    )
    assert _codes(doc) == []


@pytest.mark.parametrize(
    "last_line",
    ["https://www.gov.uk/government/statistics/asylum-2025", "2024 | 70 |", "2024 | 851,062"],
    ids=["link", "table-row", "html-table-row"],
)
def test_copy_ending_with_a_link_or_table_row_is_complete(last_line: str) -> None:
    text = (
        "Question to the Home Office:\nTo ask the Secretary of State for the Home Department, "
        f"where the figures are published.\nThe figures are published at:\n{last_line}\n"
    )
    doc = _parse(text)
    (record,) = doc.records
    assert record.complete
    assert "PQ102" not in _codes(doc)


@pytest.mark.parametrize(
    ("asker", "question", "house"),
    [
        ("Lord Wei (Conservative - Life peer)", "To ask the Leader of the House what plans.", "L"),
        ("Lord Wei", "To ask the Leader of the House what plans.", "L"),
        ("Sam Rushworth (Labour - Bishop Auckland)", "To ask the Leader of the House, what.", "C"),
    ],
    ids=["peerage-seat", "peer-name", "bishop-auckland-constituency"],
)
def test_the_asker_decides_the_house_before_the_wording(
    asker: str, question: str, house: str
) -> None:
    text = (
        f"Sitting Hours\n\n(asked on 3rd March 2025) - View Source\n\nAsked by: {asker}\n\n"
        f"Question to the Leader of the House:\n\n{question}\n\n{SPINNER}"
    )
    (record,) = pqparse.parse(text).records
    expected = pqparse.House.LORDS if house == "L" else pqparse.House.COMMONS
    assert record.house is expected


# --- fast paths -----------------------------------------------------------------------------

_PAGES = Path(__file__).parents[1] / "fixtures" / "parallelparliament-page"
_WHITESPACE_SAMPLES = " \t\r\x0b\x0c\x1c\x1f\x85\xa0\u2028\u3000\u200b"


def _same_lines(text: str) -> bool:
    """The page's lines: the shared split's texts, and its offsets for every content line."""
    shared = split_lines(text)
    lines = page._Lines(text)
    return lines.values == [line.text for line in shared] and all(
        lines.line(index) == line for index, line in enumerate(shared) if line.text
    )


def test_page_lines_match_the_shared_split_lines_on_fixtures() -> None:
    for path in sorted(_PAGES.iterdir()):
        if path.name.endswith(".expected.json"):
            continue
        source = path.read_text(encoding="utf-8")
        assert _same_lines(source), path.name
        if looks_like_html(source):
            assert _same_lines(html_to_text(source)), path.name


def test_page_lines_match_the_shared_split_lines_on_near_misses() -> None:
    rng = random.Random(7)
    alphabet = ["a", "Z", "\n", "\n\n", *_WHITESPACE_SAMPLES]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 14)))
        assert _same_lines(text), repr(text)


def _same_chrome(text: str) -> bool:
    lines = page._Lines(text)
    return lines.chrome == page._chrome_lines_by_line(lines.values)


def test_chrome_lines_match_their_line_by_line_definition_on_fixtures() -> None:
    for path in sorted(_PAGES.iterdir()):
        if path.name.endswith(".expected.json"):
            continue
        source = path.read_text(encoding="utf-8")
        assert _same_chrome(source), path.name
        if looks_like_html(source):
            assert _same_chrome(html_to_text(source)), path.name


def test_chrome_lines_match_their_line_by_line_definition_on_near_misses() -> None:
    rng = random.Random(11)
    pieces = ["Jo Bloggs", " ", "\n", "\n\n", "Portrait", "Portraits", "Portrait ", SPINNER]
    pieces += ["View Source", "Written Question", "x" * 85, "\t", "\xa0"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 10)))
        assert _same_chrome(text), repr(text)


def test_clean_paragraph_check_never_accepts_text_that_cleaning_changes() -> None:
    lines = [
        line.text
        for path in sorted(_PAGES.iterdir())
        if not path.name.endswith(".expected.json")
        for line in split_lines(path.read_text(encoding="utf-8"))
    ]
    rng = random.Random(13)
    alphabet = ["a", "Z", " ", "  ", "\u00ad", *_WHITESPACE_SAMPLES]
    near = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 8))) for _ in range(3000)]
    accepted = 0
    for piece in [*lines, *near]:
        if all_clean(piece, [(0, len(piece))]):
            accepted += 1
            assert piece and clean_inline(piece) == piece, repr(piece)
    assert accepted > len(lines) // 2  # the check does accept ordinary paragraphs
