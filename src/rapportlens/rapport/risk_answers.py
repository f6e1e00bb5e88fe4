"""Answers to a practitioner's direct question about risk (SPEC section 7).

"Are you having thoughts of ending your life?" answered "Not like, a plan. Just sometimes at
night." holds no risk words of its own, so neither the phrase patterns nor the sentence model
(which reads each sentence alone) flags it; yet it confirms the risk the question named. A
client's turn right after such a question is flagged in the question's category unless it
plainly denies ("No.", "No, never.", "Not at all.").

The questions that follow a disclosure up without naming it again ("Have you thought about how
you would do it?") are answered in the same way: "I've got pills saved up." is flagged in the
category of the disclosure it follows up (``PROBING``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from ..coding.rules import question_form
from ..model import Conversation, Role

# What a practitioner asks about, by category: second person, since they ask about the client.
TOPICS = {
    "suicide": r"suicid\w*|end(?:ing)? (?:your (?:own )?life|it all|things)|tak(?:e|ing) your (?:own )?life|"
               r"kill(?:ing)? yourself|(?:want|wanting|wish|wished) (?:to die|you were dead|you weren'?t here)|"
               r"not (?:be|being) (?:here|around|alive)|better off (?:dead|without you)|(?:living|life)'?s? (?:not )?worth",
    "self_harm": r"self[- ]?harm\w*|(?:hurt|hurting|harm|harming|cut|cutting|burn|burning) yourself",
    # Not "them": "stuff for bedbugs that will kill them".
    "harm_to_others": r"(?:hurt|hurting|harm|harming|kill|killing) (?:anyone|anybody|someone|somebody|others|other people|him|her|the baby|your (?:\w+ )?(?:son|daughter|child|children|kids?|baby|partner|wife|husband))",
    "abuse": r"(?:hit|hits|hurt|hurts|touch|touches|touched|threaten\w*) you\b|afraid of (?:him|her|them)|abus\w+",
    # Not "after you drink" or "how she does watch you": someone unnamed is at it.
    "psychosis": r"hear(?:ing)? (?:voices|things)|see(?:ing)? things|"
                 r"(?:people|someone|somebody|anyone|they)(?:'re| are| is)? (?:following|watching|spying on|out to get|controlling) you\b|"
                 r"messages (?:meant )?for you",
}
TOPIC_QUESTIONS = {name: re.compile(rf"\b(?:{rx})", re.IGNORECASE) for name, rx in TOPICS.items()}
# Asked the other way round: "Do you feel safe at home?" is answered with risk by anything but a yes.
SAFETY_QUESTION = re.compile(r"\b(?:(?:do|does|did) you (?:feel|think you'?re)|are you(?: feeling)?|is it) safe\b"
                     r"(?: (?:for you )?(?:at home|there|with (?:him|her|them)|to go home|going home))?", re.IGNORECASE)
_AFFIRM = re.compile(r"^\W*(?:yes|yeah|yep|yup|of course|totally|completely|definitely|absolutely|i do|i am|i'?m fine|"
                     r"very|always)\b(?![^.?!]*\bbut\b)", re.IGNORECASE)
# The questions of a risk assessment that follow a disclosure without naming the risk again.
# Probing the risk: plan, method, means, timing, past attempts, how often, how close, how
# bad ("Have you thought about how you would do it?"); an answer that does not deny confirms
# the disclosure before it ("I've got pills saved up.").
PROBING = re.compile(
    r"\b(?:have you (?:thought about|got|made|worked out) (?:how|a plan|when|where)|do you have (?:a plan|the (?:means|pills|tablets|rope|knife)|access to)|"
    r"how (?:would|will|might) you do (?:it|that)|when (?:would|will|were) you (?:thinking|planning|going) (?:of|to) (?:do|doing) (?:it|that)|"
    r"have you (?:ever )?(?:tried|attempted|done (?:this|that|it)) before|"
    r"have you (?:taken (?:anything|any(?: of)? (?:the |them|pills|tablets))|done anything to yourself|hurt yourself|harmed yourself|cut yourself)|"
    r"how (?:close|likely) are you to|how often (?:do|have) you (?:think|thought|had these thoughts)|"
    r"how (?:deep|bad|badly|many times)\b[^.?!]*\?|did (?:you|it) need (?:stitches|a doctor|medical|to go to hospital))",
    re.IGNORECASE)
# Who is with them: part of the assessment, but the answer ("My mum's downstairs.") is no risk.
WHO_IS_WITH = re.compile(r"\b(?:(?:is|are) (?:anyone|someone|anybody) (?:with you|there with you|at home with you)|"
                         r"are you (?:on your own|alone) (?:right )?now)", re.IGNORECASE)
ASSESSING = re.compile(f"{PROBING.pattern}|{WHO_IS_WITH.pattern}", re.IGNORECASE)
PROBED_WITHIN = 8  # utterances from a flagged disclosure to a probing question that follows it up
# A plain denial, with nothing after it that takes it back ("No, but sometimes...").
_DENIAL = re.compile(
    r"^\W*(?:no+|nope|nah|never|not at all|not really|not ever|no way|god,? no|of course not|definitely not|"
    r"absolutely not|i (?:would|'d|will|'ll) never|i don'?t|i haven'?t|i'?m not(?! sure)|i am not(?! sure))\b(?![^.?!]*\bbut\b)"
    r"(?![^.?!]*[.?!]\s*(?:but|just|only|sometimes|maybe|well|except))",
    re.IGNORECASE)


@dataclass(frozen=True)
class RiskAnswer:
    utterance: int  # the client's answer
    question: int  # the practitioner's question
    category: str
    asked: str  # the words of the question that name the risk, or probe it (from those words on)


def risk_answers(conv: Conversation, flagged: Iterable[tuple[int, str]] = ()) -> list[RiskAnswer]:
    """Each client turn that answers a practitioner's question about risk without denying it.
    ``flagged``: (utterance, category) already flagged; a probing question ("How would you do
    it?") asks about the latest of them, or of the answers found here, within ``PROBED_WITHIN``."""
    roles = {s.name: s.role for s in conv.speakers}
    turns = conv.turns
    seen = sorted(flagged)
    out: list[RiskAnswer] = []
    for prev, turn in pairwise(turns):
        if roles[prev.speaker] != Role.PRACTITIONER or roles[turn.speaker] == Role.PRACTITIONER:
            continue
        q = prev.utterances[-1]
        text = conv.utterances[q].text
        if (form := question_form(text)) is None:
            continue
        asked = text[form.span[0]:form.span[1]]
        first = turn.utterances[0]
        answer = conv.utterances[first].text
        if (m := SAFETY_QUESTION.search(asked)) and not _AFFIRM.search(answer):
            out.append(RiskAnswer(first, q, "abuse", m.group(0)))
        if _DENIAL.search(answer):
            continue
        named = [RiskAnswer(first, q, name, m.group(0)) for name, rx in TOPIC_QUESTIONS.items() if (m := rx.search(asked))]
        # A question back ("What will they do?") answers something else.
        if not named and (m := PROBING.search(asked)) and question_form(answer) is None:
            before = [(u, c) for u, c in seen + [(a.utterance, a.category) for a in out] if q - PROBED_WITHIN <= u < q]
            latest = max((u for u, _ in before), default=None)
            words = asked[m.start():].rstrip(" ?")
            named = [RiskAnswer(first, q, c, words) for c in dict.fromkeys(c for u, c in before if u == latest)]
        out += named
    return out
