"""Collects diagnostics while a document is parsed; raises at the first error in strict mode."""

from __future__ import annotations

from pqparse.errors import CODES, ParseError
from pqparse.models import Diagnostic, Span

__all__ = ["Report"]


class Report:
    """Diagnostics sink shared by every stage of one parse."""

    __slots__ = ("diagnostics", "strict", "text")

    def __init__(self, *, strict: bool = False, text: str = "") -> None:
        self.strict = strict
        self.text = text
        self.diagnostics: list[Diagnostic] = []

    def add(self, code: str, message: str, span: Span | None = None) -> None:
        """Record diagnostic ``code``; in strict mode an error-level code raises."""
        level = CODES[code].level
        diagnostic = Diagnostic(level=level, code=code, message=message, span=span)
        if self.strict and level == "error":
            raise ParseError.from_diagnostic(diagnostic, self.text)
        self.diagnostics.append(diagnostic)

    def at(self, code: str, message: str, start: int, end: int) -> None:
        """Record ``code`` for the stretch ``text[start:end]``."""
        self.add(code, message, Span(start, end))
