"""The project's exceptions. Every message says where the problem is and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class RapportLensError(Exception):
    """Base class: the CLI prints these as one short message and exits with status 2."""


class InputError(RapportLensError):
    """A transcript could not be read. Names the file, the place in it, the problem and the fix."""

    def __init__(
        self,
        problem: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        where: str | None = None,
        fix: str | None = None,
    ) -> None:
        self.problem = problem
        self.path = str(path) if path is not None else None
        self.line = line
        self.where = where
        self.fix = fix
        super().__init__(str(self))

    def located(self, path: str | Path) -> InputError:
        """The same error with the file filled in (helpers raise before they know it)."""
        if self.path is None:
            self.path = str(path)
        return self

    def __str__(self) -> str:
        place = [p for p in (self.path, f"line {self.line}" if self.line else None, self.where) if p]
        head = ": ".join([", ".join(place), self.problem]) if place else self.problem
        return f"{head}\n  fix: {self.fix}" if self.fix else head


class OptionError(RapportLensError):
    """A reader, analyzer or command was given an option it does not have, or a bad value."""


class FeatureError(RapportLensError):
    """A feature was written that is not declared, has the wrong shape or type, or is missing."""


class PipelineError(RapportLensError):
    """The analyzers of a pipeline do not fit together (checked before any data is touched)."""


@dataclass(frozen=True, slots=True)
class Notice:
    """A warning attached to a conversation: the data was read, but the user should know this."""

    message: str
    path: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        place = ", ".join(p for p in (self.path, f"line {self.line}" if self.line else None) if p)
        return f"{place}: {self.message}" if place else self.message
