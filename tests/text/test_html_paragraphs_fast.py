"""``html_paragraphs`` gives exactly what its straightforward version gave.

The fast version reads text-only blocks without a text iterator, the text of inline-only
subtrees with one C-level ``tostring(method="text")`` and finds ``body`` without ElementPath.
The version it replaced is kept here as the reference: every ``answerText`` and
``originalAnswerText`` of the API fixtures and a generated corpus of near misses (inline tags
around blocks, comments, entities, stray and unclosed tags, odd whitespace, tables, skipped
subtrees) must come out the same.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from pqparse.text.html import _CELLS, _SKIPPED, HTML_PARSER
from pqparse.text.html_paragraphs import (
    _FRAGMENT_BREAKS,
    _INLINE,
    _SIMPLE_BLOCKS,
    _plain_paragraphs,
    html_paragraphs,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "written-questions-api"

# ------------------------------------------------------------------ reference implementation


def _ref_texts(element: etree._Element) -> list[str]:
    return [str(text) for text in element.itertext()]


def _ref_inline_only(element: etree._Element) -> bool:
    return all(child.tag in _INLINE for child in element.iterdescendants())


def _ref_add(paragraphs: list[str], pieces: list[str]) -> None:
    if pieces:
        text = " ".join("".join(pieces).split())
        if text:
            paragraphs.append(text)
        pieces.clear()


def _reference_html_paragraphs(markup: str) -> list[str]:
    try:
        root = etree.fromstring(markup, HTML_PARSER)
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
        if tag in _SIMPLE_BLOCKS and _ref_inline_only(child):
            _ref_add(paragraphs, loose)
            _ref_add(paragraphs, _ref_texts(child))
        elif tag in _INLINE and _ref_inline_only(child):
            loose.extend(_ref_texts(child))
        elif tag:
            _ref_add(paragraphs, loose)
            paragraphs.extend(_reference_walk(child))
        if child.tail:
            loose.append(child.tail)
    _ref_add(paragraphs, loose)
    return paragraphs


def _reference_walk(top: etree._Element) -> list[str]:
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
                _ref_add(paragraphs, current)
                rows.append([])
            elif tag in _FRAGMENT_BREAKS:
                if cells:
                    cells[-1].append(" ")
                else:
                    _ref_add(paragraphs, current)
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
                _ref_add(paragraphs, current)
        if tail:
            (cells[-1] if cells else current).append(tail)
    _ref_add(paragraphs, current)
    return paragraphs


# ------------------------------------------------------------------ fixture answers


def _strings(data: Any, keys: frozenset[str]) -> Iterator[str]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key in keys and isinstance(value, str):
                yield value
            else:
                yield from _strings(value, keys)
    elif isinstance(data, list):
        for item in data:
            yield from _strings(item, keys)


def _fixture_answers() -> list[str]:
    keys = frozenset({"answerText", "originalAnswerText", "comparableAnswerText"})
    found: list[str] = []
    for path in sorted(FIXTURES.iterdir()):
        if ".expected." in path.name or path.suffix not in (".json", ".jsonl"):
            continue
        text = path.read_text(encoding="utf-8")
        try:
            documents = [json.loads(text)]
        except ValueError:
            documents = []
            for line in text.splitlines():
                try:
                    documents.append(json.loads(line))
                except ValueError:
                    continue
        for document in documents:
            found.extend(_strings(document, keys))
    return found


def test_fixture_answers_render_alike() -> None:
    answers = _fixture_answers()
    assert len(answers) >= 10
    for markup in answers:
        assert html_paragraphs(markup) == _reference_html_paragraphs(markup), markup


# ------------------------------------------------------------------ generated near misses

_TAGS = [
    *sorted(_INLINE | _SIMPLE_BLOCKS | _FRAGMENT_BREAKS | _CELLS | _SKIPPED),
    "tr",
    "tbody",
    "thead",
    "body",
    "head",
    "html",
    "o:p",
    "unknown",
    "P",
    "STRONG",
    "img",
]
_ATTRIBUTES = st.sampled_from(["", ' class="x"', " style='a:b'", ' href="/q?a=1&b=2"'])
_TEXTS = st.sampled_from(
    [
        "",
        "word",
        " two  words ",
        "\u00a0",
        "\t\n",
        "&nbsp;",
        "&amp;nbsp;",
        "&pound;5",
        "&#163;",
        "&bogus;",
        "a\u2003b",
        "\u200b",
        "<!-- note -->",
        "<?pi x?>",
        "<br>",
        "<br/>",
        "x > y",
        "£1,600",
        "<![CDATA[c]]>",
    ]
)


@st.composite
def _markup(draw: st.DrawFn) -> str:
    pieces: list[str] = []
    for _ in range(draw(st.integers(0, 14))):
        kind = draw(st.integers(0, 3))
        tag = draw(st.sampled_from(_TAGS))
        if kind == 0:
            pieces.append(f"<{tag}>")
        elif kind == 1:
            pieces.append(f"</{tag}>")
        elif kind == 2:
            pieces.append(f"<{tag}{draw(_ATTRIBUTES)}>{draw(_TEXTS)}</{tag}>")
        else:
            pieces.append(draw(_TEXTS))
    return "".join(pieces)


@st.composite
def _answer_like(draw: st.DrawFn) -> str:
    """Paragraph sequences as the API writes them, with an inline or block intruder."""
    blocks: list[str] = []
    for _ in range(draw(st.integers(1, 5))):
        block = draw(st.sampled_from(sorted(_SIMPLE_BLOCKS | {"p", "table", "ul", "span"})))
        inner = draw(st.sampled_from([*sorted(_INLINE), "br", "p", "td", "li", "script"]))
        text = draw(_TEXTS)
        blocks.append(f"<{block}>{text}<{inner}>{draw(_TEXTS)}</{inner}>{text}</{block}>")
        blocks.append(draw(st.sampled_from(["", " ", "\n", "tail", "&nbsp;"])))
    return "".join(blocks)


@settings(max_examples=400, deadline=None)
@given(_markup())
def test_generated_tag_soup_renders_alike(markup: str) -> None:
    assert html_paragraphs(markup) == _reference_html_paragraphs(markup)


@settings(max_examples=400, deadline=None)
@given(_answer_like())
def test_generated_answers_render_alike(markup: str) -> None:
    assert html_paragraphs(markup) == _reference_html_paragraphs(markup)


# ------------------------------------------------------------------ lists, breaks and tables

_CELL_INNER = st.sampled_from(
    [
        *("", "x", " two  words ", "&nbsp;", "<p>a</p>", "<p><strong>Year</strong></p>"),
        *("<p>a</p><p>b</p>", "a<br>b", "<em>c</em>d", "<p>x</p>tail", "<td>n</td>"),
        *("<table><tr><td>in</td></tr></table>", "<script>s</script>", "<ul><li>l</li></ul>"),
        *("<span><p>s</p></span>", "<!-- c -->", "<o:p></o:p>"),
    ]
)
_BETWEEN = st.sampled_from(["", " ", "\n  ", "stray", "&nbsp;", "<!-- c -->", "<b>bold</b>"])


@st.composite
def _table(draw: st.DrawFn) -> str:
    """Tables as the API writes them (row groups, header cells, paragraphs in cells) with
    stray text, nested tables, lists and odd tags mixed in."""
    rows: list[str] = []
    for _ in range(draw(st.integers(0, 4))):
        cells = "".join(
            f"<{draw(st.sampled_from(['td', 'th']))}>{draw(_CELL_INNER)}</td>{draw(_BETWEEN)}"
            for _ in range(draw(st.integers(0, 3)))
        )
        rows.append(f"<tr>{draw(_BETWEEN)}{cells}</tr>{draw(_BETWEEN)}")
    group = draw(st.sampled_from(["", "tbody", "thead", "tfoot", "caption"]))
    body = "".join(rows)
    if group:
        body = f"<{group}>{draw(_BETWEEN)}{body}</{group}>{draw(_BETWEEN)}"
    return f"<table>{draw(_BETWEEN)}{body}</table>{draw(_BETWEEN)}"


@st.composite
def _flow(draw: st.DrawFn) -> str:
    """Lists and paragraphs with breaks, with inline, block, skipped and odd children."""
    outer = draw(st.sampled_from(["ul", "ol", "p", "div", "blockquote", "span", "td", "dl"]))
    inner = [
        draw(
            st.sampled_from(
                [
                    *("<li>one</li>", "<li><a href='x'>link</a> text</li>", "<li><p>two</p></li>"),
                    *("<br>", "<br/>", "<hr>", "<em>e</em>", "<li>a<br>b</li>", "<dt>t</dt>"),
                    *("<li><ul><li>nested</li></ul></li>", "<script>x</script>", "<o:p>o</o:p>"),
                    *("<li>&nbsp;</li>", "<sup>1</sup>", "<p><span>s</span></p>"),
                    "<tr><td>r</td></tr>",
                ]
            )
        )
        + draw(_BETWEEN)
        for _ in range(draw(st.integers(0, 5)))
    ]
    return f"{draw(_BETWEEN)}<{outer}>{draw(_BETWEEN)}{''.join(inner)}</{outer}>{draw(_BETWEEN)}"


@settings(max_examples=600, deadline=None)
@given(_table())
def test_generated_tables_render_alike(markup: str) -> None:
    assert html_paragraphs(markup) == _reference_html_paragraphs(markup)


@settings(max_examples=600, deadline=None)
@given(st.lists(_flow(), min_size=1, max_size=3).map("".join))
def test_generated_lists_and_breaks_render_alike(markup: str) -> None:
    assert html_paragraphs(markup) == _reference_html_paragraphs(markup)


# ------------------------------------------------------------------ plain paragraphs, unparsed

_PLAIN_TEXTS = st.text(
    st.one_of(
        st.sampled_from(list(" \t\n\r\x0b\x0c\x00\x01\x1f\x7f\x85\xa0<>&;/p\u2028\ufeff\ud800")),
        st.characters(),
    ),
    max_size=30,
) | st.text(  # printable text, which the unparsed path takes
    st.one_of(
        st.sampled_from(list(" \t\n\r")),
        st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn", "Cf", "Zs", "Zl", "Zp")),
    ),
    max_size=30,
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_PLAIN_TEXTS, min_size=1, max_size=4))
def test_plain_paragraphs_split_as_the_parser_reads_them(texts: list[str]) -> None:
    markup = "".join(f"<p>{text}</p>" for text in texts)
    assert html_paragraphs(markup) == _reference_html_paragraphs(markup)


def test_plain_paragraphs_take_the_unparsed_path_only_when_plain() -> None:
    assert _plain_paragraphs("<p>One  two</p><p>\u00e9t\u00e9 \u2013 \u00a31</p><p> </p>") == [
        "One two",
        "\u00e9t\u00e9 \u2013 \u00a31",
    ]
    assert _plain_paragraphs("<p>a\tb\r\nc\u00a0d</p>") == ["a b c d"]
    for markup in (
        "<p>a &amp; b</p>",
        "<p>a <b>b</b></p>",
        "<p>a > b</p>",
        "<p>a\x0cb</p>",
        "<p>a\ud800b</p>",
        "<p>a</p>tail",
        "<P>a</P>",
        "<p class='x'>a</p>",
        "<p>" + "a" * 100_000 + "</p>",
    ):
        assert _plain_paragraphs(markup) is None, markup
        assert html_paragraphs(markup) == _reference_html_paragraphs(markup)
