"""How the practitioner answered each utterance flagged for risk (SPEC sections 6 and 7).

A supervisor reading a session with risk language wants to know first whether it was
heard: did the practitioner ask about it directly, take a step towards safety, or at least
acknowledge it, or did the talk move on ("Try to keep a regular sleep schedule" after "I
think it would be easier if I didn't wake up")? Asking directly about suicide does not put
the idea in anyone's head, and guidance for helpers in every setting asks for it.

This reads the practitioner's next ``WINDOW`` turns after the flagged utterance. It says
what was said, not whether it was enough: the risk itself still needs human review.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..coding.rules import question_form
from ..model import Conversation, Role, clip
from .risk_answers import ASSESSING, SAFETY_QUESTION, TOPIC_QUESTIONS
from .rupture_cues import ACKNOWLEDGING_CUES
from .rupture_turns import _stems
from .view import View

WINDOW = 2  # practitioner turns after the flag in which a response counts
# Flags found by a risk phrase or as the answer to a direct question about risk. The model's
# flags on ordinary support chats are mostly distress, not risk (docs/analyzers/risk.md), so
# a practitioner who did not treat one as risk is not faulted for it.
PRECISE = ("patterns", "answer")

# A step towards safety: help now, someone with them, a plan, the means put away.
SAFETY_STEP = re.compile(
    r"\b(?:crisis (?:line|team|service|number|text line|cent(?:er|re))|help ?line|hotline|samaritans|lifeline|"
    r"(?:call|ring|dial|text) (?:999|911|112|111|988|116 ?123|the police|an ambulance|emergency services|someone)|"
    r"a ?& ?e|emergency (?:department|services|room)|urgent care|"
    r"safety plan|keep (?:yourself )?safe|stay(?:ing)? safe|are you safe|safe (?:right )?now|"
    r"(?:see|call|ring|contact|talk to|speak to) (?:your|a) (?:gp|doctor|crisis team|care coordinator)|"
    r"someone (?:to be|who can be|who could be|who can stay|to stay) with you|"
    # Passing a disclosure of harm to those whose job is to act on it.
    r"(?:our |the |a |my )?(?:designated )?safeguarding (?:lead|team|officer|referral|concern)|(?:children'?s|social) services|"
    r"(?:make|making) a (?:safeguarding )?referral|"
    r"(?:remove|lock (?:away|up)|put away|get rid of|hand (?:in|over)|move) (?:the |those |your |any )?(?:pills|tablets|medication|rope|knife|knives|blades|razors|gun|means)|"
    r"put (?:the |those |your |any )?(?:pills|tablets|medication|rope|knife|knives|blades|razors|gun) (?:somewhere|away|out|in))\b",
    re.IGNORECASE)
# Taking up what was said, in the first turn (``_takes_up``): these codes, a worded
# acknowledgement, or a question about its subject.
ACKNOWLEDGING = ("reflection.simple", "reflection.complex", "reflection.feeling", "validation", "check_understanding")
CONFIDENCE = 0.5
# Naming how it must feel ("That does sound painful."), which the rupture cues leave out.
SOUNDS_HARD = re.compile(r"\b(?:that|it|this) (?:does |must |really |must really )?(?:sound|sounds|be|feel|feels) (?:so |really |very |incredibly )?"
                         r"(?:painful|hard|awful|terrible|frightening|scary|difficult|heavy|exhausting|lonely|overwhelming|unbearable)\b",
                         re.IGNORECASE)
# Thanking the client for saying it ("Thank you for telling me, I know that's not easy to say
# out loud."): hearing a disclosure as one, which the rupture cues have no need of.
DISCLOSURE_HEARD = re.compile(
    r"\b(?:thank you|thanks) (?:so much |very much |for |)(?:for )?(?:telling|sharing|being (?:so )?(?:honest|open)|trusting)\b"
    r"|\bi'?m (?:really |so )?glad (?:that )?you (?:told|said|shared|mentioned|felt able)\b"
    r"|\b(?:that|it)(?:'s| is| can'?t be| must not be|'s not| is not| isn'?t) (?:an? )?(?:easy|hard|difficult) (?:thing )?to (?:say|tell|talk about|share|admit)\b",
    re.IGNORECASE)
# Questions that assess a disclosure in its own terms without the words of ``TOPIC_QUESTIONS``:
# what a voice says or tells them to do, and the harm done to the body by self-harm or
# purging ("Have you fainted or had chest pains?").
EXPLORING = {
    "psychosis": re.compile(r"\b(?:what|does|do|did|has|have)\b[^.?!]{0,20}\b(?:it|he|she|they|the voices?|the man|the woman)\b"
                            r"[^.?!]{0,20}\b(?:say|says|said|saying|tell|tells|told|telling)\b[^.?!]*\?", re.IGNORECASE),
    "self_harm": re.compile(r"\b(?:fainted|faint|fainting|passed out|blacked out|chest pains?|palpitations|dizzy|stitches|wounds?|"
                            r"bleeding|infected|scars?|burns?)\b[^.?!]*\?", re.IGNORECASE),
}
TOPIC_STEM = 5  # letters a word shared with the flagged utterance needs to name its subject
LISTENING_WORDS = 2  # a practitioner turn this short only keeps the client talking ("Go on.")

KINDS = {
    "asked": "asked about it directly",  # or asked the questions of a risk assessment
    "safety_step": "took a step towards safety",
    "acknowledged": "acknowledged it",
    "not_followed_up": "did not take it up",
    "session_ended": "no practitioner turn after it",
}


def asks_about_risk(text: str, categories: Sequence[str] = ()) -> bool:
    """Whether ``text`` asks directly about risk: a question naming it or probing it, or, for a
    flag of one of ``categories``, a question assessing it in its own terms (``EXPLORING``)."""
    if any(EXPLORING[c].search(text) for c in categories if c in EXPLORING):
        return True
    form = question_form(text)
    asked = text[form.span[0]:form.span[1]] if form else ""
    # "Are you thinking about ending your life?" in any sentence of the turn that asks.
    questions = [s for s in re.split(r"(?<=[.!?])\s+", text) if s.rstrip().endswith("?")] + [asked]
    return any(rx.search(q) for q in questions if q for rx in (*TOPIC_QUESTIONS.values(), SAFETY_QUESTION, ASSESSING))


def _listening(conv: Conversation, v: View, turn) -> bool:
    """A turn that only keeps the client talking ("Mm-hmm.", "Go on."): the client has the
    floor still, so it is no answer yet and does not use up the window."""
    return all(len(conv.utterances[j].text.split()) <= LISTENING_WORDS
               or v.codes(j).get("backchannel", {}).get("confidence", 0) >= CONFIDENCE for j in turn.utterances)


def _takes_up(conv: Conversation, v: View, j: int, said: set[str]) -> bool:
    """Whether practitioner utterance ``j`` takes up what was said: a reflection, validation or
    check of understanding, a worded acknowledgement ("That does sound painful.", "Thank you
    for telling me."), or a question about its subject ("So she knew about the incident but
    did nothing?")."""
    text = conv.utterances[j].text
    return (any(v.codes(j).get(c, {}).get("confidence", 0) >= CONFIDENCE for c in ACKNOWLEDGING)
            or any(rx.search(text) for rx in (ACKNOWLEDGING_CUES, SOUNDS_HARD, DISCLOSURE_HEARD))
            or (question_form(text) is not None and bool(said & _stems(conv, [j]))))


def follow_ups(conv: Conversation, v: View | None = None) -> list[dict[str, Any]]:
    """For each utterance the risk analyzer flagged: ``utterance``, its ``categories``,
    ``sure`` (a flag that is not the model's unsure one), ``precise`` (a flag from the risk
    phrases or a direct question's answer, ``PRECISE``), ``follow_up`` (a ``KINDS`` key)
    and ``by`` (the practitioner utterance that did it, or the first one after the flag
    when nothing did; None when the session ended)."""
    v = v or View.whole(conv)
    roles = {s.name: s.role for s in conv.speakers}
    flagged: dict[int, dict[str, Any]] = {}
    for f in conv.features.get("risk") or []:
        item = flagged.setdefault(f["utterance"], {"utterance": f["utterance"], "categories": [], "sure": False,
                                                   "precise": False})
        if f["category"] not in item["categories"]:
            item["categories"].append(f["category"])
        item["sure"] = item["sure"] or not f.get("unsure")
        item["precise"] = item["precise"] or f.get("source") in PRECISE
    out = []
    for i, item in sorted(flagged.items()):
        after = [t for t in conv.turns if t.utterances[0] > i and roles[t.speaker] == Role.PRACTITIONER
                 and not _listening(conv, v, t)][:WINDOW]
        kind, by = ("session_ended", None) if not after else ("not_followed_up", after[0].utterances[0])
        said = {w for w in _stems(conv, [i]) if len(w) >= TOPIC_STEM}
        # The strongest response in the window: acknowledging it first and asking directly in
        # the next turn ("That must have been frightening." / "Do you feel safe going home
        # today?") is asking.
        mine = [(k, j, conv.utterances[j].text) for k, turn in enumerate(after) for j in turn.utterances]
        found = (next((("asked", j) for _, j, text in mine if asks_about_risk(text, item["categories"])), None)
                 or next((("safety_step", j) for _, j, text in mine if SAFETY_STEP.search(text)), None)
                 or next((("acknowledged", j) for k, j, _ in mine if k == 0 and _takes_up(conv, v, j, said)), None))
        if found:
            kind, by = found
        out.append({**item, "follow_up": kind, "by": by})
    return out


def described(item: dict[str, Any], conv: Conversation | None = None, width: int = 70) -> str:
    """A ``follow_ups`` item in words for reports: "Dr. Lee asked about it directly (utterance
    9)", or for one not taken up, which turn came next and the start of what it said (cut at a
    word to ``width`` characters); who and what come from ``conv`` when given."""
    if item["by"] is None:
        return KINDS[item["follow_up"]]
    by = conv.utterances[item["by"]] if conv is not None else None
    speaker, text = (by.speaker, by.text) if by is not None else (None, None)
    who = speaker or "the practitioner"
    if item["follow_up"] == "not_followed_up":
        # "...health...." reads badly: a full stop goes before the dots too.
        said = f": \"{clip(text, width, ',;:.')}\"" if text else ""
        return f"{who} {KINDS['not_followed_up']} in the next {WINDOW} turns (utterance {item['by']}{said})"
    return f"{who} {KINDS[item['follow_up']]} (utterance {item['by']})"
