"""Tables and notebook output over every fixture."""

from __future__ import annotations

import datetime

import lxml.html
import pandas as pd
import pytest

import pqparse
from fixture_files import fixture_inputs
from pqparse.frames import COLUMN_KINDS
from pqparse.serialize import ROW_COLUMNS

DOCUMENTS = [pqparse.parse(path.read_bytes()) for path in fixture_inputs()]
RECORDS = [record for doc in DOCUMENTS for record in doc.records]


def test_dataframe_has_one_row_per_record_and_documented_columns() -> None:
    frame = pqparse.to_dataframe(DOCUMENTS)
    assert len(frame) == len(RECORDS) > 0
    assert list(frame.columns) == list(ROW_COLUMNS)
    for name, kind in COLUMN_KINDS.items():
        if kind == "date":
            assert pd.api.types.is_datetime64_any_dtype(frame[name]), name


def test_dataframe_values_match_records() -> None:
    frame = pqparse.to_dataframe(RECORDS)
    for (_, row), record in zip(frame.iterrows(), RECORDS, strict=True):
        assert row["heading"] == record.heading or (pd.isna(row["heading"]) and not record.heading)
        assert row["question_text"] == record.question.text
        assert row["referenced_question_ids"] == list(record.referenced_question_ids)
        if record.question.asked_on:
            assert row["asked_on"].date() == record.question.asked_on


def test_arrow_table_matches_columns() -> None:
    table = pqparse.to_arrow(DOCUMENTS)
    assert table.num_rows == len(RECORDS)
    assert table.column_names == list(ROW_COLUMNS)
    asked = table.column("asked_on").to_pylist()
    assert all(v is None or isinstance(v, datetime.date) for v in asked)


def test_to_dataframe_rejects_other_objects() -> None:
    with pytest.raises(TypeError):
        pqparse.to_dataframe(["not a record"])


@pytest.mark.parametrize("doc", [d for d in DOCUMENTS if d.records], ids=lambda d: d.format)
def test_repr_html_is_valid_html_with_heading_and_minister(doc: pqparse.Document) -> None:
    for item in (doc, doc.records[0]):
        markup = item._repr_html_()
        tree = lxml.html.fromstring(markup)
        text = " ".join(tree.text_content().split())
        record = doc.records[0]
        if record.heading:
            assert " ".join(record.heading.split()) in text
        if record.answer and record.answer.answered_by:
            assert record.answer.answered_by.name in text


def test_reprs_are_short() -> None:
    for doc in DOCUMENTS:
        assert len(repr(doc)) < 200
        for record in doc.records:
            assert len(repr(record)) < 400
