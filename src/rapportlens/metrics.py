"""Classification scores in a dataset's own label space: what `rapportlens eval` reports."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass


@dataclass(frozen=True, slots=True)
class ClassScore:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True, slots=True)
class TaskScore:
    dataset: str
    task: str
    n: int
    accuracy: float
    macro_f1: float
    per_class: dict[str, ClassScore]
    labels: tuple[str, ...]
    confusion: list[list[int]]  # rows: true label, columns: predicted label, in `labels` order

    def to_dict(self) -> dict:
        out = asdict(self)
        out["labels"] = list(self.labels)
        return out


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def score(dataset: str, task: str, labels: Sequence[str], gold: Sequence[str], pred: Sequence[str]) -> TaskScore:
    """Accuracy, macro-F1 over ``labels`` (classes absent from gold and predictions score 0
    and still count, as in scikit-learn), per-class scores and the confusion matrix."""
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold labels but {len(pred)} predictions")
    index = {label: i for i, label in enumerate(labels)}
    unknown = sorted({x for x in [*gold, *pred] if x not in index})
    if unknown:
        raise ValueError(f"labels outside {list(labels)}: {unknown}")
    confusion = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, pred):
        confusion[index[g]][index[p]] += 1
    per_class = {}
    f1s = []
    for i, label in enumerate(labels):
        tp = confusion[i][i]
        predicted = sum(row[i] for row in confusion)
        support = sum(confusion[i])
        precision, recall = _ratio(tp, predicted), _ratio(tp, support)
        f1 = _ratio(2 * tp, predicted + support)
        f1s.append(f1)
        per_class[label] = ClassScore(round(precision, 4), round(recall, 4), round(f1, 4), support)
    n = len(gold)
    accuracy = _ratio(sum(confusion[i][i] for i in range(len(labels))), n)
    macro = sum(f1s) / len(labels) if labels else 0.0
    return TaskScore(dataset, task, n, round(accuracy, 4), round(macro, 4), per_class, tuple(labels), confusion)
