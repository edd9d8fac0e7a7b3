"""Who a question is addressed to, and the department that answers for that office.

``ADDRESSEE_TO_DEPARTMENT`` is plain data: the real office titles used after "To ask the",
past and present, mapped to the answering body as the government names it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

import attrs

from pqparse.models import House

__all__ = [
    "ADDRESSEE_TO_DEPARTMENT",
    "Addressee",
    "department_for_office",
    "find_addressee",
    "house_from_question",
    "names_a_body",
]

ADDRESSEE_TO_DEPARTMENT: dict[str, str] = {
    "Secretary of State for the Home Department": "Home Office",
    "Secretary of State for Foreign, Commonwealth and Development Affairs": (
        "Foreign, Commonwealth and Development Office"
    ),
    "Secretary of State for Foreign and Commonwealth Affairs": "Foreign and Commonwealth Office",
    "Minister of State, Foreign, Commonwealth and Development Office": (
        "Foreign, Commonwealth and Development Office"
    ),
    "Secretary of State for Health and Social Care": "Department of Health and Social Care",
    "Secretary of State for Health": "Department of Health",
    "Secretary of State for Business and Trade": "Department for Business and Trade",
    "Secretary of State for Business, Energy and Industrial Strategy": (
        "Department for Business, Energy and Industrial Strategy"
    ),
    "Secretary of State for Business, Innovation and Skills": (
        "Department for Business, Innovation and Skills"
    ),
    "Secretary of State for Business, Enterprise and Regulatory Reform": (
        "Department for Business, Enterprise and Regulatory Reform"
    ),
    "Secretary of State for Trade and Industry": "Department of Trade and Industry",
    # 1992-1998 Commons questions were put to the President of the Board of Trade (DTI)
    "President of the Board of Trade": "Department of Trade and Industry",
    "Secretary of State for International Trade": "Department for International Trade",
    "Secretary of State for Exiting the European Union": (
        "Department for Exiting the European Union"
    ),
    "Secretary of State for Energy Security and Net Zero": (
        "Department for Energy Security and Net Zero"
    ),
    "Secretary of State for Energy and Climate Change": "Department of Energy and Climate Change",
    "Secretary of State for Science, Innovation and Technology": (
        "Department for Science, Innovation and Technology"
    ),
    "Secretary of State for Digital, Culture, Media and Sport": (
        "Department for Digital, Culture, Media and Sport"
    ),
    "Secretary of State for Culture, Media and Sport": "Department for Culture, Media and Sport",
    "Secretary of State for Culture, Olympics, Media and Sport": (
        "Department for Culture, Media and Sport"
    ),
    "Secretary of State for Education": "Department for Education",
    "Secretary of State for Education and Employment": "Department for Education and Employment",
    "Secretary of State for Education and Skills": "Department for Education and Skills",
    "Secretary of State for Employment": "Department of Employment",
    "Secretary of State for Children, Schools and Families": (
        "Department for Children, Schools and Families"
    ),
    "Secretary of State for Innovation, Universities and Skills": (
        "Department for Innovation, Universities and Skills"
    ),
    "Secretary of State for Work and Pensions": "Department for Work and Pensions",
    "Secretary of State for Social Security": "Department of Social Security",
    "Secretary of State for Social Services": "Department of Health and Social Security",
    "Secretary of State for Transport": "Department for Transport",
    "Secretary of State for Transport, Local Government and the Regions": (
        "Department for Transport, Local Government and the Regions"
    ),
    "Secretary of State for the Environment, Transport and the Regions": (
        "Department of the Environment, Transport and the Regions"
    ),
    "Secretary of State for Environment, Transport and the Regions": (
        "Department of the Environment, Transport and the Regions"
    ),
    "Secretary of State for the Environment": "Department of the Environment",
    "Secretary of State for Energy": "Department of Energy",
    "Secretary of State for National Heritage": "Department of National Heritage",
    "Minister of Agriculture, Fisheries and Food": "Ministry of Agriculture, Fisheries and Food",
    "Secretary of State for Defence": "Ministry of Defence",
    "Secretary of State for Justice": "Ministry of Justice",
    "Secretary of State for Constitutional Affairs": "Department for Constitutional Affairs",
    "Secretary of State for Environment, Food and Rural Affairs": (
        "Department for Environment, Food and Rural Affairs"
    ),
    "Secretary of State for the Environment, Food and Rural Affairs": (
        "Department for Environment, Food and Rural Affairs"
    ),
    "Secretary of State for Housing, Communities and Local Government": (
        "Ministry of Housing, Communities and Local Government"
    ),
    "Secretary of State for Levelling Up, Housing and Communities": (
        "Department for Levelling Up, Housing and Communities"
    ),
    "Secretary of State for Communities and Local Government": (
        "Department for Communities and Local Government"
    ),
    "Secretary of State for International Development": "Department for International Development",
    "Secretary of State for Northern Ireland": "Northern Ireland Office",
    "Secretary of State for Scotland": "Scotland Office",
    "Secretary of State for Wales": "Wales Office",
    "Secretary of State for Women and Equalities": "Women and Equalities",
    "Minister for Women and Equalities": "Women and Equalities",
    "Minister for Women": "Women and Equalities",
    "Minister for Equalities": "Women and Equalities",
    "Chancellor of the Exchequer": "HM Treasury",
    "Mr Chancellor of the Exchequer": "HM Treasury",
    "Chief Secretary to the Treasury": "HM Treasury",
    "Parliamentary Secretary to the Treasury": "HM Treasury",
    "Financial Secretary to the Treasury": "HM Treasury",
    "Economic Secretary to the Treasury": "HM Treasury",
    "Exchequer Secretary to the Treasury": "HM Treasury",
    "Paymaster General": "Cabinet Office",
    "Chancellor of the Duchy of Lancaster": "Cabinet Office",
    "Minister for the Cabinet Office": "Cabinet Office",
    "Minister without Portfolio": "Cabinet Office",
    "Prime Minister": "Prime Minister",
    "Deputy Prime Minister": "Deputy Prime Minister",
    "Deputy Prime Minister and First Secretary of State": "Office of the Deputy Prime Minister",
    "Attorney General": "Attorney General",
    "Solicitor General": "Attorney General",
    "Attorney-General": "Attorney General",
    "Solicitor-General": "Attorney General",
    "Advocate General for Scotland": "Advocate General for Scotland",
    "Leader of the House": "Leader of the House",
    "Leader of the House of Commons": "Leader of the House",
    "Lord President of the Council": "Leader of the House",
    "Lord Privy Seal": "Leader of the House",
    "Minister for Overseas Development": "Overseas Development Administration",
    "Parliamentary Secretary, Lord Chancellor's Department": "Lord Chancellor's Department",
}

_REPRESENTED_BODIES = (
    "Church Commissioners",
    "House of Commons Commission",
    "Speaker's Committee on the Electoral Commission",
    "Speaker's Committee for the Independent Parliamentary Standards Authority",
    "Public Accounts Commission",
    "Parliamentary Works Sponsor Body",
)

#: What may follow an office title: punctuation, a question word, or the end of the text.
_AFTER_OFFICE = r"(?=\s*[,;:.(]|\s+(?:whether|what|how|if|when|which|why|for|to|on|in)\b|\s*$)"


def _title_trie(titles: Iterable[str]) -> str:
    """One pattern matching the longest of ``titles`` followed by :data:`_AFTER_OFFICE`.

    The same matches as ``(?:t1|t2|...)`` with the titles longest first, a space matching any
    whitespace run, case ignored; but as a trie of characters, so the titles' shared starts
    ("Secretary of State for ") are read once instead of once per title. Exact because
    sibling branches never match the same character (distinct lower-case letters and
    punctuation, or whitespace), so only "this title ends here" competes with going on, and
    it is tried last: the longest title whose lookahead holds wins, as in the alternation.
    """
    root: dict[str, Any] = {}
    for title in titles:
        node = root
        for char in title.lower():
            node = node.setdefault(char, {})
        node[""] = {}  # a title ends here

    def branch(node: dict[str, Any]) -> str:
        options = [
            (r"\s+" if char == " " else re.escape(char)) + branch(child)
            for char, child in sorted(node.items())
            if char
        ]
        if "" in node:
            options.append(_AFTER_OFFICE)
        return options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"

    return branch(root)


_OFFICE = re.compile(r"(?:the\s+)?(" + _title_trie(ADDRESSEE_TO_DEPARTMENT) + ")", re.IGNORECASE)
# Characters that case-insensitive matching takes for the table's ASCII letters: the
# long s, the dotless i, the dotted capital I and the Kelvin sign.
_FOLD_TO_ASCII = str.maketrans({"\u017f": "s", "\u0131": "i", "\u0130": "i", "\u212a": "k"})
_REPRESENTING = re.compile(
    r"(?:the\s+)?((?:right\s+)?hon(?:ourable|\.)?\s+(?:and\s+(?:learned|gallant|reverend)\s+)?"
    # the seat may have commas: "Caithness, Sutherland and Easter Ross"
    r"(?:Member|Lady|Gentleman|Friend)\s+for\s+[^,]{1,80}(?:,[^,]{1,80}){0,3}?,"
    r"\s+representing\s+the\s+"
    r"([^,.;]{2,120}?))(?=\s*[,;.]|\s+(?:whether|what|how|if|when|which)\b)",
    re.IGNORECASE,
)
_TO_ASK = re.compile(r"\s*To\s+ask\s+", re.IGNORECASE)
_GOVERNMENT = re.compile(r"(?:His|Her)\s+Majesty'?[’']?s\s+Government\b", re.IGNORECASE)
_GENERIC_ADDRESSEE = re.compile(r"(?:the\s+)?([^,]{3,120}?),")
_MINISTERIAL = re.compile(
    r"\b(?:Secretary|Minister|Chancellor|General|Leader|President|hon\.)", re.IGNORECASE
)
_SPACES = re.compile(r"\s+")
_CANONICAL = {_SPACES.sub(" ", k.lower()): v for k, v in ADDRESSEE_TO_DEPARTMENT.items()}
_CANONICAL_TITLE = {_SPACES.sub(" ", k.lower()): k for k in ADDRESSEE_TO_DEPARTMENT}
_KNOWN_BODIES = {v.lower() for v in ADDRESSEE_TO_DEPARTMENT.values()} | {
    b.lower() for b in _REPRESENTED_BODIES
}
_BODY_WORD = re.compile(
    r"\b(?:Office|Department|Ministry|Treasury|Commission|Commissioners|Executive|Agency)\b",
    re.IGNORECASE,
)
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
# "Parliamentary Under-Secretary of State for Health" answers for "Secretary of State for Health"
_JUNIOR_FOR = re.compile(
    r"(?:Parliamentary\s+)?(?:Under[- ]Secretary\s+of\s+State|Minister\s+of\s+State)"
    r"\s+for\s+(?P<portfolio>.+)",
    re.IGNORECASE,
)
# "Minister of State, Home Office", "Parliamentary Under-Secretary of State, Department for ..."
_TITLE_COMMA_BODY = re.compile(
    r"(?:Parliamentary\s+Under[- ]Secretary(?:\s+of\s+State)?|Minister\s+of\s+State"
    r"|Parliamentary\s+Secretary|Secretary\s+of\s+State|Minister),\s+(?P<body>.+)",
    re.IGNORECASE,
)


@attrs.frozen
class Addressee:
    """The office a question is put to, where it sits in the text, and its department."""

    title: str | None
    department: str | None
    house: House | None
    start: int = 0
    end: int = 0


def names_a_body(text: str) -> bool:
    """True when ``text`` names an answering body ("Home Office", "HM Treasury")."""
    clean = _SPACES.sub(" ", text).strip()
    return clean.lower() in _KNOWN_BODIES or _BODY_WORD.search(clean) is not None


#: How the second office of a combined title starts ("... and First Lord of the Treasury").
_SECOND_OFFICE = (
    "First Lord",
    "Leader",
    "Lord ",
    "Minister",
    "Secretary",
    "Chancellor",
    "Paymaster",
    "President",
    "Deputy",
    "Chief",
    "Attorney",
    "Solicitor",
)


def department_for_office(title: str) -> str | None:
    """Department for an office title ("Secretary of State for Defence" → Ministry of Defence).

    Junior offices resolve too: "Parliamentary Under-Secretary of State for Transport" →
    Department for Transport, "Minister of State, Home Office" → Home Office.
    """
    clean = _SPACES.sub(" ", title).strip().rstrip(",:;")
    clean = _LEADING_THE.sub("", clean, count=1)
    known = _CANONICAL.get(clean.lower())
    if known:
        return known
    junior = _JUNIOR_FOR.fullmatch(clean)
    if junior:
        return _CANONICAL.get(f"secretary of state for {junior.group('portfolio').lower()}")
    comma = _TITLE_COMMA_BODY.fullmatch(clean)
    if comma and names_a_body(comma.group("body")):
        return comma.group("body")
    # a combined office: "Prime Minister and First Lord of the Treasury", "Lord President of
    # the Council and Leader of the House of Commons" -> the first office that is known
    head, joined, rest = clean.partition(" and ")
    if joined and rest.startswith(_SECOND_OFFICE):
        return _CANONICAL.get(head.lower())
    return None


# Addressees are frozen values: the two without an office are shared.
_NO_ADDRESSEE = Addressee(None, None, None)
_LORDS_GOVERNMENT = Addressee(None, None, House.LORDS)


@functools.lru_cache(maxsize=1024)
def _known_office(written: str, start: int, end: int) -> Addressee:
    """The addressee for an office title of the table as written in a question.

    Remembered: questions put the same few offices, at the same place, over and over.
    """
    key = " ".join(written.lower().split())
    if key not in _CANONICAL:  # matched through a look-alike letter ("ſ", "ı")
        key = " ".join(written.translate(_FOLD_TO_ASCII).lower().split())
    return Addressee(_CANONICAL_TITLE[key], _CANONICAL[key], House.COMMONS, start, end)


def find_addressee(question_text: str) -> Addressee:
    """Read "To ask the <office>, ..." at the start of a question.

    Lords questions ("To ask His Majesty's Government ...") have no addressee. An office not
    in the table keeps the text up to the first comma, with no department.
    """
    lead = _TO_ASK.match(question_text)
    if lead is None:
        return _NO_ADDRESSEE
    pos = lead.end()
    if _GOVERNMENT.match(question_text, pos):
        return _LORDS_GOVERNMENT
    office = _OFFICE.match(question_text, pos)
    if office:
        return _known_office(office.group(1), *office.span(1))
    represented = _REPRESENTING.match(question_text, pos)
    if represented:
        body = _SPACES.sub(" ", represented.group(2)).strip()
        known = next((b for b in _REPRESENTED_BODIES if b.lower() == body.lower()), body)
        return Addressee(
            _SPACES.sub(" ", represented.group(1)),
            known,
            House.COMMONS,
            represented.start(1),
            represented.end(1),
        )
    generic = _GENERIC_ADDRESSEE.match(question_text, pos)
    if generic:
        title = _SPACES.sub(" ", generic.group(1))
        house = House.COMMONS if _MINISTERIAL.search(title) else None
        return Addressee(title, None, house, generic.start(1), generic.end(1))
    return Addressee(None, None, None)


def house_from_question(question_text: str) -> House | None:
    """Commons for "To ask the <office>,", Lords for "To ask His/Her Majesty's Government"."""
    return find_addressee(question_text).house
