"""Finding the recording or video that belongs to a transcript, for ``--audio`` and
``--video``: the file given, or in a folder the file named like the transcript."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from .errors import OptionError
from .model import Conversation


def file_beside(transcript: str | Path, folder: str | Path, extensions: Sequence[str]) -> Path | None:
    """The file in ``folder`` with the transcript's name (``session3.vtt`` -> ``session3.m4a``);
    None when there is none."""
    stem = Path(transcript).stem
    found = [p for p in sorted(Path(folder).iterdir()) if p.stem == stem and p.suffix.lower() in extensions]
    return found[0] if found else None


def file_for(convs: list[Conversation], transcript: str | Path, given: str | Path | Mapping[str, str | Path],
             extensions: Sequence[str], kind: str, unmeasured: str) -> Path | Mapping[str, str | Path] | None:
    """What belongs to the conversations read from ``transcript``: ``given`` itself (a file, or
    a file per person), or the file named like the transcript when ``given`` is a folder. None,
    with a warning on each conversation saying what was ``unmeasured``, when the folder has
    none. One file cannot belong to several conversations of one transcript."""
    if not isinstance(given, Mapping):
        given = Path(given)
    if isinstance(given, Path) and given.is_dir():
        found = file_beside(transcript, given, extensions)
        if found is None:
            for conv in convs:
                conv.warn(f"no {kind} named {Path(transcript).stem}.* ({', '.join(extensions)}) in {given}; "
                          f"{unmeasured}")
            return None
        given = found
    if len(convs) != 1:
        raise OptionError(f"{transcript} holds {len(convs)} conversations, and one {kind} cannot belong to all "
                          "of them; give each conversation its own transcript file")
    return given
