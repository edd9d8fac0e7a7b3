"""Command line: ``pqparse parse|detect|schema`` (also ``python -m pqparse``)."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from pqparse import __version__
from pqparse.api import Source, iter_parse_many
from pqparse.errors import UnknownFormatError
from pqparse.formats import FORMATS, detect_format
from pqparse.frames import records_to_rows
from pqparse.models import Document
from pqparse.serialize import ROW_COLUMNS, json_schema, to_dict

__all__ = ["main"]

INPUT_SUFFIXES = frozenset({".txt", ".html", ".htm", ".json", ".jsonl", ".ndjson", ".xml"})
PROGRESS_MIN_FILES = 5

EPILOG = """examples:
  pqparse parse page.txt                          one document as JSON
  pqparse parse pages/ --to csv -o answers.csv    every file in a folder, one row per record
  pqparse parse dump.jsonl --to jsonl             one record per line
  pqparse parse pages/ --to parquet -o out.parquet --jobs 4
  curl -s URL | pqparse parse - --format parallelparliament-page
  pqparse detect page.html
  pqparse schema > document.schema.json
"""


def _expand(inputs: Sequence[str]) -> list[str]:
    """Files as given; directories become their input files (``*.expected.json`` skipped)."""
    paths: list[str] = []
    for item in inputs:
        path = Path(item)
        if item != "-" and path.is_dir():
            paths.extend(
                str(p)
                for p in sorted(path.rglob("*"))
                if p.is_file()
                and p.suffix.lower() in INPUT_SUFFIXES
                and not p.name.endswith(".expected.json")
            )
        else:
            paths.append(item)
    return paths


def _sources(paths: Sequence[str]) -> list[Source]:
    return [sys.stdin.buffer.read() if p == "-" else p for p in paths]


def _is_bad(doc: Document) -> bool:
    return not doc.records and bool(doc.errors)


def _progress(documents: Iterator[Document], total: int, enabled: bool) -> Iterator[Document]:
    if not enabled or total < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        return documents
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover - tqdm is a dependency, but stay usable without
        return documents
    return iter(tqdm(documents, total=total, unit="file", file=sys.stderr))


def _csv_value(value: Any) -> Any:
    if isinstance(value, list):
        return ";".join(value)
    return "" if value is None else value


def _write(
    docs: list[Document], names: list[str], to: str, out: TextIO, output: str | None
) -> None:
    if to == "json":
        data = [to_dict(d) for d in docs]
        json.dump(data[0] if len(data) == 1 else data, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif to == "jsonl":
        for doc in docs:
            for record in doc.records:
                out.write(json.dumps(to_dict(record), ensure_ascii=False) + "\n")
    elif to == "csv":
        writer = csv.DictWriter(out, fieldnames=list(ROW_COLUMNS))
        writer.writeheader()
        for doc, name in zip(docs, names, strict=True):
            for row in records_to_rows([doc]):
                row["source"] = name
                writer.writerow({k: _csv_value(v) for k, v in row.items()})
    else:  # parquet
        from pqparse.frames import to_arrow

        try:
            import pyarrow.parquet as pq
        except ImportError as exc:
            raise SystemExit(
                "pqparse: --to parquet needs pyarrow: pip install 'pqparse[arrow]'"
            ) from exc
        pq.write_table(to_arrow(docs), output or sys.stdout.buffer)


def _cmd_parse(args: argparse.Namespace) -> int:
    if args.to == "parquet" and not args.output:
        print("pqparse: --to parquet needs --output FILE", file=sys.stderr)
        return 2
    names = _expand(args.inputs)
    documents = iter_parse_many(
        _sources(names), workers=args.jobs, format=args.format, strict=args.strict
    )
    good: list[Document] = []
    good_names: list[str] = []
    failed = 0
    for name, doc in zip(names, _progress(documents, len(names), not args.quiet), strict=True):
        if _is_bad(doc):
            failed += 1
            first = doc.errors[0]
            print(f"pqparse: {name}: {first.code}: {first.message}", file=sys.stderr)
            continue
        good.append(doc)
        good_names.append(name)
    if good:
        if args.output and args.to != "parquet":
            with open(args.output, "w", encoding="utf-8", newline="") as out:
                _write(good, good_names, args.to, out, None)
        else:
            _write(good, good_names, args.to, sys.stdout, args.output)
    return 1 if failed else 0


def _cmd_detect(args: argparse.Namespace) -> int:
    status = 0
    for name in _expand(args.inputs):
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
        try:
            print(f"{name}\t{detect_format(data)}")
        except UnknownFormatError as exc:
            print(f"pqparse: {name}: {exc}", file=sys.stderr)
            status = 1
    return status


def _cmd_schema(_args: argparse.Namespace) -> int:
    json.dump(json_schema(), sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation and tests)."""
    parser = argparse.ArgumentParser(
        prog="pqparse",
        description="Parse parliamentary written questions and answers into typed records.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"pqparse {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    parse_cmd = commands.add_parser(
        "parse",
        help="parse files, folders or stdin (-)",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parse_cmd.add_argument("inputs", nargs="+", metavar="FILE|DIR|-")
    parse_cmd.add_argument("--format", choices=sorted(FORMATS), help="skip auto-detection")
    parse_cmd.add_argument("--strict", action="store_true", help="fail a file at its first error")
    parse_cmd.add_argument(
        "--to", choices=("json", "jsonl", "csv", "parquet"), default="json", help="output format"
    )
    parse_cmd.add_argument("-o", "--output", help="write to FILE instead of stdout")
    parse_cmd.add_argument(
        "-j", "--jobs", type=int, default=1, help="processes that parse (this one included)"
    )
    parse_cmd.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    parse_cmd.set_defaults(run=_cmd_parse)

    detect_cmd = commands.add_parser("detect", help="print the detected format of each file")
    detect_cmd.add_argument("inputs", nargs="+", metavar="FILE|DIR|-")
    detect_cmd.set_defaults(run=_cmd_detect)

    schema_cmd = commands.add_parser("schema", help="print the JSON Schema of a Document")
    schema_cmd.set_defaults(run=_cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    status: int = args.run(args)
    return status
