"""Lines of a document with their offsets, the unit every page-text parser works on."""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["Line", "split_lines"]


class Line(NamedTuple):
    """One line, stripped: ``text == document[start:end]``; blank lines have ``text == ""``.

    A named tuple, not an attrs class: long listings make hundreds of thousands of them.
    """

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
    append = lines.append
    position = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped is raw:
            append(Line(raw, position, position + len(raw)))
        elif stripped:
            start = position + len(raw) - len(raw.lstrip())
            append(Line(stripped, start, start + len(stripped)))
        else:
            append(Line("", position, position))
        position += len(raw) + 1
    return lines
