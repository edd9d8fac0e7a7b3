"""``text.html.html_paragraphs``: HTML answer fragments to clean paragraphs."""

from __future__ import annotations

import pytest

from pqparse.text.html_paragraphs import html_paragraphs


@pytest.mark.parametrize(
    ("markup", "paragraphs"),
    [
        ("<p>First.</p><p>\u00a0</p><p>Second.</p>", ["First.", "Second."]),
        ("<p><strong>\u00a0</strong></p>", []),
        (
            "<table><tbody><tr><td><p>Year</p></td><td><p>Figure</p></td></tr>"
            "<tr><td><p>2020</p></td><td><p>£1,600</p></td></tr></tbody></table>",
            ["Year | Figure", "2020 | £1,600"],
        ),
        ("<table><tr><th>Region</th><th></th><th>2024</th></tr></table>", ["Region | | 2024"]),
        (
            "<ul><li>one</li><li><p>two</p></li></ul><ol><li>three</li></ol>",
            ["one", "two", "three"],
        ),
        ('<p>See <a href="https://www.gov.uk/x">the  guidance</a>.</p>', ["See the guidance."]),
        ("<p>line one<br>line two</p>", ["line one", "line two"]),
        ("<p>&quot;quoted&quot; &amp; &#8211; &pound;5&nbsp;m</p>", ['"quoted" & – £5 m']),
        ("<p>1<sup>st</sup> <em>and</em> <span style='x'>2nd</span></p>", ["1st and 2nd"]),
        ("Leading text<p>then a paragraph</p>tail", ["Leading text", "then a paragraph", "tail"]),
        ("<p>kept</p><script>dropped()</script><style>p{}</style>", ["kept"]),
        ("", []),
        ("   ", []),
    ],
)
def test_html_paragraphs(markup: str, paragraphs: list[str]) -> None:
    assert html_paragraphs(markup) == paragraphs


def test_deep_nesting_does_not_exhaust_the_stack() -> None:
    markup = "<div>" * 200 + "deep" + "</div>" * 200
    assert html_paragraphs(markup) == ["deep"]
    assert isinstance(html_paragraphs("<div>" * 5000 + "x"), list)  # the parser's depth limit
