"""parse_many (process pool) and the Dask integration give the same records as parse."""

from __future__ import annotations

from pathlib import Path

import pqparse
from fixture_files import FIXTURES, fixture_inputs
from pqparse.dask import read_pages, records_bag, to_dataframe

PATHS = fixture_inputs()


def test_parse_many_matches_parse_file_in_order() -> None:
    expected = [pqparse.parse_file(p) for p in PATHS]
    assert pqparse.parse_many(PATHS, workers=2) == expected
    assert pqparse.parse_many(PATHS, workers=1) == expected


def test_parse_many_reports_errors_per_item(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    docs = pqparse.parse_many([PATHS[0], missing, b"random words"], workers=2, strict=True)
    assert docs[0].records
    assert [d.code for d in docs[1].diagnostics] == ["PQ501"]
    assert [d.code for d in docs[2].diagnostics] == ["PQ101"]


def test_dask_bag_matches_parse() -> None:
    expected = [r for p in PATHS for r in pqparse.parse_file(p).records]
    got = read_pages(FIXTURES, files_per_partition=3).compute(scheduler="sync")
    assert sorted(got, key=repr) == sorted(expected, key=repr)
    assert len(got) == len(expected)
    bag = records_bag(PATHS, files_per_partition=5)
    assert bag.compute(scheduler="threads") == expected


def test_dask_dataframe_rows() -> None:
    frame = to_dataframe(records_bag(PATHS, files_per_partition=4)).compute(scheduler="sync")
    expected = [r for p in PATHS for r in pqparse.parse_file(p).records]
    assert len(frame) == len(expected)
    assert list(frame["question_text"]) == [r.question.text for r in expected]
