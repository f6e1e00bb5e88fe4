"""Labelled datasets for evaluation and training, each in its own label space.

``load(name, path)`` returns a :class:`Dataset`: coding tasks and the examples that carry
their expert labels. Each module also says how RapportLens codes map onto its labels, so a
model without the dataset's own heads can still be scored there.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import OptionError
from .base import Dataset, Example, Task

DATASETS = ("annomi", "esconv", "epitome", "coded")


def load(name: str, path: str | Path) -> Dataset:
    if name not in DATASETS:
        raise OptionError(f"unknown dataset {name!r}; choose one of: {', '.join(DATASETS)}")
    from importlib import import_module

    return import_module(f".{name}", __name__).load(Path(path))


__all__ = ["DATASETS", "Dataset", "Example", "Task", "load"]
