"""Bad, hostile and oddly encoded input: always an answer, quickly, never a stray exception."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import pqparse
from cpu_timing import best_cpu_seconds
from fixture_files import fixture_inputs

EXAMPLE = (
    Path(__file__).parents[1] / "examples" / "parallel-parliament-offences-against-children.txt"
)
EXAMPLE_TEXT = EXAMPLE.read_text(encoding="utf-8")


@pytest.mark.parametrize("source", ["", "random words", b"\xff\xfe garbage", b"\x00\x01\x02"])
def test_bad_input_lenient_gives_empty_document_with_diagnostic(source: str | bytes) -> None:
    doc = pqparse.parse(source)
    assert doc.records == ()
    assert doc.errors, "a document with no records must say why"


@pytest.mark.parametrize("source", ["", "random words", b"\xff\xfe garbage"])
def test_bad_input_strict_raises_parse_error_with_code(source: str | bytes) -> None:
    with pytest.raises(pqparse.ParseError) as caught:
        pqparse.parse(source, strict=True)
    assert caught.value.code.startswith("PQ")
    assert "format" in str(caught.value) or "records" in str(caught.value)


def test_wrong_argument_type_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        pqparse.parse(12345)  # type: ignore[arg-type]


def test_unknown_format_name_is_refused() -> None:
    with pytest.raises(pqparse.UnknownFormatError):
        pqparse.parse("text", format="no-such-format")


def test_size_guard() -> None:
    doc = pqparse.parse("x" * 1000, max_size=100)
    assert [d.code for d in doc.diagnostics] == ["PQ500"]
    with pytest.raises(pqparse.ParseError, match="PQ500"):
        pqparse.parse(b"x" * 1000, strict=True, max_size=100)


def test_strict_error_has_span_and_line() -> None:
    cut = EXAMPLE_TEXT.replace("This question was answered on 28th April 2025", "")
    cut = cut.replace("Reticulating Splines", "")
    doc = pqparse.parse(cut)
    assert doc.records and not doc.records[0].complete
    err = pqparse.ParseError("x", code="PQ102", span=pqparse.Span(5, 9), line=2)
    assert (err.span, err.line, err.code) == (pqparse.Span(5, 9), 2, "PQ102")


# --- linear time on pathological input -------------------------------------------------

MB = 1_000_000


def _pathological() -> dict[str, str]:
    sentence = "To ask the Secretary of State for the Home Department, whether question 44194 "
    return {
        "asked-by x100k": "Asked by " * 100_000,
        "asked-by-lines x100k": "Asked by: Mr Name (Labour - Place)\n" * 100_000,
        "1MB one line": (sentence * (MB // len(sentence) + 1))[:MB],
        "nested tags x50k": "<div>" * 50_000 + "text" + "</div>" * 50_000,
        "million digits": "1" * MB,
        "bracketed digits": "[" + "1" * MB + "]",
        "question digits": "question " + "4" * MB,
        "many refs": "PQ 12345, " * 100_000,
        "nested json": "[" * 100_000 + "]" * 100_000,
        "open brackets": "(" * MB,
        "labels only": "Question to the Home Office:\n" * 30_000,
        "dates": "7th April 2025 " * 60_000,
        "xml nesting": "<publicwhip>" + "<p>" * 50_000 + "</p>" * 50_000 + "</publicwhip>",
    }


def _ordinary(size: int) -> str:
    return (EXAMPLE_TEXT + "\n\n") * (size // len(EXAMPLE_TEXT) + 1)


#: A pathological input may cost this much more than an ordinary document of its size (it
#: can hold 100 000 references, each a result object); catastrophic backtracking would cost
#: thousands of times more.
SLOWDOWN_LIMIT = 40
#: Ten times the input may take at most this many times longer (linear: about 10).
GROWTH_LIMIT = 16


@pytest.mark.parametrize("name", sorted(_pathological()))
def test_pathological_input_is_linear(name: str) -> None:
    source = _pathological()[name]
    baseline = max(best_cpu_seconds(lambda: pqparse.parse(_ordinary(len(source))), runs=2), 0.05)
    elapsed = best_cpu_seconds(lambda: pqparse.parse(source), runs=2)
    assert elapsed < SLOWDOWN_LIMIT * baseline, f"{name}: {elapsed:.2f}s vs {baseline:.2f}s"
    for fmt in pqparse.FORMATS:
        forced = best_cpu_seconds(lambda fmt=fmt: pqparse.parse(source, format=fmt), runs=2)
        assert forced < SLOWDOWN_LIMIT * baseline, f"{name} as {fmt}: {forced:.2f}s"
        if forced > 0.2:  # slow enough to time its growth reliably
            tenth = source[: len(source) // 10]
            small = max(
                best_cpu_seconds(
                    lambda fmt=fmt, tenth=tenth: pqparse.parse(tenth, format=fmt), runs=2
                ),
                1e-3,
            )
            assert forced < GROWTH_LIMIT * small, f"{name} as {fmt}: grows faster than linear"


# --- encodings ------------------------------------------------------------------------

LATIN1_TEXT = EXAMPLE_TEXT.replace("’", "'")


def _same(a: pqparse.Document, b: pqparse.Document) -> None:
    assert a.records == b.records
    assert a.text == b.text


@pytest.mark.parametrize(
    ("label", "text", "encode"),
    [
        ("utf-8", EXAMPLE_TEXT, lambda t: t.encode("utf-8")),
        ("utf-8 BOM", EXAMPLE_TEXT, lambda t: t.encode("utf-8-sig")),
        ("utf-16 BOM", EXAMPLE_TEXT, lambda t: t.encode("utf-16")),
        (
            "utf-16-be BOM",
            EXAMPLE_TEXT,
            lambda t: "\ufeff".encode("utf-16-be") + t.encode("utf-16-be"),
        ),
        ("cp1252", EXAMPLE_TEXT, lambda t: t.encode("cp1252")),
        ("latin-1", LATIN1_TEXT, lambda t: t.encode("latin-1")),
        ("mojibake", EXAMPLE_TEXT, lambda t: t.encode("utf-8").decode("cp1252").encode("utf-8")),
        ("mojibake str", EXAMPLE_TEXT, lambda t: t.encode("utf-8").decode("cp1252")),
        ("CRLF", EXAMPLE_TEXT, lambda t: t.replace("\n", "\r\n").encode()),
    ],
)
def test_encodings_give_the_same_objects(
    label: str, text: str, encode: Callable[[str], str | bytes]
) -> None:
    _same(pqparse.parse(encode(text)), pqparse.parse(text))


def test_html_meta_charset_is_honoured() -> None:
    body = "".join(f"<p>{line}</p>" for line in EXAMPLE_TEXT.split("\n") if line.strip())
    for charset in ("windows-1252", "iso-8859-1", "utf-8"):
        page = f'<html><head><meta charset="{charset}"></head><body>{body}</body></html>'
        text = page if charset == "utf-8" else page.replace("’", "'")
        data = text.encode("cp1252" if charset != "utf-8" else "utf-8")
        _same(pqparse.parse(data), pqparse.parse(text))


def _utf8_non_xml_fixtures() -> list[Path]:
    """Fixtures whose bytes are UTF-8 and carry no XML encoding declaration of their own."""
    chosen = []
    for path in fixture_inputs():
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            continue
        if not text.lstrip().startswith("<?xml"):
            chosen.append(path)
    return chosen


@pytest.mark.parametrize(
    "path", _utf8_non_xml_fixtures(), ids=lambda p: f"{p.parent.name}/{p.name}"
)
def test_fixture_survives_utf16_with_bom(path: Path) -> None:
    data = path.read_bytes()
    text = data.decode("utf-8-sig")
    _same(pqparse.parse(text.encode("utf-16")), pqparse.parse(data))
