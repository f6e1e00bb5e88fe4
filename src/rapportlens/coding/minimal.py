"""Minimal answers: a client turn made only of non-answers ("Um, not sure, I don't know.",
"Eh, it's whatever.", "Nah."). Each piece of the turn is looked up in short lists rather
than matched as one phrase, so any order and mix of them is recognised.

Some non-answers withdraw from the conversation whatever was asked ("whatever", "no
comment"); others are also ordinary replies to a greeting or a closed question ("fine",
"not really", "sure"), so they carry a lower confidence (``WEAK``) that the rupture finder
counts only when the client's answers suddenly shorten.
"""

from __future__ import annotations

import re

STRONG = 0.8
WEAK = 0.45  # below ruptures.CONFIDENCE: a signal only together with sudden shortening

FILLERS = {
    "um", "umm", "uh", "er", "erm", "eh", "meh", "hm", "hmm", "mm", "well", "so", "yeah", "yes", "yep", "no",
    "oh", "ok", "okay", "honestly", "really", "i mean", "like", "please", "sorry", "anyway", "look", "just",
}
# Written without apostrophes: the turn is compared with its apostrophes removed.
WITHDRAWING = {
    "i dont know", "dont know", "i do not know", "dunno", "i dunno", "no idea", "i have no idea", "whatever",
    "its whatever", "who knows", "who cares", "doesnt matter", "it doesnt matter", "pass", "no comment",
    "id rather not", "i would rather not", "rather not", "id prefer not to", "id rather not say", "not today",
    "not now", "not right now", "never mind", "nevermind", "forget it", "forget i said anything",
    "forget i said that", "if you say so", "whatever you say", "whatever you think", "whatever works for you",
    "leave it", "drop it", "can we not", "nothing to say", "nothing to add", "i have nothing to add",
    "i have nothing to say", "thats private", "its private", "thats personal", "dont care", "i dont care",
    "couldnt care less", "i couldnt care less", "who gives a damn",
    "do what you want", "do what you like", "do whatever you want", "do whatever you like",
    "get it over with", "lets get it over with", "can we get it over with", "lets get this over with", "get this over with",
}
NONCOMMITTAL = {
    "fine", "im fine", "i am fine", "im ok", "im okay", "i am ok", "i am okay", "im good", "im alright", "its fine",
    "its ok", "its okay", "its all good", "all good", "everythings fine", "everything is fine", "things are fine",
    "its alright", "i guess", "i suppose", "i suppose so", "suppose so", "spose", "i spose", "spose so", "i guess so", "guess so", "not really",
    "nope", "nah", "nothing", "its nothing", "nothing really", "nothing much", "not much", "maybe", "perhaps",
    "probably", "not sure", "im not sure", "i am not sure", "same", "the same", "same as always", "same as usual", "same old",
    "sure", "i dont remember", "i cant remember", "cant remember", "not a big deal", "no big deal",
    "its not a big deal", "its no big deal", "it doesnt bother me", "doesnt bother me", "i guess youre right",
    "youre right", "you know best", "if you think so",
    "busy", "been busy", "just busy", "too busy", "i just didnt", "just didnt",
}
ANNOTATION = re.compile(r"[(\[][^)\]]{1,40}[)\]]")
UNHEARD = re.compile(r"unintelligible|inaudible|crosstalk|indistinct|unclear")
SILENT = re.compile(r"silen|pause|shrug|no (?:answer|reply|response)|says nothing|quiet|sigh")
TRAILING_OFF = re.compile(r"^\W*(?:\w+\s+){0,2}\w+\s*(?:\.{3}|\u2026)\s*(?=\w)")
PIECES = re.compile(r"[^,.!?;:\u2026\-\u2013\u2014]+")
ADVERBS = re.compile(r"\b(?:really|just|honestly|actually|even|kind of|sort of)\b")


def _trim(piece: str) -> str:
    # "eh it's whatever", "doesn't matter anyway": fillers at either end of a piece, and
    # adverbs inside it, unless they belong to it ("no comment", "I'm okay", "not really").
    if (whole := " ".join(piece.split())) in WITHDRAWING | NONCOMMITTAL:
        return whole
    words = ADVERBS.sub(" ", piece).split()
    while len(words) > 1 and words[0] in FILLERS:
        words = words[1:]
    while len(words) > 1 and words[-1] in FILLERS:
        words = words[:-1]
    return " ".join(words)


def minimal_answer(text: str) -> tuple[float, str] | None:
    """``(confidence, reason)`` when every piece of ``text`` is a non-answer or a filler and
    at least one is a non-answer; ``None`` otherwise."""
    plain = text.lower().replace("\u2019", "'").replace("'", "")
    # A transcriber's note ("(long pause) I suppose.", "[shrugs]") is not the client's words;
    # a turn of nothing but silence is the barest answer of all.
    notes = ANNOTATION.findall(plain)
    if any(UNHEARD.search(n) for n in notes):
        return None  # words nobody could make out may have been an answer
    plain = ANNOTATION.sub(" ", plain)
    if not plain.strip(" .\u2026") and (notes and any(SILENT.search(n) for n in notes) or "..." in plain or "\u2026" in plain):
        return STRONG, "no answer: silence"
    plain = TRAILING_OFF.sub("", plain)  # "It felt... I don't know. Fine, I suppose."
    pieces = [p for p in (_trim(p) for p in PIECES.findall(plain)) if p]
    if not pieces or len(pieces) > 4:
        return None
    said = [p for p in pieces if p not in FILLERS]
    if not said or any(p not in WITHDRAWING and p not in NONCOMMITTAL for p in said):
        return None
    if strong := [p for p in said if p in WITHDRAWING]:
        return STRONG, f"minimal answer: '{strong[0]}'"
    return WEAK, f"non-committal answer: '{said[0]}'"
