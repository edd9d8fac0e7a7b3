"""The command line, run in-process through ``pqparse.cli.main``."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import jsonschema
import pytest

import pqparse
from fixture_files import FIXTURES, fixture_inputs
from pqparse.cli import main

EXAMPLES = Path(__file__).parents[1] / "examples"
EXAMPLE = EXAMPLES / "parallel-parliament-offences-against-children.txt"


def test_parse_example_to_json_validates_against_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(EXAMPLE), "--to", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    jsonschema.Draft202012Validator(schema).validate(document)
    assert document["records"][0]["heading"] == "Offences against Children"


def test_csv_over_fixture_folder_writes_one_row_per_record(
    capsys: pytest.CaptureFixture[str],
) -> None:
    expected_rows = sum(len(pqparse.parse(p.read_bytes()).records) for p in fixture_inputs())
    assert main(["parse", str(FIXTURES), "--to", "csv", "--quiet"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == expected_rows
    assert list(rows[0]) == list(pqparse.serialize.ROW_COLUMNS)


def test_bad_file_among_good_ones(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(EXAMPLE, tmp_path / "a.txt")
    shutil.copy(EXAMPLE, tmp_path / "c.txt")
    (tmp_path / "b.txt").write_text("random words, nothing parliamentary\n")
    status = main(["parse", str(tmp_path), "--to", "jsonl", "--jobs", "2"])
    captured = capsys.readouterr()
    assert status == 1
    errors = captured.err.strip().splitlines()
    assert len(errors) == 1 and "b.txt" in errors[0] and "PQ101" in errors[0]
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert [r["heading"] for r in records] == ["Offences against Children"] * 2


def test_detect_and_unknown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["detect", str(EXAMPLE)]) == 0
    assert capsys.readouterr().out.strip().endswith("parallelparliament-page")
    junk = tmp_path / "junk.txt"
    junk.write_text("nothing to see")
    assert main(["detect", str(junk)]) == 1


def test_parquet_round_trip(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "out.parquet"
    assert main(["parse", str(EXAMPLE), "--to", "parquet", "-o", str(out)]) == 0
    table = pq.read_table(out)
    assert table.num_rows == 1
    assert table.column("answered_by_name").to_pylist() == ["Diana Johnson"]


def test_parquet_needs_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(EXAMPLE), "--to", "parquet"]) == 2


def test_help_has_examples(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["parse", "--help"])
    assert "examples:" in capsys.readouterr().out
