"""Find every answer that cites a given written question, with the citing words in context.

    python examples/find_citing_answers.py QUESTION_ID FILE_OR_FOLDER [...]

Example: python examples/find_citing_answers.py 44194 examples/
"""

from __future__ import annotations

import sys
from pathlib import Path

import pqparse


def main() -> None:
    wanted, places = sys.argv[1], sys.argv[2:]
    found = 0
    for place in places:
        path = Path(place)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if file.suffix == ".py" or file.name.endswith(".expected.json"):
                continue
            doc = pqparse.parse_file(file)
            for record in doc.records:
                for ref in record.references:
                    if ref.id != wanted:
                        continue
                    found += 1
                    start, end = ref.span.start, ref.span.end
                    context = doc.text[max(0, start - 70) : end + 30].replace("\n", " ")
                    print(f"{file.name}: {record.heading!r} ({record.uin or 'no UIN'})")
                    print(f"    ...{context}...")
                    if ref.date:
                        print(f"    cited answer dated {ref.date.isoformat()}")
    print(f"{found} citation(s) of {wanted}")


if __name__ == "__main__":
    main()
