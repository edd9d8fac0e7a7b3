"""HTML answer fragments (API ``answerText``) to clean paragraphs.

One paragraph per block or list item, one per table row with its cells joined by ``" | "``;
whitespace folded, empty spacer paragraphs dropped. Plain blocks take a C-speed text path;
lists of plain items, paragraphs with line breaks and tables of plain cells are read child by
child; any other shape is walked element by element (the rule all paths follow). Markup of
plain-text ``<p>`` elements only (most answers) is split without the parser.
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
    """True when every descendant of ``element`` is an inline element."""
    for inner in element.iterdescendants():  # noqa: SIM110 (a loop is faster than all())
        if inner.tag not in _INLINE:
            return False
    return True


def _inline_text(element: etree._Element) -> str:
    """``"".join(element.itertext())`` for an element whose descendants are all inline
    elements (no comment or processing instruction), at C speed: libxml2 concatenates the
    same text nodes in the same order (an HTML tree holds no entity references)."""
    return etree.tostring(element, method="text", encoding=str, with_tail=False)


def _plain_text(element: etree._Element) -> str | None:
    """The text of ``element`` (tail excluded) when it holds inline elements only, else
    ``None``."""
    if not len(element):
        return element.text or ""
    return _inline_text(element) if _inline_only(element) else None


def _add_paragraph(paragraphs: list[str], pieces: list[str]) -> None:
    if pieces:
        text = " ".join("".join(pieces).split())
        if text:
            paragraphs.append(text)
        pieces.clear()


def _has_words(text: str | None) -> bool:
    return bool(text) and not text.isspace()  # type: ignore[union-attr]


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
    plain = _plain_paragraphs(markup)
    if plain is not None:
        return plain
    try:
        root = etree.fromstring(markup, HTML_PARSER)
    except (etree.LxmlError, ValueError):
        return []
    if root is None:
        return []
    paragraphs: list[str] = []
    _read_flow(_body(root), paragraphs, nested=False)
    return paragraphs


#: Longest markup read without the parser (libxml2 refuses huge text nodes; answers are short).
_PLAIN_LIMIT = 100_000
#: Control characters left to the parser (tab and line ends are plain text; in UTF-8 these
#: bytes stand only for themselves).
_ODD_CONTROLS = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


def _plain_paragraphs(markup: str) -> list[str] | None:
    """The paragraphs of markup made only of ``<p>`` elements holding plain text (no other
    tag, no entity, no odd character), as the parser would give them, without parsing;
    ``None`` for any other markup."""
    if not (markup.startswith("<p>") and markup.endswith("</p>")) or "&" in markup:
        return None
    texts = markup[3:-4].split("</p><p>")
    tags = 2 * len(texts)  # each text has one "<p>" and one "</p>": no other "<" or ">"
    if len(markup) > _PLAIN_LIMIT or markup.count("<") != tags or markup.count(">") != tags:
        return None
    try:
        data = markup.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, which the parser refuses too
        return None
    if len(data.translate(None, _ODD_CONTROLS)) != len(data):
        return None
    if "\ufffe" in markup or "\uffff" in markup:  # not characters to libxml2
        return None
    paragraphs: list[str] = []
    for text in texts:
        folded = " ".join(text.split())
        if folded:
            paragraphs.append(folded)
    return paragraphs


def _read_flow(top: etree._Element, paragraphs: list[str], *, nested: bool) -> bool:
    """Add the paragraphs of ``top``'s content (its tail excluded) as a run of text: a block
    or break child ends the paragraph before it and makes one of its own text, inline
    children and the text around children run on.

    A child holding more than inline elements (a list, a table, a block with breaks): at the
    top of the fragment it ends the paragraph before it and is read on its own
    (:func:`_block_paragraphs`); ``nested``, nothing is added and the answer is ``False``
    (the caller walks ``top`` element by element instead).
    """
    loose: list[str] = [top.text] if top.text else []
    for child in top:
        tag = child.tag  # a comment's or entity's tag is a function: in no tag set
        if tag in _FRAGMENT_BREAKS or tag in _INLINE:
            text = _plain_text(child)
        elif isinstance(tag, str) and tag:
            text = None
        else:  # a comment: only its tail counts
            text = ""
        if text is None:
            if nested:
                return False
            _add_paragraph(paragraphs, loose)
            paragraphs.extend(_block_paragraphs(child))
        elif tag in _FRAGMENT_BREAKS:
            if loose:
                _add_paragraph(paragraphs, loose)
            if text:
                text = " ".join(text.split())
                if text:
                    paragraphs.append(text)
        elif text:
            loose.append(text)
        tail = child.tail
        if tail:
            loose.append(tail)
    _add_paragraph(paragraphs, loose)
    return True


def _block_paragraphs(top: etree._Element) -> list[str]:
    """Paragraphs of one element with nested blocks, lists or tables (its tail excluded):
    the common shapes (a list of plain items, a paragraph with line breaks, a table of plain
    cells) read child by child, anything else walked element by element.
    """
    tag = top.tag
    if tag == "table":
        rows: list[str] = []
        if _read_table(top, rows):
            return rows
    elif tag != "tr" and tag not in _SKIPPED:
        paragraphs: list[str] = []
        if _read_flow(top, paragraphs, nested=True):
            return paragraphs
    return _walk_paragraphs(top)


_ROW_GROUPS = frozenset({"tbody", "thead", "tfoot"})


def _read_table(table: etree._Element, paragraphs: list[str]) -> bool:
    """Add one paragraph per row of a table of plain rows (``tr`` directly or in row
    groups); ``False`` for any other shape or for text outside the cells."""
    if _has_words(table.text):
        return False
    for child in table:
        tag = child.tag
        if tag == "tr":
            if not _add_row(paragraphs, child):
                return False
        elif tag in _ROW_GROUPS and not _has_words(child.text):
            for row in child:
                if row.tag != "tr" or not _add_row(paragraphs, row) or _has_words(row.tail):
                    return False
        else:
            return False
        if _has_words(child.tail):
            return False
    return True


def _add_row(paragraphs: list[str], row: etree._Element) -> bool:
    """Add a row of plain cells (" | " between them; none if every cell is empty); ``False``
    when the row holds anything else or text outside its cells."""
    if _has_words(row.text):
        return False
    cells: list[str] = []
    for cell in row:
        if cell.tag not in _CELLS or _has_words(cell.tail):
            return False
        text = _cell_text(cell)
        if text is None:
            return False
        cells.append(text)
    if any(cells):
        paragraphs.append(" ".join(" | ".join(cells).split()))
    return True


def _cell_text(cell: etree._Element) -> str | None:
    """A cell's text, whitespace folded, when its children are plain blocks or plain inline
    elements (the walk sets a block's text apart by spaces); else ``None``."""
    if not len(cell):
        text = cell.text
        return " ".join(text.split()) if text else ""
    pieces: list[str] = [cell.text] if cell.text else []
    for child in cell:
        tag = child.tag
        if tag in _CELLS or not (tag in _FRAGMENT_BREAKS or tag in _INLINE):
            return None
        text = _plain_text(child)
        if text is None:
            return None
        if tag in _INLINE:
            pieces.append(text)
        else:
            pieces += (" ", text, " ")
        if child.tail:
            pieces.append(child.tail)
    return " ".join("".join(pieces).split())


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
