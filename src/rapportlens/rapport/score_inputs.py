"""What the overall score reads: the seven dimensions and, since score model
``annomi-2026-12-06``, the rate of ruptures that were not repaired (docs/scoring.md).

SPEC section 3 names repair among the behaviours that keep rapport, and section 5 says a
rupture counts as repaired when engagement comes back after the practitioner's response.
None of the seven dimensions sees that, so a session that broke down and stayed broken
could score as well as one that recovered.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .dimensions import DIMENSIONS

UNREPAIRED = "unrepaired_ruptures"
SCORE_INPUTS: tuple[str, ...] = (*DIMENSIONS, UNREPAIRED)


def unrepaired(ruptures: Sequence[Mapping[str, Any]], start: int = 0, stop: int | None = None) -> list[int]:
    """Start utterances of the ruptures beginning in [start, stop) that were not repaired."""
    return [r["start"] for r in ruptures
            if start <= r["start"] and (stop is None or r["start"] < stop) and not r["repaired"]]


def score_inputs(dims: Mapping[str, Mapping[str, Any]], ruptures: Sequence[Mapping[str, Any]],
                 start: int, stop: int) -> dict[str, float | None]:
    """The score model's inputs for utterances [start, stop): each dimension's 0-100 score and
    the unrepaired ruptures per 100 utterances of the span."""
    inputs: dict[str, float | None] = {n: d["score"] for n, d in dims.items()}
    inputs[UNREPAIRED] = 100.0 * len(unrepaired(ruptures, start, stop)) / max(1, stop - start)
    return inputs
