"""Does where an utterance falls in the conversation add to the encoder's prediction?

Support conversations move through stages (exploring, comforting, suggesting) and MI
sessions tend to end on commitment, so an utterance's relative position might say what the
two utterances of context do not. This fits a logistic regression on out-of-fold class
probabilities saved by

    python eval/fold_experiment.py --dataset esconv --data ../shared/data/esconv --fold N --save-probs fN.npz

with and without position features, 5-fold over conversations within the saved folds, and
prints macro-F1 of the plain argmax, of the regression on the log-probabilities alone
(what recalibration alone does) and with position added:

    python eval/position_stacking.py --dataset esconv --data ../shared/data/esconv --task strategy 0:f0.npz 3:f3.npz

Files saved with ``--only-role client`` need ``--only-role client`` here too. Result on
2026-12-02: position adds at most 0.01 over the regression on log-probabilities, which
itself loses more than that against the argmax (docs/accuracy.md), so the coder has no
such layer.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict

import numpy as np
from sklearn.linear_model import LogisticRegression

from rapportlens.datasets import load
from rapportlens.metrics import score
from rapportlens.training.settings import DEFAULTS
from rapportlens.training.trainer import folds

BINS = ((0, 0.1), (0.1, 0.25), (0.25, 0.5), (0.5, 0.75), (0.75, 0.9), (0.9, 1.01))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dataset", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--task", required=True)
    ap.add_argument("--k", type=int, default=5, help="folds of the split the probabilities were saved from")
    ap.add_argument("--only-role", choices=("client", "practitioner"))
    ap.add_argument("--class-weight", choices=("balanced", "none"), default="balanced")
    ap.add_argument("probs", nargs="+", metavar="FOLD:FILE.npz")
    args = ap.parse_args()
    ds = load(args.dataset, args.data)
    fold_of = folds([e.group for e in ds.examples], args.k, DEFAULTS["seed"])
    index, length = {}, defaultdict(int)
    for e in ds.examples:  # the adapters list a conversation's utterances in order
        index[id(e)] = length[e.group]
        length[e.group] += 1
    labels = list(next(t for t in ds.tasks if t.name == args.task).labels)
    logp, rel, early, size, gold, groups = [], [], [], [], [], []
    for spec in args.probs:
        fold, path = spec.split(":", 1)
        saved = np.load(path)
        test = [e for e in ds.examples if fold_of[e.group] == int(fold) and e.labels]
        if args.only_role:
            test = [e for e in test if str(e.item.role) == args.only_role]
        if list(saved["groups"]) != [e.group for e in test]:
            raise SystemExit(f"{path}: its utterances are not fold {fold}'s (wrong fold, dataset or --only-role?)")
        for e, p in zip(test, saved[args.task]):
            if args.task in e.labels:
                logp.append(np.log(np.maximum(p, 1e-9)))
                rel.append(index[id(e)] / max(1, length[e.group] - 1))
                early.append(min(index[id(e)], 10) / 10)
                size.append(np.log1p(length[e.group]) / 4)
                gold.append(labels.index(e.labels[args.task]))
                groups.append(e.group)
    logp, rel, gold = np.array(logp), np.array(rel), np.array(gold)
    bins = np.stack([(rel >= a) & (rel < b) for a, b in BINS], 1).astype(float)
    variants = {"log-probabilities": logp, "+ relative position": np.c_[logp, rel, rel ** 2],
                "+ position bins": np.c_[logp, bins], "+ bins, index, length": np.c_[logp, bins, early, size]}
    rng = np.random.default_rng(0)
    order = sorted(set(groups))
    rng.shuffle(order)
    part_of = {g: i % 5 for i, g in enumerate(order)}  # the second stage's own 5 folds, not --k
    part = np.array([part_of[g] for g in groups])

    def f1(pred) -> float:
        return round(score(args.dataset, args.task, labels, [labels[y] for y in gold],
                           [labels[j] for j in pred]).macro_f1, 4)

    result = {"n": len(gold), "conversations": len(order), "argmax": f1(logp.argmax(1))}
    weight = None if args.class_weight == "none" else "balanced"
    for name, x in variants.items():
        pred = np.zeros(len(gold), dtype=int)
        for q in range(5):
            lr = LogisticRegression(C=1.0, max_iter=3000, class_weight=weight).fit(x[part != q], gold[part != q])
            pred[part == q] = lr.predict(x[part == q])
        result[name] = f1(pred)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
