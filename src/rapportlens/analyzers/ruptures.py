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
    "repaired, recovered and recovery (the utterance where engagement came back), and found_by: what marked "
    "it (rules: a wording the rules know; model: the engagement models; turn shape: shortening, bare "
    "non-answers or context, with no rupture code).",
)


class Ruptures(Analyzer):
    name = "ruptures"
    version = "v20"
    description = "Finds drops in client engagement, the repair attempts and whether engagement recovered."
    requires = (CODES.key, VALENCE.key, WORDS.key)
    assigns = (RUPTURES.key,)

    def apply(self, conversation: Conversation) -> None:
        conversation.features.assign(RUPTURES.key, [{**r.to_dict(), "found_by": found_by(conversation, r.utterances)}
                                                    for r in find_ruptures(conversation)])


def found_by(conversation: Conversation, utterances: list[int]) -> list[str]:
    """What marked a rupture's turns: the rules' wordings and/or the engagement models, or the
    turn's shape alone. On typed chats the models' confrontations are mostly false alarms
    (docs/analyzers/ruptures.md, "Accuracy"), so a reader checks those first."""
    sources = {c["source"] for i in utterances for c in conversation.features[CODES.key][i]
               if c["code"] in ("confrontation", "withdrawal")}
    out = (["rules"] if any("rules" in s for s in sources) else []) + (["model"] if "model" in sources else [])
    return out or ["turn shape"]
