"""Reading a recording into mono samples, through PyAV (FFmpeg): WAV, MP3, M4A and the
audio of MP4 video, as Zoom, Teams and phone recorders save them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import InputError, RapportLensError

RATE = 16_000  # speech pitch and loudness need nothing above 8 kHz
INSTALL = "pip install 'rapportlens[audio]'"


class AudioUnavailable(RapportLensError):
    """The optional audio libraries are not installed."""


def need(module: str):
    """Import one of the audio extra's libraries, or say how to install it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise AudioUnavailable(f"reading a recording needs the audio extra ({module} is not installed); "
                               f"install it with: {INSTALL}") from None


def require() -> None:
    """Fail now, with how to install them, when the audio extra's libraries are missing."""
    need("av")
    need("pyworld")


@dataclass(frozen=True)
class Recording:
    path: Path
    samples: np.ndarray  # mono float32 in -1..1
    rate: int
    channels: np.ndarray | None = None  # (channel, sample), when the channels were kept apart

    @property
    def name(self) -> str:
        return self.path.name

    def track(self, channel: int | None) -> np.ndarray:
        """One channel's samples, or the mono mix for None."""
        return self.samples if channel is None or self.channels is None else self.channels[channel]

    @property
    def seconds(self) -> float:
        return len(self.samples) / self.rate


def load(path: str | Path, rate: int = RATE, keep_channels: bool = False) -> Recording:
    """The recording's first audio stream, mixed down to mono at ``rate`` samples a second;
    with ``keep_channels``, each channel apart as well (a call recorded with the agent on the
    left and the customer on the right)."""
    av = need("av")
    path = Path(path)
    if not path.is_file():
        raise InputError("no such recording", path=path, fix="check the path given to --audio")
    try:
        with av.open(str(path)) as container:
            stream = next((s for s in container.streams if s.type == "audio"), None)
            if stream is None:
                raise InputError("the file has no audio stream", path=path,
                                 fix="give the recording's audio or video file (WAV, MP3, M4A, MP4)")
            layout = stream.layout.name if keep_channels else "mono"
            resampler = av.AudioResampler(format="fltp", layout=layout, rate=rate)
            chunks = [out.to_ndarray() for frame in container.decode(stream) for out in resampler.resample(frame)]
            chunks += [out.to_ndarray() for out in resampler.resample(None)]
    except av.FFmpegError as e:
        raise InputError(f"cannot decode the recording ({e})", path=path,
                         fix="give an audio or video file FFmpeg reads (WAV, MP3, M4A, MP4)") from None
    both = np.concatenate(chunks, axis=1).astype(np.float32) if chunks else np.zeros((1, 0), np.float32)
    if not both.shape[1]:
        raise InputError("the recording is empty", path=path, fix="check that the file holds sound")
    return Recording(path, both.mean(axis=0), rate, both if keep_channels else None)


@dataclass(frozen=True)
class Tracks(Recording):
    """Several recordings of one conversation started together, one per speaker (Zoom's
    separate audio file for each participant), read as the channels of one recording."""

    paths: tuple[Path, ...] = ()

    @property
    def name(self) -> str:
        return " + ".join(p.name for p in self.paths)


def load_tracks(paths: list[str | Path], rate: int = RATE) -> Tracks:
    """Each file mixed to mono, the shorter ones padded with silence at the end."""
    mono = [load(p, rate).samples for p in paths]
    length = max(len(m) for m in mono)
    channels = np.stack([np.pad(m, (0, length - len(m))) for m in mono])
    return Tracks(Path(paths[0]), channels.mean(axis=0), rate, channels, tuple(Path(p) for p in paths))
