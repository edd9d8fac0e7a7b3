"""The span-tracking renderer gives exactly ``element_to_text``'s text, with element spans."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from cpu_timing import best_cpu_seconds
from pqparse.text.html import element_to_text, parse_html
from pqparse.text.html_spans import render_with_spans

SAMPLES = (
    "<p>One</p><p>Two  words</p>",
    "<div> lead <b>bold</b> tail </div>\n<div>\n\n</div><p>after</p>",
    "<table><tr><td>Year</td><td> Figure </td></tr><tr><td>2020</td><td></td></tr></table>",
    "<ul><li>a</li><li> b <br> c</li></ul><script>x()</script>tail",
    "<div><button>Accept all</button>kept <span> inline </span>text</div><h2>Head</h2>",
    "<body><nav>Menu</nav><main id='m'><h1> Title </h1><p>UIN 1, tabled on 2 May 2024</p></main>",
    "<div>\u00a0spaced\u00a0</div><p>  </p><div>x<a href='#'></a>y</div>",
)


@pytest.mark.parametrize("markup", SAMPLES)
def test_same_text_as_element_to_text(markup: str) -> None:
    root = parse_html(markup)
    assert root is not None
    assert render_with_spans(root).text == element_to_text(root)


def test_spans_cover_each_element_content() -> None:
    root = parse_html(
        "<div><h1>Heading</h1><p class='uin'>UIN 62682, tabled on 25 October 2021</p>"
        "<table><tr><td>a</td><td>b</td></tr></table><a class='empty' href='/x'></a></div>"
    )
    assert root is not None
    rendered = render_with_spans(root)
    by_tag = {el.tag: rendered.spans[el] for el in root.iter("h1", "p", "tr")}
    text = rendered.text
    assert text[slice(*by_tag["h1"])] == "Heading"
    assert text[slice(*by_tag["p"])] == "UIN 62682, tabled on 25 October 2021"
    assert text[slice(*by_tag["tr"])] == "a | b"
    cells = [text[slice(*rendered.spans[el])] for el in root.iter("td")]
    assert cells == ["a", "b"]
    empty = next(root.iter("a"))
    start, end = rendered.spans[empty]
    assert start == end == len(text)


def test_index_by_class_and_id_in_document_order() -> None:
    root = parse_html(
        "<div id='main-content'><div class='card a'>one</div><p class='a b'>two</p></div>"
    )
    assert root is not None
    rendered = render_with_spans(root)
    assert [el.tag for el in rendered.having("a")] == ["div", "p"]
    assert [el.tag for el in rendered.having("a", "b")] == ["p"]
    assert rendered.by_id["main-content"].tag == "div"


@pytest.mark.parametrize("render", [render_with_spans, element_to_text])
def test_nested_empty_elements_render_in_linear_time(render: Callable[..., object]) -> None:
    def seconds(groups: int) -> float:
        markup = "<body>" + ("<div>" * 50 + "</div>" * 50 + "<p>x</p>") * groups + "</body>"
        root = parse_html(markup)
        assert root is not None
        assert element_to_text(root).count("x") == groups
        return best_cpu_seconds(lambda: render(root))

    assert seconds(2_000) < 30 * max(seconds(200), 1e-4)
