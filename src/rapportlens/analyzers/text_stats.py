"""Word counts per utterance: the unit that talk share and turn length are measured in."""

from __future__ import annotations

import re

from ..features import Level, declare
from ..model import Conversation
from ..pipeline import Analyzer

WORDS = declare(
    "text.words",
    Level.UTTERANCE,
    "int",
    "Number of words in the utterance (runs of letters, digits and apostrophes).",
    unit="words",
)

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def count_words(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


class TextStats(Analyzer):
    name = "text_stats"
    description = "Counts the words of each utterance."
    assigns = (WORDS.key,)

    def apply(self, conversation: Conversation) -> None:
        conversation.features.assign(WORDS.key, [count_words(u.text) for u in conversation.utterances])
