"""Conversations the report tests render: written for the project, built in code."""

from __future__ import annotations

from pathlib import Path

import rapportlens
from rapportlens.model import Conversation, Role

DATA = Path(__file__).parent / "data"

# Lines of a long, ordinary session; cycled to make 600 utterances with varied wording.
_PRACTITIONER = [
    "What has this week been like for you?",
    "So the mornings are the hardest part.",
    "It sounds like you've been carrying a lot on your own.",
    "How did you manage when that happened?",
    "You kept going even when it felt pointless, and that took real effort.",
    "Would it be alright if we looked at the evenings together?",
    "Let me check I've got this right: work is fine, but home feels heavy?",
    "What would you like to be different by next month?",
]
_CLIENT = [
    "Pretty tiring, to be honest. I kept waking up at four.",
    "Yes, I dread getting up and facing the emails.",
    "I suppose so. Nobody at home really knows how bad it gets.",
    "I went for a walk and called my sister, which helped a bit.",
    "Thanks. I didn't think of it like that.",
    "Okay, the evenings are when I end up scrolling for hours.",
    "Mostly, yes. Work is a distraction, home is where it catches up.",
    "I'd like to sleep through the night and see friends again.",
]


def read(name: str, **kwargs) -> Conversation:
    return rapportlens.analyze(rapportlens.read(DATA / name, **kwargs)[0])


def rupture_and_risk() -> Conversation:
    return read("report/rupture_and_risk.txt", practitioners=["Nurse"])


def group() -> Conversation:
    return read("group_session.vtt")


def long_session(n: int = 600) -> Conversation:
    pairs = []
    for i in range(n // 2):
        pairs.append(("Therapist", f"{_PRACTITIONER[i % len(_PRACTITIONER)]}"))
        pairs.append(("Client", f"{_CLIENT[(i * 3) % len(_CLIENT)]}"))
    conv = Conversation.from_pairs(pairs, roles={"Therapist": Role.PRACTITIONER, "Client": Role.CLIENT})
    return rapportlens.analyze(conv)
