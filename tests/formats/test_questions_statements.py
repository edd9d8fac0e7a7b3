"""The ``questions-statements`` format: detection, lenient text cues, HTML rules, robustness.

The golden fixtures cover the documented layouts; these tests pin down the variants the
format doc marks as inferred/unverified, which the parser accepts leniently.
"""

from __future__ import annotations

import datetime
import gc
import random
import re
import time
from pathlib import Path

import pytest

import pqparse
from pqparse.formats import questions_statements as qs

FIXTURES = Path(__file__).parent.parent / "fixtures"
EXAMPLE = Path(__file__).parents[2] / "examples"

DETAIL = """Skip to main content
Schools: Ventilation
Question for Department for Education
UIN 62682, tabled on 25 October 2021
Florence Eshalomi
Labour (Co-op), Vauxhall
To ask the Secretary of State for Education, how many carbon dioxide monitors have been \
delivered to schools in Vauxhall constituency since 1 September 2021.
Answer
Robin Walker
Minister of State (Education)
{answered}
The Department has delivered monitors to every state-funded school.
"""


def _parse(text: str, **kwargs: object) -> pqparse.Document:
    return pqparse.parse(text, **kwargs)  # type: ignore[arg-type]


def _only(doc: pqparse.Document) -> pqparse.WrittenQuestion:
    assert doc.format == qs.NAME
    assert len(doc.records) == 1, doc.diagnostics
    return doc.records[0]


def _codes(doc: pqparse.Document) -> list[str]:
    return [d.code for d in doc.diagnostics]


# --- detection ---------------------------------------------------------------------------


def test_detects_detail_text_and_cards() -> None:
    assert qs.detect(DETAIL.format(answered="Answered on 1 November 2021")) >= 0.9
    html = (FIXTURES / "questions-statements" / "listing-cards.html").read_text()
    assert qs.detect(html) >= 0.9


@pytest.mark.parametrize(
    "source",
    [
        "Offences against Children\n\n(asked on 7th April 2025) - View Source\n\n"
        "Question to the Home Office:\n\nTo ask the Secretary of State, whether x.\n",
        '{"value": {"uin": "62682", "heading": "Schools"}}',
        '<publicwhip><ques url="https://questions-statements.parliament.uk/written-questions/'
        'detail/2024-01-05/8159"><p qnum="8159">To ask</p></ques></publicwhip>',
        "Asked on: 01 March 2019\nHome Office\nCommons\nTo ask the Secretary of State, x.\n",
        "Mr Ellwood: To ask the Secretary of State for Defence what steps he is taking. [123829]",
    ],
)
def test_low_score_on_other_formats(source: str) -> None:
    assert qs.detect(source) < 0.5


def test_a_mere_link_to_the_site_is_not_enough() -> None:
    page = (
        "<html><body><h1>Offences against Children</h1><p>Question to the Home Office:</p>"
        '<a href="https://questions-statements.parliament.uk/written-questions/detail/'
        '2025-04-07/44194">View Source</a></body></html>'
    )
    assert qs.detect(page) < 0.5


# --- lenient text cues (the text layout is inferred, not verified) ------------------------


@pytest.mark.parametrize(
    "answered",
    [
        "Answered on 1 November 2021",
        "Answered on: 1 November 2021",
        "Answered 1 November 2021",
        "Answered on\n1 November 2021",
        "Answered on 01 Nov 2021",
    ],
)
def test_answer_date_label_variants(answered: str) -> None:
    record = _only(_parse(DETAIL.format(answered=answered)))
    assert record.answer is not None
    assert record.answer.answered_on == datetime.date(2021, 11, 1)
    assert record.answer.paragraphs == (
        "The Department has delivered monitors to every state-funded school.",
    )
    assert record.complete


def test_lords_uin_in_lower_case_and_asked_by_label() -> None:
    text = (
        "Railways: Electrification\nQuestion for Department for Transport\n"
        "UIN hl1629, tabled on 13 February 2020\nAsked by Lord Berkeley\nLabour, Life peer\n"
        "To ask Her Majesty’s Government what plans they have for the Midland Main Line.\n"
    )
    record = _only(_parse(text))
    assert record.uin == "HL1629"
    assert record.house is pqparse.House.LORDS
    assert record.question.asked_by == pqparse.Member(
        name="Lord Berkeley", party="Labour", constituency="Life peer"
    )
    assert record.answer is None and record.complete


@pytest.mark.parametrize(
    ("card", "party", "seat"),
    [
        ("Labour (Co-op), Vauxhall", "Labour (Co-op)", "Vauxhall"),
        ("Labour (Co-op) - Vauxhall", "Labour (Co-op)", "Vauxhall"),
        (
            "Liberal Democrat – Caithness, Sutherland and Easter Ross",
            "Liberal Democrat",
            "Caithness, Sutherland and Easter Ross",
        ),
        (
            "Liberal Democrat, Caithness, Sutherland and Easter Ross",
            "Liberal Democrat",
            "Caithness, Sutherland and Easter Ross",
        ),
        ("Non-affiliated", "Non-affiliated", None),
    ],
)
def test_party_and_seat_split_at_the_first_separator(
    card: str, party: str, seat: str | None
) -> None:
    text = DETAIL.format(answered="Answered on 1 November 2021").replace(
        "Labour (Co-op), Vauxhall", card
    )
    asked_by = _only(_parse(text)).question.asked_by
    assert asked_by == pqparse.Member(name="Florence Eshalomi", party=party, constituency=seat)


def test_indicators_and_date_for_answer_near_the_uin() -> None:
    text = DETAIL.format(answered="Answered on 1 November 2021").replace(
        "UIN 62682, tabled on 25 October 2021\n",
        "UIN 62682, tabled on 25 October 2021\nNamed day\nRegistered interest\n"
        "Date for answer: 28 October 2021\n",
    )
    record = _only(_parse(text))
    assert record.named_day is True
    assert record.registered_interest is True
    assert record.question.date_for_answer == datetime.date(2021, 10, 28)


def test_awaiting_answer_and_withdrawn_status_lines() -> None:
    head = DETAIL.split("Answer\n", 1)[0]
    awaiting = _only(_parse(head + "Awaiting answer\n"))
    assert awaiting.answer is None and not awaiting.withdrawn and awaiting.complete
    withdrawn = _only(_parse(head + "This question was withdrawn on 27 October 2021.\n"))
    assert withdrawn.withdrawn and withdrawn.answer is None


def test_grouped_ids_on_following_lines_and_attachments_label() -> None:
    text = DETAIL.format(answered="Answered on 1 November 2021") + (
        "This question was grouped with the following question(s) for answer:\n"
        "UIN 62683, tabled on 25 October 2021\nUIN 62684\n\n"
        "Attachments\nCarbon dioxide monitor deliveries (PDF)\n"
    )
    record = _only(_parse(text))
    assert record.grouped_question_ids == ("62683", "62684")
    assert record.extra["attachments"] == [
        {"title": "Carbon dioxide monitor deliveries (PDF)", "url": None}
    ]
    assert record.answer is not None and len(record.answer.paragraphs) == 1


def test_correction_label_before_any_answer_text() -> None:
    head = DETAIL.split("Answer\n", 1)[0]
    text = head + (
        "Answer\nRobin Walker\nMinister of State (Education)\n"
        "Corrected answer by: Robin Walker\nCorrected on: 8 November 2021\n"
        "An error has been identified in the written answer given on 1 November 2021.\n"
        "The correct answer should have been:\n"
        "The Department has delivered 300,000 monitors.\n"
    )
    record = _only(_parse(text))
    assert record.answer is not None and record.answer.is_correction
    assert record.answer.answered_on == datetime.date(2021, 11, 1)
    assert record.answer.paragraphs == ("The Department has delivered 300,000 monitors.",)
    assert record.extra["corrected_on"] == "2021-11-08"
    assert "original_answer" not in record.extra
    assert "PQ103" not in _codes(_parse(text))


def test_two_copies_in_one_text_are_two_records_in_order() -> None:
    first = DETAIL.format(answered="Answered on 1 November 2021")
    second = first.replace("Schools: Ventilation", "Schools: Air Pollution").replace(
        "UIN 62682", "UIN 62699"
    )
    doc = _parse(first + second)
    assert [r.uin for r in doc.records] == ["62682", "62699"]
    assert [r.heading for r in doc.records] == ["Schools: Ventilation", "Schools: Air Pollution"]
    assert doc.records[0].span.end <= doc.records[1].span.start
    for record in doc.records:
        assert doc.text[record.span.start : record.span.end].startswith(record.heading or "")
    assert _codes(doc) == []


def test_unknown_line_inside_a_record_is_reported_once() -> None:
    text = DETAIL.format(answered="Answered on 1 November 2021").replace(
        "Answer\n", "Share this question\nPrint\nAnswer\n"
    )
    doc = _parse(text)
    unparsed = [d for d in doc.diagnostics if d.code == "PQ103"]
    assert len(unparsed) == 1 and unparsed[0].span is not None
    assert doc.text[unparsed[0].span.start : unparsed[0].span.end] == "Share this question\nPrint"


def test_missing_answer_date_at_the_end_is_a_cut_off() -> None:
    text = DETAIL.split("{answered}", 1)[0] + "Answered on\n"
    doc = _parse(text)
    record = _only(doc)
    assert not record.complete
    assert "PQ102" in _codes(doc)


# --- HTML --------------------------------------------------------------------------------


def test_written_statement_page_is_not_a_question() -> None:
    page = (
        '<html><body><div id="main-content"><h1>Cyber Security</h1>'
        "<h2>Statement made by</h2><h3>Statement made by</h3><p>Someone</p>"
        "<h3>Statement</h3><p>My noble friend has made the following statement.</p>"
        "</div></body></html>"
    )
    doc = _parse(page, format=qs.NAME)
    assert doc.records == ()
    assert "PQ100" in _codes(doc)


def test_card_without_status_or_link_keeps_what_it_shows() -> None:
    page = (
        '<html><body><div class="card card-written-question">'
        '<div class="primary-info">Home Office</div><div class="secondary-info">Visas</div>'
        '<div class="content-text">Ms Diane Abbott</div>'
        '<div class="extra-info-group sub-card sub-card-question-text">To ask the Secretary '
        "of State for the Home Department, how many visas were issued.</div>"
        '<div class="info info-secondary ask-info">Asked 3 May 2024</div>'
        '<div class="info info-secondary answer-info"></div>'
        '<div class="unknown-panel">Surprise</div></div></body></html>'
    )
    doc = _parse(page)
    record = _only(doc)
    assert record.uin is None
    assert record.question.asked_on == datetime.date(2024, 5, 3)
    assert record.answer is None and record.complete
    assert record.question.asked_by == pqparse.Member(name="Ms Diane Abbott")
    unparsed = [d for d in doc.diagnostics if d.code == "PQ103"]
    assert [doc.text[d.span.start : d.span.end] for d in unparsed if d.span] == ["Surprise"]


def test_card_link_date_wins_over_a_different_shown_date() -> None:
    page = (FIXTURES / "questions-statements" / "listing-cards.html").read_text()
    page = page.replace("Asked 22 October 2021", "Asked 23 October 2021")
    doc = _parse(page)
    assert doc.records[0].question.asked_on == datetime.date(2021, 10, 22)
    assert "PQ105" in _codes(doc)


# --- robustness and speed ----------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "",
        "Question for ",
        "Question for Home Office\n",
        "UIN 1\nAnswered on\nAnswered by\n",
        "<div class='card card-written-question'></div>",
        "<div id='main-content'><h2>Question for Home Office</h2></div>",
        "Corrected on: 31 February 2021\nThe correct answer should have been:\n",
    ],
)
def test_never_raises_in_lenient_mode(source: str) -> None:
    doc = pqparse.parse(source, format=qs.NAME)
    assert doc.format == qs.NAME


def test_strict_mode_raises_only_for_errors() -> None:
    doc = _parse(DETAIL.format(answered="Answered on 1 November 2021"), strict=True)
    assert len(doc.records) == 1
    with pytest.raises(pqparse.ParseError):
        _parse("Question for Home Office\n", format=qs.NAME, strict=True)


def test_large_text_parses_in_linear_time() -> None:
    unit = DETAIL.format(answered="Answered on 1 November 2021")
    small, large = unit * 200, unit * 1600

    def seconds(text: str) -> float:
        best = float("inf")
        gc.collect()
        gc.disable()  # full collections grow with the heap: not the parser's cost
        try:
            for _ in range(3):
                start = time.process_time()
                doc = pqparse.parse(text, format=qs.NAME)
                best = min(best, time.process_time() - start)
        finally:
            gc.enable()
        assert len(doc.records) == text.count("Question for ")
        return best

    seconds(small)
    ratio = seconds(large) / max(seconds(small), 1e-6)
    assert ratio < 8 * 2.5, f"8x the input took {ratio:.1f}x the time"


def test_adversarial_lines_stay_fast() -> None:
    hostile = "UIN " + "1" * 50_000 + "\n" + "Grouped Questions: " + "1 | " * 50_000 + "\n"
    hostile += "Answered on " + "9 " * 50_000 + "\n" + "Question for " + "x" * 50_000 + "\n"
    start = time.process_time()
    pqparse.parse(hostile, format=qs.NAME)
    assert time.process_time() - start < 2.0


def test_patterns_compile_once_at_import() -> None:
    assert all(
        isinstance(getattr(qs, name), re.Pattern)
        for name in ("_QUESTION_FOR", "_UIN", "_ANSWERED_ON", "_GROUPED", "_ID_LIST")
    )


def _label_lines(seed: int, count: int) -> list[str]:
    """Label-like lines with odd spacing, colons, case and look-alike letters."""
    rng = random.Random(seed)
    starts = [
        "Question for ",
        "QUESTION FOR ",
        "queſtion for ",
        "Question for",
        "Answered on ",
        "İnterest declared",
        "Indicates",
        "[n]",
        "‘Named day",
        "To ask",
        "Skip to",
        "x",
        "",
    ]
    pieces = ["a", "X", " ", ":", "\t", "\xa0", ".", "\u2003", "ſ", "Home Office"]
    lines = []
    for _ in range(count):
        size = rng.choice([0, 1, 2, 3, 10, 149, 150, 151, 152, 160]) + rng.randint(-1, 1)
        body = "".join(rng.choice(pieces) for _ in range(max(0, size)))
        ending = rng.choice(["", " ", ":", " :", ": ", "::", " \t:"])
        lines.append(rng.choice(starts) + body + ending)
    return lines


def test_question_for_body_reads_as_the_pattern() -> None:
    for line in _label_lines(3, 20_000):
        match = qs._QUESTION_FOR.match(line)
        assert qs._question_for(line) == (match.group("body") if match else None), repr(line)


def test_label_start_check_agrees_with_the_word_pattern() -> None:
    initials = re.compile(r"[a-z\[‘’']", re.I)
    firsts = [chr(c) for c in range(0x10000) if initials.fullmatch(chr(c))] + ["x", " ", "1"]
    words = [w for _, alternatives in qs._LABEL_WORDS for w in alternatives.split("|")]
    tails = [w.replace("\\[[NR]\\]", "[N]").replace("['‘’]", "'")[1:] for w in words]
    for first in firsts:
        for tail in [*tails, "", "x"]:
            for line in (first + tail, first + tail.upper(), first + tail + " more"):
                assert qs._maybe_labelled(line) == bool(qs._MAYBE_LABELLED.match(line)), line
    for line in _label_lines(5, 5_000):
        if line:
            assert qs._maybe_labelled(line) == bool(qs._MAYBE_LABELLED.match(line)), line


def test_answered_on_reads_as_the_lazy_pattern() -> None:
    rng = random.Random(11)
    starts = ["Answered", "answered on", "ANSWERED  ON", "Answered on:", "Answered:"]
    starts.append("Answered\ton")
    dates = ["1 November 2021", "Mon 1 Nov", "12", "3 May", "Tuesday", "x 1", ""]
    pieces = ["", " ", ":", ".", ":.", "..", "::", ".:", "a", "1", "\n", "\u2003", "9" * 30]
    for _ in range(30_000):
        line = (
            rng.choice(starts)
            + rng.choice(["", " ", ": ", " : ", ":"])
            + rng.choice(dates)
            + "".join(rng.choice(pieces) for _ in range(rng.randint(0, 3)))
        )
        match = qs._ANSWERED_ON.match(line)
        expected = (False, None) if match is None else (True, match.group("date"))
        assert qs._answered_on(line) == expected, repr(line)


def test_label_letters_have_no_case_lookalikes() -> None:
    """The line readers tell labels apart by letters whose case-insensitive matches are
    just their two cases (so a first- or second-letter check never skips a match)."""
    for letter in "ntwu ":
        pattern = re.compile(re.escape(letter), re.I)
        matching = {chr(c) for c in range(0x110000) if pattern.fullmatch(chr(c))}
        assert matching == {letter, letter.upper()}, (letter, matching)


def _variant(char: str, swaps: dict[str, str], rng: random.Random) -> str:
    """``char``, now and then swapped for a case look-alike or its other case."""
    if char in swaps and rng.random() < 0.2:
        return swaps[char]
    return char.swapcase() if rng.random() < 0.1 else char


def test_gated_label_patterns_need_their_letters() -> None:
    """Each label pattern the readers gate by letters matches only lines with those letters."""
    rng = random.Random(5)
    gates = [
        (qs._ANSWERED_BY, lambda t: t[:2].lower() == "an" and t[2:3] != " "),
        (qs._ANSWER_HEADING, lambda t: t[:2].lower() == "an" and t[2:3] != " "),
        (qs._ANSWERED_ON, lambda t: t[:2].lower() == "an" and t[2:3] != " "),
        (qs._ERROR_IDENTIFIED, lambda t: t[:2].lower() == "an" and t[2:3] == " "),
        (qs._AWAITING, lambda t: t[:2].lower() == "aw"),
        (qs._ATTACHMENTS, lambda t: t[:2].lower() == "at"),
        (qs._HOLDING, lambda t: t[:1] in "hHtT" or t[:2].lower() == "a "),
        (qs._TO_ASK, lambda t: t[:1] in "Tt"),
        (qs._TABLED, lambda t: t[:1] in "Tt"),
        (qs._UIN, lambda t: t[:1] in "Uu"),
    ]
    starts = [
        "Answered by",
        "Answer",
        "Answered",
        "Answered on",
        "An error has been identified in the answer given on",
        "Awaiting answer",
        "Attachments (2)",
        "A received a holding answer",
        "A was given a holding answer",
        "Holding answer",
        "This question received a holding answer",
        "To ask",
        "Tabled on",
        "UIN",
        "uin:",
    ]
    endings = ["", " 1 May 2024", ":", " HL5", " 123, tabled on 1 May 2024", " x", "."]
    swaps = {"s": "ſ", "i": "ı", "k": "\u212a", "a": "A", "n": "N"}
    for _ in range(20_000):
        line = rng.choice(starts) + rng.choice(endings)
        line = "".join(_variant(c, swaps, rng) for c in line)
        for pattern, gate in gates:
            if pattern.match(line):
                assert gate(line), (pattern.pattern, line)
