"""Voice-like recordings made from numbers, for tests and benchmarks: each utterance is a
harmonic tone at a chosen pitch and level, with syllable-rate loudness changes and a
falling contour, over faint background noise. No real voice, so nothing private."""

from __future__ import annotations

import wave
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

RATE = 16_000


@dataclass(frozen=True)
class Tone:
    start: float
    end: float
    pitch: float  # Hz at the start of the utterance
    level: float = -20.0  # dBFS of its loudest syllables


def render(tones: Sequence[Tone], seconds: float | None = None, rate: int = RATE, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    total = seconds if seconds is not None else max(t.end for t in tones) + 1.0
    out = rng.normal(0, 10 ** (-65 / 20), int(total * rate))
    for tone in tones:
        a, b = int(tone.start * rate), min(len(out), int(tone.end * rate))
        t = np.arange(b - a) / rate
        f0 = tone.pitch * 2 ** (-1.5 * t / max(t[-1], 1e-9) / 12)  # a 1.5-semitone fall, as statements end
        phase = 2 * np.pi * np.cumsum(f0) / rate
        voice = sum(np.sin(k * phase) / k for k in range(1, 8))
        voice /= np.abs(voice).max()
        syllables = 0.55 + 0.45 * np.abs(np.sin(np.pi * 4 * t))
        out[a:b] += 10 ** (tone.level / 20) * voice * syllables
    return out


def write_wav(path: str | Path, samples: np.ndarray, rate: int = RATE) -> Path:
    """``samples``: one track, or (channel, sample) for several."""
    tracks = np.atleast_2d(samples)
    pcm = (np.clip(tracks.T, -1, 1) * 32767).astype("<i2")  # frames of interleaved channels
    with wave.open(str(path), "wb") as w:
        w.setnchannels(tracks.shape[0])
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm.tobytes())
    return Path(path)
