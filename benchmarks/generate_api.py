"""Write large, realistic Written Questions API dumps from the fixtures into ``benchmarks/data/``.

    python benchmarks/generate_api.py [--jsonl-mb 200] [--envelope-records 10000] [--seed 1]

Makes ``api-dump.jsonl`` (``{"value", "links"}`` items, one per line, about ``--jsonl-mb`` MB)
and ``api-envelope.json`` (one indented ``{"totalResults", "results"}`` envelope of
``--envelope-records`` items). Records cycle through every complete question of the
``tests/fixtures/written-questions-api`` fixtures with fresh ids, UINs and dates, and answers
lengthened to a realistic spread of sizes by repeating their paragraphs. Files are written
item by item, so generating a large dump needs little memory. ``benchmarks/data`` is
git-ignored.
"""

from __future__ import annotations

import argparse
import copy
import datetime
import io
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import ijson

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "written-questions-api"
DATA = ROOT / "benchmarks" / "data"
FIRST_DAY = datetime.date(2024, 7, 17)  # first sitting day of the 2024 Parliament


def _items(data: Any) -> Iterator[dict[str, Any]]:
    """``{"value", "links"}`` items inside any accepted shape (bare values get wrapped)."""
    if isinstance(data, list):
        for entry in data:
            yield from _items(entry)
    elif isinstance(data, dict) and isinstance(data.get("results"), list):
        yield from _items(data["results"])
    elif isinstance(data, dict) and isinstance(data.get("value"), dict):
        yield data
    elif isinstance(data, dict) and "uin" in data:
        yield {"value": data, "links": []}


def fixture_items() -> list[dict[str, Any]]:
    """Every complete question item of the fixtures (a cut-off file gives its whole ones)."""
    found: list[dict[str, Any]] = []
    for path in sorted(FIXTURES.iterdir()):
        if ".expected." in path.name or path.suffix not in (".json", ".jsonl"):
            continue
        raw = path.read_bytes()
        if path.suffix == ".jsonl":
            for line in raw.splitlines():
                if line.strip():
                    found.extend(_items(json.loads(line)))
            continue
        try:
            found.extend(_items(json.loads(raw)))
        except json.JSONDecodeError:
            try:
                for item in ijson.items(io.BytesIO(raw), "results.item"):
                    found.extend(_items(item))
            except ijson.JSONError:
                pass
    return found


def _iso(day: datetime.date) -> str:
    return f"{day.isoformat()}T00:00:00"


def variant(template: dict[str, Any], number: int, rng: random.Random) -> dict[str, Any]:
    """A copy of ``template`` as the ``number``-th question of a session."""
    item = copy.deepcopy(template)
    value = item["value"]
    tabled = FIRST_DAY + datetime.timedelta(days=number // 400)
    lords = str(value.get("uin", "")).startswith("HL")
    value["id"] = 1_700_000 + number
    value["uin"] = f"HL{1 + number}" if lords else str(1 + number)
    value["dateTabled"] = _iso(tabled)
    value["dateForAnswer"] = _iso(tabled + datetime.timedelta(days=14 if lords else 3))
    if value.get("dateAnswered"):
        value["dateAnswered"] = _iso(tabled + datetime.timedelta(days=rng.randint(2, 20)))
    answer = value.get("answerText")
    if isinstance(answer, str) and answer.startswith("<"):
        value["answerText"] = answer * rng.choice((1, 1, 1, 2, 2, 3, 5))
    item["links"] = [{"rel": "self", "href": f"/Questions/{value['id']}", "method": "GET"}]
    return item


def write_jsonl(out: IO[str], templates: list[dict[str, Any]], megabytes: float) -> int:
    """Write items until the file holds ``megabytes`` MB; returns the record count."""
    rng = random.Random(1)
    limit = int(megabytes * 1_000_000)
    written = count = 0
    while written < limit:
        line = json.dumps(variant(templates[count % len(templates)], count, rng)) + "\n"
        out.write(line)
        written += len(line.encode())
        count += 1
    return count


def write_envelope(out: IO[str], templates: list[dict[str, Any]], records: int) -> None:
    """One indented search envelope holding ``records`` full (detail) items."""
    rng = random.Random(2)
    out.write(f'{{\n  "totalResults": {records},\n  "results": [\n')
    for number in range(records):
        text = json.dumps(variant(templates[number % len(templates)], number, rng), indent=2)
        separator = ",\n" if number < records - 1 else "\n"
        out.write("    " + text.replace("\n", "\n    ") + separator)
    out.write("  ]\n}\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--jsonl-mb", type=float, default=200.0)
    parser.add_argument("--envelope-records", type=int, default=10_000)
    parser.add_argument("--out", type=Path, default=DATA)
    args = parser.parse_args(argv)
    templates = fixture_items()
    args.out.mkdir(parents=True, exist_ok=True)
    jsonl = args.out / "api-dump.jsonl"
    with jsonl.open("w", encoding="utf-8") as out:
        count = write_jsonl(out, templates, args.jsonl_mb)
    print(f"{jsonl}: {count:,} records, {jsonl.stat().st_size / 1e6:,.1f} MB")
    envelope = args.out / "api-envelope.json"
    with envelope.open("w", encoding="utf-8") as out:
        write_envelope(out, templates, args.envelope_records)
    print(f"{envelope}: {args.envelope_records:,} records, {envelope.stat().st_size / 1e6:,.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
