"""Options more than one command module shares."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click


def model_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by every command that analyses: the coding and score models."""
    for decorator in reversed([
        click.option("--model", "-m", "model", type=click.Path(exists=True, file_okay=False), metavar="DIR",
                     help="Coding model folder written by `rapportlens train` (default: the shipped model)."),
        click.option("--score-model", type=click.Path(exists=True, dir_okay=False), metavar="FILE",
                     help="Overall-score model from `python -m rapportlens.rapport.fit` (default: the shipped one)."),
    ]):
        func = decorator(func)
    return func


def model_settings(model: str | None, score_model: str | None) -> dict:
    """The default pipeline's settings for ``--model`` and ``--score-model``."""
    settings: dict = {}
    if model:
        settings["codes"] = {"model": model}
    if score_model:
        settings["rapport"] = settings["timeline"] = {"score_model": score_model}
    return settings
