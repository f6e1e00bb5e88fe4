"""Wordings the rupture finder reads in context (docs/analyzers/ruptures.md): a client going
along in few words, turning advice aside, a practitioner's suggestion the advice code leaves
to the model, a turn to the practitioner's own agenda or to the bright side, conceding the
client's point, what a repair must own to point to a rupture, and what a weak reflection
needs to count as a repair. None of them is a behaviour
code: each means something only next to the turn before it, so the dimensions and the
score, which read the codes, are not moved by them.
"""

import re

from ..coding.lexicon import FEELING
from ..coding.rules import YOU_FEEL
from ..coding.rupture_rules import (
    BACKING_OFF,
    CONCEDING_OPENER,
    CONCEDING_START,
    DID_IN_TALK,
    KNEW_NOT,
    NAMED_RETREAT,
    OWNED_MANNER,
    POINT_GRANTED,
    SELF_JUDGED,
)


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
    r"\b(?:lots of|most|many|plenty of|other) (?:of )?(?:my )?(?:other )?(?:clients|patients|people|students|parents|families|mums|dads|couples|carers)\b[^.?!]{0,25}"
    r"\b(?:manage|cope|need (?:two|more|it|them|this|that)|find (?:the )?time|get (?:it )?done|make it work|find (?:it|this|that) (?:really |very )?(?:helpful|powerful|useful|valuable|helps|works))\b",
    r"\b(?:isn'?t|is not|'s not|wasn'?t|was not|is no|'s no|was no) (?:an |any )?excuse\b",
    r"\b(?:everyone|everybody) else (?:manages|does it|can do it|copes|gets (?:it|them) done|seems to manage|finds the time)\b"
    r"|\b(?:i'?m not having|i won'?t (?:accept|have|take)|i don'?t want to hear|no more|i'?m not interested in) (?:any )?excuses\b",
    # What the client does held up as the trouble ("Well, spending on cigarettes doesn't help.").
    r"^\W*(?:(?:and |but )?(?:all (?:that|the|this) |the |your |that |this )(?:\w+ )?|well,? )\w+ing(?: \w+){0,3} (?:doesn'?t|does not|won'?t|isn'?t|is not|wasn'?t) (?:really )?help(?:ing)?\b", r"\b(?:i'?m|i am) (?:just )?telling you (?:the rules|how it is|what (?:the|our) (?:system|file|records?|rules?|policy|computer|screen) (?:says|shows))\b",
    r"\byou(?:'ll| will) (?:need|have) to\b", r"\b(?:that|this|it|those|these) (?:has|have|needs?|will have|'s got|has got) to (?:stop|go|change|end)\b",
    # A warning of what follows ("You'll grind your teeth down to nothing without it."); no
    # AnnoMI or ESConv practitioner turn warns so.
    r"\byou(?:'ll| will) (?:lose|damage|ruin|wreck|grind|hurt|injure|end up|regret|make (?:it|things) worse|get worse|get (?:ill|sick|injured))\b"
    r"[^.?!]{0,40}\b(?:without it|without them|if you don'?t|unless you)\b",
    # A warning as a rule of thumb ("The longer you stay there, the weaker you'll get.").
    r"\bthe (?:longer|more|less) you\b[^.?!]{0,40},? the (?:\w+er|more|less|worse|harder)\b",
    r"^\W*next time,? (?:no|don'?t|try|make sure|use|bring)\b", r"(?:^|[.!]\s+)(?:and |also |just )?(?:make|keep|maintain) (?:more )?eye contact\b",
    # Marking the client's performance down ("Your squat depth was poor."), and warning what it
    # leads to ("That's how people get injured.").
    r"(?:^|[.!]\s+|\band )(?:and |but |also )?(?:your|the) (?:\w+ )?(?:form|technique|work|essay|homework|attendance|timekeeping|depth|posture|writing|reports?|spelling|"
    r"handwriting|performance|effort|driving|presentation|grades|marks|results|numbers|figures|punctuality|behaviou?r|attitude|paperwork|notes|"
    r"argument|referencing|references|structure|analysis|introduction|conclusion|grammar|reasoning|evidence|layout|formatting|code|coursework|dissertation|assignment) "
    r"(?:was|were|is|are|has been|have been) (?:really |very |quite |pretty |a bit |rather |a little |far too |too |just )?"
    r"(?:poor|bad|weak|sloppy|messy|careless|terrible|awful|unclear|muddled|confused|confusing|disorgani[sz]ed|rushed|all over the place|"
    r"not good enough|not up to (?:standard|scratch)|below (?:par|standard|what we expect))\b",
    # ... in words for any piece of work ("I thought it was rushed.", "the Q&A felt defensive"), and
    # what was left undone ("You skipped three slides"); no practitioner turn in AnnoMI or ESConv.
    r"\b(?:it|that|this|the \w+|your \w+) (?:was|were|felt|seemed|came across as|came over as|looked|sounded) (?:a bit |a little |a little bit |rather |quite |very |too |really |pretty )?"
    r"(?:rushed|defensive|sloppy|messy|careless|unclear|muddled|disorgani[sz]ed|rambling|half-hearted|lazy|unprofessional|rude|aggressive|all over the place)\b"
    r"(?! (?:of|from|by) (?:him|her|them|your|the|my|his|their)\b)",
    r"(?:^|[.!]\s+)(?:and |but |also )?you (?:skipped|missed out|left out|forgot|didn'?t (?:bother|finish|hand|include|prepare|practi[sc]e|check|read))\b",
    r"\bthat'?s (?:how|why) (?:people|you|patients|clients|kids|drivers) (?:get|end up|get themselves) (?:injured|hurt|ill|sick|in trouble|sacked|fired|evicted|excluded|arrested)\b",
    # The house rules held over the client ("We expect staff to stay professional."), and a mark
    # against them ("I'm going to put a note on your file.").
    r"\bwe (?:expect|require) (?:you|staff|all staff|everyone|employees|students|pupils|tenants|residents) to\b",
    r"\bzero[- ]tolerance\b",
    # A poor rating handed down ("I've rated you as 'needs improvement' this year.").
    r"\b(?:rated|marked|graded|scored|assessed) (?:you|your \w+) (?:as |at )?['\"]?(?:needs improvement|unsatisfactory|below expectations|poor|a fail|fail(?:ed)?)",
    # Behaviour condemned, and sanctions and tasks set ("That's dangerous and it's completely
    # unacceptable.", "You'll be in detention on Thursday.", "And you'll write an apology.").
    r"\b(?:that'?s|this is|it'?s|that is|it is|that was|it was) (?:completely |totally |absolutely |just |simply )?(?:unacceptable|not acceptable|out of order|disgraceful)\b",
    r"\byou(?:'ll| will) be in (?:detention|isolation|trouble)\b|\byou(?:'ll| will) (?:write|sign) (?:an? |the )?(?:apology|letter of apology|statement|contract|agreement|form)\b"
    r"|\byou(?:'ll| will) (?:stay behind|pay (?:for|back)|apologi[sz]e to)\b",
    # A decision made for the client ("We've decided to move Tyler into the nurture group.").
    r"\b(?:we'?ve|we have|i'?ve|i have) (?:already )?decided (?:to|that)\b",
    r"\bif (?:it|this|that) (?:carries on|continues|keeps (?:on )?happening|happens again)\b[^.?!]{0,30}\b(?:you|we|they|the \w+|your \w+)(?:'ll| will| could| might| may| would)\b",
    # Complaints about the client relayed from others ("Your carers have said there have been
    # some issues with curfew.", "They also said you interrupted their finance lead.").
    r"\b(?:they|he|she|the \w+|your \w+|carers|teachers?|neighbours|staff) (?:have |has |had )?(?:also )?(?:said|told me|reported|mentioned|raised|complained) (?:that )?"
    r"(?:there (?:have|has) been (?:some |a few |several |a number of )?(?:issues?|problems?|concerns?|complaints?|incidents?)|you(?:'ve| have)? (?:\w+ed|been \w+ing|keep \w+ing))\b",
    # Arrears held against the client, and the consequence named ("You're now eight weeks
    # behind.", "the next step would be a notice seeking possession").
    r"\byou(?:'re| are) (?:now )?(?:\w+ )?(?:weeks?|months?|payments?) (?:behind|in arrears|overdue)\b|\bthe next step (?:would|will) be (?:a |an |to )",
    # Faults in a piece of work ("It's far too long and the layout is messy.").
    r"\b(?:it'?s|it is|this is) (?:far|way|much) too (?:long|short)\b|\byour \w+ (?:is|are|was|were) (?:far |way |much |a bit |rather )?(?:too long|too short|messy|sloppy|a mess)\b|\bthe layout is (?:messy|a mess|cluttered)\b",
    # Lateness held against the client, and what being late again will cost ("Third time this week.", "if you're late again you'll lose your place").
    r"\byou(?:'re| were| are)? late again\b|\b(?:third|second|fourth|fifth) time this (?:week|month|term)\b",
    r"\bif you(?:'re| are)? (?:late|absent|caught|found)\b[^.?!]{0,30}\byou(?:'ll| will) (?:lose|get|be)\b",
    # A poor grade handed over ("You got a D in maths."), and the ask made small to persuade
    # ("It's only two mornings.", "It only takes five minutes.").
    r"\byou (?:got|scored|received|were given) (?:a|an) [DEFU]\b",
    r"^\W*(?:but |and )?it'?s only (?:a |an |one |two |three |four |five |ten |a few |a couple of )(?:\w+ )?(?:mornings?|afternoons?|evenings?|days?|hours?|minutes?|sessions?|weeks?)\b"
    r"|\bit only takes (?:a |one |two |five |ten |a few |a couple of )(?:\w+ )?(?:minutes?|seconds?|hours?)\b",
    # A task set as the practitioner's wish ("This week I'd like you to fill in the mood diary").
    r"\bi'?d like you to (?!tell|say|share|think|talk|describe|imagine|notice|consider|reflect|be able|just|try to think)\w+",
    # Asked to demonstrate, as a check ("Show me how you've been doing the first one.").
    r"^\W*(?:(?:now|okay|ok|right|so)[,.]? )?show me\b",
    # A lapse held against the client ("Your homework hasn't been handed in for two weeks."), and
    # what will happen if it goes on ("If it's not in by Friday I'll have to ring your parents.").
    r"\byou(?:'ve| have)(?: not|n'?t)(?: \w+)? (?:handed|turned) in\b|\byou(?:'ve| have)(?: not|n'?t)(?: \w+)? (?:paid|sent back|brought back|filled (?:in|out)|returned) (?:the|your|any)\b",
    r"\byour (?:\w+ )?(?:homework|coursework|essay|work|assignments?|forms?|rent|payments?|reports?|paperwork|timesheets?)(?: \w+)? "
    r"(?:hasn'?t|haven'?t|has not|have not|wasn'?t|weren'?t) been (?:handed|turned|sent|paid|done|submitted|completed|returned|filled)\b",
    r"\bi(?:'ll| will) have to (?:ring|call|phone|tell|inform|contact|write to|report (?:you |this |it )?to) (?:your|the) "
    r"(?:parents|mum|mom|dad|manager|boss|school|head(?:teacher)?|social worker|gp|probation officer|employer|landlord)\b",
    r"\bif (?:it'?s|it is|this is|that'?s|you) (?:not|n'?t|don'?t|do not)\b[^.?!]{0,40}?,? (?:you'?ll|you will) (?:get|be given|receive|lose) (?:a |an |your )?"
    r"(?:zero|fail|detention|warning|fine|sanction|strike|place|payments?)\b",
    # A lecture on what matters ("It's really important to eat, you know.").
    r"(?:^|[.!]\s+|,\s*(?:so|and|but)\s+)(?:(?:okay|ok|well|look|but|and|so)[,.]?\s+)?it'?s (?:really |very |so |extremely )?important (?:to|that you)\b",
    # A suggestion put as "try ..." ("Maybe try setting a reminder on your phone.").
    r"(?:^|[.!]\s+)(?:(?:and|also|so|maybe|perhaps|just|then)[,]?\s+)*try (?:\w+ing|to|and)\b",
    r"\b(?:note|warning|mark|record) (?:on|in|against) (?:your |the )?(?:file|record|name)\b",
    # Labelling the client ("You're a classic control freak.").
    r"\byou(?:'re| are) (?:a |an |such a )?(?:classic |typical |real |total |complete |bit of a )?(?:control freak|perfectionist|people[- ]pleaser|drama queen|"
    r"snowflake|hypochondriac|procrastinator|pushover|martyr|worrier|workaholic)\b",
    # Holding a repeated lapse against the client ("It's happened three times now... it
    # reflects on the whole team"), and deadlines set for them ("I need those reports by Thursday").
    r"\b(?:it|this|that)(?:'s| has| is) happened (?:\w+ )?times\b", r"\breflects (?:badly |poorly )?on (?:the (?:whole )?(?:team|department|company|school|practice)|all of us|us|everyone)\b",
    r"\bi (?:need|want) (?:those|these|the|your|that|this) \w+(?: \w+)? by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|the end of|end of|next)\b", r"\brules are (?:the )?rules\b",
    # Finding fault with the client's work or way of doing things ("They're too long and a bit
    # disorganised.", "You're probably not using it properly.").
    r"\b(?:you(?:'re| are)|your \w+(?: \w+)? (?:is|are|was|were)|(?:they|it)(?:'re| are|'s| is| was| were)) (?:probably |clearly |obviously |still |just )?"
    r"(?:a bit |too |quite |rather |really |very |pretty |a little )?(?:vague|disorgani[sz]ed|sloppy|messy|careless|too long|too short|below (?:par|standard)|"
    r"not good enough|unacceptable|not (?:using|doing|taking|following) (?:it|them|this|that|the \w+)(?: \w+)? (?:properly|right|correctly)|"
    r"not (?:eating|doing|getting|drinking|sleeping|exercising|trying|practi[sc]ing|moving) enough)\b",
    r"\byour \w+(?: \w+)? (?:is|are|was|were) (?:a bit |far |way |much |rather |just |still )?too (?!much for you\b)\w+",
    r"\b(?:it|this|that|they|these|your \w+)(?:'s| is| are|'re)? (?:needs?|needing) (?:a lot (?:more )?|a great deal (?:more )?|loads (?:more )?|much more )(?:of )?work\b",
    r"\byour \w+(?: \w+)? (?:is|are|was|were) (?:a bit of |an absolute |a complete |a total )?(?:a )?(?:mess|shambles)\b",
    # A prohibition ("...so don't set your heart on it."), not reassurance ("Don't worry.").
    r"(?:^|[.!,;]\s*)(?:so |and |but |just )?don'?t (?!worry\b|be (?:sorry|so hard|too hard|afraid)\b|feel\b|blame yourself\b|beat yourself\b|panic\b|apologi[sz]e\b|have to\b|need to\b|you\b|get me wrong\b|mind\b|hesitate\b)\w+",
    r"\byou (?:really |just )?need to be (?:more|less|a bit|much)\b", r"\byou (?:really |just )?(?:have to|'ve got to|got to|gotta) be\b", r"(?:^|[.!]\s+)(?:and |so |now )?please (?:stick|make sure|stop|try|remember|keep|don'?t)\b",
    r"\b(?:they|it|this|these|those|that) (?:need|needs|have|has) to be (?:done|in|finished|submitted|handed in|completed|sent)\b",
    # Blame in hindsight ("You should have used the script."; "you should have been told" owns it).
    r"\byou should(?:n'?t)? have (?!been\b|to\b)\w+",
    # Deciding for the client, or settling it by authority ("I'm going to start you on a statin.",
    # "The guidelines are clear.", "It'd be a huge waste to quit now.").
    r"\b(?:i|we)(?:'m|'re|'ll| will| am| are)? (?:going to |gonna )?(?:start|put|refer|book|sign|get) you (?:on|onto|in|into|for|up|to)\b",
    r"\bthe (?:guidelines|rules|evidence|research|science|data) (?:is|are) (?:very |really |quite )?clear\b",
    r"\b(?:it'?d|it would|that'?d|that would) be (?:a |such a )?(?:huge |real |terrible |big |total )?(?:waste|mistake)\b",
    # An instruction opening a sentence ("Pick up the prescription at the front desk.").
    r"(?:^|[.!]\s+)(?:(?:and|so|now|then|just)\s+)?(?:pick up|take|book|call|ring|go to|bring|fill in|fill out|complete|collect|make sure|get|make) "
    r"(?:the|your|a|an|this|that|some)\b(?! time\b)(?! (?:breath|moment|minute|second)\b)",
    # Pressure put as a condition or a verdict ("If you're serious about it, the drinking has to go.").
    r"\bif you(?:'re| are) (?:really )?serious about\b", r"\b(?:the|your|this|that|these|those|all (?:the|this|that)) \w+(?: \w+)? (?:has|have|needs?) to (?:go|stop|end|change)\b",
    r"\b(?:didn'?t|doesn'?t|won'?t|wouldn'?t|isn'?t going to|can'?t have) (?:really |exactly )?help(?:ed)? your (?:case|cause|chances)\b",
    r"\byou (?:really )?should be (?!feeling\b)\w+ing\b",
    r"(?:^|[.!]\s+)(?:(?:and|also|so|now|then|just|plus)[,]?\s+)?(?:stop \w+ing|start \w+ing|get (?:off|rid of|out of|more|some)|put (?:down|away) (?:your|the)|"
    r"turn off|switch off|cut out|stay off|give up|go to bed|get to bed|spend (?:less|more))\b",
    r"\byou (?:really |just |definitely |probably )?need (?:a|an|some|more|less|proper|a proper|better)\b(?! (?:bit|moment|minute|break from me)\b)",
    r"\byou(?:'ll| will) (?:really |also |still )?(?:need|have) to\b(?! (?:be|feel) )", r"\bi(?:'ll| will| would|'d)? (?:really )?need you to\b",
    r"\bi(?:'ll| will)? (?:want|need) (?:the|your|it|that|this|a|an) [^.?!]{0,30}\bby (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|the end of|end of|next)\b",
    r"(?:^|[.!?]\s+)\W*(?:(?:so|okay|ok|well|right)[,.]? )*(?:how|what) about (?:you |we )?(?:try(?:ing)?|start(?:ing)?|aim(?:ing)?|go(?:ing)?|cut(?:ting)?|twice|once|three times|every (?:day|week|morning|night))\b",
    r"\bit'?s (?:really |very |so |vitally |extremely )?(?:important|essential|vital|crucial) (?:that you|for you to|you)\b",
    r"\b(?:going to|gonna|will) (?:sink|ruin|destroy|bankrupt|finish|undo|wreck|wipe out|cancel out) (?:you\b|all (?:the|your)\b)",
    r"\byou(?:'ll| will)? (?:never|won'?t|will not|aren'?t going to|are not going to) (?:get anywhere|get better|get in(?:to)?|pass|improve|succeed|make it|manage|cope)\b",
    r"\bif (?:this|that|it) (?:keeps up|carries on|continues|goes on|happens again),? (?:you|i)(?:'ll| will| could| might| are going to|'re going to| am going to|'m going to)\b",
    r"(?:^|[.!]\s+)(?:but |and |so )?if you (?:don'?t|do not|won'?t) [^.?!,]{1,40},? (?:we|i|it|they|you|nothing) (?:can'?t|cannot|won'?t|will not|'ll never|will never)\b",
    # Warning of what the client's not doing will bring ("if you're not doing them it's going
    # to stay stiff"), and handing the responsibility back ("There's only so much I can do").
    r"\bif you(?:'re| are)? (?:not|don'?t|do not|won'?t|will not|aren'?t) [^.?!]{1,40}?,? (?:it|they|you|things|this|that|the \w+)"
    r"(?:(?:'s| is|'re| are)? (?:going to|gonna) (?:stay|get worse|keep|end up|carry on|go on)|(?:'ll| will) (?:stay|get worse|keep|end up|never)"
    r"| (?:won'?t|will not|isn'?t going to|aren'?t going to|never) (?:get better|improve|heal|work|change|go away))\b",
    r"\bthere'?s only so much (?:i|we|anyone|anybody) can do\b",
    # Sanctions and "not enough" ("A text isn't enough. That's a warning on your file.").
    r"\b(?:isn'?t|is not|wasn'?t|was not) (?:really |nearly |quite )?(?:good )?enough\b",
    r"\b(?:that'?s|it'?s|this is) (?:a|your) (?:final |formal |first |last |written )?warning\b", r"\bnext time,? (?:it'?s|it will be|it'll be|you'?ll (?:get|be))\b",
    r"\bif you keep (?:on )?\w+ing\b[^.?!]{0,40}\b(?:they|you|it|we|i|someone|school|the \w+)(?:'ll| will| are going to|'re going to| might| could| may)\b",
    # More items on a list of advice ("And try to drink more water", "Swap the fizzy drinks
    # for water", "a food diary would help", "It might help to remember...").
    r"(?:^|[.!]\s+)(?:and|also|plus)[,]?\s+try (?:to|and)\b",
    r"(?:^|[.!]\s+)(?:(?:and|also|so|now|then|just)[,]?\s+)?(?:swap|switch|change) (?:the|your|to|out|over)\b",
    r"\b(?:a|an|some) \w+(?: \w+)? (?:would|will|could) (?:really |also |definitely )?help\b",
    r"\bit (?:might|may|could|would|will) (?:really |also )?help (?:to|if you|your|with your)\b",
    r"\b(?:would|could|might) be (?:well |really )?worth (?:doing|trying|getting|having|looking|considering|a (?:try|go|look))\b",
    r"\bhave you (?:ever )?(?:tried|considered|thought (?:about|of)) (?:just |simply |actually |even )?(?:(?!(?:some|any|no|every)thing\b)\w+ing\b|(?:that )?maybe\b)",
    r"\byou (?:really |just )?shouldn'?t (?!(?:have to|feel|be|worry|blame|need|apologi[sz]e|take (?:it|that) personally)\b)\w+",
    r"^\W*(?:(?:and|also|so|then|just|now|oh)[,]?\s+)*(?:keep (?!going\b|talking\b|telling\b|me\b|in mind\b)\w+ing|remember to|don'?t forget to)\b",
    r"(?:^|[.!]\s+)(?:(?:and|also|but|so|plus)[,]?\s+)?(?!(?:some|any|no|every)thing\b)\w+ing\b[^.?!]{0,40}\b(?:(?:would|will|can|could) "
    r"(?:really |also |definitely |certainly )?(?:help|make (?:a|the|all the) (?:big |huge |real )?difference|do you (?:good|the world of good))"
    r"|(?:really |also )?(?:helps|makes (?:a|the|all the) (?:big |huge |real )?difference))\b",
    r"\byou could (?:also |always |maybe |perhaps |even |just )?(?:try|start|think about|look (?:at|into)|use|join|talk to|tell(?! me\b)|ask(?! me\b)|sign up|download|write|"
    r"swap|switch|replace|cut (?:down|back|out)|book|(?:ring|call) (?:the|your|them|him|her|a)|set (?:an?|up)|put (?:a|an|some)|go for|take (?:a|an|up)|bring|"
    r"(?:get|catch|take) (?:the|an) (?:earlier|later|next|first|last|other) (?:one|bus|train))\b",
    # Putting the client's own request off ("We'll get to those.") to follow the practitioner's plan.
    r"(?:^|[.!]\s+)(?:(?:okay|ok|right|yes|yeah|sure)[,.]? )?we(?:'ll| will| can) (?:get|come) to (?:that|those|it|them)(?: later| in a (?:bit|minute|moment)| another time)?[.!]",
)


# Turning advice aside ("I know all that already", "I've tried that", "yeah, but..."): MI's
# discord right after advice, but ordinary talk after a question, so it is not a code; the
# rupture finder reads it only after advice or criticism.
DISCOUNTING = _any(
    # A flat echo, said as a statement ("Is it." to "I know that's a lot to take in."): with a
    # question mark it asks; no client turn in AnnoMI or ESConv is the flat one.
    r"^\W*(?:oh,? )?(?:is|was|does|did|has|have|are|do|can|will) (?:it|that|he|she|they|you|i)\.\s*$",
    r"\bi (?:already )?know (?:all )?(?:that|this|all that|all of that|all this)(?: already)?\s*(?:[.!,;]|$)",
    r"^\W*(?:(?:yeah|yes|yep|i know)[,.]? )*you(?:'ve| have)? (?:already )?said(?: (?:that|so|it))?(?: (?:before|already))?\W*$",
    r"\bi(?:'ve| have) (?:already )?(?:tried|done|heard) (?:that|all that|all of that|those|them|it all|everything)(?: before| already)?\b",
    r"(?:^|[.,;!]\s*)(?:but |and )?(?:that |it |this )?(?:doesn'?t|does not|won'?t|wouldn'?t|didn'?t|never) (?:really |actually )?(?:help|work)\b",
    r"^\W*(?:yeah,? )?i (?:already )?know (?:what|how) (?:the |it |that |a |an )?\w+(?: \w+)? (?:is|are|means|works)\W*$",
    r"^\W*so (?:i|we) (?:should|have to|am supposed to|'m supposed to) (?:just )?\w+[^.?!]{0,60}\?",
    r"^\W*so (?:i|we) (?:just|simply) (?:have to|need to|should|am supposed to|'m supposed to|get to) \w+",
    r"\b(?:nobody|no one|no-one)(?:'s| has)? (?:ever |even |actually )?(?:asked|checked with) me\b", r"\bi'?m not (?:being|trying to be) difficult\b",
    # Refusing the suggestion ("I'm fifty-eight. I'm not going to start salsa dancing.") and
    # brushing it off ("Yeah, yeah. The rules.").
    r"(?:^|[.!]\s+)i(?:'m| am) (?:just )?not (?:going to|gonna) (?!lie\b)\w+", r"^\W*yeah,? yeah[.,!]*\s+(?:the \w+|whatever|i know(?: that)?|heard it(?: all)?(?: before)?|i'?ve heard (?:it|that|all that)(?: before)?)[.!]*\s*$",
    # Contradicting the criticism ("I did them every day." after "You must not have been doing
    # the exercises properly.").
    r"^\W*(?:(?:but|well|no|yes)[,.]?\s+)?i (?:did|do|have) (?:do |done )?(?:them|it|that|those|all of them|every (?:day|night|week|morning|time))\b(?! because)",
    # A refusal flat out, and hurt at work dismissed ("That's not going to happen.", "I spent
    # ages on that."); "Six seconds. Great." is read by the closing "Great." below.
    r"^\W*(?:that'?s|that is|it'?s|it is) (?:not|never) (?:going to|gonna) happen\b",
    r"^\W*(?:but )?i (?:spent|put) (?:ages|hours|days|weeks|so long|so much (?:time|work|effort)) (?:on|into) (?:that|it|this|them)\b",
    # Blame taken up with sarcasm ("Right. So it's my fault for correcting them. Got it.").
    r"\bso (?:it'?s|it is) (?:all )?my fault\b(?![^.?!]*\?)",
    # The suggestion's own word handed back flat ("Could I." to "You could get the earlier one.").
    r"^\W*(?:could|can|should|would|will|do|did|have) i\.\s*$",
    # The goal itself put in doubt ("I'm not even sure I want that course anymore.").
    r"\bi'?m not (?:even )?sure i (?:even )?(?:want|need) (?:that|it|this|to do (?:it|that|this))\b",
    # A dare or a bare challenge ("And?", "Go on then.") after criticism or a warning.
    r"^\W*(?:and|so|and so)\s*\?+\W*$", r"^\W*go (?:on|ahead),? then\W*$", r"^\W*see if i care\b",
    r"\beasier said than done\b", r"\bso (?:there'?s|there is) no point\b",
    r"(?:^|[.,;!]\s*)(?:but |and )?(?:it'?s|it is|they'?re|they are|that'?s|that is) (?:just )?not (?:really |actually )?(?:working|helping)\b", r"\byou make it sound (?:so |that |really |very |too )?(?:easy|simple|straightforward)\b", r"\b(?:it'?s|that'?s|it is|that is) not (?:that |so |as |quite that )?(?:easy|simple)\b",
    r"^\W*(?:well,? )?good for (?:them|him|her|you)\W*$", r"\bi know how to \w+",
    r"^\W*(?:every (?:single )?time|all the time|loads of times|many times|of course i have)\b", r"(?:^|[.,!?]\s*)(?:but |and )?(?:it )?doesn'?t (?:matter|make (?:any|a) difference)(?:[.,!]|\s*$)",
    # Defending one's competence ("I've been using inhalers for thirty years.") and a bare
    # exclamation closing the turn ("So I'm forty pounds too rich. Unbelievable.").
    r"\bi(?:'ve| have) been \w+ing [^.?!]{0,30}\bfor (?:\w+ )?(?:years|decades)\b",
    r"^\W*i already (?:do|did|have|tried|use|know)\b", r"\bi(?:'d| would) rather not\b", r"\bi (?:don'?t|do not) have (?:the )?time (?:for|to)\b",
    r"^\W*(?:are you (?:serious|kidding|joking)|seriously\?|you'?re (?:kidding|joking))|(?:^|[.!?]\s+)you'?re having a laugh\b", r"\byou (?:weren'?t|were not) (?:even )?there\b",
    r"^\W*with (?:all due |the greatest |the utmost )?respect\b", r"\b(?:nobody|no one|no-one)(?: ever| even)? (?:told|explained to|showed|warned) (?:me|us)\b",
    r"^\W*(?:(?:right|okay|oh|well)[.,!]+\s*)?(?:brilliant|great|fantastic|perfect|lovely|wonderful|marvellous|typical)[.!]+\s+so\b", r"\byou(?:'ve| have) never (?:even |actually )?(?:done|had|been|worked|lived|raised|had to)\b",
    r"(?:^|[.!?]\s+)(?:unbelievable|typical|ridiculous|brilliant|great|fantastic|perfect|wonderful|lovely|charming)[.!]*\s*$", r"^\W*(?:unbelievable|typical|ridiculous|incredible)[.!]+", r"^\W*(?:yeah|yes|yep|i know|okay|ok|right|sure|fine)[,.]? but\b", r"\b(?:when|how) am i supposed to\b",
    # Told news nobody gave them ("Three incidents and this is the first I'm hearing of it?").
    r"\b(?:this|that)(?:'s| is) the first (?:i'?ve|i have|i'?m|i am|we'?ve|we'?re) (?:heard|hearing) (?:of|about)\b",
    r"\bwhy (?:wasn'?t|weren'?t|was(?:n'?t)? (?:i|we) not) (?:i |we )?(?:told|informed|warned|asked|contacted|called)\b",
    # The one thing the advice would take away ("The gym is the only thing keeping me sane."),
    # and the advice restated and mocked ("So I give up the one thing that helps. Brilliant plan.").
    # Denying what was held against them ("That's not even me. Nobody ever believes me.").
    r"^\W*(?:that'?s|it'?s|it was|that was|it wasn'?t|that wasn'?t)(?: not)? (?:even )?me\b", r"\b(?:nobody|no one|no-one) (?:ever )?believes me\b",
    # Unfairness called out, and effort discounted ("That's not fair." / "So nothing I did counts.").
    r"^\W*(?:that'?s|that is|it'?s|this is) (?:just |so |really )?(?:not fair|unfair)[.!]", r"\bso,? nothing i (?:did|do|say|said) (?:counts|matters)\b",
    # Correcting the charge ("It wasn't a beaker, it was a rubber.").
    r"^\W*(?:it|that) wasn'?t (?:a |an |the |my )?\w+(?: \w+)?,? (?:it was|that was)\b",
    r"\bthe only thing (?:that )?(?:keep(?:s|ing) me (?:sane|going)|(?:that )?(?:helps|works|gets me through))\b",
    r"^\W*so\b[^.?!]{10,}[.!?]\s+(?:brilliant|great|fantastic|genius|wonderful|lovely|perfect|marvellous) (?:plan|idea|advice|suggestion|solution)[.!]*\s*$",
    # A label refused ("I'm not an alcoholic, if that's what you're getting at.") and competence
    # held up ("I was an engineer for forty years.").
    r"^\W*(?:(?:well|look|no)[,.]?\s+)?i'?m not (?:an? )?(?:alcoholic|addict|drunk|junkie|bad (?:mother|father|parent|mum|dad|person)|lazy|liar|child|idiot)\b",
    r"\bi (?:was|have been|'ve been) (?:a|an) \w+(?: \w+)? for (?:over |more than |nearly |almost )?(?:\w+ )?(?:years|decades)\b",
)

# "Okay.", "Right. Fine.": going along. "Yes" and "yeah" alone are left out: they mostly
# agree with what was said (in AnnoMI's good sessions, with a reflection).
COMPLIANCE = re.compile(r"^\W*(?:(?:right|yeah|yes|mm+|mhm|uh-huh|well)[,.! ]+)*(?:ok(?:ay)?|fine|sure|alright|all right)"
                        r"(?:[,.! ]+(?:then|right|yeah|ok(?:ay)?|fine|sure))*\W*$", re.IGNORECASE)
# Going along in few words ("Right.", "Yep.", "I know.", "No."): one such reply to advice says
# little; two to repeated advice, with only such replies between them, are a retreat into
# compliance.
GOING_ALONG = re.compile(r"^\W*(?:(?:right|yeah|yes|yep|yup|h?mm+|mhm|uh-huh|well|ok(?:ay)?|fine|sure|alright|all right|"
                         r"oh|wow|i know|(?:i )?suppose(?: so| not)?|(?:i )?guess(?: so| not)?|i see|understood|noted|got it|will do|no problem|fair enough|you'?ve said(?: that)?|"
                         r"(?:i'?ll|i will|i can|will) try(?: that| it)?|i'?ll give it a go|"
                         r"no|nope|nah|not really|cool|great|lovely|brilliant|nice|perfect|whatever|what(?=\s*[.!]))\W*){1,3}$",
                         re.IGNORECASE)
# Bare agreement or listening noises ("Yeah.", "Mm-hmm."): in a spoken session these go along
# with a practitioner's long summary, so a run of them alone is listening, not compliance.
# Words of objecting ("can't", "never", "already", "still", "just"...): what a client's answer
# to a position held against them carries when it pushes back rather than accepts.
OBJECTING = re.compile(r"\b(?:not|never|nothing|nobody|none|cannot|without|already|but|still)\b"
                       r"|\b(?:ca|do|does|did|is|are|was|were|have|has|had|wo|would|could|should|must|need|ai)n'?t\b", re.IGNORECASE)
# An answer that opens by accepting the point ("I know. I keep meaning to book it."): not the
# start of a standoff, whatever follows.
ACCEPTING = re.compile(r"^\W*(?:oh,? |well,? )?(?:(?:it'?s|that'?s) good to (?:hear|know)|that helps|(?:\w+ ){0,2}(?:good|great) ideas?|maybe|i guess|(?:[\w'-]+ ){0,3}you(?:'ve got| have| got) a point|good point|fair point|i know(?=\s*(?:[.,!]|$))|i (?:didn'?t|did not) (?:know|reali[sz]e)|(?:it|that|they|he|she) (?:is|was|does|did|are|were)(?=\s*[.,!])|"
                       r"definitely|absolutely|totally|yes|yeah|yep|okay|ok|sure|right|true|fair enough|that'?s true|i suppose|of course|exactly|"
                       r"that (?:would|'d) be (?:good|great|helpful|lovely|brilliant))\b|\b(?:thanks|thank you|cheers|relief)\b", re.IGNORECASE)
# "No." to a statement that is itself negative agrees with it ("That habit doesn't stop
# overnight." / "No. My daughter says..."), whatever the turn goes on to object to.
AGREEING_NO = re.compile(r"^\W*no(?:pe)?\s*(?:[.!]|,\s*(?:it|that|he|she|they|you|i|we)\s+(?:does|is|will|can|do|was|did|has|have|would)(?:n'?t| not)\b)", re.IGNORECASE)
NEGATIVE = re.compile(r"\b(?:not|never|no longer|nothing|nobody|no one)\b|n'?t\b", re.IGNORECASE)
# The client's own account insisted on ("I've just told you", "I know the rules", "I can't",
# "I'm not doing it again", "Nobody asked me"), or the practitioner addressed.
INSISTING = re.compile(r"\bi(?:'ve| have)? (?:just |already )?(?:said|told you)\b|\bi (?:already|know (?:the|my|what|how|that))\b"
                       r"|\bi (?:can'?t|cannot|won'?t|will not)\b|\bi'?m not\b|\bi am not\b|\bi(?:'m| am) already\b"
                       r"|\b(?:nobody|no one|no-one)\b|\b(?:you|your|yours)\b", re.IGNORECASE)
# A practitioner's turn that softens, sympathises, praises, asks or tells of the practitioner's
# own life anywhere in it ("I'm sure you are busy, but...", "I see, that is very difficult.",
# "I have found that keeping in touch helps"): not a position held against the client.
SOFTENING = re.compile(r"\?|\bi (?:have|had|try|tried|found|think|would|did|do|was|used to|like|love|feel|felt)\b|\bi'?ve\b|\bme\b|\bmy(?:self)?\b|\b(?:sorry|understand|i see|i know|i'?m sure|must be|sounds?|difficult|hard|tough|great|good|glad|hope|"
                       r"feel|feeling|worry|worried|normal|common|okay|ok|believe|appreciate|thank|thanks)\b", re.IGNORECASE)
YES_BUT = re.compile(r"^\W*(?:i know|yes|yeah|okay|ok|sure|right|true)[,.]?\s+but\b", re.IGNORECASE)
AGREEING = re.compile(r"^\W*(?:(?:yeah|yes|yep|yup|h?mm+|mm-hmm|mhm|uh-huh)\W*){1,3}$", re.IGNORECASE)
# Leaving the rupture for the practitioner's own agenda ("Anyway, ...", "Moving on, how is
# your drinking?", "Let's look at your thought record.") or closing the session ("See you
# next week."): whatever else the turn does, it does not take up what the client said.
# Defending oneself instead of taking up the complaint ("I am, yes. I've been practising for
# six years." after "Are you even qualified?", "I'm only trying to help.").
DEFENDING = re.compile(r"\bi(?:'m| am) (?:just |only )(?:doing my job|trying to help|following (?:the )?(?:rules|procedure|policy|guidelines))\b"
                       r"|\bi(?:'ve| have) been (?:doing this|practi[sc]ing|qualified|working (?:here|in this (?:field|job|area)))"
                       r" for (?:\w+ )?(?:years|decades|a long time)\b|\bi(?:'m| am) (?:fully |properly )?qualified\b"
                       # The apology that owns nothing, and the rule restated as its own reason.
                       r"|\bsorry (?:that |if )?you feel (?:that way|like that|that)\b|\bthe (deadline|rules?|policy|law|procedure) (?:is|are) the \1\b"
                       r"|^\W*(?:well,? |look,? )?as i (?:said|told you|explained|mentioned)\b|\b(?:there'?s|there is) nothing (?:more )?(?:i|we) can do\b"
                       # Leaving the client to it ("Well, it's your leg.").
                       r"|^\W*well,? it'?s your (?:leg|body|life|health|funeral|problem|lookout)\W*$"
                       # Setting the client's point aside for the record ("It's not about your word. It's about the record.").
                       r"|^\W*(?:it'?s|this is|that'?s) not about (?:your|you|that)\b[^.?!]*[.!]\s*(?:it'?s|this is) about\b"
                       # The question justified instead of heard ("It helps me understand the whole
                       # picture." after "Why does it matter?"); no AnnoMI or ESConv practitioner turn opens so.
                       r"|^\W*(?:well,? |because |it'?s because )?it (?:helps|will help|would help|just helps) (?:me|us) (?:to )?(?:understand|get|see|build|know)\b",
                       re.IGNORECASE)
# Looking on the bright side ("At least he had a good life with you", "Everything happens for a
# reason"): it passes over what was said, so it acknowledges nothing after a rupture and a
# rupture after it may answer it.
MINIMISING = re.compile(r"(?:^|[.,!;]\s*)(?:aw+|oh|well|but|and|still)?[,.]?\s*at least\b|\blook on the bright side\b"
                        r"|\beverything happens for a reason\b|\bcould(?:'ve| have) been (?:a lot |much |far )?worse\b"
                        # Normalising a hardship away ("That's normal at this age."); none in AnnoMI or ESConv.
                        r"|\b(?:that'?s|it'?s|this is) (?:completely |totally |perfectly |very |quite )?(?:normal|common|to be expected) (?:at|for) (?:this|his|her|their|your) (?:age|stage)\b"
                        r"|\bit (?:won'?t|will not|shouldn'?t|should not) take (?:long|a minute|a moment)\b"
                        # Counting the client's blessings ("And you've got your daughter nearby, which is lovely.").
                        r"|\byou(?:'ve| have) (?:still )?got (?:your|a|the|some)\b[^.?!]{0,40}\bwhich is (?:lovely|great|nice|good|wonderful|a blessing)\b", re.IGNORECASE)
TOPIC_SHIFT = re.compile(r"^\W*(?:(?:right|okay|ok|well|so)\W+)?(?:anyway\b|moving on\b|let'?s move on\b|first,|next,"
                         # Answering for the client and going on ("I'll put more than half the days.").
                         r"|i'?ll (?:just )?(?:put|mark|tick|put you down|write) (?:you |that |it )?(?:down )?(?:as |for )?(?:more|less|a |an |\w+ (?:days|times)|yes|no|mild|moderate|severe)"
                         r"|let'?s (?:get started|begin|make a start|crack on|get going|get on with it)\b"
                         # "Let's just focus on improving." after an objection it leaves unanswered.
                         r"|let'?s just (?:focus on|get on with|stick to|concentrate on)\b)"
                         r"|\bwe'?ll (?:come back|get back|return) to (?:that|this|it|your \w+) later\b"
                         r"|\blet'?s get back to the plan\b"
                         r"|\bi(?:'ve| have) got (?:the|some|a few|your|these|those) \w+(?: \w+){0,4} to (?:go through|get through|fill in|do|sign)\b"
                         r"|\bsee you (?:next|on|then|in|soon|later)\b|\b(?:is there )?anything else (?:today|for today|i can (?:help|do))\b|(?:^|[.!?]\s+)next (?:on the list|up|thing|item)\b"
                         r"|^\W*(?:(?:right|okay|ok|well|so)\W+)?let'?s (?:look at|go (?:over|through)|turn to|move (?:on )?to|get (?:on )?(?:to|with)|"
                         r"have a look at|check) (?:your|the|this week'?s|today'?s)\b(?![^.?!]*\btogether\b)", re.IGNORECASE)
# Taking up what the client said, in words the codes may miss when the turn also asks
# something ("That's true, I don't. ... What happens for you when...?", "I can hear you really
# don't want to do them right now. Is it the pain?"): an attempt at repair when the turn does
# not push on. "I hear you, but..." discounts instead.
# Conceding the client's point at the start of a turn ("You're right, ...", "That's fair, ...",
# "Of course you know, ..."): the turn before it was pushback, however long.
CONCEDING = re.compile(CONCEDING_START, re.IGNORECASE)
# The practitioner naming what the client just did ("You laughed just then."): the turn before
# was a retreat, whatever its length.
NAMED = _any(*NAMED_RETREAT)
# Conceding the client's point at the start of a turn ("You're right...", "That's a fair
# point."), not "Of course you can..." and not a concession that goes on "but"/"however"
# ("That's true. However, research shows..."), which rebuts.
CONCEDING_POINT = re.compile(CONCEDING_OPENER + r"(?:" + POINT_GRANTED + r")\b"
                             r"(?![^.!?]*\b(?:but|however)\b)(?![.!?]\s*(?:but|however)\b)", re.IGNORECASE)
# "That's a good point" grants less: ESConv's supporters say it to agree ("Yes, that's a good
# point. It sounds like you are thinking this through"), so only the encoder's reading of the
# turn before makes it a concession (``rupture_pushback.CONCEDED_CHECK``).
GOOD_POINT = re.compile(CONCEDING_OPENER + r"(?:that'?s )?(?:a )?(?:good|valid) point\b(?![^.!?]*\b(?:but|however)\b)", re.IGNORECASE)
# ... or granting it at the end of the first clause ("I haven't asked, you're right."); no
# practitioner turn in AnnoMI or ESConv does.
CONCEDED_LATE = re.compile(r"^[^.!?]{0,40},\s*you'?re (?:quite |absolutely |completely )?right\b(?![^.!?]*\b(?:but|however)\b)",
                           re.IGNORECASE)
# Owning an act of the talk with a word that judges it ("saying 'these take time' after you've
# missed a funeral was thoughtless"): like conceding, it says the client had been hurt or pushed.
SELF_JUDGING = re.compile(rf"^(?=[\s\S]*?{DID_IN_TALK})[\s\S]*?{SELF_JUDGED}", re.IGNORECASE)
# Naming the client's reaction as understandable ("I hear how exhausting it is to keep being
# told...", "I can see why you'd be wary"): taking their side even when the turn goes on to
# the practitioner's own business (the points, the tablet).
VALIDATED_REACTION = re.compile(
    r"\bi (?:can )?(?:hear|see|understand|get) (?:how|why) (?:(?:exhausting|tiring|draining|frustrating|maddening|infuriating|upsetting|hard|"
    r"difficult|painful|unfair|wearing|annoying|stressful|scary|frightening|worrying)\b|you'?d (?:be|feel)\b|you(?:'re| are| were| feel| felt)\b"
    r"|(?:it|this|that) (?:feels|felt|would feel|might feel|must feel|seems|seemed|came across|sounded|looks|looked)\b)"
    r"|\bi (?:can )?(?:understand|see|get) (?:you )?(?:being|feeling) (?:sceptical|skeptical|wary|worried|cautious|frustrated|annoyed|fed up|angry|upset|doubtful|suspicious)\b",
    re.IGNORECASE)
NOT_YOURS_TO_BEAR = r"^\W*(?:no,? )?you shouldn'?t have to\b"  # "No, you shouldn't have to."
# Dropping the practitioner's own suggestion ("Then let's leave the thought record."): whatever
# words it shares with the suggestion, it gives way rather than going back to it; and
# granting that the client should not have to bear it ("No, you shouldn't have to.").
# Winding the conversation up ("Anything else?") asks nothing about what went wrong: a GP who
# had waved away a patient's fear and heard "Okay. Fine." was credited with a repair for it.
CLOSING = re.compile(r"^\W*(?:(?:okay|ok|right|so|alright|good)\W+)*(?:is there |was there )?anything else"
                     r"(?: (?:(?:i|we) can (?:help (?:you )?with|do(?: for you)?)|(?:you (?:want|wanted|need|needed|'?d like) to "
                     r"(?:ask|talk about|say|mention))))?(?: today| for now| at all)?\W*$", re.IGNORECASE)
GIVING_WAY = re.compile(r"\blet'?s (?:leave|drop|park|forget|put aside|shelve) (?:the|that|this|those)\b|\bwe (?:can|could) (?:leave|drop|park|forget) (?:the|that|this)\b"
                        r"|\bi'?ll leave it there\b|" + BACKING_OFF +
                        r"|\byou don'?t have to (?:share|tell me|say|talk about|go into|explain)\b|\b(?:put|set|leave) (?:the|that|this|your) \w+ (?:to one side|aside)\b"
                        r"|\blet'?s put (?:\w+ ){1,3}(?:to one side|aside)\b"
                        r"|" + NOT_YOURS_TO_BEAR, re.IGNORECASE)
# Owning the manner or order of one's own talk (``rules.OWNED_MANNER``): as judging one's act,
# it says the client had been pushed.
MANNER_OWNED = re.compile(OWNED_MANNER, re.IGNORECASE)
# Owning how one's own words landed ("I made it sound like a verdict on you", "That came out
# like I'd already decided for you"): the client's short turn before it was the reaction.
LANDED = re.compile(r"\b(?:that|it|what i said|i)(?: just)? (?:came out|came across|sounded|must have sounded|made (?:it|that) sound)\b"
                    r"|\b(?:that'?s|that is|it'?s|it is|that was|it was)(?:n'?t| not) what i meant\b", re.IGNORECASE)
ACKNOWLEDGING_CUES = _any(
    # Stopping to let the client take it in ("I'm going to stop there. ...").
    r"\b(?:let me|i'?m going to|i'?ll|i will|can i|could i) (?:just )?(?:stop|pause) (?:there|here|for a (?:moment|second|minute|bit))\b",
    r"\bi can (?:hear|see|tell) (?:that |how |why )?(?:you|this|it|that)\b", CONCEDING_START, NOT_YOURS_TO_BEAR, BACKING_OFF,
    VALIDATED_REACTION.pattern, GOOD_POINT.pattern,
    r"\b(?:that'?s|it'?s|that is|it is) a (?:fair|good|reasonable) question\b", r"\bi can'?t (?:really )?know (?:what it'?s like|how (?:it|that) feels)\b",
    # "I understand that it's hard" as a code of validation would also take the formulaic
    # "I understand that it is frustrating. But..." that text-chat supporters open advice with.
    r"\bi (?:get|understand|can see|can understand) (?:that |why )?(?:it'?s|this is|that'?s|it is|this must be|that must be) (?:a |an |really |so |very |such a )?"
    r"(?:bind|hard|difficult|tough|frustrating|a lot|stressful|real (?:problem|worry|bind))\b", r"\b(?:that'?s|that is|that was|that isn'?t|that wasn'?t) (?:not |really not )?fair (?:on|to) you\b",
    r"\b(?:it )?sounds like (?:you|this|that|it)\b", r"\bwhat i'?m hearing is\b", r"\bi hear (?:you|that|how)\b(?![^.?!]*\bbut\b)",
    # Being open about what happens to what the client says, after mistrust ("Are you going to
    # put that in your notes?" / "Nothing you say here goes to your employer.").
    # Conceding that an explanation does not excuse ("We've had an emergency, but that's no comfort
    # when you've been sat there.").
    r"\b(?:that'?s|that is|which is|it'?s|it is) no (?:comfort|consolation|excuse)\b",
    r"\bwe (?:don'?t|do not) have to (?:start (?:there|with (?:that|it|this))|talk about (?:that|it|this)|go (?:there|into (?:that|it)))\b",
    r"\bwe (?:don'?t|do not) (?:have|need) to (?:talk about|discuss|go into|get into) \w+(?: \w+)? (?:today|now|right now|yet)\b",
    r"\bwe(?:'ll| will| can) go at your (?:own )?pace\b",
    # Giving room after news that silences ("I don't know what to say." / "There's no need to
    # say anything right now. Take your time.").
    r"\b(?:there'?s|there is) no (?:need|pressure|rush|hurry) to (?:say|talk|answer|decide|respond|explain)\b",
    r"\btake (?:all )?your time\b", r"\b(?:there'?s|there is) no (?:rush|hurry)\b",
    # Checking in on how the client seems ("You sound a bit flat today. Is something else going on?").
    r"\byou (?:sound|seem|look) (?:a bit |quite |very |really |a little )?(?:flat|quiet|distant|far away|distracted|somewhere else)\b|\bis something else going on\b",
    r"\byou (?:don'?t|do not) have to (?:talk about|tell me|say|answer|share|go into) (?:anything|that|it|this)\b", r"\b(?:it'?s|that'?s) (?:completely |totally |entirely )?up to you\b",
    r"\bnothing (?:you (?:say|tell me|said)|said) (?:here |in here |in this room |in these sessions )?(?:goes|gets (?:passed|sent)|is (?:passed|shared|sent)|will (?:go|be))\b",
    r"\b(?:stays?|is kept|are kept|remains?) (?:between (?:us|you and me)|with me|in this room)\b", r"\b(?:is|are|stays?|remains?) (?:strictly |completely |totally )?confidential\b",
)


# Repair wordings that own nothing when read alone: "I'm sorry, I'm not a football fan",
# "Let's get back to your blood pressure", thanks for praise, "It is good to hear that...",
# and a hedge before one's own view ("I don't want to sound like a fanatic, but...").
NOT_OWNING = re.compile(r"^\W*let(?:'?s| us| me) (?:go|get|come) back to (?:your|the)\b|\bthank|\bappreciat|\bgood to (?:hear|know)\b"
                        r"|\bask(?:ing|ed)? (?:you )?(?:this |that )?because\b|\bthe reason i(?:'m| am)? ask"
                        r"|^\W*i (?:don'?t|do not) want to sound\b"
                        r"|^\W*(?:i'?m|i am) sorry(?: if| that)?,? i(?:'m| am| have to| need| can| just| don'?t| do| was wondering)\b",
                        re.IGNORECASE)
# Turning down what the practitioner just said ("No, that's not it at all.", "Not really, no."):
# after a reflection this is often a plain correction, so it marks a rupture only when the
# practitioner's next turn owns getting it wrong.
REJECTING = re.compile(r"^\W*(?:no|nope|nah|not really|not exactly|not at all|that'?s not (?:it|right|true|what i (?:said|meant))|i never said)\b",
                       re.IGNORECASE)
APOLOGY = re.compile(r"\bsorry\b|\bapologi", re.IGNORECASE)
# What an apology must own to point to a rupture: "I'm sorry, I misunderstood", "sorry if that
# came across as crass". "I'm so sorry. Were you close?" is sympathy, and so, in text chats,
# is "I am very sorry. Have you visited any other agencies?".
MISSTEP = re.compile(
    DID_IN_TALK + r"|" + KNEW_NOT + r"|"
    r"\bi(?:'ve| have| had)? (?:just |really |probably |might have |may have )?(?:misunderstood|misread|misheard|assumed|jumped|rushed|"
    r"pushed|went|got (?:that|it|this|ahead)|made|interrupted|cut you off|lectured|preached|brushed|ignored|missed|dismissed|overstepped)\b"
    r"|\b(?:bringing up|mentioning|asking about|raising|talking about) (?:\w+ ){1,3}(?:just then|just now|there)\b"
    r"|\bthat was (?:a |such a )?(?:careless|thoughtless|insensitive|clumsy|stupid|silly|daft|dumb|tactless|crass|unfair|unhelpful|glib)\b"
    r"|\bi(?:'m| am| was|'ve been| have been) (?:talking|speaking) (?:to you )?(?:as if|as though|like)\b|\btalking down to you\b|\bi(?:'ve| have| was| am|'m)? (?:been )?treat(?:ed|ing) you (?:as if|as though|like)\b"
    r"|\bi(?:'ve)? (?:just )?(?:did|done) (?:exactly |just )?(?:what|the (?:same )?thing) (?:he|she|they|your \w+|everyone(?: else)?) (?:does|did|do|was doing|keeps doing)\b"
    r"|\byou (?:should|ought to) have been (?:told|asked|warned|given|informed|offered|shown|consulted|involved)\b"
    r"|(?:^|[.!?,]\s+)(?:that|it|what i (?:did|said)) (?:wasn'?t|was not) (?:fair|right|okay|ok|kind) (?:of me|on you|to you|when you|while you)\b"
    r"|^\W*you'?re right,? i did\b"
    # "I think I came down on you a bit hard there", "I was a bit sharp with you", "I was
    # trying to talk you out of it".
    r"|\bi (?:was|'ve been|have been) (?:trying to )?talk(?:ing)? you out of\b"
    r"|\bi (?:think i |may have |might have )?(?:came|come) down (?:on you|hard)\b"
    r"|\bi (?:was|'ve been|have been) (?:a bit |a little |too |really |quite )?(?:hard|harsh|sharp|short|blunt|abrupt|curt|snappy) (?:on|with) you\b"
    # The service's failure owned ("That should never have happened, and I'm sorry."), not
    # sympathy for what others did to the client ("...should never have happened to you").
    r"|\b(?:that|this|it) (?:should never|shouldn'?t|should not) have happened\b(?! to you)"
    r"|\blet you down\b|\bi(?:'d| had)? (?:completely |totally )?forgot(?:ten)?\b|\bslipped my mind\b|\b(?:on me|my (?:fault|mistake|bad))\b|\bi(?:'m| am| was| have been|'ve been) (?:lecturing|preaching|pushing|rushing|going on|talking at|judging)\b"
    r"|\bi (?:didn'?t|did not|shouldn'?t|should not|should have|should'?ve|wasn'?t) (?!know\b|realis|realiz|reply|respond|answer|get back)\w+"
    r"|\b(?:that|what i said|my \w+)(?: \w+)? (?:came (?:out|across|off)|sounded|landed)\b|\b(?:sorry|apologi[sz]e) if (?:that|i|it|what i|my)\b|\bi(?:'ve| have| was|'m| am)? (?:been )?\w+ing (?:[\w']+ ){0,4}(?:instead of|rather than) (?:asking|listening|hearing|checking)\b|" + MANNER_OWNED.pattern, re.IGNORECASE)


# What a weak reflection needs to take the client's side after a rupture: their experience
# ("so you...", a feeling word, "that must have been...") or the practitioner's own part
# ("I didn't handle that well", "That's on me", "we don't have to"). Rebuttals the model
# calls reflections ("It's in the letter you were sent.") have neither.
EXPERIENCE = re.compile(rf"\b(?:{FEELING})\b|\b(?:{YOU_FEEL})\b|\b(?:so|and|but) you\b|^\W*(?:so|like|and) |\byou(?:'re| are|'ve| have)\b"
                        r"|\b(?:for|to|with) you\b|\bmust (?:have )?(?:been|be|feel)\b"
                        r"|\byou (?:came|want|wanted|need|needed|mean|meant|said|told me|wish|wished|hope|hoped)\b"
                        r"|\byou were (?:telling|saying|talking|describing|explaining)\b"
                        r"|\b(?:i|i'm|i've|i'd|i'll|forgive|thanks|thank you)\b|\bon me\b|\bmy (?:fault|mistake|bad)\b"
                        r"|\bwe (?:don'?t|do not|won'?t) (?:have|need) to\b|\bwe can\b", re.IGNORECASE)


# A question that reproaches the practitioner rather than asking for anything ("...don't you
# remember?", "That's your answer?"): it can be the rupture a repair points to.
REPROACH = re.compile(r"\b(?:don'?t|didn'?t|haven'?t|can'?t|aren'?t|weren'?t|won'?t|wouldn'?t|isn'?t|do|did|have) you (?:not |even |actually |really )?"
                      r"(?:remember|listen|care|know|read|get it|understand|realise|realize)\b[^.?!]*\?\s*$"
                      r"|\b(?:that'?s|is that) (?:your|the) (?:answer|advice|solution|plan)\?\s*$"
                      # Rhetorical challenges ("What more do you want?", "Who's going to hold the
                      # mirror?", "Why do we always start with her?"); none in AnnoMI or ESConv.
                      r"|\bwhat (?:more|else) do you want(?: from me| me to do)?\?\s*$|\bwho(?:'s| is) going to \w+[^?]*\?\s*$|\bwhy do (?:we|you) always\b[^?]*\?\s*$"
                      # Taking the practitioner's words as an accusation ("Are you saying it's my fault?").
                      r"|\bare you (?:saying|telling me|suggesting|implying)\b[^.?!]*\?\s*$"
                      # A defensive tag on a statement ("I can't read very well, all right?").
                      r"|\w,\s*(?:all right|alright|okay|ok)\?\s*$"
                      # What the advice leaves them to do, with a sarcastic answer ("What am I supposed
                      # to do, eat at my desk?"), and news nobody gave them ("Why wasn't I told?").
                      r"|\bwhat (?:am i|are we) (?:supposed|meant|expected) to do\s*(?:,|\?\s+)[^.?!]{3,80}\?\s*$"
                      r"|\bwhy (?:wasn'?t|weren'?t) (?:i|we) (?:told|informed|warned|asked)\b[^.?!]*\?\s*$"
                      r"|\bwhen (?:were|was) you (?:going to|gonna|planning (?:to|on)) (?:tell|mention|let) (?:me|us)\b[^.?!]*\?\s*$"
                      # Doubting the practitioner's motives ("Are you on commission from them?").
                      r"|\bare you (?:on (?:a )?commission|(?:getting |being )?paid (?:by|from)|getting a cut)\b[^.?!]*\?\s*$", re.IGNORECASE)
# A word of the practitioner's turn echoed back as the opening question ("Two? I only just
# managed one."), unless it is a word any question starts with.
_ECHOED = r"^\W*((?:[A-Za-z][\w'-]*\s?){1,2})"
ECHO = re.compile(_ECHOED + r"\?")
FLAT_ECHO = re.compile(_ECHOED + r"[.!]\s+\S")  # said flat, with more after it
NOT_ECHOED = {"you", "me", "i", "what", "why", "how", "who", "when", "where", "really", "sorry", "pardon", "huh", "the", "a",
              "and", "so", "is", "it", "that", "this", "yes", "no", "okay", "ok", "right"}


# News the client did not want ("I'm afraid your role is one of those affected", "The biopsy
# showed the lump is cancer."): answered twice in a word or two, it is a retreat into shock.
BAD_NEWS = _any(
    r"\b(?:don'?t|do not|doesn'?t|does not) think (?:surgery|an operation|the operation|it|this|that|you) (?:is|are|would be) (?:the right|a good|an|suitable|right)\b",
    r"\bnot (?:a )?suitable (?:for|candidate)\b",
    r"\b(?:has|have|'ve|'s) decided (?:that )?you (?:can'?t|cannot|won'?t|will not|aren'?t|are not|don'?t|do not|shouldn'?t)\b",
    r"\b(?:you'?re|you are) not (?:entitled|eligible)\b|\b(?:has|have) been (?:turned down|refused|rejected|declined)\b",
    r"\bi'?m (?:so |very |really )?(?:afraid(?! of)|sorry to (?:tell|say|have to tell))\b", r"\bunfortunately\b", r"\bbad news\b",
    r"\b(?:showed|shows|confirmed|confirms|found) (?:that )?(?:the \w+ is |it'?s |it is |there'?s |there is |a |an )?(?:cancer|malignant|tumou?r|terminal)\b",
    r"\bis (?:cancer|malignant|terminal)\b", r"\b(?:cancer|tumou?r|growth) has (?:spread|come back|returned|grown)\b|\bspread to (?:your|the)\b|\b(?:inoperable|incurable)\b", r"\b(?:restructur\w*|redundan\w+|let you go)\b",
)

# A bare echo question ("Have I?" to "You've gone very quiet"): not asking for anything, so not
# the taking part a question usually is.
ECHO_QUESTION = re.compile(r"^\W*(?:(?:have|did|am|was|do|is|are) (?:i|it|we)|(?:should|must|would|could) (?:i|it|we)(?: be| have)?)\?\s*$", re.IGNORECASE)
