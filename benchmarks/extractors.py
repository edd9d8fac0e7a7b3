"""Micro-benchmark of the shared per-record extractors: µs per call on representative inputs.

    python benchmarks/extractors.py [--repeat 7] [--min-time 0.2] [--only NAME ...]

Every format calls ``question_from`` / ``answer_from`` once per record (they call
``find_addressee``, ``find_question_refs``, ``clean_inline`` and the holding-answer check);
``parse_date`` runs on every date field (it remembers dates it has seen, so it is timed on
a repeated date and, "first sight", without that memory). Inputs are typical real wordings
(API JSON and page-text records). Each figure is the best of ``--repeat`` timing runs of at
least ``--min-time`` seconds of CPU time (other load on the machine does not count), with
the garbage collector paused.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import platform
import sys
import time
from collections.abc import Callable
from functools import partial

import pqparse
from pqparse.extract import dates
from pqparse.extract.dates import parse_date
from pqparse.extract.departments import find_addressee
from pqparse.extract.records import answer_from, question_from
from pqparse.extract.refs import find_question_refs

COMMONS_QUESTION = (
    "To ask the Secretary of State for the Home Department, what steps her Department is "
    "taking to reduce the number of asylum claims awaiting an initial decision; and if she "
    "will make a statement."
)
COMMONS_QUESTION_EFRA = (
    "To ask the Secretary of State for Environment, Food and Rural Affairs, how many sewage "
    "spill events were recorded by event duration monitors in England in each of the last "
    "five years."
)
JUNIOR_QUESTION = (
    "To ask the Parliamentary Under-Secretary of State for Digital Infrastructure, what "
    "assessment he has made of mobile coverage in rural areas."
)
REPRESENTING_QUESTION = (
    "To ask the hon. Member for Richmond Park, representing the Church Commissioners, what "
    "steps the Church of England is taking to reduce its carbon emissions."
)
LORDS_QUESTION = (
    "To ask His Majesty's Government what plans they have to review the Bus Services Act 2017 "
    "franchising guidance for combined authorities."
)
LORDS_QUESTION_REF = (
    "To ask His Majesty's Government, further to the Written Answer by Lord Coaker on 12 June "
    "(HL8120), when the review of the Armed Forces Covenant will be published."
)
ANSWER_PLAIN = [
    "The Government inherited an asylum system under exceptional pressure, with processing "
    "of claims having largely ground to a halt. We have restarted processing and are taking "
    "decisions at a much faster rate.",
    "Information on the number of claims awaiting an initial decision is published in the "
    "Immigration System Statistics data tables, table Asy_D03, which are updated every "
    "quarter; the latest edition covers the year ending March 2025.",
    "At the end of December 2024, 97,540 patients had been waiting more than 18 weeks for "
    "a first outpatient appointment in neurology services in England.",
]
ANSWER_WITH_REF = [
    *ANSWER_PLAIN[:2],
    "I also refer the hon. Member to the answer I gave on 10 March to question 36512.",
]
ANSWER_HOLDING = [
    "It will not be possible to answer this question within the usual time period. An "
    "answer will be provided as soon as possible."
]
REFS_NONE = " ".join(ANSWER_PLAIN)
REFS_KEYED_DATED = ANSWER_WITH_REF[-1]
REFS_LIST = (
    "I refer the hon. Member to the answers given to Questions 44194, 44195 and 44196 on "
    "25 February 2019, and to PQs HL1234 to HL1240 [12345]."
)
DATES = {
    "ISO date-time": "2024-07-17T00:00:00",
    "7th April 2025": "7th April 2025",
    "Monday 23rd January 2023": "Monday 23rd January 2023",
    "25/02/2019": "25/02/2019",
    "8 April (default year)": "8 April",
    "Answered 12 Apr 2021.": "12 Apr 2021.",
}


def _parse_uncached(text: str, default_year: int) -> object:
    """``parse_date`` without its cache of already-seen dates (as for a new date)."""
    cached = getattr(dates, "_parse_short_date", None)
    if cached is None:  # a version without the cache
        return parse_date(text, default_year=default_year)
    return cached.__wrapped__(text, default_year)


def _page(paragraphs: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The paragraphs as one page text with a blank line between, and their stretches."""
    text = "\n\n".join(paragraphs)
    stretches, start = [], 0
    for paragraph in paragraphs:
        stretches.append((start, start + len(paragraph)))
        start += len(paragraph) + 2
    return text, stretches


def cases() -> dict[str, dict[str, Callable[[], object]]]:
    """Named zero-argument calls, grouped by the extractor they time."""
    asked = datetime.date(2025, 3, 4)
    answered = datetime.date(2025, 3, 11)
    questions = {
        "Commons, Home Office": COMMONS_QUESTION,
        "Commons, EFRA": COMMONS_QUESTION_EFRA,
        "Lords": LORDS_QUESTION,
        "Lords, with a ref": LORDS_QUESTION_REF,
    }
    answers = {
        "3 paragraphs, no refs": _page(ANSWER_PLAIN),
        "3 paragraphs, dated ref": _page(ANSWER_WITH_REF),
        "holding answer": _page(ANSWER_HOLDING),
    }
    references = {
        "prose, no refs": REFS_NONE,
        "keyed ref with date": REFS_KEYED_DATED,
        "lists, range, brackets": REFS_LIST,
        "Commons question": COMMONS_QUESTION,
    }
    addressees = {
        "Home Department": COMMONS_QUESTION,
        "EFRA": COMMONS_QUESTION_EFRA,
        "junior office (generic)": JUNIOR_QUESTION,
        "representing": REPRESENTING_QUESTION,
        "Lords": LORDS_QUESTION,
        "not a question": REFS_NONE,
    }
    calls: dict[str, dict[str, Callable[[], object]]] = {
        "question_from": {
            label: partial(question_from, q, (0, len(q)), asked_on=asked)
            for label, q in questions.items()
        },
        "answer_from": {
            label: partial(answer_from, t, s, answered_on=answered)
            for label, (t, s) in answers.items()
        },
        "find_question_refs": {
            label: partial(find_question_refs, t, default_year=2025)
            for label, t in references.items()
        },
        "find_addressee": {label: partial(find_addressee, q) for label, q in addressees.items()},
        "parse_date": {
            label: partial(parse_date, d, default_year=2025) for label, d in DATES.items()
        },
    }
    text, stretches = answers["3 paragraphs, no refs"]
    calls["answer_from"]["3 paragraphs, holding given"] = partial(
        answer_from, text, stretches, answered_on=answered, is_holding=False
    )
    for label, d in DATES.items():
        calls["parse_date"][f"{label} (first sight)"] = partial(_parse_uncached, d, 2025)
    return calls


def microseconds(call: Callable[[], object], repeat: int, min_time: float) -> float:
    """Best time per call over ``repeat`` runs, each at least ``min_time`` seconds long."""
    number, elapsed = 1, 0.0
    while elapsed < min_time / 10:
        number *= 2
        start = time.process_time()
        for _ in range(number):
            call()
        elapsed = time.process_time() - start
    number = max(1, round(number * min_time / elapsed))
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(repeat):
            start = time.process_time()
            for _ in range(number):
                call()
            best = min(best, (time.process_time() - start) / number)
    finally:
        gc.enable()
    return best * 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--min-time", type=float, default=0.2)
    parser.add_argument("--only", action="append", help="time only these extractors")
    args = parser.parse_args(argv)
    print(
        f"pqparse {pqparse.__version__} on Python {platform.python_version()}, "
        f"{platform.machine()}; best of {args.repeat}, µs per call"
    )
    for extractor, calls in cases().items():
        if args.only and extractor not in args.only:
            continue
        for label, call in calls.items():
            print(
                f"{extractor:20} {label:38} {microseconds(call, args.repeat, args.min_time):8.2f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
