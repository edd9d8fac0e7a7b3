"""Tables: one row per record as a pandas DataFrame or a pyarrow Table (optional extras).

Columns are :data:`pqparse.serialize.ROW_COLUMNS` (documented in ``docs/tables.md``): dates
become ``datetime64``, id lists stay lists. ``pip install 'pqparse[pandas]'`` / ``[arrow]``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pqparse.models import Document, WrittenQuestion
from pqparse.serialize import ROW_COLUMNS, to_row

__all__ = ["COLUMN_KINDS", "DATE_COLUMNS", "records_to_rows", "to_arrow", "to_dataframe"]

DATE_COLUMNS = ("listed_on", "asked_on", "date_for_answer", "answered_on")
_BOOL_COLUMNS = (
    "named_day",
    "registered_interest",
    "withdrawn",
    "complete",
    "answered",
    "is_holding",
    "is_correction",
)
#: The kind of every column: "str", "bool", "date", "int" or "list" (of id strings).
COLUMN_KINDS: dict[str, str] = {
    name: (
        "date"
        if name in DATE_COLUMNS
        else "bool"
        if name in _BOOL_COLUMNS
        else "list"
        if name.endswith("_ids")
        else "int"
        if name.startswith("span_")
        else "str"
    )
    for name in ROW_COLUMNS
}


def records_to_rows(items: Iterable[Document | WrittenQuestion]) -> list[dict[str, Any]]:
    """Flat rows for documents (every record, with ``format``) and bare records."""
    rows: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, Document):
            rows.extend(to_row(r, source=item.url, format_name=item.format) for r in item.records)
        elif isinstance(item, WrittenQuestion):
            rows.append(to_row(item))
        else:
            raise TypeError(f"expected Document or WrittenQuestion, got {type(item).__name__}")
    return rows


def _items(docs_or_records: Any) -> Iterable[Document | WrittenQuestion]:
    if isinstance(docs_or_records, Document | WrittenQuestion):
        return [docs_or_records]
    return docs_or_records  # type: ignore[no-any-return]


def to_dataframe(docs_or_records: Any) -> Any:
    """A pandas DataFrame with one row per record (requires the ``pandas`` extra)."""
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("to_dataframe needs pandas: pip install 'pqparse[pandas]'") from exc
    frame = pd.DataFrame(records_to_rows(_items(docs_or_records)), columns=list(ROW_COLUMNS))
    for column in DATE_COLUMNS:
        frame[column] = pd.to_datetime(frame[column])
    return frame


def to_arrow(docs_or_records: Any) -> Any:
    """A pyarrow Table with one row per record (requires the ``arrow`` extra)."""
    try:
        import pyarrow as pa
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("to_arrow needs pyarrow: pip install 'pqparse[arrow]'") from exc
    rows = records_to_rows(_items(docs_or_records))
    kinds = {"str": pa.string(), "bool": pa.bool_(), "date": pa.date32(), "int": pa.int64()}
    schema = pa.schema(
        [
            (name, pa.list_(pa.string()) if kind == "list" else kinds[kind])
            for name, kind in COLUMN_KINDS.items()
        ]
    )
    columns = {name: [row[name] for row in rows] for name in ROW_COLUMNS}
    return pa.table(columns, schema=schema)
