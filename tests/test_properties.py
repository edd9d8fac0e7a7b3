"""Property-based tests (hypothesis): random text and mutated fixtures never break parse.

CI runs the ``ci`` profile (bounded examples). A long run, as documented in
``docs/robustness.md``::

    HYPOTHESIS_PROFILE=long PQPARSE_EXAMPLES=100000 \
        .venv/bin/python -m pytest tests/test_properties.py
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pqparse
from fixture_files import fixture_inputs

settings.register_profile(
    "ci", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long",
    max_examples=int(os.environ.get("PQPARSE_EXAMPLES", "100000")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

SOURCES = [path.read_bytes() for path in fixture_inputs()]
JUNK = st.sampled_from(
    [
        "Asked by",
        "Question to the Home Office:",
        "Answered by",
        "<div>",
        "</p>",
        "[N]",
        "&pound;",
        "{",
        '"uin": ',
        "<ques>",
        "\x00",
        "Â£",
        "question 44194",
        "(asked on 31st February 2025)",
        "\r\n",
        "Grouped Questions:",
    ]
)


def check_document(doc: pqparse.Document) -> None:
    """Invariants every lenient parse must keep."""
    assert all(d.code != "PQ199" for d in doc.diagnostics), doc.diagnostics
    data = pqparse.to_dict(doc)
    assert pqparse.from_dict(pqparse.Document, data) == doc
    length = len(doc.text)
    for record in doc.records:
        assert 0 <= record.span.start <= record.span.end <= length
        for ref in record.references:
            assert 0 <= ref.span.start <= ref.span.end <= length
            assert doc.text[ref.span.start : ref.span.end] == ref.text
    for diagnostic in doc.diagnostics:
        if diagnostic.span is not None:
            assert 0 <= diagnostic.span.start <= diagnostic.span.end


@given(st.text(max_size=2000))
def test_random_text(text: str) -> None:
    check_document(pqparse.parse(text))


@given(st.binary(max_size=2000))
def test_random_bytes(data: bytes) -> None:
    check_document(pqparse.parse(data))


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


@st.composite
def mutated_fixture(draw: st.DrawFn) -> bytes:
    """A fixture with one to three random mutations."""
    data = draw(st.sampled_from(SOURCES))
    for _ in range(draw(st.integers(1, 3))):
        lines = _lines(data)
        kind = draw(
            st.sampled_from(["truncate", "shuffle", "drop", "duplicate", "junk", "case", "swap"])
        )
        if kind == "truncate":
            data = data[: draw(st.integers(0, len(data)))]
            continue
        if not lines:
            continue
        i = draw(st.integers(0, len(lines) - 1))
        if kind == "shuffle":
            lines = draw(st.permutations(lines))
        elif kind == "drop":
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "junk":
            lines.insert(i, draw(JUNK).encode("utf-8"))
        elif kind == "case":
            lines[i] = lines[i].upper() if draw(st.booleans()) else lines[i].lower()
        else:
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        data = b"\n".join(lines)
    return data


@given(mutated_fixture())
def test_mutated_fixtures(data: bytes) -> None:
    check_document(pqparse.parse(data))


@given(mutated_fixture(), st.sampled_from(sorted(pqparse.FORMATS)))
def test_mutated_fixtures_forced_format(data: bytes, format_name: str) -> None:
    check_document(pqparse.parse(data, format=format_name))


@given(st.text(max_size=300))
def test_extractors_never_raise(text: str) -> None:
    for ref in pqparse.find_question_refs(text):
        assert text[ref.span.start : ref.span.end] == ref.text
    pqparse.parse_date(text)
    pqparse.parse_date(text, default_year=2020)
