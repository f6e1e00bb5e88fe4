"""Transcriber's notes: what a transcript says happened besides the words ("[laughs]",
"(long pause)", "[inaudible 00:01:23]", "[crosstalk]", "*sighs*").

A note is recognised by what it says, not by its brackets alone: "(which I never do)" and
"[my husband]" (a word the transcriber supplied) are words, so only the vocabulary below
counts. Typed laughter in a chat ("haha", "lol", an emoji) is laughter too, but the writer's
own words, so it stays in :func:`spoken`.

The text of an utterance is kept as written; analyses that count or give back the words
(word counts, simple reflections) read :func:`spoken`, and the ``nonverbal`` analyzer reads
the notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Languages a transcriber names for words left untranscribed ("[speaks Arabic]", "(in Polish)").
_LANGUAGES = ("arabic|urdu|punjabi|bengali|hindi|gujarati|tamil|polish|romanian|russian|ukrainian|spanish|"
              "portuguese|french|italian|german|turkish|kurdish|farsi|persian|dari|pashto|somali|tigrinya|amharic|"
              "mandarin|cantonese|chinese|vietnamese|japanese|korean|tagalog|swahili|lithuanian|albanian|greek|"
              "sign language|bsl|asl|(?:his|her|their|own|native|first|mother) (?:own )?(?:language|tongue)")

# The kinds a note can be, most specific first; each pattern must match the note's whole text
# (after the modifiers and a time code are set aside).
KINDS: tuple[tuple[str, str], ...] = (
    ("laughter", (r"(?:laugh|chuckl|giggl|snicker|snort)\w*|laughter")),
    ("crying", (r"cr(?:y|ies|ied|ying)|sob\w*|tearful|tears?(?: up)?|in tears|teary|weep\w*|sniffl\w*|"
               r"(?:voice )?(?:breaks|breaking|cracks|cracking|shaking|wobbles)|(?:gets |getting |becomes? )?emotional")),
    ("sigh", (r"sigh\w*|exhales?|deep breath|breathes? (?:out|in|deeply)")),
    ("silence", (r"pauses?|silence|silent|quiet|no (?:answer|reply|response)|says nothing|\.|\d+\.\d+|"
                r"\d+ ?(?:s|secs?|seconds?)")),
    ("unheard", (r"inaudible|unintelligible|indistinct|unclear|incomprehensible|muffled|\?+|"
                r"(?:words? )?(?:not|can'?t be) (?:heard|made out)|foreign language|other language|"
                 rf"(?:speaks?|speaking|talks?|talking|says?|answers?|replies|responds?) (?:in )?(?:{_LANGUAGES})|"
                 rf"(?:in )?(?:{_LANGUAGES})")),
    ("overlap", (r"cross ?talk|overlap\w*(?: speech| talk)?|over ?talk\w*|talking over (?:each other|one another)|"
                r"simultaneous speech|both (?:talk|speak)\w*(?: at once)?")),
    ("gesture", (r"nods?|nodding|shrugs?|shrugging|smiles?|smiling|grins?|grinning|frowns?|frowning|"
                r"shakes? (?:\w+ )?head|shaking (?:\w+ )?head|rolls? (?:\w+ )?eyes|looks? (?:away|down)|gestures?")),
    ("sound", (r"cough\w*|clears? (?:\w+ )?throat|sniff\w*|groans?|scoffs?|gasps?|yawns?|tuts?|whistles?|"
              r"(?:phone|alarm|bell) (?:rings?|ringing|buzz\w*)|background noise|noise|door \w+|knock\w*|applause|music")),
)
# Words that may stand around a note's core: who ("both laugh", "client laughs"), how ("laughs
# nervously", "long pause"), and a time ("inaudible 00:01:23", "pause 5 seconds").
_MODIFIERS = (r"both|all|all round|everyone|together|client|therapist|speaker|interviewer|participant|p\d+|he|she|they|"
              r"long|longer|short|brief|slight|small|big|little|softly|quietly|loudly|nervously|sadly|"
              r"heavily|deeply|again|a bit|slightly|audibly|begins? to|starts? to|at|for|"
              r"awkwardly|uncomfortably|uneasily|sarcastically|bitterly|hollowly|forced|nervous|awkward")
_TIME = r"\d{1,2}:\d{1,2}(?::\d{2})?(?:[.,]\d+)?|\d+(?:\.\d+)? ?(?:s|sec|secs|seconds?)"
_CORES = {kind: re.compile(rf"(?:(?:{_MODIFIERS}|{_TIME})\s+)*(?:{core})(?:\s+(?:{_MODIFIERS}|{_TIME}))*")
          for kind, core in KINDS}
# Square or round brackets, or asterisks (chat); at most 40 characters, one line.
_NOTE = re.compile(r"\[([^\[\]\n]{1,40})\]|\(([^()\n]{1,40})\)|(?<![\w*])\*([^*\n]{1,30})\*(?![\w*])")
# Laughter typed in a chat: the writer's own words, so kept in the text.
TYPED_LAUGHTER = re.compile(
    r"(?<![\w])(?:(?:ha){2,}h?|(?:he){2,}|lol+|lmf?ao+|rofl|😂|🤣|😆|😅)(?![\w])|[😂🤣😆😅]", re.IGNORECASE)


_PARTS = re.compile(r"\s*(?:,|;|&|\band\b|\bthen\b)\s*")


@dataclass(frozen=True, slots=True)
class Note:
    kinds: tuple[str, ...]  # KINDS' names, in the note's order ("[sighs and laughs]": sigh, laughter)
    mark: str  # as written, brackets included
    start: int  # character offsets in the utterance's text
    end: int


def _kind(words: str) -> str | None:
    return next((kind for kind, core in _CORES.items() if core.fullmatch(words)), None)


def note_kinds(content: str) -> tuple[str, ...]:
    """The kinds of a note whose text (inside the brackets) is ``content``; empty when it is
    not a transcriber's note (a parenthetical, a supplied word). Every part of a compound note
    ("sighs and laughs") must be a kind."""
    words = " ".join(content.lower().replace("\u2019", "'").strip(" -,;:").split())
    if not words:
        return ()
    if (whole := _kind(words)) is not None:
        return (whole,)
    parts = [p for p in _PARTS.split(words) if p]
    found = [_kind(p) for p in parts]
    if len(parts) < 2 or None in found:
        return ()
    return tuple(dict.fromkeys(k for k in found if k))


@lru_cache(maxsize=4096)
def find_notes(text: str) -> tuple[Note, ...]:
    """The transcriber's notes in ``text``, in order."""
    found = []
    for m in _NOTE.finditer(text):
        kinds_ = note_kinds(next(g for g in m.groups() if g is not None))
        if kinds_:
            found.append(Note(kinds_, m.group(0), m.start(), m.end()))
    return tuple(found)


@lru_cache(maxsize=4096)
def spoken(text: str) -> str:
    """``text`` without its transcriber's notes: the words said ("" when there were none)."""
    notes = find_notes(text)
    if not notes:
        return text
    parts, last = [], 0
    for n in notes:
        parts.append(text[last:n.start])
        last = n.end
    parts.append(text[last:])
    out = " ".join("".join(parts).split())
    out = re.sub(r"\s+([,.;:!?])", r"\1", out)  # "Yes [laughs]." -> "Yes."
    return re.sub(r"^[,.;:]\s*", "", out).strip()


SHARED = re.compile(r"\b(?:both|all|everyone|together)\b", re.IGNORECASE)
UNHEARD = frozenset({"unheard", "overlap"})  # kinds of note where words went untranscribed


def laughs(text: str) -> bool:
    """Whether the utterance laughs: a note of laughter or laughter typed in a chat."""
    return any("laughter" in n.kinds for n in find_notes(text)) or bool(TYPED_LAUGHTER.search(text))


UNEASY = re.compile(r"\b(?:nervous|awkward|uncomfortabl|uneas|sarcastic|bitter|hollow|forced)", re.IGNORECASE)


def laughs_uneasily(text: str) -> bool:
    """Whether a note of laughter says it was not warm ("(laughs nervously)", "[awkward laugh]")."""
    return any("laughter" in n.kinds and UNEASY.search(n.mark) for n in find_notes(text))


def laughs_together(text: str) -> bool:
    """Whether a note says everyone laughed ("[both laugh]", "(laughter all round)")."""
    return any("laughter" in n.kinds and SHARED.search(n.mark) for n in find_notes(text))


def kinds(text: str) -> list[str]:
    """The kinds of note in ``text``, each once, in order; typed laughter counts as laughter."""
    out = list(dict.fromkeys(k for n in find_notes(text) for k in n.kinds))
    if "laughter" not in out and TYPED_LAUGHTER.search(text):
        out.append("laughter")
    return out
