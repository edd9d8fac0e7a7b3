"""Answering ministers: the role string kept as shown, the department pulled from it.

"Minister of State (Home Office)" → "Home Office"; "Parliamentary Under Secretary of State
(Department for Business and Trade) (Minister for Women)" → "Department for Business and
Trade" (a parenthetical that is itself a title is skipped); a bare office title such as
"Secretary of State for Defence" goes through the addressee table.
"""

from __future__ import annotations

import re

from pqparse.extract.departments import department_for_office
from pqparse.models import Minister
from pqparse.text.normalize import clean_inline

__all__ = ["department_from_role", "parse_minister"]

_PARENTHETICAL = re.compile(r"\(([^()]{2,120})\)")
_TITLE = re.compile(
    r"^(?:Minister|Parliamentary|Secretary|Under|Deputy|Assistant|Government|Whip|Lord|"
    r"Baroness|Leader|Chief|Captain|Parly|Senior|Junior|Shadow|Lords|Commons|on Leave)\b",
    re.IGNORECASE,
)


def department_from_role(role: str | None) -> str | None:
    """The department a role names, or ``None`` when it names none."""
    if not role:
        return None
    for match in _PARENTHETICAL.finditer(role):
        inside = clean_inline(match.group(1))
        if not _TITLE.match(inside):
            return inside
    head = role.split("(", 1)[0]
    return department_for_office(head)


def parse_minister(name: str, role: str | None = None) -> Minister:
    """Minister with cleaned name and role, and the department the role names."""
    clean_role = clean_inline(role) if role else None
    return Minister(
        name=clean_inline(name),
        role=clean_role or None,
        department=department_from_role(clean_role),
    )
