"""The typed object model: plain frozen attrs classes, no parsing or serialisation logic.

Field names and order follow ``CONTRACT.md``; the JSON shape is produced by
:mod:`pqparse.serialize`.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Mapping
from typing import Any, Literal

import attrs

__all__ = [
    "Answer",
    "Diagnostic",
    "Document",
    "House",
    "Legislature",
    "Member",
    "Minister",
    "Question",
    "QuestionRef",
    "Span",
    "WrittenQuestion",
]


class House(enum.Enum):
    """A chamber of the UK Parliament."""

    COMMONS = "Commons"
    LORDS = "Lords"


class Legislature(enum.Enum):
    """The legislature a question was tabled in."""

    UK_PARLIAMENT = "uk-parliament"
    SCOTTISH_PARLIAMENT = "scottish-parliament"
    SENEDD = "senedd"
    NI_ASSEMBLY = "ni-assembly"


@attrs.frozen
class Span:
    """Half-open ``[start, end)`` character offsets into :attr:`Document.text`."""

    start: int
    end: int


DiagnosticLevel = Literal["warning", "error"]


@attrs.frozen
class Diagnostic:
    """Something the parser could not read cleanly; ``code`` is from :mod:`pqparse.errors`."""

    level: DiagnosticLevel
    code: str
    message: str
    span: Span | None = None


@attrs.frozen
class Member:
    """A member who asked a question, as the source names them."""

    name: str | None = None
    party: str | None = None
    constituency: str | None = None


@attrs.frozen
class Minister:
    """The minister who answered, with the role as shown and the department it names."""

    name: str
    role: str | None = None
    department: str | None = None


@attrs.frozen
class QuestionRef:
    """A citation of another written question found in question or answer text."""

    id: str
    text: str
    house: House | None
    date: datetime.date | None
    span: Span


@attrs.frozen(kw_only=True)
class Question:
    """The question as tabled."""

    text: str
    asked_by: Member | None = None
    asked_on: datetime.date | None = None
    department: str | None = None
    addressee: str | None = None
    date_for_answer: datetime.date | None = None
    references: tuple[QuestionRef, ...] = ()


@attrs.frozen(kw_only=True)
class Answer:
    """The answer; ``text`` is ``paragraphs`` joined by a blank line."""

    text: str
    paragraphs: tuple[str, ...]
    answered_by: Minister | None = None
    answered_on: datetime.date | None = None
    is_holding: bool = False
    is_correction: bool = False
    references: tuple[QuestionRef, ...] = ()


@attrs.frozen(kw_only=True, repr=False)
class WrittenQuestion:
    """One written question with its answer (if any).

    ``extra`` keeps source fields that have no place in the contract (member ids,
    attachments, original answer of a correction, ...); see ``docs/data-model.md``.
    """

    heading: str | None
    uin: str | None
    legislature: Legislature = Legislature.UK_PARLIAMENT
    house: House | None = None
    named_day: bool | None = None
    registered_interest: bool | None = None
    withdrawn: bool = False
    grouped_question_ids: tuple[str, ...] = ()
    question: Question
    answer: Answer | None = None
    complete: bool = True
    listed_on: datetime.date | None = None
    span: Span
    extra: Mapping[str, Any] = attrs.field(factory=dict, hash=False)

    @property
    def references(self) -> tuple[QuestionRef, ...]:
        """The question's references, then the answer's, in text order."""
        if self.answer is None:
            return self.question.references
        return self.question.references + self.answer.references

    @property
    def referenced_question_ids(self) -> tuple[str, ...]:
        """Ids of cited questions: first-occurrence order, no duplicates, not this record's own."""
        own = {self.uin, *self.grouped_question_ids}
        seen: dict[str, None] = {}
        for ref in self.references:
            if ref.id not in own:
                seen.setdefault(ref.id, None)
        return tuple(seen)

    def __repr__(self) -> str:
        answered = "unanswered" if self.answer is None else f"answered {self.answer.answered_on}"
        return (
            f"<WrittenQuestion {self.uin or '(no UIN)'} {self.heading!r} "
            f"{self.house.value if self.house else '?'}, asked {self.question.asked_on}, "
            f"{answered}{'' if self.complete else ', incomplete'}>"
        )

    def _repr_html_(self) -> str:
        from pqparse.notebook import record_html  # edges import the core, not the reverse

        return record_html(self)


@attrs.frozen(kw_only=True, repr=False)
class Document:
    """The result of parsing one input: records, diagnostics and the text spans index into."""

    format: str
    records: tuple[WrittenQuestion, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    text: str = ""
    url: str | None = None

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        """Diagnostics of level ``error``."""
        return tuple(d for d in self.diagnostics if d.level == "error")

    def __repr__(self) -> str:
        return (
            f"<Document {self.format}: {len(self.records)} record(s), "
            f"{len(self.diagnostics)} diagnostic(s), {len(self.text):,} characters>"
        )

    def _repr_html_(self) -> str:
        from pqparse.notebook import document_html

        return document_html(self)
