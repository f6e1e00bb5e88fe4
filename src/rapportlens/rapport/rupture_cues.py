"""Wordings the rupture finder reads in context (docs/analyzers/ruptures.md): a client going
along in few words, turning advice aside, a practitioner's suggestion the advice code leaves
to the model, and a turn to the practitioner's own agenda. None of them is a behaviour
code: each means something only next to the turn before it, so the dimensions and the
score, which read the codes, are not moved by them.
"""

import re


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(patterns), re.IGNORECASE)


# Suggestions, instructions and warnings the advice code leaves to the model ("Have you tried
# joining a club?", "And keep icing it after.", "If this keeps up, you'll lose it."). The
# rupture finder reads them as advice a client may withdraw from or push back on; they are
# not codes, so the dimensions and the score read the codes they were validated with.
DIRECTIVE_CUES = _any(
    # Holding others up as the standard ("Lots of my clients with kids manage it."), and
    # ruling out the client's reason ("Work isn't an excuse."); as codes these would also
    # take normalising ("Many people find it hard") and talk about third parties for criticism.
    r"\b(?:lots of|most|many|plenty of|other) (?:of )?(?:my )?(?:other )?(?:clients|patients|people|students|parents|families|mums|dads)\b[^.?!]{0,25}"
    r"\b(?:manage|cope|find (?:the )?time|get (?:it )?done|make it work)\b",
    r"\b(?:isn'?t|is not|'s not|wasn'?t|was not|is no|'s no|was no) (?:an |any )?excuse\b",
    r"\byou(?:'ll| will) (?:really |also |still )?(?:need|have) to\b(?! (?:be|feel) )", r"\bi (?:really )?need you to\b",
    r"\bi(?:'ll| will)? (?:want|need) (?:the|your|it|that|this|a|an) [^.?!]{0,30}\bby (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|the end of|end of|next)\b",
    r"(?:^|[.!?]\s+)\W*(?:(?:so|okay|ok|well|right)[,.]? )*(?:how|what) about (?:you |we )?(?:try(?:ing)?|start(?:ing)?|aim(?:ing)?|go(?:ing)?|cut(?:ting)?|twice|once|three times|every (?:day|week|morning|night))\b",
    r"\bit'?s (?:really |very |so |vitally |extremely )?(?:important|essential|vital|crucial) (?:that you|for you to|you)\b",
    r"\b(?:going to|gonna|will) (?:sink|ruin|destroy|bankrupt|finish) you\b",
    r"\bif (?:this|that|it) (?:keeps up|carries on|continues|goes on),? you(?:'ll| will| could| might| are going to|'re going to)\b",
    r"(?:^|[.!]\s+)(?:but |and |so )?if you (?:don'?t|do not|won'?t) [^.?!,]{1,40},? (?:we|i|it|they|you|nothing) (?:can'?t|cannot|won'?t|will not|'ll never|will never)\b",
    r"\bhave you (?:ever )?(?:tried|considered|thought (?:about|of)) (?:(?!(?:some|any|no|every)thing\b)\w+ing\b|(?:that )?maybe\b)",
    r"\byou (?:really |just )?shouldn'?t (?!(?:have to|feel|be|worry|blame|need|apologi[sz]e|take (?:it|that) personally)\b)\w+",
    r"^\W*(?:(?:and|also|so|then|just|now|oh)[,]?\s+)*(?:keep (?!going\b|talking\b|telling\b|me\b|in mind\b)\w+ing|remember to|don'?t forget to)\b",
    r"(?:^|[.!]\s+)(?:(?:and|also|but|so|plus)[,]?\s+)?(?!(?:some|any|no|every)thing\b)\w+ing\b[^.?!]{0,40}\bwould (?:really |also |definitely |certainly )?"
    r"(?:help|make (?:a|the|all the) (?:big |huge |real )?difference|do you (?:good|the world of good))\b",
)


# Turning advice aside ("I know all that already", "I've tried that", "yeah, but..."): MI's
# discord right after advice, but ordinary talk after a question, so it is not a code; the
# rupture finder reads it only after advice or criticism.
DISCOUNTING = _any(
    r"\bi (?:already )?know (?:all )?(?:that|this|all that|all of that|all this)(?: already)?\s*(?:[.!,;]|$)",
    r"^\W*(?:(?:yeah|yes|yep|i know)[,.]? )*you(?:'ve| have)? (?:already )?said(?: (?:that|so|it))?(?: (?:before|already))?\W*$",
    r"\bi(?:'ve| have) (?:already )?(?:tried|done|heard) (?:that|all that|all of that|those|them|it all|everything)(?: before| already)?\b",
    r"(?:^|[.,;!]\s*)(?:but |and )?(?:that |it |this )?(?:doesn'?t|does not|won'?t|wouldn'?t|didn'?t|never) (?:really |actually )?(?:help|work)\b",
    r"^\W*(?:yeah,? )?i (?:already )?know (?:what|how) (?:the |it |that |a |an )?\w+(?: \w+)? (?:is|are|means|works)\W*$",
    r"^\W*so (?:i|we) (?:should|have to|am supposed to|'m supposed to) (?:just )?\w+[^.?!]{0,60}\?",
    r"\b(?:nobody|no one|no-one)(?:'s| has)? (?:ever |even |actually )?(?:asked|checked with) me\b", r"\bi'?m not (?:being|trying to be) difficult\b",
    r"\beasier said than done\b", r"\b(?:it'?s|that'?s|it is|that is) not (?:that |so |as |quite that )?(?:easy|simple)\b",
    r"^\W*(?:well,? )?good for (?:them|him|her|you)\W*$", r"^\W*(?:yeah|yes|yep|i know)[,.]? but\b", r"\b(?:when|how) am i supposed to\b",
)

# "Okay.", "Right. Fine.": going along. "Yes" and "yeah" alone are left out: they mostly
# agree with what was said (in AnnoMI's good sessions, with a reflection).
COMPLIANCE = re.compile(r"^\W*(?:(?:right|yeah|yes|mm+|mhm|uh-huh|well)[,.! ]+)*(?:ok(?:ay)?|fine|sure|alright|all right)"
                        r"(?:[,.! ]+(?:then|right|yeah|ok(?:ay)?|fine|sure))*\W*$", re.IGNORECASE)
# Going along in few words ("Right.", "Yep.", "I know."): one such reply to advice says
# little, two in a row to repeated advice are a retreat into compliance.
GOING_ALONG = re.compile(r"^\W*(?:(?:right|yeah|yes|yep|yup|mm+|mhm|uh-huh|well|ok(?:ay)?|fine|sure|alright|all right|"
                         r"i know|i suppose|i guess|i see|understood|noted|got it|will do|no problem|fair enough|you'?ve said(?: that)?)\W*){1,3}$",
                         re.IGNORECASE)
# Leaving the rupture for the practitioner's own agenda ("Anyway, ...", "Moving on, how is
# your drinking?", "Let's look at your thought record.") or closing the session ("See you
# next week."): whatever else the turn does, it does not take up what the client said.
TOPIC_SHIFT = re.compile(r"^\W*(?:(?:right|okay|ok|well|so)\W+)?(?:anyway\b|moving on\b|let'?s move on\b|first,|next,)"
                         r"|\bwe'?ll (?:come back|get back|return) to (?:that|this|it|your \w+) later\b"
                         r"|\blet'?s get back to the plan\b"
                         r"|\bsee you (?:next|on|then|in|soon|later)\b"
                         r"|^\W*(?:(?:right|okay|ok|well|so)\W+)?let'?s (?:look at|go (?:over|through)|turn to|move (?:on )?to|get (?:on )?(?:to|with)|"
                         r"have a look at|check) (?:your|the|this week'?s|today'?s)\b(?![^.?!]*\btogether\b)", re.IGNORECASE)
