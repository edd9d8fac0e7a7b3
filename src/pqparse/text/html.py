"""HTML to clean text lines with a hardened lxml parser.

Block elements become line breaks (paragraph-like ones a blank line), table rows become lines
of cells joined by ``" | "``, list items become lines, scripts/styles vanish and `image alt texts
(``"X Portrait"`` captions) are dropped. Traversal is iterative, so deeply nested markup cannot
exhaust the stack.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from typing import Any

from lxml import etree
from lxml.html import defs as html_defs

__all__ = ["HTML_PARSER", "element_to_text", "html_to_text", "looks_like_html", "parse_html"]

#: Plain lxml elements: no ``lxml.html`` class lookup in Python for every element proxy, which
#: made parsing and every traversal of the tree about twice as slow. Callers use the plain
#: ``etree`` API only.
HTML_PARSER = etree.HTMLParser(
    no_network=True,
    remove_comments=True,
    remove_pis=True,
    huge_tree=False,
)

_LOOKS_LIKE_HTML = re.compile(
    r"<(?:!doctype\s+html|html|head|body|div|p|span|table|article|section|main|h[1-6]|ul|li|a\s)\b",
    re.IGNORECASE,
)
_SKIPPED = frozenset(
    {"script", "style", "noscript", "template", "head", "svg", "button", "select", "iframe"}
)
_PARAGRAPH_BLOCKS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "table", "pre", "dl"}
)
_LINE_BLOCKS = frozenset(
    {
        "div",
        "li",
        "tr",
        "br",
        "section",
        "article",
        "header",
        "footer",
        "nav",
        "main",
        "aside",
        "figure",
        "figcaption",
        "address",
        "form",
        "hr",
        "dt",
        "dd",
        "title",
        "caption",
        "tbody",
        "thead",
        "tfoot",
        "body",
        "html",
        "details",
        "summary",
        "label",
        "fieldset",
        "legend",
        "option",
    }
)
_CELLS = frozenset({"td", "th"})
_XML_DECLARATION = re.compile(r"\s*<\?xml[^>]*>")
#: What ``lxml.html.fromstring`` takes for a whole document rather than a fragment.
_FULL_DOCUMENT = re.compile(r"\s*<(?:html|!doctype)", re.IGNORECASE)
_XHTML = "{http://www.w3.org/1999/xhtml}"
_BLOCK_TAGS = frozenset(html_defs.block_tags)

#: Layout roles of a tag: plain flow, skipped with its content, table row, table cell.
_FLOW, _SKIP, _ROW, _CELL = 0, 1, 2, 3
#: Per tag: line breaks before its content, line breaks after it (2 = a blank line), its role.
_Layout = tuple[int, int, int]
_PLAIN: _Layout = (0, 0, _FLOW)
_LAYOUTS: dict[object, _Layout] = {
    **dict.fromkeys(("a", "b", "em", "i", "img", "span", "strong", "sup", "u"), _PLAIN),
    **{tag: (1, 0 if tag == "br" else 1, _FLOW) for tag in _LINE_BLOCKS},
    **dict.fromkeys(_PARAGRAPH_BLOCKS, (2, 2, _FLOW)),
    **dict.fromkeys(_SKIPPED, (0, 0, _SKIP)),
    **dict.fromkeys(_CELLS, (0, 0, _CELL)),
    "tr": (1, 1, _ROW),
}
#: Stands for the line breaks between blocks while text is gathered: never in lxml text.
_BREAK = "\x00"
_BREAKS = ("", _BREAK, _BREAK * 2)


def looks_like_html(text: str) -> bool:
    """True when the first few kilobytes contain HTML tags."""
    return _LOOKS_LIKE_HTML.search(text, 0, 16384) is not None


def parse_html(markup: str) -> etree._Element | None:
    """Parse ``markup`` with the hardened parser; ``None`` when nothing could be built.

    The root is chosen as ``lxml.html.fromstring`` does: the document for a whole page, the
    single element of a one-element fragment, else the body (renamed ``div``/``span``).
    """
    declaration = _XML_DECLARATION.match(markup)
    if declaration:
        markup = markup[declaration.end() :]
    try:
        document = etree.fromstring(markup, HTML_PARSER)
        if document is None:
            return None
        return document if _FULL_DOCUMENT.match(markup) else _fragment_root(document)
    except (etree.ParserError, ValueError):  # also: text lxml refuses to move (control chars)
        return None


def _fragment_root(document: etree._Element) -> etree._Element:
    """The root ``lxml.html.fromstring`` returns for a fragment (its steps, in order)."""
    bodies = document.findall("body") or document.findall(_XHTML + "body")
    body = bodies[0] if bodies else None
    if body is not None:
        for other in bodies[1:]:
            if other.text:
                if len(body):
                    body[-1].tail = (body[-1].tail or "") + other.text
                else:
                    body.text = (body.text or "") + other.text
            body.extend(other)
            _drop_tree(other)
    heads = document.findall("head") or document.findall(_XHTML + "head")
    if heads:
        for other in heads[1:]:
            heads[0].extend(other)
            _drop_tree(other)
        return document
    if body is None:
        return document
    if (
        len(body) == 1
        and (not body.text or not body.text.strip())
        and (not body[-1].tail or not body[-1].tail.strip())
    ):
        return body[0]
    body.tag = "div" if _has_block(body) else "span"
    return body


def _drop_tree(element: etree._Element) -> None:
    """Remove ``element`` with its content, its tail joined to what precedes it."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + element.tail
        else:
            previous.tail = (previous.tail or "") + element.tail
    parent.remove(element)


def _has_block(element: etree._Element) -> bool:
    for inner in element.iter(etree.Element):
        tag = inner.tag
        if tag.startswith(_XHTML):
            tag = tag[len(_XHTML) :]
        if tag in _BLOCK_TAGS:
            return True
    return False


def _skip_content(element: etree._Element, walk: Iterator[etree._Element]) -> None:
    """Advance ``walk`` (an ``iter()`` in document order, at ``element``) past its content."""
    if len(element):
        deque(zip(element.iterdescendants(), walk, strict=False), maxlen=0)


def _layout(tag: object) -> _Layout:
    """Layout of a tag missing from the table (tag names match case-insensitively)."""
    if isinstance(tag, str):
        lowered = tag.lower()
        if lowered != tag:
            return _LAYOUTS.get(lowered, _PLAIN)
    return _PLAIN


def element_to_text(root: etree._Element) -> str:
    """Render an element tree as clean text lines (see module docstring).

    Raw text is gathered once in document order, with a marker for the pending line breaks
    before the next visible text (at most a blank line); whitespace is folded once at the end.
    The traversal is iterative (``iter()`` with each open element's count of unread children).
    """
    pieces: list[str] = []
    add = pieces.append
    breaks = 0  # line breaks due before the next visible text
    cells_in_row: list[int] = []
    open_elements: list[list[Any]] = []  # [children still to read, layout, element]
    layouts = _LAYOUTS
    walk = root.iter()
    for element in walk:
        tag = element.tag
        layout = layouts.get(tag) or _layout(tag)
        before, after, role = layout
        if role:
            if role == _SKIP:
                _skip_content(element, walk)
                tail = element.tail
                if tail:
                    if breaks:
                        breaks = _flush_breaks(pieces, breaks, tail)
                    else:
                        add(tail)
                after = -1
            elif role == _ROW:
                cells_in_row.append(0)
            elif cells_in_row:
                if cells_in_row[-1]:
                    if breaks:
                        breaks = _flush_breaks(pieces, breaks, " | ")
                    else:
                        add(" | ")
                cells_in_row[-1] += 1
        if after >= 0:
            if before:
                breaks = 2 if breaks or before == 2 else 1
            text = element.text
            if text:
                if breaks:
                    breaks = _flush_breaks(pieces, breaks, text)
                else:
                    add(text)
            children = len(element)
            if children:
                open_elements.append([children, layout, element])
                continue
            if after:
                breaks = 2 if breaks or after == 2 else 1
            if role == _ROW and cells_in_row:
                cells_in_row.pop()
            tail = element.tail
            if tail:
                if breaks:
                    breaks = _flush_breaks(pieces, breaks, tail)
                else:
                    add(tail)
        # the element is done: close the ancestors whose last child it was
        while open_elements:
            parent = open_elements[-1]
            parent[0] -= 1
            if parent[0]:
                break
            open_elements.pop()
            _, (_, after, role), element = parent
            if after:
                breaks = 2 if breaks or after == 2 else 1
            if role == _ROW and cells_in_row:
                cells_in_row.pop()
            tail = element.tail
            if tail:
                if breaks:
                    breaks = _flush_breaks(pieces, breaks, tail)
                else:
                    add(tail)
    # Markers sit between non-space pieces, so splitting on whitespace keeps them whole.
    text = " ".join("".join(pieces).split()).lstrip(_BREAK)
    return text.replace(_BREAK, "\n")


def _flush_breaks(pieces: list[str], breaks: int, text: str) -> int:
    """Add ``text`` after the pending ``breaks``; whitespace-only text leaves them pending.

    Spaces around a line break vanish: trailing whitespace is trimmed from what precedes the
    marker and leading whitespace from ``text``.
    """
    if text.isspace():
        return breaks
    while pieces:
        last = pieces[-1].rstrip()
        if last:
            pieces[-1] = last
            break
        pieces.pop()
    pieces.append(_BREAKS[breaks])
    pieces.append(text.lstrip())
    return 0


def html_to_text(markup: str) -> str:
    """Parse HTML ``markup`` and render it as clean text lines (``""`` if unparseable)."""
    root = parse_html(markup)
    return "" if root is None else element_to_text(root)
