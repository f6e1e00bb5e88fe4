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
``rupture_cues``; how one turn is read in ``rupture_turns``, pushback read from several turns
in ``rupture_pushback``, and the repair and recovery after a rupture in ``rupture_repair``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median
from typing import Any

from ..coding.rules import apply_rules
from ..coordination.words import words as tokens
from ..model import Conversation, Role
from .rupture_cues import (
    AGREEING,
    COMPLIANCE,
    CONCEDING,
    DISCOUNTING,
    ECHO,
    FLAT_ECHO,
    LANDED,
    MANNER_OWNED,
    MINIMISING,
    NAMED,
    NOT_ECHOED,
    REJECTING,
    SELF_JUDGING,
)
from .rupture_pushback import _concedes_pushback, _owns_misstep, _read_as_rupture, _standoff
from .rupture_repair import (
    _came_back,
    _follow_up,
    _repair_codes,
    _turned_to_others,
    calling_names,
    member_calls,
)
from .rupture_turns import (
    CONFIDENCE,
    MINIMAL_WORDS,
    _answered,
    _answers_directive,
    _answers_news,
    _answers_question,
    _asks,
    _codes,
    _continued,
    _curt_reply,
    _directive,
    _engaged,
    _length,
    _stems,
    _talks_it_through,
    _text,
    _usual_length,
    _weak_code,
    heard_in_risk_words,
)

SECOND_PERSON = re.compile(r"\byou(?:'re|'ve|'ll|'d|r|rs|rself)?\b", re.IGNORECASE)
SHORT_RATIO = 0.35  # a turn this fraction of the client's usual length or less is "sudden shortening"
USUAL_MIN_WORDS = 12  # ... when the usual length is at least this
VALENCE_DROP = 0.5
# Signals that mark a rupture only together; every other signal marks one alone.
TOGETHER = {"shortening", "valence_drop"}
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
BARE_RUN = 3  # bare non-answers in a row that are a retreat by themselves
SHORT_RUN_BACK = 3  # the speaker's short answers an owned misstep may reach back over
CURT_RUN = 3  # curt replies in a row that go along, once the first answered advice or criticism


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
    # In a group, a member called by name ("That's not on you, Sam." after the facilitator's
    # reflection) is the one a member speaks to, whoever spoke last.
    called = member_calls(conv)
    for t in client_turns:
        n = _length(t, words)
        v = sum(valence[i] for i in t.utterances) / len(t.utterances)
        all_codes = _codes(conv, t.utterances)
        codes = {c: p for c, p in all_codes.items() if p >= CONFIDENCE}
        past = history.setdefault(t.speaker, [])
        signals = [c for c in ("confrontation", "withdrawal") if c in codes]
        prev = turns[t.index - 1] if t.index > 0 else None
        addressed = (prev.speaker if prev is not None and prev.speaker != t.speaker
                     and roles[prev.speaker] != Role.PRACTITIONER else None)
        if addressed is None and called:
            addressed = next((name for name, rx in called.items() if name != t.speaker and rx.search(_text(conv, t))),
                             None)
        if addressed is not None:
            # A group member answering or speaking to another member ("That's not true and you know
            # it."): the engagement model learned from answers to a practitioner, so only the rules
            # judge it.
            said = {h.code for i in t.utterances for h in apply_rules(conv.utterances[i].text, roles[t.speaker])
                    if h.confidence >= CONFIDENCE}
            # Even a rule's complaint is about that member when it says "you" and does not speak
            # of them ("Because you never listen! You just shut down and go on your phone." from a
            # wife to her husband; not "Why do you always let her go on?" to the facilitator).
            text = _text(conv, t)
            of_them = re.compile(rf"\b(?:she|he|her|him|hers|his|{'|'.join(map(re.escape, addressed.split()))})\b",
                                 re.IGNORECASE)
            if SECOND_PERSON.search(text) and not of_them.search(text):
                said.discard("confrontation")
            signals = [c for c in signals if c in said]
        signals = [c for c in signals if not heard_in_risk_words(conv, t.utterances, c)]
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
    names = calling_names(conv) if len(conv.speakers) >= 3 else {}
    for k, t in enumerate(turns[1:], 1):
        prev = turns[k - 1]
        if roles[t.speaker] != Role.PRACTITIONER or roles[prev.speaker] == Role.PRACTITIONER:
            continue
        if names and _turned_to_others(conv, t, prev.speaker, names, roles):
            # In a group, "Can I pause us there? Jake, you said nobody asks you..." after the
            # father's "You never answer." speaks to Jake: it owns nothing towards the father.
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
        trigger = _answered(conv, run[0], roles)
        if trigger is None or not (
                directed or drawn_back or conceded or not _repair_codes(_codes(conv, trigger.utterances), _text(conv, trigger))):
            continue  # an answer at length to a question or a reflection, or the client's opening turn
        if any(r.trigger == trigger.utterances[-1] for r in ruptures):
            # In a group, a member joining another's complaint ("Why even ask us then?" / "Yeah,
            # it's always like this.") answers the same misstep: the repair owns one rupture.
            continue
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


def _own_turns_between(turns, rupture: Rupture, turn) -> int:
    last = rupture.utterances[-1]
    return sum(1 for t in turns if last < t.utterances[0] < turn.utterances[0] and t.speaker == rupture.speaker)


