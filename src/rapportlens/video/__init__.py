"""The video behind a transcript: how much each person moves, and whether their movements
go together (the ``movement`` analyzer; SPEC section 4, nonverbal synchrony). Needs the
video extra: ``pip install 'rapportlens[video]'``."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..errors import OptionError
from ..media import file_for
from ..model import Conversation
from .regions import Region, check_apart, parse

META_KEY = "video"  # [{"file": path, "regions": {speaker: region}}], one entry per file
OFFSET_KEY = "video_offset"  # seconds added to the transcript's times to find them in the video
EXTENSIONS = (".mp4", ".mov", ".mkv", ".webm", ".avi", ".m4v")
HOW = ("say where each person is in the picture: --video-regions Therapist=left,Client=right (or top, bottom, "
       "quarters such as top-left, thirds such as left-third, or LEFT:TOP:RIGHT:BOTTOM fractions)")


def with_video(conv: Conversation, path: str | Path | Mapping[str, str | Path],
               regions: Mapping[str, Region | str] | None = None, offset: float = 0.0) -> Conversation:
    """The conversation with its video attached: analysis then measures movement too.
    ``regions``: where each speaker sits in the picture (``{"Therapist": "left", "Client":
    "right"}``). ``path`` may instead map each speaker to a video of their own, filmed together
    (a camera per person, or a meeting tool's recording per participant): each whole frame is
    then that speaker's. ``offset``: seconds to add to the transcript's times to find them in
    the video."""
    if isinstance(path, Mapping):
        if regions:
            raise OptionError("a video per person already says who is where; leave out the regions")
        sources = [{"file": str(f), "regions": {name: "full"}} for name, f in path.items()]
        named = list(path)
    else:
        if not regions:
            raise OptionError(f"the video {Path(path).name} shows more than one person: {HOW}")
        parsed = {n: r if isinstance(r, Region) else parse(r) for n, r in regions.items()}
        check_apart(parsed)
        sources = [{"file": str(path), "regions": {n: r.label for n, r in parsed.items()}}]
        named = list(parsed)
    unknown = [n for n in named if n not in conv.speaker_names]
    if unknown:
        raise OptionError(f"the video's regions name {', '.join(unknown)}, but the speakers of {conv.id!r} are "
                          f"{', '.join(conv.speaker_names)}; name them as the transcript spells them")
    if len(named) < 2:
        raise OptionError("movement synchrony needs at least two people in the video; give each a region")
    return conv.replaced(meta={**conv.meta, META_KEY: sources, OFFSET_KEY: float(offset)})


def video_sources(meta: Mapping[str, object]) -> list[tuple[str, list[tuple[str, Region]]]]:
    """The attached video files, each with the (speaker, region) pairs filmed in it."""
    out = []
    for source in meta.get(META_KEY) or []:
        out.append((source["file"], [(n, parse(r)) for n, r in source["regions"].items()]))
    return out


def check_option(video: str | Path | Mapping[str, str | Path], transcripts: int) -> None:
    """One video belongs to one transcript; several need a folder of videos."""
    if transcripts > 1 and isinstance(video, Mapping):
        raise OptionError(f"a video per person belongs to one transcript, but {transcripts} were given")
    if transcripts > 1 and not Path(video).is_dir():
        raise OptionError(f"--video {video} is one video, but {transcripts} transcripts were given; give a folder "
                          "holding each transcript's video under the transcript's name (session3.vtt -> session3.mp4)")


def attach(convs: list[Conversation], transcript: str | Path, video: str | Path | Mapping[str, str | Path],
           regions: Mapping[str, Region | str] | None = None, offset: float = 0.0) -> list[Conversation]:
    """The conversations read from ``transcript`` with their video: ``video`` is the video
    itself, a folder holding one named like each transcript, or a video per person."""
    found = file_for(convs, transcript, video, EXTENSIONS, "video", "movement was not measured")
    return convs if found is None else [with_video(convs[0], found, regions, offset)]
