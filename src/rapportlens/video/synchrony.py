"""Movement synchrony between two people: windowed cross-lagged correlation of their motion
energy (Boker et al. 2002), against pseudo-synchrony from the same movements paired out of
time (segment shuffling; Ramseyer and Tschacher 2011).

The session is cut into one-minute segments. In each, the two motion series are correlated at
every lag up to 5 s either way; the absolute correlations, Fisher-z transformed and averaged
over the lags, are that minute's synchrony. Two people who each move a lot correlate by chance
too, so the same is computed for every pairing of one person's minute with the other's
*different* minute: real synchrony is what the true pairing has beyond those."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SEGMENT = 60.0  # seconds per window
MAX_LAG = 5.0  # seconds either way: a movement answered later than this is not taken as answered
MIN_SEGMENTS = 5  # fewer minutes give too few out-of-time pairings for a p value
SHUFFLES = 2_000


@dataclass(frozen=True)
class Synchrony:
    excess: float  # mean Fisher z of the true pairing minus that of out-of-time pairings
    true: float  # mean |r| over lags and minutes of the true pairing (averaged as Fisher z)
    chance: float  # the same for the out-of-time pairings
    p: float  # share of out-of-time pairings (one per shuffle) with at least the true synchrony
    windows: list[tuple[float, float, float | None]]  # (start s, end s, excess z) per segment
    lead: float  # z when the first person moves first minus when the second does, beyond out-of-time pairings
    lead_p: float  # two-sided


def _lagged(a: np.ndarray, b: np.ndarray, lag: int) -> tuple[np.ndarray, np.ndarray]:
    """Per segment, ``a``'s core (the segment less ``lag`` at each end) standardised, and
    ``b``'s windows at every shift from -lag to +lag, standardised: (n, core) and (n, shifts, core)."""
    _n, length = a.shape
    core = length - 2 * lag
    ac = a[:, lag:lag + core]
    shifts = np.lib.stride_tricks.sliding_window_view(b, core, axis=1)  # (n, 2*lag+1, core)
    return _standard(ac), _standard(shifts)


def _standard(x: np.ndarray) -> np.ndarray:
    centred = x - x.mean(axis=-1, keepdims=True)
    scale = np.sqrt((centred ** 2).sum(axis=-1, keepdims=True))
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(scale > 0, centred / scale, np.nan)


def matrices(a: np.ndarray, b: np.ndarray, rate: float) -> tuple[np.ndarray, np.ndarray]:
    """Per pair of segments (a's i, b's j): the mean |Fisher z| over all lags, and that at
    lags where a moves first minus where b moves first. NaN where either did not move."""
    seg, lag = round(SEGMENT * rate), round(MAX_LAG * rate)
    n = min(len(a), len(b)) // seg
    A = a[:n * seg].reshape(n, seg).astype(np.float64)
    B = b[:n * seg].reshape(n, seg).astype(np.float64)
    ac, bw = _lagged(A, B, lag)
    r = np.tensordot(ac, bw, axes=([1], [2]))  # (i, j, shift); shift index `lag` is lag 0
    z = np.arctanh(np.clip(np.abs(r), 0, 0.999))
    # b's window at shift s > lag starts later than a's core: b moves after a, so a leads.
    lead = z[:, :, lag + 1:].mean(axis=2) - z[:, :, :lag].mean(axis=2)
    return z.mean(axis=2), lead


def _derangements(n: int, count: int, rng: np.random.Generator) -> np.ndarray:
    """Random pairings of each segment with another one than its own."""
    out = np.empty((count, n), np.int64)
    for k in range(count):
        while True:
            p = rng.permutation(n)
            if not np.any(p == np.arange(n)):
                out[k] = p
                break
    return out


def synchrony(a: np.ndarray, b: np.ndarray, rate: float, seed: int = 0) -> Synchrony | None:
    """Synchrony of two motion series sampled at ``rate``; None with fewer than MIN_SEGMENTS
    minutes in which both people moved."""
    z, lead = matrices(a, b, rate)
    moving = ~np.isnan(np.diag(z))
    keep = np.flatnonzero(moving & ~np.isnan(z).all(axis=0) & ~np.isnan(z).all(axis=1))
    if len(keep) < MIN_SEGMENTS:
        return None
    zk, lk = z[np.ix_(keep, keep)], lead[np.ix_(keep, keep)]
    n = len(keep)
    true = float(np.nanmean(np.diag(zk)))
    true_lead = float(np.nanmean(np.diag(lk)))
    perms = _derangements(n, SHUFFLES, np.random.default_rng(seed))
    rows = np.arange(n)
    shuffled = np.nanmean(zk[rows, perms], axis=1)
    shuffled_lead = np.nanmean(lk[rows, perms], axis=1)
    off = ~np.eye(n, dtype=bool)
    position = {int(i): k for k, i in enumerate(keep)}
    windows: list[tuple[float, float, float | None]] = []
    for i in range(len(z)):
        start = i * SEGMENT
        k = position.get(i)
        if k is None:
            windows.append((start, start + SEGMENT, None))
            continue
        baseline = np.nanmean(np.concatenate([zk[k][off[k]], zk[:, k][off[:, k]]]))
        windows.append((start, start + SEGMENT, round(float(zk[k, k] - baseline), 4)))
    centre = shuffled_lead.mean()
    return Synchrony(
        excess=true - float(shuffled.mean()),
        true=float(np.tanh(true)),
        chance=float(np.tanh(shuffled.mean())),
        p=float((1 + np.sum(shuffled >= true)) / (1 + SHUFFLES)),
        windows=windows,
        lead=true_lead - float(centre),
        lead_p=float((1 + np.sum(np.abs(shuffled_lead - centre) >= abs(true_lead - centre))) / (1 + SHUFFLES)),
    )
