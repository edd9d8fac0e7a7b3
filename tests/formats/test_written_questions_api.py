"""The ``written-questions-api`` format: field equality with the JSON itself, shapes, streaming."""

from __future__ import annotations

import datetime
import io
import json
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import ijson
import pytest

import pqparse
from pqparse.extract.records import answer_from, question_from
from pqparse.formats import written_questions_api as api
from pqparse.report import Report
from pqparse.text.normalize import clean_inline

FIXTURES = Path(__file__).parent.parent / "fixtures" / "written-questions-api"
INPUTS = sorted(
    p for p in FIXTURES.iterdir() if p.suffix in (".json", ".jsonl") and ".expected." not in p.name
)
TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
HOUSES = {"Commons": "Commons", "Lords": "Lords", 1: "Commons", 2: "Lords"}


# --- an independent reading of the fixtures: plain json, no pqparse ------------------------------


def _values(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _values(item)
    elif "results" in data:
        yield from _values(data["results"])
    elif "items" in data:
        yield from _values(data["items"])
    elif "value" in data:
        yield data["value"]
    else:
        yield data


def _json_values(path: Path) -> list[dict[str, Any]]:
    """Question objects of a fixture; of a cut-off file, the complete ones only."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        return [v for line in raw.splitlines() if line.strip() for v in _values(json.loads(line))]
    try:
        return list(_values(json.loads(raw)))
    except json.JSONDecodeError:
        complete: list[dict[str, Any]] = []
        with pytest.raises(ijson.JSONError):
            for item in ijson.items(io.BytesIO(raw.encode()), "results.item"):
                complete.extend(_values(item))
        return complete


def _day(value: str | None) -> str | None:
    return value[:10] if value else None


def _member_name(member: dict[str, Any] | None) -> str | None:
    if member is None:
        return None
    return member.get("name") or member.get("nameDisplayAs")


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_records_carry_the_json_values(path: Path) -> None:
    doc = pqparse.parse(path.read_bytes())
    values = _json_values(path)
    assert len(doc.records) >= len(values) > 0
    for record, value in zip(doc.records, values, strict=False):
        data = pqparse.to_dict(record)
        question, answer = data["question"], data["answer"]
        assert data["uin"] == value["uin"]
        assert data["heading"] == value["heading"]
        assert data["house"] == HOUSES[value["house"]]
        assert question["asked_on"] == _day(value["dateTabled"])
        assert question["date_for_answer"] == _day(value["dateForAnswer"])
        body = value.get("answeringBodyName") or value["answeringBody"]["name"]
        assert question["department"] == body
        asker = value["askingMember"]
        if asker is None:
            assert question["asked_by"] is None
        else:
            assert question["asked_by"] == {
                "name": _member_name(asker),
                "party": asker.get("party") or asker["latestParty"]["name"],
                "constituency": asker.get("memberFrom")
                or asker["latestHouseMembership"]["membershipFrom"],
            }
        assert data["named_day"] is value["isNamedDay"]
        assert data["registered_interest"] is value["memberHasInterest"]
        assert data["withdrawn"] is value["isWithdrawn"]
        grouped = value["groupedQuestions"]
        if grouped is None:  # the Members API may give the dated list only
            grouped = [item["questionUin"] for item in value["groupedQuestionsDates"]]
        assert data["grouped_question_ids"] == grouped
        assert question["text"] == " ".join(value["questionText"].split())
        if not value["answerText"] and value["dateAnswered"] is None:
            assert answer is None
            continue
        assert answer["answered_on"] == _day(value["dateAnswered"])
        assert answer["is_holding"] is value["answerIsHolding"]
        assert answer["is_correction"] is value["answerIsCorrection"]
        minister = _member_name(value["answeringMember"])
        assert (answer["answered_by"] or {}).get("name") == minister
        assert answer["text"], "an answered record has answer text"
        assert not TAG.search(answer["text"]), answer["text"]
        assert not ENTITY.search(answer["text"]), answer["text"]
        assert answer["text"] == "\n\n".join(answer["paragraphs"])


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_streaming_gives_the_records_parse_gives(path: Path) -> None:
    parsed = pqparse.parse_file(path).records
    streamed = list(pqparse.iter_records(path))
    if path.name == "truncated-download.json":  # streaming keeps the complete records only
        assert streamed == [r for r in parsed if r.complete]
    else:
        assert streamed == list(parsed)


# --- shapes --------------------------------------------------------------------------------


def _item() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / "commons-expanded-table.json").read_text())
    return data


def _records(source: str | bytes) -> tuple[pqparse.WrittenQuestion, ...]:
    return pqparse.parse(source, format=api.NAME).records


def test_every_accepted_shape_gives_the_same_record() -> None:
    item = _item()
    value = item["value"]
    shapes = [
        json.dumps(value),
        json.dumps(item),
        json.dumps([item]),
        json.dumps([value]),
        json.dumps({"totalResults": 1, "results": [item]}),
        json.dumps(item) + "\n",
        json.dumps({"items": [item], "totalResults": 1, "skip": 0, "take": 20}),
    ]
    expected = _records(shapes[0])
    assert len(expected) == 1
    for shape in shapes:
        assert pqparse.detect_format(shape) == api.NAME
        assert _records(shape) == expected


def test_json_lines_keep_going_after_a_bad_line() -> None:
    item = _item()
    second = json.loads(json.dumps(item))
    second["value"]["uin"] = "38215"
    lines = [json.dumps(item), "", '{"value": {"uin": "38216", "heading": "Cut', json.dumps(second)]
    doc = pqparse.parse("\n".join(lines) + "\n", format=api.NAME)
    assert [r.uin for r in doc.records] == ["38214", "38216", "38215"]
    assert [r.complete for r in doc.records] == [True, False, True]
    codes = [d.code for d in doc.diagnostics]
    assert "PQ402" in codes and "PQ102" in codes
    streamed = list(api.stream(io.BytesIO("\n".join(lines).encode()), Report()))
    assert streamed == list(doc.records)


def test_strict_mode_raises_on_malformed_json() -> None:
    with pytest.raises(pqparse.ParseError) as raised:
        pqparse.parse('{"value": {"uin": "1", ', format=api.NAME, strict=True)
    assert raised.value.code == "PQ402"


def test_an_api_error_body_is_not_a_record() -> None:
    body = {
        "type": "https://tools.ietf.org/html/rfc7231#section-6.5.4",
        "title": "Not Found",
        "status": 404,
        "detail": "No question found",
        "instance": "/api/writtenquestions/questions/2025-03-03/99999",
    }
    doc = pqparse.parse(json.dumps(body), format=api.NAME)
    assert doc.records == ()
    assert [d.code for d in doc.diagnostics] == ["PQ103", "PQ100"]
    assert "404" in doc.diagnostics[0].message


def test_unknown_question_fields_are_reported_once() -> None:
    value = _item()["value"]
    value["newField"] = 1
    doc = pqparse.parse(json.dumps([value, value]), format=api.NAME)
    unparsed = [d for d in doc.diagnostics if d.code == "PQ103"]
    assert len(unparsed) == 1 and "newField" in unparsed[0].message


# --- values --------------------------------------------------------------------------------


def test_unanswered_with_empty_strings_and_null_flags_has_no_answer() -> None:
    value = _item()["value"]
    value.update(
        answerIsHolding=None,
        answerIsCorrection=None,
        answeringMemberId=None,
        answeringMember=None,
        dateAnswered=None,
        answerText="",
    )
    (record,) = _records(json.dumps(value))
    assert record.answer is None
    assert record.complete


@pytest.mark.parametrize(
    ("house", "expected"),
    [("Commons", pqparse.House.COMMONS), ("Lords", pqparse.House.LORDS), (2, pqparse.House.LORDS)],
)
def test_house_values(house: object, expected: pqparse.House) -> None:
    value = _item()["value"]
    value["house"] = house
    assert _records(json.dumps(value))[0].house is expected


def test_bishops_sit_in_the_lords_and_bicameral_is_no_house() -> None:
    value = _item()["value"]
    value["house"] = "Bishops"
    assert _records(json.dumps(value))[0].house is pqparse.House.LORDS
    value["house"] = "Bicameral"
    value["questionText"] = "To ask His Majesty's Government what plans they have."
    doc = pqparse.parse(json.dumps(value), format=api.NAME)
    assert doc.records[0].house is pqparse.House.LORDS  # from the question's wording
    assert any(d.code == "PQ105" and "Bicameral" in d.message for d in doc.diagnostics)


def test_holding_flag_not_wording_decides() -> None:
    value = _item()["value"]
    value["answerText"] = (
        "<p>It will not be possible to answer this question within the usual time period.</p>"
    )
    value["answerIsHolding"] = False
    assert _records(json.dumps(value))[0].answer.is_holding is False  # type: ignore[union-attr]
    value["answerIsHolding"] = True
    value["answerText"] = "<p>I will write to the hon. Member.</p>"
    assert _records(json.dumps(value))[0].answer.is_holding is True  # type: ignore[union-attr]


def test_an_unreadable_date_is_reported_not_guessed() -> None:
    value = _item()["value"]
    value["dateTabled"] = "not a date"
    doc = pqparse.parse(json.dumps(value), format=api.NAME)
    assert doc.records[0].question.asked_on is None
    assert any(d.code == "PQ200" and "dateTabled" in d.message for d in doc.diagnostics)


def test_a_question_of_255_characters_with_a_full_html_answer_is_complete() -> None:
    value = _item()["value"]
    value["questionText"] = ("To ask the Secretary of State for Transport, " + "x" * 300)[:255]
    (record,) = _records(json.dumps(value))
    assert record.complete
    value["answerText"] = None
    value["dateAnswered"] = None
    (record,) = _records(json.dumps(value))
    assert not record.complete and record.extra["truncated"] == ["question"]


@pytest.mark.parametrize(
    ("markup", "paragraphs"),
    [
        ("<p>One &amp; two</p><p>&nbsp;</p><p>Three</p>", ["One & two", "Three"]),
        ("Plain text\nsecond line", ["Plain text", "second line"]),
        ("Fish &amp; chips &pound;5", ["Fish & chips £5"]),
        ("<p>Double &amp;amp; escaped&amp;nbsp;text</p>", ["Double & escaped text"]),
        ("<p><strong>\u00a0</strong></p><p>x</p>", ["x"]),
        (
            "<p>19,660<sup>1</sup> claimants</p><p><sup>1</sup> Rounded.</p>",
            ["19,660¹ claimants", "¹ Rounded."],
        ),
        ("", []),
    ],
)
def test_answer_paragraphs(markup: str, paragraphs: list[str]) -> None:
    assert api.answer_paragraphs(markup) == paragraphs


def test_cp1252_and_bom_inputs_decode() -> None:
    value = _item()["value"]
    value["heading"] = "Café Licences: £"
    text = json.dumps(value, ensure_ascii=False)
    for data in (text.encode("cp1252"), b"\xef\xbb\xbf" + text.encode("utf-8")):
        assert _records(data)[0].heading == "Café Licences: £"
        streamed = list(api.stream(io.BytesIO(data), Report()))
        assert streamed[0].heading == "Café Licences: £"
    line = (json.dumps(value, ensure_ascii=False) + "\n").encode("cp1252")
    assert list(api.stream(io.BytesIO(line * 2), Report()))[1].heading == "Café Licences: £"


# --- streaming -----------------------------------------------------------------------------


def _many(count: int) -> list[dict[str, Any]]:
    item = _item()
    items = []
    for number in range(count):
        copy = json.loads(json.dumps(item))
        copy["value"]["uin"] = str(40000 + number)
        copy["value"]["dateTabled"] = (
            datetime.date(2025, 1, 6) + datetime.timedelta(days=number % 200)
        ).isoformat() + "T00:00:00"
        items.append(copy)
    return items


@pytest.mark.parametrize(
    "layout", ["envelope-one-line", "envelope-indented", "list", "jsonl", "concatenated"]
)
def test_stream_equals_parse_for_every_layout(layout: str) -> None:
    items = _many(300)
    if layout == "envelope-one-line":
        data = json.dumps({"totalResults": 9000, "results": items})
    elif layout == "envelope-indented":
        data = json.dumps({"totalResults": 9000, "results": items}, indent=2)
    elif layout == "list":
        data = json.dumps(items, indent=1)
    elif layout == "jsonl":
        data = "".join(json.dumps(item) + "\n" for item in items)
    else:
        data = "\n".join(json.dumps(item, indent=2) for item in items)
    report = Report()
    streamed = list(api.stream(io.BytesIO(data.encode()), report))
    doc = pqparse.parse(data, format=api.NAME)
    assert len(streamed) == 300
    assert streamed == list(doc.records)
    assert report.diagnostics == [d for d in doc.diagnostics if d.code != "PQ400"]


def test_stream_caps_repeated_diagnostics(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(api, "STREAM_DIAGNOSTIC_CAP", 2)
    items = _many(5)
    for item in items:
        item["value"]["answerText"] = "Stripped answer text cut short..."
    data = "".join(json.dumps(item) + "\n" for item in items).encode()
    report = Report()
    records = list(api.stream(io.BytesIO(data), report))
    assert [r.complete for r in records] == [False] * 5
    truncated = [d for d in report.diagnostics if d.code == "PQ106"]
    assert len(truncated) == 3
    assert truncated[-1].message == "3 more PQ106 diagnostics not listed"


def test_stream_reports_malformed_json_and_keeps_earlier_records() -> None:
    data = json.dumps({"totalResults": 2, "results": _many(2)}).encode()
    report = Report()
    records = list(api.stream(io.BytesIO(data[: len(data) - 200]), report))
    assert [r.uin for r in records] == ["40000"]
    assert [d.code for d in report.diagnostics if d.level == "error"] == ["PQ402"]


@pytest.mark.parametrize("layout", ["envelope-indented", "list", "concatenated", "jsonl"])
@pytest.mark.parametrize("chunk", [1, 7, 64])
def test_stream_reads_values_cut_at_any_chunk_end(
    layout: str, chunk: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Chunks far smaller than an item: every value, key and number is cut somewhere."""
    monkeypatch.setattr(api, "_HEAD", chunk)
    items = _many(6)
    items[2]["value"]["attachmentCount"] = 123456789
    if layout == "envelope-indented":
        data = json.dumps({"results": items, "totalResults": 6, "skip": 0}, indent=2)
    elif layout == "list":
        data = json.dumps(items)
    elif layout == "concatenated":
        data = "  ".join(json.dumps(item) for item in items)
    else:
        data = "".join(json.dumps(item) + "\n" for item in items)
    streamed = list(api.stream(io.BytesIO(data.encode()), Report()))
    assert streamed == list(pqparse.parse(data, format=api.NAME).records)
    assert streamed[2].extra["attachment_count"] == 123456789


@pytest.mark.parametrize(
    "data",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b'{"value":' * 50_000 + b"{}" + b"}" * 50_000,
        b"[" * 200_000,
        b'{"results": [' + b'{"a":' * 100_000,
        b'{"uin": "1", "questionText": "q"}\n' + b"[" * 100_000 + b"\n",
    ],
    ids=["deep-list", "deep-items", "deep-unclosed", "deep-in-envelope", "deep-jsonl-line"],
)
def test_pathological_nesting_is_refused_quickly(data: bytes) -> None:
    """Deep nesting must not exhaust the stack (parse) nor memory (a prefix-tracking stream)."""
    start = time.process_time()
    doc = pqparse.parse(data, format=api.NAME)
    report = Report()
    streamed = list(api.stream(io.BytesIO(data), report))
    assert time.process_time() - start < 2.0
    assert all(d.code != "PQ199" for d in doc.diagnostics)
    assert any(d.code == "PQ402" for d in doc.diagnostics)
    assert any(d.code == "PQ402" for d in report.diagnostics)
    assert [r.uin for r in streamed] == [r.uin for r in doc.records if r.complete]


def test_non_standard_numbers_read_alike_in_parse_and_stream() -> None:
    data = b'{"uin": "1", "questionText": "To ask x", "id": NaN, "attachmentCount": 1e999}'
    streamed = list(api.stream(io.BytesIO(data), Report()))
    assert streamed == list(pqparse.parse(data, format=api.NAME).records)
    assert [r.uin for r in streamed] == ["1"]


# --- the clean fast path of answer_from ----------------------------------------------------------

_NEAR_MISS_ANSWERS = [
    "<p>&amp;nbsp;</p><p>kept</p>",  # decodes to an empty paragraph
    "<p>&amp;#32;</p>",
    "<p>a\u00a0\u2003b</p>\t<p> c </p>",
    "plain\n\n  indented\r\nline\u2028after",
    "Tabs\tand\x0bvertical\x0cfeeds &amp;amp; more",
    "<table><tr><td>&amp;nbsp;</td><td></td></tr></table><ul><li> x </li></ul>",
    "<p>\u200bzero\u200bwidth</p><p>\u00ad</p>",
    "I refer the hon. Member to the answer of 3 May to Question 12345.",
]


def _answer_texts() -> list[str]:
    found: list[str] = []
    for path in INPUTS:
        for line in path.read_text(encoding="utf-8").splitlines() or [""]:
            try:
                data = json.loads(line)
            except ValueError:
                continue
            found.extend(
                value[key]
                for value in _values(data)
                for key in ("answerText", "originalAnswerText")
                if isinstance(value, dict) and isinstance(value.get(key), str)
            )
    return found + _NEAR_MISS_ANSWERS


@pytest.mark.parametrize("markup", _answer_texts())
def test_answer_paragraphs_are_clean_or_empty_and_the_clean_path_agrees(markup: str) -> None:
    paragraphs = api.answer_paragraphs(markup)
    assert all(p == clean_inline(p) for p in paragraphs)
    text = "\n\n".join(paragraphs)
    spans: list[tuple[int, int]] = []
    position = 0
    for paragraph in paragraphs:
        spans.append((position, position + len(paragraph)))
        position += len(paragraph) + 2
    slow = answer_from(text, spans, answered_on=datetime.date(2024, 5, 9), base=7)
    if "" in paragraphs:  # the format then takes the general path
        assert markup in _NEAR_MISS_ANSWERS[:2]
        return
    fast = answer_from(text, spans, answered_on=datetime.date(2024, 5, 9), base=7, clean=True)
    assert fast == slow


_REF_ANSWERS = [
    "<p>I refer the hon. Member to the answer I gave on 8 April to question 44194.</p>"
    "<p>See also PQs HL1234 to HL1240,</p><p>and 12346 [HL16983].</p>",
    "<p>The answer of 25 February 2019 (Official Report, column 12W) to PQ 223140</p><p>x</p>",
    "<p>No reference here.</p><p>Questions 44194, 44195 and 44196</p>",
    "<p>An answer is being prepared and will be provided as soon as possible.</p>",
]


@pytest.mark.parametrize("markup", _answer_texts() + _REF_ANSWERS)
@pytest.mark.parametrize("holding", [None, True])
def test_the_format_builds_answers_as_answer_from_does(markup: str, holding: bool | None) -> None:
    paragraphs = api.answer_paragraphs(markup)
    if "" in paragraphs:  # the format calls answer_from itself then
        return
    joined = "\n\n".join(paragraphs)
    spans = api._paragraph_spans(paragraphs, 3)
    day = datetime.date(2025, 5, 9)
    expected = answer_from("\n\n\n" + joined, spans, answered_on=day, is_holding=holding, base=7)
    built = api._answer(
        paragraphs,
        joined,
        10,
        answered_by=None,
        answered_on=day,
        is_holding=holding,
        is_correction=False,
    )
    assert built == expected


def _question_texts() -> list[str]:
    found = [
        value["questionText"]
        for path in INPUTS
        for value in _json_values(path)
        if isinstance(value.get("questionText"), str)
    ]
    return [
        *found,
        "To ask the Secretary of State for the Home Department, with reference to the answer "
        "of 8 April to Question 44194, whether  she will  publish it.",
        "To ask His Majesty's Government what assessment they have made of [HL1234].",
        "  To ask the Minister for Women and Equalities\u00a0whether\tPQ 12345 was answered. ",
        "What steps is the Government taking? (HL16983)",
        "",
    ]


@pytest.mark.parametrize("raw", _question_texts())
@pytest.mark.parametrize("target", [None, "the Secretary of State for Justice"])
def test_the_format_builds_questions_as_question_from_does(raw: str, target: str | None) -> None:
    text = api._string(raw) or ""
    assert text == clean_inline(text)  # what lets the format skip question_from's cleaning
    day = datetime.date(2025, 4, 10)
    expected, house = question_from(
        "UIN 1\n" + text, (6, 6 + len(text)), asked_on=day, department=None, base=3
    )
    if expected.addressee is None and target:
        expected = attrs.evolve(expected, addressee=target.removeprefix("the "))
    built = api._question(
        text,
        9,
        asked_by=None,
        asked_on=day,
        department=None,
        target=target,
        date_for_answer=None,
    )
    assert built == (expected, house)


def test_ascii_control_check_agrees_with_the_pattern() -> None:
    pattern = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
    for code in range(128):
        for text in (chr(code), f"<p>a{chr(code)}b</p>", f"plain{chr(code)}"):
            assert api._has_ascii_control(text) == (pattern.search(text) is not None), code


def test_json_lines_of_every_kind_stream_as_they_parse() -> None:
    """Plain item lines (the fast path) mixed with lines it leaves to the general reading:
    a later line in cp1252, indented, blank, a list, an envelope, a bare question, a bad one."""
    items = _many(60)  # more than the 64 KiB the stream sniffs before choosing an encoding
    lines = [json.dumps(item).encode() for item in items[:50]]
    cafe = json.loads(json.dumps(items[50]))
    cafe["value"]["heading"] = "Café Licences: £"
    lines.append(json.dumps(cafe, ensure_ascii=False).encode("cp1252"))
    lines.append(b"   " + json.dumps(items[51]).encode())
    lines.append(b"")
    lines.append(json.dumps([items[52], items[53]]).encode())
    lines.append(json.dumps({"totalResults": 1, "results": [items[54]]}).encode())
    lines.append(json.dumps(items[55]["value"]).encode())
    lines.append(b'{"value": {"uin": "1", "heading": "Cut')
    lines.append(json.dumps(items[56]).encode())
    data = b"\n".join(lines) + b"\n"
    assert len(b"\n".join(lines[:50])) > 64 * 1024
    streamed = list(api.stream(io.BytesIO(data), Report()))
    parsed = pqparse.parse(data, format=api.NAME).records
    assert [r.uin for r in streamed] == [r.uin for r in parsed]
    assert len(streamed) == 58
    assert streamed[50].heading == "Café Licences: £"
    assert [r.question for r in streamed] == [r.question for r in parsed]


def test_printable_check_agrees_with_isprintable() -> None:
    samples = [chr(code) for code in range(0x300)] + ["\u2028", "\u200b", "\ufeff", "\u3000"]
    for char in samples:
        for text in (char, f"ab{char}c", f"{char}\u00e9"):
            assert api._is_printable(text) == text.isprintable(), repr(text)


@pytest.mark.parametrize("template", ["1{}", "[1{}]", '{{"value": {{"uin": "1", "id": 1{}'])
def test_salvaging_a_huge_token_takes_linear_time(template: str) -> None:
    """yajl re-read a token cut by each buffer end: ten times the digits took thirty times
    as long. CPU time, best of three, so that a busy machine does not decide."""

    def seconds(digits: int) -> float:
        source = template.format("1" * digits)
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            pqparse.parse(source, format=api.NAME)
            best = min(best, time.process_time() - start)
        return best

    small, large = max(seconds(200_000), 1e-3), seconds(2_000_000)
    assert large < 20 * small, (small, large)
