"""Score a coding model against a dataset's expert labels, in the dataset's own label space.

A task the model has a head for is scored from that head. Otherwise the model's codes
(model and rules together, as in `analyze`) are mapped to the dataset's labels with the
mapping in ``rapportlens.datasets``; the result says which route was taken.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .coding.coder import Coder
from .coding.onnx_model import CodingModel
from .datasets import Dataset
from .metrics import TaskScore, score


@dataclass(frozen=True)
class Evaluation:
    score: TaskScore
    model: str
    via: str  # "head": the model's own head for this task; "codes": codes mapped to labels

    def to_dict(self) -> dict:
        return {**self.score.to_dict(), "model": self.model, "via": self.via}


def evaluate(dataset: Dataset, model: CodingModel, progress: Callable[[int], None] | None = None) -> list[Evaluation]:
    examples = [e for e in dataset.examples if e.labels]
    items = [e.item for e in examples]
    probs = model.predict(items, progress=progress)
    heads = {h.name: h for h in model.card.heads}
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
                              model.card.id, via))
    return out
