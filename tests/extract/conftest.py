"""Shared helpers for the extractor unit tests: the linear-time budget check."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from cpu_timing import best_cpu_seconds

ONE_MB = 1_000_000
#: An extractor may take this many times one ``re.finditer(r"\S+")`` pass over 1 MB of prose.
#: Linear patterns stay far below it; a quadratic one on 1 MB takes thousands of times longer.
SLOWDOWN_LIMIT = 25


def repeat_to_1mb(unit: str) -> str:
    """``unit`` repeated to exactly one million characters."""
    return (unit * (ONE_MB // len(unit) + 1))[:ONE_MB]


@pytest.fixture(scope="session")
def token_pass_seconds() -> float:
    """Time of one ``re.finditer(r"\\S+")`` pass over 1 MB of ordinary prose."""
    prose = repeat_to_1mb("To ask the Secretary of State, what steps he is taking. ")
    return best_cpu_seconds(lambda: sum(1 for _ in re.finditer(r"\S+", prose)))


@pytest.fixture
def assert_linear(token_pass_seconds: float) -> Callable[[Callable[[str], Any], str], None]:
    """Assert that ``extract(text)`` on a 1 MB adversarial string finishes within budget."""

    def check(extract: Callable[[str], Any], text: str) -> None:
        assert len(text) >= ONE_MB
        took = best_cpu_seconds(lambda: extract(text))
        assert took <= SLOWDOWN_LIMIT * token_pass_seconds, (
            f"{took:.3f}s is over {SLOWDOWN_LIMIT}x the {token_pass_seconds:.3f}s token pass"
        )

    return check


#: Sizes for the growth-rate check: large enough to time, small enough to stay quick.
GROWTH_SIZES = (64_000, 256_000)


@pytest.fixture
def assert_scales_linearly() -> Callable[[Callable[[str], Any], str], None]:
    """Assert that 4x the input (``unit`` repeated) takes about 4x the time, not 16x.

    For inputs whose output is itself proportional to the input (a reference every few
    characters), where only the growth rate, not the absolute time, tells linear from not.
    """

    def check(extract: Callable[[str], Any], unit: str) -> None:
        small_size, big_size = GROWTH_SIZES
        big = (unit * (big_size // len(unit) + 1))[:big_size]
        small = big[:small_size]
        ratio = best_cpu_seconds(lambda: extract(big)) / best_cpu_seconds(lambda: extract(small))
        assert ratio < 8, f"4x the input took {ratio:.1f}x the time"

    return check
