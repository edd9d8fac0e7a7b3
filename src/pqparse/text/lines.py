"""Lines of a document with their offsets, the unit every page-text parser works on."""

from __future__ import annotations

import attrs

__all__ = ["Line", "split_lines"]


@attrs.frozen
class Line:
    """One line, stripped: ``text == document[start:end]``; blank lines have ``text == ""``."""

    text: str
    start: int
    end: int

    @property
    def blank(self) -> bool:
        """True for an empty or whitespace-only line."""
        return not self.text


def split_lines(text: str) -> list[Line]:
    """Every line of ``text`` (blank ones included) with stripped text and exact offsets."""
    lines: list[Line] = []
    position = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            start = position + lead
            lines.append(Line(stripped, start, start + len(stripped)))
        else:
            lines.append(Line("", position, position))
        position += len(raw) + 1
    return lines
