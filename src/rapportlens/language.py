"""Whether a transcript is in English, which every model, phrase list and score here reads.

SPEC section 9 asks the tool to say clearly where its models do not reach. A Spanish
counselling session was coded, scored 24/100 and told "no risk language found" without a
word of warning. English talk is thick with a few hundred function words ("I", "the", "to",
"and", "you"...): ``COMMON`` holds about 120 of them, and in every AnnoMI and ESConv
conversation they are 44-61 % of the words; in a Spanish session written for the project,
8 %. A transcript under ``ENGLISH_SHARE`` is reported as not looking like English.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

COMMON = frozenset(["i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us", "them", "my", "your", "his", "its", "our", "their", "mine", "yours", "the", "a", "an", "and", "or", "but", "so", "if", "because", "that", "this", "these", "those", "what", "which", "who", "when", "where", "why", "how", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "have", "has", "had", "will", "would", "can", "could", "should", "may", "might", "must", "not", "no", "yes", "to", "of", "in", "on", "at", "for", "with", "from", "by", "about", "as", "into", "up", "out", "just", "than", "then", "there", "here", "very", "really", "too", "also", "all", "some", "any", "more", "most", "don't", "it's", "i'm", "that's", "can't", "didn't", "there's", "you're"])
ENGLISH_SHARE = 0.3  # English conversations in the shared data: 0.44 or more
MIN_WORDS = 30  # fewer words say too little either way
_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def english_share(texts: Iterable[str]) -> float | None:
    """The share of words that are common English function words; None under ``MIN_WORDS``."""
    words = [w for t in texts for w in _TOKEN.findall(t.lower().replace("\u2019", "'"))]
    if len(words) < MIN_WORDS:
        return None
    return sum(w in COMMON for w in words) / len(words)


def looks_english(share: float | None) -> bool:
    """False only when there were enough words and too few of them were English."""
    return share is None or share >= ENGLISH_SHARE


def not_english_note(share: float) -> str:
    return (f"the transcript does not look like English ({share:.0%} of its words are common English words; "
            f"English conversations have {ENGLISH_SHARE:.0%} or more)")


_LETTER = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[a-zA-Z\u00c0-\u024f]")
TURN_SHARE = 0.15  # one turn of five or more words: fewer function words than this is not English


def turn_looks_english(text: str) -> bool:
    """Whether one turn reads as English: mostly Latin letters and, from five words, some
    common English words. Too short to tell counts as English."""
    letters = _LETTER.findall(text)
    if letters and sum(bool(_LATIN.match(c)) for c in letters) < len(letters) / 2:
        return False
    words = _TOKEN.findall(text.lower().replace("\u2019", "'"))
    return len(words) < 5 or sum(w in COMMON for w in words) / len(words) >= TURN_SHARE
