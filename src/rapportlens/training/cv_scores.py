"""Scores of one task's out-of-fold predictions, and the choices the final model makes from
them: how much the lexical companion weighs and whether per-class offsets are used.
Free of torch, so it is tested without the training stack.

Every choice is made nested: the figure reported for a fold comes from the weight and
offsets that the other folds chose, so no reported score used choices tuned on it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from ..coding.lexical import log_softmax
from ..metrics import score
from .calibrate import fit_offsets, macro_f1, nested_predictions

# The lexical companion's share of the geometric mean (docs/accuracy.md, "Lexical
# companion"). 0.5, the equal weight the shipped model was built with, comes first, so it
# wins ties.
LEXICAL_WEIGHTS = (0.5, 0.0, 0.25, 0.75)


@dataclass(frozen=True)
class Choice:
    lexical_weight: float
    offsets: bool


def combined(encoder: np.ndarray, lexical: np.ndarray | None, weight: float) -> np.ndarray:
    """Log-probabilities of the weighted geometric mean, as ``CodingModel.predict`` combines them."""
    if lexical is None or weight == 0:
        return encoder
    return log_softmax((1 - weight) * encoder + weight * lexical)


def candidates(has_lexical: bool) -> list[Choice]:
    weights = LEXICAL_WEIGHTS if has_lexical else (0.0,)
    return [Choice(w, off) for w in weights for off in (True, False)]


def _predict(choice: Choice, encoder, lexical, gold, train: np.ndarray, test: np.ndarray) -> np.ndarray:
    logp = combined(encoder, lexical, choice.lexical_weight)
    if not choice.offsets:
        return logp[test].argmax(1)
    return (logp[test] + fit_offsets(logp[train], gold[train])).argmax(1)


def choose(encoder: np.ndarray, lexical: np.ndarray | None, gold: np.ndarray, fold: np.ndarray) -> Choice:
    """The choice with the best macro-F1 over these examples, each fold scored with offsets
    fitted on the others."""
    k = encoder.shape[1]
    best, best_score = None, -1.0
    for c in candidates(lexical is not None):
        logp = combined(encoder, lexical, c.lexical_weight)
        pred = nested_predictions(logp, gold, fold) if c.offsets else logp.argmax(1)
        s = macro_f1(gold, pred, k)
        if s > best_score + 1e-9:
            best, best_score = c, s
    return best


def scored(dataset: str, task: str, labels: list[str], gold: np.ndarray, pred: np.ndarray,
           fold: np.ndarray, k: int) -> dict[str, Any]:
    def named(idx: np.ndarray) -> list[str]:
        return [labels[i] for i in idx]

    d = score(dataset, task, labels, named(gold), named(pred)).to_dict()
    d["fold_macro_f1"] = [score(dataset, task, labels, named(gold[fold == f]), named(pred[fold == f])).macro_f1
                          for f in range(k) if (fold == f).any()]
    return d


def brief(d: dict[str, Any]) -> dict[str, Any]:
    return {key: d[key] for key in ("accuracy", "macro_f1", "fold_macro_f1")}


def task_result(dataset: str, task: str, labels: list[str], gold: np.ndarray, encoder: np.ndarray,
                fold: np.ndarray, k: int, lexical: np.ndarray | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
    """The task's cross-validated scores and the head settings for the final model
    (``{"lexical_weight": w or None, "offsets": [...] or None}``).

    ``encoder`` and ``lexical`` are the two models' out-of-fold log-probabilities. Each
    fold is predicted with the choice (lexical weight, offsets or none) that the other
    folds made by their own nested scores; the final model takes the choice all folds
    make together. Beside the headline figures: the equal-weight combination without
    offsets (``uncalibrated``) and the encoder alone (``encoder_alone``)."""
    pred = np.zeros(len(gold), dtype=int)
    per_fold = []
    for f in np.unique(fold):
        test, train = fold == f, fold != f
        c = choose(encoder[train], None if lexical is None else lexical[train], gold[train], fold[train])
        pred[test] = _predict(c, encoder, lexical, gold, train, test)
        per_fold.append({"fold": int(f), "lexical_weight": c.lexical_weight if lexical is not None else None,
                         "offsets": c.offsets})
    result = scored(dataset, task, labels, gold, pred, fold, k)
    result["choices_by_fold"] = per_fold
    plain = combined(encoder, lexical, 0.5)
    result["uncalibrated"] = brief(scored(dataset, task, labels, gold, plain.argmax(1), fold, k))
    if lexical is not None:
        result["encoder_alone"] = brief(scored(dataset, task, labels, gold, encoder.argmax(1), fold, k))
    final = choose(encoder, lexical, gold, fold)
    logp = combined(encoder, lexical, final.lexical_weight)
    head = {"lexical_weight": final.lexical_weight if lexical is not None else None,
            "offsets": [round(float(b), 2) for b in fit_offsets(logp, gold)] if final.offsets else None}
    result["final_choice"] = head
    return result, head


def flag_rates(flagged, positive) -> dict[str, Any]:
    """Recall and precision of yes/no flags against the truth, with the counts behind them."""
    flagged, positive = np.asarray(flagged, dtype=bool), np.asarray(positive, dtype=bool)
    tp, fp, fn = int((flagged & positive).sum()), int((flagged & ~positive).sum()), int((~flagged & positive).sum())
    return {"recall": round(tp / max(1, tp + fn), 3), "precision": round(tp / max(1, tp + fp), 3),
            "tp": tp, "fp": fp, "fn": fn}
