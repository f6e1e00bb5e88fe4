"""One cross-validation fold of a dataset with chosen training settings: a quick way to compare
settings before paying for a full `rapportlens train --cv 5` (AnnoMI: 14-22 minutes per fold
on 2 cores; EPITOME: about 10; ESConv: about 30).

    /path/to/train-venv/bin/python eval/fold_experiment.py --data ../shared/data/annomi --freeze 1
    /path/to/train-venv/bin/python eval/fold_experiment.py --dataset epitome --data ../shared/data/epitome

Prints uncalibrated macro-F1 per task for that fold, and (``with_offsets``) the same with
per-class offsets fitted on one half of the fold's conversations and scored on the other;
``encoder_only_macro_f1`` is the same model without its lexical companion (``--no-lexical``
leaves that out of training). ``--only-role client`` trains and scores a specialist on one
speaker role's utterances (its heads only).
A context of other than two turns is patched in for the experiment only (adopting it means changing
``rapportlens.coding.inputs``); ``--context-chars`` and ``--max-length`` are model settings
that `rapportlens train` takes and records in the model card.
"""

from __future__ import annotations

import argparse
import functools
import json
import tempfile
import time
from pathlib import Path

import numpy as np

from rapportlens.coding import inputs
from rapportlens.coding.onnx_model import CodingModel
from rapportlens.datasets import annomi, esconv, load
from rapportlens.metrics import score
from rapportlens.training.calibrate import nested_predictions
from rapportlens.training.lexical import fit_lexical
from rapportlens.training.settings import (
    DATASET_DEFAULTS,
    DEFAULTS,
    FIT_KEYS,
    lexical_context_chars,
    settings_for,
)
from rapportlens.training.trainer import export, fit, folds


def with_reply(conversation, items_for, before: int, after: int) -> list[inputs.Item]:
    """Items whose context also holds the start of the reply: how the other person answered
    often shows what an utterance did (a question gets an answer; change talk gets reflected)."""
    items = items_for(conversation)
    roles = {s.name: s.role for s in conversation.speakers}
    utts = conversation.utterances
    out = []
    for k, item in enumerate(items):
        context = inputs.context_text(item, before)
        if k + 1 < len(utts):
            reply = utts[k + 1]
            context += f"\n(reply) {inputs.role_word(roles[reply.speaker])}: {reply.text.strip()[:after]}"
        out.append(inputs.Item(item.role, item.text, context))
    return out


def with_topic(conversation, items_for, before: int) -> list[inputs.Item]:
    """Items whose context starts with the session's target behaviour (AnnoMI's ``topic``):
    change and sustain talk are defined against it, and it is often named only at the start."""
    topic = " ".join(str(conversation.meta.get("topic", "")).split()) or "unknown"
    return [inputs.Item(i.role, i.text, f"(target: {topic})\n" + inputs.context_text(i, before))
            for i in items_for(conversation)]


def longer_for_clients(conversation, items_for, turns: int, chars: int, others: int) -> list[inputs.Item]:
    """Client utterances read ``turns`` earlier utterances (their last ``chars`` characters);
    everyone else keeps the usual context, cut to ``others`` characters here, so that the
    model's own limit can be ``chars``. Whether change or sustain talk is meant often shows
    only from what was being discussed a little further back."""
    longer = inputs.conversation_items(conversation, turns=turns)
    out = []
    for usual, more in zip(items_for(conversation), longer):
        client = usual.role == inputs.Role.CLIENT
        context = inputs.context_text(more, chars) if client else inputs.context_text(usual, others)
        out.append(inputs.Item(usual.role, usual.text, context))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dataset", default="annomi", choices=("annomi", "esconv", "epitome"))
    ap.add_argument("--data", required=True)
    ap.add_argument("--fold", type=int, default=0)
    ap.add_argument("--k", type=int, default=5)
    ap.add_argument("--split-seed", type=int, default=DEFAULTS["seed"],
                    help="seed of the conversation split; --seed changes only the training run")
    ap.add_argument("--context-turns", type=int, default=inputs.CONTEXT_TURNS)
    for key, value in DEFAULTS.items():
        kind = type(value) if value is not None else float if key.endswith("lr") else int
        ap.add_argument(f"--{key.replace('_', '-')}", type=kind, default=None,
                        help=f"default {DATASET_DEFAULTS.get('epitome', {}).get(key, value)} for epitome, else {value}")
    ap.add_argument("--next-chars", type=int, default=0,
                    help="also show the model the start of the next utterance (the reply), this many characters")
    ap.add_argument("--client-context", metavar="TURNS:CHARS",
                    help="client utterances read this much earlier talk; the others keep --context-chars")
    ap.add_argument("--topic", action="store_true",
                    help="start every context with the session's target behaviour (AnnoMI's topic)")
    ap.add_argument("--only-role", choices=("client", "practitioner"),
                    help="train and score one speaker role alone: would a specialist encoder do better?")
    ap.add_argument("--no-lexical", action="store_true", help="the encoder alone, without the n-gram model")
    ap.add_argument("--lexical-context-chars", type=int,
                    help="characters of earlier talk the n-gram model reads (default: as the dataset's own "
                         "training does), so the encoder and the n-gram model can read different amounts")
    ap.add_argument("--save-probs", metavar="FILE.npz", help="keep the fold's predicted probabilities")
    args = ap.parse_args()
    settings = settings_for(args.dataset, {k: getattr(args, k) for k in FIT_KEYS if getattr(args, k) is not None})
    items_for = functools.partial(inputs.conversation_items, turns=args.context_turns)
    if args.next_chars:
        items_for = functools.partial(with_reply, items_for=items_for, before=settings["context_chars"],
                                      after=args.next_chars)
        settings["context_chars"] += args.next_chars + 40  # room for both; the split is made in with_reply
    if args.client_context:
        turns, chars = (int(x) for x in args.client_context.split(":"))
        items_for = functools.partial(longer_for_clients, items_for=items_for, turns=turns, chars=chars,
                                      others=settings["context_chars"])
        settings["context_chars"] = max(chars, settings["context_chars"]) + 3  # room for the "..." mark
    if args.topic:
        items_for = functools.partial(with_topic, items_for=items_for, before=settings["context_chars"])
        settings["context_chars"] += 80  # room for the target; the cut is made in with_topic
    for adapter in (annomi, esconv):
        adapter.conversation_items = items_for
    dataset = load(args.dataset, args.data)
    fold_of = folds([e.group for e in dataset.examples], args.k, args.split_seed)
    train = [e for e in dataset.examples if fold_of[e.group] != args.fold]
    test = [e for e in dataset.examples if fold_of[e.group] == args.fold and e.labels]
    if args.only_role:
        train, test = ([e for e in part if str(e.item.role) == args.only_role] for part in (train, test))
    lexical_chars = (args.lexical_context_chars if args.lexical_context_chars is not None
                     else lexical_context_chars(args.dataset, settings))
    start = time.perf_counter()
    model, heads = fit(dataset, train, progress=False, **{k: settings[k] for k in FIT_KEYS})
    minutes = (time.perf_counter() - start) / 60
    with tempfile.TemporaryDirectory() as tmp:
        export(model, heads, Path(tmp), name="fold", dataset=dataset, max_length=settings["max_length"],
               context_chars=settings["context_chars"],
               practitioner_context_chars=settings["practitioner_context_chars"], info={},
               lexical=None if args.no_lexical else fit_lexical(train, heads, lexical_chars))
        coder = CodingModel(tmp)
        probs = coder.predict([e.item for e in test])
        if coder.lexical:  # the same encoder without its n-gram companion, for comparison
            encoder_probs = coder.predict([e.item for e in test], with_lexical=False)
    result = {"dataset": args.dataset, "settings": {**settings, "context_turns": args.context_turns,
                                                    "next_chars": args.next_chars,
                                                    "client_context": args.client_context,
                                                    "only_role": args.only_role, "topic": args.topic,
                                                    "lexical": not args.no_lexical,
                                                    "lexical_context_chars": None if args.no_lexical else lexical_chars},
              "fold": args.fold, "train_minutes": round(minutes, 1), "macro_f1": {}, "with_offsets": {}}
    if not args.no_lexical:
        result["encoder_only_macro_f1"] = {}
    # Offsets as `train --cv` fits them, estimated inside this fold: each half of its
    # conversations is scored with offsets fitted on the other half.
    half = {g: i % 2 for i, g in enumerate(dict.fromkeys(e.group for e in test))}
    for h in heads:
        rows = [i for i, e in enumerate(test) if h["name"] in e.labels]
        gold = [test[i].labels[h["name"]] for i in rows]
        pred = [h["labels"][int(np.argmax(probs[h["name"]][i]))] for i in rows]
        result["macro_f1"][h["name"]] = round(score(args.dataset, h["name"], h["labels"], gold, pred).macro_f1, 3)
        if not args.no_lexical:
            alone = [h["labels"][int(np.argmax(encoder_probs[h["name"]][i]))] for i in rows]
            result["encoder_only_macro_f1"][h["name"]] = round(
                score(args.dataset, h["name"], h["labels"], gold, alone).macro_f1, 3)
        logp = np.log(np.maximum(probs[h["name"]][rows], 1e-9))
        shifted = nested_predictions(logp, np.array([h["labels"].index(g) for g in gold]),
                                     [half[test[i].group] for i in rows])
        result["with_offsets"][h["name"]] = round(
            score(args.dataset, h["name"], h["labels"], gold, [h["labels"][j] for j in shifted]).macro_f1, 3)
    if args.save_probs:
        # The encoder's own probabilities and the gold labels too, so that folds saved by
        # different runs can be combined and scored afterwards (e.g. two encoders' views).
        extra = {f"encoder:{k}": v for k, v in encoder_probs.items()} if coder.lexical else {}
        gold = {f"gold:{h['name']}": np.array([e.labels.get(h["name"], "") for e in test]) for h in heads}
        gold.update({f"labels:{h['name']}": np.array(h["labels"]) for h in heads})
        np.savez(args.save_probs, groups=[e.group for e in test], **probs, **extra, **gold)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
