"""Strict parsing of time codes: a malformed time is an error, never a silent zero."""

from __future__ import annotations

import re
from datetime import UTC, datetime

_CLOCK = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$")
_SECONDS = re.compile(r"^\d+(?:\.\d+)?$")


# A calendar date and time, as chat exports write them: 2026-11-30T09:00:05Z, 2026-11-30 09:00.
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$")
EPOCH = 1e9  # seconds this large are a Unix time (2001 on), not an offset into the recording


class TimecodeError(ValueError):
    """Raised with a message that readers place in an InputError with the file and line."""


def parse_timecode(text: str, *, allow_seconds: bool = False) -> float:
    """``HH:MM:SS[.mmm]``, ``MM:SS[.mmm]`` (comma accepted for SRT), or plain seconds if allowed."""
    s = text.strip()
    if allow_seconds and _SECONDS.match(s):
        return float(s)
    m = _CLOCK.match(s)
    if not m:
        raise TimecodeError(f"malformed timestamp {text.strip()!r}")
    hours, minutes, secs, frac = m.groups()
    hours_v = int(hours) if hours else 0
    if hours and int(minutes) > 59:
        raise TimecodeError(f"malformed timestamp {s!r}: minutes must be 00-59")
    if int(secs) > 59:
        raise TimecodeError(f"malformed timestamp {s!r}: seconds must be 00-59")
    value = hours_v * 3600 + int(minutes) * 60 + int(secs)
    if frac:
        value += int(frac) / 10 ** len(frac)
    return float(value)


def parse_datetime(text: str) -> float | None:
    """A calendar date and time as Unix seconds (no zone: read as UTC); None when ``text`` is
    not one. An impossible date ("2026-02-30 10:00") is an error."""
    s = text.strip()
    if not _DATETIME.match(s):
        return None
    try:
        when = datetime.fromisoformat(s.replace(",", ".").replace(" ", "T", 1))
    except ValueError as e:
        raise TimecodeError(f"malformed date and time {s!r}: {e}") from None
    return (when if when.tzinfo else when.replace(tzinfo=UTC)).timestamp()
