"""Rupture and client-state cases from session 54's conversations (a family session, written
for the project)."""

from tests.rupture_helpers import analyzed

from rapportlens import Role

M = Role.MEMBER
FAMILY = {"Therapist": Role.PRACTITIONER, "Mum": M, "Dad": M, "Jake": M}
ARGUMENT = [
    ("Therapist", "Jake, what's it like for you hearing that?"),
    ("Jake", "They just go on and on. Nobody asks me anything."),
    ("Mum", "That's not fair, we ask you all the time."),
    ("Dad", "You never answer."),
    ("Therapist", ("Can I pause us there for a second? Jake, you said nobody asks you anything. I'd like to ask you. "
                  "What's been going on at school?")),
    ("Jake", "There's some lads in my year. They've been giving me grief."),
    ("Mum", "You never told us that."),
    ("Therapist", "Mum, I can see that's news to you. Jake, thanks for saying it."),
    ("Jake", "I didn't want them to make a big deal of it."),
]


def test_turning_to_another_member_owns_no_misstep_towards_the_one_who_spoke():
    conv = analyzed(ARGUMENT, roles=FAMILY)
    assert not [r for r in conv.features["ruptures"] if r["speaker"] == "Dad"]


def test_what_members_say_to_each_other_is_not_mistrust_of_the_practitioner():
    conv = analyzed(ARGUMENT, roles=FAMILY)
    state = conv.features["client_state"]
    assert state["state"] != "mistrustful"
    assert 3 not in state["evidence"] and 6 not in state["evidence"]


def test_the_state_says_whose_words_it_came_from():
    from rapportlens.rapport.feedback import whose_words

    conv = analyzed(ARGUMENT, roles=FAMILY)
    assert whose_words(conv, [1, 5]) == "Jake's"
    assert whose_words(conv, [2, 3]) == "Mum and Dad's"
    assert whose_words(conv, [1, 2, 3]) == "some members'"
    pair = analyzed(ARGUMENT[:2], roles=FAMILY)
    assert whose_words(pair, [1]) == "the client's"


def test_taking_a_step_in_few_words_is_coming_back():
    from rapportlens.rapport.rupture_turns import COMMITTING

    assert COMMITTING.search("Okay. Maybe I could call them.")
    assert COMMITTING.search("I'll give the patches a go.")
    assert not COMMITTING.search("I could never do that.")
    conv = analyzed([
        ("Nurse", "Could we talk about some options? There's a local service that can help you make a safety plan."),
        ("Patient", "I don't want to leave him."),
        ("Nurse", "That's your decision to make. The service won't push you to leave. They can help you stay safer."),
        ("Patient", "Okay. Maybe I could call them."),
    ], roles={"Nurse": Role.PRACTITIONER, "Patient": Role.CLIENT})
    for r in conv.features["ruptures"]:
        assert r["recovered"] and r["recovery"] == 3
