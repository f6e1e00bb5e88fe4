"""The rules layer: codes whose surface form is reliable (question form, backchannels,
explicit phrases such as "it makes sense that you..."). Each hit carries the matched span
as its evidence and the rule that fired as its reason.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Role
from ..rapport.risk import pattern_flags
from .inputs import speaks_as
from .invitation import PERMISSION_PATTERNS
from .lexicon import FEELING, SITUATION_FEELING, VULNERABLE
from .minimal import minimal_answer
from .rule_types import C, Hit, P, Rule, phrase_rules
from .rupture_rules import CONFRONTATION_RULES, REPAIR_RULES, WITHDRAWAL_RULES

YOU_FEEL = r"i (?:can )?(?:hear|see|sense)(?: that)? you(?:'re| are| were| feel| felt)?|i (?:can )?tell(?: that)? you(?:'re| are| were| feel| felt)|(?:it )?(?:sounds|seems|looks) (?:like|as if|as though)?\s*(?:you(?:'re| are| were| feel| felt)?|that)|you(?:'re| are| were)? (?:seem|sound|look|feel|felt|must (?:feel|have felt|be))"
RULES: list[Rule] = [
    *phrase_rules(
        "reflection.feeling", P, 0.8, rf"\b(?:{YOU_FEEL})\b[^.?!]{{0,40}}\b(?:{FEELING})\b",
        # The feeling named through the situation: "That sounds really unsettling."
        rf"(?<!about it )(?<!what )\b(?:sounds|sounded|seems|seemed|must be|must have been)"
        rf"(?: (?:really|so|very|quite|pretty|incredibly|absolutely|a bit|a little|rather))? (?:{SITUATION_FEELING})\b",
        rf"\bhow (?:\w+ )?(?:{SITUATION_FEELING}) (?:that|it|this) (?:must|sounds|seems)\b",
        # What hearing the news does: "It's frightening to hear this."
        rf"\bit'?s (?:so |really |very |pretty )?(?:{SITUATION_FEELING}) to (?:hear|be told|take in|find out)\b",
    ),
    *phrase_rules(
        "validation", P, 0.8,
        r"\bmakes? (?:total |complete |perfect |a lot of )?sense\b[^.?!]{0,25}\b(?:you|that|why|to feel)",
        r"\b(?:anyone|anybody|most people|no wonder|of course you)\b[^.?!]{0,50}\b(?:feel|felt|would|be|are|were)\b",
        r"\bit'?s (?:completely |totally |perfectly |so |very |really |quite )?(?:understandable|natural|normal|okay|ok|human|common) (?:to|that|you)\b",
        r"\byour (?:feelings|reaction|anger|fear|sadness) (?:is|are) (?:valid|understandable|natural)",
        r"\byour (?:\w+ )?(?:frustration|anger|worry|worries|fear|reaction|feelings?|upset|distress) (?:makes|make) (?:complete |total |perfect |a lot of )?sense\b",
        r"\byou(?:'ve| have) been (?:carrying|dealing with|going through|holding|juggling) (?:a lot|so much|an awful lot|too much)\b",
        r"\b(?:it|that) (?:can|must|would) (?:feel|seem|look) (?:like that|that way)\b(?![^.?!]*\bbut\b)",
        r"\bthat'?s (?:so |completely |totally |perfectly |entirely |very )?(?:understandable|valid)\b",
        r"\b(?:that'?s|it'?s|that is|it is) an? (?:completely |totally |perfectly |very |really )?(?:understandable|natural|normal|reasonable|common)"
        r" (?:one|question|reaction|response|feeling|worry|concern|thing to (?:feel|ask|want|worry about))\b",
        # "That would wear anyone down.", "That's a lot to take in.": the reaction is what anyone would have.
        r"\b(?:that|it|this|which)(?:'d| would| could| will)(?: \w+){1,2} (?:anyone|anybody|most people)\b",
        r"\b(?:that'?s|that is|it'?s|it is|this is) (?:a lot|so much|an awful lot|a great deal) to (?:hear|take in|process|absorb|deal with|carry|cope with|handle)\b",
        r"\b(?:that'?s|that is|it'?s|it is|this is) (?:a lot|so much|an awful lot|a great deal) (?:all )?(?:at once|in one go)\b",
        r"\b(?:your|the|this) (?:pain|feelings?|fear|worry|anger|experience|distress|symptoms) (?:is|are) (?:very |absolutely |completely )?(?:real|valid|genuine)\b",
        r"^\W*(?:of course|absolutely|sure)[,.!]? that'?s (?:completely|totally|perfectly|absolutely) (?:okay|ok|fine|alright|all right)\s*(?:[.!,;]|$)",
    ),
    *phrase_rules(
        "affirmation", P, 0.75,
        r"\b(?:that|it|this) (?:takes|took|shows|showed) (?:a lot of |real |so much )?(?:courage|strength|guts|determination|commitment|effort)",
        r"\byou(?:'re| are|'ve been| have been| were) (?:so |really |very |clearly )?(?:brave|strong|resilient|determined|committed|doing (?:great|well|so well|a great job|the right thing))",
        r"\b(?:great|good|well) (?:job|done|work)\b", r"\b(?:i'?m|i am) (?:so |really )?(?:proud of|impressed)",
        r"\byou (?:clearly|really|obviously) (?:care|love|want)", r"\b(?:brave|big|important) step\b",
        r"\byou (?:should|can) be proud\b", r"\byou(?:'ll| will) (?:get through|be fine|be okay|be ok|manage)\b",
        r"\bdon'?t be (?:too |so )?hard on yourself\b", r"\byou did (?:great|well|the right thing|everything you could)",
        r"\byou'?re doing (?:fine|really well|brilliantly|everything right|all the right things)\b",
        r"\bthat'?s exactly (?:right|the right thing|what (?:to do|you should do))\b",
        # Naming what the client has going for them ("Those are real strengths.").
        r"\b(?:those|these|that|this)(?:'s| is| are) (?:real |genuine |great |important |big |really )?(?:strengths?|assets?)\b",
        r"\b(?:a plan|an idea|a way|something) you (?:came up with|worked out|found) (?:yourself|on your own|for yourself)\b",
        # Crediting a contribution ("That's a really good point, Aisha.", "Nicely put.").
        r"\b(?:that'?s|that is|what) an? (?:really |very |great |excellent )?(?:good|great|excellent|important|interesting) (?:point|observation)\b",
        r"\b(?:nicely|well|beautifully) put\b",
        # Crediting what the client did ("twice is good going", "you did that yourself").
        r"\b(?:good|great) going\b", r"\byou did (?:that|it|this) (?:yourself|all by yourself|on your own)\b",
        r"\b(?:that'?s|that is|what) an? (?:really |very )?(?:honest|brave|thoughtful) (?:reflection|answer|thing to say|admission)\b",
    ),
    *phrase_rules(
        "self_disclosure", P, 0.75,
        r"\bwhen i (?:was|moved|lost|had|went|first|left|started)\b",
        r"\bi(?:'ve| have)? (?:also |once |too )?(?:been through|had|experienced|struggled with|gone through|went through|felt) (?:a |something )?(?:similar|the same|that too|this too|like that)",
        r"\bin my (?:own )?(?:experience|life|family|twenties|teens)\b",
        r"\bmy (?:own )?(?:husband|wife|partner|father|mother|dad|mum|mom|son|daughter|kids|children|brother|sister|friend) (?:also|too|used to|went|had)\b",
        r"\bi remember (?:feeling|being|when i|how i)\b", r"\bhappened to me\b", r"\bi used to (?:feel|be|have|think)\b",
    ),
    *phrase_rules(
        "common_ground", P, 0.75,
        r"\bme (?:too|neither|as well)\b", r"\bsame here\b", r"\bwe(?:'re| are) both\b", r"\bwe both\b",
        r"\b(?:both of us|you and i|you and me)\b",
        r"\bi (?:also|too) (?:love|like|hate|enjoy|can'?t stand|grew up|play|have)\b",
    ),
    *phrase_rules(
        "collaboration", P, 0.75,
        *PERMISSION_PATTERNS,
        r"\b(?:it'?s|that'?s|it is|that is) (?:completely |entirely |totally |really )?(?:your|up to you)(?: decision| choice| call)?\b",
        r"\bup to you\b", r"\bwhat would you like to (?:do|focus|work|talk|try)\b",
        r"\bwhat would (?:be|feel) (?:most |more |really )?(?:useful|helpful) (?:to (?:talk about|focus on|look at)|for you)\b",
        r"\bwhat would you (?:rather|prefer) (?:we |to )?(?:do|did|talk|focus|spend|use)\b",
        r"\bis there something else (?:on your mind|you'?d (?:like|rather|prefer) to)\b",
        r"\bwhere (?:do|would) you (?:want|like) to (?:take|go with) (?:this|it|things)\b",
        # Leaving the pace to the client: "join in whenever you feel ready".
        r"\b(?:whenever|when|once|if and when) you(?:'re| are| feel) ready\b",
        r"\b(?:let'?s|shall we|we could|could we|can we|if we)\b[^.?!]{0,40}\btogether\b",
        r"\b(?:would|might|could) it help (?:if we|for us to)\b",
        # A plan offered for the client to shape: "What if we agreed...? Would that fit with what you're seeing?"
        r"\bwhat if we\b", r"\bwould (?:that|this) (?:fit|work) (?:for you|with (?:what|your|how))\b",
        # Asking the client's view of what was just proposed, or offering to act for them.
        r"\bhow does (?:that|this) sound\b",
        # After a proposal in the same turn ("I can help you contact the council today... Would
        # that be okay?"): three AnnoMI turns, all in high-quality sessions.
        r"[.!]\s+(?:would|will|is) (?:that|this) (?:be )?(?:ok(?:ay)?|alright|all right|fine)(?: (?:for|with) you)?\s*\?",
        r"\bdoes (?:that|this) sound (?:ok(?:ay)?|alright|all right|good|fair|reasonable|doable|manageable|like a plan)\b",
        r"\bhow would you feel about (?:that|this|trying|us|me)\b", r"\bwould it help if i\b",
        r"\b(?:i'?d like|i want) (?:for )?us to\b",
        r"\bwhere would you like to (?:start|begin)\b", r"\bhow would you like (?:us )?to\b",
        r"\b(?:you|we) (?:don'?t|do not) have to (?:talk (?:about (?:it|this|that|anything|your \w+)|to me|now|today|yet)|tell me|say (?:anything|more)|share|go into|get into|answer)\b", r"\b(?:at )?(?:whatever|your own) pace\b",
    ),
    *phrase_rules(
        "orientation", P, 0.7,
        r"\bconfidential", r"\bstays? (?:between us|in this room|here)\b",
        r"\b(?:let me|i'?ll|i will|i want to|i'?d like to) (?:explain|tell you|walk you through|go over|describe) (?:how|what|a bit|the)\b",
        r"\b(?:today|in this session|in these sessions|this session) (?:we'?ll|we will|we'?re going to|we are going to|we have|i'?ll)\b",
        r"\b(?:my|your) role (?:here )?is\b", r"\bwhat (?:you can|to) expect\b", r"\bwe have (?:about |around )?\w+ minutes\b",
        r"\bbefore we (?:start|begin|get started)\b",
        # Saying what will happen and what is done with what the client says.
        r"\bwe'?ve got (?:about |around )?(?:\w+ minutes|half an hour|an hour)\b",
        r"\b(?:nothing|what) you (?:say|tell me) (?:here )?(?:goes|will go|leaves)\b",
        r"\b(?:tell|telling|check(?:ing)? with|talk(?:ing)? (?:to|with)) you first\b",
        r"\bhere'?s what (?:i|we)(?:'ll| will| can|'m going to| am going to|'re going to| are going to) do\b",
    ),
    *phrase_rules(
        "check_understanding", P, 0.8,
        r"\bdid i (?:get|understand) (?:that|this|it|you|everything) (?:right|correctly)\b",
        r"\b(?:am i|have i got (?:that|this|it))(?: right| correct)\b",
        r"\blet me (?:check|make sure) (?:i|i'?ve|that i)\b", r"\bwhat do you mean\b",
        r"\bwhen you say\b[^.?!]{1,60}\bwhat\b", r"\bis that (?:right|correct)\?",
        r"\b(?:do|did) i understand (?:you )?correctly\b", r"\bif i understand (?:you )?correctly\b",
        # Chunk and check: whether what was just explained landed ("Does that all make sense?").
        r"\bdoes (?:that|this|all that|that all|everything|it all) make sense\b", r"\bis (?:that|this|everything) clear\b",
        r"\b(?:tell|say) (?:it |that |them )?back to me\b",
        # Teach-back, not free recall ("In your own words, tell me everything you remember about
        # Saturday night" to a witness asks for an account).
        r"\b(?:what|how)\b[^.?!]{0,60}\bin your own words\b",
        r"\bin your own words\b[^.?!]{0,60}\b(?:what|how) (?:i|we|you'?ll|you will|you'?re going to|you(?:'ve| have) (?:taken|understood))\b",
        # Reading back what was written down for the client to check.
        r"\b(?:read|say|go over) (?:it |that |this |everything |what i'?ve (?:written|got) )?back (?:to you )?(?:so (?:that )?you can|to make sure|to check)\b",
        r"\bso (?:that )?you can check (?:it'?s|that'?s|that it'?s|i'?ve got (?:it|that|everything)) (?:right|correct)\b",
    ),
    *phrase_rules(
        "advice", P, 0.7,
        # Not asked ("What would you need to do to hand it over?", "Do you have to drive?").
        r"(?<!would )(?<!could )(?<!will )(?<!do )(?<!does )(?<!did )\byou (?:really |just |simply |definitely )?(?:should|ought to|need to|have to|must)\b(?! (?:be|feel) )"
        r"(?! have (?:been|got|gone|done|had|known|seen|said|told|\w+ed)\b)",  # "you should have been told" looks back
        r"\bi(?:'d| would) (?:recommend|suggest|advise)\b", r"\b(?:my|one) (?:advice|suggestion|recommendation) (?:is|would be)\b",
        # At the start of any sentence: "Okay. Try to cut back a bit and see how that goes."
        r"(?:^|(?<=[.!?] )|(?<=[.!?]\n))\W*(?:(?:and|also|so|then|just|now|okay|well)[,]?\s+)*(?:try|make sure|consider|avoid)\b", r"\bwhy don'?t you (?:try|give|consider)\b",
        # Persuasion put as a question; "why don't you tell me..." invites talk instead.
        r"\bwhy (?:don'?t|not) you just (?!(?:tell|fill|talk|walk) me\b|share|describe|say more)\w+", r"\bwhy not just\b",
        r"\bwhat'?s (?:stopping|keeping) you from\b", r"\bdon'?t you think you (?:should|need|ought)\b",
        # A bare instruction about the client's own behaviour ("And cut down on the rice.").
        r"^\W*(?:(?:and|also|so|then|just|now)[,]?\s+)*(?:cut (?:down|back|out)|reduce|limit|quit|eat (?:less|more)|drink (?:less|more)) (?:on |the |your |some |a )?\w+",
        r"\bwouldn'?t it be (?:better|easier|wiser|safer) (?:to|if you)\b",
        r"\bmaybe you (?:could|can|should) (?:try|start|talk|call|ask|look)\b",
        # Urging a decision the client is still weighing ("Seriously... Just go for it.").
        r"(?:^|(?<=[.!?] ))\W*(?:(?:so|honestly|seriously|just)[,]?\s+)*(?:just )?go for it\b",
        r"\byou (?:can'?t|cannot|mustn'?t|shouldn'?t) (?:just |simply |really |keep )?(?:skip|stop|ignore|miss|keep|carry on|go on|leave)"
        r" (?:it|them|this|that|the|your|taking|going|doing)\b",
    ),
    *REPAIR_RULES,
    *phrase_rules(
        "sympathy", P, 0.75,
        r"\b(?:you )?poor (?:thing|you|dear|soul)\b", r"\bi(?:'?m| am) (?:so |very |really |truly )?sorry (?:to hear|for you|that happened|about)\b",
        r"\bsorry (?:that )?you(?:'re| are|'ve been| have been) (?:going through|dealing with)\b",
        r"\bi feel (?:so |really )?(?:bad|sorry) for you\b", r"\b(?:what a|that'?s a) (?:shame|pity)\b", r"\bi pity\b",
    ),
    *phrase_rules(
        "face_threat", P, 0.7,
        r"\b(?:stupid|ridiculous|pathetic|lazy|idiotic|dumb|childish)\b",
        r"\byou(?:'re| are) (?:just |being )?(?:overreacting|exaggerating|making (?:excuses|it up)|dramatic|too sensitive)\b",
        r"\bstop (?:making excuses|whining|complaining|being)\b", r"\bdon'?t be (?:so |such an? )?(?:dramatic|drama queen|baby|crybaby)\b", r"\b(?:it'?s|that'?s|it is) not (?:a|that) big (?:a )?deal\b",
        r"\bget over it\b", r"\bwhat were you thinking\b", r"\b(?:your|it'?s your|it was your) own fault\b",
        r"\bshut up\b", r"\bgrow up\b", r"\bdeal with it\b", r"\bjust stop\b",
        r"\bthe sooner you (?:accept|admit|realise|realize|stop|start|face)\b",
        r"\b(?:this|that|it) (?:can'?t|cannot|mustn'?t|must not) happen again\b",
        r"\bif (?:it|that|this|the \w+|\w+ing) (?:was|were|really was|is) (?:really )?(?:a |your )?priority,? you(?:'d| would)\b",
        # Discounting what was just said ("I hear you, but...") and defending oneself.
        r"^\W*(?:i hear you|i understand(?: that)?|i know|i get (?:it|that|you)|fair enough)(?:,? (?:sir|madam|ma'am|mate|love|dear))?[,.]? but\b",
        # The non-apology: sorry for the client's reaction, not for anything done.
        r"\bi'?m sorry (?:that |if )?you feel (?:that way|like that)\b",
        r"\bi'?m (?:just|only) trying to (?:help|get you to|make you)\b",
        # Blame put as a question ("Why didn't you call us straight away?"); not the invitation
        # "Why don't you tell me...".
        r"\bwhy (?:didn'?t|did not|hadn'?t|haven'?t|wasn'?t|weren'?t) you\b",
        # Doubting the client's or their family's word ("Maybe she's not being honest with you.").
        r"\b(?:maybe|perhaps|probably|i think|i suspect) (?:she|he|they|you)(?:'s|'re| is| are) (?:not being (?:honest|truthful|straight)|lying|making (?:it|this|that) up)\b",
        # Closing the question with authority instead of hearing the objection.
        r"\bthe (?:numbers|figures|facts|data|results|scales|tests?|test results|bloods|blood tests|scans?|readings) (?:don'?t|do not|never) lie\b",
        # Frightening the client into it ("You really need to cut down, or you're going to do
        # serious damage.").
        r"\bor (?:else )?you(?:'re| are|'ll| will) (?:going to |gonna )?(?:end up (?:in hospital|dead|on dialysis|in a wheelchair)|die\b|"
        r"do (?:yourself )?(?:some )?(?:serious |real |permanent |lasting )?damage|regret it)", r"\b(?:facts are facts|(?:the )?rules are (?:the )?rules)\b",
        r"\b(?:that'?s|it'?s|that is|it is) (?:just )?(?:the|our) (?:policy|rules?)\s*(?:[.!]|$)",
        r"\bif you don'?t (?:change|do) (?:something|anything)\b[^.?!]{0,20}\bnothing (?:will|is going to|'s going to) change\b",
        # Waving a fear away instead of hearing it ("There's nothing here to suggest that." to a
        # patient who has just said what scares them). Not "no need to worry", which is
        # often plain reassurance, nor "it's nothing to be ashamed of".
        r"\b(?:there'?s|there is) nothing (?:here )?to (?:suggest|worry about)\b", r"\bnothing (?:at all )?to worry about\b",
        r"\byou'?re worrying (?:about|over) nothing\b", r"\bi wouldn'?t worry about (?:it|that|this)\b",
        # Not what others said ("how frustrating it is to keep being told it's nothing").
        r"(?<!told )(?<!say )(?<!says )(?<!said )(?<!saying )\bit'?s (?:probably |almost certainly |most likely )?nothing(?: serious)?\s*[.!]",
        # Reproaching the client for not having learnt it yet ("No, it's twelve. We went over
        # this last week."). Sentence-final, so a recap that goes on ("We went over this last
        # week, so today...") is not taken for one; not "as I said", which AnnoMI's
        # practitioners use plainly.
        r"\bwe(?:'ve| have)? (?:already )?(?:been|gone|went) over (?:this|that|it)(?: (?:already|before|last (?:week|time|session)|(?:so )?many times))?\s*[.!]",
        r"\bi(?:'ve| have)? (?:already )?told you (?:this |that )?(?:before|already|(?:so |a hundred |a million )?many times|a hundred times|a million times)\b",
        r"\bhow many times (?:do|have|must) i (?:have to )?(?:tell|say|explain|remind)\b",
        r"\byou should know (?:this|that|it) by now\b", r"\byou should know better\b",
        # Running down the client's work with nothing it did well ("Honestly, it wasn't your best
        # work. The argument was all over the place.").
        r"\b(?:it|this|that) (?:wasn'?t|isn'?t|was not|is not) (?:exactly )?your best(?: work| effort| attempt)?\b",
        r"\b(?:your \w+|the (?:argument|essay|work|writing|answer|report)|it|this|that) (?:was|is) all over the place\b",
    ),
    *phrase_rules(
        "agreement", C, 0.8,
        r"^\W*(?:yes|yeah|yep|right|oh)?[,.! ]*(?:exactly|absolutely|precisely|spot on)\b",
        r"\bthat'?s (?:exactly )?(?:it|right|how it (?:is|feels)|what i mean|what i meant)\b[.!]",
        r"\byou(?:'ve| have)? got it\b", r"\bthat'?s exactly\b",
    ),
    *WITHDRAWAL_RULES,
    *CONFRONTATION_RULES,
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
# Typed chats drop apostrophes ("im", "ive"); "id" and "ill" are left out as other words.
FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|im|ive|my|me|myself|mine)\b", re.IGNORECASE)
OPINION = re.compile(
    r"\bi (?:think|believe|guess|reckon|suppose|feel like|prefer|like|love|hate|want|wish|hope)\b|\bin my (?:opinion|view)\b"
    # Wishes, doubts and what the client tells themselves are views of their own too.
    r"|\bi(?:'?d| would) (?:like|love|rather|prefer)\b|\bi (?:don'?t|do not) (?:think|want|believe)\b"
    r"|\bi keep telling myself\b|\bi know i (?:should|shouldn'?t|need to|have to)\b",
    re.IGNORECASE)
# "i just feel", "im so", "ive been": one adverb and typed chats' missing apostrophes allowed.
FEELING_SELF = re.compile(
    rf"\b(?:i(?:'?m| am| was| (?:\w+ )?(?:feel|felt)| get| got| have been|'?ve been)|makes me|made me)\b"
    rf"[^.?!]{{0,25}}\b(?:{FEELING})\b"
    r"|\bi(?:'?ve been| (?:\w+ )?)(?:cry|cried|crying)\b"  # crying names the feeling by what it does
    r"|\b(?:i (?:\w+ )?|to (?:not )?)(?:dread|dreaded|dreading|fear|panic|panicked|worry)\b(?! out\b)",  # feeling verbs ("miss" is also a bus)
    re.IGNORECASE)
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


# A question tag at the end of a client's turn ("That's not my problem, is it."): the rupture
# wordings are read again without it, since many are anchored at the end of the turn.
TAG = re.compile(r",\s*(?:(?:is|isn'?t|are|aren'?t|was|wasn'?t|do|don'?t|does|doesn'?t|did|didn'?t|have|haven'?t|has|hasn'?t|can|can'?t|"
                 r"will|won'?t|would|wouldn'?t) (?:it|they|you|i|we|he|she|there|that)|right|eh|innit)\s*[.?!]*\s*$", re.IGNORECASE)
RUPTURE_CODES = ("confrontation", "withdrawal")


def apply_rules(text: str, role: Role | None) -> list[Hit]:
    """Every rule that fires on ``text``, at most one hit per code (the first match)."""
    hits: dict[str, Hit] = {}
    if BACKCHANNEL.match(text) and len(text.split()) <= 4:
        hits["backchannel"] = Hit("backchannel", 0.9, (0, len(text)), "short listening signal")
    untagged = TAG.sub(".", text) if role != Role.PRACTITIONER else text
    for rule in _rules_for(role):
        if rule.code in hits:
            continue
        if (m := rule.pattern.search(text)) or (rule.code in RUPTURE_CODES and untagged != text and (m := rule.pattern.search(untagged))):
            hits[rule.code] = Hit(rule.code, rule.confidence, m.span(), f"phrase: '{m.group(0).strip()}'")
    if role != Role.PRACTITIONER and "backchannel" not in hits:
        if "withdrawal" not in hits and (minimal := minimal_answer(text)):
            hits["withdrawal"] = Hit("withdrawal", minimal[0], (0, len(text)), minimal[1])
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
    # What the risk phrases flag ("I want to die", "he grabbed my arm") is as private as it gets.
    if risky := pattern_flags(text):
        return Hit("disclosure", 0.75, risky[0].span, f"risk language: '{risky[0].evidence}'", depth=3)
    if m := FEELING_SELF.search(text):
        return Hit("disclosure", 0.7, m.span(), f"feeling: '{m.group(0)}'", depth=2)
    if m := OPINION.search(text):
        return Hit("disclosure", 0.6, m.span(), f"opinion: '{m.group(0)}'", depth=1)
    m = FIRST_PERSON.search(text)
    return Hit("disclosure", 0.5, (0, len(text)), "fact about self", depth=0)
