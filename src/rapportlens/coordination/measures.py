"""The formulas, kept free of conversations so each can be checked by hand."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

EPSILON = 0.0001  # Ireland & Pennebaker's guard against two zero rates


def lsm(counts_a: Mapping[str, int], words_a: int, counts_b: Mapping[str, int], words_b: int) -> dict[str, float]:
    """Per-category style matching: 1 - |p1 - p2| / (p1 + p2 + 0.0001), p = % of words."""
    out = {}
    for cat in counts_a:
        pa = 100 * counts_a[cat] / words_a if words_a else 0.0
        pb = 100 * counts_b[cat] / words_b if words_b else 0.0
        out[cat] = 1 - abs(pa - pb) / (pa + pb + EPSILON)
    return out


def mean(values: Sequence[float | None]) -> float | None:
    vals = [v for v in values if v is not None]
    return sum(vals) / len(vals) if vals else None


def similarity(a: float, b: float) -> float:
    """1 when two non-negative amounts are equal, towards 0 as they differ: 1 - |a-b|/(a+b)."""
    return 1.0 if a + b == 0 else 1 - abs(a - b) / (a + b)


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Pearson's r; None for fewer than 3 pairs or a constant series."""
    if len(xs) < 3 or np.std(xs) == 0 or np.std(ys) == 0:
        return None
    return float(np.corrcoef(xs, ys)[0, 1])
