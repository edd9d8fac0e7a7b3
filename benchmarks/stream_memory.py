"""Stream a large file through ``pqparse.iter_records`` and print throughput and peak memory.

    python benchmarks/stream_memory.py FILE [--format NAME] [--limit N] [--floor]

Works for any format (API JSON / JSON Lines, TheyWorkForYou XML, ...); make big inputs with
``benchmarks/generate_api.py``. Prints records, seconds, records/s, MB/s and the process's
peak resident memory (``ru_maxrss``) before and after streaming. ``--floor`` (API JSON Lines
or JSON) also times the unavoidable work, ``json.loads`` of every item plus
``lxml.html.fragments_fromstring`` of every ``answerText``, over the same records, and
prints the ratio of CPU times (wall time on a busy machine is noise).
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

import lxml.html

import pqparse


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (Linux reports KiB)."""
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 1e6


def _answer_fragments(item: Any) -> int:
    value = item.get("value", item) if isinstance(item, dict) else {}
    markup = value.get("answerText") if isinstance(value, dict) else None
    return len(lxml.html.fragments_fromstring(markup)) if markup else 0


def floor_seconds(path: Path, limit: int | None) -> tuple[float, int]:
    """CPU time of ``json.loads`` + ``fragments_fromstring`` over the first ``limit`` items."""
    start = time.process_time()
    count = 0
    with path.open("rb") as handle:
        first = handle.read(1)
        handle.seek(0)
        if first == b"{" and path.suffix == ".jsonl":
            for line in itertools.islice(handle, limit):
                count += 1
                _answer_fragments(json.loads(line))
        else:
            data = json.load(handle)
            items = data["results"] if isinstance(data, dict) and "results" in data else data
            for item in items[:limit] if isinstance(items, list) else [items]:
                count += 1
                _answer_fragments(item)
    return time.process_time() - start, count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("file", type=Path)
    parser.add_argument("--format", choices=sorted(pqparse.FORMATS))
    parser.add_argument("--limit", type=int, help="stop after this many records")
    parser.add_argument("--floor", action="store_true", help="also time the API JSON floor")
    args = parser.parse_args(argv)
    size = args.file.stat().st_size
    before = peak_rss_mb()
    start = time.perf_counter()
    cpu_start = time.process_time()
    records = incomplete = 0
    for record in itertools.islice(pqparse.iter_records(args.file, format=args.format), args.limit):
        records += 1
        incomplete += not record.complete
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    after = peak_rss_mb()
    read = size if args.limit is None else float("nan")
    print(f"file             {args.file} ({size / 1e6:,.1f} MB)")
    print(f"records          {records:,} ({incomplete:,} incomplete)")
    print(f"seconds          {seconds:,.2f} wall, {cpu:,.2f} CPU")
    print(f"records/s        {records / seconds:,.0f} (wall), {records / cpu:,.0f} (CPU)")
    print(f"MB/s             {read / seconds / 1e6:,.1f}")
    print(f"peak RSS before  {before:,.1f} MB (interpreter and imports)")
    print(f"peak RSS after   {after:,.1f} MB")
    if args.floor:
        floor, count = min(floor_seconds(args.file, records) for _ in range(3))
        print(
            f"floor CPU        {floor:,.2f} s ({count:,} items: json.loads + fragments_fromstring)"
        )
        print(f"ratio            {cpu / floor:,.2f} (CPU time)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
