"""How much each person moves, frame by frame: Motion Energy Analysis (Grammer et al.;
Ramseyer and Tschacher), the measure psychotherapy research uses for movement synchrony.
Each frame is compared with the one a step before; the share of pixels in a person's region
whose brightness changed by more than the noise threshold is that person's motion energy.
It needs no model of the body, so it works on any camera angle, but it cannot tell a nod
from a shadow: everything that moves in a region counts for its person."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import InputError, RapportLensError
from .regions import Region

RATE = 10.0  # steps a second: fast enough for a nod, and MEA's usual 10 Hz
WIDTH = 320  # frames are scaled to this width first: less noise, and decoding dominates anyway
WHOLE_PICTURE = 0.4  # share of every region changing at once that no movement of the people gives
NOISE_TIMES = 4.0  # how far above a step's own noise a pixel's change must be, for noisy cameras
THRESHOLD = 12  # grey levels (of 255) a pixel must change by to count as movement, above compression noise
# Pixel formats whose first plane is 8-bit brightness, as H.264 and VP9 video usually comes.
EIGHT_BIT_LUMA = frozenset({"yuv420p", "yuvj420p", "yuv422p", "yuvj422p", "yuv444p", "yuvj444p", "yuv411p",
                            "yuv440p", "yuvj440p", "yuva420p", "nv12", "nv21", "gray"})
INSTALL = "pip install 'rapportlens[video]'"

Progress = Callable[[float, float | None], None]  # (seconds read, seconds in all or None)


class VideoUnavailable(RapportLensError):
    """The optional video library is not installed."""


def need_av():
    import importlib

    try:
        return importlib.import_module("av")
    except ImportError:
        raise VideoUnavailable(f"reading a video needs the video extra (av is not installed); install it with: "
                               f"{INSTALL}") from None


@dataclass(frozen=True)
class Motion:
    """Motion energy of each region, one value per step: the share (0..1) of its pixels that
    changed since the step before."""

    names: tuple[str, ...]
    energy: np.ndarray  # (region, step)
    rate: float
    jumps: tuple[float, ...] = ()  # seconds at which a camera's whole picture changed (left out)

    @property
    def seconds(self) -> float:
        return self.energy.shape[1] / self.rate

    def of(self, name: str) -> np.ndarray:
        return self.energy[self.names.index(name)]


def open_video(path: str | Path):
    """The opened container and its first video stream, or an error that says what is wrong
    with the file."""
    av = need_av()
    try:
        container = av.open(str(path))
    except (av.FFmpegError, OSError) as e:
        raise InputError(f"cannot open the video ({e})", path=path,
                         fix="give a video file FFmpeg reads (MP4, MOV, MKV, WebM, AVI)") from None
    if not container.streams.video:
        container.close()
        raise InputError("the file has no video stream", path=path,
                         fix="give the video file itself (a recording of the picture, not only the sound)")
    return container, container.streams.video[0]


def _grey(frame, width: int) -> np.ndarray:
    """The frame's brightness about ``width`` pixels wide. Most videos store brightness as a
    plane of its own (YUV): every k-th pixel of it is taken as it is, with no conversion, as
    MEA compares single pixels; other formats are converted and scaled."""
    step = max(1, round(frame.width / width))
    if frame.format.name in EIGHT_BIT_LUMA:
        plane = frame.planes[0]
        luma = np.frombuffer(plane, np.uint8).reshape(plane.height, plane.line_size)[:, :plane.width]
        return luma[::step, ::step]
    w = max(2, frame.width // step)
    return frame.reformat(width=w, height=max(2, frame.height // step), format="gray").to_ndarray()


def _frames(path: Path, rate: float, width: int, progress: Progress | None):
    """Greyscale frames, one per step (the first frame at or after each step's time), as
    (step, frame). Frames between steps are decoded but not converted."""
    av = need_av()
    container, stream = open_video(path)
    with container:
        stream.thread_type = "AUTO"
        total = float(container.duration / 1_000_000) if container.duration else None
        start = None
        step = 0
        told = 0.0
        try:
            for frame in container.decode(stream):
                if frame.time is None:
                    continue
                start = frame.time if start is None else start
                at = frame.time - start
                if at + 0.5 / rate < step / rate:
                    continue
                grey = _grey(frame, width)
                yield round(at * rate), grey
                step = round(at * rate) + 1
                if progress and at - told >= 10:
                    told = at
                    progress(at, total)
        except av.FFmpegError as e:
            raise InputError(f"cannot decode the video ({e})", path=path,
                             fix="check that the file is complete; re-export it from the recorder") from None
        if start is None:
            raise InputError("the video has no frames", path=path, fix="check that the file holds a picture")


def _energy(path: Path, regions: Sequence[Region], rate: float, width: int, threshold: int,
            progress: Progress | None) -> tuple[np.ndarray, np.ndarray]:
    """Each region's motion energy per step, and the steps at which the whole picture changed
    (set to each region's median)."""
    steps: dict[int, tuple[list[float], list[float]]] = {}
    previous = None
    where: list[tuple[slice, slice]] = []
    for step, grey in _frames(path, rate, width, progress):
        grey = grey.astype(np.int16)
        if previous is not None and previous.shape == grey.shape:
            diff = np.abs(grey - previous)
            moved, changed = diff > _above_noise(diff, threshold), diff > threshold
            steps[step] = ([float(moved[w].mean()) for w in where], [float(changed[w].mean()) for w in where])
        else:
            where = [r.pixels(grey.shape[1], grey.shape[0]) for r in regions]
        previous = grey
    length = (max(steps) + 1) if steps else 0
    energy, plain = np.zeros((len(regions), length), np.float32), np.zeros((len(regions), length), np.float32)
    for step, (values, unfiltered) in steps.items():
        # A step without a frame of its own (variable frame rate) is stillness.
        energy[:, step], plain[:, step] = values, unfiltered
    jumps = whole_picture(plain)
    if len(jumps):
        energy[:, jumps] = np.median(energy, axis=1, keepdims=True)
    return energy, jumps


def whole_picture(changed: np.ndarray) -> np.ndarray:
    """Steps at which every person's region of one camera had over WHOLE_PICTURE of its pixels
    change by more than the threshold: a camera's exposure jumping, a light switched, the
    camera knocked. Nobody moves like that, and it would count as both people moving at once,
    which reads as synchrony."""
    if len(changed) < 2:
        return np.zeros(0, np.int64)  # one person per camera: a jump there is not shared
    return np.flatnonzero((changed > WHOLE_PICTURE).all(axis=0))


def _above_noise(diff: np.ndarray, threshold: int) -> float:
    """The change a pixel needs to count as movement at this step: ``threshold``, or four
    times the step's own noise when the camera is noisier. Most of a picture stands still, so
    the median change over the frame is noise; a video encoder renews a frame's noise all at
    once, and a fixed threshold would then count both people as moving at the same moment,
    which reads as synchrony."""
    noise = float(np.median(diff[::3, ::3])) / 0.6745  # a normal spread from the median absolute change
    return max(float(threshold), NOISE_TIMES * noise)


def _stack(parts: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    """Several files started together, the shorter ones padded with stillness at the end."""
    length = max(e.shape[1] for e, _ in parts)
    energy = np.concatenate([np.pad(e, ((0, 0), (0, length - e.shape[1]))) for e, _ in parts])
    return energy, np.unique(np.concatenate([j for _, j in parts]))


def measure(sources: Sequence[tuple[str | Path, Sequence[tuple[str, Region]]]], rate: float = RATE,
            width: int = WIDTH, threshold: int = THRESHOLD, progress: Progress | None = None) -> Motion:
    """Motion energy of each named region of each file: ``sources`` lists each video file with
    the (person, region) pairs filmed in it; files given together are taken to start together.
    The last result is remembered for the same unchanged files, so that measuring with a
    progress display first and analysing afterwards reads the video once."""
    for path, _ in sources:
        if not Path(path).is_file():
            raise InputError("no such video", path=path, fix="check the path given to --video")
    key = (tuple((str(Path(p).resolve()), Path(p).stat().st_mtime_ns, Path(p).stat().st_size,
                  tuple(r for _, r in named)) for p, named in sources), rate, width, threshold)
    if key not in _last:
        parts = [_energy(Path(p), tuple(r for _, r in named), rate, width, threshold, progress)
                 for p, named in sources]
        _last.clear()  # one session's steps at a time: a batch must not hold every session's
        _last[key] = _stack(parts)
    energy, jumps = _last[key]
    names = tuple(n for _, named in sources for n, _ in named)
    return Motion(names, energy, rate, tuple(float(j / rate) for j in jumps))


_last: dict[tuple, tuple[np.ndarray, np.ndarray]] = {}
