"""Build the engagement model (``coding.engagement``): a lexical logistic regression that
sorts one client turn into none, confrontation or withdrawal.

    python -m rapportlens.training.engagement --cv 5 --out src/rapportlens/models/engagement-lexical \
        --annomi ../shared/data/annomi data/ruptures/*.csv

Trained on turns written for RapportLens (CSV columns ``code``, ``text``; among them the
client turns of the project's written sessions, ``data/ruptures/train_sessions.csv``, which
``eval/session_turns.py`` writes), each also with a
spoken opening and as typed in a chat (as the risk model), and on AnnoMI client turns
(public domain) as ordinary talk, leaving out turns the rules already code as a rupture
marker (some are real withdrawal). Takes seconds. Cross-validation splits written turns
(with their copies) and AnnoMI transcripts into folds and scores each turn as ``analyze``
does: coded when the rules or the model give the code.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import numpy as np

from ..coding.engagement import CARD_FILE, HEAD, LABELS, MODEL, EngagementModel, reads
from ..coding.inputs import Item
from ..coding.rules import apply_rules
from ..datasets import Example
from ..model import Role
from .augment import sentence_model_args, written_examples
from .cv_scores import flag_rates
from .sentence_lexical import build_model

ANNOMI_TURNS = 2000  # ordinary talk; about four times the written turns
THRESHOLDS = np.round(np.arange(0.3, 0.96, 0.05), 2)
ALARM_BUDGET = 0.005  # AnnoMI client turns coded by the model alone, both codes together
RUPTURE_CODES = LABELS[1:]


def rule_codes(text: str) -> set[str]:
    """The rupture codes the rules give with a rupture's confidence (a bare "Fine." gets a
    weaker withdrawal code, and is ordinary talk on its own)."""
    return {h.code for h in apply_rules(text, Role.CLIENT) if h.code in RUPTURE_CODES and h.confidence >= 0.5}


def read_turns(paths: list[Path]) -> list[Example]:
    return written_examples(paths, "code", LABELS, HEAD)


def annomi_pool(folder: Path, seed: int = 0) -> list[tuple[str, str]]:
    """AnnoMI's client turns (text, transcript) that no rule codes as a rupture marker, in a
    fixed shuffled order: the first ``ANNOMI_TURNS`` are trained on, the rest never are."""
    from ..datasets import annomi

    pool = sorted({(e.item.text, e.group) for e in annomi.load(folder).examples
                   if str(e.item.role) == str(Role.CLIENT) and not rule_codes(e.item.text)})
    random.Random(seed).shuffle(pool)
    return pool


def annomi_ordinary(folder: Path, n: int = ANNOMI_TURNS, seed: int = 0) -> list[Example]:
    return [Example(Item(Role.CLIENT, t), {HEAD: "none"}, f"annomi:{g}", f"AnnoMI transcript {g}")
            for t, g in annomi_pool(folder, seed)[:n]]


def scores(texts: list[str], gold: list[str], probs: np.ndarray, is_written: list[bool]) -> dict[str, Any]:
    """Per code and threshold: recall and precision of rules + model, the rules alone, and
    the share of AnnoMI turns coded (an alarm rate: nobody labelled them)."""
    by_rules = [rule_codes(t) for t in texts]
    read = [reads(t) for t in texts]  # the turns analyze gives the model
    out: dict[str, Any] = {}
    for j, code in enumerate(LABELS[1:], start=1):
        want = [g == code for g in gold]
        sweep = {}
        for t in THRESHOLDS:
            found = [bool(code in r or (p >= t and m)) for r, p, m in zip(by_rules, probs[:, j], read)]
            sweep[str(t)] = {**flag_rates(found, want), "annomi_rate": round(
                sum(bool(f) for f, w in zip(found, is_written) if not w) / max(1, sum(not w for w in is_written)), 4)}
        out[code] = {"rules": flag_rates([code in r for r in by_rules], want), "by_threshold": sweep}
    return out


def choose_threshold(cv: dict[str, Any]) -> float:
    """The lowest threshold at which the model codes less than ``ALARM_BUDGET`` of AnnoMI's
    ordinary client turns as a rupture marker. In real sessions ruptures are rare, so the
    alarm rate on ordinary talk, not the balance of the written turns, decides how often a
    reported rupture is false; one marked turn makes a rupture."""
    for t in THRESHOLDS:
        # Strictly below: a rate on the budget is within one turn of being over it, and the
        # second opinion spends extra alarms better than a lower threshold would
        # (docs/analyzers/ruptures.md).
        if sum(cv[c]["by_threshold"][str(t)]["annomi_rate"] for c in RUPTURE_CODES) < ALARM_BUDGET - 1e-9:
            return float(t)
    return float(THRESHOLDS[-1])


def build(paths: list[Path], out: Path, cv: int = 5, annomi: Path | None = None) -> dict[str, Any]:
    ex = read_turns(paths)
    sources = [str(p) for p in paths]
    if annomi:
        ex += annomi_ordinary(annomi)
        sources.append(f"{annomi} (client turns as ordinary talk)")
    info = build_model(ex, sources, out, name=MODEL, head=HEAD, labels=LABELS, role="client",
                       card_file=CARD_FILE, cv=cv, score=scores, choose=choose_threshold)
    EngagementModel.load(out)  # fails here, not in analyze, if what was written cannot be read
    return info


def main(argv: list[str] | None = None) -> None:
    args = sentence_model_args(__doc__, "code", argv)
    info = build(args.files, args.out, args.cv, annomi=args.annomi)
    cv = info.get("cross_validation", {})
    t = str(info["threshold"])
    for code in RUPTURE_CODES:
        if code in cv:
            r, rules = cv[code]["by_threshold"][t], cv[code]["rules"]
            print(f"{code}: rules + model recall {r['recall']}, precision {r['precision']}, AnnoMI turns coded "
                  f"{r['annomi_rate']:.2%} (rules alone {rules['recall']} / {rules['precision']})")
    print(f"threshold {info['threshold']}; written to {args.out} ({info['name']}@{info['version']})")


if __name__ == "__main__":
    main()
