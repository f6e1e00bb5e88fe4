"""Reading one turn for the rupture finder (``rapport.ruptures``): its codes, its words,
whether it asks, what it answers, whether it is engaged. Shared by the finder, its reading
of pushback (``rupture_pushback``) and of repair (``rupture_repair``)."""

from __future__ import annotations

import re
from statistics import median

from ..coordination.words import content_stems
from ..coordination.words import words as tokens
from ..model import Conversation, Role
from .risk import pattern_flags
from .rupture_cues import (
    BAD_NEWS,
    DIRECTIVE_CUES,
    ECHO_QUESTION,
    GOING_ALONG,
    REPROACH,
)

CONFIDENCE = 0.5  # codes below this do not count as signals


WEAK = 0.4  # a weaker withdrawal ("Fine.", "Not really.") counts only with sudden shortening


MINIMAL_WORDS = 4  # at most this long to be a bare reply


DIRECTIVE = ("advice", "face_threat")  # practitioner moves a curt reply may be withdrawing from


# Advice the model is unsure of still counts as a directive here when no other code of the
# turn is likelier ("And you should be going to the lunchtime clinic.": advice 0.29).
WEAK_ADVICE = 0.25


# Transcribers mark a sentence broken off and taken up again with dashes ("because-" ... "-it's").
CUT_OFF = re.compile(r"[-\u2013\u2014]\s*$")


CONTINUES = re.compile(r"^\s*(?:[-\u2013\u2014]|\.\.\.|\u2026)")


BACKCHANNEL_WORDS = 2  # at most this long, a practitioner's turn between is only listening


TALKED_THROUGH = 6  # words an answer to an explicit repair needs beyond this to be talking it through


RECOVERY_WORDS = 5  # fewer words than this ("The buses were cancelled.") is no coming back
# Taking a step themselves ("Okay. Maybe I could call them." after "That's your decision to
# make."): engaged in few words, whatever the speaker's usual length.
COMMITTING = re.compile(r"\b(?:maybe |perhaps )?i(?:'ll| will| could| might| can|'m going to| am going to) "
                        r"(?:try|give|call|ring|do|ask|talk|speak|go|make|book|start|look|think about)\b", re.IGNORECASE)


def _codes(conv: Conversation, idx: tuple[int, ...]) -> dict[str, float]:
    out: dict[str, float] = {}
    for i in idx:
        for c in conv.features["codes"][i]:
            out[c["code"]] = max(out.get(c["code"], 0.0), c["confidence"])
    return out


def _length(turn, words) -> int:
    """A turn's words, summed over its utterances."""
    return sum(words[i] for i in turn.utterances)


def _curt_reply(conv: Conversation, turn, words) -> bool:
    """Whether ``turn`` only goes along in a few words ("Right.", "Mm.", "No.")."""
    return _length(turn, words) <= MINIMAL_WORDS and GOING_ALONG.match(_text(conv, turn)) is not None


def _asks(conv: Conversation, turn) -> bool:
    """Whether ``turn`` ends by asking something, other than a reproach ("...don't you
    remember?") or a bare echo ("Have I?")."""
    text = conv.utterances[turn.utterances[-1]].text.rstrip()
    return text.endswith("?") and not REPROACH.search(text) and not ECHO_QUESTION.match(text)


GROUP_BETWEEN = 2  # other members' turns a member's turn may come after and still answer the practitioner


def _answered(conv: Conversation, turn, roles):
    """The practitioner turn ``turn`` answers, or None: the turn just before it, or in a group
    the practitioner's last turn when at most ``GROUP_BETWEEN`` other members spoke since
    ("Let's come back to that later. Rob?" / "I've been okay." / "Later. Right. It's always
    later for me.")."""
    for k in range(turn.index - 1, max(turn.index - 2 - GROUP_BETWEEN, -1), -1):
        before = conv.turns[k]
        if roles[before.speaker] == Role.PRACTITIONER:
            return before
        if before.speaker == turn.speaker:
            return None
    return None


def _answers_question(conv: Conversation, turn, roles) -> bool:
    """Whether ``turn`` answers the practitioner's question: what the engagement model only
    suspects in an answer ("I did them twice. I've been on nights all week." to "How have the
    stretches gone?") is an account asked for, not a sign of a drop."""
    before = _answered(conv, turn, roles)
    return before is not None and _asks(conv, before)


def _answers_directive(conv: Conversation, turn, roles) -> bool:
    before = _answered(conv, turn, roles)
    return before is not None and _directive(conv, before)


def _answers_news(conv: Conversation, turn, roles) -> bool:
    """Whether ``turn`` answers a practitioner turn that breaks bad news (``BAD_NEWS``)."""
    before = _answered(conv, turn, roles)
    return before is not None and BAD_NEWS.search(_text(conv, before)) is not None


def _directive(conv: Conversation, turn) -> bool:
    """Whether ``turn`` advises or criticises (a move a client may withdraw from or push back
    on): coded so, or worded as a suggestion, instruction or warning (``DIRECTIVE_CUES``)."""
    codes = _codes(conv, turn.utterances)
    advice = codes.get("advice", 0.0)
    return (any(codes.get(c, 0.0) >= CONFIDENCE for c in DIRECTIVE)
            or (advice >= WEAK_ADVICE and advice >= max(p for c, p in codes.items()))
            or DIRECTIVE_CUES.search(_text(conv, turn)) is not None)


def _text(conv: Conversation, turn) -> str:
    return " ".join(conv.utterances[i].text for i in turn.utterances)


def heard_in_risk_words(conv: Conversation, utterances, code: str) -> bool:
    """Whether ``code`` (a rupture code at the finder's confidence) came only from the engagement
    model, in words a risk phrase flags: "Whatever. Sometimes I think everyone would be better
    off if I just wasn't here." opens up rather than pulls away, and the risk flags take it up."""
    found = [c for i in utterances for c in conv.features["codes"][i]
             if c["code"] == code and c["confidence"] >= CONFIDENCE]
    return (bool(found) and all(c["source"] == "model" for c in found)
            and any(pattern_flags(conv.utterances[i].text) for i in utterances))


def _weak_code(conv: Conversation, turn, source: str) -> str | None:
    """A rupture code of ``turn`` from ``source`` below the finder's 0.5: a bare non-answer
    from the rules ("Fine."), or a turn the engagement model only suspects
    (``coding.engagement.SUSPECT``)."""
    for i in turn.utterances:
        for c in conv.features["codes"][i]:
            if (c["code"] in ("confrontation", "withdrawal") and c["source"] == source
                    and WEAK <= c["confidence"] < CONFIDENCE):
                return c["code"]
    return None


def _usual_length(conv: Conversation, speaker: str, start: int, words) -> float:
    """The median length of ``speaker``'s last five turns before utterance ``start`` (0 without any)."""
    earlier = [_length(t, words) for t in conv.turns
               if t.utterances[-1] < start and t.speaker == speaker][-5:]
    return median(earlier) if earlier else 0


def _engaged(conv: Conversation, turn, usual: float, words) -> bool:
    """Whether ``turn`` is engaged: no rupture code, not even one the rules or the model only
    suspect (``WEAK``), at least ``RECOVERY_WORDS`` words and half the speaker's usual length."""
    all_codes = _codes(conv, turn.utterances)
    codes = {c for c, p in all_codes.items() if p >= CONFIDENCE}
    marked = {c for c, p in all_codes.items() if p >= WEAK}
    n = _length(turn, words)
    return ((not marked & {"withdrawal", "confrontation"} or _talks_it_through(conv, turn, words))
            and n >= RECOVERY_WORDS and (n >= 0.5 * usual or "elaboration" in codes or COMMITTING.search(_text(conv, turn)) is not None))


def _continued(conv: Conversation, turn, roles, words) -> bool:
    """Whether ``turn`` breaks off mid-sentence ("It's really frustrating because-") and the
    speaker takes it up again after only a listening noise ("Yeah." / "-it's almost like I
    don't wanna give up..."): a transcript's cut, not a short or drawn-back answer."""
    k = turn.index
    if k + 2 >= len(conv.turns) or not CUT_OFF.search(conv.utterances[turn.utterances[-1]].text):
        return False
    between, nxt = conv.turns[k + 1], conv.turns[k + 2]
    return (roles[between.speaker] == Role.PRACTITIONER and nxt.speaker == turn.speaker
            and _length(between, words) <= BACKCHANNEL_WORDS
            and CONTINUES.match(conv.utterances[nxt.utterances[0]].text) is not None)


def _talks_it_through(conv: Conversation, turn, words) -> bool:
    """Whether ``turn`` takes up the practitioner's explicit repair in more than a few words
    ("I wonder if I've jumped ahead of you." / "A bit. I didn't come here for sleep tips, I
    wanted to talk about..."): the complaint it may voice is the rupture being talked
    through, which is how it is resolved, not a new one."""
    k = turn.index
    prev = conv.turns[k - 1] if k > 0 else None
    return (prev is not None and prev.speaker != turn.speaker
            and _codes(conv, prev.utterances).get("repair", 0.0) >= CONFIDENCE
            and _length(turn, words) > TALKED_THROUGH)


def _stems(conv: Conversation, idx) -> set[str]:
    return {s for i in idx for s in content_stems(tokens(conv.utterances[i].text))}
