"""Ruptures and repair (SPEC section 5; docs/analyzers/ruptures.md).

A rupture is a client's (or group member's) turn that shows a marked drop in engagement
or alignment: an explicit complaint (``confrontation``), a minimal, deflecting or avoiding
answer (``withdrawal``), a sudden shortening of answers together with falling valence or
with a bare non-answer, a curt going-along right after advice or criticism, advice turned
aside right after it, a run of curt replies to repeated advice, bad news answered twice
in a word or two ("stunned"), a bare non-answer right after the bright side, or a turn the
practitioner's next turn owns a misstep about, concedes the point of or names as a retreat
("acknowledged"). Engagement has
recovered at the first of that speaker's next three turns that is engaged again: no
withdrawal or confrontation, at least five words, and back to half its earlier length or
elaborating. A repair is a practitioner turn before the recovery that acknowledges the
rupture: an explicit repair, or validation, a reflection, a check of understanding, an
invitation to collaborate, an open question or a worded acknowledgement, in a turn that
does not push on with advice, the practitioner's own agenda or a bright side; in the first
turn after the rupture, also a repair the repair model only suspects. A rupture is repaired when
it had a repair and engagement recovered. The wordings read in context are in
``rupture_cues``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median
from typing import Any

from ..coding.engagement import HEAD, load_engagement, reads
from ..coding.inputs import Item
from ..coding.rules import TAG, apply_rules
from ..coordination.words import content_stems
from ..coordination.words import words as tokens
from ..model import Conversation, Role
from .rupture_cues import (
    ACCEPTING,
    ACKNOWLEDGING_CUES,
    AGREEING,
    AGREEING_NO,
    APOLOGY,
    BAD_NEWS,
    COMPLIANCE,
    CONCEDED_LATE,
    CONCEDING,
    CONCEDING_POINT,
    DEFENDING,
    DIRECTIVE_CUES,
    DISCOUNTING,
    ECHO,
    ECHO_QUESTION,
    EXPERIENCE,
    FLAT_ECHO,
    GIVING_WAY,
    GOING_ALONG,
    GOOD_POINT,
    INSISTING,
    LANDED,
    MANNER_OWNED,
    MINIMISING,
    MISSTEP,
    NAMED,
    NEGATIVE,
    NOT_ECHOED,
    NOT_OWNING,
    OBJECTING,
    REJECTING,
    REPROACH,
    SELF_JUDGING,
    SOFTENING,
    TOPIC_SHIFT,
    VALIDATED_REACTION,
    YES_BUT,
)

EXPLICIT_REPAIR = ("repair",)
# An open question counts: after a rupture, asking for the client's view is how a
# practitioner invites them back (Safran & Muran's exploring the rupture), where advice or
# information would push on (those turns are left out, ``_repair_codes``).
ACKNOWLEDGING = ("validation", "reflection.complex", "reflection.feeling", "reflection.simple", "check_understanding",
                 "collaboration", "question.open")
CONFIDENCE = 0.5  # codes below this do not count as signals
# A reflection's confidence is P(reflection) x P(its subtype), and the subtype is the likelier
# one, so 0.25 is about what a reflection the model rates at 0.5 gets at worst.
REFLECTION_CONFIDENCE = 0.25
OTHER_ACTS = ("information", "advice")  # a weak reflection beside a likelier one of these is not a repair
WEAK = 0.4  # a weaker withdrawal ("Fine.", "Not really.") counts only with sudden shortening
SHORT_RATIO = 0.35  # a turn this fraction of the client's usual length or less is "sudden shortening"
USUAL_MIN_WORDS = 12  # ... when the usual length is at least this
VALENCE_DROP = 0.5
MINIMAL_WORDS = 4  # at most this long to be a bare reply
DIRECTIVE = ("advice", "face_threat")  # practitioner moves a curt reply may be withdrawing from
# Advice the model is unsure of still counts as a directive here when no other code of the
# turn is likelier ("And you should be going to the lunchtime clinic.": advice 0.29).
WEAK_ADVICE = 0.25
# Signals that mark a rupture only together; every other signal marks one alone.
TOGETHER = {"shortening", "valence_drop"}
HOLDING = ("information", "advice", "face_threat")  # practitioner moves that can hold a position
HELD_WORDS = 5  # fewer words than this in a practitioner's turn states or holds no position
# Moves that can ask or repeat without taking up the client's side; a complex or feeling
# reflection, validation or an explicit repair about the suggestion itself still counts.
AGENDA_CHECKED = {"question.open", "collaboration", "reflection.simple", "acknowledgement"}
# A worded acknowledgement (``ACKNOWLEDGING_CUES``) the codes missed; not a code itself.
ACKNOWLEDGEMENT = "acknowledgement"
# A repair the repair model only suspects (``coding.repair_model.SUSPECT``), counted in the
# practitioner's first turn after a rupture only; not a code itself.
SUSPECTED_REPAIR = "suspected_repair"
# From this P(repair) the repair model's code owns a misstep as the rules' does ("I've been so
# busy with the form that I haven't really heard you."), where the client's turn looks drawn
# back: on ESConv 2 supporter turns without a rule's repair reach it, on AnnoMI none.
OWNING = 0.7
AGENDA_STEM = 5  # letters a shared stem needs to mark the practitioner's own agenda
# What each signal means, for people reading a report (the JSON keeps the names).
SIGNAL_WORDS = {
    "confrontation": "complaint or pushback",
    "withdrawal": "retreat",
    "shortening": "answer suddenly shorter",
    "valence_drop": "mood dropped",
    "minimal_answer": "bare non-answer",
    "suspected_after_directive": "likely pushback right after advice or criticism",
    "discounting": "turned the advice aside",
    "going_along": "went along in few words after advice, criticism or an unaddressed rupture",
    "acknowledged": "the practitioner owned a misstep here",
    "standoff": "objected again after the practitioner held to their position without taking up the objection",
    "suspected_unaddressed": "likely retreat or pushback while the rupture went unaddressed",
    "stunned": "answered bad news in a word or two, and again after it",
}


def signal_words(signals: list[str]) -> str:
    return ", ".join(SIGNAL_WORDS.get(s, s.replace("_", " ")) for s in signals)


RUN_BACK = 1  # earlier turns answering advice or criticism that a rupture an owned misstep points to takes in
# Transcribers mark a sentence broken off and taken up again with dashes ("because-" ... "-it's").
CUT_OFF = re.compile(r"[-\u2013\u2014]\s*$")
CONTINUES = re.compile(r"^\s*(?:[-\u2013\u2014]|\.\.\.|\u2026)")
BACKCHANNEL_WORDS = 2  # at most this long, a practitioner's turn between is only listening
BARE_RUN = 3  # bare non-answers in a row that are a retreat by themselves
SHORT_RUN_BACK = 3  # the speaker's short answers an owned misstep may reach back over
REPAIR_WINDOW = 2  # practitioner turns after the rupture in which a repair counts
RECOVERY_WINDOW = 3  # client turns after the repair in which engagement must come back
CURT_RUN = 3  # curt replies in a row that go along, once the first answered advice or criticism
TALKED_THROUGH = 6  # words an answer to an explicit repair needs beyond this to be talking it through
RECOVERY_WORDS = 5  # fewer words than this ("The buses were cancelled.") is no coming back
# The engagement model's n-gram P(confrontation) from which a client turn the practitioner
# concedes is pushback (``_concedes_pushback``): the complaints of written sessions the rules
# missed reach 0.23-0.49; a suggestion declined for a preference ("I'm not sure about the
# science side. I'd rather something hands-on." / "Fair enough.") 0.01. On AnnoMI and ESConv
# 16 client turns are answered by a concession at all.
CONCEDED_WEIGHT = 0.2
# ... or the engagement model's second opinion (the encoder, which reads meaning) gives it this
# P(rupture): "You've got me down as some kind of monster." (0.999; n-grams 0.14) / "I can see
# why it feels like that". On AnnoMI and ESConv one client turn of 13,664 answered by a
# concession or by the practitioner naming their reaction as understandable reaches it.
CONCEDED_CHECK = 0.5


@dataclass
class Rupture:
    start: int  # first utterance of the rupture turn
    utterances: list[int]
    kind: str  # "confrontation" or "withdrawal"
    signals: list[str]
    trigger: int | None  # last utterance of the practitioner turn just before, a possible cause
    speaker: str = ""  # whose engagement dropped (in a group, the member)
    repair: dict[str, Any] | None = None
    recovered: bool = False
    recovery: int | None = None

    @property
    def repaired(self) -> bool:
        return self.repair is not None and self.recovered

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "utterances": self.utterances, "speaker": self.speaker, "kind": self.kind,
                "signals": self.signals,
                "trigger": self.trigger, "repair": self.repair, "repaired": self.repaired,
                "recovered": self.recovered, "recovery": self.recovery}


def _codes(conv: Conversation, idx: tuple[int, ...]) -> dict[str, float]:
    out: dict[str, float] = {}
    for i in idx:
        for c in conv.features["codes"][i]:
            out[c["code"]] = max(out.get(c["code"], 0.0), c["confidence"])
    return out


def find_ruptures(conv: Conversation) -> list[Rupture]:
    roles = {s.name: s.role for s in conv.speakers}
    if not any(r == Role.PRACTITIONER for r in roles.values()):
        return []  # without a practitioner there is nobody whose repair to look for
    words, valence = conv.features["text.words"], conv.features["affect.valence"]
    turns = conv.turns
    client_turns = [t for t in turns if roles[t.speaker] != Role.PRACTITIONER]
    history: dict[str, list[tuple[int, float]]] = {}
    runs: dict[str, list[tuple[Any, bool]]] = {}  # each speaker's run of curt replies: (turn, right after advice)
    bare_runs: dict[str, list[Any]] = {}  # each speaker's run of bare non-answers to the practitioner
    ruptures: list[Rupture] = []
    for t in client_turns:
        n = _length(t, words)
        v = sum(valence[i] for i in t.utterances) / len(t.utterances)
        all_codes = _codes(conv, t.utterances)
        codes = {c: p for c, p in all_codes.items() if p >= CONFIDENCE}
        past = history.setdefault(t.speaker, [])
        signals = [c for c in ("confrontation", "withdrawal") if c in codes]
        prev = turns[t.index - 1] if t.index > 0 else None
        if prev is not None and prev.speaker != t.speaker and roles[prev.speaker] != Role.PRACTITIONER:
            # A group member answering another member ("That's not true and you know it."): the
            # engagement model learned from answers to a practitioner, so only the rules judge it.
            said = {h.code for i in t.utterances for h in apply_rules(conv.utterances[i].text, roles[t.speaker])
                    if h.confidence >= CONFIDENCE}
            signals = [c for c in signals if c in said]
        recent = past[-5:]
        bare_rules = _weak_code(conv, t, "rules") == "withdrawal"  # a bare non-answer ("Fine.")
        if len(recent) >= 2:
            usual = median(w for w, _ in recent)
            if usual >= USUAL_MIN_WORDS and n <= SHORT_RATIO * usual:
                signals.append("shortening")
            if v <= sum(x for _, x in recent[-3:]) / len(recent[-3:]) - VALENCE_DROP and v < -0.2:
                signals.append("valence_drop")
        elif (len(recent) == 1 and recent[0][0] >= USUAL_MIN_WORDS and n <= SHORT_RATIO * recent[0][0]
              and bare_rules):
            # A bare non-answer ("No. I'm fine.") from someone whose one earlier turn was long:
            # in a group each member speaks rarely, so one turn has to stand for the usual.
            signals.append("shortening")
        after_practitioner = prev is not None and roles[prev.speaker] == Role.PRACTITIONER
        directed = after_practitioner and _directive(conv, prev)
        # What the engagement model only suspects counts right after advice or criticism.
        suspected = _weak_code(conv, t, "model") if directed else None
        if suspected and suspected not in signals:
            signals.append("suspected_after_directive")
        text = _text(conv, t)
        # Curt replies in a row ("Yeah." / "Mm." / "No." / "Okay."): the second of them to advice
        # marks the run from the first reply to advice.
        curt_reply = _curt_reply(conv, t, words)
        before = runs.get(t.speaker, [])
        runs[t.speaker] = [*before, (t, directed)] if curt_reply else []
        first = next((x for x, d in before if d), None)
        last = next((r for r in reversed(ruptures) if r.speaker == t.speaker), None)
        gap = _own_turns_between(turns, last, t) if last is not None else None  # own turns since it
        # A third curt reply in a row after a reply to advice goes along whatever came between
        # ("Okay." / "Right." / "Sure." while a tutor lists a draft's faults and moves on),
        # unless it only agrees or listens ("Yeah.", "Mm-hmm.") or answers a question.
        # (An answer to a question is no going along.)
        may_go_along = after_practitioner and not AGREEING.match(text) and not _asks(conv, prev)
        kept_going = may_go_along and first is not None and len(before) >= CURT_RUN - 1
        # (With no turn of the speaker's since the rupture, ``prev`` is the practitioner's first turn after it.)
        unaddressed = gap == 0 and after_practitioner and not _repair_codes(_codes(conv, prev.utterances), _text(conv, prev), first=True)
        # So does a curt reply while a rupture goes unaddressed ("Right." after "It's never too
        # early." answered "Dyslexia? She's only six.").
        going_on = may_go_along and unaddressed
        if curt_reply and ((directed and (first is not None or gap == 0)) or kept_going or going_on):
            signals.append("going_along")
        # A standoff: the client answered a statement of the practitioner's, the practitioner held
        # to it without taking up anything they said, and the client objects again ("I can't.
        # I've got the kids." / "Everybody has to do their share of lates." / "Other people have
        # never done one."): pushback from the first answer, in whatever words.
        held_against = _standoff(conv, t, prev, roles) if after_practitioner and not signals else None
        if held_against is not None:
            signals.append("standoff")
        # Bad news answered in a word ("Okay.") and the next turn too ("Mm.", while the news is
        # explained): shock, which a reader marks from the first, though nothing was advised.
        # (The cheap tests first: most client turns follow no curt reply.)
        stunned = (bool(before) and after_practitioner
                   and (curt_reply or _flat_echo(conv, t, prev, words)
                        or (n <= MINIMAL_WORDS and DISCOUNTING.search(text) is not None))
                   and not _asks(conv, prev) and _answers_news(conv, before[0][0], roles))
        if stunned:
            signals.append("stunned")
        # A bare "Okay." after advice or criticism, from someone who had just been talking at
        # length, is compliance rather than agreement (a withdrawal marker).
        curt = n <= MINIMAL_WORDS and bool(past) and past[-1][0] >= USUAL_MIN_WORDS and directed
        nonanswer = bare_rules or (curt and COMPLIANCE.match(text) is not None)
        # Turning aside what was just said: right after advice or criticism, or while a rupture
        # goes unaddressed ("Right. Brilliant. So my grade's ruined because of a form." after
        # "It's in the handbook.").
        # (Also right after the bright side: "Normal. Right. I haven't slept in three weeks." to
        # "That's normal at this age.")
        looked_away = after_practitioner and MINIMISING.search(_text(conv, prev)) is not None
        if (directed or unaddressed or looked_away) and "confrontation" not in signals and (DISCOUNTING.search(text) or _echoes(conv, t, prev, flat=looked_away)):
            signals.append("discounting")
        # During a rupture the speaker's recent answers are already short, so a further bare
        # "Fine." cannot look suddenly shorter; after another turn that attempts no repair, it
        # goes on with the rupture (after a repair attempt it may be accepting it).
        # Bare non-answers in a row ("Fine." / "Not really." / "Same."), each to the
        # practitioner, are a retreat from the first even with no longer answers before them.
        bare = bare_runs.get(t.speaker, [])
        bare_runs[t.speaker] = [*bare, t] if nonanswer and after_practitioner else []
        # Two are enough when the first answered advice or criticism ("I suppose." after "I think
        # you should go for it.", then "Nothing really." to "What's stopping you?").
        in_a_row = nonanswer and after_practitioner and (
            len(bare) >= BARE_RUN - 1 or (bool(bare) and _answers_directive(conv, bare[0], roles)))
        # A hedge ("I suppose.") right after the bright side ("At least you had forty years
        # together.") is the pain not taken up, whatever the client said before.
        bright = looked_away
        if "withdrawal" not in signals and nonanswer and ("shortening" in signals or curt or unaddressed or in_a_row or bright):
            signals.append("minimal_answer")
        # While a rupture goes unaddressed, what the model only suspects goes on with it
        # ("That's what you said a month ago." after "It's important to trust the process.").
        if unaddressed and not suspected and not set(signals) & {"confrontation", "withdrawal", "minimal_answer"}:
            suspected = _weak_code(conv, t, "model")
            if suspected:
                signals.append("suspected_unaddressed")
        past.append((n, v))
        if not (set(signals) - TOGETHER or TOGETHER <= set(signals)) or _talks_it_through(conv, t, words):
            continue
        if "confrontation" not in signals and _continued(conv, t, roles, words):
            continue
        if {"confrontation", "withdrawal"} <= set(signals) and _deferring(conv, t):
            signals.remove("confrontation")
        kind = ("confrontation" if "confrontation" in signals or suspected == "confrontation" or "discounting" in signals
                or "standoff" in signals else "withdrawal")
        trigger = prev.utterances[-1] if after_practitioner else None
        # In a group, each member's rupture is their own: another member's turn neither
        # continues it nor shows that this one re-engaged.
        if gap is not None and gap <= 1 and (not _came_back(conv, last, t, words) or held_against is not None):
            _extend_through(conv, last, t)  # the same rupture going on, with the turn between that did not come back
            last.signals = sorted(set(last.signals) | set(signals))
            if kind == "confrontation":
                last.kind = kind
            continue
        run = [t]
        # After a curt reply to advice, the next retreat after more advice starts from it (a
        # complaint starts where it is made).
        if (first is not None and (directed or kept_going) and kind == "withdrawal"
                and (last is None or last.utterances[-1] < first.utterances[0])):
            replies = [x for x, _ in before]
            run = [*replies[replies.index(first):], t]
        elif stunned and kind == "withdrawal" and (last is None or last.utterances[-1] < before[0][0].utterances[0]):
            run = [*(x for x, _ in before), t]
        elif in_a_row and (last is None or last.utterances[-1] < bare[0].utterances[0]):
            run = [*bare, t]
        elif held_against is not None and (last is None or last.utterances[-1] < held_against.utterances[0]):
            run = [held_against, t]
        elif (start := _weak_turn_before(conv, t, ruptures, roles, words)) is not None:
            run = [start, t]  # a weak sign of the same drop just before it: the rupture began there
        if len(run) > 1:
            trigger = turns[run[0].index - 1].utterances[-1] if run[0].index > 0 else None
        ruptures.append(Rupture(run[0].utterances[0], [i for x in run for i in x.utterances], kind, signals, trigger,
                                t.speaker))
    for r in ruptures:
        _follow_up(conv, r, roles, words)
    for r in _acknowledged(conv, ruptures, roles, words):
        _follow_up(conv, r, roles, words)
    return sorted(ruptures, key=lambda r: r.start)


def _acknowledged(conv: Conversation, ruptures: list[Rupture], roles, words) -> list[Rupture]:
    """Ruptures the practitioner's explicit repair points to, added to ``ruptures``; returns
    those new or changed. "I can see I've made it sound that way" or "I wonder if I've jumped
    ahead of you" answers a drop the client's words alone may not show ("So basically it's all
    wrong."), so the client turn it answers is a rupture (signal ``acknowledged``), with the
    speaker's turn just before it if that too answered advice or criticism; a question ("Any
    suggestions on TV shows?") is taking part, so it is neither. A rupture of that
    speaker they had not come back from goes on to it instead. After a question, a reflection
    or another move that invites the client in, the turn must itself look drawn back (shorter
    than the speaker's usual, or a weak rupture code): an answer at length to a question is no
    rupture; a turn that opens by turning down what was said ("No, that's not it at all.") is not
    one. Only a repair that owns a
    misstep points to one (``_owns_misstep``): "I'm so sorry." is as often sympathy ("My dog
    died this morning."). After a turn taken for coming back from a rupture that had no explicit
    repair, it shows that the rupture went on through that turn."""
    turns = conv.turns
    changed: list[Rupture] = []
    for k, t in enumerate(turns[1:], 1):
        prev = turns[k - 1]
        if roles[t.speaker] != Role.PRACTITIONER or roles[prev.speaker] == Role.PRACTITIONER:
            continue
        owner = _owns_misstep(conv, t)  # "rules", "model" or "concession"
        if owner is None and _concedes_pushback(conv, t, prev):
            owner = "concession"
        if owner is None:
            continue
        taken = next((r for r in ruptures if prev.utterances[0] == r.recovery), None)
        if taken is not None and (taken.repair is None or taken.repair["kind"] != "explicit"):
            # Owning a misstep right after the turn taken for coming back shows the rupture went
            # on ("With two hours' notice. I'd taken the afternoon off." / "I let you down.").
            changed.append(_reopen(conv, taken, prev))
            continue
        if any(prev.utterances[0] in r.utterances or prev.utterances[0] == r.recovery for r in ruptures):
            continue
        last = next((r for r in reversed(ruptures) if r.speaker == prev.speaker and r.utterances[-1] < prev.utterances[0]), None)
        own = [x for x in turns[:k] if x.speaker == prev.speaker]
        if last is not None and not _came_back(conv, last, prev, words) and not _engaged(
                conv, prev, _usual_length(conv, last.speaker, last.start, words), words):
            changed.append(_reopen(conv, last, prev))
            continue
        if _asks(conv, prev) and (owner == "concession" or not _read_as_rupture(_text(conv, prev))):
            # Asking for more ("Any suggestions on TV shows?") is taking part, and "That's a fair
            # question" grants a question as a question; a question the encoder reads as
            # pushback ("So breaking my wrist is a conduct issue now?") that the practitioner
            # then owns a misstep after is not.
            continue
        run = [prev]
        back = 0  # earlier turns taken for answering advice or criticism
        for x in reversed(own[:-1]):
            if _asks(conv, x) or (last is not None and x.utterances[0] <= last.utterances[-1]):
                break
            # A run of curt replies goes back to its start ("Right." / "Mm." / "Hang on, I've just
            # been tearing your CV apart..."); beyond it, one turn that answered advice or criticism.
            if not (_curt_reply(conv, x, words) and _curt_reply(conv, run[0], words)):
                if back >= RUN_BACK or not _answers_directive(conv, x, roles):
                    break  # the speaker's turn that answered anything but advice or criticism
                back += 1
            run.insert(0, x)
        run = _short_answers_back_to_directive(conv, run, own, last, roles, words)
        directed = any(_answers_directive(conv, x, roles) for x in run)
        drawn_back = (_weak_code(conv, prev, "rules") or _weak_code(conv, prev, "model") or REJECTING.match(_text(conv, prev))
                      or not _engaged(conv, prev, _usual_length(conv, prev.speaker, prev.utterances[0], words), words))
        # Conceding first ("You're right, the bailiffs come first. I jumped straight to...")
        # says the turn was pushback, even at length after a question or a reflection.
        conceded = (CONCEDING.match(_text(conv, t)) is not None or SELF_JUDGING.search(_text(conv, t)) is not None
                    or MANNER_OWNED.search(_text(conv, t)) is not None or owner == "concession")
        # ... and so does owning how one's words landed, after a short turn ("Oh, so now I'm the
        # villain. Great." / "I made it sound like a verdict on you.").
        conceded = conceded or (owner == "rules" and LANDED.search(_text(conv, t)) is not None
                                and _length(prev, words) < USUAL_MIN_WORDS)
        # ... and so does naming what the client just did ("You laughed just then. I'm wondering
        # how it really went." after a joke that turned the question aside).
        named = NAMED.search(_text(conv, t)) is not None
        conceded = conceded or named
        trigger = turns[run[0].index - 1] if run[0].index > 0 else None
        if trigger is None or roles[trigger.speaker] != Role.PRACTITIONER or not (
                directed or drawn_back or conceded or not _repair_codes(_codes(conv, trigger.utterances), _text(conv, trigger))):
            continue  # an answer at length to a question or a reflection, or the client's opening turn
        if owner == "model" and not (drawn_back or conceded):
            # The model's ownership is a guess; "That's true. I also feel a bit nervous about my
            # final grades..." before a supporter's pep talk it rated 0.79 was no pushback.
            continue
        withdrawn = (named or _length(prev, words) <= MINIMAL_WORDS
                     or _codes(conv, prev.utterances).get("withdrawal", 0.0) >= CONFIDENCE)
        new = Rupture(run[0].utterances[0], [i for x in run for i in x.utterances],
                      "withdrawal" if withdrawn else "confrontation", ["acknowledged"], trigger.utterances[-1], prev.speaker)
        ruptures.append(new)
        changed.append(new)
    return changed


def _objects(text: str) -> bool:
    """Whether a client's turn objects in their own name or to the practitioner: words of
    objecting (``OBJECTING``, read without a question tag) in a turn that insists on the
    client's own account or addresses the practitioner (``INSISTING``). "The jobs are not
    there any more" objects to the world, not to the practitioner's position."""
    untagged = TAG.sub(".", text)
    return OBJECTING.search(untagged) is not None and INSISTING.search(untagged) is not None


def _standoff(conv: Conversation, turn, prev, roles):
    """The client's earlier answer that ``turn`` carries on objecting from, when the
    practitioner held to a position against it: the client's answer (``o1``) to the
    practitioner's turn before (``p0``) asks nothing and accepts nothing, the practitioner's
    next turn (``prev``) asks nothing, acknowledges nothing and takes up no content word of
    ``o1``, and ``turn`` accepts nothing and asks nothing; and the client objects (``OBJECTING``,
    read without a question tag, or ``DISCOUNTING``) in ``turn``, or already in ``o1`` when
    ``p0`` was a statement; else None."""
    k = prev.index
    if k < 2:
        return None
    o1, p0 = conv.turns[k - 1], conv.turns[k - 2]
    if o1.speaker != turn.speaker or p0.speaker != prev.speaker or roles[p0.speaker] != Role.PRACTITIONER:
        return None
    text, answer, said = _text(conv, turn), _text(conv, o1), _text(conv, prev)
    # Talk cut across ("Um, I read a bit-" / "Mm-hmm." / "- the old magazines") is one turn
    # broken up, and a few words between are listening, not a position held.
    if (len(said.split()) < HELD_WORDS or len(_text(conv, p0).split()) < HELD_WORDS
            or any(CUT_OFF.search(_text(conv, x)) or CONTINUES.match(_text(conv, x)) for x in (p0, o1, prev, turn))):
        return None
    # The client objects now, or objected already to a statement (a "No" to a question is an answer).
    objects = (_objects(text) or DISCOUNTING.search(text) or (not _asks(conv, p0) and _objects(answer)))
    if (not objects or _asks(conv, o1) or _asks(conv, prev) or (_asks(conv, turn) and not TAG.search(text))
            or any(ACCEPTING.search(conv.utterances[i].text) for i in (*o1.utterances, *turn.utterances))
            or (AGREEING_NO.match(text) and NEGATIVE.search(said))
            or _codes(conv, o1.utterances).get("agreement", 0.0) >= CONFIDENCE):
        return None
    # The held position: no reflection the model is sure of, nothing granted or acknowledged ("I
    # know, but..." grants nothing), and no word of the client's answer taken up.
    held = _codes(conv, prev.utterances)
    reflecting = max((p for c, p in held.items() if c.startswith("reflection.")), default=0.0)
    # After a question, the answer was invited: holding against it takes a turn that informs or
    # advises rather than one the model calls a reflection ("One real conversation instead of six
    # half ones.").
    if _asks(conv, p0) and reflecting >= max((p for c, p in held.items() if c in HOLDING), default=0.0):
        return None
    if (reflecting >= CONFIDENCE
            or _repair_codes(held, said, first=True) or ACKNOWLEDGING_CUES.search(said) or SOFTENING.search(said)
            or (ACCEPTING.match(said) and not YES_BUT.match(said)) or _stems(conv, prev.utterances) & _stems(conv, o1.utterances)):
        return None
    return o1


def _concedes_pushback(conv: Conversation, turn, prev) -> bool:
    """Whether practitioner ``turn`` concedes the point of client turn ``prev``
    (``CONCEDING_POINT``, or "I haven't asked, you're right.") when the engagement model's
    n-grams give ``prev`` some weight as a complaint (``CONCEDED_WEIGHT``), or concedes it or
    names the client's reaction as understandable (``VALIDATED_REACTION``) or calls it a good
    point (``GOOD_POINT``) when its second opinion does (``CONCEDED_CHECK``): "You keep telling me to..., but when am I supposed to fit
    it in?" / "That's a fair point." is pushback conceded, in words no rule may know, where
    "You're right" to a plain statement is agreement."""
    said, text = _text(conv, turn), _text(conv, prev)
    conceding = CONCEDING_POINT.match(said) is not None or CONCEDED_LATE.match(said) is not None
    if not conceding and VALIDATED_REACTION.search(said) is None and GOOD_POINT.match(said) is None:
        return False
    if conceding and float(load_engagement().probabilities([text])[0][1]) >= CONCEDED_WEIGHT:
        return True
    return _read_as_rupture(text)


def _read_as_rupture(text: str) -> bool:
    """Whether the engagement model's second opinion (the encoder) gives a client turn
    ``CONCEDED_CHECK`` or more for a rupture; asked only of turns a practitioner's answer
    already points to."""
    model = load_engagement()
    if model.check is None or not reads(text):
        return False
    return float(model.check.predict([Item(Role.CLIENT, text)], with_lexical=False)[HEAD][0][1:].max()) >= CONCEDED_CHECK


def _short_answers_back_to_directive(conv: Conversation, run: list, own: list, last, roles, words) -> list:
    """``run`` with the speaker's short answers before it (``MINIMAL_WORDS`` or fewer each),
    when they lead back to a reply to advice or criticism: "Suppose not." / "No." / "Child
    benefit." after "Well, spending on cigarettes doesn't help." and two questions is one
    retreat, which "I made that sound like a lecture" owns from its start."""
    if _answers_directive(conv, run[0], roles) or any(_length(t, words) > MINIMAL_WORDS for t in run):
        return run
    before = [x for x in own if x.utterances[-1] < run[0].utterances[0]]
    taken: list = []
    for x in reversed(before[-SHORT_RUN_BACK:]):
        if (_length(x, words) > MINIMAL_WORDS or _asks(conv, x)
                or (last is not None and x.utterances[0] <= last.utterances[-1])):
            return run
        taken.insert(0, x)
        if _answers_directive(conv, x, roles):
            return [*taken, *run]
    return run


def _extend_through(conv: Conversation, r: Rupture, turn) -> None:
    """Add to ``r`` its speaker's turns after it, up to and including ``turn``."""
    r.utterances += [i for x in conv.turns if x.speaker == r.speaker
                     and r.utterances[-1] < x.utterances[0] <= turn.utterances[0] for i in x.utterances]


def _reopen(conv: Conversation, r: Rupture, turn) -> Rupture:
    """``r`` gone on through ``turn``, as an owned misstep answering it shows: its repair and
    recovery are looked for again after it."""
    _extend_through(conv, r, turn)
    r.signals = sorted({*r.signals, "acknowledged"})
    r.repair, r.recovered, r.recovery = None, False, None
    return r


def _deferring(conv: Conversation, turn) -> bool:
    """Whether the rules read ``turn`` as a retreat and only the model as a complaint: "You're
    the expert." handing the decision back is deference, whatever the model hears in it."""
    by_rules = {c["code"] for i in turn.utterances for c in conv.features["codes"][i]
                if c["source"] == "rules" and c["confidence"] >= CONFIDENCE}
    return "withdrawal" in by_rules and "confrontation" not in by_rules


def _echoes(conv: Conversation, turn, prev, flat: bool = False) -> bool:
    """Whether ``turn`` opens by echoing a word of the practitioner's ``prev`` as a question
    ("Two? I only just managed one." after "aim to go to two groups"): disbelief at it; with
    ``flat``, also said flat ("Normal. Right. I haven't slept in three weeks.")."""
    m = ECHO.match(_text(conv, turn)) or (FLAT_ECHO.match(_text(conv, turn)) if flat else None)
    said = {w.lower() for w in tokens(_text(conv, prev))}
    return m is not None and all(w.lower() in said and w.lower() not in NOT_ECHOED for w in m.group(1).split())


def _flat_echo(conv: Conversation, turn, prev, words) -> bool:
    """Whether ``turn`` only repeats, flatly, words of the practitioner's ``prev`` ("Six more
    months." after "another six months of physiotherapy"): a few words, not a question, every
    content word taken from what was just said."""
    if _length(turn, words) > MINIMAL_WORDS or _text(conv, turn).rstrip().endswith("?"):
        return False
    own = _stems(conv, turn.utterances)
    return bool(own) and own <= _stems(conv, prev.utterances)


def _weak_turn_before(conv: Conversation, turn, ruptures: list[Rupture], roles, words):
    """The speaker's turn just before ``turn`` (one practitioner turn between) when it carries
    a rupture code the finder alone would not count ("Maybe." before "I guess. Anyway, work's
    been busy."), is not engaged and belongs to no rupture; else ``None``."""
    k = turn.index
    if k < 2:
        return None
    before, between = conv.turns[k - 2], conv.turns[k - 1]
    if (before.speaker != turn.speaker or roles[between.speaker] != Role.PRACTITIONER
            or any(before.utterances[0] in r.utterances for r in ruptures)
            or not (_weak_code(conv, before, "rules") or (_weak_code(conv, before, "model") and not _answers_question(conv, before, roles)))):
        return None
    usual = _usual_length(conv, before.speaker, before.utterances[0], words)
    return None if _engaged(conv, before, usual, words) else before


def _owns_misstep(conv: Conversation, turn) -> str | None:
    """The source ("rules" or "model") of a repair code of ``turn`` that owns a misstep, else
    None: a rules' code, or the repair model's from ``OWNING``; not one of ``NOT_OWNING`` read on
    to the next few words, and in a turn that apologises, only with what it is for (``MISSTEP``):
    "Sorry, I'll ease off." after "Ow!" is about the body, not the relationship."""
    for i in turn.utterances:
        text = conv.utterances[i].text
        for c in conv.features["codes"][i]:
            # The repair model's code is a repair attempt like any other, but below OWNING it is
            # too often a supporter's own story ("I felt the same way when...") to mark a rupture.
            if c["code"] == "repair" and c["confidence"] >= (CONFIDENCE if c["source"] == "rules" else OWNING):
                start, end = c.get("evidence") or (0, len(text))
                if NOT_OWNING.search(text[start:end + 20]):
                    continue
                if not APOLOGY.search(text) or MISSTEP.search(text):
                    return c["source"]  # the rules' repair stands alone, so never "model+rules"
    return None


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


def _answered(conv: Conversation, turn, roles):
    """The practitioner turn just before ``turn``, or None."""
    before = conv.turns[turn.index - 1] if turn.index > 0 else None
    return before if before is not None and roles[before.speaker] == Role.PRACTITIONER else None


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


def _own_turns_between(turns, rupture: Rupture, turn) -> int:
    last = rupture.utterances[-1]
    return sum(1 for t in turns if last < t.utterances[0] < turn.utterances[0] and t.speaker == rupture.speaker)


def _usual_length(conv: Conversation, speaker: str, start: int, words) -> float:
    """The median length of ``speaker``'s last five turns before utterance ``start`` (0 without any)."""
    earlier = [_length(t, words) for t in conv.turns
               if t.utterances[-1] < start and t.speaker == speaker][-5:]
    return median(earlier) if earlier else 0


def _came_back(conv: Conversation, rupture: Rupture, turn, words) -> bool:
    """Whether the speaker's turn between ``rupture`` and ``turn`` was engaged again: then
    ``turn`` starts a rupture of its own rather than going on with the old one."""
    between = [t for t in conv.turns if rupture.utterances[-1] < t.utterances[0] < turn.utterances[0]
               and t.speaker == rupture.speaker]
    usual = _usual_length(conv, rupture.speaker, rupture.start, words)
    return any(_engaged(conv, t, usual, words) for t in between)


def _engaged(conv: Conversation, turn, usual: float, words) -> bool:
    """Whether ``turn`` is engaged: no rupture code, not even one the rules or the model only
    suspect (``WEAK``), at least ``RECOVERY_WORDS`` words and half the speaker's usual length."""
    all_codes = _codes(conv, turn.utterances)
    codes = {c for c, p in all_codes.items() if p >= CONFIDENCE}
    marked = {c for c, p in all_codes.items() if p >= WEAK}
    n = _length(turn, words)
    return ((not marked & {"withdrawal", "confrontation"} or _talks_it_through(conv, turn, words))
            and n >= RECOVERY_WORDS and (n >= 0.5 * usual or "elaboration" in codes))


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


def _repair_codes(all_codes: dict[str, float], text: str = "", first: bool = False) -> list[str]:
    """The repair codes of one practitioner turn. A turn that goes on advising or criticising,
    turns to another topic (``TOPIC_SHIFT``), looks on the bright side (``MINIMISING``) or
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
    a change of topic, the bright side, or defending oneself."""
    return any(p.search(text) for p in (DIRECTIVE_CUES, TOPIC_SHIFT, MINIMISING, DEFENDING))


def _stems(conv: Conversation, idx) -> set[str]:
    return {s for i in idx for s in content_stems(tokens(conv.utterances[i].text))}


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
