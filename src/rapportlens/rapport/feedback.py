"""Feedback (SPEC section 6): pitfalls with evidence, the client's state, and what to try next.

Every item carries the utterance indices it rests on and a reason written from this
session's numbers; recommendation phrasings come from ``feedback.toml``.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib.resources import files
from itertools import pairwise
from typing import Any

from ..coding.invitation import DECLINE, PERMISSION
from ..coding.lexicon import DEEP_SUBJECTS
from ..coding.rules import question_form
from ..model import Conversation, Role, clip, counted, times
from ..notes import laughs_uneasily
from .dimensions import COMPONENTS, EMPATHIC
from .reflecting import simple_reflection
from .risk_follow_up import PRECISE, SAFETY_STEP, WINDOW, asks_about_risk
from .rupture_repair import member_calls
from .rupture_turns import _text, heard_in_risk_words
from .shared_meaning import clarifying, unexplained_terms
from .view import View

AGAINST = {c.name: c.against for c in COMPONENTS}

BURST = 3  # practitioner turns in a row that ask and never reflect
QUESTION_WITH_FORM = 0.25  # a question code this sure counts when the words are a question's
EARLY = 0.2  # the first fifth of the session
EARLY_MIN = 10  # utterances: in a short session the first fifth is one exchange, yet still early
DOMINANT_SHARE = 0.6
# Chat exports: in ESConv's text chats the supporters who wrote more were rated higher (4.48
# against 4.26, docs/analyzers/feedback.md), so dominant talk is not faulted in typed talk.
TYPED_FORMATS = {"whatsapp", "chat", "jsonrows", "esconv"}
# A question put to the rest of a group rather than to the one who spoke.
FLOOR_TO_OTHERS = re.compile(r"\b(?:anyone|anybody|someone|somebody) else\b|\bthe rest of (?:you|the group)\b|"
                             r"\bwhat (?:do|does) (?:everyone|everybody|the group|others|the others|you all) think\b|"
                             r"\bwho (?:can|could|would|wants to|else)\b|\blet'?s hear from\b|\bhave a go\b", re.IGNORECASE)
REFLECTING = "reflective_listening"  # the technique whose example moment ``missed_reflection`` finds
REPAIRING = "repair"  # the technique "Name the tension and invite feedback"
DISCLOSED = 2  # disclosure depth of a feeling (1 is an opinion: "The left, I think.")
FELT = 0.3  # negative valence of a client utterance that says a feeling a reflection could name
# Cutting the client off is rushing at 2+ times and 3+ per 100 utterances: in a long session
# an occasional cut-in is ordinary turn-taking. Chosen after reading AnnoMI's shared part
# (docs/analyzers/feedback.md): by its labels, 2+ alone marked 14 % of high-quality sessions and
# 25 % of low-quality ones, with the rate 4 % and 25 %.
INTERRUPTING = 2
INTERRUPTING_PER_100 = 3.0
LONG_DISCLOSURE = 40  # words
# With two or more clients or members, one whose share of their words is under 40 % of an
# even share has barely been heard (a fifth member at 8 % or less, one of a couple at 20 %).
# Not fitted: AnnoMI and ESConv have one client each (docs/analyzers/feedback.md).
QUIET_SHARE = 0.4
QUIET_MIN_WORDS = 150  # the members' words below which shares say little
_ANXIOUS = re.compile(r"\b(anxious|anxiety|worr(y|ied|ying)|nervous|scared|afraid|panic\w*|overwhelm\w*|"
                      r"on edge|dread\w*|avoid\w*|can't face|stress(ed|ful)?)\b", re.IGNORECASE)
# Mistrust of the helper or the help, not of a third party: "I can't trust my sister" is a
# worry the client brings, "why should I trust you" a stance toward the practitioner.
_MISTRUST = re.compile(
    r"\b(why (should|would) i (trust|tell|believe) you|(don'?t|do not|can'?t|cannot|never) (really )?(trust|believe) "
    r"(you|doctors|therapists|counsell?ors|people like you|anyone here|the system|this)|you people|"
    r"(you'?re|you are) (just )?(going to|gonna) (judge|report|tell)|(are|will) you (going to )?(judge|report|tell)|"
    r"is this (really )?(confidential|private)|who (else )?(will|gets to) (see|know|read)|"
    r"what'?s the point of (this|talking|coming|therapy|counsell?ing|these sessions)|"
    r"(this|therapy|counsell?ing|talking( to you)?|coming here)( is|'s| was)( all| just)? (a )?waste of time|"
    r"no ?one listens|nobody listens|last (counsell?or|therapist|doctor)|told on me|report me)\b",
    re.IGNORECASE)
_DEEP = {name: re.compile(rf"\b({words})\b", re.IGNORECASE) for name, words in DEEP_SUBJECTS.items()}


@lru_cache(maxsize=1)
def techniques() -> dict[str, dict[str, Any]]:
    return tomllib.loads(files("rapportlens.rapport").joinpath("feedback.toml").read_text("utf-8"))["techniques"]


def _has(view: View, i: int, code: str, confidence: float = 0.5) -> bool:
    c = view.codes(i).get(code)
    return c is not None and c["confidence"] >= confidence


def _asks(conv: Conversation, v: View, i: int) -> bool:
    """Whether utterance ``i`` asks: a question code at 0.5, or, when the words have a
    question's form, one at 0.25 that no other code of the utterance outweighs. A short
    factual question in a run ("When's the deadline?", 0.50 after three others) is then a
    question, while a reflection said as a question ("So you feel stuck?"), where the model
    leans to reflection, is not."""
    codes = v.codes(i)
    p = max((codes[c]["confidence"] for c in ("question.open", "question.closed") if c in codes), default=0.0)
    if p >= 0.5:
        return True
    return (p >= QUESTION_WITH_FORM and p >= max(c["confidence"] for c in codes.values())
            and question_form(conv.utterances[i].text) is not None)


def _reflects(v: View, i: int) -> bool:
    return _has(v, i, "reflection.simple") or _has(v, i, "reflection.complex") or _has(v, i, "reflection.feeling")


def early_probes(conv: Conversation, v: View) -> list[tuple[int, str]]:
    """Practitioner questions in the first fifth of the session (at least its first
    ``EARLY_MIN`` utterances) about a sensitive subject the
    client has not yet raised: (utterance, subject). Only the words of the question itself
    count, so "What you tell me about your childhood stays here." asks nothing, and a
    reflection put as a question ("So this makes you feel ashamed?") follows the client."""
    n = len(conv.utterances)
    raised: set[str] = set()
    receivers, givers = set(v.receivers), set(v.givers)
    out = []
    for i, u in enumerate(conv.utterances[:max(EARLY_MIN, int(EARLY * n))]):
        if i in receivers:
            raised |= {name for name, rx in _DEEP.items() if rx.search(u.text)}
        elif i in givers and not _reflects(v, i) and (asked := question_form(u.text)):
            question = u.text[asked.span[0]:asked.span[1]]
            out += [(i, name) for name, rx in _DEEP.items() if name not in raised and rx.search(question)]
    return out


def cut_offs(conv: Conversation, v: View) -> list[int]:
    """The practitioner's turns that took the floor from a client cut off mid-sentence
    (``interruptions``), except those that finish or reflect what the client was saying:
    on AnnoMI, therapists in high-quality sessions cut in with reflections about as often as
    with anything else, those in low-quality ones never did, and with questions and advice
    over three times as often (3.7 against 1.0 per 100 utterances; docs/analyzers/feedback.md)."""
    givers, receivers = set(v.givers), set(v.receivers)
    return [x["utterance"] for x in conv.features.get("interruptions") or []
            if x["utterance"] in givers and x["interrupted"] in receivers
            and not _reflects(v, x["utterance"]) and not _has(v, x["utterance"], "validation")]


def rushing_parts(conv: Conversation, v: View) -> list[dict[str, Any]]:
    """The ways of rushing found (SPEC section 6), each with its own evidence and reason:
    question bursts (until risk language needing review appears), unasked advice before any
    reflection, early deep probing, cutting the client off, dominant talk."""
    givers, words, n = v.givers, conv.features["text.words"], len(conv.utterances)
    giving = set(givers)
    # Once a client's words need human review, asking directly is the job (SPEC section 7): a
    # crisis line volunteer's questions about a plan, the means and who is nearby are not a
    # burst to slow down. Only the precise flags count (a risk phrase, or an answer to a direct
    # question about risk): the model alone took "I don't know if I even want it" about a
    # promotion for suicidal ideation, and would have hidden a coach's burst of questions.
    assessing = min((r["utterance"] for r in conv.features.get("risk") or [] if r.get("source") in PRECISE),
                    default=n)
    g_turns = [t for t in conv.turns if t.utterances[0] in giving and t.utterances[0] < assessing]
    run: list[int] = []
    bursts: list[list[int]] = []
    # In a group, handing the floor on ("Anyone else?", "Aisha?", "Ben, Chloe, you've been
    # quiet. What's your take?") is facilitation, not questioning one client: it breaks a run.
    calls = list(member_calls(conv).values())
    for t in g_turns:
        text = _text(conv, t)
        # Asking directly about risk is never rushing (SPEC section 7), even after a hint the
        # model is unsure of ("Have you had any thoughts of ending your life?").
        asks = any(_asks(conv, v, i) for i in t.utterances) and not asks_about_risk(text) and not (
            calls and (FLOOR_TO_OTHERS.search(text) or any(rx.search(text) for rx in calls)))
        # Asking the client's view of a proposal ("How does that sound?") shares the decision,
        # and an affirmation ("Those are real strengths. What would get it to a five?") or a
        # validation shows the answer was taken in: each breaks a run as a reflection does.
        if asks and not any(_reflects(v, i) or any(_has(v, i, c) for c in ("collaboration", "affirmation", "validation"))
                            for i in t.utterances):
            run.append(t.utterances[-1])
        else:
            if len(run) >= BURST:
                bursts.append(run)
            run = []
    if len(run) >= BURST:
        bursts.append(run)
    first_reflection = next((i for i in givers if _reflects(v, i)), n)
    early_advice = [i for i in givers if i < min(EARLY * n, first_reflection) and _has(v, i, "advice")
                    and not v.codes(i)["advice"].get("invited")]
    probes = early_probes(conv, v)
    share = sum(words[i] for i in givers) / max(1, sum(words))
    parts: list[dict[str, Any]] = []

    def part(name: str, evidence: list[int], reason: str) -> None:
        parts.append({"part": name, "evidence": sorted(set(evidence)), "reason": reason})

    if bursts:
        part("question_bursts", [i for b in bursts for i in b],
             f"{counted(len(bursts), 'run')} of {BURST}+ questions with no reflection in between")
    if early_advice:
        part("early_advice", early_advice,
             f"advice unasked before any reflection, in the first {EARLY:.0%} of the session")
    if probes:
        subjects = ", ".join(dict.fromkeys(s for _, s in probes))
        part("early_probing", [i for i, _ in probes], f"probing early into {subjects} before the client raised it")
    cut = cut_offs(conv, v)
    if len(cut) >= INTERRUPTING and 100 * len(cut) / n >= INTERRUPTING_PER_100:
        part("interrupting", cut, f"cut the client off mid-sentence {times(len(cut))} "
             f"({100 * len(cut) / n:.0f} per 100 utterances), with something other than a reflection")
    # Answering the client's own questions at length still counts: leaving those turns out
    # ("Can I drink on them?" to a pharmacist) cut AnnoMI's low-quality sessions flagged from
    # 69 % to 50 % (high 38 % to 34 %), where lectures answer "What should I do?".
    if share > DOMINANT_SHARE and len(v.receivers) and len(givers) < n and conv.format not in TYPED_FORMATS:
        part("dominant_talk", sorted(givers, key=lambda i: -words[i])[:3],
             f"the practitioner spoke {share:.0%} of the words")
    return parts


def shared_meaning_parts(conv: Conversation, v: View, giver: str) -> list[dict[str, Any]]:
    """The signs of assuming shared meaning in a session without checks of understanding:
    few reflections (``no_checks``), the client asking what was meant (``client_asked``:
    twice, or once with unexplained terms) and abbreviations the client never used
    (``unexplained_terms``); each with evidence and reason."""
    givers = v.givers
    if any(_has(v, i, "check_understanding") for i in givers):
        return []
    parts: list[dict[str, Any]] = []
    reflections = [i for i in givers if _reflects(v, i)]
    # Without a practitioner (a peer group) nobody is coded for reflections or checks, so
    # their absence says nothing.
    if giver == "practitioner" and len(givers) >= 10 and len(reflections) < 0.1 * len(givers):
        telling = [i for i in givers if _has(v, i, "advice") or _has(v, i, "information")]
        # The MI summary counts every reflection coded; say which count this is when they differ.
        coded = len(v.with_code(givers, "reflection.simple", "reflection.complex", "reflection.feeling"))
        sure = f" at confidence 0.5 or more ({coded} coded in all)" if coded != len(reflections) else ""
        parts.append({"part": "no_checks", "evidence": telling[:10],
                      "reason": f"no checks of understanding and {counted(len(reflections), 'reflection')}{sure} "
                                f"in {len(givers)} {giver} utterances"})
    asked = clarifying(conv, v)
    terms, where = unexplained_terms(conv, v)
    if len(asked) >= 2 or (asked and terms):
        parts.append({"part": "client_asked", "evidence": asked,
                      "reason": f"the {'client' if giver == 'practitioner' else 'other member'} had to ask what was "
                                f"meant {times(len(asked))}, and understanding was never checked"})
    if terms:
        parts.append({"part": "unexplained_terms", "evidence": where[:10],
                      "reason": f"{counted(len(terms), 'abbreviation')} the client never used went unexplained: "
                                + ", ".join(terms[:6]) + (", ..." if len(terms) > 6 else "")})
    return parts


def pitfalls(conv: Conversation, ruptures: list[dict[str, Any]],
             follow: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    v = View.whole(conv)
    words = conv.features["text.words"]
    givers = v.givers
    out: list[dict[str, Any]] = []

    def add(kind: str, evidence: list[int], reason: str) -> None:
        out.append({"pitfall": kind, "evidence": sorted(set(evidence)), "reason": reason})

    # In a peer group (no practitioner) the pitfalls are the group's own: say "member".
    giver = "practitioner" if any(sp.role == Role.PRACTITIONER for sp in conv.speakers) else "member"

    # Risk language the practitioner did not take up (``risk_follow_up``): only the precise
    # flags. On ESConv, 63 % of the sure flags were not taken up, and on reading they
    # were mostly not risk ("Work can set you free from your own thoughts").
    missed = [f for f in follow or [] if f["precise"] and f["follow_up"] == "not_followed_up"]
    if missed:
        where = ", ".join(str(f["utterance"]) for f in missed)
        add("risk_not_followed_up", [i for f in missed for i in (f["utterance"], f["by"])],
            f"risk language at {'utterance' if len(missed) == 1 else 'utterances'} {where} was not asked about, "
            f"acknowledged or answered with a step towards safety in the next {WINDOW} practitioner turns.")

    disclosures = [i for i in givers if _has(v, i, "self_disclosure")]
    long_ones = [i for i in disclosures if words[i] >= LONG_DISCLOSURE]
    if len(disclosures) >= 3 or long_ones:
        how_many = (f"a {giver} self-disclosure {LONG_DISCLOSURE}+ words long" if len(disclosures) == 1 else
                    counted(len(disclosures), f"{giver} self-disclosure")
                    + (f", {len(long_ones)} of them {LONG_DISCLOSURE}+ words long" if long_ones else ""))
        add("over_disclosure", disclosures, how_many + ": the focus may move away from the client.")

    parts = rushing_parts(conv, v)
    if parts:
        add("rushing", [i for p in parts for i in p["evidence"]], "; ".join(p["reason"] for p in parts) + ".")
        out[-1]["parts"] = parts

    shared = shared_meaning_parts(conv, v, giver)
    if shared:
        add("assuming_shared_meaning", [i for p in shared for i in p["evidence"]][:10],
            "; ".join(p["reason"] for p in shared) + ".")
        out[-1]["parts"] = shared

    sympathy = [i for i in givers if _has(v, i, "sympathy")]
    empathic = [i for i in givers if any(_has(v, i, c) for c in EMPATHIC)]
    if len(sympathy) > len(empathic):
        add("sympathy_instead_of_empathy", sympathy,
            f"{counted(len(sympathy), 'expression')} of sympathy against {counted(len(empathic), 'empathic response')} "
            "(validation, reflections of feeling or beyond the words).")

    threats = [i for i in givers if _has(v, i, "face_threat")]
    if threats:
        add("face_threats", threats, f"{counted(len(threats), f'{giver} utterance')} that "
            + ("judges, blames or dismisses." if len(threats) == 1 else "judge, blame or dismiss."))

    who = "member" if any(sp.role == Role.MEMBER for sp in conv.speakers) else "client"
    even, quiet = quiet_members(conv, v, words)
    if quiet:
        add("uneven_participation", [i for _, _, utts in quiet for i in utts][:10],
            ", ".join(f"{name} spoke {share:.0f}%" for name, share, _ in quiet)
            + f" of the {who}s' words "
            f"(an even share would be {even:.0f}%).")

    open_ruptures = [r for r in ruptures if not r["recovered"]]
    if open_ruptures:
        add("unrepaired_rupture", [i for r in open_ruptures for i in r["utterances"]],
            f"{counted(len(open_ruptures), 'rupture')} after which the {who}'s engagement did not come back.")
    return out


def quiet_members(conv: Conversation, v: View, words) -> tuple[float, list[tuple[str, float, list[int]]]]:
    """The even share of the non-practitioners' words (in %) and, with two or more of them,
    those whose share is under ``QUIET_SHARE`` of it: (name, share in %, their utterances)."""
    said: dict[str, list[int]] = {}
    for i in v.receivers:
        said.setdefault(conv.utterances[i].speaker, []).append(i)
    even = 100 / max(1, len(said))
    total = sum(words[i] for i in v.receivers)
    if len(said) < 2 or not v.givers or total < QUIET_MIN_WORDS:
        return even, []
    shares = {name: 100 * sum(words[i] for i in utts) / total for name, utts in said.items()}
    return even, [(name, shares[name], utts) for name, utts in said.items() if shares[name] < QUIET_SHARE * even]


STATES = ("anxious_avoidant", "mistrustful", "low_engagement")
STATE_MIN_UTTERANCES = 2  # client utterances that show anxiety or mistrust before either is the state
STATE_WORDS = {"anxious_avoidant": "anxious or avoidant", "mistrustful": "mistrustful", "low_engagement": "little engaged"}
# Found more often in AnnoMI's low-quality sessions and with lower ESConv ratings
# (docs/analyzers/feedback.md, "Accuracy").
TIED_TO_WORSE = ("unrepaired_rupture", "face_threats", "assuming_shared_meaning")
SAFETY_FIRST = ("risk_not_followed_up",)  # answered before anything else


def _complains(conv: Conversation, v: View, i: int) -> bool:
    """A confrontation, unless only the engagement model heard it in words of risk: despair
    is not mistrust."""
    return _has(v, i, "confrontation") and not heard_in_risk_words(conv, [i], "confrontation")


def client_state(conv: Conversation) -> dict[str, Any]:
    """The most likely client state from their language, with its signals; 'none' when no
    signal is strong enough."""
    v = View.whole(conv)
    words = conv.features["text.words"]
    theirs = v.receivers
    if not theirs or set(theirs) == set(range(len(conv.utterances))):
        return {"state": "none", "scores": {}, "evidence": []}
    text = {i: conv.utterances[i].text for i in theirs}
    anxious = [i for i in theirs if _ANXIOUS.search(text[i]) or _has(v, i, "withdrawal")]
    # Mistrust of the practitioner: in a group, not what one member says straight back to
    # another ("You never answer." from a father to his son).
    us = conv.utterances
    to_member = {i for i in theirs if i and i - 1 in text and us[i - 1].speaker != us[i].speaker}
    mistrust = [i for i in theirs if i not in to_member and (_MISTRUST.search(text[i]) or _complains(conv, v, i))]
    mean_words = sum(words[i] for i in theirs) / len(theirs)
    engaged = [i for i in theirs if _has(v, i, "elaboration") or _has(v, i, "disclosure")]
    scores = {
        "anxious_avoidant": min(1.0, len(anxious) / len(theirs) * 4),
        "mistrustful": min(1.0, len(mistrust) / len(theirs) * 6),
        "low_engagement": max(0.0, min(1.0, (8 - mean_words) / 6)) * (1 - len(engaged) / len(theirs)),
    }
    evidence = {"anxious_avoidant": anxious, "mistrustful": mistrust,
                "low_engagement": sorted(theirs, key=lambda i: words[i])[:5]}
    # A state is a pattern in the client's words: one "You always pick on me." in a short talk
    # scored mistrust 0.86 on its own.
    eligible = [n for n in scores if n == "low_engagement" or len(evidence[n]) >= STATE_MIN_UTTERANCES]
    best = max(eligible, key=scores.get)
    if scores[best] < 0.4:
        return {"state": "none", "scores": scores, "evidence": []}
    # The score is a capped rate (a quarter of the utterances already gives 1.0), so what a
    # reader is shown is the count behind it, not a number that looks like a probability.
    whose, n = whose_words(conv, evidence[best]), len(theirs)
    basis = {"anxious_avoidant": f"worry, avoidance or withdrawal in {len(anxious)} of {n} of {whose} utterances",
             "mistrustful": f"doubts about the help, or complaints, in {len(mistrust)} of {n} of {whose} utterances",
             "low_engagement": f"{whose} utterances average {mean_words:.0f} words; {len(engaged)} of {n} say "
                               "something personal or more than was asked"}[best]
    return {"state": best, "scores": scores, "evidence": sorted(evidence[best])[:10], "basis": basis}


def whose_words(conv: Conversation, evidence: list[int]) -> str:
    """Whose words an estimate came from: "the client's", or with several clients or members
    their names ("Jake's", "Mum and Dad's", "some members'")."""
    us = conv.utterances
    speakers = list(dict.fromkeys(us[i].speaker for i in evidence))
    if len({us[i].speaker for i in View.whole(conv).receivers}) < 2 or not speakers:
        return "the client's"
    return " and ".join(speakers) + "'s" if len(speakers) <= 2 else "some members'"


def _shown(conv: Conversation, v: View, technique: dict[str, Any]) -> list[int]:
    """The practitioner's utterances that already use ``technique``: a ``shown_by`` code at 0.5
    or a ``shown_by_words`` wording ("There's no rush." for slowing the pace)."""
    words = [re.compile(w, re.IGNORECASE) for w in technique.get("shown_by_words", ())]
    return [i for i in v.givers if any(_has(v, i, c) for c in technique.get("shown_by", ()))
            or any(w.search(conv.utterances[i].text) for w in words)]


def missed_reflection(conv: Conversation, v: View) -> tuple[int, int] | None:
    """(client utterance, practitioner question) where a reflection fitted best and a question
    came instead: of the client's utterances answered straight away by a practitioner turn
    that asks and neither reflects, validates nor affirms, the one that disclosed most (disclosure
    depth, then how painful its feeling, then its length), if it disclosed a feeling or more
    (``DISCLOSED``) or said a painful one (``FELT``): those are what a question passes over.
    Risk language is left out (there, asking directly is the job), and so are the client's own
    questions. None when there is no such moment."""
    valence, words = conv.features["affect.valence"], conv.features["text.words"]
    givers, turns = set(v.givers), conv.turns
    risky = {r["utterance"] for r in conv.features.get("risk") or []}
    cried = set(conv.features.get("nonverbal.crying") or [])  # tears noted show a feeling, said or not
    calls = member_calls(conv)
    best, chosen = None, None
    for turn, reply in pairwise(turns):
        if turn.utterances[-1] in givers or reply.utterances[0] not in givers:
            continue
        # In a group, a reply that hands the floor to another member ("Thanks for bringing her
        # in. Mia, how do you see it?" after the mother's worry) passes nothing over.
        said = _text(conv, reply)
        if any(rx.search(said) for name, rx in calls.items() if name != turn.speaker):
            continue
        if not any(_asks(conv, v, j) for j in reply.utterances) or any(
                _reflects(v, j) or _has(v, j, "validation") or _has(v, j, "affirmation") for j in reply.utterances):
            continue
        for i in (i for i in turn.utterances if i not in risky and question_form(conv.utterances[i].text) is None):
            depth = v.codes(i).get("disclosure", {}).get("depth") or 0
            key = (max(depth, DISCLOSED) if i in cried else depth, max(0.0, -valence[i]), words[i])
            if (key[0] >= DISCLOSED or key[1] >= FELT) and (best is None or key > best):
                best, chosen = key, (i, reply.utterances[0])
    return chosen


def _owned_after(conv: Conversation, v: View, threats: list[int]) -> list[int]:
    """The practitioner's explicit repairs that own each face threat within their next
    ``WINDOW`` turns ("Why didn't you call us straight away?" / "I did!" / "No, I'm sorry, that
    came out wrong."): naming the tension was done. Empty unless every threat was owned."""
    giving, owned = set(v.givers), []
    for i in threats:
        after = [t for t in conv.turns if t.utterances[0] > i and t.utterances[0] in giving][:WINDOW]
        found = next((j for t in after for j in t.utterances if _has(v, j, "repair")), None)
        if found is None:
            return []
        owned.append(found)
    return sorted(set(owned))


def recommendations(conv: Conversation, found: list[dict[str, Any]], state: dict[str, Any],
                    limit: int = 5) -> list[dict[str, Any]]:
    f = conv.features
    needs: list[tuple[str, str, list[int]]] = []  # (reason key, why, evidence)
    pitfall_needs = []
    v = View.whole(conv)
    for p in found:
        # A pitfall with parts (rushing) is answered part by part: a run of questions calls for
        # reflections, unasked advice for asking first, not the same advice for both.
        for key, reason, evidence in ([(f"{p['pitfall']}.{q['part']}", q["reason"], q["evidence"])
                                       for q in p["parts"]] if "parts" in p else [(p["pitfall"], p["reason"], p["evidence"])]):
            if key == "face_threats" and any(_has(v, i, "advice") for i in evidence):
                key = "face_threats.advising"  # answered by asking first, not as a reproach is
            pitfall_needs.append((key, f"{p['pitfall'].replace('_', ' ')}: {reason}", evidence))
    # The pitfalls that go with worse sessions in both AnnoMI and ESConv come first, then the
    # client's state (an estimate from their words), then the other pitfalls: a confrontational
    # session was told to "slow the pace" for one "I don't know" before it was told to ask
    # before advising.
    # A need's key may name a part ("face_threats.advising"); its pitfall decides the order.
    needs += [n for n in pitfall_needs if n[0].split(".")[0] in SAFETY_FIRST]
    needs += [n for n in pitfall_needs if n[0].split(".")[0] in TIED_TO_WORSE]
    if state["state"] != "none":
        needs.append((state["state"], (f"{whose_words(conv, state['evidence'])} language suggests they are "
                      f"{STATE_WORDS[state['state']]} ({state['basis']})"), state["evidence"]))
    needs += [n for n in pitfall_needs if n[0].split(".")[0] not in TIED_TO_WORSE + SAFETY_FIRST]
    rq = f.get("mi.reflection_to_question")
    if rq is not None and rq < 1.0:
        needs.append(("few_reflections", f"{rq:.2f} reflections per question (MITI 4: 1.0 fair, 2.0 good)", []))
    needs.append(("always", "reflections and checks of understanding build rapport in every session", []))
    # Each need's techniques in turn, first choices before second ones: the client's state alone
    # (three techniques for an anxious client) would otherwise fill the list before the
    # practitioner's own pitfalls get an answer.
    options = [[(name, t, key, why, evidence) for name, t in techniques().items() if key in t["for"]]
               for key, why, evidence in needs]
    fresh, already, seen = [], [], set()
    for rank in range(max(map(len, options), default=0)):
        for name, t, key, why, evidence in (o[rank] for o in options if rank < len(o)):
            if name not in seen:
                seen.add(name)
                # A technique the practitioner already used ("Nothing you say goes anywhere
                # without me telling you first" to a mistrustful teenager) is no news to them:
                # it goes after the others, saying where it was done. Not for a pitfall's
                # answer: the pitfall says it was done too little.
                done = (_shown(conv, v, t) if key in STATES or key == "always"
                        else _owned_after(conv, v, evidence) if name == REPAIRING and key.startswith("face_threats") else [])
                item = {"technique": name, "title": t["title"], "why": why, "advice": t["advice"],
                        "example": t["example"], "evidence": evidence[:10], "already_done": done[:10]}
                (already if done else fresh).append(item)
    # Where reflecting would have fitted, whatever need the technique answers (a run of
    # questions, too few reflections): the moment a question passed over a painful one.
    listening = next((r for r in fresh if r["technique"] == REFLECTING), None)
    if listening is not None and (moment := missed_reflection(conv, v)) is not None:
        said = clip(conv.utterances[moment[0]].text, 60)
        listening["why"] += f"; for instance \"{said}\" (utterance {moment[0]}) was answered with a question"
        listening["evidence"] = sorted({*listening["evidence"], *moment})[:10]
        # The client's own words given back: what a simple reflection there could have been.
        reflection = simple_reflection(conv.utterances[moment[0]].text)
        listening["moment"] = {"utterance": moment[0], "answered_by": moment[1], "reflection": reflection}
        if reflection:
            listening["why"] += f"; a simple reflection there: \"{reflection}\""
    return (fresh + already)[:limit]


STRONG = 65  # a dimension at or above this (0-100) is named as a strength
MI_LABELS = {"reflection_to_question": ("Reflections outnumber questions", "{:.2f} reflections per question"),
             "percent_complex_reflections": ("Complex reflections", "{:.0f}% of reflections are complex"),
             "percent_open_questions": ("Open questions", "{:.0f}% of questions are open")}
# An MI score is a strength only over this many of what it divides, coded at 0.5 or more: 2
# reflections to 1 question is "good" by MITI's ratio and says little about a 14-utterance
# discharge talk, nor do four weak reflections that were sympathy ("Oh you poor thing.").
REFLECTIONS = ("reflection.simple", "reflection.complex")
MI_BASE = {"reflection_to_question": REFLECTIONS, "percent_complex_reflections": REFLECTIONS,
           "percent_open_questions": ("question.open", "question.closed")}
MI_STRENGTH_MIN = 4
MI_CODES = {"reflection_to_question": REFLECTIONS,
            "percent_complex_reflections": ("reflection.complex",),
            "percent_open_questions": ("question.open",)}


def risk_taken_up(conv: Conversation, v: View, follow: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The strength of meeting risk language head-on: direct questions about it and steps
    towards safety after the first sure flag (or the first unsure one asked about), when no
    precise flag went without a response."""
    sure = [f for f in follow if f["sure"]]
    if any(f["precise"] and f["follow_up"] == "not_followed_up" for f in sure):
        return None
    # A hint the model is unsure of, asked about directly ("I can't see a way out of it." /
    # "Have you had any thoughts of ending your life?"), is met head-on all the same.
    met = sure or [f for f in follow if f["follow_up"] == "asked"]
    if not met:
        return None
    asked = sorted({f["by"] for f in met if f["follow_up"] == "asked"})
    steps = [i for i in v.givers if i > met[0]["utterance"] and SAFETY_STEP.search(conv.utterances[i].text)]
    parts = ([f"asked about it directly{'' if len(asked) == 1 else f' {len(asked)} times'}"] if asked else []) + (
             [f"took {counted(len(steps), 'step')} towards safety"] if steps else [])
    if not parts:
        return None
    return {"strength": "risk_taken_up", "title": "Took up the risk",
            "reason": " and ".join(parts), "evidence": sorted({*asked, *steps})[:10]}


RISE = 20  # points of change talk's share from the first half to the second that count as a rise


def checked_understanding(v: View) -> dict[str, Any] | None:
    """Checking that what was understood, or explained, landed ("Can I just check what you've
    taken from what I've said so far, in your own words?"), which SPEC section 6 asks of
    every session."""
    checks = [i for i in v.givers if _has(v, i, "check_understanding")]
    if not checks:
        return None
    return {"strength": "checked_understanding", "title": "Checked understanding",
            "reason": f"checked what was understood{'' if len(checks) == 1 else f' {len(checks)} times'}",
            "evidence": checks[:10]}


def drew_in_quieter(conv: Conversation, v: View) -> dict[str, Any] | None:
    """In a group, calling by name on members who had said less than an even share so far,
    who then answered ("Ben, Chloe, you've been quiet. What's your take?" / "I don't know. I
    didn't really get..."): the answer to uneven participation, done."""
    members = [s.name for s in conv.speakers if s.role != Role.PRACTITIONER]
    if len(members) < 2:
        return None
    calls = member_calls(conv)
    words, turns = conv.features["text.words"], conv.turns
    said = dict.fromkeys(members, 0)
    drawn: dict[str, int] = {}
    for k, t in enumerate(turns):
        speaker = conv.utterances[t.utterances[0]].speaker
        if speaker in said:
            said[speaker] += sum(words[i] for i in t.utterances)
            continue
        if t.utterances[0] not in v.givers or k + 1 >= len(turns):
            continue
        text = _text(conv, t)
        even = sum(said.values()) / len(members)
        nxt = conv.utterances[turns[k + 1].utterances[0]].speaker
        for name, rx in calls.items():
            if rx.search(text) and said[name] < even and nxt == name and name not in drawn:
                drawn[name] = t.utterances[0]
    if not drawn:
        return None
    names = list(drawn)
    who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return {"strength": "drew_in_quieter", "title": "Drew in the quieter members",
            "reason": f"called on {who}, who had said less than an even share, and heard them out",
            "evidence": sorted(drawn.values())[:10]}


def laughed_together(conv: Conversation, v: View) -> dict[str, Any] | None:
    """Laughter shared between the practitioner and a client (``nonverbal.shared_laughter``;
    "[laughs] The dog ate my homework sheet." / "[laughs] That's a new one."): positivity, one of
    the three parts of rapport, shown by both at once. Nervous laughter is not counted."""
    shared = conv.features.get("nonverbal.shared_laughter") or []
    us, givers = conv.utterances, set(v.givers)
    moments = [m for m in shared if (m[0] == m[1] or (m[0] in givers) != (m[1] in givers))
               and not any(laughs_uneasily(us[i].text) for i in m)]
    if not moments:
        return None
    return {"strength": "laughed_together", "title": "Laughed together",
            "reason": f"shared laughter {times(len(moments))}",
            "evidence": sorted({i for m in moments for i in m})[:10]}


def asked_before_advising(conv: Conversation, v: View) -> dict[str, Any] | None:
    """Asking leave before advising or informing ("Would it be alright if I told you about some
    things that help?"), when the client did not turn it down."""
    us = conv.utterances
    theirs = v.receivers
    asked = []
    for i in v.givers:
        if PERMISSION.search(us[i].text):
            reply = next((j for j in theirs if j > i), None)
            if reply is not None and not DECLINE.search(us[reply].text):
                asked.append(i)
    if not asked:
        return None
    return {"strength": "asked_before_advising", "title": "Asked permission first",
            "reason": f"asked leave before advising, informing or raising a subject"
                      f"{'' if len(asked) == 1 else f' {len(asked)} times'}, and was not turned down",
            "evidence": asked[:10]}


def change_talk_rose(conv: Conversation, v: View) -> dict[str, Any] | None:
    """The client's change talk taking a larger share of change and sustain talk in the second
    half than in the first (by ``RISE`` points or more, ending at half or more): in MI, the
    client's own language moving towards change is what the session is for."""
    talk = conv.features.get("mi.client_talk") or {}
    first, second = talk.get("first_half"), talk.get("second_half")
    if first is None or second is None or second - first < RISE or second < 50:
        return None
    half = len(conv.utterances) / 2
    evidence = [i for i in v.with_code(v.receivers, "change_talk") if i >= half]
    return {"strength": "change_talk_rose", "title": "Change talk grew",
            "reason": f"the client's change talk rose from {first:.0f}% of change and sustain talk in the first half "
                      f"to {second:.0f}% in the second", "evidence": evidence[:10]}


def strengths(conv: Conversation, ruptures: list[dict[str, Any]], limit: int = 5,
              follow: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """What went well: first what the practitioner did at a given moment (risk language
    taken up, ``risk_taken_up``; ruptures repaired; understanding checked; permission asked;
    change talk that grew), then high dimensions and MI scores at the 'good' threshold; each
    with the utterances behind it."""
    f = conv.features
    v = View.whole(conv)
    out: list[dict[str, Any]] = [s for s in [risk_taken_up(conv, v, follow or [])] if s]
    for r in ruptures:
        if r["repair"] and r["recovered"]:
            out.append({"strength": "repair", "title": "Repaired a rupture",
                        "reason": (f"{r['kind']} at utterance {r['start']}, repaired at {r['repair']['utterance']}; "
                                   f"engagement came back at {r['recovery']}"),
                        "evidence": [r["start"], r["repair"]["utterance"], r["recovery"]]})
    out += [x for x in (checked_understanding(v), asked_before_advising(conv, v), drew_in_quieter(conv, v),
                        change_talk_rose(conv, v), laughed_together(conv, v)) if x]
    dims = f.get("dimensions") or {}
    for name, d in sorted(dims.items(), key=lambda kv: -(kv[1]["score"] or 0)):
        if d["score"] is None or d["score"] < STRONG:
            continue
        # A component that works against the dimension scores high by being absent: not a "lead".
        top = sorted(((c["scaled"], n) for n, c in d["components"].items()
                      if c["scaled"] is not None and not AGAINST.get(n)), reverse=True)[:2]
        out.append({"strength": name, "title": name.replace("_", " ").capitalize(),
                    "reason": f"{d['score']:.0f}/100, led by " + "; ".join(n.replace("_", " ") for _, n in top),
                    "evidence": d["evidence"][:10]})
    for key, level in (f.get("mi.levels") or {}).items():
        sure = [i for i in v.givers if any(_has(v, i, c) for c in MI_BASE[key])]
        if level == "good" and len(sure) >= MI_STRENGTH_MIN:
            title, fmt = MI_LABELS[key]
            out.append({"strength": f"mi.{key}", "title": title,
                        "reason": fmt.format(f[f"mi.{key}"]) + " (MITI: good)",
                        "evidence": v.with_code(v.givers, *MI_CODES[key])[:10]})
    return out[:limit]
