"""The public contract: exported names, entry points, streaming sources."""

from __future__ import annotations

import copy
import io
import pickle
from pathlib import Path

import pytest

import pqparse
from fixture_files import FIXTURES, fixture_inputs

CONTRACT_NAMES = {
    "parse",
    "parse_file",
    "iter_records",
    "detect_format",
    "find_question_refs",
    "parse_date",
    "to_dict",
    "from_dict",
    "to_json",
    "FORMATS",
    "ParseError",
    "UnknownFormatError",
    "__version__",
    "Document",
    "WrittenQuestion",
    "Question",
    "Answer",
    "Member",
    "Minister",
    "QuestionRef",
    "Span",
    "Diagnostic",
    "House",
    "Legislature",
    "json_schema",
}
FORMAT_NAMES = {
    "parallelparliament-page",
    "parallelparliament-listing",
    "parliament-uk-listing",
    "questions-statements",
    "written-questions-api",
    "theyworkforyou-xml",
    "hansard-written-answers",
}
EXAMPLE = (
    Path(__file__).parents[1] / "examples" / "parallel-parliament-offences-against-children.txt"
)


def test_contract_names_are_exported() -> None:
    assert set(pqparse.__all__) >= CONTRACT_NAMES
    for name in pqparse.__all__:
        assert hasattr(pqparse, name), name


def test_registry_has_every_format() -> None:
    assert set(pqparse.FORMATS) == FORMAT_NAMES


def test_parse_error_is_a_value_error() -> None:
    assert issubclass(pqparse.ParseError, ValueError)
    assert issubclass(pqparse.UnknownFormatError, pqparse.ParseError)


def test_enum_values() -> None:
    assert {h.value for h in pqparse.House} == {"Commons", "Lords"}
    assert {"uk-parliament", "scottish-parliament", "senedd", "ni-assembly"} <= {
        leg.value for leg in pqparse.Legislature
    }


def test_parse_file_records_its_source() -> None:
    doc = pqparse.parse_file(EXAMPLE)
    assert doc.url == EXAMPLE.resolve().as_uri()
    assert doc.records == pqparse.parse(EXAMPLE.read_bytes()).records


def test_parse_keeps_the_url() -> None:
    url = "https://www.parallelparliament.co.uk/question/1/x"
    assert pqparse.parse(EXAMPLE.read_text(encoding="utf-8"), url=url).url == url


def test_detect_format_on_bytes_and_str() -> None:
    assert pqparse.detect_format(EXAMPLE.read_bytes()) == "parallelparliament-page"
    assert pqparse.detect_format(EXAMPLE.read_text(encoding="utf-8")) == "parallelparliament-page"
    with pytest.raises(pqparse.UnknownFormatError):
        pqparse.detect_format("nothing parliamentary here")


@pytest.mark.parametrize("path", fixture_inputs(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_iter_records_equals_parse_file(path: Path) -> None:
    """Streaming gives parse_file's records; a JSON stream cut mid-record may end at the
    fault, dropping only the incomplete record (documented in the API format page)."""
    streamed = list(pqparse.iter_records(path))
    parsed = list(pqparse.parse_file(path).records)
    assert streamed in (parsed, [r for r in parsed if r.complete])


def test_iter_records_over_a_directory() -> None:
    streamed = list(pqparse.iter_records(FIXTURES))
    expected = [r for p in fixture_inputs() for r in pqparse.iter_records(p)]
    assert streamed == expected


def test_iter_records_over_a_glob_and_a_list() -> None:
    pattern = str(FIXTURES / "parallelparliament-page" / "*.txt")
    paths = sorted((FIXTURES / "parallelparliament-page").glob("*.txt"))
    expected = [r for p in paths for r in pqparse.parse_file(p).records]
    assert list(pqparse.iter_records(pattern)) == expected
    assert list(pqparse.iter_records(paths)) == expected


def test_iter_records_from_an_open_binary_file() -> None:
    with open(EXAMPLE, "rb") as handle:
        records = list(pqparse.iter_records(handle))
    assert records == list(pqparse.parse_file(EXAMPLE).records)
    assert list(pqparse.iter_records(io.BytesIO(EXAMPLE.read_bytes()))) == records


def test_to_dict_rejects_non_models() -> None:
    with pytest.raises(TypeError):
        pqparse.to_dict({"not": "a model"})


def test_every_model_round_trips() -> None:
    doc = pqparse.parse_file(EXAMPLE)
    record = doc.records[0]
    assert record.answer is not None
    for obj in (
        doc,
        record,
        record.question,
        record.answer,
        record.answer.answered_by,
        record.answer.references[0],
    ):
        assert pqparse.from_dict(type(obj), pqparse.to_dict(obj)) == obj


@pytest.mark.parametrize("path", fixture_inputs(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_fixture_document_pickles_and_copies(path: Path) -> None:
    doc = pqparse.parse_file(path)
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        assert pickle.loads(pickle.dumps(doc, protocol=protocol)) == doc
    assert copy.deepcopy(doc) == doc
    for record in doc.records:
        assert copy.copy(record) == record
        assert pickle.loads(pickle.dumps(record)).question == record.question


def test_pickled_models_keep_their_types_and_values() -> None:
    doc = pqparse.parse_file(EXAMPLE)
    back = pickle.loads(pickle.dumps(doc))
    pairs = [(back, doc), (back.records[0], doc.records[0])]
    pairs += [(back.records[0].answer, doc.records[0].answer)]
    for new, old in pairs:
        assert type(new) is type(old)
        assert pqparse.to_dict(new) == pqparse.to_dict(old)
    assert back.records[0].house is pqparse.House.COMMONS
    with pytest.raises(AttributeError):
        back.records[0].uin = "1"  # type: ignore[misc]


def test_referenced_question_ids_exclude_own_and_grouped() -> None:
    doc = pqparse.parse_file(EXAMPLE)
    assert doc.records[0].referenced_question_ids == ("44194",)
    assert doc.records[0].references == doc.records[0].answer.references  # type: ignore[union-attr]
