"""HTML to clean text lines with a hardened lxml parser.

Block elements become line breaks (paragraph-like ones a blank line), table rows become lines
of cells joined by ``" | "``, list items become lines, scripts/styles vanish and `image alt texts
(``"X Portrait"`` captions) are dropped. Traversal is iterative, so deeply nested markup cannot
exhaust the stack.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import cast

from lxml import etree, html

__all__ = ["HTML_PARSER", "html_paragraphs", "html_to_text", "looks_like_html", "parse_html"]

HTML_PARSER = html.HTMLParser(
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
_WHITESPACE = re.compile(r"\s+")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_LINE_EDGES = re.compile(r" *\n *")
_BLANK_RUNS = re.compile(r"\n{3,}")


def looks_like_html(text: str) -> bool:
    """True when the first few kilobytes contain HTML tags."""
    return _LOOKS_LIKE_HTML.search(text, 0, 16384) is not None


def parse_html(markup: str) -> etree._Element | None:
    """Parse ``markup`` with the hardened parser; ``None`` when nothing could be built."""
    markup = re.sub(r"^\s*<\?xml[^>]*>", "", markup, count=1)
    try:
        root = html.fromstring(markup, parser=HTML_PARSER)
    except (etree.ParserError, ValueError):
        return None
    return root


def element_to_text(root: etree._Element) -> str:
    """Render an element tree as clean text lines (see module docstring)."""
    pieces: list[str] = []
    cells_in_row: list[int] = []
    skipping = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.lower()
        if event == "start":
            if skipping or tag in _SKIPPED:
                skipping += 1
                continue
            if tag in _PARAGRAPH_BLOCKS:
                pieces.append("\n\n")
            elif tag in _LINE_BLOCKS:
                pieces.append("\n")
            if tag == "tr":
                cells_in_row.append(0)
            elif tag in _CELLS and cells_in_row:
                if cells_in_row[-1]:
                    pieces.append(" | ")
                cells_in_row[-1] += 1
            if element.text:
                pieces.append(_WHITESPACE.sub(" ", element.text))
            continue
        # end event
        if skipping:
            skipping -= 1
            if skipping == 0 and element.tail:
                pieces.append(_WHITESPACE.sub(" ", element.tail))
            continue
        if tag in _PARAGRAPH_BLOCKS:
            pieces.append("\n\n")
        elif tag in _LINE_BLOCKS and tag != "br":
            pieces.append("\n")
        if tag == "tr" and cells_in_row:
            cells_in_row.pop()
        if element.tail:
            pieces.append(_WHITESPACE.sub(" ", element.tail))
    text = _SPACES.sub(" ", "".join(pieces).replace("\n ", "\n"))
    text = _LINE_EDGES.sub("\n", text)
    return _BLANK_RUNS.sub("\n\n", text).strip("\n ")


def html_to_text(markup: str) -> str:
    """Parse HTML ``markup`` and render it as clean text lines (``""`` if unparseable)."""
    root = parse_html(markup)
    return "" if root is None else element_to_text(root)


_FRAGMENT_BREAKS = frozenset(
    {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "br", "hr", "table"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "caption", "section", "article", "header", "footer"}
    | {"address", "figure", "figcaption", "center", "body", "html", "td", "th"}
)
#: Plain lxml elements (no ``lxml.html`` class lookup in Python): fragments parse ~2× faster.
_FRAGMENT_PARSER = etree.HTMLParser(
    no_network=True, remove_comments=True, remove_pis=True, huge_tree=False
)
_SIMPLE_BLOCKS = frozenset(
    {"p", "div", "li", "dt", "dd", "blockquote", "pre", "address", "center", "caption"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "figcaption"}
)
_INLINE = frozenset(
    {"a", "abbr", "b", "big", "cite", "code", "del", "em", "font", "i", "ins", "mark", "q"}
    | {"s", "small", "span", "strike", "strong", "sub", "sup", "time", "u"}
)


def _texts(element: etree._Element) -> Iterator[str]:
    """Text pieces of ``element``'s subtree (always ``str``: the markup was a ``str``)."""
    return cast(Iterator[str], element.itertext())


def _inline_only(element: etree._Element) -> bool:
    return all(child.tag in _INLINE for child in element.iterdescendants())


def _add_paragraph(paragraphs: list[str], pieces: list[str]) -> None:
    if pieces:
        text = " ".join("".join(pieces).split())
        if text:
            paragraphs.append(text)
        pieces.clear()


def html_paragraphs(markup: str) -> list[str]:
    """Paragraphs of an HTML fragment (an API answer): one per block or list item, one per
    table row with its cells joined by ``" | "`` (a ``<p>`` inside a cell does not split the
    row); whitespace folded, empty spacer paragraphs (``<p>&nbsp;</p>``) dropped.
    """
    try:
        root = etree.fromstring(markup, _FRAGMENT_PARSER)
    except (etree.LxmlError, ValueError):
        return []
    if root is None:
        return []
    body = root.find("body")
    container = root if body is None else body
    paragraphs: list[str] = []
    loose: list[str] = [container.text] if container.text else []
    for child in container:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _SIMPLE_BLOCKS and _inline_only(child):  # the common case: a plain <p>
            _add_paragraph(paragraphs, loose)
            _add_paragraph(paragraphs, list(_texts(child)))
        elif tag in _INLINE and _inline_only(child):
            loose.extend(_texts(child))
        elif tag:
            _add_paragraph(paragraphs, loose)
            paragraphs.extend(_walk_paragraphs(child))
        if child.tail:
            loose.append(child.tail)
    _add_paragraph(paragraphs, loose)
    return paragraphs


def _walk_paragraphs(top: etree._Element) -> list[str]:
    """Paragraphs of one element with nested blocks, lists or tables (its tail excluded)."""
    paragraphs: list[str] = []
    current: list[str] = []
    rows: list[list[str]] = []
    cells: list[list[str]] = []
    skipping = 0
    for event, element in etree.iterwalk(top, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if skipping or tag in _SKIPPED:
                skipping += 1
                continue
            if tag in _CELLS and rows:
                cells.append([])
            elif tag == "tr":
                _add_paragraph(paragraphs, current)
                rows.append([])
            elif tag in _FRAGMENT_BREAKS:
                if cells:
                    cells[-1].append(" ")
                else:
                    _add_paragraph(paragraphs, current)
            if element.text and tag:
                (cells[-1] if cells else current).append(element.text)
            continue
        tail = element.tail if element is not top else None
        if skipping:
            skipping -= 1
            if skipping == 0 and tail:
                (cells[-1] if cells else current).append(tail)
            continue
        if tag in _CELLS and cells:
            rows[-1].append(" ".join("".join(cells.pop()).split()))
        elif tag == "tr" and rows:
            row = rows.pop()
            if any(row):
                paragraphs.append(" ".join(" | ".join(row).split()))
        elif tag in _FRAGMENT_BREAKS:
            if cells:
                cells[-1].append(" ")
            else:
                _add_paragraph(paragraphs, current)
        if tail:
            (cells[-1] if cells else current).append(tail)
    _add_paragraph(paragraphs, current)
    return paragraphs
