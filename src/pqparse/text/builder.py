"""Build a document text piece by piece, keeping the span of every piece.

Structured formats (JSON, XML) have no page text; they render each record as labelled
lines with this builder so that ``Document.text`` exists and every span points into it.
"""

from __future__ import annotations

__all__ = ["TextBuilder"]


class TextBuilder:
    """Append-only text with spans; joining happens once, in :meth:`text`."""

    __slots__ = ("_length", "_parts")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0

    @property
    def position(self) -> int:
        """Offset the next appended piece starts at."""
        return self._length

    def append(self, value: str) -> tuple[int, int]:
        """Append ``value`` verbatim; returns its ``(start, end)``."""
        start = self._length
        self._parts.append(value)
        self._length += len(value)
        return start, self._length

    def line(self, value: str, label: str = "") -> tuple[int, int]:
        """Append ``label`` + ``value`` and a newline; returns the span of ``value`` alone."""
        if label:
            self.append(label)
        span = self.append(value)
        self.append("\n")
        return span

    def text(self) -> str:
        """Everything appended so far."""
        return "".join(self._parts)
