"""The conversation model: frozen inputs (speakers, utterances) plus declared, computed features."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from types import MappingProxyType
from typing import Any

from .errors import InputError, Notice
from .features import FeatureStore


class Role(StrEnum):
    PRACTITIONER = "practitioner"  # therapist, counsellor, teacher, agent, guide...
    CLIENT = "client"  # patient, student, customer, seeker...
    MEMBER = "member"  # a participant of a group session


def _frozen_meta(obj: Any, name: str) -> None:
    object.__setattr__(obj, name, MappingProxyType(dict(getattr(obj, name) or {})))


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    role: Role | None = None
    role_inferred: bool = False
    # How the role was decided, in words, so the output can say why.
    role_basis: str = ""

    def __post_init__(self) -> None:
        if self.role is not None:
            object.__setattr__(self, "role", Role(self.role))


@dataclass(frozen=True, slots=True)
class Utterance:
    index: int
    speaker: str
    text: str
    start: float | None = None  # seconds from the start of the recording
    end: float | None = None
    line: int | None = None  # where it starts in the source file, for errors and evidence
    meta: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        _frozen_meta(self, "meta")

    def __reduce__(self) -> tuple[Any, ...]:
        # mappingproxy does not pickle; batch workers receive utterances in other processes.
        return (Utterance, (self.index, self.speaker, self.text, self.start, self.end, self.line, dict(self.meta)))


@dataclass(frozen=True, slots=True)
class Turn:
    """A maximal run of consecutive utterances by one speaker."""

    index: int
    speaker: str
    utterances: tuple[int, ...]


class Conversation:
    """One recorded interaction. Inputs are frozen once read; analyzers add declared features."""

    def __init__(
        self,
        utterances: Iterable[Utterance],
        speakers: Iterable[Speaker] | None = None,
        *,
        id: str = "conversation",
        source: str | None = None,
        format: str | None = None,
        meta: Mapping[str, Any] | None = None,
        notices: Iterable[Notice] = (),
    ) -> None:
        self.id = str(id)
        self.source = source
        self.format = format
        self.utterances: tuple[Utterance, ...] = tuple(utterances)
        for i, u in enumerate(self.utterances):
            if u.index != i:
                raise ValueError(f"utterance {i} has index {u.index}; indices must be 0..n-1")
        if speakers is None:
            speakers = [Speaker(n) for n in dict.fromkeys(u.speaker for u in self.utterances)]
        self.speakers: tuple[Speaker, ...] = tuple(speakers)
        names = [s.name for s in self.speakers]
        if len(set(names)) != len(names):
            raise ValueError(f"speaker names must be unique: {names}")
        missing = {u.speaker for u in self.utterances} - set(names)
        if missing:
            raise ValueError(f"utterances by speakers not listed: {sorted(missing)}")
        self.meta: Mapping[str, Any] = MappingProxyType(dict(meta or {}))
        self.notices: list[Notice] = list(notices)
        self.features = FeatureStore(self)
        self.provenance: list[dict[str, Any]] = []

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle the inputs (for worker processes); computed features are not carried."""
        if self.features.keys():
            raise TypeError(f"conversation {self.id!r} has been analysed; pickle rapportlens.output.to_dict(conv) "
                            "instead, or the conversation before analysis")
        return (_rebuild, (self.utterances, self.speakers, self.id, self.source, self.format, dict(self.meta),
                           self.notices))

    @classmethod
    def from_pairs(
        cls, pairs: Iterable[tuple[str, str]], roles: Mapping[str, Role | str] | None = None, **kw: Any
    ) -> Conversation:
        """Build a conversation from (speaker, text) pairs; handy in code and tests."""
        utts = [Utterance(i, s, t) for i, (s, t) in enumerate(pairs)]
        speakers = None
        if roles is not None:
            order = dict.fromkeys(u.speaker for u in utts)
            speakers = [Speaker(n, roles.get(n)) for n in order]
        return cls(utts, speakers, **kw)

    @property
    def speaker_names(self) -> list[str]:
        return [s.name for s in self.speakers]

    def speaker(self, name: str) -> Speaker:
        for s in self.speakers:
            if s.name == name:
                return s
        raise KeyError(name)

    def with_speakers(self, speakers: Sequence[Speaker]) -> Conversation:
        """A copy with other speaker records (roles); computed features are not carried over."""
        return self.replaced(speakers=speakers)

    def replaced(self, *, utterances: Iterable[Utterance] | None = None, speakers: Iterable[Speaker] | None = None,
                 meta: Mapping[str, Any] | None = None) -> Conversation:
        """A copy of the inputs with some of them replaced (id, source, format and notices
        kept); computed features are not carried over."""
        return Conversation(
            self.utterances if utterances is None else utterances,
            self.speakers if speakers is None else speakers,
            id=self.id,
            source=self.source,
            format=self.format,
            meta=self.meta if meta is None else meta,
            notices=self.notices,
        )

    @cached_property
    def turns(self) -> tuple[Turn, ...]:
        runs: list[list[Utterance]] = []
        for u in self.utterances:
            if runs and runs[-1][0].speaker == u.speaker:
                runs[-1].append(u)
            else:
                runs.append([u])
        return tuple(Turn(i, run[0].speaker, tuple(u.index for u in run)) for i, run in enumerate(runs))

    @property
    def is_timed(self) -> bool:
        return any(u.start is not None for u in self.utterances)

    def warn(self, message: str, line: int | None = None) -> None:
        self.notices.append(Notice(message, self.source, line))

    def __len__(self) -> int:
        return len(self.utterances)

    def __repr__(self) -> str:
        who = ", ".join(f"{s.name} ({s.role or '?'})" for s in self.speakers)
        return f"<Conversation {self.id!r}: {len(self.utterances)} utterances; {who}>"


def check_timings(
    utterances: Sequence[Utterance], *, path: str | None, strict: bool = True, unit: str = "utterance"
) -> list[Notice]:
    """Refuse (or, for published data sets, warn about) ends before starts and starts going backwards."""
    notices: list[Notice] = []

    def problem(u: Utterance, msg: str, fix: str) -> None:
        if strict:
            raise InputError(msg, path=path, line=u.line, where=f"{unit} {u.index + 1}", fix=fix)
        notices.append(Notice(f"{unit} {u.index + 1}: {msg} (kept as given)", path, u.line))

    last_start: float | None = None
    for u in utterances:
        if u.start is not None and u.end is not None and u.end < u.start:
            problem(
                u,
                f"end time {fmt_seconds(u.end)} is before start time {fmt_seconds(u.start)}",
                "swap or correct the two times",
            )
        if u.start is not None:
            if last_start is not None and u.start < last_start:
                problem(
                    u,
                    f"timestamp {fmt_seconds(u.start)} goes backwards "
                    f"(the previous one was {fmt_seconds(last_start)})",
                    "put the utterances in time order or correct the timestamp",
                )
            last_start = u.start if last_start is None else max(last_start, u.start)
    return notices


def fmt_seconds(seconds: float) -> str:
    ms = round(seconds * 1000)
    h, rem = divmod(ms, 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, ms = divmod(rem, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


def started_at(conv: Conversation) -> str | None:
    """When a dated conversation began (``meta.started_at``, from a chat export's dates) in
    words for reports: "2026-11-30 09:00:05 UTC"; None when its times are offsets."""
    started = (conv.meta or {}).get("started_at")
    return str(started).replace("T", " ").replace("Z", " UTC") if started else None


def clip(text: str, width: int, trailing: str = ",;:") -> str:
    """``text`` on one line, cut at a word to at most ``width`` characters with "..." (and
    without ``trailing`` punctuation before it) when longer: for quoting an utterance."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 3].rsplit(" ", 1)[0].rstrip(trailing) + "..."


def counted(n: int, noun: str) -> str:
    """'1 reflection', '3 reflections'."""
    return f"{n} {noun}" + ("" if n == 1 else "s")


def times(n: int) -> str:
    """'once', 'twice', '3 times'."""
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def _rebuild(utterances, speakers, id, source, format, meta, notices) -> Conversation:
    return Conversation(utterances, speakers, id=id, source=source, format=format, meta=meta, notices=notices)
