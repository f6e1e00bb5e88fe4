"""Rupture cases from session 56's conversations (a support group with transcriber's notes,
written for the project)."""

from tests.rupture_helpers import analyzed

from rapportlens import Role

ROLES = {"Facilitator": Role.PRACTITIONER, "Sam": Role.MEMBER, "Priya": Role.MEMBER}
GROUP = [
    ("Facilitator", "Welcome back everyone. Who'd like to start with how the week went?"),
    ("Sam", "I will. It was rough. [laughs] My landlord finally fixed the boiler though."),
    ("Priya", "[laughs] Only took him three months."),
    ("Facilitator", "Three months without hot water. That's a long time to put up with."),
    ("Sam", "Yeah. I've been showering at the gym. (pause) Honestly it's made me feel like a failure."),
    ("Facilitator", "Like a failure, because of something your landlord didn't do."),
    ("Priya", "That's not on you, Sam."),
    ("Sam", "I know. [sighs] It's just everything piling up."),
    ("Facilitator", "Priya, how has your week been?"),
    ("Priya", "Better. I went back to the allotment and the tomatoes actually came up."),
]


def test_a_member_reassuring_another_by_name_is_no_rupture():
    assert analyzed(GROUP, ROLES).features["ruptures"] == []


def test_a_member_pushing_back_at_the_facilitator_still_is():
    turns = GROUP[:6] + [("Priya", "Why do you always twist what people say? That's not what Sam meant at all.")]
    ruptures = analyzed(turns, ROLES).features["ruptures"]
    assert [(r["start"], r["kind"]) for r in ruptures] == [(6, "confrontation")]
