"""HTML rendered to text exactly as :func:`pqparse.text.html.element_to_text` does, plus the
span of every element's content in that text.

Formats that read HTML by its structure (classes, ids) need to know where each element's text
landed in ``Document.text``; rendering once while recording offsets avoids searching for
values again afterwards.
"""

from __future__ import annotations

import attrs
from lxml import etree

from pqparse.text.html import _CELLS, _LINE_BLOCKS, _PARAGRAPH_BLOCKS, _SKIPPED

__all__ = ["RenderedHtml", "render_with_spans"]


@attrs.frozen
class RenderedHtml:
    """The rendered text and, per element, the ``(start, end)`` of its content in it.

    An element that renders no text (scripts, buttons, empty elements) has an empty span at
    the position where it sits.
    """

    text: str
    spans: dict[etree._Element, tuple[int, int]]
    #: Rendered elements by class token and by id, in document order.
    by_class: dict[str, list[etree._Element]]
    by_id: dict[str, etree._Element]

    def having(self, *classes: str) -> list[etree._Element]:
        """Elements that carry every one of ``classes``, in document order."""
        first = self.by_class.get(classes[0], [])
        if len(classes) == 1:
            return first
        rest = set(classes[1:])
        return [el for el in first if rest <= set((el.get("class") or "").split())]


def render_with_spans(root: etree._Element) -> RenderedHtml:
    """Render ``root`` like ``element_to_text`` and record every element's content span.

    Spacing follows the regex clean-up of ``element_to_text``: whitespace folded to single
    spaces, no spaces at line edges, at most one blank line, nothing at either end.
    """
    parts: list[str] = []
    spans: dict[etree._Element, tuple[int, int]] = {}
    waiting: list[etree._Element] = []  # opened elements that have no text yet
    by_class: dict[str, list[etree._Element]] = {}
    by_id: dict[str, etree._Element] = {}
    length = 0
    newlines = 0
    space = False

    def feed(raw: str) -> None:
        nonlocal length, newlines, space
        words = raw.split()
        if not words:
            space = True
            return
        if raw[0].isspace():
            space = True
        if length:
            if newlines:
                parts.append("\n" * newlines)
                length += newlines
            elif space:
                parts.append(" ")
                length += 1
        if waiting:
            for element in waiting:
                spans[element] = (length, length)
            waiting.clear()
        piece = " ".join(words)
        parts.append(piece)
        length += len(piece)
        newlines = 0
        space = raw[-1].isspace()

    cells_in_row: list[int] = []
    skipping = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if event == "start":
            if skipping or tag in _SKIPPED:
                skipping += 1
                continue
            if tag in _PARAGRAPH_BLOCKS:
                newlines = 2
            elif tag in _LINE_BLOCKS and newlines < 2:
                newlines += 1
            if tag == "tr":
                cells_in_row.append(0)
            elif tag in _CELLS and cells_in_row:
                if cells_in_row[-1]:
                    feed(" | ")
                cells_in_row[-1] += 1
            waiting.append(element)
            classes = element.get("class")
            if classes:
                for token in classes.split():
                    by_class.setdefault(token, []).append(element)
            identifier = element.get("id")
            if identifier:
                by_id.setdefault(identifier, element)
            if element.text:
                feed(element.text)
            continue
        if skipping:
            skipping -= 1
            spans[element] = (length, length)
            if skipping == 0 and element.tail:
                feed(element.tail)
            continue
        opened = spans.get(element)
        if opened is None:
            waiting.pop()  # properly nested: the element ending now was opened last
            spans[element] = (length, length)
        else:
            spans[element] = (opened[0], length)
        if tag in _PARAGRAPH_BLOCKS:
            newlines = 2
        elif tag in _LINE_BLOCKS and tag != "br" and newlines < 2:
            newlines += 1
        if tag == "tr" and cells_in_row:
            cells_in_row.pop()
        if element.tail:
            feed(element.tail)
    return RenderedHtml("".join(parts), spans, by_class, by_id)
