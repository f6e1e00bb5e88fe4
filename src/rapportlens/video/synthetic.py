"""Videos made from numbers, for tests and benchmarks: each person is a textured block that
sways sideways when they move, over a still background with faint sensor noise. No real
person, so nothing private."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .motion import need_av


@dataclass(frozen=True)
class Mover:
    centre: float  # where the block sits, as a fraction of the frame's width
    moves: Sequence[tuple[float, float]]  # (start, end) seconds of each movement


def sway(mover: Mover, t: float, amplitude: float) -> float:
    """Sideways offset in pixels at time ``t``: a half sine over each movement."""
    for start, end in mover.moves:
        if start <= t < end:
            return amplitude * np.sin(np.pi * (t - start) / (end - start))
    return 0.0


def write_video(path: str | Path, movers: Sequence[Mover], seconds: float, fps: float = 10.0,
                size: tuple[int, int] = (96, 54), seed: int = 0, flashes: Sequence[float] = (),
                sound: np.ndarray | None = None, rate: int = 16_000, sway_width: float = 1 / 16,
                noise: float = 1.0) -> Path:
    """An H.264 video of the movers; each block is a quarter of the frame wide. ``flashes``:
    times when the whole picture brightens for a moment (a camera's exposure jumping, a light
    switched on), which changes every pixel at once. ``sound``: mono samples in -1..1 at
    ``rate``, stored beside the picture as AAC, as a meeting recording's MP4 holds both.
    ``sway_width``: how far a movement goes, as a share of the frame's width; ``noise``: the
    camera's sensor noise (standard deviation, grey levels)."""
    av = need_av()
    rng = np.random.default_rng(seed)
    width, height = size
    block_w, block_h = width // 4, height // 2
    textures = [rng.integers(30, 225, (block_h, block_w)).astype(np.uint8) for _ in movers]
    background = np.tile(np.linspace(60, 120, width, dtype=np.float32), (height, 1))
    path = Path(path)
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=int(fps))
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.options = {"crf": "18", "preset": "ultrafast"}
        audio = container.add_stream("aac", rate=rate, layout="mono") if sound is not None else None
        for k in range(int(seconds * fps)):
            t = k / fps
            frame = background + rng.normal(0, noise, background.shape)
            if any(f <= t < f + 0.3 for f in flashes):
                frame = frame + 40
            for mover, texture in zip(movers, textures):
                x = round(mover.centre * width - block_w / 2 + sway(mover, t, width * sway_width))
                x = min(max(x, 0), width - block_w)
                frame[height // 4:height // 4 + block_h, x:x + block_w] = texture + (frame[0, 0] - background[0, 0])
            grey = np.clip(frame, 0, 255).astype(np.uint8)
            image = av.VideoFrame.from_ndarray(np.dstack([grey] * 3), format="rgb24")
            for packet in stream.encode(image):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
        if audio is not None:
            _write_sound(av, container, audio, np.asarray(sound, np.float32), rate)
    return path


def _write_sound(av, container, stream, sound: np.ndarray, rate: int) -> None:
    chunk = 1024  # AAC's frame size
    for k, start in enumerate(range(0, len(sound), chunk)):
        piece = np.zeros((1, chunk), np.float32)
        part = sound[start:start + chunk]
        piece[0, :len(part)] = part
        frame = av.AudioFrame.from_ndarray(piece, format="fltp", layout="mono")
        frame.sample_rate, frame.pts = rate, k * chunk
        for packet in stream.encode(frame):
            container.mux(packet)
    for packet in stream.encode():
        container.mux(packet)


@dataclass(frozen=True)
class Filmed:
    """A made two-person session: who speaks when, and how each moves."""

    turns: list[tuple[str, float, float]]  # (speaker, start, end)
    movers: dict[str, Mover]


def filmed(minutes: float, follow: float, seed: int = 0, names: tuple[str, str] = ("Therapist", "Client"),
           lag: float = 1.0) -> Filmed:
    """Turns of 4-9 s, alternating. Each person moves now and then, more while speaking; with
    chance ``follow`` each of the first person's movements is answered by the second's about
    ``lag`` seconds later (mirroring; 0: independent movers)."""
    rng = np.random.default_rng(seed)
    seconds = minutes * 60
    turns, t, k = [], 1.0, 0
    while t < seconds - 10:
        end = t + float(rng.uniform(4, 9))
        turns.append((names[k % 2], t, end))
        t, k = end + float(rng.uniform(0.3, 1.0)), k + 1

    def moves(name: str) -> list[float]:
        starts = []
        for who, a, b in turns:
            per_second = 0.12 if who == name else 0.05
            starts += sorted(rng.uniform(a, b, rng.poisson(per_second * (b - a))).tolist())
        return starts

    first = moves(names[0])
    second = moves(names[1]) + [s + lag + float(rng.normal(0, 0.25)) for s in first if rng.random() < follow]

    def spans(starts: list[float]) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for s in sorted(starts):
            if out and s < out[-1][1]:
                continue
            out.append((s, s + float(rng.uniform(0.6, 1.8))))
        return out

    return Filmed(turns, {names[0]: Mover(0.25, spans(first)), names[1]: Mover(0.75, spans(second))})
