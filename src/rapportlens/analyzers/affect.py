"""Valence of every utterance (-1..1), the affect that emotional mirroring and positivity use."""

from __future__ import annotations

from functools import lru_cache

from ..features import Level, declare
from ..model import Conversation
from ..pipeline import Analyzer

VALENCE = declare(
    "affect.valence", Level.UTTERANCE, "float",
    "Valence of the utterance from -1 (negative) to 1 (positive): VADER's compound score; "
    "0 for neutral or empty text.",
)
SPEAKER_VALENCE = declare(
    "affect.mean_valence", Level.SPEAKER, "float",
    "Mean valence of this speaker's utterances; 0 for a speaker with none.",
)


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def valence(text: str) -> float:
    return float(_vader().polarity_scores(text)["compound"]) if text.strip() else 0.0


class Affect(Analyzer):
    name = "affect"
    description = "Valence of each utterance with the VADER lexicon (English)."
    assigns = (VALENCE.key, SPEAKER_VALENCE.key)

    def apply(self, conversation: Conversation) -> None:
        values = [valence(u.text) for u in conversation.utterances]
        per: dict[str, list[float]] = {n: [] for n in conversation.speaker_names}
        for u, v in zip(conversation.utterances, values):
            per[u.speaker].append(v)
        f = conversation.features
        f.assign(VALENCE.key, values)
        f.assign(SPEAKER_VALENCE.key, {n: sum(v) / len(v) if v else 0.0 for n, v in per.items()})
