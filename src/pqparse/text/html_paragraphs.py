"""HTML answer fragments (API ``answerText``) to clean paragraphs.

One paragraph per block or list item, one per table row with its cells joined by ``" | "``;
whitespace folded, empty spacer paragraphs dropped. Plain blocks take a C-speed text path.
"""

from __future__ import annotations

from lxml import etree

from pqparse.text.html import _CELLS, _SKIPPED, HTML_PARSER

__all__ = ["html_paragraphs"]

_FRAGMENT_BREAKS = frozenset(
    {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "br", "hr", "table"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "caption", "section", "article", "header", "footer"}
    | {"address", "figure", "figcaption", "center", "body", "html", "td", "th"}
)
_SIMPLE_BLOCKS = frozenset(
    {"p", "div", "li", "dt", "dd", "blockquote", "pre", "address", "center", "caption"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "figcaption"}
)
_INLINE = frozenset(
    {"a", "abbr", "b", "big", "cite", "code", "del", "em", "font", "i", "ins", "mark", "q"}
    | {"s", "small", "span", "strike", "strong", "sub", "sup", "time", "u"}
)


def _inline_only(element: etree._Element) -> bool:
    return all(inner.tag in _INLINE for inner in element.iterdescendants())


def _inline_text(element: etree._Element) -> str:
    """``"".join(element.itertext())`` for an element whose descendants are all inline
    elements (no comment or processing instruction), at C speed: libxml2 concatenates the
    same text nodes in the same order (an HTML tree holds no entity references)."""
    return etree.tostring(element, method="text", encoding=str, with_tail=False)


def _folded_text(element: etree._Element) -> str:
    """The text of ``element``'s inline-only subtree (tail excluded), whitespace folded."""
    text = _inline_text(element) if len(element) else element.text
    return " ".join(text.split()) if text else ""


def _add_paragraph(paragraphs: list[str], pieces: list[str]) -> None:
    if pieces:
        text = " ".join("".join(pieces).split())
        if text:
            paragraphs.append(text)
        pieces.clear()


def _body(root: etree._Element) -> etree._Element:
    """``root.find("body")`` (its first ``body`` child), else ``root``; without the cost of
    an ElementPath search."""
    for child in root:
        if child.tag == "body":
            return child
    return root


def html_paragraphs(markup: str) -> list[str]:
    """Paragraphs of an HTML fragment (an API answer): one per block or list item, one per
    table row with its cells joined by ``" | "`` (a ``<p>`` inside a cell does not split the
    row); whitespace folded, empty spacer paragraphs (``<p>&nbsp;</p>``) dropped.
    """
    try:
        root = etree.fromstring(markup, HTML_PARSER)
    except (etree.LxmlError, ValueError):
        return []
    if root is None:
        return []
    container = _body(root)
    paragraphs: list[str] = []
    loose: list[str] = [container.text] if container.text else []
    for child in container:
        tag = child.tag  # a comment's or entity's tag is a function: in no tag set
        if tag in _SIMPLE_BLOCKS and (not len(child) or _inline_only(child)):
            if loose:  # the common case: a plain <p>
                _add_paragraph(paragraphs, loose)
            text = _folded_text(child)
            if text:
                paragraphs.append(text)
        elif tag in _INLINE and _inline_only(child):
            loose.append(_inline_text(child))
        elif isinstance(tag, str) and tag:
            _add_paragraph(paragraphs, loose)
            paragraphs.extend(_walk_paragraphs(child))
        tail = child.tail
        if tail:
            loose.append(tail)
    _add_paragraph(paragraphs, loose)
    return paragraphs


def _walk_paragraphs(top: etree._Element) -> list[str]:
    """Paragraphs of one element with nested blocks, lists or tables (its tail excluded)."""
    paragraphs: list[str] = []
    current: list[str] = []
    rows: list[list[str]] = []
    cells: list[list[str]] = []
    sink = current  # where text goes: the innermost open cell, else the current paragraph
    skipping = 0
    for event, element in etree.iterwalk(top, events=("start", "end")):
        tag = element.tag
        if not isinstance(tag, str):
            tag = ""
        if event == "start":
            if skipping or tag in _SKIPPED:
                skipping += 1
                continue
            if tag in _CELLS and rows:
                sink = []
                cells.append(sink)
            elif tag == "tr":
                if current:
                    _add_paragraph(paragraphs, current)
                rows.append([])
            elif tag in _FRAGMENT_BREAKS:
                if cells:
                    sink.append(" ")
                elif current:
                    _add_paragraph(paragraphs, current)
            if tag:
                text = element.text
                if text:
                    sink.append(text)
            continue
        tail = element.tail if element is not top else None
        if skipping:
            skipping -= 1
            if skipping == 0 and tail:
                sink.append(tail)
            continue
        if tag in _CELLS and cells:
            rows[-1].append(" ".join("".join(cells.pop()).split()))
            sink = cells[-1] if cells else current
        elif tag == "tr" and rows:
            row = rows.pop()
            if any(row):
                paragraphs.append(" ".join(" | ".join(row).split()))
        elif tag in _FRAGMENT_BREAKS:
            if cells:
                sink.append(" ")
            elif current:
                _add_paragraph(paragraphs, current)
        if tail:
            sink.append(tail)
    _add_paragraph(paragraphs, current)
    return paragraphs
