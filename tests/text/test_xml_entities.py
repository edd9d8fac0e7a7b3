"""EntityExpander against the plain per-reference definition (expansions remembered by name)."""

from __future__ import annotations

import re
from html.entities import name2codepoint

from hypothesis import given, settings
from hypothesis import strategies as st

from pqparse.text import xml
from pqparse.text.xml import EntityExpander

_SAFE = {"pound": "&#163;", "long": "&#8211;" * 9, "q": "&#34;x&#39;"}
_REFUSED = {"ext": "it is an external entity", "amp2": "its value refers to other entities"}
_NAMES = [*_SAFE, *_REFUSED, "nbsp", "eacute", "nosuch", "amp", "lt"]


def _plain(chunks: list[str], budget: int) -> tuple[str, list[str]]:
    """The definition: every reference looked up afresh, growth checked against the budget."""
    notes: list[str] = []
    noted: set[str] = set()
    added = 0
    read = 0
    hit = False
    carry = ""
    out: list[str] = []

    def replace(match: re.Match[str]) -> str:
        nonlocal added, hit
        name = match.group(1)
        value = _SAFE.get(name)
        if value is None:
            reason = _REFUSED.get(name)
            if reason is None and name not in name2codepoint:
                reason = "it is not declared"
            if reason is not None:
                if name not in noted:
                    noted.add(name)
                    notes.append(
                        f"entity &{name}; not expanded: {reason}; its references are dropped"
                    )
                return ""
            value = f"&#{name2codepoint[name]};"
        added += len(value) - len(match.group())
        if added > max(budget, read):
            if not hit:
                hit = True
                notes.append("entity expansion stopped: it would more than double the input")
            return ""
        return value

    for chunk in chunks:
        text = carry + chunk
        read += len(chunk)
        cut = xml._PARTIAL_REFERENCE.search(text, max(0, len(text) - 70))
        text, carry = (text[: cut.start()], text[cut.start() :]) if cut else (text, "")
        out.append(xml._REFERENCE.sub(replace, text))
    out.append(xml._REFERENCE.sub(replace, carry))
    return "".join(out), notes


_PIECES = st.one_of(
    st.sampled_from(_NAMES).map(lambda name: f"&{name};"),
    st.sampled_from(["a", " ", "&", ";", "&#163;", "x" * 40, "&po", "und;"]),
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(_PIECES, max_size=30).map("".join), min_size=1, max_size=5),
    st.sampled_from([0, 30, 200, 10**6]),
)
def test_expander_equals_the_plain_definition(chunks: list[str], budget: int) -> None:
    original = xml._MIN_BUDGET
    xml._MIN_BUDGET = budget
    try:
        notes: list[str] = []
        expander = EntityExpander(dict(_SAFE), dict(_REFUSED), notes)
        text = "".join(expander.feed(chunk) for chunk in chunks) + expander.close()
        assert (text, notes) == _plain(chunks, budget)
    finally:
        xml._MIN_BUDGET = original
