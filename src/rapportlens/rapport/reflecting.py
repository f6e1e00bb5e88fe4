"""A simple reflection built from the client's own words, for the feedback's example of what
could have been said at a moment a question passed over ("I was kicking myself all
afternoon." -> "So you were kicking yourself all afternoon."). A simple reflection gives the
words back from the listener's side; nothing is added, so nothing is guessed."""

from __future__ import annotations

import re

from ..coding.sentences import sentence_spans
from ..notes import spoken

MAX_WORDS = 15  # a longer sentence given back whole is a recital, not a reflection
# First person to second, longest forms first; "I was" takes "you were".
SWAPS = (("i am", "you are"), ("i'm", "you're"), ("i was", "you were"), ("i've", "you've"), ("i'd", "you'd"),
         ("i'll", "you'll"), ("myself", "yourself"), ("mine", "yours"), ("my", "your"), ("me", "you"), ("i", "you"),
         ("am", "are"))
_SWAP = re.compile(r"\b(" + "|".join(re.escape(a) for a, _ in SWAPS) + r")\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|me|my|myself)\b", re.IGNORECASE)
# Words that would turn round wrongly or speak to the listener: left as they are, the
# reflection would be the client's sentence about the practitioner.
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself|you're|you've|you'd|you'll)\b", re.IGNORECASE)


_TRAILING = re.compile(r"(?:,\s*(?:honestly|really|to be honest|you know|i guess|like|though|anyway|"
                       r"tbh|lol|haha\w*))+$", re.IGNORECASE)


def simple_reflection(text: str) -> str | None:
    """"So you ..." from the last sentence of ``text`` that speaks in the first person, has
    no "you" and is at most ``MAX_WORDS`` words; None when no sentence does."""
    normal = spoken(text).replace("\u2019", "'")
    for a, b in reversed(sentence_spans(normal)):
        # "..., honestly" is how it was said, not what.
        sentence = _TRAILING.sub("", normal[a:b].strip().rstrip(".!"))
        if (not _FIRST_PERSON.search(sentence) or _SECOND_PERSON.search(sentence) or sentence.endswith("?")
                or len(sentence.split()) > MAX_WORDS):
            continue
        swapped = _SWAP.sub(lambda m: dict(SWAPS)[m.group(0).lower()], sentence)
        swapped = re.sub(r"^(?:(?:and|but|so|yeah|yes|well|honestly|um|like)[,]?\s+)+", "", swapped, flags=re.IGNORECASE)
        # "You were..." after "So" takes a small letter; a name ("Dee and you...") keeps its capital.
        if _SECOND_PERSON.match(swapped):
            swapped = swapped[0].lower() + swapped[1:]
        return f"So {swapped}."
    return None
