"""The ``parallelparliament-listing`` format: detection, record splitting, chrome, cut-offs."""

from __future__ import annotations

import datetime
import random
import time
from pathlib import Path

import pytest

import pqparse
from pqparse.formats import parallelparliament_listing as listing
from pqparse.formats import parallelparliament_page as page
from pqparse.text.decode import prepare_text
from pqparse.text.html import html_to_text, looks_like_html
from pqparse.text.lines import Line

FIXTURES = Path(__file__).parent.parent / "fixtures"
LISTINGS = sorted(
    p for p in (FIXTURES / "parallelparliament-listing").iterdir() if p.suffix in (".txt", ".html")
)
PAGES = sorted(p for p in (FIXTURES / "parallelparliament-page").iterdir() if p.suffix == ".txt")
EXAMPLE = (
    Path(__file__).parents[2] / "examples" / "parallel-parliament-offences-against-children.txt"
)

HELP = (
    'To match an exact phrase, use quotation marks around the search term. eg. "Parliamentary '
    'Estate". Use "OR" or "AND" as link words to form more complex queries.'
)


def _record(heading: str, date: str, asker: str, body: str, question: str, answer: str = "") -> str:
    """One record of the current listing layout (answer: "Answered by ..." line + paragraphs)."""
    text = (
        f"Written Question\n{heading}\n{date}\n\nAsked by: {asker}\n\n"
        f"Question to the {body}:\n\n{question}\n\n"
    )
    return text + (f"{answer}\n\n\n" if answer else "\n")


RECORD = _record(
    "Bus Services: Rural Areas",
    "Tuesday 14th January 2025",
    "Olly Glover (Liberal Democrat - Didcot and Wantage)",
    "Department for Transport",
    "To ask the Secretary of State for Transport, how many rural bus routes closed in 2024.",
    "Answered by Simon Lightwood - Parliamentary Under-Secretary (Department for Transport)\n\n"
    "The Department does not hold this information centrally.",
)


def _parse(text: str) -> pqparse.Document:
    return pqparse.parse(text, format=listing.NAME)


def _codes(doc: pqparse.Document) -> list[str]:
    return [d.code for d in doc.diagnostics]


# --- detection -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", LISTINGS, ids=lambda p: p.name)
def test_listings_beat_the_page_format(path: Path) -> None:
    text, _ = prepare_text(path.read_bytes())
    assert listing.detect(text) >= 0.5
    assert listing.detect(text) > page.detect(text)


@pytest.mark.parametrize("path", [EXAMPLE, *PAGES], ids=lambda p: p.name)
def test_single_pages_score_low(path: Path) -> None:
    text, _ = prepare_text(path.read_bytes())
    assert listing.detect(text) < 0.5


def test_two_question_to_lines_mean_a_listing() -> None:
    bare = (
        "Question to the Home Office:\nTo ask the Secretary of State for the Home Department, "
        "how many officers were recruited in 2024.\nThe information is published.\n"
    )
    assert listing.detect(bare) < 0.5
    assert listing.detect(bare * 2) > page.detect(bare * 2)
    assert pqparse.detect_format(bare * 2) == listing.NAME


# --- records -------------------------------------------------------------------------------


def test_a_question_to_line_opens_a_record_without_asked_by() -> None:
    body = (
        "Question to the Home Office:\nTo ask the Secretary of State for the Home Department, "
        "how many officers were recruited in {year}.\nAnswered by Diana Johnson - Minister of "
        "State (Home Office)\nThe figure for {year} is published.\n"
    )
    doc = _parse(body.format(year=2023) + body.format(year=2024))
    assert [r.question.text[-5:] for r in doc.records] == ["2023.", "2024."]
    assert all(r.question.department == "Home Office" for r in doc.records)
    assert not doc.diagnostics


def test_the_listing_date_is_listed_on_only() -> None:
    for path in LISTINGS:
        for record in pqparse.parse(path.read_bytes()).records:
            assert record.question.asked_on is None
            assert record.answer is None or record.answer.answered_on is None
    (record,) = _parse(RECORD).records
    assert record.listed_on == datetime.date(2025, 1, 14)


def test_an_unreadable_listing_date_is_reported() -> None:
    doc = _parse(RECORD.replace("Tuesday 14th January 2025", "Friday 31st February 2025"))
    assert doc.records[0].listed_on is None
    assert "PQ200" in _codes(doc)


def test_answer_paragraphs_survive_double_blank_lines() -> None:
    text = RECORD.replace(
        "centrally.", "centrally.\n\n\nLocal authorities collect figures for their own areas."
    )
    (record,) = _parse(text).records
    assert record.answer is not None
    assert len(record.answer.paragraphs) == 2


def test_table_rows_lose_their_trailing_pipe_and_rules_are_chrome() -> None:
    text = RECORD.replace(
        "centrally.", "centrally.\n\nYear | Routes |\n---|---|\n2024 | 12 |\n\nSource: DfT."
    )
    doc = _parse(text)
    assert doc.records[0].answer is not None
    assert doc.records[0].answer.paragraphs[1:] == ("Year | Routes", "2024 | 12", "Source: DfT.")
    assert not doc.diagnostics


def test_peers_and_the_lords_wording_mean_lords() -> None:
    lords = _record(
        "Banks: Fraud",
        "Tuesday 25th November 2025",
        "Lord Jones of Cheltenham (Liberal Democrat - Life peer)",
        "HM Treasury",
        "To ask the Government what assessment they have made of fraud.",
    )
    bishop = lords.replace(
        "Lord Jones of Cheltenham (Liberal Democrat - Life peer)",
        "Lord Bishop of St Albans (Bishops - Bishops)",
    )
    wording = _record(
        "Banks: Fraud",
        "Tuesday 25th November 2025",
        "Lord Jones of Cheltenham",
        "HM Treasury",
        "To ask His Majesty's Government what assessment they have made of fraud.",
    )
    houses = [_parse(t).records[0].house for t in (lords, bishop, wording, RECORD)]
    assert houses == [pqparse.House.LORDS] * 3 + [pqparse.House.COMMONS]


# --- cut-offs and unparsed text ------------------------------------------------------------


def test_a_record_cut_inside_the_question_is_incomplete() -> None:
    doc = _parse(RECORD + RECORD[: RECORD.index("routes closed")])
    assert [r.complete for r in doc.records] == [True, False]
    assert _codes(doc) == ["PQ102"]
    assert doc.diagnostics[0].span == doc.records[1].span


def test_a_record_cut_inside_the_role_is_incomplete() -> None:
    doc = _parse(RECORD[: RECORD.index("Transport)\n\nThe")])
    (record,) = doc.records
    assert not record.complete
    assert record.answer is not None and record.answer.answered_by is not None
    assert record.answer.answered_by.name == "Simon Lightwood"


def test_a_record_cut_before_its_question_keeps_what_it_has() -> None:
    doc = _parse(RECORD[: RECORD.index("Question to the")])
    (record,) = doc.records
    assert record.heading == "Bus Services: Rural Areas"
    assert record.question.text == ""
    assert record.question.asked_by is not None
    assert record.question.asked_by.name == "Olly Glover"
    assert not record.complete


def test_unknown_text_before_the_first_record_is_one_pq103() -> None:
    doc = _parse(f"{HELP}\n\nSort by date\n\nMost recent first\n\n{RECORD}")
    unparsed = [d for d in doc.diagnostics if d.code == "PQ103"]
    assert len(unparsed) == 1
    assert unparsed[0].span is not None
    assert doc.text[unparsed[0].span.start : unparsed[0].span.end] == (
        "Sort by date\n\nMost recent first"
    )


def test_pager_links_after_the_last_record_are_chrome() -> None:
    (record,) = _parse(RECORD + "« Previous\n1 2 3 … 41\nNext »\n").records
    assert record.answer is not None
    assert record.answer.paragraphs == ("The Department does not hold this information centrally.",)


# --- alert samples ---------------------------------------------------------------------------

ALERT_HEAD = (
    "Department for Transport Alert Sample\n\n\nAlert Sample\n\n"
    "View the Parallel Parliament page for the Department for Transport\n\n"
    "Information between 30th June 2025 - 10th July 2025\n\n"
)
FLAT = (
    "Roads: Safety\nAsked by: Jerome Mayhew (Conservative - Broadland and Fakenham) Wednesday "
    "9th July 2025 Question to the Department for Transport: To ask the Secretary of State for "
    "Transport, when she plans to publish a road safety strategy. Answered by Lilian Greenwood - "
    "Parliamentary Under-Secretary (Department for Transport) The strategy will be published "
    "later this year.\n"
)


def test_a_flattened_record_may_carry_its_answer_on_the_same_line() -> None:
    doc = _parse(ALERT_HEAD + "Written Answers | |||\n---|---|---\n" + FLAT)
    (record,) = doc.records
    assert record.heading == "Roads: Safety"
    assert record.listed_on == datetime.date(2025, 7, 9)
    assert record.question.text.endswith("road safety strategy.")
    assert record.answer is not None and record.answer.answered_by is not None
    assert record.answer.answered_by.role == (
        "Parliamentary Under-Secretary (Department for Transport)"
    )
    assert record.answer.paragraphs == ("The strategy will be published later this year.",)
    assert record.complete and not doc.diagnostics


def test_only_the_written_answers_section_holds_records() -> None:
    debates = (
        "Parliamentary Debates\nRail Fares\n12 speeches (3,101 words)\n"
        "Tuesday 1st July 2025 - Lords Chamber\n\n"
    )
    later = "Written Statements\nRail reform update\n"
    doc = _parse(ALERT_HEAD + debates + "Written Answers\n" + FLAT + later)
    (record,) = doc.records
    assert record.answer is not None
    assert record.answer.paragraphs[-1] == "The strategy will be published later this year."
    assert _codes(doc) == ["PQ103", "PQ103"]


# --- robustness ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", LISTINGS[:6], ids=lambda p: p.name)
def test_every_prefix_parses_leniently(path: Path) -> None:
    text = prepare_text(path.read_bytes())[0]
    for cut in range(0, len(text), 37):
        doc = _parse(text[:cut])
        for record in doc.records:
            assert 0 <= record.span.start <= record.span.end <= len(doc.text)
        assert all(d.code != "PQ199" for d in doc.diagnostics)


def test_parse_time_grows_linearly() -> None:
    def seconds(text: str) -> float:  # CPU time: other processes' load does not count
        start = time.process_time()
        _parse(text)
        return time.process_time() - start

    hostile = "Asked by: " + "Name (Party - " * 2000 + "Question to the " * 2000
    small, large = hostile, hostile * 10
    seconds(small)
    assert seconds(large) < 40 * max(seconds(small), 1e-3)
    many = RECORD * 2000
    assert seconds(many) < 2.0


# --- a single record is still a listing; what ends the last record ----------------------------


@pytest.mark.parametrize(
    "text",
    [
        RECORD,
        "Asked by: Lord Bach (Labour - Life peer)\nQuestion to the Ministry of Justice:\n"
        "To ask His Majesty's Government what the prison population was on 1 May 2025.\n"
        "Answered by Lord Timpson - Minister of State (Ministry of Justice)\nIt was 87,000.\n",
        "Department for Transport Alert Sample\n\nAlert Sample\n\nWritten Answers\n"
        "Bus Services: Rural Areas\nAsked by: Olly Glover (Liberal Democrat - Didcot and Wantage)\n"
        "Tuesday 14th January 2025\n\nQuestion to the Department for Transport:\n\n"
        "To ask the Secretary of State for Transport, how many rural bus routes closed.\n",
    ],
    ids=["current", "compact", "alert-sample"],
)
def test_a_listing_with_one_record_is_a_listing(text: str) -> None:
    assert page.detect(text) < 0.5
    assert pqparse.detect_format(text) == listing.NAME
    assert len(_parse(text).records) == 1


def test_last_answer_ending_in_a_table_row_is_complete() -> None:
    text = RECORD.rstrip() + "\nYear | Routes |\n2023 | 12 |\n2024 | 17 |\n"
    doc = _parse(text)
    assert doc.records[-1].answer is not None
    assert doc.records[-1].answer.paragraphs[-1] == "2024 | 17"
    assert doc.records[-1].complete
    assert "PQ102" not in _codes(doc)


def test_pager_after_an_unpunctuated_last_answer_means_it_was_not_cut() -> None:
    unfinished = RECORD.rstrip().removesuffix(".")
    assert not _parse(unfinished).records[-1].complete
    doc = _parse(unfinished + "\n\n\n« Previous\n1\n2\n3\nNext »\n")
    assert doc.records[-1].complete
    assert doc.records[-1].answer is not None
    assert doc.records[-1].answer.paragraphs[-1].endswith("centrally")
    assert _codes(doc) == []


def test_text_after_a_pager_belongs_to_no_record() -> None:
    footer = "Parallel Parliament is an independent website."
    doc = _parse(RECORD + "\n« Previous\n1\n2\n3\n…\n41\nNext »\n\n" + footer + "\n")
    (record,) = doc.records
    assert record.answer is not None
    assert record.answer.paragraphs == ("The Department does not hold this information centrally.",)
    assert record.complete
    unparsed = [doc.text[d.span.start : d.span.end] for d in doc.diagnostics if d.span]
    assert unparsed == [footer]


def test_a_number_line_ending_an_answer_is_not_a_pager() -> None:
    doc = _parse(RECORD.rstrip() + "\n\nYear\n2024\n\n\n" + RECORD)
    assert len(doc.records) == 2
    assert doc.records[0].answer is not None
    assert doc.records[0].answer.paragraphs[-1] == "2024"


# --- fast paths -----------------------------------------------------------------------------

_WHITESPACE_SAMPLES = " \t\r\x0b\x0c\x1c\x1f\x85\xa0\u2028\u3000\u200b"


def _listing_texts() -> list[str]:
    texts = []
    for path in LISTINGS:
        source = path.read_text(encoding="utf-8")
        texts.append(source)
        if looks_like_html(source):
            texts.append(html_to_text(source))
    return texts


def test_content_lines_match_their_regex_definition_on_fixtures() -> None:
    for text in _listing_texts():
        assert listing._content_lines(text) == listing._content_lines_by_regex(text)


def test_content_lines_match_their_regex_definition_on_near_misses() -> None:
    rng = random.Random(5)
    alphabet = ["a", "Z", "\n", "\n\n", *_WHITESPACE_SAMPLES]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 14)))
        assert listing._content_lines(text) == listing._content_lines_by_regex(text), repr(text)


def test_alert_title_guard_matches_the_pattern() -> None:
    lines = [line.text for text in _listing_texts() for line in listing._content_lines(text)]
    near = ["Alert Sample", "DfT Alert Sample |", "Alert Sampl", "alert sample", "x Alert Sample"]
    near += ["ab Alert Sample | |", "Alert Samples", "Department Alert  Sample", "Alert\nSample"]
    for line in [*lines, *near]:
        assert listing._is_alert_title(line) == (listing._ALERT_TITLE.match(line) is not None)


def _guard_samples() -> list[str]:
    """Fixture lines, every pattern's own words, and near misses (odd first characters)."""
    lines = [line.text for text in _listing_texts() for line in listing._content_lines(text)]
    near = [*listing._CHROME_EXACT, "Written Question", "Asked by: X", "Questioner: X"]
    near += ["Question to the Home Office:", "Question", "Answered by X", "Answer (Jo Bloggs)"]
    near += ["| --- | --- |", ":---|", "-----", "--- | ---", "|", "Tip: To match a phrase, use "]
    near += ["« Previous 1 2 3 Next »", "Page 2 of 41", "1 2 3 … 9", "...", "٣ ٤", "３", "²"]
    near += ["‹ First", "› Last", "Written Answers", "Calendar |", "Bill Documents", "Petitions"]
    near += ["Department Publications - Guidance", "Secondary Legislation", "Select Committee"]
    shorter = [sample[1:].strip() for sample in near]
    return [*lines, *near, *(sample for sample in shorter if sample)]  # lines are stripped


def test_first_character_guards_match_the_bare_patterns() -> None:
    for line in _guard_samples():
        first = line[0]
        if listing._LABEL.match(line):
            assert line.startswith(listing._LABEL_PREFIXES), line
        bare_chrome = line in listing._CHROME_EXACT or bool(listing._CHROME_PATTERN.match(line))
        assert listing._is_chrome(line) == bare_chrome, line
        if bare_chrome:
            assert first in listing._CHROME_FIRST, line
        if listing._SECTION.match(line):
            assert first in listing._SECTION_FIRST, line
    samples = _guard_samples()
    lines = [Line(sample, 0, len(sample)) for sample in samples]
    expected = [i for i, line in enumerate(samples) if listing._PAGER_LINE.match(line)]
    assert listing._pager_lines(lines) == expected


def test_alert_sample_search_matches_the_line_by_line_test() -> None:
    title = "DfT Alert Sample"
    texts = [*_listing_texts(), title, f"x\n{title}", "\n".join(["line"] * 39 + [title])]
    texts += ["\n".join(["line"] * 40 + [title]), f"  {title} | |  \n", "Alert\nSample", ""]
    for text in texts:
        lines = listing._content_lines(text)
        head = lines[: listing._ALERT_TITLE_WITHIN]
        expected = any(listing._is_alert_title(line.text) for line in head)
        assert listing._is_alert_sample(text, lines) == expected, text[:80]


def test_inline_label_checks_match_the_bare_patterns() -> None:
    samples = _guard_samples()
    samples += ["Jo (Lab - X) Friday 19th September 2025 Question to the Home Office: To ask"]
    samples += [
        "Friday 19th September 2025",
        "Fri day 19th",
        "Question to the  X:",
        "Question to theX:",
    ]
    for text in samples:
        assert listing._has_inline_date(text) == bool(listing._INLINE_DATE.search(text)), text
        assert listing._has_inline_body(text) == bool(listing._INLINE_BODY.search(text)), text
