"""`rapportlens train`: cross-validate by conversation (optional), then fit on everything and export."""

from __future__ import annotations

import hashlib
import json
import statistics
import tempfile
from pathlib import Path
from typing import Any

from ..coding.onnx_model import CodingModel
from ..datasets import Dataset
from ..metrics import score
from .trainer import export, fit, folds, labels_of

DEFAULTS = {"epochs": 3, "lr": 5e-5, "batch_size": 32, "max_length": 128, "seed": 0, "freeze": 3}
FIT_KEYS = tuple(DEFAULTS)


def cross_validate(dataset: Dataset, k: int = 5, progress: bool = True, **settings: Any) -> dict[str, Any]:
    """k-fold cross-validation split by conversation; each fold is scored with its exported
    int8 ONNX model, exactly as `rapportlens eval` would run it."""
    settings = {**DEFAULTS, **settings}
    fold_of = folds([e.group for e in dataset.examples], k, settings["seed"])
    gold: dict[str, list[str]] = {}
    pred: dict[str, list[str]] = {}
    per_fold: dict[str, list[float]] = {}
    for fold in range(k):
        train = [e for e in dataset.examples if fold_of[e.group] != fold]
        test = [e for e in dataset.examples if fold_of[e.group] == fold and e.labels]
        model, heads = fit(dataset, train, progress=progress, description=f"fold {fold + 1}/{k}",
                           **{s: settings[s] for s in FIT_KEYS})
        with tempfile.TemporaryDirectory() as tmp:
            export(model, heads, Path(tmp), name="cv", dataset=dataset, max_length=settings["max_length"], info={})
            predicted = labels_of(CodingModel(tmp).predict([e.item for e in test]), heads)
        for h in heads:
            rows = [(e.labels[h["name"]], p) for e, p in zip(test, predicted[h["name"]]) if h["name"] in e.labels]
            gold.setdefault(h["name"], []).extend(g for g, _ in rows)
            pred.setdefault(h["name"], []).extend(p for _, p in rows)
            fold_score = score(dataset.name, h["name"], h["labels"], [g for g, _ in rows], [p for _, p in rows])
            per_fold.setdefault(h["name"], []).append(fold_score.macro_f1)
    results = {}
    for task in dataset.tasks:
        if task.name in gold:
            s = score(dataset.name, task.name, task.labels, gold[task.name], pred[task.name]).to_dict()
            s["fold_macro_f1"] = per_fold[task.name]
            s["fold_macro_f1_sd"] = round(statistics.stdev(per_fold[task.name]), 4) if k > 1 else 0.0
            results[task.name] = s
    return {"folds": k, "split": "by conversation", "settings": settings, "tasks": results}


def _sha256(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def train(dataset: Dataset, out: Path, *, name: str, cv: int = 0, progress: bool = True,
          quantize: bool = True, **settings: Any) -> dict[str, Any]:
    settings = {**DEFAULTS, **settings}
    info: dict[str, Any] = {
        "trained_on": {"dataset": dataset.name,
                       "files": [{"name": Path(f).name, "sha256": _sha256(f)} for f in dataset.sources],
                       "conversations": len(dataset.groups()),
                       "labelled_examples": sum(1 for e in dataset.examples if e.labels),
                       "label_counts": dataset.counts()},
        "settings": settings,
    }
    if cv:
        info["cross_validation"] = cross_validate(dataset, cv, progress=progress, **settings)
        out.mkdir(parents=True, exist_ok=True)
        (out / "cv.json").write_text(json.dumps(info["cross_validation"], indent=2) + "\n", "utf-8")
    model, heads = fit(dataset, dataset.examples, progress=progress, description="final model",
                       **{s: settings[s] for s in FIT_KEYS})
    card = export(model, heads, out, name=name, dataset=dataset, max_length=settings["max_length"],
                  info=info, quantize=quantize)
    return card.to_dict()
