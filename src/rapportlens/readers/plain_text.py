"""Plain-text transcripts: ``Name: text`` lines, continuation lines, optional time prefixes.

Also reads the Otter.ai layout, where a line ``Name  0:05`` heads the lines of text below it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Conversation
from ..timecodes import TimecodeError, parse_timecode
from .base import Reader, Record, assemble
from .labels import PREFIX, accepted, parse_label

_TIME_ONLY = re.compile(rf"^{PREFIX}(?P<rest>.*)$")
_RANGE = re.compile(r"\s*(?:-|–|-->|to)\s*")


def _parse_times(time: str, path: str, line: int) -> tuple[float, float | None]:
    parts = _RANGE.split(time.strip(), maxsplit=1)
    try:
        start = parse_timecode(parts[0])
        end = parse_timecode(parts[1]) if len(parts) > 1 else None
    except TimecodeError as e:
        raise InputError(
            str(e), path=path, line=line,
            fix="write times as HH:MM:SS, MM:SS or HH:MM:SS.mmm, e.g. [00:01:02]",
        ) from None
    return start, end


class PlainTextReader(Reader):
    name = "text"
    description = (
        "Plain text, one 'Name: text' utterance per line; lines without a label continue the "
        "previous utterance. Optional times: '[00:01:02] Name:', '(12:03) Name:', "
        "'00:01:02 Name:', 'Name [00:01:02]:', ranges like '[00:01 - 00:05]', and Otter.ai "
        "'Name  0:05' header lines."
    )
    extensions = (".txt", ".text", ".md", ".transcript")

    def sniff(self, path: Path, head: str) -> float:
        return 0.5 if path.suffix.lower() in self.extensions else 0.1

    def read_text(self, text: str, path: str, **options: Any) -> Iterator[Conversation]:
        lines = text.split("\n")
        candidates = [parse_label(line.strip(), otter=True) for line in lines]
        names = accepted(candidates)
        labels = {
            i + 1: c for i, c in enumerate(candidates) if c is not None and c.name.lower() in names
        }
        if not labels:
            raise InputError(
                "no speaker labels found", path=path,
                fix="start each utterance with the speaker's name and a colon, e.g. "
                "'Therapist: How are you?', or choose another reader with --format",
            )

        records: list[Record] = []
        preamble: list[int] = []
        for number, raw in enumerate(lines, start=1):
            line = raw.strip()
            label = labels.get(number)
            if label is not None:
                start = end = None
                if label.time:
                    start, end = _parse_times(label.time, path, number)
                records.append(Record(label.name, label.text.strip(), start, end, number))
            elif not line:
                continue
            elif (m := _TIME_ONLY.match(line)) and records and m.group("rest").strip():
                raise InputError(
                    "this line has a timestamp but no speaker label", path=path, line=number,
                    fix="add the speaker's name before the colon, e.g. '[00:01:02] Client: ...'",
                )
            elif records:
                records[-1].text += " " + line
            else:
                preamble.append(number)

        conv = assemble(records, id=Path(path).stem or "stdin", path=path, format=self.name)
        if preamble:
            first = lines[preamble[0] - 1].strip()
            conv.warn(
                f"{len(preamble)} line(s) before the first speaker label were not read as "
                f"utterances (lines {preamble[0]}-{preamble[-1]}, starting {first[:40]!r})"
            )
        yield conv
