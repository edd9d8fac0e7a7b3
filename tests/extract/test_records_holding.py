"""The cheap pre-check of holding-answer wording agrees with the full pattern."""

from __future__ import annotations

import re

import pytest

from pqparse.extract.records import HOLDING_ANSWER, HOLDING_HINTS, is_holding_text


def _top_level_alternatives(pattern: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for index, char in enumerate(pattern):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            parts.append(pattern[start:index])
            start = index + 1
    return [*parts, pattern[start:]]


def test_every_holding_alternative_contains_a_hint() -> None:
    alternatives = _top_level_alternatives(HOLDING_ANSWER.pattern)
    assert len(alternatives) >= 3
    for alternative in alternatives:
        outside_groups = re.sub(r"\([^()]*\)\??", " ", alternative).lower()
        assert any(hint in outside_groups for hint in HOLDING_HINTS), alternative


@pytest.mark.parametrize(
    ("text", "holding"),
    [
        (
            "It will not be possible to answer this question within the usual time period.",
            True,
        ),
        ("An answer is being prepared and will be provided as soon as it is available.", True),
        ("I WILL REPLY TO THE HON. MEMBER AS SOON AS POSSIBLE.", True),
        ("My noble friend will answer as soon as possible.", True),
        ("It is not possible to say how many were prepared.", False),
        ("The information requested is in the following table.", False),
        ("", False),
    ],
)
def test_is_holding_text_matches_the_pattern(text: str, holding: bool) -> None:
    assert is_holding_text(text) is holding
    assert is_holding_text(text) is (HOLDING_ANSWER.search(text) is not None)
