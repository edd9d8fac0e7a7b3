"""pqparse benchmark: throughput per format, ratio to the floor, scaling and peak memory.

    python benchmarks/run.py [--quick] [--format NAME ...] [--repeat N]

Inputs are the repo's fixtures, replicated to realistic sizes:
* single-page formats (and every HTML fixture): each page parsed many times (documents/s);
* multi-record text formats (listings, Hansard): fixture documents concatenated into one
  large document (about 1 000 records);
* API JSON: a 10 000-record JSON Lines dump; TWFY XML: fixture files merged into a large
  ``<publicwhip>`` file (``benchmarks/data``, made on first run).

The floor is the unavoidable work on the same input, measured in the same run:
text → one ``re.finditer(r"\\S+")`` pass; HTML → ``lxml.html.fromstring``; API JSON →
``json.loads`` + ``lxml.html.fragments_fromstring`` of every ``answerText``; XML →
``lxml.etree.iterparse`` with element clearing. Times are medians of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import platform
import random
import re
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path

import generate_api  # benchmarks/ is on sys.path when this file runs as a script
import generate_twfy
import lxml.etree
import lxml.html

import pqparse
from pqparse.text.decode import prepare_text

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
DATA = ROOT / "benchmarks" / "data"
WORD = re.compile(r"\S+")
SINGLE_PAGE_FORMATS = {"parallelparliament-page", "questions-statements"}
STRUCTURED = {"written-questions-api", "theyworkforyou-xml"}


def median_time(fn: Callable[[], object], repeat: int) -> float:
    """Median CPU time of ``repeat`` calls (garbage collector paused while timing).

    Everything timed here runs in this one process on one core, so its CPU time is its
    wall time on an idle machine; unlike wall time it does not count other processes'
    load, which would otherwise land unevenly on the parse and on its floor.
    """
    times = []
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
        gc.enable()
    return statistics.median(times)


def fixture_sources(name: str) -> list[bytes]:
    folder = FIXTURES / name
    return [
        p.read_bytes()
        for p in sorted(folder.iterdir())
        if p.is_file() and not p.name.endswith(".expected.json")
    ]


def _is_html(data: bytes) -> bool:
    return prepare_text(data)[0].lstrip()[:1] == "<" and b"<html" in data.lower()


def floor_text(texts: list[str]) -> Callable[[], object]:
    """One ``WORD.finditer`` pass per text, its matches consumed and nothing else.

    (Counting them through a generator, as this once did, added 13-26 % per match to the
    floor and so flattered the text ratios.)
    """

    def run() -> None:
        for text in texts:
            for _ in WORD.finditer(text):
                pass

    return run


def floor_html(pages: list[bytes]) -> Callable[[], object]:
    def run() -> int:
        return sum(len(lxml.html.fromstring(p)) for p in pages)

    return run


def floor_api(data: bytes) -> Callable[[], object]:
    def run() -> int:
        count = 0
        for line in data.splitlines():
            record = json.loads(line)
            value = record.get("value", record)
            html = value.get("answerText") or ""
            if html:
                count += len(lxml.html.fragments_fromstring(html))
        return count

    return run


def floor_xml(data: bytes) -> Callable[[], object]:
    def run() -> int:
        count = 0
        for _event, element in lxml.etree.iterparse(io.BytesIO(data), events=("end",)):
            count += 1
            element.clear()
        return count

    return run


def measure(
    label: str,
    parse_all: Callable[[], int],
    floor: Callable[[], object],
    size: int,
    docs: int,
    repeat: int,
) -> dict[str, object]:
    records = parse_all()
    seconds = median_time(parse_all, repeat)
    floor_seconds = median_time(floor, repeat)
    tracemalloc.start()
    parse_all()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "input": label,
        "docs/s": docs / seconds,
        "records/s": records / seconds,
        "MB/s": size / seconds / 1e6,
        "ratio": seconds / floor_seconds if floor_seconds else float("nan"),
        "peak MB": peak / 1e6,
        "seconds": seconds,
        "size": size,
    }


def bench_pages(
    name: str, sources: list[bytes], copies: int, repeat: int
) -> list[dict[str, object]]:
    """Each fixture page parsed ``copies`` times: text pages and HTML pages separately."""
    rows = []
    for kind in ("text", "html"):
        pages = [s for s in sources if _is_html(s) == (kind == "html")]
        if not pages:
            continue
        batch = [p.decode("utf-8", "replace") for p in pages] * max(1, copies // len(pages))
        floor = floor_html([b.encode() for b in batch]) if kind == "html" else floor_text(batch)

        def parse_all(batch: list[str] = batch) -> int:
            return sum(len(pqparse.parse(t, format=name).records) for t in batch)

        size = sum(len(t.encode()) for t in batch)
        rows.append(
            measure(f"{len(batch):,} {kind} pages", parse_all, floor, size, len(batch), repeat)
        )
    return rows


def big_text(sources: list[bytes], factor: int) -> str:
    texts = [s.decode("utf-8", "replace") for s in sources if not _is_html(s)]
    return "\n\n".join(texts * factor)


def bench_big_document(name: str, text: str, repeat: int) -> dict[str, object]:
    def parse_all() -> int:
        return len(pqparse.parse(text, format=name).records)

    return measure("1 document", parse_all, floor_text([text]), len(text.encode()), 1, repeat)


def api_dump(records: int) -> bytes:
    """A JSON Lines dump of ``records`` API records made from the fixtures (generate_api)."""
    templates = generate_api.fixture_items()
    rng = random.Random(1)
    lines = [
        json.dumps(generate_api.variant(templates[n % len(templates)], n, rng))
        for n in range(records)
    ]
    return ("\n".join(lines) + "\n").encode()


def bench_structured(
    name: str, data: bytes, floor: Callable[[], object], repeat: int
) -> dict[str, object]:
    def parse_all() -> int:
        return sum(1 for _ in pqparse.iter_records(io.BytesIO(data), format=name))

    return measure("stream", parse_all, floor, len(data), 1, repeat)


#: Shortest timed run in the scaling table: a 1x input parsed once takes well under a
#: millisecond, too short for one timing to mean much, so it is parsed several times a run.
MIN_RUN_SECONDS = 0.05


def _time_parse(name: str, source: str | bytes, repeat: int) -> float:
    """Median time of one parse of ``source`` (small inputs: averaged over several parses)."""

    def once() -> object:
        if isinstance(source, bytes) and name in STRUCTURED:
            return sum(1 for _ in pqparse.iter_records(io.BytesIO(source), format=name))
        return pqparse.parse(source, format=name)

    start = time.process_time()
    once()
    loops = max(1, min(1000, int(MIN_RUN_SECONDS / max(time.process_time() - start, 1e-6))))

    def run() -> None:
        for _ in range(loops):
            once()

    return median_time(run, repeat) / loops


def scaling(name: str, make: Callable[[int], str | bytes], repeat: int) -> list[tuple[int, float]]:
    """Parse time at 1×, 10× and 100× input size."""
    return [(factor, _time_parse(name, make(factor), repeat)) for factor in (1, 10, 100)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="small inputs, for a smoke run")
    parser.add_argument("--format", action="append", choices=sorted(pqparse.FORMATS))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    scale = 10 if args.quick else 1
    print(
        f"pqparse {pqparse.__version__} on Python {platform.python_version()}, "
        f"{platform.machine()}, {platform.processor() or platform.platform()}"
    )
    header = (
        f"{'format':28} {'input':22} {'docs/s':>10} {'records/s':>10} {'MB/s':>7} "
        f"{'ratio':>6} {'peak MB':>8}"
    )
    print(header)
    print("-" * len(header))
    scalings: dict[str, list[tuple[int, float]]] = {}
    for name in args.format or sorted(pqparse.FORMATS):
        sources = fixture_sources(name)
        if not sources:
            continue
        rows: list[dict[str, object]] = []
        if name == "written-questions-api":
            dump = api_dump(10_000 // scale)
            rows.append(bench_structured(name, dump, floor_api(dump), args.repeat))
            scalings[name] = scaling(name, lambda f: api_dump(100 * f), args.repeat)
        elif name == "theyworkforyou-xml":
            xml = twfy_dump(100 // scale)
            rows.append(bench_structured(name, xml, floor_xml(xml), args.repeat))
            scalings[name] = scaling(name, twfy_dump, args.repeat)
        else:
            rows.extend(
                bench_pages(
                    name,
                    sources,
                    10_000 // scale if name in SINGLE_PAGE_FORMATS else 1_000 // scale,
                    args.repeat,
                )
            )
            if name not in SINGLE_PAGE_FORMATS:
                factor = max(
                    1, 1_000 // max(1, sum(len(pqparse.parse(s).records) for s in sources)) // scale
                )
                rows.append(bench_big_document(name, big_text(sources, factor), args.repeat))
            scalings[name] = scaling(name, partial(big_text, sources), args.repeat)
        for row in rows:
            print(
                f"{name:28} {row['input']!s:22} {row['docs/s']:>10,.0f} {row['records/s']:>10,.0f} "
                f"{row['MB/s']:>7.2f} {row['ratio']:>6.2f} {row['peak MB']:>8.1f}"
            )
    print("\nscaling (time at 1x, 10x, 100x input; 100x/1x should be ~100)")
    for name, points in scalings.items():
        base = points[0][1]
        cells = "  ".join(f"{f}x {s * 1000:8.1f} ms" for f, s in points)
        print(f"{name:28} {cells}   100x/1x = {points[-1][1] / base:6.1f}")
    return 0


def twfy_dump(factor: int) -> bytes:
    """The Era A fixture bodies, renumbered, ``factor`` times in one file (generate_twfy)."""
    prolog, bodies = generate_twfy._sources()
    body = b"".join(
        generate_twfy._renumbered(b, (n + 1) * 1_000_000) for n in range(factor) for b in bodies
    )
    return prolog + b'<publicwhip scrapeversion="a" latest="yes">\n' + body + b"</publicwhip>\n"


if __name__ == "__main__":
    sys.exit(main())
