"""The command line's video options (``--video``, ``--video-regions``, ``--video-track``,
``--video-offset``) and the progress shown while a video is read."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import RapportLensError
from . import video_sources
from .motion import measure, need_av
from .regions import Region, parse_map


def regions_option(value: str | None) -> dict[str, Region]:
    try:
        return parse_map(value) if value else {}
    except RapportLensError as e:
        raise click.BadParameter(str(e), param_hint="--video-regions") from None


REGIONS = click.option(
    "--video-regions", "video_regions", callback=lambda ctx, param, v: regions_option(v), metavar="NAME=REGION,...",
    help="With --video: where each person is in the picture, e.g. 'Therapist=left,Client=right'. A region is left, "
         "right, top, bottom, a quarter (top-left...), a third (left-third, middle-third, right-third) or "
         "LEFT:TOP:RIGHT:BOTTOM fractions of the frame.")


def tracks(given: tuple[str, ...], single: object, option: str, instead: str, example: str) -> dict[str, str]:
    """``NAME=FILE`` options as {speaker: file}."""
    if given and single:
        raise click.UsageError(f"give {instead} (one file) or {option} (one per person), not both")
    out = {}
    for item in given:
        name, sep, path = item.partition("=")
        if not sep or not name.strip() or not path.strip():
            raise click.BadParameter(f"{item!r}: write it as NAME=FILE, e.g. '{example}'", param_hint=option)
        if not Path(path.strip()).is_file():
            raise click.BadParameter(f"{path.strip()}: no such file", param_hint=option)
        out[name.strip()] = path.strip()
    return out


def need_video(video: object, regions: dict[str, Region]) -> None:
    """Videos need the video extra, and regions need a video: say so before any work."""
    if regions and not video:
        raise click.UsageError("--video-regions says where each person is in the video given with --video; "
                               "give --video too")
    if video and not regions and not isinstance(video, dict):
        raise click.UsageError("say where each person is in the video: --video-regions Therapist=left,Client=right "
                               "(or --video-track NAME=FILE for a video per person)")
    if video:
        try:
            need_av()
        except RapportLensError as e:
            click.echo(f"error: {e}", err=True)
            sys.exit(2)


def read_with_progress(meta: dict, show: bool) -> None:
    """Read the attached video now, with a progress bar on standard error when ``show``: it
    takes minutes for a long session. The analyzer then finds the result remembered."""
    sources = video_sources(meta)
    if not sources:
        return
    if not show:
        measure(sources)
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    names = " + ".join(Path(p).name for p, _ in sources)
    with Progress(TextColumn(f"reading movement in {names}"), BarColumn(), TextColumn("{task.fields[at]}"),
                  TimeRemainingColumn(), console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("video", total=None, at="")

        def advance(at: float, total: float | None) -> None:
            bar.update(task, completed=at, total=total, at=f"{at / 60:.0f} min")

        measure(sources, progress=advance)
