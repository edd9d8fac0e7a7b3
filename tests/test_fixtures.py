"""The golden test: every fixture parses to exactly its hand-reviewed expected JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import pqparse
from fixture_files import expected_path, fixture_id, fixture_inputs

FIXTURE_FILES = fixture_inputs()
SCHEMA_VALIDATOR = jsonschema.Draft202012Validator(pqparse.json_schema())

#: Page chrome and tooltip/pager strings that must never reach a field of any record.
CHROME_STRINGS = (
    "Reticulating Splines",
    "View Source",
    "Portrait",
    "Showing 1-20",
    "Results per page",
    "Expand all answers",
    "Print selected",
    "'Named day' questions only occur",
    "To match an exact phrase",
    "Keep yourself up-to-date",
    "View sample alert",
)


def _parse(path: Path) -> pqparse.Document:
    return pqparse.parse(path.read_bytes())


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=fixture_id)
def test_fixture_matches_expected(path: Path) -> None:
    expected_file = expected_path(path)
    assert expected_file.exists(), f"{expected_file.name} is missing"
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    assert pqparse.to_dict(_parse(path)) == expected


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=fixture_id)
def test_fixture_format_detected(path: Path) -> None:
    assert pqparse.detect_format(path.read_bytes()) == path.parent.name
    assert _parse(path).format == path.parent.name


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=fixture_id)
def test_fixture_round_trips_and_validates(path: Path) -> None:
    doc = _parse(path)
    data = pqparse.to_dict(doc)
    assert pqparse.from_dict(pqparse.Document, data) == doc
    assert pqparse.from_dict(pqparse.Document, json.loads(pqparse.to_json(doc))) == doc
    SCHEMA_VALIDATOR.validate(data)


def _clean(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=fixture_id)
def test_fixture_spans_point_at_their_source(path: Path) -> None:
    doc = _parse(path)
    previous_start = -1
    for record in doc.records:
        assert 0 <= record.span.start <= record.span.end <= len(doc.text)
        assert record.span.start >= previous_start, "records out of document order"
        previous_start = record.span.start
        source = _clean(doc.text[record.span.start : record.span.end])
        for ref in record.references:
            assert doc.text[ref.span.start : ref.span.end] == ref.text
            assert record.span.start <= ref.span.start <= ref.span.end <= record.span.end
        if record.heading:
            assert _clean(record.heading) in source
        asker = record.question.asked_by
        if asker and asker.name:
            assert _clean(asker.name) in source
        minister = record.answer.answered_by if record.answer else None
        if minister:
            assert _clean(minister.name) in source


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=fixture_id)
def test_fixture_fields_carry_no_chrome(path: Path) -> None:
    doc = _parse(path)
    for record in doc.records:
        data = pqparse.to_dict(record)
        data.pop("extra")
        for value in _strings(data):
            for chrome in CHROME_STRINGS:
                assert chrome not in value, f"{chrome!r} leaked into {value[:80]!r}"


def test_every_format_has_fixtures() -> None:
    formats_with_fixtures = {path.parent.name for path in FIXTURE_FILES}
    assert formats_with_fixtures == set(pqparse.FORMATS)
