"""Advice the client asked for or agreed to hear. MITI 4.2.1 counts advice given with the
client's permission (they asked, or said yes when asked) as MI-consistent and advice given
unasked against; the collaboration dimension and the rushing pitfall follow it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Role

# The practitioner asks leave to advise or inform (also coded as collaboration, rules.py).
PERMISSION_PATTERNS = (
    r"\b(?:would|is|will) it be (?:all right|alright|ok|okay|fine)\b[^.?!]{0,15}\bif (?:i|we)\b",
    r"\bis it (?:all right|alright|ok|okay) if (?:i|we)\b", r"\bdo you mind if (?:i|we)\b",
    r"\b(?:may|can|could) i (?:share|offer|suggest|tell you|give you|ask you about)\b",
    (r"\bwould you (?:like|want) (?:me to (?:share|suggest|tell you|give you|go over|go through|talk you through|"
     r"walk you through|run through|explain)|(?:some|a few) (?:ideas|suggestions|tips|information|thoughts))\b"),
    # Offering how news or information will come ("Would it help if I tell you the result
    # straight away?").
    r"\bwould it help (?:if (?:i|we)|to (?:hear|talk|go))\b",
    r"\bwould you be (?:interested in|open to) (?:hearing|some|a few)\b",
)
PERMISSION = re.compile("|".join(PERMISSION_PATTERNS), re.IGNORECASE)
# The client asks for advice or information.
REQUEST = re.compile(
    r"\bwhat (?:should|can|could|do) i do\b|\bwhat would you (?:do|suggest|recommend|advise)\b|"
    r"\b(?:any|some) (?:advice|suggestions?|ideas|tips|recommendations)\b[^.!?]*\?|"
    r"\b(?:can|could|would) you (?:recommend|suggest|advise|give me (?:some |any )?(?:advice|ideas|tips))\b|"
    r"\bhow (?:do|can|should|could) i (?:stop|deal|cope|handle|get|make|fix|manage|tell|start|find|cut)\b|"
    r"\bwhat do you (?:think|suggest|recommend) i (?:should|do)\b|\bi (?:need|want|would like) (?:some |your )?advice\b|"
    r"\bwhat are my options\b|\bwhat (?:else )?can i try\b",
    re.IGNORECASE,
)
DECLINE = re.compile(r"^\W*(?:no\b|nope|not really|not now|not yet|i'?d rather not|rather not|i don'?t think so)",
                     re.IGNORECASE)
LOOKBACK = 3  # utterances: the request or the yes must be close to the advice


def invited(roles: Sequence[Role | None], texts: Sequence[str], i: int) -> str | None:
    """Why the practitioner's utterance ``i`` was asked for: the client requested advice, or
    did not turn down a permission question, within ``LOOKBACK`` utterances; None if not."""
    answer = None  # the client's first reply after a permission question, scanning backwards
    for j in range(i - 1, max(-1, i - 1 - LOOKBACK), -1):
        if roles[j] == Role.PRACTITIONER:
            if PERMISSION.search(texts[j]) and answer is not None:
                return None if DECLINE.search(texts[answer]) else f"asked leave at {j}, not declined at {answer}"
        else:
            if REQUEST.search(texts[j]):
                return f"the client asked for it at {j}"
            answer = j
    return None
