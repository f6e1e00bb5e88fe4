"""What every reader provides: a name, the options it takes, a content sniffer and a parser."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from ..errors import OptionError
from ..model import Conversation, Role, Speaker, Utterance, check_timings


@dataclass(frozen=True, slots=True)
class Option:
    name: str
    help: str
    type: Callable[[str], Any] = str
    default: Any = None


def _bool(value: str) -> bool:
    v = value.strip().lower()
    if v in ("1", "true", "yes", "on"):
        return True
    if v in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"{value!r} is not true/false")


class Reader:
    """Subclasses set the class attributes and implement :meth:`read_text` (or :meth:`read_dir`)."""

    name: ClassVar[str]
    description: ClassVar[str]
    extensions: ClassVar[tuple[str, ...]] = ()
    options: ClassVar[tuple[Option, ...]] = ()
    reads_directories: ClassVar[bool] = False
    binary: ClassVar[bool] = False  # reads the file's bytes (:meth:`read_bytes`), not decoded text

    def sniff(self, path: Path, head: str) -> float:
        """How sure (0-1) this reader is that it reads `path`, whose text starts with `head`."""
        return 0.5 if path.suffix.lower() in self.extensions else 0.0

    def read_text(self, text: str, path: str, **options: Any) -> Iterator[Conversation]:
        raise TypeError(f"the {self.name} reader reads folders, not single files")

    def read_bytes(self, data: bytes, path: str, **options: Any) -> Iterator[Conversation]:
        raise TypeError(f"the {self.name} reader reads text, not bytes")

    def read_dir(self, path: Path, encoding: str | None, **options: Any) -> Iterator[Conversation]:
        raise TypeError(f"the {self.name} reader reads files, not folders")

    @classmethod
    def parse_options(cls, given: Mapping[str, Any]) -> dict[str, Any]:
        """Check option names and convert string values (from the command line) to their types."""
        known = {o.name: o for o in cls.options}
        values = {o.name: o.default for o in cls.options}
        for key, raw in given.items():
            if key not in known:
                choices = ", ".join(known) or "none"
                raise OptionError(
                    f"the {cls.name} reader has no option {key!r}; its options are: {choices} "
                    "(see `rapportlens formats`)"
                )
            opt = known[key]
            conv = _bool if opt.type is bool else opt.type
            try:
                values[key] = conv(raw) if isinstance(raw, str) else raw
            except ValueError as e:
                raise OptionError(f"option {key}={raw!r} for the {cls.name} reader: {e}") from None
        return values


@dataclass(slots=True)
class Record:
    """One utterance as a reader found it, before it becomes part of a Conversation."""

    speaker: str
    text: str
    start: float | None = None
    end: float | None = None
    line: int | None = None
    where: str | None = None  # "row 5", "cue 3", "utterances[2]": for messages
    role: Role | None = None
    meta: dict[str, Any] = field(default_factory=dict)


def _places(records: list[Record]) -> str:
    shown = [r.where or (f"line {r.line}" if r.line else "?") for r in records[:8]]
    return ", ".join(shown) + (", ..." if len(records) > 8 else "")


def assemble(
    records: Iterable[Record],
    *,
    id: str,
    path: str,
    format: str,
    role_basis: str = "given in the file",
    strict_timing: bool = True,
    meta: Mapping[str, Any] | None = None,
) -> Conversation:
    """Build a Conversation from a reader's records, saying what was skipped and why.

    Speaker names that differ only in case are one speaker (the first spelling is kept);
    records with empty text are skipped with a warning; times are checked.
    """
    spelling: dict[str, str] = {}
    roles: dict[str, Role | None] = {}
    empty: list[Record] = []
    utterances: list[Utterance] = []
    role_conflicts: list[str] = []
    for r in records:
        name = spelling.setdefault(" ".join(r.speaker.split()).lower(), " ".join(r.speaker.split()))
        if roles.get(name) is None:
            roles[name] = r.role
        elif r.role is not None and r.role is not roles[name]:
            role_conflicts.append(f"{name} ({r.where or r.line})")
        if not r.text.strip():
            empty.append(r)
            continue
        utterances.append(
            Utterance(len(utterances), name, " ".join(r.text.split()), r.start, r.end, r.line, r.meta)
        )
    notices = check_timings(utterances, path=path, strict=strict_timing)
    speakers = [
        Speaker(n, roles[n], False, role_basis if roles[n] else "") for n in dict.fromkeys(
            u.speaker for u in utterances
        )
    ]
    conv = Conversation(utterances, speakers, id=id, source=path, format=format, meta=meta, notices=notices)
    if empty:
        conv.warn(f"{len(empty)} utterance(s) with no text were skipped ({_places(empty)})")
    if role_conflicts:
        conv.warn(f"speakers given more than one role kept their first: {', '.join(role_conflicts[:5])}")
    return conv
