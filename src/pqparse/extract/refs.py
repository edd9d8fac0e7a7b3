"""Find citations of other written questions in running text.

Recognised: a keyword then ids ("question 44194", "PQ 146306", "UIN 12345", "Questions
44194, 44195 and 44196", "PQs HL1234 to HL1240"), bracketed ids ("[12345]", "[HL1234]",
"(HL16983)"), bare Lords numbers ("HL 1234") and devolved ids ("S6W-01234", "WQ12345",
"AQW 1234/17-22"). A date that the citing text gives for the cited answer ("the answer of
25 February 2019 to Question 223140", "the answer he was given on 8 April to question 44194")
becomes :attr:`QuestionRef.date`. Plain numbers without a keyword or brackets (money, years,
percentages, phone numbers, sections, paragraphs, columns) are never references.
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Iterator

from pqparse.extract.dates import DATE_IN_TEXT, date_from_match
from pqparse.models import House, QuestionRef, Span

__all__ = ["find_question_refs"]

_ID = r"(?:HL\s?\d{1,6}|S[1-6][A-Z]-\d{4,5}|WQ\d{4,6}|AQ[WOT]\s?\d{1,6}/\d{2}(?:-\d{2})?|\d{1,6})"
_JOIN = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)"
_RANGE = r"(?:\s*(?:-|–|—)\s*|\s+to\s+)"
_KEYWORD = (
    r"(?:(?:[Pp]arliamentary|[Ww]ritten|[Nn]amed[- ][Dd]ay)\s+)?"
    r"(?:[Qq]uestions?|QUESTIONS?|PQs?|UINs?|WPQs?)"
    r"(?:\s+(?:[Nn]umbers?|[Nn]os?\.?|[Rr]ef(?:erence)?s?\.?|UINs?))?"
)
_KEYED_REFS = re.compile(
    rf"\b{_KEYWORD}\s*:?\s*(?P<ids>{_ID}(?:(?:{_JOIN}|{_RANGE}){_ID})*)(?![\w/%£$.,]\d)(?!\w)"
)
_BARE_ID = r"(?:HL\s?\d{2,6}|S[1-6][WOFTM]-\d{4,5}|WQ\d{5,6}|AQ[WOT]\s?\d{1,6}/\d{2}(?:-\d{2})?)"
# Ids without a keyword: in brackets ("[12345]", "(HL16983)") or distinctive on their own.
_UNKEYED_REFS = re.compile(
    r"[\[(](?P<ids>(?:HL\s?\d{1,6}|\d{3,6})(?:\s*,\s*(?:HL\s?\d{1,6}|\d{3,6}))*)[\])]"
    rf"|(?<![\w/-])(?P<bare>{_BARE_ID}(?:(?:{_JOIN}|{_RANGE}){_BARE_ID})*)(?![\w/-])"
)
_ONE_ID = re.compile(_ID)
_BARE_HINT = re.compile(r"HL|S[1-6]|WQ|AQ")
_RANGE_BETWEEN = re.compile(rf"^{_RANGE}$")
_SPACES = re.compile(r"\s+")
# "... on 8 April to question", "of 25 February 2019 (Official Report, column 12W) to PQ"
_DATE_BEFORE = re.compile(
    rf"(?:{DATE_IN_TEXT.pattern})\s*,?\s*(?:\([^()]{{0,80}}\)\s*,?\s*)?"
    r"(?:to\s+(?:the\s+)?|for\s+|in\s+(?:reply|answer)\s+to\s+)?$",
    re.IGNORECASE,
)
_DATE_AFTER = re.compile(
    rf"^\s*,?\s*(?:answered\s+|tabled\s+|asked\s+)?(?:on|of)\s+(?:{DATE_IN_TEXT.pattern})",
    re.IGNORECASE,
)
_LOOKBEHIND = 120
_MAX_RANGE = 100


def _normal_id(raw: str) -> str:
    compact = _SPACES.sub("", raw).upper()
    if compact.isdigit():
        return str(int(compact))
    if compact.startswith("HL") and compact[2:].isdigit():
        return f"HL{int(compact[2:])}"
    return compact


def _house_of(ref_id: str) -> House | None:
    return House.LORDS if ref_id.startswith("HL") and ref_id[2:].isdigit() else None


def _cited_date(text: str, start: int, end: int, default_year: int | None) -> datetime.date | None:
    before = _DATE_BEFORE.search(text, max(0, start - _LOOKBEHIND), start)
    if before and before.end() == start:
        return date_from_match(before, default_year)
    after = _DATE_AFTER.match(text[end : end + _LOOKBEHIND])
    if after:
        return date_from_match(after, default_year)
    return None


def _expand_range(first: str, last: str) -> list[str]:
    """Ids strictly between two range ends of the same kind, or none if implausible."""
    prefix = "HL" if first.startswith("HL") else ""
    if prefix != ("HL" if last.startswith("HL") else ""):
        return []
    a, b = first[len(prefix) :], last[len(prefix) :]
    if not (a.isdigit() and b.isdigit()) or not 0 < int(b) - int(a) <= _MAX_RANGE:
        return []
    return [f"{prefix}{n}" for n in range(int(a) + 1, int(b))]


def _refs_in_group(
    text: str, match: re.Match[str], offset: int, default_year: int | None, min_digits: int
) -> Iterator[QuestionRef]:
    group = "ids" if match.group("ids") is not None else "bare"
    keyed = match.re is _KEYED_REFS
    ids_start = match.start(group)
    ids_text = match.group(group)
    pieces = list(_ONE_ID.finditer(ids_text))
    cited = _cited_date(text, match.start(), match.end(), default_year)
    previous_end = 0
    previous_id: str | None = None
    for index, piece in enumerate(pieces):
        raw = piece.group()
        if raw.isdigit() and len(raw) < min_digits:
            return
        ref_id = _normal_id(raw)
        between = ids_text[previous_end : piece.start()]
        if previous_id is not None and _RANGE_BETWEEN.match(between):
            whole = Span(
                offset + ids_start + pieces[index - 1].start(), offset + ids_start + piece.end()
            )
            for middle in _expand_range(previous_id, ref_id):
                yield QuestionRef(
                    id=middle,
                    text=text[whole.start - offset : whole.end - offset],
                    house=_house_of(middle),
                    date=cited,
                    span=whole,
                )
        # the first id's text includes the keyword: "question 44194"
        start = match.start() if keyed and index == 0 else ids_start + piece.start()
        end = ids_start + piece.end()
        yield QuestionRef(
            id=ref_id,
            text=text[start:end],
            house=_house_of(ref_id),
            date=cited,
            span=Span(offset + start, offset + end),
        )
        previous_end, previous_id = piece.end(), ref_id


def find_question_refs(
    text: str, *, offset: int = 0, default_year: int | None = None
) -> tuple[QuestionRef, ...]:
    """All question references in ``text``, in text order.

    ``offset`` is added to every span (pass the position of ``text`` in the document);
    ``default_year`` completes cited dates written without a year.
    """
    found: list[QuestionRef] = []
    keyed_spans: list[tuple[int, int]] = []
    for match in _KEYED_REFS.finditer(text):
        keyword = match.group()[: match.start("ids") - match.start()].lower()
        min_digits = 3 if keyword.startswith(("question", "parliamentary", "written")) else 1
        refs = list(_refs_in_group(text, match, offset, default_year, min_digits))
        if refs:
            found.extend(refs)
            keyed_spans.append((match.start(), match.end()))
    if not found and "[" not in text and "(" not in text and not _BARE_HINT.search(text):
        return ()
    starts = [a for a, _ in keyed_spans]
    for match in _UNKEYED_REFS.finditer(text):
        i = bisect.bisect_right(starts, match.start()) - 1
        if i >= 0 and match.start() < keyed_spans[i][1]:
            continue
        found.extend(_refs_in_group(text, match, offset, default_year, 1))
    found.sort(key=lambda ref: ref.span.start)
    return tuple(found)
