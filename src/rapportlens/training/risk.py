"""Build the risk model: all-MiniLM-L6-v2 fine-tuned to sort one sentence into "none" or a
risk category, exported to int8 ONNX (``models/risk-minilm``).

    python -m rapportlens.training.risk --cv 3 --out src/rapportlens/models/risk-minilm \
        --annomi ../shared/data/annomi data/risk/*.csv tests/data/risk/sentences.csv

Trained on sentences written for RapportLens (CSV columns ``category``, ``text``) and, as
examples of ordinary talk, client sentences from AnnoMI (public domain): without them the
model knows too little of everyday talk and flags a third of real clients' turns. AnnoMI
turns that a risk pattern flags are left out, since some are real disclosures.
The patterns in ``rapport/risk_patterns.toml`` and this model vote together (see
``rapport/risk.py``), so cross-validation scores that combination, the way `analyze`
flags: a sentence counts as flagged when the patterns or the model flag it.
"""

from __future__ import annotations

import json
import random
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from ..coding.inputs import Item
from ..coding.onnx_model import CodingModel
from ..datasets import Dataset, Example, Task
from ..model import Role
from ..rapport.risk import CATEGORY_NAMES, NONE, combine, model_scores, pattern_flags, units
from .augment import sentence_model_args, written_examples
from .cv_scores import flag_rates
from .trainer import export, fit, folds

LABELS = (NONE, *CATEGORY_NAMES)
SETTINGS = {"epochs": 4, "lr": 1e-4, "batch_size": 16, "max_length": 64, "seed": 0, "freeze": 0}
ANNOMI_SENTENCES = 2000  # enough to learn ordinary talk; 4,000 cost recall on the holdouts (data/risk/next/README.md)
def annomi_ordinary(folder: Path, n: int = ANNOMI_SENTENCES, seed: int = 0) -> list[Example]:
    """Client turns and sentences from AnnoMI as "none" examples, grouped by transcript."""
    from ..datasets import annomi

    pool = []
    for e in annomi.load(folder).examples:
        text = e.item.text
        if str(e.item.role) != str(Role.CLIENT) or pattern_flags(text):
            continue
        pool += [(text[a:b], e.group) for a, b in units(text)]
    pool = sorted(set(pool))
    random.Random(seed).shuffle(pool)
    return [Example(Item(Role.CLIENT, t), {"risk": NONE}, f"annomi:{g}", f"AnnoMI transcript {g}")
            for t, g in pool[:n]]


def read_sentences(paths: list[Path], annomi: Path | None = None) -> Dataset:
    task = Task("risk", LABELS, "risk category of one client sentence, or none")
    examples = written_examples(paths, "category", LABELS, "risk")
    sources = [str(p) for p in paths]
    if annomi:
        examples += annomi_ordinary(annomi)
        sources.append(f"{annomi} (client sentences as ordinary talk)")
    return Dataset("risk-sentences", (task,), examples, sources)


def _f2(r: dict[str, Any]) -> float:
    # Recall counts four times as much as precision: a missed disclosure costs more than a
    # sentence a person reads and dismisses.
    p, q = r["precision"], r["recall"]
    return 5 * p * q / max(1e-9, 4 * p + q)


def flag_scores(texts: list[str], gold: list[str], p_none: np.ndarray,
                model_categories: list[tuple[str, ...]]) -> dict[str, Any]:
    """Recall and precision of "any risk" for the patterns, the model, and both together,
    at each threshold; ``threshold`` is the one with the best F2 for the combination."""
    pos = np.array([g != NONE for g in gold])
    by_patterns = [pattern_flags(t) for t in texts]
    sweep = {}
    for threshold in np.round(np.arange(0.3, 0.96, 0.05), 2):
        combined = [bool(combine(t, f, c, p, threshold=threshold))
                    for t, f, c, p in zip(texts, by_patterns, model_categories, p_none)]
        sweep[float(threshold)] = flag_rates(np.array(combined), pos)
    best = max(sweep, key=lambda t: (_f2(sweep[t]), -t))
    return {"threshold": best, "patterns": flag_rates(np.array([bool(f) for f in by_patterns]), pos),
            "model": flag_rates(p_none < best, pos), "combined": sweep[best],
            "combined_by_threshold": {str(t): r for t, r in sweep.items()}}


def build(paths: list[Path], out: Path, cv: int = 5, progress: bool = True,
          annomi: Path | None = None) -> dict[str, Any]:
    dataset = read_sentences(paths, annomi)
    ex = dataset.examples
    info: dict[str, Any] = {"trained_on": dataset.sources, "sentences": len(ex), "settings": SETTINGS,
                            "labels_count": dataset.counts()["risk"]}
    if cv:
        fold_of = folds([e.group for e in ex], cv, SETTINGS["seed"])
        p_none = np.zeros(len(ex))
        cats: list[tuple[str, ...]] = [(NONE,)] * len(ex)
        for k in range(cv):
            train = [e for e in ex if fold_of[e.group] != k]
            idx = [i for i, e in enumerate(ex) if fold_of[e.group] == k]
            model, heads = fit(dataset, train, progress=progress, description=f"fold {k + 1}/{cv}", **SETTINGS)
            with tempfile.TemporaryDirectory() as tmp:
                export(model, heads, Path(tmp), name=f"risk-fold-{k + 1}", dataset=dataset,
                       max_length=SETTINGS["max_length"], info={})
                scores = model_scores([ex[i].item.text for i in idx], CodingModel(Path(tmp)))
            for i, (pn, c) in zip(idx, scores):
                p_none[i], cats[i] = pn, c
        gold = [e.labels["risk"] for e in ex]
        info["cross_validation"] = {"folds": cv, **flag_scores([e.item.text for e in ex], gold, p_none, cats)}
        info["threshold"] = info["cross_validation"]["threshold"]
    model, heads = fit(dataset, ex, progress=progress, description="all sentences", **SETTINGS)
    export(model, heads, out, name="risk-minilm", dataset=dataset, max_length=SETTINGS["max_length"], info=info)
    return info


def main(argv: list[str] | None = None) -> None:
    args = sentence_model_args(__doc__, "category", argv)
    print(json.dumps(build(args.files, args.out, args.cv, annomi=args.annomi), indent=2))


if __name__ == "__main__":
    main()
