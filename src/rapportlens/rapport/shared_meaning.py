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
from functools import cache

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
            "TBH", "IDK", "BTW", "IMO", "AKA", "HR", "CEO", "SMS", "GPS", "PIN", "ATM", "RIP", "MRI", "COVID", "XYZ"}
SHOUTING = 0.3  # an utterance with this share of its words in capitals is shouted, not abbreviated
TERMS = 3  # distinct unexplained abbreviations that make a sign


@cache
def _words() -> frozenset[str]:
    """Whole words of the shipped encoder's vocabulary: a word in capitals that is one of them
    ("WELL", "LOVE", "AA") is stress or everyday, not a term to explain."""
    try:
        from tokenizers import Tokenizer

        from ..coding.shared_weights import TOKENIZER, shared_dir

        vocab = Tokenizer.from_file(str(shared_dir() / TOKENIZER)).get_vocab()
    except Exception:  # noqa: BLE001 - without the vocabulary only the lists below apply
        return frozenset()
    return frozenset(w for w in vocab if w.isalpha())


def _term(word: str, known: set[str]) -> bool:
    return (word.upper() not in known and word.lower() not in _words()
            and re.search(r"(\w)\1\1", word) is None)  # "OHHHH"


def _shouted(text: str) -> bool:
    words = re.findall(r"[A-Za-z]{2,}", text)
    caps = [w for w in words if w.isupper()]
    return len(caps) >= 3 and len(caps) >= SHOUTING * len(words)


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
        text = conv.utterances[i].text
        if _shouted(text) and not re.search(r"[a-z][A-Z]", text):  # "eGFR" is no shouting
            continue
        found = [t for m in ABBREVIATION.finditer(text) if _term(t := m.group(0).rstrip("s"), known)]
        if found:
            terms.update(dict.fromkeys(found))
            where.append(i)
    return (list(terms), where) if len(terms) >= TERMS else ([], [])
