"""What a format module provides, and the small result type its parser returns."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import IO

import attrs

from pqparse.models import WrittenQuestion
from pqparse.report import Report

__all__ = ["Format", "Parsed"]


@attrs.frozen
class Parsed:
    """A format parser's output: the document text spans index into, and the records."""

    text: str
    records: tuple[WrittenQuestion, ...]


@attrs.frozen
class Format:
    """A registered source format.

    ``detect`` scores raw (normalised) input from 0 (surely not) to 1 (surely this format);
    ``parse`` turns it into records; ``stream`` (structured formats) yields records from a
    binary file in constant memory.
    """

    name: str
    description: str
    detect: Callable[[str], float]
    parse: Callable[[str, Report], Parsed]
    stream: Callable[[IO[bytes], Report], Iterator[WrittenQuestion]] | None = None
