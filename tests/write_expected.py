"""Print (or write with --write) the to_dict JSON of a fixture, for hand review.

    python tests/write_expected.py tests/fixtures/<format>/<name>.<ext> [--write]

The output is a draft: read every line against the input before committing it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pqparse
from fixture_files import expected_path


def main(argv: list[str]) -> int:
    write = "--write" in argv
    for name in (a for a in argv if a != "--write"):
        path = Path(name)
        rendered = pqparse.to_json(pqparse.parse(path.read_bytes()), indent=2) + "\n"
        if write:
            expected_path(path).write_text(rendered, encoding="utf-8")
            print(f"wrote {expected_path(path)}")
        else:
            sys.stdout.write(rendered)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
