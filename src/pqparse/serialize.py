"""The one converter: ``to_dict``, ``from_dict``, ``to_json`` and the JSON Schema.

Models never serialise themselves; a single cattrs converter, configured here, handles
every class: dates as ISO strings, enums as their values, spans as ``[start, end]``,
tuples as lists, absent values as ``null``.
"""

from __future__ import annotations

import copyreg
import datetime
import enum
import json
import operator
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs
import cattrs

from pqparse.models import (
    Answer,
    Diagnostic,
    Document,
    House,
    Legislature,
    Member,
    Minister,
    Question,
    QuestionRef,
    Span,
    WrittenQuestion,
)

__all__ = ["ROW_COLUMNS", "from_dict", "json_schema", "to_dict", "to_json", "to_row"]

T = TypeVar("T")

_converter = cattrs.Converter(forbid_extra_keys=True)
_converter.register_unstructure_hook(datetime.date, lambda d: d.isoformat())
_converter.register_structure_hook(datetime.date, lambda v, _: datetime.date.fromisoformat(v))
_converter.register_unstructure_hook(Span, lambda s: [s.start, s.end])
_converter.register_structure_hook(Span, lambda v, _: Span(int(v[0]), int(v[1])))


def to_dict(obj: Any) -> dict[str, Any]:
    """Turn any model object into a plain JSON-ready dict (the CONTRACT.md shape)."""
    if not attrs.has(type(obj)):
        raise TypeError(f"to_dict expects a pqparse model object, got {type(obj).__name__}")
    data: dict[str, Any] = _converter.unstructure(obj)
    return data


def from_dict(cls: type[T], data: Mapping[str, Any]) -> T:
    """Exact inverse of :func:`to_dict`: ``from_dict(type(x), to_dict(x)) == x``."""
    return _converter.structure(data, cls)


def to_json(obj: Any, **kwargs: Any) -> str:
    """Serialise a model object to JSON; keyword arguments go to :func:`json.dumps`."""
    kwargs.setdefault("ensure_ascii", False)
    return json.dumps(to_dict(obj), **kwargs)


_MODELS = (
    Document,
    WrittenQuestion,
    Question,
    Answer,
    Member,
    Minister,
    QuestionRef,
    Diagnostic,
)


# Pickling (process pools, Dask): attrs pickles a slotted object as a dict of its fields and
# rebuilds it through a Python ``__setstate__`` loop; ``parse_many`` moves every Document
# between processes, so each model pickles as the tuple of its field values instead.
_FIELD_NAMES: dict[type, tuple[str, ...]] = {
    cls: tuple(a.name for a in attrs.fields(cls)) for cls in (*_MODELS, Span)
}
_new_object = object.__new__
_set_field = object.__setattr__


def _model_from_values(cls: type[T], values: tuple[Any, ...]) -> T:
    """Rebuild a frozen model from its field values in field order.

    Bypasses ``__init__``, which the models only use to take every field as given.
    """
    obj = _new_object(cls)
    for name, value in zip(_FIELD_NAMES[cls], values, strict=True):
        _set_field(obj, name, value)
    return obj


def _model_reducer(cls: type) -> Callable[[Any], tuple[Any, ...]]:
    """``copyreg`` reducer for ``cls``; positional classes rebuild through their ``__init__``."""
    names = _FIELD_NAMES[cls]
    values = operator.attrgetter(*names)  # every model has at least two fields: a tuple
    if any(a.kw_only for a in attrs.fields(cls)):
        return lambda obj: (_model_from_values, (cls, values(obj)))
    return lambda obj: (cls, values(obj))


for _cls in _FIELD_NAMES:
    copyreg.pickle(_cls, _model_reducer(_cls))


def _schema_for(tp: Any) -> dict[str, Any]:
    """JSON Schema fragment for one field type."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [_schema_for(a) for a in args]}
    if tp is type(None):
        return {"type": "null"}
    if tp is Span:
        return {"$ref": "#/$defs/Span"}
    if attrs.has(tp):
        return {"$ref": f"#/$defs/{tp.__name__}"}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"enum": [m.value for m in tp]}
    if origin is tuple:
        return {"type": "array", "items": _schema_for(args[0])}
    if origin is typing.Literal:
        return {"enum": list(args)}
    if origin is Mapping or tp is dict:
        return {"type": "object"}
    if tp is datetime.date:
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    simple = {str: "string", int: "integer", bool: "boolean"}
    if tp in simple:
        return {"type": simple[tp]}
    raise TypeError(f"no JSON Schema mapping for {tp!r}")  # pragma: no cover - model drift


def _class_schema(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    names = [f.name for f in attrs.fields(cls)]
    return {
        "type": "object",
        "properties": {name: _schema_for(hints[name]) for name in names},
        "required": names,
        "additionalProperties": False,
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``to_dict(Document)``, derived from the models."""
    defs: dict[str, Any] = {cls.__name__: _class_schema(cls) for cls in _MODELS}
    defs["Span"] = {
        "type": "array",
        "prefixItems": [{"type": "integer", "minimum": 0}, {"type": "integer", "minimum": 0}],
        "minItems": 2,
        "maxItems": 2,
    }
    defs["House"] = {"enum": [h.value for h in House]}
    defs["Legislature"] = {"enum": [leg.value for leg in Legislature]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://pqparse.readthedocs.io/schema/document.json",
        "title": "pqparse Document",
        "$ref": "#/$defs/Document",
        "$defs": defs,
    }


#: Columns of :func:`to_row` (and of ``to_dataframe`` / CSV output), in order.
ROW_COLUMNS: tuple[str, ...] = (
    "source",
    "format",
    "uin",
    "heading",
    "legislature",
    "house",
    "named_day",
    "registered_interest",
    "withdrawn",
    "complete",
    "listed_on",
    "asked_by_name",
    "asked_by_party",
    "asked_by_constituency",
    "asked_on",
    "department",
    "addressee",
    "date_for_answer",
    "question_text",
    "answered",
    "answered_by_name",
    "answered_by_role",
    "answered_by_department",
    "answered_on",
    "is_holding",
    "is_correction",
    "answer_text",
    "grouped_question_ids",
    "referenced_question_ids",
    "span_start",
    "span_end",
)


def to_row(
    record: WrittenQuestion, *, source: str | None = None, format_name: str | None = None
) -> dict[str, Any]:
    """One flat row for a record: scalars, ``datetime.date`` values and lists of ids."""
    question, answer = record.question, record.answer
    asker = question.asked_by
    minister = answer.answered_by if answer else None
    return {
        "source": source,
        "format": format_name,
        "uin": record.uin,
        "heading": record.heading,
        "legislature": record.legislature.value,
        "house": record.house.value if record.house else None,
        "named_day": record.named_day,
        "registered_interest": record.registered_interest,
        "withdrawn": record.withdrawn,
        "complete": record.complete,
        "listed_on": record.listed_on,
        "asked_by_name": asker.name if asker else None,
        "asked_by_party": asker.party if asker else None,
        "asked_by_constituency": asker.constituency if asker else None,
        "asked_on": question.asked_on,
        "department": question.department,
        "addressee": question.addressee,
        "date_for_answer": question.date_for_answer,
        "question_text": question.text,
        "answered": answer is not None,
        "answered_by_name": minister.name if minister else None,
        "answered_by_role": minister.role if minister else None,
        "answered_by_department": minister.department if minister else None,
        "answered_on": answer.answered_on if answer else None,
        "is_holding": answer.is_holding if answer else None,
        "is_correction": answer.is_correction if answer else None,
        "answer_text": answer.text if answer else None,
        "grouped_question_ids": list(record.grouped_question_ids),
        "referenced_question_ids": list(record.referenced_question_ids),
        "span_start": record.span.start,
        "span_end": record.span.end,
    }
