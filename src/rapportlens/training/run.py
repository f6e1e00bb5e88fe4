"""`rapportlens train`: cross-validate by conversation (optional), then fit on everything and export."""

from __future__ import annotations

import hashlib
import json
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from ..coding.onnx_model import MODEL_FILE, SECOND_VIEW_DIR, CodingModel
from ..datasets import Dataset
from .cv_scores import task_result
from .lexical import fit_lexical
from .settings import FIT_KEYS, SECOND_VIEW_LEXICAL_WEIGHT, lexical_context_chars, settings_for
from .trainer import export, fit, folds


def cross_validate(dataset: Dataset, k: int = 5, progress: bool = True, keep_folds: Path | None = None,
                   lexical: bool = True, **settings: Any) -> dict[str, Any]:
    """k-fold cross-validation split by conversation; each fold is scored with its exported
    int8 ONNX model (per output channel; see docs/history/accuracy.md, "Quantization"), exactly
    as `rapportlens eval` would run it.

    From the out-of-fold predictions it also chooses, per task, the lexical companion's
    weight and whether per-class offsets for macro-F1 are used (``head_choices``, for the
    final model; ``cv_scores.task_result``). The reported scores are nested: each fold is
    scored with the choices the other folds made. With ``keep_folds``, each fold's model
    is kept in ``keep_folds/fold-N`` (to score sessions with codes no model saw in training)."""
    settings = settings_for(dataset.name, settings)
    fold_of = folds([e.group for e in dataset.examples], k, settings["seed"])
    oof: dict[str, dict[str, list]] = {}
    for fold in range(k):
        train = [e for e in dataset.examples if fold_of[e.group] != fold]
        test = [e for e in dataset.examples if fold_of[e.group] == fold and e.labels]
        with tempfile.TemporaryDirectory() as tmp:
            where = keep_folds / f"fold-{fold + 1}" if keep_folds else Path(tmp)
            _, heads = fit_and_export(dataset, train, where, name=f"cv-fold-{fold + 1}", settings=settings,
                                      info={}, lexical=lexical, progress=progress, description=f"fold {fold + 1}/{k}")
            coder = CodingModel(where)
            items = [e.item for e in test]
            encoder = coder.predict(items, with_lexical=False)
            words = coder.lexical.predict_log(items) if coder.lexical else {}
        add_out_of_fold(oof, heads, test, encoder, words, fold)
    results, choices = {}, {}
    for task in dataset.tasks:
        if not oof.get(task.name, {}).get("gold"):
            continue  # no held-out example of this task in any fold (tiny data sets)
        o = oof[task.name]
        # A head the lexical model could not fit in some fold (one class only) is judged
        # on the encoder alone.
        lex = np.array(o["lexical"]) if len(o["lexical"]) == len(o["gold"]) else None
        results[task.name], choices[task.name] = task_result(
            dataset.name, task.name, o["labels"], np.array(o["gold"]), np.array(o["encoder"]),
            np.array(o["fold"]), k, lexical=lex)
    return {"folds": k, "split": "by conversation", "settings": {**settings, "lexical": lexical}, "tasks": results,
            "head_choices": choices}


def add_out_of_fold(oof: dict[str, dict[str, list]], heads: list[dict[str, Any]], test: list, encoder: dict,
                    words: dict, fold: int) -> None:
    """Append one fold's held-out predictions (encoder log-probabilities, the lexical model's
    where it has the head) and gold labels to ``oof``, per head."""
    for h in heads:
        o = oof.setdefault(h["name"], {"gold": [], "encoder": [], "lexical": [], "fold": [], "labels": h["labels"]})
        for i, e in enumerate(test):
            if h["name"] in e.labels:
                o["gold"].append(h["labels"].index(e.labels[h["name"]]))
                o["encoder"].append(np.log(np.maximum(encoder[h["name"]][i], 1e-9)))
                if h["name"] in words:
                    o["lexical"].append(words[h["name"]][i])
                o["fold"].append(fold)


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
                       "conversation_fingerprints": sorted(set(dataset.fingerprints().values())),
                       "labelled_examples": sum(1 for e in dataset.examples if e.labels),
                       "label_counts": dataset.counts()},
        "settings": {**settings, "lexical": lexical},
    }
    if cv:
        info["cross_validation"] = cross_validate(dataset, cv, progress=progress, keep_folds=keep_folds,
                                                  lexical=lexical, **settings)
        out.mkdir(parents=True, exist_ok=True)
        (out / "cv.json").write_text(json.dumps(info["cross_validation"], indent=2) + "\n", "utf-8")
    choices = info.get("cross_validation", {}).get("head_choices", {})
    card, _ = fit_and_export(dataset, dataset.examples, out, name=name, settings=settings, info=info,
                             lexical=lexical, progress=progress, description="final model", quantize=quantize,
                             choices=choices)
    return card.to_dict()


def fit_and_export(dataset: Dataset, examples: list, out: Path, *, name: str, settings: dict[str, Any],
                   info: dict[str, Any], lexical: bool, progress: bool, description: str, quantize: bool = True,
                   choices: dict[str, Any] | None = None) -> tuple[Any, list[dict[str, Any]]]:
    """Fit the encoder (and, with ``settings["second_view"]``, a second one reading that many
    characters of earlier talk, into ``out/second-view``) and the lexical companion on
    ``examples``, and export the model to ``out``. ``choices``: each head's lexical weight
    and offsets, chosen by cross-validation. Returns the model card and the heads."""
    fit_settings = {s: settings[s] for s in FIT_KEYS}
    extra: list[Path] = []
    info = dict(info)
    if settings.get("second_view") is not None:
        chars = settings["second_view"]
        other, other_heads = fit(dataset, examples, progress=progress, description=f"{description}, second view",
                                 **{**fit_settings, "context_chars": chars, "practitioner_context_chars": None})
        view = out / SECOND_VIEW_DIR
        export(other, other_heads, view, name=f"{name}-{SECOND_VIEW_DIR}", dataset=dataset,
               max_length=settings["max_length"], context_chars=chars, info={}, quantize=quantize)
        info["second_view"] = {"folder": SECOND_VIEW_DIR, "context_chars": chars,
                               "combination": "mean of the two encoders' log-probabilities, then the lexical model"}
        extra.append(view / MODEL_FILE)
    model, heads = fit(dataset, examples, progress=progress, description=description, **fit_settings)
    weight = settings.get("lexical_weight")
    if weight is None and extra:
        weight = SECOND_VIEW_LEXICAL_WEIGHT
    for h in heads:
        chosen = (choices or {}).get(h["name"], {})
        if weight is not None:
            h["lexical_weight"] = weight
        if chosen.get("offsets"):
            h["offsets"] = chosen["offsets"]
        if lexical and chosen.get("lexical_weight") is not None:
            h["lexical_weight"] = chosen["lexical_weight"]
    card = export(model, heads, out, name=name, dataset=dataset, max_length=settings["max_length"],
                  context_chars=settings["context_chars"],
                  practitioner_context_chars=settings["practitioner_context_chars"], info=info, quantize=quantize,
                  lexical=fit_lexical(examples, heads, lexical_context_chars(dataset.name, settings))
                  if lexical else None, extra_weights=extra)
    return card, heads
