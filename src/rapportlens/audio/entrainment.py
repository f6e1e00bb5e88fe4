"""Whether two voices move together: synchrony from turn to turn and convergence over the
session (acoustic-prosodic entrainment, in the sense of Levitan and Hirschberg's measures)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

PERMUTATIONS = 2000
MIN_EXCHANGES = 10  # a correlation over fewer exchanges says nothing
MIN_PER_HALF = 3  # utterances each speaker needs in each half for their level there


@dataclass(frozen=True)
class Synchrony:
    r: float
    p: float  # two-sided, from the responses shuffled among the exchanges
    exchanges: list[list[int]]  # [earlier utterance, response] pairs the correlation used


def standardised(values: Sequence[float | None], speakers: Sequence[str],
                 times: Sequence[float]) -> list[float | None]:
    """Each speaker's values as z-scores around that speaker's own linear trend over the
    session, so that one voice being higher than the other, or both drifting (a microphone
    gain, a session warming up), is not read as moving together turn by turn."""
    out: list[float | None] = [None] * len(values)
    for who in set(speakers):
        idx = [i for i, (v, s) in enumerate(zip(values, speakers)) if s == who and v is not None]
        if len(idx) < 3:
            continue
        x = np.array([times[i] for i in idx], float)
        y = np.array([values[i] for i in idx], float)
        if np.ptp(x) > 0:
            y = y - np.polyval(np.polyfit(x, y, 1), x)
        sd = y.std()
        if sd > 0:
            for i, z in zip(idx, (y - y.mean()) / sd):
                out[i] = float(z)
    return out


def synchrony(values: Sequence[float | None], speakers: Sequence[str], times: Sequence[float],
              seed: int = 0) -> Synchrony | None:
    """Correlation between each utterance's value and the next one's, where the speaker
    changes; None with fewer than MIN_EXCHANGES measured exchanges."""
    z = standardised(values, speakers, times)
    pairs = [[i - 1, i] for i in range(1, len(z))
             if speakers[i] != speakers[i - 1] and z[i] is not None and z[i - 1] is not None]
    if len(pairs) < MIN_EXCHANGES:
        return None
    x = np.array([z[i] for i, _ in pairs])
    y = np.array([z[j] for _, j in pairs])
    if x.std() == 0 or y.std() == 0:
        return None
    r = float(np.corrcoef(x, y)[0, 1])
    rng = np.random.default_rng(seed)
    shuffled = rng.permuted(np.tile(y, (PERMUTATIONS, 1)), axis=1)
    xs = (x - x.mean()) / x.std()
    ys = (shuffled - shuffled.mean(axis=1, keepdims=True)) / shuffled.std(axis=1, keepdims=True)
    null = (ys * xs).mean(axis=1)
    p = (1 + int((np.abs(null) >= abs(r) - 1e-12).sum())) / (PERMUTATIONS + 1)
    return Synchrony(r, p, pairs)


def convergence(values: Sequence[float | None], speakers: Sequence[str], times: Sequence[float],
                a: str, b: str) -> float | None:
    """How much closer the two speakers' typical levels are in the second half of the session
    than in the first (the median of each one's utterances; positive: closer)."""
    if not times:
        return None
    middle = (min(times) + max(times)) / 2
    gaps = []
    for later in (False, True):
        levels = []
        for who in (a, b):
            vals = [v for v, s, t in zip(values, speakers, times)
                    if s == who and v is not None and (t >= middle) == later]
            if len(vals) < MIN_PER_HALF:
                return None
            levels.append(float(np.median(vals)))
        gaps.append(abs(levels[0] - levels[1]))
    return gaps[0] - gaps[1]
