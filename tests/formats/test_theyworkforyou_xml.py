"""theyworkforyou-xml beyond the golden fixtures: streaming, cut-off files, odd structure."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import pqparse
from pqparse.formats import theyworkforyou_xml as twfy
from pqparse.report import Report
from pqparse.text.normalize import clean_inline, normalize_text
from pqparse.text.xml import SAFE_PARSER_OPTIONS, chunks_of, decode_xml_stream, safe_xml_bytes

FORMAT = "theyworkforyou-xml"
FIXTURES = Path(__file__).parents[1] / "fixtures" / FORMAT
INPUTS = sorted(FIXTURES.glob("*.xml"))
GROUPED = FIXTURES / "commons-grouped-holding-table.xml"


def _stream(data: bytes, chunk_size: int = 1 << 20) -> list[pqparse.WrittenQuestion]:
    """Records of ``data`` through the streaming reader, in chunks of ``chunk_size`` bytes."""
    report = Report()
    chunks = twfy._normalized(decode_xml_stream(io.BytesIO(data), chunk_size))
    return list(twfy._read(chunks, report, None))


def _day(body: str, root: str = '<publicwhip scrapeversion="a" latest="yes">') -> str:
    return f"{root}\n{body}\n</publicwhip>\n"


QUESTION = (
    '<ques id="uk.org.publicwhip/wrans/2009-10-29a.295601.q0" speakername="Mike Penning" '
    'speakerid="uk.org.publicwhip/member/1675" colnum="527W">'
    '<p qnum="295601">To ask the Secretary of State for Health, how many ambulances there are.'
    "</p></ques>"
)
REPLY = (
    '<reply id="uk.org.publicwhip/wrans/2009-10-29a.295601.r0" speakername="Ann Keen" '
    'colnum="527W"><p>There were 3,000 on 1 April 2009.</p></reply>'
)
HEADING = (
    '<minor-heading id="uk.org.publicwhip/wrans/2009-10-29a.295601.h">Ambulances</minor-heading>'
)


# --- detection ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_fixtures_score_high(path: Path) -> None:
    text = path.read_bytes().decode("latin-1")
    assert twfy.detect(text) >= 0.9


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("To ask the Secretary of State for Health, how many ambulances there are.", 0.0),
        ('<publicwhip><speech id="uk.org.publicwhip/wms/2009-10-29a.1.0">x</speech>', 0.3),
        ('<publicwhip latest="no"><gidredirect oldgid="uk.org.publicwhip/wrans/x"/>', 0.95),
    ],
    ids=["text", "statements", "redirects-only"],
)
def test_detect_other_inputs(text: str, score: float) -> None:
    assert twfy.detect(text) == score


# --- streaming ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_streaming_gives_the_parsed_records(path: Path) -> None:
    data = path.read_bytes()
    parsed = pqparse.parse(data).records
    assert list(pqparse.iter_records(io.BytesIO(data))) == list(parsed)
    assert list(pqparse.iter_records(path)) == list(parsed)


@pytest.mark.parametrize("chunk_size", [1, 7, 64, 1000])
def test_streaming_in_small_chunks(chunk_size: int) -> None:
    data = (FIXTURES / "commons-entities.xml").read_bytes()
    assert _stream(data, chunk_size) == list(pqparse.parse(data).records)


def test_iter_records_over_a_directory_skips_superseded_versions() -> None:
    streamed = [r for r in pqparse.iter_records(FIXTURES) if r.extra.get("gid")]
    parsed = [r for path in INPUTS for r in pqparse.parse_file(path).records]
    assert streamed == parsed
    assert not any("2009-10-26a.292655" in r.extra["gid"] for r in streamed)


def test_spans_and_text_of_streamed_records_match_the_document() -> None:
    doc = pqparse.parse(GROUPED.read_bytes())
    for record in _stream(GROUPED.read_bytes()):
        assert record.heading is not None
        assert record.heading in doc.text[record.span.start : record.span.end]


# --- cut-off and broken files ---------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["commons-multipart-redirects.xml", "commons-two-departments.xml", "era-b-commons-grouped.xml"],
)
def test_every_cut_keeps_whole_records_and_flags_the_cut_one(name: str) -> None:
    """Cut anywhere: complete records equal those of the whole file; never an exception."""
    data = (FIXTURES / name).read_bytes()
    full = pqparse.parse(data).records
    for cut in range(0, len(data), 23):
        doc = pqparse.parse(data[:cut], format=FORMAT)
        assert not any(d.code == "PQ199" for d in doc.diagnostics), cut
        whole = [r for r in doc.records if r.complete]
        assert whole == list(full[: len(whole)]), cut
        if any(not r.complete for r in doc.records):
            assert any(d.code == "PQ102" for d in doc.diagnostics), cut


def test_malformed_markup_in_the_middle_is_an_error_but_keeps_earlier_records() -> None:
    source = _day(
        f"{HEADING}{QUESTION}{REPLY}\n<minor-heading>Broken</minor-heading>\n<ques><p></ques>\n"
    )
    doc = pqparse.parse(source + "\n" * 3)
    assert [(r.uin, r.complete) for r in doc.records] == [("295601", True), (None, False)]
    assert any(d.code == "PQ401" for d in doc.errors)
    with pytest.raises(pqparse.ParseError, match="PQ401"):
        pqparse.parse(source + "\n" * 3, strict=True)


def test_not_xml_at_all_when_forced() -> None:
    doc = pqparse.parse("Question to the Home Office:\nTo ask ...", format=FORMAT)
    assert doc.records == ()
    assert [d.code for d in doc.errors] == ["PQ401"]


def test_other_root_element_when_forced() -> None:
    doc = pqparse.parse("<debates><speech>x</speech></debates>", format=FORMAT)
    assert doc.records == ()
    assert any(d.code == "PQ100" and "<debates>" in d.message for d in doc.errors)


def test_legacy_public_whip_layout_is_refused_clearly() -> None:
    source = _day(
        '<wrans id="uk.org.publicwhip/wrans/2003-06-09.1W.1" title="Iraq" majorheading="DEFENCE">'
        '<speech type="reply"><p>Answer.</p></speech></wrans>',
        root="<publicwhip>",
    )
    assert twfy.detect(source) >= 0.9
    doc = pqparse.parse(source)
    assert doc.records == ()
    assert any(d.code == "PQ100" and "legacy" in d.message for d in doc.errors)


# --- structure the golden fixtures do not show ----------------------------------------------


def test_unknown_top_level_elements_are_reported_with_their_text() -> None:
    source = _day(f"{HEADING}<note>Stray remark</note>{QUESTION}{REPLY}<aside>More</aside>")
    doc = pqparse.parse(source)
    assert [r.uin for r in doc.records] == ["295601"]
    unparsed = [d for d in doc.diagnostics if d.code == "PQ103"]
    assert [doc.text[d.span.start : d.span.end] for d in unparsed if d.span] == [
        "Stray remark",
        "More",
    ]


def test_a_reply_without_a_question_is_reported() -> None:
    doc = pqparse.parse(_day(f"{HEADING}{REPLY}"))
    assert doc.records == ()
    assert [d.code for d in doc.diagnostics if d.code == "PQ103"] == ["PQ103"]


def test_a_second_reply_by_someone_else_is_merged_and_reported() -> None:
    second = REPLY.replace("r0", "r1").replace("Ann Keen", "Phil Hope")
    doc = pqparse.parse(_day(f"{HEADING}{QUESTION}{REPLY}{second}"))
    (record,) = doc.records
    assert record.answer is not None and len(record.answer.paragraphs) == 2
    assert record.answer.answered_by is not None
    assert record.answer.answered_by.name == "Ann Keen"
    assert any(d.code == "PQ105" and "Phil Hope" in d.message for d in doc.diagnostics)


def test_a_question_after_a_reply_starts_a_new_group_under_the_same_heading() -> None:
    second = QUESTION.replace("295601", "295602")
    doc = pqparse.parse(_day(f"{HEADING}{QUESTION}{REPLY}{second}{REPLY}"))
    assert [(r.uin, r.heading, r.grouped_question_ids) for r in doc.records] == [
        ("295601", "Ambulances", ()),
        ("295602", "Ambulances", ()),
    ]


def test_question_numbers_r_suffix_zero_and_house() -> None:
    lords = QUESTION.replace('qnum="295601"', 'qnum="hl5669R"')
    doc = pqparse.parse(_day(f"{HEADING}{lords}{REPLY}"))
    assert doc.records[0].uin == "HL5669"
    assert doc.records[0].house is pqparse.House.LORDS
    missing = QUESTION.replace('qnum="295601"', 'qnum="0"')
    doc = pqparse.parse(_day(f"{HEADING}{missing}{REPLY}"))
    assert doc.records[0].uin is None
    assert any(d.code == "PQ104" for d in doc.diagnostics)


def test_lists_divs_and_cell_paragraphs_in_era_b_answers() -> None:
    reply = (
        '<reply id="uk.org.publicwhip/wrans/2024-01-05.8159.r0" speakername="Lee Rowley">'
        "<div><p>First.</p><p>Second<br/>line.</p></div><ul><li>One</li><li>Two</li></ul>"
        "<table><tr><td><p>a</p><p>b</p></td><td>c</td></tr></table></reply>"
    )
    question = QUESTION.replace("2009-10-29a", "2024-01-05").replace(' colnum="527W"', "")
    doc = pqparse.parse(_day(f"{HEADING}{question}{reply}", root="<publicwhip>"))
    (record,) = doc.records
    assert record.answer is not None
    assert record.answer.paragraphs == ("First.", "Second line.", "One", "Two", "a b | c")
    assert record.question.asked_on is not None and str(record.question.asked_on) == "2024-01-05"
    assert record.answer.answered_on is None  # Era B: the answer date is only in the file name


def test_department_names() -> None:
    assert twfy.department_name("\n\tHOME DEPARTMENT\n") == "Home Office"
    assert twfy.department_name("WORK AND PENSIONS") == "Department for Work and Pensions"
    assert twfy.department_name("CULTURE, MEDIA AND SPORT") == (
        "Department for Culture, Media and Sport"
    )
    assert twfy.department_name("CABINET OFFICE") == "Cabinet Office"
    assert twfy.department_name("HM TREASURY") == "HM Treasury"
    assert twfy.department_name("Department for Transport") == "Department for Transport"
    assert twfy.department_name("   ") is None


def test_extra_keys_are_documented() -> None:
    docs = (Path(__file__).parents[2] / "docs" / "formats" / f"{FORMAT}.md").read_text()
    keys = {
        key
        for path in INPUTS
        for record in json.loads(path.with_suffix("").with_suffix(".expected.json").read_text())[
            "records"
        ]
        for key in record["extra"]
    }
    assert keys
    for key in keys:
        assert f"`{key}`" in docs, key


def test_era_b_is_known_by_its_question_pages_even_under_a_root_with_attributes() -> None:
    """The gid of an API-built file carries the date tabled, never the answer date."""
    body = (
        '<ques id="uk.org.publicwhip/wrans/2024-01-10.9876.q0" speakername="Wes Streeting" '
        'url="https://questions-statements.parliament.uk/written-questions/detail/2024-01-10/9876">'
        '<p qnum="9876">To ask the Secretary of State for Health and Social Care, how many.</p>'
        '</ques><reply id="uk.org.publicwhip/wrans/2024-01-10.9876.r0" speakername="Andrew '
        'Stephenson"><p>None.</p></reply>'
    )
    for root in ("<publicwhip>", '<publicwhip latest="yes">'):
        (record,) = pqparse.parse(_day(body, root), format=FORMAT).records
        assert record.question.asked_on is not None
        assert record.question.asked_on.isoformat() == "2024-01-10"
        assert record.answer is not None and record.answer.answered_on is None


# --- fast paths equal the slow ones -------------------------------------------------------

_NEAR_MISSES = [chr(code) for code in [*range(0x20), 0x7F, 0x80, 0x85, 0xA0, 0xAD]] + [
    "\u1680",
    "\u2000",
    "\u200a",
    "\u200b",
    "\u200d",
    "\u2028",
    "\u2029",
    "\u202f",
    "\u205f",
    "\u2060",
    "\u3000",
    "\ufeff",
    "é",
    "\r\n",
]


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_normalize_chunk_equals_normalize_text_on_fixtures(path: Path) -> None:
    text = path.read_bytes().decode("cp1252", "replace")
    assert twfy.normalize_chunk(text) == normalize_text(text)
    for special in _NEAR_MISSES:
        for at in (0, len(text) // 2, len(text)):
            near = text[:at] + special + text[at:]
            assert twfy.normalize_chunk(near) == normalize_text(near), (repr(special), at)


def test_normalize_chunk_keeps_plain_ascii_as_is() -> None:
    text = "<p>plain\nASCII ~ text</p>\n"
    assert twfy.normalize_chunk(text) is text
    for special in _NEAR_MISSES:
        assert twfy.normalize_chunk(special) == normalize_text(special), repr(special)


# --- the speech reader's fast paths ------------------------------------------------------


def test_paragraph_classes_markup_and_tables_in_a_reply() -> None:
    """Classed paragraphs, inline markup at any depth, comments and cells left empty."""
    reply = (
        '<reply id="uk.org.publicwhip/wrans/2009-10-29a.295601.r0" speakername="Ann Keen">'
        '<p class="indent">Indented <i>and</i> marked<br/>up.</p>'
        '<p class="errors">A class that only contains the word.</p>'
        "<!-- a comment -->Loose <b>text</b>.<br/>After a break."
        "<sup>2</sup><p>Total 19,660<sup>1</sup></p>"
        '<p class="italic holdinganswer">holding answer 21 October 2009</p>'
        "<table><caption>Caption</caption><tr><th></th><th>2009</th></tr>"
        "<tr><td>a</td><td></td></tr><tr><td></td><td></td></tr></table>"
        '<p class="indent error">Question number missing</p>'
        '<p class="holdinganswers">Not a holding answer class.</p></reply>'
    )
    (record,) = pqparse.parse(_day(f"{HEADING}{QUESTION}{reply}")).records
    assert record.answer is not None
    assert record.answer.paragraphs == (
        "Indented and marked up.",
        "A class that only contains the word.",
        "Loose",
        "text",
        ".",
        "After a break.",
        "²",
        "Total 19,660¹",
        "Caption",
        "| 2009",
        "a |",
        "Not a holding answer class.",
    )
    assert record.extra["holding_answer_on"] == "2009-10-21"


def test_top_level_names_nested_inside_a_speech_are_not_read_twice() -> None:
    nested = REPLY.replace("</p></reply>", "<minor-heading>Inner</minor-heading></p></reply>")
    doc = pqparse.parse(_day(f"{HEADING}{QUESTION}{nested}{HEADING}{QUESTION}{REPLY}"))
    assert [(r.uin, r.heading) for r in doc.records] == [
        ("295601", "Ambulances"),
        ("295601", "Ambulances"),
    ]
    assert doc.records[0].answer is not None
    assert doc.records[0].answer.paragraphs == ("There were 3,000 on 1 April 2009.Inner",)


_CELLS = (
    "<table><caption> Caption </caption><tr><th></th><th>2009</th></tr>"
    "<tr><td> a </td><td>b\n c</td></tr><tr><td></td><td></td></tr></table>"
)


@pytest.mark.parametrize(
    "source",
    [*INPUTS, f"<publicwhip><reply>{_CELLS}</reply></publicwhip>"],
    ids=lambda p: getattr(p, "name", "empty-cells"),
)
def test_speeches_marked_clean_hold_only_clean_paragraphs(source: Path | str) -> None:
    """answer_from(clean=True) is only used when no paragraph needs cleaning."""
    data = source.read_bytes() if isinstance(source, Path) else source.encode()
    text = normalize_text("".join(decode_xml_stream(io.BytesIO(data))))
    xml = b"".join(safe_xml_bytes(chunks_of(text), []))
    root = etree.fromstring(xml, etree.XMLParser(recover=True, **SAFE_PARSER_OPTIONS))
    for element in root.iter("ques", "reply"):
        speech = twfy._Speech(element, element.tag == "ques")
        if speech.clean:
            assert all(p and clean_inline(p) == p for p in speech.paragraphs), speech.paragraphs
        else:
            assert any(clean_inline(p) != p for p in speech.paragraphs), speech.paragraphs


_WHITESPACE_AND_EDGES = [chr(c) for c in range(0x3100) if chr(c).isspace()] + [
    "a",
    "é",
    "\u200b",
    "\x00",
    "\u00ad",
]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(_WHITESPACE_AND_EDGES) | st.characters(), max_size=12))
def test_clean_is_the_whitespace_fold(text: str) -> None:
    """The already-folded shortcut of ``_clean`` gives exactly the plain fold."""
    assert twfy._clean(text) == " ".join(text.split())


@pytest.mark.parametrize("char", [chr(c) for c in range(0x110000) if chr(c).isspace()])
def test_clean_folds_every_whitespace_character(char: str) -> None:
    assert twfy._clean(f"a{char}b") == " ".join(f"a{char}b".split())
    assert twfy._clean(f"{char}a") == "a"


def test_inline_markup_prepared_in_any_case_and_depth() -> None:
    """<br>/<BR> become spaces and digit superscripts superscript digits, nested too."""
    paragraph = etree.fromstring(
        "<p>a<br/>b<BR/>c <i>19,660<sup>1</sup> x<SUP> 2 </SUP><sup>n</sup></i></p>"
    )
    twfy.prepare_inline_markup(paragraph)
    assert twfy.element_text(paragraph) == "a b c 19,660¹ x²n"


def test_gid_parts_reads_the_first_matching_wrans_id() -> None:
    day = twfy._gid_parts
    assert day("uk.org.publicwhip/wrans/2009-10-29a.295601.q0")[1:] == ("a", "295601")
    assert day("uk.org.publicwhip/wrans/2009-10-29a.295601.q0")[0] is not None
    assert day("x/wrans/bad/wrans/2014-01-02.HL5.q")[1:] == ("", "HL5")
    assert day("uk.org.publicwhip/wrans/2009-02-30a.1.q")[0] is None
    assert day("no id") == (None, "", None)
    assert day(None) == (None, "", None)
