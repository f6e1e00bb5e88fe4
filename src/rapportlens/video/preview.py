"""One frame of a video with the people's regions drawn on it, to check the regions before an
analysis (``rapportlens frame``). Written to a local image file only."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import numpy as np

from ..errors import InputError
from .motion import open_video
from .regions import Region, check_apart

COLOURS = ("#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b")


def frame_at(path: str | Path, seconds: float) -> np.ndarray:
    """The first frame at or after ``seconds``, as RGB pixels."""
    container, stream = open_video(path)
    with container:
        if seconds > 0 and stream.time_base:
            container.seek(int(seconds / stream.time_base), stream=stream, backward=True)
        first = None
        for frame in container.decode(stream):
            first = frame if first is None else first
            if frame.time is not None and frame.time >= seconds:
                return frame.to_ndarray(format="rgb24")
        if first is None:
            raise InputError("the video has no frames", path=path, fix="check that the file holds a picture")
    raise InputError(f"the video ends before {seconds:g} s", path=path, fix="give an earlier --at")


def draw(image: np.ndarray, regions: Mapping[str, Region], out: str | Path) -> Path:
    """``image`` with each region outlined and named, saved as PNG (or any format matplotlib
    writes, by the extension)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    check_apart(dict(regions))
    height, width = image.shape[:2]
    scale = max(1.0, 640 / width)  # small videos drawn larger, so the names stay readable
    fig = Figure(figsize=(width * scale / 100, height * scale / 100), dpi=100)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.imshow(image)
    ax.set_axis_off()
    for (name, r), colour in zip(regions.items(), COLOURS * 4):
        ax.add_patch(Rectangle((r.left * width, r.top * height), (r.right - r.left) * width,
                               (r.bottom - r.top) * height, fill=False, edgecolor=colour, linewidth=3))
        ax.text(r.left * width + width / 100, r.top * height + height / 100, f"{name} ({r.label})", color="white", va="top",
                fontsize=max(9, height * scale // 40), bbox={"facecolor": colour, "edgecolor": "none", "pad": 2})
    out = Path(out)
    fig.savefig(out)
    return out
