"""The overall rapport score: a logistic model over the seven dimensions and the rate of
unrepaired ruptures (``score_inputs.py``), learned from sessions with a known outcome (see
docs/scoring.md), never a hand-set weighting.

The shipped model (``score_model.json``) was fitted on AnnoMI high- vs low-quality MI
sessions; the score is 100 x the modelled probability that a session looks like the
high-quality ones. A dimension that could not be measured is set to its training mean,
so it moves the score neither way; each dimension's standardised value is clipped to
+-2.5 so that no single one can decide the score alone.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

MODEL_FILE = "score_model.json"
# Standardised dimensions are clipped here: a session far outside the training range
# should not be extrapolated into certainty by one dimension alone.
Z_LIMIT = 2.5


@dataclass(frozen=True)
class ScoreModel:
    version: str
    features: tuple[str, ...]
    means: tuple[float, ...]
    scales: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    info: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> ScoreModel:
        return cls(d["version"], tuple(d["features"]), tuple(d["means"]), tuple(d["scales"]),
                   tuple(d["coef"]), float(d["intercept"]), d.get("info", {}))

    def to_dict(self) -> dict[str, Any]:
        return {"version": self.version, "features": list(self.features), "means": list(self.means),
                "scales": list(self.scales), "coef": list(self.coef), "intercept": self.intercept,
                "info": dict(self.info)}

    def contributions(self, dims: Mapping[str, float | None]) -> dict[str, float]:
        """Each dimension's push on the log-odds of the overall score (0 when unmeasured)."""
        out = {}
        for name, m, s, c in zip(self.features, self.means, self.scales, self.coef):
            value = dims.get(name)
            out[name] = 0.0 if value is None else c * max(-Z_LIMIT, min(Z_LIMIT, (value - m) / s))
        return out

    def overall(self, dims: Mapping[str, float | None]) -> float:
        z = self.intercept + sum(self.contributions(dims).values())
        return 100.0 / (1.0 + math.exp(-z))


def load_score_model(path: str | Path | None = None) -> ScoreModel:
    if path is None:
        return _shipped()
    return ScoreModel.from_dict(json.loads(Path(path).read_text("utf-8")))


@lru_cache(maxsize=1)
def _shipped() -> ScoreModel:
    text = files("rapportlens.rapport").joinpath(MODEL_FILE).read_text("utf-8")
    return ScoreModel.from_dict(json.loads(text))
