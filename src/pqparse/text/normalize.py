"""Text normalisation: the one place that decides what ``Document.text`` looks like.

Line endings become ``\\n``, no-break and odd spaces become spaces, invisible characters go.
Field values are further cleaned by :func:`clean_inline` (whitespace runs folded).
"""

from __future__ import annotations

import re

__all__ = ["clean_inline", "normalize_text"]

_ODD_SPACES = re.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\x0b\x0c]")
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f]")
_UNICODE_LINE_ENDS = re.compile("[\u2028\u2029\x85]")
_ANY_SPECIAL = re.compile(
    "[\u2028\u2029\x85\t\u00a0\u1680\u2000-\u200d\u202f\u205f\u3000\x0b\x0c"
    "\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f]"
)


#: Bytes that normalisation never touches: "\n" and printable ASCII.
_PLAIN_ASCII = bytes([0x0A, *range(0x20, 0x7F)])


def _unusual_characters(text: str) -> str:
    """The characters of ``text`` other than printable ASCII and ``\\n``, in order.

    Found in C: the UTF-8 bytes with the plain ASCII ones deleted (a multi-byte sequence
    never holds an ASCII byte, so what is left decodes to exactly those characters).
    """
    if text.isascii():
        return text.encode("ascii").translate(None, _PLAIN_ASCII).decode("ascii")
    data = text.encode("utf-8", "surrogatepass").translate(None, _PLAIN_ASCII)
    return data.decode("utf-8", "surrogatepass")


def normalize_text(text: str) -> str:
    """Normalise line endings, spaces and invisible characters (offset-defining step)."""
    # Everything this changes is outside printable ASCII: the common clean text is
    # recognised without a regex scan, and the pattern below runs on the few others.
    unusual = _unusual_characters(text)
    if not unusual:
        return text
    if "\r" in unusual:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # each special character has one fixed replacement, none of them special: replacing
    # the few distinct ones present one by one (str.replace, in C) is the same mapping
    for special in set(_ANY_SPECIAL.findall(unusual)):
        text = text.replace(special, _replacement(special))
    return text


def _replacement(special: str) -> str:
    """What one special character becomes: a line break, a space or nothing."""
    if _UNICODE_LINE_ENDS.match(special):
        return "\n"
    if _ODD_SPACES.match(special):
        return " "
    return ""


#: Printable ASCII: the one whitespace character among them is the space.
_PRINTABLE_ASCII = bytes(range(0x20, 0x7F))
_CHECK_FROM = 100


def clean_inline(text: str) -> str:
    """Fold every whitespace run to one space and strip the ends."""
    # Already clean (most long values): printable ASCII whose spaces are single and inner.
    # Checking costs about what folding costs at ~100 characters; shorter ones just fold.
    if (
        len(text) > _CHECK_FROM
        and text.isascii()
        and "  " not in text
        and text[:1] != " "
        and text[-1:] != " "
        and not text.encode("ascii").translate(None, _PRINTABLE_ASCII)
    ):
        return text
    return " ".join(text.split())
