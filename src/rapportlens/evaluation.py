"""Score a coding model against a dataset's expert labels, in the dataset's own label space.

A task the model has a head for is scored from that head. Otherwise the model's codes
(model and rules together, as in `analyze`) are mapped to the dataset's labels with the
mapping in ``rapportlens.datasets``; the result says which route was taken.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .coding.coder import Coder
from .coding.onnx_model import CodingModel, ModelCard
from .datasets import Dataset
from .metrics import TaskScore, score


@dataclass(frozen=True)
class Evaluation:
    score: TaskScore
    model: str
    via: str  # "head": the model's own head for this task; "codes": codes mapped to labels
    trained_on: int = 0  # conversations of the data the model learned from (in-sample)
    conversations: int = 0  # conversations of the data
    cross_validated: float | None = None  # the card's cross-validated macro-F1 for this task
    published: float | None = None  # the best published text-only macro-F1 (Task.published)

    def to_dict(self) -> dict:
        return {**self.score.to_dict(), "model": self.model, "via": self.via,
                "conversations": self.conversations, "conversations_trained_on": self.trained_on}

    def in_sample_warning(self) -> str | None:
        """What a reader must know when the model learned from some of these conversations."""
        if not self.trained_on:
            return None
        cv = (f"; its cross-validated macro-F1 on conversations it did not see is {self.cross_validated:.3f}"
              if self.cross_validated is not None else "")
        return (f"the model was trained on {self.trained_on} of these {self.conversations} conversations, so "
                f"this figure overstates how it codes new sessions{cv}. Score it on conversations it never "
                "saw (held-back data), or measure it with `rapportlens train --cv`")


@dataclass(frozen=True)
class Overlap:
    """How many of a dataset's conversations a model was trained on."""

    trained_on: int
    conversations: int


def overlap(dataset: Dataset, card: ModelCard) -> Overlap:
    """The conversations of ``dataset`` that ``card``'s model learned from: scored on them, a
    model looks far better than on new sessions (AnnoMI's shipped model: 0.93 macro-F1 on its
    own training transcripts, 0.77 on unseen ones)."""
    trained = card.info.get("trained_on") or {}
    groups = dataset.groups()
    if "conversation_fingerprints" in trained:
        known = set(trained["conversation_fingerprints"])
        return Overlap(sum(1 for fp in dataset.fingerprints().values() if fp in known), len(groups))
    # Cards written before fingerprints were kept name their files' hashes.
    hashes = {f.get("sha256") for f in trained.get("files") or []}
    same = any(hashlib.sha256(Path(f).read_bytes()).hexdigest() in hashes for f in dataset.sources if Path(f).is_file())
    return Overlap(len(groups) if same else 0, len(groups))


def evaluate(dataset: Dataset, model: CodingModel, progress: Callable[[int], None] | None = None) -> list[Evaluation]:
    examples = [e for e in dataset.examples if e.labels]
    items = [e.item for e in examples]
    probs = model.predict(items, progress=progress)
    heads = {h.name: h for h in model.card.heads}
    seen = overlap(dataset, model.card)
    cv = ((model.card.info.get("cross_validation") or {}).get("tasks") or {})
    codes = None
    out = []
    for task in dataset.tasks:
        rows = [(i, e.labels[task.name]) for i, e in enumerate(examples) if task.name in e.labels]
        if not rows:
            continue
        if task.name in heads and tuple(heads[task.name].labels) == task.labels:
            labels = heads[task.name].labels
            pred = [labels[int(probs[task.name][i].argmax())] for i, _ in rows]
            via = "head"
        elif task.from_codes is not None:
            if codes is None:
                codes = Coder(model).code(items, probs=probs)
            pred = []
            for i, _ in rows:
                conf: dict[str, float] = {}
                for c in codes[i]:
                    conf[c.code] = max(conf.get(c.code, 0.0), c.confidence)
                pred.append(task.from_codes(conf))
            via = "codes"
        else:
            continue
        out.append(Evaluation(score(dataset.name, task.name, task.labels, [g for _, g in rows], pred),
                              model.card.id, via, seen.trained_on, seen.conversations,
                              (cv.get(task.name) or {}).get("macro_f1") if via == "head" else None,
                              task.published))
    return out
