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
MIN_ROWS = 200  # fewer, and the nested fits have too little to learn from


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


def scored(dataset: str, task: str, labels: Sequence[str], gold: np.ndarray, pred: np.ndarray,
           fold: np.ndarray) -> dict[str, Any]:
    """The task's scores (label indices in, names out) with each fold's macro-F1."""
    def named(idx: np.ndarray) -> list[str]:
        return [labels[i] for i in idx]

    d = score(dataset, task, labels, named(gold), named(pred)).to_dict()
    d["fold_macro_f1"] = [score(dataset, task, labels, named(gold[fold == f]), named(pred[fold == f])).macro_f1
                          for f in np.unique(fold)]
    return d


def _brief(d: Mapping[str, Any]) -> dict[str, Any]:
    return {key: d[key] for key in ("accuracy", "macro_f1", "fold_macro_f1")}


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
        rows = np.array([i for i, e in enumerate(examples) if name in e.labels], dtype=int)
        labels = list(h["labels"])
        gold = np.array([labels.index(examples[i].labels[name]) for i in rows], dtype=int)
        f = fold[rows]
        if len(rows) < MIN_ROWS or len(np.unique(f)) < 3 or min(np.bincount(gold, minlength=2)[:2]) == 0:
            report[name] = {"kept": False, "skipped": f"too few labelled utterances for a context layer "
                                                      f"({len(rows)}; needs {MIN_ROWS} over 3 or more folds)"}
            continue
        base = scored(dataset.name, name, labels, gold, nested_predictions(np.log(np.maximum(raw[name][rows], 1e-9)),
                                                                        gold, f), f)
        layer, pred = fit_task(x[rows], gold, f, len(labels))
        with_context = scored(dataset.name, name, labels, gold, pred, f)
        report[name] = {"encoder": _brief(base), "with_context": _brief(with_context), "scores": with_context,
                        "kept": with_context["macro_f1"] > base["macro_f1"]}
        if report[name]["kept"]:
            kept[name] = layer
    if not kept:
        return None, report
    info = {"fitted_on": {"dataset": dataset.name, "conversations": len(dataset.groups()),
                          "folds": len(np.unique(fold))},
            "cross_validation": {k: {key: v[key] for key in ("encoder", "with_context", "kept") if key in v}
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
    print(json.dumps({t: {key: v for key, v in r.items() if key != "scores"} for t, r in report.items()}, indent=1))
    if args.model and layer is not None:
        print(write_layer(args.model, layer))
    if args.into_folds:
        print("\n".join(write_nested(dataset, raw, heads, fold, args.fold_models, args.tasks)))


def write_nested(dataset: Dataset, raw: Mapping[str, np.ndarray], heads: Sequence[Mapping[str, Any]],
                 fold: np.ndarray, fold_dir: Path, tasks: Sequence[str] | None = None) -> list[str]:
    """Give each fold model (``fold_dir/fold-N``) a layer fitted on the other folds only,
    so that its codes of its own held-out conversations stay out of fold."""
    done = []
    for f in np.unique(fold):
        rows = np.flatnonzero(fold != f)
        part = Dataset(dataset.name, dataset.tasks, [dataset.examples[i] for i in rows], dataset.sources)
        inner, _ = fit_context(part, {k: v[rows] for k, v in raw.items()}, heads, fold[rows], tasks)
        if inner is not None:
            done.append(write_layer(fold_dir / f"fold-{f + 1}", inner))
    return done


def write_layer(model_dir: Path, layer: ContextLayer) -> str:
    """Put the layer in the model's card; the version changes with it, since the
    model's answers do."""
    from .trainer import weights_version

    card_path = model_dir / "card.json"
    card = json.loads(card_path.read_text("utf-8"))
    card["context"] = layer.to_dict()
    card["version"] = weights_version(model_dir / "model.onnx", json.dumps(card["context"], sort_keys=True))
    card_path.write_text(json.dumps(card, indent=2) + "\n", "utf-8")
    return f"context layer for {', '.join(layer.tasks)} written to {card_path} (version {card['version']})"


if __name__ == "__main__":
    main()
