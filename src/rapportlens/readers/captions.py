"""WebVTT and SRT captions (Zoom, Teams, Otter exports).

A small strict parser rather than webvtt-py or srt: both of those silently drop or
zero a cue whose timestamp is malformed, and webvtt-py rounds times to whole seconds.
Speakers come from ``<v Name>`` voice tags or a ``Name:`` prefix on the cue text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Conversation
from ..timecodes import TimecodeError, parse_timecode
from .base import Reader, Record, assemble
from .labels import accepted, parse_label

_TIMING = re.compile(r"^(?P<start>\S+)\s+-->\s+(?P<end>\S+)(?:\s+.*)?$")
_VOICE = re.compile(r"<v(?:\.[\w.-]+)?\s+([^>]+)>(.*?)(?:</v>|(?=<v[\s.])|$)", re.DOTALL)
_TAG = re.compile(r"</?[^>]+>")
UNKNOWN = "Unknown speaker"


def _blocks(text: str) -> Iterator[tuple[int, list[str]]]:
    """(first line number, lines) for each block separated by blank lines."""
    block: list[str] = []
    start = 1
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            if not block:
                start = number
            block.append(line.rstrip())
        elif block:
            yield start, block
            block = []
    if block:
        yield start, block


class _CaptionReader(Reader):
    timecode_hint: str

    def _cues(self, text: str, path: str) -> Iterator[tuple[int, int, float, float, str]]:
        """(cue number, timing line, start, end, payload) for every cue."""
        for number, (first, lines) in enumerate(self._cue_blocks(text, path), start=1):
            timing_at = next((i for i, line in enumerate(lines) if "-->" in line), None)
            if timing_at is None or timing_at > 1:
                raise InputError(
                    f"cue {number} has no timing line ('start --> end')", path=path, line=first,
                    fix=f"add a timing line such as '{self.timecode_hint}', or remove the block",
                )
            line = first + timing_at
            m = _TIMING.match(lines[timing_at].strip())
            try:
                if not m:
                    raise TimecodeError(f"malformed timing line {lines[timing_at].strip()!r}")
                start = parse_timecode(m.group("start"))
                end = parse_timecode(m.group("end"))
            except TimecodeError as e:
                raise InputError(
                    str(e), path=path, line=line, where=f"cue {number}",
                    fix=f"write the timing as '{self.timecode_hint}'",
                ) from None
            yield number, line, start, end, "\n".join(lines[timing_at + 1 :])

    def _cue_blocks(self, text: str, path: str) -> Iterator[tuple[int, list[str]]]:
        yield from _blocks(text)

    def read_text(self, text: str, path: str, **options: Any) -> Iterator[Conversation]:
        raw: list[tuple[int, int, float, float, str | None, str]] = []
        for number, line, start, end, payload in self._cues(text, path):
            voices = _VOICE.findall(payload)
            if voices:
                for name, said in voices:
                    raw.append((number, line, start, end, name.strip(), said))
            else:
                raw.append((number, line, start, end, None, payload))
        if not raw:
            raise InputError("the file has no cues", path=path, fix="check that the export finished")
        labels = [parse_label(_TAG.sub("", p).strip()) if who is None else None for *_, who, p in raw]
        names = accepted(labels)
        if not any(who for *_, who, _ in raw) and not names:
            raise InputError(
                "no speaker labels found: cues carry neither <v Name> voice tags nor 'Name:' prefixes",
                path=path, fix="export the captions with speaker names, or convert them to "
                "'Name: text' lines",
            )
        records: list[Record] = []
        unlabelled: list[int] = []
        for (number, line, start, end, who, payload), label in zip(raw, labels):
            said = payload
            if who is None and label is not None and label.name.lower() in names:
                who, said = label.name, label.text
            if who is None:
                unlabelled.append(number)
                who = records[-1].speaker if records else UNKNOWN
            said = html.unescape(_TAG.sub("", said))
            records.append(Record(who, said, start, end, line, f"cue {number}"))
        conv = assemble(records, id=Path(path).stem or "stdin", path=path, format=self.name)
        if unlabelled:
            shown = ", ".join(map(str, unlabelled[:8])) + (", ..." if len(unlabelled) > 8 else "")
            conv.warn(
                f"{len(unlabelled)} cue(s) had no speaker and were given to the previous speaker "
                f"(cues {shown})"
            )
        yield conv


class VttReader(_CaptionReader):
    name = "vtt"
    description = "WebVTT captions with <v Name> voice tags or 'Name:' prefixes; cue times kept."
    extensions = (".vtt",)
    timecode_hint = "00:01:02.500 --> 00:01:04.000"

    def sniff(self, path: Path, head: str) -> float:
        return 0.95 if head.startswith("WEBVTT") else super().sniff(path, head)

    def _cue_blocks(self, text: str, path: str) -> Iterator[tuple[int, list[str]]]:
        blocks = _blocks(text)
        first = next(blocks, None)
        if first is None or not first[1][0].startswith("WEBVTT"):
            raise InputError(
                "a WebVTT file must start with the line 'WEBVTT'", path=path, line=1,
                fix="add 'WEBVTT' as the first line, or pass --format srt for SRT captions",
            )
        if len(first[1]) > 1 and any("-->" in line for line in first[1][1:]):
            raise InputError(
                "a blank line is missing after the WEBVTT header", path=path, line=first[0] + 1,
                fix="put an empty line between 'WEBVTT' and the first cue",
            )
        for start, lines in blocks:
            if lines[0].split(maxsplit=1)[0] in ("NOTE", "STYLE", "REGION"):
                continue  # comments and styling, not speech
            yield start, lines


class SrtReader(_CaptionReader):
    name = "srt"
    description = "SRT subtitles (numbered cues) with 'Name:' prefixes; cue times kept."
    extensions = (".srt",)
    timecode_hint = "00:01:02,500 --> 00:01:04,000"

    def sniff(self, path: Path, head: str) -> float:
        if re.match(r"^\s*\d+\s*\n\s*\d+:\d\d:\d\d[,.]\d+\s+-->", head):
            return 0.9
        return super().sniff(path, head)
