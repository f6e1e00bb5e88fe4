"""Strict parsing of time codes: a malformed time is an error, never a silent zero."""

from __future__ import annotations

import re

_CLOCK = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$")
_SECONDS = re.compile(r"^\d+(?:\.\d+)?$")


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
