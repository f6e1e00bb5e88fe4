"""Scores of one task's out-of-fold predictions, and whether its per-class offsets are kept.
Free of torch, so it is tested without the training stack."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..metrics import score
from .calibrate import fit_offsets, nested_predictions


def scored(dataset: str, task: str, labels: list[str], gold: np.ndarray, pred: np.ndarray,
           fold: np.ndarray, k: int) -> dict[str, Any]:
    def named(idx: np.ndarray) -> list[str]:
        return [labels[i] for i in idx]

    d = score(dataset, task, labels, named(gold), named(pred)).to_dict()
    d["fold_macro_f1"] = [score(dataset, task, labels, named(gold[fold == f]), named(pred[fold == f])).macro_f1
                          for f in range(k)]
    return d


def brief(d: dict[str, Any]) -> dict[str, Any]:
    return {key: d[key] for key in ("accuracy", "macro_f1", "fold_macro_f1")}


def task_result(dataset: str, task: str, labels: list[str], gold: np.ndarray, logp: np.ndarray,
                fold: np.ndarray, k: int) -> tuple[dict[str, Any], list[float] | None]:
    """The task's cross-validated scores and the offsets for the final model (None: none).

    Offsets are kept when, fitted on the other folds (nested), they do not lower the task's
    macro-F1; the headline figures are then the calibrated ones. Otherwise the model keeps
    its plain probabilities, and the rejected calibration is reported beside them."""
    calibrated = scored(dataset, task, labels, gold, nested_predictions(logp, gold, fold), fold, k)
    raw = scored(dataset, task, labels, gold, logp.argmax(1), fold, k)
    if calibrated["macro_f1"] >= raw["macro_f1"]:
        return {**calibrated, "uncalibrated": brief(raw)}, [round(float(b), 2) for b in fit_offsets(logp, gold)]
    return {**raw, "with_offsets_rejected": brief(calibrated)}, None
