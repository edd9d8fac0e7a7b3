"""Dask integration: the same parsing on a laptop or a cluster (``pip install 'pqparse[dask]'``).

>>> from pqparse.dask import read_pages, to_dataframe      # doctest: +SKIP
>>> bag = read_pages("pages/**/*.txt")                      # a dask.bag of WrittenQuestion
>>> frame = to_dataframe(bag)                               # one row per record
>>> frame.groupby("department").size().compute()

Every file is parsed by :func:`pqparse.parse_file` inside the workers, or streamed by
:func:`pqparse.iter_records` when larger than :data:`STREAM_ABOVE_BYTES` (bulk API JSON /
JSON Lines / XML dumps); pqparse never schedules anything itself.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pqparse.api import iter_records, parse_file
from pqparse.frames import COLUMN_KINDS
from pqparse.models import WrittenQuestion
from pqparse.serialize import ROW_COLUMNS, to_row

__all__ = ["expand_paths", "read_pages", "records_bag", "to_dataframe"]

#: Files larger than this are streamed with ``iter_records`` instead of parsed whole.
STREAM_ABOVE_BYTES = 32 * 1024 * 1024


def expand_paths(pattern: str | os.PathLike[str]) -> list[str]:
    """A directory's files (recursively), or the files a glob matches, sorted."""
    path = Path(pattern)
    if path.is_dir():
        found = (p for p in path.rglob("*") if p.is_file())
    else:
        found = (Path(p) for p in glob.glob(str(pattern), recursive=True))
    return sorted(str(p) for p in found if p.is_file() and not p.name.endswith(".expected.json"))


def _records_of(path: str, format_name: str | None) -> list[WrittenQuestion]:
    if Path(path).stat().st_size > STREAM_ABOVE_BYTES:
        return list(iter_records(path, format=format_name))
    return list(parse_file(path, format=format_name).records)


def records_bag(
    paths: Sequence[str | os.PathLike[str]] | Iterable[str | os.PathLike[str]],
    *,
    format: str | None = None,
    files_per_partition: int = 64,
) -> Any:
    """A ``dask.bag.Bag`` of :class:`~pqparse.WrittenQuestion` from the given files."""
    import dask.bag as db

    names = [str(p) for p in paths]
    files = db.from_sequence(names, partition_size=max(1, files_per_partition))  # type: ignore[no-untyped-call]
    return files.map(_records_of, format).flatten()


def read_pages(
    pattern: str | os.PathLike[str],
    *,
    format: str | None = None,
    files_per_partition: int = 64,
) -> Any:
    """:func:`records_bag` over a directory or a glob such as ``"pages/**/*.html"``."""
    return records_bag(
        expand_paths(pattern), format=format, files_per_partition=files_per_partition
    )


def _meta() -> Any:
    import pandas as pd

    dtypes = {"str": "object", "bool": "object", "date": "datetime64[ns]", "int": "int64"}
    return pd.DataFrame(
        {name: pd.Series(dtype=dtypes.get(COLUMN_KINDS[name], "object")) for name in ROW_COLUMNS}
    )


def _rows_frame(records: list[WrittenQuestion]) -> Any:
    import pandas as pd

    frame = pd.DataFrame([to_row(r) for r in records], columns=list(ROW_COLUMNS))
    for name, kind in COLUMN_KINDS.items():
        if kind == "date":
            frame[name] = pd.to_datetime(frame[name]).astype("datetime64[ns]")
        elif kind in ("str", "bool"):
            frame[name] = frame[name].astype("object")
    return frame


def to_dataframe(bag: Any) -> Any:
    """A ``dask.dataframe`` with the columns of :func:`pqparse.to_dataframe`, lazily built."""
    import dask.dataframe as dd
    from dask.delayed import delayed

    parts = [delayed(_rows_frame)(part) for part in bag.to_delayed()]
    return dd.from_delayed(parts, meta=_meta())
