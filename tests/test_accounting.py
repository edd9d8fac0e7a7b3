"""No content is silently dropped: every word of every fixture's text is accounted for.

A word of ``Document.text`` must be part of a field value of some record, part of a date
(fields hold dates in ISO form), a word of the formats' known labels and chrome, or inside a
stretch reported as ``PQ103`` (unparsed text). A paragraph lost by a parser fails this test.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import pqparse
from fixture_files import fixture_id, fixture_inputs

WORD = re.compile(r"[^\W_]+", re.UNICODE)
DATE_WORD = re.compile(
    r"^(?:\d{1,4}(?:st|nd|rd|th)?|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?"
    r"|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day|t\d\d)$"
)
#: Words of labels and page chrome that the formats know (see docs/formats/*.md).
CHROME_WORDS = frozenset(
    """
    reticulating splines view source portrait answered asked by on this question was to the
    tabled written answer answers questions showing out of results per page expand all print
    selected grouped holding received close named day registered interest uin commons lords
    house a q for alert sample keep yourself up date with latest developments match exact
    phrase use quotation marks around search term questioner corrected correction withdrawn
    attachments attachment statement statements date hansard column columns wa w wh heading
    department answering body member members parliament uk historical can be found in
    contents previous next share copy link home skip main content cookies
    """.split()  # noqa: SIM905 - a word list reads best as text
)

#: Whole chrome sentences and lines (docs/formats/*.md): their words are chrome only where
#: the phrase itself occurs, so common words in them do not weaken the check elsewhere.
CHROME_PHRASES = re.compile(
    r"(?:Tip: )?To match (?:an exact|a) phrase, use quotation marks around the search term\. "
    r'eg\. "Parliamentary Estate"(?:\. Use "OR" or "AND" as link words to form more complex '
    r"queries\.)?"
    r"|Keep yourself up-to-date with the latest developments by exploring our subscription "
    r"options to receive notifications direct to your inbox"
    r"|View sample alert|View the Parallel Parliament page for the |Information between "
    r"|Note: This sample does not contain the most recent 2 weeks of information\. Up to date "
    r"samples can only be viewed by Subscribers\.|Click here to view Subscription options\."
    r"|View calendar(?: - Add to calendar)?"
    r"|['‘’]Named day['‘’] questions only occur in the House of Commons\. The MP tabling the "
    r"question specifies the date on which they should receive an answer\. MPs may not table "
    r"more than five named day questions on a single day\."
    r"|Indicates that a relevant interest has been declared\."
    r"|An error has been identified in the written answer given on"
    r"|The correct answer should have been:|Awaiting answer"
    r"|This question was grouped with the following question\(s\) for answer:"
    r"|Written questions allow Members of Parliament to ask government ministers for "
    r"information on the work, policy and activities of government departments\."
    r"|Find the latest written questions and answers for the [\w–-]+ session below\. "
    r"(?:We welcome your feedback on this service\.|This is a new service and we welcome your "
    r"feedback so we can improve it\.)"
    r"|Unique Identifying Number – Every written question in the House of Commons has a UIN "
    r"per Parliament\. In the House of Lords each written questions has a UIN per "
    r"parliamentary session\."
    r"|(?m:^(?:Written questions and answers|Show|Find by:|\[[NR]\])$)"
    r"|Showing \d+-\d+ out of \d+|(?m:^['‘’]Named day['‘’] questions only occur[^\n]*$)"
    r"|(?m:^(?:Calendar|Parliamentary Debates|Select Committee Documents|Written Answers)"
    r"(?= *\|| *$))"
    # hansard-written-answers: column markers, citation lines, navigation, recess notes, the
    # archive banner, and the name glued to "asked" in Historic Hansard text ("Allaunasked")
    r"|\d{1,2} [A-Z][a-z]{2,8}\.? \d{4} : Column:? ?(?:W[AS] ?)?\d{1,4}W?(?: ?[—–-]+ ?continued)?"
    r"|(?m:^(?:Column \d{1,4}|W[AS] \d{1,4})$)|\[Continued (?:from|in) [Cc]olumn \d{1,4}W?\]"
    r"|H[CL] Deb \d{1,2} [A-Z][a-z]+ \d{4} vol \d{1,4} cc?\d{1,4}(?:-\d{1,4})?W?"
    r"|(?m:^(?:(?:Previous|Next) Section|Index|Home Page)"
    r"(?: \| (?:(?:Previous|Next) Section|Index|Home Page))*$)"
    r"|The following (?:answers? (?:was|were) received between|questions? (?:was|were) answered on)"
    r"|The text on this page has been created from Hansard archive content, it may contain "
    r"typographical errors\."
    r"|[A-Z][a-z]+(?=asked (?:the|Her|His) )"
)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _unaccounted(doc: pqparse.Document) -> list[str]:
    field_words: set[str] = set()
    for record in doc.records:
        for value in _strings(pqparse.to_dict(record)):
            field_words.update(w.casefold() for w in WORD.findall(value))
    reported = sorted(
        [(d.span.start, d.span.end) for d in doc.diagnostics if d.code == "PQ103" and d.span]
        + [m.span() for m in CHROME_PHRASES.finditer(doc.text)]
    )
    missing: list[str] = []
    index = 0
    for match in WORD.finditer(doc.text):
        while index < len(reported) and reported[index][1] < match.start():
            index += 1
        if index < len(reported) and reported[index][0] <= match.start() < reported[index][1]:
            continue
        word = match.group().casefold()
        if word in field_words or word in CHROME_WORDS or DATE_WORD.match(word):
            continue
        missing.append(match.group())
    return missing


@pytest.mark.parametrize("path", fixture_inputs(), ids=fixture_id)
def test_every_word_is_a_field_chrome_or_reported(path: Path) -> None:
    doc = pqparse.parse(path.read_bytes())
    missing = _unaccounted(doc)
    assert not missing, f"words in no field and not reported as unparsed: {missing[:20]}"


def test_a_dropped_paragraph_is_caught() -> None:
    example = Path(__file__).parents[1] / "examples"
    doc = pqparse.parse_file(example / "parallel-parliament-offences-against-children.txt")
    record = doc.records[0]
    assert record.answer is not None
    shortened = record.answer.paragraphs[:-1]
    import attrs

    lossy = attrs.evolve(
        doc,
        records=(
            attrs.evolve(
                record,
                answer=attrs.evolve(
                    record.answer, paragraphs=shortened, text="\n\n".join(shortened)
                ),
            ),
        ),
    )
    assert _unaccounted(lossy), "the check must notice a lost paragraph"
