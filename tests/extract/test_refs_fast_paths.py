"""The reference finder's shortcuts give exactly what the plain readings give.

Each plain reading below is the straightforward version of the step the library shortcuts:
the cited date looked up in every date of the text, the keyword's minimum id length read
from the lower-cased keyword, a lone Lords id read through the general id loop.
"""

from __future__ import annotations

import bisect
import datetime
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pqparse.extract import refs
from pqparse.extract.dates import DATE_IN_TEXT, date_from_match
from pqparse.extract.refs import find_question_refs
from pqparse.models import House

# Words that make references and dates, near misses, and digits in odd places.
WORDS = [
    "question 44194",
    "Question HL4872",
    "Question HL04872",
    "PQ HL 12",
    "[HL0123]",
    "(HL16983)",
    "(HL1234567)",
    "HL4872",
    "HL12345678",
    "UIN 12345",
    "[12345]",
    "Written Question 123",
    "named day question 12",
    "Parliamentary Question 12",
    "WPQ 12",
    "QUESTION 12",
    "on 8 April",
    "of 25 February 2019",
    "Monday 8 April 2025",
    "April 8, 2025",
    "2019-02-25",
    "25/02/2019",
    "(Official Report, column 12W)",
    "to the",
    "answer",
    "٣",
    "8",
    "12",
    "2024",
    "the hon. Member",
]
TEXTS = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).flatmap(
    lambda words: st.sampled_from([" ", ", ", "\n"]).map(lambda sep: sep.join(words))
)


def _plain_around(text: str, start: int, end: int, year: int, not_after: datetime.date) -> object:
    """The cited date as first written: every date of the text found, the last before."""
    dates = list(DATE_IN_TEXT.finditer(text))
    ends = [date.end() for date in dates]
    i = bisect.bisect_right(ends, start) - 1
    if (
        i >= 0
        and start - ends[i] <= refs._LOOKBEHIND
        and refs._DATE_TO_IDS.fullmatch(text, ends[i], start)
    ):
        return date_from_match(dates[i], year, not_after)
    after = refs._DATE_AFTER.match(text, end, end + refs._LOOKBEHIND)
    return date_from_match(after, year, not_after) if after else None


@settings(max_examples=800, deadline=None)
@given(TEXTS)
def test_cited_dates_equal_the_plain_lookup(text: str) -> None:
    not_after = datetime.date(2020, 6, 1)
    shared = refs._CitedDates(text, 2020, not_after)
    spans = [m.span() for m in re.finditer(r"\S+", text)] + [(len(text), len(text))]
    for start, end in spans:
        expected = _plain_around(text, start, end, 2020, not_after)
        assert shared.around(start, end) == expected  # one lookup object per text, as used
        assert refs._CitedDates(text, 2020, not_after).around(start, end) == expected


@settings(max_examples=300, deadline=None)
@given(st.from_regex(refs._KEYWORD, fullmatch=True))
def test_min_digits_equal_the_lower_cased_keyword(keyword: str) -> None:
    lowered = keyword.lower()
    plain = 3 if lowered.startswith(("question", "parliamentary", "written")) else 1
    assert refs._min_digits_after(f"see {keyword} 12", 4) == plain


def _plain_refs(text: str) -> tuple[object, ...]:
    """References read without the one-id fast paths (every id through ``_ONE_ID``)."""
    saved = refs._LONGEST_NUMBER
    refs._LONGEST_NUMBER = 0
    try:
        return find_question_refs(text, offset=3, default_year=2020)
    finally:
        refs._LONGEST_NUMBER = saved


@settings(max_examples=800, deadline=None)
@given(TEXTS)
def test_lone_ids_equal_the_general_reading(text: str) -> None:
    assert find_question_refs(text, offset=3, default_year=2020) == _plain_refs(text)


def test_lone_lords_ids_are_read() -> None:
    found = find_question_refs("the answer I gave to Question HL04872.")
    assert [(ref.id, ref.text, ref.house) for ref in found] == [
        ("HL4872", "Question HL04872", House.LORDS)
    ]
    found = find_question_refs("on 12 June (HL8120), when")
    assert [(ref.id, ref.text, ref.date) for ref in found] == [("HL8120", "HL8120", None)]
