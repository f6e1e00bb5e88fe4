"""The shapes every dataset adapter returns."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..coding.inputs import Item
from ..errors import InputError

FINGERPRINT_CHARS = 16  # hex digits of sha256: 64 bits, no collision among a few thousand


@dataclass(frozen=True, slots=True)
class Task:
    """One labelling task of a dataset, in the dataset's own label space."""

    name: str
    labels: tuple[str, ...]
    description: str
    # Maps one item's RapportLens codes ({code: confidence}) to this task's label, for
    # models that were not trained on the dataset. None: no sensible mapping exists.
    from_codes: Callable[[Mapping[str, float]], str] | None = None
    # The best published text-only macro-F1 for the task, as a yardstick (docs/accuracy.md).
    published: float | None = None


@dataclass(frozen=True, slots=True)
class Example:
    item: Item
    labels: Mapping[str, str]  # task name -> label; a task absent here is not labelled
    group: str  # the conversation (or seeker post): the unit cross-validation splits by
    where: str  # file and line, for messages


@dataclass
class Dataset:
    name: str
    tasks: tuple[Task, ...]
    examples: list[Example]
    sources: list[str] = field(default_factory=list)

    def task(self, name: str) -> Task:
        for t in self.tasks:
            if t.name == name:
                return t
        raise KeyError(name)

    def labelled(self, task: str) -> list[Example]:
        return [e for e in self.examples if task in e.labels]

    def groups(self) -> list[str]:
        return list(dict.fromkeys(e.group for e in self.examples))

    def fingerprints(self) -> dict[str, str]:
        """Each conversation's fingerprint: a hash of its utterances' words, in order. A model
        card lists those of its training data, so an evaluation can tell when it scores
        conversations the model learned from, whatever file or position they come from."""
        texts: dict[str, list[str]] = {}
        for e in self.examples:
            texts.setdefault(e.group, []).append(" ".join(e.item.text.split()))
        return {g: hashlib.sha256("\n".join(t).encode()).hexdigest()[:FINGERPRINT_CHARS] for g, t in texts.items()}

    def counts(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for t in self.tasks:
            c = out.setdefault(t.name, {label: 0 for label in t.labels})
            for e in self.examples:
                if t.name in e.labels:
                    c[e.labels[t.name]] += 1
        return out


def find_files(path: Path, names: Sequence[str], dataset: str) -> list[Path]:
    """The dataset's files in a folder (or the one file given); a clear error when none is there."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise InputError("no such file or folder", path=str(path), fix=f"pass the {dataset} folder with --data")
    found = [path / n for n in names if (path / n).is_file()]
    if not found:
        raise InputError(
            f"none of the {dataset} files is here ({', '.join(names)})", path=str(path),
            fix=f"pass the folder that holds the {dataset} files, unchanged",
        )
    return found


def check_label(value: str, task: Task, path: str, line: int | None) -> str:
    if value not in task.labels:
        raise InputError(
            f"{task.name} label {value!r} is not one of {', '.join(task.labels)}", path=path,
            line=line, fix="this file does not look like the published dataset; check it is unmodified",
        )
    return value


def best(codes: Mapping[str, float], groups: Mapping[str, Sequence[str]], default: str) -> str:
    """The label whose codes carry the highest confidence; ``default`` when none is present."""
    scored = [(max((codes.get(c, 0.0) for c in cs), default=0.0), label) for label, cs in groups.items()]
    top, label = max(scored, key=lambda s: s[0])
    return label if top > 0 else default
