"""The repair model: whether one practitioner turn attempts to repair the relationship, the
codebook's ``repair`` code (docs/analyzers/ruptures.md).

The rules layer knows a few hundred wordings of a repair ("I got that wrong", "Did that land
badly?"); practitioners find many more ("It slipped my mind, and that's not okay"). This model
is a logistic regression over the turn's words and character n-grams (the same kind as the
engagement model, ``coding.engagement``), trained on repairs and near misses written for
RapportLens (``data/repairs``) and on AnnoMI practitioner turns as ordinary talk
(``training.repair``). It adds the code where the rules have none and its probability reaches
the card's threshold, chosen so that few of AnnoMI's practitioner turns are coded.

A turn it only suspects (P from ``SUSPECT`` up to the threshold) gets the code at confidence
0.45, below the rupture finder's 0.5, as the engagement model does with a suspected retreat:
the finder takes it for a repair attempt only in the practitioner's first turn after a
rupture, where a repair is far likelier than in talk at large ("I've just given you a
telling-off, haven't I." after "Fine.": P = 0.34).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from ..model import Role
from .engagement import CARD_FILE, SUSPECT_CONFIDENCE, Finding, default_dir
from .inputs import Item
from .lexical import LexicalModel

MODEL = "repair-lexical"
HEAD = "repair"
LABELS = ("none", "repair")
MIN_WORDS = 3  # "Sorry?" and "Go on." are too short to judge
# In the written sessions, left out one set at a time, the model alone gives this P or more to
# 163 of 175 repairs that are the practitioner's first turn after a rupture, and to 8 of 214
# other turns there; on AnnoMI it marks about 2 % of practitioner turns, hence only a
# suspicion, read next to a rupture (docs/analyzers/ruptures.md).
SUSPECT = 0.25


def reads(text: str) -> bool:
    return len(text.split()) >= MIN_WORDS


@dataclass(frozen=True)
class RepairModel:
    lexical: LexicalModel
    card: dict[str, Any]

    @property
    def id(self) -> str:
        return f"{self.card['name']}@{self.card['version']}"

    @property
    def threshold(self) -> float:
        return float(self.card["threshold"])

    @classmethod
    def load(cls, directory: Path) -> RepairModel:
        return cls(LexicalModel.load(directory), json.loads((directory / CARD_FILE).read_text("utf-8")))

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """P(repair) per turn."""
        if not texts:
            return np.zeros(0)
        # The lexical model reads words only; the role an item carries does not enter it.
        return np.exp(self.lexical.predict_log([Item(Role.PRACTITIONER, t) for t in texts])[HEAD])[:, 1]

    def codes(self, texts: Sequence[str]) -> list[Finding | None]:
        """Per turn, the repair code when P(repair) reaches the threshold, a suspected one
        (``SUSPECT_CONFIDENCE``) from ``SUSPECT``, else None."""
        read = [i for i, t in enumerate(texts) if reads(t)]
        out: list[Finding | None] = [None] * len(texts)
        for i, p in zip(read, self.probabilities([texts[i] for i in read])):
            if p >= self.threshold:
                out[i] = Finding(float(p), f"repair model: P(repair) = {p:.2f}")
            elif p >= SUSPECT:
                out[i] = Finding(SUSPECT_CONFIDENCE, f"repair model suspects: P(repair) = {p:.2f}")
        return out


@cache
def load_repair(directory: str | None = None) -> RepairModel:
    """The shipped repair model (or the one in ``directory``), loaded once per process."""
    return RepairModel.load(Path(directory) if directory else default_dir(MODEL))
