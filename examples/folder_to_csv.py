"""Parse every document in a folder (any supported format) into one CSV, a row per record.

python examples/folder_to_csv.py FOLDER OUT.csv [--jobs N]
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import pqparse
from pqparse.serialize import ROW_COLUMNS, to_row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    paths = sorted(
        p for p in args.folder.rglob("*") if p.is_file() and not p.name.endswith(".expected.json")
    )
    rows = 0
    with args.out.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=list(ROW_COLUMNS))
        writer.writeheader()
        for path, doc in zip(paths, pqparse.parse_many(paths, workers=args.jobs), strict=True):
            for error in doc.errors:
                print(f"{path}: {error.code} {error.message}")
            for record in doc.records:
                row = to_row(record, source=str(path), format_name=doc.format)
                writer.writerow(
                    {k: ";".join(v) if isinstance(v, list) else v for k, v in row.items()}
                )
                rows += 1
    print(f"{rows} records from {len(paths)} files -> {args.out}")


if __name__ == "__main__":
    main()
