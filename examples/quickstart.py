"""Parse the bundled Parallel Parliament page and print the typed result.

python examples/quickstart.py [FILE]
"""

from __future__ import annotations

import sys
from pathlib import Path

import pqparse

EXAMPLE = Path(__file__).with_name("parallel-parliament-offences-against-children.txt")


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else EXAMPLE
    doc = pqparse.parse_file(path)
    counts = f"{len(doc.records)} record(s), {len(doc.diagnostics)} diagnostic(s)"
    print(f"format: {doc.format}, {counts}")
    for record in doc.records:
        question, answer = record.question, record.answer
        print(f"\nheading:      {record.heading}")
        print(f"house:        {record.house.value if record.house else None}")
        print(f"asked on:     {question.asked_on!r}")
        print(f"asked by:     {question.asked_by!r}")
        print(f"department:   {question.department}")
        print(f"addressee:    {question.addressee}")
        print(f"question:     {question.text[:100]}...")
        if answer:
            print(f"answered by:  {answer.answered_by!r}")
            print(f"answered on:  {answer.answered_on!r}")
            print(f"paragraphs:   {len(answer.paragraphs)}")
            for ref in answer.references:
                print(f"reference:    {ref!r}")
    for diagnostic in doc.diagnostics:
        print(f"diagnostic:   {diagnostic!r}")


if __name__ == "__main__":
    main()
