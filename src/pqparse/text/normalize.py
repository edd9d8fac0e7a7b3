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


def normalize_text(text: str) -> str:
    """Normalise line endings, spaces and invisible characters (offset-defining step)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _ANY_SPECIAL.search(text) is None:  # the common case: one scan, no copies
        return text
    text = _UNICODE_LINE_ENDS.sub("\n", text)
    text = _ODD_SPACES.sub(" ", text)
    return _INVISIBLE.sub("", text)


def clean_inline(text: str) -> str:
    """Fold every whitespace run to one space and strip the ends."""
    return " ".join(text.split())
