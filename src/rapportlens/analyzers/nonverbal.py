"""What the transcriber noted besides the words: laughter (and laughter shared between
speakers, a sign of positivity in rapport), crying, and the words nobody could make out
(rapportlens.notes)."""

from __future__ import annotations

from ..features import Level, declare
from ..model import Conversation
from ..notes import UNHEARD as UNHEARD_KINDS
from ..notes import kinds, laughs, laughs_together
from ..pipeline import Analyzer

SHARED_WITHIN = 2  # the other speaker's laugh in the next two utterances answers this one

NOTES = declare(
    "nonverbal.notes", Level.UTTERANCE, "list",
    "Kinds of transcriber's note in the utterance, each once, in order: laughter (also 'haha', 'lol' or a "
    "laughing emoji typed in a chat), crying, sigh, silence (a pause), unheard (inaudible, unintelligible, "
    "a foreign language), overlap (crosstalk), gesture (nods, shrugs, smiles), sound (a cough, a phone). Only "
    "notes worded as such count: '(which I never do)' is words.",
)
LAUGHTER = declare(
    "nonverbal.laughter", Level.SPEAKER, "list",
    "The utterances in which this speaker laughed (a note of laughter or laughter typed in a chat).",
)
SHARED_LAUGHTER = declare(
    "nonverbal.shared_laughter", Level.CONVERSATION, "list",
    "Moments of laughter shared by two speakers: [i, j] when utterance j, by another speaker, laughs within "
    f"{SHARED_WITHIN} utterances after utterance i laughed, or [i, i] when a note says both laughed "
    "('[both laugh]'). Each laugh is in one moment at most.",
)
CRYING = declare(
    "nonverbal.crying", Level.CONVERSATION, "list",
    "The utterances with a note of crying or a breaking voice ('[tearful]', '(sobs)', '[voice breaking]').",
)
UNHEARD = declare(
    "nonverbal.unheard", Level.CONVERSATION, "list",
    "The utterances with words the transcriber could not make out or did not transcribe ('[inaudible]', "
    "'[crosstalk]', '[foreign language]'): what was said there is not coded.",
)


def shared_laughter(conv: Conversation, laughed: list[bool] | None = None) -> list[list[int]]:
    """``laughed``: whether each utterance laughs, when already known."""
    us = conv.utterances
    laughed = laughed if laughed is not None else [laughs(u.text) for u in us]
    moments: list[list[int]] = []
    used: set[int] = set()
    for i, u in enumerate(us):
        if i in used or not laughed[i]:
            continue
        if laughs_together(u.text):
            moments.append([i, i])
            used.add(i)
            continue
        j = next((j for j in range(i + 1, min(len(us), i + 1 + SHARED_WITHIN))
                  if laughed[j] and us[j].speaker != u.speaker and j not in used), None)
        if j is not None:
            moments.append([i, j])
            used.update((i, j))
    return moments


class Nonverbal(Analyzer):
    name = "nonverbal"
    description = "Transcriber's notes: laughter and shared laughter, crying, words nobody could make out."
    assigns = (NOTES.key, LAUGHTER.key, SHARED_LAUGHTER.key, CRYING.key, UNHEARD.key)

    def apply(self, conversation: Conversation) -> None:
        f = conversation.features
        us = conversation.utterances
        noted = [kinds(u.text) for u in us]
        f.assign(NOTES.key, noted)
        f.assign(LAUGHTER.key, {s.name: [u.index for u in us if u.speaker == s.name and "laughter" in noted[u.index]]
                                for s in conversation.speakers})
        f.assign(SHARED_LAUGHTER.key, shared_laughter(conversation, ["laughter" in k for k in noted]))
        f.assign(CRYING.key, [i for i, k in enumerate(noted) if "crying" in k])
        f.assign(UNHEARD.key, [i for i, k in enumerate(noted) if UNHEARD_KINDS.intersection(k)])
