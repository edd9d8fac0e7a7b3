"""The fast HTML renderers give byte-identical results to the straightforward implementation.

``parse_html``, ``element_to_text`` and ``render_with_spans`` were rewritten for speed (plain
lxml elements, one ``iter()`` pass, whitespace folded once). The versions they replaced are kept
here, private, as the reference: every HTML fixture and a generated corpus of tag soup (every
layout tag, odd case, stray and unclosed tags, all kinds of Unicode whitespace, skipped
subtrees, tables) must come out the same, for the whole tree and for every subtree.
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree, html

from pqparse.text.html import (
    _CELLS,
    _LINE_BLOCKS,
    _PARAGRAPH_BLOCKS,
    _SKIPPED,
    element_to_text,
    html_to_text,
    parse_html,
)
from pqparse.text.html_spans import RenderedHtml, render_with_spans

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
HTML_FIXTURES = sorted(FIXTURES.glob("*/*.html"))

# ------------------------------------------------------------------ reference implementation

_REFERENCE_PARSER = html.HTMLParser(
    no_network=True, remove_comments=True, remove_pis=True, huge_tree=False
)
_WHITESPACE = re.compile(r"\s+")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_LINE_EDGES = re.compile(r" *\n *")
_BLANK_RUNS = re.compile(r"\n{3,}")


def _reference_parse_html(markup: str) -> etree._Element | None:
    markup = re.sub(r"^\s*<\?xml[^>]*>", "", markup, count=1)
    try:
        root = html.fromstring(markup, parser=_REFERENCE_PARSER)
    except (etree.ParserError, ValueError):
        return None
    return root


def _reference_element_to_text(root: etree._Element) -> str:
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


def _reference_render_with_spans(root: etree._Element) -> RenderedHtml:
    parts: list[str] = []
    spans: dict[etree._Element, tuple[int, int]] = {}
    waiting: list[etree._Element] = []
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
            waiting.pop()
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


# ------------------------------------------------------------------ comparison


def _same_tree(markup: str) -> etree._Element | None:
    """Parse ``markup`` both ways, check the trees are identical, return the new one."""
    reference, root = _reference_parse_html(markup), parse_html(markup)
    assert (reference is None) == (root is None)
    if reference is None or root is None:
        return None
    assert etree.tostring(root, encoding=str) == etree.tostring(reference, encoding=str)
    assert type(root) is etree._Element  # plain elements: no lxml.html class lookup
    return root


def _assert_renders_alike(root: etree._Element) -> None:
    for element in root.iter():
        expected = _reference_element_to_text(element)
        assert element_to_text(element) == expected
        reference, rendered = _reference_render_with_spans(element), render_with_spans(element)
        assert attrs.astuple(rendered, recurse=False) == attrs.astuple(reference, recurse=False)
        assert rendered.text == expected


@pytest.mark.parametrize("path", HTML_FIXTURES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture_pages_render_alike(path: Path) -> None:
    markup = path.read_text("utf-8")
    root = _same_tree(markup)
    assert root is not None
    reference = _reference_parse_html(markup)
    assert reference is not None
    assert html_to_text(markup) == _reference_element_to_text(reference)
    _assert_renders_alike(root)


_TAGS = sorted(
    _SKIPPED
    | _PARAGRAPH_BLOCKS
    | _LINE_BLOCKS
    | _CELLS
    | {"a", "span", "b", "i", "strong", "em", "sup", "img", "font", "center", "del", "ins"}
    | {"TD", "Tr", "P", "DIV", "bloc\u212aquote", "x-widget", "svg:rect", "head", "frameset"}
)
_TEXT = st.lists(
    st.sampled_from([*"ab |.\t\n\r\f\v", "\u00a0", "\u2028", "\u3000", "\x1c", "\x85"])
    | st.sampled_from(["&nbsp;", "&#160;", "&amp;", "&lt;", "\u212a", "word", "\x01"]),
    max_size=6,
).map("".join)


@st.composite
def _tag_soup(draw: st.DrawFn) -> str:
    tokens: list[str] = []
    for _ in range(draw(st.integers(0, 40))):
        kind = draw(st.sampled_from(["open", "open", "close", "text", "text", "void"]))
        tag = draw(st.sampled_from(_TAGS))
        if kind == "open":
            attributes = draw(
                st.sampled_from(["", " class='a b'", " id='x'", " class='a' id='y'", " class=''"])
            )
            tokens.append(f"<{tag}{attributes}>")
        elif kind == "close":
            tokens.append(f"</{tag}>")
        elif kind == "void":
            tokens.append(
                draw(st.sampled_from(["<br>", "<br/>", "<hr>", "<!-- c -->", "<?pi x?>"]))
            )
        else:
            tokens.append(draw(_TEXT))
    prefix = draw(
        st.sampled_from(["", " ", "<!DOCTYPE html>", "<html>", "<?xml version='1.0'?>\n", "\n<"])
    )
    return prefix + "".join(tokens)


@settings(max_examples=400, deadline=None)
@given(_tag_soup())
def test_generated_tag_soup_renders_alike(markup: str) -> None:
    root = _same_tree(markup)
    if root is not None:
        _assert_renders_alike(root)
        reference = _reference_parse_html(markup)
        assert reference is not None
        assert html_to_text(markup) == _reference_element_to_text(reference)
    else:
        assert html_to_text(markup) == ""


@pytest.mark.parametrize(
    "markup",
    [
        "",
        "   ",
        "<body>a</body><body>b<p>c</p></body>",  # several bodies merged as lxml.html does
        "<head></head><head><title>x</title></head><p>y</p>",
        "<p>one</p>",
        "text <b>bold</b>",
        "<div>x</div>",
        "<script>only()</script>",
        "<table><tr><td>a<td>b<tr><th>c</table>",
        # elements still open when the walk ends: their line breaks come before their tails
        "a<tbody><template><div><div></div></div></template></tbody>a",
        "<div><p>x<script>s</script></p>tail</div>after",
        "<table><tr><td>a</td><td><table><tr><td>b<td>c</table></td><td>d</table>",
    ],
)
def test_edge_cases_render_alike(markup: str) -> None:
    root = _same_tree(markup)
    if root is not None:
        _assert_renders_alike(root)


def test_deep_nesting_renders_alike() -> None:
    root = _same_tree("<div>" * 300 + "<p>deep</p>" + "</div>" * 300 + "<p>after</p>")
    assert root is not None
    assert element_to_text(root) == _reference_element_to_text(root)
    assert render_with_spans(root).text == _reference_element_to_text(root)
