"""Pitch and loudness of each stretch of speech in a recording.

Pitch comes from WORLD's DIO estimator refined by StoneMask (``pyworld``), every 10 ms;
loudness is the RMS level of a 25 ms window around each of those instants, in dB below
full scale. Only voiced instants count: where DIO finds a pitch and the level stands
clear of the recording's background."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .decode import Recording, need

FRAME = 0.010  # seconds between measured instants
WINDOW = 0.025  # seconds of sound behind one loudness value
F0_FLOOR, F0_CEIL = 60.0, 500.0  # Hz: low male to high child speech
ABOVE_FLOOR = 12.0  # dB a voiced instant must stand above the background
MIN_VOICED = 10  # instants (0.1 s) before an utterance's pitch means anything


@dataclass(frozen=True)
class Voice:
    """What the recording says about one utterance."""

    pitch: float | None  # Hz, median over voiced instants
    pitch_range: float | None  # semitones between the 10th and 90th percentile
    loudness: float | None  # dB below full scale, mean over voiced instants
    voiced_seconds: float


def levels(samples: np.ndarray, rate: int, times: np.ndarray) -> np.ndarray:
    """dB (full scale) of the WINDOW of sound around each time."""
    half = max(1, int(WINDOW * rate / 2))
    padded = np.pad(samples.astype(np.float64), half)
    energy = np.concatenate([[0.0], np.cumsum(padded ** 2)])
    centre = np.clip(np.round(times * rate).astype(int), 0, len(samples)) + half
    power = (energy[centre + half] - energy[centre - half]) / (2 * half)
    return 10 * np.log10(np.maximum(power, 1e-12))


def track_levels(recording: Recording, channel: int | None = None) -> np.ndarray:
    """dB of the whole track (a channel, or the mix) every FRAME, from 0."""
    return levels(recording.track(channel), recording.rate, np.arange(0, recording.seconds, FRAME))


def quiet_level(track: np.ndarray) -> float:
    """The level of the quiet stretches: the 10th percentile of a track's levels."""
    return float(np.percentile(track, 10)) if len(track) else -120.0


def background(recording: Recording, channel: int | None = None) -> float:
    return quiet_level(track_levels(recording, channel))


def measure(recording: Recording, start: float, end: float, others: Sequence[tuple[float, float]] = (),
            floor: float | None = None, channel: int | None = None) -> Voice:
    """The voice between ``start`` and ``end`` seconds on one channel (None: the mono mix),
    leaving out the instants inside ``others`` (other speakers' utterances on the same track:
    two voices on one track cannot be told apart)."""
    pyworld = need("pyworld")
    rate = recording.rate
    track = recording.track(channel)
    a, b = max(0, int(start * rate)), min(len(track), int(end * rate))
    if b - a < int(3 * WINDOW * rate):
        return Voice(None, None, None, 0.0)
    segment = track[a:b].astype(np.float64)
    f0, t = pyworld.dio(segment, rate, f0_floor=F0_FLOOR, f0_ceil=F0_CEIL, frame_period=FRAME * 1000)
    f0 = pyworld.stonemask(segment, f0, t, rate)
    db = levels(segment, rate, t)
    floor = background(recording, channel) if floor is None else floor
    keep = (f0 > 0) & (db > floor + ABOVE_FLOOR)
    at = t + a / rate
    for s, e in others:
        keep &= ~((at >= s) & (at <= e))
    n = int(keep.sum())
    if n < MIN_VOICED:
        return Voice(None, None, None, round(n * FRAME, 2))
    hz = f0[keep]
    low, high = np.percentile(hz, [10, 90])
    return Voice(float(np.median(hz)), round(float(12 * np.log2(high / low)), 2), float(db[keep].mean()),
                 round(n * FRAME, 2))


def semitones(hz: float, reference: float) -> float:
    return 12 * float(np.log2(hz / reference))
