"""Bytes to text: byte-order marks, declared charsets, UTF-8, then cp1252; mojibake repair.

Mojibake ("â€™" for "’", "Â£" for "£") is repaired with ftfy, but only when a cheap scan
finds its tell-tale sequences, so clean text pays nothing.
"""

from __future__ import annotations

import codecs
import re

import ftfy

from pqparse.text.normalize import normalize_text

__all__ = ["decode_bytes", "prepare_text", "repair_mojibake"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED_CHARSET = re.compile(
    rb"""(?:<meta[^>]{0,200}?charset\s*=\s*["']?|<\?xml[^>]{0,100}?encoding\s*=\s*["'])"""
    rb"""([A-Za-z0-9._:-]{1,40})""",
    re.IGNORECASE,
)
# Sequences that UTF-8 text takes on when decoded as cp1252/latin-1.
_MOJIBAKE = re.compile(
    "[\u00c2\u00c3\u00e2][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _guess_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: every other byte of ASCII text is NUL."""
    head = data[:200]
    if len(head) < 4:
        return None
    if head[1::2].count(0) > len(head) // 4 and head[0::2].count(0) == 0:
        return "utf-16-le"
    if head[0::2].count(0) > len(head) // 4 and head[1::2].count(0) == 0:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data``; returns ``(text, encoding used)``. Never raises on content."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace"), name
    utf16 = _guess_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    declared = _DECLARED_CHARSET.search(data, 0, 4096)
    if declared:
        codec = _codec(declared.group(1).decode("ascii"))
        if codec and codec not in ("utf-16", "utf-32"):
            if codec in ("latin-1", "iso8859-1", "ascii"):
                codec = "cp1252"  # what browsers do, and a superset for printable text
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def repair_mojibake(text: str) -> tuple[str, bool]:
    """Repair UTF-8-read-as-cp1252 text; returns ``(text, whether anything changed)``."""
    # exact pre-checks: every mojibake sequence starts with one of these three characters
    # (none of them ASCII; ``isascii`` is a flag lookup)
    if (
        text.isascii()
        or ("\u00c3" not in text and "\u00c2" not in text and "\u00e2" not in text)
        or not _MOJIBAKE.search(text)
    ):
        return text, False
    fixed = ftfy.fix_encoding(text)
    return fixed, fixed != text


def prepare_text(source: str | bytes) -> tuple[str, list[str]]:
    """Decode (bytes), repair mojibake and normalise; returns the text and notes on repairs."""
    notes: list[str] = []
    if isinstance(source, bytes):
        source, encoding = decode_bytes(source)
        if encoding not in ("utf-8", "ascii"):
            notes.append(f"decoded as {encoding}")
    text, repaired = repair_mojibake(source)
    if repaired:
        notes.append("repaired mojibake (UTF-8 read as cp1252)")
    return normalize_text(text), notes
