"""The one timer of the suite's linear-time tests."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable


def best_cpu_seconds(function: Callable[[], object], runs: int = 3) -> float:
    """Best of ``runs`` calls in CPU time (other processes' load does not count), with the
    cyclic garbage collector paused: its full collections grow with the whole session's heap
    and would make linear work look superlinear."""
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(runs):
            start = time.process_time()
            function()
            best = min(best, time.process_time() - start)
    finally:
        gc.enable()
    return best
