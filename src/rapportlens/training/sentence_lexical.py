"""What the n-gram sentence models (engagement, repair) share: out-of-fold probabilities for
choosing a threshold, and writing the final model with its card."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..coding.lexical import LEXICAL_FILE
from ..datasets import Example
from .lexical import fit_lexical
from .splits import folds
from .versions import weights_version


def out_of_fold(examples: Sequence[Example], heads: list[dict[str, Any]], head: str, k: int) -> np.ndarray:
    """``(len(examples), labels)``: each example's probabilities from a model fitted on the
    folds it is not in (folds never split a group: a written turn with its copies, a transcript)."""
    fold_of = folds([e.group for e in examples], k, 0)
    probs = np.zeros((len(examples), len(heads[0]["labels"])))
    for f in range(k):
        idx = [i for i, e in enumerate(examples) if fold_of[e.group] == f]
        model = fit_lexical([e for e in examples if fold_of[e.group] != f], heads, context_chars=0)
        probs[idx] = np.exp(model.predict_log([examples[i].item for i in idx])[head])
    return probs


def write_model(examples: Sequence[Example], heads: list[dict[str, Any]], out: Path, info: dict[str, Any],
                card_file: str) -> None:
    """Fit on every example and write the model and its card (``info`` gains the version)."""
    lexical = fit_lexical(examples, heads, context_chars=0)
    out.mkdir(parents=True, exist_ok=True)
    lexical.save(out)
    info["version"] = weights_version(out / LEXICAL_FILE)
    (out / card_file).write_text(json.dumps(info, indent=2) + "\n", "utf-8")


def build_model(examples: Sequence[Example], sources: list[str], out: Path, *, name: str, head: str,
                labels: Sequence[str], role: str, card_file: str, cv: int,
                score: Callable[[list[str], list[str], np.ndarray, list[bool]], dict[str, Any]],
                choose: Callable[[dict[str, Any]], float]) -> dict[str, Any]:
    """One head ``head`` (``labels``, read in ``role``'s turns) fitted on ``examples``, and its
    card (``name``, the ``sources`` it was trained on, counts). Cross-validate (``cv`` folds; 0:
    none, threshold 0.5): ``score`` turns the texts, their labels, the out-of-fold probabilities
    and which examples are written (not AnnoMI's) into the card's ``cross_validation``, and
    ``choose`` picks its ``threshold`` from that; then fit on everything and write the model.
    Returns the card."""
    heads = [{"name": head, "labels": list(labels), "role": role}]
    info: dict[str, Any] = {"name": name, "trained_on": sources, "turns": len(examples),
                            "labels_count": {c: sum(e.labels[head] == c for e in examples) for c in labels}}
    if cv:
        probs = out_of_fold(examples, heads, head, cv)
        result = score([e.item.text for e in examples], [e.labels[head] for e in examples], probs,
                       [not e.group.startswith("annomi:") for e in examples])
        info["cross_validation"] = {"folds": cv, **result}
        info["threshold"] = choose(result)
    else:
        info["threshold"] = 0.5
    write_model(examples, heads, out, info, card_file)
    return info
