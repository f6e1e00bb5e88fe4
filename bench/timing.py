"""Shared by the benchmark scripts: time a callable several times."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def best_and_median(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times), statistics.median(times)


def print_added(what: str, extra: float, seconds: float) -> None:
    """What attaching a file of ``seconds`` adds to an analysis, as real time and for a
    50-minute session."""
    print(f"{what} adds {extra:.2f} s: {seconds / max(extra, 1e-9):.0f}x real time "
          f"(a 50-minute session: about {extra * 3000 / seconds:.0f} s)")
