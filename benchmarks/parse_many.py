"""Multi-core scaling of ``pqparse.parse_many``: 1 worker vs N workers on 10 000 page files.

    python benchmarks/parse_many.py [--pages 10000] [--workers 2]

The pages are the Parallel Parliament page fixtures (text and HTML) copied to
``benchmarks/data/pages/`` (git-ignored) until there are ``--pages`` files.
"""

from __future__ import annotations

import argparse
import os
import shutil
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


def timed(paths: list[Path], workers: int) -> float:
    start = time.perf_counter()
    docs = pqparse.parse_many(paths, workers=workers)
    elapsed = time.perf_counter() - start
    assert len(docs) == len(paths) and all(d.records for d in docs)
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    paths = make_pages(args.pages)
    timed(paths[:200], 1)  # warm the file cache and imports
    ones, manys = [], []
    for _ in range(3):  # alternate, so that machine noise hits both alike; keep the best
        ones.append(timed(paths, 1))
        manys.append(timed(paths, args.workers))
    one, many = min(ones), min(manys)
    print(f"{len(paths):,} pages on {os.cpu_count()} cores")
    print(f"workers=1: {one:.2f} s ({len(paths) / one:,.0f} pages/s)")
    print(f"workers={args.workers}: {many:.2f} s ({len(paths) / many:,.0f} pages/s)")
    print(f"speed-up: {one / many:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
