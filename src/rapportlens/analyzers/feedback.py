"""Pitfalls, client state and recommendations (SPEC section 6)."""

from __future__ import annotations

from ..features import Level, declare
from ..model import Conversation
from ..pipeline import Analyzer
from ..rapport.feedback import client_state, pitfalls, recommendations
from .coding import CODES, RQ
from .ruptures import RUPTURES
from .text_stats import WORDS

PITFALLS = declare(
    "pitfalls", Level.CONVERSATION, "list",
    "Pitfalls found (over_disclosure, rushing, assuming_shared_meaning, sympathy_instead_of_empathy, "
    "face_threats, unrepaired_rupture), each with its evidence (utterance indices) and reason.",
)
STATE = declare(
    "client_state", Level.CONVERSATION, "dict",
    "The client's likely state from their language: state (anxious_avoidant, mistrustful, low_engagement "
    "or none), a 0-1 score for each and the utterances behind the chosen one.",
)
RECOMMENDATIONS = declare(
    "recommendations", Level.CONVERSATION, "list",
    "Up to five techniques to try: technique, title, why (from this session), advice, an example "
    "phrasing and the utterances behind it.",
)


class Feedback(Analyzer):
    name = "feedback"
    description = "Pitfalls with evidence, the client's state and recommended techniques."
    requires = (CODES.key, WORDS.key, RQ.key, RUPTURES.key)
    assigns = (PITFALLS.key, STATE.key, RECOMMENDATIONS.key)

    def apply(self, conversation: Conversation) -> None:
        f = conversation.features
        found = pitfalls(conversation, f[RUPTURES.key])
        state = client_state(conversation)
        f.assign(PITFALLS.key, found)
        f.assign(STATE.key, state)
        f.assign(RECOMMENDATIONS.key, recommendations(conversation, found, state))
