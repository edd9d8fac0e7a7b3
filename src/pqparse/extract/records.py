"""Build :class:`Question` and :class:`Answer` from located stretches of document text.

Every format finds *where* the question and answer paragraphs are; these functions turn
those stretches into clean values with references (spans into the document) and the
addressee/department/house the question text implies.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence

from pqparse.extract.departments import find_addressee
from pqparse.extract.refs import find_question_refs, pieces_with_hints
from pqparse.models import Answer, House, Member, Minister, Question, QuestionRef
from pqparse.text.normalize import clean_inline

__all__ = [
    "HOLDING_ANSWER",
    "HOLDING_HINTS",
    "all_clean",
    "answer_from",
    "is_holding_text",
    "question_from",
    "refs_in",
]

#: Wording of answers that only promise a later answer.
HOLDING_ANSWER = re.compile(
    r"not be possible to (?:answer|respond to) this question within the usual time"
    r"|An answer is being prepared and will be provided as soon as"
    r"|will (?:reply|answer) (?:to the (?:hon\.|noble) \w+ )?as soon as possible",
    re.IGNORECASE,
)

#: Every ``HOLDING_ANSWER`` alternative contains one of these words: a cheap exact pre-check
#: that spares answers the regex scan (keep it in step when adding an alternative).
HOLDING_HINTS = ("possible", "prepared")
# Letters that the case-insensitive pattern takes for a hint's "s" or "i" but that
# lower-case to something else: the long s, the dotless i and the dotted capital I.
_HINT_LOOKALIKES = ("\u017f", "\u0131", "\u0130")

Stretch = tuple[int, int]


def is_holding_text(text: str) -> bool:
    """True when ``text`` has holding-answer wording (:data:`HOLDING_ANSWER`)."""
    if not any(map(text.lower().__contains__, HOLDING_HINTS)) and (
        text.isascii() or not any(map(text.__contains__, _HINT_LOOKALIKES))
    ):
        return False
    return HOLDING_ANSWER.search(text) is not None


def refs_in(
    text: str, stretches: Iterable[Stretch], default_year: int | None, base: int = 0
) -> tuple[QuestionRef, ...]:
    """References in each ``text[start:end]`` stretch; spans are ``base`` + offsets in ``text``."""
    spans = list(stretches)
    return _refs_in_pieces([text[s:e] for s, e in spans], spans, default_year, base)


def _refs_in_pieces(
    pieces: Sequence[str],
    spans: Sequence[Stretch],
    default_year: int | None,
    base: int,
    not_after: datetime.date | None = None,
) -> tuple[QuestionRef, ...]:
    """References in each piece (the text of the matching span)."""
    if len(pieces) == 1:
        return find_question_refs(
            pieces[0], offset=base + spans[0][0], default_year=default_year, not_after=not_after
        )
    # Only pieces with a reference hint can hold one: found by one scan of all pieces.
    found: list[QuestionRef] = []
    for index in pieces_with_hints(pieces):
        found.extend(
            find_question_refs(
                pieces[index],
                offset=base + spans[index][0],
                default_year=default_year,
                not_after=not_after,
            )
        )
    return tuple(found)


def question_from(
    text: str,
    stretch: Stretch,
    *,
    asked_by: Member | None = None,
    asked_on: datetime.date | None = None,
    department: str | None = None,
    date_for_answer: datetime.date | None = None,
    default_year: int | None = None,
    base: int = 0,
) -> tuple[Question, House | None]:
    """The question in ``text[start:end]`` and the house its wording implies.

    ``department`` given by the source wins over the one implied by the addressee.
    ``base`` is added to reference spans (when ``text`` is one part of the document text).
    """
    start, end = stretch
    piece = text[start:end]
    body = clean_inline(piece)
    addressee = find_addressee(body)
    year = default_year if default_year is not None else (asked_on.year if asked_on else None)
    question = Question(
        text=body,
        asked_by=asked_by,
        asked_on=asked_on,
        department=department or addressee.department,
        addressee=addressee.title,
        date_for_answer=date_for_answer,
        references=find_question_refs(
            piece, offset=base + start, default_year=year, not_after=asked_on
        ),
    )
    return question, addressee.house


def _non_blank(text: str, paragraphs: Sequence[Stretch]) -> tuple[list[Stretch], list[str]]:
    """The stretches that hold more than whitespace, and their text."""
    kept: list[Stretch] = []
    pieces: list[str] = []
    for start, end in paragraphs:
        piece = text[start:end]
        if piece.strip():
            kept.append((start, end))
            pieces.append(piece)
    return kept, pieces


def answer_from(
    text: str,
    paragraphs: Sequence[Stretch],
    *,
    answered_by: Minister | None = None,
    answered_on: datetime.date | None = None,
    is_holding: bool | None = None,
    is_correction: bool = False,
    default_year: int | None = None,
    base: int = 0,
    clean: bool = False,
) -> Answer:
    """The answer made of the paragraph stretches (empty ones skipped).

    ``is_holding=None`` means the source does not say: holding wording decides.
    ``base`` is added to reference spans. ``clean=True`` promises that every stretch is
    already clean text (non-empty, ``clean_inline`` leaves it unchanged), so none is
    skipped or re-folded.
    """
    if clean:
        kept = list(paragraphs)
        pieces = [text[start:end] for start, end in kept]
        cleaned = tuple(pieces)
    else:
        kept, pieces = _non_blank(text, paragraphs)
        cleaned = tuple(clean_inline(piece) for piece in pieces)
    joined = "\n\n".join(cleaned)
    if is_holding is None:
        is_holding = is_holding_text(joined)
    year = default_year if default_year is not None else (answered_on.year if answered_on else None)
    return Answer(
        text=joined,
        paragraphs=cleaned,
        answered_by=answered_by,
        answered_on=answered_on,
        is_holding=is_holding,
        is_correction=is_correction,
        references=_refs_in_pieces(pieces, kept, year, base, answered_on),
    )


def all_clean(text: str, stretches: list[tuple[int, int]]) -> bool:
    """Whether every stretch is already clean text (what ``answer_from(clean=True)`` needs).

    A stripped stretch is clean when it is not empty and holds no whitespace but single
    spaces: every other whitespace character is unprintable, so ``isprintable`` and no double
    space prove it (a cautious test: other unprintable text just takes the general path).
    """
    for start, end in stretches:
        piece = text[start:end]
        if not piece or not piece.isprintable() or "  " in piece or " " in (piece[0], piece[-1]):
            return False
    return True
