"""WhatsApp chat exports ("Export chat" > "Without media"), as Android and iPhone write them:

    12/03/2024, 14:05 - Sam: hey, you around?          (Android)
    [12/03/2024, 14:05:12] Sam: hey, you around?       (iPhone)

Lines without a date continue the message before them. The export's own notices (the
encryption notice, members added or leaving) and media or deleted-message placeholders are
left out and counted in a warning. Times are counted from the first message, which is kept
as ``meta.started_at``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Conversation
from .base import Option, Reader, Record, _bool, assemble
from .delimited import dated_from_first

_DATE = r"(?P<date>\d{1,4}[./-]\d{1,2}[./-]\d{2,4})"
_TIME = r"(?P<time>\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s?[AaPp]\.?\s?[Mm]\.?)?)"
PREFIXES = (
    re.compile(rf"^\[{_DATE},?\s+{_TIME}\]\s*(?P<rest>.*)$"),  # iPhone
    re.compile(rf"^{_DATE},?\s+{_TIME}\s+[-–]\s+(?P<rest>.*)$"),  # Android
)
_SENDER = re.compile(r"^(?P<name>[^:]{1,60}?):\s(?P<text>.*)$", re.DOTALL)
# What the export writes for what was not typed: media, deleted messages, polls...
PLACEHOLDER = re.compile(
    r"^(?:<media omitted>|<attached: [^>]*>|(?:image|video|audio|sticker|gif|document|contact card) omitted|"
    r"this message was deleted|you deleted this message|null|missed (?:voice|video) call|"
    r"poll:.*|location: https?://\S+)$", re.IGNORECASE)
# The mark newer exports put after an edited message: not what was said.
EDITED = re.compile(r"\s*<this message was edited>\s*$", re.IGNORECASE)
SNIFF_LINES = 10  # lines looked at to recognise an export
# Marks that the export puts around names and times (left-to-right marks, narrow spaces).
_INVISIBLE = str.maketrans({"\u200e": "", "\u200f": "", "\u202a": "", "\u202c": "", "\u202f": " ", "\u00a0": " "})


def _prefix(line: str) -> re.Match[str] | None:
    return next((m for rx in PREFIXES if (m := rx.match(line))), None)


def _date_parts(date: str) -> tuple[int, int, int]:
    return tuple(int(p) for p in re.split(r"[./-]", date))  # type: ignore[return-value]


def _day_first(dates: list[str]) -> bool | None:
    """Whether the dates are day first (31/12), month first (12/31), or None when no date
    tells (every part 12 or under)."""
    parts = [_date_parts(d) for d in dates]
    if any(a > 12 for a, _, _ in parts if a < 1000):
        return True
    if any(b > 12 for a, b, _ in parts if a < 1000):
        return False
    return None


def _when(date: str, time: str, day_first: bool) -> float:
    a, b, c = _date_parts(date)
    if a >= 1000:
        year, month, day = a, b, c
    else:
        day, month = (a, b) if day_first else (b, a)
        year = c + 2000 if c < 100 else c
    m = re.match(r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*([AaPp])?", time)
    hour, minute, second = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
    if m.group(4):
        if not 1 <= hour <= 12:
            raise ValueError(f"hour {hour} with AM/PM")
        hour = hour % 12 + (12 if m.group(4).lower() == "p" else 0)
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC).timestamp()


class WhatsAppReader(Reader):
    name = "whatsapp"
    description = (
        "WhatsApp chat exports (.txt), Android ('12/03/2024, 14:05 - Name: text') and iPhone "
        "('[12/03/2024, 14:05:12] Name: text'); lines without a date continue the message; the "
        "export's notices and media placeholders are left out and counted; times are counted "
        "from the first message."
    )
    extensions = (".txt",)
    options = (
        Option("dayfirst", "true: dates are 31/12/2024; false: 12/31/2024; default: decided from "
               "the dates, day first when none tells", _bool),
    )

    def sniff(self, path: Path, head: str) -> float:
        lines = [line.translate(_INVISIBLE).strip() for line in head.split("\n") if line.strip()][:SNIFF_LINES]
        dated = sum(_prefix(line) is not None for line in lines)
        return 0.8 if lines and dated >= max(2, len(lines) // 2) else 0.0

    def read_text(self, text: str, path: str, **options: Any) -> Iterator[Conversation]:
        lines = text.translate(_INVISIBLE).split("\n")
        found = [(n, m) for n, line in enumerate(lines, start=1) if (m := _prefix(line.strip()))]
        if not found:
            raise InputError("no WhatsApp message lines found", path=path,
                             fix="lines should start like '12/03/2024, 14:05 - Name:' or '[12/03/2024, 14:05:12] Name:'; "
                                 "or choose another reader with --format")
        day_first = options.get("dayfirst")
        told = _day_first([m.group("date") for _, m in found])
        if day_first is None:
            day_first = True if told is None else told
        records: list[Record] = []
        notices = 0
        starts = dict(found)
        for number, raw in enumerate(lines, start=1):
            m = starts.get(number)
            if m is None:
                if raw.strip() and records and not PLACEHOLDER.match(records[-1].text):
                    records[-1].text += "\n" + raw.strip()
                continue
            said = _SENDER.match(m.group("rest"))
            if said is None:
                notices += 1  # the export's own line: encryption notice, someone added or left
                continue
            try:
                when = _when(m.group("date"), m.group("time"), day_first)
            except ValueError as e:
                raise InputError(f"this message's date or time cannot be read ({e})", path=path, line=number,
                                 fix="pass -o dayfirst=false if the dates are month first (12/31/2024)") from None
            records.append(Record(said.group("name").strip(), said.group("text").strip(), when, None, number))
        for r in records:
            r.text = EDITED.sub("", r.text)
        kept = [r for r in records if not PLACEHOLDER.match(r.text.strip())]
        placeholders = len(records) - len(kept)
        if not kept:
            raise InputError("the chat has no typed messages", path=path,
                             fix="export the chat again, or check that this is the right file")
        kept, meta = dated_from_first(kept, path)
        meta["started_at"] = meta["started_at"].rstrip("Z")  # the phone's local time, not UTC
        conv = assemble(kept, id=Path(path).stem or "stdin", path=path, format=self.name, meta=meta,
                        strict_timing=False)
        if notices:
            conv.warn(f"{notices} line(s) of the export's own notices (encryption, members added or leaving) "
                      "were left out")
        if placeholders:
            conv.warn(f"{placeholders} message(s) that were media or deleted were left out")
        if told is None and options.get("dayfirst") is None and len({m.group("date") for _, m in found}) > 1:
            conv.warn("the dates could be day or month first; they were read day first (31/12). "
                      "Pass -o dayfirst=false if they are month first")
        yield conv
