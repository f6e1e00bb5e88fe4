"""Copies of a written sentence as people say or type it, for the sentence models (risk,
engagement): the written sentences are tidier than real turns."""

from __future__ import annotations

import random

# Real turns start with fillers; the written sentences do not. Without copies that start
# with one, the model learns "starts with 'But honestly' = ordinary talk" from AnnoMI.
FILLERS = ("But honestly, ", "Um, ", "Yeah. ", "I mean, ", "And ", "Well, ", "To be honest, ",
           "So, ", "I don't know, ", "Like, ", "Okay. ", "Yeah, so ")


def with_filler(text: str, rng: random.Random) -> str:
    filler = rng.choice(FILLERS)
    return filler + (text[0].lower() + text[1:] if text[:2] not in ("I ", "I'") else text)


def chat_style(text: str) -> str:
    """The sentence as people type it in a chat: lower case, no apostrophes, no full stop.
    Typed turns in text-based support look like neither the written sentences nor AnnoMI's
    transcribed speech; these copies teach a model that style says nothing about meaning."""
    return text.lower().replace("'", "").replace("\u2019", "").rstrip(".!")
