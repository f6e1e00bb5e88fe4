"""Training settings: the defaults and each dataset's own. Kept free of torch, so the
command line and tests can read them without the training extra."""

from __future__ import annotations

from typing import Any

# ``layers``: how many of the encoder's six layers are kept (fewer run faster; on one AnnoMI
# fold 4 or 5 layers cost accuracy, docs/accuracy.md).
# ``practitioner_context_chars``: earlier talk the encoder reads before a practitioner's
# utterances (None: ``context_chars``, as before everyone's).
# ``pooling``: what the heads read (``POOLINGS``); on AnnoMI, 5-fold, ``target`` raised
# therapist behaviour but not client talk type, and ``both`` lost client talk type on two
# folds (docs/accuracy.md), so ``mean`` stays.
# ``encoder_lr``: the learning rate of the encoder's trained layers (None: ``lr``, as the
# heads'); a lower one lets every layer train without the heads' rate unsettling them.
DEFAULTS = {"epochs": 3, "lr": 3e-4, "batch_size": 32, "max_length": 128, "seed": 0, "freeze": 3,
            "context_chars": 160, "practitioner_context_chars": None, "class_weight_power": 0.5, "layers": 6,
            "pooling": "mean", "encoder_lr": None}
# EPITOME's labels describe the reply, and its replies are long. Reading the reply alone
# (no characters of the seeker's post), up to 256 tokens, beat 320 characters of the post in
# 5-fold CV: 0.774 / 0.568 / 0.716 macro-F1 against 0.747 / 0.568 / 0.726, the encoder alone
# 0.761 / 0.574 / 0.718 against 0.731 / 0.546 / 0.675 (docs/accuracy.md).
# ``second_view``: characters of earlier talk a second encoder reads, trained beside the first
# on the same examples; the model then averages the two encoders' log-probabilities (None: one
# encoder). On ESConv the reply alone and the reply after 160 characters of earlier talk err on
# different utterances (docs/accuracy.md, "Two views").
# ``lexical_weight``: how much the lexical companion weighs in every head of a model trained
# without cross-validation to choose it (None: 0.5, or ``SECOND_VIEW_LEXICAL_WEIGHT`` with two
# views). On five EPITOME folds (session 48) 0.25 beat 0.5 on average in all three tasks:
# 0.775 / 0.575 / 0.713 against 0.772 / 0.563 / 0.681 macro-F1, explorations in four folds of
# five; the 5-fold run of 2026-12-04 chose 0.25 for two heads of three out of fold
# (docs/accuracy.md). EPITOME trains 6 epochs, not 3: its training set is a seventh of
# ESConv's, and over the same five folds 6 epochs scored explorations 0.739 against 0.713
# (the encoder alone 0.750 against 0.701, better or level in every fold), with emotional
# reactions and interpretations level (0.774 / 0.575 against 0.775 / 0.575).
DATASET_DEFAULTS: dict[str, dict[str, Any]] = {"epitome": {"max_length": 256, "context_chars": 0, "lexical_weight": 0.25,
                                                           "epochs": 6},
                                               "esconv": {"second_view": 0}}
# Without cross-validation to choose it, a two-view model's lexical companion weighs this much
# (one encoder's: 0.5). On five ESConv folds the pair scored 0.524 with the lexical model
# at 0.25 (better than one encoder on every fold), 0.524 alone and 0.522 at 0.5
# (docs/accuracy.md, "Two views").
SECOND_VIEW_LEXICAL_WEIGHT = 0.25
FIT_KEYS = tuple(DEFAULTS)
MODEL_DEFAULTS = {"second_view": None, "lexical_weight": None}  # of the whole model, not of one encoder's fit
# mean: every token; target: the coded utterance's own tokens (segment B, which still
# attends to the context); both: the two side by side.
POOLINGS = ("mean", "target", "both")
# The lexical companion also reads the words of the context, except where the labels
# describe the reply alone: on EPITOME the seeker's post only added noise (the lexical
# model alone, 5-fold CV: emotional reactions 0.686 -> 0.708 macro-F1 without it,
# interpretations 0.546 -> 0.549, explorations 0.559 -> 0.580).
LEXICAL_READS_CONTEXT = {"epitome": False}


def settings_for(dataset: str, chosen: dict[str, Any]) -> dict[str, Any]:
    """The training settings: the defaults, then the dataset's own, then what the user chose."""
    return {**DEFAULTS, **MODEL_DEFAULTS, **DATASET_DEFAULTS.get(dataset, {}), **chosen}


def lexical_context_chars(dataset: str, settings: dict[str, Any]) -> int:
    """Characters of context the lexical companion reads (0: none)."""
    return settings["context_chars"] if LEXICAL_READS_CONTEXT.get(dataset, True) else 0
