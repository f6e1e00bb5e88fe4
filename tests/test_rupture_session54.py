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


def test_having_to_give_it_again_and_waving_aside_what_was_said_are_pushback():
    from tests.rupture_helpers import C, coded

    assert coded("I've given it twice already. It's 448 2291.", "confrontation", C)
    assert coded("I know there's a fault. What I want to know is when it's getting fixed.", "confrontation", C)
    assert not coded("I've given it some thought.", "confrontation", C)
    conv = analyzed([
        ("Agent", "Thanks for calling, you're speaking to Priya. How can I help?"),
        ("Customer", "I've been without internet for four days. This is the third time I've called."),
        ("Agent", "Can I take your account number please?"),
        ("Customer", "I've given it twice already. It's 448 2291."),
        ("Agent", "Thank you. I can see there's an open fault on your line."),
        ("Customer", "I know there's a fault. What I want to know is when it's getting fixed. I work from home."),
        ("Agent", "You're right, and I'm sorry. Having to explain it three times makes it worse. Let me sort it now."),
        ("Customer", "Thank you. That would really help, I've got a deadline on Friday."),
    ], roles={"Agent": Role.PRACTITIONER, "Customer": Role.CLIENT})
    [r] = conv.features["ruptures"]
    assert (r["start"], r["repair"]["utterance"], r["repaired"]) == (1, 6, True)


def test_calling_the_judgement_unfair_is_pushback_and_running_down_work_a_face_threat():
    from tests.rupture_helpers import C, coded

    assert coded("I worked really hard on that. That's not fair.", "confrontation", C)
    assert coded("That's so unfair!", "confrontation", C)
    assert not coded("My sister got the house. That's not fair.", "confrontation", C)
    assert not coded("It's not fair that my boss gets the credit.", "confrontation", C)
    conv = analyzed([
        ("Teacher", "Come in, Amira. I wanted to talk about your history essay."),
        ("Student", "Okay."),
        ("Teacher", "Honestly, it wasn't your best work. The argument was all over the place."),
        ("Student", "I worked really hard on that. That's not fair."),
        ("Teacher", "I'm sorry, that came out harsher than I meant. Can you tell me how you went about writing it?"),
        ("Student", "I read the chapter twice and then just wrote. I didn't know how to find sources."),
    ], roles={"Teacher": Role.PRACTITIONER, "Student": Role.CLIENT})
    assert any(c["code"] == "face_threat" for c in conv.features["codes"][2])
    [r] = conv.features["ruptures"]
    assert (r["start"], r["repair"]["utterance"], r["repaired"]) == (3, 4, True)


def test_a_complaint_one_partner_makes_to_the_other_is_no_rupture():
    conv = analyzed([
        ("Therapist", "It sounds like money has become a sore spot for both of you."),
        ("Daniel", "Yeah. I just feel like whatever I say is wrong."),
        ("Maya", "Because you never listen! You just shut down and go on your phone."),
        ("Therapist", "Maya, what happens for you when Daniel goes quiet?"),
        ("Maya", "I feel alone. Like I'm carrying all of it."),
        ("Daniel", "Whatever. I don't see how talking about it helps."),
        ("Therapist", "I may have moved too quickly there, Daniel. Tell me what felt off."),
        ("Daniel", "It's just that we've done this before with another counsellor and nothing changed."),
    ], roles={"Therapist": Role.PRACTITIONER, "Maya": M, "Daniel": M})
    # Maya's "you" is Daniel; Daniel's doubt about the talking is about the help itself.
    assert [(r["speaker"], r["start"]) for r in conv.features["ruptures"]] == [("Daniel", 5)]


def test_a_complaint_to_the_facilitator_about_another_member_still_counts():
    from rapportlens.rapport.ruptures import SECOND_PERSON

    assert SECOND_PERSON.search("Why do you always let her go on?")
    conv = analyzed([
        ("Facilitator", "Maria, how was your week?"),
        ("Maria", "Long. My sister visited, and then the boiler broke, and then work called me in on Sunday."),
        ("Tom", "Why do you always let her go on? I'm sick of never getting a word in."),
        ("Facilitator", "You're right, Tom, I should have made space. What's been happening for you?"),
        ("Tom", "The job centre stopped my payments and I don't know what to do about rent."),
    ], roles={"Facilitator": Role.PRACTITIONER, "Maria": M, "Tom": M})
    assert [(r["speaker"], r["start"]) for r in conv.features["ruptures"]] == [("Tom", 2)]
