"""What follows a rupture (``rapport.ruptures``): the practitioner's repair attempt, if any,
in the turns after it, and whether the client's engagement came back
(docs/analyzers/ruptures.md, "Formula")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Conversation, Role
from .rupture_cues import (
    ACKNOWLEDGING_CUES,
    CLOSING,
    DEFENDING,
    DIRECTIVE_CUES,
    EXPERIENCE,
    GIVING_WAY,
    MINIMISING,
    MISSTEP,
    TOPIC_SHIFT,
    VALIDATED_REACTION,
)
from .rupture_turns import (
    CONFIDENCE,
    DIRECTIVE,
    WEAK,
    _codes,
    _directive,
    _engaged,
    _stems,
    _text,
    _usual_length,
)

if TYPE_CHECKING:
    from .ruptures import Rupture


EXPLICIT_REPAIR = ("repair",)


# An open question counts: after a rupture, asking for the client's view is how a
# practitioner invites them back (Safran & Muran's exploring the rupture), where advice or
# information would push on (those turns are left out, ``_repair_codes``).
ACKNOWLEDGING = ("validation", "reflection.complex", "reflection.feeling", "reflection.simple", "check_understanding",
                 "collaboration", "question.open")


# A reflection's confidence is P(reflection) x P(its subtype), and the subtype is the likelier
# one, so 0.25 is about what a reflection the model rates at 0.5 gets at worst.
REFLECTION_CONFIDENCE = 0.25


OTHER_ACTS = ("information", "advice")  # a weak reflection beside a likelier one of these is not a repair


# Moves that can ask or repeat without taking up the client's side; a complex or feeling
# reflection, validation or an explicit repair about the suggestion itself still counts.
AGENDA_CHECKED = {"question.open", "collaboration", "reflection.simple", "acknowledgement"}


# A worded acknowledgement (``ACKNOWLEDGING_CUES``) the codes missed; not a code itself.
ACKNOWLEDGEMENT = "acknowledgement"


# A repair the repair model only suspects (``coding.repair_model.SUSPECT``), counted in the
# practitioner's first turn after a rupture only; not a code itself.
SUSPECTED_REPAIR = "suspected_repair"


AGENDA_STEM = 5  # letters a shared stem needs to mark the practitioner's own agenda


REPAIR_WINDOW = 2  # practitioner turns after the rupture in which a repair counts


RECOVERY_WINDOW = 3  # client turns after the repair in which engagement must come back


def _came_back(conv: Conversation, rupture: Rupture, turn, words) -> bool:
    """Whether the speaker's turn between ``rupture`` and ``turn`` was engaged again: then
    ``turn`` starts a rupture of its own rather than going on with the old one."""
    between = [t for t in conv.turns if rupture.utterances[-1] < t.utterances[0] < turn.utterances[0]
               and t.speaker == rupture.speaker]
    usual = _usual_length(conv, rupture.speaker, rupture.start, words)
    return any(_engaged(conv, t, usual, words) for t in between)


def _repair_codes(all_codes: dict[str, float], text: str = "", first: bool = False) -> list[str]:
    """The repair codes of one practitioner turn. A turn that goes on advising or criticising,
    turns to another topic (``TOPIC_SHIFT``) or winds up (``CLOSING``), looks on the bright side (``MINIMISING``) or
    defends the practitioner (``DEFENDING``) acknowledges nothing unless it is an explicit
    repair, and a weak reflection counts only when no other act (information, advice, a
    question) is likelier: "Many people feel that way at first. The research is very
    strong." informs, whatever its reflective opening. In the ``first`` turn after a rupture,
    a repair the model only suspects counts when nothing else does (``SUSPECTED_REPAIR``)."""
    codes = {c: p for c, p in all_codes.items()
             if p >= (REFLECTION_CONFIDENCE if c.startswith("reflection.") else CONFIDENCE)}
    pushing_on = any(codes.get(c, 0.0) >= CONFIDENCE for c in DIRECTIVE) or _keeps_course(text)
    if "repair" not in codes and pushing_on:
        return []
    rival = max((p for c, p in all_codes.items() if c in OTHER_ACTS or c.startswith("question.")), default=0.0)
    # The model calls most statements it cannot place a reflection; a weak one takes the
    # client's side only when it speaks to their experience or owns the practitioner's part
    # ("It's in the letter you were sent." and "It is simple, it's just not easy." answer a
    # complaint with a rebuttal).
    personal = EXPERIENCE.search(text) is not None or not text
    found = [c for c in EXPLICIT_REPAIR + ACKNOWLEDGING if c in codes
             and (not c.startswith("reflection.") or codes[c] >= CONFIDENCE or (codes[c] >= rival and personal))]
    if found:
        return found
    if ACKNOWLEDGING_CUES.search(text):
        return [ACKNOWLEDGEMENT]
    return [SUSPECTED_REPAIR] if first and WEAK <= all_codes.get("repair", 0.0) < CONFIDENCE and not pushing_on else []


def _pushes_on(conv: Conversation, turn) -> bool:
    """Whether a practitioner ``turn`` keeps to their own course without any repair: changes
    the topic, advises or criticises, defends themselves or looks on the bright side. After
    such a turn, a plain question that takes up nothing the client said goes on with the
    practitioner's agenda ("I'm just telling you what the system says. You'll need to bring
    evidence." ... "Any changes to your employment?")."""
    return "repair" not in _codes(conv, turn.utterances) and (_directive(conv, turn) or _keeps_course(_text(conv, turn)))


def _keeps_course(text: str) -> bool:
    """Whether the words push on whatever the codes say: advice or criticism worded in context,
    a change of topic, winding up ("Anything else?"), the bright side, or defending oneself."""
    return any(p.search(text) for p in (DIRECTIVE_CUES, TOPIC_SHIFT, CLOSING, MINIMISING, DEFENDING))


def _back_to_own_agenda(conv: Conversation, r: Rupture, turn) -> bool:
    """Whether ``turn`` takes up the practitioner's own rejected move (a content word of the
    turn before the rupture that the client never used) and nothing the client said in or
    just before the rupture: "What would it take for you to book the counselling this
    week?" after "You should try counselling" / "You're not listening" asks, but pushes on."""
    if r.trigger is None:
        return False
    trigger = next(t for t in conv.turns if r.trigger in t.utterances)
    before = [t for t in conv.turns if t.utterances[-1] < trigger.utterances[0] and t.speaker == r.speaker][-2:]
    client = _stems(conv, [*r.utterances, *(i for t in before for i in t.utterances)])
    mine = _stems(conv, turn.utterances)
    # Short stems are mostly verbs any turn may share ("need", "try", "stop"); the topic of
    # a suggestion is in the longer words ("counselling", "appointment").
    own = {w for w in _stems(conv, trigger.utterances) - client if len(w) >= AGENDA_STEM}
    return bool(mine & own) and not mine & client


# Honorifics are not how a speaker is called on in a group ("Dr. Patel", "Mrs. Greene").
TITLES = {"Dr", "Mr", "Mrs", "Ms", "Miss", "Mx", "Prof", "Sir", "Dame", "Rev", "Fr"}


def calling_names(conv: Conversation) -> dict[str, re.Pattern[str]]:
    """Per speaker, a pattern for being called on by name: a capitalised word of their label
    ("Mrs. Greene" -> Greene, "Jo") at the start of a sentence before a comma or a question
    mark ("Priya, would you like to start?", "Mike?"), or after a comma at the end of one
    ("Three times is great, Mike.") or the middle ("You're right, Mike, that came out..."), or
    given the floor ("Let Chloe have a go, Tom."). A name said of someone ("I emailed Gary
    first") is not a call."""
    out = {}
    for s in conv.speakers:
        words = [w for w in re.findall(r"[A-Z][a-z]+", s.name) if w not in TITLES]
        if words:
            name = "|".join(map(re.escape, words))
            out[s.name] = re.compile(rf"(?:^|[.!?]\s+)(?:(?:so|and|okay|ok|right|now|well)[,]?\s+)?(?:{name})\s*[,?!]"
                                     rf"|,\s*(?:{name})\s*(?:[.?!,]|$)"
                                     rf"|\blet (?:{name}) (?:have a go|speak|answer|finish|come in)\b", re.IGNORECASE)
    return out


def _turned_to_others(conv: Conversation, turn, speaker: str, names: dict[str, re.Pattern[str]], roles) -> bool:
    """In a group, whether a practitioner's ``turn`` is meant for someone else than
    ``speaker``: it calls on other members by name and not on them ("You didn't, Maria.
    Grace, we haven't heard from you yet."), or, calling on nobody, it answers another
    member's ordinary turn ("Just fine?" after Grace's "Fine."; not one that joined the
    rupture, "Yeah, it's always like this."). What it acknowledges is not a repair of
    ``speaker``'s rupture."""
    text = _text(conv, turn)
    called = {who for who, call in names.items() if call.search(text)}
    if called:
        return speaker not in called
    if turn.index == 0:
        return False
    before = conv.turns[turn.index - 1]
    if before.speaker in (speaker, turn.speaker) or roles[before.speaker] == Role.PRACTITIONER:
        return False
    codes = _codes(conv, before.utterances)
    return max(codes.get("confrontation", 0.0), codes.get("withdrawal", 0.0)) < CONFIDENCE


def _follow_up(conv: Conversation, r: Rupture, roles, words) -> None:
    """The first engaged client turn after the rupture (recovery), and the acknowledging
    practitioner turn before it (repair): the first explicit repair, or else the first attempt
    that the speaker did not answer still withdrawn. Without a recovery, the attempts are
    looked for in the next two practitioner turns."""
    turns = conv.turns
    after = [t for t in turns if t.utterances[0] > r.utterances[-1]]
    usual = _usual_length(conv, r.speaker, r.start, words)
    client_after = [t for t in after if t.speaker == r.speaker][:RECOVERY_WINDOW]
    back = next((t for t in client_after if _engaged(conv, t, usual, words)), None)
    practitioner_turns = [t for t in after if roles[t.speaker] == Role.PRACTITIONER
                          and (back is None or t.utterances[0] < back.utterances[0])]
    if back is not None:
        r.recovered, r.recovery = True, back.utterances[0]
    else:
        practitioner_turns = practitioner_turns[:REPAIR_WINDOW]
    names = calling_names(conv) if len(conv.speakers) >= 3 else None
    if names is not None:
        practitioner_turns = [t for t in practitioner_turns if not _turned_to_others(conv, t, r.speaker, names, roles)]
    during = [t for t in turns if r.start < t.utterances[0] < r.utterances[-1] and roles[t.speaker] == Role.PRACTITIONER]
    shifted = any(_pushes_on(conv, t) for t in during)
    attempts = []
    said = _stems(conv, r.utterances)
    for k, t in enumerate(practitioner_turns):
        text = _text(conv, t)
        found = _repair_codes(_codes(conv, t.utterances), text, first=k == 0)
        # After "Let's look at your homework", a question about the homework follows the new
        # topic: it takes up the rupture only when it shares a word with it.
        if found and set(found) <= AGENDA_CHECKED and not (VALIDATED_REACTION.search(text) or GIVING_WAY.search(text) or MISSTEP.search(text)) and (
                _back_to_own_agenda(conv, r, t) or (shifted and not _stems(conv, t.utterances) & said)):
            found = []
        shifted = shifted or (not found and _pushes_on(conv, t))
        if found:
            attempts.append((t, found))
    # An explicit repair that names the practitioner's misstep, which the rupture went on
    # through ("Sorry, I've gone straight into lecturing you" answered "Not really.", then "Just
    # not being told off for once."), was still the attempt that began the way back. ("I know
    # that's a lot to take in." answered "Is it." owns nothing: the attempt that brought the
    # client back is the repair.)
    inside = [(t, found) for t in during if MISSTEP.search(_text(conv, t))
              and not (names is not None and _turned_to_others(conv, t, r.speaker, names, roles))
              and "repair" in (found := _repair_codes(_codes(conv, t.utterances), _text(conv, t)))]
    attempts = inside[:1] + attempts
    if not attempts:
        return
    # An attempt the speaker still answered withdrawn ("Busy with what?" / "Stuff.") did not
    # bring them back; the repair is the first attempt that was not answered so.
    stop = back.utterances[0] if back is not None else len(conv.utterances)
    t, found = attempts[0]
    for (t, found), nxt in zip(attempts, [*attempts[1:], None]):
        until = nxt[0].utterances[0] if nxt is not None else stop
        if "repair" in found or not any(u.speaker == r.speaker and t.utterances[-1] < u.utterances[0] < until
                                        for u in after):
            break
    coded = {"repair"} if found == [SUSPECTED_REPAIR] else set(found)
    where = next((i for i in t.utterances if any(c["code"] in coded for c in conv.features["codes"][i])
                  or (found == [ACKNOWLEDGEMENT] and ACKNOWLEDGING_CUES.search(conv.utterances[i].text))), t.utterances[0])
    r.repair = {"utterance": where, "utterances": list(t.utterances), "codes": found,
                "kind": "explicit" if "repair" in found else "acknowledging"}


def member_calls(conv: Conversation) -> dict[str, re.Pattern[str]]:
    """In a group (three speakers or more), per client or member, the pattern for being called
    on by name (``calling_names``); none in a one-to-one talk, where nobody else is called on."""
    if len(conv.speakers) < 3:
        return {}
    members = {s.name for s in conv.speakers if s.role != Role.PRACTITIONER}
    return {name: rx for name, rx in calling_names(conv).items() if name in members}
