"""Readers and analyzers are found through entry points; the built-ins register the same way."""

from __future__ import annotations

from functools import cache
from importlib.metadata import entry_points
from typing import Any

from .errors import OptionError

READERS = "rapportlens.readers"
ANALYZERS = "rapportlens.analyzers"


@cache
def load(group: str) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for ep in entry_points(group=group):
        found[ep.name] = ep.load()
    if not found:
        raise OptionError(
            f"no {group} plugins are registered; install the package (pip install -e .) "
            "so its entry points exist"
        )
    return found


def get(group: str, name: str) -> Any:
    table = load(group)
    if name not in table:
        kind = group.rsplit(".", 1)[-1].rstrip("s")
        raise OptionError(f"unknown {kind} {name!r}; choose one of: {', '.join(sorted(table))}")
    return table[name]
