"""Fit the context layer (``rapportlens.coding.context``) on out-of-fold predictions.

Every figure is nested: the layer scored on a fold was fitted on the other folds only, and
so were its offsets (from an inner cross-validation), so nothing here is scored on
predictions it was tuned on. A task keeps the layer only when its nested macro-F1 beats
the encoder's own (with nested offsets) on the same utterances.

    python -m rapportlens.training.context_fit --dataset annomi --data ../shared/data/annomi \\
        --fold-models folds --model src/rapportlens/models/annomi-minilm

adds the layer to an existing model from the fold models of
``rapportlens train --cv 5 --keep-folds folds`` (needs scikit-learn: the training extra).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..coding.context import ContextLayer, TaskLayer, features
from ..datasets import Dataset
from ..metrics import score
from .calibrate import fit_offsets, nested_predictions

C = 0.1  # L2 strength: about a hundred features, a few thousand utterances per task


def _fit(x: np.ndarray, gold: np.ndarray, k: int) -> TaskLayer:
    from sklearn.linear_model import LogisticRegression

    mean, scale = x.mean(0), x.std(0)
    scale[scale < 1e-6] = 1.0
    lr = LogisticRegression(C=C, max_iter=2000)
    lr.fit((x - mean) / scale, gold)
    coef, intercept = np.zeros((k, x.shape[1])), np.full(k, -30.0)
    coef[lr.classes_] = lr.coef_ if len(lr.classes_) > 2 else np.vstack([-lr.coef_, lr.coef_]) / 2
    intercept[lr.classes_] = lr.intercept_ if len(lr.classes_) > 2 else np.array([-1, 1]) * lr.intercept_[0] / 2
    return TaskLayer(mean, scale, coef, intercept, np.zeros(k))


def _oof_logits(x: np.ndarray, gold: np.ndarray, fold: np.ndarray, k: int) -> np.ndarray:
    z = np.zeros((len(gold), k))
    for f in np.unique(fold):
        inside = fold == f
        z[inside] = _fit(x[~inside], gold[~inside], k).logits(x[inside])
    return z


def fit_task(x: np.ndarray, gold: np.ndarray, fold: np.ndarray, k: int) -> tuple[TaskLayer, np.ndarray]:
    """The layer fitted on every row (offsets from its own out-of-fold logits), and nested
    predictions: for each outer fold, layer and offsets fitted on the other folds only."""
    pred = np.zeros(len(gold), dtype=int)
    for f in np.unique(fold):
        inside = fold == f
        inner = _oof_logits(x[~inside], gold[~inside], fold[~inside], k)
        offsets = fit_offsets(inner, gold[~inside])
        pred[inside] = (_fit(x[~inside], gold[~inside], k).logits(x[inside]) + offsets).argmax(1)
    layer = _fit(x, gold, k)
    offsets = fit_offsets(_oof_logits(x, gold, fold, k), gold)
    return TaskLayer(layer.mean, layer.scale, layer.coef, layer.intercept, offsets), pred


def fit_context(dataset: Dataset, raw: Mapping[str, np.ndarray], heads: Sequence[Mapping[str, Any]],
                fold: np.ndarray, tasks: Sequence[str] | None = None) -> tuple[ContextLayer | None, dict[str, Any]]:
    """``raw``: out-of-fold encoder probabilities for every example of ``dataset`` (in its
    order), ``fold``: each example's fold. Returns the layer (None when no task gained)
    and, per task, the nested scores with and without it."""
    examples = dataset.examples
    head_roles = {h["name"]: h.get("role") for h in heads}
    x = features(raw, head_roles, [e.item.role for e in examples], [e.group for e in examples])
    kept, report = {}, {}
    for h in heads:
        name = h["name"]
        if tasks is not None and name not in tasks:
            continue
        rows = np.array([i for i, e in enumerate(examples) if name in e.labels])
        if len(rows) == 0:
            continue
        labels = list(h["labels"])
        gold = np.array([labels.index(examples[i].labels[name]) for i in rows])
        f = fold[rows]
        base = nested_predictions(np.log(np.maximum(raw[name][rows], 1e-9)), gold, f)
        layer, pred = fit_task(x[rows], gold, f, len(labels))

        def scored(p: np.ndarray) -> dict[str, Any]:
            s = score(dataset.name, name, labels, [labels[g] for g in gold], [labels[i] for i in p])
            return {"macro_f1": round(s.macro_f1, 4), "accuracy": round(s.accuracy, 4),
                    "fold_macro_f1": [round(score(dataset.name, name, labels, [labels[g] for g in gold[f == j]],
                                                  [labels[i] for i in p[f == j]]).macro_f1, 4)
                                      for j in np.unique(f)]}

        report[name] = {"encoder": scored(base), "with_context": scored(pred),
                        "scores": score(dataset.name, name, labels, [labels[g] for g in gold],
                                        [labels[i] for i in pred]).to_dict()}
        report[name]["kept"] = report[name]["with_context"]["macro_f1"] > report[name]["encoder"]["macro_f1"]
        if report[name]["kept"]:
            kept[name] = layer
    if not kept:
        return None, report
    info = {"fitted_on": {"dataset": dataset.name, "conversations": len(dataset.groups()),
                          "folds": int(len(np.unique(fold)))},
            "cross_validation": {k: {key: v[key] for key in ("encoder", "with_context", "kept")}
                                 for k, v in report.items()}}
    return ContextLayer(kept, head_roles, info), report


def oof_from_fold_models(dataset: Dataset, fold_dir: Path, fold: np.ndarray) -> tuple[dict[str, np.ndarray], list]:
    """Each example's encoder probabilities from the fold model that did not train on it."""
    from ..coding.onnx_model import CodingModel

    raw: dict[str, np.ndarray] = {}
    heads = None
    for f in np.unique(fold):
        model = CodingModel(fold_dir / f"fold-{f + 1}")
        heads = heads or [{"name": h.name, "labels": list(h.labels), "role": h.role} for h in model.card.heads]
        rows = np.flatnonzero(fold == f)
        probs = model.predict([dataset.examples[i].item for i in rows], raw=True)
        for name, p in probs.items():
            raw.setdefault(name, np.zeros((len(fold), p.shape[1]), dtype=np.float32))[rows] = p
    return raw, heads or []


def main() -> None:
    from ..datasets import load
    from .settings import DEFAULTS
    from .trainer import folds

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dataset", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--fold-models", required=True, type=Path, help="folder of fold-N models (train --keep-folds)")
    ap.add_argument("--model", type=Path, help="model folder whose card gets the layer; without it, only report")
    ap.add_argument("--tasks", nargs="*", help="only these tasks (default: every head)")
    ap.add_argument("--into-folds", action="store_true",
                    help="also give each fold model a layer fitted on the other folds only, so its codes stay "
                         "out of fold (for eval/score_validation.py --fold-models)")
    args = ap.parse_args()
    dataset = load(args.dataset, args.data)
    k = len(list(args.fold_models.glob("fold-*")))
    of = folds([e.group for e in dataset.examples], k, DEFAULTS["seed"])
    fold = np.array([of[e.group] for e in dataset.examples])
    raw, heads = oof_from_fold_models(dataset, args.fold_models, fold)
    layer, report = fit_context(dataset, raw, heads, fold, args.tasks)
    print(json.dumps({t: {key: r[key] for key in ("encoder", "with_context", "kept")} for t, r in report.items()},
                     indent=1))
    if args.model and layer is not None:
        _write(args.model, layer)
    if args.into_folds:
        for f in np.unique(fold):
            rows = np.flatnonzero(fold != f)
            part = Dataset(dataset.name, dataset.tasks, [dataset.examples[i] for i in rows], dataset.sources)
            inner, _ = fit_context(part, {k: v[rows] for k, v in raw.items()}, heads, fold[rows], args.tasks)
            if inner is not None:
                _write(args.fold_models / f"fold-{f + 1}", inner)


def _write(model_dir: Path, layer: ContextLayer) -> None:
    """Put the layer in the model's card; the version changes with it, since the
    model's answers do."""
    from .trainer import weights_version

    card_path = model_dir / "card.json"
    card = json.loads(card_path.read_text("utf-8"))
    card["context"] = layer.to_dict()
    card["version"] = weights_version(model_dir / "model.onnx", json.dumps(card["context"], sort_keys=True))
    card_path.write_text(json.dumps(card, indent=2) + "\n", "utf-8")
    print(f"context layer for {', '.join(layer.tasks)} written to {card_path} (version {card['version']})")


if __name__ == "__main__":
    main()
