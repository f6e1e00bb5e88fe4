"""Does a second classifier over the encoder's predictions of neighbouring utterances help?

The coding model reads an utterance and the two before it. This experiment asks whether
the predictions for utterances further away (two either side) and their means over the
conversation add anything, by fitting a logistic regression per task on out-of-fold class
probabilities and scoring it on folds it was not fitted on. It needs the fold models of

    rapportlens train --dataset annomi --data ../shared/data/annomi --cv 5 --keep-folds folds --out cv-model

(any subset of ``folds/fold-N`` that exists is used: each fold's utterances are predicted by
the model that did not train on them), then

    /path/to/train-venv/bin/python eval/neighbour_stacking.py --data ../shared/data/annomi --fold-models folds

Prints macro-F1 of the encoder's argmax and of the regression over each set of feature
blocks (argmax for both, no per-class offsets). Result on 2026-12-01: every block beyond
the utterance's own probabilities lowered macro-F1 (docs/accuracy.md), so the shipped
coder has no such layer.
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from rapportlens.coding.inputs import speaks_as
from rapportlens.coding.onnx_model import CodingModel
from rapportlens.datasets import load
from rapportlens.model import Role
from rapportlens.training.calibrate import macro_f1
from rapportlens.training.trainer import folds

BLOCKS = {"self": 0, "-2": -2, "-1": -1, "+1": 1, "+2": 2}
VARIANTS = (["self"], ["self", "-1", "+1"], ["self", "-2", "-1", "+1", "+2"],
            ["self", "-2", "-1", "+1", "+2", "rest"])


def vectors(probs, head_roles, roles):
    """Per utterance: its role, then each head's probabilities where the head codes that role."""
    cols = [np.array([[float(r is not None and Role(r) == role)] for r in roles])
            for role in (Role.PRACTITIONER, Role.CLIENT)]
    for name in sorted(head_roles):
        mask = np.array([speaks_as(head_roles[name], r) for r in roles], dtype=float)
        cols.append(probs[name] * mask[:, None])
    return np.hstack(cols)


def blocks(v, groups):
    out = {name: np.zeros_like(v) for name in [*BLOCKS, "rest"]}
    starts = [0] + [i for i in range(1, len(groups)) if groups[i] != groups[i - 1]] + [len(groups)]
    for a, b in itertools.pairwise(starts):
        seg = v[a:b]
        for name, shift in BLOCKS.items():
            moved = seg.copy() if shift == 0 else np.zeros_like(seg)
            if shift < 0 and len(seg) > -shift:
                moved[-shift:] = seg[:shift]
            elif shift > 0 and len(seg) > shift:
                moved[:-shift] = seg[shift:]
            out[name][a:b] = moved
        out["rest"][a:b] = (seg.sum(0) - seg) / max(len(seg) - 1, 1)  # the utterance left out
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dataset", default="annomi")
    ap.add_argument("--data", required=True)
    ap.add_argument("--fold-models", required=True, type=Path)
    ap.add_argument("--k", type=int, default=5, help="folds of the cross-validation that made the fold models")
    ap.add_argument("--c", type=float, default=0.1, help="inverse L2 strength of the regression")
    ap.add_argument("--class-weight", choices=("balanced", "none"), default="balanced",
                    help="balanced: rare classes weigh as much as common ones (macro-F1 counts them equally)")
    args = ap.parse_args()
    args.class_weight = None if args.class_weight == "none" else args.class_weight
    ds = load(args.dataset, args.data)
    fold_of = folds([e.group for e in ds.examples], args.k, 0)
    present = [f for f in range(args.k) if (args.fold_models / f"fold-{f + 1}").is_dir()]
    examples = [e for e in ds.examples if fold_of[e.group] in present]
    fold = np.array([fold_of[e.group] for e in examples])
    probs, heads = {}, {}
    for f in present:
        model = CodingModel(args.fold_models / f"fold-{f + 1}")
        heads = {h.name: (h.role, h.labels) for h in model.card.heads}
        rows = np.flatnonzero(fold == f)
        for name, p in model.predict([examples[i].item for i in rows]).items():
            probs.setdefault(name, np.zeros((len(examples), p.shape[1])))[rows] = p
    v = vectors(probs, {n: r for n, (r, _) in heads.items()}, [e.item.role for e in examples])
    feats = blocks(v, [e.group for e in examples])
    result = {"folds": [f + 1 for f in present], "conversations": len({e.group for e in examples}), "tasks": {}}
    for name in ("therapist_behaviour", "client_talk_type", "strategy"):
        if name not in heads:
            continue
        labels = list(heads[name][1])
        rows = np.array([i for i, e in enumerate(examples) if name in e.labels])
        gold = np.array([labels.index(examples[i].labels[name]) for i in rows])
        task = {"n": len(rows), "encoder": round(macro_f1(gold, probs[name][rows].argmax(1), len(labels)), 4)}
        for variant in VARIANTS:
            x = np.hstack([feats[b][rows] for b in variant])
            pred = np.zeros(len(rows), dtype=int)
            for f in present:
                test = fold[rows] == f
                mean, sd = x[~test].mean(0), x[~test].std(0) + 1e-6
                lr = LogisticRegression(C=args.c, max_iter=3000, class_weight=args.class_weight).fit((x[~test] - mean) / sd, gold[~test])
                pred[test] = lr.predict((x[test] - mean) / sd)
            task[" ".join(variant)] = round(macro_f1(gold, pred, len(labels)), 4)
        result["tasks"][name] = task
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
