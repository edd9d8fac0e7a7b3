"""pqparse: parliamentary written questions and answers as typed Python objects.

>>> import pqparse
>>> doc = pqparse.parse(open("page.txt").read())      # doctest: +SKIP
>>> doc.records[0].answer.answered_by.name           # doctest: +SKIP
'Diana Johnson'
"""

from pqparse._version import __version__
from pqparse.api import iter_records, parse, parse_file, parse_many
from pqparse.errors import ParseError, UnknownFormatError
from pqparse.extract.dates import parse_date
from pqparse.extract.refs import find_question_refs
from pqparse.formats import FORMATS, detect_format
from pqparse.frames import to_arrow, to_dataframe
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
from pqparse.serialize import from_dict, json_schema, to_dict, to_json

__all__ = [
    "FORMATS",
    "Answer",
    "Diagnostic",
    "Document",
    "House",
    "Legislature",
    "Member",
    "Minister",
    "ParseError",
    "Question",
    "QuestionRef",
    "Span",
    "UnknownFormatError",
    "WrittenQuestion",
    "__version__",
    "detect_format",
    "find_question_refs",
    "from_dict",
    "iter_records",
    "json_schema",
    "parse",
    "parse_date",
    "parse_file",
    "parse_many",
    "to_arrow",
    "to_dataframe",
    "to_dict",
    "to_json",
]
