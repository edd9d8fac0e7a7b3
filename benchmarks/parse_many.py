"""Multi-core scaling of ``pqparse.parse_many``: 1 worker vs N workers on 10 000 page files.

    python benchmarks/parse_many.py [--pages 10000] [--workers 2] [--repeat 5]

What is compared: ``parse_many(paths, workers=1)`` parses every file in this process, one
after another (no pool, nothing pickled); ``parse_many(paths, workers=N)`` parses batches in
this process and in a pool of N - 1 processes (only the pool's share is pickled). Both return
the same list of Documents. Runs alternate (1, N, 1, N, ...) so that noise from other work on
the machine hits both sides alike; the script prints the best and the median wall time of each
side and the CPU seconds spent (this process + the pool's processes), whose ratio shows the
cost of going parallel independently of how busy the machine is.

The pages are the Parallel Parliament page fixtures (text and HTML) copied to
``benchmarks/data/pages/`` (git-ignored) until there are ``--pages`` files.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import time
from pathlib import Path

import pqparse

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "tests" / "fixtures" / "parallelparliament-page"
PAGES = ROOT / "benchmarks" / "data" / "pages"


def make_pages(count: int) -> list[Path]:
    """``count`` page files cycled from the fixtures (reused when already there)."""
    fixtures = sorted(p for p in SOURCE.iterdir() if not p.name.endswith(".expected.json"))
    PAGES.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        source = fixtures[n % len(fixtures)]
        path = PAGES / f"{n:06d}{source.suffix}"
        if not path.exists():
            shutil.copyfile(source, path)
        paths.append(path)
    return paths


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the pool's processes)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(paths: list[Path], workers: int) -> tuple[float, float]:
    """Wall and CPU seconds of one ``parse_many`` run."""
    cpu = _cpu_seconds()
    start = time.perf_counter()
    docs = pqparse.parse_many(paths, workers=workers)
    elapsed = time.perf_counter() - start
    cpu = _cpu_seconds() - cpu
    assert len(docs) == len(paths) and all(d.records for d in docs)
    return elapsed, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    paths = make_pages(args.pages)
    timed(paths[:200], 1)  # warm the file cache and imports
    runs: dict[int, list[tuple[float, float]]] = {1: [], args.workers: []}
    for _ in range(args.repeat):
        for workers in runs:
            runs[workers].append(timed(paths, workers))
    print(f"{len(paths):,} pages on {os.cpu_count()} cores, {args.repeat} alternating runs")
    for workers, results in runs.items():
        walls = [wall for wall, _ in results]
        best, median = min(walls), statistics.median(walls)
        cpu = statistics.median(cpu for _, cpu in results)
        print(
            f"workers={workers}: best {best:.2f} s ({len(paths) / best:,.0f} pages/s), "
            f"median {median:.2f} s, CPU {cpu:.2f} s"
        )
    one, many = runs[1], runs[args.workers]
    pairs = [a[0] / b[0] for a, b in zip(one, many, strict=True)]
    print(
        f"speed-up: best {min(w for w, _ in one) / min(w for w, _ in many):.2f}x, "
        f"median of alternating pairs {statistics.median(pairs):.2f}x; "
        f"CPU cost of going parallel "
        f"{statistics.median(c for _, c in many) / statistics.median(c for _, c in one):.2f}x"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
