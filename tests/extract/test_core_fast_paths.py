"""The shared text helpers' fast versions give exactly what their plain versions give.

Each plain version below is the straightforward first writing of the helper; the library's
version is compared with it on every fixture file and on generated text (hypothesis) full
of the characters the fast paths treat specially.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pqparse.extract import refs
from pqparse.extract.departments import ADDRESSEE_TO_DEPARTMENT, find_addressee
from pqparse.extract.refs import find_question_refs, may_hold_refs, pieces_with_hints
from pqparse.models import QuestionRef
from pqparse.text import normalize
from pqparse.text.decode import prepare_text
from pqparse.text.lines import Line, split_lines
from pqparse.text.normalize import clean_inline, normalize_text

FIXTURES = Path(__file__).parents[1] / "fixtures"

# Every kind of whitespace str.strip() removes, line breaks of every kind, the characters
# normalisation replaces or deletes, their neighbours, and ordinary letters.
PIECES = [
    *("a", "b", "x y", "é", "’", "£", "\u00c3\u00a9", "\U0001f600", "\ud800"),
    *(" ", "  ", "\n", "\n\n", "\r", "\r\n", "\t", "\x0b", "\x0c", "\x1c", "\x85"),
    *("\x00", "\x08", "\x0e", "\x1f", "\x7f", "\x80", "\x9f", "~", "\u00a0", "\u00ad"),
    *("\u1680", "\u2000", "\u200a", "\u200b", "\u200d", "\u200e", "\u2028", "\u2029"),
    *("\u202f", "\u205f", "\u2060", "\u3000", "\ufeff", "\ufffd"),
]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def _fixture_texts() -> list[str]:
    return [
        path.read_text(encoding="utf-8", errors="replace")
        for path in sorted(FIXTURES.glob("*/*"))
        if path.is_file() and not path.name.endswith(".expected.json")
    ]


def plain_split_lines(text: str) -> list[Line]:
    """Lines as first written: one ``Line(...)`` per line, offsets accumulated."""
    lines: list[Line] = []
    position = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = position + len(raw) - len(raw.lstrip())
            lines.append(Line(stripped, start, start + len(stripped)))
        else:
            lines.append(Line("", position, position))
        position += len(raw) + 1
    return lines


def plain_normalize_text(text: str) -> str:
    """Normalisation as first written: one regex substitution per kind of character."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = normalize._UNICODE_LINE_ENDS.sub("\n", text)
    text = normalize._ODD_SPACES.sub(" ", text)
    return normalize._INVISIBLE.sub("", text)


def _same_lines(text: str) -> None:
    fast = split_lines(text)
    assert fast == plain_split_lines(text)
    assert all(type(line) is Line for line in fast)
    assert all(text[line.start : line.end] == line.text for line in fast)


def test_split_lines_on_fixtures() -> None:
    for text in _fixture_texts():
        _same_lines(text)
        _same_lines(normalize_text(text))


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_split_lines_on_generated_text(text: str) -> None:
    _same_lines(text)


def test_special_characters_are_the_union_of_the_three_kinds() -> None:
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    kinds = (normalize._UNICODE_LINE_ENDS, normalize._ODD_SPACES, normalize._INVISIBLE)
    found = [set(kind.findall(every)) for kind in kinds]
    assert set(normalize._ANY_SPECIAL.findall(every)) == set().union(*found)
    assert sum(map(len, found)) == len(set().union(*found))  # no character in two kinds


def test_unusual_characters_are_those_outside_printable_ascii() -> None:
    plain = re.compile("[^\n -~]")
    for text in [*_fixture_texts(), "".join(PIECES), "a\ud800b\udfffc"]:
        assert normalize._unusual_characters(text) == "".join(plain.findall(text))


def test_normalize_text_on_fixtures() -> None:
    for text in _fixture_texts():
        assert normalize_text(text) == plain_normalize_text(text)


@settings(max_examples=1000, deadline=None)
@given(TEXTS)
def test_normalize_text_on_generated_text(text: str) -> None:
    assert normalize_text(text) == plain_normalize_text(text)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_prepare_text_of_clean_text_is_the_text(text: str) -> None:
    clean = plain_normalize_text(text)
    if "\u00c2" not in clean and "\u00c3" not in clean and "\u00e2" not in clean:
        assert prepare_text(clean) == (clean, [])


# -- field values and extractors ------------------------------------------------------------

INLINE_PIECES = [*PIECES, "word", "Secretary of State", "x" * 60, "é" * 30, ". ", ", "]
INLINE_TEXTS = st.lists(st.sampled_from(INLINE_PIECES), max_size=12).map("".join)


def _fixture_lines() -> list[str]:
    return [line for text in _fixture_texts() for line in text.split("\n") if line.strip()]


def test_clean_inline_on_fixture_lines_and_paragraphs() -> None:
    texts = _fixture_lines() + [text for text in _fixture_texts() if len(text) < 5000]
    for text in texts:
        assert clean_inline(text) == " ".join(text.split())


@settings(max_examples=1000, deadline=None)
@given(INLINE_TEXTS)
def test_clean_inline_on_generated_text(text: str) -> None:
    assert clean_inline(text) == " ".join(text.split())
    assert clean_inline(" ".join(text.split())) == " ".join(text.split())


# Words that make references, near misses, dates and holding wording.
REF_WORDS = [
    "question 44194",
    "Questions 44194, 44195 and 44196",
    "PQ 1",
    "PQs HL1234 to HL1240",
    "UIN 12345",
    "[12345]",
    "[2019] UKSC 12",
    "(HL16983)",
    "(2019)",
    "S6W-01234",
    "WQ12345",
    "AQW 1234/17-22",
    "HL 12",
    "question 12345678",
    "question ٣٣٣٣٣",
    "Question 2019-20",
    "PQ 44194-6",
    "on 8 April",
    "of 25 February 2019",
    "Monday 8 April 2025",
    "2019-02-25",
    "25/02/2019",
    "Official Report, column 12W",
    "to the",
    "answer",
    "the hon. Member",
    "UESTION 123",
    "HL",
    "S1",
    "WQ",
    "AQ",
    "[",
    "(",
    "1",
    "12",
    "123",
    "1234",
    "2024",
    "it will not be possible",
    "prepared",
    "Secretary",
    "State",
]
REF_TEXTS = st.lists(st.sampled_from(REF_WORDS), min_size=1, max_size=14).flatmap(
    lambda words: st.sampled_from([" ", "  ", ", ", "\n"]).map(lambda sep: sep.join(words))
)


@settings(max_examples=500, deadline=None)
@given(st.lists(REF_TEXTS, max_size=6))
def test_pieces_with_hints_are_the_pieces_that_may_hold_refs(pieces: list[str]) -> None:
    expected = [index for index, piece in enumerate(pieces) if may_hold_refs(piece)]
    assert pieces_with_hints(pieces) == expected


def _plain_refs(text: str) -> tuple[QuestionRef, ...]:
    """References read without the one-number fast path (every id through ``_ONE_ID``)."""
    saved = refs._LONGEST_NUMBER
    refs._LONGEST_NUMBER = 0
    try:
        return find_question_refs(text, offset=7, default_year=2020)
    finally:
        refs._LONGEST_NUMBER = saved


def _check_refs(text: str) -> None:
    found = find_question_refs(text, offset=7, default_year=2020)
    assert found == _plain_refs(text)
    # a stable sort by start leaves the result as it is (the sort skipped for one scan)
    assert list(found) == sorted(found, key=lambda ref: ref.span.start)


def test_refs_fast_paths_on_fixture_lines() -> None:
    for text in _fixture_lines():
        _check_refs(text)


@settings(max_examples=1000, deadline=None)
@given(REF_TEXTS)
def test_refs_fast_paths_on_generated_text(text: str) -> None:
    _check_refs(text)


def test_known_offices_keep_their_place_in_each_question() -> None:
    for title, department in ADDRESSEE_TO_DEPARTMENT.items():
        for lead in ("To ask the ", "To  ask the ", "To ask "):
            question = f"{lead}{title}, what steps are being taken."
            found = find_addressee(question)
            assert (found.title, found.department) == (title, department)
            assert question[found.start : found.end] == title
            assert found == find_addressee(question)  # remembered: the same value
