"""Hostile XML: no external entities, no DTD fetching, no network, no entity amplification.

Every XML entry point goes through :mod:`pqparse.text.xml`; these tests attack it directly
and through the public API (``parse`` and the streaming ``iter_records``), and check that
the plain-text entities real parlparse files declare (``&pound;``) still resolve.
"""

from __future__ import annotations

import io
import socket
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from lxml import etree

import pqparse
from pqparse.text.xml import (
    MAX_ENTITY_VALUE,
    SAFE_PARSER_OPTIONS,
    chunks_of,
    iterparse_safe,
    parse_xml,
    read_internal_subset,
    split_prolog,
)

FORMAT = "theyworkforyou-xml"
SECRET = "TOP-SECRET-0451"
LIMIT = 0.1  # seconds


def _day(doctype: str, paragraph: str) -> str:
    """A one-question parlparse day whose question paragraph is ``paragraph``."""
    return (
        f'<?xml version="1.0" encoding="ISO-8859-1"?>\n{doctype}\n'
        '<publicwhip scrapeversion="a" latest="yes">\n'
        '<minor-heading id="uk.org.publicwhip/wrans/2009-10-29a.295601.h">'
        "Charities</minor-heading>\n"
        '<ques id="uk.org.publicwhip/wrans/2009-10-29a.295601.q0" speakername="Mike Penning" '
        'colnum="527W">\n'
        f'<p qnum="295601">To ask the Chancellor of the Exchequer, {paragraph}</p>\n</ques>\n'
        '<reply id="uk.org.publicwhip/wrans/2009-10-29a.295601.r0" speakername="Ian Pearson" '
        'colnum="527W">\n<p>The information is not held centrally.</p>\n</reply>\n'
        "</publicwhip>\n"
    )


def _billion_laughs(levels: int = 10) -> str:
    entities = ['<!ENTITY lol0 "lol">']
    entities += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels)]
    doctype = "<!DOCTYPE publicwhip [\n" + "\n".join(entities) + "\n]>"
    return _day(doctype, f"what the cost is &lol{levels - 1};.")


def _timed(work: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def _texts(doc: pqparse.Document) -> str:
    return doc.text + "".join(pqparse.to_json(r) for r in doc.records)


def _streamed(source: str) -> list[pqparse.WrittenQuestion]:
    return list(pqparse.iter_records(io.BytesIO(source.encode("latin-1")), format=FORMAT))


# --- amplification -------------------------------------------------------------------------


def test_billion_laughs_is_not_expanded_and_fast() -> None:
    source = _billion_laughs()
    elapsed, doc = _timed(lambda: pqparse.parse(source.encode("latin-1")))
    assert isinstance(doc, pqparse.Document)
    assert elapsed < LIMIT
    assert doc.format == FORMAT and len(doc.records) == 1
    assert "lol" not in _texts(doc)
    assert doc.records[0].question.text.endswith("what the cost is .")
    assert any(d.code == "PQ403" and "lol9" in d.message for d in doc.diagnostics)


def test_billion_laughs_streamed_is_not_expanded_and_fast() -> None:
    elapsed, records = _timed(lambda: _streamed(_billion_laughs()))
    assert elapsed < LIMIT
    assert isinstance(records, list) and len(records) == 1
    assert "lol" not in records[0].question.text


def test_billion_laughs_through_the_helpers() -> None:
    notes: list[str] = []
    elapsed, root = _timed(lambda: parse_xml(_billion_laughs(), notes))
    assert elapsed < LIMIT
    assert isinstance(root, etree._Element)
    assert "lol" not in "".join(root.itertext())
    assert notes and "refers to other entities" in notes[0]


def test_quadratic_blowup_is_refused() -> None:
    """One long plain entity referenced many times: refused by the value length cap."""
    long_value = "x" * 50_000
    doctype = f'<!DOCTYPE publicwhip [ <!ENTITY a "{long_value}"> ]>'
    source = _day(doctype, "&a;" * 50_000)
    elapsed, doc = _timed(lambda: pqparse.parse(source))
    assert isinstance(doc, pqparse.Document)
    assert elapsed < 1.0  # the 150 KB input itself takes most of it
    assert "xxxx" not in doc.text
    assert any("longer than" in d.message for d in doc.diagnostics if d.code == "PQ403")


def test_expansion_budget_caps_growth() -> None:
    """Short plain entities referenced very often cannot grow the input without bound."""
    value = "y" * MAX_ENTITY_VALUE
    doctype = f'<!DOCTYPE publicwhip [ <!ENTITY b "{value}"> ]>'
    source = _day(doctype, "&b;" * 400_000)
    notes: list[str] = []
    root = parse_xml(source, notes)
    expanded = len("".join(root.itertext()))
    assert expanded < 2 * len(source) + 1_100_000
    assert any("expansion stopped" in note for note in notes)


# --- external entities, DTDs, network ---------------------------------------------------------


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def test_xxe_to_a_local_file_is_not_read(secret_file: Path) -> None:
    doctype = f'<!DOCTYPE publicwhip [ <!ENTITY xxe SYSTEM "{secret_file.as_uri()}"> ]>'
    source = _day(doctype, "whether &xxe; is known.")
    elapsed, doc = _timed(lambda: pqparse.parse(source))
    assert isinstance(doc, pqparse.Document)
    assert elapsed < LIMIT
    assert SECRET not in _texts(doc)
    assert doc.records[0].question.text.endswith("whether is known.")
    assert any(d.code == "PQ403" and "external" in d.message for d in doc.diagnostics)
    records = _streamed(source)
    assert SECRET not in records[0].question.text


def test_external_dtd_is_not_loaded(secret_file: Path, tmp_path: Path) -> None:
    dtd = tmp_path / "evil.dtd"
    dtd.write_text(f'<!ENTITY leak SYSTEM "{secret_file.as_uri()}">', encoding="utf-8")
    doctype = f'<!DOCTYPE publicwhip SYSTEM "{dtd.as_uri()}">'
    doc = pqparse.parse(_day(doctype, "whether &leak; is known."))
    assert SECRET not in _texts(doc)
    assert any(d.code == "PQ403" and "leak" in d.message for d in doc.diagnostics)


def test_parameter_entities_are_not_fetched(secret_file: Path, tmp_path: Path) -> None:
    dtd = tmp_path / "param.dtd"
    dtd.write_text(f'<!ENTITY leak SYSTEM "{secret_file.as_uri()}">', encoding="utf-8")
    doctype = f'<!DOCTYPE publicwhip [ <!ENTITY % remote SYSTEM "{dtd.as_uri()}"> %remote; ]>'
    doc = pqparse.parse(_day(doctype, "whether &leak; is known."))
    assert SECRET not in _texts(doc)
    assert len(doc.records) == 1


@pytest.fixture
def listening_socket() -> Iterator[socket.socket]:
    """A local TCP listener: a parser that fetched anything would connect to it."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.setblocking(False)
    try:
        yield server
    finally:
        server.close()


def _no_connection(server: socket.socket) -> bool:
    try:
        connection, _ = server.accept()
    except BlockingIOError:
        return True
    connection.close()
    return False


def test_no_network_access(listening_socket: socket.socket) -> None:
    port = listening_socket.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    doctypes = [
        f'<!DOCTYPE publicwhip [ <!ENTITY net SYSTEM "{url}/entity"> ]>',
        f'<!DOCTYPE publicwhip SYSTEM "{url}/doc.dtd">',
        f'<!DOCTYPE publicwhip [ <!ENTITY % p SYSTEM "{url}/p.dtd"> %p; ]>',
        f'<!DOCTYPE publicwhip PUBLIC "-//X//Y" "{url}/public.dtd">',
    ]
    for doctype in doctypes:
        source = _day(doctype, "whether &net; is known.")
        elapsed, doc = _timed(lambda source=source: pqparse.parse(source))
        assert isinstance(doc, pqparse.Document)
        assert elapsed < LIMIT
        _streamed(source)
        assert _no_connection(listening_socket), doctype


def test_lxml_options_alone_do_not_read_external_entities(secret_file: Path) -> None:
    """Defence in depth: even a DOCTYPE handed to lxml itself reads no file."""
    doctype = f'<!DOCTYPE publicwhip [ <!ENTITY xxe SYSTEM "{secret_file.as_uri()}"> ]>'
    parser = etree.XMLParser(**SAFE_PARSER_OPTIONS)
    root = etree.fromstring((doctype + "<publicwhip><p>&xxe;</p></publicwhip>").encode(), parser)
    assert SECRET not in etree.tostring(root, encoding="unicode")


@pytest.mark.parametrize(
    "prolog",
    [
        "<!-- " + "padding " * 200_000 + "-->",  # a prolog longer than the 1 MB limit
        "<!DOCTYPE publicwhip [ <!ENTITY l0 'ha'> ",  # a DOCTYPE that never ends
    ],
    ids=["oversized", "unfinished"],
)
def test_an_unreadable_prolog_is_refused_not_passed_on(prolog: str) -> None:
    """lxml keeps unexpanded internal entities as nodes and expands them on output, so a
    prolog pqparse cannot read must never reach it."""
    laughs = _billion_laughs().split("\n", 1)[1]  # DOCTYPE with the laughs, and the day
    source = prolog + laughs
    elapsed, doc = _timed(lambda: pqparse.parse(source, format=FORMAT))
    assert isinstance(doc, pqparse.Document)
    assert elapsed < 2.0
    assert doc.records == () and "lol" not in _texts(doc)
    assert {d.code for d in doc.diagnostics} >= {"PQ401", "PQ403"}


def test_deep_nesting_is_refused_quickly() -> None:
    source = "<publicwhip>" + "<p>" * 50_000 + "x" + "</p>" * 50_000 + "</publicwhip>"
    elapsed, doc = _timed(lambda: pqparse.parse(source, format=FORMAT))
    assert isinstance(doc, pqparse.Document)
    assert elapsed < 1.0
    assert any(d.code == "PQ401" for d in doc.diagnostics)


# --- what must still work ---------------------------------------------------------------------


def test_internal_text_entities_still_resolve() -> None:
    doctype = (
        '<!DOCTYPE publicwhip [ <!ENTITY pound "&#163;"> <!ENTITY mdash "&#8212;"> '
        "<!ENTITY Ouml '&#214;'> <!ENTITY q '\"'> ]>"
    )
    source = _day(doctype, "what the &q;cost&q; was&mdash;&pound;5 million &amp; more.")
    source = source.replace('speakername="Mike Penning"', 'speakername="Lembit &Ouml;pik"')
    for doc_records in (pqparse.parse(source.encode("latin-1")).records, _streamed(source)):
        question = doc_records[0].question
        assert question.text.endswith('what the "cost" was—£5 million & more.')
        assert question.asked_by is not None and question.asked_by.name == "Lembit Öpik"


def test_undeclared_html_entities_resolve_and_unknown_ones_are_reported() -> None:
    doc = pqparse.parse(_day("", "what the cost&nbsp;is &frac12; &bogus; now."))
    assert doc.records[0].question.text.endswith("what the cost is ½ now.")
    assert [d.message for d in doc.diagnostics if d.code == "PQ403"] == [
        "entity &bogus; not expanded: it is not declared; its references are dropped"
    ]


def test_entity_references_split_across_chunks() -> None:
    source = _day('<!DOCTYPE publicwhip [ <!ENTITY pound "&#163;"> ]>', "&pound;1 and &pound;2.")
    for size in (1, 2, 3, 5, 8, 13):
        notes: list[str] = []
        chunks = [source[i : i + size] for i in range(0, len(source), size)]
        events, _feed = iterparse_safe(chunks, notes, tag=("p",))
        texts = ["".join(element.itertext()) for _event, element in events]
        assert texts == [
            "To ask the Chancellor of the Exchequer, £1 and £2.",
            "The information is not held centrally.",
        ], size
        assert notes == []


def test_prolog_reader() -> None:
    head = (
        '\ufeff<?xml version="1.0" encoding="ISO-8859-1"?>\n<!-- a "quoted" comment -->\n'
        "<!DOCTYPE publicwhip [\n<!-- <!ENTITY hidden 'no'> ] > -->\n"
        '<!ENTITY pound "&#163;">\n<!ENTITY gt2 ">">\n]>\n<publicwhip>'
    )
    start, subset = split_prolog(head)
    assert head[start:] == "<publicwhip>"
    assert subset is not None and "hidden" not in subset
    assert read_internal_subset(subset) == ({"pound": "&#163;", "gt2": ">"}, {})
    assert split_prolog(head[:40]) == (-1, None)  # still inside the prolog: wait for more


def test_entity_kinds_are_classified() -> None:
    safe, refused = read_internal_subset(
        '<!ENTITY ok "plain &#163; &amp; text"> <!ENTITY ok "second declaration loses">'
        '<!ENTITY ext SYSTEM "file:///etc/passwd"> <!ENTITY pub PUBLIC "-//A//B" "x.dtd">'
        '<!ENTITY nest "&ok;"> <!ENTITY mark "<b>bold</b>"> <!ENTITY % param "x">'
        f'<!ENTITY long "{"z" * (MAX_ENTITY_VALUE + 1)}">'
    )
    assert safe == {"ok": "plain &#163; &amp; text"}
    assert set(refused) == {"ext", "pub", "nest", "mark", "long"}


def test_chunks_of_covers_the_text() -> None:
    text = "abc" * 1_000_000
    assert "".join(chunks_of(text)) == text
