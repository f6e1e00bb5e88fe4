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
_OTTER = re.compile(rf"^{NAME}\s+(?P<t4>\d{{1,2}}:\d{{2}}(?::\d{{2}})?)$")
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


def accepted(candidates: Iterable[Label | None]) -> set[str]:
    """Lower-cased names taken as speakers: used at least twice, or written like a name.

    A one-off 'he said: ...' inside a long turn stays text; a one-off 'Dr. Lee: ...' is a speaker.
    """
    found = [c for c in candidates if c is not None]
    counts = Counter(c.name.lower() for c in found)
    return {c.name.lower() for c in found if counts[c.name.lower()] >= 2 or name_like(c.name)}
