"""Assuming shared meaning: the client asking what was meant, and abbreviations left unexplained."""

import pytest

import rapportlens
from rapportlens import Conversation, Role
from rapportlens.rapport.shared_meaning import CLARIFYING, NOT_ASKING, unexplained_terms
from rapportlens.rapport.view import View

ROLES = {"N": Role.PRACTITIONER, "P": Role.CLIENT}
DISCHARGE = [
    ("N", "You'll be on the new anticoagulant twice daily, and we've stopped the ramipril because of your eGFR."),
    ("P", "Okay."),
    ("N", "Any PND or orthopnoea, come straight back, and watch for signs of a DVT."),
    ("P", "Right."),
    ("N", "Cardiology will send you an appointment for an echo in six weeks."),
    ("P", "Sorry, what's an echo?"),
    ("N", "It's just a scan. Any questions?"),
    ("P", "What was the new tablet called again?"),
    ("N", "It's on the sheet. Sign here then."),
]


def shared(pairs):
    conv = rapportlens.analyze(Conversation.from_pairs(pairs, roles=ROLES))
    return conv, next((p for p in conv.features["pitfalls"] if p["pitfall"] == "assuming_shared_meaning"), None)


@pytest.mark.parametrize("said", [
    "Sorry, what's an echo?", "What does that mean?", "What was the new tablet called again?", "Pardon?",
    "I don't follow.", "I don't know what that means.", "Could you explain that again?", "I'm a bit lost.",
    "What does PND stand for?",
])
def test_asking_what_was_meant(said):
    assert CLARIFYING.search(said) and not NOT_ASKING.search(said)


@pytest.mark.parametrize("said", [
    "What's that about? She smoked more than me.", "I don't know what it is about him.",
    "I'm confused about why I keep doing it", "What's the point?", "What do you mean I drink too much?",
    "I don't understand why he left.",
])
def test_not_asking_what_was_meant(said):
    assert not CLARIFYING.search(said) or NOT_ASKING.search(said)


def test_a_client_who_has_to_ask_twice_and_unexplained_abbreviations_make_the_pitfall():
    conv, found = shared(DISCHARGE)
    assert [q["part"] for q in found["parts"]] == ["client_asked", "unexplained_terms"]
    assert found["parts"][0]["evidence"] == [5, 7]
    assert found["parts"][1]["reason"] == "3 abbreviations the client never used went unexplained: eGFR, PND, DVT"
    assert found["parts"][1]["evidence"] == [0, 2]
    # Answered by plain words and teach-back, not by "Check your understanding" in general.
    assert conv.features["recommendations"][0]["technique"] == "plain_words"


def test_checking_understanding_once_answers_it():
    _, found = shared([*DISCHARGE, ("P", "Okay."),
                       ("N", "So I know I explained it well, could you tell me in your own words how you'll take them?")])
    assert found is None


def test_terms_the_client_uses_too_are_shared():
    conv = Conversation.from_pairs([("N", "Your INR and eGFR are fine, and the ECG too."),
                                    ("P", "Good, my INR was high last time.")], roles=ROLES)
    assert unexplained_terms(conv, View.whole(conv)) == ([], [])  # two left: under the three needed
    conv = Conversation.from_pairs([("N", "I am NOT saying you did it wrong. The CBT and the DBT group help with PTSD, as does ACT."),
                                    ("P", "Okay.")], roles=ROLES)
    assert unexplained_terms(conv, View.whole(conv)) == (["CBT", "DBT", "PTSD"], [0])  # "ACT" is a word too


def test_one_question_about_a_word_is_no_pitfall():
    _, found = shared(DISCHARGE[4:7] + [("P", "Okay, thanks.")])
    assert found is None


def test_thin_mi_scores_are_no_strength():
    conv, _ = shared(DISCHARGE)
    assert not [s for s in conv.features["strengths"] if s["strength"].startswith("mi.")]


def test_shouting_and_words_in_capitals_are_not_terms():
    conv = Conversation.from_pairs([("N", "WELL THERE AREN'T any PURPLE PANDAS, are there? LOVE that. OHHHH."),
                                    ("P", "Ha."), ("N", "Don't GIVE UP, you're BEST at this, I SWEAR."), ("P", "Okay.")],
                                   roles=ROLES)
    assert unexplained_terms(conv, View.whole(conv)) == ([], [])


def test_a_peer_group_is_not_faulted_for_reflections_nobody_codes():
    from rapportlens import read_text

    text = "\n".join(f"{who}: {said}" for who, said in [
        ("Ana", "So how did everyone get on with the assignment?"), ("Ben", "I haven't started. Rough week."),
        ("Cara", "Same, I've done about half."), ("Ana", "No worries. Shall we split the work?")] * 4)
    (conv,) = read_text(text, peers=True)
    found = rapportlens.analyze(conv).features["pitfalls"]
    assert "assuming_shared_meaning" not in [p["pitfall"] for p in found]
