"""Word counts per utterance: the unit that talk share and turn length are measured in."""

from __future__ import annotations

import re

from ..features import Level, declare
from ..language import ENGLISH_SHARE, english_share
from ..model import Conversation
from ..notes import spoken
from ..pipeline import Analyzer

WORDS = declare(
    "text.words",
    Level.UTTERANCE,
    "int",
    "Number of words said in the utterance (runs of letters, digits and apostrophes), without the "
    "transcriber's notes ('[laughs]', '(inaudible)'; rapportlens.notes).",
    unit="words",
)

ENGLISH = declare(
    "text.english_share", Level.CONVERSATION, "float",
    "Share of the conversation's words that are common English function words (0-1): every model, phrase "
    f"list and score here reads English, and under {ENGLISH_SHARE} the transcript does not look like English "
    "(English conversations in the shared data: 0.44 or more). Null under 30 words.",
    nullable=True,
)

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def count_words(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


class TextStats(Analyzer):
    name = "text_stats"
    description = "Counts the words of each utterance, and how English the conversation's words are."
    version = "v3"
    assigns = (WORDS.key, ENGLISH.key)

    def apply(self, conversation: Conversation) -> None:
        said = [spoken(u.text) for u in conversation.utterances]
        conversation.features.assign(WORDS.key, [count_words(t) for t in said])
        conversation.features.assign(ENGLISH.key, english_share(said))
