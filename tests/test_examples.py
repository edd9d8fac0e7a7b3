"""The example scripts in examples/ run and do what their docstrings say."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pqparse
from fixture_files import FIXTURES, fixture_inputs

EXAMPLES = Path(__file__).parents[1] / "examples"


def _run(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, check=True, timeout=300
    )
    return done.stdout


def test_quickstart_prints_the_typed_result() -> None:
    out = _run(str(EXAMPLES / "quickstart.py"))
    assert "Offences against Children" in out
    assert "Minister(name='Diana Johnson'" in out


def test_folder_to_csv(tmp_path: Path) -> None:
    out = tmp_path / "rows.csv"
    _run(str(EXAMPLES / "folder_to_csv.py"), str(FIXTURES / "parliament-uk-listing"), str(out))
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    folder = [p for p in fixture_inputs() if p.parent.name == "parliament-uk-listing"]
    assert len(rows) == sum(len(pqparse.parse_file(p).records) for p in folder)


def test_stream_api_dump() -> None:
    dump = FIXTURES / "written-questions-api" / "dump.jsonl"
    out = _run(str(EXAMPLES / "stream_api_dump.py"), str(dump))
    total = len(list(pqparse.iter_records(dump)))
    assert out.startswith(f"{total} questions")


def test_find_citing_answers() -> None:
    out = _run(str(EXAMPLES / "find_citing_answers.py"), "44194", str(EXAMPLES))
    assert "question 44194" in out
    assert "cited answer dated 2025-04-08" in out
    assert out.strip().endswith("1 citation(s) of 44194")
