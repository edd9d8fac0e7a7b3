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


_NEW_TUPLE = tuple.__new__


def split_lines(text: str) -> list[Line]:
    """Every line of ``text`` (blank ones included) with stripped text and exact offsets."""
    lines: list[Line] = []
    append = lines.append
    new = _NEW_TUPLE  # tuple.__new__ builds a Line in C (Line(...) runs a Python __new__)
    line = Line
    position = 0
    for raw in text.split("\n"):
        end = position + len(raw)
        stripped = raw.strip()
        if stripped is raw:
            append(new(line, (raw, position, end)))
        elif stripped:
            start = end - len(raw.lstrip())
            append(new(line, (stripped, start, start + len(stripped))))
        else:
            append(new(line, ("", position, position)))
        position = end + 1
    return lines
