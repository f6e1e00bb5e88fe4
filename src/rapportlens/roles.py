"""Deciding who is the practitioner: given by the user, given by the data, or inferred.

Inference, in order:
1. a speaker whose name names a practitioner role ("Therapist", "Dr. Lee", "T");
2. otherwise the speaker who asks the largest share of questions (question marks, or an
   utterance opening like a question) is the practitioner, the earlier speaker on a tie;
   speakers named as clients ("Patient", "Student 2") are never picked this way.
The others are the client when one remains, members when several do (a group).
Inferred roles are marked ``role_inferred`` and say why in ``role_basis``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .errors import InputError, OptionError
from .model import Conversation, Role, Speaker

_ROLE_WORDS = {
    Role.PRACTITIONER: {
        "therapist", "counselor", "counsellor", "interviewer", "clinician", "doctor", "dr", "nurse",
        "teacher", "tutor", "instructor", "lecturer", "professor", "coach", "agent", "host", "guide",
        "facilitator", "supporter", "helper", "moderator", "practitioner", "provider", "advisor",
        "adviser", "mentor", "physician", "psychologist", "psychiatrist", "caseworker", "worker",
        "listener", "operator", "representative", "rep", "staff", "trainer", "t", "th", "int",
        "officer", "supervisor", "manager", "pharmacist", "dietitian", "dietician", "physio",
        "physiotherapist", "midwife", "social", "keyworker", "volunteer", "gp", "consultant",
        "surgeon", "paramedic", "dentist", "psychotherapist", "chaplain", "advocate", "assistant", "bot", "chatbot",
    },
    Role.CLIENT: {
        "client", "patient", "student", "customer", "caller", "seeker", "user", "learner",
        "mentee", "visitor", "pupil", "resident", "interviewee", "respondent", "c", "p", "pt", "cl",
        "trainee", "employee", "parent", "tenant", "applicant", "claimant", "mum", "mom", "dad",
    },
    Role.MEMBER: {"member", "participant"},
}
_ROLE_VALUES = {word: role for role, words in _ROLE_WORDS.items() for word in words}
_QUESTION_OPENING = re.compile(
    r"^\s*(what|why|how|when|where|who|which|do|does|did|is|are|was|were|can|could|would|will|"
    r"have|has|tell me|say more)\b",
    re.IGNORECASE,
)


def role_from_value(value: str) -> Role | None:
    """A role column's value ("therapist", "Client", "member") as a Role; None if unknown."""
    return _ROLE_VALUES.get(re.sub(r"[^a-z ]", "", value.strip().lower()).strip())


def role_from_name(name: str) -> Role | None:
    """The role a speaker name names by its first word ("Dr. Lee", "Student 2"); "T Smith": none."""
    words = re.findall(r"[a-z]+", name.lower())
    if not words or (len(words[0]) == 1 and len(words) > 1):
        return None  # a leading single letter followed by more is initials, not a role
    return _ROLE_VALUES.get(words[0])


_YOU = re.compile(r"\b(?:you|your|yours|yourself|you're|you've|you'll|you'd)\b", re.IGNORECASE)
_ME = re.compile(r"\b(?:i|me|my|mine|myself|i'm|i've|i'll|i'd)\b", re.IGNORECASE)
# Who opens the session as host: "Thank you both for coming in", "Thanks for calling Northline,
# how can I help?", "What brings you in today?" (not "Thanks for seeing me", a client's).
_HOSTING = re.compile(
    r"^\W*(?:(?:hi|hello|hey|good (?:morning|afternoon|evening))\b[^.?!]{0,40}?[.,!]*\s*)?"
    r"(?:thank(?:s| you)(?: both| all| so much| very much)? for (?:coming|calling(?! me)|joining|getting in touch|"
    r"reaching out|taking the time)|welcome\b|what brings you|how can i help|how may i help|what can i (?:do|help) (?:for|with)|"
    r"(?:i'?m|i am|iam) here (?:to (?:help|listen|support)|for you))",
    re.IGNORECASE,
)
# Who opens as the visitor: "Thanks for seeing us. We wanted to talk about Zara's report." (a
# parent at a teacher's meeting; asking "So what happens to it?" made her look the host), "I've
# come about my back". Not "I wanted to talk about your results", which a host says too.
_VISITING = re.compile(
    r"^\W*(?:(?:hi|hello|hey|good (?:morning|afternoon|evening))\b[^.?!]{0,40}?[.,!]*\s*)?"
    r"(?:thank(?:s| you)(?: so much| very much)? for (?:seeing|having|meeting (?:with )?|fitting in|making time for) (?:me|us)\b|"
    r"we (?:just )?(?:wanted|want|would like|'d like) to (?:talk|ask|speak) (?:to you |with you )?about\b|"
    r"(?:i'?ve|i have|we'?ve|we have) come (?:in )?(?:about|because)\b|(?:i'?m|i am|we'?re|we are) here (?:about|because of) (?:my|our)\b)",
    re.IGNORECASE,
)
VISITING_PENALTY = 1.0  # more than any difference in questions and pronouns (about -0.3..1.3)
YOU_WEIGHT = 3  # per-word rates of "you" less "I" (about -0.1..0.1) weighed against the question share (0..1)


def _question_share(conv: Conversation, name: str) -> float:
    utts = [u for u in conv.utterances if u.speaker == name]
    asked = sum("?" in u.text or bool(_QUESTION_OPENING.match(u.text)) for u in utts)
    return asked / len(utts) if utts else 0.0


def _leads(conv: Conversation, name: str) -> tuple[bool, float, str]:
    """How much ``name`` talks like the one running the session: opening it as host, then asking
    and talking about the other ("you") more than about themselves ("I"). With names hidden,
    questions alone picked the practitioner in 85 of 93 AnnoMI sessions and 804 of 910 ESConv
    chats; with the host opening and the pronouns, 93 and 877 (docs/formats.md)."""
    utts = [(i, u) for i, u in enumerate(conv.utterances) if u.speaker == name]
    if not utts:
        return False, 0.0, ""
    if utts[0][0] < 3 and (m := _HOSTING.search(utts[0][1].text)):
        return True, 0.0, f"opens the session as host ('{m.group(0).strip()}')"
    text = " ".join(u.text for _, u in utts)
    words = max(1, len(text.split()))
    you, me = len(_YOU.findall(text)) / words, len(_ME.findall(text)) / words
    share = _question_share(conv, name)
    visiting = utts[0][0] < 3 and _VISITING.search(utts[0][1].text) is not None
    return False, share + YOU_WEIGHT * (you - me) - (VISITING_PENALTY if visiting else 0.0), (
        f"asks questions in {share:.0%} of their utterances and says 'you' {100 * you:.1f} and 'I' "
        f"{100 * me:.1f} times per 100 words" + (", but opens as a visitor" if visiting else ""))


def _most_leading(conv: Conversation, names: list[str], order: list[str]) -> tuple[str, str]:
    """The candidate who most talks like the practitioner, and why; on a tie the one who spoke first."""
    led = {n: _leads(conv, n) for n in names}
    chosen = max(names, key=lambda n: (led[n][0], led[n][1], -order.index(n)))
    return chosen, led[chosen][2]


def _match_names(conv: Conversation, wanted: Iterable[str], option: str) -> set[str]:
    by_lower = {n.lower(): n for n in conv.speaker_names}
    found = set()
    for w in wanted:
        if w.lower() not in by_lower:
            raise InputError(
                f"{option} {w!r} is not a speaker in this conversation",
                path=conv.source, where=f"conversation {conv.id}",
                fix=f"use one of: {', '.join(conv.speaker_names)}",
            )
        found.add(by_lower[w.lower()])
    return found


def _given(conv: Conversation, practitioners: Sequence[str], clients: Sequence[str]) -> list[Speaker]:
    prac = _match_names(conv, practitioners, "--practitioner")
    cli = _match_names(conv, clients, "--client")
    rest = [n for n in conv.speaker_names if n not in prac | cli]
    speakers = []
    for s in conv.speakers:
        if s.name in prac:
            speakers.append(Speaker(s.name, Role.PRACTITIONER, False, "given with --practitioner"))
        elif s.name in cli:
            speakers.append(Speaker(s.name, Role.CLIENT, False, "given with --client"))
        elif prac:
            role = Role.CLIENT if len(rest) == 1 and not cli else Role.MEMBER
            speakers.append(Speaker(s.name, role, False, "not named with --practitioner"))
        else:
            speakers.append(s)
    return speakers


def assign_roles(
    conv: Conversation, practitioners: Sequence[str] = (), clients: Sequence[str] = (), *, peers: bool = False
) -> Conversation:
    """Return the conversation with every speaker's role set, saying how each was decided.
    With ``peers`` nobody runs the conversation: every speaker is a member."""
    if peers:
        if practitioners or clients:
            raise OptionError("--peers makes every speaker a member; it cannot be combined with "
                              "--practitioner or --client")
        result = [Speaker(s.name, Role.MEMBER, False, "given with --peers") for s in conv.speakers]
        return conv if result == list(conv.speakers) else conv.with_speakers(result)
    speakers = _given(conv, practitioners, clients) if practitioners or clients else list(conv.speakers)
    names = [s.name for s in speakers]
    decided: dict[str, Speaker] = {s.name: s for s in speakers if s.role is not None}
    hints = {s.name: role_from_name(s.name) for s in speakers if s.name not in decided}
    for n, hint in hints.items():
        if hint is Role.PRACTITIONER:
            decided[n] = Speaker(n, hint, True, f"the name {n!r} names the role")
    if len(names) > 1 and all(hints.get(n) is Role.PRACTITIONER for n in names):
        # Every name names a practitioner ("Coach" and "Manager"): nobody would be the client,
        # so the one who most talks like the practitioner leads and the others are the clients or members.
        chosen, why = _most_leading(conv, names, names)
        decided = {chosen: Speaker(chosen, Role.PRACTITIONER, True, f"every name names a practitioner; {why}")}
        hints = {n: None for n in names if n != chosen}
    open_names = [n for n in names if n not in decided]
    if open_names and len(names) > 1 and not any(
        s.role is Role.PRACTITIONER for s in decided.values()
    ):
        candidates = [n for n in open_names if hints.get(n) is None] or open_names
        chosen, why = _most_leading(conv, candidates, names)
        decided[chosen] = Speaker(chosen, Role.PRACTITIONER, True, why)
    # Client or member depends on the group, not the label: "Student 1" in a class is a member.
    others = [n for n in names if n not in decided or decided[n].role is not Role.PRACTITIONER]
    for n in names:
        if n in decided:
            continue
        if len(names) == 1:
            decided[n] = Speaker(n, Role.MEMBER, True, "the only speaker")
            continue
        role = Role.CLIENT if len(others) == 1 else Role.MEMBER
        basis = f"the name {n!r} names the role" if hints.get(n) else "not the practitioner"
        if len(others) > 1:
            basis += f"; one of {len(others)} non-practitioners in a group"
        decided[n] = Speaker(n, role, True, basis)
    result = [decided[n] for n in names]
    return conv if result == list(conv.speakers) else conv.with_speakers(result)
