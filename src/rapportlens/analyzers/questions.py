"""Question marks per utterance and per speaker: the model-free first look at questioning."""

from __future__ import annotations

from ..features import Level, declare
from ..model import Conversation
from ..pipeline import Analyzer

MARKS = declare("questions.marks", Level.UTTERANCE, "int", "Question marks in the utterance.")
ASKED = declare(
    "questions.utterances", Level.SPEAKER, "int",
    "Utterances by this speaker that contain at least one question mark.",
)
RATE = declare(
    "questions.rate", Level.SPEAKER, "float",
    "Share of this speaker's utterances that contain a question mark (0-1).",
)
TOTAL = declare(
    "questions.count", Level.CONVERSATION, "int",
    "Utterances in the conversation that contain a question mark.",
)


class QuestionMarks(Analyzer):
    name = "questions"
    description = "Counts question marks; a transcript-convention measure, not a dialogue-act model."
    assigns = (MARKS.key, ASKED.key, RATE.key, TOTAL.key)

    def apply(self, conversation: Conversation) -> None:
        marks = [u.text.count("?") for u in conversation.utterances]
        asked = {n: 0 for n in conversation.speaker_names}
        said = {n: 0 for n in conversation.speaker_names}
        for u, m in zip(conversation.utterances, marks):
            said[u.speaker] += 1
            asked[u.speaker] += m > 0
        f = conversation.features
        f.assign(MARKS.key, marks)
        f.assign(ASKED.key, asked)
        f.assign(RATE.key, {n: asked[n] / said[n] if said[n] else 0.0 for n in said})
        f.assign(TOTAL.key, sum(asked.values()))
