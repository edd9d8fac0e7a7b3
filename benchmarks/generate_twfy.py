"""Write a large, realistic TheyWorkForYou written answers XML dump into ``benchmarks/data/``.

    python benchmarks/generate_twfy.py [--mb 200] [--out benchmarks/data/twfy-wrans-dump.xml]

The dump is one Era A file as parlparse writes them (``encoding="ISO-8859-1"``, the internal
DTD of HTML entity names, ``<publicwhip scrapeversion="a" latest="yes">``) whose body cycles
through the top-level elements (major and minor headings, gidredirects, questions, replies
with tables) of every complete Era A fixture in ``tests/fixtures/theyworkforyou-xml``. Each
pass renumbers question numbers and the keys of the gids so that every question is unique.
The file is written pass by pass, so generating it needs little memory. ``benchmarks/data``
is git-ignored.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "theyworkforyou-xml"
DATA = ROOT / "benchmarks" / "data"

_ROOT_START = re.compile(rb"<publicwhip\b[^>]*>")
_ROOT_END = b"</publicwhip>"
_PROLOG_END = re.compile(rb"\]>\s*")
_COMMONS_QNUM = re.compile(rb'qnum="(\d+)"')
_LORDS_QNUM = re.compile(rb'qnum="HL(\d+)"')
_GID_KEY = re.compile(rb"(/wrans/\d{4}-\d{2}-\d{2}[a-z]?\.)(\d{4,})(\.)")


def _sources() -> tuple[bytes, list[bytes]]:
    """The Era A prolog and the body of every complete, latest Era A fixture."""
    prolog = b""
    bodies: list[bytes] = []
    for path in sorted(FIXTURES.glob("*.xml")):
        data = path.read_bytes()
        root = _ROOT_START.search(data)
        if (
            root is None
            or b'latest="yes"' not in root.group()
            or not data.rstrip().endswith(_ROOT_END)
        ):
            continue  # Era B, superseded or cut-off fixtures
        prolog = prolog or data[: root.start()]
        bodies.append(data[root.end() : data.rindex(_ROOT_END)].strip(b"\n") + b"\n")
    return prolog, bodies


def _renumbered(body: bytes, shift: int) -> bytes:
    """``body`` with question numbers and gid keys moved up by ``shift``."""

    def moved(number: bytes) -> int:
        return int(number) + shift if number.strip(b"0") else 0  # "0" means missing

    body = _COMMONS_QNUM.sub(lambda m: b'qnum="%d"' % moved(m.group(1)), body)
    body = _LORDS_QNUM.sub(lambda m: b'qnum="HL%d"' % moved(m.group(1)), body)
    return _GID_KEY.sub(lambda m: m.group(1) + b"%d" % moved(m.group(2)) + m.group(3), body)


def write_dump(path: Path, megabytes: float) -> tuple[int, int]:
    """Write the dump; returns ``(bytes written, passes over the fixtures)``."""
    prolog, bodies = _sources()
    if not bodies:
        raise SystemExit(f"no complete Era A fixtures in {FIXTURES}")
    target = int(megabytes * 1_000_000)
    path.parent.mkdir(parents=True, exist_ok=True)
    written = passes = 0
    with path.open("wb") as out:
        written += out.write(prolog + b'<publicwhip scrapeversion="a" latest="yes">\n')
        while written < target:
            shift = (passes + 1) * 1_000_000
            written += out.write(b"".join(_renumbered(body, shift) for body in bodies))
            passes += 1
        written += out.write(_ROOT_END + b"\n")
    return written, passes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--mb", type=float, default=200.0, help="approximate size in MB")
    parser.add_argument("--out", type=Path, default=DATA / "twfy-wrans-dump.xml")
    args = parser.parse_args(argv)
    written, passes = write_dump(args.out, args.mb)
    print(f"wrote {args.out} ({written / 1e6:,.1f} MB, {passes:,} passes over the fixtures)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
