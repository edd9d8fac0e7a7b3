"""Hardened XML reading for every XML entry point: no external entities, no DTD fetching,
no network access and no entity amplification, while the plain-text entities that real
files declare in their internal DTD subset (``<!ENTITY pound "&#163;">``) still resolve.

lxml runs with ``resolve_entities=False, load_dtd=False, no_network=True,
huge_tree=False``. The prolog (XML declaration, comments, DOCTYPE) is removed before lxml
sees the document; the internal subset is read here instead, and each reference to a
*plain-text* general entity (characters and character references only, at most
:data:`MAX_ENTITY_VALUE` characters, no markup, no references to other entities) is
replaced by its value. Everything else — external (``SYSTEM``/``PUBLIC``) entities,
entities built from other entities (the "billion laughs" construction), parameter entities,
undeclared names — is never expanded: its references are dropped and reported once per name
through ``notes``. Undeclared HTML entity names (``&nbsp;`` passed through from HTML) become
their characters. The total growth by expansion is capped by the input size.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from html.entities import name2codepoint
from typing import IO, Any

from lxml import etree

__all__ = [
    "MAX_ENTITY_VALUE",
    "SAFE_PARSER_OPTIONS",
    "EntityExpander",
    "XmlFeed",
    "chunks_of",
    "decode_xml_stream",
    "iterparse_safe",
    "parse_xml",
    "read_internal_subset",
    "safe_xml_bytes",
    "split_prolog",
]

#: lxml options for untrusted XML (also used by :func:`parse_xml`).
SAFE_PARSER_OPTIONS: dict[str, Any] = {
    "resolve_entities": False,
    "load_dtd": False,
    "no_network": True,
    "huge_tree": False,
    "dtd_validation": False,
}

#: Longest entity value (as written in the DTD) that is expanded.
MAX_ENTITY_VALUE = 64
#: Expansion may add this many characters regardless of the input size.
_MIN_BUDGET = 1_000_000
#: The prolog (everything before the root element) may be at most this long.
_MAX_PROLOG = 1_000_000
_CHUNK = 1 << 20

_NAME = r"[A-Za-z_:][A-Za-z0-9._:-]{0,63}"
_REFERENCE = re.compile(rf"&(?!(?:amp|lt|gt|quot|apos);)({_NAME});")
_PARTIAL_REFERENCE = re.compile(r"&[^\s&;<]{0,70}$")
_XML_DECLARATION = re.compile(r"<\?xml[^>]{0,200}?\?>")
_DECLARED_ENCODING = re.compile(
    rb"""^<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})"""
)
_PROLOG_ITEM = re.compile(r"\s*(?:<\?[^>]{0,1000}\?>|<!--.{0,100000}?-->)", re.DOTALL)
_DOCTYPE_MARK = re.compile(r"""["'\[\]>]|<!--""")
_ENTITY_DECLARATION = re.compile(
    rf"""<!ENTITY\s+(?P<parameter>%\s+)?(?P<name>{_NAME})\s+"""
    r"""(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<external>SYSTEM|PUBLIC)\b[^>]*)\s*>"""
)
_VALUE_REFERENCE = re.compile(r"&(?!#(?:\d{1,7}|x[0-9A-Fa-f]{1,6});)(?!(?:amp|lt|gt|quot|apos);)")
_PARAMETER_REFERENCE = re.compile(rf"%{_NAME};")
_QUOTES = {ord('"'): "&#34;", ord("'"): "&#39;"}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _unsafe_reason(value: str) -> str | None:
    """Why an internal entity value may not be expanded, or ``None`` when it is plain text."""
    if len(value) > MAX_ENTITY_VALUE:
        return f"its value is longer than {MAX_ENTITY_VALUE} characters"
    if "<" in value:
        return "its value contains markup"
    if _VALUE_REFERENCE.search(value) or _PARAMETER_REFERENCE.search(value):
        return "its value refers to other entities"
    return None


def read_internal_subset(subset: str) -> tuple[dict[str, str], dict[str, str]]:
    """Plain-text entities ``{name: value}`` and refused ones ``{name: reason}`` of a subset.

    ``subset`` has its comments removed already (see :func:`split_prolog`).
    """
    safe: dict[str, str] = {}
    refused: dict[str, str] = {}
    for match in _ENTITY_DECLARATION.finditer(subset):
        name = match.group("name")
        if match.group("parameter") or name in safe or name in refused:
            continue  # parameter entities are never used; the first declaration binds
        if match.group("external"):
            refused[name] = "it is an external entity"
            continue
        value = match.group("dq") if match.group("dq") is not None else match.group("sq")
        reason = _unsafe_reason(value or "")
        if reason:
            refused[name] = reason
        else:  # quotes as references, so the value is safe inside attribute values too
            safe[name] = (value or "").translate(_QUOTES)
    return safe, refused


def _doctype_end(text: str, start: int) -> tuple[int, str]:
    """End of the DOCTYPE at ``start`` and its internal subset without comments.

    Quotes, brackets and comments are skipped as units (linear scan); ``-1`` while the
    DOCTYPE is unfinished.
    """
    depth = 0
    pieces: list[str] = []
    piece_start = -1
    pos = start + len("<!DOCTYPE")
    while True:
        mark = _DOCTYPE_MARK.search(text, pos)
        if mark is None:
            return -1, ""
        char = mark.group()
        pos = mark.end()
        if char in "\"'":
            close = text.find(char, pos)
            if close < 0:
                return -1, ""
            pos = close + 1
        elif char == "<!--":
            close = text.find("-->", pos)
            if close < 0:
                return -1, ""
            if depth == 1:
                pieces.append(text[piece_start : mark.start()])
                piece_start = close + 3
            pos = close + 3
        elif char == "[":
            depth += 1
            if depth == 1:
                piece_start = pos
        elif char == "]":
            if depth == 1:
                pieces.append(text[piece_start : mark.start()])
            depth = max(0, depth - 1)
        elif depth == 0:  # ">"
            return pos, "".join(pieces)


_PROLOG_STARTS = ("<!DOCTYPE", "<!--", "<?")


def split_prolog(head: str) -> tuple[int, str | None]:
    """Where the root element starts in ``head`` and the DOCTYPE's internal subset.

    Returns ``(-1, None)`` while ``head`` does not yet reach the root element.
    """
    pos = 1 if head.startswith("\ufeff") else 0
    declaration = _XML_DECLARATION.match(head, pos)
    if declaration:
        pos = declaration.end()
    subset: str | None = None
    while True:
        item = _PROLOG_ITEM.match(head, pos)
        if item:
            pos = item.end()
            continue
        while pos < len(head) and head[pos].isspace():
            pos += 1
        if head.startswith("<!DOCTYPE", pos):
            end, subset = _doctype_end(head, pos)
            if end < 0:
                return -1, None
            pos = end
            continue
        rest = head[pos : pos + 9]
        if not rest or any(
            rest.startswith(mark) or mark.startswith(rest) for mark in _PROLOG_STARTS
        ):
            return -1, None  # more input needed (or an unfinished prolog item)
        return pos, subset


class EntityExpander:
    """Replaces entity references chunk by chunk; notes each refused name once."""

    __slots__ = (
        "_added",
        "_budget_hit",
        "_carry",
        "_expansions",
        "_limit",
        "_noted",
        "_read",
        "notes",
        "refused",
        "safe",
    )

    def __init__(self, safe: dict[str, str], refused: dict[str, str], notes: list[str]) -> None:
        self.safe = safe
        self.refused = refused
        self.notes = notes
        self._noted: set[str] = set()
        self._carry = ""
        self._added = 0
        self._read = 0
        self._limit = _MIN_BUDGET
        self._budget_hit = False
        #: name -> (value, growth of the text when ``&name;`` becomes the value)
        self._expansions = {name: _expansion(name, value) for name, value in safe.items()}

    def _drop(self, name: str, reason: str) -> str:
        if name not in self._noted:
            self._noted.add(name)
            self.notes.append(f"entity &{name}; not expanded: {reason}; its references are dropped")
        return ""

    def _replace(self, match: re.Match[str]) -> str:
        expansion = self._expansions.get(match[1])
        if expansion is None:
            expansion = self._undeclared(match[1])
            if expansion is None:
                return ""
        value, growth = expansion
        self._added += growth
        if self._added > self._limit:  # the limit is max(_MIN_BUDGET, characters read)
            if not self._budget_hit:
                self._budget_hit = True
                self.notes.append("entity expansion stopped: it would more than double the input")
            return ""
        return value

    def _undeclared(self, name: str) -> tuple[str, int] | None:
        """The expansion of a name not declared plain text: an HTML entity name's character
        (remembered), else ``None`` (refused or unknown: noted once, dropped)."""
        if name in self.refused:
            self._drop(name, self.refused[name])
            return None
        codepoint = name2codepoint.get(name)
        if codepoint is None:
            self._drop(name, "it is not declared")
            return None
        expansion = self._expansions[name] = _expansion(name, f"&#{codepoint};")
        return expansion

    def feed(self, chunk: str) -> str:
        """Expanded text of ``chunk``; a reference cut at the chunk end waits for the next."""
        text = self._carry + chunk
        self._read += len(chunk)
        self._limit = max(_MIN_BUDGET, self._read)
        cut = _PARTIAL_REFERENCE.search(text, max(0, len(text) - 70))
        if cut:
            text, self._carry = text[: cut.start()], text[cut.start() :]
        else:
            self._carry = ""
        return _REFERENCE.sub(self._replace, text) if "&" in text else text

    def close(self) -> str:
        """Whatever is left over at the end of the input."""
        rest, self._carry = self._carry, ""
        return _REFERENCE.sub(self._replace, rest)


def _expansion(name: str, value: str) -> tuple[str, int]:
    """``value`` and how much longer it is than the reference ``&name;``."""
    return value, len(value) - len(name) - 2


def safe_xml_bytes(chunks: Iterable[str], notes: list[str]) -> Iterator[bytes]:
    """UTF-8 XML without prolog (declaration, DOCTYPE) and with entity references expanded.

    A prolog that never reaches the root element (cut off, or longer than 1 MB) is refused:
    nothing is passed on, so lxml reports an empty document. (Passing it through would not
    do: lxml keeps unexpanded internal entities as nodes and expands them on output.)
    """
    pieces = iter(chunks)
    head = ""
    start = -1
    subset: str | None = None
    for piece in pieces:
        head += piece
        start, subset = split_prolog(head)
        if start >= 0 or len(head) > _MAX_PROLOG:
            break
    if start < 0:
        if head.strip():
            notes.append("the XML prolog does not end within 1 MB or is cut off: not read")
        return
    safe, refused = read_internal_subset(subset) if subset else ({}, {})
    expander = EntityExpander(safe, refused, notes)
    yield expander.feed(head[start:]).encode("utf-8", "replace")
    for piece in pieces:
        yield expander.feed(piece).encode("utf-8", "replace")
    yield expander.close().encode("utf-8", "replace")


class XmlFeed:
    """The file-like object lxml reads: hardened UTF-8 chunks, counting lines as they go,
    so that a parse error can be told apart as "the input ended here" (a cut-off file).
    """

    __slots__ = ("_chunks", "exhausted", "lines")

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self.lines = 1
        self.exhausted = False

    def read(self, size: int = -1) -> bytes:
        """The next non-empty chunk (lxml accepts chunks larger than ``size``)."""
        for chunk in self._chunks:
            if chunk:
                self.lines += chunk.count(b"\n")
                return chunk
        self.exhausted = True
        return b""

    def ends_at(self, error: etree.XMLSyntaxError) -> bool:
        """True when ``error`` was raised on the last line after all input was read."""
        line = error.position[0] if error.position else 0
        return self.exhausted and line >= self.lines


def iterparse_safe(
    chunks: Iterable[str],
    notes: list[str],
    *,
    events: tuple[str, ...] = ("end",),
    tag: Iterable[str] | None = None,
) -> tuple[Iterator[tuple[str, Any]], XmlFeed]:
    """``lxml.etree.iterparse`` over text chunks, hardened as the module describes.

    Returns the event iterator and the feed (for :meth:`XmlFeed.ends_at`).
    """
    feed = XmlFeed(safe_xml_bytes(chunks, notes))
    events_iterator = etree.iterparse(feed, events=events, tag=tag, **SAFE_PARSER_OPTIONS)
    return events_iterator, feed


def parse_xml(text: str, notes: list[str]) -> etree._Element:
    """The whole document as an element tree, hardened; raises ``etree.XMLSyntaxError``."""
    parser = etree.XMLParser(**SAFE_PARSER_OPTIONS)
    return etree.fromstring(b"".join(safe_xml_bytes(chunks_of(text), notes)), parser)


def chunks_of(text: str) -> Iterator[str]:
    """``text`` in 1 MiB pieces (the input of :func:`iterparse_safe` for an in-memory string)."""
    for start in range(0, len(text), _CHUNK):
        yield text[start : start + _CHUNK]


def _stream_codec(head: bytes) -> tuple[str, int]:
    """Codec for an XML byte stream (BOM, then the declaration; Latin-1 read as cp1252)."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name, len(bom)
    declared = _DECLARED_ENCODING.match(head)
    if declared:
        try:
            codec = codecs.lookup(declared.group(1).decode("ascii")).name
        except LookupError:
            return "utf-8", 0
        if codec in ("latin-1", "iso8859-1", "ascii"):
            return "cp1252", 0  # as pqparse.text.decode does for whole documents
        if not codec.startswith(("utf-16", "utf-32")):
            return codec, 0
    return "utf-8", 0


#: Codecs that decode every ASCII byte to that character and never carry state across
#: an ASCII chunk: such a chunk decodes with ``bytes.decode("ascii")`` (a C copy) instead.
_ASCII_COMPATIBLE = frozenset({"utf-8", "cp1252"})


def _decoded(decoder: codecs.IncrementalDecoder, data: bytes, ascii_compatible: bool) -> str:
    """``decoder.decode(data)``; a plain ASCII chunk directly when nothing is pending."""
    if ascii_compatible and data.isascii() and not decoder.getstate()[0]:
        return data.decode("ascii")
    return decoder.decode(data)


def decode_xml_stream(handle: IO[bytes], chunk_size: int = _CHUNK) -> Iterator[str]:
    """Text chunks of a binary XML file, decoded incrementally (constant memory)."""
    head = handle.read(chunk_size)
    codec, skip = _stream_codec(head)
    decoder = codecs.getincrementaldecoder(codec)(errors="replace")
    ascii_compatible = codec in _ASCII_COMPATIBLE
    yield _decoded(decoder, head[skip:], ascii_compatible)
    while True:
        data = handle.read(chunk_size)
        if not data:
            break
        yield _decoded(decoder, data, ascii_compatible)
    yield decoder.decode(b"", final=True)
