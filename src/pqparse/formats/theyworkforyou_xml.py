"""TheyWorkForYou / parlparse written answers XML (``scrapedxml/wrans``, ``lordswrans``).

One file per sitting day: a ``<publicwhip>`` root whose children are siblings —
``<major-heading>`` (the department, Commons only), ``<minor-heading>`` (the subject of a
question group), ``<gidredirect>`` (other numbers of the group), one ``<ques>`` per asker
and the ``<reply>`` that answers them all. Each ``<ques>`` becomes one record; grouped
askers share the answer. Superseded versions of a day (``latest="no"``) give no records
(PQ107). ``Document.text`` is a labelled rendering of the records (``Heading:``,
``Question 12345 asked by …:``, ``Answered by …:``); spans index into it. The file is read
with :mod:`pqparse.text.xml` (hardened, streaming). See ``docs/formats/theyworkforyou-xml.md``.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any

from lxml import etree

from pqparse.extract.dates import parse_date
from pqparse.extract.departments import department_for_office
from pqparse.extract.records import answer_from, question_from
from pqparse.formats.base import Format, Parsed
from pqparse.models import House, Legislature, Member, Minister, Span, WrittenQuestion
from pqparse.report import Report
from pqparse.text.normalize import normalize_text
from pqparse.text.xml import chunks_of, decode_xml_stream, iterparse_safe

__all__ = ["FORMAT", "NAME", "detect", "parse", "stream"]

NAME = "theyworkforyou-xml"

_TOP_LEVEL = (
    "publicwhip",
    "major-heading",
    "minor-heading",
    "ques",
    "reply",
    "gidredirect",
    "wrans",
)
_ROOT = re.compile(r"<publicwhip\b")
_WRANS_CUES = re.compile(r"<(?:ques|reply|wrans)\b|uk\.org\.publicwhip/wrans/")
_DETECT_HEAD = 65_536

#: ``uk.org.publicwhip/wrans/{date}{version}.{key}.{suffix}``
_GID = re.compile(r"/wrans/(?P<date>\d{4}-\d{2}-\d{2})(?P<version>[a-z]?)\.(?P<key>[^.\s]+)\.")
#: Era B ``url``: ``.../written-questions/detail/{date tabled}/{uin}``
_URL_TABLED = re.compile(r"/written-questions/detail/(\d{4}-\d{2}-\d{2})/")
_QNUM = re.compile(r"^(?:HL)?\d+$")
_QNUM_MARK = re.compile(r"(?<=\d)R$")
_SPACES = re.compile(r"\s+")
_CAPITAL_WORD = re.compile(r"[A-Za-z][A-Za-z']*")
_SMALL_WORDS = frozenset({"and", "of", "for", "the", "in", "on", "to", "a", "an", "at", "by"})
_ACRONYMS = frozenset({"HM", "UK", "EU", "NHS", "BBC", "HMRC", "DFID", "GCHQ"})
_BREAKS = frozenset(
    {
        "br",
        "p",
        "div",
        "li",
        "tr",
        "td",
        "th",
        "table",
        "ul",
        "ol",
        "caption",
        "blockquote",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
    }
)
_SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_CONTAINERS = frozenset({"div", "blockquote", "section", "article"})
_LISTS = frozenset({"ul", "ol"})
_CELLS = frozenset({"td", "th"})
_ANY_CASE_CELLS = frozenset({"td", "th", "TD", "TH"})
_LINE_BREAKS = frozenset({"br", "BR"})
_SUPERSCRIPTS = frozenset({"sup", "SUP"})
_UK_PARLIAMENT = Legislature.UK_PARLIAMENT
#: What an element that completes no group gives (never appended to).
_NO_RECORDS: tuple[WrittenQuestion, ...] = ()
#: Unmatched ``altques`` redirects wait this many groups for the group they name.
_MAX_CARRIED_REDIRECT_AGE = 1


def detect(text: str) -> float:
    """Score ``text`` as a parlparse written answers file (high for ``<publicwhip>`` + wrans)."""
    head = text[:_DETECT_HEAD]
    if _ROOT.search(head) is None:
        return 0.0
    return 0.95 if _WRANS_CUES.search(head) else 0.3


# --- reading one element ------------------------------------------------------------------


def _clean(text: str) -> str:
    """Whitespace runs folded (the input is normalised before parsing, see :func:`stream`).

    Text that is already folded comes back as it is: ``str.split`` splits only at
    whitespace, every whitespace character but the space is unprintable, so printable text
    without a double, leading or trailing space is what the fold would give.
    """
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def _has_text(text: str | None) -> bool:
    return bool(text) and not text.isspace()  # type: ignore[union-attr]


def _local(tag: Any) -> str | None:
    """Lower-case tag name (``<I>`` and ``<i>`` alike); ``None`` for comments and PIs."""
    return tag.lower() if isinstance(tag, str) else None


def prepare_inline_markup(element: etree._Element) -> None:
    """Fix, in place, the inline markup whose text would otherwise run together.

    ``<br/>`` becomes a space; a superscript of digits becomes superscript digits
    ("19,660<sup>1</sup>" → "19,660¹", never "19,6601"). One C-level walk per element.
    """
    for node in element.iter():  # by tag in Python: iter(*tags) builds a matcher per call
        tag = node.tag
        if tag in _LINE_BREAKS:
            node.tail = " " + (node.tail or "")
        elif tag in _SUPERSCRIPTS and len(node) == 0 and node.text and node.text.strip().isdigit():
            node.text = node.text.strip().translate(_SUPERSCRIPT_DIGITS)


def _collect(element: etree._Element, parts: list[str]) -> None:
    """Descendant text with a space at each block boundary (cells holding paragraphs)."""
    if element.text:
        parts.append(element.text)
    for child in element:
        tag = child.tag
        if isinstance(tag, str):
            if tag.lower() in _BREAKS:
                parts.append(" ")
            _collect(child, parts)
        if child.tail:
            parts.append(child.tail)


def _text_of(element: etree._Element) -> str:
    """Every text node inside ``element`` (not its tail), joined in C."""
    return etree.tostring(element, method="text", encoding="unicode", with_tail=False)


def element_text(element: etree._Element) -> str:
    """All text inside ``element`` (inline markup flattened), whitespace folded."""
    if len(element) == 0:
        return _clean(element.text or "")
    return _clean(_text_of(element))


def block_text(element: etree._Element) -> str:
    """Like :func:`element_text`, but paragraphs inside (``<td><p>``) stay apart."""
    if len(element) == 0:
        return _clean(element.text or "")
    parts: list[str] = []
    _collect(element, parts)
    return _clean("".join(parts))


def _table_rows(table: etree._Element) -> tuple[list[str], bool]:
    """The caption and one line per row, cells joined by ``" | "``; and whether every line
    is clean text (a row is unless a cell is empty: the join then leaves extra spaces)."""
    rows: list[str] = []
    clean = True
    for caption in table.iterchildren("caption", "CAPTION"):
        text = element_text(caption)
        if text:
            rows.append(text)
    for row in table.iter("tr", "TR"):
        cells = [
            block_text(cell) if len(cell) else _clean(cell.text) if cell.text else ""
            for cell in row
            if cell.tag in _ANY_CASE_CELLS
        ]
        if any(cells):
            rows.append(" | ".join(cells))
            if clean and not all(cells):
                clean = False
    return rows, clean


def _qnum(raw: str) -> str | None:
    """A question number as printed, without a trailing ``R``; ``None`` for "0" (missing)."""
    if raw.isdigit():
        return raw if raw.strip("0") else None
    value = _QNUM_MARK.sub("", _SPACES.sub("", raw).upper())
    return None if not value or value.strip("0") == "" else value


class _Speech:
    """What pqparse needs from one ``<ques>`` or ``<reply>`` (the element is freed after)."""

    __slots__ = (
        "clean",
        "dropped_note",
        "gid",
        "holding",
        "holding_on",
        "paragraphs",
        "person_id",
        "qnums",
        "speaker",
        "speakerid",
        "url",
        "versioned",
    )

    def __init__(self, element: etree._Element, asked: bool) -> None:
        """Read a ``<ques>`` (``asked``) or a ``<reply>`` (whose url and columns are unused)."""
        get = element.get
        speaker = get("speakername")
        self.speaker = _clean(speaker) or None if speaker else None
        self.gid = get("id")
        self.speakerid = get("speakerid")
        self.person_id = get("person_id")
        if asked:
            self.url = get("url")
            self.versioned = get("colnum") is not None or get("oldstyleid") is not None
        else:
            self.url = None
            self.versioned = False
        self.paragraphs: list[str] = []
        self.qnums: list[str] = []
        self.holding: str | None = None
        self.holding_on: datetime.date | None = None
        self.dropped_note = False
        self.clean = True
        self._read_speech(element, asked)

    def _add(self, text: str) -> None:
        text = _clean(text)
        if text:
            self.paragraphs.append(text)

    def _read_speech(self, speech: etree._Element, asked: bool) -> None:
        """The blocks of the ``<ques>``/``<reply>``: ordinary paragraphs read inline, the
        rest through :meth:`_read_block`; inline markup is prepared only where there is some.
        The question numbers of ordinary paragraphs are read in questions only (nothing
        reads a reply's numbers).
        """
        paragraphs = self.paragraphs
        qnums = self.qnums
        text = speech.text
        if text and not text.isspace():
            self._add(text)
        for child in speech:
            tag = child.tag
            # an ordinary paragraph: no "error" or "holdinganswer" class (a class is a
            # substring of the attribute, so this test never misses one)
            if tag == "p" and (
                (kind := child.get("class")) is None
                or ("error" not in kind and "holdinganswer" not in kind)
            ):
                if len(child):
                    prepare_inline_markup(child)
                    text = _clean(_text_of(child))
                else:
                    text = child.text
                    text = _clean(text) if text else ""
                if text:
                    paragraphs.append(text)
                if (
                    asked
                    and (qnum := child.get("qnum")) is not None
                    and (number := _qnum(qnum))
                    and number not in qnums
                ):
                    qnums.append(number)
            elif isinstance(tag, str):
                prepare_inline_markup(child)
                self._read_block(child)
            tail = child.tail
            if tail and not tail.isspace():
                self._add(tail)

    def _read_blocks(self, container: etree._Element) -> None:
        text = container.text
        if text and not text.isspace():
            self._add(text)
        for child in container:
            if isinstance(child.tag, str):
                self._read_block(child)
            tail = child.tail
            if tail and not tail.isspace():
                self._add(tail)

    def _read_block(self, child: etree._Element) -> None:
        """One element inside the speech (its inline markup already prepared)."""
        tag = child.tag
        name = tag if tag == "p" else tag.lower()
        if name == "table":
            rows, clean = _table_rows(child)
            self.paragraphs.extend(rows)
            if not clean:
                self.clean = False
        elif name in _LISTS:
            items = child.iterchildren("li", "LI")
            self.paragraphs.extend(text for item in items if (text := block_text(item)))
        elif name in _CONTAINERS:
            self._read_blocks(child)
        else:
            self._read_paragraph(child)

    def _read_paragraph(self, paragraph: etree._Element) -> None:
        kind = paragraph.get("class")
        classes = kind.split() if kind else ()
        if "error" in classes:  # parlparse's own "Question number missing" note
            self.dropped_note = True
            return
        if len(paragraph):
            text = element_text(paragraph)
        else:  # element_text without the call
            text = _clean(paragraph.text) if paragraph.text else ""
        if "holdinganswer" in classes:
            self.holding = text
            self.holding_on = _holding_date(paragraph, text)
            return
        qnum = paragraph.get("qnum")
        if qnum is not None and (number := _qnum(qnum)) and number not in self.qnums:
            self.qnums.append(number)
        if text:
            self.paragraphs.append(text)


def _holding_date(paragraph: etree._Element, text: str) -> datetime.date | None:
    for phrase in paragraph.iter("phrase"):
        code = phrase.get("code")
        if phrase.get("class") == "date" and code:
            try:
                return datetime.date.fromisoformat(code)
            except ValueError:
                break
    return parse_date(text.replace("holding answer", "", 1))


def _title_case(capitals: str) -> str:
    """Hansard's capitals in title case: "CULTURE, MEDIA AND SPORT" → "Culture, Media and Sport"."""
    first = True

    def word(match: re.Match[str]) -> str:
        nonlocal first
        value = match.group()
        lower = value.lower()
        if value in _ACRONYMS:
            result = value
        elif lower in _SMALL_WORDS and not first:
            result = lower
        else:
            result = value[0] + value[1:].lower()
        first = False
        return result

    return _CAPITAL_WORD.sub(word, capitals)


@functools.lru_cache(maxsize=1024)
def department_name(heading: str) -> str | None:
    """The department a major heading names, as the government names it where known.

    Era A prints the office's subject in capitals ("HOME DEPARTMENT", "WORK AND PENSIONS"):
    it is resolved through the office table ("Secretary of State for the Home Department" →
    "Home Office"), else title-cased. Era B headings are already department names.
    """
    heading = _clean(heading)
    if not heading:
        return None
    if any(char.islower() for char in heading):
        return heading
    title = _title_case(heading)
    return (
        department_for_office(title)
        or department_for_office(f"Secretary of State for {title}")
        or department_for_office(f"Secretary of State for the {title}")
        or title
    )


# --- groups: heading + questions + reply --------------------------------------------------


class _Group:
    __slots__ = ("cut", "heading", "questions", "redirects", "replies")

    def __init__(self, heading: str | None) -> None:
        self.heading = heading
        self.questions: list[_Speech] = []
        self.replies: list[_Speech] = []
        self.redirects: list[str] = []
        self.cut = False


def _gid_parts(gid: str | None) -> tuple[datetime.date | None, str, str | None]:
    """``(date, version letter, key)`` of a gid.

    The search starts at the first ``/wrans/`` (where any match starts, at the earliest).
    """
    if not gid or (at := gid.find("/wrans/")) < 0:
        return None, "", None
    match = _GID.search(gid, at)
    if match is None:
        return None, "", None
    date, version, key = match.groups()
    return _iso_day(date), version, key


@functools.lru_cache(maxsize=256)
def _iso_day(text: str) -> datetime.date | None:
    """The day an ISO ``YYYY-MM-DD`` string names (``None`` when there is none: 2009-02-30)."""
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def _house(
    uin: str | None, question: _Speech, replies: list[_Speech], wording: House | None
) -> House | None:
    """From the number, else the first member link (the asker's, then the replies'), else
    the question's wording."""
    if uin:
        if uin.startswith("HL"):
            return House.LORDS
        if uin.isdigit():
            return House.COMMONS
    for speakerid in (question.speakerid, *(reply.speakerid for reply in replies)):
        if speakerid and "/lord/" in speakerid:
            return House.LORDS
        if speakerid and "/member/" in speakerid:
            return House.COMMONS
    return wording


def _question_label(speech: _Speech) -> str:
    numbers = ", ".join(speech.qnums)
    noun = "Questions" if len(speech.qnums) > 1 else "Question"
    head = f"{noun} {numbers}" if numbers else "Question"
    return f"{head} asked by {speech.speaker}:" if speech.speaker else f"{head}:"


def _reply_label(speech: _Speech) -> str:
    label = f"Answered by {speech.speaker}" if speech.speaker else "Answer"
    return f"{label} [{speech.holding}]:" if speech.holding else f"{label}:"


class _DayReader:
    """Turns the top-level elements of one file into records, rendering the document text."""

    def __init__(self, report: Report, parts: list[str] | None) -> None:
        self.report = report
        self.parts = parts
        self.offset = 0
        self.department: str | None = None
        self.plain_root = False
        self.group: _Group | None = None
        self.heading: str | None = None
        self.redirects: list[tuple[str, str, int]] = []
        self.stopped = False

    # rendering ----------------------------------------------------------------------------

    def emit(self, text: str) -> int:
        """Append ``text`` to the document text; returns its start offset."""
        start = self.offset
        if self.parts is not None:
            self.parts.append(text)
        self.offset += len(text)
        return start

    def unparsed(self, what: str, text: str) -> None:
        text = _clean(text)
        if not text:
            return
        start = self.emit(text + "\n\n")
        self.report.at("PQ103", f"unparsed text in {what}: {text[:60]!r}", start, start + len(text))

    # the root -------------------------------------------------------------------------------

    def start(self, root: etree._Element) -> bool:
        """Check the root; ``False`` when the file gives no records."""
        name = _local(root.tag)
        if name != "publicwhip":
            self.report.add("PQ100", f"the root element is <{root.tag}>, not <publicwhip>")
            return False
        if (root.get("latest") or "").strip().lower() == "no":
            version = root.get("scrapeversion") or "?"
            self.report.add(
                "PQ107",
                f'superseded version "{version}" of the day (latest="no"): its questions are '
                'in the file marked latest="yes"; no records read',
            )
            return False
        self.plain_root = root.get("scrapeversion") is None and root.get("latest") is None
        if _has_text(root.text):
            self.unparsed("<publicwhip>", root.text or "")
        return True

    # elements -------------------------------------------------------------------------------

    def element(self, element: etree._Element) -> Sequence[WrittenQuestion]:
        """Records completed by one top-level element (mostly none)."""
        name = element.tag  # one of _TOP_LEVEL exactly (the iterparse tag filter)
        done: Sequence[WrittenQuestion] = _NO_RECORDS
        if name == "ques":
            if self.group is None or self.group.replies:
                done = self.finish_group()
                self.group = _Group(self.heading)
            self.group.questions.append(_Speech(element, True))
        elif name == "reply":
            if self.group is None:
                self.group = _Group(self.heading)
            self.group.replies.append(_Speech(element, False))
        elif name == "minor-heading":
            done = self.finish_group()
            self.heading = element_text(element) or None
            self.group = _Group(self.heading)
        elif name == "major-heading":
            done = self.finish_group()
            self.heading = None
            raw = element_text(element)
            self.department = department_name(raw)
            if raw:
                self.emit(f"Department: {raw}\n\n")
        elif name == "gidredirect":
            self.redirect(element)
        elif name == "wrans":
            self.report.add(
                "PQ100",
                "legacy Public Whip (2003) <wrans> layout: not supported; use the parlparse "
                "scrapedxml/wrans files",
            )
            self.stopped = True
        else:
            self.unparsed(f"<{element.tag}>", element_text(element))
        tail = element.tail
        if tail and not tail.isspace():
            self.unparsed(f"text after <{element.tag}>", tail)
        return done

    def redirect(self, element: etree._Element) -> None:
        if element.get("matchtype") != "altques":
            return
        _, _, old = _gid_parts(element.get("oldgid"))
        _, _, new = _gid_parts(element.get("newgid"))
        if old and new and _QNUM.match(old):
            self.redirects.append((old, new, 0))

    def cut_off(self, partial: etree._Element | None) -> Iterator[WrittenQuestion]:
        """The input ended (or broke) inside the day: ``partial`` is the unfinished element."""
        name = _local(partial.tag) if partial is not None else None
        if name in ("ques", "reply") and partial is not None:
            if name == "ques" and self.group is not None and self.group.replies:
                yield from self.finish_group()
            if self.group is None:
                self.group = _Group(self.heading)
            speeches = self.group.questions if name == "ques" else self.group.replies
            speeches.append(_Speech(partial, name == "ques"))
            self.group.cut = True
        elif self.group is not None and not self.group.replies:
            self.group.cut = True
        yield from self.finish_group()

    # one group --------------------------------------------------------------------------------

    def grouped_extra(self, key: str | None) -> list[str]:
        extra: list[str] = []
        kept: list[tuple[str, str, int]] = []
        for old, new, age in self.redirects:
            if new == key:
                extra.append(old)
            elif age < _MAX_CARRIED_REDIRECT_AGE:
                kept.append((old, new, age + 1))
        self.redirects = kept
        return extra

    def finish_group(self) -> Sequence[WrittenQuestion]:
        """The records of the open group (none for a heading or replies alone)."""
        group, self.group = self.group, None
        if group is None:
            return _NO_RECORDS
        if not group.questions:
            if group.replies:
                for reply in group.replies:
                    self.unparsed("a reply without a question", " ".join(reply.paragraphs))
            elif group.heading:
                self.emit(f"Heading: {group.heading}\n\n")
            return _NO_RECORDS
        return _GroupRenderer(self, group).records()


class _GroupRenderer:
    """Renders one question group into the document text and builds its records.

    The group text is kept as a list of lines and the running offset (spans are computed
    as the lines are added; the text is joined once).
    """

    __slots__ = ("base", "day", "group", "lines", "position")

    def __init__(self, day: _DayReader, group: _Group) -> None:
        self.day = day
        self.group = group
        self.lines: list[str] = []
        self.position = 0
        self.base = day.offset

    def line(self, value: str) -> tuple[int, int]:
        """Append ``value`` as one line; its span (without the newline) in the group text."""
        start = self.position
        self.lines.append(value)
        self.position = end = start + len(value)
        self.position += 1
        return start, end

    def paragraphs(self, values: list[str]) -> list[tuple[int, int]]:
        """Append each of ``values`` as one line; their spans."""
        spans: list[tuple[int, int]] = []
        position = self.position
        for value in values:
            end = position + len(value)
            spans.append((position, end))
            position = end + 1
        self.lines.extend(values)
        self.position = position
        return spans

    def stretch(self, values: list[str]) -> tuple[int, int]:
        """Append each of ``values`` (at least one) as one line; the span they cover."""
        start = self.position
        self.lines.extend(values)
        end = start + sum(map(len, values)) + len(values) - 1
        self.position = end + 1
        return start, end

    def at(self, code: str, message: str, span: tuple[int, int]) -> None:
        self.day.report.at(code, message, self.base + span[0], self.base + span[1])

    def records(self) -> list[WrittenQuestion]:
        day, group = self.day, self.group
        if group.heading:
            self.line(f"Heading: {group.heading}")
        questions, replies = group.questions, group.replies
        first = questions[0]
        first_day, version, key = _gid_parts(first.gid)
        # Era B: no version letter and no columns; a bare root, or (should the root carry
        # attributes) questions linked to their questions-statements page
        era_b = not version and not first.versioned and (day.plain_root or bool(_tabled_on(first)))
        asked_on = first_day if era_b else None
        answered_on = None if era_b else (first_day or _gid_parts(_first_gid(group))[0])
        known = answered_on or asked_on
        year = known.year if known else None
        stretches = [self.question(speech) for speech in questions]
        answer_stretches, minister = self.replies()
        end = self.position - 1
        self.lines.append("\n")  # the blank line closing the group
        text = "\n".join(self.lines)
        answer = None
        if replies:
            answer = answer_from(
                text,
                answer_stretches,
                answered_by=minister,
                answered_on=answered_on,
                is_holding=False if _any_holding(replies) else None,
                default_year=year,
                base=self.base,
                clean=_all_clean(replies),
            )
        if len(questions) == 1 and not day.redirects:
            group_numbers = list(dict.fromkeys(first.qnums))
        else:
            numbers = [n for speech in questions for n in speech.qnums]
            numbers.extend(day.grouped_extra(key))
            group_numbers = list(dict.fromkeys(numbers))
        base = self.base
        span = Span(base, base + end)
        if group.cut:
            self.at("PQ102", "the input ends inside this question group", (0, end))
        elif not replies:
            self.at("PQ104", "no reply follows the question", (0, end))
        day.emit(text)
        department = day.department
        complete = not group.cut
        heading = group.heading
        answer_extra = _answer_extra(replies[0]) if replies else {}
        records: list[WrittenQuestion] = []
        for speech, stretch in zip(questions, stretches, strict=True):
            qnums = speech.qnums
            uin = qnums[0] if qnums else None
            question, wording_house = question_from(
                text,
                stretch,
                asked_by=_member(speech.speaker) if speech.speaker else None,
                asked_on=_tabled_on(speech) or asked_on if era_b else None,
                department=department,
                default_year=year,
                base=base,
            )
            if len(group_numbers) == 1 and group_numbers[0] == uin:
                grouped: tuple[str, ...] = ()
            else:
                grouped = tuple(n for n in group_numbers if n != uin)
            record = WrittenQuestion(
                heading=heading,
                uin=uin,
                legislature=_UK_PARLIAMENT,
                house=_house(uin, speech, replies, wording_house),
                grouped_question_ids=grouped,
                question=question,
                answer=answer,
                complete=complete,
                span=span,
                extra=_extra(speech, answer_extra),
            )
            records.append(record)
        return records

    def question(self, speech: _Speech) -> tuple[int, int]:
        """The label and paragraphs of one question; the span of its paragraphs."""
        label = self.line(_question_label(speech))
        paragraphs = speech.paragraphs
        if not speech.qnums:
            self.at("PQ104", "the question has no number (qnum)", label)
        if speech.speaker is None:
            self.at("PQ104", "the question has no speakername", label)
        if not paragraphs:
            self.at("PQ104", "the question text is missing", label)
            return label[1], label[1]
        # one paragraph, the usual case, is one line
        stretch = self.line(paragraphs[0]) if len(paragraphs) == 1 else self.stretch(paragraphs)
        if speech.dropped_note:
            self.at("PQ106", "parlparse notes the question may be truncated", stretch)
        return stretch

    def replies(self) -> tuple[list[tuple[int, int]], Minister | None]:
        stretches: list[tuple[int, int]] = []
        minister: Minister | None = None
        replies = self.group.replies
        for index, reply in enumerate(replies):
            label = self.line(_reply_label(reply))
            if index == 0 and reply.speaker:
                # the files name no role: the minister's department is unknown (the
                # department heading is the question's department, never copied here)
                minister = _minister(reply.speaker)
            elif index > 0 and reply.speaker != replies[0].speaker:
                self.at("PQ105", f"a second reply, by {reply.speaker}, is merged in", label)
            stretches.extend(self.paragraphs(reply.paragraphs))
        return stretches, minister


def _any_holding(replies: list[_Speech]) -> bool:
    """True when a reply has a holding answer note (one reply, the usual case, first)."""
    if len(replies) == 1:
        return bool(replies[0].holding)
    return any(reply.holding for reply in replies)


def _all_clean(replies: list[_Speech]) -> bool:
    """True when every reply paragraph is clean text (see :attr:`_Speech.clean`)."""
    if len(replies) == 1:
        return replies[0].clean
    return all(reply.clean for reply in replies)


def _tabled_on(speech: _Speech) -> datetime.date | None:
    """Era B: the date tabled in the question's own url (grouped questions differ)."""
    match = _URL_TABLED.search(speech.url or "")
    if match is None:
        return None
    try:
        return datetime.date.fromisoformat(match.group(1))
    except ValueError:
        return None


def _first_gid(group: _Group) -> str | None:
    return next((s.gid for s in [*group.questions, *group.replies] if s.gid), None)


def _extra(question: _Speech, answer_extra: dict[str, str]) -> dict[str, str]:
    """Source fields without a contract field (keys in docs/formats/theyworkforyou-xml.md);
    ``answer_extra`` is the group's :func:`_answer_extra`."""
    extra: dict[str, str] = {}
    if question.gid:
        extra["gid"] = question.gid
    if question.url:
        extra["url"] = question.url
    if question.person_id:
        extra["asked_by_person_id"] = question.person_id
    if question.speakerid and question.speakerid != "unknown":
        extra["asked_by_speakerid"] = question.speakerid
    if answer_extra:
        extra.update(answer_extra)
    return extra


def _answer_extra(reply: _Speech) -> dict[str, str]:
    """The source fields of the (first) reply, shared by the group's records."""
    extra: dict[str, str] = {}
    if reply.person_id:
        extra["answered_by_person_id"] = reply.person_id
    if reply.speakerid and reply.speakerid != "unknown":
        extra["answered_by_speakerid"] = reply.speakerid
    if reply.holding_on is not None:
        extra["holding_answer_on"] = reply.holding_on.isoformat()
    return extra


@functools.lru_cache(maxsize=4096)
def _member(name: str) -> Member:
    """The asker named ``name`` (one immutable value per name)."""
    return Member(name=name)


@functools.lru_cache(maxsize=1024)
def _minister(name: str) -> Minister:
    """The minister named ``name``; the files name no role, so no department either."""
    return Minister(name=name, role=None, department=None)


# --- the event loop -------------------------------------------------------------------------


def _unknown_before(element: etree._Element, day: _DayReader) -> None:
    """Report unknown top-level elements between the previous known one and ``element``."""
    unknown: list[etree._Element] = []
    previous = element.getprevious()
    while previous is not None and previous.tag not in _TOP_LEVEL:
        unknown.append(previous)
        previous = previous.getprevious()
    for stray in reversed(unknown):
        if _local(stray.tag) is not None:
            day.unparsed(f"<{stray.tag}>", element_text(stray))
        if _has_text(stray.tail):
            day.unparsed(f"text after <{stray.tag}>", stray.tail or "")


def _unknown_after(root: etree._Element, last: etree._Element | None, day: _DayReader) -> None:
    """Report unknown top-level elements after the last known one (at the end of the day)."""
    for child in root:
        if child is last:
            continue
        if _local(child.tag) is not None:
            day.unparsed(f"<{child.tag}>", element_text(child))
        if _has_text(child.tail):
            day.unparsed(f"text after <{child.tag}>", child.tail or "")


def _read(
    chunks: Iterable[str], report: Report, parts: list[str] | None
) -> Iterator[WrittenQuestion]:
    """Records of one file given as text chunks; ``parts`` collects the document text."""
    notes: list[str] = []
    day = _DayReader(report, parts)
    root: etree._Element | None = None
    last: etree._Element | None = None
    events, feed = iterparse_safe(chunks, notes, tag=_TOP_LEVEL)
    try:
        try:
            for _event, element in events:
                if root is None:
                    root = element.getroottree().getroot()
                    if not day.start(root):
                        return
                previous = element.getprevious()
                if previous is last and previous is not None:
                    root.remove(previous)  # all that came before, done with (memory)
                else:
                    # not the next sibling of the last known element: the root, an element
                    # nested inside another, the first one, or one after unknown elements
                    if element is root:
                        _unknown_after(root, last, day)
                        break
                    if element.getparent() is not root:
                        continue
                    if previous is not None:
                        _unknown_before(element, day)  # the last known element stops the walk
                    while previous is not None:
                        root.remove(previous)
                        previous = element.getprevious()
                done = day.element(element)
                if done:
                    yield from done
                if day.stopped:
                    return
                element.clear(keep_tail=True)  # freed in C now: cheaper to remove later
                last = element
        except etree.XMLSyntaxError as error:
            yield from _broken(error, feed.ends_at(error), root, last, day)
            return
        whole = getattr(events, "root", None)  # no event at all: the root is not <publicwhip>
        if root is None and whole is not None and not day.start(whole):
            return
        yield from day.finish_group()
    finally:
        for note in notes:
            report.add("PQ403", note)


def _broken(
    error: etree.XMLSyntaxError,
    at_end: bool,
    root: etree._Element | None,
    last: etree._Element | None,
    day: _DayReader,
) -> Iterator[WrittenQuestion]:
    """The parser stopped: a cut-off file (error at the end of input) or malformed markup."""
    if root is None:
        day.report.add("PQ401", f"not well-formed XML: {error.msg}")
        return
    if not at_end:
        day.report.add("PQ401", f"malformed XML, reading stopped: {error.msg}")
    partial = root[-1] if len(root) and root[-1] is not last else None
    yield from day.cut_off(partial)


# --- entry points ---------------------------------------------------------------------------


def parse(text: str, report: Report) -> Parsed:
    """Parse one day file (already decoded text)."""
    parts: list[str] = []
    records = tuple(_read(chunks_of(text), report, parts))
    document_text = "".join(parts)
    report.text = document_text
    return Parsed(document_text, records)


def stream(handle: IO[bytes], report: Report) -> Iterator[WrittenQuestion]:
    """Records of a binary day file (or a large dump), in constant memory.

    Chunks are normalised as :func:`pqparse.parse` normalises whole inputs, so streaming
    and parsing give the same records.
    """
    yield from _read(_normalized(decode_xml_stream(handle)), report, None)


#: Every ASCII control character except ``\\n``: an ASCII chunk free of them holds nothing
#: that :func:`normalize_text` changes (its ASCII targets are ``\\r`` and controls).
_ASCII_CONTROLS = bytes([*range(0x0A), *range(0x0B, 0x20), 0x7F])


def normalize_chunk(text: str) -> str:
    """``normalize_text(text)``, with an exact fast path for plain ASCII chunks.

    ``bytes.translate`` deletes the controls in one C pass; when nothing was deleted the
    chunk has no ``\\r``, no odd space and no invisible character, so it is returned as is.
    """
    if text.isascii():
        data = text.encode("ascii")
        if len(data.translate(None, _ASCII_CONTROLS)) == len(data):
            return text
    return normalize_text(text)


def _normalized(chunks: Iterable[str]) -> Iterator[str]:
    """``normalize_text`` chunk by chunk (a ``\\r`` at a chunk end waits for its ``\\n``)."""
    carry = ""
    for chunk in chunks:
        text = carry + chunk
        carry = "\r" if text.endswith("\r") else ""
        # tabs (Era A indentation) first, by plain replace: the same result, much faster
        yield normalize_chunk(text[: len(text) - len(carry)].replace("\t", " "))
    if carry:
        yield normalize_text(carry)


FORMAT = Format(
    name=NAME,
    description="TheyWorkForYou / parlparse written answers XML (wrans, lordswrans)",
    detect=detect,
    parse=parse,
    stream=stream,
)
