"""HTML rendered to text exactly as :func:`pqparse.text.html.element_to_text` does, plus the
span of every element's content in that text.

Formats that read HTML by its structure (classes, ids) need to know where each element's text
landed in ``Document.text``; rendering once while recording offsets avoids searching for
values again afterwards.
"""

from __future__ import annotations

import attrs
from lxml import etree

from pqparse.text.html import _CELL, _PLAIN, _RENDER_LAYOUTS, _ROW, _SKIP, _render_layout

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
    spaces, no spaces at line edges, at most one blank line, nothing at either end. Text is
    folded piece by piece as it is added; an element's span starts where the first text added
    after it opened landed (``starts``), or is empty where it ends if none was. The traversal
    is one ``iter()`` in document order; an element with children stays open until the next
    element whose parent it is not.
    """
    parts: list[str] = []
    add = parts.append
    spans: dict[etree._Element, tuple[int, int]] = {}
    starts: list[int] = []  # where each added piece of text begins
    by_class: dict[str, list[etree._Element]] = {}
    by_id: dict[str, etree._Element] = {}
    length = 0
    newlines = 0  # block boundaries since the last text (2 or more: a blank line)
    space = False  # whitespace since the last text

    def feed(raw: str) -> None:
        """Add ``raw`` (not whitespace only) after the pending space or line breaks."""
        nonlocal length, newlines, space
        piece = " ".join(raw.split())
        if length:
            if newlines:
                if newlines > 1:
                    add("\n\n")
                    length += 2
                else:
                    add("\n")
                    length += 1
            elif space or raw[0] != piece[0]:  # the piece lost leading whitespace
                add(" ")
                length += 1
        starts.append(length)
        add(piece)
        length += len(piece)
        newlines = 0
        space = raw[-1] != piece[-1]

    layouts = _RENDER_LAYOUTS.get
    plain = _PLAIN
    cells_in_row: list[int] = []
    outside = top = root.getparent()
    open_elements: list[tuple[etree._Element, int, int, int]] = []  # element, after, role, fed
    walk = root.iter()
    for element in walk:
        if element.getparent() is not top:  # close the elements that ended before this one
            parent = element.getparent()
            while True:
                closing, after, role, fed = open_elements.pop()
                spans[closing] = (starts[fed], length) if len(starts) > fed else (length, length)
                if after:
                    newlines += after
                    if role == _ROW:
                        cells_in_row.pop()
                tail = closing.tail
                if tail:
                    if tail.isspace():
                        space = True
                    else:
                        feed(tail)
                top = open_elements[-1][0] if open_elements else outside
                if parent is top:
                    break
        tag = element.tag
        layout = layouts(tag) or _render_layout(tag)
        if layout is not plain:
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
                continue
            newlines += before
            if role == _ROW:
                cells_in_row.append(0)
            elif role == _CELL and cells_in_row:
                if cells_in_row[-1]:
                    feed(" | ")
                cells_in_row[-1] += 1
        else:
            after = role = 0
        fed = len(starts)
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
        if len(element):
            open_elements.append((element, after, role, fed))
            top = element
            continue
        spans[element] = (starts[fed], length) if len(starts) > fed else (length, length)
        if after:
            newlines += after
            if role == _ROW:
                cells_in_row.pop()
        tail = element.tail
        if tail:
            if tail.isspace():
                space = True
            else:
                feed(tail)
    while open_elements:  # the root and its last descendants end with the tree
        closing, after, _, fed = open_elements.pop()
        spans[closing] = (starts[fed], length) if len(starts) > fed else (length, length)
        newlines += after
        tail = closing.tail
        if tail:
            if tail.isspace():
                space = True
            else:
                feed(tail)
    return RenderedHtml("".join(parts), spans, by_class, by_id)
