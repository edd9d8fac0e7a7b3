"""Member names as sources print them: "Name (Party - Constituency)", Portrait captions.

Display names keep their honorifics ("Mr Nick Hurd", "Dame Diana Johnson", "Lord Agnew of
Oulton", "Baroness Penn"); only the trailing parenthetical is split off.
"""

from __future__ import annotations

import functools
import re

from pqparse.models import Member
from pqparse.text.normalize import clean_inline

__all__ = ["is_portrait_caption", "parse_member", "split_trailing_parenthetical"]

_PORTRAIT_WORD = "Portrait"
# (?<!\s) starts each try at the beginning of a whitespace run: linear on long runs.
_PARTY_SEAT_SEPARATOR = re.compile(r"(?<!\s)\s+[-–—]\s+")


def _without_portrait(text: str) -> str | None:
    """The name in "<Name> Portrait", or ``None`` when ``text`` is not a Portrait caption."""
    stripped = text.rstrip()
    if not stripped.endswith(_PORTRAIT_WORD):
        return None
    name = stripped[: -len(_PORTRAIT_WORD)]
    if not name or not name[-1].isspace() or not name.strip():
        return None
    return name.rstrip()


def is_portrait_caption(line: str) -> bool:
    """True for an image caption line such as "Diana Johnson Portrait"."""
    return _without_portrait(line) is not None


def split_trailing_parenthetical(text: str) -> tuple[str, str | None]:
    """Split "Name (Party - Seat)" into ``("Name", "Party - Seat")``; nested parens allowed."""
    text = text.strip()
    if not text.endswith(")"):
        return text, None
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        char = text[index]
        if char == ")":
            depth += 1
        elif char == "(":
            depth -= 1
            if depth == 0:
                return text[:index].rstrip(), text[index + 1 : -1].strip()
    return text, None


@functools.lru_cache(maxsize=1024)
def parse_member(text: str) -> Member:
    """Member from "Name (Party - Constituency)", "Name (Constituency)", "(Constituency)"
    or a bare name. A single parenthetical without " - " is taken as the constituency.
    Remembered by exact text (the frozen result is shared): listings repeat their askers.
    """
    text = clean_inline(_without_portrait(text) or text)
    name, inside = split_trailing_parenthetical(text)
    party: str | None = None
    seat: str | None = None
    if inside:
        parts = _PARTY_SEAT_SEPARATOR.split(inside, maxsplit=1)
        if len(parts) == 2:
            party, seat = parts[0].strip() or None, parts[1].strip() or None
        else:
            seat = inside
    return Member(name=name or None, party=party, constituency=seat)
