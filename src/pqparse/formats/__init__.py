"""The format registry (:data:`FORMATS`) and content-based :func:`detect_format`.

Adding a format is one module exporting ``FORMAT`` and one line in ``_MODULES``.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from types import MappingProxyType

from pqparse.errors import UnknownFormatError
from pqparse.formats.base import Format, Parsed
from pqparse.text.decode import prepare_text

__all__ = ["FORMATS", "Format", "Parsed", "best_format", "detect_format"]

# Detection order: cheapest and most decisive first (see best_format's early exit).
_MODULES = (
    "written_questions_api",
    "theyworkforyou_xml",
    "parallelparliament_page",
    "parallelparliament_listing",
    "parliament_uk_listing",
    "questions_statements",
    "hansard_written_answers",
)

FORMATS: Mapping[str, Format] = MappingProxyType(
    {
        fmt.name: fmt
        for fmt in (
            importlib.import_module(f"pqparse.formats.{module}").FORMAT for module in _MODULES
        )
    }
)

_THRESHOLD = 0.5
#: A score this high is decisive: later (costlier) detectors are not consulted.
_CERTAIN = 0.9


def best_format(text: str) -> tuple[str | None, float]:
    """The best-scoring format for ``text`` and its score (``None`` below the threshold).

    Detectors run in registry order; the first one scoring at least 0.9 wins outright.
    """
    best_name: str | None = None
    best_score = 0.0
    for name, fmt in FORMATS.items():
        score = fmt.detect(text)
        if score > best_score:
            best_name, best_score = name, score
            if score >= _CERTAIN:
                break
    if best_score < _THRESHOLD:
        return None, best_score
    return best_name, best_score


def detect_format(source: str | bytes) -> str:
    """Name of the format ``source`` is in; raises :class:`UnknownFormatError` if none fits."""
    text, _ = prepare_text(source)
    name, _ = best_format(text)
    if name is None:
        raise UnknownFormatError(
            f"the input matches no known format (supported: {', '.join(FORMATS)})",
            code="PQ101",
        )
    return name
