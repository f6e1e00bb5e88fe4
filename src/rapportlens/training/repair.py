"""Build the repair model (``coding.repair_model``): a lexical logistic regression that tells a
practitioner's repair from the rest of their talk.

    python -m rapportlens.training.repair --cv 5 --out src/rapportlens/models/repair-lexical \
        --annomi ../shared/data/annomi data/repairs/*.csv

Trained on turns written for RapportLens (CSV columns ``code`` = repair or none, ``text``),
each also with a spoken opening and as typed in a chat, and on AnnoMI practitioner turns
(public domain) as ordinary talk, leaving out the turns the rules already code as a repair.
Takes seconds. Cross-validation splits written turns (with their copies) and AnnoMI
transcripts into folds; the threshold is the lowest at which the model alone codes fewer than
``ALARM_BUDGET`` of AnnoMI's practitioner turns, since real repairs are rare there, and rules
and model together keep ``MIN_PRECISION`` on the written turns.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import numpy as np

from ..coding.inputs import Item
from ..coding.repair_model import CARD_FILE, HEAD, LABELS, MODEL, RepairModel, reads
from ..coding.rules import apply_rules
from ..datasets import Example
from ..model import Role
from .augment import sentence_model_args, written_examples
from .cv_scores import flag_rates
from .sentence_lexical import build_model

ANNOMI_TURNS = 2000
THRESHOLDS = np.round(np.arange(0.3, 0.96, 0.05), 2)
ALARM_BUDGET = 0.005  # AnnoMI practitioner turns the model alone codes as a repair
# ... and on the written turns, whose near misses (sympathy, pushing on, a question about the
# client's feelings) are what a practitioner says right after a rupture, at least this precision.
MIN_PRECISION = 0.7


def rule_repair(text: str) -> bool:
    return any(h.code == HEAD and h.confidence >= 0.5 for h in apply_rules(text, Role.PRACTITIONER))


def annomi_ordinary(folder: Path, n: int = ANNOMI_TURNS, seed: int = 0) -> list[Example]:
    """AnnoMI practitioner turns no rule codes as a repair, in a fixed shuffled order."""
    from ..datasets import annomi

    pool = sorted({(e.item.text, e.group) for e in annomi.load(folder).examples
                   if str(e.item.role) == str(Role.PRACTITIONER) and not rule_repair(e.item.text)})
    random.Random(seed).shuffle(pool)
    return [Example(Item(Role.PRACTITIONER, t), {HEAD: "none"}, f"annomi:{g}", f"AnnoMI transcript {g}")
            for t, g in pool[:n]]


def scores(texts: list[str], gold: list[str], probs: np.ndarray, is_written: list[bool]) -> dict[str, Any]:
    """Per threshold: recall and precision of rules + model on the written turns, and the share
    of AnnoMI turns the model codes (an alarm rate: nobody labelled them); ``probs`` holds
    P(none), P(repair) per turn."""
    probs = probs[:, 1]
    by_rules = [rule_repair(t) for t in texts]
    read = [reads(t) for t in texts]
    want = [g == HEAD for g in gold]
    written = np.asarray(is_written)
    sweep = {}
    for t in THRESHOLDS:
        model = np.array([bool(p >= t and m) for p, m in zip(probs, read)])
        found = model | np.asarray(by_rules)
        sweep[str(t)] = {**flag_rates(found[written], np.asarray(want)[written]),
                         "annomi_rate": round(float(model[~written].mean()) if (~written).any() else 0.0, 4)}
    return {"rules": flag_rates(np.asarray(by_rules)[written], np.asarray(want)[written]), "by_threshold": sweep}


def choose_threshold(cv: dict[str, Any]) -> float:
    for t in THRESHOLDS:
        r = cv["by_threshold"][str(t)]
        if r["annomi_rate"] < ALARM_BUDGET - 1e-9 and r["precision"] >= MIN_PRECISION:
            return float(t)
    return float(THRESHOLDS[-1])


def build(paths: list[Path], out: Path, cv: int = 5, annomi: Path | None = None) -> dict[str, Any]:
    ex = written_examples(paths, "code", LABELS, HEAD)
    sources = [str(p) for p in paths]
    if annomi:
        ex += annomi_ordinary(annomi)
        sources.append(f"{annomi} (practitioner turns as ordinary talk)")
    info = build_model(ex, sources, out, name=MODEL, head=HEAD, labels=LABELS, role="practitioner",
                       card_file=CARD_FILE, cv=cv, score=scores, choose=choose_threshold)
    RepairModel.load(out)  # fails here, not in analyze, if what was written cannot be read
    return info


def main(argv: list[str] | None = None) -> None:
    args = sentence_model_args(__doc__, "code", argv)
    info = build(args.files, args.out, args.cv, annomi=args.annomi)
    t = str(info["threshold"])
    if "cross_validation" in info:
        cv = info["cross_validation"]
        r, rules = cv["by_threshold"][t], cv["rules"]
        print(f"repair: rules + model recall {r['recall']}, precision {r['precision']} on the written turns, AnnoMI "
              f"turns coded by the model {r['annomi_rate']:.2%} (rules alone {rules['recall']} / {rules['precision']})")
    print(f"threshold {info['threshold']}; written to {args.out} ({info['name']}@{info['version']})")


if __name__ == "__main__":
    main()
