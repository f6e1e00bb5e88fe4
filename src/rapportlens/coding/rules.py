"""The rules layer: codes whose surface form is reliable (question form, backchannels,
explicit phrases such as "it makes sense that you..."). Each hit carries the matched span
as its evidence and the rule that fired as its reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import Role
from .inputs import speaks_as
from .lexicon import FEELING, VULNERABLE

P, C = "practitioner", "client"


@dataclass(frozen=True, slots=True)
class Hit:
    code: str
    confidence: float
    span: tuple[int, int]
    reason: str
    depth: int | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    speaker: str
    pattern: re.Pattern[str]
    confidence: float
    name: str


def _rules(code: str, speaker: str, confidence: float, *patterns: str) -> list[Rule]:
    return [Rule(code, speaker, re.compile(p, re.IGNORECASE), confidence, f"{code} phrase") for p in patterns]


YOU_FEEL = r"(?:it )?(?:sounds|seems|looks) (?:like|as if|as though)?\s*(?:you(?:'re| are| were| feel| felt)?|that)|you(?:'re| are| were)? (?:seem|sound|look|feel|felt|must (?:feel|have felt|be))"
RULES: list[Rule] = [
    *_rules("reflection.feeling", P, 0.8, rf"\b(?:{YOU_FEEL})\b[^.?!]{{0,40}}\b(?:{FEELING})\b"),
    *_rules(
        "validation", P, 0.8,
        r"\bmakes? (?:total |complete |perfect |a lot of )?sense\b[^.?!]{0,25}\b(?:you|that|why|to feel)",
        r"\b(?:anyone|anybody|most people|no wonder|of course you)\b[^.?!]{0,50}\b(?:feel|felt|would|be|are|were)\b",
        r"\bit'?s (?:completely |totally |perfectly |so )?(?:understandable|natural|normal|okay|ok|human) (?:to|that|you)\b",
        r"\byour (?:feelings|reaction|anger|fear|sadness) (?:is|are) (?:valid|understandable|natural)",
        r"\bthat'?s (?:so )?(?:understandable|valid)\b",
    ),
    *_rules(
        "affirmation", P, 0.75,
        r"\b(?:that|it|this) (?:takes|took|shows|showed) (?:a lot of |real |so much )?(?:courage|strength|guts|determination|commitment|effort)",
        r"\byou(?:'re| are|'ve been| have been| were) (?:so |really |very |clearly )?(?:brave|strong|resilient|determined|committed|doing (?:great|well|so well|a great job|the right thing))",
        r"\b(?:great|good|well) (?:job|done|work)\b", r"\b(?:i'?m|i am) (?:so |really )?(?:proud of|impressed)",
        r"\byou (?:clearly|really|obviously) (?:care|love|want)", r"\b(?:brave|big|important) step\b",
        r"\byou (?:should|can) be proud\b", r"\byou(?:'ll| will) (?:get through|be fine|be okay|be ok|manage)\b",
        r"\bdon'?t be (?:too |so )?hard on yourself\b", r"\byou did (?:great|well|the right thing|everything you could)",
    ),
    *_rules(
        "self_disclosure", P, 0.75,
        r"\bwhen i (?:was|moved|lost|had|went|first|left|started)\b",
        r"\bi(?:'ve| have)? (?:also |once |too )?(?:been through|had|experienced|struggled with|gone through|went through|felt) (?:a |something )?(?:similar|the same|that too|this too|like that)",
        r"\bin my (?:own )?(?:experience|life|family|twenties|teens)\b",
        r"\bmy (?:own )?(?:husband|wife|partner|father|mother|dad|mum|mom|son|daughter|kids|children|brother|sister|friend) (?:also|too|used to|went|had)\b",
        r"\bi remember (?:feeling|being|when i|how i)\b", r"\bhappened to me\b", r"\bi used to (?:feel|be|have|think)\b",
    ),
    *_rules(
        "common_ground", P, 0.75,
        r"\bme (?:too|neither|as well)\b", r"\bsame here\b", r"\bwe(?:'re| are) both\b", r"\bwe both\b",
        r"\b(?:both of us|you and i|you and me)\b",
        r"\bi (?:also|too) (?:love|like|hate|enjoy|can'?t stand|grew up|play|have)\b",
    ),
    *_rules(
        "collaboration", P, 0.75,
        r"\b(?:would|is|will) it be (?:all right|alright|ok|okay|fine)\b[^.?!]{0,15}\bif (?:i|we)\b",
        r"\bis it (?:all right|alright|ok|okay) if (?:i|we)\b", r"\bdo you mind if (?:i|we)\b",
        r"\b(?:may|can|could) i (?:share|offer|suggest|tell you|give you|ask you about)\b",
        r"\b(?:it'?s|that'?s|it is|that is) (?:completely |entirely |totally |really )?(?:your|up to you)(?: decision| choice| call)?\b",
        r"\bup to you\b", r"\bwhat would you like to (?:do|focus|work|talk|try)\b",
        r"\b(?:let'?s|shall we|we could|could we|can we)\b[^.?!]{0,40}\btogether\b",
        r"\bwhere would you like to (?:start|begin)\b", r"\bhow would you like to\b",
    ),
    *_rules(
        "orientation", P, 0.7,
        r"\bconfidential", r"\bstays? (?:between us|in this room|here)\b",
        r"\b(?:let me|i'?ll|i will|i want to|i'?d like to) (?:explain|tell you|walk you through|go over|describe) (?:how|what|a bit|the)\b",
        r"\b(?:today|in this session|in these sessions|this session) (?:we'?ll|we will|we'?re going to|we are going to|we have|i'?ll)\b",
        r"\b(?:my|your) role (?:here )?is\b", r"\bwhat (?:you can|to) expect\b", r"\bwe have (?:about |around )?\w+ minutes\b",
        r"\bbefore we (?:start|begin|get started)\b",
    ),
    *_rules(
        "check_understanding", P, 0.8,
        r"\bdid i (?:get|understand) (?:that|this|it|you|everything) (?:right|correctly)\b",
        r"\b(?:am i|have i got (?:that|this|it))(?: right| correct)\b",
        r"\blet me (?:check|make sure) (?:i|i'?ve|that i)\b", r"\bwhat do you mean\b",
        r"\bwhen you say\b[^.?!]{1,60}\bwhat\b", r"\bis that (?:right|correct)\?",
        r"\b(?:do|did) i understand (?:you )?correctly\b", r"\bif i understand (?:you )?correctly\b",
    ),
    *_rules(
        "advice", P, 0.7,
        r"\byou (?:should|ought to|need to|have to|must)\b(?! (?:be|feel) )",
        r"\bi(?:'d| would) (?:recommend|suggest|advise)\b", r"\b(?:my|one) (?:advice|suggestion|recommendation) (?:is|would be)\b",
        r"^(?:so,? |okay,? |well,? )?(?:try|make sure|consider|avoid)\b", r"\bwhy don'?t you (?:try|give|consider)\b",
        r"\bmaybe you (?:could|can|should) (?:try|start|talk|call|ask|look)\b",
    ),
    *_rules(
        "repair", P, 0.75,
        r"\b(?:i'?m|i am) sorry(?: (?:if|that))?,? i\b", r"\bi (?:jumped|went|rushed) (?:straight|right) (?:to|in|into)\b",
        r"\bthat (?:wasn'?t|was not) (?:fair|helpful|what you (?:needed|asked))\b",
        r"\bi (?:think i )?(?:pushed|was pushing|went|came on|jumped|rushed)\b[^.?!]{0,15}\b(?:too|a bit|ahead)\b",
        r"\bi may have (?:misunderstood|misread|got that wrong|gotten that wrong|pushed)\b",
        r"\b(?:didn'?t|did not) (?:land|come out) (?:well|right|the way)\b", r"\blet(?:'?s| me| us) (?:go|step) back\b",
        r"\bwhat (?:felt|was) (?:off|wrong|unhelpful)\b", r"\btell me (?:if|when) i'?m (?:off|wrong|getting)\b",
        r"\bi (?:got|had) (?:that|it) wrong\b", r"\bthat came out wrong\b", r"\bi apologi[sz]e\b",
        r"\bhow (?:is|was) (?:this|that|our conversation) (?:feeling|going|landing) for you\b",
    ),
    *_rules(
        "sympathy", P, 0.75,
        r"\b(?:you )?poor (?:thing|you|dear|soul)\b", r"\bi(?:'?m| am) (?:so |very |really |truly )?sorry (?:to hear|for you|that happened|about)\b",
        r"\bi feel (?:so |really )?(?:bad|sorry) for you\b", r"\b(?:what a|that'?s a) (?:shame|pity)\b", r"\bi pity\b",
    ),
    *_rules(
        "face_threat", P, 0.7,
        r"\b(?:stupid|ridiculous|pathetic|lazy|idiotic|dumb|childish)\b",
        r"\byou(?:'re| are) (?:just |being )?(?:overreacting|exaggerating|making (?:excuses|it up)|dramatic|too sensitive)\b",
        r"\bstop (?:making excuses|whining|complaining|being)\b", r"\b(?:it'?s|that'?s|it is) not (?:a|that) big (?:a )?deal\b",
        r"\bget over it\b", r"\bwhat were you thinking\b", r"\b(?:your|it'?s your|it was your) own fault\b",
        r"\bshut up\b", r"\bgrow up\b", r"\bdeal with it\b", r"\bjust stop\b",
    ),
    *_rules(
        "agreement", C, 0.8,
        r"^\W*(?:yes|yeah|yep|right|oh)?[,.! ]*(?:exactly|absolutely|precisely|spot on)\b",
        r"\bthat'?s (?:exactly )?(?:it|right|how it (?:is|feels)|what i mean|what i meant)\b[.!]",
        r"\byou(?:'ve| have)? got it\b", r"\bthat'?s exactly\b",
    ),
    *_rules(
        "withdrawal", C, 0.8,
        r"^\W*(?:i )?(?:don'?t|dunno|do not) know\W*$", r"^\W*(?:um+,? |uh+,? )?(?:i )?(?:don'?t|dunno) know\b.{0,15}$",
        r"^\W*(?:whatever|nothing|fine|i guess|not really|no idea|doesn'?t matter|it'?s fine|i suppose|nope)\W*$",
        r"\b(?:rather not|don'?t want to|do not want to) (?:talk|discuss|go into|get into|say)\b",
        r"\bcan we (?:talk about something else|change the subject|move on|skip)\b", r"\bnone of your business\b",
    ),
    *_rules(
        "confrontation", C, 0.8,
        r"\byou(?:'re| are) not (?:listening|helping|hearing)\b",
        r"\b(?:this|these sessions?|therapy|it|talking) (?:is|are|isn'?t|aren'?t)(?: not)? (?:helping|working)\b(?<!is helping)(?<!are helping)(?<!is working)(?<!are working)",
        r"\b(?:this is|it'?s|that'?s) (?:a waste of|pointless|useless)\b", r"\bwhy do you keep\b",
        r"\byou don'?t (?:understand|get it|care|know what)\b", r"\b(?:stop|quit) (?:asking|telling|lecturing|judging)\b",
        r"\byou(?:'re| are) (?:just )?(?:like|the same as) (?:everyone|all the|the others)\b",
        r"\bi (?:didn'?t|did not) come here (?:to|for)\b", r"\byou (?:always|never) (?:listen|understand)\b",
        r"\bwho are you to\b", r"\bhere we go again\b",
        r"\b(?:nobody|no one|no-one) (?:here |in here )?(?:ever )?(?:listens|hears|understands|cares)\b",
    ),
]
@lru_cache(maxsize=8)
def _rules_for(role: Role | str | None) -> tuple[Rule, ...]:
    # ~100 rules per utterance: deciding once per role which apply keeps the loop to the regexes.
    return tuple(r for r in RULES if speaks_as(r.speaker, role))


BACKCHANNEL = re.compile(
    r"^\W*(?:(?:mm+-?)?h?mm+|uh-?huh|mhm|m-hm|i see|right|okay|ok|yeah|yes|sure|got it|all ?right|"
    r"oh|ah|wow|really|true|indeed)(?:[,.! ]+(?:(?:mm+-?)?h?mm+|uh-?huh|i see|right|okay|ok|yeah|yes|sure|got it|oh|ah))*\W*$",
    re.IGNORECASE,
)
OPEN_START = re.compile(
    r"^\W*(?:(?:so|and|but|okay|ok|well|now|alright|right|then|um|uh)[,]?\s+)*(?:what|how|why|tell me|describe|"
    r"in what way|which|where|when|who|talk (?:to me )?about|help me understand|"
    r"(?:can|could|would|will) you (?:tell|say|describe|talk|share|explain|walk)(?: me)?(?: (?:more|a bit|a little))?"
    r"(?: more)? (?:about|what|how|why|where|when))\b", re.IGNORECASE)
CLOSED_WH = re.compile(r"^\W*(?:(?:so|and|but|okay|ok|well|now|then|um|uh)[,]?\s+)*(?:how (?:many|much|often|long|old|far)|what time|when|where|who|which)\b", re.IGNORECASE)
CLOSED_START = re.compile(
    r"^\W*(?:(?:so|and|but|okay|ok|well|now|then|um|uh)[,]?\s+)*(?:do|does|did|is|are|was|were|can|could|will|would|"
    r"have|has|had|should|shall|may|might|am|isn'?t|aren'?t|don'?t|didn'?t|won'?t|wouldn'?t)\b", re.IGNORECASE)
TELL_ME = re.compile(r"^\W*(?:(?:so|and|okay|ok|well|now)[,]?\s+)*(?:tell me|describe|talk (?:to me )?about|help me understand)\b", re.IGNORECASE)
FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|my|me|myself|mine)\b", re.IGNORECASE)
OPINION = re.compile(r"\bi (?:think|believe|guess|reckon|suppose|feel like|prefer|like|love|hate|want|wish|hope)\b|\bin my (?:opinion|view)\b", re.IGNORECASE)
FEELING_SELF = re.compile(rf"\b(?:i(?:'m| am| was| feel| felt| get| got| have been|'ve been)|makes me|made me)\b[^.?!]{{0,25}}\b(?:{FEELING})\b", re.IGNORECASE)
VULNERABLE_RE = re.compile("|".join(re.escape(v) for v in VULNERABLE), re.IGNORECASE)


def question_form(text: str) -> Hit | None:
    """Open or closed by the question's form; ``None`` when the utterance is not a question."""
    stripped = text.strip()
    last_q = stripped.rfind("?")
    if last_q < 0:
        m = TELL_ME.search(stripped)
        return Hit("question.open", 0.7, (m.start(), len(stripped)), "open invitation ('tell me...')") if m else None
    # The question is the last sentence that ends in '?'.
    start = max(stripped.rfind(s, 0, last_q) + len(s) for s in (". ", "! ", "? ", "; ", ": ", "\n"))
    start = 0 if start < 2 else start
    sentence = stripped[start:last_q + 1].strip()
    span = (text.find(sentence), text.find(sentence) + len(sentence))
    if CLOSED_WH.search(sentence) and not re.search(r"\bwhat\b|\bhow\b(?! (?:many|much|often|long|old|far))", sentence, re.IGNORECASE):
        return Hit("question.closed", 0.75, span, "asks for a time, place, person or amount")
    if OPEN_START.search(sentence):
        return Hit("question.open", 0.8, span, "open form (what/how/why, tell me...)")
    if CLOSED_START.search(sentence):
        return Hit("question.closed", 0.8, span, "yes/no form (starts with do/is/can...)")
    return Hit("question.closed", 0.55, span, "ends with a question mark")


def apply_rules(text: str, role: Role | None) -> list[Hit]:
    """Every rule that fires on ``text``, at most one hit per code (the first match)."""
    hits: dict[str, Hit] = {}
    if BACKCHANNEL.match(text) and len(text.split()) <= 4:
        hits["backchannel"] = Hit("backchannel", 0.9, (0, len(text)), "short listening signal")
    for rule in _rules_for(role):
        if rule.code in hits:
            continue
        if m := rule.pattern.search(text):
            hits[rule.code] = Hit(rule.code, rule.confidence, m.span(), f"phrase: '{m.group(0).strip()}'")
    if role != Role.PRACTITIONER and "backchannel" not in hits:
        if hit := _disclosure(text):
            hits[hit.code] = hit
        words = len(text.split())
        if words >= 30:
            hits["elaboration"] = Hit("elaboration", min(0.95, 0.5 + words / 150), (0, len(text)), f"{words}-word answer")
    return list(hits.values())


def _disclosure(text: str) -> Hit | None:
    if not FIRST_PERSON.search(text) or len(text.split()) < 4:
        return None
    if m := VULNERABLE_RE.search(text):
        return Hit("disclosure", 0.75, m.span(), f"private or vulnerable: '{m.group(0)}'", depth=3)
    if m := FEELING_SELF.search(text):
        return Hit("disclosure", 0.7, m.span(), f"feeling: '{m.group(0)}'", depth=2)
    if m := OPINION.search(text):
        return Hit("disclosure", 0.6, m.span(), f"opinion: '{m.group(0)}'", depth=1)
    m = FIRST_PERSON.search(text)
    return Hit("disclosure", 0.5, (0, len(text)), "fact about self", depth=0)
