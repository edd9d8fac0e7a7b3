"""Answering ministers: the role string kept as shown, the department pulled from it.

"Minister of State (Home Office)" → "Home Office"; "Parliamentary Under Secretary of State
(Department for Business and Trade) (Minister for Women)" → "Department for Business and
Trade" (a parenthetical that is itself a title is skipped); an office title such as
"Secretary of State for Defence", "Parliamentary Under-Secretary of State for Transport" or
Hansard's "The Minister of State, Ministry of Justice (Lord McNally)" (the parenthetical is
the minister's name) goes through the addressee table.
"""

from __future__ import annotations

import functools
import re

from pqparse.extract.departments import department_for_office, names_a_body
from pqparse.models import Minister
from pqparse.text.normalize import clean_inline

__all__ = ["department_from_role", "parse_minister"]

_PARENTHETICAL = re.compile(r"\(([^()]{2,120})\)")
_TITLE = re.compile(
    r"^(?:Minister|Parliamentary|Secretary|Under|Deputy|Assistant|Government|Whip|Lord|"
    r"Baroness|Leader|Chief|Captain|Parly|Senior|Junior|Shadow|Lords|Commons|on Leave|Joint)\b",
    re.IGNORECASE,
)
# A person in the parenthetical of a Hansard role: "(Mr. Ben Bradshaw)", "(Lord McNally)".
_HONORIFIC = re.compile(
    r"^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lord|Lady|Baroness|Viscount|Viscountess|Earl|"
    r"Countess|Duke|Marquess|Bishop|Rt\.? Hon|Right Hon|The Lord|The Earl)\b\.?",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=1024)
def department_from_role(role: str | None) -> str | None:
    """The department a role names, or ``None`` when it names none (remembered by exact
    role: a listing repeats a handful of roles)."""
    if not role:
        return None
    from_head = department_for_office(role.split("(", 1)[0])
    for match in _PARENTHETICAL.finditer(role):
        inside = clean_inline(match.group(1))
        if _TITLE.match(inside) or _HONORIFIC.match(inside):
            continue
        if from_head is None or names_a_body(inside):
            return inside
    return from_head


@functools.lru_cache(maxsize=1024)
def parse_minister(name: str, role: str | None = None) -> Minister:
    """Minister with cleaned name and role, and the department the role names (remembered
    by exact name and role; the frozen result is shared)."""
    clean_role = clean_inline(role) if role else None
    return Minister(
        name=clean_inline(name),
        role=clean_role or None,
        department=department_from_role(clean_role),
    )
