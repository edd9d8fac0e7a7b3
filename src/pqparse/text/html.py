"""HTML to clean text lines with a hardened lxml parser.

Block elements become line breaks (paragraph-like ones a blank line), table rows become lines
of cells joined by ``" | "``, list items become lines, scripts/styles vanish and `image alt texts
(``"X Portrait"`` captions) are dropped. Traversal is iterative, so deeply nested markup cannot
exhaust the stack.
"""

from __future__ import annotations

import functools
import re
from collections import deque
from collections.abc import Iterator

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


#: Layouts by exact tag for the renderer: plain tags map to the ``_PLAIN`` object itself, so
#: that the common inline case is one identity test.
_RENDER_LAYOUTS: dict[object, _Layout] = {
    tag: _PLAIN if layout == _PLAIN else layout for tag, layout in _LAYOUTS.items()
}
#: The marker for pending line breaks: one boundary, or two or more (a blank line).
_MARKERS = (_BREAK, _BREAK * 2)


@functools.lru_cache(maxsize=256)
def _render_layout(tag: object) -> _Layout:
    """``_layout`` of a tag the table lacks (unknown or odd-case tags, comments), cached."""
    layout = _layout(tag)
    return _PLAIN if layout == _PLAIN else layout


def element_to_text(root: etree._Element) -> str:
    """Render an element tree as clean text lines (see module docstring).

    Raw text is gathered once in document order. Block boundaries add to a count of pending
    line breaks; the first visible text after them is preceded by a marker (one for a single
    boundary, two for more: a blank line) and whitespace-only text leaves them pending.
    Whitespace is folded once at the end, where markers become line breaks and the spaces
    before them vanish. The traversal is iterative: one ``iter()`` in document order, an
    element with children stays open until the next element whose parent it is not.
    """
    pieces: list[str] = []
    add = pieces.append
    layouts = _RENDER_LAYOUTS.get
    plain = _PLAIN
    markers = _MARKERS
    breaks = 0  # block boundaries since the last visible text
    cells_in_row: list[int] = []
    outside = top = root.getparent()
    open_elements: list[tuple[etree._Element, int, int]] = []  # (element, after, role)
    walk = root.iter()
    for element in walk:
        if element.getparent() is not top:  # close the elements that ended before this one
            parent = element.getparent()
            while True:
                closing, after, role = open_elements.pop()
                if after:
                    breaks += after
                    if role == _ROW:
                        cells_in_row.pop()
                tail = closing.tail
                if tail and (not breaks or not tail.isspace()):
                    if breaks:
                        add(markers[breaks > 1])
                        tail = tail.lstrip()
                        breaks = 0
                    add(tail)
                top = open_elements[-1][0] if open_elements else outside
                if parent is top:
                    break
        tag = element.tag
        layout = layouts(tag) or _render_layout(tag)
        if layout is not plain:
            before, after, role = layout
            if role:
                if role == _SKIP:
                    _skip_content(element, walk)
                    tail = element.tail
                    if tail and (not breaks or not tail.isspace()):
                        if breaks:
                            add(markers[breaks > 1])
                            tail = tail.lstrip()
                            breaks = 0
                        add(tail)
                    continue
                if role == _CELL:
                    if cells_in_row:
                        if cells_in_row[-1]:
                            if breaks:
                                add(markers[breaks > 1])
                                add("| ")
                                breaks = 0
                            else:
                                add(" | ")
                        cells_in_row[-1] += 1
                elif len(element):  # a row with cells to count
                    cells_in_row.append(0)
                else:
                    role = _FLOW
            breaks += before
        else:
            after = role = 0
        text = element.text
        if text and (not breaks or not text.isspace()):
            if breaks:
                add(markers[breaks > 1])
                text = text.lstrip()
                breaks = 0
            add(text)
        if len(element):
            open_elements.append((element, after, role))
            top = element
            continue
        breaks += after
        tail = element.tail
        if tail and (not breaks or not tail.isspace()):
            if breaks:
                add(markers[breaks > 1])
                tail = tail.lstrip()
                breaks = 0
            add(tail)
    while open_elements:  # the root and its last descendants end with the tree
        closing, after, _ = open_elements.pop()
        breaks += after
        tail = closing.tail
        if tail and (not breaks or not tail.isspace()):
            if breaks:
                add(markers[breaks > 1])
                tail = tail.lstrip()
                breaks = 0
            add(tail)
    # Markers come right before visible text, so splitting on whitespace keeps them whole;
    # only a space before a marker is left to drop, and markers before any text.
    text = " ".join("".join(pieces).split())
    if _BREAK in text:
        text = text.replace(" " + _BREAK, _BREAK).lstrip(_BREAK).replace(_BREAK, "\n")
    return text


def html_to_text(markup: str) -> str:
    """Parse HTML ``markup`` and render it as clean text lines (``""`` if unparseable)."""
    root = parse_html(markup)
    return "" if root is None else element_to_text(root)
