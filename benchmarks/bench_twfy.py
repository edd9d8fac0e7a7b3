"""Time ``pqparse.iter_records`` over a TheyWorkForYou XML dump against the lxml floor.

    python benchmarks/bench_twfy.py [FILE] [--repeat 3]

FILE defaults to ``benchmarks/data/twfy-wrans-dump.xml`` (``generate_twfy.py`` writes it).
The floor is the unavoidable work: ``lxml.etree.iterparse`` over the same file, with element
clearing. Two floors are timed — every element (``iterparse(path)``, clearing each one) and
the stricter top-level one (``tag=`` the day's top-level elements, clearing them and dropping
earlier siblings, which is also what pqparse does) — and the ratio to each is printed, with
the peak resident memory of the process. Each timing is the best of ``--repeat`` runs, in
CPU time (``time.process_time``: the machine may be shared).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

from lxml import etree

import pqparse

ROOT = Path(__file__).resolve().parents[1]
DUMP = ROOT / "benchmarks" / "data" / "twfy-wrans-dump.xml"
TOP_LEVEL = ("major-heading", "minor-heading", "ques", "reply", "gidredirect")


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (Linux reports KiB)."""
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 1e6


def floor_every_element(path: Path) -> int:
    """``iterparse`` with an end event for every element, each cleared."""
    count = 0
    for _event, element in etree.iterparse(str(path), events=("end",)):
        element.clear()
        count += 1
    return count


def floor_top_level(path: Path) -> int:
    """``iterparse`` of the top-level elements only, cleared, earlier siblings dropped."""
    count = 0
    for _event, element in etree.iterparse(str(path), events=("end",), tag=TOP_LEVEL):
        element.clear(keep_tail=True)
        parent = element.getparent()
        while parent is not None and element.getprevious() is not None:
            del parent[0]
        count += 1
    return count


def records(path: Path) -> int:
    """What users run: every record of the dump, streamed."""
    return sum(1 for _ in pqparse.iter_records(path))


def best_of(repeat: int, work: Callable[[Path], int], path: Path) -> tuple[float, int]:
    timings = []
    count = 0
    for _ in range(repeat):
        start = time.process_time()
        count = work(path)
        timings.append(time.process_time() - start)
    return min(timings), count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("file", type=Path, nargs="?", default=DUMP)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    size = args.file.stat().st_size / 1e6
    print(f"file {args.file} ({size:,.1f} MB)")
    every, elements = best_of(args.repeat, floor_every_element, args.file)
    print(f"floor, every element   {every:7.2f} s  {size / every:6.1f} MB/s  {elements:,} elements")
    top, tops = best_of(args.repeat, floor_top_level, args.file)
    print(f"floor, top level       {top:7.2f} s  {size / top:6.1f} MB/s  {tops:,} elements")
    rss_before = peak_rss_mb()
    ours, count = best_of(args.repeat, records, args.file)
    print(f"pqparse.iter_records   {ours:7.2f} s  {size / ours:6.1f} MB/s  {count:,} records")
    print(
        f"ratio to floor         {ours / every:.2f} (every element), {ours / top:.2f} (top level)"
    )
    print(
        f"peak RSS               {rss_before:,.0f} MB before streaming, "
        f"{peak_rss_mb():,.0f} MB after"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
