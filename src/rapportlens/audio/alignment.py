"""Whether a transcript's times match its recording: sound where the transcript has
speech, quiet between. A recording trimmed at the start, or a transcript timed from a
meeting's start rather than the recording's, puts every utterance a fixed number of seconds
off; the best shift says by how much."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .decode import Recording
from .prosody import ABOVE_FLOOR, FRAME

STEP = 0.1  # seconds per activity frame
SEARCH = 120.0  # seconds either way a shift is looked for
WORTH_SAYING = 0.05  # how much more of the sound a shift must put inside the utterances
MIN_SHIFT = 1.0  # seconds; less is within the slack of transcript times


@dataclass(frozen=True)
class Alignment:
    in_step: float  # share of the recording's sound that falls inside the transcript's utterances
    best_shift: float  # seconds to add to the transcript's times for the best match
    best_in_step: float


def activity(track: np.ndarray, floor: float) -> np.ndarray:
    """1 for each STEP of a track with sound above the background, else 0, read from its
    levels every FRAME (the level at each step's middle)."""
    every = round(STEP / FRAME)
    return (track[every // 2::every] > floor + ABOVE_FLOOR).astype(float)


def covered(spans: Sequence[tuple[float, float]], frames: int, shift: float = 0.0) -> np.ndarray:
    out = np.zeros(frames)
    for s, e in spans:
        a, b = max(0, int((s + shift) / STEP)), min(frames, int(np.ceil((e + shift) / STEP)))
        if b > a:
            out[a:b] = 1.0
    return out


def check(track: np.ndarray, spans: Sequence[tuple[float, float]], floor: float) -> Alignment | None:
    """How well the spans match the sound of a track (its levels every FRAME), and the shift
    that matches best; None when the track has no sound to match."""
    sound = activity(track, floor)
    if not spans or sound.sum() == 0:
        return None
    n = len(sound)
    reach = int(SEARCH / STEP)
    span = covered(spans, n + 2 * reach, shift=SEARCH)  # room to slide either way
    # correlate by FFT: for each shift, the sound inside the shifted spans
    size = 1 << int(np.ceil(np.log2(len(span) + n)))
    inside = np.fft.irfft(np.fft.rfft(span, size) * np.conj(np.fft.rfft(sound, size)), size)[: 2 * reach + 1]
    inside = np.round(inside[::-1], 6)  # index i: spans moved by (i - reach) frames
    total = sound.sum()
    zero = float(inside[reach] / total)
    best = int(np.argmax(inside))
    return Alignment(round(zero, 3), round((best - reach) * STEP, 1), round(float(inside[best] / total), 3))


def worth_warning(a: Alignment) -> bool:
    """A shift of a second or more that halves the sound left outside the utterances. Cues
    that run a little long or short move the best shift by a fraction of a second and the
    match by a few points, which is not worth a warning."""
    return (abs(a.best_shift) >= MIN_SHIFT and a.best_in_step - a.in_step >= WORTH_SAYING
            and 1 - a.best_in_step <= (1 - a.in_step) / 2)


MIN_ALONE = 3  # utterances heard alone before a speaker's channel is judged


def loudest_channels(recording: Recording, spans: Sequence[tuple[float, float] | None],
                     speakers: Sequence[str]) -> dict[str, list[int]]:
    """For each speaker, on which channel each of their utterances is loudest, over the part
    of it no one else's utterance overlaps: a speaker given the wrong channel is loudest on
    another. Utterances with under half a second to themselves are left out."""
    if recording.channels is None:
        return {}
    rate = recording.rate
    out: dict[str, list[int]] = {}
    for i, (s, who) in enumerate(zip(spans, speakers)):
        if s is None:
            continue
        a, b = int(s[0] * rate), min(recording.channels.shape[1], int(s[1] * rate))
        if b - a < rate // 2:
            continue
        alone = np.ones(b - a, bool)
        for j, t in enumerate(spans):
            if t and j != i and speakers[j] != who and t[0] < s[1] and t[1] > s[0]:
                alone[max(0, int(t[0] * rate) - a):max(0, int(t[1] * rate) - a)] = False
        if alone.sum() < rate // 2:
            continue
        power = [float(np.mean(np.square(ch[a:b][alone], dtype=np.float64))) for ch in recording.channels]
        if max(power) > 0:
            out.setdefault(who, []).append(int(np.argmax(power)))
    return out


def channel_mixups(loudest: dict[str, list[int]], given: dict[str, int]) -> dict[str, int]:
    """Speakers who are loudest on another channel than the one given, in most of at least
    MIN_ALONE utterances heard alone, with the channel they are loudest on."""
    out = {}
    for who, where in loudest.items():
        if who in given and len(where) >= MIN_ALONE:
            usual = max(set(where), key=where.count)
            if usual != given[who] and where.count(usual) > len(where) / 2:
                out[who] = usual
    return out
