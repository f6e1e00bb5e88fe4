"""Risk language that needs human review (SPEC section 7)."""

from __future__ import annotations

from ..features import Level, declare
from ..model import Conversation, Role
from ..pipeline import Analyzer
from ..rapport.risk import REVIEW, assess

RISK = declare(
    "risk", Level.CONVERSATION, "list",
    f"Utterances with risk language ({REVIEW}): utterance index, speaker, category (suicide, self_harm, "
    "harm_to_others, abuse, psychosis), label, evidence (the words that matched) and span.",
)


class Risk(Analyzer):
    name = "risk"
    description = "Flags suicidal, self-harm, harm-to-others, abuse and psychosis language for human review."
    # The practitioner's own words ("have you thought about suicide?") are questions, not disclosures.
    assigns = (RISK.key,)

    def apply(self, conversation: Conversation) -> None:
        roles = {s.name: s.role for s in conversation.speakers}
        flags = []
        for u in conversation.utterances:
            if roles[u.speaker] == Role.PRACTITIONER:
                continue
            flags += [{"utterance": u.index, "speaker": u.speaker, **f.to_dict()} for f in assess(u.text)]
        conversation.features.assign(RISK.key, flags)
