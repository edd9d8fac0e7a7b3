"""parse_many (process pool) and the Dask integration give the same records as parse."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

import pqparse
from fixture_files import FIXTURES, fixture_inputs
from pqparse.api import _chunk_bounds, iter_parse_many
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


@pytest.mark.parametrize(("workers", "chunksize"), [(2, None), (3, None), (2, 1), (3, 7)])
def test_parse_many_mixed_sources_in_order(workers: int, chunksize: int | None) -> None:
    """The caller and the pool share the batches; the order and every result stay the same."""
    contents = [p.read_bytes() for p in PATHS[:5]]
    sources = [
        *PATHS,
        *(str(p) for p in PATHS[::3]),
        *contents,
        Path("no/such/file.txt"),
        *PATHS[::-2],
    ] * 2
    expected = pqparse.parse_many(sources, workers=1)
    assert pqparse.parse_many(sources, workers=workers, chunksize=chunksize) == expected
    assert [d.diagnostics[0].code for d in expected if not d.text].count("PQ501") == 2


def test_parse_many_urls_follow_symlinks_like_parse_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Folders are resolved once per batch; symlinked folders and files still resolve exactly."""
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.txt").write_bytes(PATHS[0].read_bytes())
    (real / "b.txt").symlink_to(real / "a.txt")
    (tmp_path / "link").symlink_to(real)
    other = tmp_path / "other"
    other.mkdir()
    (other / "c.txt").symlink_to(Path("..", "real", "a.txt"))
    monkeypatch.chdir(tmp_path)
    sources = [
        real / "a.txt",
        "real/b.txt",
        "link/a.txt",
        "link/b.txt",
        "link/../real/a.txt",
        "other/c.txt",
        tmp_path / "link" / "a.txt",
    ] * 2
    expected = [pqparse.parse_file(s) for s in sources]
    urls = [d.url for d in expected]
    assert urls[:7] == [(real / "a.txt").as_uri()] * 7
    assert pqparse.parse_many(sources, workers=1) == expected
    assert pqparse.parse_many(sources, workers=2, chunksize=3) == expected


@pytest.mark.parametrize("workers", [1, 2])
def test_a_bad_item_raises_in_its_turn(workers: int) -> None:
    """An item that is no source raises like in serial parsing, after the items before it."""
    sources: list[object] = [*PATHS[:6], 42, *PATHS[:20]]
    documents = iter_parse_many(sources, workers=workers, chunksize=1)  # type: ignore[arg-type]
    got = []
    with pytest.raises(TypeError):
        for doc in documents:
            got.append(doc)
    assert got == [pqparse.parse_file(p) for p in PATHS[:6]]


def test_iter_parse_many_can_stop_early() -> None:
    documents = iter_parse_many(PATHS * 10, workers=2)
    first = list(itertools.islice(documents, 3))
    documents.close()  # cancels queued batches, shuts the pool down
    assert first == [pqparse.parse_file(p) for p in PATHS[:3]]


@pytest.mark.parametrize("count", [1, 2, 9, 100, 5_000, 100_000])
def test_chunks_cover_every_item_once_and_shrink(count: int) -> None:
    bounds = _chunk_bounds(count, 2, None)
    assert [start for start, _ in bounds] == [0, *(stop for _, stop in bounds[:-1])]
    assert bounds[-1][1] == count
    sizes = [stop - start for start, stop in bounds]
    assert sizes == sorted(sizes, reverse=True) or len(sizes) == 1
    assert max(sizes) <= 256
    assert _chunk_bounds(count, 2, 10) == [(s, min(count, s + 10)) for s in range(0, count, 10)]
    with pytest.raises(ValueError, match="chunksize"):
        _chunk_bounds(count, 2, 0)


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
