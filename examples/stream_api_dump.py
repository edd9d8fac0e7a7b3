"""Stream a large Written Questions API dump (JSON Lines, array or envelope) in constant
memory and count answers per answering body.

    python examples/stream_api_dump.py DUMP.jsonl
"""

from __future__ import annotations

import sys
from collections import Counter

import pqparse


def main() -> None:
    answered: Counter[str] = Counter()
    total = 0
    for record in pqparse.iter_records(sys.argv[1], format="written-questions-api"):
        total += 1
        if record.answer is not None and record.answer.text:
            answered[record.question.department or "(unknown)"] += 1
    print(f"{total} questions, {sum(answered.values())} answered")
    for department, count in answered.most_common(10):
        print(f"{count:8}  {department}")


if __name__ == "__main__":
    main()
