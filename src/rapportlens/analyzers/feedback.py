"""Pitfalls, strengths, client state and recommendations (SPEC section 6)."""

from __future__ import annotations

from ..features import Level, declare
from ..model import Conversation
from ..pipeline import Analyzer
from ..rapport.feedback import client_state, pitfalls, recommendations, strengths
from ..rapport.risk_follow_up import follow_ups
from .coding import CODES, LEVELS, PCR, POQ, RQ
from .rapport import DIMS
from .ruptures import RUPTURES
from .text_stats import WORDS

PITFALLS = declare(
    "pitfalls", Level.CONVERSATION, "list",
    "Pitfalls found (over_disclosure, rushing, assuming_shared_meaning, sympathy_instead_of_empathy, "
    "face_threats, uneven_participation (with two or more clients or group members), unrepaired_rupture, "
    "risk_not_followed_up: a sure risk flag the practitioner's next two turns did not take up), each with its evidence (utterance indices) and reason; rushing also "
    "lists its parts (question_bursts, early_advice, early_probing, interrupting, dominant_talk), each with evidence and reason.",
)
STATE = declare(
    "client_state", Level.CONVERSATION, "dict",
    "The client's likely state from their language: state (anxious_avoidant, mistrustful, low_engagement "
    "or none), a 0-1 score for each, the utterances behind the chosen one and, in words, the count "
    "behind it (basis).",
)
RECOMMENDATIONS = declare(
    "recommendations", Level.CONVERSATION, "list",
    "Up to five techniques to try: technique, title, why (from this session), advice, an example "
    "phrasing, the utterances behind it, and already_done: where the practitioner already used it "
    "(such techniques come last); for reflecting, moment: the client's utterance a question passed over "
    "(utterance, answered_by, and reflection: a simple reflection made of the client's own words, or null).",
)
FOLLOW_UP = declare(
    "risk.follow_up", Level.CONVERSATION, "list",
    "For each utterance with risk flags, how the practitioner's next two turns answered it: utterance, "
    "categories, sure (a flag that is not the model's unsure one), follow_up (asked: a direct question about "
    "the risk; safety_step: crisis line, emergency, safety plan, someone with them, means put away; "
    "acknowledged: a reflection, validation or check of understanding in the next turn; not_followed_up; "
    "session_ended) and by (the practitioner utterance; for not_followed_up, the next one). Empty without the "
    "risk analyzer. What was said, not whether it was enough.",
)
STRENGTHS = declare(
    "strengths", Level.CONVERSATION, "list",
    "Up to five things that went well: first what the practitioner did at a given moment (risk_taken_up: risk "
    "language asked about directly or answered with steps towards safety, with no phrase or answer flag left "
    "without a response; repair: a rupture repaired; checked_understanding; asked_before_advising: a permission "
    "question not turned down; drew_in_quieter: group members who had said less called on by name, who then "
    "answered; change_talk_rose: change talk's share up 20 points or more from the first half to "
    "the second; laughed_together: laughter shared by the practitioner and a client, from the transcriber's "
    "notes or typed, not nervous), then dimensions scoring 65 or more and MI scores at the MITI 'good' threshold over four or more "
    "confident codes; each with strength, title, reason and evidence (utterances).",
)


class Feedback(Analyzer):
    name = "feedback"
    version = "v10"
    description = "Pitfalls with evidence, the client's state and recommended techniques."
    requires = (CODES.key, WORDS.key, RQ.key, PCR.key, POQ.key, LEVELS.key, DIMS.key, RUPTURES.key)
    assigns = (PITFALLS.key, STATE.key, RECOMMENDATIONS.key, STRENGTHS.key, FOLLOW_UP.key)

    # Also reads `interruptions` when the pipeline has that analyzer (the rushing part
    # `interrupting`); without it, that part is not looked for.
    def apply(self, conversation: Conversation) -> None:
        f = conversation.features
        follow = follow_ups(conversation)
        f.assign(FOLLOW_UP.key, follow)
        found = pitfalls(conversation, f[RUPTURES.key], follow)
        state = client_state(conversation)
        f.assign(PITFALLS.key, found)
        f.assign(STATE.key, state)
        f.assign(RECOMMENDATIONS.key, recommendations(conversation, found, state))
        f.assign(STRENGTHS.key, strengths(conversation, f[RUPTURES.key], follow=follow))
