"""Helpers the rupture tests share: a short session analysed with the default
pipeline, whether the rules give a code, and the ruptures found as (utterances, repair)."""

import rapportlens
from rapportlens import Conversation, Role
from rapportlens.coding.rules import apply_rules

C, P = Role.CLIENT, Role.PRACTITIONER


def analyzed(pairs, roles=None):
    """``pairs`` of (speaker, text); by default "W" and "T" are the practitioner and "C" the client."""
    return rapportlens.analyze(Conversation.from_pairs(pairs, roles=roles or {"W": P, "T": P, "C": C}))


def coded(text, code, role):
    return any(h.code == code and h.confidence >= 0.5 for h in apply_rules(text, role))


def found(conv):
    return [(r["utterances"], r["repair"]["utterance"] if r["repair"] else None) for r in conv.features["ruptures"]]
