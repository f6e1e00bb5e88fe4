"""Recognising 'Name: text' speaker labels, shared by the plain-text and caption readers."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

NAME = r"(?P<name>[^\W\d_][\w.'’&()#/ -]{0,39}?)"
TIMEISH = r"[\d:.,]+(?:\s*(?:-|–|-->|to)\s*[\d:.,]+)?"
PREFIX = rf"(?:[\[(](?P<t1>{TIMEISH})[\])]|(?P<t2>\d{{1,2}}:\d{{2}}[\d:.,]*))\s*"
_LABEL = re.compile(
    rf"^(?:>>\s*)?(?:{PREFIX})?{NAME}\s*(?:[\[(](?P<t3>{TIMEISH})[\])])?\s*:(?:\s+|$)(?P<text>.*)$",
    re.DOTALL,
)
# Otter's and Teams' header lines may name people surname first ("Smith, Jane   0:03"); a
# comma is too common in speech to allow before a "Name:" label's colon.
_OTTER = re.compile(rf"^{NAME.replace('&', '&,')}\s+(?P<t4>\d{{1,2}}:\d{{2}}(?::\d{{2}})?)$")
MAX_WORDS = 4


@dataclass
class Label:
    name: str
    time: str | None
    text: str


def parse_label(line: str, *, otter: bool = False) -> Label | None:
    """A candidate label; whether it really is one depends on the whole file (see `accepted`)."""
    m = _LABEL.match(line) or (_OTTER.match(line) if otter else None)
    if not m:
        return None
    groups = m.groupdict()
    name = " ".join(m.group("name").split())
    if len(name.split()) > MAX_WORDS:
        return None
    time = next((groups[k] for k in ("t1", "t2", "t3", "t4") if groups.get(k)), None)
    return Label(name, time, groups.get("text") or "")


def name_like(name: str) -> bool:
    return all(w[0].isupper() or w[0].isdigit() or w[0] in "(#" for w in name.split())


# A transcript's header fields ("Date: 3 March", "Location: Clinic 2"), said once, are not
# speakers.
HEADER_FIELDS = {"date", "time", "location", "place", "venue", "duration", "length", "recorded", "recording",
                 "recorded on", "file", "file name", "filename", "audio file", "session", "session number",
                 "interview", "interview date", "transcript", "transcribed by", "transcriber", "project", "study",
                 "title", "subject", "topic", "notes", "present", "attendees", "participants", "consent", "setting",
                 "mode", "language", "pseudonym", "participant id", "id"}


def accepted(candidates: Iterable[Label | None]) -> set[str]:
    """Lower-cased names taken as speakers: used at least twice, or written like a name.

    A one-off 'he said: ...' inside a long turn stays text; a one-off 'Dr. Lee: ...' is a speaker;
    a one-off header field ('Date: 3 March') is not.
    """
    found = [c for c in candidates if c is not None]
    counts = Counter(c.name.lower() for c in found)
    return {c.name.lower() for c in found
            if counts[c.name.lower()] >= 2 or (name_like(c.name) and c.name.lower() not in HEADER_FIELDS)}
