"""Answers to a practitioner's direct question about risk are flagged unless they deny it."""

import pytest

import rapportlens
from rapportlens import Conversation, Role
from rapportlens.rapport.risk import how_found
from rapportlens.rapport.risk_answers import risk_answers

ROLES = {"W": Role.PRACTITIONER, "C": Role.CLIENT}


def answers(question, answer):
    return [(a.category, a.utterance, a.question) for a in
            risk_answers(Conversation.from_pairs([("W", question), ("C", answer)], roles=ROLES))]


@pytest.mark.parametrize("question,answer,category", [
    ("When you say everyone would be better off, are you having thoughts of ending your life?",
     "Not like, a plan. Just sometimes at night.", "suicide"),
    ("Have you thought about suicide?", "No, but sometimes I wish I could disappear.", "suicide"),
    ("Do you ever feel like hurting yourself?", "Sometimes.", "self_harm"),
    ("Does he hit you?", "Only when he drinks.", "abuse"),
    ("Do you feel safe at home?", "Mostly.", "abuse"),  # anything but a yes
    ("Do you feel safe at home?", "Yeah, but not when he drinks.", "abuse"),
    ("Are you hearing voices?", "I'm not sure.", "psychosis"),
    ("Have you had thoughts of hurting your baby?", "I get these flashes, yes.", "harm_to_others"),
])
def test_an_answer_that_does_not_deny_is_flagged(question, answer, category):
    assert (category, 1, 0) in answers(question, answer)


@pytest.mark.parametrize("question,answer", [
    ("Have you thought about suicide?", "No."),
    ("Have you thought about suicide?", "No, never."),
    ("Do you feel safe at home?", "Yes, totally."),
    ("Are you hearing voices?", "I'm not, no."),
    ("How do you feel after you drink?", "Blurry."),  # "after you" is no one following the client
    ("Have you tried a spray that will kill them?", "Yes, twice."),  # bedbugs
    ("What would it take for you to feel safe?", "Knowing where he is."),  # not a yes/no question about safety
    ("I'd like to ask about suicide.", "Okay."),  # not a question
])
def test_denials_and_other_questions_are_not(question, answer):
    assert answers(question, answer) == []


def test_the_risk_flags_carry_the_answer_and_the_question():
    conv = rapportlens.analyze(Conversation.from_pairs([
        ("W", "How have the nights been?"),
        ("C", "Long. I lie awake a lot."),
        ("W", "Are you having thoughts of ending your life?"),
        ("C", "Not like, a plan. Just sometimes at night."),
    ], roles=ROLES))
    [flag] = [r for r in conv.features["risk"] if r["source"] == "answer"]
    assert flag["utterance"] == 3 and flag["category"] == "suicide" and flag["question"] == 2
    assert flag["evidence"] == "Not like, a plan. Just sometimes at night."
    assert "answer to the question at utterance 2 about 'ending your life'" == how_found(flag)


def probed(pairs, flagged=((1, "suicide"),)):
    conv = Conversation.from_pairs(pairs, roles=ROLES)
    return [(a.category, a.utterance, a.question, a.asked) for a in risk_answers(conv, flagged)]


DISCLOSURE = [("W", "What's been going on?"), ("C", "I've been thinking everyone would be better off without me.")]


def test_an_answer_to_a_probing_question_confirms_the_disclosure_before_it():
    found = probed([*DISCLOSURE, ("W", "Thank you for telling me. Have you thought about how you would do it?"),
                    ("C", "I've got pills saved up."), ("W", "When were you thinking of doing it?"),
                    ("C", "This weekend maybe.")])
    # The second probe follows up the first answer, so it chains.
    assert found == [("suicide", 3, 2, "Have you thought about how you would do it"),
                     ("suicide", 5, 4, "When were you thinking of doing it")]


@pytest.mark.parametrize("pairs,flagged", [
    ([*DISCLOSURE, ("W", "Have you thought about how you would do it?"), ("C", "No, I haven't got that far.")],
     ((1, "suicide"),)),  # a denial
    ([*DISCLOSURE, ("W", "Is anyone with you right now?"), ("C", "My mum's downstairs.")], ((1, "suicide"),)),
    ([*DISCLOSURE, ("W", "Have you thought about how you would do it?"), ("C", "Pills.")], ()),  # nothing flagged
    ([*DISCLOSURE, *[("W", "Mm."), ("C", "Yeah.")] * 4, ("W", "Have you made a plan for the holidays?"),
      ("C", "Going to my sister's.")], ((1, "suicide"),)),  # too long after the disclosure
])
def test_a_probe_answer_is_no_flag_without_a_recent_disclosure_or_when_denied(pairs, flagged):
    assert probed(pairs, flagged) == []


def test_a_probe_answer_the_model_was_unsure_of_becomes_a_sure_answer_flag():
    conv = rapportlens.analyze(Conversation.from_pairs(
        [*DISCLOSURE, ("W", "Have you thought about how you would do it?"),
         ("C", "I've got a lot of pills saved up in the bathroom.")], roles=ROLES))
    flags = [f for f in conv.features["risk"] if f["utterance"] == 3]
    assert [(f["source"], f["category"], f.get("unsure")) for f in flags] == [("answer", "suicide", None)]
    assert how_found(flags[0]) == ("answer to the question at utterance 2 about "
                                   "'Have you thought about how you would do it'")
