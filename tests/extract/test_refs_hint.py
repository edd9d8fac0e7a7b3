"""The reference extractor's cheap pre-check never changes what it finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pqparse.extract import refs
from pqparse.extract.refs import find_question_refs

FIXTURES = Path(__file__).parents[1] / "fixtures"

#: One example of every kind of reference the extractor knows.
EVERY_KIND = (
    "the answer he was given on 8 April to question 44194",
    "QUESTION 12345",
    "I refer the Hon. Member to the answer I gave on 20 October 2025 to PQ 81251.",
    "UIN 12345",
    "WPQs 1234 and 1235",
    "as in my reply [123456]",
    "the answer (HL16983)",
    "Lords question HL 1234",
    "S6W-01234",
    "WQ12345",
    "AQW 1234/17-22",
)


@pytest.mark.parametrize("text", EVERY_KIND)
def test_every_kind_of_reference_passes_the_pre_check(text: str) -> None:
    assert find_question_refs(text)


def test_prose_without_any_hint_has_no_references() -> None:
    text = "The £5m fund (2019) covers 12 areas in 3 regions; see column 618W and section 44194."
    assert find_question_refs(text) == ()


def _fixture_paragraphs() -> list[str]:
    paragraphs: list[str] = []
    for path in sorted(FIXTURES.glob("*/*")):
        if path.suffix in (".txt", ".html", ".xml", ".json", ".jsonl"):
            text = path.read_text(encoding="utf-8", errors="replace")
            paragraphs.extend(line for line in text.split("\n") if line.strip())
    return paragraphs + list(EVERY_KIND)


def test_pre_check_gives_the_same_results_as_the_full_scan(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    paragraphs = _fixture_paragraphs()
    with_check = [find_question_refs(p, default_year=2025) for p in paragraphs]
    monkeypatch.setattr(refs, "_ANY_REF_HINT", re.compile(""))
    without_check = [find_question_refs(p, default_year=2025) for p in paragraphs]
    assert with_check == without_check
