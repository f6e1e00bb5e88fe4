"""Interruptions: who cut whom off, read from how the transcript marks an unfinished turn.

A transcript shows a cut-off turn by a dash at its end ("I was going to-", "and--",
"so—"), by a marker ("[interrupted]", "(cut off)", "[crosstalk]"), or, where nearly every
utterance ends in punctuation, by a turn that stops on a word no sentence ends on ("My mum had
a brain tumour, so I"). The next speaker then took the floor, unless all they said was a
backchannel ("Mm-hmm."), or they went on with their own earlier sentence ("-and then he
left"), or the cut-off speaker carried on with theirs right after ("-about the gym"). A marker at the start of the next turn ("[interrupting] Sorry, but...") counts too.
Timed transcripts also give overlaps (``timing.overlap``), which this does not read: caption
times lag speech by too much to tell an interruption from a quick reply.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from ..coding.rules import BACKCHANNEL
from ..features import Level, declare
from ..model import Conversation
from ..pipeline import Analyzer

_MARK = r"(?:interrupt(?:s|ed|ing|ion)?|cut off|cuts? (?:in|across)|crosstalk|cross-talk|talk(?:s|ing)? over|overlap(?:s|ping)?)"
MARKER = re.compile(rf"[\[(]\s*{_MARK}[^\])]*[\])]", re.IGNORECASE)
MARKER_AT_END = re.compile(rf"{MARKER.pattern}\s*$", re.IGNORECASE)
# Not the nose of an emoticon (":-)", which ends many typed chat lines).
DASH_END = re.compile(r"(?<![:;=8])(?:-{1,2}|[\u2014\u2013])\s*[\"'\u201d]*\s*$")
# Words no finished sentence ends on: an article, a possessive, "I", "and", "but", "because".
# Not prepositions or object pronouns, which English sentences do end on ("the areas she's
# in", "better off without her"; ESConv's chats). Read only where the transcript punctuates
# (``PUNCTUATED``).
DANGLING = re.compile(r"\b(?:the|a|an|my|your|our|their|i|and|but|because)\s*$", re.IGNORECASE)
ENDS_FINISHED = re.compile(r"[.?!\u2026,;:\"')\]]\s*$")
PUNCTUATED = 0.8  # share of utterances that end in punctuation for a bare ending to count
OWN_CONTINUATION = re.compile(r"^\s*[-\u2014\u2013]")

INTERRUPTIONS = declare(
    "interruptions", Level.CONVERSATION, "list",
    "Each time a speaker took the floor from another whose turn was cut off: utterance (the one that "
    "took the floor), speaker, interrupted (the cut-off utterance), interrupted_speaker and cue (how the "
    "transcript shows the cut: a dash at its end, a marker such as [interrupted], or a turn stopping on "
    "a word like 'and' in a punctuated transcript). A backchannel after the cut is not counted.",
)
BY_SPEAKER = declare(
    "interruptions.by_speaker", Level.SPEAKER, "int",
    "Times this speaker took the floor from another speaker whose turn was cut off.",
)
COUNT = declare("interruptions.count", Level.CONVERSATION, "int", "Interruptions in the conversation.")


def cut_cue(text: str, punctuated: bool) -> str | None:
    """How ``text`` shows it was cut off, in words; None when it looks finished."""
    stripped = text.rstrip()
    if marker := MARKER_AT_END.search(stripped):
        return f"marked {marker.group().strip()}"
    if m := DASH_END.search(stripped):
        return f"ends with '{m.group().strip()}'"
    if punctuated and not ENDS_FINISHED.search(stripped) and (m := DANGLING.search(stripped)):
        return f"stops on '{m.group().strip()}'"
    return None


def interruptions(conversation: Conversation) -> list[dict[str, Any]]:
    utts = conversation.utterances
    ended = sum(bool(ENDS_FINISHED.search(u.text.rstrip())) for u in utts)
    punctuated = bool(utts) and ended / len(utts) >= PUNCTUATED
    out = []
    for k, (before, after) in enumerate(pairwise(utts)):
        if before.speaker == after.speaker:
            continue
        # The cut-off speaker carried on with their sentence right after ("uh-", "The gym.",
        # "-about the gym"): the other only put in a word, and the floor stayed where it was.
        resumed = k + 2 < len(utts) and utts[k + 2].speaker == before.speaker and OWN_CONTINUATION.match(utts[k + 2].text)
        opening = MARKER.match(after.text.lstrip())
        cue = f"marked {opening.group()}" if opening else cut_cue(before.text, punctuated)
        if cue is None:
            continue
        rest = MARKER.sub(" ", after.text)
        if not opening and (BACKCHANNEL.match(rest) or OWN_CONTINUATION.match(after.text) or resumed or not rest.strip()):
            continue
        out.append({"utterance": after.index, "speaker": after.speaker, "interrupted": before.index,
                    "interrupted_speaker": before.speaker, "cue": cue})
    return out


class Interruptions(Analyzer):
    name = "interruptions"
    description = "Who cut whom off, from the dashes, markers and unfinished endings of cut-off turns."
    version = "v1"
    assigns = (INTERRUPTIONS.key, BY_SPEAKER.key, COUNT.key)

    def apply(self, conversation: Conversation) -> None:
        found = interruptions(conversation)
        f = conversation.features
        f.assign(INTERRUPTIONS.key, found)
        f.assign(BY_SPEAKER.key, {n: sum(x["speaker"] == n for x in found) for n in conversation.speaker_names})
        f.assign(COUNT.key, len(found))
