"""`rapportlens train`: cross-validate by conversation (optional), then fit on everything and export."""

from __future__ import annotations

import hashlib
import json
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from ..coding.onnx_model import CodingModel
from ..datasets import Dataset
from .cv_scores import task_result
from .lexical import fit_lexical
from .settings import FIT_KEYS, settings_for
from .trainer import export, fit, folds


def cross_validate(dataset: Dataset, k: int = 5, progress: bool = True, keep_folds: Path | None = None,
                   lexical: bool = True, **settings: Any) -> dict[str, Any]:
    """k-fold cross-validation split by conversation; each fold is scored with its exported
    int8 ONNX model (per output channel; see docs/accuracy.md, "Quantization"), exactly
    as `rapportlens eval` would run it.

    Also fits per-class offsets for macro-F1 on the out-of-fold predictions (``offsets``,
    for the final model), and reports the calibrated scores with nested offsets: each
    fold's offsets come from the other folds only. A task whose nested offsets lower its
    macro-F1 gets none, and is reported without them. With ``keep_folds``, each fold's model
    is kept in ``keep_folds/fold-N`` (to score sessions with codes no model saw in training)."""
    settings = settings_for(dataset.name, settings)
    fold_of = folds([e.group for e in dataset.examples], k, settings["seed"])
    oof: dict[str, dict[str, list]] = {}
    for fold in range(k):
        train = [e for e in dataset.examples if fold_of[e.group] != fold]
        test = [e for e in dataset.examples if fold_of[e.group] == fold and e.labels]
        model, heads = fit(dataset, train, progress=progress, description=f"fold {fold + 1}/{k}",
                           **{s: settings[s] for s in FIT_KEYS})
        with tempfile.TemporaryDirectory() as tmp:
            where = keep_folds / f"fold-{fold + 1}" if keep_folds else Path(tmp)
            export(model, heads, where, name=f"cv-fold-{fold + 1}", dataset=dataset,
                   max_length=settings["max_length"], context_chars=settings["context_chars"], info={},
                   lexical=fit_lexical(train, heads, settings["context_chars"]) if lexical else None)
            probs = CodingModel(where).predict([e.item for e in test])
        for h in heads:
            o = oof.setdefault(h["name"], {"gold": [], "logp": [], "fold": [], "labels": h["labels"]})
            for i, e in enumerate(test):
                if h["name"] in e.labels:
                    o["gold"].append(h["labels"].index(e.labels[h["name"]]))
                    o["logp"].append(np.log(np.maximum(probs[h["name"]][i], 1e-9)))
                    o["fold"].append(fold)
    results, offsets = {}, {}
    for task in dataset.tasks:
        if not oof.get(task.name, {}).get("gold"):
            continue  # no held-out example of this task in any fold (tiny data sets)
        o = oof[task.name]
        labels, gold, logp = o["labels"], np.array(o["gold"]), np.array(o["logp"])
        result, task_offsets = task_result(dataset.name, task.name, labels, gold, logp, np.array(o["fold"]), k)
        results[task.name] = result
        if task_offsets is not None:
            offsets[task.name] = task_offsets
    return {"folds": k, "split": "by conversation", "settings": {**settings, "lexical": lexical}, "tasks": results,
            "offsets": offsets}


def _sha256(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def train(dataset: Dataset, out: Path, *, name: str, cv: int = 0, progress: bool = True,
          quantize: bool = True, keep_folds: Path | None = None, lexical: bool = True,
          **settings: Any) -> dict[str, Any]:
    settings = settings_for(dataset.name, settings)
    info: dict[str, Any] = {
        "trained_on": {"dataset": dataset.name,
                       "files": [{"name": Path(f).name, "sha256": _sha256(f)} for f in dataset.sources],
                       "conversations": len(dataset.groups()),
                       "labelled_examples": sum(1 for e in dataset.examples if e.labels),
                       "label_counts": dataset.counts()},
        "settings": {**settings, "lexical": lexical},
    }
    if cv:
        info["cross_validation"] = cross_validate(dataset, cv, progress=progress, keep_folds=keep_folds,
                                                  lexical=lexical, **settings)
        out.mkdir(parents=True, exist_ok=True)
        (out / "cv.json").write_text(json.dumps(info["cross_validation"], indent=2) + "\n", "utf-8")
    model, heads = fit(dataset, dataset.examples, progress=progress, description="final model",
                       **{s: settings[s] for s in FIT_KEYS})
    offsets = info.get("cross_validation", {}).get("offsets", {})
    for h in heads:
        if h["name"] in offsets:
            h["offsets"] = offsets[h["name"]]
    card = export(model, heads, out, name=name, dataset=dataset, max_length=settings["max_length"],
                  context_chars=settings["context_chars"], info=info, quantize=quantize,
                  lexical=fit_lexical(dataset.examples, heads, settings["context_chars"]) if lexical else None)
    return card.to_dict()
