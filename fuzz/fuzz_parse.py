"""Coverage-guided fuzzing of ``pqparse.parse`` with atheris (optional, for long runs).

    pip install atheris
    python fuzz/fuzz_parse.py -atheris_runs=1000000 tests/fixtures/*/

Any exception other than the documented ones is a bug; so is a PQ199 diagnostic.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import pqparse


def test_one_input(data: bytes) -> None:
    """Parse ``data`` leniently and as every format; only clean results are allowed."""
    for format_name in (None, *pqparse.FORMATS):
        doc = pqparse.parse(data, format=format_name)
        if any(d.code == "PQ199" for d in doc.diagnostics):
            raise RuntimeError(f"internal parser error as {format_name}: {doc.diagnostics}")
        assert pqparse.from_dict(pqparse.Document, pqparse.to_dict(doc)) == doc


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
