"""HTML rendered to text exactly as :func:`pqparse.text.html.element_to_text` does, plus the
span of every element's content in that text.

Formats that read HTML by its structure (classes, ids) need to know where each element's text
landed in ``Document.text``; rendering once while recording offsets avoids searching for
values again afterwards.
"""

from __future__ import annotations

import attrs
from lxml import etree

from pqparse.text.html import _CELLS, _LINE_BLOCKS, _PARAGRAPH_BLOCKS, _SKIPPED, _WHITESPACE

__all__ = ["RenderedHtml", "render_with_spans"]


@attrs.frozen
class RenderedHtml:
    """The rendered text and, per element, the ``(start, end)`` of its content in it.

    An element that renders no text (scripts, buttons, empty elements) has an empty span at
    the position where it sits.
    """

    text: str
    spans: dict[etree._Element, tuple[int, int]]


class _Writer:
    """Emits text with the same spacing rules as the regex clean-up of ``element_to_text``:
    spaces folded, no spaces at line edges, at most one blank line, nothing at either end."""

    __slots__ = ("length", "newlines", "parts", "space", "waiting")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.newlines = 0
        self.space = False
        self.waiting: dict[etree._Element, None] = {}

    def feed(self, piece: str, starts: dict[etree._Element, tuple[int, int]]) -> None:
        """Append ``piece`` (whitespace already folded to single spaces)."""
        if piece[:1] == " ":
            self.space = True
            piece = piece[1:]
        if not piece:
            return
        trailing = piece[-1] == " "
        if trailing:
            piece = piece[:-1]
        if self.length:
            if self.newlines:
                self._emit("\n" * self.newlines)
            elif self.space:
                self._emit(" ")
        for element in self.waiting:
            starts[element] = (self.length, self.length)
        self.waiting.clear()
        self._emit(piece)
        self.newlines = 0
        self.space = trailing

    def block(self, newlines: int) -> None:
        """Ask for a line break (1) or a blank line (2) before the next text."""
        self.newlines = min(2, self.newlines + newlines)

    def _emit(self, piece: str) -> None:
        self.parts.append(piece)
        self.length += len(piece)


def render_with_spans(root: etree._Element) -> RenderedHtml:
    """Render ``root`` like ``element_to_text`` and record every element's content span."""
    writer = _Writer()
    spans: dict[etree._Element, tuple[int, int]] = {}
    cells_in_row: list[int] = []
    skipping = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if event == "start":
            if skipping or tag in _SKIPPED:
                skipping += 1
                continue
            if tag in _PARAGRAPH_BLOCKS:
                writer.block(2)
            elif tag in _LINE_BLOCKS:
                writer.block(1)
            if tag == "tr":
                cells_in_row.append(0)
            elif tag in _CELLS and cells_in_row:
                if cells_in_row[-1]:
                    writer.feed(" | ", spans)
                cells_in_row[-1] += 1
            writer.waiting[element] = None
            if element.text:
                writer.feed(_WHITESPACE.sub(" ", element.text), spans)
            continue
        if skipping:
            skipping -= 1
            spans[element] = (writer.length, writer.length)
            if skipping == 0 and element.tail:
                writer.feed(_WHITESPACE.sub(" ", element.tail), spans)
            continue
        if element in writer.waiting:
            del writer.waiting[element]
            spans[element] = (writer.length, writer.length)
        else:
            spans[element] = (spans[element][0], writer.length)
        if tag in _PARAGRAPH_BLOCKS:
            writer.block(2)
        elif tag in _LINE_BLOCKS and tag != "br":
            writer.block(1)
        if tag == "tr" and cells_in_row:
            cells_in_row.pop()
        if element.tail:
            writer.feed(_WHITESPACE.sub(" ", element.tail), spans)
    return RenderedHtml("".join(writer.parts), spans)
