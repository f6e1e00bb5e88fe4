"""Ruptures in the client's engagement and the practitioner's repairs (SPEC section 5)."""

from __future__ import annotations

from ..features import Level, declare
from ..model import Conversation
from ..pipeline import Analyzer
from ..rapport.ruptures import find_ruptures
from .affect import VALENCE
from .coding import CODES
from .text_stats import WORDS

RUPTURES = declare(
    "ruptures", Level.CONVERSATION, "list",
    "Ruptures (docs/analyzers/ruptures.md): start utterance, utterances, speaker (whose engagement dropped), "
    "kind (withdrawal or confrontation), signals, trigger (the practitioner utterance just before), repair (utterance, codes, kind) or null, "
    "repaired, recovered and recovery (the utterance where engagement came back).",
)


class Ruptures(Analyzer):
    name = "ruptures"
    version = "v13"
    description = "Finds drops in client engagement, the repair attempts and whether engagement recovered."
    requires = (CODES.key, VALENCE.key, WORDS.key)
    assigns = (RUPTURES.key,)

    def apply(self, conversation: Conversation) -> None:
        conversation.features.assign(RUPTURES.key, [r.to_dict() for r in find_ruptures(conversation)])
