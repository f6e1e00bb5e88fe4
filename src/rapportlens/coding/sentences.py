"""Sentences inside one utterance, for coding a practitioner's turn sentence by sentence.

MITI codes each complete thought, so a turn that reflects and then asks ("It sounds like
you've been let down by everyone. What would help right now?") holds a reflection and a
question. The coding model gives one main act per utterance (AnnoMI labels one per
utterance), so the coder also reads each sentence of such a turn on its own
(`rapportlens.coding.coder`, docs/analyzers/codes.md "Sentences").
"""

from __future__ import annotations

import re

# End of a sentence: ., ! or ? (with any closing quote or bracket), then white space.
_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s)")
# A full stop after these is part of the word, not the end of a sentence.
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "prof", "st", "e.g", "i.e", "etc", "vs", "approx", "no"}
MIN_WORDS = 3  # shorter pieces ("Okay.", "I see.") are left to the utterance as a whole
# A reflection says back the other's experience: a sentence read alone counts as one only when
# it speaks of "you" or says how something sounds, seems or must be ("Being dizzy without
# warning sounds unsettling."). Without this, statements inside advice ("This is really
# important.", "It's putting him at risk.") were read as reflections (eval/sentence_check.py).
ABOUT_THEM = re.compile(r"\b(?:you|your|yours|yourself|you'\w+|sounds?|sounded|seems?|seemed|must (?:be|have|feel))\b",
                        re.IGNORECASE)
# A summary opens with "so" and says back the other's story without naming them ("So the
# evidence leaned the other way."); "so" before the practitioner's own plan ("So I want to
# ask...", "So let's look at...", "So first, ...") structures the talk instead.
SUMMARY = re.compile(r"^\W*so\b,?\s+(?!(?:i|i'm|i'd|i'll|i've|im|id|ill|ive|let'?s|let me|we'll|we're going|"
                     r"today|first|next|now|anyway|yeah|okay|ok|um|uh)\b)", re.IGNORECASE)
# A summary names nobody, so the model must be surer of it than of a sentence about "you":
# at 0.6, "So this is really important." (0.72) in a question turn became a reflection.
SUMMARY_MIN = 0.8
# Fillers that end in a question mark but ask nothing.
FILLER_QUESTIONS = re.compile(r"^\W*(?:and |but |so )?(?:you know what|you know|know what i mean|"
                              r"(?:is that )?(?:right|okay|ok)|yeah|you see)\W*$", re.IGNORECASE)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences in ``text`` (stripped of surrounding space), in order.
    An ellipsis followed by a lower-case word ("So... what happened?") is a pause, not an end."""
    spans = []
    start = 0
    for m in _END.finditer(text):
        before = text[start:m.start()].split()
        word = before[-1].lower().rstrip(".") if before else ""
        following = text[m.end():].lstrip()[:1]
        if m.group().startswith(".") and word in _ABBREVIATIONS:
            continue
        if m.group().startswith("..") and following.islower():
            continue
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for a, b in spans:
        piece = text[a:b]
        a += len(piece) - len(piece.lstrip())
        b -= len(piece) - len(piece.rstrip())
        if b > a:
            out.append((a, b))
    return out


def codable_sentences(text: str) -> list[tuple[int, int]]:
    """The sentences worth coding on their own: none when the text is one sentence, and
    only those of ``MIN_WORDS`` words or more."""
    spans = sentence_spans(text)
    if len(spans) < 2:
        return []
    return [(a, b) for a, b in spans if len(text[a:b].split()) >= MIN_WORDS]


def sentence_act(sentence: str) -> str | None:
    """Which act a sentence read alone may add: "question" for a sentence that asks,
    "reflection" for one about the other person, ``None`` for neither."""
    if sentence.endswith("?"):
        return None if FILLER_QUESTIONS.match(sentence) else "question"
    return "reflection" if ABOUT_THEM.search(sentence) or SUMMARY.match(sentence) else None


def needed(sentence: str, act: str, least: float) -> float:
    """How sure the model must be of a sentence's act: ``least``, or :data:`SUMMARY_MIN` for a
    summary that says back the other's story without naming them."""
    return max(least, SUMMARY_MIN) if act == "reflection" and not ABOUT_THEM.search(sentence) else least
