"""decode_xml_stream: the plain-ASCII fast path gives exactly what the incremental decoder gives."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from pqparse.text.xml import _stream_codec, decode_xml_stream

FIXTURES = Path(__file__).parents[1] / "fixtures" / "theyworkforyou-xml"
INPUTS = sorted(FIXTURES.glob("*.xml"))


def _reference(data: bytes, chunk_size: int) -> str:
    """The whole input decoded at once with the codec read from the first chunk."""
    codec, skip = _stream_codec(data[:chunk_size])
    return data[skip:].decode(codec, "replace")


@pytest.mark.parametrize("chunk_size", [1, 2, 3, 5, 64, 1 << 20])
@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_fixtures_decode_as_the_incremental_decoder_does(path: Path, chunk_size: int) -> None:
    data = path.read_bytes()
    decoded = "".join(decode_xml_stream(io.BytesIO(data), chunk_size))
    assert decoded == _reference(data, chunk_size)


@pytest.mark.parametrize("chunk_size", [1, 2, 3, 4, 7])
@pytest.mark.parametrize(
    "text", ["é£€—x", "ascii then é", "😀 a 😀 b", "\ufeffé", "a\x00b\x7fc"], ids=repr
)
def test_multibyte_characters_cut_by_chunks_around_ascii_ones(text: str, chunk_size: int) -> None:
    """A chunk of ASCII bytes after a chunk that ends inside a character is not taken as text."""
    for data in (text.encode("utf-8"), text.encode("utf-8") + b"\xc3", b"\xe2\x82" + b"ab"):
        body = b"<p>" + data + b"</p>"
        decoded = "".join(decode_xml_stream(io.BytesIO(body), chunk_size))
        assert decoded == _reference(body, chunk_size)


def test_single_byte_declared_files_are_read_as_cp1252() -> None:
    body = b'<?xml version="1.0" encoding="ISO-8859-1"?><p>caf\xe9 \x80 plain</p>'
    for chunk_size in (64, 1 << 20):  # the declaration is read from the first chunk
        assert "".join(decode_xml_stream(io.BytesIO(body), chunk_size)).endswith(
            "<p>café € plain</p>"
        )
    long = body.replace(b"<p>", b"<p>" + b"a" * 200).replace(b"</p>", b"b" * 200 + b"</p>")
    decoded = "".join(decode_xml_stream(io.BytesIO(long), 64))  # ASCII chunks around others
    assert decoded.endswith("<p>" + "a" * 200 + "café € plain" + "b" * 200 + "</p>")
