"""The engagement model: sorts one client turn into "none", "confrontation" or "withdrawal",
the two codes that mark a rupture (docs/analyzers/ruptures.md).

The rules layer knows a few hundred wordings of a complaint or a retreat; people find many
more ("every week it's the same script from you"). This model is a logistic regression
over the turn's words and character n-grams (the same kind as the coding model's lexical
companion, ``coding.lexical``), trained on turns written for RapportLens and on AnnoMI
client talk as ordinary talk (``training.engagement``). It adds a code when its
probability reaches the card's threshold; the rules' own codes stand beside it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ..model import Role
from .inputs import Item
from .lexical import LexicalModel
from .minimal import minimal_answer

MODEL = "engagement-lexical"
HEAD = "engagement"
LABELS = ("none", "confrontation", "withdrawal")
CARD_FILE = "card.json"
MIN_WORDS = 3  # fragments ("to", "if") have too few n-grams for the model to judge


def default_dir() -> Path:
    return Path(str(resources.files("rapportlens").joinpath("models", MODEL)))


@dataclass(frozen=True)
class EngagementModel:
    lexical: LexicalModel
    card: dict[str, Any]

    @property
    def id(self) -> str:
        return f"{self.card['name']}@{self.card['version']}"

    @property
    def threshold(self) -> float:
        return float(self.card["threshold"])

    @classmethod
    def load(cls, directory: Path) -> EngagementModel:
        card = json.loads((directory / CARD_FILE).read_text("utf-8"))
        return cls(LexicalModel.load(directory), card)

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """``(len(texts), 3)``: P(none), P(confrontation), P(withdrawal) per turn."""
        if not texts:
            return np.zeros((0, len(LABELS)))
        items = [Item(Role.CLIENT, t) for t in texts]
        return np.exp(self.lexical.predict_log(items)[HEAD])

    def codes(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """Per turn, the rupture codes whose probability reaches the threshold; nothing for a
        turn the model does not read (``reads``)."""
        read = [i for i, t in enumerate(texts) if reads(t)]
        out: list[dict[str, float]] = [{} for _ in texts]
        for i, row in zip(read, self.probabilities([texts[i] for i in read])):
            out[i] = {label: float(row[j]) for j, label in enumerate(LABELS) if j and row[j] >= self.threshold}
        return out


def reads(text: str) -> bool:
    """Whether the model judges this turn. A bare non-answer ("Fine.", "Not really.") is left
    to the rules (``coding.minimal``), which count it only when the client's answers suddenly
    shorten, and so is a turn of fewer than ``MIN_WORDS`` words."""
    return len(text.split()) >= MIN_WORDS and minimal_answer(text) is None


@cache
def load_engagement(directory: str | None = None) -> EngagementModel:
    """The shipped engagement model (or the one in ``directory``), loaded once per process."""
    return EngagementModel.load(Path(directory) if directory else default_dir())
