"""The recording behind a transcript: pitch and loudness per utterance, and whether the
speakers' voices move together (the ``prosody`` analyzer). Needs the audio extra:
``pip install 'rapportlens[audio]'``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from ..errors import OptionError
from ..media import file_beside, file_for
from ..model import Conversation

META_KEY = "audio"
CHANNELS_KEY = "audio_channels"  # speaker names in channel order, when each has a channel of their own
OFFSET_KEY = "audio_offset"  # seconds added to the transcript's times to find them in the recording
# Recordings that sit beside transcripts in a folder, by extension.
EXTENSIONS = (".wav", ".m4a", ".mp3", ".mp4", ".flac", ".ogg", ".opus", ".webm", ".aac", ".mov")


def with_audio(conv: Conversation, path: str | Path | Mapping[str, str | Path], offset: float = 0.0,
               channels: Sequence[str] = ()) -> Conversation:
    """The conversation with its recording attached: analysis then measures the voices too.
    ``offset``: seconds to add to the transcript's times to find them in the recording (when
    the recording was trimmed, or started after the times' zero). ``channels``: the speakers
    recorded on the first, second... channel, when each has one of their own (a call centre's
    stereo recording), so that each voice is measured on its own channel, overlaps included.
    ``path`` may instead map each speaker to a file of their own, recorded together (Zoom's
    separate audio file per participant): each is then that speaker's channel."""
    if isinstance(path, Mapping):
        if channels:
            raise OptionError("a file per speaker already says whose voice is where; leave out the channels")
        channels, path = list(path), [str(p) for p in path.values()]
        if not path:
            raise OptionError("no recordings given")
    unknown = [n for n in channels if n not in conv.speaker_names]
    if unknown:
        raise OptionError(f"the audio channels name {', '.join(unknown)}, but the speakers of {conv.id!r} are "
                          f"{', '.join(conv.speaker_names)}; name them in channel order as the transcript spells them")
    where = path if isinstance(path, list) else str(path)
    return conv.replaced(meta={**conv.meta, META_KEY: where, OFFSET_KEY: float(offset), CHANNELS_KEY: list(channels)})


def recording_files(meta: Mapping[str, object]) -> list[str]:
    """The files of the recording attached to a conversation (one per speaker, or one)."""
    where = meta.get(META_KEY)
    return list(where) if isinstance(where, (list, tuple)) else [str(where)] if where else []


def recording_beside(transcript: str | Path, folder: str | Path) -> Path | None:
    """The recording in ``folder`` with the transcript's name (``session3.vtt`` ->
    ``session3.m4a``); None when there is none."""
    return file_beside(transcript, folder, EXTENSIONS)


def check_option(audio: str | Path | Mapping[str, str | Path], transcripts: int) -> None:
    """One recording belongs to one transcript; several need a folder of recordings."""
    if transcripts > 1 and isinstance(audio, Mapping):
        raise OptionError(f"a recording per speaker belongs to one transcript, but {transcripts} were given")
    if transcripts > 1 and not Path(audio).is_dir():
        raise OptionError(f"--audio {audio} is one recording, but {transcripts} transcripts were given; give a "
                          "folder holding each transcript's recording under the transcript's name (session3.vtt -> "
                          "session3.m4a)")


def attach(convs: list[Conversation], transcript: str | Path, audio: str | Path | Mapping[str, str | Path],
           offset: float = 0.0, channels: Sequence[str] = ()) -> list[Conversation]:
    """The conversations read from ``transcript`` with their recording: ``audio`` is the
    recording itself, a folder holding one named like each transcript, or a file per speaker."""
    found = file_for(convs, transcript, audio, EXTENSIONS, "recording", "the voices were not measured")
    return convs if found is None else [with_audio(convs[0], found, offset, channels)]
