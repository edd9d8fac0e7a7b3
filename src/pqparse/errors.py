"""Exceptions and the catalogue of diagnostic codes.

Codes are stable: ``PQ1xx`` structure, ``PQ2xx`` dates, ``PQ3xx`` references (reserved:
the reference extractor refuses doubtful citations instead of reporting them), ``PQ4xx``
encoding and markup, ``PQ5xx`` input limits. ``docs/diagnostics.md`` lists them all.
"""

from __future__ import annotations

import attrs

from pqparse.models import Diagnostic, DiagnosticLevel, Span

__all__ = ["CODES", "DiagnosticCode", "ParseError", "UnknownFormatError", "line_of"]


@attrs.frozen
class DiagnosticCode:
    """One entry of the catalogue: code, default level, short title."""

    code: str
    level: DiagnosticLevel
    title: str


def _catalogue(*entries: tuple[str, DiagnosticLevel, str]) -> dict[str, DiagnosticCode]:
    return {code: DiagnosticCode(code, level, title) for code, level, title in entries}


CODES: dict[str, DiagnosticCode] = _catalogue(
    ("PQ100", "error", "no records found"),
    ("PQ101", "error", "unknown format"),
    ("PQ102", "warning", "record cut off"),
    ("PQ103", "warning", "unparsed text"),
    ("PQ104", "warning", "missing field"),
    ("PQ105", "warning", "unexpected value"),
    ("PQ106", "warning", "truncated text"),
    ("PQ107", "warning", "superseded version"),
    ("PQ199", "error", "internal parser error"),
    ("PQ200", "warning", "unreadable date"),
    ("PQ400", "warning", "encoding repaired"),
    ("PQ401", "error", "malformed markup"),
    ("PQ402", "error", "malformed JSON"),
    ("PQ403", "warning", "entity not expanded"),
    ("PQ500", "error", "input too large"),
    ("PQ501", "error", "unreadable input"),
)


def line_of(text: str, offset: int) -> int:
    """1-based line number of ``offset`` in ``text``."""
    return text.count("\n", 0, max(0, min(offset, len(text)))) + 1


class ParseError(ValueError):
    """Raised in strict mode for the first error; carries ``code``, ``span`` and ``line``."""

    def __init__(
        self,
        message: str,
        *,
        code: str = "PQ100",
        span: Span | None = None,
        line: int | None = None,
    ) -> None:
        where = f" (line {line})" if line is not None else ""
        super().__init__(f"{code}: {message}{where}")
        self.code = code
        self.span = span
        self.line = line

    @classmethod
    def from_diagnostic(cls, diagnostic: Diagnostic, text: str) -> ParseError:
        """Build the exception for ``diagnostic`` found in ``text``."""
        line = line_of(text, diagnostic.span.start) if diagnostic.span else None
        error_cls = UnknownFormatError if diagnostic.code == "PQ101" else cls
        return error_cls(diagnostic.message, code=diagnostic.code, span=diagnostic.span, line=line)


class UnknownFormatError(ParseError):
    """The input matches none of the supported formats."""
