"""The extractors' fast paths find exactly what the plain patterns find.

Each fast path (the office-title trie, scanning only where a match can start, the joined
reference pre-check, the holding-answer pre-check) is compared with the plain version on
fixture text and on generated text full of near misses.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from pqparse.extract import departments, refs
from pqparse.extract.dates import DATE_IN_TEXT, DATE_NAMES, MONTH_NAME
from pqparse.extract.departments import ADDRESSEE_TO_DEPARTMENT, find_addressee
from pqparse.extract.records import HOLDING_ANSWER, answer_from, is_holding_text
from pqparse.extract.refs import find_question_refs, may_hold_refs
from pqparse.models import House

FIXTURES = Path(__file__).parents[1] / "fixtures"

#: The office pattern as first written: every title, longest first, in one alternation.
PLAIN_OFFICE = re.compile(
    r"(?:the\s+)?("
    + "|".join(
        re.escape(title).replace(r"\ ", r"\s+")
        for title in sorted(ADDRESSEE_TO_DEPARTMENT, key=len, reverse=True)
    )
    + r")(?=\s*[,;:.(]|\s+(?:whether|what|how|if|when|which|why|for|to|on|in)\b|\s*$)",
    re.IGNORECASE,
)

# Pieces that make near misses for every fast path: date words and numbers, reference
# keywords and ids, office words, holding wording, odd spaces and look-alike letters.
TOKEN_TEXT = (
    "0 1 8 12 25 36512 2019 2025 1234 44194 02 7th 23rd 3rd "
    "April Apr. March may MAY Sept Monday Mon., Tues Wednesday on of the to "
    "question Questions QUESTION PQ PQs WPQ UIN UINs Parliamentary written Named-Day "
    "HL HL1234 S6W-01234 WQ12345 AQW AQW1234/17 [12345] [2019] UKSC (HL16983) (2019) "
    "Secretary State Minister Home Department Office Health Prime Treasury "
    "possible POSSIBLE prepared answer reply as soon will usual time "
    "and or to - – , . / : ; ( ) [ ] % per cent £5m "
)
TOKENS = (
    *TOKEN_TEXT.split(),
    "\u017f",  # long s: case-insensitively an "s"
    "\u0131",  # dotless i
    "\u0130",  # dotted capital I
    "\u212a",  # Kelvin sign: case-insensitively a "k"
    "\u0663",  # Arabic-Indic digit three: a \d that is not [0-9]
)
SPACES = (" ", " ", " ", "  ", "\n", "\t", "\u00a0", "", ",", ".")


def _generated(count: int, seed: int, most_words: int = 14) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        words = rng.choices(TOKENS, k=rng.randint(1, most_words))
        texts.append("".join(word + rng.choice(SPACES) for word in words))
    return texts


def _date_texts() -> list[str]:
    """Dates in every layout, with every separator the pattern allows and some it does not."""
    texts = []
    befores = ("Monday", "Mon.", "tues", "on", "x-", "April", "Sept.", "\u017fept")
    # what may stand right before a number that is not a date: "SDS40", "(8", "£5", "_1"
    for before in (*befores, "SDS", "(", "_", "/", "£", "\u0663"):
        for gap in (" ", ", ", "., ", ".,  ", ",\n", ".", ",", ""):
            for number in ("8", "23rd", "2019", "2019-02-25", "25/02/2019", "123", "\u0663"):
                for after in (" April", " of May 2025", ", 2025", "th June", ""):
                    texts.append(f"given {before}{gap}{number}{after} to PQ 12345")
    return texts


def _dense_texts() -> list[str]:
    """Texts dense with candidates, so that the plain scan takes over mid-text."""
    texts = []
    for count in range(28, 40):
        texts.append("1 " * count + "April 8 2025, to PQ 12345")
        texts.append("on 1, " * count + "Monday 8 April to question 12345")
        for unit in ("[123]", "(HL12)", "HL12 ", "question 12345 ", "PQs 1 and 2 ", "Question x "):
            texts.append(unit * count + "on 8 April to PQ 44194")
    return texts


def _fixture_lines() -> list[str]:
    lines: list[str] = []
    for path in sorted(FIXTURES.glob("*/*")):
        if path.suffix in (".txt", ".html", ".xml", ".json", ".jsonl"):
            text = path.read_text(encoding="utf-8", errors="replace")
            lines.extend(line for line in text.split("\n") if line.strip())
    return lines


@pytest.fixture(scope="module")
def texts() -> list[str]:
    # long texts too: past the number of candidates tried before the plain scan takes over
    return (
        _fixture_lines()
        + _date_texts()
        + _dense_texts()
        + _generated(6000, 5)
        + _generated(300, 9, 400)
    )


def _office_texts() -> list[str]:
    """Every title in many spellings, cut short, and followed by allowed and other words."""
    rng = random.Random(7)
    texts = []
    for title in ADDRESSEE_TO_DEPARTMENT:
        words = title.split(" ")
        spellings = [
            title,
            title.upper(),
            title.lower(),
            "  ".join(words),
            "\n".join(words),
            " ".join(words[:-1]),
            title.replace("s", "\u017f").replace("i", "\u0131"),
            title.replace("I", "\u0130").replace("k", "\u212a"),
        ]
        for spelling in spellings:
            for lead in ("", "the ", "The  ", "the"):
                for tail in (", what", " what", " whatever", "(", " ;", "", "  ", " and", "s,"):
                    texts.append(f"To ask {lead}{spelling}{tail}")
        texts.append("To ask the " + " ".join(rng.sample(words, len(words))) + ", what")
    return texts


def test_office_trie_matches_like_the_plain_alternation() -> None:
    for text in _office_texts():
        fast = departments._OFFICE.match(text, 7)
        plain = PLAIN_OFFICE.match(text, 7)
        assert (fast and (fast.span(), fast.span(1))) == (plain and (plain.span(), plain.span(1)))


@pytest.mark.parametrize(
    "question",
    [
        "To ask the \u017fecretary of State for Defence, what",
        "To ask the Prime Min\u0131ster, what",
        "To ask the PRIME MİNISTER, what",
    ],
)
def test_office_with_a_look_alike_letter_is_read(question: str) -> None:
    # these letters match the title case-insensitively; the lookup once raised KeyError
    found = find_addressee(question)
    assert found.house is House.COMMONS
    assert found.department in ("Ministry of Defence", "Prime Minister")
    assert found.title in ("Secretary of State for Defence", "Prime Minister")


def test_keyed_and_unkeyed_scans_find_what_finditer_finds(texts: list[str]) -> None:
    for text in texts:
        for pattern, hint in (
            (refs._KEYED_REFS, refs._KEYED_START),
            (refs._UNKEYED_REFS, refs._UNKEYED_START),
        ):
            fast = [m.span() for m in refs._scan(pattern, hint, text)]
            assert fast == [m.span() for m in pattern.finditer(text)], text


def test_date_scan_finds_what_finditer_finds(texts: list[str]) -> None:
    for text in texts:
        fast = [m.span() for m in refs._dates_in(text)]
        assert fast == [m.span() for m in DATE_IN_TEXT.finditer(text)], text


def test_date_names_are_the_words_the_date_pattern_reads() -> None:
    words = {
        name[:cut] + tail
        for name in DATE_NAMES
        for cut in range(len(name) + 1)
        for tail in ("", "day", "s")
    }
    pattern = re.compile(
        r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?|" + MONTH_NAME,
        re.IGNORECASE,
    )
    assert {word for word in words if pattern.fullmatch(word)} == DATE_NAMES


def test_joined_pre_check_agrees_with_each_piece(texts: list[str]) -> None:
    rng = random.Random(11)
    for _ in range(3000):
        pieces = rng.sample(texts, rng.randint(2, 4))
        joined = may_hold_refs("\n".join(pieces))
        assert joined == any(may_hold_refs(piece) for piece in pieces)


def test_answer_references_are_each_paragraphs_references(texts: list[str]) -> None:
    rng = random.Random(13)
    for _ in range(500):
        pieces = rng.sample(texts, rng.randint(1, 4))
        text = "\n\n".join(pieces)
        stretches, start = [], 0
        for piece in pieces:
            stretches.append((start, start + len(piece)))
            start += len(piece) + 2
        expected = tuple(
            ref
            for s, e in stretches
            if text[s:e].strip()
            for ref in find_question_refs(text[s:e], offset=s + 9, default_year=2024)
        )
        answer = answer_from(text, stretches, base=9, default_year=2024)
        assert answer.references == expected


def test_holding_pre_check_agrees_with_the_pattern(texts: list[str]) -> None:
    holding = [
        "It will not be po\u017f\u017fible to answer this question within the usual time.",
        "I will reply as soon as po\u017fs\u0131ble.",
        "AN ANSWER IS BEING PREPARED AND WILL BE PROVIDED AS SOON AS IT IS READY",
    ]
    for text in holding + texts:
        assert is_holding_text(text) is (HOLDING_ANSWER.search(text) is not None), text
    assert all(is_holding_text(text) for text in holding)
