"""HTML rendered to text exactly as :func:`pqparse.text.html.element_to_text` does, plus the
span of every element's content in that text.

Formats that read HTML by its structure (classes, ids) need to know where each element's text
landed in ``Document.text``; rendering once while recording offsets avoids searching for
values again afterwards.
"""

from __future__ import annotations

from typing import Any

import attrs
from lxml import etree

from pqparse.text.html import _CELL, _LAYOUTS, _ROW, _SKIP, _layout

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
        """Add ``raw`` (not whitespace only) after the pending space or line breaks."""
        nonlocal length, newlines, space
        words = raw.split()
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
    open_elements: list[list[Any]] = []  # [children still to read, layout, element]
    walk = root.iter()
    for element in walk:
        tag = element.tag
        layout = _LAYOUTS.get(tag) or _layout(tag)
        before, after, role = layout
        if role == _SKIP:  # not rendered: it and its content sit where they are, empty
            here = (length, length)
            spans[element] = here
            if len(element):
                for inner, _ in zip(element.iterdescendants(), walk, strict=False):
                    spans[inner] = here
            tail = element.tail
            if tail:
                if tail.isspace():
                    space = True
                else:
                    feed(tail)
        else:
            if before:
                newlines = 2 if newlines or before == 2 else 1
            if role == _ROW:
                cells_in_row.append(0)
            elif role == _CELL and cells_in_row:
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
            text = element.text
            if text:
                if text.isspace():
                    space = True
                else:
                    feed(text)
            children = len(element)
            if children:
                open_elements.append([children, layout, element])
                continue
            if waiting:  # no text inside: an empty span where it sits
                waiting.pop()  # properly nested: the element ending now was opened last
                spans[element] = (length, length)
            else:
                spans[element] = (spans[element][0], length)
            if after:
                newlines = 2 if newlines or after == 2 else 1
            if role == _ROW and cells_in_row:
                cells_in_row.pop()
            tail = element.tail
            if tail:
                if tail.isspace():
                    space = True
                else:
                    feed(tail)
        # the element is done: close the ancestors whose last child it was
        while open_elements:
            parent = open_elements[-1]
            parent[0] -= 1
            if parent[0]:
                break
            open_elements.pop()
            _, (_, after, role), element = parent
            opened = spans.get(element)
            if opened is None:
                waiting.pop()
                spans[element] = (length, length)
            else:
                spans[element] = (opened[0], length)
            if after:
                newlines = 2 if newlines or after == 2 else 1
            if role == _ROW and cells_in_row:
                cells_in_row.pop()
            tail = element.tail
            if tail:
                if tail.isspace():
                    space = True
                else:
                    feed(tail)
    return RenderedHtml("".join(parts), spans, by_class, by_id)
