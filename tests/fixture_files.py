"""Discovery of golden fixtures: ``fixtures/<format>/<name>.<ext>`` + ``.expected.json``."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
INPUT_SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl", ".xml")


def fixture_inputs() -> list[Path]:
    """Every fixture input file, sorted; each must have an expected file beside it."""
    return sorted(
        path
        for path in FIXTURES.glob("*/*")
        if path.suffix in INPUT_SUFFIXES and not path.name.endswith(".expected.json")
    )


def expected_path(source: Path) -> Path:
    """``name.ext`` → ``name.expected.json``."""
    return source.with_name(source.name[: -len(source.suffix)] + ".expected.json")


def fixture_id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"
