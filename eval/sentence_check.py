"""How often coding a practitioner's sentences one by one finds a reflection that shares an
utterance with a question, and how often it finds one that is not there.

    python eval/sentence_check.py --data ../shared/data/annomi --fold-models DIR [--json]

AnnoMI labels one main act per utterance, so no utterance says "reflection and question".
This check builds such utterances from AnnoMI's own: a single-sentence reflection joined to
the next single-sentence question of the same transcript ("R Q"); as controls, a question
joined to the next question ("Q Q") and a piece of information or advice joined to the
next question ("I Q"), where no reflection should be found. Each transcript is coded by the
fold model that did not see it (``rapportlens train --cv 5 --keep-folds DIR``; the same
fold split by transcript, seed 0), with the sentence pass off and at several thresholds.
It also reports, for AnnoMI's own utterances of several sentences, how many gain a
reflection or a question by label at the shipped threshold (descriptive: no label says
whether they should).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from rapportlens.coding.coder import SENTENCE_MIN, Coder
from rapportlens.coding.inputs import Item
from rapportlens.coding.onnx_model import CodingModel
from rapportlens.coding.sentences import codable_sentences, sentence_spans
from rapportlens.datasets import load
from rapportlens.training.splits import folds

THRESHOLDS = (None, 0.5, 0.6, 0.7, 0.8, 0.9)  # None: the sentence pass off
SHIPPED = SENTENCE_MIN
REFLECTIONS = {"reflection.simple", "reflection.complex"}
QUESTIONS = {"question.open", "question.closed"}


def single(example) -> bool:
    text = example.item.text.strip()
    return len(sentence_spans(text)) == 1 and len(text.split()) >= 3


def joined(examples) -> dict[str, list[Item]]:
    """The built utterances per kind, from one transcript's therapist examples in order."""
    out = defaultdict(list)
    for k, first in enumerate(examples):
        label = first.labels.get("therapist_behaviour")
        if label not in ("reflection", "question", "therapist_input") or not single(first):
            continue
        if label == "reflection" and first.item.text.strip().endswith("?"):
            continue
        nxt = next((e for e in examples[k + 1:] if e.labels.get("therapist_behaviour") == "question"
                    and single(e) and e.item.text.strip().endswith("?")), None)
        if nxt is None:
            continue
        kind = {"reflection": "R Q", "question": "Q Q", "therapist_input": "I Q"}[label]
        out[kind].append(Item(first.item.role, f"{first.item.text.strip()} {nxt.item.text.strip()}", first.item.context))
    return out


def found(coder: Coder, items: list[Item], threshold: float | None) -> Counter:
    """How many of ``items`` get a reflection and a question code, with the sentence pass at
    ``threshold`` (None: off)."""
    coder.sentence_min = threshold
    counts = Counter(n=len(items))
    for cs in coder.code(items):
        got = {c.code for c in cs}
        counts["reflection"] += bool(got & REFLECTIONS)
        counts["question"] += bool(got & QUESTIONS)
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--fold-models", type=Path, required=True)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    dataset = load("annomi", args.data)
    therapist = [e for e in dataset.examples if "therapist_behaviour" in e.labels]
    fold_of = folds([e.group for e in dataset.examples], 5, 0)
    built: dict[str, dict[int, list[Item]]] = defaultdict(lambda: defaultdict(list))
    natural: dict[int, list[tuple[str, Item]]] = defaultdict(list)
    by_group = defaultdict(list)
    for e in therapist:
        by_group[e.group].append(e)
    for group, examples in by_group.items():
        for kind, items in joined(examples).items():
            built[kind][fold_of[group]].extend(items)
        natural[fold_of[group]].extend((e.labels["therapist_behaviour"], e.item) for e in examples
                                       if codable_sentences(e.item.text))
    result: dict = {"built": {}, "natural": {}}
    counts: dict = defaultdict(lambda: defaultdict(Counter))
    for fold in range(5):
        coder = Coder(CodingModel(args.fold_models / f"fold-{fold + 1}"))
        for kind, per_fold in built.items():
            items = per_fold[fold]
            for t in THRESHOLDS:
                counts[kind][str(t)] += found(coder, items, t)
        by_label = defaultdict(list)
        for label, item in natural[fold]:
            by_label[label].append(item)
        for label, items in by_label.items():
            for t in (None, SHIPPED):
                counts[f"natural {label}"][str(t)] += found(coder, items, t)
    for kind, per_t in counts.items():
        section = result["natural" if kind.startswith("natural") else "built"]
        section[kind] = {t: {"n": c["n"], "reflection": round(c["reflection"] / max(c["n"], 1), 3),
                             "question": round(c["question"] / max(c["n"], 1), 3)} for t, c in per_t.items()}
    if args.json:
        print(json.dumps(result, indent=1))
        return
    for section, kinds in result.items():
        print(section)
        for kind, per_t in kinds.items():
            for t, r in per_t.items():
                print(f"  {kind:24} threshold {t:>4}: n={r['n']:4}  with a reflection {r['reflection']:.3f}"
                      f"  with a question {r['question']:.3f}")


if __name__ == "__main__":
    main()
