"""UK Parliament Written Questions API JSON (``written-questions-api``).

The JSON of ``/api/writtenquestions/questions`` (questions-statements-api.parliament.uk,
formerly writtenquestions-api.parliament.uk) and of the Members API's written-questions
pages. Accepted shapes: a bare question object, a ``{"value": {...}, "links": [...]}``
item, a list of either, the ``{"totalResults": N, "results": [...]}`` search envelope, and
JSON Lines of any of these. ``answerText`` is HTML on single-item routes (rendered to
paragraphs) and a 255-character plain-text stub in search results (kept, but the record is
marked incomplete). Each record is rendered into ``Document.text`` with
:class:`~pqparse.text.builder.TextBuilder` so spans point somewhere meaningful; fields the
contract has no place for go to ``WrittenQuestion.extra`` (see
``docs/formats/written-questions-api.md``). :func:`stream` reads huge dumps in constant
memory (``ijson`` for arrays and envelopes, line by line for JSON Lines).
"""

from __future__ import annotations

import codecs
import datetime
import html
import io
import itertools
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any

import attrs
import ijson

from pqparse.extract.dates import parse_date
from pqparse.extract.departments import find_addressee
from pqparse.extract.ministers import department_from_role
from pqparse.extract.records import answer_from, is_holding_text
from pqparse.extract.refs import find_question_refs, pieces_with_hints
from pqparse.formats.base import Format, Parsed
from pqparse.models import (
    Answer,
    House,
    Legislature,
    Member,
    Minister,
    Question,
    QuestionRef,
    Span,
    WrittenQuestion,
)
from pqparse.report import Report
from pqparse.text.decode import decode_bytes, repair_mojibake
from pqparse.text.html_paragraphs import html_paragraphs
from pqparse.text.normalize import clean_inline, normalize_text

__all__ = ["FORMAT", "NAME", "answer_paragraphs", "detect", "parse", "stream"]

NAME = "written-questions-api"

#: Search results cut ``questionText`` to exactly this many characters, with no marker.
SEARCH_TEXT_LIMIT = 255
#: ...and ``answerText`` to the same length plus this marker (HTML stripped).
SEARCH_ANSWER_MARKER = "..."

_QUESTION_KEYS = frozenset(
    {
        "id",
        "askingMemberId",
        "askingMember",
        "house",
        "memberHasInterest",
        "dateTabled",
        "dateForAnswer",
        "uin",
        "questionText",
        "answeringBodyId",
        "answeringBodyName",
        "answeringBody",
        "isWithdrawn",
        "isNamedDay",
        "groupedQuestions",
        "answerIsHolding",
        "answerIsCorrection",
        "answeringMemberId",
        "answeringMember",
        "correctingMemberId",
        "correctingMember",
        "dateAnswered",
        "answerText",
        "originalAnswerText",
        "comparableAnswerText",
        "dateAnswerCorrected",
        "dateHoldingAnswer",
        "attachmentCount",
        "heading",
        "attachments",
        "groupedQuestionsDates",
    }
)
_ITEM_KEYS = frozenset({"value", "links"})
_ENVELOPE_KEYS = frozenset({"results", "totalResults", "skip", "take", "links"})
_MEMBERS_PAGE_KEYS = frozenset({"items", "totalResults", "resultContext", "skip", "take", "links"})
_HOUSES = {
    "commons": House.COMMONS,
    "house of commons": House.COMMONS,
    "1": House.COMMONS,
    "lords": House.LORDS,
    "house of lords": House.LORDS,
    "bishops": House.LORDS,
    "2": House.LORDS,
}
_JSON_START = re.compile(r"\s*[\[{]")
_API_KEY = re.compile(
    r'"(uin|questionText|dateTabled|answeringBodyName|askingMemberId|answerIsHolding)"\s*:'
)
_HAS_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,20}(?:\s[^<>]{0,2000})?/?>")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_LINE_BREAKS = re.compile(r"\n\s*")
_SUPERSCRIPT_NUMBER = re.compile(r"<sup(?:\s[^<>]{0,200})?>\s{0,20}(\d{1,4})\s{0,20}</sup>", re.I)
_SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
#: Control characters other than tab and line ends (what ``normalize_text`` removes in ASCII).
_ASCII_CONTROL_BYTES = bytes([*range(0x09), *range(0x0E, 0x20), 0x7F])
#: Every ASCII character that is not printable.
_ASCII_CONTROLS = bytes([*range(0x20), 0x7F])
_HEAD = 64 * 1024
_ENVELOPE_LISTS = frozenset({"results", "items"})
#: Shapes nest at most a few levels (envelope, list, item, value); deeper lists are not read.
_MAX_SHAPE_DEPTH = 8
#: Salvaging malformed JSON stops at this nesting depth (real records nest about six deep).
_MAX_SALVAGE_DEPTH = 64
_MEMBERS_HIDDEN = "members-not-expanded"
#: In streaming mode each diagnostic code is reported for this many records, then counted.
STREAM_DIAGNOSTIC_CAP = 1000


def detect(text: str) -> float:
    """Score ``text`` as API JSON: JSON that uses the API's own key names."""
    if not _JSON_START.match(text):
        return 0.0
    keys = {match.group(1) for match in _API_KEY.finditer(text, 0, _HEAD)}
    if len(keys) >= 2:
        return 0.95
    return 0.6 if keys else 0.1


# ---------------------------------------------------------------------------------------------
# Values: strings, dates, houses, members


def _string(value: Any) -> str | None:
    """A JSON string as clean text (mojibake repaired, spaces normalised); else ``None``."""
    if not isinstance(value, str):
        return None
    text: str = value
    if _is_printable(text):  # no control, odd-space or invisible character to normalise
        if "  " in text or text[:1] == " " or text[-1:] == " ":
            text = " ".join(text.split())
        if text.isascii():
            return text
        repaired, changed = repair_mojibake(text)
        if not changed:
            return text
        text = repaired
    else:
        text, _ = repair_mojibake(text)
    return clean_inline(normalize_text(text))


#: Cleaned short strings (names, parties, seats, bodies, roles, headings): a dump repeats them.
_SHORT: dict[str, str] = {}
_SHORT_LENGTH = 160
_MAX_SHORT = 20_000


def _short_string(value: Any) -> str | None:
    """:func:`_string` of a value that recurs across records, remembered by exact value."""
    if type(value) is not str:
        return _string(value)
    text = _SHORT.get(value)
    if text is None:
        text = _string(value) or ""
        if len(value) <= _SHORT_LENGTH:
            if len(_SHORT) >= _MAX_SHORT:
                _SHORT.clear()
            _SHORT[value] = text
    return text


def _is_printable(text: str) -> bool:
    """``text.isprintable()``; for ASCII text in one C-level byte pass (only the controls
    are not printable there)."""
    if text.isascii():
        data = text.encode("ascii")
        return len(data.translate(None, _ASCII_CONTROLS)) == len(data)
    return text.isprintable()


def _bool(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


_DAYS: dict[str, datetime.date] = {}
_MAX_DAYS = 20_000


def _iso_date(value: Any) -> tuple[datetime.date | None, bool]:
    """``"2024-01-05T00:00:00"`` (or any ISO/written date) → date; second item: unreadable."""
    if type(value) is not str:
        return None, False
    day = _DAYS.get(value)  # a dump repeats the same few hundred sitting days
    if day is not None:
        return day, False
    if not value.strip():
        return None, False
    try:
        day = datetime.date.fromisoformat(value[:10])
    except ValueError:
        parsed = parse_date(value.strip())
        return parsed, parsed is None
    if len(_DAYS) >= _MAX_DAYS:
        _DAYS.clear()
    _DAYS[value] = day
    return day, False


def _date_field(data: Mapping[str, Any], key: str, session: _Session) -> datetime.date | None:
    """The date in ``data[key]`` (remembered sitting days first); unreadable ones reported."""
    value = data.get(key)
    if value is None:
        return None
    if type(value) is str:
        day = _DAYS.get(value)
        if day is not None:
            return day
    day, unreadable = _iso_date(value)
    if unreadable:
        session.add("PQ200", f"unreadable date in {key}: {str(value)[:40]!r}")
    return day


_HOUSE_NAMES = {"Commons": House.COMMONS, "Lords": House.LORDS}


def _house(value: Any) -> House | None:
    if type(value) is str and value in _HOUSE_NAMES:  # as the API writes it
        return _HOUSE_NAMES[value]
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    return _HOUSES.get(str(value).strip().lower())


def _member_fields(member: Mapping[str, Any]) -> tuple[str | None, str | None, str | None]:
    """``(name, party, memberFrom)`` of a Written Questions or Members API member object."""
    get = member.get
    name = _short_string(get("name")) or _short_string(get("nameDisplayAs"))
    party = _short_string(get("party"))
    if party is None and isinstance(latest_party := get("latestParty"), dict):
        party = _short_string(latest_party.get("name"))
    seat = _short_string(get("memberFrom"))
    if seat is None and isinstance(membership := get("latestHouseMembership"), dict):
        seat = _short_string(membership.get("membershipFrom"))
    return name, party, seat


#: Members and ministers already built, by their values (frozen, so shared between records).
_PEOPLE: dict[tuple[str | None, ...], Member | Minister] = {}
_MAX_PEOPLE = 20_000


def _remembered(key: tuple[str | None, ...], person: Member | Minister) -> None:
    if len(_PEOPLE) >= _MAX_PEOPLE:
        _PEOPLE.clear()
    _PEOPLE[key] = person


def _asker(value: Any) -> Member | None:
    if not isinstance(value, dict):
        return None
    name, party, seat = _member_fields(value)
    if name is None and party is None and seat is None:
        return None
    key = ("member", name, party, seat)
    member = _PEOPLE.get(key)
    if not isinstance(member, Member):
        member = Member(name=name, party=party, constituency=seat)
        _remembered(key, member)
    return member


def _minister(value: Any) -> Minister | None:
    """The answering member; ``department`` only from a role that names one (the answering
    body is the question's department and is never copied into the minister)."""
    if not isinstance(value, dict):
        return None
    get = value.get
    name = _short_string(get("name")) or _short_string(get("nameDisplayAs"))
    if name is None:
        return None
    role = _short_string(get("role"))
    key = ("minister", name, role)
    minister = _PEOPLE.get(key)
    if not isinstance(minister, Minister):
        minister = Minister(name=name, role=role, department=department_from_role(role))
        _remembered(key, minister)
    return minister


def _member_extra(value: Any, member_id: Any) -> dict[str, Any] | None:
    """A member as ``extra`` keeps it: id, name, party, member_from (known values only)."""
    member: dict[str, Any] = {}
    if isinstance(member_id, int) and not isinstance(member_id, bool):
        member["id"] = member_id
    if isinstance(value, dict):
        name, party, seat = _member_fields(value)
        for key, item in (("name", name), ("party", party), ("member_from", seat)):
            if item is not None:
                member[key] = item
    return member or None


# ---------------------------------------------------------------------------------------------
# Answer text


def answer_paragraphs(markup: str) -> list[str]:
    """Paragraphs of an ``answerText``: HTML rendered (tables as " | " rows), plain text split
    at line breaks; double-escaped entities (``&amp;nbsp;``) decoded.
    """
    if not markup.isascii():
        markup, _ = repair_mojibake(markup)
        markup = normalize_text(markup)
    elif _has_ascii_control(markup):
        markup = normalize_text(markup)
    if _HAS_TAG.search(markup):
        if "<sup" in markup or "<SUP" in markup:
            markup = _SUPERSCRIPT_NUMBER.sub(_superscript, markup)
        paragraphs = html_paragraphs(markup)
        if "&" not in markup:  # no entity: nothing to decode, and no paragraph is empty
            return paragraphs
    else:
        if "&" in markup:
            markup = html.unescape(markup)
        paragraphs = [clean_inline(line) for line in _LINE_BREAKS.split(markup)]
    return [_decoded(p) for p in paragraphs if p]


def _has_ascii_control(text: str) -> bool:
    """Whether ASCII ``text`` holds a control character other than tab and line ends (one
    C-level byte pass: deleting them changes the length)."""
    data = text.encode("ascii")
    return len(data.translate(None, _ASCII_CONTROL_BYTES)) != len(data)


def _superscript(match: re.Match[str]) -> str:
    """A footnote mark ``<sup>1</sup>`` as superscript digits: "19,660¹", never "19,6601"."""
    return match.group(1).translate(_SUPERSCRIPT_DIGITS)


def _decoded(paragraph: str) -> str:
    if "&" in paragraph and _ENTITY.search(paragraph):
        return clean_inline(html.unescape(paragraph))
    return paragraph


def _is_search_stub(raw: str) -> bool:
    """Search-result ``answerText``: tags stripped, cut at 255 characters plus "..."."""
    return raw.rstrip().endswith(SEARCH_ANSWER_MARKER) and _HAS_TAG.search(raw) is None


# ---------------------------------------------------------------------------------------------
# Session: what one parse or stream shares across records


@attrs.define
class _Session:
    """Running document offset and once-per-input diagnostics for one parse or stream."""

    report: Report
    cap: int | None = None
    position: int = 0
    reported_once: set[str] = attrs.field(factory=set)
    counts: dict[str, int] = attrs.field(factory=dict)

    def add(self, code: str, message: str, span: Span | None = None) -> None:
        """Report ``code``; in streaming mode only the first ``cap`` of each code."""
        if self.cap is not None:
            count = self.counts.get(code, 0) + 1
            self.counts[code] = count
            if count > self.cap:
                return
        self.report.add(code, message, span)

    def once(self, key: str, code: str, message: str) -> None:
        """Report ``code`` the first time ``key`` comes up in this input only."""
        if key not in self.reported_once:
            self.reported_once.add(key)
            self.report.add(code, message)

    def close(self) -> None:
        """Say how many capped diagnostics were not reported one by one."""
        for code, count in self.counts.items():
            if self.cap is not None and count > self.cap:
                self.report.add(code, f"{count - self.cap:,} more {code} diagnostics not listed")


def _unknown_keys(
    data: Mapping[str, Any], known: frozenset[str], what: str, session: _Session
) -> None:
    if data.keys() <= known:
        return
    for key in sorted(data.keys() - known):
        session.once(f"{what}:{key}", "PQ103", f"unparsed text: unknown {what} field {key!r}")


def _is_question(data: Mapping[str, Any]) -> bool:
    return "uin" in data or "questionText" in data or "dateTabled" in data


def _question_values(data: Any, session: _Session, depth: int = 0) -> Iterator[Mapping[str, Any]]:
    """The question objects inside any accepted shape (list, envelope, item, bare value)."""
    if depth > _MAX_SHAPE_DEPTH:
        session.add("PQ103", "unparsed text: JSON nested too deep to hold questions")
        return
    depth += 1
    if isinstance(data, list):
        for item in data:
            yield from _question_values(item, session, depth)
        return
    if not isinstance(data, dict):
        session.add("PQ103", f"unparsed text: a JSON {type(data).__name__} is not a question")
        return
    if _is_question(data):
        yield data
    elif isinstance(value := data.get("value"), dict):
        _unknown_keys(data, _ITEM_KEYS, "item", session)
        if _is_question(value):  # the common case, without another generator
            yield value
        else:
            yield from _question_values(value, session, depth)
    elif isinstance(data.get("results"), list):
        _unknown_keys(data, _ENVELOPE_KEYS, "envelope", session)
        yield from _question_values(data["results"], session, depth)
    elif isinstance(data.get("items"), list):  # Members API pages list their items here
        _unknown_keys(data, _MEMBERS_PAGE_KEYS, "envelope", session)
        yield from _question_values(data["items"], session, depth)
    elif "status" in data and "title" in data:
        session.add(
            "PQ103", f"unparsed text: API error response {data.get('status')}: {data.get('title')}"
        )
    else:
        keys = ", ".join(list(map(str, data))[:6])
        session.add("PQ103", f"unparsed text: an object with keys {keys} is not a question")


# ---------------------------------------------------------------------------------------------
# One record


#: A record and its rendering (offsets in the text start at the record's position).
_Rendered = tuple[WrittenQuestion, str]


def _iso(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def _grouped(data: Mapping[str, Any]) -> tuple[tuple[str, ...], list[dict[str, Any]]]:
    """Grouped UINs (``groupedQuestions``, else ``groupedQuestionsDates``) and their dates."""
    listed = data.get("groupedQuestions")
    dates = data.get("groupedQuestionsDates")
    if not listed and not dates:
        return (), []
    ids = [str(uin) for uin in listed or () if isinstance(uin, str | int)]
    dated: list[dict[str, Any]] = []
    for item in dates if isinstance(dates, list) else ():
        if isinstance(item, dict) and item.get("questionUin") is not None:
            tabled, _ = _iso_date(item.get("dateTabled"))
            dated.append({"uin": str(item["questionUin"]), "date_tabled": _iso(tabled)})
    if not ids:
        ids = [item["uin"] for item in dated]
    return tuple(ids), dated


def _attachments(value: Any) -> list[dict[str, Any]]:
    keys = (
        ("url", "url"),
        ("title", "title"),
        ("fileType", "file_type"),
        ("fileSizeBytes", "file_size_bytes"),
        ("fileName", "file_name"),
    )
    found: list[dict[str, Any]] = []
    for item in value if isinstance(value, list) else ():
        if isinstance(item, dict):
            found.append({name: item[key] for key, name in keys if item.get(key) is not None})
    return found


_EXTRA_IDS = (
    ("id", "api_id"),
    ("askingMemberId", "asking_member_id"),
    ("answeringMemberId", "answering_member_id"),
    ("answeringBodyId", "answering_body_id"),
    ("attachmentCount", "attachment_count"),
)
_EXTRA_DATES = (
    ("dateHoldingAnswer", "date_holding_answer"),
    ("dateAnswerCorrected", "date_answer_corrected"),
)


def _extra(
    data: Mapping[str, Any], dated_groups: list[dict[str, Any]], session: _Session
) -> dict[str, Any]:
    """Source fields with no place in the contract, under stable snake_case keys."""
    get = data.get
    extra: dict[str, Any] = {}
    for key, name in _EXTRA_IDS:
        value = get(key)
        if type(value) is int:  # not bool, not null
            extra[name] = value
    body = get("answeringBody")
    if isinstance(body, dict) and type(body.get("id")) is int:
        extra.setdefault("answering_body_id", body["id"])
    if get("correctingMemberId") is not None or get("correctingMember") is not None:
        correcting = _member_extra(get("correctingMember"), get("correctingMemberId"))
        if correcting:
            extra["correcting_member"] = correcting
    for key, name in _EXTRA_DATES:
        if get(key):
            day = _date_field(data, key, session)
            if day:
                extra[name] = day.isoformat()
    original = get("originalAnswerText")
    if original and isinstance(original, str) and not original.isspace():
        paragraphs = answer_paragraphs(original)
        extra["original_answer_paragraphs"] = paragraphs
        extra["original_answer_text"] = "\n\n".join(paragraphs)
    if get("attachments"):
        attachments = _attachments(get("attachments"))
        if attachments:
            extra["attachments"] = attachments
    if dated_groups:
        extra["grouped_question_dates"] = dated_groups
    return extra


def _member_line(member: Member) -> str:
    detail = " - ".join(part for part in (member.party, member.constituency) if part)
    if member.name and detail:
        return f"{member.name} ({detail})"
    return member.name or f"({detail})"


def _answer_line(minister: Minister | None, answered_on: datetime.date | None) -> str:
    by = f" by {minister.name}" if minister else ""
    on = f" on {answered_on.isoformat()}" if answered_on else ""
    return f"Answered{by}{on}"


_HOUSE_LABELS = {house: house.value for house in House}
_UK_PARLIAMENT = Legislature.UK_PARLIAMENT


def _question_block(
    heading: str | None,
    uin: str | None,
    house: House | None,
    asked_on: datetime.date | None,
    asked_by: Member | None,
    question_text: str,
) -> str:
    """The record's first lines: heading, "UIN …, House, tabled …", the asker, the question."""
    meta: list[str] = []
    if uin:
        meta.append(f"UIN {uin}")
    if house:
        meta.append(_HOUSE_LABELS[house])
    if asked_on:
        meta.append(f"tabled {asked_on.isoformat()}")
    lines = [heading] if heading else []
    if meta:
        lines.append(", ".join(meta))
    if asked_by:
        lines.append(f"Asked by: {_member_line(asked_by)}")
    lines.append(question_text)
    return "\n".join(lines)


def _record(data: Mapping[str, Any], session: _Session, cut: bool = False) -> _Rendered:
    """Build and render one record; ``cut``: the input ended inside this object."""
    if not data.keys() <= _QUESTION_KEYS:
        _unknown_keys(data, _QUESTION_KEYS, "question", session)
    get = data.get
    base = session.position
    heading = _short_string(get("heading"))
    raw_uin = get("uin")
    uin = _string(str(raw_uin)) if isinstance(raw_uin, str | int) else None
    department = _short_string(get("answeringBodyName"))
    target: str | None = None
    if isinstance(body := get("answeringBody"), dict):
        department = department or _short_string(body.get("name"))
        target = _short_string(body.get("target"))
    asked_on = _date_field(data, "dateTabled", session)
    asked_by = _asker(get("askingMember"))
    minister = _minister(get("answeringMember"))
    grouped, dated_groups = _grouped(data)
    raw_house = get("house")
    house = _house(raw_house)
    if raw_house is not None and house is None:
        session.add("PQ105", f"unexpected house {raw_house!r}")

    raw_question = get("questionText")
    raw_answer = get("answerText")
    markup = raw_answer if isinstance(raw_answer, str) else ""
    has_answer_text = bool(markup) and not markup.isspace()
    answered_on = _date_field(data, "dateAnswered", session)
    answered = has_answer_text or answered_on is not None
    stub_answer = has_answer_text and _is_search_stub(markup)
    stub_question = (
        isinstance(raw_question, str)
        and len(raw_question) == SEARCH_TEXT_LIMIT
        and not (has_answer_text and not stub_answer)
    )

    question_text = _string(raw_question) or ""
    head = _question_block(heading, uin, house, asked_on, asked_by, question_text)
    q_span = (len(head) - len(question_text), len(head))
    paragraphs = answer_paragraphs(markup) if has_answer_text else []
    answer_stretch: tuple[int, int] | None = None
    if not answered:
        text = head + "\n"
    else:
        answer_line = _answer_line(minister, answered_on)
        first = len(head) + len(answer_line) + 3  # "\n\n" before the line, "\n" after it
        if paragraphs:
            joined = "\n\n".join(paragraphs)
            text = f"{head}\n\n{answer_line}\n{joined}\n"
            answer_stretch = (first, first + len(joined))
        else:
            joined = ""
            text = f"{head}\n\n{answer_line}\n"
    end = base + len(text.rstrip("\n"))

    question, implied_house = _question(
        question_text,
        base + q_span[0],
        asked_by=asked_by,
        asked_on=asked_on,
        department=department,
        target=target,
        date_for_answer=_date_field(data, "dateForAnswer", session),
    )
    answer: Answer | None = None
    if answered:
        holding = _bool(get("answerIsHolding"))
        correction = _bool(get("answerIsCorrection")) or False
        if "" in paragraphs:  # one decoded to nothing: the general path skips it
            answer = answer_from(
                text,
                _paragraph_spans(paragraphs, first),
                answered_by=minister,
                answered_on=answered_on,
                is_holding=holding,
                is_correction=correction,
                base=base,
            )
        else:
            answer = _answer(
                paragraphs,
                joined,
                base + first,
                answered_by=minister,
                answered_on=answered_on,
                is_holding=holding,
                is_correction=correction,
            )
    extra = _extra(data, dated_groups, session)
    complete = not (cut or stub_question or stub_answer)
    truncated = [
        name for name, stub in (("question", stub_question), ("answer", stub_answer)) if stub
    ]
    if truncated:
        extra["truncated"] = truncated
    record = WrittenQuestion(
        heading=heading,
        uin=uin,
        legislature=_UK_PARLIAMENT,
        house=house or implied_house,
        named_day=_bool(get("isNamedDay")),
        registered_interest=_bool(get("memberHasInterest")),
        withdrawn=_bool(get("isWithdrawn")) or False,
        grouped_question_ids=grouped,
        question=question,
        answer=answer,
        complete=complete,
        span=Span(base, end),
        extra=extra,
    )
    _record_diagnostics(record, data, q_span, answer_stretch, truncated, cut, session)
    session.position = base + len(text) + 1  # a blank line between records
    return record, text


def _question(
    text: str,
    offset: int,
    *,
    asked_by: Member | None,
    asked_on: datetime.date | None,
    department: str | None,
    target: str | None,
    date_for_answer: datetime.date | None,
) -> tuple[Question, House | None]:
    """:func:`~pqparse.extract.records.question_from` of a question text that is already
    clean (as :func:`_string` gives it), found at ``offset`` in the document; the answering
    body's ``target`` is the addressee when the text names none.
    """
    addressee = find_addressee(text)
    title = addressee.title
    if title is None and target:
        title = _without_article(target)
    question = Question(
        text=text,
        asked_by=asked_by,
        asked_on=asked_on,
        department=department or addressee.department,
        addressee=title,
        date_for_answer=date_for_answer,
        references=find_question_refs(
            text,
            offset=offset,
            default_year=asked_on.year if asked_on else None,
            not_after=asked_on,
        ),
    )
    return question, addressee.house


def _answer(
    paragraphs: list[str],
    joined: str,
    offset: int,
    *,
    answered_by: Minister | None,
    answered_on: datetime.date | None,
    is_holding: bool | None,
    is_correction: bool,
) -> Answer:
    """:func:`~pqparse.extract.records.answer_from` of clean, non-empty ``paragraphs``
    rendered one blank line apart (``joined``) from ``offset`` in the document: references
    looked for only in the paragraphs that one scan finds a hint of one in.
    """
    references: tuple[QuestionRef, ...] = ()
    hinted = pieces_with_hints(paragraphs)
    if hinted:
        year = answered_on.year if answered_on else None
        starts = list(itertools.accumulate((len(p) + 2 for p in paragraphs), initial=offset))
        found: list[QuestionRef] = []
        for index in hinted:
            found.extend(
                find_question_refs(
                    paragraphs[index],
                    offset=starts[index],
                    default_year=year,
                    not_after=answered_on,
                )
            )
        references = tuple(found)
    return Answer(
        text=joined,
        paragraphs=tuple(paragraphs),
        answered_by=answered_by,
        answered_on=answered_on,
        is_holding=is_holding_text(joined) if is_holding is None else is_holding,
        is_correction=is_correction,
        references=references,
    )


def _paragraph_spans(paragraphs: list[str], first: int) -> list[tuple[int, int]]:
    """Where each paragraph is in the record's text: from ``first``, a blank line apart."""
    spans: list[tuple[int, int]] = []
    for paragraph in paragraphs:
        spans.append((first, first + len(paragraph)))
        first += len(paragraph) + 2
    return spans


def _without_article(title: str) -> str:
    return title[4:] if title[:4].lower() == "the " else title


def _record_diagnostics(
    record: WrittenQuestion,
    data: Mapping[str, Any],
    question_span: tuple[int, int],
    answer_stretch: tuple[int, int] | None,
    truncated: list[str],
    cut: bool,
    session: _Session,
) -> None:
    answer = record.answer
    if truncated or cut or not record.question.text or (answer and not answer.paragraphs):
        _problem_diagnostics(record, question_span, answer_stretch, truncated, cut, session)
    if _MEMBERS_HIDDEN in session.reported_once:
        return
    if (data.get("askingMember") is None and data.get("askingMemberId") is not None) or (
        data.get("answeringMember") is None and data.get("answeringMemberId") is not None
    ):
        session.once(
            _MEMBERS_HIDDEN,
            "PQ104",
            "missing field: members not expanded (request expandMember=true): names are null, "
            "Members API ids are kept in extra",
        )


def _problem_diagnostics(
    record: WrittenQuestion,
    question_span: tuple[int, int],
    answer_stretch: tuple[int, int] | None,
    truncated: list[str],
    cut: bool,
    session: _Session,
) -> None:
    base, end = record.span.start, record.span.end
    label = f"question {record.uin or '(no UIN)'}"
    if "question" in truncated:
        session.add(
            "PQ106",
            f"truncated text: {label} text is a {SEARCH_TEXT_LIMIT}-character search-result stub",
            Span(base + question_span[0], base + question_span[1]),
        )
    if "answer" in truncated:
        answer_span = (
            Span(base + answer_stretch[0], base + answer_stretch[1]) if answer_stretch else None
        )
        session.add(
            "PQ106",
            f"truncated text: {label} answer is a search-result stub ending '...'",
            answer_span,
        )
    if cut:
        session.add("PQ102", f"record cut off: the input ends inside {label}", Span(base, end))
    if not record.question.text:
        session.add("PQ104", f"missing field: {label} has no questionText", Span(base, end))
    if record.answer is not None and not record.answer.paragraphs and not cut:
        session.add("PQ104", f"missing field: {label} is answered but has no answerText")


# ---------------------------------------------------------------------------------------------
# Whole inputs: parse (in memory) and stream (constant memory)


def parse(source: str, report: Report) -> Parsed:
    """Parse API JSON (any accepted shape) held in memory."""
    session = _Session(report)
    pieces: list[str] = []
    records: list[WrittenQuestion] = []
    for record, rendered in _rendered_from_text(source, session):
        pieces.append(rendered)
        records.append(record)
    text = "\n".join(pieces)
    report.text = text
    return Parsed(text, tuple(records))


def _rendered_from_text(source: str, session: _Session) -> Iterator[_Rendered]:
    try:
        data = json.loads(source)
    except (ValueError, RecursionError) as exc:
        first = source.lstrip().split("\n", 1)[0]
        if first != source.strip() and _parses(first):
            yield from _from_lines(source.split("\n"), session)
        else:
            yield from _salvage(source.encode("utf-8"), _json_error(exc), session)
        return
    for value in _question_values(data, session):
        yield _record(value, session)


def _parses(line: str | bytes) -> bool:
    try:
        json.loads(line)
    except (ValueError, RecursionError):
        return False
    return True


def _from_lines(lines: Iterable[str | bytes], session: _Session) -> Iterator[_Rendered]:
    """JSON Lines: one item (or envelope) per line; a bad line is salvaged as far as it goes."""
    for number, line in enumerate(lines, 1):
        if type(line) is bytes and line[:1] == b"{" and line[1:2] != b"\x00":
            # what json.loads does with UTF-8 bytes, without its encoding sniffing
            try:
                data = _JSON_DECODER.decode(line.decode("utf-8", "surrogatepass"))
            except (ValueError, RecursionError):
                pass  # read again below, to report it as before
            else:
                value = _item_question(data)
                if value is not None:
                    yield _record(value, session)
                else:
                    yield from _records_in(data, session)
                continue
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except (ValueError, RecursionError) as exc:
            text = decode_bytes(line)[0] if isinstance(line, bytes) else line
            try:
                data = json.loads(text)  # bytes in another encoding (cp1252)
            except (ValueError, RecursionError):
                problem = f"line {number}: {_json_error(exc)}"
                yield from _salvage(text.encode("utf-8"), problem, session)
                continue
        yield from _records_in(data, session)


def _item_question(data: Any) -> Mapping[str, Any] | None:
    """The question of a ``{"value": {...}, "links": [...]}`` item (the common line of a
    dump), found without the general shape search; ``None`` for any other value."""
    if type(data) is dict and data.keys() <= _ITEM_KEYS:
        value = data.get("value")
        if type(value) is dict and _is_question(value):
            return value
    return None


def _records_in(data: Any, session: _Session) -> Iterator[_Rendered]:
    """The records of one JSON value."""
    value = _item_question(data)
    if value is not None:
        yield _record(value, session)
        return
    for value in _question_values(data, session):
        yield _record(value, session)


def _salvage(data: bytes, problem: str, session: _Session) -> Iterator[_Rendered]:
    """Records from JSON that ``json.loads`` refused: concatenated values, or malformed JSON
    (then every complete question, and the cut-off last one).
    """
    roots, open_ids, error = _partial_values(data)
    if error:  # else: several JSON values one after another, which is fine
        session.add("PQ402", f"malformed JSON: {problem}")
    for root in roots:
        for value in _question_values(root, session):
            cut = id(value) in open_ids
            if cut and "uin" not in value and "questionText" not in value:
                continue  # too little of it arrived to say which question it was
            yield _record(value, session, cut=cut)


def _partial_values(data: bytes) -> tuple[list[Any], set[int], str]:
    """Build what parses of ``data``: the top-level values, ids of containers still open at the
    error, and the error message ("" when the JSON turned out valid).
    """
    roots: list[Any] = []
    stack: list[Any] = []
    key: str = ""
    error = ""

    def attach(value: Any) -> None:
        if not stack:
            roots.append(value)
        elif isinstance(stack[-1], dict):
            stack[-1][key] = value
        else:
            stack[-1].append(value)

    try:
        # the whole input as one buffer: yajl re-reads a token cut by a buffer end, which
        # made a huge token (a million-digit number) cost quadratic time
        for event, value in ijson.basic_parse(
            io.BytesIO(data), buf_size=max(len(data), 1), multiple_values=True, use_float=True
        ):
            if event == "map_key":
                key = value
            elif event in ("start_map", "start_array"):
                if len(stack) >= _MAX_SALVAGE_DEPTH:
                    error = f"nested deeper than {_MAX_SALVAGE_DEPTH} levels"
                    break
                container: Any = {} if event == "start_map" else []
                attach(container)
                stack.append(container)
            elif event in ("end_map", "end_array"):
                stack.pop()
            else:
                attach(value)
    except ijson.JSONError as exc:
        error = _json_error(exc)
    return roots, {id(container) for container in stack}, error


def stream(handle: IO[bytes], report: Report) -> Iterator[WrittenQuestion]:
    """Yield records from a binary API dump in constant memory (spans as :func:`parse`'s)."""
    session = _Session(report, cap=STREAM_DIAGNOSTIC_CAP)
    head = handle.read(_HEAD)
    if head.startswith(codecs.BOM_UTF8):
        head = head[len(codecs.BOM_UTF8) :]
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head[:4]:
        text, _ = decode_bytes(head + handle.read())  # UTF-16/32: rare, read whole
        for record, _rendered in _rendered_from_text(normalize_text(text), session):
            yield record
        session.close()
        return
    codec = "utf-8" if _is_utf8(head) else "cp1252"
    stripped = head.lstrip()
    if stripped[:1] == b"{" and b"\n" in stripped and _parses(stripped.split(b"\n", 1)[0]):
        raw: io.RawIOBase = _Replay(head, handle)
        if codec != "utf-8":
            raw = _Cp1252(raw)
        rendered_records = _from_lines(io.BufferedReader(raw, buffer_size=_HEAD), session)
    elif stripped[:1] in (b"{", b"["):
        rendered_records = _from_values(_ValueReader(handle, head, codec), session)
    else:
        session.add("PQ402", "malformed JSON: the input does not start with '{' or '['")
        rendered_records = iter(())
    for record, _rendered in rendered_records:
        yield record
    session.close()


def _from_values(reader: _ValueReader, session: _Session) -> Iterator[_Rendered]:
    """Records of one or more JSON values; the lists of envelopes are read item by item."""
    try:
        while (start := reader.peek()) in ("{", "["):
            reader.skip()
            if start == "[":
                yield from _list_items(reader, session)
                continue
            envelope: dict[str, Any] = {}
            streamed = False
            for key in _object_keys(reader):
                if key in _ENVELOPE_LISTS and reader.peek() == "[":
                    reader.skip()
                    streamed = True
                    yield from _list_items(reader, session)
                else:
                    envelope[key] = reader.value()
            if streamed:
                _unknown_keys(envelope, _ENVELOPE_KEYS | _MEMBERS_PAGE_KEYS, "envelope", session)
            else:
                yield from (_record(v, session) for v in _question_values(envelope, session))
        if reader.peek():
            raise ValueError(f"unexpected {reader.peek()!r} between JSON values")
    except (ValueError, RecursionError) as exc:
        session.add("PQ402", f"malformed JSON: {_json_error(exc)}")


def _list_items(reader: _ValueReader, session: _Session) -> Iterator[_Rendered]:
    """The items of a list whose ``[`` was just read, each decoded whole."""
    if reader.peek() == "]":
        reader.skip()
        return
    while True:
        for value in _question_values(reader.value(), session):
            yield _record(value, session)
        mark = reader.peek()
        reader.skip()
        if mark == "]":
            return
        if mark != ",":
            raise ValueError(f"expected ',' or ']' in a list, found {mark or 'the end'!r}")


def _object_keys(reader: _ValueReader) -> Iterator[str]:
    """Keys of an object whose ``{`` was just read; the caller reads each value."""
    if reader.peek() == "}":
        reader.skip()
        return
    while True:
        key = reader.value()
        if not isinstance(key, str) or reader.peek() != ":":
            raise ValueError("expected a key and ':' in an object")
        reader.skip()
        yield key
        mark = reader.peek()
        reader.skip()
        if mark == "}":
            return
        if mark != ",":
            raise ValueError(f"expected ',' or '}}' in an object, found {mark or 'the end'!r}")


_NON_SPACE = re.compile(r"\S")
_JSON_DECODER = json.JSONDecoder()
#: A single JSON value larger than this is not read (malformed input must not fill memory).
MAX_JSON_VALUE = 256 * 1024 * 1024


class _ValueReader:
    """Decodes JSON values one at a time from a binary stream, at C speed, keeping only the
    unread rest of the current chunk in memory. ``json``'s own recursion limit refuses
    pathological nesting (``RecursionError``), which a prefix-tracking reader would not.
    """

    __slots__ = ("_buffer", "_decoder", "_end", "_handle", "_pos", "_want")

    def __init__(self, handle: IO[bytes], head: bytes, codec: str) -> None:
        self._handle = handle
        self._decoder = codecs.getincrementaldecoder(codec)(errors="replace")
        self._buffer = self._decoder.decode(head)
        self._pos = 0
        self._end = False
        self._want = _HEAD

    def _fill(self) -> bool:
        """Append the next chunk to the unread rest; ``False`` at the end of the input."""
        if self._end:
            return False
        data = self._handle.read(self._want)
        self._end = not data
        rest = self._buffer[self._pos :]
        if len(rest) > MAX_JSON_VALUE:
            raise ValueError(f"a JSON value longer than {MAX_JSON_VALUE:,} characters")
        self._buffer = rest + self._decoder.decode(data, final=self._end)
        self._pos = 0
        return True

    def peek(self) -> str:
        """The next character that is not whitespace (``""`` at the end), not consumed."""
        while (found := _NON_SPACE.search(self._buffer, self._pos)) is None:
            self._pos = len(self._buffer)
            if not self._fill():
                return ""
        self._pos = found.start()
        return found.group()

    def skip(self) -> None:
        """Consume the character :meth:`peek` returned."""
        self._pos += 1

    def value(self) -> Any:
        """The next JSON value (``ValueError`` when malformed, ``RecursionError`` too deep)."""
        self.peek()
        while True:
            try:
                value, end = _JSON_DECODER.raw_decode(self._buffer, self._pos)
            except ValueError:
                if not self._grow():
                    raise
                continue
            if end < len(self._buffer) or self._end or isinstance(value, dict | list | str):
                self._pos = end
                return value
            self._grow()  # a number or literal at the chunk end may go on in the next chunk

    def _grow(self) -> bool:
        """Read more for a value cut by the chunk end (read sizes double: linear overall)."""
        if not self._fill():
            return False
        self._want = min(self._want * 2, 64 * _HEAD)
        return True


def _json_error(exc: BaseException) -> str:
    """The first line of a JSON parser's message (yajl adds a multi-line pointer)."""
    if isinstance(exc, RecursionError):
        return "nesting too deep"
    return str(exc).strip().split("\n", 1)[0] or type(exc).__name__


def _is_utf8(head: bytes) -> bool:
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


class _Cp1252(io.RawIOBase):
    """Re-encodes a cp1252 byte stream as UTF-8 (the only encoding the JSON reader takes)."""

    def __init__(self, raw: io.RawIOBase) -> None:
        self._raw = raw
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if not self._pending:
            chunk = self._raw.read(max(1, len(buffer) // 2))
            if not chunk:
                return 0
            self._pending = chunk.decode("cp1252", errors="replace").encode("utf-8")
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


class _Replay(io.RawIOBase):
    """A binary stream that gives back the already-read ``head`` before the rest of ``handle``."""

    def __init__(self, head: bytes, handle: IO[bytes]) -> None:
        self._head = memoryview(head)
        self._handle = handle

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head.nbytes:
            size = min(len(buffer), self._head.nbytes)
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        data = self._handle.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


FORMAT = Format(
    name=NAME,
    description="UK Parliament Written Questions API JSON (item, list, envelope, JSON Lines)",
    detect=detect,
    parse=parse,
    stream=stream,
)
