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
from .calibrate import fit_offsets, nested_predictions
from .context_fit import fit_context, scored, write_nested
from .settings import FIT_KEYS, settings_for
from .trainer import export, fit, folds


def cross_validate(dataset: Dataset, k: int = 5, progress: bool = True, keep_folds: Path | None = None,
                   **settings: Any) -> dict[str, Any]:
    """k-fold cross-validation split by conversation; each fold is scored with its exported
    int8 ONNX model (per output channel; see docs/accuracy.md, "Quantization"), exactly
    as `rapportlens eval` would run it.

    Also fits per-class offsets for macro-F1 on the out-of-fold predictions (``offsets``,
    for the final model), and reports the calibrated scores with nested offsets: each
    fold's offsets come from the other folds only. With ``keep_folds``, each fold's model
    is kept in ``keep_folds/fold-N`` (to score sessions with codes no model saw in training).

    Then fits the context layer on the out-of-fold probabilities (``context``; see
    ``training/context_fit.py``); a task it improves is reported with it, and the encoder's
    own figures are kept under ``encoder_alone``."""
    settings = settings_for(dataset.name, settings)
    fold_of = folds([e.group for e in dataset.examples], k, settings["seed"])
    fold = np.array([fold_of[e.group] for e in dataset.examples])
    raw: dict[str, np.ndarray] = {}
    heads: list[dict[str, Any]] = []
    for f in range(k):
        train = [e for e in dataset.examples if fold_of[e.group] != f]
        rows = np.flatnonzero(fold == f)
        model, heads = fit(dataset, train, progress=progress, description=f"fold {f + 1}/{k}",
                           **{s: settings[s] for s in FIT_KEYS})
        with tempfile.TemporaryDirectory() as tmp:
            where = keep_folds / f"fold-{f + 1}" if keep_folds else Path(tmp)
            export(model, heads, where, name=f"cv-fold-{f + 1}", dataset=dataset,
                   max_length=settings["max_length"], context_chars=settings["context_chars"], info={})
            # Every utterance of the held-out conversations, labelled or not: the context
            # layer reads neighbours.
            probs = CodingModel(where).predict([dataset.examples[i].item for i in rows],
                                               groups=[dataset.examples[i].group for i in rows], raw=True)
        for name, p in probs.items():
            raw.setdefault(name, np.zeros((len(fold), p.shape[1]), dtype=np.float32))[rows] = p
    results, offsets = {}, {}
    for task in dataset.tasks:
        h = next((h for h in heads if h["name"] == task.name), None)
        if h is None:
            continue
        labels = h["labels"]
        rows = np.array([i for i, e in enumerate(dataset.examples) if task.name in e.labels])
        gold = np.array([labels.index(dataset.examples[i].labels[task.name]) for i in rows])
        logp = np.log(np.maximum(raw[task.name][rows], 1e-9))
        results[task.name] = scored(dataset.name, task.name, labels, gold,
                                    nested_predictions(logp, gold, fold[rows]), fold[rows])
        unc = scored(dataset.name, task.name, labels, gold, logp.argmax(1), fold[rows])
        results[task.name]["uncalibrated"] = {key: unc[key] for key in ("accuracy", "macro_f1", "fold_macro_f1")}
        offsets[task.name] = [round(float(b), 2) for b in fit_offsets(logp, gold)]
    out = {"folds": k, "split": "by conversation", "settings": settings, "tasks": results, "offsets": offsets}
    layer, report = fit_context(dataset, raw, heads, fold)
    if layer is not None:
        out["context"] = layer.to_dict()
        if keep_folds:
            write_nested(dataset, raw, heads, fold, keep_folds)
        for name in layer.tasks:
            # The final model answers with the context layer on these tasks: report that.
            encoder = results[name]
            results[name] = {**report[name]["scores"], "fold_macro_f1": report[name]["with_context"]["fold_macro_f1"],
                             "encoder_alone": {key: encoder[key] for key in ("accuracy", "macro_f1", "fold_macro_f1")},
                             "uncalibrated": encoder["uncalibrated"]}
    return out


def _sha256(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def train(dataset: Dataset, out: Path, *, name: str, cv: int = 0, progress: bool = True,
          quantize: bool = True, keep_folds: Path | None = None, **settings: Any) -> dict[str, Any]:
    settings = settings_for(dataset.name, settings)
    info: dict[str, Any] = {
        "trained_on": {"dataset": dataset.name,
                       "files": [{"name": Path(f).name, "sha256": _sha256(f)} for f in dataset.sources],
                       "conversations": len(dataset.groups()),
                       "labelled_examples": sum(1 for e in dataset.examples if e.labels),
                       "label_counts": dataset.counts()},
        "settings": settings,
    }
    if cv:
        info["cross_validation"] = cross_validate(dataset, cv, progress=progress, keep_folds=keep_folds,
                                                        **settings)
        out.mkdir(parents=True, exist_ok=True)
        (out / "cv.json").write_text(json.dumps(info["cross_validation"], indent=2) + "\n", "utf-8")
    model, heads = fit(dataset, dataset.examples, progress=progress, description="final model",
                       **{s: settings[s] for s in FIT_KEYS})
    offsets = info.get("cross_validation", {}).get("offsets", {})
    if "context" in info.get("cross_validation", {}):
        info["context"] = info["cross_validation"].pop("context")
    for h in heads:
        if h["name"] in offsets:
            h["offsets"] = offsets[h["name"]]
    card = export(model, heads, out, name=name, dataset=dataset, max_length=settings["max_length"],
                  context_chars=settings["context_chars"],
                  info=info, quantize=quantize)
    return card.to_dict()
