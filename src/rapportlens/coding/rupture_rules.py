"""Phrases of ruptures and repairs (SPEC section 5): a practitioner owning a misstep or naming
the client's retreat (repair), and a client pulling away (withdrawal) or pushing back
(confrontation). Part of the rules layer (``rules.RULES``); the rupture finder also reads the
shared wordings here (``rapport/rupture_cues.py``).
"""

from __future__ import annotations

from .rule_types import C, P, phrase_rules

# A practitioner's own act in this talk ("I took a side", "I've just taken your weekend and
# made it about my dad"), conceding at the start of a turn, an apology that is not sympathy,
# and words that judge one's own act.
DID_IN_TALK = (r"\bi(?:'ve| have| had)? (?:just |really |probably |completely |totally )?(?:said|told you|asked|took|taken|"
               r"made (?:it|that|this|you)|(?:went|gone) (?:straight|right|ahead|in|on about|off on|too far)|jumped|put (?:it|that|you)|talked|"
               r"gave you|given you|brought (?:up|in)|launched|turned|rushed|pushed|skipped|missed|ignored|assumed|decided|cut you|"
               r"interrupted|cut in|cut across|butted in|got (?:that|it|this|ahead|carried)|didn'?t (?:realis|realiz|think|ask|check|explain)|"
               r"(?:picked|torn|pulled|ripped) (?:it|that|this|them|you) apart|criticised|criticized|judged|lectured|grilled)")
# Owning the manner or order of one's own talk ("I've been going through the numbers at you like
# a checklist", "I came in talking about equipment before asking what matters to you"); no
# practitioner turn in AnnoMI or ESConv talks so.
OWNED_MANNER = (r"\bi(?:'ve| have|'m| am)? (?:been |just )?\w+ing (?:[\w']+ ){0,4}at you\b|\bat you like an?\b"
                r"|\bi(?:'ve| have)? (?:came|come|barged|went|gone) (?:in|straight in) (?:talking|going on|asking|banging on) about\b"
                r"|\bi(?:'ve| have)? (?:came|come|went|gone|began|begun|got|kept|spoke|gave|made|said|told you|took|ran|brought|put|launched|dived|dove|\w+ed)\b"
                r"[^.?!]{0,40}\bbefore (?:i )?(?:asking|asked|checking|checked|finding out|hearing|listening|understanding)\b")
# Backing off named as such ("I won't keep pushing.", "I'll stop asking.", "I'll back off").
BACKING_OFF = r"\bi'?ll (?:stop (?:asking|pushing|going on)|back off)\b|\bi (?:won'?t|will not) (?:keep )?(?:push(?:ing)?|press(?:ing)?)\b"
CONCEDING_OPENER = r"^\W*(?:(?:okay|ok|so|right|yes|yeah|no|well|mm|oh|(?:i'?m |i am )?(?:so |really |very )?sorry)[,.]?\s+)?"
# The client's point granted ("You're right", "That's a fair point"): the core of conceding.
POINT_GRANTED = (r"that'?s (?:completely |totally |entirely |very |perfectly )?(?:true|fair|a fair (?:point|question))|"
                 r"you'?re (?:quite |absolutely |completely )?right|fair enough|fair point|fair question")
CONCEDING_START = (CONCEDING_OPENER + r"(?:" + POINT_GRANTED + r"|fair(?=[.!])|i did(?: say that|,)|you did(?: say (?:that|so)|[,.!])|"
                   r"of course you (?:know|do|did|are|have|can|would))\b")
_SORRY = (r"(?:^|[.!?,;]\s*)(?:and |but |so )?(?:i'?m |i am )?(?:so |really |very )?sorry\b"
          r"(?! (?:to hear|for your loss|about your|that you|you|if you|for what)\b)|\bi apologi[sz]e\b")
# What was done, judged ("pointing at the letter wasn't fair"), not what someone else did.
JUDGED_DOING = r"(?<!him )(?<!her )(?<!them )\w+ing\b[^.?!,]{0,40} (?:wasn'?t|was not) (?:fair|kind|helpful)(?=\s*(?:[.!,;]|$))"
KNEW_NOT = rf"^(?=[\s\S]*?\bi (?:didn'?t|did not) know\b)[\s\S]*?{JUDGED_DOING}"
SELF_JUDGED = (r"\b(?:thoughtless|careless|insensitive|tactless|unkind|clumsy|unfair (?:of me|to you|on you)|"
               r"(?:not|n't) (?:fair|right|kind) (?:of me|on you|to you|on everyone|to everyone|on the others|to the others)|wrong of me|out of order|" + JUDGED_DOING + r")")
# Anchored at the start: a lookahead tried at every position would read the turn once per character.
# Not knowing owns something only with a word that judges what was done ("I didn't know that,
# and pointing at the letter wasn't fair"); "I'm so sorry, I didn't know you were sick" is sympathy.
OWNED_ACT = (rf"^(?=[\s\S]*?{DID_IN_TALK})(?:[\s\S]*?(?:{_SORRY}|{SELF_JUDGED})|{CONCEDING_START})"
             rf"|{KNEW_NOT}")


# What the client just did, named by the practitioner ("You laughed just then.", "I notice you
# changed the subject", "and you've gone quiet"): a repair that also says the turn before it
# was a retreat.
NAMED_RETREAT = (
    r"(?:^|[,.;!?]\s*|\band )(?:and )?you(?:'ve| have) (?:gone|got|become) (?:a bit |very |really |quite |a little )?(?:quiet|quieter|silent)\b",
    r"\byou (?:laughed|smiled|joked|shrugged|went quiet|changed the subject|looked away|sighed) (?:just then|just now|there|when i)\b",
    r"\bi notice(?:d)? (?:that )?you (?:turned|changed|moved|switched|steered|laughed|smiled|went quiet|looked away|shrugged|paused)\b",
    # The topic left, named ("I notice we've moved off your brother twice now"); no
    # practitioner turn in AnnoMI or ESConv says we or you moved off or changed the subject.
    r"\b(?:we|you)(?:'ve| have)? (?:moved|drifted|steered|turned|shifted) (?:off|away from)\b",
    r"\b(?:we|you)(?:'ve| have)? changed the (?:subject|topic)\b",
    r"\byou(?:'re| are) (?:giving me|being) (?:very |quite |really |pretty )?(?:short|brief|one-word|quick) (?:answers|replies)\b",
    # The questions turned back on the practitioner ("each time I ask about the accident, we
    # end up talking about me"); no AnnoMI or ESConv practitioner turn says so.
    r"\bwe (?:end up|keep|always end up|seem to end up|keep ending up) (?:talking about|on|back on|back to) me\b",
    r"\b(?:turn|turned|turning) (?:the|my) questions? (?:back )?(?:on|to) me\b",
)

# When the practitioner said it ("something I said last week"), not to whom.
WHEN_SAID = r"(?:,? (?:last \w+|earlier|before|just now|just then|there|today|in (?:our|the) last (?:session|meeting)))?,?"

# A "but" later in the sentence or opening the next one takes back what came before.
TAKEN_BACK = r"(?![^.?!]*\bbut\b)(?![^.?!]*[.?!]+\s*but\b)"
REPAIR_RULES = phrase_rules(
    "repair", P, 0.75,
    r"\b(?:i'?m|i am) sorry(?: (?:if|that))?,? i\b", r"\b(?:i'?m|i am) (?:so |really |very )sorry,? i (?:assumed|misunderstood|misread|misheard|forgot|got (?:that|it|your \w+) wrong)\b",
    r"(?:^|[.!?]\s+)sorry,? i (?:assumed|misunderstood|misread|misheard|jumped to|got (?:that|it|your \w+) wrong)\b",
    BACKING_OFF,
    r"\bi(?:'ve| have)? (?:just )?(?:barged|charged|stormed|blundered|waded|ploughed) (?:in|straight in|right in|into)\b", r"\bi(?:'ve| have)? been hiding behind\b",
    r"\bi (?:jumped|went|rushed) (?:straight|right) (?:to|in|into)\b",
    OWNED_MANNER,
    r"\bthat (?:wasn'?t|was not) (?:fair|helpful|what you (?:needed|asked))\b",
    r"\bi (?:think i )?(?:pushed|was pushing|went|came on|jumped|rushed)\b[^.?!]{0,15}\b(?:too|a bit|ahead)\b",
    r"\bi may have (?:misunderstood|misread|got that wrong|gotten that wrong|pushed)\b",
    r"\b(?:didn'?t|did not) (?:land|come out) (?:well|right|the way)\b", r"\blet(?:'?s| me| us) (?:go|step) back\b",
    # Wondering aloud whether one's own words hurt ("I'm wondering if something I said last
    # week didn't sit right"); no AnnoMI or ESConv practitioner turn says "something I said".
    r"\bsomething i (?:said|did)" + WHEN_SAID + r" (?:didn'?t|did not|doesn'?t|does not|hasn'?t|has not) sit (?:right|well)\b",
    r"\b(?:if|whether|did|has) something i (?:said|did)" + WHEN_SAID + r" (?:has |might have |may have )?(?:upset|bothered|annoyed|hurt|offended|put you off|got to you)\b",
    r"\bwhat (?:felt|was) (?:off|wrong|unhelpful)\b", r"\btell me (?:if|when) i'?m (?:off|wrong|getting)\b",
    r"\bi (?:got|had) (?:that|it) wrong\b", r"\bthat came out wrong\b", r"\bi apologi[sz]e\b",
    r"\b(?:that'?s|that was|it'?s|it was) (?:all )?my (?:fault|mistake|bad)\b",
    r"\bbrought (?:him|her|it|that|them|this) up too (?:suddenly|soon|quickly|early)\b",
    r"\bi shouldn'?t have (?:opened|started|led|begun|come in) (?:with|on)\b",
    # Owning that the client was left without an answer ("I'm sorry nobody got back to
    # you."); "I'm sorry about the wait." alone is a courtesy, often before pushing on.
    r"\bsorry (?:that )?(?:nobody|no one|no-one|we didn'?t|i didn'?t) (?:got|get|ever got) back to you\b",
    r"\bhow (?:is|was) (?:this|that|our conversation) (?:feeling|going|landing) for you\b",
    # Owning a misstep and turning back to the client's agenda.
    r"\bthat came out (?:as|wrong|badly|harsh(?:er|ly)?|the wrong way)\b", r"\b(?:that'?s|that is|it'?s) not what i meant\b",
    r"\bi (?:didn'?t|did not) mean (?:it|that) (?:like that|that way|to sound)\b",
    r"\bi (?:moved|went|drifted|got|wandered) (?:away from|off track|off topic|ahead of (?:you|myself))\b",
    # "I might be holding on to it more than you want me to"; no AnnoMI or ESConv
    # practitioner turn says so.
    r"\bi (?:might|may|could) be (?:holding on to|hanging on to|pushing|pressing|making too much of) (?:it|this|that)\b",
    # "I was trying to talk you out of it"; no AnnoMI or ESConv practitioner turn says so.
    r"\bi (?:was|'ve been|have been) (?:trying to )?talk(?:ing)? you out of\b",
    # "I was a bit sharp with you earlier"; no AnnoMI or ESConv practitioner turn says so.
    r"\bi (?:was|'ve been|have been) (?:a bit |a little |too |really |quite )?(?:hard|harsh|sharp|short|blunt|abrupt|curt|snappy) (?:on|with) you\b",
    # "I think I kept steering us back to her when you'd come in wanting to talk about work."
    r"\bi (?:kept|keep|have been|'ve been|was) (?:steering|bringing|pulling|dragging|taking|turning) (?:us|you|the conversation|things|it|the talk)(?: \w+)? back\b",
    r"\b(?:you'?re right|that'?s fair|fair enough|fair point)[,.;!]? (?:and )?i (?:jumped|went|moved|pushed|rushed|got|was|shouldn'?t|should|didn'?t|skipped|glossed|missed|brushed|ignored|overlooked)\b",
    r"\bi (?:didn'?t|did not) (?:take|think about|consider) (?:that|this|it|your \w+|the \w+) (?:into account|through)\b",
    r"\blet(?:'?s| us| me) (?:stay|go back|come back|return|get back) (?:with|to) (?:what you|the thing you|your|where you)\b",
    r"\bi(?:'?m hearing| hear| can see| get) (?:that )?(?:this|that|what i said|my suggestion) (?:isn'?t|wasn'?t|hasn'?t been) (?:helping|working|helpful|what you)\b",
    # "I shouldn't have brushed it off", "I should've asked first": no practitioner turn in
    # AnnoMI or ESConv says "I should(n't) have" at all.
    r"\bi (?:should(?:n'?t| not)? have|should'?ve) (?:asked|checked|said|pushed|jumped|assumed|read (?:my|your|the)|remembered|prepared|listened"
    r"|brushed|dismissed|interrupted|rushed|ignored|lectured|judged|glossed|skipped|talked over|cut (?:you|in|across)|waved|doubted"
    r"|questioned|snapped|pressed|presumed|hurried|overlooked|put it|worded|made (?:it|that|you)|gone (?:on|straight|in)|started (?:with|on|by)|told you)\b",
    r"\bi (?:think i )?got (?:a bit |rather |too )?carried away\b", r"^\W*sorry,? you did\b",
    # Naming the client's feeling towards the practitioner ("It makes sense you'd be
    # irritated with me for that"); no AnnoMI or ESConv practitioner turn does.
    r"\byou(?:'d| would| might| must| may| could)?(?: well)?(?: be| feel| have been| have felt|'re| are| were| felt)? (?:a bit |quite |really |very |so |a little )?"
    r"(?:irritated|annoyed|angry|frustrated|cross|fed up|upset|hurt|mad) (?:with|at|by) me\b",
    # Regretting how it landed ("that's not how I want you to feel") and owning a gap
    # ("I haven't asked how that works for you"); a bare "I'm sorry that happened" is sympathy.
    r"\bi(?:'?m| am) sorry,? (?:that(?:'?s| is| was) not|that came|if (?:that|i|what i))\b",
    r"\b(?:that'?s|that is|it'?s) not how i (?:want|wanted|meant) (?:you|it|this|things) to\b",
    r"\bi(?:'?m| am) (?:notic(?:e|ed|ing)|aware) (?:that )?i(?:'m|'ve| am| have| was| keep)\b",
    # What the practitioner did to the client in the talk itself ("I think I've
    # overwhelmed you", "I steamrolled you"), and doing it when the client needed something
    # else ("I tried to cheer you up when what you needed was...").
    r"\bi(?:'ve| have| had| might have| may have| probably| think i(?:'ve| have)?)? (?:just |really |kind of |sort of |a bit )?"
    r"(?:rushed|interrupted|lectured|ignored|dismissed|judged|overwhelmed|bombarded|steamrolled|pressured|hurried|"
    r"talked over|misread|misunderstood|confused|patroni[sz]ed|overloaded|overlooked|blamed|critici[sz]ed|cornered|interrogated|grilled|"
    r"rushed past|talked down to|spoke over) you\b",
    r"(?:^|[.!?,;]\s*)(?:and |but |so )?i (?:think i |guess i |probably )?(?:\w+ed|went|gave|got|came|made|tried|said|did|kept|brought|"
    r"jumped|pushed)\b[^.?!]{0,40}\b(?:when|before) (?:what )?you (?:needed|wanted|were ready|had asked|asked)\b", r"\bi (?:might|may|could) be (?:pushing|rushing|pressing|going too fast|getting ahead)\b",
    # Owning having done the talking ("I've been talking a lot. I'm going to stop and ask you.").
    r"\bi(?:'ve| have) been (?:doing (?:all|most) (?:of )?the talking|talking (?:a lot|too much|for ages|a while|non-?stop)|"
    r"going on (?:a bit|a lot|too long|for ages)|rambling)\b|\bi(?:'ve| have) done (?:all|most) (?:of )?the talking\b|\b(?:stop|pause) and ask you\b",
    # Owning a reading that may be the practitioner's own ("I might be reading too much into it.",
    # "I was reading more into it than you were saying").
    r"\bi (?:was|am|'m|might be|may be|could be|have been|'ve been) (?:reading|making) (?:too much|more|a lot) (?:into|of) (?:it|that|this)\b",
    r"\bi (?:might|may|could) be (?:reading too much into|wrong about|off (?:the mark|base)|misreading|over-?reading|making too much of)\b",
    r"\bi (?:might|may|could) have (?:asked|said|put|phrased|worded|pushed|come on) (?:that|it|this|too|a bit)\b",
    r"\bi (?:don'?t|do not|didn'?t|did not|never) (?:want|mean|meant) (?:you )?to (?:feel|make you feel|sound)\b",
    r"\bi (?:haven'?t|hadn'?t|didn'?t|never) (?:actually |even |really )?(?:asked|checked|thought to ask)"
    r" (?:you |how|what|whether|if)\b",
    r"\bmy apologies\b", r"\bpoint taken\b", r"\bi(?:'ve| have) upset you\b",
    r"\bi (?:didn'?t|did not|don'?t|do not) mean to (?:lecture|preach|push|pressure|rush|judge|critici[sz]e|upset|offend|dismiss|talk down)\b",
    r"\bi (?:don'?t|do not) want to (?:fob you off|brush you off|dismiss (?:you|that|this|it)|rush you|lecture you|push(?: you)?|pry|pressure you|talk down to you)\b",
    r"\blet me (?:try|put|say) (?:that|it|this) (?:again|another way|differently|better)\b",
    r"\bi (?:don'?t think i|didn'?t|did not) (?:said|say|put|explain|explained) (?:it|that|this) (?:well|right|clearly|very well)\b",
    r"\b(?:i appreciate|thank you for|thanks for) (?:you )?(?:being (?:so )?(?:honest|straight|open) with me|telling me (?:that|how) (?:i|this|that|it)|pointing (?:that|it) out|the feedback|saying so)\b",
    r"\bhow (?:is|was|has|have) (?:this|that|today|our (?:conversation|session|work)|this session|the session|these sessions)"
    r"(?: been)? (?:feeling|going|landing|working) for you\b",
    # Taking a complaint about the sessions as feedback ("That's really useful to hear. If these
    # sessions feel like going round in circles, I'd like to change that with you.").
    # ("It's helpful to know that things are better" alone is no repair.)
    r"\bif (?:these|our) sessions (?:feel|are|have been|seem)\b"
    r"|\bi'?d like to change that with you\b|\bwhat would make (?:them|these sessions|this|coming here|our sessions) (?:feel )?(?:worth|more useful|more helpful)\b",
    r"\byou know (?:your (?:own )?\w+|yourself|this|him|her) (?:far |much |a lot )?better than (?:i do|me|anyone)\b",
    r"\byou'?re right to (?:call me (?:on|out on)|pull me up on|point (?:that|it) out|say (?:so|that)|push (?:back )?on (?:that|this|it)|question (?:that|this|it|me)|challenge (?:that|this|it|me))\b",
    r"\blet'?s put (?:the plan|that|it|this|my (?:idea|suggestion|advice)|the (?:advice|suggestions?|idea)) (?:aside|to one side|on hold)\b",
    r"\bthat (?:wasn'?t|was not) (?:a )?fair (?:thing )?(?:of|for) me\b", r"\bthat was (?:a bit |really |very )?unfair (?:of me|to you)\b",
    r"\b(?:you'?re right|fair enough|fair point|that'?s fair)[,.;]? i(?:'ve| have) been (?:steering|pushing|leading|lecturing|rushing|doing (?:all|most|a lot) of the talking)\b",
    r"^\W*sorry about that\b", r"\bi (?:think i )?(?:made|was making) (?:an |some |a few |a lot of )?assumptions?\b",
    r"(?:,|\band) i(?:'?m| am) (?:so |really )?sorry\W*$", r"(?:,|\band) i(?:'?m| am) (?:so |really )?sorry[.!]",
    r"\b(?:that|it) (?:landed|came across|sounded) (?:badly|wrong|harsh(?:ly)?|the wrong way|preachy|like a lecture)\b",
    # Not after something the client did ("they said you interrupted their lead, and that
    # came across as dismissive" relays criticism; it owns nothing).
    r"(?:^|(?<=[.!?])\s+)(?![^.?!]*\byou (?:\w+ed|were|kept|did|had|said|made|spoke|talked|came|went|got|took|gave)\b[^.?!]*\b(?:that|it) (?:came|sounded))"
    r"[^.?!]*?\b(?:that|it|i) (?:came across|sounded|must have sounded|might have sounded|may have sounded) (?:as|like) (?:if )?(?:i was |i'?m |a |an )?"
    r"(?:telling you off|lectur\w*|judg\w*|critici\w*|harsh|preach\w*|push\w*|dismiss\w*|blam\w*|scold\w*|"
    r"putting (?:it all|all of it|everything|the blame|it|this|that) on you)",
    r"\bi'?ll stop (?:there|talking|going on|lecturing|pushing)\b", r"\blet'?s take a (?:step|moment) back\b",
    # A bare apology opening the turn (sorry *for* something is sympathy, above), slowing
    # down or backing off, and thanks for the feedback.
    r"^\W*(?:oh,? |okay,? |well,? )?(?:i'?m|i am) (?:so |really |very )?sorry\W*(?:[.!]|$)",
    r"\b(?:let me|i(?:'ll| will| need to| should| think i should)) (?:slow down|back off|ease off|step back)\b",
    r"\bi(?:'ve| have)? (?:got|gotten) ahead of (?:you|myself)\b",
    r"\bi(?:'ve| have)? been (?:talking at|lecturing|preaching (?:at|to)|going on at|telling you off|nagging) you\b",
    r"\bi(?:'ve| have) been (?:going|coming|firing \w+(?: \w+){0,3}|throwing \w+(?: \w+){0,3}) at you\b",
    r"\bi (?:spoke|talked|was (?:speaking|talking)) (?:to you )?(?:as if|as though|like) you(?:'re| are| were)\b|\bi treated you (?:as if|as though|like)\b",
    r"\byou (?:should|ought to) have been (?:told|asked|warned|given|informed|offered|shown)\b",
    r"\bi(?:'ve| have)? (?:just )?(?:brushed|skated|skipped|glossed|rushed|raced|rattled|whizzed|zipped|ploughed|steamed|galloped|flew|tore)"
    r" (?:right |straight )?(?:past|over|through) (?:all )?(?:something|what you|that|this|it|those|these|everything|your|how|the)\b",
    r"\bi (?:went|came|waded) in (?:(?:too |a bit |really |very |pretty )?(?:hard|heavy|strong) (?:on (?:you|that|the|this|it|those|these)|there|then)|all guns blazing)\b",
    r"\bhelp me (?:to )?understand what i(?:'ve| have)? (?:missed|got wrong|misunderstood|not understood)\b",
    r"\bi(?:'ve| have)? got (?:it|that|this|things|you) (?:all )?(?:backwards|back to front|the wrong way (?:round|around)|muddled|mixed up)\b",
    r"\b(?:put|set) me (?:straight|right)\b",
    r"\bwhat (?:have i|am i|did i) (?:missed|missing|miss|got wrong|getting wrong|get wrong)\b",
    r"\bi (?:rushed|jumped|dived|dove|launched) (?:in|straight in|right in|straight into|right into)\b",
    r"\b(?:that'?s|it'?s|that is|it is) (?:really |very )?(?:useful|helpful|important) for me to hear\b",
    r"\bthank(?:s| you) for (?:saying|telling me) (?:it|that|so)\b",
    r"\b(?:i'?m|i am) (?:really |so )?glad you (?:said so|said something|spoke up|raised (?:it|that)|told me that|"
    r"gave (?:me )?(?:it|that|that feedback)|let me know how (?:that|it) (?:felt|landed))\b",
    r"\bi(?:'ve| have)? (?:think i(?:'ve| have)? )?missed the (?:mark|point)\b", r"\b(?:fair|that'?s fair|good) (?:criticism|feedback)\b",
    r"\bi(?:'ll| will) take (?:that|it) on board\b",
    # Doing what the client complained of in others ("I just did exactly what he does.").
    r"\bi(?:'ve)? (?:just )?(?:did|done) (?:exactly |just )?(?:what|the (?:same )?thing) (?:he|she|they|your \w+|everyone(?: else)?) (?:does|did|do|was doing|keeps doing)\b",
    # Owning what the client was put through ("You shouldn't have to keep repeating yourself.").
    r"\byou (?:shouldn'?t|should not) (?:have (?:had )?to|need to) (?:keep |be |go |wait|repeat|tell|explain|chase|ring|call|go through|fight|ask)",
    r"\b(?:that|it) (?:was|is) (?:a |such a )?(?:careless|thoughtless|unfair|unhelpful|silly|stupid|insensitive|clumsy|glib|daft|dumb|tactless|crass|"
    r"horrible|terrible|awful|harsh|unkind|poor|bad|blunt) (?:thing to say|way to put it|way of putting it|remark|comment|suggestion|question|joke)\b",
    r"\bthat (?:was|is) (?:a |such a )?(?:careless|thoughtless|unfair|unhelpful|silly|stupid|insensitive|clumsy|glib|daft|dumb|tactless|crass) (?:thing|way)\b",
    r"\bthat was (?:a bit |really |very |pretty )?(?:discouraging|dismissive|unkind|harsh|negative|patronising|patronizing|condescending) of me\b",
    # Owning not having thought of the client's circumstances ("I wasn't thinking about where you live").
    r"\bi wasn'?t (?:really )?thinking(?:\W*$|[.,;!]| (?:straight|clearly|about (?:where|how|what|who|your|you|that)|of (?:your|you|how|what)))",
    # Not when a "but" takes it back: "I'm not saying you are. But the tests don't lie." defends.
    r"^\W*(?:no,? )?(?:i'?m|i am) not saying (?:that|it'?s|you)\b" + TAKEN_BACK, r"\b(?:that'?s|that is) not what i(?:'m| am| was) saying\b" + TAKEN_BACK,
    r"\b(?:i'?m|i am) not (?:trying to )?(?:having a go|getting at you|telling you off|criticising you|criticizing you|blaming you|judging you|"
    r"punish(?:ing)? you|catch(?:ing)? you out|trick(?:ing)? you)\b" + TAKEN_BACK,
    r"\bi(?:'ve| have| was|'m| am)? (?:been )?\w+ing (?:[\w']+ ){0,4}(?:instead of|rather than) (?:asking|listening|hearing|checking)\b",
    r"\b(?:you'?re right|fair point|that'?s fair|fair enough)[,.;!]? i (?:haven'?t|hadn'?t|didn'?t|wasn'?t|don'?t)\b",
    r"\b(?:instead of|rather than) (?:asking|listening to|hearing|checking with|finding out|following) (?:you|about your|what you|how you|what it'?s like|what (?:worries|matters to|bothers|concerns) you|what'?s (?:happening|going on|wrong))\b",
    r"\bi(?:'ve| have)? been (?:(?:a bit|too|very|quite) )?(?:pushing|pressing|pushy)\b", r"\bi(?:'?m| am|'ve| have) (?:doing|done|been doing|the one doing) (?:a lot|most|all) (?:of )?the talking\b",
    r"\b(?:sorry|apologies) (?:if |that )?(?:it|that|this|i) (?:came across|sounded|came out) (?:that way|like that|wrong|badly|harsh)\b",
    r"\bi(?:'ve| have)? (?:just )?(?:piled|heaped|thrown|dumped|loaded|unloaded) (?:a lot of |all (?:this|that) |so much |too much |a load of )?(?:\w+ )?(?:on|at) you\b",
    r"\bi(?:'ve| have)? (?:just )?(?:given|handed) you (?:a |another |this )?(?:telling[- ]off|ticking[- ]off|hard time|earful|dressing[- ]down|to-do list|list of (?:things|jobs|tasks|rules|instructions)|lecture|lot to (?:take in|do)|(?:a )?lot (?:at once|in one go|all at once))\b",
    r"\bi (?:haven'?t|hadn'?t|didn'?t) (?:even )?(?:said|mentioned|told you|pointed out) (?:what|how much|anything (?:good|positive))\b",
    r"\byou(?:'ve| have)? (?:probably |likely |already )?heard (?:that|this|it|all that)(?: advice)? (?:a (?:hundred|thousand|million)|so many|many|lots of|plenty of) times\b",
    r"\b(?:i'?m|i am) here to (?:help|support|listen|understand|work with you)\b[^.?!]{0,30}\bnot (?:to )?(?:judge|blame|critici[sz]e|lecture|tell you off)\b",
    r"\bi'?m not (?:here to )?(?:judging|blaming|criticising|criticizing|tell(?:ing)? you off|judge you|blame you|lectur(?:e|ing) you|have a go at you)\b" + TAKEN_BACK,
    r"\b(?:let'?s|i'?ll|i will) (?:scrap|drop|forget|park) (?:the|my|that|those) (?:advice|suggestions?|ideas?|plan)\b",
    r"(?:^|[.!?,]\s*)(?:let'?s |we can |just )?(?:forget|drop|park|scrap|shelve) (?:the|my|that|this) (?:\w+ )?(?:advice|suggestions?|idea|plan)\b",
    r"\b(?:it'?s|that'?s|it is|that is) (?:really |very )?(?:helpful|useful|good) (?:that you (?:told|tell) me|to (?:hear|know) that)\b(?! (?:you|it|things) )",
    # Talking about the exchange itself (metacommunication): what the practitioner notices
    # in the client's replies, and wondering aloud about their own part in it.
    r"\bi(?:'?m| am)? (?:notic(?:e|ed|ing)|sens(?:e|ed|ing)|get(?:ting)? the (?:sense|feeling)) (?:that )?(?:you(?:'ve| have| are|'re)? (?:gone|gotten|got|become|been|going|getting|seem) (?:a bit |quite |very |really )?"
    r"(?:quiet|quieter|short|shorter|silent|flat|distant)|your (?:answers|replies|responses) (?:have |are |'ve )?(?:got|gotten|getting|become|been) (?:a bit |much )?shorter|something (?:has |just )?(?:shifted|changed))\b",
    r"\bi(?:'ve| have)? (?:spent|been spending) (?:the last|most of the|a lot of the|all of the|much of the)? ?(?:few |couple of |ten |five )?(?:minutes|time|session|while)? ?"
    r"(?:telling you (?:what to do|off)|lecturing|giving (?:you )?(?:advice|instructions|orders))\b",
    *NAMED_RETREAT,
    r"\bi(?:'?m| am)? wonder(?:ing)? (?:if|whether) i(?:'ve| have)? (?:jumped|rushed|pushed|got|gone|moved|been|said|upset|missed|misread|overstepped|come on|come at (?:this|you|it))\b",
    r"\bi(?:'ve| have) been (?:firing|throwing|bombarding you with|hitting you with|reeling off) (?:a lot of |lots of |so many |all these |a load of )?(?:\w+ )?(?:suggestions|questions|ideas|advice|tips|solutions)\b",
    r"\b(?:did|has|have) (?:something|anything) i(?:'ve)? (?:said|did|done) (?:upset|bother(?:ed)?|annoy(?:ed)?|hurt|offend(?:ed)?|frustrat(?:e|ed))\b",
    r"\bi(?:'ve| have|'m| am)? (?:made|making) (?:it|that|this|them|everything) sound\b",
    r"\b(?:that|what i (?:just )?said|i) (?:came across|came out) (?:as if|as though|like)\b",
    r"\b(?:that|it|what i said) (?:landed|came across|sounded) (?:as|like) (?:a |an )?(?:blame|criticism|judge?ment|accusation|telling[- ]off|lecture|attack|dig)\b",
    r"^\W*(?:oh,? |no,? |sorry,? )?i (?:didn'?t|did not) mean (?:that|it)\b(?! to\b)",
    r"\bwithout (?:even |first )?(?:asking|checking(?: with you)?|finding out)(?: you)? (?:what|how|whether|if|about|why)\b",
    r"\bi (?:sound|must sound|'m sounding|am sounding) like a (?:broken record|nag|nagging \w+|lecturer|headteacher|headmaster|preacher)\b",
    r"\bi (?:didn'?t|did not|never) (?:explain|say|tell you) why\b", r"\bi(?:'m| am|'ve been| have been) using (?:their |all this |too much |the |a lot of )?(?:jargon|technical (?:terms|language|words))\b",
    # Owning the manner ("I've been coming at you like a food inspector") and starting over.
    r"\bi(?:'ve| have)? been coming (?:at you|down on you|in (?:too )?(?:hard|heavy))\b", r"\b(?:can|could|shall) we (?:start|begin) (?:again|over)\b",
    r"\b(?:that'?s|that is|that was|it'?s|it is|it was) (?:all |totally |completely )?on (?:me|us)(?:,? not you)?\b(?! (?:to|and)\b)",
    r"\b(?:that|my) (?:joke|comment|remark|crack|quip|dig)\b[^.?!]{0,30}\b(?:at your expense|(?:wasn'?t|was not) (?:funny|fair|kind|okay|ok|on))\b",
    r"\bi (?:was|'ve been|have been) (?:a bit |far |much |way )?too quick to\b",
    r"\b(?:that|it|what i said) was (?:a |an )?(?:label|judge?ment|cheap shot|low blow|dig at you|unfair label)\b",
    r"\b(?:that|it) came (?:out|across) (?:\w+ ){0,2}(?:harsh(?:er|ly)?|badly|wrong|rude|blunt(?:er|ly)?|cold(?:er|ly)?|sharp(?:er|ly)?)\b",
    r"\bthan i (?:meant|intended|wanted) (?:it )?to\b|\bthan i (?:meant|intended)\b",
    r"\b(?:that|it|what i said) (?:sounded|came across|came out) (?:as if|as though|like) (?:you(?:'d| had| hadn'?t| were| weren'?t| didn'?t| don'?t| couldn'?t)|i(?:'d| had| was| were|'m| am) (?:telling|saying|blaming|judging|lecturing|critici[sz]ing|accusing|dismissing|ordering|nagging|"
    r"preaching|siding|taking (?:a |his |her |their |\w+'s )?side|talking down))\b",
    r"\bi pushed (?:for )?(?:that|this|you|(?:that|this|the) (?:idea|plan|group|course|referral|app|diet|exercises?|programme|program|class(?:es)?)) "
    r"(?:more than|harder than|too (?:hard|much|far))\b",
    r"\bi (?:didn'?t|did not) need to (?:lecture|tell|remind|explain|preach|spell)\b", r"\bi(?:'ve| have)? (?:just )?(?:walked|dragged|led) you (?:straight |right )?into\b",
    r"\bi (?:keep|kept) (?:reaching for|going (?:back )?to|offering|suggesting|pushing|handing you) (?:fixes|solutions|answers|advice|ideas|suggestions|plans)\b",
    # Something the practitioner did in this talk, owned: with a concession at the start
    # ("You're right, I took a side there that you didn't."), an apology ("I've just taken
    # your weekend and made it about my dad. Sorry.") or a word that judges it ("...was
    # thoughtless", "That's not fair on you"). Sympathy ("sorry to hear", "sorry for your
    # loss") owns nothing, and a supporter's own story is no act of the talk.
    OWNED_ACT, r"\bi (?:waved|brushed|laughed|shrugged) (?:it|that|this|you) off\b",
    r"\b(?:that was|that'?s|it was) (?:a |an )?(?:\w+ )?(?:assumption|mistake|leap|generali[sz]ation|misjudge?ment|slip) on my part\b",
    r"\bi (?:just )?(?:jumped|leapt|leaped|skipped) (?:straight |right |ahead )?to (?:conclusions|(?:a|an|my|my own|the wrong|some) (?:\w+ )?"
    r"(?:theory|theories|idea|ideas|conclusion|assumption|answer|solution|fix|explanation)s?)\b", r"\bsorry,? you did (?:tell|say|mention)\b",
    r"\b(?:my|that|the) (?:suggestion|advice|idea|comment|question|remark) (?:really |completely )?(?:missed the mark|wasn'?t (?:helpful|what you needed)|didn'?t (?:help|fit|land))\b",
    r"\bi(?:'?m| am) (?:lecturing|preaching at|nagging|going on at|talking at|telling you off|having a go at) you\b",
    r"\bhave i (?:said something|upset you|annoyed you|offended you|hurt you|got (?:this|that|it) wrong)\b",
    r"\b(?:these|my|all these|all my) questions (?:seem to be|are|might be|have been) (?:falling flat|not landing|not helping|not working|too much)\b",
    r"\bi (?:explained|put|said|phrased|worded) (?:it|that|this) (?:badly|poorly|clumsily|wrong(?:ly)?)\b", r"\b(?:it|that) (?:isn'?t|wasn'?t|is not|was not) what i meant\b",
    # Giving the reason for what was asked or suggested, once it has been questioned
    # ("I ask because two of your medicines can react", "I should have explained at the start").
    r"\b(?:the reason i(?:'m| am)? ask(?:ing|ed)?|i(?:'m| am)? ask(?:ing)? (?:you )?(?:this |that )?(?:of )?(?:everyone |everybody |all (?:my )?(?:patients|clients|customers|parents|students) |every (?:patient|client) )?because|i asked (?:you )?(?:that |this )?because|let me explain why i)\b",
    r"\bi should(?:'ve| have) (?:explained|said why|told you why|been (?:clearer|more open|upfront)|made (?:that|it|this) clear(?:er)?)\b",
    r"\bi (?:don'?t|do not) think (?:it|that|my \w+) (?:was|came across as|landed as) (?:funny|helpful|fair|kind|what you (?:needed|wanted))\b",
    # How the practitioner's own words landed ("That sounded a bit like a telling-off",
    # "Did that land badly?"), and what the client did just after them.
    r"\b(?:that|it|what i said) (?:came across|came out|sounded|must have sounded|might have sounded|may have sounded|felt) "
    r"(?:a bit |rather |quite |more |really |a little |very )?(?:like|as) (?:a |an )?(?:telling[- ]off|lecture|sermon|dig|criticism|attack|"
    r"judge?ment|accusation|reprimand|ticking[- ]off|nag)\b",
    r"\bi (?:didn'?t|did not|never) mean (?:it|that) as (?:one|a \w+|an \w+|criticism)\b",
    r"\b(?:did|has) (?:that|it|what i (?:said|asked|suggested)|my (?:\w+ )?(?:comment|question|suggestion|remark)) "
    r"(?:land|come across|come out|sound) (?:badly|wrong|harsh(?:ly)?|heavy|critical|judg\w+|off|unfair|"
    r"like (?:a |an )?(?:criticism|lecture|telling[- ]off|judge?ment|blame|dig|i was))\b",
    r"\bhow did (?:that|it|what i said|my (?:\w+ )?(?:comment|question|suggestion)) (?:land|sound|come across)\b",
    r"\bwhen i (?:brought up|mentioned|asked about|said|raised|suggested|talked about|started on|got on to)\b[^.?!]{0,50}\byou "
    r"(?:changed the subject|went (?:a bit |quite |very |really )?(?:quiet|silent)|(?:seemed to )?(?:pull|pulled|close|closed|shut) "
    r"(?:back|down|off|up)|stopped talking|looked (?:upset|uncomfortable|annoyed))\b",
    # Conceding the complaint ("You're right, I did, and it doesn't answer what you're telling me.").
    r"\byou'?re right,? i (?:did|was|said (?:that|it|so))\b",
    # Owning the rush to a fix and the overload ("I also jumped to a fix before I
    # understood", "That's a lot of changes in one go, and I've hardly asked you anything").
    r"\bi (?:also |just |kind of |sort of |keep |kept )?(?:jumped|jumping|rushed|rushing|leapt|leaping|went (?:straight|right)|going (?:straight|right)) (?:in )?(?:to|into|for) (?:a |the )?(?:fix|fixes|solution|solutions|answers?|advice|conclusions?)\b",
    # Not bare "that's a lot all at once" after the client lists their troubles: that is
    # validation ("exams, my parents fighting constantly, and my gf dumped me").
    r"\bthat'?s (?:a lot|too much|loads) of (?:\w+ )?(?:changes|things|suggestions|advice|information|ideas|news) (?:in one go|at once|all at once|to take in|to throw at you)\b",
    r"\bthat'?s (?:a lot|too much|loads)(?: of (?:\w+ )?\w+)? to throw at you\b",
    r"\bi(?:'ve| have)? (?:hardly|barely|not even|never even) (?:asked|checked with|listened to) (?:you|what you|how you)\b",
    r"\bi(?:'ve| have)? let you down\b", r"\bi (?:pushed|pressed|ploughed|steamrolled|barrelled|charged) (?:straight |right )?(?:past|on|ahead|through|over)\b",
    r"\bi notice(?:d)? (?:that )?we(?:'ve| have)? (?:moved|went|gone|skipped|jumped|rushed|got) (?:quite |very |really |a bit )?(?:quickly |fast )?(?:away from|past|over|on from|off)\b",
    r"\bi(?:'ve| have)? been going on (?:at you |and on )?about (?:it|that|this|school|work|the \w+|your \w+)\b",
    r"\b(?:that|it|my answer|what i said)(?: really)? (?:doesn'?t|didn'?t|does not|did not|hasn'?t) (?:really |actually )?"
    r"(?:answer|address|respond to|help with) (?:what you(?:'re| are| were)? (?:telling|saying|asking)|your (?:question|point|worry|concern))\b",
)

WITHDRAWAL_RULES = phrase_rules(
    "withdrawal", C, 0.8,
    # "I don't know" as the whole answer, not "I don't know what to do" (distress, not avoidance).
    r"^\W*(?:um+,? |uh+,? )?(?:i )?(?:don'?t|dunno|do not) know\b(?! (?:what|how|if|whether|who|why|where|when|yet)\b).{0,15}$",
    r"\b(?:rather not|prefer not to|(?:don'?t|do not) (?:really )?want to|(?:i'?m|i am) not ready to) (?:talk|discuss|say|share|"
    r"go into (?:it|that|this|details?)|get into (?:it|that|this|details?))\b(?! (?:to|with) (?!you\b))",
    r"\b(?:rather|prefer to) keep (?:that|it|this) to myself\b",
    # Asking to stop ("Can we stop for today? I don't think I can do this right now.").
    r"\bcan we (?:stop|leave it|finish|end) (?:for today|there|here|now)\b|\bi don'?t think i can do this (?:right )?now\b",
    # Leaving curtly when what the client brought is put off ("Fine. See you next week then.").
    r"^\W*(?:fine|whatever)[.!,]+\s+(?:see you|bye|i'?ll see you|till next week|until next (?:week|time))\b",
    r"\b(?:rather not|prefer not to|(?:don'?t|do not) (?:really )?(?:want|feel like)(?: to)?) (?:get|go|getting|going) into\b[^.?!]{0,30}\b(?:right now|just now|today|at the moment|now)\b",
    r"\b(?:not (?:really )?in the mood|don'?t (?:really )?feel like) (?:to )?(?:talk|talking|going into|getting into|sharing)\b(?! (?:to|with) (?!you\b))",
    r"\b(?:can|could) we (?:please )?(?:(?:just )?talk about something (?:else|different|lighter|easier|happier|nicer|less heavy)|change the (?:subject|topic)|move on|skip)\b",
    r"\b(?:can|could) we (?:please |just )?(?:finish|stop|end|wrap (?:it )?up|call it a day) (?:early|now|there|here)\b",
    r"^\W*(?:\w+\W+){0,3}(?:does it|what does it) (?:really |even )?matter\W*$",
    r"\bnone of your business\b", r"^\W*(?:well,? )?if (?:we|i|you) (?:must|insist|really have to)\W*$", r"\b(?:don'?t|do not) (?:really )?want to go there\b",
    r"\b(?:prefer|rather|like) to leave it (?:there|at that)\b", r"\bforget (?:i said|i mentioned) (?:anything|it|that)\b",
    r"\blet'?s just (?:move on|drop it|leave it)\b", r"\blet'?s (?:drop it|leave it at that|not go there)\b",
    r"\bcan we (?:just )?not (?:make a (?:big )?(?:thing|deal|fuss) (?:of|about) (?:it|this|that)|talk about (?:it|this|that)|go (?:into|there))\b",
    r"\b(?:there'?s )?(?:nothing|not much) (?:much |really )?to (?:say|tell|talk about)\b",
    # Deferring instead of engaging: the client hands the view back to the practitioner.
    r"\b(?:whatever you (?:think|say|want)|if you say so|you know best|you'?re the (?:expert|professional|doctor))\b",
    r"^\W*(?:(?:fine|well|okay|ok)[,.]?\s+)?(?:just |you )?do (?:what|whatever) you (?:want|like)\W*$",
    r"\b(?:can|could) (?:you|i|we) (?:just |please )*(?:give me|have|take) a (?:minute|moment|second)\b", r"^\W*(?:(?:well|fine|okay|ok)[,.]?\s+)?if you (?:want|like|insist)\W*$",
    r"^\W*(?:(?:well|fine|okay|ok)[,.]?\s+)?if i (?:have|must|need|really have) to\W*$",
    # Giving up on the plan, resigned ("I suppose I'll just stay where I am, then.").
    r"^\W*(?:(?:i suppose|i guess|well|so|oh well|right)[,.]?\s+)?i(?:'ll| will) just (?:stay|stick|carry on|keep|leave it|forget|give up|not bother|put up with|manage)\b[^.?!]*,\s*then\W*$",
    r"^\W*(?:but |oh,? )?(?:do|must) (?:we|i) (?:really )?have to\W*\?\W*$",
    # Giving up on being heard ("Do what you need to do.").
    r"^\W*(?:(?:well|fine|okay|ok|right|then)[,.]?\s+)*(?:just )?do (?:what|whatever) you (?:need|have|want|got) to(?: do)?\W*$",
    r"^\W*(?:\w+,? )?if (?:that'?s|that is) what you (?:think|reckon|want)\b(?! (?:would|will|might) help)",
    r"\banyway\W+how (?:was|were|are|is) (?:your|you)\b", r"(?:^|[.!?]\s+)anyway\W+(?:did|have|were|are) you\b",
    # Closing a turn with a brush-off ("See, that's exactly what I mean. Whatever."), and
    # leaving the topic after a hedge ("I guess. Anyway, work's been busy this week.").
    r"(?:^|[.!?]\s+)(?:oh,? |so,? |well,? )?(?:whatever|forget it|never mind|nevermind)[.!]*\s*$",
    r"^\W*(?:i guess|i suppose|maybe|perhaps|dunno|i don'?t know|not sure|possibly|could be|if you say so)[.,!]*\s+anyway\b",
    r"\bcan i (?:go|leave|get going|go back(?: to \w+)?)(?: now| yet| home)?\s*\?",
    # Asking to end the session ("Can we wrap up a bit early today?"); no AnnoMI or ESConv
    # client turn asks so.
    r"\b(?:can|could) we (?:just )?(?:wrap (?:this |it )?up|finish|stop|end|call it a day|leave it (?:there|for today)|cut (?:this|it) short)"
    r"(?: (?:a bit |a little |slightly )?(?:early|earlier|now|soon|there|here))?(?: today| for today)?\s*\?",
    # Being here at someone else's word ("She made me come.", "My GP sent me.").
    r"^\W*(?:well,? )?(?:\w+(?:'s)? )?\w+ (?:(?:made|forced|told) me (?:to )?(?:come|be here)|sent me(?: here)?)\W*$",
    r"\b(?:fine|okay|ok|alright|all right|nothing|whatever)\b[^.?!]{0,30}[.!]\s+how (?:was|were) your \w+(?: \w+)?\?\s*$",
    r"^\W*(?:yeah|yes|mm+|right|ok(?:ay)?)[.,!]*\s+anyway,?\s+(?:i'?ve been meaning to|guess what|did i (?:tell|mention)|i (?:forgot|meant) to (?:tell|say|mention))\b",
    r"\b(?:not|n'?t) (?:really |very )?comfortable (?:talking about|discussing|going into|getting into|sharing|with that question)\b",
    r"\bnot (?:something|a (?:thing|subject|topic)) (?:that )?i'?m (?:really )?(?:comfortable|happy|ready) (?:discussing|talking about|sharing|going into)\b",
    r"\b(?:rather not|don'?t (?:really )?want to|do not want to) (?:dig (?:into|up)|rake (?:over|up)|drag up|open that can)\b",
    r"\b(?:leave|keep) my (?:\w+ )?(?:mum|mom|mother|dad|father|family|ex|husband|wife|partner|kids|children|past) out of (?:this|it)\b",
)

CONFRONTATION_RULES = phrase_rules(
    "confrontation", C, 0.8,
    r"\byou(?:'re| are) not (?:even |really )?(?:listening|helping|hearing me|paying attention)\b",
    r"\bevery (?:week|session) (?:it'?s|is) the same\b",
    r"\b(?:this|these sessions?|therapy|counsel+ing|talking) (?:is|are|isn'?t|aren'?t)(?: not)? (?:helping|working)\b(?<!is helping)(?<!are helping)(?<!is working)(?<!are working)",
    r"\b(?:all this|any of this|this therapy|this counsel+ing|these sessions?|(?:all )?this talking|coming here)\b[^.?!]{0,30}\b(?:is|are)(?:n'?t| not) (?:really |even |actually )?(?:helping|working|doing anything|making (?:a|any) difference)\b",
    r"\b(?:not sure|doubt|don'?t think|do not think|wonder(?:ing)? (?:if|whether)|not convinced)\b[^.?!]{0,12}\b(?:this|these sessions?|therapy|counsel+ing|talking|any of this|coming here) (?:is|are|will|would|can|could)? ?(?:really |actually |even )?(?:going to |gonna )?(?:help|helping|work|working|make (?:a|any) difference)\b",
    r"\bis (?:this|any of this|talking|therapy) (?:really|even|actually) (?:going to|gonna) (?:help|work|change)\b",
    r"\b(?:this is|this is all|all this is|that'?s) (?:a waste of|pointless|useless)\b(?!,? (?:but|though))", r"\bwhy do you keep\b",
    r"\b(?:this|these sessions?|therapy|counsel+ing|coming here|the homework|that homework)\b[^.?!]{0,30}\b(?:a (?:complete |total |bit of a )?waste of (?:time|money|my time))\b",
    r"\bwasting (?:my|our) time (?:here|with (?:this|you|these))\b",
    r"\b(?:like|as if i'?m|might as well be) talking to (?:a (?:brick )?wall|myself)\b(?! (?:at home|with him|with her))",
    r"\b(?:not sure|don'?t think|do not think|wonder(?:ing)? (?:if|whether)) you(?:'re| are) the right (?:person|fit|counsel+or|therapist|doctor)\b",
    r"\b(?:leave here|walk out of here|go home from here|(?:every|each) (?:session|appointment) (?:ends?|finish(?:es)?) with me)\b"
    r"[^.?!]{0,25}\bfeeling (?:judged|worse|stupid|small|useless)\b",
    r"\b(?:i )?(?:don'?t|do not|can'?t|cannot) (?:really |honestly |even |actually )?see (?:the|what'?s the|any) point (?:of|in) (?:this|these|all this|coming|talking|doing (?:this|these|that)|the sessions?|therapy|counsel+ing)\b",
    r"\bwhat'?s (?:even |really )?the (?:point|use) (?:of|in) (?:this|these|all this|coming|talking|therapy|counsel+ing|the sessions?|doing this)\b",
    r"\b(?:this|therapy|counsel+ing|these sessions?)(?:'s| is| are)? ?(?:not|n'?t) going anywhere\b",
    r"\b(?:this|therapy|counsel+ing|these sessions?)(?:'s| is| are) going nowhere\b",
    r"\bwe(?:'re| are)? (?:just |keep |always )*(?:going|talking|go) (?:a)?round in circles\b",
    r"\b(?:i'?ve|i have) been coming (?:here )?for\b[^.?!]{0,40}\b(?:nothing|no different|not (?:any )?better|still)\b",
    r"\bno better than when i (?:started|first came|came)\b",
    r"\b(?:(?:not|n'?t) getting (?:anything|much|a lot)|(?:i'?m|i am) getting (?:nothing|anything)) out of (?:this|these|the sessions?|therapy|counsel+ing|coming|talking)\b",
    r"\byou(?:'re| are) supposed to (?:be )?(?:help|helping|the (?:expert|professional|therapist))\b",
    r"\b(?:can|could|will|would) you (?:please )?just (?:tell me what (?:to do|i should do)|give me (?:an )?answers?)\b",
    r"\byou (?:have|'ve got) no idea (?:what|how) (?:it'?s|it is|it feels|this is|this feels|i'?m|i am|i'?ve|i have|i feel)\b",
    r"\byou (?:have|'ve got) no idea\W*$", r"\beasy for you to say\b", r"\beasy to say,? when you\b",
    # Pushing back on where the talk keeps going ("Can we not make this another hospital
    # story?" in a group) and a group's talk faulted ("Nobody in here ever talks about money").
    r"^\W*(?:(?:so|look|honestly|sorry|okay|ok)[,]?\s+)?can we (?:not|stop) (?:make|making) (?:this|it|everything) (?:another|yet another|all about|about)\b",
    r"^\W*(?:(?:so|look|honestly|sorry|okay|ok)[,]?\s+)?can we (?:not|stop) (?:do|doing|going over) (?:this|that|the \w+(?: \w+)?) (?:again|every (?:week|time|session))\b",
    r"\b(?:nobody|no one|no-one) (?:in here|here|in this (?:group|room)) (?:ever )?(?:talks|listens|asks|cares)\b",
    # Asking for talk that matters, as if this did not ("Can we talk about something that
    # actually matters?").
    r"\b(?:can|could) we (?:talk|get) (?:about|on to) (?:something|what) (?:that )?(?:actually|really) (?:matters|is important|helps)\b",
    # Repeating oneself unheard ("It's my sister. I told you last week."), the practitioner's
    # whole profession blamed ("You doctors never believe anyone."), and the treatment
    # dismissed as pointless ("They make it worse, so what's the point?").
    r"\bi (?:already )?told you (?:that )?(?:last (?:week|time|session)|before|already|earlier|twice|at the (?:start|beginning)|just now|a (?:minute|moment) ago|\w+ minutes ago)\b",
    # Giving what was asked for again ("I've given it twice already."), and waving aside what
    # the practitioner just said for what one came for ("I know there's a fault. What I want to
    # know is when it's getting fixed.").
    r"\bi(?:'ve| have)? (?:already )?(?:given|told|sent|explained) (?:it|that|this|them|you|all this)(?: to you)? (?:twice|three times|\w+ times|already)\b",
    # Calling the practitioner's judgement unfair: the whole turn, or after defending one's own
    # effort ("I worked really hard on that. That's not fair."); not "It's not fair that my
    # boss..." nor "My sister got the house. That's not fair." (someone else's doing).
    r"^\W*(?:but |well,? |no,? )?(?:that'?s|that is|this is) (?:(?:not|so not|really not|just not) |so un|really un|totally un)fair\W*$",
    r"\bi (?:really )?(?:worked|tried|did|put|spent|have (?:worked|tried|done|put))\b[^?]{0,60}[.!]\s+(?:but )?(?:that'?s|that is|this is) "
    r"(?:(?:not|so not|really not|just not) |so un|really un|totally un)fair\s*[.!]",
    r"^\W*(?:yes,? |yeah,? )?i know (?:that|there'?s|it'?s|you|all that)\b[^.?!]{0,60}[.!]\s*(?:but )?what i (?:want|need|'d like) to (?:know|hear) is\b",
    # An account called a lie, and one's own word discounted ("That's a lie. I was in by ten.",
    # "So my word counts for nothing.").
    r"^\W*(?:that'?s|that is|this is) (?:a (?:lie|load of rubbish)|(?:a )?(?:lies|rubbish|nonsense|bollocks))\b",
    r"\bso (?:my|what i say|what i think)(?: \w+)? (?:counts|means|matters|is worth) (?:for )?(?:nothing|little)\b|\bmy word (?:counts|means|is worth) (?:for )?nothing\b",
    # Defending one's own or one's family's word against being doubted ("Our daughter is not a
    # liar." after "Maybe she's not being honest with you.").
    r"\b(?:my|our) (?:son|daughter|child|kid|boy|girl|husband|wife|partner|mum|mother|dad|father) (?:is not|isn'?t|'s not) (?:a liar|lying|making (?:it|this|that) up)\b(?!\s+(?:awake|down|in bed|on|there|around|still|flat|low))",
    r"^\W*(?:(?:no|look|honestly)[,.]?\s+)?(?:i'?m|i am) not (?:a liar|lying|making (?:it|this|that) up)\b(?!\s+(?:awake|down|in bed|on|there|around|still|flat|low))",
    # Disliked or disbelieved ("It feels like you just don't like me."), and the practitioner's
    # speech faulted ("I can't hear you when you mumble like that.").
    r"\byou (?:just )?(?:don'?t|do not) (?:like|believe|trust|respect|rate) me\b",
    r"^\W*(?:so,? )?you (?:think|reckon) i'?m (?:mad|crazy|nuts|lying|stupid|making (?:it|this) up|a (?:liar|drunk|junkie|bad (?:mother|mum|father|dad|parent)))\b",
    r"\b(?:when|if) you (?:mumble|mutter|whisper|talk so (?:fast|quietly|quick))\b|\bstop (?:mumbling|muttering)\b|\byou(?:'re| are) (?:mumbling|muttering)\b",
    # Left out of what concerned them ("When were you going to tell me?").
    r"\bwhen (?:were|was) you (?:going to|gonna|planning (?:to|on)) (?:tell|mention|let) (?:me|us)\b",
    # Cut off ("Can I finish? I was getting to that.").
    r"^\W*(?:can|could|may) i (?:just )?finish\W*$|^\W*(?:can|could|may) i (?:just )?finish\?|\bi was getting to that\b",
    # The practitioner's eye on the time ("you've looked at the clock three times").
    r"\byou(?:'ve| have|'re| are| keep)? (?:been )?(?:looked|looking|checking|checked|glanced|glancing)(?: at)? (?:the|your) (?:clock|watch|phone|screen)\b",
    # Told the same thing again, and left to find the means ("You keep telling me to practise
    # with him, but when am I supposed to fit it in?").
    r"\byou keep (?:telling|asking|saying to|going on at|on at) me\b[^.?!]{0,60}(?:\bbut\b|\?)",
    r"\b(?:when|how|where) am i (?:supposed|meant|expected) to (?:fit|find|get|do|manage|afford|make)\b[^.?!]*\?",
    r"^\W*so,? (?:what|how) am i (?:supposed|meant|expected) to (?:do|manage|cope|get by)\b",
    r"\bwhat'?s the (?:point|use) (?:of|in) (?:reporting|coming|telling|trying|asking|ringing|calling)\b[^.?!]{0,30}\bif\b",
    # Ignored or kept waiting ("You lot have ignored my emails for three months.", "I've been
    # waiting fifty minutes past my appointment time.").
    r"\b(?:you|you lot|you people|you guys)(?:'ve| have)? (?:just |completely )?(?:ignored|never (?:answered|replied to|returned|got back))\b",
    r"\bi(?:'ve| have) been (?:waiting|sat here|sitting here|stood here|on hold)(?: here| out there)? (?:for )?"
    r"(?:over |nearly |almost |about |more than |a good )?(?:\w+(?:-\w+)?|an|half an) (?:minutes|hours?)\b",
    # Left out in a group ("Some of us never get a proper turn.").
    r"\b(?:some of us|i|we) (?:never|don'?t|barely|hardly ever|rarely) (?:even )?get (?:a |to )?(?:proper |fair |real )?(?:turn|say|chance to (?:speak|talk)|word in|look-in)\b",
    r"\byou (?:doctors|people|lot|counsell?ors|therapists|social workers|teachers|nurses|professionals) (?:never|always|don'?t|just|all)\b",
    r"\b(?:stopped (?:them|it|doing (?:them|it))|(?:make|makes|made) it worse|(?:don'?t|doesn'?t|didn'?t) (?:work|help))\b[^?]{0,40}\bso what'?s the point\b",
    r"\byou don'?t (?:understand|get it|care|know what it'?s like)\b",
    # Asking whether the practitioner even read or listened ("Did you not read my form?"), and
    # weariness with the stock answer ("Everyone keeps telling us that.").
    r"\b(?:did|have|do) you (?:not|even) (?:read|listen(?:ed)?|look(?:ed)? at|hear(?:d)?)\b",
    r"\b(?:every(?:one|body)|people|you (?:all|people|lot)|you)(?: just)? keeps? (?:telling (?:me|us)|saying(?: to (?:me|us))?) (?:that|the same)\b",
    r"\b(?:i'?ve|i have) heard (?:it|this|that|all (?:this|that|of this|of that))(?: all)? before\b",
    # Consolation turned back ("It doesn't bring him back, does it.").
    r"\b(?:it|that|this|which) (?:doesn'?t|won'?t|does not|will not|isn'?t going to) bring (?:him|her|them|my \w+) back\b",
    r"\bwhy (?:does|do) (?:every(?:one|body)|you(?: all| people| lot)?|people) (?:always |keep )",
    r"\bwhy does (?:everything|it all|every(?:thing|one)) (?:always |have to |has to )*(?:come|go|lead|get traced) back to\b",
    r"\bi can'?t believe you (?:don'?t|didn'?t|do not|did not) (?:remember|know|recall)\b", r"^\W*(?:but |well,? )?i (?:just|already) (?:said|told you)\b(?! (?:goodbye|good-?bye|hello|hi|bye|sorry|thanks|thank you|good ?night|good ?morning|to)\b)",
    r"\bwhy (?:am i|are we|should i|do i|would i) even (?:bother(?:ing)?|here|doing this|trying)\b|\bwhy (?:am i|are we|should i) bothering\b",
    # Complaints of being passed around, and of partiality in a group ("Of course you take his side.").
    r"\b(?:this is|that'?s|it'?s) the (?:second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th)) time (?:i'?ve|i have) (?:brought|told|asked|explained|said|sent|rung|called|phoned|filled|been (?:here|told|asked|sent))\b",
    r"\byou(?:'re| are)? (?:always |just |obviously |clearly )?(?:tak(?:e|es|ing)|on) (?:his|her|their|(?:my|your) \w+'s) side\b",
    r"(?:^|[.!?]\s+|\b(?:it'?s|that'?s|this is|so|again)\s+)(?:two|three|all of you|both of you) against (?:one|me)\b",
    # A wasted visit ("So I've come all this way for nothing."), and motives doubted ("Are
    # you on commission from them or something?").
    r"\bi(?:'ve| have) (?:come|travelled|driven|waited) (?:all (?:this|that) way |in |here |all (?:this|that) time )?for nothing\b",
    r"\bare you (?:on (?:a )?commission|(?:getting |being )?paid (?:by|from) (?:them|the \w+)|getting a cut)\b",
    # What the practitioner did to them ("Last week ... you moved us on.").
    r"\byou (?:just )?(?:moved (?:us|me|things) on|cut me (?:off|short)|interrupted me|talked over me|ignored (?:me|what i)|brushed (?:me|it|that) off|dismissed (?:me|what i))\b",
    # An exasperated opener ("Finally. I've been sat here for an hour and a half.").
    r"^\W*(?:finally|about time(?: too)?)[.!]+\s+(?:i'?ve|we'?ve|i have|we have) been (?:sat|sitting|waiting|stood|standing|here|on hold)\b",
    # Having to chase ("I've called four times.", "You should have it already."), and a label
    # heard in what was said ("..., if that's what you're getting at.").
    r"\bi(?:'ve| have) (?:already )?(?:called|rung|phoned|emailed|written|chased (?:it|this|them|you))\s*(?:(?:two|three|four|five|six|seven|several|multiple|so many|\d+) times|twice)\b",
    r"\byou should (?:already )?have (?:it|that|them|my (?:details|address|number|records?|notes|file)) (?:already|on (?:file|record|the system))",
    r"(?:^|[,.]\s*)if that'?s what you(?:'re| are) (?:getting at|implying|saying|suggesting|trying to say)\b",
    r"\b(?:nobody|no one|no-one) (?:ever )?(?:explains?|tells? (?:me|us)) (?:anything|things)\b",
    r"\byou (?:don'?t|do not|can'?t|cannot|couldn'?t) (?:possibly |even |really )?(?:know|understand|imagine) (?:what (?:it'?s|it is|it was|"
    r"my (?:\w+ )?(?:\w+ )?(?:is|was|has been|'s)|this is|that is) like|what i(?:'m| am) going through|what i went through|what i'?ve been through)\b",
    r"\byou(?:'re| are) not (?:even |really |actually )?(?:hearing|listening to|getting) (?:me|what i|the (?:part|bit)|anything i)\b", r"\byou (?:don'?t|do not) (?:even )?know (?:me|anything about me|my life)\b",
    r"\bi (?:don'?t|do not) think you (?:really )?(?:get it|understand|understood|are listening|'re listening)\b",
    r"\bdon'?t (?:you )?tell me (?:how|what) (?:i|to)\b", r"(?:^|[.!?,]\s*)(?:please |just |so )?don'?t (?:you )?(?:lecture|judge|psychoanaly[sz]e|analy[sz]e|patroni[sz]e) me\b",
    r"\b(?:no,? )?that'?s not what i (?:said|was saying)\b", r"\bputting words in my mouth\b",
    r"\byou (?:sound|are|'re) (?:just )?like my (?:mother|mum|mom|father|dad|ex|husband|wife|boss|parents)\b",
    r"\byou(?:'re| are)? (?:now |just |even )?(?:sound(?:ing)?|talk(?:ing)?) (?:just |exactly |a bit |a lot |so much )?like (?:my (?:mother|mum|mom|father|dad|ex|husband|wife|boss|parents|teacher)|him|her|them|he does|she does|everyone else)\b",
    r"\b(?:those|these|the|your) (?:exercises?|worksheets?|homework|techniques?|tasks?|strategies|tips)\b[^.?!]{0,40}\b(?:useless|pointless|a waste|stupid|silly|ridiculous)\b",
    r"\b(?:i'?m|i am) not doing (?:those|these|the|your|any more|any|that) (?:\w+ )?(?:exercises?|homework|worksheets?|diary|diaries|tasks?|forms?|paperwork)\b",
    r"\byou(?:'re| are) (?:judging|criticising|criticizing|blaming|lecturing|patroni[sz]ing|not taking me seriously)\b",
    r"\byou(?:'re| are) making (?:it|this|me) (?:sound|look|feel) like\b",
    # Feeling lectured by the practitioner; "the same speech from my mum" is about someone else.
    r"\b(?:i get|you give(?: me)?|here comes|not|spare me) (?:the same|another|the usual|this|that) (?:speech|lecture|sermon|telling[- ]off)\b(?! (?:from|by) (?:my|his|her|their|the))",
    r"\b(?:every time|whenever|each time) i (?:come|sit|am|'m) (?:in )?here\b[^.?!]{0,60}\b(?:lectured?|speech|sermon|told off|telling[- ]off|judged|scolded|feel(?:ing)? (?:worse|stupid|small|like a (?:child|kid|naughty)))",
    r"\byou (?:always |keep )?(?:turn|turning) (?:it|this|everything) (?:back )?(?:on|onto|around on) me\b",
    r"\bwhy (?:would|should) i (?:tell|trust|listen to) you\b",
    r"\b(?:thinking (?:of|about)|going to|want to|might|considering) (?:stop|stopping|quit|quitting|end|ending|cancel(?:l?ing)?) (?:the |these |our |my )?(?:sessions?|therapy|counsel+ing|appointments?|coming here)\b",
    r"\b(?:find|see|get|switch to|change to|try) (?:a |an )?(?:different|new|other|another) (?:therapist|counsel+or|psychologist|worker|coach)\b",
    r"\bi(?:'ve)? already told you\b", r"\bi(?:'ve)? told you (?:this|that) (?:already|before|last (?:week|time))\b",
    r"\byou keep (?:bringing up|asking|going on|pushing|coming back to|talking about|saying (?:that|this|it|the same))\b",
    r"\bi'?d (?:really )?appreciate (?:it )?if you (?:didn'?t|did not|stopped|would stop|wouldn'?t|could stop)\b",
    r"(?:^|[.!?]\s+)(?:that'?s|bit) (?:a bit |pretty |quite |a little )?rich\b",
    r"(?:^|[.!?]\s+)so,? (?:now )?i'?m (?:a suspect|the bad guy|the villain|on trial|a liar|lying|being accused"
    r"|an? (?:child |)(?:abuser|criminal|monster|drunk|junkie|addict|bully|racist|failure|(?:bad|terrible|useless|unfit) (?:mum|mom|mother|dad|father|parent)))\b",
    # The question heard as an accusation, said back ("So you think I hit my daughter.",
    # "You're accusing me of lying"), and a question about home turned back on the asker ("Why
    # would you ask that?"); no AnnoMI or ESConv client turn says either ("So you think I
    # should..." asks for advice).
    r"(?:^|[.!?]\s+)so,? you (?:think|reckon|believe|(?:'re|are) saying|(?:'re|are) telling me) (?:that )?i(?:'m| am)? (?:\w+ )?"
    r"(?:hit|hits|beat|beats|hurt|hurts|abuse|abused|neglect|neglected|smack|smacked|slap|slapped|lied|lying|lie|stole|steal|"
    r"made (?:it|this|that) up|making (?:it|this|that) up|a (?:bad|terrible|useless|unfit) (?:mum|mom|mother|dad|father|parent))\b",
    r"\byou(?:'re| are) (?:basically |practically )?accusing me\b",
    r"^\W*(?:and |so |well,? )?why (?:would|should) you (?:ask|want to know)(?: me)?(?: that| about that| about (?:it|this|my \w+))?\W*$",
    # Feeling judged by the practitioner, said outright ("I felt a bit judged last time, when
    # you said I was catastrophising"); no AnnoMI or ESConv client turn says it at all.
    r"\bi (?:felt|feel) (?:a bit |quite |really |very |so |a little |kind of |sort of )?(?:judged|criticised|criticized|dismissed|patroni[sz]ed|lectured|"
    r"talked down to|told off|brushed off|not listened to)\b[^.?!]{0,30}\b(?:you|last (?:time|session|week)|in here)\b",
    r"(?:^|[.!?,]\s*)(?:please |just |oh )?(?:stop|quit) (?:asking|telling|lecturing|judging|pushing)\b",
    r"\b(?:stop|quit) (?:asking|telling|lecturing|judging|pushing) me\b", r"\b(?:stop|quit) trying to (?:fix|change|analy[sz]e) me\b",
    r"\bi (?:don'?t|do not) need (?:a lecture|lecturing|a sermon|another lecture|you to tell me)\b",
    r"\bare you (?:even )?(?:qualified|trained)\b", r"\b(?:that'?s|what) a (?:stupid|dumb|silly|pointless|ridiculous) question\b",
    r"\bi (?:didn'?t|did not) ask (?:for )?(?:your|for) (?:advice|opinion)\b", r"\bi (?:didn'?t|did not) ask for (?:your )?(?:advice|opinion)\b",
    r"\bi (?:don'?t|do not) like where (?:this|you'?re|you are) (?:is )?going\b",
    r"\byou(?:'re| are) (?:just )?(?:like|the same as) (?:everyone|all the|the others)\b",
    r"\bi (?:didn'?t|did not) come here (?:to|for)\b", r"\byou (?:always|never) (?:listen|understand)\b",
    r"\bwho are you to\b", r"\bhere we go again\b",
    # Blaming the other side and asking why the client should bear it ("It's your mistake,
    # not mine. Why should I wait a month for my own money?", "Why is it always me that has
    # to change things?"), and exasperation as a whole turn ("Unbelievable.").
    r"\b(?:it'?s|that'?s|it is|that is|it was|that was) (?:all )?your (?:own )?(?:mistake|fault|error|cock-?up|screw-?up|mess)\b",
    r"(?:^|[.!]\s+)(?:that'?s |it'?s |that is |it is )?not my problem\W*$",
    r"\bwhy (?:should|must|do) i (?:always |even |still )?(?:have to )?(?:wait|pay|chase|keep having to|prove|justify myself)\b",
    r"\bwhy is it (?:always|only|never|just) (?:me|us|my|i)\b",
    r"\bwhy (?:do|would) you (?:need|want) to know\b", r"\bwhat(?:'s| has| does) (?:that|this|any of (?:this|that)) (?:got )?(?:to do|have to do) with\b",
    r"\bi (?:don'?t|do not|can'?t|cannot|fail to) see what\b[^.?!]{0,40}\b(?:got|has|have) to do with\b",
    # Having to tell it all again ("I've explained all this to four different people already").
    r"\bi(?:'ve| have) (?:already )?(?:explained|told|said|described|gone through|been through) (?:all )?(?:this|that|it|the (?:whole )?(?:thing|story|problem))"
    r"\b[^.?!]{0,30}\b(?:already|(?:two|three|four|five|six|several|multiple|so many|\d+) (?:different )?(?:times|people|agents|doctors|staff))\b",
    # Polite and sarcastic pushback ("With respect, I don't think you've understood my
    # situation.", "Oh great. Another leaflet.", "So that's it?").
    r"^\W*with (?:all )?(?:due )?respect\b", r"\b(?:that'?s|that is|what) (?:a|such a) (?:horrible|terrible|awful|nasty|cruel|hurtful|rude|harsh|mean) thing to say\b",
    r"\b(?:nobody|no one|no-one) (?:ever |actually |really )?(?:listens|hears me)\W*$",
    r"\byou (?:lot|people) (?:only|never|always|just)\b", r"\bwhere were you when\b",
    # "You lot are all the same."; a task turned down in so many words ("I'm not doing
    # homework."); and a same-polarity tag that mocks ("So I'm meant to do it at midnight, am
    # I?"). No AnnoMI or ESConv client turn says any of them.
    r"\byou(?: lot| people| guys)? (?:are|'re) all the same\b",
    # The client's own agenda set against the practitioner's ("I came about my sleep, not my
    # drinking."); no AnnoMI or ESConv client turn says so.
    r"\bi (?:came|'m here|am here|came in|came here)(?: today)? (?:about|for|to (?:talk|see you) about) [^.?!]{1,40},? not (?:about |for |to )?\w+",
    # The client's own say insisted on, as the whole turn ("I know what I want.", "It's my
    # body."); no AnnoMI or ESConv client turn is either.
    r"^\W*(?:look,? |well,? )?i know what i (?:want|need|'m doing|am doing)\W*$",
    r"^\W*(?:but |well,? |look,? )?it'?s my (?:body|life|choice|decision|money|baby|child|kid)[.!]*\s*$",
    # The same answer from everyone ("I've been to three doctors and they all say the same.");
    # no AnnoMI or ESConv client turn says so.
    r"\b(?:they|you|doctors|you lot|everyone|you all)(?: all)? (?:say|said|tell me|told me|keep saying) the same(?: thing)?\b",
    # A refusal said again ("I said I'm not ready."); no AnnoMI or ESConv client turn opens so.
    r"^\W*(?:but |look,? |no,? |well,? )?i (?:said|told you),? (?:no\b|i'?m not|i am not|i don'?t|i do not|i can'?t|i cannot|i won'?t|i will not)",
    r"^\W*(?:no,? )?i'?m not doing (?:that|this|it|homework|any homework|the \w+|any \w+|those|these)\W*$",
    r"^\W*so,? (?:i'?m|i am) (?:meant|supposed|expected|going) to\b[^?]{0,60},? am i\?\W*$",
    r"^\W*(?:look,? |listen,? )?i (?:don'?t|do not) need (?:a|an|another|more|your) \w+(?: \w+)?[.,;]\s+i need\b",
    r"(?:^|[.!?]\s+)(?:look,? )?(?:i'?m|i am) not (?:stupid|an idiot|thick|daft|dense)[.!]",
    r"^\W*(?:yes,? )?i(?:'m| am) (?:well |fully |quite )?aware(?: of (?:that|the \w+|it|this))?,? thank you\W*$",
    r"\bare you (?:actually |even |really )?listening(?: to me)?\b", r"\b(?:it'?s|it is|this is) (?:all )?my fault\?", r"^\W*(?:that'?s )?easy said\b", r"^\W*(?:oh,? |well,? )?here we go\.", r"^\W*so,? (?:my|what i) (?:\w+ )?(?:just |simply )?(?:don'?t|doesn'?t) (?:count|matter)\b", r"^\W*of course i(?:'ve| have) (?:considered|thought (?:about|of)|tried) (?:it|that|this)\b", r"\bdo you (?:even )?(?:understand|get|realise|realize) (?:that|this|what i'?m (?:saying|telling you)|me)\?", r"\b(?:it'?s|it is|this is|that'?s|that is|it was) not (?:even )?my fault\b|\b(?:this|it|that) (?:isn'?t|wasn'?t) (?:even )?my fault\b", r"\bi (?:don'?t|do not) think you(?:'ve| have)? (?:really |fully )?(?:understood|grasped|got it)\b",
    r"^\W*(?:oh,? )?(?:great|brilliant|fantastic|wonderful|perfect|lovely|marvellous)[.!]+\s+(?:another|more)\b", r"^\W*so,? that'?s it\?",
    # Nobody answerable, and the client left to put up with it ("Nobody ever is responsible,
    # are they.", "So we just stay in one room.").
    r"\b(?:nobody|no one|no-one)(?: ever)? (?:is|'s|takes|wants to take|will take)(?: ever)? (?:responsible|responsibility|accountable|to blame)\b",
    r"^\W*so,? (?:we|i) (?:just|simply) (?:stay|sit|wait|live|carry on|put up)\b[^?]*[.!]?\s*$",
    # Envy turned on the others ("Must be nice."), exasperation as a question ("What do you want
    # me to do, drag him in with a temperature?"), evidence heard before ("The evidence said
    # that about the last three things"), and doubt the work does anything.
    r"^\W*(?:well,? )?(?:must be nice|it must be nice|nice for some|alright for some|all right for some|lucky you)\b",
    # Agreement signed off as a habit of the practitioner's ("You're absolutely right, as always.").
    r"\byou(?:'re| are) (?:absolutely |totally |completely |quite |always )?right,? as (?:always|usual|ever)\b",
    r"^\W*what (?:do|did) you want me to do,", r"\bsaid that about (?:the last|every|all the)\b",
    r"\bnot sure (?:it'?s|it is|they'?re|this is) (?:doing|done) anything\b",
    # Mistrust of a promise heard before ("That's what they said about the last one.").
    r"\bthat'?s what (?:they|you|he|she|everyone|the \w+|you lot|you people) (?:all )?(?:said|say|told me|promised)"
    r" (?:about|last time|before|too|the last time|every time|with)\b",
    # Mistrust of what happens to what the client says ("Is that going in a report?").
    r"\b(?:is|was|does) (?:that|this|any of (?:this|that)|it|what i (?:said|say)) (?:going|go) (?:in|into|on) (?:a|my|your|the) (?:report|notes|file|records?)\b",
    r"\bare you (?:going to|gonna) (?:write|put|note|report|tell|pass)\b[^.?!]{0,25}\b(?:down|notes|report|file|records?|boss|employer|work|manager|school|"
    r"social services|police|mum|mom|dad|parents)\b",
    # Resigned sarcasm at being left with the problem ("So I'm just supposed to put up with it.").
    r"^\W*(?:so,? )?(?:i'?m|i am|we'?re|we are) (?:just )?(?:supposed|meant|expected) to (?:just )?(?:put up with|live with|ignore|accept|sit (?:here|there|back)|suffer)\b",
    r"^\W*(?:(?:oh|well|honestly|god|jesus|wow)[,.!]*\s+)?(?:(?:that'?s|this is|it'?s)\s+)?(?:(?:absolutely|just|bloody|totally)\s+)?"
    r"(?:unbelievable|unreal|ridiculous|outrageous|a joke|a disgrace|disgraceful|pathetic|typical)[.!]*\s*$",
    # ... or closing a longer turn ("I was in hospital on the fourth. I rang and told them.
    # This is ridiculous.").
    r"[.!?]\s+(?:(?:oh|well|honestly)[,.!]*\s+)?(?:this is|that'?s|it'?s|it is|this is just) (?:absolutely |just |bloody |totally |so )?"
    r"(?:ridiculous|a joke|outrageous|a disgrace|disgraceful|unbelievable)[.!]*\s*$",
    r"\b(?:nobody|no one|no-one) (?:here |in here )(?:ever )?(?:listens|hears|understands|cares)\b",
    # Complaints about the practitioner: not listening, not understanding, taking sides.
    r"\byou (?:obviously |clearly |really |just |still )?(?:weren'?t|were not|aren'?t|are not|haven'?t been|never) "
    r"(?:really )?(?:listening|hearing me|paying attention)\b",
    r"\byou (?:just |really |still |clearly |obviously )(?:don'?t|do not) (?:understand|get it|get me|care)\b",
    r"\byou(?:'re| are)? (?:just |always |now )?(?:twisting|misreading|misunderstanding) (?:what i|my|everything)\b",
    r"\b(?:you(?:'re| are)? (?:always |just )?(?:taking|on) (?:his|her|their|the other) side|(?:you'?re|you are) not on my side)\b",
    r"\byou(?:'ve| have)? (?:already )?(?:made up your mind|decided|judged me)\b(?: about me)?",
    r"\byou(?:'re| are) not the one (?:who|that)\b", r"\bwhat do you (?:even|actually|really) know about\b",
    r"\b(?:i'?m|i am) not (?:a child|a kid|stupid|an idiot)\b[^.?!]{0,30}\byou\b", r"^\W*(?:look,? )?(?:i'?m|i am) not (?:a child|a kid|five|twelve)\b",
    r"\byou (?:don'?t|do not) (?:need|have) to (?:explain|spell) (?:it|that|this|everything)\b",
    r"\b(?:i'?m|i am) not here to be (?:judged|lectured|told|analy[sz]ed|preached at)\b",
    # Complaints about the work together: wasted time, pointless questions, no progress.
    r"\bwe(?:'re| are) (?:just |only )?wasting (?:our |my |your )?time\b",
    r"\bi(?:'ve| have)? (?:already )?told you\b[^.?!]{0,20}\b(?:already|before|times|twice)\b",
    r"\b(?:how|why) (?:is|are|would|will|does) (?:any of )?(?:this|that|these|talking|therapy)\b[^.?!]{0,20}\b(?:supposed|meant|going) to help\b",
    r"\b(?:that'?s|that is|what) an? (?:\w+ )?(?:stupid|dumb|silly|ridiculous|pointless|useless|unhelpful|crazy) "
    r"(?:question|suggestion|idea|thing to say|comment)\b",
    r"\b(?:i'?m|i am|i get) (?:so |really |just )?(?:sick|tired) of (?:being asked|you asking|answering (?:your|the|these)|(?:your|the|these|all the) questions|coming here)\b",
    r"\bcoming here\b[^.?!]{0,30}\bfor nothing\b", r"\bexpected (?:more|better|something) (?:from|of) (?:this|you|these|therapy|counsel+ing)\b",
    r"\b(?:nothing|none of (?:what|the things)) you(?:'ve| have)? (?:suggested|said|told me|recommended|given me)\b[^.?!]{0,15}\b(?:work|help)",
    r"\byour (?:advice|suggestions?|ideas?|tips|exercises?) (?:don'?t|doesn'?t|didn'?t|never|haven'?t) (?:\w+ )?(?:work|help)",
    r"\bi (?:don'?t|do not|can'?t|cannot) see (?:how|why|what)\b[^.?!]{0,70}\b(?:is relevant|matters?|has to do with|helps|"
    r"(?:will|would|could|can|is going to|'s going to|is gonna) (?:help|fix|change|solve|work|make (?:a|any) difference))\b",
    r"\b(?:(?:that|this|it)(?:'s| is| was) not|(?:that|this|it) (?:isn'?t|wasn'?t)) (?:really |very |at all )?helpful\b",
    r"\b(?:that|this)(?:'s| is| was) (?:really |very )?unhelpful\b",
    r"\b(?:want|going|need) to stop coming\b(?! (?:home|back|round|over|in))",
    r"\b(?:can we|could we|please) stop (?:with )?(?:the|all the|these|your) (?:questions|advice|lectures?)\b",
    r"\benough (?:with the |of the |of your )?(?:questions|advice|lectures?)\b",
    # Assumptions, dismissal, sarcasm about the help, being graded, generic advice, taking sides.
    r"\byou(?:'re| are|'ve been| have been) (?:just )?(?:making|jumping to) (?:a lot of |lots of |big |huge |some |so many |a few )?(?:assumptions|conclusions)\b",
    r"\byou(?:'re| are) (?:just )?assuming\b", r"\bdon'?t assume (?:you know|that|things|anything)\b",
    r"\b(?:that|this|you)(?:'re| are| were| was|'s| is)?(?: being)?(?: (?:felt|feels|sounded|sounds|seemed|seems))? (?:really |pretty |a bit |a little |quite |so |very |kind of |rather )?"
    r"(?:dismissive|condescending|patroni[sz]ing|preachy|judg(?:e)?mental)\b(?! of (?:him|her|them|my))",
    r"\byou(?:'re| are)? (?:just )?(?:brushing|waving|shrugging|laughing) (?:it|me|this|that) off\b",
    r"\b(?:because|cause|'cause) (?:that|those|it|they|the last (?:\w+ )?(?:\w+))(?: \w+)? (?:worked|went|helped) so well\b",
    r"^\W*oh,? (?:great|wonderful|brilliant|fantastic),? (?:another|more)\b",
    r"\bfeel(?:s)? like (?:i'?m|i am) (?:being )?(?:graded|marked|tested|examined|interrogated|cross-examined|on trial|judged|lectured|scolded|told off)\b"
    r"[^.?!]{0,10}\b(?:in here|here|by you|in these sessions|in this room)\b",
    r"\bwaste of (?:both (?:of )?our|our|your and my|my and your) time\b",
    r"\b(?:this|these sessions?|coming here|therapy|counsel+ing)(?:'s| is| are)? (?:starting to |beginning to )?(?:feel|feels|feeling|seem|seems|seeming) (?:like )?(?:a (?:complete |total |bit of a )?waste|pointless|useless)\b",
    r"\b(?:that'?s|that is|this is|it'?s) (?:just |all |pure )?(?:textbook|one-size-fits-all|straight out of a (?:book|leaflet|pamphlet))\b",
    r"\b(?:that (?:doesn'?t|does not|won'?t|wouldn'?t)|none of (?:that|this|it)) (?:really )?appl(?:y|ies) to (?:me|my (?:life|situation|case))\b",
    r"\byou(?: (?:always|just|keep|still))? (?:side|siding) with (?:him|her|them|my \w+)\b",
    r"\bi (?:didn'?t|did not) ask (?:for )?(?:a |your |any )?(?:diagnosis|lecture|sermon|solutions?|judg(?:e)?ment|pep talk|homework)\b",
    # Defending oneself against being called uncommitted, and nobody having explained.
    # ("I am trying." is left out: on ESConv it mostly answers encouragement.)
    r"^\W*(?:but |well,? )?i (?:am|do|did) (?:committed|care|do them|do it)\W*(?:[.!]|$)",
    r"\bi(?:'m| am) here every (?:week|session|time|appointment)\b[^.?!]{0,15}\b(?:aren'?t i|isn'?t that|don'?t i)\b",
    r"\b(?:nobody|no one|no-one) (?:ever |even |actually )?(?:explained|told me|mentioned) (?:that|this|it|any of (?:this|that))(?: to me)?\s*(?:[.!]|$)",
    r"^\W*(?:(?:yeah|yes|yep|i know)[,.]? )*you(?:'ve| have) (?:already )?said(?: (?:that|so|it))?(?: (?:before|already))?\W*$",
    r"\?\s*(?:yeah,? |oh,? )?(?:that |this )?makes (?:loads of|lots of|a lot of|total|perfect|so much|great) sense\W*$",
    r"\byou (?:think|reckon|(?:'re|are) saying|(?:'re|are) implying) (?:that )?(?:it'?s|this is|i'?m|i am) (?:all |just )?(?:in my head|made up|imagin\w*|my imagination|"
    r"exaggerating|faking|making (?:it|this) up|lying|overreacting|being dramatic|attention[- ]seeking)\b",
    # Hearing blame ("So now it's my fault?"); "It's my fault." alone is self-blame.
    r"^\W*so,? (?:now |then )?(?:it'?s|this is|that'?s|you(?:'re| are) saying (?:it'?s|this is)) (?:all )?my fault\b",
    r"\b(?:it'?s|this is) (?:all )?my fault,? (?:then|now|is it)\b", r"(?:^|[.!]\s+)(?:so,? )?(?:now,? )?(?:it'?s|this is) (?:all )?my fault\?",
    r"\b(?:you(?:'re| are) (?:saying|telling me|implying)|you (?:think|reckon)|so,?(?: now)?) (?:that )?i'?m (?:the (?:problem|one to blame|bad guy|villain|bad one|enemy)|to blame|"
    r"a bad (?:mother|father|parent|mum|mom|dad|person|wife|husband|partner))\b",
    r"\b(?:came|come) (?:here|in) (?:for|to get|to find) [^.?!]{1,30}\bnot (?:to be|to get|for) (?:told|judged|lectured|blamed|criticised|criticized|a lecture|a telling[- ]off)\b",
    # Resentful compliance ("Fine. I'll just rewrite the whole thing then.").
    r"^\W*fine[.!,]+\s*(?:i'?ll just\b|have it your way\b|whatever\b)",
    # Mock thanks ("Thanks for that cheery thought."), impatience to be done ("Can we just get
    # her sorted."), and blame passed back ("Well, nobody told me that.").
    r"\bthanks? (?:you )?for (?:(?:that|the) (?:cheery|happy|comforting|lovely|uplifting|reassuring|encouraging) "
    r"(?:thought|news|picture|image|reminder|prediction)|the vote of confidence)\b",
    r"\bhow dare you\b", r"\bi can (?:count|read|add up|do (?:the )?maths|spell),? (?:thanks|thank you)\b",
    r"^\W*so,? (?:now )?(?:i'?m|i am|we'?re|we are) (?:being|getting) (?:punished|penalised|penalized|blamed|judged|watched|spied on|monitored|checked up on)\b",
    r"\b(?:nobody|no one|no-one) (?:ever )?(?:tells|explains) (?:me|us) (?:what|why|anything|how)\b|^\W*well,? (?:nobody|no one|no-one) (?:ever )?told me\b",
    r"\bcan we (?:just )?get (?:her|him|it|this|them) (?:sorted|done|over with)\b|\bcan we just get on with it\b",
    # ... and mock agreement to the impossible ("Sure, I'll just magic up an extra hour.").
    r"^\W*(?:oh,? )?(?:sure|yeah|oh yes|of course|right)[.!,]+\s*(?:i'?ll|i will|let me) just\b",
    r"\bi'?ll just \w+ (?:the whole thing|everything|it all|all of it)(?: again)?,? then\b",
    r"^\W*(?:(?:right|okay|ok|fine|well|sure|great|brilliant)[.!,]+\s*)+(?:so )?i'?ll just \w+[^.?!]{0,40}\bthen\W*$",
    # A sarcastic "Brilliant." before what the client is now expected to do.
    r"^\W*(?:brilliant|great|fantastic|perfect|lovely|wonderful|marvellous)[.!]+\s+so (?:i'?m|i am|i) (?:just )?(?:supposed to|meant to|have to|should)\b",
    # A bitter conclusion signed off with mock thanks ("Okay, so I'm rubbish at this. Good to
    # know.", "So I get hurt at work and then get punished for it. Makes sense."); no client
    # turn in AnnoMI or ESConv ends so.
    r"^\W*(?:(?:okay|ok|right|oh|fine)[,.]?\s+)?so\b[^.!?]*[.!]\s+(?:that )?(?:good to know|makes sense|nice to know|great|brilliant|lovely|"
    r"perfect|fantastic|wonderful|charming|thanks|cheers|nice)[.!]*\s*$",
    # ... or after it ("So I just have to accept it without knowing what I said. Brilliant.");
    # no client turn in AnnoMI or ESConv ends on a bare word of praise after a sentence.
    r"\b(?:have to|has to|got to|supposed to|meant to|nobody|no one|never|without|can'?t|won'?t|not|no)\b[^.!?]*[.!]\s+(?:oh,? )?"
    r"(?:brilliant|great|fantastic|perfect|lovely|wonderful|marvellous|charming|terrific)[.!]*\s*$",
    # Daring the practitioner ("So lock me up then.") and telling them what they want.
    r"^\W*(?:so|well|fine|go on)?,? ?(?:just )?(?:lock|send|kick|throw|sack|report|breach|fail|ban|sign|write) me (?:up|out|off|back|in)?,? ?then\b",
    r"\b(?:that'?s|that is|it'?s|it is) what you(?:'ve)? (?:always )?(?:want|wanted)\b(?! to\b)",
    # Turning the offer down flat, and taking it over the practitioner's head.
    r"^\W*(?:oh,? |no,? |well,? )?don'?t bother\b",
    r"\bi know my (?:own )?(?:body|child|son|daughter|kids?|mind)\b", r"\bthanks for nothing\b", r"\bdon'?t you remember\?",
    r"\b(?:does|do) (?:anyone|anybody|you people|you lot)(?: here| in here)? (?:actually |even |really )?(?:care|listen|know what (?:they'?re|you'?re) doing)\b",
    r"\bso (?:that )?you can (?:write|report|tell|pass|put|use|twist|hold)\b[^.?!]*\?",
    r"\b(?:there'?s|there is) no point (?:in )?(?:me |my )?(?:being here|coming (?:here|in)|talking to you)\b",
    r"(?:^|[.!?,]\s*)(?:please |just )?don'?t (?:you )?(?:put (?:a )?labels? on|label|diagnose|pigeonhole|box) me\b", r"(?:^|[.!?]\s+)(?:but |look,? )?i (?:said|told you|already said),? no(?: to (?:that|this|it))?(?=\s*(?:[.!,;?]|$))",
    r"\bi'?ll (?:just )?(?:go|take (?:it|my \w+)) (?:somewhere|elsewhere|someplace|someone) else\b|\bi'?ll (?:go to|see|find) (?:a different|another) (?:doctor|gp|counsell?or|therapist|surgery|practice)\b",
    r"\b(?:speak|talk) to your (?:manager|boss|supervisor|superior)\b", r"\bi want (?:a different|another|a new) "
    r"(?:counsell?or|therapist|doctor|worker|officer|nurse|social worker|key ?worker|adviser|advisor|coach|tutor|teacher)\b",
    r"\bi(?:'ll| will) be (?:ringing|calling|phoning|contacting|writing to|emailing) (?:my|the) (?:councillor|mp|solicitor|lawyer|ombudsman)\b",
    r"\bi(?:'ll| will|'m going to| am going to) (?:be )?(?:taking|take) (?:it|this|that) (?:to|up with) (?:the |your )?(?:head|manager|boss|supervisor|principal|complaints|ombudsman|governors)\b",
)
