"""Signs that the practitioner assumed the client understood (SPEC section 6, "assuming shared
meaning"): the client had to ask what something meant, and abbreviations the client never
used went unexplained.

A discharge talk written for the project ("You'll be on apixaban twice daily, and we've
stopped the ramipril because of your eGFR.") ended with "Sorry, what's an echo?" and "What
was the new tablet called again?" and no check of understanding; the older rule, which counts
checks and reflections over ten practitioner utterances, had nothing to say about it.
"""

from __future__ import annotations

import re

from ..model import Conversation
from .view import View

# The client asking what was meant or said: "Sorry, what's an echo?", "What does that mean?",
# "What was the new tablet called again?", "I don't follow." Not "What do you mean I drink
# too much?" (an objection) nor "what's the point?".
CLARIFYING = re.compile(
    r"(?:^\W*(?:sorry|pardon|come again|say that again|you what)\W*$|"
    r"\bwhat(?:'s| is| are) (?:an? |that |those |these |the )?(?!about\b)[\w-]+(?: again)?\?|"
    r"\bwhat (?:does|do) (?!you\b)(?:that|this|it|those|these|[\w-]+) (?:mean|stand for)\b|"
    r"\bwhat (?:was|were|is|'s) (?:that|it|the [\w ]{1,30}?) (?:called|again)\b|"
    r"\b(?:can|could) you (?:say|explain|repeat) (?:that|it|what)\b|"
    r"\bi (?:don'?t|do not|didn'?t|did not) (?:know|get|understand) what (?:that|it|an? [\w-]+|you) means?\b|"
    r"\bi (?:don'?t|do not|didn'?t|did not) (?:understand|follow)(?: (?:the question|you|that))?\W*(?:$|[.!?])|"
    r"\bi'?m (?:a bit |a little |totally |completely )?(?:lost|confused)\W*(?:$|[.!?])|\bwhat do you mean\?)",
    re.IGNORECASE)
# Asked about, not asking what it is: "what's the point?", "what's wrong?", "what is it now?"
NOT_ASKING = re.compile(r"\bwhat(?:'s| is) (?:the (?:point|matter|problem|use|deal|plan)|wrong|up|next|it now|happening|going on)\b",
                        re.IGNORECASE)
# Two or more capitals in a short word: INR, eGFR, DVT, OPD. Not the everyday ones.
ABBREVIATION = re.compile(r"\b(?=[A-Za-z]*[A-Z][a-z]*[A-Z])[A-Za-z]{2,6}s?\b")
EVERYDAY = {"OK", "TV", "UK", "US", "USA", "PM", "AM", "ID", "DIY", "BBC", "CV", "PC", "IT", "OMG", "LOL", "ASAP",
            "FYI", "DVD", "CD", "NHS", "GP", "EU", "UN", "NYC", "LA", "ER", "IQ", "BMX", "MP", "PE", "ISBN", "VIP",
            "TBH", "IDK", "BTW", "IMO", "AKA", "HR", "CEO", "SMS", "GPS", "PIN", "ATM", "RIP", "MRI"}
# Ordinary words written in capitals for stress ("I am NOT saying that").
SHOUTED = {"no", "not", "yes", "so", "very", "all", "never", "now", "is", "are", "was", "do", "did", "does",
           "you", "me", "my", "we", "our", "your", "this", "that", "it", "and", "or", "but", "too", "more", "much",
           "real", "really", "ever", "only", "just", "must", "can", "will", "had", "has", "have", "be", "to", "of",
           "in", "on", "at", "he", "she", "they", "them", "his", "her", "what", "why", "how", "who", "stop", "huge"}
TERMS = 3  # distinct unexplained abbreviations that make a sign


def clarifying(conv: Conversation, v: View) -> list[int]:
    """The client's utterances that ask what the practitioner meant or said."""
    return [i for i in v.receivers if CLARIFYING.search(conv.utterances[i].text)
            and not NOT_ASKING.search(conv.utterances[i].text)]


def unexplained_terms(conv: Conversation, v: View) -> tuple[list[str], list[int]]:
    """Abbreviations the practitioner used that the client never used, in order, and the
    practitioner utterances with them; (``[]``, ``[]``) under ``TERMS`` of them."""
    theirs = {m.group(0).rstrip("s").upper() for i in v.receivers for m in ABBREVIATION.finditer(conv.utterances[i].text)}
    known = EVERYDAY | theirs
    terms: dict[str, None] = {}
    where: list[int] = []
    for i in v.givers:
        found = [t for m in ABBREVIATION.finditer(conv.utterances[i].text)
                 if (t := m.group(0).rstrip("s")).upper() not in known and t.lower() not in SHOUTED]
        if found:
            terms.update(dict.fromkeys(found))
            where.append(i)
    return (list(terms), where) if len(terms) >= TERMS else ([], [])
